"""Tests for newslib.framing: loaded terms, VADER sentiment and headlines."""

from __future__ import annotations

import pandas as pd
import pytest

from newslib.framing import (
    HEADLINE_COLUMNS,
    LOADED_COLUMNS,
    SENTIMENT_COLUMNS,
    frame,
    headline_source,
    load_lexicon,
    loaded_rates,
    match_terms,
    quote_spans,
)
from newslib.settings import Settings

# ---------------------------------------------------------------------------
# Lexicon matching
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Putin slammed as \u2018desperate\u2019 over \u2018scrambling for help\u2019 from North Korea",
            [("slammed", "hostility", "slammed"), ("desperate", "weakness", "desperate"),
             ("scrambling", "weakness", "scrambling")],
        ),
        # the stem carries a term to its other forms
        (
            "\"There is no other way to look at that than desperation and weakness,\" said John Kirby.",
            [("desperate", "weakness", "desperation"), ("weak", "weakness", "weakness")],
        ),
        ("The pair of despots have very few friends in the world.", [("despot", "delegitimising", "despots")]),
        # "reportedly" is exact: "reported" is not a hedge
        ("The New York Times reported on Monday that Kim will travel to Russia.", []),
        ("Kim is also reportedly seeking food aid.", [("reportedly", "hedge", "reportedly")]),
        # multiword terms, longest first, never counted twice
        ("The regime in the hermit kingdom is on the ropes.",
         [("regime", "delegitimising", "regime"), ("hermit kingdom", "otherness", "hermit kingdom"),
          ("on the ropes", "weakness", "on the ropes")]),
        ("Running low on weapons, Russia is isolated and apparently desperate.",
         [("running low", "weakness", "Running low"), ("isolated", "weakness", "isolated"),
          ("apparently", "hedge", "apparently"), ("desperate", "weakness", "desperate")]),
        ("Artillery shells and antitank missiles were discussed at the talks.", []),
    ],
)
def test_match_terms(text, expected):
    assert match_terms(text) == expected


def test_analyst_lexicon_extends_and_overrides(tmp_path):
    extra = tmp_path / "mine.csv"
    extra.write_text(
        "term,category,note\n"
        "labelled,hostility,Pins a label on someone\n"
        "pariah,isolation,Re-categorised by the analyst\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon(str(extra))
    assert match_terms("Both leaders were labelled pariahs.", lexicon=lexicon) == [
        ("labelled", "hostility", "labelled"), ("pariah", "isolation", "pariahs"),
    ]
    assert len(lexicon) == len(load_lexicon()) + 1


def test_lexicon_errors(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("word,kind\ndesperate,weakness\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lacks column"):
        load_lexicon(str(bad))
    with pytest.raises(FileNotFoundError):
        load_lexicon(str(tmp_path / "missing.csv"))


def test_packaged_lexicon_is_documented():
    for term in load_lexicon():
        assert term.category and term.note, term.term
        assert term.match in ("stem", "exact")


# ---------------------------------------------------------------------------
# Quotation marks and headlines
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Putin slammed as \u2018desperate\u2019 over \u2018scrambling for help\u2019",
         ["desperate", "scrambling for help"]),
        ("\"Russia is in a desperate situation right now,\" said retired Army Major General James A. \"Spider\" Marks.",
         ["Russia is in a desperate situation right now,", "Spider"]),
        # apostrophes are not marks
        ("It\u2019s showing that Russia's army and the U.K.'s envoy agree.", []),
        # a sentence that begins inside a quote opened by the previous one
        ("It is turning the tide in the counter-firefight.\" Hertling said.",
         ["It is turning the tide in the counter-firefight."]),
        # British style: a quoted paragraph is left open
        ("He said: \u201cThey're also two desperate leaders of the world's most noted pariah states.",
         ["They're also two desperate leaders of the world's most noted pariah states."]),
        ("'Desperate' Russia Reaches Out to Pariah State North Korea", ["Desperate"]),
    ],
)
def test_quote_spans(text, quoted):
    assert [text[s:e] for s, e in quote_spans(text)] == quoted


@pytest.mark.parametrize(
    ("title", "source"),
    [
        ("Desperate Putin 'Scrambling for Help' From Kim Jong Un: Ret. U.S. General", "Ret. U.S. General"),
        ("A retired US general says resorting to asking Kim Jong Un for weapons shows how desperate Putin is.",
         "A retired US general"),
        ("Retired General Explains Why Putin Is Reportedly Seeking Closer Ties To Kim Jong Un", "Retired General"),
        ("Kim to visit Russia next week: report", "report"),
        ("Kremlin denies talks with North Korea, spokesman says", "spokesman"),
        ("Putin slammed as \u2018desperate\u2019 over \u2018scrambling for help\u2019 from North Korea", ""),
        ("'Desperate' Russia Reaches Out to Pariah State North Korea for Weapons Aid", ""),
        # a topic label before the colon is not a source
        ("Ukraine war: Putin slams West over sanctions", ""),
    ],
)
def test_headline_source(title, source):
    assert headline_source(title)[0] == source


# ---------------------------------------------------------------------------
# frame() on a small corpus
# ---------------------------------------------------------------------------

ARTICLES = pd.DataFrame([
    {"article_id": "a1", "outlet": "Daily Star", "n_words": 30,
     "title": "Putin slammed as \u2018desperate\u2019 over \u2018scrambling for help\u2019 from North Korea"},
    {"article_id": "a2", "outlet": "HuffPost", "n_words": 27,
     "title": "Retired General Explains Why Putin Is Reportedly Seeking Closer Ties To Kim Jong Un"},
    {"article_id": "a3", "outlet": "Newsweek", "n_words": 0, "title": ""},
])
SENTENCES = pd.DataFrame([
    {"sent_id": "a1-s0000", "article_id": "a1", "outlet": "Daily Star",
     "text": "The pair of despots have very few friends in the world, but Putin and Kim are leaning on each other."},
    {"sent_id": "a1-s0001", "article_id": "a1", "outlet": "Daily Star",
     "text": "He said: \u201cThey're also two desperate leaders of North Korea and Russia."},
    {"sent_id": "a2-s0000", "article_id": "a2", "outlet": "HuffPost",
     "text": "Retired Lt. Gen. Mark Hertling warned that the meeting between Vladimir Putin and Kim Jong Un shows "
             "the Russian president \u201cis scrambling for help\u201d as he remains isolated."},
])


@pytest.fixture(scope="module")
def framed():
    return frame(ARTICLES, SENTENCES, settings=Settings())


def test_loaded_terms_table(framed):
    rows = [tuple(r) for r in framed.loaded_terms[LOADED_COLUMNS].itertuples(index=False)]
    assert rows == [
        ("Daily Star", "a1", "body", "despot", "delegitimising", False, 1, "despots"),
        ("Daily Star", "a1", "body", "desperate", "weakness", True, 1, "desperate"),
        ("Daily Star", "a1", "headline", "slammed", "hostility", False, 1, "slammed"),
        ("Daily Star", "a1", "headline", "desperate", "weakness", True, 1, "desperate"),
        ("Daily Star", "a1", "headline", "scrambling", "weakness", True, 1, "scrambling"),
        ("HuffPost", "a2", "body", "isolated", "weakness", False, 1, "isolated"),
        ("HuffPost", "a2", "body", "scrambling", "weakness", True, 1, "scrambling"),
        ("HuffPost", "a2", "headline", "reportedly", "hedge", False, 1, "reportedly"),
    ]


def test_sentiment_table(framed):
    sentiment = framed.sentiment
    assert list(sentiment.columns) == SENTIMENT_COLUMNS
    assert list(sentiment["sent_id"]) == ["a1-title", "a2-title", "a1-s0000", "a1-s0001", "a2-s0000"]
    assert list(sentiment["location"]) == ["headline", "headline", "body", "body", "body"]
    assert ((sentiment[["pos", "neu", "neg"]].sum(axis=1) - 1).abs() < 0.01).all()
    # curly quotes are read like straight ones: "‘desperate’" still counts
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    straight = "Putin slammed as 'desperate' over 'scrambling for help' from North Korea"
    expected = SentimentIntensityAnalyzer().polarity_scores(straight)["compound"]
    assert sentiment.loc[0, "compound"] == pytest.approx(expected)
    assert expected != 0


def test_headlines_table(framed):
    headlines = framed.headlines
    assert list(headlines.columns) == HEADLINE_COLUMNS
    records = headlines.set_index("article_id")[
        ["actors", "lead_actor", "loaded_terms", "categories", "quoted", "source", "cites_source", "lead"]
    ].to_dict("index")
    assert records == {
        "a1": {"actors": "Putin;North Korea", "lead_actor": "Putin", "loaded_terms": "slammed;desperate;scrambling",
               "categories": "hostility;weakness", "quoted": "desperate;scrambling for help", "source": "",
               "cites_source": False, "lead": "actor: Putin"},
        "a2": {"actors": "Putin;Kim Jong Un", "lead_actor": "Putin", "loaded_terms": "reportedly",
               "categories": "hedge", "quoted": "", "source": "Retired General", "cites_source": True,
               "lead": "source: Retired General"},
    }
    assert headlines.set_index("article_id").loc["a2", "foregrounds"] == (
        "source: Retired General > actor: Putin > frame: reportedly > actor: Kim Jong Un"
    )
    assert list(headlines["n_words"]) == [11, 14]


def test_sentiment_cap_and_empty_inputs():
    capped = frame(ARTICLES, SENTENCES, settings=Settings(sentiment_max_sentences=1))
    assert list(capped.sentiment["sent_id"]) == ["a1-title", "a2-title", "a1-s0000", "a2-s0000"]
    # the cap limits sentiment only: loaded terms are still counted everywhere
    assert len(capped.loaded_terms) == 8
    empty = frame(pd.DataFrame(), pd.DataFrame(), settings=Settings())
    assert list(empty.loaded_terms.columns) == LOADED_COLUMNS and empty.loaded_terms.empty
    assert list(empty.sentiment.columns) == SENTIMENT_COLUMNS and empty.sentiment.empty
    assert list(empty.headlines.columns) == HEADLINE_COLUMNS and empty.headlines.empty


def test_loaded_rates(framed):
    rates = loaded_rates(framed.loaded_terms, ARTICLES, by=("outlet", "location"))
    got = {(r.outlet, r.location): (r.count, r.n_words, r.per_1000) for r in rates.itertuples()}
    assert got == {
        ("Daily Star", "body"): (2, 30, 66.667),
        ("Daily Star", "headline"): (3, 11, 272.727),
        ("HuffPost", "body"): (2, 27, 74.074),
        ("HuffPost", "headline"): (1, 14, 71.429),
    }


# ---------------------------------------------------------------------------
# The seeds
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_framing(seeds_dir):
    import newslib

    cov = newslib.compare(seeds_dir, stages=())
    return frame(cov.articles, cov.sentences, settings=cov.settings)


def test_seed_headlines_foreground(seed_framing):
    h = seed_framing.headlines.set_index("outlet")
    assert h.loc["Newsweek", "source"] == "Ret. U.S. General"
    assert h.loc["Newsweek", "actors"] == "Putin;Kim Jong Un"
    assert h.loc["Business Insider", "source"] == "A retired US general"
    assert h.loc["Business Insider", "actors"] == "Kim Jong Un;Putin"
    assert h.loc["CBN News", "lead"] == "frame: desperate"
    assert h.loc["CBN News", "actors"] == "Russia;North Korea"
    assert h.loc["Daily Star", "loaded_terms"] == "slammed;desperate;scrambling"
    # every headline but HuffPost's uses "desperate"
    assert sorted(o for o, terms in h["loaded_terms"].items() if "desperate" in terms.split(";")) == [
        "Business Insider", "CBN News", "Daily Star", "Newsweek",
    ]


def test_seed_loaded_terms_voice(seed_framing):
    lt = seed_framing.loaded_terms
    body = lt[lt["location"] == "body"]
    own = body[~body["in_quote"]].groupby("outlet")["term"].apply(set).to_dict()
    # the Daily Star's own voice calls them despots and the invasion an onslaught
    assert {"despot", "onslaught"} <= own["Daily Star"]
    # Insider's "desperate for help" is narration, not quote
    assert "desperate" in own["Business Insider"]
    # "pariah" is Hertling's word everywhere except in CBN's narration
    pariah = body[body["term"] == "pariah"]
    assert set(pariah[~pariah["in_quote"]]["outlet"]) == {"CBN News"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("See https://evil.example/desperate for more.", []),
        ("Contact desperate.times@evil.example today.", []),
        ('<img src="x" alt="evil regime"> was posted.', []),
        ("The evil regime is desperate: see www.evil.example.", ["evil", "regime", "desperate"]),
    ],
)
def test_words_in_urls_and_markup_are_not_loaded_language(text, expected):
    from newslib.framing import match_terms

    assert [t for t, _, _ in match_terms(text)] == expected
