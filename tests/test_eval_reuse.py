"""Tests for benchmarks/eval_reuse.py (scoring of the reuse stage against the generator's truth)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from benchmark_modules import load_benchmark

er = load_benchmark("eval_reuse")
gen = load_benchmark("generate_corpus")

PIECE_COLUMNS = ["article_id", "piece", "story_id", "outlet", "kind", "fact", "quote", "planted", "detail", "text"]
FOLD = er.british_folding()

# One story (s1) told by three outlets, and an unrelated story (s2).
WIRE_BODY = "Earlier this year, the coastal authority closed three ports near Velmora after months of talks"
WIRE_A = WIRE_BODY + ", the report said."
WIRE_B = WIRE_BODY + ", Reuters said."
# The same quote: curly marks and British spelling, interrupted by the attribution ...
QUOTE_A = ("\u201cWe warned that the defence of the harbour would fail, and nobody listened,\u201d retired Lt. Gen. "
           "Mark Dunova told CNN. \u201cThe truth is that the army ran out of shells in the north of Velmora.\u201d")
# ... and straight marks, American spelling, in one piece.
QUOTE_B = ("\"We warned that the defense of the harbor would fail, and nobody listened. The truth is that the army "
           "ran out of shells in the north of Velmora,\" Dunova said.")
# A truncated copy: not the same quote text.
QUOTE_C = "\"We warned that the defense of the harbor would fail,\" Dunova said on Monday."
FACT_A = "Next week, the Velmora navy is set to buy 300 patrol boats from Drascany, according to Reuters."
FACT_B = "The Velmora navy plans to buy 300 patrol boats from Drascany next week, officials said."
FILLER = "Local officials also discussed plans for a new school in Tarvel."
OTHER = "Fuel prices in Ostaria rose slightly for the third week in a row, the ministry said."


def rows(article_id: str, story: str, outlet: str, parts: list[tuple[str, str, str]]) -> list[dict[str, object]]:
    """Truth rows of one article: parts are (kind, quote index, text) in body order."""
    return [
        {"article_id": article_id, "piece": n, "story_id": story, "outlet": outlet, "kind": kind, "fact": "",
         "quote": quote, "planted": "", "detail": "", "text": text}
        for n, (kind, quote, text) in enumerate(parts)
    ]


PIECES = pd.DataFrame(
    rows("a1", "s1", "Metro Courier", [("fact", "", FACT_A), ("wire", "", WIRE_A), ("quote", "0", QUOTE_A),
                                       ("background", "", FILLER)])
    + rows("a2", "s1", "Global Herald", [("fact", "", FACT_B), ("quote", "0", QUOTE_B), ("wire", "", WIRE_B)])
    + rows("a3", "s1", "Valley Post", [("quote", "0", QUOTE_C), ("background", "", FILLER)])
    + rows("b1", "s2", "Harbor Wire", [("unrelated", "", OTHER), ("background", "", FILLER)]),
    columns=PIECE_COLUMNS,
)
TEXTS = {a: "\n\n".join(g["text"]) for a, g in PIECES.groupby("article_id")}


def units_of(article_id: str) -> list:
    return er.article_units(article_id, TEXTS[article_id], PIECES[PIECES["article_id"] == article_id], FOLD)


ALL_UNITS = [u for a in sorted(TEXTS) for u in units_of(a)]


def unit_texts(text: str, kind: str, role: str) -> list[str]:
    return [text[s:e] for s, e, r in er.piece_units(text, kind) if r == role]


def span_of(article_id: str, needle: str) -> tuple[int, int]:
    start = TEXTS[article_id].index(needle)
    return start, start + len(needle)


# ---------------------------------------------------------------------------
# Units and words
# ---------------------------------------------------------------------------


def test_quote_piece_is_cut_into_quoted_sentences_and_attribution() -> None:
    assert unit_texts(QUOTE_A, "quote", "quoted") == [
        "We warned that the defence of the harbour would fail, and nobody listened",
        "The truth is that the army ran out of shells in the north of Velmora",
    ]
    assert unit_texts(QUOTE_A, "quote", "narration") == ["retired Lt. Gen. Mark Dunova told CNN"]
    assert unit_texts(QUOTE_B, "quote", "quoted") == [
        "We warned that the defense of the harbor would fail, and nobody listened",
        "The truth is that the army ran out of shells in the north of Velmora",
    ]


@pytest.mark.parametrize(
    ("text", "kind", "role", "expected"),
    [
        # the wire sentence without its reworded attribution
        (WIRE_B, "wire", "body", [WIRE_BODY]),
        # a fact without its opening: the clause another structure may share
        (FACT_A, "fact", "part", ["Next week", "Next week, the Velmora navy is set to buy 300 patrol boats from "
                                  "Drascany", "the Velmora navy is set to buy 300 patrol boats from Drascany",
                                  "the Velmora navy is set to buy 300 patrol boats from Drascany, according to "
                                  "Reuters", "according to Reuters"]),
        # a number's thousands comma does not cut a clause
        ("15,400 temporary judges were hired in Velmora, officials said.", "fact", "body",
         ["15,400 temporary judges were hired in Velmora"]),
        (FILLER, "background", "body", []),  # no attribution tail
    ],
)
def test_narrative_units(text: str, kind: str, role: str, expected: list[str]) -> None:
    got = unit_texts(text, kind, role)
    if role == "part":
        # "body" takes precedence over "part" for the run without the tail
        got = sorted(got + unit_texts(text, kind, "body"))
        expected = sorted(expected)
    assert got == expected


def test_word_key_ignores_case_marks_and_british_spelling() -> None:
    assert er.word_key("\u201cThe defence of the Harbour,\u201d", FOLD) == ("the", "defense", "of", "the", "harbor")
    assert er.word_key("Velmora\u2019s navy", FOLD) == er.word_key("Velmora's navy", FOLD)


def test_article_units_are_located_in_the_cleaned_text() -> None:
    for u in units_of("a1"):
        assert er.word_key(TEXTS["a1"][u.start:u.end], FOLD) == u.key
    assert {u.kind for u in units_of("a1")} == {"fact", "wire", "quote", "filler"}


def test_shared_units_need_another_article_and_enough_words() -> None:
    flags = dict(((u.article_id, TEXTS[u.article_id][u.start:u.end]), f)
                 for u, f in zip(ALL_UNITS, er.shared_units(ALL_UNITS, min_words=8)))
    # the quote's second sentence: in a1 and a2 (marks and spelling differ)
    assert flags[("a1", "The truth is that the army ran out of shells in the north of Velmora")]
    # the wire sentence body is shared, the whole sentences (different tails) are not
    assert flags[("a2", WIRE_BODY)]
    assert not flags[("a2", WIRE_B[:-1])]
    # the filler sentence is in three articles, the unrelated one in one
    assert flags[("b1", FILLER[:-1])]
    assert not flags[("b1", OTHER[:-1])]
    # the attribution is in no other article and too short anyway
    assert not flags[("a1", "retired Lt. Gen. Mark Dunova told CNN")]
    # with a higher minimum the 11-word filler sentence is no longer shared
    longer = dict(((u.article_id, TEXTS[u.article_id][u.start:u.end]), f)
                  for u, f in zip(ALL_UNITS, er.shared_units(ALL_UNITS, min_words=12)))
    assert not longer[("b1", FILLER[:-1])]


def test_flag_words_and_words_in() -> None:
    text = "Three ports closed near Velmora on Friday."
    words = er.words_of(text)
    starts, ends = [s for s, _, _ in words], [e for _, e, _ in words]
    flags = er.flag_words(starts, ends, [(text.index("ports"), text.index(" near")), (text.index("Friday"), len(text))])
    assert flags.tolist() == [False, True, True, False, False, False, True]
    # a span cutting a word in half does not cover it
    assert er.flag_words(starts, ends, [(0, 3)]).sum() == 0
    assert er.words_in(starts, ends, [(text.index("near"), text.index(" on"))]) == [3, 4]


# ---------------------------------------------------------------------------
# Block 1
# ---------------------------------------------------------------------------


def test_kind_shares() -> None:
    kinds = np.array(["wire"] * 4 + ["filler"] * 4 + ["fact"] * 2, dtype=object)
    covered = np.array([1, 1, 1, 0, 1, 1, 0, 0, 0, 0], dtype=bool)
    shared = np.array([1, 1, 1, 1, 0, 0, 0, 0, 1, 0], dtype=bool)
    cross = np.array([0, 0, 0, 0, 1, 0, 0, 0, 0, 0], dtype=bool)
    t = er.kind_shares(kinds, covered, shared, cross).set_index("kind")
    assert t.at["wire", "covered"] == 3 and t.at["wire", "precision"] == 1.0
    assert t.at["wire", "recall"] == pytest.approx(0.75)
    assert t.at["filler", "share_of_covered"] == pytest.approx(0.4)
    assert t.at["filler", "precision"] == 0.0
    assert (t.at["filler", "outside_cross"], t.at["filler", "outside_same"]) == (1, 1)
    assert t.at["fact", "recall"] == 0.0 and np.isnan(t.at["fact", "precision"])
    assert t.at["all", "covered"] == 5 and t.at["all", "precision"] == pytest.approx(0.6)


@pytest.mark.parametrize(
    ("kinds", "pieces", "expected"),
    [
        (["quote"] * 9 + ["fact"] * 3, [2] * 9 + [3] * 3, ("quote", 2)),
        (["fact"] * 4 + ["wire"] * 4, [0] * 4 + [1] * 4, ("fact", 0)),  # a tie: the first piece
        ([], [], ("unmapped", -1)),
    ],
)
def test_side_kind(kinds: list[str], pieces: list[int], expected: tuple[str, int]) -> None:
    assert er.side_kind(kinds, pieces) == expected


def test_material_keys() -> None:
    keys = er.material_keys(PIECES, FOLD)
    # the wire sentence with two tails is one material; the quote is the story quote 0 however written
    assert keys[("a1", 1)] == keys[("a2", 2)] and keys[("a1", 1)][0] == "wire"
    assert keys[("a1", 2)] == keys[("a2", 1)] == keys[("a3", 0)] == ("quote", "0")
    assert keys[("a1", 3)] == keys[("b1", 1)] == ("filler", " ".join(er.word_key(FILLER, FOLD)))
    assert keys[("b1", 0)] != keys[("b1", 1)]


WIRE_1 = ("wire", "earlier this year the coastal authority closed three ports near velmora")
WIRE_2 = ("wire", "three weeks ago the navy inspected two harbours near velmora")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("s1", "s1", WIRE_1, WIRE_1), "same wire sentence"),
        (("s1", "s1", WIRE_1, WIRE_2), "different wire sentences"),
        (("s1", "s1", ("quote", "2"), ("quote", "2")), "same quote"),
        (("s1", "s1", ("quote", "2"), ("quote", "5")), "different quotes"),  # one speaker's attribution
        (("s1", "s1", ("fact", "0"), ("fact", "3")), "different facts"),  # shared template wording
        (("s1", "s1", ("quote", "2"), ("fact", "0")), "mixed kinds"),
        (("s1", "s2", ("filler", "x"), ("filler", "x")), "different stories"),
        (("s1", "", ("filler", "x"), ("filler", "x")), "unmapped"),
        (("s1", "s1", ("unmapped", ""), ("quote", "2")), "unmapped"),
    ],
)
def test_row_class(args: tuple, expected: str) -> None:
    assert er.row_class(*args) == expected
    assert expected in er.ROW_CLASSES


# ---------------------------------------------------------------------------
# Block 2
# ---------------------------------------------------------------------------


def test_expected_pairs_find_shared_wire_and_verbatim_quotes_only() -> None:
    pairs = er.expected_pairs(ALL_UNITS, TEXTS)
    got = {(e.kind, e.article_a, e.article_b, e.n_words) for e in pairs}
    # the wire sentence (tails differ) and the full quote in a1 and a2; the
    # truncated quote of a3 is another text; the filler is not wire or quote
    assert got == {("wire", "a1", "a2", 15), ("quote", "a1", "a2", 28)}
    quote = next(e for e in pairs if e.kind == "quote")
    assert len(quote.spans_a) == 2 and len(quote.spans_b) == 2  # two sentences, interrupted in a1


def _passages(pairs: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    """A reuse_passages-like table from (article_a, text in a, article_b, text in b)."""
    out = []
    for a, ta, b, tb in pairs:
        (sa, ea), (sb, eb) = span_of(a, ta), span_of(b, tb)
        out.append({"article_a": a, "start_a": sa, "end_a": ea, "article_b": b, "start_b": sb, "end_b": eb})
    return pd.DataFrame(out)


WORDS = {a: ([s for s, _, _ in er.words_of(t)], [e for _, e, _ in er.words_of(t)]) for a, t in TEXTS.items()}


def test_coverage_pools_the_passages_of_a_pair() -> None:
    quote = next(e for e in er.expected_pairs(ALL_UNITS, TEXTS) if e.kind == "quote")
    first_a = "We warned that the defence of the harbour would fail, and nobody listened"
    first_b = "We warned that the defense of the harbor would fail, and nobody listened"
    second = "The truth is that the army ran out of shells in the north of Velmora"
    both = er.pair_passages(_passages([("a1", first_a, "a2", first_b), ("a1", second, "a2", second)]))
    assert er.coverage_of(quote, both[("a1", "a2")], WORDS) == (1.0, 1.0)
    # the table may list the pair either way round
    flipped = er.pair_passages(_passages([("a2", first_b, "a1", first_a), ("a2", second, "a1", second)]))
    assert er.coverage_of(quote, flipped[("a1", "a2")], WORDS) == (1.0, 1.0)
    # only the second sentence: 15 of 28 words, not found
    half = er.pair_passages(_passages([("a1", second, "a2", second)]))
    share_a, share_b = er.coverage_of(quote, half[("a1", "a2")], WORDS)
    assert share_a == share_b == pytest.approx(15 / 28)
    assert er.coverage_of(quote, (), WORDS) == (0.0, 0.0)


def test_found_pairs_need_both_articles_covered() -> None:
    assert er.found_pairs([(1.0, 1.0), (0.8, 0.85), (1.0, 0.5), (0.79, 1.0)]) == [True, True, False, False]
    assert er.found_pairs([(0.6, 0.7)], share=0.5) == [True]


def test_recall_table_counts_short_texts_apart() -> None:
    e = er.Expected("wire", "s1", "", 12, "a1", ((0, 1),), "a2", ((0, 1),))
    expected = [e, e._replace(n_words=9), e._replace(kind="quote"), e._replace(kind="quote", n_words=5)]
    t = er.recall_table(expected, [True, False, True, True], min_words=8).set_index("kind")
    assert (t.at["wire", "pairs"], t.at["wire", "found"], t.at["wire", "recall"]) == (2, 1, 0.5)
    assert (t.at["quote", "pairs"], t.at["quote", "too_short"], t.at["quote", "recall"]) == (1, 1, 1.0)
    assert (t.at["all", "pairs"], t.at["all", "found"]) == (3, 2)


# ---------------------------------------------------------------------------
# Block 3
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("n", "label"), [(1, "1"), (2, "2"), (5, "4-5"), (6, "6-10"), (36, "21-36"), (40, ">36")])
def test_size_bin(n: int, label: str) -> None:
    assert er.size_bin(n) == label


def test_originality_errors() -> None:
    table = pd.DataFrame({
        "size": [2, 2, 12, 12, 12],
        "originality": [0.70, 0.90, 0.40, 0.50, 0.60],
        "truth": [0.80, 1.00, 0.50, 0.50, 0.70],
    })
    t = er.originality_errors(table).set_index("size")
    assert list(t.index) == ["2", "11-20", "all"]
    assert t.at["2", "bias"] == pytest.approx(-0.1) and t.at["2", "mae"] == pytest.approx(0.1)
    assert np.isnan(t.at["2", "r"])  # two articles: no correlation
    assert t.at["11-20", "mae"] == pytest.approx(0.2 / 3)
    assert t.at["all", "articles"] == 5 and 0.9 < t.at["all", "r"] <= 1.0


# ---------------------------------------------------------------------------
# Block 4
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "channel", "expected"),
    [
        ("The New York Times", "The New York Times", True),
        ("the Associated Press; the report", "the Associated Press", True),
        ("Associated Press", "the Associated Press", True),
        ("CNN's The Situation Room", "CNN", True),
        ("the report", "Reuters", False),
        ("", "Reuters", False),
        ("unnamed officials", "the BBC", False),
        ("CNNMoney", "CNN", False),  # a whole name, not a prefix
    ],
)
def test_names_channel(source: str, channel: str, expected: bool) -> None:
    assert er.names_channel(source, channel) is expected


def test_mentions_and_same_person() -> None:
    assert er.mentions(WIRE_B, "Reuters")
    assert not er.mentions(WIRE_A, "Reuters")
    assert er.mentions("Three ports closed, the Associated Press said.", "the Associated Press")
    assert er.same_person("Mark Dunova", "retired Lt. Gen. Mark Dunova")
    assert not er.same_person("Mark Dunova", "Anna Dunmore")
    assert not er.same_person("", "Mark Dunova")


def test_provenance_table() -> None:
    rows = pd.DataFrame({
        "channel": ["Reuters", "Reuters", "Reuters", "CNN", "The New York Times"],
        "channel_kind": ["wire", "wire", "wire", "broadcast", "paper"],
        "source": ["Reuters", "the report", "", "the report", "The New York Times; the report"],
    })
    t = er.provenance_table(rows).set_index("channel_kind")
    assert (t.at["wire", "passages"], t.at["wire", "with_source"], t.at["wire", "correct"]) == (3, 2, 1)
    assert t.at["wire", "precision"] == 0.5 and t.at["wire", "recall"] == pytest.approx(1 / 3)
    assert t.at["broadcast", "correct"] == 0 and t.at["paper", "recall"] == 1.0
    assert (t.at["all", "passages"], t.at["all", "correct"]) == (5, 2)


def test_speaker_counts() -> None:
    rows = pd.DataFrame({
        "speaker": ["Mark Dunova", "Anna Dunmore", "", "Mark Dunova"],
        "source": ["CNN", "", "", ""],
        "true_speaker": ["Mark Dunova", "Mark Dunova", "Mark Dunova", "Mark Dunova"],
        "heard_on_channel": [True, True, False, True],
        "channel": ["CNN"] * 4,
        "quoted_a": [12, 9, 10, 0],  # the last row covers only "Dunova, a retired general, told CNN"
        "quoted_b": [12, 9, 10, 0],
    })
    assert er.speaker_counts(rows) == {
        "rows": 3, "attribution_only": 1, "speaker_right": 1, "speaker_wrong": 1, "speaker_empty": 1,
        "heard": 2, "channel_named": 1,
    }


def test_story_replay_matches_a_generated_corpus(tmp_path: Path) -> None:
    gen.generate(40, 5, tmp_path)
    pieces = pd.read_csv(tmp_path / ".pieces.csv", dtype=str, keep_default_na=False)
    stories = er.story_truth(40, 5)
    assert set(pieces["story_id"]) <= set(stories)
    assert er.check_story_truth(pieces, stories, FOLD) == 0
    names = {name for name, _, _ in gen.CHANNELS}
    assert all(s.channel in names for s in stories.values())
    # another seed gives other stories: the check notices
    assert er.check_story_truth(pieces, er.story_truth(40, 6), FOLD) > 0


def test_evaluate_end_to_end_on_a_small_corpus(tmp_path: Path) -> None:
    gen.generate(30, 7, tmp_path)
    r = er.evaluate(tmp_path, n_articles=30, seed=7)
    assert r.unmapped_pieces == 0 and r.replay_errors == 0
    # the originality table agrees with the passages it was computed from
    assert r.originality_mismatch == 0
    kinds = r.kinds.set_index("kind")
    assert kinds.at["all", "covered"] == r.covered_words > 0
    assert set(r.passages["row_class"]) <= set(er.ROW_CLASSES)
    assert len(r.expected) == len(r.coverage) > 0
    text = er.report(r, min_words=8)
    for block in ("1. Passage precision", "2. Recall", "3. Originality", "4. Provenance"):
        assert block in text
    assert "passages between different stories" in er.examples(r, 2, min_words=8)
