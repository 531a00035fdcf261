"""The same quote as worded by different outlets (the ``quote_variants`` table).

Input: the ``quotes`` table (quote_id, article_id, outlet, speaker, text ...).
Output: ``quote_variants``: group_id, speaker, outlet, quote_id,
reference_text, text, change, diff: one row per (group, quote).

Method.

1. **Segments.** Each quote is split into sentences ("segments"); a segment
   shorter than ``settings.variant_min_words`` is merged into its neighbour.
   Grouping works on segments, because outlets cut and join quotes
   differently: Insider prints "This will generate a lot of attention. It's
   showing that ..." as one quote where Newsweek interrupts it with "Hertling
   added". A group is therefore one *sentence* of a speaker as carried by
   several outlets, and a multi-sentence quote can appear in several groups.
2. **Blocking.** Segments are indexed by their content words (normalised by
   :func:`newslib.normalize.word_tokens`, stop words and words in more than
   ``variant_max_token_share`` of segments left out). With prefix filtering
   (each segment probes only its rarest words, enough to guarantee that every
   pair sharing the required number of words is seen) no quote is compared
   with all the others, so 50,000 quotes are handled in seconds.
3. **Matching.** Two segments of *different articles* are the same quote when
   the shorter shares at least ``variant_min_shared`` of its content words
   (and at least 2) with the longer and the rapidfuzz ``partial_ratio`` of
   their normalised text (best-aligned window, so a partial quote matches the
   part of the long one it comes from) is at least
   ``variant_min_similarity``.
4. **Groups.** Matches are merged strongest first (union-find) with one
   constraint: a group never holds two different known speakers. A quote
   with ``speaker = None`` joins a group by its text alone. Groups that span
   fewer than two articles are dropped.
5. **Reference and diff.** Each quote's part of the group (its segments in
   the group, as written) is its version, ``text``. The ``reference_text`` is
   the most complete version: the most words, then the most characters, then
   the lowest quote_id. Each version is compared word by word with the
   reference (:class:`difflib.SequenceMatcher` on normalised words, so
   "calibre"/"caliber", "U.S."/"US" and curly/straight quotes compare equal).

Change classes, most alarming first (the table is sorted this way):

* ``substituted``: a reference word is replaced by another word
  ("two of Washington's biggest [-rivals-] {+enemies+}").
* ``inserted``: the version has words the reference lacks, or lacks words
  from the *inside* of the reference with no ellipsis marking the cut (one
  outlet added words or the other silently dropped them; which one cannot
  be known).
* ``truncated_start`` / ``truncated_end``: the version is the reference with
  words missing at the start / at the end (a partial quote). A cut inside the
  quote that the outlet marked with an ellipsis ("..." or "…") counts as
  ``truncated_end``: the part before the ellipsis was cut short. When words
  are missing at both ends the class is ``truncated_start``.
* ``punctuation_or_spelling``: same words, but different punctuation, case
  or spelling ("Russia? Not surprising" / "Russia [is] not surprising",
  "calibre" / "caliber").
* ``identical``: the same text once typography is set aside (curly vs
  straight quotes, "…" vs "...", and the comma or full stop where the quote
  was cut off by its attribution).

Editorial insertions in square brackets ("[is]") are the outlet's words,
not the speaker's: they are left out of the comparison and shown as written.

The ``diff`` column shows the version's text with the changes marked:
``[-words-]`` are reference words the version lacks, ``{+words+}`` are
version words the reference lacks, a substitution is ``[-old-] {+new+}``,
and ``{~caliber→calibre~}`` marks a word spelled differently. Runs of missing
words longer than 8 are abbreviated as their first and last 3 words around
" … ". The diff of an identical version is its text.

``group_id`` is ``"v"`` + the first 12 hex digits of the SHA-1 of the group's
sorted members (``quote_id`` and segment numbers): the same input always
gives the same ids. Rows are sorted by their group's most alarming change,
then by group_id, then by change, then by quote_id: the substitutions are on
top, and each group stays together.
"""

from __future__ import annotations

import difflib
import hashlib
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from newslib.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["VARIANT_COLUMNS", "CHANGES", "quote_variants", "compare_versions", "split_segments"]

#: Columns of the ``quote_variants`` table.
VARIANT_COLUMNS = ["group_id", "speaker", "outlet", "quote_id", "reference_text", "text", "change", "diff"]
#: Change classes, most alarming first (the sort order of the table).
CHANGES: tuple[str, ...] = (
    "substituted",
    "inserted",
    "truncated_start",
    "truncated_end",
    "punctuation_or_spelling",
    "identical",
)
_RANK = {name: i for i, name in enumerate(CHANGES)}

#: A missing run longer than this many words is abbreviated in ``diff``;
#: 8 words fit on one line of a table cell.
_DIFF_MAX_RUN = 8

# A word of the quote: a dotted acronym ("U.S.") or letters/digits with inner
# apostrophes ("They're"), so "plus-up" is two words and "300,000" three parts.
_UNIT = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['\u2019][^\W_]+)*")
_TOKEN = re.compile(r"\S+")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_ELLIPSIS = re.compile(r"\.\.\.|\u2026")
_QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})
_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+")
_DOUBLE_SPACE = re.compile(r" {2,}")
_SPACE_BEFORE_PUNCT = re.compile(r" ([,.;:?!])")
# A sentence ends at . ? ! or an ellipsis (with an optional closing quote) before
# white space and a capital, digit or opening quote.
_SENTENCE_END = re.compile(r"(?:[.?!]+|\u2026)['\"\u2019\u201d]?\s+(?=['\"\u2018\u201c]?[A-Z0-9])")


class _Unit(NamedTuple):
    """One word of a text: its span, and its normalised key (None: not compared)."""

    start: int
    end: int
    key: str | None


@dataclass
class _Segment:
    """One sentence of one quote."""

    quote: int  # row index in the quotes table
    number: int  # segment number inside the quote
    start: int
    end: int
    keys: tuple[str, ...]
    content: frozenset[str]
    norm: str


# ---------------------------------------------------------------------------
# Normalisation (lazy import of newslib.normalize, owned by the claims stage)
# ---------------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def _keys_of(token: str) -> tuple[str, ...]:
    from newslib.normalize import word_tokens

    return tuple(word_tokens(token))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from newslib.normalize import stop_words

    return stop_words()


@lru_cache(maxsize=100_000)
def _units(text: str) -> tuple[_Unit, ...]:
    """The words of a text with their normalised keys.

    A whitespace token normalises to zero, one or several keys
    (:func:`newslib.normalize.word_tokens`); it is split into as many words as
    it has keys when its letter runs line up with them ("plus-up"), otherwise
    kept whole ("anti-tank" -> "antitank", "300,000" -> "300000"). Text in
    square brackets is editorial: its words get no key.
    """
    editorial = [m.span() for m in _BRACKETS.finditer(text)] if "[" in text else []
    units: list[_Unit] = []
    for token in _TOKEN.finditer(text):
        word = token.group()
        if word.isalnum() and not editorial:  # fast path: a plain word
            keys = _keys_of(word)
            units.append(_Unit(token.start(), token.end(), " ".join(keys) if keys else None))
            continue
        parts = list(_UNIT.finditer(word))
        if not parts:
            continue
        base = token.start()
        first, last = base + parts[0].start(), base + parts[-1].end()
        if editorial and any(s <= first < e for s, e in editorial):
            units.append(_Unit(first, last, None))
            continue
        keys = _keys_of(token.group())
        if not keys:
            units.append(_Unit(first, last, None))
        elif len(keys) == len(parts) and len(parts) > 1:
            units.extend(_Unit(base + p.start(), base + p.end(), k) for p, k in zip(parts, keys))
        else:
            units.append(_Unit(first, last, " ".join(keys)))
    return tuple(units)


def _keys(units: tuple[_Unit, ...]) -> list[str]:
    return [u.key for u in units if u.key is not None]


def _surface(text: str) -> str:
    """Text with typography set aside: what ``identical`` compares."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    text = _SPACES.sub(" ", text)
    return text.strip(" \"'").rstrip(" ,.;:\"'").strip()


# ---------------------------------------------------------------------------
# Segments
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from newslib.sentences import ABBREVIATIONS

    return ABBREVIATIONS


@lru_cache(maxsize=200_000)
def _content(keys: tuple[str, ...]) -> frozenset[str]:
    """Content words of normalised keys: no stop words, no one-letter words."""
    stops = _stop_words()
    return frozenset(p for k in keys for p in k.split() if len(p) > 1 and p not in stops)


#: A segment needs this many content words to be matched on its own: two is
#: also the fewest shared words that ever link two segments (see
#: ``_candidate_pairs``), so a one-content-word sentence ("Not surprising at
#: all.") could never be linked and is kept with its neighbour instead.
_MIN_CONTENT_WORDS = 2


def split_segments(text: str, *, min_words: int = 3) -> list[tuple[int, int]]:
    """Split a quote into sentences, as ``(start, end)`` spans of ``text``.

    Args:
        text: the quote text (without its outer quotation marks).
        min_words: a sentence with fewer words, or with fewer than two
            content words, is merged into the sentence before it (or after
            it, when it is the first).

    Returns:
        Spans covering the quote's words in order. "Mr. Putin" and "U.S.
        Army" do not end a sentence (abbreviations from
        :data:`newslib.sentences.ABBREVIATIONS`).

    Examples:
        >>> split_segments("This will generate a lot of attention. It's showing that Mr. Putin is scrambling.")
        [(0, 38), (39, 81)]
        >>> split_segments("Additional weapons from North Korea to Russia? Not surprising at all.")
        [(0, 69)]
    """
    return [(start, end) for start, end, _keys_ in _split(text, min_words)]


def _split(text: str, min_words: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """Sentence spans of a quote with their normalised keys (see :func:`split_segments`)."""
    cuts = [0]
    abbreviations = _abbreviations()
    for match in _SENTENCE_END.finditer(text):
        before = text[: match.start() + 1].split()
        last_word = before[-1].lower().rstrip(".").lstrip("\"'(\u201c\u2018") if before else ""
        if text[match.start()] == "." and last_word in abbreviations:
            continue
        cuts.append(match.end())
    cuts.append(len(text))
    units = _units(text)
    spans: list[tuple[int, int, tuple[str, ...]]] = []
    for i in range(len(cuts) - 1):
        start, end = cuts[i], cuts[i + 1]
        chunk = text[start:end]
        if not chunk.strip():
            continue
        end -= len(chunk) - len(chunk.rstrip())
        keys = tuple(u.key for u in units if start <= u.start < end and u.key is not None)
        spans.append((start, end, keys))

    def too_short(keys: tuple[str, ...]) -> bool:
        return len(keys) < min_words or len(_content(keys)) < _MIN_CONTENT_WORDS

    merged: list[tuple[int, int, tuple[str, ...]]] = []
    for span in spans:
        if merged and (too_short(span[2]) or too_short(merged[-1][2])):
            merged[-1] = (merged[-1][0], span[1], merged[-1][2] + span[2])
        else:
            merged.append(span)
    return merged


# ---------------------------------------------------------------------------
# Comparison of one version with the reference
# ---------------------------------------------------------------------------


def _abbreviate(words: str) -> str:
    parts = words.split()
    if len(parts) <= _DIFF_MAX_RUN:
        return words
    return " ".join(parts[:3]) + " \u2026 " + " ".join(parts[-3:])


@lru_cache(maxsize=100_000)
def _plain(word: str) -> str:
    """A word without case, accents' compatibility forms or punctuation."""
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", word).translate(_QUOTE_MARKS)).lower()


def compare_versions(reference: str, version: str) -> tuple[str, str]:
    """Classify and render how ``version`` differs from ``reference``.

    Args:
        reference: the group's most complete version of the quote.
        version: one outlet's version.

    Returns:
        ``(change, diff)``: the change class (one of :data:`CHANGES`) and the
        version's text with the differences marked (see the module docstring).

    Examples:
        >>> compare_versions("two of Washington's biggest rivals", "Washington's biggest enemies")
        ('substituted', "[-two of-] Washington's biggest [-rivals-] {+enemies+}")
    """
    if version == reference:
        return "identical", version
    ref_units = [u for u in _units(reference) if u.key is not None]
    ver_all = _units(version)
    ver_units = [u for u in ver_all if u.key is not None]
    matcher = difflib.SequenceMatcher(None, [u.key for u in ref_units], [u.key for u in ver_units], autojunk=False)
    ops = matcher.get_opcodes()

    # ---- class ---------------------------------------------------------
    change = "identical"
    found: set[str] = set()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "replace":
            found.add("substituted")
        elif tag == "insert":
            found.add("inserted")
        elif tag == "delete":
            if i1 == 0:
                found.add("truncated_start")
            elif i2 == len(ref_units):
                found.add("truncated_end")
            else:
                gap = version[ver_units[j1 - 1].end:ver_units[j1].start] if 0 < j1 < len(ver_units) else ""
                found.add("truncated_end" if _ELLIPSIS.search(gap) else "inserted")
    if found:
        change = min(found, key=_RANK.__getitem__)
    elif _surface(reference) != _surface(version):
        change = "punctuation_or_spelling"

    # ---- diff ----------------------------------------------------------
    out: list[str] = []
    cursor = 0  # version text before this offset is already in `out`

    def copy_until(offset: int) -> None:
        nonlocal cursor
        if offset > cursor:
            out.append(version[cursor:offset])
            cursor = offset

    def mark(text: str) -> None:
        out.append(f" {text} ")

    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            for offset in range(j2 - j1):
                unit, ref_unit = ver_units[j1 + offset], ref_units[i1 + offset]
                copy_until(unit.start)
                written = version[unit.start:unit.end]
                ref_word = reference[ref_unit.start:ref_unit.end]
                same = written == ref_word or _plain(written) == _plain(ref_word)
                out.append(written if same else f"{{~{ref_word}\u2192{written}~}}")
                cursor = unit.end
            continue
        if tag == "delete" and j1 == len(ver_units):
            copy_until(len(version))  # keep the version's closing punctuation before the cut
        elif j2 > j1:
            copy_until(ver_units[j1].start)
        if tag in ("delete", "replace"):
            mark("[-" + _abbreviate(reference[ref_units[i1].start:ref_units[i2 - 1].end]) + "-]")
        if tag in ("insert", "replace"):
            mark("{+" + version[ver_units[j1].start:ver_units[j2 - 1].end] + "+}")
            cursor = ver_units[j2 - 1].end
    copy_until(len(version))
    diff = _DOUBLE_SPACE.sub(" ", "".join(out)).strip()
    diff = _SPACE_BEFORE_PUNCT.sub(r"\1", diff)
    return change, diff


# ---------------------------------------------------------------------------
# Grouping
# ---------------------------------------------------------------------------


class _Groups:
    """Union-find over segments that keeps at most one known speaker per group."""

    def __init__(self, speakers: list[str | None]) -> None:
        self.parent = list(range(len(speakers)))
        self.speaker = list(speakers)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        sa, sb = self.speaker[ra], self.speaker[rb]
        if sa is not None and sb is not None and sa != sb:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.speaker[ra] = sa if sa is not None else sb
        return True


def _speaker(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def _segments(texts: list[str], *, min_words: int) -> list[_Segment]:
    segments: list[_Segment] = []
    for row, text in enumerate(texts):
        for number, (start, end, keys) in enumerate(_split(text, min_words)):
            if len(keys) < min_words:
                continue
            segments.append(_Segment(row, number, start, end, keys, _content(keys), " ".join(keys)))
    return segments


def _candidate_pairs(
    segments: list[_Segment], articles: list[str], speakers: list[str | None], settings: Settings
) -> list[tuple[float, int, int]]:
    """Matching segment pairs ``(score, a, b)``, found through a rare-word index.

    Blocking: a segment is only compared with segments that (1) share one of
    its rarest content words (prefix filtering: if the shorter segment ``a``
    must share ``need`` of its ``n`` words with ``b``, then ``b`` contains one
    of ``a``'s ``n - need + 1`` rarest words), (2) come from another article
    and (3) have the same speaker or an unknown one. Postings are kept per
    speaker so that (3) costs nothing.
    """
    from rapidfuzz import fuzz

    df: dict[str, int] = defaultdict(int)
    for seg in segments:
        for token in seg.content:
            df[token] += 1
    # Too-common words are no evidence and would make the posting lists quadratic.
    limit = max(50, settings.variant_max_token_share * len(segments))
    content = [frozenset(t for t in seg.content if df[t] <= limit) for seg in segments]
    ordered = [sorted(c, key=lambda t: (df[t], t)) for c in content]
    seg_speaker = [speakers[seg.quote] for seg in segments]
    seg_article = [articles[seg.quote] for seg in segments]
    by_speaker: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    any_speaker: dict[str, list[int]] = defaultdict(list)
    for i, tokens in enumerate(ordered):
        for token in tokens:
            by_speaker[(seg_speaker[i], token)].append(i)
            any_speaker[token].append(i)

    min_shared = settings.variant_min_shared
    min_score = settings.variant_min_similarity
    pairs: list[tuple[float, int, int]] = []
    for a, tokens in enumerate(ordered):
        n = len(tokens)
        need = max(2, math.ceil(min_shared * n))
        if n < need:
            continue
        speaker = seg_speaker[a]
        article = seg_article[a]
        mine = content[a]
        seen: set[int] = {a}
        for token in tokens[: n - need + 1]:
            if speaker is None:
                postings = any_speaker[token]
            else:
                postings = by_speaker.get((speaker, token), []) + by_speaker.get((None, token), [])
            for b in postings:
                if b in seen:
                    continue
                seen.add(b)
                # each pair once, from its shorter side (ties: lower index)
                if (len(ordered[b]), b) < (n, a) or seg_article[b] == article:
                    continue
                if len(mine & content[b]) < need:
                    continue
                score = fuzz.partial_ratio(segments[a].norm, segments[b].norm)
                if score >= min_score:
                    pairs.append((score, a, b))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return pairs


def quote_variants(quotes: "pd.DataFrame", *, settings: Settings | None = None) -> "pd.DataFrame":
    """Group the same quote across outlets and classify each outlet's wording.

    Args:
        quotes: the ``quotes`` table; uses quote_id, article_id, outlet,
            speaker (None when unattributed), text and kind (rows of kind
            ``indirect`` are paraphrases and are left out).
        settings: ``variant_min_words``, ``variant_min_similarity``,
            ``variant_min_shared`` and ``variant_max_token_share``.

    Returns:
        The ``quote_variants`` table (:data:`VARIANT_COLUMNS`), substitutions
        first (see the module docstring for the method, classes and diff
        notation). Empty, with the columns, when no quote appears in two
        articles.
    """
    import pandas as pd

    settings = settings or Settings()
    if quotes is None or len(quotes) == 0:
        return pd.DataFrame(columns=VARIANT_COLUMNS)
    table = quotes
    if "kind" in table.columns:
        # Indirect speech is the outlet's paraphrase: comparing its wording would
        # report every paraphrase as a substitution.
        table = table[table["kind"].fillna("") != "indirect"]
    table = table.reset_index(drop=True)
    texts = [str(t) if isinstance(t, str) else "" for t in table["text"]]
    quote_ids = [str(q) for q in table["quote_id"]]
    articles = [str(a) for a in table["article_id"]]
    outlets = list(table["outlet"])
    speakers = [_speaker(s) for s in table["speaker"]] if "speaker" in table else [None] * len(table)

    segments = _segments(texts, min_words=settings.variant_min_words)
    groups = _Groups([speakers[s.quote] for s in segments])
    for _score, a, b in _candidate_pairs(segments, articles, speakers, settings):
        groups.union(a, b)

    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(segments)):
        members[groups.find(i)].append(i)

    rows = []
    for root, seg_ids in members.items():
        if len({articles[segments[i].quote] for i in seg_ids}) < 2:
            continue
        by_quote: dict[int, list[_Segment]] = defaultdict(list)
        for i in seg_ids:
            by_quote[segments[i].quote].append(segments[i])
        versions: dict[int, str] = {}
        for row, segs in by_quote.items():
            segs.sort(key=lambda s: s.number)
            numbers = [s.number for s in segs]
            if numbers == list(range(numbers[0], numbers[-1] + 1)):
                versions[row] = texts[row][segs[0].start:segs[-1].end]
            else:  # segments of one quote with another sentence in between
                versions[row] = " \u2026 ".join(texts[row][s.start:s.end] for s in segs)
        reference_row = min(
            versions, key=lambda r: (-len(_keys(_units(versions[r]))), -len(versions[r]), quote_ids[r])
        )
        reference = versions[reference_row]
        key = "|".join(sorted(f"{quote_ids[s.quote]}#{s.number}" for s in (segments[i] for i in seg_ids)))
        group_id = "v" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        for row, version in versions.items():
            change, diff = compare_versions(reference, version)
            rows.append(
                {
                    "group_id": group_id,
                    "speaker": groups.speaker[root],
                    "outlet": outlets[row],
                    "quote_id": quote_ids[row],
                    "reference_text": reference,
                    "text": version,
                    "change": change,
                    "diff": diff,
                }
            )
    if not rows:
        return pd.DataFrame(columns=VARIANT_COLUMNS)
    out = pd.DataFrame(rows, columns=VARIANT_COLUMNS)
    rank = out["change"].map(_RANK)
    out["_group_rank"] = rank.groupby(out["group_id"]).transform("min")
    out["_rank"] = rank
    out = out.sort_values(["_group_rank", "group_id", "_rank", "quote_id"], kind="mergesort")
    return out.drop(columns=["_group_rank", "_rank"]).reset_index(drop=True)
