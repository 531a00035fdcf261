"""Tests for newslib.conflicts and its helper newslib.timeexpr: where outlets disagree."""

from __future__ import annotations

import pandas as pd
import pytest

from newslib.conflicts import CONFLICT_COLUMNS, find_conflicts, person_ranks, rank_of, wording_changes
from newslib.settings import Settings
from newslib.timeexpr import compare_times, extract_quantities, extract_times, quantities_agree

EMPTY = pd.DataFrame()

# ---------------------------------------------------------------------------
# Time expressions
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The New York Times reported on Monday that Kim is planning to travel to Russia later this "
            "month to discuss supplying weapons to Russia.",
            "2023-09-05",
            [("Monday", "monday", "speech", False), ("later this month", "2023-09", "meeting", False)],
        ),
        (
            "A meeting set to take place next month is aimed at Putin buying weapons from North Korea.",
            "",
            [("next month", "month +1", "meeting", False)],
        ),
        (
            "The last high-level meeting of this kind happened in April 2019, when North Korea's dictator "
            "took an armored train from Pyongyang to visit Putin in Vladivostok.",
            None,
            [("April 2019", "2019-04", "meeting", False)],
        ),
        (
            "Russia has incurred significant losses since it invaded Ukraine in February 2022.",
            None,
            [("February 2022", "2022-02", "war", False)],
        ),
        (
            "US officials estimated last month that Russia's military casualties are approaching 300,000.",
            "2023-09-05",
            [("last month", "2023-08", "speech", False)],
        ),
        (
            "Defense ministers from both countries will hold talks in Pyongyang on Sept. 12, officials said.",
            "2023-09-05",
            [("Sept. 12", "2023-09-12", "meeting", False)],
        ),
        (
            "The two leaders are expected to meet on 12 September, the Kremlin confirmed.",
            None,
            [("12 September", "????-09-12", "meeting", False)],
        ),
        (
            "\u201cWe will respect their decision after what happened on Thursday,\u201d Greaves told "
            "reporters on Monday.",
            None,
            [("Thursday", "thursday", "", True), ("Monday", "monday", "speech", False)],
        ),
        (
            "John Everard served as the U.K.'s ambassador to North Korea from 2006 to 2008.",
            None,
            [("2006", "2006", "", False), ("2008", "2008", "", False)],
        ),
        # month names need a preposition: Theresa May is not a month
        ("Theresa May said the talks may resume.", None, []),
        ("Experts say the reclusive Kim Jong Un will likely take the same route later this month.", None,
         [("later this month", "month +0", "meeting", False)]),
    ],
)
def test_extract_times(text, published, expected):
    found = [(t.text, t.reading, t.event, t.quoted) for t in extract_times(text, published)]
    assert found == expected


def _time(text: str, published: str | None = None):
    (found,) = extract_times(text, published)
    return found


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # "later" refines a period without changing it
        (("Kim will travel to Russia later this month.", None), ("Kim will travel to Russia this month.", None),
         (True, 0)),
        (("A meeting set to take place next month.", None), ("They plan to meet later this month.", None),
         (False, 1)),
        # resolved against a publication date on one side only: offsets compare
        (("Kim will travel later this month.", "2023-09-05"), ("A meeting set to take place next month.", None),
         (False, 1)),
        # same words written on different days: no disagreement
        (("The summit is this month.", "2023-08-31"), ("The summit is this month.", "2023-09-01"), (True, 0)),
        # different words that name the same calendar month
        (("The summit is next month.", "2023-08-31"), ("The summit is this month.", "2023-09-01"), (True, 0)),
        # an absolute date cannot be compared with an unresolved relative one
        (("The last meeting was in April 2019.", None), ("They meet later this month.", None), None),
        (("The White House said on Monday.", None), ("The White House said on Tuesday.", None), (False, 1)),
        (("The White House said last week.", None), ("The White House said this month.", None), None),
        (("The invasion began in February 2022.", None), ("The invasion began in February.", None), (True, 0)),
    ],
)
def test_compare_times(a, b, expected):
    assert compare_times(_time(*a), _time(*b)) == expected


# ---------------------------------------------------------------------------
# Quantities
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "US officials estimated last month that Russia\u2019s military casualties are approaching 300,000, "
            "of which as many as 120,000 are deaths, and up to 180,000 are injuries.",
            [("approaching 300,000", 300000.0, "casualti", "approaching"),
             ("as many as 120,000", 120000.0, "death", "as many as"),
             ("up to 180,000", 180000.0, "injuri", "up to")],
        ),
        (
            "In May, Oryx said the Russian military has lost at least two-thirds of its tanks since the war began.",
            [("at least two-thirds", 2 / 3, "share:tank", "at least")],
        ),
        (
            "Leaked documents reportedly show Putin reaching out to the Iranians to help Russia build over "
            "6,000 attack drones for its ongoing war.",
            [("over 6,000", 6000.0, "drone", "over")],
        ),
        (
            "They are not the kind that you can point and hit a target within a 10-foot or 10-meter circular error.",
            [("10", 10.0, "foot", ""), ("10", 10.0, "meter", "")],
        ),
        ("The European Union approved a $2 billion aid package for Kyiv.", [("$2 billion", 2e9, "usd", "")]),
        ("Inflation in Marskga reached 6.5 percent, the statistics office said.",
         [("6.5 percent", 0.065, "percent", "")]),
        ("They're also two desperate leaders of the world's most noted pariah states.",
         [("two", 2.0, "leader", "")]),
        # the unit is the counted noun, not a word of the clause after it
        ("The army will buy 300 shells later this month, officials said.", [("300", 300.0, "shell", "")]),
        ("Three factories increased output at 344 local dams near the border.",
         [("Three", 3.0, "factori", ""), ("344", 344.0, "dam", "")]),
        ("Russia has lost 2,000 armed drones since May.", [("2,000", 2000.0, "drone", "")]),
        # years, pronoun "one" and numbers without a unit are not quantities
        ("In 2019, aid agencies raised concerns about two of Washington's biggest rivals.", []),
        ("Putin at one point seemed to find a friend in China.", []),
    ],
)
def test_extract_quantities(text, expected):
    found = [(q.text, q.value, q.unit, q.qualifier) for q in extract_quantities(text)]
    assert [f[:1] + f[2:] for f in found] == [e[:1] + e[2:] for e in expected]
    assert [f[1] for f in found] == pytest.approx([e[1] for e in expected])


def _quantity(text: str):
    (found,) = extract_quantities(text)
    return found


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("Casualties are approaching 300,000.", "Casualties have reached 250,000.", False),
        ("Casualties are approaching 300,000.", "As many as 320,000 casualties were counted.", True),
        ("Casualties reached 300,000.", "Casualties reached 297,500.", True),  # within 1 %
        ("Casualties reached 300,000.", "Casualties reached 290,000.", False),
        ("About 300,000 casualties were counted.", "Some 320,000 casualties were counted.", True),
        ("The army lost at least two-thirds of its tanks.", "The army lost half of its tanks.", False),
    ],
)
def test_quantities_agree(a, b, agree):
    assert quantities_agree(_quantity(a), _quantity(b), tolerance=0.01) is agree


# ---------------------------------------------------------------------------
# Ranks and wording
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "rank"),
    [
        ("retired Lt. Gen.", "lieutenant general"),
        ("retired US Lt. Gen.", "lieutenant general"),
        ("Retired United States Army General", "general"),
        ("former US Army General", "general"),
        ("retired Army Major General", "major general"),
        ("Retired Maj. Gen.", "major general"),
        ("Former U.S. Army General and CIA director", "general"),
        ("the commanding general of US Army Europe", ""),
        ("Attorney General", ""),
        ("National Security Council spokesman", ""),
        ("Lt. Gov.", ""),
    ],
)
def test_rank_of(phrase, rank):
    assert rank_of(phrase) == rank


@pytest.mark.parametrize(
    ("reference", "variant", "changes"),
    [
        ("You opened this saying these are two of Washington's biggest rivals,", "Washington's biggest enemies",
         [("rivals", "enemies")]),
        ("Russia is in a desperate situation right now,", "Russia is in a dire situation right now.",
         [("desperate", "dire")]),
        # spelling, hyphenation, number words, quote marks and case are never conflicts
        ("They share the same type of caliber weapon systems.", "They share the same type of calibre weapon systems.",
         []),
        ("artillery shells and anti-tank missiles", "artillery shells and antitank missiles", []),
        ("two desperate leaders of the world's most noted pariah states", "2 desperate leaders of the world\u2019s "
         "most noted pariah states", []),
        ("It\u2019s showing that Mr. Putin is scrambling for help,", "it's showing that Mr Putin is scrambling for "
         "help.", []),
        # a cut is a truncation, not a changed word
        ("This will generate a lot of attention. It's showing that Mr. Putin is scrambling for help.",
         "It's showing that Mr. Putin is scrambling for help.", []),
    ],
)
def test_wording_changes(reference, variant, changes):
    assert wording_changes(reference, variant) == changes


# ---------------------------------------------------------------------------
# find_conflicts on hand-built tables
# ---------------------------------------------------------------------------

NW, BI, HP, DS = "000_nw", "001_bi", "002_hp", "003_ds"


def _articles(published: dict[str, str] | None = None) -> pd.DataFrame:
    outlets = {NW: "Newsweek", BI: "Business Insider", HP: "HuffPost", DS: "Daily Star"}
    published = published or {}
    return pd.DataFrame(
        [{"article_id": a, "outlet": o, "title": "", "published": published.get(a, "")} for a, o in outlets.items()]
    )


def _sentences(rows: list[tuple[str, str]]) -> pd.DataFrame:
    outlets = dict(zip(_articles()["article_id"], _articles()["outlet"]))
    counters: dict[str, int] = {}
    out = []
    for article_id, text in rows:
        n = counters.get(article_id, 0)
        counters[article_id] = n + 1
        out.append({"sent_id": f"{article_id}-s{n:04d}", "article_id": article_id, "outlet": outlets[article_id],
                    "paragraph": n, "position": 0.0, "start": 0, "end": len(text), "text": text})
    return pd.DataFrame(out)


def _links(groups: dict[str, list[str]], sentences: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    by_id = sentences.set_index("sent_id")
    links = pd.DataFrame(
        [{"claim_id": c, "sent_id": s, "article_id": by_id.loc[s, "article_id"], "outlet": by_id.loc[s, "outlet"],
          "score": 1.0} for c, members in groups.items() for s in members]
    )
    claims = pd.DataFrame(
        [{"claim_id": c, "label": "", "n_outlets": len(m), "outlets": "", "kind": "narrative"}
         for c, m in groups.items()]
    )
    return claims, links


def _conflicts(sentences, claims=EMPTY, links=EMPTY, *, articles=None, quotes=EMPTY, speakers=EMPTY,
               variants=EMPTY, **options) -> pd.DataFrame:
    return find_conflicts(
        claims=claims, claim_links=links, sentences=sentences, articles=_articles() if articles is None else articles,
        quotes=quotes, speakers=speakers, quote_variants=variants, settings=Settings(**options),
    )


def _records(table: pd.DataFrame, columns=("kind", "claim_id", "outlet_a", "value_a", "outlet_b", "value_b", "basis")):
    return [tuple(r) for r in table[list(columns)].itertuples(index=False)]


MEETING = [
    (NW, "North Korea leader Kim Jong Un is purportedly planning to meet with Russian President Vladimir Putin "
         "later this month to discuss supplying Moscow with weapons for its invasion of Ukraine, The New York "
         "Times reported Monday."),
    (BI, "The New York Times reported on Monday that Kim is planning to travel to Russia later this month to "
         "discuss supplying weapons to Russia."),
    (HP, "The New York Times on Monday reported that Kim is planning to travel to Vladivostok, likely using an "
         "armored train, this month to hold talks with Putin."),
    (DS, "A meeting set to take place next month is aimed at Putin buying weapons from North Korea to help him "
         "continue his invasion of Ukraine."),
    (DS, "Russian President Vladimir Putin and North Korean leader Kim Jong-un are set to meet in Vladivostok."),
    # the same quote in every outlet: what makes the four articles one story
    (NW, "\"It's showing that Mr. Putin is scrambling for help,\" Mark Hertling told CNN."),
    (BI, "\u201cIt\u2019s showing that Mr. Putin is scrambling for help,\u201d Mark Hertling told CNN."),
    (HP, "\u201cIt\u2019s showing that Mr. Putin is scrambling for help,\u201d Hertling told CNN Monday."),
    (DS, "\u201cIt's showing that Mr. Putin is scrambling for help,\u201d Mark Hertling told CNN's The Situation Room."),
    (BI, "Potential arms negotiations between Russia and North Korea show just how desperate for help Russian "
         "President Vladimir Putin is, said Mark Hertling."),
]


def test_date_conflict_inside_a_claim():
    paraphrase = ("Kim is planning to travel to Russia next month to discuss supplying weapons to Moscow, the Times "
                  "reported on Monday.")
    sents = _sentences(MEETING + [(DS, paraphrase)])
    ids = list(sents["sent_id"])
    claims, links = _links({"c_meet": [ids[1], ids[2], ids[-1]]}, sents)
    table = _conflicts(sents, claims, links, articles=_articles({BI: "2023-09-05"}), conflict_event_fallback=False)
    # HuffPost's wording ("travel to Vladivostok, likely using an armored train,
    # this month to hold talks") overlaps too little (Jaccard 0.29) to be
    # compared inside the claim; with the event fallback on, the names it
    # shares with the paraphrase (Kim, Times) pair it.
    assert _records(table) == [
        ("date", "c_meet", "Business Insider", "later this month (2023-09)", "Daily Star", "next month (month +1)",
         "claim"),
    ]
    with_fallback = _conflicts(sents, claims, links, articles=_articles({BI: "2023-09-05"}))
    assert ("HuffPost", "Daily Star", "event") in set(
        zip(with_fallback["outlet_a"], with_fallback["outlet_b"], with_fallback["basis"])
    )
    assert table.loc[0, "evidence_b"] == paraphrase
    assert table.loc[0, "evidence_id_b"] == ids[-1]


def test_claim_members_that_only_share_a_topic_are_not_compared():
    """A claim may group the Daily Star's differently worded meeting sentence with
    the others; it is too different to compare inside the claim, and the event
    fallback (switched off here) is what pairs it."""
    sents = _sentences(MEETING)
    ids = list(sents["sent_id"])
    claims, links = _links({"c_meet": [ids[0], ids[1], ids[3]]}, sents)
    assert _conflicts(sents, claims, links, conflict_event_fallback=False).empty


def test_date_conflict_found_by_the_event_fallback_and_widened_to_the_claim():
    """The Daily Star sentence is in no claim: shared names pair it with Newsweek's,
    and the claim Newsweek's sentence belongs to brings in Insider and HuffPost."""
    sents = _sentences(MEETING)
    ids = list(sents["sent_id"])
    claims, links = _links({"c_meet": ids[:3]}, sents)
    table = _conflicts(sents, claims, links, articles=_articles({BI: "2023-09-05"}))
    assert _records(table) == [
        ("date", "c_meet", "Business Insider", "later this month (2023-09)", "Daily Star", "next month (month +1)",
         "event"),
        ("date", "c_meet", "HuffPost", "this month (month +0)", "Daily Star", "next month (month +1)", "event"),
        ("date", "c_meet", "Newsweek", "later this month (month +0)", "Daily Star", "next month (month +1)", "event"),
    ]
    # switched off, nothing is found outside claims
    assert _conflicts(sents, claims, links, conflict_event_fallback=False).empty


def test_event_fallback_ignores_another_meeting_years_apart():
    sents = _sentences([
        (NW, "North Korea leader Kim Jong Un is planning to meet with Russian President Vladimir Putin in "
             "Vladivostok later this month."),
        (DS, "The last high-level meeting of Kim Jong Un and Vladimir Putin happened in April 2019 in Vladivostok."),
    ])
    table = _conflicts(sents, articles=_articles({NW: "2023-09-05", DS: "2023-09-05"}))
    assert table.empty


def test_number_conflict_inside_a_claim_respects_qualifiers():
    sents = _sentences([
        (BI, "US officials estimated last month that Russia's military casualties in Ukraine are approaching "
             "300,000."),
        (NW, "US officials estimated that Russia's military casualties in Ukraine have reached 250,000."),
        (HP, "US officials said Russia's military casualties in Ukraine were nearly 300,000."),
        # compatible with both: no conflict with anyone
        (DS, "US officials said Russia's military casualties in Ukraine may be as many as 320,000."),
    ])
    ids = list(sents["sent_id"])
    claims, links = _links({"c_cas": ids}, sents)
    table = _conflicts(sents, claims, links)
    assert _records(table) == [
        ("number", "c_cas", "Business Insider", "approaching 300,000 casualties (300,000 casualti)", "Newsweek",
         "250,000 casualties (250,000 casualti)", "claim"),
        ("number", "c_cas", "HuffPost", "nearly 300,000 casualties (300,000 casualti)", "Newsweek",
         "250,000 casualties (250,000 casualti)", "claim"),
    ]


def test_claim_grouping_two_different_facts_gives_no_conflict():
    """Template-like sentences about different countries are two facts, not a disagreement."""
    sents = _sentences([
        (NW, "The Ovportol treasury raised its main interest rate to 6 percent on Thursday."),
        (NW, "Ovportol officials said the decision was unanimous."),
        (DS, "On Friday, the Targa central bank raised its benchmark rate to 5.5 percent."),
        (DS, "Targa officials said the decision was unanimous."),
    ])
    ids = list(sents["sent_id"])
    claims, links = _links({"c_rate": [ids[0], ids[2]], "c_vote": [ids[1], ids[3]]}, sents)
    assert _conflicts(sents, claims, links).empty


TITLES = [
    (NW, "The weapons will likely not have a great deal of significance, according to Retired United States "
         "Army General Mark Hertling, who spoke with CNN's Jim Acosta."),
    (NW, "\"Russia is in a desperate situation right now,\" said retired Army Major General James A. \"Spider\" "
         "Marks, who joined Hertling on CNN."),
    (BI, "\u201cIt\u2019s showing that Mr. Putin is scrambling for help,\u201d retired Lt. Gen. Mark Hertling told CNN."),
    (BI, "Retired Maj. Gen. James \u201cSpider\u201d Marks, who was speaking to CNN alongside Hertling, said the "
         "weapons are unlikely to turn the tide."),
    (BI, "\u201cThis will generate a lot of attention,\u201d said Hertling, who previously served as the commanding "
         "general of US Army Europe."),
    (DS, "Speaking to CNN's The Situation Room, former US Army General Mark Hertling took umbridge with the "
         "host's suggestion."),
    (DS, "Fellow retired Army Major General James A \u201cSpider\u201d Marks added: \u201cRussia is in a desperate "
         "situation right now."),
]


def test_person_ranks_from_prose():
    found = [(r["outlet"], r["given"], r["surname"], r["rank"]) for r in person_ranks(_sentences(TITLES))]
    assert found == [
        ("Newsweek", "mark", "hertling", "general"),
        ("Newsweek", "james", "marks", "major general"),
        ("Business Insider", "mark", "hertling", "lieutenant general"),
        ("Business Insider", "james", "marks", "major general"),
        ("Daily Star", "mark", "hertling", "general"),
        ("Daily Star", "james", "marks", "major general"),
    ]


def test_title_conflicts_only_when_ranks_differ():
    sents = _sentences(TITLES)
    table = _conflicts(sents)
    assert _records(table, ("kind", "speaker", "outlet_a", "value_a", "outlet_b", "value_b")) == [
        ("title", "Mark Hertling", "Daily Star", "General (general)", "Business Insider",
         "Lt. Gen. (lieutenant general)"),
        ("title", "Mark Hertling", "Newsweek", "General (general)", "Business Insider",
         "Lt. Gen. (lieutenant general)"),
    ]
    # Major General / Maj. Gen. (Marks) is a difference of style only
    assert "James Marks" not in set(table["speaker"])


def test_title_conflicts_from_quote_roles_and_speakers_table():
    sents = _sentences(TITLES[4:5] + [(HP, "\u201cIt\u2019s showing that Mr. Putin is scrambling for help.\u201d")])
    ids = list(sents["sent_id"])
    quotes = pd.DataFrame([
        {"quote_id": f"{BI}-q000", "article_id": BI, "outlet": "Business Insider", "sent_id": ids[0],
         "speaker": "Mark Hertling", "role": "the commanding general of US Army Europe"},
        {"quote_id": f"{HP}-q000", "article_id": HP, "outlet": "HuffPost", "sent_id": ids[1],
         "speaker": "Mark Hertling", "role": "Retired Lt. Gen."},
    ])
    speakers = pd.DataFrame([{
        "speaker": "Mark Hertling", "mentions": "", "n_quotes": 2, "outlets": "",
        "roles_by_outlet": '{"Business Insider": ["the commanding general of US Army Europe"], '
                           '"Daily Star": ["former US Army General"], "HuffPost": ["Retired Lt. Gen."]}',
    }])
    table = _conflicts(sents, quotes=quotes, speakers=speakers)
    assert _records(table, ("kind", "speaker", "outlet_a", "value_a", "outlet_b", "value_b")) == [
        ("title", "Mark Hertling", "Daily Star", "former US Army General (general)", "HuffPost",
         "Retired Lt. Gen. (lieutenant general)"),
    ]


def _variants(rows: list[tuple[str, str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame([
        {"group_id": g, "speaker": "Mark Hertling", "outlet": o, "quote_id": q, "reference_text": ref, "text": t,
         "change": ch, "diff": ""}
        for g, o, q, ref, t, ch in rows
    ])


def test_quote_wording_conflict_from_substitutions_only():
    ref = "You opened this saying these are two of Washington's biggest rivals,"
    cal = "They share the same type of caliber weapon systems."
    variants = _variants([
        ("g1", "Newsweek", f"{NW}-q002", ref, ref, "identical"),
        ("g1", "Daily Star", f"{DS}-q000", ref, "Washington's biggest enemies", "substituted"),
        ("g2", "Newsweek", f"{NW}-q008", cal, cal, "identical"),
        ("g2", "Daily Star", f"{DS}-q004", cal, "They share the same type of calibre weapon systems.",
         "punctuation_or_spelling"),
        # even when labelled a substitution, a spelling difference is no conflict
        ("g2", "HuffPost", f"{HP}-q009", cal, "They share the same type of calibre weapon systems!", "substituted"),
        # a different ending is another quote, not a changed word
        ("g3", "Newsweek", f"{NW}-q011", "Nobody should pretend this will turn the tide, especially in Donetsk.",
         "Nobody should pretend this will turn the tide, especially in Donetsk.", "identical"),
        ("g3", "HuffPost", f"{HP}-q011", "Nobody should pretend this will turn the tide, especially in Donetsk.",
         "Nobody should pretend this will turn the tide, whatever Shoigu says.", "substituted"),
    ])
    table = _conflicts(_sentences([]), variants=variants)
    assert _records(table, ("kind", "speaker", "outlet_a", "value_a", "outlet_b", "value_b", "evidence_id_a",
                            "evidence_id_b")) == [
        ("quote_wording", "Mark Hertling", "Newsweek", "rivals", "Daily Star", "enemies", f"{NW}-q002",
         f"{DS}-q000"),
    ]
    assert table.loc[0, "evidence_a"] == ref
    assert table.loc[0, "evidence_b"] == "Washington's biggest enemies"


def test_quote_wording_side_a_is_the_wording_most_outlets_printed():
    said = "People here know the plan is clear and the money is there."
    swapped = "People here know the plan is obvious and the money is there."
    rewrite = "People here know the plan failed and nobody will pay for it at all."
    variants = _variants([
        # the longest version is the reference, but only one outlet printed "obvious"
        ("g1", "Newsweek", f"{NW}-q001", swapped, said, "substituted"),
        ("g1", "Daily Star", f"{DS}-q001", swapped, said, "substituted"),
        ("g1", "HuffPost", f"{HP}-q001", swapped, swapped, "identical"),
        # a rewrite of the same opening is another quote: none of its spans is a changed word
        ("g1", "CBN News", "004_x-q001", swapped, rewrite, "substituted"),
    ])
    table = _conflicts(_sentences([]), variants=variants)
    assert _records(table, ("kind", "outlet_a", "value_a", "outlet_b", "value_b")) == [
        ("quote_wording", "Newsweek", "clear", "HuffPost", "obvious"),
    ]


def test_quote_wording_names_every_outlet_that_printed_the_swap():
    ref = "You opened this saying these are two of Washington's biggest rivals,"
    swap = "You opened this saying these are two of Washington's biggest enemies,"
    # the swapped wording is the longer one, so the variant stage took it as
    # the reference: the second outlet printing it is "identical" to it
    variants = _variants([
        ("g1", "Newsweek", f"{NW}-q002", swap, ref, "substituted"),
        ("g1", "Business Insider", "001_x-q002", swap, ref, "substituted"),
        ("g1", "HuffPost", f"{HP}-q002", swap, ref, "substituted"),
        ("g1", "Daily Star", f"{DS}-q000", swap, swap, "identical"),
        ("g1", "CBN News", "004_x-q000", swap, swap, "identical"),
    ])
    table = _conflicts(_sentences([]), variants=variants)
    assert sorted(_records(table, ("outlet_b", "value_a", "value_b"))) == [
        ("CBN News", "rivals", "enemies"), ("Daily Star", "rivals", "enemies"),
    ]
    assert set(table["outlet_a"]) == {"Newsweek"}


def test_empty_inputs_without_columns():
    table = find_conflicts(claims=EMPTY, claim_links=EMPTY, sentences=EMPTY, articles=EMPTY, quotes=EMPTY,
                           speakers=EMPTY, quote_variants=EMPTY, settings=Settings())
    assert list(table.columns) == CONFLICT_COLUMNS
    assert table.empty


def test_ids_and_order_do_not_depend_on_row_order():
    sents = _sentences(MEETING + TITLES)
    ids = list(sents["sent_id"])
    claims, links = _links({"c_meet": ids[:3]}, sents)
    first = _conflicts(sents, claims, links)
    second = _conflicts(sents.sample(frac=1, random_state=3), claims, links.sample(frac=1, random_state=4))
    assert list(first["conflict_id"]) == list(second["conflict_id"])
    assert first["conflict_id"].is_unique
    assert list(first["kind"]) == ["date"] * 3 + ["title"] * 2


# ---------------------------------------------------------------------------
# The seed corpus (pinned)
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_conflicts(seeds_dir) -> pd.DataFrame:
    import newslib

    cov = newslib.compare(seeds_dir, stages=("quotes", "claims", "conflicts"))
    return cov.conflicts


def test_seed_timing_conflict_is_found(seed_conflicts):
    dates = seed_conflicts[seed_conflicts["kind"] == "date"]
    pairs = set(zip(dates["outlet_a"], dates["value_a"], dates["outlet_b"], dates["value_b"]))
    assert ("Newsweek", "later this month (month +0)", "Daily Star", "next month (month +1)") in pairs
    assert ("Business Insider", "later this month (2023-09)", "Daily Star", "next month (month +1)") in pairs
    # every date conflict is the Daily Star's "next month" against "(later) this month"
    assert set(dates["outlet_b"]) == {"Daily Star"}


def test_seed_hertling_title_conflict_and_no_marks_conflict(seed_conflicts):
    titles = seed_conflicts[seed_conflicts["kind"] == "title"]
    assert set(titles["speaker"]) == {"Mark Hertling"}
    assert {(a, b) for a, b in zip(titles["outlet_a"], titles["outlet_b"])} == {
        ("Daily Star", "Business Insider"), ("Daily Star", "HuffPost"),
        ("Newsweek", "Business Insider"), ("Newsweek", "HuffPost"),
    }


def test_seed_rivals_enemies_substitution_is_found(seed_conflicts):
    wording = seed_conflicts[seed_conflicts["kind"] == "quote_wording"]
    assert ("rivals", "enemies") in set(zip(wording["value_a"], wording["value_b"]))


def test_seed_spelling_and_punctuation_are_never_conflicts(seed_conflicts):
    values = " ".join(seed_conflicts["value_a"].tolist() + seed_conflicts["value_b"].tolist()).lower()
    assert "calibre" not in values and "caliber" not in values
    assert not (seed_conflicts["value_a"].str.lower() == seed_conflicts["value_b"].str.lower()).any()
