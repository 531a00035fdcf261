"""Tests for newslib.claims: alignment of sentences into claims, and the views."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from newslib.claims import (
    CLAIM_COLUMNS,
    LINK_COLUMNS,
    REPEAT_COLUMNS,
    align_claims,
    claim_matrix,
    claim_tokens,
    omissions,
    outlet_overlap,
    shared_core,
    split_clauses,
    split_units,
    unique_claims,
)
from newslib.settings import Settings

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"

#: Four short articles in the style of the seeds: (outlet, [sentences]).
ARTICLES: dict[str, tuple[str, list[str]]] = {
    "a1": (
        "Newsweek",
        [
            "Putin is hoping to gain additional artillery shells and antitank missiles from Kim, while North Korea is in the market for improved satellite systems and nuclear-powered submarines, according to the report.",
            '"They share the same type of caliber weapon systems.',
            '"It\'s showing that Mr. Putin is scrambling for help," Hertling said.',
            "Newsweek reached out to the Russian Foreign Ministry via email for comment.",
        ],
    ),
    "a2": (
        "HuffPost",
        [
            "Putin wants \u201cartillery shells and antitank missiles\u201d from North Korea as it continues to fight against Ukraine, while Kim is looking for \u201cadvanced technology for satellites and nuclear-powered submarines,\u201d officials told the Times.",
            "\u201cIt\u2019s showing that Mr. Putin is scrambling for help.\u201d",
            "The New York Times reported that Kim is planning to travel to Vladivostok, likely using an armored train, this month to hold talks with Putin.",
        ],
    ),
    "a3": (
        "Daily Star",
        [
            "\u201cThey share the same type of calibre weapon systems.",
            "It's showing that Mr. Putin is scrambling for help.\u201d",
            "The claim came from a United States official, who said that they will probably meet in the Russian Pacific port city of Vladivostok next week.",
        ],
    ),
    "a4": (
        "Business Insider",
        [
            "Russia has incurred significant losses in manpower and resources since it invaded Ukraine last year.",
            "They share the same type of caliber weapon systems.",
            "Russia has incurred significant losses in manpower and resources since it invaded Ukraine in February 2022.",
            "In May, open-source intelligence website Oryx said the Russian military has lost at least two-thirds of its tanks.",
        ],
    ),
    "a5": (
        "CBN News",
        [
            "According to new U.S. intelligence, a sanction-strapped Moscow is seeking to buy artillery shells, anti-tank missiles, and rockets from Pyongyang to replenish its stockpile.",
            "The last high-level meeting of this kind happened in April 2019, when North Korea's dictator took an armored train from Pyongyang to visit Putin in the eastern Russian city of Vladivostok.",
            "He said:",
        ],
    ),
}


def make_sentences(articles: dict[str, tuple[str, list[str]]] = ARTICLES) -> pd.DataFrame:
    rows = []
    for article_id, (outlet, texts) in articles.items():
        offset = 0
        for n, text in enumerate(texts):
            rows.append(
                {
                    "sent_id": f"{article_id}-s{n:04d}",
                    "article_id": article_id,
                    "outlet": outlet,
                    "paragraph": n,
                    "position": n / max(1, len(texts) - 1),
                    "start": offset,
                    "end": offset + len(text),
                    "text": text,
                }
            )
            offset += len(text) + 2
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def sentences() -> pd.DataFrame:
    return make_sentences()


@pytest.fixture(scope="module")
def result(sentences: pd.DataFrame):  # type: ignore[no-untyped-def]
    return align_claims(sentences, pd.DataFrame(), settings=Settings())


def claims_of(result, sent_id: str) -> set[str]:  # type: ignore[no-untyped-def]
    # a ClaimResult (links) or a Coverage (claim_links)
    links = result.links if hasattr(result, "repeats") else result.claim_links
    return set(links.loc[links["sent_id"] == sent_id, "claim_id"])


def share_claim(result, a: str, b: str) -> bool:  # type: ignore[no-untyped-def]
    return bool(claims_of(result, a) & claims_of(result, b))


# ---- tables ---------------------------------------------------------------


def test_tables_have_the_documented_columns(result) -> None:  # type: ignore[no-untyped-def]
    assert list(result.claims.columns) == CLAIM_COLUMNS
    assert list(result.links.columns) == LINK_COLUMNS
    assert list(result.repeats.columns) == REPEAT_COLUMNS


def test_claim_ids_are_deterministic_hashes(sentences: pd.DataFrame, result) -> None:  # type: ignore[no-untyped-def]
    again = align_claims(sentences, pd.DataFrame(), settings=Settings())
    pd.testing.assert_frame_equal(result.claims, again.claims)
    pd.testing.assert_frame_equal(result.links, again.links)
    assert result.claims["claim_id"].str.fullmatch(r"c[0-9a-f]{10}").all()
    assert result.claims["claim_id"].is_unique
    # a single-sentence claim hashes "<sent_id>:<clause>"
    oryx = claims_of(result, "a4-s0003").pop()
    assert oryx == "c" + hashlib.sha1(b"a4-s0003:0").hexdigest()[:10]


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("a1-s0001", "a3-s0000", "verbatim quote, caliber / calibre"),
        ("a1-s0001", "a4-s0001", "verbatim quote, different quote marks"),
        ("a1-s0002", "a2-s0001", "same quote, one with attribution"),
        ("a2-s0001", "a3-s0001", "curly and straight quotes"),
        ("a1-s0000", "a2-s0000", "artillery shells and antitank missiles (paraphrase)"),
        ("a1-s0000", "a5-s0000", "anti-tank / antitank, Moscow / Putin (paraphrase)"),
    ],
)
def test_same_claim_across_outlets(result, a: str, b: str, why: str) -> None:  # type: ignore[no-untyped-def]
    assert share_claim(result, a, b), why


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("a5-s0001", "a3-s0002", "the 2019 meeting in Vladivostok is not the upcoming one"),
        ("a1-s0001", "a1-s0002", "one article never pairs with itself"),
        ("a4-s0003", "a1-s0000", "Oryx tank losses vs. what Putin wants"),
    ],
)
def test_different_claims_stay_apart(result, a: str, b: str, why: str) -> None:  # type: ignore[no-untyped-def]
    assert not share_claim(result, a, b), why


def test_caliber_claim_is_a_quote_carried_by_three_outlets(result) -> None:  # type: ignore[no-untyped-def]
    claim_id = (claims_of(result, "a1-s0001") & claims_of(result, "a3-s0000")).pop()
    row = result.claims.set_index("claim_id").loc[claim_id]
    assert row["n_outlets"] == 3
    assert row["outlets"] == "Business Insider;Daily Star;Newsweek"
    assert row["kind"] == "quote"
    assert "same type of" in row["label"]


def test_a_sentence_with_two_statements_supports_two_claims(result) -> None:  # type: ignore[no-untyped-def]
    # "... missiles from Kim, while North Korea is in the market for ... submarines"
    newsweek = claims_of(result, "a1-s0000")
    multi = result.claims[result.claims["claim_id"].isin(newsweek) & (result.claims["n_outlets"] > 1)]
    assert len(multi) == 2
    labels = " | ".join(multi["label"])
    assert "artillery" in labels and "submarines" in labels


def test_repeat_within_an_article_is_flagged_not_a_claim(result) -> None:  # type: ignore[no-untyped-def]
    repeats = result.repeats
    assert repeats[["article_id", "sent_id", "repeat_of"]].values.tolist() == [["a4", "a4-s0002", "a4-s0000"]]
    assert repeats["score"].iloc[0] >= Settings().claim_repeat_threshold
    # the repeat joins the claim of the sentence it repeats; no claim of its own
    assert claims_of(result, "a4-s0002") == claims_of(result, "a4-s0000")


def test_every_sentence_with_content_is_in_a_claim(sentences: pd.DataFrame, result) -> None:  # type: ignore[no-untyped-def]
    linked = set(result.links["sent_id"])
    for sent_id, text in zip(sentences["sent_id"], sentences["text"]):
        if claim_tokens(text):
            assert sent_id in linked, text
        else:
            assert sent_id not in linked, text  # "He said:" carries no claim


def test_links_point_at_real_sentences_and_count_outlets(sentences: pd.DataFrame, result) -> None:  # type: ignore[no-untyped-def]
    merged = result.links.merge(sentences[["sent_id", "article_id", "outlet"]], on="sent_id", suffixes=("", "_s"))
    assert len(merged) == len(result.links)
    assert (merged["article_id"] == merged["article_id_s"]).all()
    assert (merged["outlet"] == merged["outlet_s"]).all()
    per_claim = result.links.groupby("claim_id")["outlet"].nunique()
    assert (result.claims.set_index("claim_id")["n_outlets"] == per_claim.reindex(result.claims["claim_id"])).all()
    assert result.claims["n_outlets"].is_monotonic_decreasing


def test_quote_offsets_decide_the_kind(sentences: pd.DataFrame) -> None:
    # mark the Oryx sentence (narrative by its text) as one long quote
    row = sentences[sentences["sent_id"] == "a4-s0003"].iloc[0]
    quotes = pd.DataFrame(
        [{"quote_id": "a4-q000", "article_id": "a4", "sent_id": "a4-s0003", "start": row["start"], "end": row["end"]}]
    )
    plain = align_claims(sentences, pd.DataFrame(), settings=Settings())
    quoted = align_claims(sentences, quotes, settings=Settings())
    claim = claims_of(plain, "a4-s0003").pop()
    assert plain.claims.set_index("claim_id").loc[claim, "kind"] == "narrative"
    assert quoted.claims.set_index("claim_id").loc[claim, "kind"] == "quote"


def test_empty_input() -> None:
    empty = pd.DataFrame(columns=["sent_id", "article_id", "outlet", "text"])
    result = align_claims(empty, pd.DataFrame(), settings=Settings())
    assert result.claims.empty and list(result.claims.columns) == CLAIM_COLUMNS
    assert result.links.empty and result.repeats.empty


def test_threshold_is_an_option(sentences: pd.DataFrame) -> None:
    strict = align_claims(sentences, pd.DataFrame(), settings=Settings(claim_threshold=0.95))
    loose = align_claims(sentences, pd.DataFrame(), settings=Settings())
    assert (strict.claims["n_outlets"] > 1).sum() < (loose.claims["n_outlets"] > 1).sum()
    # verbatim text still aligns at a strict threshold
    assert share_claim(strict, "a1-s0001", "a3-s0000")


def test_unknown_method_is_refused(sentences: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="claim_method"):
        align_claims(sentences, pd.DataFrame(), settings=Settings(claim_method="bm25"))


def test_embedding_method_without_the_package_says_what_to_do(sentences: pd.DataFrame, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import builtins

    real_import = builtins.__import__

    def no_sentence_transformers(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.startswith("sentence_transformers"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_sentence_transformers)
    with pytest.raises(ImportError, match="sentence-transformers.*claim_method='tfidf'"):
        align_claims(sentences, pd.DataFrame(), settings=Settings(claim_method="embedding"))


def test_embedding_path_aligns_with_dense_vectors(sentences: pd.DataFrame, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # stand-in encoder (dense, unit-length TF-IDF rows) to exercise the dense path
    import numpy as np

    from newslib import claims

    def fake_embed(texts, model):  # type: ignore[no-untyped-def]
        dense = claims._tfidf([claim_tokens(t) for t in texts]).toarray()
        return dense / np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-12)

    monkeypatch.setattr(claims, "_embed", fake_embed)
    result = align_claims(sentences, pd.DataFrame(), settings=Settings(claim_method="embedding"))
    assert share_claim(result, "a1-s0001", "a3-s0000")
    assert not share_claim(result, "a5-s0001", "a3-s0002")


# ---- clause units ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        (
            "Putin is hoping to gain additional artillery shells and antitank missiles from Kim, while North Korea is in the market for improved satellite systems.",
            ["Putin is hoping to gain additional artillery shells and antitank missiles from Kim", "while North Korea is in the market for improved satellite systems."],
        ),
        (
            "A chemical plant fire in Harlow has been contained after burning through the night, and two staff members are being treated for burns.",
            ["A chemical plant fire in Harlow has been contained after burning through the night", "and two staff members are being treated for burns."],
        ),
        # a list closed by ", and" is not split
        (
            "Moscow is seeking to buy artillery shells, anti-tank missiles, and rockets from Pyongyang to replenish its stockpile.",
            ["Moscow is seeking to buy artillery shells, anti-tank missiles, and rockets from Pyongyang to replenish its stockpile."],
        ),
        # a short side stays with its sentence
        ("The talks failed; Kirby declined.", ["The talks failed; Kirby declined."]),
    ],
)
def test_split_clauses(text: str, clauses: list[str]) -> None:
    assert [text[s:e] for s, e, _ in split_clauses(text)] == clauses


def test_claim_tokens_fold_demonyms_and_drop_attribution() -> None:
    assert claim_tokens("Russian officials told CNN that Moscow is seeking shells from Pyongyang") == [
        "russia", "offici", "cnn", "russia", "seek", "shell", "north", "korea",
    ]


# ---- views ----------------------------------------------------------------


@pytest.fixture()
def small_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    claims = pd.DataFrame(
        {
            "claim_id": ["c1", "c2", "c3", "c4"],
            "label": ["meeting this month", "shells and missiles", "pariah states", "Oryx tanks"],
            "n_outlets": [3, 2, 2, 1],
            "outlets": ["A;B;C", "A;B", "B;C", "D"],
            "kind": ["narrative", "narrative", "quote", "narrative"],
            "n_articles": [3, 2, 2, 1],
        }
    )
    links = pd.DataFrame(
        {
            "claim_id": ["c1", "c1", "c1", "c2", "c2", "c3", "c3", "c4"],
            "sent_id": ["a-s1", "b-s1", "c-s1", "a-s2", "b-s2", "b-s3", "c-s3", "d-s1"],
            "article_id": ["a", "b", "c", "a", "b", "b", "c", "d"],
            "outlet": ["A", "B", "C", "A", "B", "B", "C", "D"],
            "score": [0.5] * 8,
        }
    )
    return claims, links


def test_claim_matrix(small_tables) -> None:  # type: ignore[no-untyped-def]
    claims, links = small_tables
    matrix = claim_matrix(claims, links, outlets=["A", "B", "C", "D", "E"])
    assert list(matrix.index) == ["c1", "c2", "c3", "c4"]
    assert list(matrix.columns) == ["label", "kind", "n_outlets", "A", "B", "C", "D", "E"]
    assert matrix.loc["c1", ["A", "B", "C", "D", "E"]].tolist() == [1, 1, 1, 0, 0]
    assert matrix.loc["c4", ["A", "B", "C", "D", "E"]].tolist() == [0, 0, 0, 1, 0]
    assert matrix["E"].sum() == 0


def test_unique_claims(small_tables) -> None:  # type: ignore[no-untyped-def]
    claims, links = small_tables
    assert unique_claims(claims, links, "D")[["claim_id", "sent_ids"]].values.tolist() == [["c4", "d-s1"]]
    assert unique_claims(claims, links, "A").empty


@pytest.mark.parametrize(
    ("outlet", "min_share", "expected"),
    [
        ("D", 0.5, ["c1", "c2", "c3"]),  # c1: 3 of the 3 others; c2, c3: 2 of 3
        ("D", 0.7, ["c1"]),
        ("A", 0.5, ["c3"]),  # c3: B and C = 2 of 3; c4: D = 1 of 3
        ("E", 0.9, []),
    ],
)
def test_omissions(small_tables, outlet: str, min_share: float, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    claims, links = small_tables
    out = omissions(claims, links, outlet, outlets=["A", "B", "C", "D", "E"] if outlet == "E" else ["A", "B", "C", "D"], min_share=min_share)
    assert out["claim_id"].tolist() == expected
    if expected:
        assert out["share"].is_monotonic_decreasing


def test_outlet_overlap(small_tables) -> None:  # type: ignore[no-untyped-def]
    claims, links = small_tables
    overlap = outlet_overlap(claims, links, outlets=["A", "B", "C", "D"])
    assert len(overlap) == 16
    pair = overlap[(overlap["outlet_a"] == "A") & (overlap["outlet_b"] == "B")].iloc[0]
    assert (pair["claims_a"], pair["claims_b"], pair["shared"], pair["union"]) == (2, 3, 2, 3)
    assert pair["jaccard"] == pytest.approx(2 / 3, abs=1e-4)
    square = overlap.pivot(index="outlet_a", columns="outlet_b", values="jaccard")
    assert (square.values.diagonal() == 1.0).all()
    assert square.loc["A", "D"] == 0.0
    assert (square == square.T).all().all()


def test_shared_core(small_tables) -> None:  # type: ignore[no-untyped-def]
    claims, _ = small_tables
    assert shared_core(claims, 2)["claim_id"].tolist() == ["c1", "c2", "c3"]
    assert shared_core(claims, 3)["claim_id"].tolist() == ["c1"]
    assert shared_core(claims, 5).empty


# ---- the real seeds ----------------------------------------------------------


@pytest.fixture(scope="module")
def seed_coverage():  # type: ignore[no-untyped-def]
    import newslib

    return newslib.compare(SEEDS, stages=("claims",))


def _seed_sent(cov, outlet: str, fragment: str) -> str:  # type: ignore[no-untyped-def]
    s = cov.sentences
    hit = s[(s["outlet"] == outlet) & s["text"].str.contains(fragment, regex=False)]
    assert len(hit) >= 1, (outlet, fragment)
    return str(hit["sent_id"].iloc[0])


def test_seeds_artillery_claim_spans_three_outlets(seed_coverage) -> None:  # type: ignore[no-untyped-def]
    cov = seed_coverage
    nw = _seed_sent(cov, "Newsweek", "artillery shells and antitank missiles from Kim")
    hp = _seed_sent(cov, "HuffPost", "Putin wants")
    cbn = _seed_sent(cov, "CBN News", "artillery shells, anti-tank missiles, and rockets")
    shared = claims_of(cov, nw) & claims_of(cov, hp) & claims_of(cov, cbn)
    assert len(shared) == 1


def test_seeds_insider_repeat_is_flagged(seed_coverage) -> None:  # type: ignore[no-untyped-def]
    repeats = seed_coverage.sentence_repeats
    insider = repeats[repeats["article_id"].str.startswith("001_")]
    assert len(insider) == 1
    s = seed_coverage.sentences.set_index("sent_id")["text"]
    assert s[insider["sent_id"].iloc[0]].startswith("Russia has incurred significant losses")
    assert s[insider["repeat_of"].iloc[0]].startswith("Russia has incurred significant losses")


def test_seeds_views(seed_coverage) -> None:  # type: ignore[no-untyped-def]
    cov = seed_coverage
    matrix = cov.matrix()
    assert set(cov.articles["outlet"]) <= set(matrix.columns)
    assert matrix["n_outlets"].iloc[0] >= 4
    core = cov.shared_core(4)
    assert any("same type of" in label or "pariah" in label for label in core["label"])
    unique = cov.unique_claims("Business Insider")
    assert unique["label"].str.contains("Oryx").any()
    assert not cov.omissions("CBN News").empty
    overlap = cov.overlap()
    assert len(overlap) == len(matrix.columns[3:]) ** 2


# ---- tokens: the paraphrase lexicon -------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the example: wants / is hoping to gain / is seeking to buy
        ("Putin is hoping to gain artillery shells", "Putin wants artillery shells"),
        ("Moscow is in the market for munitions from Pyongyang.", "Russia is looking for weapons from North Korea."),
        ("Leaders of the two countries will hold a summit in Lagos.", "Leaders of the two countries will meet in Lagos."),
        ("Kim is planning to travel to Russia.", "Kim is set to visit Russia."),
        ("Shares of the company climbed 4 percent.", "Shares of the firm rose 4%."),
        ("The ministry declined to comment on the reports.", "The ministry refused to comment."),
    ],
)
def test_claim_tokens_canonicalise_news_paraphrases(a: str, b: str) -> None:
    ta, tb = claim_tokens(a), claim_tokens(b)
    shared = set(ta) & set(tb)
    # the content words that differ only by wording become the same token
    assert len(shared) >= min(len(set(ta)), len(set(tb))) - 1, (ta, tb)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares climbed 4 per cent on Tuesday.", ["share", "rise", "4%", "tuesday"]),
        ("Moscow is seeking to buy anti-tank missiles", ["russia", "seek", "suppli", "antitank", "missil"]),
        ("Talks between the two leaders", ["meet", "negoti", "2", "leader"]),
        # a list is not a phrase: "look" alone is not "look for"
        ("Look at the map.", ["look", "map"]),
    ],
)
def test_claim_tokens_records(text: str, expected: list[str]) -> None:
    assert claim_tokens(text) == expected


# ---- units: direct quotes cut from their attribution ----------------------------


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # the attribution says only who spoke: the quote alone is the unit
        (
            "\u201cPrices will keep rising this winter,\u201d Finance Minister Lena Hart told reporters.",
            ["Prices will keep rising this winter"],
        ),
        # the attribution also states a fact: it is a unit of its own
        (
            "\u201cPrices will keep rising this winter,\u201d said Hart, who has led the ministry since 2019.",
            ["Prices will keep rising this winter", "said Hart, who has led the ministry since 2019."],
        ),
        ("Finance Minister Lena Hart said: \u201cPrices will keep rising this winter.\u201d", ["Prices will keep rising this winter."]),
        # a partial quote inside the sentence's own statement stays in it
        (
            "Putin wants \u201cartillery shells and antitank missiles\u201d from North Korea as it continues to fight against Ukraine.",
            ["Putin wants \u201cartillery shells and antitank missiles\u201d from North Korea as it continues to fight against Ukraine."],
        ),
        ('Kim is also reportedly "seeking food aid for his impoverished nation."', ['Kim is also reportedly "seeking food aid for his impoverished nation."']),
        # a quote carried over from the previous sentence (closing mark only)
        (
            "It\u2019s showing that Mr. Putin is scrambling for help,\u201d said Hertling, who previously served as the commanding general of US Army Europe.",
            ["It\u2019s showing that Mr. Putin is scrambling for help", "said Hertling, who previously served as the commanding general of US Army Europe."],
        ),
    ],
)
def test_split_units_without_a_quotes_table(text: str, units: list[str]) -> None:
    from newslib.claims import _direct_quote_spans

    table = pd.DataFrame({"sent_id": ["x-s0000"], "article_id": ["x"], "outlet": ["X"], "text": [text]})
    spans = _direct_quote_spans(table, pd.DataFrame()).get(0, [])
    assert [text[s:e] for s, e, _ in split_units(text, spans)] == units


@pytest.mark.parametrize(
    ("text", "span", "units"),
    [
        # "of the potential visit" is context of the attribution, not a claim
        (
            "\u201cThis will generate a lot of attention,\u201d Hertling told CNN Monday of the potential visit.",
            (1, 38),
            ["This will generate a lot of attention"],
        ),
        (
            "\u201cThis will generate a lot of attention,\u201d said Hertling, who commanded US Army forces in Europe until 2012.",
            (1, 38),
            ["This will generate a lot of attention", "said Hertling, who commanded US Army forces in Europe until 2012."],
        ),
        # a span too short to stand alone: the sentence stays whole
        ("\u201cNot surprising at all,\u201d Marks said.", (1, 23), ["\u201cNot surprising at all,\u201d Marks said."]),
    ],
)
def test_split_units_with_quote_offsets(text: str, span: tuple[int, int], units: list[str]) -> None:
    assert [text[s:e] for s, e, _ in split_units(text, [span])] == units


# ---- alignment behaviour ---------------------------------------------------------


def _table(articles: dict[str, tuple[str, list[str]]]) -> pd.DataFrame:
    return make_sentences(articles)


def test_a_quote_given_twice_in_one_article_stays_one_claim() -> None:
    sentences = _table(
        {
            "q1": (
                "Capital Wire",
                [
                    "\u201cPrices will keep rising this winter,\u201d Finance Minister Lena Hart told reporters.",
                    "Hart spoke after a meeting with the heads of the largest banks.",
                    "\u201cPrices will keep rising this winter,\u201d said Hart, who has led the ministry since 2019.",
                ],
            ),
            "q2": ("Metro Post", ["\u201cPrices will keep rising this winter,\u201d Hart said on Tuesday."]),
            "q3": ("The Ledger", ["Finance Minister Lena Hart said: \u201cPrices will keep rising this winter.\u201d"]),
        }
    )
    result = align_claims(sentences, pd.DataFrame(), settings=Settings())
    shared = claims_of(result, "q1-s0000") & claims_of(result, "q1-s0002") & claims_of(result, "q2-s0000") & claims_of(result, "q3-s0000")
    assert len(shared) == 1
    row = result.claims.set_index("claim_id").loc[shared.pop()]
    assert row["kind"] == "quote" and row["n_outlets"] == 3
    assert row["label"].startswith("Prices will keep rising this winter")  # the quote, not its attribution
    # the second sentence adds Hart's career: it is not a repeat of the first
    assert result.repeats.empty


@pytest.fixture(scope="module")
def two_stories_in_one_sentence():  # type: ignore[no-untyped-def]
    sentences = _table(
        {
            "w1": (
                "Capital Wire",
                [
                    "Chancellor Ines Brandt will meet President Paul Okoro in Lagos next week to discuss a gas deal, officials said.",
                    "Brandt's government is desperate for new gas suppliers after a harsh winter, analysts said.",
                ],
            ),
            "w2": (
                "Northern Herald",
                [
                    "Brandt and Okoro are set to meet in Lagos next week, according to officials.",
                    "Energy analysts say Berlin is desperate for new gas suppliers.",
                ],
            ),
            # one sentence stating both things
            "w3": ("Metro Post", ["Analysts warned that the upcoming meeting between Brandt and Okoro shows Berlin is desperate for new gas suppliers."]),
            "w4": ("The Ledger", ["The upcoming summit between Brandt and Okoro in Lagos has been confirmed by both governments."]),
        }
    )
    return align_claims(sentences, pd.DataFrame(), settings=Settings())


def test_a_sentence_stating_two_things_does_not_chain_two_claims(two_stories_in_one_sentence) -> None:  # type: ignore[no-untyped-def]
    result = two_stories_in_one_sentence
    meeting = claims_of(result, "w1-s0000") & claims_of(result, "w2-s0000") & claims_of(result, "w4-s0000")
    gas = claims_of(result, "w1-s0001") & claims_of(result, "w2-s0001")
    assert len(meeting) == 1 and len(gas) == 1 and meeting != gas
    assert not share_claim(result, "w2-s0000", "w2-s0001")
    assert not share_claim(result, "w4-s0000", "w1-s0001")
    labels = result.claims.set_index("claim_id")["label"]
    assert "meet" in labels[meeting.pop()]
    assert "desperate" in labels[gas.pop()]


def test_paraphrase_found_through_the_lexicon() -> None:
    sentences = _table(
        {
            "p1": ("Capital Wire", ["Moscow is in the market for munitions from Pyongyang, officials said."]),
            "p2": ("Metro Post", ["Russia is looking for weapons from North Korea, according to officials."]),
        }
    )
    result = align_claims(sentences, pd.DataFrame(), settings=Settings())
    assert share_claim(result, "p1-s0000", "p2-s0000")


# ---- the candidate graph is kept for a threshold slider -----------------------------


def test_a_new_threshold_reuses_the_candidate_graph(sentences: pd.DataFrame) -> None:
    from newslib import claims

    quotes = pd.DataFrame()
    loose = align_claims(sentences, quotes, settings=Settings(claim_threshold=0.2))
    graph = claims._graph_for(sentences, quotes, Settings(claim_threshold=0.2))
    strict = align_claims(sentences, quotes, settings=Settings(claim_threshold=0.95))
    assert claims._graph_for(sentences, quotes, Settings(claim_threshold=0.6)) is graph
    # same answers as without the cache
    claims._graph_cache.clear()
    pd.testing.assert_frame_equal(strict.claims, align_claims(sentences, quotes, settings=Settings(claim_threshold=0.95)).claims)
    pd.testing.assert_frame_equal(loose.links, align_claims(sentences, quotes, settings=Settings(claim_threshold=0.2)).links)
    # another table (even with the same content) or another candidate option builds a new graph
    assert claims._graph_for(sentences.copy(), quotes, Settings()) is not claims._graph_for(sentences, quotes, Settings())
    assert claims._graph_for(sentences, quotes, Settings(claim_top_k=3)) is not claims._graph_for(sentences, quotes, Settings())


def test_an_edited_table_is_not_served_from_the_cache() -> None:
    sentences = make_sentences()
    before = align_claims(sentences, pd.DataFrame(), settings=Settings())
    assert share_claim(before, "a1-s0001", "a3-s0000")
    sentences.loc[sentences["sent_id"] == "a3-s0000", "text"] = "The Kremlin declined to comment on the reports on Tuesday."
    after = align_claims(sentences, pd.DataFrame(), settings=Settings())
    assert not share_claim(after, "a1-s0001", "a3-s0000")


def test_seeds_realign_is_fast_enough_for_a_slider(seed_coverage) -> None:  # type: ignore[no-untyped-def]
    import time

    seed_coverage.realign(claim_threshold=0.3)  # the graph is built (or found) once
    start = time.perf_counter()
    for threshold in (0.15, 0.25, 0.4):
        seed_coverage.realign(claim_threshold=threshold)
    per_call = (time.perf_counter() - start) / 3
    assert per_call < 0.2, per_call  # a widget budget of 200 ms, conflicts included


def test_seeds_labels_are_member_text(seed_coverage) -> None:  # type: ignore[no-untyped-def]
    cov = seed_coverage
    text = dict(zip(cov.sentences["sent_id"], cov.sentences["text"]))
    for claim_id, label in zip(cov.claims["claim_id"], cov.claims["label"]):
        members = cov.claim_links.loc[cov.claim_links["claim_id"] == claim_id, "sent_id"]
        assert any(label in text[s] for s in members), label


# ---- who said it ---------------------------------------------------------------


def _records_coverage(records: list[tuple[str, str, str]]):  # type: ignore[no-untyped-def]
    import newslib

    corpus = newslib.Corpus.from_records([{"id": i, "outlet": o, "text": t} for i, o, t in records])
    return newslib.compare(corpus, stages=("quotes", "claims"))


def _claims_with(cov, fragment: str) -> set[str]:  # type: ignore[no-untyped-def]
    s = cov.sentences
    ids = s[s["text"].str.contains(fragment, regex=False)]["sent_id"]
    assert len(ids) == 1, fragment
    links = cov.claim_links
    return set(links[links["sent_id"] == ids.iloc[0]]["claim_id"])


def test_the_same_words_from_two_people_are_two_claims() -> None:
    cov = _records_coverage([
        ("x1", "Capital Wire",
         "Finance Minister Lena Hart spoke to reporters on Tuesday.\n\n"
         "\u201cThe banks will have to raise their reserves before the winter,\u201d Hart said."),
        ("x2", "Metro Post",
         "Opposition leader Tomas Berg replied within the hour.\n\n"
         "\u201cThe banks will have to raise their reserves before the winter is over,\u201d Berg said."),
        ("x3", "The Ledger",
         "\u201cThe banks will have to raise their reserves before the winter,\u201d Finance Minister Lena Hart said."),
    ])
    quotes = cov.quotes.set_index("article_id")["speaker"]
    assert (quotes["x1"], quotes["x2"], quotes["x3"]) == ("Lena Hart", "Tomas Berg", "Lena Hart")
    hart_1 = _claims_with(cov, "winter,\u201d Hart said.")
    hart_3 = _claims_with(cov, "Finance Minister Lena Hart said.")
    berg = _claims_with(cov, "Berg said.")
    assert hart_1 & hart_3  # one person's quote in two outlets is one claim
    assert not berg & (hart_1 | hart_3)  # near-identical words from someone else are not


def test_a_loosely_related_narrative_sentence_does_not_join_a_quote() -> None:
    quote = [
        ("y1", "Capital Wire",
         "\u201cAdditional weapons from the north are not surprising at all,\u201d General Ray Marks said."),
        ("y2", "Metro Post",
         "\u201cAdditional weapons from the north are not surprising at all,\u201d Marks told the station."),
    ]
    # shares only "weapons" and "north" with the quote (cosine 0.215, above
    # claim_threshold but under the bar for joining a quote)
    cov = _records_coverage([*quote, ("y3", "The Ledger",
                                      "Officials said the weapons talks with the north have stalled since the spring.")])
    claim = _claims_with(cov, "General Ray Marks said.") & _claims_with(cov, "Marks told the station.")
    assert len(claim) == 1
    assert not claim & _claims_with(cov, "talks with the north")
    # a close paraphrase in narrative does join the quote
    cov = _records_coverage([*quote, ("y4", "Northern Herald",
                                      "Marks said additional weapons from the north were not surprising.")])
    claim = _claims_with(cov, "General Ray Marks said.") & _claims_with(cov, "Marks told the station.")
    assert claim & _claims_with(cov, "Marks said additional weapons")
