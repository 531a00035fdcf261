"""Text reuse and provenance (the ``reuse`` stage).

Input: ``texts`` (article_id -> cleaned text), the ``articles`` table, and the
``quotes`` and ``sources`` tables of the quote stage (either may be empty,
even without columns). Optionally the ``sentences`` table, which makes "the
same or an adjacent sentence" exact; without it paragraphs stand in for
sentences.

Output: :class:`ReuseResult` with three tables (columns in the README's data
dictionary and in :data:`PASSAGE_COLUMNS`, :data:`ORIGINALITY_COLUMNS`,
:data:`ATTRIBUTION_COLUMNS`):

* ``passages`` (``reuse_passages``): for each pair of different articles,
  the maximal word-aligned passages they share verbatim, at least
  ``settings.reuse_min_words`` words long, with the upstream source the
  passage traces back to when the quotes and sources tables show one
  (``"CNN (Mark Hertling)"``, ``"The New York Times"``). Pairs from the same
  outlet are kept and flagged (``same_outlet``).
* ``originality``: per article, the share of its words that lie in no shared
  passage.
* ``attribution``: the chain outlet -> cited source -> speaker, from quotes and
  the sources cited near them.

Notes:
    Passages are found the way plagiarism and near-duplicate detectors find
    them (shingling, Broder 1997; seed-and-extend, as in BLAST): every run of
    ``reuse_min_words`` words is hashed, an inverted index maps each hash to
    the articles holding it, and only articles that share a hash are ever
    compared. Hashes held by more than ``settings.reuse_max_shingle_articles``
    articles are stock phrases or boilerplate and seed nothing, which bounds
    the work per hash; cost therefore grows with the amount of shared text,
    not with the number of article pairs. Seeds on the same diagonal are
    chained into runs, runs are extended word by word to maximal passages,
    and a passage that overlaps a longer one on both sides (a shifted echo of
    repeated wording) is dropped. Words are compared after light
    normalisation (case, curly apostrophes, punctuation ignored, British
    spelling folded when ``reuse_fold_spelling``); offsets always point into
    the cleaned text.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator, Mapping, NamedTuple

from newslib.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = [
    "ReuseResult",
    "find_reuse",
    "word_spans",
    "PASSAGE_COLUMNS",
    "ORIGINALITY_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "COPYING_COLUMNS",
    "copying",
]

#: Columns of the ``reuse_passages`` table.
PASSAGE_COLUMNS = [
    "passage_id", "article_a", "outlet_a", "start_a", "end_a",
    "article_b", "outlet_b", "start_b", "end_b", "n_words", "same_outlet",
    "text", "speaker", "source", "upstream",
]
#: Columns of the ``originality`` table.
ORIGINALITY_COLUMNS = [
    "article_id", "outlet", "n_words", "n_words_shared", "originality",
    "n_words_shared_other_outlets", "originality_other_outlets",
]
#: Columns of the ``attribution`` table.
ATTRIBUTION_COLUMNS = [
    "article_id", "outlet", "source", "speaker", "n_quotes", "example_quote", "evidence",
]

#: Columns of :func:`copying` (``Coverage.copying()``).
COPYING_COLUMNS = [
    "article_a", "outlet_a", "published_a", "article_b", "outlet_b", "published_b",
    "n_passages", "n_words", "n_words_traced", "n_words_untraced", "first", "verdict",
]

#: A word: a run of letters/digits, with apostrophes allowed inside
#: ("Washington's", "it’s"). Hyphens and all other punctuation separate words,
#: so "plus-up" is two words in every outlet's copy.
WORD_RE = re.compile(r"[^\W_]+(?:['\u2019\u2018\u02bc][^\W_]+)*")

#: Apostrophe look-alikes mapped one-to-one to "'" (one character for one, so
#: offsets found in the translated text are offsets into the original).
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})

#: ``sources.kind`` values naming someone who speaks (a person or a body),
#: as opposed to a channel that relays what others said (media, documents).
#: From the quote stage's contract: kinds are media / official / expert /
#: document; "person" is accepted for forward compatibility.
SPEAKER_SOURCE_KINDS = frozenset({"official", "expert", "person"})

#: ``sources.kind`` values that may carry a quote cited in the sentence next
#: to it (a broadcaster named just before the quote); "" is a source table
#: without kinds.
ADJACENT_CHANNEL_KINDS = frozenset({"media", ""})

#: A speaker's surname must be at least this long to be searched for in the
#: article when looking for the channel that carried their words (two-letter
#: names such as "Li" or "Wu" also occur as other words and initials).
_MIN_SURNAME_CHARS = 3

#: How many seed pairs (two occurrences of one n-gram) are expanded per block
#: when turning the inverted index into matches. At ~60 bytes of temporary
#: arrays per pair, 2 million keeps each block near 120 MB; bigger blocks were
#: not faster on the 10,000-article benchmark (4.6 s vs 4.8 s CPU at 8 million).
_PAIR_BLOCK = 2_000_000


class ReuseResult(NamedTuple):
    """Tables of the reuse stage."""

    passages: "pd.DataFrame"
    originality: "pd.DataFrame"
    attribution: "pd.DataFrame"


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Split a text into the words the reuse stage compares.

    Args:
        text: any text (usually an article's cleaned text).

    Returns:
        ``(start, end, word)`` for each word, where ``text[start:end]`` is the
        word as written and ``word`` its lower-cased form with straight
        apostrophes (spelling is not folded here).
    """
    translated = text.translate(_APOSTROPHES)
    return [(m.start(), m.end(), m.group(0).lower()) for m in WORD_RE.finditer(translated)]


def find_reuse(
    texts: Mapping[str, str],
    articles: "pd.DataFrame",
    *,
    quotes: "pd.DataFrame | None" = None,
    sources: "pd.DataFrame | None" = None,
    sentences: "pd.DataFrame | None" = None,
    settings: Settings | None = None,
) -> ReuseResult:
    """Find verbatim passages shared between articles, originality and attribution.

    Args:
        texts: article_id -> cleaned text (the string all offsets point into).
        articles: the ``articles`` table (article_id, outlet, ...); articles
            missing from it get outlet ``"unknown"``.
        quotes: the ``quotes`` table (article_id, start, end, speaker, text,
            sent_id); may be empty or ``None``.
        sources: the ``sources`` table (article_id, sent_id, source, kind,
            text); may be empty or ``None``.
        sentences: the ``sentences`` table; when given, "near a passage" means
            the same or an adjacent sentence, otherwise the same or an
            adjacent paragraph.
        settings: options; uses ``reuse_min_words``,
            ``reuse_max_shingle_articles`` and ``reuse_fold_spelling``.

    Returns:
        :class:`ReuseResult` (passages, originality, attribution).
    """
    settings = settings or Settings()
    min_words = max(1, int(settings.reuse_min_words))
    ids = _article_order(texts, articles)
    outlet_of = _outlet_map(articles)

    index = _WordIndex.build(texts, ids, fold=settings.reuse_fold_spelling)
    runs = _find_runs(index, n=min_words, cap=int(settings.reuse_max_shingle_articles))
    if sentences is not None and settings.reuse_trim_overhangs:
        runs = _trim_overhangs(index, runs, texts, sentences, min_words=min_words)
    context = _Context.build(texts, ids, quotes, sources, sentences)

    passages = _passage_table(index, runs, texts, outlet_of, context)
    originality = _originality_table(index, runs, outlet_of)
    attribution = _attribution_table(context, outlet_of)
    return ReuseResult(passages, originality, attribution)


# ---------------------------------------------------------------------------
# Words and the inverted index
# ---------------------------------------------------------------------------


def _article_order(texts: Mapping[str, str], articles: "pd.DataFrame") -> list[str]:
    """Article ids in a deterministic order: the articles table first, then the rest sorted."""
    ordered: list[str] = []
    seen: set[str] = set()
    if articles is not None and "article_id" in getattr(articles, "columns", ()):
        for aid in articles["article_id"].astype(str):
            if aid in texts and aid not in seen:
                ordered.append(aid)
                seen.add(aid)
    ordered.extend(sorted(a for a in texts if a not in seen))
    return ordered


def _outlet_map(articles: "pd.DataFrame") -> dict[str, str]:
    if articles is None or not {"article_id", "outlet"} <= set(getattr(articles, "columns", ())):
        return {}
    return {
        str(a): ("unknown" if o is None or o != o else str(o))
        for a, o in zip(articles["article_id"], articles["outlet"])
    }


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of small objects are made.

    The tokenizer creates one string per word; with the collector running,
    CPython re-scans them again and again (measured: a third of the build
    time on 10,000 articles). Nothing made here has reference cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class _WordIndex:
    """Every article's words as integer codes in one flat array.

    ``codes[offsets[i]:offsets[i + 1]]`` are the words of article ``ids[i]``;
    equal codes mean equal words after normalisation. ``char_start`` and
    ``char_end`` (filled by :meth:`locate`) give each word's character
    offsets into its article's text.
    """

    ids: list[str]
    codes: "np.ndarray"
    offsets: "np.ndarray"
    article_of: "np.ndarray"
    char_start: "np.ndarray | None" = None
    char_end: "np.ndarray | None" = None

    @classmethod
    def build(cls, texts: Mapping[str, str], ids: list[str], *, fold: bool) -> "_WordIndex":
        import numpy as np
        import pandas as pd

        vocab: dict[str, int] = {}
        setdefault = vocab.setdefault
        parts = []
        lengths = np.zeros(len(ids), dtype=np.int64)
        with _gc_paused():
            for i, aid in enumerate(ids):
                words = WORD_RE.findall(texts[aid])
                lengths[i] = len(words)
                parts.append(np.array([setdefault(w, len(vocab)) for w in words], dtype=np.int64))
        offsets = np.zeros(len(ids) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        raw = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        if vocab:
            # Normalise the vocabulary once instead of every token.
            if fold:
                from newslib.normalize import fold_spelling

                keys = [fold_spelling(w.translate(_APOSTROPHES)) for w in vocab]
            else:
                keys = [w.translate(_APOSTROPHES).lower() for w in vocab]
            key_codes, _ = pd.factorize(np.array(keys, dtype=object))
            codes = key_codes.astype(np.int64)[raw]
        else:
            codes = raw
        article_of = np.repeat(np.arange(len(ids), dtype=np.int32), lengths)
        return cls(ids=ids, codes=codes, offsets=offsets, article_of=article_of)

    def locate(self, texts: Mapping[str, str], articles: "np.ndarray") -> None:
        """Fill the character offsets of every word of the given article indices."""
        import numpy as np

        if self.char_start is None:
            self.char_start = np.full(len(self.codes), -1, dtype=np.int64)
            self.char_end = np.full(len(self.codes), -1, dtype=np.int64)
        assert self.char_end is not None
        with _gc_paused():
            for i in articles.tolist():
                lo = int(self.offsets[i])
                if self.char_start[lo : lo + 1].size and self.char_start[lo] >= 0:
                    continue
                spans = np.array([m.span() for m in WORD_RE.finditer(texts[self.ids[i]])],
                                 dtype=np.int64).reshape(-1, 2)
                self.char_start[lo : lo + len(spans)] = spans[:, 0]
                self.char_end[lo : lo + len(spans)] = spans[:, 1]


@dataclass
class _Runs:
    """Maximal shared passages: article indices and global word positions."""

    a: "np.ndarray"  # article index of side a (a < b)
    b: "np.ndarray"
    start_a: "np.ndarray"  # global word position (into _WordIndex.codes)
    start_b: "np.ndarray"
    length: "np.ndarray"  # words


def _empty_runs() -> _Runs:
    import numpy as np

    z = np.zeros(0, dtype=np.int64)
    return _Runs(z, z.copy(), z.copy(), z.copy(), z.copy())


def _shingle_hashes(codes: "np.ndarray", n: int) -> "np.ndarray":
    """64-bit hash of every window of ``n`` consecutive codes (wrapping arithmetic)."""
    import numpy as np

    x = (codes.astype(np.uint64) + np.uint64(1)) * np.uint64(0x9E3779B97F4A7C15)
    x ^= x >> np.uint64(31)
    m = len(codes) - n + 1
    h = np.zeros(m, dtype=np.uint64)
    prime = np.uint64(0x100000001B3)
    with np.errstate(over="ignore"):
        for k in range(n):
            h = h * prime + x[k : k + m]
    return h


def _find_runs(index: _WordIndex, *, n: int, cap: int) -> _Runs:
    """Seed with shared n-grams, chain seeds into runs, extend runs to maximal passages."""
    import numpy as np

    codes, art = index.codes, index.article_of
    total = len(codes)
    if total < n or len(index.ids) < 2:
        return _empty_runs()

    hashes = _shingle_hashes(codes, n)
    pos = np.flatnonzero(art[: total - n + 1] == art[n - 1 :])  # windows inside one article
    hashes = hashes[pos]
    # Most n-grams occur once; drop them before the expensive sort.
    ordered = np.sort(hashes)
    repeated = ordered[1:][ordered[1:] == ordered[:-1]]
    del ordered
    if not len(repeated):
        return _empty_runs()
    repeated = np.unique(repeated)
    at = np.searchsorted(repeated, hashes).clip(max=len(repeated) - 1)
    mask = repeated[at] == hashes
    hashes, pos = hashes[mask], pos[mask]
    del at, mask, repeated
    # Stable: equal hashes stay in position order, hence in article order.
    order = np.argsort(hashes, kind="stable")
    hashes, pos = hashes[order], pos[order]
    win_art = art[pos]
    del order

    # Document frequency of each hash: distinct articles holding it.
    new_hash = np.empty(len(hashes), dtype=bool)
    new_hash[0] = True
    np.not_equal(hashes[1:], hashes[:-1], out=new_hash[1:])
    new_art = new_hash.copy()
    new_art[1:] |= win_art[1:] != win_art[:-1]
    group = np.cumsum(new_hash) - 1
    n_articles = np.bincount(group, weights=new_art).astype(np.int64)
    n_occurrences = np.bincount(group)
    # Twice the cap on occurrences guards against one article repeating a
    # phrase dozens of times (lists, tables), which would explode the pairs.
    useful = (n_articles >= 2) & (n_articles <= cap) & (n_occurrences <= 2 * cap)
    keep = useful[group]
    if not keep.any():
        return _empty_runs()
    group, win_art, pos = group[keep], win_art[keep], pos[keep]
    del hashes, new_hash, new_art, keep

    a, b, pa, pb = _seed_pairs(group, win_art, pos)
    if not len(a):
        return _empty_runs()

    # Chain seeds: same pair, same diagonal, consecutive positions. One
    # composite sort key when it fits in 63 bits, else a two-key sort.
    n_art = len(index.ids)
    longest = int(np.diff(index.offsets).max()) + 1
    local_a = pa - index.offsets[a]
    diag = local_a - (pb - index.offsets[b]) + longest  # in [1, 2 * longest)
    pair = a * n_art + b
    if float(n_art) * n_art * 2 * longest * longest < 2**62:
        order = np.argsort((pair * (2 * longest) + diag) * longest + local_a)
    else:
        order = np.lexsort((pa, pair * (2 * longest) + diag))
    del local_a
    a, b, pa, pb, diag = a[order], b[order], pa[order], pb[order], diag[order]
    del order, pair
    start = np.empty(len(a), dtype=bool)
    start[0] = True
    start[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1]) | (diag[1:] != diag[:-1]) | (pa[1:] != pa[:-1] + 1)
    first_seed = np.flatnonzero(start)
    last_seed = np.r_[first_seed[1:], len(a)] - 1
    runs = _Runs(
        a=a[first_seed].astype(np.int64),
        b=b[first_seed].astype(np.int64),
        start_a=pa[first_seed],
        start_b=pb[first_seed],
        length=pa[last_seed] - pa[first_seed] + n,
    )
    del a, b, pa, pb, diag
    runs = _extend(runs, index)
    runs = _merge_same_diagonal(runs)
    runs = _drop_echoes(runs)
    return runs


def _seed_pairs(group: "np.ndarray", win_art: "np.ndarray", pos: "np.ndarray"
                ) -> tuple["np.ndarray", "np.ndarray", "np.ndarray", "np.ndarray"]:
    """All pairs of occurrences of the same n-gram in two different articles.

    Returns (a, b, pos_a, pos_b) with article index ``a < b``. Expanded in
    blocks of about :data:`_PAIR_BLOCK` pairs to bound temporary memory.
    """
    import numpy as np

    boundaries = np.flatnonzero(np.r_[True, group[1:] != group[:-1], True])
    group_end = np.repeat(boundaries[1:], np.diff(boundaries))
    partners = group_end - np.arange(len(group)) - 1
    cum = np.cumsum(partners)
    parts: list[tuple["np.ndarray", ...]] = []
    first = 0
    while first < len(partners):
        limit = (cum[first - 1] if first else 0) + _PAIR_BLOCK
        last = max(first + 1, int(np.searchsorted(cum, limit, side="right")))
        counts = partners[first:last]
        i = np.repeat(np.arange(first, last), counts)
        if len(i):
            starts = np.cumsum(counts) - counts
            j = i + 1 + (np.arange(len(i)) - np.repeat(starts, counts))
            ai, aj = win_art[i], win_art[j]
            differ = ai != aj  # both occurrences in one article: a repeat, not reuse
            i, j, ai, aj = i[differ], j[differ], ai[differ], aj[differ]
            swap = ai > aj
            parts.append((
                np.where(swap, aj, ai).astype(np.int64),
                np.where(swap, ai, aj).astype(np.int64),
                np.where(swap, pos[j], pos[i]).astype(np.int64),
                np.where(swap, pos[i], pos[j]).astype(np.int64),
            ))
        first = last
    if not parts:
        z = np.zeros(0, dtype=np.int64)
        return z, z.copy(), z.copy(), z.copy()
    return tuple(np.concatenate([p[k] for p in parts]) for k in range(4))  # type: ignore[return-value]


def _extend(runs: _Runs, index: _WordIndex) -> _Runs:
    """Grow each run word by word while both articles keep matching.

    Needed where a seed was dropped (a common n-gram inside a longer passage)
    and at the edges of passages that run through common n-grams.
    """
    import numpy as np

    codes, offsets = index.codes, index.offsets
    lo_a, lo_b = offsets[runs.a], offsets[runs.b]
    hi_a, hi_b = offsets[runs.a + 1], offsets[runs.b + 1]
    sa, sb, length = runs.start_a.copy(), runs.start_b.copy(), runs.length.copy()

    active = np.flatnonzero((sa > lo_a) & (sb > lo_b))
    while len(active):
        same = codes[sa[active] - 1] == codes[sb[active] - 1]
        active = active[same]
        sa[active] -= 1
        sb[active] -= 1
        length[active] += 1
        active = active[(sa[active] > lo_a[active]) & (sb[active] > lo_b[active])]

    active = np.flatnonzero((sa + length < hi_a) & (sb + length < hi_b))
    while len(active):
        ea, eb = sa[active] + length[active], sb[active] + length[active]
        active = active[codes[ea] == codes[eb]]
        length[active] += 1
        ea, eb = sa[active] + length[active], sb[active] + length[active]
        active = active[(ea < hi_a[active]) & (eb < hi_b[active])]
    return _Runs(runs.a, runs.b, sa, sb, length)


def _merge_same_diagonal(runs: _Runs) -> _Runs:
    """Merge runs of one pair and diagonal that extension made overlap."""
    import numpy as np

    if len(runs.a) < 2:
        return runs
    diag = runs.start_a - runs.start_b
    order = np.lexsort((runs.start_a, diag, runs.b, runs.a))
    a, b, sa, sb, ln, d = (x[order] for x in (runs.a, runs.b, runs.start_a, runs.start_b, runs.length, diag))
    new_group = np.r_[True, (a[1:] != a[:-1]) | (b[1:] != b[:-1]) | (d[1:] != d[:-1])]
    gid = np.cumsum(new_group) - 1
    # Offsetting by group keeps the running maximum inside each group.
    width = int((sa + ln).max()) + 1
    key_end = gid * width + sa + ln
    reach = np.maximum.accumulate(key_end)
    begins = np.r_[True, new_group[1:] | (gid[1:] * width + sa[1:] >= reach[:-1])]
    first = np.flatnonzero(begins)
    ends = np.maximum.reduceat(sa + ln, first)
    return _Runs(a[first], b[first], sa[first], sb[first], ends - sa[first])


def _drop_echoes(runs: _Runs) -> _Runs:
    """Drop runs overlapping a longer run of the same pair on both sides.

    Repeated wording ("unless, unless") produces shifted copies of a passage
    on neighbouring diagonals; only the longest is a passage. Only clusters
    of runs that overlap in article a can hold such echoes, so the greedy
    check (longest first) runs on those small clusters alone.
    """
    import numpy as np

    if len(runs.a) < 2:
        return runs
    order = np.lexsort((runs.start_a, runs.b, runs.a))
    a, b, sa, sb, ln = (x[order] for x in (runs.a, runs.b, runs.start_a, runs.start_b, runs.length))
    new_pair = np.r_[True, (a[1:] != a[:-1]) | (b[1:] != b[:-1])]
    gid = np.cumsum(new_pair) - 1
    width = int((sa + ln).max()) + 1
    reach = np.maximum.accumulate(gid * width + sa + ln)
    begins = np.r_[True, new_pair[1:] | (gid[1:] * width + sa[1:] >= reach[:-1])]
    cluster_start = np.flatnonzero(begins)
    cluster_end = np.r_[cluster_start[1:], len(a)]
    multi = np.flatnonzero(cluster_end - cluster_start > 1)
    keep = np.ones(len(a), dtype=bool)
    for c in multi.tolist():
        members = sorted(range(cluster_start[c], cluster_end[c]), key=lambda k: (-ln[k], sa[k], sb[k]))
        chosen: list[tuple[int, int, int]] = []
        for k in members:
            s_a, s_b, n_k = int(sa[k]), int(sb[k]), int(ln[k])
            if any(s_a < ca + cn and ca < s_a + n_k and s_b < cb + cn and cb < s_b + n_k
                   for ca, cb, cn in chosen):
                keep[k] = False
            else:
                chosen.append((s_a, s_b, n_k))
    return _Runs(a[keep], b[keep], sa[keep], sb[keep], ln[keep])


# ---------------------------------------------------------------------------
# Quotes, sources and "nearby"
# ---------------------------------------------------------------------------


def _clean_str(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _source_key(name: str) -> str:
    """Compare source names loosely: "the New York Times" == "The New York Times'"."""
    key = name.lower().translate(_APOSTROPHES).strip()
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"'s?$", "", key)
    return re.sub(r"\s+", " ", key)


def _surname(speaker: str) -> str:
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", speaker)
    return words[-1] if words else ""


@dataclass(frozen=True)
class _Quote:
    start: int
    end: int
    speaker: str
    text: str
    unit: int


@dataclass(frozen=True)
class _Source:
    unit: int | None  # None: cited somewhere in the article, place unknown
    name: str
    key: str
    speaks: bool  # True for kinds naming a speaker (officials, experts)
    evidence: str
    kind: str


@dataclass
class _ArticleContext:
    unit_starts: list[int]
    unit_texts: list[str]
    quotes: list[_Quote]
    quote_starts: list[int]
    max_quote_chars: int
    sources: list[_Source]

    def unit_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.unit_starts, offset) - 1)


@dataclass
class _Context:
    """Per-article quotes, sources and sentence-like units, for provenance."""

    articles: dict[str, _ArticleContext]
    order: list[str]
    speaker_cache: dict[tuple[str, str], list[_Source]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        texts: Mapping[str, str],
        ids: list[str],
        quotes: "pd.DataFrame | None",
        sources: "pd.DataFrame | None",
        sentences: "pd.DataFrame | None",
    ) -> "_Context":
        quote_rows = _records(quotes, ("article_id", "start", "end"), ("speaker", "text"))
        source_rows = _records(sources, ("article_id", "source"), ("sent_id", "kind", "text"))
        wanted = {r["article_id"] for r in quote_rows} | {r["article_id"] for r in source_rows}
        if sentences is not None and len(sentences) and "article_id" in sentences.columns:
            sentences = sentences[sentences["article_id"].isin(wanted)]
        sentence_rows = _records(sentences, ("article_id", "start", "end"), ("sent_id",))

        by_article: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for name, rows in (("quotes", quote_rows), ("sources", source_rows), ("sentences", sentence_rows)):
            for row in rows:
                aid = str(row["article_id"])
                if aid in wanted:
                    by_article.setdefault(aid, {}).setdefault(name, []).append(row)

        contexts: dict[str, _ArticleContext] = {}
        for aid in ids:
            if aid not in by_article:
                continue
            parts = by_article[aid]
            text = texts[aid]
            unit_starts, unit_texts, unit_of_sent = _units(text, parts.get("sentences", []))
            ctx = _ArticleContext(unit_starts, unit_texts, [], [], 0, [])
            for row in sorted(parts.get("quotes", []), key=lambda r: (int(r["start"]), int(r["end"]))):
                start, end = int(row["start"]), int(row["end"])
                ctx.quotes.append(
                    _Quote(start, end, _clean_str(row.get("speaker")), _clean_str(row.get("text")),
                           ctx.unit_of(start))
                )
            ctx.quote_starts = [q.start for q in ctx.quotes]
            ctx.max_quote_chars = max((q.end - q.start for q in ctx.quotes), default=0)
            for row in parts.get("sources", []):
                name = _clean_str(row.get("source"))
                if not name:
                    continue
                unit = _locate_source(row, text, ctx, unit_of_sent)
                evidence = ctx.unit_texts[unit] if unit is not None else _clean_str(row.get("text"))
                kind = _clean_str(row.get("kind")).lower()
                ctx.sources.append(
                    _Source(unit, name, _source_key(name), kind in SPEAKER_SOURCE_KINDS, evidence, kind)
                )
            contexts[aid] = ctx
        return cls(articles=contexts, order=ids)

    # -- provenance of one side of a passage ---------------------------------
    def side(self, aid: str, start: int, end: int) -> tuple[tuple[str, ...], tuple[tuple[str, str, int], ...]]:
        """Speakers quoted in ``[start, end)`` and the sources cited near it.

        Returns:
            (speakers, sources) where sources are ``(key, name, rank)``; a
            lower rank is a closer citation: for a quoted passage 0 = in the
            quote's sentence, 1 = in a sentence naming the speaker, 2 = media
            in an adjacent sentence; for narrative 0/1 = a channel in the
            passage's / an adjacent sentence, 2/3 = an official or expert
            there.
        """
        ctx = self.articles.get(aid)
        speakers: list[str] = []
        found: list[tuple[_Source, int]] = []
        if ctx is not None:
            hits = _overlapping_quotes(ctx, start, end)
            for q in hits:
                if q.speaker and q.speaker not in speakers:
                    speakers.append(q.speaker)
                channels, rank = self.quote_channels_ranked(aid, q)
                found.extend((c, rank) for c in channels)
            if not hits:
                first, last = ctx.unit_of(start), ctx.unit_of(max(start, end - 1))
                for src in _near(ctx, first, last):
                    outside = 0 if first <= (src.unit or 0) <= last else 1
                    found.append((src, outside + (2 if src.speaks else 0)))
        best: dict[str, tuple[int, str]] = {}
        for src, rank in found:
            if src.key not in best or rank < best[src.key][0]:
                best[src.key] = (rank, src.name)
        sources = tuple(sorted(((k, n, r) for k, (r, n) in best.items()), key=lambda t: t[2]))
        return tuple(speakers), sources

    def quote_channels(self, aid: str, quote: _Quote) -> list[_Source]:
        """The channels of a quote (see :meth:`quote_channels_ranked`)."""
        return self.quote_channels_ranked(aid, quote)[0]

    def quote_channels_ranked(self, aid: str, quote: _Quote) -> tuple[list[_Source], int]:
        """The channels (media, documents) through which a quote reached the outlet.

        In order of preference: channels cited in the quote's own sentence
        ("… Hertling told CNN"); channels cited in any sentence of the article
        that names the speaker ("Hertling, who spoke with CNN's Jim Acosta");
        media cited in an adjacent sentence. A document or an official cited
        next door is not taken as the carrier of someone's words (on the
        seeds that rule produced "leaked documents -> David Petraeus").
        May be empty: the outlet's own interview, or an uncited one.
        """
        ctx = self.articles[aid]
        own = [s for s in ctx.sources if not s.speaks and s.unit == quote.unit]
        if own:
            return own, 0
        if quote.speaker:
            key = (aid, quote.speaker)
            if key not in self.speaker_cache:
                surname = _surname(quote.speaker)
                hits: list[_Source] = []
                if len(surname) >= _MIN_SURNAME_CHARS:
                    pattern = re.compile(rf"\b{re.escape(surname)}\b")
                    units = {u for u, t in enumerate(ctx.unit_texts) if pattern.search(t)}
                    hits = [s for s in ctx.sources if not s.speaks and s.unit in units]
                self.speaker_cache[key] = hits
            if self.speaker_cache[key]:
                return self.speaker_cache[key], 1
        return [s for s in _near(ctx, quote.unit, quote.unit)
                if s.kind in ADJACENT_CHANNEL_KINDS and s.unit != quote.unit], 2


def _records(table: "pd.DataFrame | None", required: tuple[str, ...],
             optional: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Rows of a table as dicts (only the named columns), or nothing when it lacks them."""
    if table is None or not len(table) or not set(required) <= set(table.columns):
        return []
    names = [c for c in (*required, *optional) if c in table.columns]
    # Column lists zipped: an order of magnitude faster than to_dict("records").
    columns = [table[c].tolist() for c in names]
    return [dict(zip(names, values)) for values in zip(*columns)]


def _units(
    text: str, sentence_rows: list[dict[str, Any]]
) -> tuple[list[int], list[str], dict[str, int]]:
    """Sentence-like units of an article: its sentences, else its paragraphs."""
    if sentence_rows:
        rows = sorted(sentence_rows, key=lambda r: int(r["start"]))
        starts = [int(r["start"]) for r in rows]
        texts = [text[int(r["start"]) : int(r["end"])] for r in rows]
        by_id = {str(r.get("sent_id")): i for i, r in enumerate(rows) if r.get("sent_id") is not None}
        return starts, texts, by_id
    starts, texts = [], []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        if m.group(0).strip():
            starts.append(m.start())
            texts.append(m.group(0))
    if not starts:
        starts, texts = [0], [text]
    return starts, texts, {}


def _locate_source(row: Mapping[str, Any], text: str, ctx: _ArticleContext,
                   unit_of_sent: dict[str, int]) -> int | None:
    """The unit in which a source is cited: by sent_id, else by finding its text."""
    sent_id = _clean_str(row.get("sent_id"))
    if sent_id and sent_id in unit_of_sent:
        return unit_of_sent[sent_id]
    for needle in (_clean_str(row.get("text")), _clean_str(row.get("source"))):
        if needle:
            at = text.find(needle)
            if at >= 0:
                return ctx.unit_of(at)
    return None


def _overlapping_quotes(ctx: _ArticleContext, start: int, end: int) -> list[_Quote]:
    hits = []
    k = bisect.bisect_left(ctx.quote_starts, end) - 1
    while k >= 0 and ctx.quotes[k].start > start - ctx.max_quote_chars - 1:
        q = ctx.quotes[k]
        if q.start < end and q.end > start:
            hits.append(q)
        k -= 1
    hits.reverse()
    return hits


def _near(ctx: _ArticleContext, first_unit: int, last_unit: int) -> list[_Source]:
    """Sources cited in units ``first_unit-1 .. last_unit+1``, nearest first."""
    near = [s for s in ctx.sources if s.unit is not None and first_unit - 1 <= s.unit <= last_unit + 1]
    return sorted(near, key=lambda s: 0 if first_unit <= s.unit <= last_unit else 1)


# ---------------------------------------------------------------------------
# Output tables
# ---------------------------------------------------------------------------


def _trim_overhangs(index: _WordIndex, runs: _Runs, texts: Mapping[str, str], sentences: "pd.DataFrame", *,
                    min_words: int) -> _Runs:
    """Cut the sentence fragments a passage picks up at its edges.

    Two articles that copy one sentence often go on, or come before it, with
    a few words that happen to match ("..., according to a statement. In
    recent months, ..."). When a passage crosses a sentence boundary and the
    part beyond it is a fragment of fewer than ``min_words`` words that does
    not end (at the tail) or start (at the head) a sentence, in both
    articles, that part is cut; a passage left shorter than ``min_words`` is
    dropped. Whole short sentences copied along with the passage stay.
    """
    import numpy as np

    if not len(runs.a) or not {"article_id", "start"} <= set(sentences.columns):
        return runs
    involved = np.unique(np.r_[runs.a, runs.b])
    index.locate(texts, involved)
    assert index.char_start is not None
    total = len(index.codes)
    is_start = np.zeros(total + 1, dtype=bool)  # word opens a sentence (or is past an article's end)
    is_start[index.offsets] = True
    starts_of: dict[str, list[int]] = {}
    for aid, start in zip(sentences["article_id"].astype(str), sentences["start"]):
        starts_of.setdefault(aid, []).append(int(start))
    for i in involved.tolist():
        lo, hi = int(index.offsets[i]), int(index.offsets[i + 1])
        chars = starts_of.get(index.ids[i])
        if not chars or hi <= lo:
            continue
        words = np.searchsorted(index.char_start[lo:hi], np.asarray(chars, dtype=np.int64)) + lo
        is_start[words[words < hi]] = True
    positions = np.arange(total + 1)
    # the nearest sentence start after / at-or-before every word position
    next_start = np.minimum.accumulate(np.where(is_start, positions, total)[::-1])[::-1]
    prev_start = np.maximum.accumulate(np.where(is_start, positions, 0))

    def cuts(start: "np.ndarray", length: "np.ndarray") -> tuple["np.ndarray", "np.ndarray"]:
        end = start + length
        # head: the passage opens mid-sentence and reaches the next one after a short fragment
        first = next_start[np.minimum(start + 1, total)]
        head = np.where(~is_start[start] & (first < end) & (first - start < min_words), first - start, 0)
        # tail: the passage stops mid-sentence a few words into a sentence it entered
        last = prev_start[end - 1]
        tail = np.where(~is_start[end] & (last > start) & (end - last < min_words), end - last, 0)
        return head, tail

    head_a, tail_a = cuts(runs.start_a, runs.length)
    head_b, tail_b = cuts(runs.start_b, runs.length)
    head = np.where((head_a > 0) & (head_b > 0), np.minimum(head_a, head_b), 0)
    tail = np.where((tail_a > 0) & (tail_b > 0), np.minimum(tail_a, tail_b), 0)
    length = runs.length - head - tail
    keep = length >= min_words
    return _Runs(runs.a[keep], runs.b[keep], (runs.start_a + head)[keep], (runs.start_b + head)[keep], length[keep])


def _passage_table(
    index: _WordIndex,
    runs: _Runs,
    texts: Mapping[str, str],
    outlet_of: Mapping[str, str],
    context: _Context,
) -> "pd.DataFrame":
    import numpy as np
    import pandas as pd

    if not len(runs.a):
        return pd.DataFrame(columns=PASSAGE_COLUMNS)
    order = np.lexsort((runs.start_b, runs.start_a, runs.b, runs.a))
    a, b = runs.a[order], runs.b[order]
    sa, sb, n = runs.start_a[order], runs.start_b[order], runs.length[order]
    index.locate(texts, np.unique(np.r_[a, b]))
    assert index.char_start is not None and index.char_end is not None
    start_a, end_a = index.char_start[sa], index.char_end[sa + n - 1]
    start_b, end_b = index.char_start[sb], index.char_end[sb + n - 1]

    outlet_names = np.array([outlet_of.get(i, "unknown") for i in index.ids], dtype=object)
    outlet_codes, _ = pd.factorize(outlet_names)
    ids = np.array(index.ids, dtype=object)

    # Each side of a passage (an article span) is resolved once, however many
    # pairs share it: its text, then its provenance.
    width = int(n.max()) + 1
    side_keys, side_inverse = np.unique(np.r_[sa * width + n, sb * width + n], return_inverse=True)
    side_start_word = side_keys // width
    side_words = side_keys % width
    side_article = index.article_of[side_start_word]
    side_char_start = index.char_start[side_start_word]
    side_char_end = index.char_end[side_start_word + side_words - 1]
    with _gc_paused():
        side_text = np.array(
            [texts[index.ids[i]][s:e] for i, s, e in
             zip(side_article.tolist(), side_char_start.tolist(), side_char_end.tolist())],
            dtype=object,
        )
        signatures: dict[tuple[tuple[str, ...], tuple[tuple[str, str, int], ...]], int] = {((), ()): 0}
        side_sig = np.zeros(len(side_keys), dtype=np.int64)
        for k, (i, s, e) in enumerate(zip(side_article.tolist(), side_char_start.tolist(),
                                          side_char_end.tolist())):
            aid = index.ids[i]
            if aid in context.articles:
                side_sig[k] = signatures.setdefault(context.side(aid, s, e), len(signatures))
    side_a, side_b = side_inverse[: len(a)], side_inverse[len(a):]
    sig_list = list(signatures)
    combo = side_sig[side_a] * len(sig_list) + side_sig[side_b]
    combo_codes, combo_values = pd.factorize(combo)
    resolved = [_upstream(sig_list[v // len(sig_list)], sig_list[v % len(sig_list)])
                for v in combo_values.tolist()]
    speaker = np.array([r[0] for r in resolved], dtype=object)[combo_codes]
    source = np.array([r[1] for r in resolved], dtype=object)[combo_codes]
    upstream = np.array([r[2] for r in resolved], dtype=object)[combo_codes]

    # Stable IDs: a hash of both article ids and both start offsets.
    article_hash = np.array(
        [int.from_bytes(hashlib.sha1(i.encode("utf-8")).digest()[:8], "little") for i in index.ids],
        dtype=np.uint64,
    )
    with np.errstate(over="ignore"):
        mixed = (article_hash[a] * np.uint64(0x9E3779B97F4A7C15)
                 ^ start_a.astype(np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F)
                 ^ article_hash[b] * np.uint64(0x165667B19E3779F9)
                 ^ start_b.astype(np.uint64) * np.uint64(0x27D4EB2F165667C5))
    passage_id = [f"rp-{v:016x}" for v in mixed.tolist()]

    return pd.DataFrame(
        {
            "passage_id": passage_id,
            "article_a": ids[a],
            "outlet_a": outlet_names[a],
            "start_a": start_a,
            "end_a": end_a,
            "article_b": ids[b],
            "outlet_b": outlet_names[b],
            "start_b": start_b,
            "end_b": end_b,
            "n_words": n,
            "same_outlet": outlet_codes[a] == outlet_codes[b],
            "text": side_text[side_a],
            "speaker": speaker,
            "source": source,
            "upstream": upstream,
        },
        columns=PASSAGE_COLUMNS,
    )


#: Source names that point at a report without naming whose it is.
_GENERIC_SOURCE = re.compile(
    r"(?i)^\s*(?:the|a|an|this|that|its|their)\s+(?:new\s+|latest\s+|original\s+)?"
    r"(?:report|reports|paper|newspaper|article|story|statement|study|publication|outlet)\s*$"
)


def _upstream(side_a: tuple[tuple[str, ...], tuple[tuple[str, str, int], ...]],
              side_b: tuple[tuple[str, ...], tuple[tuple[str, str, int], ...]]) -> tuple[str, str, str]:
    """(speaker, source, label) of the common upstream of one passage.

    The speaker is one quoted in the passage (in both articles if possible).
    The source is the closest citation (lowest rank, see
    :meth:`_Context.side`) among those both articles make near the passage,
    unless either article cites another one closer to it; then the closest
    among those either makes. Unnamed references ("the report") count only
    when no named source is cited near the passage.
    """
    speakers_a, sources_a = side_a
    speakers_b, sources_b = side_b
    common_speakers = [s for s in speakers_a if s in speakers_b]
    speakers = common_speakers or list(speakers_a) or list(speakers_b)
    speaker = speakers[0] if speakers else ""
    # an unnamed reference ("the report said") names no upstream when a
    # named source is cited near the passage on either side
    named_a = [t for t in sources_a if not _GENERIC_SOURCE.match(t[1])]
    named_b = [t for t in sources_b if not _GENERIC_SOURCE.match(t[1])]
    if named_a or named_b:
        sources_a, sources_b = tuple(named_a), tuple(named_b)
    rank_b = {k: r for k, _, r in sources_b}
    common = [(k, n, max(r, rank_b[k])) for k, n, r in sources_a if k in rank_b]
    either = list(sources_a) + [t for t in sources_b if t[0] not in {k for k, _, _ in sources_a}]
    # a source both articles cite wins unless one side cites another closer
    # to the passage (in its own sentence, where the common one is further)
    if common and min(r for _, _, r in common) <= min(r for _, _, r in either):
        pool = common
    else:
        pool = either
    source = ""
    if pool:
        best = min(r for _, _, r in pool)
        # Two names at most: the label is for reading, the tables hold the rest.
        source = "; ".join([n for _, n, r in pool if r == best][:2])
    if source and speaker:
        label = f"{source} ({speaker})"
    else:
        label = source or speaker
    return speaker, source, label


def _originality_table(index: _WordIndex, runs: _Runs, outlet_of: Mapping[str, str]) -> "pd.DataFrame":
    import numpy as np
    import pandas as pd

    n_art = len(index.ids)
    total = len(index.codes)
    n_words = np.diff(index.offsets)
    outlet_codes, _ = pd.factorize(np.array([outlet_of.get(i, "unknown") for i in index.ids], dtype=object))
    same = outlet_codes[runs.a] == outlet_codes[runs.b]

    def covered(mask: "np.ndarray") -> "np.ndarray":
        diff = np.zeros(total + 1, dtype=np.int64)
        for starts in (runs.start_a[mask], runs.start_b[mask]):
            np.add.at(diff, starts, 1)
            np.add.at(diff, starts + runs.length[mask], -1)
        flags = np.cumsum(diff[:-1]) > 0
        return np.bincount(index.article_of, weights=flags, minlength=n_art).astype(np.int64)

    shared = covered(np.ones(len(runs.a), dtype=bool)) if total else np.zeros(n_art, dtype=np.int64)
    shared_other = covered(~same) if total else np.zeros(n_art, dtype=np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        originality = np.where(n_words > 0, 1.0 - shared / np.maximum(n_words, 1), np.nan)
        originality_other = np.where(n_words > 0, 1.0 - shared_other / np.maximum(n_words, 1), np.nan)
    return pd.DataFrame(
        {
            "article_id": index.ids,
            "outlet": [outlet_of.get(a, "unknown") for a in index.ids],
            "n_words": n_words.astype(np.int64),
            "n_words_shared": shared,
            "originality": np.round(originality, 4),
            "n_words_shared_other_outlets": shared_other,
            "originality_other_outlets": np.round(originality_other, 4),
        },
        columns=ORIGINALITY_COLUMNS,
    )


def _attribution_table(context: _Context, outlet_of: Mapping[str, str]) -> "pd.DataFrame":
    """Outlet -> cited source -> speaker, one row per distinct chain in an article."""
    import pandas as pd

    rows: list[dict[str, Any]] = []
    for aid in context.order:
        ctx = context.articles.get(aid)
        if ctx is None:
            continue
        outlet = outlet_of.get(aid, "unknown")
        chains: dict[tuple[str, str], dict[str, Any]] = {}
        for q in ctx.quotes:
            if not q.speaker:
                continue  # unattributed quotes keep their reason in the quotes table
            channels = _unique_sources(context.quote_channels(aid, q))
            source = "; ".join(s.name for s in channels)
            key = ("; ".join(s.key for s in channels), q.speaker)
            if key not in chains:
                chains[key] = {
                    "article_id": aid, "outlet": outlet, "source": source, "speaker": q.speaker,
                    "n_quotes": 0, "example_quote": q.text,
                    "evidence": channels[0].evidence if channels else "",
                }
            chains[key]["n_quotes"] += 1
            if len(q.text) > len(chains[key]["example_quote"]):  # the fullest quote as example
                chains[key]["example_quote"] = q.text
        quoted_surnames = {
            (src_key, _surname(speaker).lower()) for (src_key, speaker) in chains
        }
        channel_keys_with_rows = {k for k, _ in chains}
        # Citations naming who spoke through the channel first, so that a bare
        # citation of the same channel does not add an empty row before them.
        channels = [s for s in ctx.sources if not s.speaks]
        channels.sort(key=lambda s: not any(p.speaks and p.unit is not None and p.unit == s.unit
                                            for p in ctx.sources))
        for s in channels:
            people = [p for p in ctx.sources if p.speaks and p.unit is not None and p.unit == s.unit]
            if not people:
                if any(s.key in k.split("; ") for k in channel_keys_with_rows):
                    continue
                people_names = [""]
            else:
                people_names = [p.name for p in people]
            for person in people_names:
                if person and (s.key, _surname(person).lower()) in quoted_surnames:
                    continue
                key = (s.key, person)
                if key in chains:
                    continue
                chains[key] = {
                    "article_id": aid, "outlet": outlet, "source": s.name, "speaker": person,
                    "n_quotes": 0, "example_quote": "", "evidence": s.evidence,
                }
                channel_keys_with_rows.add(s.key)
        rows.extend(sorted(chains.values(), key=lambda r: (-r["n_quotes"], r["source"], r["speaker"])))
    if not rows:
        return pd.DataFrame(columns=ATTRIBUTION_COLUMNS)
    return pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)


def _unique_sources(sources: list[_Source]) -> list[_Source]:
    seen: set[str] = set()
    out = []
    for s in sources:
        if s.key not in seen:
            seen.add(s.key)
            out.append(s)
    return out


def copying(passages: "pd.DataFrame", articles: "pd.DataFrame") -> "pd.DataFrame":
    """Who may have copied whom: the shared text of each pair of articles.

    A passage traced to a quoted speaker or a cited source (``upstream``)
    is most likely taken by both articles from that source; an untraced
    passage was copied from one article into the other, or from a common
    source neither names (a press release, wire copy). For each pair of
    articles sharing text, the words of both kinds are summed, and the
    earlier publication date says which way untraced text can have gone.

    Args:
        passages: the ``reuse_passages`` table.
        articles: the ``articles`` table (article_id, outlet, published).

    Returns:
        One row per pair of articles of different outlets sharing text, most
        untraced words first: ``COPYING_COLUMNS``. ``n_words_traced`` /
        ``n_words_untraced`` split ``n_words`` (the pair's passages' words)
        by whether the passage has an ``upstream``. ``first`` is the outlet
        that published earlier (empty when a date is missing or both are the
        same day). ``verdict`` says it in words: "all traced to a common
        source", "<outlet> published first (<date>): <outlet> may have taken
        N words from it", or "order unknown".
    """
    import pandas as pd

    needed = {"article_a", "article_b", "outlet_a", "outlet_b", "n_words"}
    if passages is None or not len(passages) or not needed <= set(passages.columns):
        return pd.DataFrame(columns=COPYING_COLUMNS)
    table = passages
    if "same_outlet" in table.columns:
        table = table[~table["same_outlet"].astype(bool)]
    if not len(table):
        return pd.DataFrame(columns=COPYING_COLUMNS)
    upstream = table["upstream"] if "upstream" in table.columns else pd.Series("", index=table.index)
    traced = upstream.fillna("").astype(str).str.strip() != ""
    words = table["n_words"].astype(int)
    frame = pd.DataFrame({
        "article_a": table["article_a"].astype(str), "outlet_a": table["outlet_a"].astype(str),
        "article_b": table["article_b"].astype(str), "outlet_b": table["outlet_b"].astype(str),
        "n_words": words, "n_words_traced": words.where(traced, 0), "n_words_untraced": words.where(~traced, 0),
    })
    keys = ["article_a", "outlet_a", "article_b", "outlet_b"]
    grouped = frame.groupby(keys, sort=False).agg(
        n_passages=("n_words", "size"), n_words=("n_words", "sum"),
        n_words_traced=("n_words_traced", "sum"), n_words_untraced=("n_words_untraced", "sum"),
    ).reset_index()
    published: dict[str, str] = {}
    if articles is not None and {"article_id", "published"} <= set(articles.columns):
        published = {str(a): str(p) if isinstance(p, str) else ""
                     for a, p in zip(articles["article_id"], articles["published"])}
    rows = []
    for row in grouped.itertuples(index=False):
        date_a, date_b = published.get(row.article_a, ""), published.get(row.article_b, "")
        first = ""
        if date_a and date_b and date_a != date_b:
            first = row.outlet_a if date_a < date_b else row.outlet_b
        if row.n_words_untraced == 0:
            verdict = "all traced to a common source"
        elif first:
            later = row.outlet_b if first == row.outlet_a else row.outlet_a
            verdict = (f"{first} published first ({min(date_a, date_b)}): {later} may have taken "
                       f"{row.n_words_untraced} words from it, or both from a source neither names")
        else:
            verdict = (f"order unknown: {row.n_words_untraced} untraced words went one way, "
                       "or both took them from a source neither names")
        rows.append({
            "article_a": row.article_a, "outlet_a": row.outlet_a, "published_a": date_a,
            "article_b": row.article_b, "outlet_b": row.outlet_b, "published_b": date_b,
            "n_passages": int(row.n_passages), "n_words": int(row.n_words),
            "n_words_traced": int(row.n_words_traced), "n_words_untraced": int(row.n_words_untraced),
            "first": first, "verdict": verdict,
        })
    out = pd.DataFrame(rows, columns=COPYING_COLUMNS)
    out = out.sort_values(["n_words_untraced", "n_words", "article_a", "article_b"],
                          ascending=[False, False, True, True], kind="stable")
    return out.reset_index(drop=True)
