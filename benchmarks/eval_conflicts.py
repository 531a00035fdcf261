"""Precision and recall of the ``conflicts`` stage on the generated corpus.

Input: a corpus written by ``benchmarks/generate_corpus.py`` (generated and
cached under ``build/bench/<n>-seed<seed>/``) and its hidden truth files:

* ``.pieces.csv``: every body piece of every article (a fact rendering, a
  quote, a wire sentence, filler), with the story fact or story quote it
  renders and the departure planted in it (``date``: a shifted timing,
  ``number``: a changed figure, ``quote_wording``: one word swapped);
* ``.titles.csv``: every speaker introduction with the title as written,
  the rank it names and the speaker's true rank (``title`` planted when
  they differ: "retired General" for a retired Lt. Gen.).

Output (stdout): per conflict kind, the rows newslib reported, how many are
true (TP) or false (FP), precision, the planted conflicts that could be
found, how many were found and recall; then the false-positive reasons with
counts, optional examples, and the seconds taken.

How a row is judged
-------------------
Each sentence of the ``sentences`` table and each quote of ``quotes`` is
mapped to the piece it came from: every piece's text is located in its
article's cleaned text (in body order), and a sentence or quote belongs to
the piece whose span holds it. Spans that cross two pieces (a missed
sentence boundary) or lie outside every piece are unmapped and counted.

A ``date`` or ``number`` row is **true** when both evidence sentences come
from one story, render the same story fact, and exactly one of them carries
a planted departure of that kind (or both carry different ones). A
``quote_wording`` row is judged the same way on its two quotes and the
story quote they render. A ``title`` row is true when, for the row's
speaker, the two sides' articles (or outlets, for evidence from the
``speakers`` table) wrote different ranks and at least one is a planted
departure. Anything else is a false positive, with the first reason that
applies: unmapped evidence; different stories; same story, different facts
(or quotes); same fact, kind mismatch (the planted departure is of another
kind); same fact, same departure on both sides; same fact, neither side
planted (for titles: same rank on both sides).

Recall: a planted departure is **expected** when another outlet's article
of the same story renders the same fact (the same quote, with the word that
was swapped; the same speaker, with the true rank) without a departure. It
is **found** when some true row pairs it with such a counterpart. One
outlet's departure counts once even when the outlet's update repeats it
(newslib reports one row per outlet pair and pair of readings). Most
planted timing shifts can both be true ("this month" / "next week"), so
date recall is also printed for the shifts that contradict
(:data:`TIMING_READINGS`).

Usage::

    python benchmarks/eval_conflicts.py                      # 1,000 articles, seed 7
    python benchmarks/eval_conflicts.py --articles 200 --examples 5
    python benchmarks/eval_conflicts.py --save build/bench/results/conflicts_scored.csv
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Iterable, NamedTuple

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "build" / "bench"

#: Conflict kinds in the order newslib lists them.
KINDS: tuple[str, ...] = ("date", "number", "quote_wording", "title")
#: Stages ``newslib.compare`` must run for the conflicts table (quotes feed
#: quote variants and titles, claims feed dates and numbers).
STAGES: tuple[str, ...] = ("quotes", "claims", "conflicts")

#: Label of a true row, and the false-positive reasons, in the order they are tested.
TRUE = "true"
UNMAPPED = "unmapped evidence"
OTHER_STORY = "different stories"
OTHER_FACT = "same story, different facts"
OTHER_QUOTE = "same story, different quotes"
KIND_MISMATCH = "same fact, kind mismatch"
SAME_DEPARTURE = "same fact, same departure on both sides"
NOT_PLANTED = "same fact, neither side planted"
SAME_RANK = "same rank on both sides"

#: The generator's timing phrases (``TIMINGS`` in generate_corpus.py) read as
#: (unit, value). Two timings contradict only when they give one unit
#: different values: this month / next month, Thursday / Friday. The other
#: planted shifts can both hold for one event, depending on the day ("next
#: week" is also "this month" most of the month; "by the end of the year"
#: is a deadline; "in the coming days" is vague), so date recall is also
#: reported on the contradictions alone.
TIMING_READINGS: dict[str, tuple[str, int | None]] = {
    "later this month": ("month", 0), "this month": ("month", 0), "next month": ("month", 1),
    "next week": ("week", 1), "in the coming days": ("days", None),
    "by the end of the year": ("deadline", None), "on Thursday": ("weekday", 4), "on Friday": ("weekday", 5),
}


class PieceRef(NamedTuple):
    """One body piece of the truth table (the fields the scoring needs)."""

    article_id: str
    piece: int
    story_id: str
    outlet: str
    kind: str
    fact: str  # story fact index as written in the CSV, "" when not a fact
    quote: str  # story quote index, "" when not a quote
    planted: str
    detail: str
    text: str


# ---------------------------------------------------------------------------
# Truth
# ---------------------------------------------------------------------------


def read_truth(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``.pieces.csv`` and ``.titles.csv`` of a generated corpus, all cells as strings."""
    pieces = pd.read_csv(folder / ".pieces.csv", dtype=str, keep_default_na=False)
    titles = pd.read_csv(folder / ".titles.csv", dtype=str, keep_default_na=False)
    pieces["piece"] = pieces["piece"].astype(int)
    titles["piece"] = titles["piece"].astype(int)
    return pieces, titles


def piece_index(pieces: pd.DataFrame) -> dict[tuple[str, int], PieceRef]:
    """(article_id, piece) -> :class:`PieceRef`."""
    cols = list(PieceRef._fields)
    return {(r.article_id, r.piece): r for r in (PieceRef(*row) for row in pieces[cols].itertuples(index=False))}


# ---------------------------------------------------------------------------
# Mapping sentences and quotes to pieces
# ---------------------------------------------------------------------------


def locate_pieces(text: str, piece_texts: Iterable[str]) -> list[tuple[int, int] | None]:
    """Character spans of the pieces in an article's cleaned text.

    Pieces are searched in body order, each after the end of the last one
    found, so a piece repeated in the article (an update keeps part of its
    first version) gets its own occurrence. A piece that cannot be found
    (cleaning changed it) gets None and does not move the search on.

    Args:
        text: the article's cleaned text (``Coverage.texts[article_id]``).
        piece_texts: the article's piece texts in body order.

    Returns:
        One ``(start, end)`` or None per piece.
    """
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for piece in piece_texts:
        at = text.find(piece, cursor) if piece else -1
        if at < 0:
            spans.append(None)
            continue
        spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    return spans


def piece_of_span(start: int, end: int, spans: list[tuple[int, int] | None]) -> tuple[int, str]:
    """The piece whose span holds ``[start, end)``: (piece number, "") or (-1, reason)."""
    touched = [n for n, s in enumerate(spans) if s is not None and s[0] < end and start < s[1]]
    for n in touched:
        s = spans[n]
        assert s is not None
        if s[0] <= start and end <= s[1]:
            return n, ""
    if len(touched) > 1:
        return -1, "spans several pieces"
    return -1, "outside every located piece"


def map_spans(table: pd.DataFrame, id_column: str, texts: dict[str, str], pieces: pd.DataFrame) -> pd.DataFrame:
    """Map each row of a span table (``sentences`` or ``quotes``) to its piece.

    Args:
        table: rows with ``id_column``, article_id, start and end (offsets
            into the cleaned text).
        id_column: ``"sent_id"`` or ``"quote_id"``.
        texts: article_id -> cleaned text.
        pieces: the ``.pieces.csv`` table.

    Returns:
        A table with columns id, article_id, piece (-1 when unmapped) and
        reason (why a row is unmapped, "" otherwise), one row per input row.
    """
    by_article = {a: g.sort_values("piece") for a, g in pieces.groupby("article_id", sort=False)}
    spans_of: dict[str, list[tuple[int, int] | None]] = {}
    numbers_of: dict[str, list[int]] = {}
    rows = []
    for ident, article_id, start, end in zip(table[id_column], table["article_id"], table["start"], table["end"]):
        article_id = str(article_id)
        if article_id not in by_article or article_id not in texts:
            rows.append((str(ident), article_id, -1, "article not in the truth"))
            continue
        if article_id not in spans_of:
            g = by_article[article_id]
            spans_of[article_id] = locate_pieces(texts[article_id], g["text"].tolist())
            numbers_of[article_id] = g["piece"].tolist()
        n, reason = piece_of_span(int(start), int(end), spans_of[article_id])
        rows.append((str(ident), article_id, numbers_of[article_id][n] if n >= 0 else -1, reason))
    return pd.DataFrame(rows, columns=["id", "article_id", "piece", "reason"])


# ---------------------------------------------------------------------------
# Judging rows
# ---------------------------------------------------------------------------


def classify_pair(kind: str, a: PieceRef | None, b: PieceRef | None) -> str:
    """Judge a date, number or quote_wording row from the pieces of its two sides.

    Args:
        kind: the row's kind.
        a: the piece side a's evidence came from (None when unmapped).
        b: the same for side b.

    Returns:
        :data:`TRUE` or the false-positive reason.
    """
    if a is None or b is None:
        return UNMAPPED
    if a.story_id != b.story_id:
        return OTHER_STORY
    if kind == "quote_wording":
        if not (a.kind == b.kind == "quote" and a.quote != "" and a.quote == b.quote):
            return OTHER_QUOTE
    elif not (a.kind == b.kind == "fact" and a.fact != "" and a.fact == b.fact):
        return OTHER_FACT
    planted_a, planted_b = a.planted == kind, b.planted == kind
    if planted_a != planted_b:
        return TRUE
    if planted_a and planted_b:
        return TRUE if a.detail != b.detail else SAME_DEPARTURE
    if a.planted or b.planted:
        return KIND_MISMATCH
    return NOT_PLANTED


class TitleSide(NamedTuple):
    """What the truth says one side of a title row wrote."""

    ranks: frozenset[str]  # ranks named in the matching introductions ("" = none)
    planted: bool  # whether any of them departs from the speaker's true rank


def surname(name: str) -> str:
    """Lower-case last word of a person's name (family names are unique in the generator)."""
    words = re.findall(r"[\w'-]+", str(name))
    return words[-1].lower() if words else ""


def title_side(titles: pd.DataFrame, speaker: str, *, article_id: str = "", outlet: str = "") -> TitleSide | None:
    """The truth's introductions of ``speaker`` in one article (or, without one, one outlet).

    Returns None when the truth has no introduction there (unmapped).
    """
    rows = titles[titles["speaker"].map(surname) == surname(speaker)]
    rows = rows[rows["article_id"] == article_id] if article_id else rows[rows["outlet"] == outlet]
    if rows.empty:
        return None
    return TitleSide(frozenset(rows["rank"]), bool((rows["planted"] == "title").any()))


def classify_title(a: TitleSide | None, b: TitleSide | None) -> str:
    """Judge a title row: true when the two sides wrote different ranks and one departs."""
    if a is None or b is None or not (a.ranks - {""}) or not (b.ranks - {""}):
        return UNMAPPED
    if a.ranks & b.ranks:
        return SAME_RANK
    return TRUE if a.planted or b.planted else NOT_PLANTED


# ---------------------------------------------------------------------------
# Expected conflicts (recall)
# ---------------------------------------------------------------------------


def _swapped_word(detail: str) -> str:
    """The original word of a quote substitution detail ("rivals -> enemies" -> "rivals")."""
    return detail.split(" -> ")[0].strip()


def timing_contradicts(detail: str) -> bool:
    """Whether a planted timing shift ("this month -> next month") cannot be true with the original.

    Unknown phrases (not in :data:`TIMING_READINGS`) count as no contradiction.
    """
    old, _, new = detail.partition(" -> ")
    a, b = TIMING_READINGS.get(old.strip()), TIMING_READINGS.get(new.strip())
    return a is not None and b is not None and a[0] == b[0] and a[1] is not None and a[1] != b[1]


def departure_key(p: PieceRef) -> tuple[str, str, str, str, str]:
    """What makes two planted pieces one departure: story, outlet, material, change."""
    return (p.story_id, p.outlet, p.fact if p.kind == "fact" else p.quote, p.kind, p.detail)


def expected_departures(pieces: pd.DataFrame, kind: str) -> dict[tuple[str, str, str, str, str], list[tuple[str, int]]]:
    """Planted departures of ``kind`` that another outlet's unplanted rendering can expose.

    Args:
        pieces: the ``.pieces.csv`` table.
        kind: ``date``, ``number`` or ``quote_wording``.

    Returns:
        :func:`departure_key` -> the (article_id, piece) pieces carrying it.
        For quote_wording the counterpart must contain the word that was
        swapped (a truncated or partial quote without it shows nothing).
    """
    material = "quote" if kind == "quote_wording" else "fact"
    column = material
    planted = pieces[(pieces["planted"] == kind) & (pieces["kind"] == material)]
    clean = pieces[(pieces["planted"] == "") & (pieces["kind"] == material)]
    counterparts = {key: g for key, g in clean.groupby(["story_id", column], sort=False)}
    out: dict[tuple[str, str, str, str, str], list[tuple[str, int]]] = {}
    cols = list(PieceRef._fields)
    for p in (PieceRef(*row) for row in planted[cols].itertuples(index=False)):
        g = counterparts.get((p.story_id, getattr(p, column)))
        if g is None:
            continue
        g = g[g["outlet"] != p.outlet]
        if kind == "quote_wording":
            word = re.compile(rf"\b{re.escape(_swapped_word(p.detail))}\b")
            g = g[g["text"].map(lambda t: bool(word.search(t)))]
        if len(g):
            out.setdefault(departure_key(p), []).append((p.article_id, p.piece))
    return out


def expected_titles(titles: pd.DataFrame) -> set[tuple[str, str, str]]:
    """(story_id, outlet, speaker) of planted title departures with a true-rank counterpart.

    The counterpart is another outlet's introduction of the same speaker in
    the same story that names the true rank.
    """
    true_rank = titles[(titles["planted"] == "") & (titles["rank"] != "")]
    holders = {key: set(g["outlet"]) for key, g in true_rank.groupby(["story_id", "speaker"], sort=False)}
    out = set()
    for r in titles[titles["planted"] == "title"].itertuples(index=False):
        if holders.get((r.story_id, r.speaker), set()) - {r.outlet}:
            out.add((r.story_id, r.outlet, r.speaker))
    return out


# ---------------------------------------------------------------------------
# Scoring the conflicts table
# ---------------------------------------------------------------------------


def label_rows(
    conflicts: pd.DataFrame,
    evidence: pd.DataFrame,
    pieces: pd.DataFrame,
    titles: pd.DataFrame,
) -> pd.DataFrame:
    """The conflicts table with the verdict of every row.

    Args:
        conflicts: newslib's ``conflicts`` table.
        evidence: :func:`map_spans` of sentences and quotes together (ids are
            sent_ids and quote_ids).
        pieces: ``.pieces.csv``.
        titles: ``.titles.csv``.

    Returns:
        ``conflicts`` plus label (:data:`TRUE` or a reason), piece_a and
        piece_b ("article_id#piece", "" when unmapped or a title row),
        story_a and story_b.
    """
    index = piece_index(pieces)
    where = {i: (a, p) for i, a, p in zip(evidence["id"], evidence["article_id"], evidence["piece"])}
    story_of = dict(zip(pieces["article_id"], pieces["story_id"]))
    labels, refs_a, refs_b, stories_a, stories_b = [], [], [], [], []
    for row in conflicts.itertuples(index=False):
        ids = (str(row.evidence_id_a), str(row.evidence_id_b))
        located = [where.get(i) for i in ids]
        if row.kind == "title":
            sides = []
            for loc, outlet in zip(located, (row.outlet_a, row.outlet_b)):
                article = loc[0] if loc else ""
                sides.append(title_side(titles, str(row.speaker), article_id=article, outlet=str(outlet)))
            labels.append(classify_title(*sides))
            refs = ["", ""]
        else:
            found = [index.get((loc[0], int(loc[1]))) if loc and int(loc[1]) >= 0 else None for loc in located]
            labels.append(classify_pair(str(row.kind), found[0], found[1]))
            refs = [f"{p.article_id}#{p.piece}" if p else "" for p in found]
        refs_a.append(refs[0])
        refs_b.append(refs[1])
        stories_a.append(story_of.get(located[0][0], "") if located[0] else "")
        stories_b.append(story_of.get(located[1][0], "") if located[1] else "")
    out = conflicts.copy()
    out["label"], out["piece_a"], out["piece_b"] = labels, refs_a, refs_b
    out["story_a"], out["story_b"] = stories_a, stories_b
    return out


def found_departures(labelled: pd.DataFrame, pieces: pd.DataFrame, kind: str) -> set[tuple[str, str, str, str, str]]:
    """Departure keys (:func:`departure_key`) that some true row of ``kind`` touches."""
    index = piece_index(pieces)
    out = set()
    rows = labelled[(labelled["kind"] == kind) & (labelled["label"] == TRUE)]
    for ref in list(rows["piece_a"]) + list(rows["piece_b"]):
        if not ref:
            continue
        article_id, piece = ref.rsplit("#", 1)
        p = index.get((article_id, int(piece)))
        if p is not None and p.planted == kind:
            out.add(departure_key(p))
    return out


def found_titles(labelled: pd.DataFrame, titles: pd.DataFrame, evidence: pd.DataFrame) -> set[tuple[str, str, str]]:
    """(story_id, outlet, speaker) of planted title departures that some true title row names."""
    article_of = dict(zip(evidence["id"], evidence["article_id"]))
    planted = titles[titles["planted"] == "title"]
    out = set()
    for row in labelled[(labelled["kind"] == "title") & (labelled["label"] == TRUE)].itertuples(index=False):
        for ident, outlet in ((row.evidence_id_a, row.outlet_a), (row.evidence_id_b, row.outlet_b)):
            hit = planted[(planted["speaker"].map(surname) == surname(str(row.speaker)))
                          & (planted["outlet"] == outlet)]
            article = article_of.get(str(ident), "")
            if article:
                hit = hit[hit["article_id"] == article]
            out.update(zip(hit["story_id"], hit["outlet"], hit["speaker"]))
    return out


def summarise(labelled: pd.DataFrame, expected: dict[str, set], found: dict[str, set]) -> pd.DataFrame:
    """One row per kind: rows, TP, FP, precision, expected, found, recall.

    Precision is NaN without rows and recall NaN without expected
    departures; ``found`` counts only departures that were expected.
    """
    out = []
    for kind in KINDS:
        rows = labelled[labelled["kind"] == kind]
        tp = int((rows["label"] == TRUE).sum())
        exp = expected.get(kind, set())
        hit = len(found.get(kind, set()) & exp)
        out.append({
            "kind": kind, "rows": len(rows), "tp": tp, "fp": len(rows) - tp,
            "precision": tp / len(rows) if len(rows) else float("nan"),
            "expected": len(exp), "found": hit, "recall": hit / len(exp) if exp else float("nan"),
        })
    return pd.DataFrame(out)


def reason_counts(labelled: pd.DataFrame) -> pd.DataFrame:
    """False-positive reasons per kind with counts, most frequent first."""
    false = labelled[labelled["label"] != TRUE]
    counts = Counter(zip(false["kind"], false["label"]))
    rows = [{"kind": k, "reason": r, "rows": n} for (k, r), n in counts.items()]
    order = {k: i for i, k in enumerate(KINDS)}
    rows.sort(key=lambda r: (order.get(r["kind"], 99), -r["rows"], r["reason"]))
    return pd.DataFrame(rows, columns=["kind", "reason", "rows"])


# ---------------------------------------------------------------------------
# Running it
# ---------------------------------------------------------------------------


def _generator():
    spec = importlib.util.spec_from_file_location("generate_corpus", ROOT / "benchmarks" / "generate_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_corpus", module)
    spec.loader.exec_module(module)
    return module


def _fmt(x: float) -> str:
    return "  n/a" if x != x else f"{x:5.3f}"


def report(summary: pd.DataFrame, reasons: pd.DataFrame) -> str:
    """The per-kind table and the false-positive reasons as plain text."""
    lines = [f"{'kind':<14} {'rows':>5} {'TP':>5} {'FP':>5} {'prec':>6} {'expected':>8} {'found':>6} {'recall':>6}"]
    for r in summary.itertuples(index=False):
        lines.append(f"{r.kind:<14} {r.rows:5d} {r.tp:5d} {r.fp:5d} {_fmt(r.precision):>6} "
                     f"{r.expected:8d} {r.found:6d} {_fmt(r.recall):>6}")
    total = summary[["rows", "tp", "expected", "found"]].sum()
    lines.append(f"{'all':<14} {total.rows:5d} {total.tp:5d} {total.rows - total.tp:5d} "
                 f"{_fmt(total.tp / total.rows if total.rows else float('nan')):>6} {total.expected:8d} "
                 f"{total.found:6d} {_fmt(total.found / total.expected if total.expected else float('nan')):>6}")
    lines.append("")
    lines.append("false positives by reason")
    if reasons.empty:
        lines.append("  (none)")
    for r in reasons.itertuples(index=False):
        lines.append(f"  {r.kind:<14} {r.rows:5d}  {r.reason}")
    return "\n".join(lines)


def _examples(labelled: pd.DataFrame, pieces: pd.DataFrame, n: int) -> str:
    """Up to ``n`` false rows per kind, with their evidence and the truth behind it."""
    index = piece_index(pieces)

    def describe(ref: str) -> str:
        if not ref:
            return "unmapped"
        article_id, piece = ref.rsplit("#", 1)
        p = index[(article_id, int(piece))]
        what = f"fact {p.fact}" if p.kind == "fact" else (f"quote {p.quote}" if p.kind == "quote" else p.kind)
        planted = f", planted {p.planted} ({p.detail})" if p.planted else ""
        return f"{p.story_id} {what}{planted}"

    lines = []
    for kind in KINDS:
        false = labelled[(labelled["kind"] == kind) & (labelled["label"] != TRUE)]
        # one example per distinct pair of evidence texts (repeats differ only in outlets)
        false = false.drop_duplicates(["value_a", "value_b", "evidence_a", "evidence_b"]).head(n)
        for r in false.itertuples(index=False):
            lines.append(f"[{kind}] {r.label}: {r.value_a!r} vs {r.value_b!r}")
            lines.append(f"    a {r.outlet_a} [{describe(r.piece_a)}]: {r.evidence_a}")
            lines.append(f"    b {r.outlet_b} [{describe(r.piece_b)}]: {r.evidence_b}")
    return "\n".join(lines) if lines else "(no false rows)"


def _missed(expected: dict[str, dict], found: dict[str, set], pieces: pd.DataFrame, n: int) -> str:
    """Up to ``n`` expected but missed departures per kind (date, number, quote_wording)."""
    index = piece_index(pieces)
    lines = []
    for kind in ("date", "number", "quote_wording"):
        missed = sorted(set(expected[kind]) - found[kind])[:n]
        for key in missed:
            article_id, piece = expected[kind][key][0]
            p = index[(article_id, piece)]
            lines.append(f"[{kind}] {p.outlet} {p.story_id} ({p.detail}): {p.text}")
    return "\n".join(lines) if lines else "(none missed)"


class Evaluation(NamedTuple):
    """Everything :func:`evaluate` computes (tables as pandas DataFrames)."""

    pieces: pd.DataFrame  # .pieces.csv
    titles: pd.DataFrame  # .titles.csv
    sent_map: pd.DataFrame  # map_spans of the sentences
    quote_map: pd.DataFrame  # map_spans of the quotes
    labelled: pd.DataFrame  # the conflicts table with verdicts (label_rows)
    expected: dict[str, set]  # kind -> expected departure keys
    expected_pieces: dict[str, dict]  # date/number/quote_wording -> key -> pieces
    found: dict[str, set]  # kind -> departure keys some true row touches
    summary: pd.DataFrame  # summarise()
    reasons: pd.DataFrame  # reason_counts()
    pipeline_s: float
    scoring_s: float


def contradiction_recall(expected_dates: Iterable[tuple[str, ...]], found_dates: set) -> tuple[int, int, int, int]:
    """Date recall split by :func:`timing_contradicts`.

    Returns:
        (expected, found) for the contradictory shifts, then (expected,
        found) for the others.
    """
    keys = set(expected_dates)
    strict = {k for k in keys if timing_contradicts(k[4])}
    rest = keys - strict
    return len(strict), len(strict & found_dates), len(rest), len(rest & found_dates)


def evaluate(folder: Path) -> Evaluation:
    """Run the pipeline on ``folder`` and score its conflicts table against the truth files."""
    import newslib

    started = time.perf_counter()
    cov = newslib.compare(folder, stages=STAGES)
    pipeline_s = time.perf_counter() - started
    started = time.perf_counter()
    pieces, titles = read_truth(folder)
    sent_map = map_spans(cov.sentences, "sent_id", cov.texts, pieces)
    quote_map = map_spans(cov.quotes, "quote_id", cov.texts, pieces) if len(cov.quotes) else \
        pd.DataFrame(columns=["id", "article_id", "piece", "reason"])
    evidence = pd.concat([sent_map, quote_map], ignore_index=True)
    labelled = label_rows(cov.conflicts, evidence, pieces, titles)
    expected_pieces = {k: expected_departures(pieces, k) for k in ("date", "number", "quote_wording")}
    expected: dict[str, set] = {k: set(v) for k, v in expected_pieces.items()}
    expected["title"] = expected_titles(titles)
    found: dict[str, set] = {k: found_departures(labelled, pieces, k) for k in ("date", "number", "quote_wording")}
    found["title"] = found_titles(labelled, titles, evidence)
    return Evaluation(
        pieces, titles, sent_map, quote_map, labelled, expected, expected_pieces, found,
        summarise(labelled, expected, found), reason_counts(labelled), pipeline_s, time.perf_counter() - started,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles in the generated corpus (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="generator seed (default 7)")
    parser.add_argument("--examples", type=int, default=0, metavar="N",
                        help="print up to N false rows and N missed departures per kind")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where generated corpora are cached")
    parser.add_argument("--save", type=Path, default=None, help="write the scored conflicts table to this CSV")
    args = parser.parse_args(argv)
    if args.articles < 2:
        parser.error("--articles must be at least 2")

    started = time.perf_counter()
    folder = _generator().ensure_corpus(args.articles, args.seed, args.cache)
    generate_s = time.perf_counter() - started
    r = evaluate(folder)

    print(f"corpus {folder} ({args.articles} articles, seed {args.seed}): {len(r.pieces)} pieces, "
          f"{int((r.pieces['planted'] != '').sum())} planted (date/number/quote_wording), "
          f"{int((r.titles['planted'] == 'title').sum())} planted titles")
    for name, table in (("sentences", r.sent_map), ("quotes", r.quote_map)):
        lost = table[table["piece"] < 0]
        why = ", ".join(f"{reason}: {n}" for reason, n in Counter(lost["reason"]).most_common())
        print(f"{name}: {len(table)}, unmapped {len(lost)}" + (f" ({why})" if why else ""))
    print()
    print(report(r.summary, r.reasons))
    n_strict, hit_strict, n_rest, hit_rest = contradiction_recall(r.expected_pieces["date"], r.found["date"])
    print(f"\ndate, contradictory shifts only (this/next month, Thursday/Friday): expected {n_strict}, "
          f"found {hit_strict}, recall {_fmt(hit_strict / n_strict if n_strict else float('nan')).strip()}; "
          f"other shifts: expected {n_rest}, found {hit_rest}")
    if args.examples > 0:
        print(f"\nfalse rows (up to {args.examples} per kind)")
        print(_examples(r.labelled, r.pieces, args.examples))
        print(f"\nmissed departures (up to {args.examples} per kind)")
        print(_missed(r.expected_pieces, r.found, r.pieces, args.examples))
    if args.save is not None:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        r.labelled.to_csv(args.save, index=False)
        print(f"\nscored rows written to {args.save}")
    print(f"\nseconds: generation {generate_s:.1f}, pipeline {r.pipeline_s:.1f}, "
          f"scoring {r.scoring_s:.1f}, total {time.perf_counter() - started:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
