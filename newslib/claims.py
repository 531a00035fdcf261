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

1. **Units.** Each sentence is one unit, or several clause units when it joins
   two statements with ``;``, a spaced dash, ``, while``, ``, whereas``,
   ``, but`` or ``, and`` (not when ``, and`` closes a list) and each side has
   at least :data:`MIN_CLAUSE_TOKENS` content words. So "Putin is hoping to
   gain ... missiles from Kim, while North Korea is in the market for ...
   submarines" can support two claims.
2. **Vectors.** Units become TF-IDF vectors (scikit-learn, unigrams,
   sublinear tf, l2) of :func:`claim_tokens`: the normalised, stemmed content
   words of :func:`newslib.normalize.content_tokens` without attribution words
   (``newslib/data/claim_attribution_words.txt``) and with demonyms and
   capitals folded into their country (``newslib/data/claim_equivalents.csv``).
3. **Candidates.** Each unit keeps its ``claim_top_k`` nearest neighbours from
   a chunked sparse product over terms found in at most ``claim_max_df``
   units, each unit querying with its :data:`QUERY_TERMS` rarest terms, so the
   cost grows about linearly with the corpus (no all-pairs comparison).
   Candidates are rescored with the full cosine; rapidfuzz raises the score
   of near-verbatim pairs to their ratio (``claim_fuzzy_min``).
4. **Repeats.** A sentence scoring at least ``claim_repeat_threshold`` with an
   earlier sentence of its own article is a ``sentence_repeats`` row. It is
   still aligned; if it ends up alone it is linked to the claims of the
   sentence it repeats instead of forming a claim of its own.
5. **Clustering.** Pairs of units from different articles scoring at least
   ``claim_threshold`` are merged greedily, best pair first. Two groups merge
   only when no article is in both (an article supports a claim once) and
   their mean pairwise cosine is at least ``claim_threshold *
   claim_link_guard`` (average linkage, which stops one loose pair from
   chaining two different claims together).
6. **Secondary links.** A unit is also linked to another claim when one of
   its pairs with a member reaches ``claim_threshold`` and its mean score over
   the members reaches ``claim_threshold * claim_secondary_factor``: one
   sentence can support several claims, and a quote repeated in one article
   with another attribution joins the claim too.
7. Every unit left alone is a single-outlet claim, so "what only this outlet
   reported" is a claim too. A sentence without any content word ("He
   said:") is in no claim.

``claim_id`` is ``"c"`` plus the first 10 hex digits of the SHA-1 of the
sorted member unit keys (``sent_id`` and clause number), so it is the same for
the same input. ``label`` is the text of the medoid unit (highest summed
similarity to the other members). ``kind`` is ``"quote"`` when at least half
of the members lie mostly (>= 50 % of their characters) inside direct quotes,
taken from the ``quotes`` table's offsets, or from quotation marks in the
sentence when that table is empty.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple

from newslib.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = [
    "ClaimResult",
    "CLAIM_COLUMNS",
    "LINK_COLUMNS",
    "REPEAT_COLUMNS",
    "align_claims",
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
#: object, the minimum for a checkable statement.
MIN_CLAUSE_TOKENS = 3

#: Where a sentence joins two statements. Commas before "and" are not used:
#: they mostly close lists ("shells, anti-tank missiles, and rockets").
_CLAUSE_BREAK = re.compile(
    r";\s+|\s+[\u2013\u2014-]\s+|\u2014|,\s+(?=(?:while|whereas|but|and)\s)",
    re.IGNORECASE,
)
_LIST_BEFORE = re.compile(r",\s+[^,;]{1,35}$")
#: Candidate search uses only this many of a unit's heaviest (rarest)
#: eligible terms as the query. Eight keeps every labelled positive pair of
#: the seeds and the wider set among the candidates (eval_claims.py prints
#: the same F1 with 8 as with no pruning) while bounding the cost per unit.
QUERY_TERMS = 8
_EDGE_PUNCT = " \t\n,;:\u2013\u2014-"
_QUOTE_SPAN = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]*)[\"\u201c\u201d]")
#: rapidfuzz scores below this never raise a pair's score (they are not
#: near-verbatim); 0-1 scale. Only pairs whose cosine is already above
#: FUZZY_MIN_COSINE are compared with rapidfuzz, which bounds its cost.
FUZZY_MIN_COSINE = 0.2


class ClaimResult(NamedTuple):
    """What :func:`align_claims` returns."""

    claims: "pd.DataFrame"
    links: "pd.DataFrame"
    repeats: "pd.DataFrame"


# ---------------------------------------------------------------------------
# Units
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


@lru_cache(maxsize=1)
def equivalent_stems() -> dict[str, tuple[str, ...]]:
    """Stemmed term -> stemmed replacement words (``claim_equivalents.csv``).

    Demonyms and capital-for-country metonymy: "Russian" and "Moscow" both
    count as "russia", "Pyongyang" and "DPRK" as "north korea".
    """
    import csv

    from newslib.normalize import content_tokens, stem

    text = resources.files("newslib.data").joinpath("claim_equivalents.csv").read_text("utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for row in csv.DictReader(text.splitlines()):
        term, same_as = (row.get("term") or "").strip().lower(), (row.get("same_as") or "").strip()
        if term and same_as:
            out[stem(term)] = tuple(content_tokens(same_as))
    return out


@lru_cache(maxsize=None)
def _claim_token(token: str) -> tuple[str, ...]:
    """What one normalised word contributes to a claim's tokens (cached)."""
    from newslib.normalize import stem, stop_words

    if not token[0].isalpha():
        return (token,)  # numbers are kept as they are
    if len(token) < 2 or token in stop_words():
        return ()
    stemmed = stem(token)
    if stemmed in attribution_stems():
        return ()
    return equivalent_stems().get(stemmed, (stemmed,))


def claim_tokens(text: str) -> list[str]:
    """Content tokens used for claim similarity.

    Args:
        text: a sentence or clause.

    Returns:
        :func:`newslib.normalize.content_tokens` without attribution stems,
        with demonyms and capitals replaced by their country (see
        :func:`equivalent_stems`).
    """
    from newslib.normalize import word_tokens

    out: list[str] = []
    for token in word_tokens(text):
        out.extend(_claim_token(token))
    return out


def split_clauses(text: str) -> list[tuple[int, int, list[str]]]:
    """Split a sentence into clause units.

    Args:
        text: one sentence.

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
    out = []
    for start, end, tokens in units:
        # trim separators and spaces from the clause edges
        while start < end and text[start] in _EDGE_PUNCT:
            start += 1
        while end > start and text[end - 1] in _EDGE_PUNCT:
            end -= 1
        out.append((start, end, tokens))
    return out


class _Units(NamedTuple):
    sent_row: list[int]  # row of the sentence in the sentences table
    clause: list[int]  # clause number within the sentence (0 when unsplit)
    start: list[int]  # offsets into the sentence text
    end: list[int]
    tokens: list[list[str]]
    whole: list[bool]  # the unit is the whole sentence


def _build_units(texts: list[str]) -> _Units:
    units = _Units([], [], [], [], [], [])
    for row, text in enumerate(texts):
        pieces = split_clauses(text)
        for n, (start, end, tokens) in enumerate(pieces):
            if not tokens:
                continue
            units.sent_row.append(row)
            units.clause.append(n)
            units.start.append(start)
            units.end.append(end)
            units.tokens.append(tokens)
            units.whole.append(len(pieces) == 1)
    return units


def _identity(tokens: list[str]) -> list[str]:
    # Unigrams only: on the dev stories, adding word bigrams lowered the
    # cosine of paraphrases (which rarely share bigrams) more than it helped
    # precision (dev F1 0.78 -> 0.87 without them, see eval_claims.py).
    return tokens


# ---------------------------------------------------------------------------
# Vectors and candidates
# ---------------------------------------------------------------------------


def _tfidf(tokens: list[list[str]]):  # type: ignore[no-untyped-def]
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, norm="l2", dtype=np.float32)
    return vectorizer.fit_transform(tokens).tocsr()


def _embed(texts: list[str], model: str):  # type: ignore[no-untyped-def]
    try:
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
    except ImportError as exc:  # the optional backend is not installed
        raise ImportError(
            "claim_method='embedding' needs the optional 'sentence-transformers' package "
            "(which pulls in torch); newslib does not install it. Install it yourself and "
            "make sure the model named by claim_embedding_model is available offline, "
            "or use claim_method='tfidf' (the default)."
        ) from exc
    encoder = SentenceTransformer(model)
    return encoder.encode(texts, normalize_embeddings=True, convert_to_numpy=True)


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
    Dense input (embeddings): a chunked dense product.
    """
    import numpy as np
    import scipy.sparse as sp

    n = X.shape[0]
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if sp.issparse(X):
        df = np.bincount(X.indices, minlength=X.shape[1])
        cols = np.flatnonzero((df >= 2) & (df <= max_df))
        index = X[:, cols].tocsr()
        query = _prune_rows(index, QUERY_TERMS)
        index_t = index.T.tocsr()
    else:
        query = X
        index_t = X.T
    rows_out: list[np.ndarray] = []
    cols_out: list[np.ndarray] = []
    for lo in range(0, n, chunk_rows):
        hi = min(n, lo + chunk_rows)
        S = query[lo:hi] @ index_t
        if sp.issparse(S):
            S = S.tocsr()
            r = np.repeat(np.arange(lo, hi, dtype=np.int64), np.diff(S.indptr))
            c, v = S.indices.astype(np.int64), S.data
        else:
            S = np.asarray(S)
            kk = min(k + 1, n)
            part = np.argpartition(-S, kk - 1, axis=1)[:, :kk]
            r = np.repeat(np.arange(lo, hi, dtype=np.int64), kk)
            c = part.ravel().astype(np.int64)
            v = S[np.arange(hi - lo)[:, None], part].ravel()
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


def _quoted_share(sentences: "pd.DataFrame", units: _Units, quotes: "pd.DataFrame") -> list[float]:
    from bisect import bisect_right

    texts = sentences["text"].tolist()
    share = [0.0] * len(units.sent_row)
    has_offsets = (
        quotes is not None
        and len(quotes)
        and {"article_id", "start", "end"} <= set(quotes.columns)
        and {"start", "article_id"} <= set(sentences.columns)
    )
    if has_offsets:
        spans: dict[str, list[tuple[int, int]]] = {}
        for art, s, e in zip(quotes["article_id"], quotes["start"], quotes["end"]):
            spans.setdefault(art, []).append((int(s), int(e)))
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
    for i, row in enumerate(units.sent_row):
        piece = texts[row][units.start[i] : units.end[i]]
        inside = sum(len(m.group(0)) for m in _QUOTE_SPAN.finditer(piece))
        # an unclosed opening quote (a quote that runs on) counts to the end
        marks = piece.count('"') + piece.count("\u201c") + piece.count("\u201d")
        if marks % 2 == 1 and piece.lstrip()[:1] in {'"', "\u201c"}:
            inside = len(piece)
        share[i] = inside / max(1, len(piece))
    return share


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
            columns): quote offsets only decide each claim's ``kind``.
        settings: options; uses ``claim_threshold``, ``claim_method``,
            ``claim_top_k``, ``claim_repeat_threshold``, ``claim_link_guard``,
            ``claim_fuzzy_min``, ``claim_max_df`` and
            ``claim_embedding_model``.

    Returns:
        :class:`ClaimResult` ``(claims, links, repeats)``.

    Raises:
        ValueError: for an unknown ``claim_method``.
        ImportError: for ``claim_method="embedding"`` without
            sentence-transformers installed.

    Notes:
        TF-IDF weighting follows Salton & Buckley (1988), "Term-weighting
        approaches in automatic text retrieval"; the clustering is greedy
        average-linkage agglomeration with a cannot-link constraint per
        article.
    """
    import numpy as np
    import pandas as pd

    settings = settings or Settings()
    method = settings.claim_method
    if method not in {"tfidf", "embedding"}:
        raise ValueError(f"unknown claim_method {method!r}: use 'tfidf' or 'embedding'")
    if sentences is None or not len(sentences):
        return _empty_result()
    sentences = sentences.reset_index(drop=True)
    if quotes is None:
        quotes = pd.DataFrame()

    texts = sentences["text"].astype(str).tolist()
    sent_ids = sentences["sent_id"].tolist()
    arts = sentences["article_id"].tolist()
    outlets = sentences["outlet"].tolist()
    units = _build_units(texts)
    n = len(units.sent_row)
    if n == 0:
        return _empty_result()

    if method == "tfidf":
        X = _tfidf(units.tokens)
    else:
        unit_texts = [texts[r][s:e] for r, s, e in zip(units.sent_row, units.start, units.end)]
        X = np.asarray(_embed(unit_texts, settings.claim_embedding_model), dtype=np.float64)

    a, b = _top_k_pairs(X, k=settings.claim_top_k, max_df=settings.claim_max_df)
    score = _pair_cosines(X, a, b)
    unit_art = np.array([arts[r] for r in units.sent_row], dtype=object)
    unit_row = np.asarray(units.sent_row, dtype=np.int64)
    same_sentence = unit_row[a] == unit_row[b]
    a, b, score = a[~same_sentence], b[~same_sentence], score[~same_sentence]
    same_article = unit_art[a] == unit_art[b]
    # rapidfuzz where it can change a decision: every pair within an article
    # (few; repeat scores must not depend on the claim threshold) and the
    # cross-article pairs below claim_threshold
    check = np.flatnonzero((score >= FUZZY_MIN_COSINE) & (same_article | (score < settings.claim_threshold)))
    score[check] = _fuzzy_boost(a[check], b[check], score[check], units, texts, settings.claim_fuzzy_min)

    # ---- repeats within one article -------------------------------------
    repeat_of, repeat_score = _find_repeats(
        a[same_article], b[same_article], score[same_article], units, settings.claim_repeat_threshold
    )
    repeated_rows = set(repeat_of)
    unit_is_repeat = np.array([r in repeated_rows for r in units.sent_row], dtype=bool)

    # ---- clustering over cross-article pairs ----------------------------
    cross = ~same_article & (score >= settings.claim_threshold)
    ea, eb, es = a[cross], b[cross], score[cross]
    order = np.lexsort((eb, ea, -es))
    ea, eb, es = ea[order].tolist(), eb[order].tolist(), es[order].tolist()

    store = _VectorStore(X)
    unit_art_list = unit_art.tolist()
    parent = list(range(n))
    members: dict[int, list[int]] = {}
    articles_of: dict[int, set[str]] = {}
    sums: dict[int, Any] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def ensure(x: int) -> None:
        if x not in members:
            members[x] = [x]
            articles_of[x] = {unit_art_list[x]}
            sums[x] = store.row(x)

    guard = settings.claim_threshold * settings.claim_link_guard
    for u, v in zip(ea, eb):
        ru, rv = find(u), find(v)
        if ru == rv:
            continue
        ensure(ru)
        ensure(rv)
        if articles_of[ru] & articles_of[rv]:
            continue
        size_u, size_v = len(members[ru]), len(members[rv])
        if size_u > 1 or size_v > 1:
            mean = store.dot(sums[ru], sums[rv]) / (size_u * size_v)
            if mean < guard:
                continue
        if size_u < size_v:
            ru, rv = rv, ru
        parent[rv] = ru
        members[ru].extend(members.pop(rv))
        articles_of[ru] |= articles_of.pop(rv)
        sums[ru] = store.add(sums[ru], sums.pop(rv))

    # ---- secondary links: a unit that also fits another claim -----------
    # The partition above lets an article into a claim once; here a unit may
    # also join a claim that already holds its article (a quote repeated with
    # a different attribution) or a second claim (a sentence stating two
    # things), when it fits that claim's members on average.
    secondary = _secondary_links(
        a, b, score, find, members, units,
        threshold=settings.claim_threshold,
        min_mean=settings.claim_threshold * settings.claim_secondary_factor,
    )

    # ---- claims and links -------------------------------------------------
    quoted = _quoted_share(sentences, units, quotes)
    unit_texts = [texts[r][s:e].strip() for r, s, e in zip(units.sent_row, units.start, units.end)]
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
    claim_of_row: dict[int, list[str]] = {}
    secondary_units = {m for extra in secondary.values() for m, _ in extra}
    sent_row = units.sent_row
    for x in range(n):
        root = find(x)
        if root != x and root in members:
            continue  # handled with its root
        group = members.get(root)
        if group is None or len(group) == 1:
            # single-unit claim (the common case at scale): no averaging
            if x in secondary_units or unit_is_repeat[x]:
                continue  # covered by a claim it supports, or by what it repeats
            r = sent_row[x]
            key = f"{sent_ids[r]}:{units.clause[x]}"
            claim_id = "c" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
            col_id.append(claim_id)
            col_label.append(unit_texts[x].strip(_EDGE_PUNCT) or unit_texts[x])
            col_outlets.append(outlets[r])
            col_n_outlets.append(1)
            col_kind.append("quote" if quoted[x] >= 0.5 else "narrative")
            col_n_articles.append(1)
            col_first.append(r)
            link_claim.append(claim_id)
            link_row.append(r)
            link_score.append(1.0)
            claim_of_row.setdefault(r, []).append(claim_id)
            continue
        keys = sorted(f"{sent_ids[sent_row[m]]}:{units.clause[m]}" for m in group)
        claim_id = "c" + hashlib.sha1("|".join(keys).encode("utf-8")).hexdigest()[:10]
        total = sums[root]
        fits = {m: (store.dot(store.row(m), total) - 1.0) / (len(group) - 1) for m in group}
        medoid = max(group, key=lambda m: (fits[m], -m))
        extra = secondary.get(root, [])
        rows = [sent_row[m] for m in group] + [sent_row[m] for m, _ in extra]
        link_claim.extend([claim_id] * len(rows))
        link_row.extend(rows)
        link_score.extend([fits[m] for m in group] + [mean for _, mean in extra])
        for r in rows:
            claim_of_row.setdefault(r, []).append(claim_id)
        outs = sorted({outlets[r] for r in rows})
        quoted_members = sum(1 for m in group if quoted[m] >= 0.5)
        col_id.append(claim_id)
        col_label.append(unit_texts[medoid].strip(_EDGE_PUNCT) or unit_texts[medoid])
        col_outlets.append(";".join(outs))
        col_n_outlets.append(len(outs))
        col_kind.append("quote" if quoted_members * 2 >= len(group) else "narrative")
        col_n_articles.append(len({arts[r] for r in rows}))
        col_first.append(min(rows))

    # a repeat left on its own is linked to every claim of the sentence it repeats
    for row, original in repeat_of.items():
        if row in claim_of_row:
            continue
        for claim_id in claim_of_row.get(original, []):
            link_claim.append(claim_id)
            link_row.append(row)
            link_score.append(float(repeat_score[row]))

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
            "score": links["score"].to_numpy().round(4),
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


def _secondary_links(a, b, score, find, members: dict[int, list[int]], units: _Units, *, threshold: float, min_mean: float) -> dict[int, list[tuple[int, float]]]:  # type: ignore[no-untyped-def]
    """Extra (unit, mean score) links per claim root, for units outside it.

    A unit joins a claim of several members when one of its candidate pairs
    with a member reaches ``threshold`` and its mean score over all members
    reaches ``min_mean``; members that are not among the unit's candidates
    count as 0, so the mean is a lower bound (computed without a Python loop
    over pairs). A sentence joins a claim at most once.
    """
    import numpy as np

    n = len(units.sent_row)
    roots = np.fromiter((find(i) for i in range(n)), dtype=np.int64, count=n)
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
    taken = {(units.sent_row[m], root) for root, group in members.items() for m in group}
    out: dict[int, list[tuple[int, float]]] = {}
    for i in good.tolist():
        unit, root = int(ux[i]), int(ur[i])
        key_ = (units.sent_row[unit], root)
        if key_ in taken:
            continue
        taken.add(key_)
        out.setdefault(root, []).append((unit, float(mean[i])))
    return out


def _fuzzy_boost(a, b, score, units: _Units, texts: list[str], fuzzy_min: float):  # type: ignore[no-untyped-def]
    """Raise the score of near-verbatim pairs to their rapidfuzz ratio."""
    import numpy as np
    from rapidfuzz import fuzz

    from newslib.normalize import normalize_text

    if not len(a):
        return score
    score = score.copy()
    idx = np.arange(len(score))
    cache: dict[int, str] = {}

    def norm(u: int) -> str:
        if u not in cache:
            r = units.sent_row[u]
            cache[u] = normalize_text(texts[r][units.start[u] : units.end[u]], keep_punctuation=False)
        return cache[u]

    cutoff = fuzzy_min * 100
    for i in idx.tolist():
        ratio = fuzz.ratio(norm(int(a[i])), norm(int(b[i])), score_cutoff=cutoff)
        if ratio and ratio / 100 > score[i]:
            score[i] = ratio / 100
    return score


def _find_repeats(a, b, score, units: _Units, threshold: float) -> tuple[dict[int, int], dict[int, float]]:  # type: ignore[no-untyped-def]
    """Later sentence -> earlier sentence of the same article it repeats."""
    best: dict[int, tuple[float, int]] = {}
    for u, v, s in zip(a.tolist(), b.tolist(), score.tolist()):
        if s < threshold:
            continue
        ru, rv = units.sent_row[u], units.sent_row[v]
        later, earlier = max(ru, rv), min(ru, rv)
        if later not in best or (s, -earlier) > (best[later][0], -best[later][1]):
            best[later] = (s, earlier)
    repeat_of: dict[int, int] = {}
    repeat_score: dict[int, float] = {}
    for later in sorted(best):
        s, earlier = best[later]
        while earlier in repeat_of:  # a repeat of a repeat points at the first
            earlier = repeat_of[earlier]
        repeat_of[later] = earlier
        repeat_score[later] = s
    return repeat_of, repeat_score


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
