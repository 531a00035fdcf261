"""Tests for newslib.widgets: the pure HTML/table views and the ipywidgets around them.

Every HTML view is checked with an allow-list parser: it may only contain the
handful of tags and attributes newslib writes itself, so any article text
that slipped through unescaped (``<script>``, ``<img onerror>``, a
``javascript:`` link) fails the test.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from newslib import widgets
from newslib.coverage import Coverage
from newslib.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"

#: Tags and attributes newslib's fragments are made of; anything else is injected text.
ALLOWED_TAGS = {"style", "div", "table", "caption", "thead", "tbody", "tr", "th", "td", "p",
                "span", "strong", "del", "ins", "mark", "h3", "h4", "ul", "li", "br"}
ALLOWED_ATTRS = {"class", "title", "style", "data-claims", "data-group"}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name not in ALLOWED_ATTRS:
                self.problems.append(f"<{tag} {name}=...>")
            if (value or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def inert_problems(fragment: str) -> list[str]:
    checker = _Checker()
    checker.feed(fragment)
    checker.close()
    return checker.problems


# ---- a hand-built Coverage: one HuffPost-like article with hostile bits ---------------
ARTICLE = "huff"
PARAGRAPHS = [
    # (line_no in the raw file, paragraph text)
    (3, 'Retired Lt. Gen. Mark Hertling warned that the meeting shows the Russian president '
        '"is scrambling for help."'),
    (5, '"They\'re also two desperate leaders of the world\'s most noted pariah states," '
        'Hertling told CNN <img src=x onerror=alert(1)>.'),
    (9, "The Kremlin has so far refused to comment on the reports."),
    (10, "The New York Times on Monday reported that Kim is planning to travel to Vladivostok."),
]
REMOVED = [
    (1, "Retired General Explains Why Putin Is Reportedly Seeking Closer Ties To Kim Jong Un",
     "headline (moved to articles.title)"),
    (7, "LOADINGERROR LOADING", "widget debris"),
    (12, '<script>alert("x")</script> Close', "widget debris"),
]
QUOTE = "They're also two desperate leaders of the world's most noted pariah states,"


def _article_tables() -> tuple[str, pd.DataFrame, pd.DataFrame]:
    text = "\n\n".join(p for _, p in PARAGRAPHS)
    sentences, paragraphs, pos = [], [], 0
    for i, (line_no, para) in enumerate(PARAGRAPHS):
        sentences.append((f"{ARTICLE}-s{i:04d}", ARTICLE, "HuffPost", i, round(pos / len(text), 4),
                          pos, pos + len(para), para))
        paragraphs.append((ARTICLE, i, line_no, pos, pos + len(para)))
        pos += len(para) + 2
    return (
        text,
        pd.DataFrame(sentences, columns=["sent_id", "article_id", "outlet", "paragraph",
                                         "position", "start", "end", "text"]),
        pd.DataFrame(paragraphs, columns=["article_id", "paragraph", "line_no", "start", "end"]),
    )


@pytest.fixture
def cov() -> Coverage:
    text, sentences, paragraphs = _article_tables()
    quote_start = text.index(QUOTE)
    articles = pd.DataFrame(
        {
            "article_id": [ARTICLE, "star", "news"],
            "outlet": ["HuffPost", "Daily Star", "Newsweek"],
            "title": ["Retired General Explains Why Putin Is Reportedly Seeking Closer Ties To Kim",
                      "Putin slammed as ‘desperate’ <script>alert(2)</script>",
                      "Desperate Putin 'Scrambling for Help' From Kim Jong Un"],
            "published": ["", "", ""],
            "byline": ["", "", ""],
            "n_words": [60, 300, 460],
        }
    )
    claims = pd.DataFrame(
        {
            "claim_id": ["c-pariah", "c-kremlin", "c-vlad"],
            "label": [QUOTE, "The Kremlin has so far refused to comment on the reports.",
                      "Kim is planning to travel to Vladivostok <b>by train</b>."],
            "n_outlets": [3, 1, 2],
            "outlets": ["Daily Star;HuffPost;Newsweek", "HuffPost", "HuffPost;Newsweek"],
            "kind": ["quote", "narrative", "narrative"],
        }
    )
    links = pd.DataFrame(
        [
            ("c-pariah", f"{ARTICLE}-s0001", ARTICLE, "HuffPost", 1.0),
            ("c-pariah", "star-s0004", "star", "Daily Star", 0.9),
            ("c-pariah", "news-s0006", "news", "Newsweek", 0.95),
            ("c-kremlin", f"{ARTICLE}-s0002", ARTICLE, "HuffPost", 1.0),
            ("c-vlad", f"{ARTICLE}-s0003", ARTICLE, "HuffPost", 1.0),
            ("c-vlad", "news-s0001", "news", "Newsweek", 0.7),
        ],
        columns=["claim_id", "sent_id", "article_id", "outlet", "score"],
    )
    other_sentences = pd.DataFrame(
        [
            ("star-s0004", "star", "Daily Star", 4, 0.3, 0, 10,
             "He said: “They're also two desperate leaders of the world's most noted pariah states."),
            ("news-s0006", "news", "Newsweek", 6, 0.4, 0, 10,
             '"They\'re also two desperate leaders of the world\'s most noted pariah states."'),
            ("news-s0001", "news", "Newsweek", 1, 0.1, 0, 10,
             "Kim is planning a trip to Vladivostok later this month <svg onload=alert(3)>."),
        ],
        columns=sentences.columns,
    )
    quotes = pd.DataFrame(
        [
            ("huff-q001", ARTICLE, "HuffPost", f"{ARTICLE}-s0001", QUOTE, "Mark Hertling", "Hertling",
             "Lt. Gen.", "told", "direct", quote_start, quote_start + len(QUOTE), 0.9, ""),
            ("star-q001", "star", "Daily Star", "star-s0004",
             "They're also two desperate leaders of the world's most noted pariah states.",
             "Mark Hertling", "He", "General", "said", "direct", 0, 10, 0.8, ""),
            ("star-q002", "star", "Daily Star", "star-s0005",
             "You opened this saying these are Washington's biggest enemies <script>x</script>",
             "Mark Hertling", "Hertling", "General", "said", "direct", 0, 10, 0.8, ""),
            ("news-q001", "news", "Newsweek", "news-s0003",
             "You opened this saying these are two of Washington's biggest rivals,",
             "Mark Hertling", "Hertling", "Ret.", "told", "direct", 0, 10, 0.9, ""),
            ("news-q002", "news", "Newsweek", "news-s0009", "There's just a lot of quantity,",
             "Mark Hertling", "Hertling", "", "said", "direct", 0, 10, 0.9, ""),
            ("news-q003", "news", "Newsweek", "news-s0010", "This is a quote nobody claims.",
             None, "", "", "", "direct", 0, 10, 0.3, "no speech verb nearby"),
        ],
        columns=["quote_id", "article_id", "outlet", "sent_id", "text", "speaker", "speaker_mention",
                 "role", "cue", "kind", "start", "end", "confidence", "reason_if_unattributed"],
    )
    variants = pd.DataFrame(
        [
            ("g-pariah", "Mark Hertling", "HuffPost", "huff-q001", QUOTE, QUOTE, "identical", ""),
            ("g-pariah", "Mark Hertling", "Daily Star", "star-q001", QUOTE,
             "They're also two desperate leaders of the world's most noted pariah states.",
             "punctuation_or_spelling", ""),
            ("g-rivals", "Mark Hertling", "Newsweek", "news-q001",
             "You opened this saying these are two of Washington's biggest rivals,",
             "You opened this saying these are two of Washington's biggest rivals,", "identical", ""),
            ("g-rivals", "Mark Hertling", "Daily Star", "star-q002",
             "You opened this saying these are two of Washington's biggest rivals,",
             "You opened this saying these are Washington's biggest enemies <script>x</script>",
             "substituted", "rivals -> enemies"),
        ],
        columns=["group_id", "speaker", "outlet", "quote_id", "reference_text", "text", "change",
                 "diff"],
    )
    conflicts = pd.DataFrame(
        [
            ("k1", "date", "c-vlad", None, "Daily Star", "next month",
             "A meeting set to take place next month is aimed at Putin buying weapons.",
             "Newsweek", "later this month",
             "Kim Jong Un is purportedly planning to meet with Putin later this month."),
            ("k2", "title", None, "Mark Hertling", "HuffPost", "Lt. Gen.",
             "Retired Lt. Gen. Mark Hertling warned <img src=x onerror=alert(1)>",
             "Daily Star", "General", "former US Army General Mark Hertling <script>y</script>"),
        ],
        columns=["conflict_id", "kind", "claim_id", "speaker", "outlet_a", "value_a", "evidence_a",
                 "outlet_b", "value_b", "evidence_b"],
    )
    tables = {
        "articles": articles,
        "sentences": pd.concat([sentences, other_sentences], ignore_index=True),
        "paragraphs": paragraphs,
        "removed": pd.DataFrame([(ARTICLE, *r) for r in REMOVED],
                                columns=["article_id", "line_no", "text", "reason"]),
        "line_repeats": pd.DataFrame([(ARTICLE, 10, 9, "near", 90.0, PARAGRAPHS[3][1])],
                                     columns=["article_id", "line_no", "first_line_no", "kind",
                                              "similarity", "text"]),
        "claims": claims,
        "claim_links": links,
        "sentence_repeats": pd.DataFrame(columns=["article_id", "sent_id", "repeat_of", "score"]),
        "quotes": quotes,
        "quote_variants": variants,
        "conflicts": conflicts,
    }
    return Coverage(settings=Settings(), texts={ARTICLE: text, "star": "", "news": ""},
                    tables=tables)


# ---- word diffs -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("reference", "text", "expected"),
    [
        ("two of Washington's biggest rivals,", "two of Washington's biggest enemies",
         'two of Washington\'s biggest <del class="nl-del">rivals,</del> '
         '<ins class="nl-ins">enemies</ins>'),
        ("They share the same type of caliber weapon systems.",
         "“They share the same type of calibre weapon systems.",
         "“They share the same type of calibre weapon systems."),
        ("This will generate a lot of attention.", "this will generate a lot of attention",
         "this will generate a lot of attention"),
        ("This will generate a lot of attention. It's showing that Mr. Putin is scrambling",
         "It's showing that Mr. Putin is scrambling",
         '<del class="nl-del">This will generate a lot of attention.</del> '
         "It&#x27;s showing that Mr. Putin is scrambling"),
        ("the fight in Ukraine", "the fight <script>alert(1)</script> in Ukraine",
         'the fight <ins class="nl-ins">&lt;script&gt;alert(1)&lt;/script&gt;</ins> in Ukraine'),
    ],
    ids=["substitution", "british-spelling", "case-and-punctuation", "truncated-start", "hostile"],
)
def test_word_diff_highlights_only_real_wording_changes(reference: str, text: str,
                                                       expected: str) -> None:
    assert widgets.word_diff_html(reference, text) == expected.replace("'", "&#x27;")


# ---- article viewer -----------------------------------------------------------------
def test_highlight_article_escapes_and_marks_claims_quotes_removed(cov: Coverage) -> None:
    page = widgets.highlight_article(cov, ARTICLE)
    assert isinstance(page, str) and page._repr_html_() == page
    assert inert_problems(page) == []
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Close" in page
    # the quote is inside a claim carried by 3 outlets: both classes on the same stretch
    quoted = html.escape(QUOTE, quote=True)
    assert f'<span class="nl-claim nl-quote" title="claim c-pariah: carried by 3 outlets' in page
    assert quoted in page
    # a claim only HuffPost carries is marked as unique
    assert ('<span class="nl-unique" title="claim c-kremlin: only this outlet">The Kremlin has so '
            "far refused") in page
    # a repeated line is outlined with what it repeats
    assert 'title="repeats line 9 of this article"' in page
    assert "2 paragraphs kept" not in page and "4 paragraphs kept, 3 lines removed" in page


def test_highlight_article_keeps_original_line_order(cov: Coverage) -> None:
    page = widgets.highlight_article(cov, ARTICLE)
    order = [page.index(s) for s in ("Closer Ties To Kim Jong Un", "Mark Hertling warned",
                                     "pariah states", "LOADINGERROR LOADING",
                                     "The Kremlin has", "travel to Vladivostok",
                                     "alert(&quot;x&quot;)")]
    assert order == sorted(order)
    assert "[removed: widget debris]" in page
    hidden = widgets.highlight_article(cov, ARTICLE, show_removed=False)
    assert "LOADINGERROR" not in hidden


def test_highlight_article_unknown_id_raises(cov: Coverage) -> None:
    with pytest.raises(KeyError, match="nope"):
        widgets.highlight_article(cov, "nope")


# ---- speakers and quote changes -----------------------------------------------------
def test_speaker_versions_put_substitutions_first_and_add_lone_quotes(cov: Coverage) -> None:
    table = widgets.speaker_versions(cov, "Mark Hertling")
    assert list(table["group_id"].drop_duplicates()) == ["g-rivals", "g-pariah", "news-q002"]
    assert table.iloc[0]["change"] == "substituted"
    lone = table[table["group_id"] == "news-q002"].iloc[0]
    assert lone["change"] == "only_version" and lone["outlet"] == "Newsweek"
    assert len(widgets.speaker_versions(cov, "Nobody")) == 0


def test_speaker_versions_html_highlights_the_substitution_escaped(cov: Coverage) -> None:
    page = widgets.speaker_versions_html(cov, "Mark Hertling")
    assert inert_problems(page) == []
    assert '<del class="nl-del">two of</del>' in page
    assert '<ins class="nl-ins">enemies &lt;script&gt;x&lt;/script&gt;</ins>' in page
    assert page.index("substituted") < page.index("punctuation or spelling")
    assert "3 distinct statements" in page
    empty = widgets.speaker_versions_html(cov, "<b>Nobody</b>")
    assert "&lt;b&gt;Nobody&lt;/b&gt;" in empty and inert_problems(empty) == []


def test_speakers_of_lists_attributed_speakers_most_quoted_first(cov: Coverage) -> None:
    assert widgets.speakers_of(cov) == ["Mark Hertling"]


def test_quote_changes_leave_out_identical_and_spelling(cov: Coverage) -> None:
    changed = widgets.quote_changes(cov)
    assert list(changed["change"]) == ["substituted"]
    page = widgets.quote_changes_html(cov)
    assert inert_problems(page) == []
    assert page.count('<table class="nl-table"') == 1
    assert "Washington&#x27;s biggest" in page


@pytest.mark.parametrize(
    ("change", "reference", "text", "expected"),
    [
        # variants.py's "inserted" covers both directions: the label says which one.
        ("inserted", "We cannot wait for the next storm <script>alert('quote')</script> to do this,",
         "We cannot wait for the next storm to do this,", "words missing inside"),
        ("inserted", "Russia is in a desperate situation right now",
         "Russia is in a truly desperate situation right now", "words added"),
        ("inserted", "They share the same type of caliber weapon systems.",
         "They share the type of caliber weapon systems, officials said.",
         "words added and missing"),
        ("substituted", "two of Washington's biggest rivals", "Washington's biggest enemies",
         "words substituted"),
        ("truncated_start", "It's showing that Mr. Putin is scrambling for help",
         "is scrambling for help", "cut at the start"),
        ("identical", "Not surprising at all.", "Not surprising at all.", "unchanged"),
    ],
)
def test_change_label_reads_the_direction_of_the_change(change: str, reference: str, text: str,
                                                        expected: str) -> None:
    assert widgets.change_label(change, reference, text) == expected


def test_quote_changes_show_each_version_once_per_outlet(cov: Coverage) -> None:
    reference = "You opened this saying these are two of Washington's biggest rivals,"
    extra = pd.DataFrame(
        [("g-rivals", "Mark Hertling", "Newsweek", "news-q009", reference, reference, "identical", ""),
         ("g-rivals", "Mark Hertling", "Daily Star", "star-q009", reference,
          "You opened this saying these are Washington's biggest enemies <script>x</script>",
          "substituted", "rivals -> enemies")],
        columns=cov.quote_variants.columns,
    )
    cov.tables["quote_variants"] = pd.concat([cov.quote_variants, extra], ignore_index=True)
    page = widgets.quote_changes_html(cov)
    assert inert_problems(page) == []
    # Daily Star printed the same changed version twice: one row, marked 2×.
    assert page.count("<tr><td>Daily Star") == 1
    assert '<tr><td>Daily Star <span class="nl-badge">2×</span></td>' in page
    # Newsweek printed the reference twice: one "unchanged" row naming it once.
    assert "<tr><td>Newsweek (2×)</td>" in page
    assert page.count("Newsweek") == 1


def test_hostile_dropped_words_are_struck_through_not_called_inserted() -> None:
    reference = "We cannot wait for the next storm <script>alert('quote')</script> to do this,"
    variants = pd.DataFrame(
        [("v1", "Dana Whitfield", "Valley Courier", "c-q000", reference,
          "We cannot wait for the next storm to do this,", "inserted",
          "We cannot wait for the next storm [-script>alert('quote')</script-] to do this,"),
         ("v1", "Dana Whitfield", "Riverside Ledger", "l-q000", reference, reference, "identical",
          reference)],
        columns=["group_id", "speaker", "outlet", "quote_id", "reference_text", "text", "change",
                 "diff"],
    )
    hostile = Coverage(settings=Settings(), texts={}, tables={"quote_variants": variants})
    page = widgets.quote_changes_html(hostile)
    assert inert_problems(page) == []
    assert ('<del class="nl-del">&lt;script&gt;alert(&#x27;quote&#x27;)&lt;/script&gt;</del>'
            in page)
    assert "<ins" not in page.split("</p>", 1)[1]  # nothing was added by the Courier
    assert "words missing inside" in page and ">inserted<" not in page


# ---- disputes: conflicts grouped ------------------------------------------------------
MEETING = ("Retired Lt. Gen. Mark Hertling warned that the reported upcoming meeting between "
           "Vladimir Putin and North Korea leader Kim Jong Un shows the Russian president "
           "\u201cis scrambling for help\u201d as he remains isolated amid the war in Ukraine.")
STAR_DATE = ("A meeting set to take place next month is aimed at Putin buying weapons from North "
             "Korea to help him continue his onslaught invasion of Ukraine.")


def _seed_like_conflicts() -> pd.DataFrame:
    """Nine conflict rows shaped like the seeds': one outlet departing on a date, a
    substituted quote, and two outlets against two on a rank."""
    rows = []
    for outlet, value, evidence in [
        ("Business Insider", "later this month (2023-09)",
         "The New York Times reported on Monday that Kim is planning to travel to Russia later "
         "this month to discuss supplying weapons to Russia."),
        ("CBN News", "later this month (month +0)",
         "Experts say the reclusive Kim Jong Un will likely take the same route later this month."),
        ("HuffPost", "this month (month +0)",
         "The New York Times on Monday reported that Kim is planning to travel to Vladivostok, "
         "likely using an armored train, this month to hold talks with the Russian president."),
        ("Newsweek", "later this month (month +0)",
         "North Korea leader Kim Jong Un is purportedly planning to meet with Russian President "
         "Vladimir Putin later this month."),
    ]:
        rows.append(("date", "c-meet", None, outlet, value, evidence, "Daily Star",
                     "next month (month +1)", STAR_DATE))
    rows.append(("quote_wording", "c-rivals", "Mark Hertling", "Newsweek", "rivals",
                 "You opened this saying these are two of Washington's biggest rivals,",
                 "Daily Star", "enemies", "Washington's biggest enemies"))
    general = {"Daily Star": "former US Army General Mark Hertling took umbrage",
               "Newsweek": "according to Retired United States Army General Mark Hertling"}
    lieutenant = {"Business Insider": "retired Lt. Gen. Mark Hertling told CNN.",
                  "HuffPost": "Retired Lt. Gen. Mark Hertling warned that the meeting"}
    for a, evidence_a in general.items():
        for b, evidence_b in lieutenant.items():
            rows.append(("title", None, "Mark Hertling", a, "General (general)", evidence_a, b,
                         "Lt. Gen. (lieutenant general)", evidence_b))
    frame = pd.DataFrame(rows, columns=["kind", "claim_id", "speaker", "outlet_a", "value_a",
                                        "evidence_a", "outlet_b", "value_b", "evidence_b"])
    frame.insert(0, "conflict_id", [f"x{i}" for i in range(len(frame))])
    return frame


@pytest.fixture
def seedlike() -> Coverage:
    claims = pd.DataFrame({"claim_id": ["c-meet", "c-rivals"], "label": [MEETING, "rivals"],
                           "n_outlets": [5, 2], "outlets": ["", ""], "kind": ["narrative", "quote"]})
    return Coverage(settings=Settings(), texts={},
                    tables={"conflicts": _seed_like_conflicts(), "claims": claims})


def test_conflict_groups_join_pairwise_rows_into_two_sided_disputes(seedlike: Coverage) -> None:
    groups = widgets.conflict_groups(seedlike)
    assert sorted(set(groups["dispute"])) == [1, 2, 3]
    sides = {(d, side): sorted(g["outlet"]) for (d, side), g in groups.groupby(["dispute", "side"])}
    assert sides == {
        (1, "a"): ["Business Insider", "CBN News", "HuffPost", "Newsweek"],
        (1, "b"): ["Daily Star"],
        (2, "a"): ["Newsweek"], (2, "b"): ["Daily Star"],
        (3, "a"): ["Daily Star", "Newsweek"], (3, "b"): ["Business Insider", "HuffPost"],
    }
    first = groups[groups["dispute"] == 1]
    assert list(first["kind"].unique()) == ["date"] and first["n_conflicts"].iloc[0] == 4
    assert first["subject"].iloc[0].endswith(" …") and len(first["subject"].iloc[0]) <= 100
    star = first[first["outlet"] == "Daily Star"].iloc[0]
    assert (star["value"], star["reading"]) == ("next month", "month +1")
    general = groups[(groups["dispute"] == 3) & (groups["outlet"] == "Newsweek")].iloc[0]
    assert (general["value"], general["reading"]) == ("General", "")


def test_conflict_groups_keep_rows_apart_when_readings_do_not_split_in_two() -> None:
    rows = [("number", "c-tanks", None, a, va, f"{a} says {va} tanks.", b, vb, f"{b} says {vb} tanks.")
            for a, va, b, vb in [("Newsweek", "300", "HuffPost", "250"),
                                 ("HuffPost", "250", "CBN News", "200"),
                                 ("Newsweek", "300", "CBN News", "200")]]
    frame = pd.DataFrame(rows, columns=["kind", "claim_id", "speaker", "outlet_a", "value_a",
                                        "evidence_a", "outlet_b", "value_b", "evidence_b"])
    cov = Coverage(settings=Settings(), texts={}, tables={"conflicts": frame})
    groups = widgets.conflict_groups(cov)
    assert sorted(set(groups["dispute"])) == [1, 2, 3]
    assert set(groups["n_conflicts"]) == {1}


def test_dispute_sentences_name_the_departing_side_first(seedlike: Coverage) -> None:
    groups = widgets.conflict_groups(seedlike)
    sentences = [widgets.dispute_sentence(groups[groups["dispute"] == d]) for d in (1, 2, 3)]
    assert sentences == [
        "Daily Star says “next month” (“A meeting set to take place next month is aimed at Putin "
        "buying weapons from North Korea to help him …”) where Business Insider, CBN News, "
        "HuffPost and Newsweek say “later this month” or “this month”.",
        "Daily Star quotes Mark Hertling with “enemies” where Newsweek has “rivals”.",
        "Business Insider and HuffPost call Mark Hertling “Lt. Gen.”, Daily Star and Newsweek "
        "“General”.",
    ]


def test_conflicts_html_shows_each_claim_and_sentence_once(seedlike: Coverage) -> None:
    page = widgets.conflicts_html(seedlike)
    assert inert_problems(page) == []
    assert "9 conflicts between pairs of outlets, in 3 disputes" in page
    assert page.count("<tr><td><strong>") == 3
    assert page.count("Retired Lt. Gen. Mark Hertling warned that the reported") == 1
    assert page.count("A meeting set to take place") == 1
    assert 'A meeting set to take place <mark class="nl-hit">next month</mark>' in page
    assert '<mark class="nl-hit">later this month</mark> <span class="nl-muted">(2023-09)</span>' in page
    only_cbn = widgets.conflicts_html(seedlike, outlet="CBN News")
    assert "1 conflict between pairs of outlets, in 1 dispute" in only_cbn


# ---- key findings ----------------------------------------------------------------------
def test_key_findings_are_sentences_built_from_the_tables(cov: Coverage) -> None:
    assert widgets.key_findings(cov) == [
        "3 articles from 3 outlets (Daily Star, HuffPost and Newsweek).",
        "3 distinct claims; 1 carried by at least 3 outlets (the shared core); 1 by only one outlet.",
        "HuffPost reports the most that no other outlet has: 1 of its 3 claims.",
        "Daily Star leaves out the most of what the others report: 2 claims that at least half "
        "of the other outlets carry.",
        "2 conflicts between pairs of outlets, in 2 disputes. Most serious: Newsweek says “later "
        "this month” (“Kim Jong Un is purportedly planning to meet with Putin later this month.”) "
        "where Daily Star says “next month”.",
        "Daily Star calls Mark Hertling “General”, HuffPost “Lt. Gen.”.",
        "6 direct quotes; the only person quoted by name is Mark Hertling (5 quotes in 3 outlets).",
        "1 quote version differs from the fullest wording of the same quote: 1 with words "
        "substituted.",
    ]


def test_key_findings_follow_the_data(cov: Coverage) -> None:
    before = widgets.key_findings(cov)
    # Newsweek no longer carries the Vladivostok claim: now only HuffPost does.
    links = cov.claim_links
    cov.tables["claim_links"] = links[~((links["claim_id"] == "c-vlad")
                                        & (links["outlet"] == "Newsweek"))]
    after = widgets.key_findings(cov)
    assert after != before
    assert "3 distinct claims; 1 carried by at least 3 outlets (the shared core); 2 by only one outlet." in after
    assert "HuffPost reports the most that no other outlet has: 2 of its 3 claims." in after
    cov.tables["conflicts"] = cov.conflicts.iloc[0:0]
    assert ("No conflicts between outlets on dates, numbers, titles or quote wording."
            in widgets.key_findings(cov))


def test_key_findings_say_how_many_articles_carry_a_date(cov: Coverage) -> None:
    dates = ["2023-09-05", "", "2023-09-06"]
    cov.tables["articles"] = cov.articles.assign(published=dates)
    first = widgets.key_findings(cov)[0]
    assert first.endswith(", published 2023-09-05 to 2023-09-06 (2 of 3 carry a date).")
    cov.tables["articles"] = cov.articles.assign(published=["2023-09-05"] * 3)
    assert widgets.key_findings(cov)[0].endswith(", published 2023-09-05.")


def test_key_findings_html_escapes_names_and_values(cov: Coverage) -> None:
    cov.tables["quotes"] = cov.quotes.replace({"speaker": {"Mark Hertling": "Mark <b>Hertling</b>"}})
    cov.tables["conflicts"] = cov.conflicts.assign(value_b=["<img src=x onerror=alert(1)>", "General"])
    page = widgets.key_findings_html(cov)
    assert inert_problems(page) == []
    assert "Mark &lt;b&gt;Hertling&lt;/b&gt;" in page
    assert "“&lt;img src=x onerror=alert(1)&gt;”" in page
    assert page.count("<li>") == len(widgets.key_findings(cov))


def test_key_findings_of_an_empty_coverage() -> None:
    empty = Coverage(settings=Settings(), texts={}, tables={})
    assert widgets.key_findings(empty) == ["No articles were loaded."]


# ---- shared text -----------------------------------------------------------------------
def test_shared_text_sources_sum_up_pairs_by_upstream_source() -> None:
    scrambling = "It's showing that Mr. Putin is scrambling for help"
    rows = [
        ("Newsweek", "Business Insider", 9, scrambling, "CNN (Mark Hertling)"),
        ("Newsweek", "HuffPost", 9, scrambling, "CNN (Mark Hertling)"),
        ("Business Insider", "HuffPost", 9, scrambling.replace("'", "’"), "CNN (Mark Hertling)"),
        ("Newsweek", "Daily Star", 17,
         "two desperate leaders of the world's most noted pariah states. This will generate",
         "CNN (Mark Hertling)"),
        ("Business Insider", "HuffPost", 8, "that Kim is planning to travel to Russia",
         "The New York Times"),
        ("Daily Star", "Newsweek", 8, "the reclusive <b>leader</b> boarded his armored train", ""),
    ]
    passages = pd.DataFrame(rows, columns=["outlet_a", "outlet_b", "n_words", "text", "upstream"])
    cov = Coverage(settings=Settings(), texts={}, tables={"reuse_passages": passages})
    table = widgets.shared_text_sources(cov)
    assert list(table["source"]) == ["CNN (Mark Hertling)", "The New York Times",
                                     widgets.UNTRACED_SOURCE]
    cnn = table.iloc[0]
    assert cnn["outlets"] == "Business Insider;Daily Star;HuffPost;Newsweek"
    assert (cnn["n_outlets"], cnn["n_passages"], cnn["n_words"], cnn["max_words"]) == (4, 2, 26, 17)
    assert cnn["example"].startswith("two desperate leaders")
    page = widgets.table_html(table)
    assert "article" not in page and "&lt;b&gt;leader&lt;/b&gt;" in page
    assert "Business Insider, Daily Star, HuffPost, Newsweek" in page


# ---- search ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("pariah states", ["c-pariah"]),
        ("PARIAH", ["c-pariah"]),
        ("leader", ["c-pariah"]),  # stemmed: leaders
        ("Vladivostok", ["c-vlad"]),
        ("Kremlin comment", ["c-kremlin"]),
        ("the", ["c-pariah", "c-kremlin", "c-vlad"]),  # stop words only: substring; label hits first
        ("submarines", []),
        ("", []),
    ],
)
def test_search_claims_matches_normalised_words(cov: Coverage, query: str,
                                                expected: list[str]) -> None:
    assert list(widgets.search_claims(cov, query)["claim_id"]) == expected


def test_search_claims_counts_matching_sentences_and_filters_outlets(cov: Coverage) -> None:
    found = widgets.search_claims(cov, "pariah")
    assert found.iloc[0]["n_matches"] == 3
    assert found.iloc[0]["outlets"] == "Daily Star;HuffPost;Newsweek"
    only = widgets.search_claims(cov, "Vladivostok", outlets=["Daily Star"])
    assert len(only) == 0


def test_claim_search_html_lists_each_outlet_with_marks_escaped(cov: Coverage) -> None:
    page = widgets.claim_search_html(cov, "Vladivostok <svg>")
    assert inert_problems(page) == []
    assert '<mark class="nl-hit">Vladivostok</mark>' in page
    assert '<mark class="nl-hit">&lt;svg</mark> onload=alert(3)&gt;.' in page
    assert "“Vladivostok &lt;svg&gt;”" in page


# ---- conflicts -------------------------------------------------------------------------
def test_conflicts_html_marks_values_in_evidence_escaped(cov: Coverage) -> None:
    page = widgets.conflicts_html(cov)
    assert inert_problems(page) == []
    assert 'A meeting set to take place <mark class="nl-hit">next month</mark>' in page
    assert "former US Army <mark class=\"nl-hit\">General</mark> Mark Hertling &lt;script&gt;" in page
    # the claim label is the subject of a claim conflict; the speaker of a title conflict
    assert "Kim is planning to travel to Vladivostok &lt;b&gt;by train&lt;/b&gt;." in page
    assert "<td>Mark Hertling</td>" in page


def test_conflict_value_with_a_resolution_is_still_marked(cov: Coverage) -> None:
    cov.conflicts.loc[0, "value_b"] = "later this month (2023-09)"
    page = widgets.conflicts_html(cov)
    assert 'planning to meet with Putin <mark class="nl-hit">later this month</mark>.' in page


@pytest.mark.parametrize(("kind", "outlet", "ids"),
                         [(None, None, ["k1", "k2"]), ("date", None, ["k1"]),
                          (None, "HuffPost", ["k2"]), ("date", "HuffPost", [])])
def test_conflicts_view_filters(cov: Coverage, kind, outlet, ids) -> None:  # type: ignore[no-untyped-def]
    assert list(widgets.conflicts_view(cov, kind=kind, outlet=outlet)["conflict_id"]) == ids


# ---- tables and summaries ------------------------------------------------------------
def test_table_html_escapes_headers_and_cells_and_caps_rows() -> None:
    frame = pd.DataFrame({"<th>": ["<img src=x onerror=alert(1)>", "ok", None],
                          "share": [0.5, 0.25, None]})
    page = widgets.table_html(frame, caption="T <i>", max_rows=2, percent=["share"])
    assert inert_problems(page) == []
    assert "<th>&lt;th&gt;</th>" in page
    assert "<td>&lt;img src=x onerror=alert(1)&gt;</td><td>50%</td>" in page
    assert "Showing 2 of 3 rows." in page
    # Small summary tables carry no row count; a caller can ask for one, in its own noun.
    assert "<caption>T &lt;i&gt;</caption>" in page
    counted = widgets.table_html(frame, caption="Shared core", count_noun="claim")
    assert "<caption>Shared core (3 claims)</caption>" in counted
    assert "Nothing here" in widgets.table_html(frame.iloc[0:0], empty="Nothing here")


def test_table_html_shows_readable_headers_and_lists_without_renaming_the_data() -> None:
    frame = pd.DataFrame({
        "outlet": ["CBN News"], "unique_claims": [15], "mean_sentiment": [0.02631],
        "n_outlets": [3], "outlets": ["Business Insider;Daily Star; Newsweek"],
    })
    page = widgets.table_html(frame)
    assert "<th>only it reports</th>" in page
    assert "<th>average tone (−1 to +1)</th>" in page
    assert "<th>outlets</th><th>carried by</th>" in page
    assert "unique_claims" not in page and "mean_sentiment" not in page and "n_outlets" not in page
    assert "<td>Business Insider, Daily Star, Newsweek</td>" in page
    assert "<td>0.03</td>" in page
    assert "<th>printed by</th>" in widgets.table_html(frame, headers={"outlets": "printed by"})
    assert list(frame.columns) == ["outlet", "unique_claims", "mean_sentiment", "n_outlets",
                                   "outlets"]
    assert frame.loc[0, "outlets"] == "Business Insider;Daily Star; Newsweek"


def test_table_html_cuts_long_text_and_keeps_it_in_the_tooltip() -> None:
    sentence = ("North Korea leader Kim Jong Un is purportedly planning to meet with Russian "
                "President Vladimir Putin later this month <script>alert(1)</script>")
    page = widgets.table_html(pd.DataFrame({"text": [sentence]}), max_chars=60)
    assert inert_problems(page) == []
    assert "<td title=\"North Korea leader Kim Jong Un is purportedly planning" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;\">North Korea leader Kim Jong Un is" in page
    assert "… </td>" not in page and " …</td>" in page


@pytest.mark.parametrize(
    ("names", "expected"),
    [([], ""), (["Newsweek"], "Newsweek"), (["Daily Star", "Newsweek"], "Daily Star and Newsweek"),
     (["Business Insider", "CBN News", "HuffPost"], "Business Insider, CBN News and HuffPost")],
)
def test_join_names(names: list[str], expected: str) -> None:
    assert widgets.join_names(names) == expected


def test_key_numbers_and_outlet_summary(cov: Coverage) -> None:
    numbers = dict(zip(*widgets.key_numbers(cov).T.values))
    assert numbers["articles"] == 3
    assert numbers["claims"] == 3
    assert numbers["claims only one outlet carries"] == 1
    assert numbers["conflicts between outlets"] == 2
    assert numbers["quote versions cut or reworded"] == 1
    assert numbers["direct quotes"] == 6 and numbers["people quoted"] == 1
    summary = widgets.outlet_summary(cov).set_index("outlet")
    assert summary.loc["HuffPost", "claims"] == 3
    assert summary.loc["HuffPost", "unique_claims"] == 1
    # Daily Star lacks c-vlad (2 of its 2 other outlets carry it) and c-kremlin (1 of 2).
    assert summary.loc["Daily Star", "omissions"] == 2
    assert widgets.outlet_summary(cov, min_share=0.9).set_index("outlet").loc[
        "Daily Star", "omissions"] == 1
    assert summary.loc["Newsweek", "quotes"] == 3 and summary.loc["Newsweek", "speakers"] == 1


def test_matrix_html_counts_and_escapes(cov: Coverage) -> None:
    page = widgets.matrix_html(cov)
    assert inert_problems(page) == []
    assert 'data-claims="3"' in page
    assert "&lt;b&gt;by train&lt;/b&gt;" in page
    assert widgets.claim_count_text(3) == "Claims shown: 3"


def test_open_coverage_drops_none_options(tmp_path: Path) -> None:
    cov = widgets.open_coverage(SEEDS, outlets=["Newsweek", "HuffPost"], claim_threshold=None,
                                stages=(), progress=False)
    assert cov.settings.claim_threshold == Settings().claim_threshold
    assert sorted(cov.articles["outlet"]) == ["HuffPost", "Newsweek"]


# ---- ipywidgets -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def seeds() -> Coverage:
    from newslib import compare

    return compare(SEEDS, stages=("claims",))


def test_threshold_slider_realigns_and_redraws(seeds: Coverage) -> None:
    from newslib.plots import claim_presence

    box = widgets.threshold_slider(seeds)
    picker, slider, count, matrix = box.children
    assert "newslib-threshold-slider" in slider._dom_classes
    assert "newslib-claim-count" in count._dom_classes
    assert slider.continuous_update is False
    assert count.value == f"Claims shown: {len(claim_presence(seeds))}"
    before = count.value
    slider.value = 0.9
    strict = seeds.realign(claim_threshold=0.9)
    assert count.value == f"Claims shown: {len(claim_presence(strict))}"
    assert count.value != before
    assert f'data-claims="{len(claim_presence(strict))}"' in matrix.value
    assert box.newslib_state["coverage"].settings.claim_threshold == 0.9
    picker.value = ("Newsweek",)
    assert count.value == f"Claims shown: {len(claim_presence(strict, outlets=['Newsweek']))}"


def test_other_widgets_update_their_html(cov: Coverage) -> None:
    search_box, results = widgets.claim_search(cov).children
    search_box.value = "Vladivostok"
    assert "c-vlad" in results.value
    speaker, versions = widgets.speaker_picker(cov).children
    assert speaker.value == "Mark Hertling" and "enemies" in versions.value
    viewer, article = widgets.article_viewer(cov).children
    assert "newslib-article-viewer" in viewer._dom_classes
    assert "LOADINGERROR" in article.value
    browser = widgets.conflict_browser(cov)
    kind, outlet = browser.children[0].children
    view = browser.children[1]
    kind.value = "date"
    assert "next month" in view.value and "Lt. Gen." not in view.value
    picker = widgets.outlet_picker(cov, value=["Newsweek", "Nope"])
    assert picker.value == ("Newsweek",)


def test_every_view_is_inert_on_the_hostile_corpus() -> None:
    from newslib import compare

    cov = compare(HOSTILE)
    views = [widgets.highlight_article(cov, a) for a in cov.articles["article_id"]]
    views += [widgets.speaker_versions_html(cov, s) for s in widgets.speakers_of(cov)]
    views += [widgets.key_findings_html(cov), widgets.table_html(widgets.shared_text_sources(cov))]
    views += [widgets.matrix_html(cov), widgets.conflicts_html(cov), widgets.quote_changes_html(cov),
              widgets.claim_search_html(cov, "barrier <script>"), widgets.unique_claims_html(cov),
              widgets.omissions_html(cov)]
    views += [widgets.table_html(getattr(cov, name)) for name in
              ("articles", "removed", "claims", "quotes", "conflicts", "headlines", "sources")]
    for view in views:
        assert inert_problems(view) == []
    article = widgets.highlight_article(cov, "h001_riverside_gazette")
    assert "&lt;img src=x onerror=alert(1)&gt;" in article
    assert "Riverside &lt;b&gt;Gazette&lt;/b&gt;" in article


def test_key_findings_say_who_may_have_copied_whom(cov: Coverage) -> None:
    ids = cov.articles["article_id"].tolist()
    outlets = dict(zip(cov.articles["article_id"], cov.articles["outlet"]))

    def passage(a: str, b: str, n: int, upstream: str) -> dict:
        return {"article_a": a, "outlet_a": outlets[a], "article_b": b, "outlet_b": outlets[b],
                "n_words": n, "upstream": upstream, "same_outlet": False,
                "text": "They share the same type of caliber weapon systems now", "speaker": "", "source": ""}

    cov.tables["reuse_passages"] = pd.DataFrame([passage(ids[0], ids[1], 10, "CNN (Mark Hertling)")])
    assert ("No outlet appears to have copied another: the text shared by 1 pair of articles all traces "
            "to quoted speakers or cited sources.") in widgets.key_findings(cov)
    cov.tables["reuse_passages"] = pd.DataFrame([passage(ids[0], ids[1], 10, "CNN (Mark Hertling)"),
                                                 passage(ids[1], ids[2], 12, "")])
    cov.tables["articles"] = cov.articles.assign(published=["", "2023-09-04", "2023-09-05"])
    sentence = next(f for f in widgets.key_findings(cov) if "traces to no quoted or cited source" in f)
    assert sentence == (f"1 pair of articles share text that traces to no quoted or cited source; most: "
                        f"{outlets[ids[1]]} and {outlets[ids[2]]} (12 words): {outlets[ids[1]]} published first, "
                        f"so {outlets[ids[2]]} may have taken them from it (or both from a source neither names).")
    cov.tables["articles"] = cov.articles.assign(published=["", "", "2023-09-05"])
    assert any("(12 words): which went first is unknown" in f for f in widgets.key_findings(cov))


def test_key_findings_count_outlets_beyond_a_readable_list() -> None:
    from newslib.settings import Settings

    outlets = [f"Outlet {chr(65 + i)}" for i in range(12)]
    rows = [{"article_id": f"a{i}", "outlet": outlets[i], "published": ""} for i in range(12)]
    rows += [{"article_id": "a12", "outlet": "Outlet L", "published": ""},
             {"article_id": "a13", "outlet": "Outlet L", "published": ""}]
    cov = Coverage(settings=Settings(), texts={}, tables={"articles": pd.DataFrame(rows)})
    first = widgets.key_findings(cov)[0]
    assert first == ("14 articles from 12 outlets (most articles: Outlet L (3), Outlet A (1), Outlet B (1), "
                     "Outlet C (1), Outlet D (1), Outlet E (1), Outlet F (1) and 5 others).")
    assert widgets._few_names(outlets[:8]) == widgets.join_names(outlets[:8])
    assert widgets._few_names(outlets).endswith("Outlet G and 5 other outlets")



def test_claim_lists_keep_the_outlets_with_the_longest_lists() -> None:
    from newslib.settings import Settings

    outlets = [f"Outlet {chr(65 + i)}" for i in range(5)]
    # claim ci is carried only by outlet i, and outlet i has i + 1 such claims
    claims, links = [], []
    for i, outlet in enumerate(outlets):
        for k in range(i + 1):
            cid = f"c{i}-{k}"
            claims.append((cid, f"Claim {k} of {outlet}", 1, outlet, "narrative"))
            links.append((cid, f"s{i}-{k}", f"a{i}", outlet, 1.0))
    tables = {
        "claims": pd.DataFrame(claims, columns=["claim_id", "label", "n_outlets", "outlets", "kind"]),
        "claim_links": pd.DataFrame(links, columns=["claim_id", "sent_id", "article_id", "outlet", "score"]),
        "articles": pd.DataFrame({"article_id": [f"a{i}" for i in range(5)], "outlet": outlets}),
    }
    cov = Coverage(settings=Settings(), texts={}, tables=tables)
    page = str(widgets.unique_claims_html(cov, max_outlets=2))
    assert "<h4>Outlet E (5)</h4>" in page and "<h4>Outlet D (4)</h4>" in page
    assert "Outlet C" not in page and "3 more outlets with shorter lists" in page
    assert page.index("Outlet E") < page.index("Outlet D")  # longest list first
    every = str(widgets.unique_claims_html(cov, max_outlets=None))
    assert [f"<h4>{o} ({i + 1})</h4>" in every for i, o in enumerate(outlets)] == [True] * 5


@pytest.mark.parametrize("n_outlets", [1, 2, 4])
def test_shared_core_counts_agree_between_key_numbers_findings_and_the_table(n_outlets: int) -> None:
    from newslib.settings import Settings

    outlets = [f"Outlet {chr(65 + i)}" for i in range(n_outlets)]
    # claim ci is carried by the first i + 1 outlets
    claims = pd.DataFrame([(f"c{i}", f"Claim {i}", i + 1, ";".join(outlets[: i + 1]), "narrative")
                           for i in range(n_outlets)], columns=["claim_id", "label", "n_outlets", "outlets", "kind"])
    links = pd.DataFrame([(f"c{i}", f"s{i}-{j}", f"a{j}", outlets[j], 1.0) for i in range(n_outlets) for j in range(i + 1)],
                         columns=["claim_id", "sent_id", "article_id", "outlet", "score"])
    articles = pd.DataFrame({"article_id": [f"a{j}" for j in range(n_outlets)], "outlet": outlets})
    cov = Coverage(settings=Settings(), texts={}, tables={"claims": claims, "claim_links": links, "articles": articles})
    core = cov.shared_core()
    numbers = dict(zip(widgets.key_numbers(cov)["measure"], widgets.key_numbers(cov)["value"]))
    k = max(2, min(3, n_outlets))
    assert numbers[f"claims in the shared core (carried by ≥{k} outlets)"] == len(core)
    assert (core["n_outlets"] >= k).all()
    findings = widgets.key_findings(cov)
    if n_outlets == 1:
        assert core.empty and not any("shared core" in f for f in findings)
    else:
        assert any(f"{len(core)} carried by at least {k} outlets (the shared core)" in f for f in findings)


def test_copying_and_shared_text_tables_are_escaped_html(cov: Coverage) -> None:
    ids = cov.articles["article_id"].tolist()
    outlets = dict(zip(cov.articles["article_id"], cov.articles["outlet"]))
    cov.tables["reuse_passages"] = pd.DataFrame([{
        "article_a": ids[0], "outlet_a": outlets[ids[0]], "article_b": ids[1], "outlet_b": outlets[ids[1]],
        "n_words": 9, "upstream": "", "same_outlet": False, "speaker": "", "source": "",
        "text": "<script>alert(1)</script> shared words here for the test",
    }])
    copied = str(widgets.copying_html(cov))
    assert "Shared text per pair of articles" in copied and "traced to a source" in copied
    assert "order unknown: 9 untraced words" in copied
    sources = str(widgets.shared_text_sources_html(cov, caption="Sources of shared text"))
    assert "Sources of shared text" in sources and "longest passage" in sources
    assert "<script>" not in sources and "&lt;script&gt;" in sources
