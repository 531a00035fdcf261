"""Tests for newslib.reuse: shared passages, originality and the attribution chain."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newslib.normalize import fold_spelling
from newslib.reuse import (
    ATTRIBUTION_COLUMNS,
    ORIGINALITY_COLUMNS,
    PASSAGE_COLUMNS,
    find_reuse,
    word_spans,
)
from newslib.settings import Settings

REPO = Path(__file__).resolve().parents[1]
EMPTY = pd.DataFrame()


def _articles(*rows: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "outlet"])


def _reuse(texts: dict[str, str], outlets: dict[str, str], **options: object):
    articles = _articles(*outlets.items())
    return find_reuse(texts, articles, quotes=EMPTY, sources=EMPTY, settings=Settings(**options))


def _words(text: str) -> list[str]:
    return [w for _, _, w in word_spans(text)]


# ---------------------------------------------------------------------------
# Passages: text in, expected passage out
# ---------------------------------------------------------------------------

HERTLING_A = (
    "Hertling was speaking to CNN's Jim Acosta on Monday. "
    "\"This will generate a lot of attention. It's showing that Mr. Putin is scrambling for help,\" "
    "said Hertling, who previously served as the commanding general of US Army Europe."
)
HERTLING_B = (
    "The retired general did not hold back. \u201cThey\u2019re also two desperate leaders of the "
    "world\u2019s most noted pariah states. This will generate a lot of attention,\u201d Hertling told "
    "CNN Monday. \u201cIt\u2019s showing that Mr. Putin is scrambling for help.\u201d"
)


@pytest.mark.parametrize(
    ("text_a", "text_b", "expected"),
    [
        # Curly vs straight apostrophes and quote marks. "This will generate
        # a lot of attention" (7 words) is cut off from the rest by B's
        # attribution ("Hertling told CNN Monday"), so only one passage counts.
        (
            HERTLING_A,
            HERTLING_B,
            ["It's showing that Mr. Putin is scrambling for help"],
        ),
        # With the attribution moved after the quote, the passage runs across
        # the sentence break.
        (
            HERTLING_A,
            HERTLING_B.replace("attention,\u201d Hertling told CNN Monday. \u201cIt", "attention. It")
            + " Hertling told CNN.",
            ["This will generate a lot of attention. It's showing that Mr. Putin is scrambling for help"],
        ),
        # Case and punctuation differ; words do not.
        (
            "Officials said the Kremlin is SEEKING to buy artillery shells and antitank missiles "
            "from Pyongyang, a senior diplomat said.",
            "According to diplomats, the kremlin is seeking to buy artillery shells -- and antitank "
            "missiles -- from Pyongyang.",
            ["the Kremlin is SEEKING to buy artillery shells and antitank missiles from Pyongyang"],
        ),
        # Seven shared words are below the default minimum of eight.
        (
            "The meeting will take place in the port city of Vladivostok, officials said.",
            "Talks could happen in the port city of Vladivostok on Tuesday.",
            [],
        ),
        # British spelling is folded: calibre == caliber.
        (
            "\u201cThey share the same type of calibre weapon systems,\u201d Marks said.",
            "\"They share the same type of caliber weapon systems. So it's an immediate plus-up.\"",
            ["They share the same type of calibre weapon systems"],
        ),
    ],
)
def test_shared_passages(text_a: str, text_b: str, expected: list[str]) -> None:
    result = _reuse({"a": text_a, "b": text_b}, {"a": "Outlet A", "b": "Outlet B"})
    assert list(result.passages["text"]) == expected
    for row in result.passages.itertuples():
        # Offsets point into the cleaned texts, and both sides say the same words.
        assert text_a[row.start_a : row.end_a] == row.text
        assert _words(text_b[row.start_b : row.end_b]) == [
            w.replace("calibre", "caliber") for w in _words(row.text)
        ]
        assert row.n_words == len(_words(row.text))


def test_spelling_fold_can_be_switched_off() -> None:
    texts = {
        "a": "They share the same type of calibre weapon systems, so it is an immediate plus-up.",
        "b": "They share the same type of caliber weapon systems, so it is an immediate plus-up.",
    }
    folded = _reuse(texts, {"a": "X", "b": "Y"})
    strict = _reuse(texts, {"a": "X", "b": "Y"}, reuse_fold_spelling=False)
    assert list(folded.passages["n_words"]) == [16]
    # Without folding only "weapon systems ... plus-up" (9 words) is shared.
    assert list(strict.passages["text"]) == ["weapon systems, so it is an immediate plus-up"]


def test_min_words_is_an_option() -> None:
    texts = {
        "a": "The meeting will take place in the port city of Vladivostok, officials said.",
        "b": "Talks could happen in the port city of Vladivostok on Tuesday.",
    }
    assert _reuse(texts, {"a": "X", "b": "Y"}).passages.empty
    found = _reuse(texts, {"a": "X", "b": "Y"}, reuse_min_words=5).passages
    assert list(found["text"]) == ["in the port city of Vladivostok"]
    assert list(found["n_words"]) == [6]


def test_every_pair_is_reported_and_same_outlet_is_flagged() -> None:
    quote = ("\"Russia is in a desperate situation right now,\" said retired Army Major General "
             "James Marks, who joined Hertling on CNN.")
    texts = {
        "nw-1": f"Newsweek copy. {quote}",
        "nw-2": f"An update from the same newsroom. {quote} More on this later.",
        "star": f"The Daily Star version. {quote}",
    }
    outlets = {"nw-1": "Newsweek", "nw-2": "Newsweek", "star": "Daily Star"}
    passages = _reuse(texts, outlets).passages
    pairs = sorted(zip(passages["article_a"], passages["article_b"], passages["same_outlet"]))
    assert pairs == [("nw-1", "nw-2", True), ("nw-1", "star", False), ("nw-2", "star", False)]
    assert set(passages["n_words"]) == {len(_words(quote))}


def test_repeat_inside_one_article_is_not_reuse() -> None:
    sentence = "Russia has incurred significant losses in manpower and resources since it invaded Ukraine."
    texts = {"insider": f"{sentence}\n\nUS officials estimated casualties.\n\n{sentence}",
             "other": "A completely different article about the weather in Vladivostok this week."}
    result = _reuse(texts, {"insider": "Business Insider", "other": "CBN News"})
    assert result.passages.empty
    assert result.originality.set_index("article_id").loc["insider", "originality"] == 1.0


def test_a_longer_passage_repeated_in_one_article_gives_one_passage_per_copy() -> None:
    quote = "It's showing that Mr. Putin is scrambling for help, and he knows it."
    texts = {"a": f"{quote} Later: {quote}", "b": f"Hertling said: {quote}"}
    passages = _reuse(texts, {"a": "X", "b": "Y"}).passages
    assert len(passages) == 2
    assert passages["start_a"].nunique() == 2
    assert passages["start_b"].nunique() == 1


def test_stutter_does_not_produce_shifted_echo_passages() -> None:
    # "unless, unless" makes the same words line up on two diagonals.
    a = ("There's nothing strategic about a long-term relationship with North Korea unless, unless "
         "Russia wants to have a very provocative partner that will do some dirty work.")
    b = ("Marks said there's nothing strategic about a long-term relationship with North Korea unless, "
         "unless Russia wants to have a very provocative partner.")
    passages = _reuse({"a": a, "b": b}, {"a": "HuffPost", "b": "Other"}).passages
    assert len(passages) == 1
    assert passages.iloc[0]["text"].startswith("There's nothing strategic")
    assert passages.iloc[0]["text"].endswith("very provocative partner")


def test_common_phrase_cap_drops_seeds_but_passages_extend_through_them() -> None:
    stock = "did not immediately respond to a request for comment on Monday"
    texts = {
        "a": f"A spokesperson for the Russian foreign ministry {stock} about the planned summit in Vladivostok.",
        "b": f"A spokesperson for the Russian foreign ministry {stock} about the planned summit in Vladivostok.",
        "c": f"The Kremlin {stock}.",
        "d": f"Pyongyang's embassy {stock}, the agency said.",
    }
    outlets = {k: k.upper() for k in texts}
    default = _reuse(texts, outlets).passages
    capped = _reuse(texts, outlets, reuse_max_shingle_articles=2).passages
    # With the default cap the stock phrase links every pair.
    assert len(default) == 6
    # With a cap of two articles the phrase seeds nothing, yet a and b (which
    # share much more) still get one passage running through it.
    assert list(zip(capped["article_a"], capped["article_b"])) == [("a", "b")]
    assert capped.iloc[0]["n_words"] == len(_words(texts["a"]))


def test_offsets_and_ids_are_deterministic() -> None:
    texts = {"a": HERTLING_A, "b": HERTLING_B, "c": HERTLING_A.replace("Monday", "Tuesday")}
    outlets = {"a": "Insider", "b": "HuffPost", "c": "Newsweek"}
    first = _reuse(texts, outlets).passages
    second = _reuse(dict(reversed(list(texts.items()))), outlets).passages
    assert first["passage_id"].is_unique
    assert first["passage_id"].str.match(r"^rp-[0-9a-f]{16}$").all()
    pd.testing.assert_frame_equal(first, second)


def test_empty_inputs_give_empty_tables_with_columns() -> None:
    result = find_reuse({}, pd.DataFrame(), quotes=EMPTY, sources=EMPTY, settings=Settings())
    assert list(result.passages.columns) == PASSAGE_COLUMNS
    assert list(result.originality.columns) == ORIGINALITY_COLUMNS
    assert list(result.attribution.columns) == ATTRIBUTION_COLUMNS
    one = find_reuse({"a": "Just one article."}, _articles(("a", "X")), quotes=None, sources=None)
    assert one.passages.empty
    assert one.originality.iloc[0].to_dict() == {
        "article_id": "a", "outlet": "X", "n_words": 3, "n_words_shared": 0, "originality": 1.0,
        "n_words_shared_other_outlets": 0, "originality_other_outlets": 1.0,
    }


def test_originality_counts_words_inside_shared_passages() -> None:
    shared = "Putin is hoping to gain additional artillery shells and antitank missiles from Kim"  # 13 words
    texts = {
        "nw": f"{shared}, according to the report.",  # 17 words
        "cbn": f"Reports of an upcoming summit have officials on alert. {shared}.",  # 22 words
        "same": f"Newsweek again: {shared}.",  # 15 words
        "own": "Experts say the reclusive leader will likely take the same route later this month.",
    }
    outlets = {"nw": "Newsweek", "cbn": "CBN News", "same": "Newsweek", "own": "HuffPost"}
    table = _reuse(texts, outlets).originality.set_index("article_id")
    assert table.loc["nw", "n_words"] == 17
    assert table.loc["nw", "n_words_shared"] == 13
    assert table.loc["nw", "originality"] == pytest.approx(1 - 13 / 17, abs=1e-4)
    assert table.loc["cbn", "originality"] == pytest.approx(1 - 13 / 22, abs=1e-4)
    # Only the copy from its own outlet: shared, but original against other outlets.
    assert table.loc["same", "n_words_shared_other_outlets"] == 13
    assert table.loc["own", "originality"] == 1.0
    texts["cbn"] = "Nothing in common here at all, just CBN's own reporting on the summit."
    table = _reuse(texts, outlets).originality.set_index("article_id")
    assert table.loc["same", "n_words_shared"] == 13
    assert table.loc["same", "n_words_shared_other_outlets"] == 0
    assert table.loc["same", "originality_other_outlets"] == 1.0


# ---------------------------------------------------------------------------
# Provenance: hand-built quotes and sources tables (quote-stage columns)
# ---------------------------------------------------------------------------

NEWSWEEK = (
    "North Korea leader Kim Jong Un is planning to meet Vladimir Putin later this month, "
    "The New York Times reported Monday, citing American and other officials.\n\n"
    "The weapons will likely not matter much, according to retired General Mark Hertling, "
    "who spoke with CNN's Jim Acosta later in the day.\n\n"
    "\"This will generate a lot of attention,\" Hertling added. "
    "\"It's showing that Mr. Putin is scrambling for help.\"\n\n"
    "News of the meeting follows leaked documents released last month.\n\n"
    "\"Russia's obviously desperate for replacement munitions,\" Petraeus said during a visit to Kyiv."
)
INSIDER = (
    "\u201cIt\u2019s showing that Mr. Putin is scrambling for help,\u201d retired Lt. Gen. Mark "
    "Hertling told CNN.\n\n"
    "The New York Times reported on Monday that Kim is planning to meet Vladimir Putin later this "
    "month to discuss supplying weapons to Russia."
)


def _sentences(texts: dict[str, str]) -> pd.DataFrame:
    from newslib.sentences import split_sentences

    articles = _articles(*((aid, "X") for aid in texts))
    return split_sentences(texts, articles, settings=Settings())


def _quote(texts: dict[str, str], sentences: pd.DataFrame, aid: str, words: str, speaker: str | None) -> dict:
    start = texts[aid].index(words)
    end = start + len(words)
    sent = sentences[(sentences.article_id == aid) & (sentences.start <= start) & (sentences.end >= end)]
    return {"quote_id": f"{aid}-q{start:03d}", "article_id": aid, "sent_id": sent.iloc[0]["sent_id"],
            "text": words, "speaker": speaker, "start": start, "end": end}


def _source(sentences: pd.DataFrame, aid: str, contains: str, source: str, kind: str) -> dict:
    sent = sentences[(sentences.article_id == aid) & sentences.text.str.contains(contains, regex=False)]
    return {"article_id": aid, "sent_id": sent.iloc[0]["sent_id"], "source": source, "kind": kind,
            "text": sent.iloc[0]["text"]}


@pytest.fixture(scope="module")
def provenance():
    texts = {"newsweek": NEWSWEEK, "insider": INSIDER}
    sentences = _sentences(texts)
    quotes = pd.DataFrame([
        _quote(texts, sentences, "newsweek", "This will generate a lot of attention,", "Mark Hertling"),
        _quote(texts, sentences, "newsweek", "It's showing that Mr. Putin is scrambling for help.", "Mark Hertling"),
        _quote(texts, sentences, "newsweek", "Russia's obviously desperate for replacement munitions,",
               "David Petraeus"),
        _quote(texts, sentences, "insider", "It\u2019s showing that Mr. Putin is scrambling for help,",
               "Mark Hertling"),
    ])
    sources = pd.DataFrame([
        _source(sentences, "newsweek", "The New York Times reported", "The New York Times", "media"),
        _source(sentences, "newsweek", "The New York Times reported", "U.S. officials", "official"),
        _source(sentences, "newsweek", "Jim Acosta", "CNN", "media"),
        _source(sentences, "newsweek", "leaked documents", "leaked documents", "document"),
        _source(sentences, "insider", "told CNN", "CNN", "media"),
        _source(sentences, "insider", "The New York Times reported", "The New York Times", "media"),
    ])
    articles = _articles(("newsweek", "Newsweek"), ("insider", "Business Insider"))
    return find_reuse(texts, articles, quotes=quotes, sources=sources, sentences=sentences,
                      settings=Settings())


def test_quoted_passage_traces_to_speaker_and_channel(provenance) -> None:
    passages = provenance.passages.set_index("text")
    row = passages.loc["It's showing that Mr. Putin is scrambling for help"]
    assert (row["speaker"], row["source"], row["upstream"]) == ("Mark Hertling", "CNN", "CNN (Mark Hertling)")


def test_narrative_passage_traces_to_the_cited_report(provenance) -> None:
    passages = provenance.passages.set_index("text")
    row = passages.loc["is planning to meet Vladimir Putin later this month"]
    assert (row["speaker"], row["upstream"]) == ("", "The New York Times")


@pytest.mark.parametrize(
    ("article_id", "source", "speaker", "n_quotes"),
    [
        # "Hertling added" names no channel; the sentence naming Hertling does.
        ("newsweek", "CNN", "Mark Hertling", 2),
        # The channel is in the quote's own sentence.
        ("insider", "CNN", "Mark Hertling", 1),
        # Outlet -> the report it cites -> who the report relies on.
        ("newsweek", "The New York Times", "U.S. officials", 0),
        # A document cited in the next paragraph did not carry Petraeus's words.
        ("newsweek", "", "David Petraeus", 1),
    ],
)
def test_attribution_chain(provenance, article_id: str, source: str, speaker: str, n_quotes: int) -> None:
    table = provenance.attribution
    row = table[(table.article_id == article_id) & (table.source == source) & (table.speaker == speaker)]
    assert len(row) == 1, table
    assert row.iloc[0]["n_quotes"] == n_quotes


def test_attribution_has_no_duplicate_chains(provenance) -> None:
    table = provenance.attribution
    assert not table.duplicated(["article_id", "source", "speaker"]).any()
    # The bare NYT citation in Insider stays (nobody named), Newsweek's does not
    # get an empty row because its citation names U.S. officials.
    insider = table[table.article_id == "insider"]
    assert ("The New York Times", "") in set(zip(insider.source, insider.speaker))
    newsweek = table[table.article_id == "newsweek"]
    assert ("The New York Times", "") not in set(zip(newsweek.source, newsweek.speaker))


def test_unattributed_quotes_and_missing_columns_are_tolerated() -> None:
    texts = {"a": HERTLING_A, "b": HERTLING_B}
    quotes = pd.DataFrame([{"article_id": "a", "start": 60, "end": 100, "speaker": None, "text": "x"}])
    sources = pd.DataFrame([{"article_id": "a", "source": "CNN"}])  # no sent_id, kind or text
    result = find_reuse(texts, _articles(("a", "X"), ("b", "Y")), quotes=quotes, sources=sources)
    assert len(result.passages) == 1
    assert set(result.attribution["speaker"]) == {""}
    assert set(result.attribution["source"]) == {"CNN"}


# ---------------------------------------------------------------------------
# The seeds: the CNN interview and the New York Times report
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds():
    import newslib

    cov = newslib.compare(REPO / "data" / "seeds", stages=())
    texts, sentences = cov.texts, cov.sentences
    by_outlet = dict(zip(cov.articles.outlet, cov.articles.article_id))
    hertling = {
        "Newsweek": "It's showing that Mr. Putin is scrambling for help.",
        "Business Insider": "It\u2019s showing that Mr. Putin is scrambling for help,",
        "HuffPost": "It\u2019s showing that Mr. Putin is scrambling for help.",
        "Daily Star": "It's showing that Mr. Putin is scrambling for help.",
    }
    quotes = pd.DataFrame([_quote(texts, sentences, by_outlet[o], q, "Mark Hertling") for o, q in hertling.items()])
    cnn = {"Newsweek": "CNN's Jim Acosta", "Business Insider": "told CNN.", "HuffPost": "Hertling told CNN",
           "Daily Star": "CNN's The Situation Room"}
    nyt = {"Business Insider": "The New York Times reported", "HuffPost": "likely using an armored train, this month to hold talks with the Russian"}
    sources = pd.DataFrame(
        [_source(sentences, by_outlet[o], c, "CNN", "media") for o, c in cnn.items()]
        + [_source(sentences, by_outlet[o], c, "The New York Times", "media") for o, c in nyt.items()]
    )
    result = find_reuse(texts, cov.articles, quotes=quotes, sources=sources, sentences=sentences)
    outlet_of = dict(zip(cov.articles.article_id, cov.articles.outlet))
    return result, outlet_of


def test_seed_hertling_quote_is_shared_across_outlets(seeds) -> None:
    result, _ = seeds
    p = result.passages
    hits = p[p["text"].str.contains("showing that Mr. Putin is scrambling for help")]
    pairs = {tuple(sorted(x)) for x in zip(hits.outlet_a, hits.outlet_b)}
    # Newsweek, Insider, HuffPost and the Daily Star all carry it verbatim: every pair of them.
    outlets = ["Business Insider", "Daily Star", "HuffPost", "Newsweek"]
    assert pairs == {(x, y) for i, x in enumerate(outlets) for y in outlets[i + 1:]}
    assert set(hits["upstream"]) == {"CNN (Mark Hertling)"}


def test_seed_passages_cover_the_interview_and_the_times_report(seeds) -> None:
    result, _ = seeds
    texts = " | ".join(result.passages["text"])
    for fragment in (
        "two desperate leaders of the world",  # Hertling, CNN
        "strategically alter the outcome of the fight in Ukraine",  # Marks, CNN
        "They share the same type of calibre weapon systems",  # the Daily Star's spelling, folded
        "that Kim is planning to travel to Russia",  # the New York Times report
    ):
        assert fragment in texts or fragment.replace("calibre", "caliber") in texts, fragment
    nyt = result.passages[result.passages["text"] == "that Kim is planning to travel to Russia"]
    assert list(nyt["upstream"]) == ["The New York Times"]


def test_seed_originality(seeds) -> None:
    result, _ = seeds
    table = result.originality.set_index("outlet")
    # CBN News shares no 8-word passage with anyone; the others copy the CNN interview.
    assert table.loc["CBN News", "originality"] == 1.0
    for outlet in ("Newsweek", "Business Insider", "HuffPost", "Daily Star"):
        assert 0.6 < table.loc[outlet, "originality"] < 0.95, outlet
    assert (table["n_words_shared"] <= table["n_words"]).all()


# ---------------------------------------------------------------------------
# A generated multi-story corpus: structural properties at a few hundred articles
# ---------------------------------------------------------------------------

def _generator():
    from benchmark_modules import load_benchmark

    return load_benchmark("generate_corpus")


def test_generated_corpus_passages_are_exact_and_within_stories(tmp_path: Path) -> None:
    gen = _generator()
    gen.generate(150, 3, tmp_path / "corpus")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((tmp_path / "corpus").glob("*.txt"))}
    manifest = pd.read_csv(tmp_path / "corpus" / "manifest.csv")
    truth = pd.read_csv(tmp_path / "corpus" / ".truth.csv").set_index("article_id")["story_id"]
    result = find_reuse(texts, manifest, quotes=EMPTY, sources=EMPTY, settings=Settings())
    p = result.passages
    assert len(p) > 100
    for row in p.sample(200, random_state=0, replace=True).itertuples():
        a = _words(texts[row.article_a][row.start_a : row.end_a])
        b = _words(texts[row.article_b][row.start_b : row.end_b])
        assert [fold_spelling(w) for w in a] == [fold_spelling(w) for w in b]
        assert len(a) == row.n_words >= 8
    # Most reuse is between articles of the same story (the rest are stock phrases).
    same_story = truth.loc[p.article_a].to_numpy() == truth.loc[p.article_b].to_numpy()
    assert same_story.mean() > 0.5
    assert result.originality["originality"].between(0, 1).all()


def test_generated_corpus_is_deterministic(tmp_path: Path) -> None:
    gen = _generator()
    first = gen.generate(40, 5, tmp_path / "one")
    second = gen.generate(40, 5, tmp_path / "two")
    assert first == second
    for path in sorted((tmp_path / "one").iterdir()):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name
    assert len(first) == 40
    assert {"article_id", "outlet", "published", "url", "title"} == set(first[0])


@pytest.mark.parametrize(
    ("sources_a", "sources_b", "expected"),
    [
        # a source both articles cite near the passage wins over one only one cites
        ((("nyt", "The New York Times", 1), ("ap", "AP", 2)), (("nyt", "The New York Times", 2),), "The New York Times"),
        # ... unless one article cites another in the passage's own sentence (rank 0)
        # while the common one is further away
        ((("ap", "the Associated Press", 0), ("rep", "the report", 1)), (("rep", "the report", 0),),
         "the Associated Press"),
        ((("ap", "the Associated Press", 0), ("cnn", "CNN", 1)), (("cnn", "CNN", 1),), "the Associated Press"),
        # an unnamed reference never labels a passage a named source explains
        ((("rep", "the report", 0),), (("nyt", "The New York Times", 1),), "The New York Times"),
        ((("rep", "the report", 0),), (("rep", "the report", 0),), "the report"),
    ],
)
def test_upstream_source_of_a_passage(sources_a, sources_b, expected):
    from newslib.reuse import _upstream

    speaker, source, label = _upstream(((), sources_a), ((), sources_b))
    assert (speaker, source, label) == ("", expected, expected)


@pytest.mark.parametrize(
    ("text_a", "text_b", "expected"),
    [
        # a copied sentence, then a few words that happen to match in the next one: cut
        ("Two bridges in the north of Riskvel were closed on Friday, according to a statement. "
         "In recent months, three banks opened branches there.",
         "Two bridges in the north of Riskvel were closed on Friday, according to a statement. "
         "In recent months, the mayor has pressed for new roads.",
         ["Two bridges in the north of Riskvel were closed on Friday, according to a statement"]),
        # ... and a few matching words before it
        ("Officials said on Monday. Two bridges in the north of Riskvel were closed on Friday, the council said.",
         "Police said on Monday. Two bridges in the north of Riskvel were closed on Friday, the council said.",
         ["Two bridges in the north of Riskvel were closed on Friday, the council said"]),
        # a whole short sentence copied along with the passage stays
        ("\u201cIt is showing that the president is scrambling for help. This will draw attention.\u201d Later he left.",
         "\u201cIt is showing that the president is scrambling for help. This will draw attention.\u201d He spoke on CNN.",
         ["It is showing that the president is scrambling for help. This will draw attention"]),
        # two fragments of different sentences, each shorter than a passage: no passage
        ("He went home to Riskvel on Friday. The bridge was closed again after dark.",
         "She stayed in Riskvel on Friday. The bridge was closed again for repairs.",
         []),
    ],
)
def test_passages_lose_fragments_of_the_next_or_previous_sentence(text_a: str, text_b: str, expected: list[str]) -> None:
    texts = {"a": text_a, "b": text_b}
    articles = _articles(("a", "X"), ("b", "Y"))
    result = find_reuse(texts, articles, quotes=EMPTY, sources=EMPTY, sentences=_sentences(texts), settings=Settings())
    assert result.passages["text"].tolist() == expected


def _passage_rows(*rows: tuple[str, str, str, str, int, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"article_a": a, "outlet_a": oa, "article_b": b, "outlet_b": ob, "n_words": n, "upstream": up,
          "same_outlet": oa == ob} for a, oa, b, ob, n, up in rows]
    )


def test_copying_separates_traced_and_untraced_text_and_orders_by_date():
    from newslib.reuse import COPYING_COLUMNS, copying

    passages = _passage_rows(
        ("nw", "Newsweek", "bi", "Business Insider", 17, "CNN (Mark Hertling)"),
        ("nw", "Newsweek", "bi", "Business Insider", 12, ""),
        ("nw", "Newsweek", "hp", "HuffPost", 9, "CNN (Mark Hertling)"),
        ("bi", "Business Insider", "ds", "Daily Star", 20, ""),
        ("nw", "Newsweek", "nw2", "Newsweek", 30, ""),  # an outlet's own update: not copying
    )
    articles = pd.DataFrame({"article_id": ["nw", "bi", "hp", "ds", "nw2"],
                             "published": ["2023-09-04", "2023-09-05", "2023-09-05", None, "2023-09-06"]})
    table = copying(passages, articles)
    assert list(table.columns) == COPYING_COLUMNS
    rows = {(r.outlet_a, r.outlet_b): r for r in table.itertuples()}
    assert set(rows) == {("Newsweek", "Business Insider"), ("Newsweek", "HuffPost"), ("Business Insider", "Daily Star")}
    nw_bi = rows[("Newsweek", "Business Insider")]
    assert (nw_bi.n_passages, nw_bi.n_words, nw_bi.n_words_traced, nw_bi.n_words_untraced) == (2, 29, 17, 12)
    assert nw_bi.first == "Newsweek"
    assert nw_bi.verdict.startswith("Newsweek published first (2023-09-04): Business Insider may have taken 12 words")
    assert rows[("Newsweek", "HuffPost")].verdict == "all traced to a common source"
    bi_ds = rows[("Business Insider", "Daily Star")]
    assert bi_ds.first == "" and bi_ds.verdict.startswith("order unknown: 20 untraced words")
    assert table["n_words_untraced"].tolist() == [20, 12, 0]  # most untraced first


def test_copying_without_passages_is_an_empty_table():
    from newslib.reuse import COPYING_COLUMNS, copying

    assert list(copying(pd.DataFrame(), pd.DataFrame()).columns) == COPYING_COLUMNS
    assert copying(None, None).empty


def test_seed_outlets_copied_nobody() -> None:
    import newslib

    table = newslib.compare(REPO / "data" / "seeds", stages=("quotes", "sources", "reuse")).copying()
    assert len(table) == 6
    assert (table["n_words_untraced"] == 0).all()
    assert set(table["verdict"]) == {"all traced to a common source"}
