"""Tests for newslib.sources: which organisations, groups and documents an article cites."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from newslib import source_patterns as sp
from newslib.sources import SOURCE_COLUMNS, canonical_outlet, find_sources, source_mentions


def _cited(text: str, *, outlet: str | None = None, context: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    found = source_mentions(text, outlet=outlet, context=context)
    found = found[found["cited"]]
    return list(dict.fromkeys(zip(found["source"], found["kind"])))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # media, cue after the name (reporting verb, with a time phrase in between)
        (
            "Kim is purportedly planning to meet with Putin later this month, The New York Times reported "
            "Monday, citing American and other officials.",
            [("The New York Times", "media"), ("U.S. officials", "official")],
        ),
        (
            "The New York Times on Monday reported that Kim is planning to travel to Vladivostok.",
            [("The New York Times", "media")],
        ),
        # media, cue before the name
        (
            "\u201cIt\u2019s showing that Mr. Putin is scrambling for help,\u201d retired Lt. Gen. Mark Hertling told CNN.",
            [("CNN", "media")],
        ),
        (
            "But John Everard, who served as the U.K.\u2019s ambassador to North Korea, told the BBC North "
            "Korea\u2019s stockpiles are \u201cin very poor condition.\u201d",
            [("BBC", "media")],
        ),
        # a show is its network; both mentions give one row
        (
            "Speaking to CNN's The Situation Room, former US Army General Mark Hertling took umbridge with "
            "the host's suggestion.",
            [("CNN", "media")],
        ),
        (
            "\u201cThere\u2019s nothing strategic about it,\u201d Marks told CNN\u2019s \u201cSituation Room.\u201d",
            [("CNN", "media")],
        ),
        (
            '"You opened this saying these are two of Washington\'s biggest rivals," Hertling told Acosta '
            "during Monday's edition of The Situation Room.",
            [("CNN", "media")],
        ),
        # possessive: the outlet's journalist
        (
            "Hertling was speaking to CNN\u2019s Jim Acosta on Monday.",
            [("CNN", "media")],
        ),
        ("The retired general, who spoke with CNN's Jim Acosta, was blunt.", [("CNN", "media")]),
        ('"Russia is in a desperate situation," said Marks, who joined Hertling on CNN.', [("CNN", "media")]),
        (
            "In May, open-source intelligence website Oryx said the Russian military has lost at least "
            "two-thirds of its tanks.",
            [("Oryx", "media")],
        ),
        # officials: every spelling of the country is one canonical group
        ("US officials estimated last month that casualties are approaching 300,000.", [("U.S. officials", "official")]),
        (
            "The claim came from a United States official, who said that they will probably meet in Vladivostok.",
            [("U.S. officials", "official")],
        ),
        (
            "Putin wants \u201cartillery shells\u201d from North Korea, U.S. and allied officials told the Times.",
            [("U.S. officials", "official"), ("The Times", "media")],
        ),
        (
            "The Times report, which cited several unnamed officials from the US and its allies, added that "
            "Kim was seeking food supplies.",
            [("The Times", "media"), ("U.S. officials", "official")],
        ),
        (
            "Shoigu tried to persuade North Korea to sell artillery ammunition to Russia, US intelligence has claimed.",
            [("U.S. intelligence", "official")],
        ),
        (
            "According to new U.S. intelligence, a sanction-strapped Moscow is seeking to buy artillery shells.",
            [("U.S. intelligence", "official")],
        ),
        (
            "The White House said last week that it had intelligence indicating that Putin and Kim swapped letters.",
            [("White House", "official")],
        ),
        (
            "Last week, White House press secretary Karine Jean-Pierre warned arms negotiations were "
            "\u201cactively advancing.\u201d",
            [("White House", "official")],
        ),
        (
            "National Security Council spokesperson Adrienne Watson on Monday called on North Korea "
            "\u201cto cease its arms negotiations.\u201d",
            [("National Security Council", "official")],
        ),
        (
            '"There is no other way to look at that than desperation and weakness," said National Security '
            "Council Spokesman John Kirby.",
            [("National Security Council", "official")],
        ),
        (
            "Kremlin spokesman Dmitry Peskov told reporters the talks would go ahead.",
            [("Kremlin", "official")],
        ),
        # experts
        ("Experts say the reclusive Kim Jong Un will likely take the same route.", [("experts", "expert")]),
        (
            '"I think that it comes at the time when Russia is increasingly globally isolated," said '
            "Alexander Gabuev with the Carnegie Moscow Center.",
            [("Carnegie Moscow Center", "expert")],
        ),
        (
            "Russian forces made marginal gains near Bakhmut, the Institute for the Study of War said in its "
            "latest assessment.",
            [("Institute for the Study of War", "expert")],
        ),
        # documents
        (
            "Putin is hoping to gain additional artillery shells from Kim, according to the report.",
            [("the report", "document")],
        ),
        (
            "News of a potential meeting follows leaked documents released last month that reportedly show "
            "Putin reaching out to the Iranians.",
            [("leaked documents", "document")],
        ),
    ],
)
def test_cited_sources(text: str, expected: list[tuple[str, str]]) -> None:
    assert _cited(text) == expected


@pytest.mark.parametrize(
    ("text", "outlet", "mention", "reason"),
    [
        # asked for comment: not a source
        ("Newsweek reached out to the Russian Foreign Ministry via email for comment.", "Newsweek",
         "Russian Foreign Ministry", "contacted_for_comment"),
        ("Newsweek reached out to the Russian Foreign Ministry via email for comment.", "Newsweek",
         "Newsweek", "own_outlet"),
        # did not comment: not a source
        ("A representative for Russia\u2019s foreign ministry did not immediately respond to a request for "
         "comment from Insider sent outside regular business hours.", "Business Insider",
         "Russia\u2019s foreign ministry", "no_comment"),
        ("A representative for Russia\u2019s foreign ministry did not immediately respond to a request for "
         "comment from Insider sent outside regular business hours.", "Business Insider",
         "Insider", "own_outlet"),
        ("The Kremlin has so far refused to comment on the reports.", "HuffPost", "Kremlin", "no_comment"),
        ("The Pentagon declined to comment on the intelligence assessment.", "Reuters", "Pentagon", "no_comment"),
        # mentioned as a subject of the news, not as a source
        ("Now, it looks like the Kremlin is turning to another pariah state for help: North Korea.", "CBN News",
         "Kremlin", "no_cue"),
        ("Reports of an upcoming summit between Vladimir Putin and Kim Jong Un have U.S. officials on alert.",
         "CBN News", "U.S. officials", "no_cue"),
        ("Jean-Pierre said another group of Russian officials subsequently visited North Korea.", "HuffPost",
         "Russian officials", "no_cue"),
        ('"Russia is negotiating potential deals," said Linda Thomas-Greenfield, the U.S. representative '
         "to the United Nations.", "CBN News", "United Nations", "no_cue"),
        # a past affiliation is not the institution speaking
        ("Former U.S. Army General and CIA director David Petraeus warns the West needs to heighten its "
         "economic pressure against the Kremlin.", "CBN News", "CIA", "former_affiliation"),
        # "The Times report" is the Times, not a separate document
        ("The Times report, which cited several unnamed officials, added that Kim was seeking food supplies.",
         "Business Insider", "report", "owned_by_named_source"),
    ],
)
def test_mentions_that_are_not_sources(text: str, outlet: str, mention: str, reason: str) -> None:
    found = source_mentions(text, outlet=outlet)
    row = found[found["mention"] == mention]
    assert len(row) == 1
    assert not row["cited"].iloc[0]
    assert row["reason"].iloc[0] == reason


@pytest.mark.parametrize(
    ("context", "text", "expected"),
    [
        # the Times after The New York Times is the New York Times
        (("The New York Times reported on Monday that Kim is planning to travel to Russia.",),
         "Kim is looking for satellite technology, U.S. and allied officials told the Times.",
         [("U.S. officials", "official"), ("The New York Times", "media")]),
        (("Kim's train was spotted in Vladivostok, the Financial Times reported.",),
         "The Times said the talks would cover artillery shells.",
         [("Financial Times", "media")]),
        # with no full name in the article, the short form stays as written
        ((), "The Times said the talks would cover artillery shells.", [("The Times", "media")]),
        # "the Post" after The Washington Post
        (("The Washington Post first reported the letters.",),
         "Officials confirmed the exchange to the Post on Tuesday.",
         [("unnamed officials", "official"), ("The Washington Post", "media")]),
    ],
)
def test_short_forms_resolve_within_the_article(context, text, expected) -> None:
    assert _cited(text, context=context) == expected


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [("Business Insider", "Business Insider"), ("Newsweek", "Newsweek"), ("CBN News", "CBN News"),
     ("Daily Star", "Daily Star"), ("Kyiv Post Weekly", "Kyiv Post Weekly")],
)
def test_canonical_outlet(outlet: str, expected: str) -> None:
    assert canonical_outlet(outlet) == expected


def _top_level_alternatives(pattern: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for i, char in enumerate(pattern):
        escaped = i > 0 and pattern[i - 1] == "\\"
        if char == "(" and not escaped:
            depth += 1
        elif char == ")" and not escaped:
            depth -= 1
        if char == "|" and depth == 0 and not escaped:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


@pytest.mark.parametrize("pattern", [row.pattern for row in (*sp.NAMED_SOURCES, *sp.SHORT_FORMS)])
def test_named_patterns_start_with_a_capital(pattern: str) -> None:
    # the matcher skips word starts that are not a capital or a digit (see sources._compiled)
    for alternative in _top_level_alternatives(pattern):
        assert re.match(r"(?:\(\?<=[^)]*\))?(?:\(\?:)?[A-Z0-9]", alternative), alternative


@pytest.mark.parametrize("kind", sorted({row.kind for row in (*sp.NAMED_SOURCES, *sp.SHORT_FORMS, *sp.GROUP_SOURCES)}))
def test_pattern_kinds_are_known(kind: str) -> None:
    assert kind in sp.KINDS


def _sentences(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"sent_id": f"{aid}-s{i:04d}", "article_id": aid, "outlet": outlet, "paragraph": i,
             "position": 0.0, "start": 0, "end": len(text), "text": text}
            for i, (aid, outlet, text) in enumerate(rows)
        ]
    )


def test_find_sources_one_row_per_sentence_and_source() -> None:
    sentences = _sentences(
        [
            ("a1", "HuffPost", "The New York Times on Monday reported that Kim is planning to travel to Russia."),
            ("a1", "HuffPost", "Putin wants \u201cartillery shells,\u201d U.S. and allied officials told the Times."),
            ("a1", "HuffPost", "The Kremlin has so far refused to comment on the reports."),
            ("a2", "Daily Star", "Speaking to CNN's The Situation Room, Hertling said Putin was desperate."),
            ("a2", "Daily Star", "For the latest news from the Daily Star, sign up for our newsletter."),
        ]
    )
    articles = pd.DataFrame({"article_id": ["a1", "a2"], "outlet": ["HuffPost", "Daily Star"]})
    table = find_sources(sentences, articles)
    assert list(table.columns) == SOURCE_COLUMNS
    assert table[["sent_id", "source", "kind"]].values.tolist() == [
        ["a1-s0000", "The New York Times", "media"],
        ["a1-s0001", "U.S. officials", "official"],
        ["a1-s0001", "The New York Times", "media"],
        ["a2-s0003", "CNN", "media"],
    ]
    assert table["text"].iloc[3] == "Speaking to CNN's The Situation Room, Hertling said Putin was desperate."


def test_find_sources_empty_input() -> None:
    empty = find_sources(_sentences([]).reindex(columns=["sent_id", "article_id", "outlet", "text"]), None)
    assert list(empty.columns) == SOURCE_COLUMNS and empty.empty


#: Every source the five seed articles cite: (outlet, source, kind, words of the citing sentence).
SEED_SOURCES = [
    ("Newsweek", "The New York Times", "media", "The New York Times reported Monday"),
    ("Newsweek", "U.S. officials", "official", "citing American and other officials"),
    ("Newsweek", "the report", "document", "according to the report"),
    ("Newsweek", "CNN", "media", "who spoke with CNN's Jim Acosta"),
    ("Newsweek", "CNN", "media", "edition of The Situation Room"),
    ("Newsweek", "CNN", "media", "who joined Hertling on CNN"),
    ("Business Insider", "CNN", "media", "Mark Hertling told CNN."),
    ("Business Insider", "The New York Times", "media", "The New York Times reported on Monday"),
    ("Business Insider", "The New York Times", "media", "The Times report, which cited"),
    ("Business Insider", "U.S. officials", "official", "unnamed officials from the US and its allies"),
    ("Business Insider", "CNN", "media", "speaking to CNN\u2019s Jim Acosta"),
    ("Business Insider", "U.S. officials", "official", "US officials estimated"),
    ("Business Insider", "Oryx", "media", "website Oryx said"),
    ("Business Insider", "CNN", "media", "who was speaking to CNN alongside Hertling"),
    ("Business Insider", "CNN", "media", "Marks told CNN."),
    ("HuffPost", "The New York Times", "media", "to hold talks with the Russian president."),
    ("HuffPost", "The New York Times", "media", "to hold talks with Putin."),
    ("HuffPost", "U.S. officials", "official", "allied officials told the Times"),
    ("HuffPost", "The New York Times", "media", "allied officials told the Times"),
    ("HuffPost", "CNN", "media", "Hertling told CNN Monday"),
    ("HuffPost", "White House", "official", "White House press secretary Karine Jean-Pierre"),
    ("HuffPost", "BBC", "media", "told the BBC"),
    ("HuffPost", "CNN", "media", "Marks told CNN\u2019s \u201cSituation Room.\u201d"),
    ("HuffPost", "National Security Council", "official", "spokesperson Adrienne Watson"),
    ("Daily Star", "U.S. officials", "official", "came from a United States official"),
    ("Daily Star", "CNN", "media", "Speaking to CNN's The Situation Room"),
    ("Daily Star", "U.S. intelligence", "official", "US intelligence has claimed"),
    ("Daily Star", "White House", "official", "The White House said last week"),
    ("Daily Star", "National Security Council", "official", "spokesman John Kirby said"),
    ("CBN News", "experts", "expert", "Experts say"),
    ("CBN News", "Carnegie Moscow Center", "expert", "with the Carnegie Moscow Center"),
    ("CBN News", "U.S. intelligence", "official", "According to new U.S. intelligence"),
    ("CBN News", "leaked documents", "document", "follows leaked documents"),
    ("CBN News", "National Security Council", "official", "Spokesman John Kirby"),
]


def test_seed_sources_exactly() -> None:
    import newslib

    cov = newslib.compare("data/seeds", stages=())
    table = find_sources(cov.sentences, cov.articles)
    got = sorted(zip(table["outlet"], table["source"], table["kind"], table["text"]))
    assert len(got) == len(SEED_SOURCES)
    unmatched = list(got)
    for outlet, source, kind, words in SEED_SOURCES:
        hit = next(
            (row for row in unmatched if row[:3] == (outlet, source, kind) and words in row[3]), None
        )
        assert hit is not None, (outlet, source, kind, words)
        unmatched.remove(hit)
    assert unmatched == []


def test_the_paper_is_an_unnamed_source():
    import newslib

    text = ("Officials plan to close the bridge for a month, the paper reported.\n\n"
            "The plan was printed on paper and posted on the door.")
    cov = newslib.compare(newslib.Corpus.from_records([{"id": "a", "outlet": "X", "text": text}]),
                          stages=("quotes", "sources"))
    rows = cov.sources[cov.sources["source"] == "the paper"]
    assert rows["text"].tolist() == ["Officials plan to close the bridge for a month, the paper reported."]
