"""Tests for benchmarks/eval_conflicts.py (scoring of the conflicts stage) and the truth files it reads."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from benchmark_modules import load_benchmark

ev = load_benchmark("eval_conflicts")
gen = load_benchmark("generate_corpus")

PIECE_COLUMNS = ["article_id", "piece", "story_id", "outlet", "kind", "fact", "quote", "planted", "detail", "text"]


def piece(article_id: str = "a1", n: int = 0, story: str = "s1", outlet: str = "Metro Courier", kind: str = "fact",
          fact: str = "", quote: str = "", planted: str = "", detail: str = "", text: str = "") -> ev.PieceRef:
    return ev.PieceRef(article_id, n, story, outlet, kind, fact, quote, planted, detail, text)


def pieces_table(rows: list[ev.PieceRef]) -> pd.DataFrame:
    return pd.DataFrame([r._asdict() for r in rows], columns=PIECE_COLUMNS)


# Two articles of one story (a fact rendered by both, one with a planted
# timing shift) and an article of another story.
LEAD = "The army plans to buy 300 artillery shells from Velmora later this month, according to Reuters."
SHIFTED = "Next month, the army intends to acquire 300 artillery shells from Velmora, Reuters reported."
QUOTE = "\u201cThey are desperate for help, and everybody knows it,\u201d retired Lt. Gen. Mark Dunova said."
BACKGROUND = "Drascany has been under sanctions since the start of the war."
OTHER = "Inflation in Ostaria reached 7.4 percent last month, according to Bloomberg."

TRUTH = pieces_table([
    piece("a1", 0, fact="0", text=LEAD),
    piece("a1", 1, kind="quote", quote="2", text=QUOTE),
    piece("a1", 2, kind="background", text=BACKGROUND),
    piece("a2", 0, outlet="Global Herald", fact="0", planted="date", detail="later this month -> next month",
          text=SHIFTED),
    piece("a2", 1, outlet="Global Herald", kind="background", text=BACKGROUND),
    piece("b1", 0, story="s2", outlet="Valley Post", fact="0", text=OTHER),
])


def article_text(*parts: str) -> str:
    return "\n\n".join(parts)


def span_rows(texts: dict[str, str], wanted: list[tuple[str, str, str]]) -> pd.DataFrame:
    """A sentences-like table: (id, article_id, text) located in ``texts``."""
    rows = []
    for ident, article_id, text in wanted:
        start = texts[article_id].index(text)
        rows.append({"sent_id": ident, "article_id": article_id, "start": start, "end": start + len(text), "text": text})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# Mapping sentences and quotes to pieces
# ---------------------------------------------------------------------------


def test_locate_pieces_in_order_with_repeats_and_lost_pieces() -> None:
    text = article_text(LEAD, "READ MORE: Desperate Drascany seeks shells", QUOTE, LEAD)
    spans = ev.locate_pieces(text, [LEAD, QUOTE, "A sentence the cleaner rewrote.", LEAD])
    assert spans[0] == (0, len(LEAD))
    assert text[spans[1][0]:spans[1][1]] == QUOTE
    assert spans[2] is None
    # the repeated lead is found again after the quote, not at offset 0
    assert spans[3] == (len(text) - len(LEAD), len(text))


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 20, (0, "")),  # inside the first piece
        (105, 120, (1, "")),  # inside the second
        (90, 110, (-1, "spans several pieces")),  # a missed sentence boundary
        (300, 310, (-1, "outside every located piece")),
    ],
)
def test_piece_of_span(start: int, end: int, expected: tuple[int, str]) -> None:
    spans = [(0, 100), (102, 200), None]
    assert ev.piece_of_span(start, end, spans) == expected


def test_map_spans_maps_sentences_and_reports_the_unmapped() -> None:
    texts = {"a1": article_text(LEAD, QUOTE + " " + BACKGROUND), "a2": article_text(SHIFTED, BACKGROUND)}
    sentences = span_rows(texts, [
        ("a1-s0000", "a1", LEAD),
        ("a1-s0001", "a1", QUOTE),
        ("a1-s0002", "a1", BACKGROUND),
        ("a2-s0000", "a2", SHIFTED),
    ])
    # a sentence the splitter ran across two pieces of one paragraph
    joined = QUOTE + " " + BACKGROUND
    sentences.loc[len(sentences)] = {"sent_id": "a1-s0009", "article_id": "a1", "start": texts["a1"].index(joined),
                                     "end": texts["a1"].index(joined) + len(joined), "text": joined}
    sentences.loc[len(sentences)] = {"sent_id": "zz-s0000", "article_id": "zz", "start": 0, "end": 5, "text": "Hello"}
    mapped = ev.map_spans(sentences, "sent_id", texts, TRUTH).set_index("id")
    assert mapped.loc["a1-s0000", "piece"] == 0
    assert mapped.loc["a1-s0001", "piece"] == 1
    assert mapped.loc["a1-s0002", "piece"] == 2
    assert mapped.loc["a2-s0000", "piece"] == 0
    assert (mapped.loc["a1-s0009", "piece"], mapped.loc["a1-s0009", "reason"]) == (-1, "spans several pieces")
    assert mapped.loc["zz-s0000", "reason"] == "article not in the truth"


# ---------------------------------------------------------------------------
# Judging rows
# ---------------------------------------------------------------------------

FACT = piece("a1", 0, fact="0", text=LEAD)
FACT_SHIFTED = piece("a2", 0, outlet="Global Herald", fact="0", planted="date",
                     detail="later this month -> next month", text=SHIFTED)
FACT_SHIFTED_OTHER = piece("a3", 0, outlet="Valley Post", fact="0", planted="date",
                           detail="later this month -> on Friday",
                           text="On Friday, the army is set to buy 300 artillery shells from Velmora, Reuters said.")
FACT_NUMBER = piece("a4", 0, outlet="Harbor Wire", fact="0", planted="number", detail="NUM 300 -> 600",
                    text="The army plans to buy 600 artillery shells from Velmora later this month, Reuters said.")
FACT_1 = piece("a2", 3, outlet="Global Herald", fact="1",
               text="President Ana Kessora will meet Prime Minister Olek Brandov in Velmora later this month.")
QUOTE_A = piece("a1", 1, kind="quote", quote="2", text=QUOTE)
QUOTE_SWAPPED = piece("a2", 2, outlet="Global Herald", kind="quote", quote="2", planted="quote_wording",
                      detail="help -> assistance", text=QUOTE.replace("help", "assistance"))
QUOTE_OTHER = piece("a2", 4, outlet="Global Herald", kind="quote", quote="5",
                    text="\u201cNobody should pretend that shells from Velmora will turn the tide,\u201d Dunova said.")
OTHER_STORY = piece("b1", 0, story="s2", outlet="Valley Post", fact="0", text=OTHER)


@pytest.mark.parametrize(
    ("kind", "a", "b", "expected"),
    [
        ("date", FACT, FACT_SHIFTED, ev.TRUE),
        ("date", FACT_SHIFTED, FACT, ev.TRUE),
        ("date", FACT_SHIFTED, FACT_SHIFTED_OTHER, ev.TRUE),  # two different departures
        ("date", FACT_SHIFTED, FACT_SHIFTED._replace(article_id="a5", outlet="Union Post"), ev.SAME_DEPARTURE),
        ("date", FACT, FACT._replace(article_id="a5", outlet="Union Post"), ev.NOT_PLANTED),
        ("date", FACT, FACT_NUMBER, ev.KIND_MISMATCH),
        ("number", FACT, FACT_NUMBER, ev.TRUE),
        ("number", FACT, FACT_SHIFTED, ev.KIND_MISMATCH),
        ("date", FACT, FACT_1, ev.OTHER_FACT),
        ("date", FACT_SHIFTED, piece("a1", 2, kind="background", text=BACKGROUND), ev.OTHER_FACT),
        ("number", FACT, OTHER_STORY, ev.OTHER_STORY),
        ("date", FACT, None, ev.UNMAPPED),
        ("quote_wording", QUOTE_A, QUOTE_SWAPPED, ev.TRUE),
        ("quote_wording", QUOTE_A, QUOTE_OTHER, ev.OTHER_QUOTE),
        ("quote_wording", QUOTE_A, QUOTE_A._replace(article_id="a5", outlet="Union Post"), ev.NOT_PLANTED),
        ("quote_wording", QUOTE_A, FACT, ev.OTHER_QUOTE),
    ],
)
def test_classify_pair(kind: str, a: ev.PieceRef, b: ev.PieceRef | None, expected: str) -> None:
    assert ev.classify_pair(kind, a, b) == expected


LT_GEN = ev.TitleSide(frozenset({"lieutenant general"}), False)
GENERAL = ev.TitleSide(frozenset({"general"}), True)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (LT_GEN, GENERAL, ev.TRUE),
        (GENERAL, LT_GEN, ev.TRUE),
        (LT_GEN, LT_GEN, ev.SAME_RANK),  # "Lt. Gen." and "Lieutenant General": an alias
        (LT_GEN, ev.TitleSide(frozenset({"major general"}), False), ev.NOT_PLANTED),
        (LT_GEN, None, ev.UNMAPPED),
        (LT_GEN, ev.TitleSide(frozenset({""}), False), ev.UNMAPPED),  # "defense chief": no rank
    ],
)
def test_classify_title(a: ev.TitleSide, b: ev.TitleSide | None, expected: str) -> None:
    assert ev.classify_title(a, b) == expected


TITLES = pd.DataFrame(
    [
        ("a1", 1, "s1", "Metro Courier", "Mark Dunova", "retired Lt. Gen.", "lieutenant general",
         "lieutenant general", ""),
        ("a2", 2, "s1", "Global Herald", "Mark Dunova", "retired General", "general", "lieutenant general", "title"),
        ("a3", 1, "s1", "Valley Post", "Mark Dunova", "retired Lt. Gen.", "lieutenant general",
         "lieutenant general", ""),
        ("a6", 0, "s1", "Global Herald", "Mark Dunova", "retired General", "general", "lieutenant general", "title"),
        ("b1", 3, "s2", "Valley Post", "Ines Oklavo", "retired Maj. Gen.", "major general", "major general", ""),
    ],
    columns=["article_id", "piece", "story_id", "outlet", "speaker", "written", "rank", "canonical", "planted"],
)


def test_title_side_by_article_or_outlet() -> None:
    assert ev.title_side(TITLES, "Mark Dunova", article_id="a2") == GENERAL
    assert ev.title_side(TITLES, "Dunova", outlet="Metro Courier") == LT_GEN
    assert ev.title_side(TITLES, "Mark Dunova", article_id="b1") is None  # not introduced there
    assert ev.title_side(TITLES, "Olga Brandt", outlet="Metro Courier") is None


@pytest.mark.parametrize(
    ("detail", "expected"),
    [
        ("later this month -> next month", True),
        ("next month -> this month", True),
        ("on Thursday -> on Friday", True),
        ("later this month -> this month", False),  # the same month
        ("this month -> next week", False),  # next week is usually still this month
        ("next month -> by the end of the year", False),
        ("in the coming days -> next week", False),
        ("soon -> next month", False),  # unknown phrase
    ],
)
def test_timing_contradicts(detail: str, expected: bool) -> None:
    assert ev.timing_contradicts(detail) is expected


def test_contradiction_recall_splits_date_departures() -> None:
    keys = [("s1", "Global Herald", "0", "fact", "later this month -> next month"),
            ("s1", "Valley Post", "0", "fact", "later this month -> next week"),
            ("s2", "Union Post", "3", "fact", "on Thursday -> on Friday")]
    assert ev.contradiction_recall(keys, {keys[0], keys[1]}) == (2, 1, 1, 1)
    assert ev.contradiction_recall([], set()) == (0, 0, 0, 0)


def test_every_generator_timing_has_a_reading() -> None:
    assert {phrase for phrase, _ in gen.TIMINGS} == set(ev.TIMING_READINGS)


# ---------------------------------------------------------------------------
# Expected departures and the summary
# ---------------------------------------------------------------------------


def test_expected_departures_need_an_unplanted_counterpart_in_another_outlet() -> None:
    truth = pieces_table([
        FACT, FACT_SHIFTED,
        # the same outlet's update repeats its departure: one departure, two pieces
        FACT_SHIFTED._replace(article_id="a6"),
        # a departure of fact 1 seen only by its own outlet: nothing to compare with
        FACT_1._replace(planted="date", detail="later this month -> next month"),
        FACT_1._replace(article_id="a6", piece=4),
        QUOTE_A, QUOTE_SWAPPED,
        # a swapped word whose only counterpart is cut before the word
        piece("a2", 6, outlet="Global Herald", kind="quote", quote="7", planted="quote_wording",
              detail="serious -> grave", text="\u201cWe warned that the situation is grave,\u201d Dunova said."),
        piece("a3", 2, outlet="Valley Post", kind="quote", quote="7",
              text="Dunova said that what was happening was \u201cthe situation.\u201d"),
    ])
    dates = ev.expected_departures(truth, "date")
    assert list(dates) == [("s1", "Global Herald", "0", "fact", "later this month -> next month")]
    assert sorted(dates.values())[0] == [("a2", 0), ("a6", 0)]
    quotes = ev.expected_departures(truth, "quote_wording")
    assert list(quotes) == [("s1", "Global Herald", "2", "quote", "help -> assistance")]
    assert ev.expected_departures(truth, "number") == {}


def test_expected_titles_need_the_true_rank_in_another_outlet() -> None:
    assert ev.expected_titles(TITLES) == {("s1", "Global Herald", "Mark Dunova")}
    alone = TITLES[TITLES["outlet"] == "Global Herald"]
    assert ev.expected_titles(alone) == set()


def conflict_row(kind: str, id_a: str, id_b: str, *, speaker: str = "", outlet_a: str = "Metro Courier",
                 outlet_b: str = "Global Herald", value_a: str = "", value_b: str = "") -> dict[str, str]:
    return {"conflict_id": f"x{id_a}{id_b}", "kind": kind, "claim_id": "c1", "speaker": speaker,
            "outlet_a": outlet_a, "value_a": value_a, "evidence_a": "", "outlet_b": outlet_b, "value_b": value_b,
            "evidence_b": "", "evidence_id_a": id_a, "evidence_id_b": id_b, "basis": "claim"}


def test_label_rows_found_and_summary() -> None:
    truth = pieces_table([FACT, QUOTE_A, FACT_SHIFTED, QUOTE_SWAPPED, FACT_1, OTHER_STORY])
    evidence = pd.DataFrame(
        [("a1-s0000", "a1", 0, ""), ("a1-q000", "a1", 1, ""), ("a2-s0000", "a2", 0, ""),
         ("a2-q000", "a2", 2, ""), ("a2-s0003", "a2", 3, ""), ("b1-s0000", "b1", 0, ""),
         ("a2-s0009", "a2", -1, "spans several pieces")],
        columns=["id", "article_id", "piece", "reason"],
    )
    conflicts = pd.DataFrame([
        conflict_row("date", "a1-s0000", "a2-s0000", value_a="later this month", value_b="Next month"),
        conflict_row("date", "a1-s0000", "a2-s0003"),
        conflict_row("number", "a1-s0000", "b1-s0000", outlet_b="Valley Post"),
        conflict_row("number", "a1-s0000", "a2-s0009"),
        conflict_row("quote_wording", "a1-q000", "a2-q000", value_a="help", value_b="assistance"),
        conflict_row("title", "a1-s0001", "a2-q000", speaker="Mark Dunova"),
        conflict_row("title", "a1-s0001", "speakers:Mark Dunova", speaker="Mark Dunova", outlet_b="Valley Post"),
    ])
    labelled = ev.label_rows(conflicts, evidence, truth, TITLES)
    assert labelled["label"].tolist() == [ev.TRUE, ev.OTHER_FACT, ev.OTHER_STORY, ev.UNMAPPED, ev.TRUE,
                                          ev.TRUE, ev.SAME_RANK]
    assert labelled["piece_b"].tolist()[:2] == ["a2#0", "a2#3"]
    assert ev.found_departures(labelled, truth, "date") == {
        ("s1", "Global Herald", "0", "fact", "later this month -> next month")}
    assert ev.found_departures(labelled, truth, "number") == set()
    assert ev.found_titles(labelled, TITLES, evidence) == {("s1", "Global Herald", "Mark Dunova")}

    expected = {k: set(ev.expected_departures(truth, k)) for k in ("date", "number", "quote_wording")}
    expected["title"] = ev.expected_titles(TITLES)
    found = {k: ev.found_departures(labelled, truth, k) for k in ("date", "number", "quote_wording")}
    found["title"] = ev.found_titles(labelled, TITLES, evidence)
    summary = ev.summarise(labelled, expected, found).set_index("kind")
    assert summary.loc["date", ["rows", "tp", "fp", "expected", "found"]].tolist() == [2, 1, 1, 1, 1]
    assert summary.loc["date", "precision"] == pytest.approx(0.5)
    assert summary.loc["number", ["rows", "tp", "fp", "expected"]].tolist() == [2, 0, 2, 0]
    assert pd.isna(summary.loc["number", "recall"])
    assert summary.loc["quote_wording", "recall"] == pytest.approx(1.0)
    assert summary.loc["title", ["rows", "tp", "expected", "found"]].tolist() == [2, 1, 1, 1]
    reasons = ev.reason_counts(labelled)
    assert reasons.values.tolist() == [
        ["date", ev.OTHER_FACT, 1], ["number", ev.OTHER_STORY, 1], ["number", ev.UNMAPPED, 1],
        ["title", ev.SAME_RANK, 1],
    ]
    text = ev.report(ev.summarise(labelled, expected, found), reasons)
    assert re.search(r"^date\s+2\s+1\s+1\s+0\.500\s+1\s+1\s+1\.000$", text, flags=re.M)


# ---------------------------------------------------------------------------
# The generator's truth files
# ---------------------------------------------------------------------------


def test_generated_truth_files_are_deterministic_and_match_the_articles(tmp_path: Path) -> None:
    gen.generate(40, 11, tmp_path / "one")
    gen.generate(40, 11, tmp_path / "two")
    for name in (".pieces.csv", ".titles.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    pieces, titles = ev.read_truth(tmp_path / "one")
    truth = pd.read_csv(tmp_path / "one" / ".truth.csv", dtype=str)
    assert set(pieces["article_id"]) == set(truth["article_id"])
    assert set(pieces["kind"]) <= {"fact", "quote", "wire", "background", "unrelated"}
    for article_id, group in pieces.groupby("article_id"):
        text = (tmp_path / "one" / f"{article_id}.txt").read_text(encoding="utf-8")
        texts = group.sort_values("piece")["text"].tolist()
        assert all(t and t in text for t in texts), article_id
        assert None not in ev.locate_pieces(text, texts), article_id  # in body order
    planted = pieces[pieces["planted"] != ""]
    assert set(planted["planted"]) <= {"date", "number", "quote_wording"} and len(planted) > 0
    for row in planted.itertuples():
        new = row.detail.split(" -> ")[1]
        assert re.search(rf"\b{re.escape(new)}\b", row.text, flags=re.I), (row.detail, row.text)
    assert (pieces.loc[pieces["kind"] == "fact", "fact"] != "").all()
    assert (pieces.loc[pieces["kind"] == "quote", "quote"] != "").all()
    # every introduction is written in its piece; a rank departure is marked as planted
    by_piece = pieces.set_index(["article_id", "piece"])["text"]
    for row in titles.itertuples():
        assert row.written.lower() in by_piece[(row.article_id, row.piece)].lower()
        assert (row.planted == "title") == (row.rank != row.canonical)
