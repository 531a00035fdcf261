"""Cleaning: boilerplate goes with a reason, article text stays, nothing is lost."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newslib.clean import clean_corpus, line_reason
from newslib.corpus import Corpus, load_corpus

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "data" / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"
GOLD_REMOVED = Path(__file__).parent / "gold" / "seed_removed.csv"


@pytest.fixture(scope="module")
def seeds():
    corpus = load_corpus(SEEDS)
    return corpus, clean_corpus(corpus)


def test_seed_removals_match_the_gold_list_exactly(seeds):
    """Every boilerplate line of the seeds goes, and no other line does."""
    _, cleaned = seeds
    with GOLD_REMOVED.open(encoding="utf-8") as fh:
        gold = {(r["article_id"], int(r["line_no"]), r["reason"]) for r in csv.DictReader(fh)}
    got = {(r.article_id, r.line_no, r.reason.split(" (")[0]) for r in cleaned.removed.itertuples()}
    assert got == gold


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Skip to main content", "navigation"),
        ("Share This article", "share bar"),
        ("READ MORE: Space is teeming with tons of deadly rocket junk", "read-more teaser"),
        ("🎙️ Voice is AI-generated. Inconsistencies may occur.", "audio player notice"),
        ("LOADINGERROR LOADING", "widget debris"),
        ("What's Hot", "widget debris"),
        ("Close", "widget debris"),
        ("For the latest news from the Daily Star, sign up for our newsletter by clicking here.", "newsletter sign-up"),
        ("Source: Read Full Article", "syndication footer"),
        ("About the writer", "author bio"),
        ("About The Author", "author bio"),
        ("Kaitlin Lewis is a reporter on the Night Team based in Boston. Her focus is reporting on national ... Read more",
         "author bio"),
        ("Putin speaks with Kim on April 25, 2019, in Vladivostok. Mikhail Svetlov/Getty Images", "photo caption"),
        ("Members of the delegation arrive in Pyongyang. KCNA via REUTERS", "photo caption"),
        ("• Panicked Putin begging 'foreigners' to join invasion", "promo bullet"),
    ],
)
def test_boilerplate_lines(line, reason):
    assert line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Newsweek reached out to the Russian Foreign Ministry via email for comment.",
        "The Kremlin has so far refused to comment on the reports.",
        "Share prices in Moscow fell sharply after the announcement.",
        "Close allies of the president said the summit would go ahead.",
        "“Read more books,” the minister told students in Pyongyang.",
        "• The meeting is expected to take place in Vladivostok.",
        "About 300,000 Russian troops have been killed or wounded, U.S. officials said.",
        "Photos released by state media showed the train arriving at the border.",
    ],
)
def test_article_text_is_never_boilerplate(line):
    assert line_reason(line) is None


def test_every_seed_sentence_survives(seeds):
    corpus, cleaned = seeds
    removed_lines = set(zip(cleaned.removed["article_id"], cleaned.removed["line_no"]))
    for article in corpus:
        for no, line in enumerate(article.text.split("\n"), start=1):
            if line.strip() and (article.article_id, no) not in removed_lines:
                assert line.strip() in cleaned.texts[article.article_id]


def _conservation(corpus: Corpus) -> None:
    cleaned = clean_corpus(corpus)
    removed = {}
    for row in cleaned.removed.itertuples():
        removed.setdefault((row.article_id, row.line_no), []).append(row.text)
    kept = {(r.article_id, r.line_no) for r in cleaned.paragraphs.itertuples()}
    for article in corpus:
        text = cleaned.texts[article.article_id]
        paragraphs = text.split("\n\n") if text else []
        para_rows = cleaned.paragraphs[cleaned.paragraphs["article_id"] == article.article_id]
        assert len(para_rows) == len(paragraphs)
        for row in para_rows.itertuples():
            assert text[row.start:row.end] == paragraphs[row.paragraph]
        for no, line in enumerate(article.text.split("\n"), start=1):
            if not line.strip():
                continue
            key = (article.article_id, no)
            pieces = removed.get(key, [])
            if key in kept:
                para = para_rows[para_rows["line_no"] == no].iloc[0]
                pieces = pieces + [text[para.start:para.end]]
            assert pieces, f"line {no} of {article.article_id} is neither kept nor removed: {line!r}"
            assert "".join(pieces).replace(" ", "") == line.strip().replace(" ", "")


@pytest.mark.parametrize("folder", ["seeds", "bad_inputs", "formats", "hostile"])
def test_conservation_on_every_fixture(folder):
    path = SEEDS if folder == "seeds" else FIXTURES / folder
    if not path.exists():
        pytest.skip(f"fixture folder {folder} not present")
    _conservation(load_corpus(path))


def test_within_article_repeats_are_flagged_not_deleted(seeds):
    _, cleaned = seeds
    rep = cleaned.line_repeats
    huff = rep[rep["article_id"] == "002_e094be5a91abe9cb"]
    assert len(huff) == 1
    row = huff.iloc[0]
    assert row.kind == "near" and row.first_line_no == 3
    assert "Vladivostok" in row.text
    assert row.text in cleaned.texts["002_e094be5a91abe9cb"]


def test_exact_repeat_flagged():
    corpus = Corpus.from_records([{
        "id": "a", "outlet": "X", "title": "Talks",
        "text": "Talks\n\nThe envoy arrived in Moscow on Monday for two days of talks.\n\n"
                "Officials declined to comment.\n\nThe envoy arrived in Moscow on Monday for two days of talks.",
    }])
    rep = clean_corpus(corpus).line_repeats
    assert rep[["line_no", "first_line_no", "kind"]].values.tolist() == [[7, 3, "exact"]]


def _outlet_story(n: int, body: str) -> dict:
    return {
        "id": f"ledger-{n}", "outlet": "Ledger", "title": f"Story {n}",
        "text": f"Story {n}\n\n{body}\n\nFollow the Ledger on Threads for live updates\n\nThe Ledger's morning briefing",
    }


def test_lines_repeated_across_one_outlets_articles_are_boilerplate():
    corpus = Corpus.from_records([
        _outlet_story(1, "Kim arrived in Vladivostok by train on Tuesday, state media reported."),
        _outlet_story(2, "Putin praised the talks as productive and said ties would deepen."),
        _outlet_story(3, "Analysts doubted the deal would change the course of the war."),
        {"id": "other", "outlet": "Herald", "title": "T",
         "text": "T\n\nKim arrived in Vladivostok by train on Tuesday, state media reported."},
    ])
    cleaned = clean_corpus(corpus)
    reasons = cleaned.removed.groupby("reason").size().to_dict()
    assert reasons == {"headline (repeats articles.title)": 4,
                       "outlet boilerplate (line in 3 Ledger articles)": 6}
    for n in (1, 2, 3):
        assert "Follow the Ledger" not in cleaned.texts[f"ledger-{n}"]
    assert "Vladivostok" in cleaned.texts["ledger-1"]


def test_text_shared_with_other_outlets_is_never_outlet_boilerplate():
    quote = "“This will generate a lot of attention,” Hertling said."
    corpus = Corpus.from_records([
        {"id": "a1", "outlet": "A", "title": "t", "text": f"t\n\n{quote}\n\nFirst story body here."},
        {"id": "a2", "outlet": "A", "title": "t", "text": f"t\n\n{quote}\n\nSecond story body here."},
        {"id": "b1", "outlet": "B", "title": "t", "text": f"t\n\n{quote}"},
    ])
    cleaned = clean_corpus(corpus)
    assert all(quote in cleaned.texts[a] for a in ("a1", "a2", "b1"))


def test_an_outlets_update_of_its_own_story_keeps_its_text():
    """Two versions of one story share lines, but they are not a template."""
    body = ("Kim arrived in Vladivostok by armored train on Tuesday, state media reported.\n\n"
            "Officials said talks would last two days\n\n"
            "“We will discuss everything,” Putin said.")
    corpus = Corpus.from_records([
        {"id": "v1", "outlet": "Ledger", "title": "Kim arrives", "text": "Kim arrives\n\n" + body},
        {"id": "v2", "outlet": "Ledger", "title": "Kim arrives (update)",
         "text": "Kim arrives (update)\n\n" + body + "\n\nThe talks ended early on Wednesday, the Kremlin said."},
    ])
    cleaned = clean_corpus(corpus)
    assert not cleaned.removed["reason"].str.startswith("outlet boilerplate").any()
    assert "Officials said talks would last two days" in cleaned.texts["v1"]


@pytest.mark.parametrize(
    "record, kept_first_line",
    [
        ({"id": "a", "text": "Valid text about the summit in Vladivostok this month, officials said."}, True),
        ({"id": "b", "title": "Summit set", "text": "Summit set\n\nThe summit is set for this month."}, False),
        ({"id": "c", "title": "Summit set", "text": "The summit is set for this month."}, True),
    ],
)
def test_records_without_a_title_keep_their_first_line(record, kept_first_line):
    cleaned = clean_corpus(Corpus.from_records([record]))
    first = record["text"].split("\n")[0]
    assert (first in cleaned.texts[record["id"]]) is kept_first_line
