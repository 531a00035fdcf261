"""Precision and recall of the ``reuse`` stage on the generated corpus.

Input: a corpus written by ``benchmarks/generate_corpus.py`` (generated and
cached under ``build/bench/<n>-seed<seed>/``), its hidden ``.pieces.csv``
(every body piece of every article: a fact rendering, a quote, a wire
sentence, filler, with its text as written) and ``.truth.csv``; and the
upstream channel of every story, which the truth files do not record: it is
recomputed by re-running the generator's story construction in memory with
the same seed (:func:`story_truth`; no file is written and the generator is
not changed).

Output (stdout): four blocks, each with a line on how to read it, then the
seconds taken.

1. **Passage precision by kind of material.** Every word of every article is
   given the kind of the piece it lies in (wire, quote, fact, filler =
   background or unrelated, unmapped = in no located piece). For the words
   covered by some ``reuse_passages`` row (each article's covered words
   counted once): the share of each kind, and the share lying in a *shared
   unit* (below), the rest split into stock phrasing (only rows between
   different stories cover it) and same-story fragments. Then the passage
   rows themselves: the share whose two articles belong to different
   stories, how many of those are 8-10 words long, and each row's class by
   what its two sides render (:func:`row_class`: the same wire sentence,
   quote, fact or filler sentence of one story; different material of one
   story; different stories).
2. **Recall of true reuse.** For every pair of articles of one story that
   both carry the same wire sentence (its text without the attribution
   tail, which outlets reword: ", the report said." / ", Reuters said.") or
   the same verbatim quote (the quoted words identical once quote marks,
   case, punctuation and British spelling are set aside), whether
   newslib's passages between the two articles cover at least
   :data:`COVER_SHARE` of that text's words in both. The passages of a pair
   are pooled, because a quote interrupted by its attribution ("..., " she
   said. "...") can only match another outlet's uninterrupted copy in two
   pieces. Shared texts shorter than ``Settings.reuse_min_words`` cannot be
   a passage by definition and are counted apart.
3. **Originality.** The truth value of an article is the share of its words
   in no *shared unit*. Units are sentence-level texts (:func:`piece_units`):
   each quoted sentence, each narrative sentence, each attribution, and
   every run of whole comma-separated clauses of them (outlets reword a
   sentence's attribution tail or opening and copy the rest); a unit is
   shared when it has at least ``Settings.reuse_min_words`` words and the
   same normalised words form a unit of another article. newslib's
   ``originality`` is compared with it: mean absolute error, bias, Pearson
   correlation, overall and by story size (outlets per story), and the
   bias split into stock phrasing and same-story fragments.
4. **Provenance.** For passage rows linking the same wire sentence, whether
   the ``source`` column names the story's channel (the report's owner):
   precision over the rows with a source, recall over all, by channel kind
   (for broadcasters the wire sentences name no owner: "the report said").
   For rows linking the same quote with quoted words on both sides, whether
   ``speaker`` names the quote's true speaker and, for speakers heard on the
   channel, whether ``source`` names it.

Usage::

    python benchmarks/eval_reuse.py                          # 1,000 articles, seed 7
    python benchmarks/eval_reuse.py --articles 200 --examples 5
"""

from __future__ import annotations

import argparse
import bisect
import importlib.util
import re
import sys
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from types import ModuleType
from typing import Iterable, Mapping, NamedTuple, Sequence

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "build" / "bench"

#: Stages ``newslib.compare`` must run: ``reuse`` for the tables scored here,
#: ``quotes`` because it also makes the ``sources`` table that fills the
#: passages' speaker, source and upstream columns.
STAGES: tuple[str, ...] = ("quotes", "reuse")

#: Kinds of material a word can lie in, in printing order.
KINDS: tuple[str, ...] = ("wire", "quote", "fact", "filler", "unmapped")
#: Piece kinds of ``.pieces.csv`` folded into :data:`KINDS`.
PIECE_KIND = {"wire": "wire", "quote": "quote", "fact": "fact", "background": "filler", "unrelated": "filler"}

#: Share of a shared text's words a pair's passages must cover, in both
#: articles, for the text to count as found. 0.8 forgives a passage that
#: stops a word or two short (a spelling the folding misses, a word
#: split by a hyphen) but not one that finds only a stock half of it.
COVER_SHARE = 0.8

#: Story sizes (outlets per story) reported apart, as in benchmarks/README.md.
SIZE_BINS: tuple[tuple[int, int], ...] = ((1, 1), (2, 2), (3, 3), (4, 5), (6, 10), (11, 20), (21, 36))

#: Passage rows at most this long are the "stock phrase" lengths the README
#: quotes (8-10 words).
SHORT_PASSAGE_WORDS = 10

#: A trailing attribution clause the generator's outlets reword freely:
#: ", according to Reuters.", ", the report said.", ", a report found.",
#: ", the Associated Press reported on Monday." (group 1 is the clause).
TAIL_RE = re.compile(r",\s+(according to [^,]+|[^,]+ (?:said|reported|reported on \w+|found))\.$")
#: Quotation marks, straight and curly.
QUOTE_MARKS_RE = re.compile(r"[\"\u201c\u201d]")
#: Sentence ends inside a quoted passage (quotes hold no abbreviations).
SENTENCE_END_RE = re.compile(r"(?<=[.?!])\s+")


class Unit(NamedTuple):
    """A sentence-level text of one article, located in its cleaned text."""

    article_id: str
    piece: int
    story_id: str
    kind: str  # one of KINDS (the piece's kind)
    role: str  # "quoted", "narration", "sentence", "body" (without the attribution tail) or "part" (clauses)
    start: int  # character offsets into the cleaned text
    end: int
    key: tuple[str, ...]  # normalised words


class Expected(NamedTuple):
    """A text two articles of one story share: the recall set."""

    kind: str  # "wire" or "quote"
    story_id: str
    text: str  # as written in article_a
    n_words: int
    article_a: str
    spans_a: tuple[tuple[int, int], ...]  # character spans in article_a's cleaned text
    article_b: str
    spans_b: tuple[tuple[int, int], ...]


class StoryTruth(NamedTuple):
    """What the generator knows of a story and the truth files do not say."""

    channel: str  # "CNN", "The New York Times", "Reuters", ...
    channel_kind: str  # "broadcast", "paper" or "wire"
    quote_speakers: tuple[tuple[str, bool], ...]  # per story quote: (speaker, heard on the channel)
    wire: tuple[str, ...]  # the report's sentences as the story holds them


# ---------------------------------------------------------------------------
# Loading the sibling scripts by path (benchmarks/ is not a package)
# ---------------------------------------------------------------------------


def _sibling(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def british_folding() -> dict[str, str]:
    """British -> American spellings of the generator (the truth's own list, not newslib's)."""
    return {uk: us for us, uk in _sibling("generate_corpus").BRITISH.items()}


# ---------------------------------------------------------------------------
# Words and units
# ---------------------------------------------------------------------------


def words_of(text: str) -> list[tuple[int, int, str]]:
    """Words as the reuse stage counts them: (start, end, lower-cased word)."""
    from newslib.reuse import word_spans

    return word_spans(text)


def word_key(text: str, fold: Mapping[str, str]) -> tuple[str, ...]:
    """Normalised words of a text: case, apostrophes, punctuation and quote marks ignored, spelling folded."""
    return tuple(fold.get(w, w) for _, _, w in words_of(text))


def piece_units(text: str, kind: str) -> list[tuple[int, int, str]]:
    """Sentence-level units inside one piece's text.

    A quote piece is cut at its quotation marks: the quoted parts are split
    into sentences ("quoted"), the rest is attribution ("narration"). Any
    other piece is one sentence ("sentence"). Every run of whole
    comma-separated clauses of a sentence is a unit too ("part"), because
    outlets copy a sentence and reword its attribution tail (", the report
    said." / ", Reuters said.") or its opening ("Next week, ..." / "By the
    end of the year, ..."); in a narrative piece the run that drops an
    attribution tail (:data:`TAIL_RE`) is marked "body".

    Args:
        text: the piece as written.
        kind: the piece's kind in ``.pieces.csv``.

    Returns:
        ``(start, end, role)`` offsets into ``text``, without surrounding
        spaces and punctuation, each span once.
    """
    sentences: list[tuple[int, int, str]] = []
    if kind == "quote":
        cuts = [m.start() for m in QUOTE_MARKS_RE.finditer(text)]
        bounds = [0, *cuts, len(text)]
        for n, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
            lo = lo + 1 if n > 0 else lo  # skip the mark itself
            if n % 2 == 1:  # between an opening and a closing mark
                at = lo
                for part in SENTENCE_END_RE.split(text[lo:hi]):
                    at = text.index(part, at)
                    sentences.append((at, at + len(part), "quoted"))
                    at += len(part)
            else:
                sentences.append((lo, hi, "narration"))
    else:
        sentences.append((0, len(text), "sentence"))
    tail = TAIL_RE.search(text) if kind != "quote" else None
    body_end = _trim(text, 0, tail.start())[1] if tail else -1
    units: dict[tuple[int, int], str] = {}
    for lo, hi, role in sentences:
        lo, hi = _trim(text, lo, hi)
        if lo >= hi:
            continue
        units.setdefault((lo, hi), role)
        clauses = [(m.start(), m.end()) for m in re.finditer(r"[^,]+(?:,(?!\s)[^,]*)*", text[lo:hi])]
        for i in range(len(clauses)):
            for j in range(i, len(clauses)):
                a, b = _trim(text, lo + clauses[i][0], lo + clauses[j][1])
                if a < b and (a, b) not in units:
                    units[(a, b)] = "body" if (a == lo and b == body_end) else "part"
    return [(a, b, role) for (a, b), role in units.items()]


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Narrow ``[lo, hi)`` to start and end on a word character (empty when it holds none)."""
    while lo < hi and not text[lo].isalnum():
        lo += 1
    while hi > lo and not text[hi - 1].isalnum():
        hi -= 1
    return lo, hi


def article_units(article_id: str, text: str, pieces: pd.DataFrame, fold: Mapping[str, str],
                  spans: Sequence[tuple[int, int] | None] | None = None) -> list[Unit]:
    """Every unit of one article, located in its cleaned text.

    Args:
        article_id: the article.
        text: its cleaned text (``Coverage.texts[article_id]``).
        pieces: its rows of ``.pieces.csv``, in body order.
        fold: British -> American spellings (:func:`british_folding`).
        spans: the pieces' spans in ``text`` when already located
            (``eval_conflicts.locate_pieces``).

    Returns:
        The units of the pieces that could be located (a piece the cleaner
        changed is skipped: its words count as unmapped).
    """
    if spans is None:
        spans = _sibling("eval_conflicts").locate_pieces(text, pieces["text"].tolist())
    out = []
    for span, piece, story, kind, piece_text in zip(spans, pieces["piece"], pieces["story_id"], pieces["kind"],
                                                      pieces["text"]):
        if span is None:
            continue
        for start, end, role in piece_units(piece_text, kind):
            out.append(Unit(article_id, int(piece), story, PIECE_KIND.get(kind, "unmapped"), role,
                            span[0] + start, span[0] + end, word_key(piece_text[start:end], fold)))
    return out


def shared_units(units: Sequence[Unit], *, min_words: int) -> list[bool]:
    """Whether each unit is shared: its words occur as a unit of another article, and it is long enough.

    Args:
        units: the units of the whole corpus.
        min_words: shorter units are never shared (``Settings.reuse_min_words``).

    Returns:
        One flag per unit.
    """
    holders: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for u in units:
        if len(u.key) >= min_words:
            holders[u.key].add(u.article_id)
    return [len(u.key) >= min_words and len(holders[u.key]) > 1 for u in units]


def flag_words(starts: Sequence[int], ends: Sequence[int], intervals: Iterable[tuple[int, int]]) -> np.ndarray:
    """Which words lie wholly inside one of the character intervals.

    Args:
        starts: word start offsets, ascending.
        ends: word end offsets, ascending.
        intervals: ``(start, end)`` character spans (passages, units).

    Returns:
        A boolean array, one flag per word.
    """
    flags = np.zeros(len(starts), dtype=bool)
    for lo, hi in intervals:
        first = bisect.bisect_left(starts, lo)
        last = bisect.bisect_right(ends, hi)
        if last > first:
            flags[first:last] = True
    return flags


def words_in(starts: Sequence[int], ends: Sequence[int], spans: Iterable[tuple[int, int]]) -> list[int]:
    """Indices of the words lying inside the given spans."""
    out: list[int] = []
    for lo, hi in spans:
        out.extend(range(bisect.bisect_left(starts, lo), bisect.bisect_right(ends, hi)))
    return out


# ---------------------------------------------------------------------------
# Block 1: what the passages cover
# ---------------------------------------------------------------------------


def passage_intervals(passages: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """article_id -> character spans of every passage side in it."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for side in ("a", "b"):
        for aid, s, e in zip(passages[f"article_{side}"], passages[f"start_{side}"], passages[f"end_{side}"]):
            out[str(aid)].append((int(s), int(e)))
    return out


def kind_shares(kinds: np.ndarray, covered: np.ndarray, shared: np.ndarray,
                cross_only: np.ndarray | None = None) -> pd.DataFrame:
    """Covered words by kind of material, and how many of them the truth counts as shared.

    Args:
        kinds: the kind (one of :data:`KINDS`) of every word of the corpus.
        covered: whether newslib's passages cover it.
        shared: whether it lies in a shared unit (the truth).
        cross_only: whether only passages between articles of different
            stories cover it (all False when not given).

    Returns:
        One row per kind plus ``all``: words, covered, share_of_covered,
        covered_shared (covered words the truth counts as shared),
        precision (covered_shared / covered), truth_shared, recall
        (covered truth-shared words / truth-shared words), and
        outside_cross / outside_same: covered words in no shared unit that
        only rows between stories cover / that a same-story row covers.
    """
    rows = []
    total_covered = int(covered.sum())
    cross = np.zeros(len(kinds), dtype=bool) if cross_only is None else cross_only
    for kind in (*KINDS, "all"):
        mask = np.ones(len(kinds), dtype=bool) if kind == "all" else kinds == kind
        cov = int((covered & mask).sum())
        both = int((covered & shared & mask).sum())
        truth = int((shared & mask).sum())
        out_cross = int((covered & ~shared & cross & mask).sum())
        rows.append({
            "kind": kind, "words": int(mask.sum()), "covered": cov,
            "share_of_covered": cov / total_covered if total_covered else float("nan"),
            "covered_shared": both, "precision": both / cov if cov else float("nan"),
            "truth_shared": truth, "recall": both / truth if truth else float("nan"),
            "outside_cross": out_cross, "outside_same": cov - both - out_cross,
        })
    return pd.DataFrame(rows)


def side_kind(kinds: Sequence[str], pieces: Sequence[int]) -> tuple[str, int]:
    """The kind and piece holding most words of one passage side (ties: the first piece)."""
    if not len(kinds):
        return "unmapped", -1
    counts = Counter(zip(pieces, kinds))
    (piece, kind), _ = max(counts.items(), key=lambda item: (item[1], -item[0][0]))
    return kind, piece


def material_keys(pieces: pd.DataFrame, fold: Mapping[str, str]) -> dict[tuple[str, int], tuple[str, str]]:
    """(article_id, piece) -> what the piece renders: (kind, identity within its story).

    A fact or quote is identified by its index in the story, a wire
    sentence by its words without the attribution tail, a filler sentence
    by its words: two pieces of one story with equal keys carry the same
    material.
    """
    out = {}
    for aid, piece, kind, fact, quote, text in zip(pieces["article_id"], pieces["piece"], pieces["kind"],
                                                   pieces["fact"], pieces["quote"], pieces["text"]):
        folded = PIECE_KIND.get(kind, "unmapped")
        if folded == "fact":
            ident = str(fact)
        elif folded == "quote":
            ident = str(quote)
        elif folded == "wire":
            ident = " ".join(word_key(TAIL_RE.sub("", text), fold))
        else:
            ident = " ".join(word_key(text, fold))
        out[(str(aid), int(piece))] = (folded, ident)
    return out


#: What a passage row links, in printing order: the same material of one
#: story, different material of one story, or different stories.
SAME_MATERIAL = {"wire": "same wire sentence", "quote": "same quote", "fact": "same fact", "filler": "same filler"}
OTHER_MATERIAL = {"wire": "different wire sentences", "quote": "different quotes", "fact": "different facts",
                  "filler": "different filler"}
ROW_CLASSES: tuple[str, ...] = (
    *SAME_MATERIAL.values(), *OTHER_MATERIAL.values(), "mixed kinds", "different stories", "unmapped",
)


def row_class(story_a: str, story_b: str, material_a: tuple[str, str], material_b: tuple[str, str]) -> str:
    """What a passage row links (one of :data:`ROW_CLASSES`).

    Args:
        story_a: the story of article a ("" when unknown).
        story_b: the same for article b.
        material_a: (kind, identity) of the piece holding most of side a's
            words (:func:`material_keys`); kind "unmapped" when none.
        material_b: the same for side b.
    """
    if not story_a or not story_b or "unmapped" in (material_a[0], material_b[0]):
        return "unmapped"
    if story_a != story_b:
        return "different stories"
    if material_a[0] != material_b[0]:
        return "mixed kinds"
    table = SAME_MATERIAL if material_a[1] == material_b[1] else OTHER_MATERIAL
    return table.get(material_a[0], "unmapped")


# ---------------------------------------------------------------------------
# Block 2: recall of shared wire sentences and verbatim quotes
# ---------------------------------------------------------------------------


def expected_pairs(units: Sequence[Unit], texts: Mapping[str, str]) -> list[Expected]:
    """Pairs of articles of one story that carry the same wire sentence or verbatim quote.

    A wire sentence is compared without its attribution tail (its "body"
    unit, else the sentence); a quote by all its quoted words together. An
    article carrying the text twice (an update keeps its own earlier
    version) counts once, at the first occurrence.

    Args:
        units: the units of the corpus (:func:`article_units`).
        texts: article_id -> cleaned text, for the text of the example.

    Returns:
        One :class:`Expected` per pair of articles and shared text.
    """
    by_piece: dict[tuple[str, int], list[Unit]] = defaultdict(list)
    for u in units:
        if u.kind in ("wire", "quote"):
            by_piece[(u.article_id, u.piece)].append(u)
    groups: dict[tuple[str, str, tuple[str, ...]], dict[str, tuple[tuple[int, int], ...]]] = defaultdict(dict)
    for members in by_piece.values():
        first = members[0]
        if first.kind == "wire":
            chosen = [u for u in members if u.role == "body"] or [u for u in members if u.role == "sentence"]
        else:
            chosen = [u for u in members if u.role == "quoted"]
        if not chosen:
            continue
        key = tuple(w for u in chosen for w in u.key)
        holders = groups[(first.kind, first.story_id, key)]
        holders.setdefault(first.article_id, tuple((u.start, u.end) for u in chosen))
    out = []
    for (kind, story, key), holders in sorted(groups.items()):
        for a, b in combinations(sorted(holders), 2):
            text = " ".join(texts[a][s:e] for s, e in holders[a]) if a in texts else ""
            out.append(Expected(kind, story, text, len(key), a, holders[a], b, holders[b]))
    return out


def pair_passages(passages: pd.DataFrame) -> dict[tuple[str, str], list[tuple[int, int, int, int]]]:
    """(article, other article) -> the passages' character spans, both orientations."""
    out: dict[tuple[str, str], list[tuple[int, int, int, int]]] = defaultdict(list)
    cols = ["article_a", "start_a", "end_a", "article_b", "start_b", "end_b"]
    for a, sa, ea, b, sb, eb in passages[cols].itertuples(index=False):
        out[(str(a), str(b))].append((int(sa), int(ea), int(sb), int(eb)))
        out[(str(b), str(a))].append((int(sb), int(eb), int(sa), int(ea)))
    return out


def coverage_of(expected: Expected, spans: Sequence[tuple[int, int, int, int]],
                words: Mapping[str, tuple[list[int], list[int]]]) -> tuple[float, float]:
    """Share of the shared text's words the pair's passages cover, in article a and in article b.

    Args:
        expected: the shared text and where it lies in both articles.
        spans: the pair's passages as ``(start_a, end_a, start_b, end_b)``
            oriented from article a (:func:`pair_passages`).
        words: article_id -> (word starts, word ends).

    Returns:
        (share in a, share in b); 0 for a text without words.
    """
    shares = []
    for aid, text_spans, side in ((expected.article_a, expected.spans_a, 0),
                                  (expected.article_b, expected.spans_b, 1)):
        starts, ends = words[aid]
        wanted = words_in(starts, ends, text_spans)
        if not wanted:
            shares.append(0.0)
            continue
        flags = flag_words(starts, ends, ((s[2 * side], s[2 * side + 1]) for s in spans))
        shares.append(float(flags[wanted].mean()))
    return shares[0], shares[1]


def found_pairs(coverage: Sequence[tuple[float, float]], *, share: float = COVER_SHARE) -> list[bool]:
    """Whether each shared text counts as found: covered to ``share`` in both articles."""
    return [min(a, b) >= share for a, b in coverage]


def recall_table(expected: Sequence[Expected], found: Sequence[bool], *, min_words: int) -> pd.DataFrame:
    """Recall per kind of shared text (wire, quote), for texts of at least ``min_words`` words.

    Returns:
        One row per kind plus ``all``: pairs, found, recall, and
        too_short (pairs sharing a text under ``min_words`` words, not
        counted).
    """
    rows = []
    for kind in ("wire", "quote", "all"):
        pick = [(e, f) for e, f in zip(expected, found) if kind == "all" or e.kind == kind]
        long_ = [f for e, f in pick if e.n_words >= min_words]
        rows.append({
            "kind": kind, "pairs": len(long_), "found": int(sum(long_)),
            "recall": sum(long_) / len(long_) if long_ else float("nan"),
            "too_short": len(pick) - len(long_),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# Block 3: originality
# ---------------------------------------------------------------------------


def size_bin(n: int) -> str:
    """The label of the story-size bin holding ``n`` outlets ("4-5", "21-36")."""
    for lo, hi in SIZE_BINS:
        if lo <= n <= hi:
            return str(lo) if lo == hi else f"{lo}-{hi}"
    return f">{SIZE_BINS[-1][1]}"


def originality_errors(table: pd.DataFrame) -> pd.DataFrame:
    """Error of newslib's originality against the truth, overall and by story size.

    Args:
        table: one row per article with columns size (outlets in its
            story), originality (newslib) and truth.

    Returns:
        One row per size bin present plus ``all``: articles, mean newslib,
        mean truth, bias (newslib - truth), mae and r (Pearson; NaN with
        fewer than 3 articles or no spread).
    """
    def stats(label: str, g: pd.DataFrame) -> dict[str, object]:
        diff = g["originality"] - g["truth"]
        r = float("nan")
        if len(g) >= 3 and g["originality"].std() > 0 and g["truth"].std() > 0:
            r = float(np.corrcoef(g["originality"], g["truth"])[0, 1])
        return {"size": label, "articles": len(g), "newslib": g["originality"].mean(), "truth": g["truth"].mean(),
                "bias": diff.mean(), "mae": diff.abs().mean(), "r": r}

    bins = table["size"].map(size_bin)
    order = [size_bin(lo) for lo, _ in SIZE_BINS] + [f">{SIZE_BINS[-1][1]}"]
    rows = [stats(b, table[bins == b]) for b in order if (bins == b).any()]
    rows.append(stats("all", table))
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# Block 4: provenance
# ---------------------------------------------------------------------------


def source_key(name: str) -> str:
    """A source name compared loosely: case, a leading "the" and a possessive set aside."""
    key = re.sub(r"\s+", " ", str(name).lower().replace("\u2019", "'")).strip()
    key = re.sub(r"^the ", "", key)
    return re.sub(r"'s?$", "", key)


def names_channel(source: str, channel: str) -> bool:
    """Whether a ``source`` cell ("Reuters; the report") names the channel ("Reuters").

    A name counts when the channel's name is a whole-word part of it
    ("CNN's The Situation Room" names CNN).
    """
    wanted = source_key(channel)
    if not wanted:
        return False
    pattern = re.compile(rf"(?<!\w){re.escape(wanted)}(?!\w)")
    return any(pattern.search(source_key(part)) for part in str(source).split(";") if part.strip())


def mentions(text: str, channel: str) -> bool:
    """Whether a text names the channel ("..., the Associated Press said." names "the Associated Press")."""
    wanted = source_key(channel)
    return bool(wanted) and re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", str(text).lower()) is not None


def same_person(a: str, b: str) -> bool:
    """Whether two person names share the family name (the generator's family names are unique)."""
    last = [re.findall(r"[^\W\d_][\w'-]*", str(x)) for x in (a, b)]
    return bool(last[0]) and bool(last[1]) and last[0][-1].lower() == last[1][-1].lower()


def provenance_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Attribution of wire passages to the story's channel.

    Args:
        rows: one row per wire passage with columns channel, channel_kind and
            source (newslib's ``source`` cell).

    Returns:
        One row per channel kind plus ``all``: passages, with_source,
        correct (the source names the channel), precision (correct /
        with_source) and recall (correct / passages).
    """
    out = []
    for kind in ("paper", "wire", "broadcast", "all"):
        g = rows if kind == "all" else rows[rows["channel_kind"] == kind]
        with_source = g["source"].astype(str).str.strip() != ""
        correct = [names_channel(s, c) for s, c in zip(g["source"], g["channel"])]
        n_correct = int(sum(correct))
        out.append({"channel_kind": kind, "passages": len(g), "with_source": int(with_source.sum()),
                    "correct": n_correct,
                    "precision": n_correct / with_source.sum() if with_source.sum() else float("nan"),
                    "recall": n_correct / len(g) if len(g) else float("nan")})
    return pd.DataFrame(out)


def story_truth(n_articles: int, seed: int) -> dict[str, StoryTruth]:
    """Each story's channel and quote speakers, from the generator's own construction.

    Replays the start of ``generate_corpus.generate`` (outlets, story sizes,
    stories, all from one ``random.Random(seed)``) in memory; nothing is
    written. :func:`check_story_truth` verifies the replay against the
    wire pieces.
    """
    import datetime as dt
    import random

    gen = _sibling("generate_corpus")
    rng = random.Random(seed)
    gen.make_outlets(rng)
    sizes = gen.story_sizes(rng, n_articles)
    used: set[str] = set()
    base = dt.date(2022, 1, 1)
    out = {}
    for i in range(len(sizes)):
        story = gen.make_story(rng, i, base, used)
        name, _, kind = story.channel
        speakers = tuple((story.speakers[s].name, story.speakers[s].channel is not None) for s, _ in story.quotes)
        out[story.story_id] = StoryTruth(name, kind, speakers, tuple(story.wire))
    return out


def check_story_truth(pieces: pd.DataFrame, stories: Mapping[str, StoryTruth], fold: Mapping[str, str]) -> int:
    """Wire pieces whose sentence is not among the replayed story's wire sentences (0 when the replay is right)."""
    bad = 0
    cache: dict[str, set[tuple[str, ...]]] = {}
    for story, text in zip(pieces.loc[pieces["kind"] == "wire", "story_id"],
                           pieces.loc[pieces["kind"] == "wire", "text"]):
        if story not in cache:
            wire = stories[story].wire if story in stories else ()
            cache[story] = {word_key(TAIL_RE.sub("", w), fold) for w in wire}
        if word_key(TAIL_RE.sub("", text), fold) not in cache[story]:
            bad += 1
    return bad


# ---------------------------------------------------------------------------
# Running it
# ---------------------------------------------------------------------------


class Evaluation(NamedTuple):
    """Everything :func:`evaluate` computes."""

    pieces: pd.DataFrame
    passages: pd.DataFrame  # reuse_passages plus story, kind, piece, quoted and outside words per side; row_class
    kinds: pd.DataFrame  # kind_shares()
    unmapped_pieces: int
    originality_mismatch: int  # articles whose covered words differ from newslib's n_words_shared
    cross_story_only_words: int  # covered words no same-story passage covers
    covered_words: int
    expected: list[Expected]
    coverage: list[tuple[float, float]]
    recall: pd.DataFrame
    articles: pd.DataFrame  # per article: originality, truth, size, n_words
    originality: pd.DataFrame  # originality_errors()
    wire_rows: pd.DataFrame  # wire passages with channel
    provenance: pd.DataFrame
    quote_rows: pd.DataFrame  # quote passages with the true speaker
    replay_errors: int
    pipeline_s: float
    scoring_s: float


class Layout(NamedTuple):
    """Every article's words, the piece and kind of each word, and its units."""

    units: list[Unit]
    words: dict[str, tuple[list[int], list[int]]]  # article_id -> (word starts, word ends)
    kinds: dict[str, np.ndarray]  # article_id -> kind of every word (KINDS)
    pieces: dict[str, np.ndarray]  # article_id -> piece number of every word (-1 outside pieces)
    unmapped_pieces: int  # pieces not found in their article's cleaned text


def article_layout(texts: Mapping[str, str], pieces: pd.DataFrame, fold: Mapping[str, str]) -> Layout:
    """Locate every piece in its article and give each word its piece, kind and units.

    Args:
        texts: article_id -> cleaned text.
        pieces: the ``.pieces.csv`` table (``piece`` as int).
        fold: British -> American spellings.

    Returns:
        A :class:`Layout`; articles absent from the truth have only
        unmapped words.
    """
    locate = _sibling("eval_conflicts").locate_pieces
    by_article = {a: g.sort_values("piece") for a, g in pieces.groupby("article_id", sort=False)}
    out = Layout([], {}, {}, {}, 0)
    unmapped = 0
    for aid in sorted(texts):
        spans = words_of(texts[aid])
        starts, ends = [s for s, _, _ in spans], [e for _, e, _ in spans]
        kinds = np.full(len(starts), "unmapped", dtype=object)
        numbers = np.full(len(starts), -1, dtype=np.int64)
        g = by_article.get(aid)
        if g is not None:
            located = locate(texts[aid], g["text"].tolist())
            unmapped += sum(s is None for s in located)
            for span, piece, kind in zip(located, g["piece"], g["kind"]):
                if span is not None:
                    first, last = bisect.bisect_left(starts, span[0]), bisect.bisect_right(ends, span[1])
                    kinds[first:last] = PIECE_KIND.get(kind, "unmapped")
                    numbers[first:last] = int(piece)
            out.units.extend(article_units(aid, texts[aid], g, fold, located))
        out.words[aid], out.kinds[aid], out.pieces[aid] = (starts, ends), kinds, numbers
    return out._replace(unmapped_pieces=unmapped)


def annotate_passages(passages: pd.DataFrame, layout: Layout, story_of: Mapping[str, str], *,
                      material: Mapping[tuple[str, int], tuple[str, str]],
                      shared: Mapping[str, np.ndarray], quoted: Mapping[str, np.ndarray]) -> pd.DataFrame:
    """The passages table with what each side lies in.

    Args:
        passages: newslib's ``reuse_passages``.
        layout: :func:`article_layout` of the corpus.
        story_of: article_id -> story_id.
        material: (article_id, piece) -> :func:`material_keys`.
        shared: article_id -> whether each word lies in a shared unit.
        quoted: article_id -> whether each word lies inside quotation marks.

    Returns:
        A copy with, for side a and b, story_, kind_ and piece_ (the kind and
        piece holding most of the side's words, :func:`side_kind`),
        quoted_ and outside_ (words inside quotation marks / in no shared
        unit), and row_class (:func:`row_class`).
    """
    out = passages.copy()
    columns: dict[str, list[object]] = defaultdict(list)
    for side in ("a", "b"):
        for aid, s, e in zip(out[f"article_{side}"], out[f"start_{side}"], out[f"end_{side}"]):
            aid = str(aid)
            starts, ends = layout.words[aid]
            idx = words_in(starts, ends, [(int(s), int(e))])
            kind, piece = side_kind(list(layout.kinds[aid][idx]), list(layout.pieces[aid][idx]))
            columns[f"story_{side}"].append(story_of.get(aid, ""))
            columns[f"kind_{side}"].append(kind)
            columns[f"piece_{side}"].append(piece)
            columns[f"quoted_{side}"].append(int(quoted[aid][idx].sum()) if idx else 0)
            columns[f"outside_{side}"].append(int((~shared[aid][idx]).sum()) if idx else 0)
    for side in ("a", "b"):
        for name in ("story", "kind", "piece", "quoted", "outside"):
            out[f"{name}_{side}"] = columns[f"{name}_{side}"]
    unmapped = ("unmapped", "")
    out["row_class"] = [
        row_class(sa, sb, material.get((str(a), int(pa)), unmapped), material.get((str(b), int(pb)), unmapped))
        for sa, sb, a, pa, b, pb in zip(out["story_a"], out["story_b"], out["article_a"], out["piece_a"],
                                        out["article_b"], out["piece_b"])
    ]
    return out


def evaluate(folder: Path, *, n_articles: int, seed: int) -> Evaluation:
    """Run the pipeline on ``folder`` and score its reuse tables against the truth files."""
    import newslib

    started = time.perf_counter()
    cov = newslib.compare(folder, stages=STAGES)
    pipeline_s = time.perf_counter() - started
    started = time.perf_counter()
    min_words = int(cov.settings.reuse_min_words)
    fold = british_folding()
    pieces = _sibling("eval_conflicts").read_truth(folder)[0]
    truth = pd.read_csv(folder / ".truth.csv", dtype=str, keep_default_na=False)
    outlets_per_story = truth.groupby("story_id")["outlet"].nunique()
    story_of = dict(zip(truth["article_id"], truth["story_id"]))
    texts = cov.texts
    passages = cov.reuse_passages

    layout = article_layout(texts, pieces, fold)
    units, words = layout.units, layout.words
    flags = shared_units(units, min_words=min_words)
    shared_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for u, f in zip(units, flags):
        if f:
            shared_spans[u.article_id].append((u.start, u.end))
    intervals = passage_intervals(passages)
    same_story = passages[[story_of.get(str(a)) == story_of.get(str(b))
                           for a, b in zip(passages["article_a"], passages["article_b"])]]
    same_intervals = passage_intervals(same_story)

    ids = sorted(texts)
    covered = {a: flag_words(*words[a], intervals.get(a, ())) for a in ids}
    covered_same = {a: flag_words(*words[a], same_intervals.get(a, ())) for a in ids}
    shared = {a: flag_words(*words[a], shared_spans.get(a, ())) for a in ids}
    all_kinds = np.concatenate([layout.kinds[a] for a in ids]) if ids else np.zeros(0, dtype=object)
    all_covered = np.concatenate([covered[a] for a in ids]) if ids else np.zeros(0, dtype=bool)
    all_shared = np.concatenate([shared[a] for a in ids]) if ids else np.zeros(0, dtype=bool)
    all_cross = np.concatenate([covered[a] & ~covered_same[a] for a in ids]) if ids else np.zeros(0, dtype=bool)
    kinds_table = kind_shares(all_kinds, all_covered, all_shared, all_cross)
    cross_only = int(all_cross.sum())
    quoted_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for u in units:
        if u.role == "quoted":
            quoted_spans[u.article_id].append((u.start, u.end))
    quoted = {a: flag_words(*words[a], quoted_spans.get(a, ())) for a in ids}

    material = material_keys(pieces, fold)
    passages = annotate_passages(passages, layout, story_of, material=material, shared=shared, quoted=quoted)

    # recall
    expected = expected_pairs(units, texts)
    by_pair = pair_passages(passages)
    coverage = [coverage_of(e, by_pair.get((e.article_a, e.article_b), ()), words) for e in expected]
    found = found_pairs(coverage)
    recall = recall_table(expected, found, min_words=min_words)

    # originality
    orig = cov.originality.set_index("article_id")
    articles = pd.DataFrame({
        "article_id": ids,
        "story_id": [story_of.get(a, "") for a in ids],
        "n_words": [len(words[a][0]) for a in ids],
        "covered": [int(covered[a].sum()) for a in ids],
        "shared": [int(shared[a].sum()) for a in ids],
    })
    articles["size"] = articles["story_id"].map(outlets_per_story).fillna(0).astype(int)
    articles["originality"] = [float(orig.at[a, "originality"]) for a in ids]
    articles["n_words_shared"] = [int(orig.at[a, "n_words_shared"]) for a in ids]
    articles["truth"] = np.where(articles["n_words"] > 0, 1 - articles["shared"] / articles["n_words"].clip(lower=1),
                                 np.nan)
    mismatch = int((articles["covered"] != articles["n_words_shared"]).sum())

    # provenance
    stories = story_truth(n_articles, seed)
    replay_errors = check_story_truth(pieces, stories, fold)
    wire = passages[passages["row_class"] == SAME_MATERIAL["wire"]].copy()
    wire["channel"] = [stories[s].channel if s in stories else "" for s in wire["story_a"]]
    wire["channel_kind"] = [stories[s].channel_kind if s in stories else "" for s in wire["story_a"]]
    piece_text = dict(zip(zip(pieces["article_id"], pieces["piece"]), pieces["text"]))
    wire["named_in_sentence"] = [
        mentions(piece_text.get((str(a), int(pa)), ""), c) or mentions(piece_text.get((str(b), int(pb)), ""), c)
        for a, pa, b, pb, c in zip(wire["article_a"], wire["piece_a"], wire["article_b"], wire["piece_b"],
                                   wire["channel"])
    ]
    provenance = provenance_table(wire)
    quote_of = dict(zip(zip(pieces["article_id"], pieces["piece"]), pieces["quote"]))
    quotes = passages[passages["row_class"] == SAME_MATERIAL["quote"]].copy()
    true_speaker, heard = [], []
    for story, aid, piece in zip(quotes["story_a"], quotes["article_a"], quotes["piece_a"]):
        q = quote_of.get((str(aid), int(piece)), "")
        entry = stories[story].quote_speakers[int(q)] if story in stories and q != "" else ("", False)
        true_speaker.append(entry[0])
        heard.append(entry[1])
    quotes["true_speaker"], quotes["heard_on_channel"] = true_speaker, heard
    quotes["channel"] = [stories[s].channel if s in stories else "" for s in quotes["story_a"]]

    return Evaluation(
        pieces, passages, kinds_table, layout.unmapped_pieces, mismatch, cross_only, int(all_covered.sum()),
        expected, coverage, recall, articles, originality_errors(articles.dropna(subset=["truth"])),
        wire, provenance, quotes, replay_errors, pipeline_s, time.perf_counter() - started,
    )


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """(first, end) of each run of True flags."""
    edges = np.flatnonzero(np.diff(np.r_[0, flags.astype(np.int8), 0]))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def _fmt(x: float, width: int = 5) -> str:
    return "n/a".rjust(width) if x != x else f"{x:{width}.3f}"


def report(r: Evaluation, *, min_words: int) -> str:
    """The four blocks as plain text."""
    p = r.passages
    lines = ["1. Passage precision by kind of material",
             "   Words covered by reuse_passages (each article's covered words once), by the kind of piece they",
             "   lie in. 'in units' = covered words inside a sentence-level unit that another article carries",
             "   verbatim (precision = in units / covered; recall = covered / all such words). Covered words in no",
             "   such unit are split by whether only passages between different stories cover them ('stock')",
             "   or a same-story passage does ('fragment': part of a paraphrased fact, a truncated or partial",
             "   quote, an attribution or opening running on from a shared sentence).",
             f"   {'kind':<9} {'words':>7} {'covered':>7} {'share':>6} {'in units':>8} {'precision':>9} "
             f"{'recall':>6} {'stock':>6} {'fragment':>8}"]
    for k in r.kinds.itertuples(index=False):
        lines.append(f"   {k.kind:<9} {k.words:7d} {k.covered:7d} {_fmt(k.share_of_covered, 6)} "
                     f"{k.covered_shared:8d} {_fmt(k.precision, 9)} {_fmt(k.recall, 6)} {k.outside_cross:6d} "
                     f"{k.outside_same:8d}")
    n = len(p)
    cross = p[p["row_class"] == "different stories"]
    short = int((cross["n_words"] <= SHORT_PASSAGE_WORDS).sum())
    lines += ["",
              f"   passage rows: {n}; between articles of different stories (stock phrasing): {len(cross)} "
              f"({_share(len(cross), n)}), of which {short} ({_share(short, len(cross))}) are "
              f"{min_words}-{SHORT_PASSAGE_WORDS} words;",
              f"   covered words that only such rows cover: {r.cross_story_only_words} "
              f"({_share(r.cross_story_only_words, r.covered_words)} of covered words)",
              "   rows by what both sides lie in (the piece holding most of each side's words): the same material",
              "   of one story (a wire sentence, a quote, a fact however paraphrased, an identical filler",
              "   sentence), different material of one story (template wording shared by two facts, one",
              "   speaker's attribution next to two different quotes), or different stories:"]
    counts = Counter(p["row_class"])
    same = sum(counts.get(c, 0) for c in SAME_MATERIAL.values())
    for c in ROW_CLASSES:
        lines.append(f"     {c:<25} {counts.get(c, 0):7d}  {_share(counts.get(c, 0), n):>6}")
    lines.append(f"   rows linking the same material: {same} ({_share(same, n)}); the same wire sentence or "
                 f"quote: {counts.get(SAME_MATERIAL['wire'], 0) + counts.get(SAME_MATERIAL['quote'], 0)} "
                 f"({_share(counts.get(SAME_MATERIAL['wire'], 0) + counts.get(SAME_MATERIAL['quote'], 0), n)})")
    lines += ["",
              "2. Recall of true reuse",
              "   Pairs of articles of one story carrying the same wire sentence (without its attribution tail) or",
              f"   the same verbatim quote; found = the pair's passages cover >= {COVER_SHARE:.0%} of its words "
              "in both.",
              f"   {'kind':<6} {'pairs':>6} {'found':>6} {'recall':>6}   shorter than {min_words} words (not counted)"]
    for k in r.recall.itertuples(index=False):
        lines.append(f"   {k.kind:<6} {k.pairs:6d} {k.found:6d} {_fmt(k.recall, 6)}   {k.too_short}")
    a = r.originality
    lines += ["",
              "3. Originality",
              "   newslib's originality vs the truth (share of words in no sentence-level unit of at least "
              f"{min_words} words",
              "   that another article carries verbatim); bias = newslib - truth; r = Pearson correlation.",
              f"   {'outlets':<8} {'articles':>8} {'newslib':>7} {'truth':>6} {'bias':>7} {'MAE':>6} {'r':>6}"]
    for k in a.itertuples(index=False):
        lines.append(f"   {k.size:<8} {k.articles:8d} {_fmt(k.newslib, 7)} {_fmt(k.truth, 6)} "
                     f"{k.bias:+7.3f} {_fmt(k.mae, 6)} {_fmt(k.r, 6)}")
    total = r.kinds[r.kinds["kind"] == "all"].iloc[0]
    words = int(total["words"])
    missed = int(total["truth_shared"]) - int(total["covered_shared"])
    lines.append(f"   the bias in points of originality: stock phrases between stories "
                 f"{-int(total['outside_cross']) / words if words else float('nan'):+.3f}, same-story fragments "
                 f"{-int(total['outside_same']) / words if words else float('nan'):+.3f}, shared units missed "
                 f"{missed / words if words else float('nan'):+.3f}")
    lines.append(f"   articles whose passage-covered words differ from newslib's n_words_shared: "
                 f"{r.originality_mismatch}")
    lines += ["",
              "4. Provenance of wire passages",
              "   Rows whose both sides lie in wire pieces of one story: does the source column name the story's",
              "   channel? precision over rows with a source, recall over all (broadcasters' wire sentences",
              "   say 'the report said' and never name the channel).",
              f"   {'channel':<10} {'rows':>6} {'w/source':>8} {'correct':>7} {'precision':>9} {'recall':>6}"]
    for k in r.provenance.itertuples(index=False):
        lines.append(f"   {k.channel_kind:<10} {k.passages:6d} {k.with_source:8d} {k.correct:7d} "
                     f"{_fmt(k.precision, 9)} {_fmt(k.recall, 6)}")
    wrong = r.wire_rows[[not names_channel(s, c) for s, c in zip(r.wire_rows["source"], r.wire_rows["channel"])]]
    named = Counter(s if str(s).strip() else "(empty)" for s in wrong["source"])
    lines.append("   instead named: " + "; ".join(f"{s} {c}" for s, c in named.most_common(5)))
    lines.append(f"   rows not naming the channel although one side's own wire sentence names it: "
                 f"{int(wrong['named_in_sentence'].sum())}")
    q = speaker_counts(r.quote_rows)
    lines += ["",
              "   Quote passages (same-story rows in quote pieces) holding quoted words on both sides: does the",
              "   speaker column name the quote's speaker, and, for speakers heard on the story's channel, does",
              "   the source column name it? (rows covering only an attribution carry no speaker by design)",
              f"   rows {q['rows']} (attribution only: {q['attribution_only']}); speaker right {q['speaker_right']} "
              f"({_share(q['speaker_right'], q['rows'])}), wrong {q['speaker_wrong']}, empty {q['speaker_empty']}; "
              f"heard on the channel {q['heard']}, channel named {q['channel_named']} "
              f"({_share(q['channel_named'], q['heard'])})"]
    return "\n".join(lines)


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"


def speaker_counts(rows: pd.DataFrame) -> dict[str, int]:
    """Speaker and channel attribution of quote passages.

    Args:
        rows: quote passages with columns speaker, source (newslib),
            true_speaker, heard_on_channel, channel, quoted_a and quoted_b
            (quoted words on each side).

    Returns:
        rows (with quoted words on both sides), attribution_only (the
        others), speaker_right / speaker_wrong / speaker_empty, heard (rows
        whose speaker was heard on the channel) and channel_named (of
        those, rows whose source names the channel).
    """
    both = rows[(rows["quoted_a"] > 0) & (rows["quoted_b"] > 0)]
    named = both["speaker"].astype(str).str.strip() != ""
    right = [same_person(s, t) for s, t in zip(both["speaker"], both["true_speaker"])]
    heard = both[both["heard_on_channel"].astype(bool)]
    return {
        "rows": len(both), "attribution_only": len(rows) - len(both), "speaker_right": int(sum(right)),
        "speaker_wrong": int(named.sum()) - int(sum(right)), "speaker_empty": int((~named).sum()),
        "heard": len(heard),
        "channel_named": int(sum(names_channel(s, c) for s, c in zip(heard["source"], heard["channel"]))),
    }


def examples(r: Evaluation, n: int, *, min_words: int) -> str:
    """Up to ``n`` examples of each kind of error."""
    lines = [f"passages between different stories (most frequent texts, up to {n})"]
    cross = r.passages[r.passages["row_class"] == "different stories"]
    for text, count in Counter(cross["text"].str.replace(r"\s+", " ", regex=True)).most_common(n):
        lines.append(f"  {count:5d} rows: {text!r}")
    lines.append(f"\nsame-story passages with words outside shared units (most such words first, up to {n} "
                 "per class; k/n = words outside / passage words, side a)")
    p = r.passages
    for_rows = p[(p["outside_a"] > 0) & (p["row_class"] != "different stories")]
    for c in ROW_CLASSES[:9]:
        g = for_rows[for_rows["row_class"] == c]
        g = g.assign(t=g["text"].str.replace(r"\s+", " ", regex=True)).drop_duplicates("t")
        for row in g.nlargest(n, "outside_a").itertuples(index=False):
            lines.append(f"  [{c}] {row.outside_a}/{row.n_words}: {row.t!r}")
    lines.append(f"\nmissed shared texts (up to {n} per kind; coverage in article a / b)")
    for kind in ("wire", "quote"):
        missed = [(e, c) for e, c in zip(r.expected, r.coverage)
                  if e.kind == kind and min(c) < COVER_SHARE and e.n_words >= min_words]
        seen: set[str] = set()
        for e, c in missed:
            if e.text in seen or len(seen) >= n:
                continue
            seen.add(e.text)
            lines.append(f"  [{kind}] {e.story_id} {e.article_a} / {e.article_b} ({c[0]:.2f} / {c[1]:.2f}): {e.text!r}")
    lines.append(f"\nwire passages whose source does not name the channel (up to {n})")
    wrong = r.wire_rows[[not names_channel(s, c) for s, c in zip(r.wire_rows["source"], r.wire_rows["channel"])]]
    # the rows whose own sentence names the channel first: those are newslib's choice, not missing evidence
    wrong = wrong.sort_values("named_in_sentence", ascending=False, kind="stable")
    for row in wrong.drop_duplicates("text").head(n).itertuples(index=False):
        text = re.sub(r"\s+", " ", str(row.text))
        named = ", named in a side's sentence" if row.named_in_sentence else ""
        lines.append(f"  channel {row.channel!r} ({row.channel_kind}{named}), source {row.source!r}: {text!r}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles in the generated corpus (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="generator seed (default 7)")
    parser.add_argument("--examples", type=int, default=0, metavar="N", help="print up to N examples of each error")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where generated corpora are cached")
    args = parser.parse_args(argv)
    if args.articles < 2:
        parser.error("--articles must be at least 2")

    from newslib.settings import Settings

    started = time.perf_counter()
    folder = _sibling("generate_corpus").ensure_corpus(args.articles, args.seed, args.cache)
    generate_s = time.perf_counter() - started
    r = evaluate(folder, n_articles=args.articles, seed=args.seed)
    min_words = Settings().reuse_min_words
    print(f"corpus {folder} ({args.articles} articles, seed {args.seed}): {len(r.pieces)} pieces, "
          f"{r.unmapped_pieces} not found in the cleaned text; {len(r.passages)} passage rows; "
          f"story replay: {r.replay_errors} wire pieces not matched")
    if r.replay_errors:
        print("warning: the replayed stories do not match this corpus (another generator version, --articles or "
              "--seed?); the channel figures of block 4 are not reliable")
    print()
    print(report(r, min_words=min_words))
    if args.examples > 0:
        print()
        print(examples(r, args.examples, min_words=min_words))
    print(f"\nseconds: generation {generate_s:.1f}, pipeline {r.pipeline_s:.1f}, scoring {r.scoring_s:.1f}, "
          f"total {time.perf_counter() - started:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
