"""Tests for newslib.variants: the same quote across outlets, its diff and change class."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from newslib.settings import Settings
from newslib.variants import VARIANT_COLUMNS, compare_versions, quote_variants, split_segments


def _quotes(rows: list[tuple[str, str, str | None, str]]) -> pd.DataFrame:
    """Quote rows as the quotes stage writes them: (article_id, outlet, speaker, text)."""
    counters: dict[str, int] = {}
    records = []
    for article_id, outlet, speaker, text in rows:
        n = counters.get(article_id, 0)
        counters[article_id] = n + 1
        records.append(
            {"quote_id": f"{article_id}-q{n:03d}", "article_id": article_id, "outlet": outlet,
             "sent_id": f"{article_id}-s{n:04d}", "text": text, "speaker": speaker,
             "speaker_mention": speaker, "role": "", "cue": "said", "kind": "direct",
             "start": 0, "end": len(text), "confidence": 1.0, "reason_if_unattributed": None}
        )
    return pd.DataFrame(records)


@pytest.mark.parametrize(
    ("reference", "version", "change", "diff"),
    [
        # the host's words as Newsweek quoted them vs the Daily Star's paraphrase in quote marks
        ("You opened this saying these are two of Washington's biggest rivals,",
         "Washington\u2019s biggest enemies",
         "substituted",
         "[-You opened this saying these are two of-] Washington\u2019s biggest [-rivals-] {+enemies+}"),
        # British spelling is not a change of wording
        ("They share the same type of caliber weapon systems.",
         "They share the same type of calibre weapon systems.",
         "punctuation_or_spelling",
         "They share the same type of {~caliber\u2192calibre~} weapon systems."),
        # an editor's "[is]" vs the speaker's question mark: same words
        ("Additional weapons from North Korea to Russia [is] not surprising at all,",
         "Additional weapons from North Korea to Russia? Not surprising at all.",
         "punctuation_or_spelling",
         "Additional weapons from North Korea to Russia? Not surprising at all."),
        # curly vs straight apostrophe, and the comma left by an interrupting attribution
        ("It's showing that Mr. Putin is scrambling for help.",
         "It\u2019s showing that Mr. Putin is scrambling for help,",
         "identical",
         "It\u2019s showing that Mr. Putin is scrambling for help,"),
        # partial quotes
        ("It's showing that Mr. Putin is scrambling for help.", "is scrambling for help",
         "truncated_start", "[-It's showing that Mr. Putin-] is scrambling for help"),
        ("But again, this is not going to strategically alter the outcome of the fight in Ukraine.",
         "But again, this is not going to strategically alter the outcome",
         "truncated_end", "But again, this is not going to strategically alter the outcome [-of the fight in Ukraine-]"),
        # a long cut is abbreviated in the diff
        ("North Koreans are looking for economic support, fuel, food, sources of cash, anything that can "
         "help to keep the regime afloat.",
         "anything that can help to keep the regime afloat.",
         "truncated_start",
         "[-North Koreans are \u2026 sources of cash-] anything that can help to keep the regime afloat."),
        # a cut marked with an ellipsis is an acknowledged truncation
        ("I don't think that this is going to have a great deal of significance on the Ukrainian battle",
         "I don't think that this is going to have a great deal...on the Ukrainian battle",
         "truncated_end",
         "I don't think that this is going to have a great deal [-of significance-]...on the Ukrainian battle"),
        # the same cut without an ellipsis silently changes the wording
        ("Russia is negotiating potential deals for significant quantities and multiple types of munitions",
         "Russia is negotiating potential deals for multiple types of munitions",
         "inserted",
         "Russia is negotiating potential deals for [-significant quantities and-] multiple types of munitions"),
        ("We are and should even be doing more to enforce the export controls.",
         "We are and should even be doing much more to enforce the export controls.",
         "inserted",
         "We are and should even be doing {+much+} more to enforce the export controls."),
        # a replaced word wins over a truncation
        ("There is no other way to look at that than desperation and weakness,",
         "no other way to look at that than desperation and panic",
         "substituted",
         "[-There is-] no other way to look at that than desperation and [-weakness-] {+panic+}"),
    ],
)
def test_compare_versions(reference: str, version: str, change: str, diff: str) -> None:
    assert compare_versions(reference, version) == (change, diff)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This will generate a lot of attention. It\u2019s showing that Mr. Putin is scrambling for help,",
         ["This will generate a lot of attention.", "It\u2019s showing that Mr. Putin is scrambling for help,"]),
        # a sentence with one content word stays with its neighbour
        ("Additional weapons from North Korea to Russia? Not surprising at all. They share the same type of "
         "caliber weapon systems.",
         ["Additional weapons from North Korea to Russia? Not surprising at all.",
          "They share the same type of caliber weapon systems."]),
        # abbreviations do not end a sentence
        ("The U.S. Army has seen Mr. Putin try this before, and Gen. Milley knows it.",
         ["The U.S. Army has seen Mr. Putin try this before, and Gen. Milley knows it."]),
        ("Now, quantity has a quality all of its own, don't get me wrong. But we have seen Ukrainian forces "
         "using precision weapons.",
         ["Now, quantity has a quality all of its own, don't get me wrong.",
          "But we have seen Ukrainian forces using precision weapons."]),
    ],
)
def test_split_segments(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_segments(text)] == expected


def test_partial_quote_with_unknown_speaker_joins_and_is_a_substitution() -> None:
    quotes = _quotes(
        [
            ("nw", "Newsweek", "Mark Hertling",
             "You opened this saying these are two of Washington's biggest rivals,"),
            ("nw", "Newsweek", "Mark Hertling",
             "They're also two desperate leaders of the world's most noted pariah states."),
            ("ds", "Daily Star", None, "Washington's biggest enemies"),
            ("ds", "Daily Star", "Mark Hertling",
             "They're also two desperate leaders of the world's most noted pariah states."),
        ]
    )
    table = quote_variants(quotes)
    assert list(table.columns) == VARIANT_COLUMNS
    first = table.iloc[0].to_dict()
    assert {k: first[k] for k in ("speaker", "outlet", "quote_id", "change", "diff")} == {
        "speaker": "Mark Hertling",
        "outlet": "Daily Star",
        "quote_id": "ds-q000",
        "change": "substituted",
        "diff": "[-You opened this saying these are two of-] Washington's biggest [-rivals-] {+enemies+}",
    }
    assert first["reference_text"] == "You opened this saying these are two of Washington's biggest rivals,"
    assert table[["quote_id", "change"]].values.tolist() == [
        ["ds-q000", "substituted"],
        ["nw-q000", "identical"],
        ["ds-q001", "identical"],
        ["nw-q001", "identical"],
    ]
    assert table["group_id"].nunique() == 2


def test_merged_and_interrupted_quotes_are_compared_sentence_by_sentence() -> None:
    quotes = _quotes(
        [
            # Newsweek: interrupted by "Hertling added."
            ("nw", "Newsweek", "Mark Hertling", "This will generate a lot of attention,"),
            ("nw", "Newsweek", "Mark Hertling", "It's showing that Mr. Putin is scrambling for help."),
            # Insider: both sentences in one quote
            ("bi", "Business Insider", "Mark Hertling",
             "This will generate a lot of attention. It\u2019s showing that Mr. Putin is scrambling for help,"),
            # HuffPost: only the end, as a partial quote
            ("hp", "HuffPost", "Mark Hertling", "is scrambling for help"),
        ]
    )
    table = quote_variants(quotes)
    records = table[["quote_id", "text", "change"]].values.tolist()
    assert records == [
        ["hp-q000", "is scrambling for help", "truncated_start"],
        ["bi-q000", "It\u2019s showing that Mr. Putin is scrambling for help,", "identical"],
        ["nw-q001", "It's showing that Mr. Putin is scrambling for help.", "identical"],
        ["bi-q000", "This will generate a lot of attention.", "identical"],
        ["nw-q000", "This will generate a lot of attention,", "identical"],
    ]


def test_editorial_brackets_and_spelling() -> None:
    quotes = _quotes(
        [
            ("nw", "Newsweek", "James Marks",
             "Additional weapons from North Korea to Russia [is] not surprising at all,"),
            ("nw", "Newsweek", "James Marks", "They share the same type of caliber weapon systems."),
            ("bi", "Business Insider", "James Marks",
             "Additional weapons from North Korea to Russia? Not surprising at all. They share the same type "
             "of caliber weapon systems."),
            ("ds", "Daily Star", "James Marks", "They share the same type of calibre weapon systems."),
        ]
    )
    table = quote_variants(quotes)
    changed = table[table["change"] != "identical"]
    assert sorted(changed[["outlet", "text", "change"]].values.tolist()) == [
        ["Business Insider", "Additional weapons from North Korea to Russia? Not surprising at all.",
         "punctuation_or_spelling"],
        ["Daily Star", "They share the same type of calibre weapon systems.", "punctuation_or_spelling"],
    ]
    # the reference is the most complete version: Newsweek's (it has the extra "[is]")
    assert set(table["reference_text"]) == {
        "Additional weapons from North Korea to Russia [is] not surprising at all,",
        "They share the same type of caliber weapon systems.",
    }


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        # the same quote twice in one article (lede and body) is not a cross-outlet variant
        ([("bi", "Business Insider", "Mark Hertling", "It\u2019s showing that Mr. Putin is scrambling for help,"),
          ("bi", "Business Insider", "Mark Hertling", "This will generate a lot of attention. It\u2019s showing "
           "that Mr. Putin is scrambling for help,")], "same article"),
        # two different known speakers never share a group
        ([("cbn", "CBN News", "John Kirby", "There is no other way to look at that than desperation and weakness,"),
          ("nw", "Newsweek", "Jake Sullivan", "There is no other way to look at that than desperation and weakness.")],
         "different speakers"),
        # sharing a couple of words is not the same quote
        ([("cbn", "CBN News", "David Petraeus", "Russia's obviously desperate for replacement munitions, "
           "replacement weapons systems, even microchips and everything else,"),
          ("ds", "Daily Star", "David Petraeus", "Russia is in a desperate situation right now.")],
         "different quotes"),
        # a one-word scare quote never joins a group
        ([("hp", "HuffPost", "James Marks", "desperate"),
          ("ds", "Daily Star", "James Marks", "Russia is in a desperate situation right now.")], "too short"),
    ],
)
def test_no_group(rows, reason) -> None:
    table = quote_variants(_quotes(rows))
    assert table.empty, reason
    assert list(table.columns) == VARIANT_COLUMNS


def test_indirect_speech_is_not_a_wording_variant() -> None:
    quotes = _quotes(
        [("hp", "HuffPost", "James Marks", "North Korea's weapons are unlikely to turn the tide of the war in Russia's favor"),
         ("bi", "Business Insider", "James Marks", "North Korea's weapons are unlikely to turn the tide of the war")]
    )
    assert len(quote_variants(quotes)) == 2
    quotes.loc[0, "kind"] = "indirect"
    assert quote_variants(quotes).empty


def test_unknown_speaker_never_bridges_two_speakers() -> None:
    slogan = "We will not allow Russia to reap the benefits of that partnership with Pyongyang."
    quotes = _quotes(
        [("a", "CBN News", "John Kirby", slogan), ("b", "Newsweek", "Jake Sullivan", slogan),
         ("c", "HuffPost", None, slogan)]
    )
    table = quote_variants(quotes)
    assert len(table) == 2
    assert table["speaker"].nunique() == 1
    assert "c-q000" in set(table["quote_id"])


def test_group_ids_are_deterministic_and_order_free() -> None:
    rows = [
        ("nw", "Newsweek", "Mark Hertling", "They're also two desperate leaders of the world's most noted pariah states."),
        ("bi", "Business Insider", "Mark Hertling", "two desperate leaders of the world\u2019s most noted pariah states."),
        ("ds", "Daily Star", "Mark Hertling", "They're also two desperate leaders of the world's most noted pariah states."),
    ]
    one = quote_variants(_quotes(rows))
    two = quote_variants(_quotes(rows[::-1]))
    assert one.equals(two)
    assert one["group_id"].str.fullmatch(r"v[0-9a-f]{12}").all()


def test_empty_quotes() -> None:
    assert list(quote_variants(pd.DataFrame()).columns) == VARIANT_COLUMNS


def test_blocking_does_not_compare_all_pairs(monkeypatch) -> None:
    """5,000 quotes: rapidfuzz is called for candidate pairs only, not for 12.5 million pairs."""
    from rapidfuzz import fuzz

    calls = {"n": 0}
    real = fuzz.partial_ratio

    def counting(a, b, *args, **kwargs):
        calls["n"] += 1
        return real(a, b, *args, **kwargs)

    monkeypatch.setattr(fuzz, "partial_ratio", counting)
    rng = random.Random(3)
    vocab = [f"{w}{i}" for i in range(800) for w in ("tank", "shell", "drone", "envoy", "treaty")]
    fillers = "the a of to in and is that it for on with".split()
    base = []
    for i in range(1250):
        words = [rng.choice(vocab) if rng.random() < 0.6 else rng.choice(fillers) for _ in range(14)]
        base.append((f"Speaker {i % 300}", " ".join(words).capitalize() + "."))
    rows = []
    for j in range(5000):
        speaker, text = base[j % 1250]
        rows.append((f"art{j:05d}", f"Outlet {j % 25}", speaker, text))
    table = quote_variants(_quotes(rows))
    assert calls["n"] < 50_000
    # every base quote is printed by four articles: 1,250 groups of four identical rows
    assert table["group_id"].nunique() == 1250
    assert (table["change"] == "identical").all()


#: What the seed corpus must show (outlet, change, diff), with the quotes stage's own output.
SEED_CHANGES = [
    ("Daily Star", "substituted",
     "[-You opened this saying these are two of-] Washington's biggest [-rivals-] {+enemies+}"),
    ("HuffPost", "truncated_start", "[-It's showing that Mr. Putin-] is scrambling for help"),
    ("Business Insider", "truncated_start",
     "[-They're also-] two desperate leaders of the world\u2019s most noted pariah states."),
    ("HuffPost", "truncated_start",
     "[-But again, this is not going to-] strategically alter the outcome of the fight in Ukraine."),
    ("Daily Star", "punctuation_or_spelling", "They share the same type of {~caliber\u2192calibre~} weapon systems."),
    ("Business Insider", "punctuation_or_spelling",
     "Additional weapons from North Korea to Russia? Not surprising at all."),
]


def test_seed_quote_variants() -> None:
    import newslib

    cov = newslib.compare("data/seeds", stages=("quotes",))
    table = cov.quote_variants
    changed = table[table["change"] != "identical"]
    assert sorted(map(tuple, changed[["outlet", "change", "diff"]].values.tolist())) == sorted(SEED_CHANGES)
    assert table.iloc[0]["change"] == "substituted"
    # nine sentences of Hertling and Marks are carried by two or more outlets
    assert table["group_id"].nunique() == 9
    assert set(table["speaker"]) == {"Mark Hertling", "James Marks"}


def test_settings_threshold_is_used() -> None:
    quotes = _quotes(
        [("nw", "Newsweek", "Mark Hertling", "You opened this saying these are two of Washington's biggest rivals,"),
         ("ds", "Daily Star", None, "Washington's biggest enemies")]
    )
    assert len(quote_variants(quotes, settings=Settings(variant_min_similarity=80.0))) == 2
    assert quote_variants(quotes, settings=Settings(variant_min_similarity=90.0)).empty
