"""Sentence splitting: abbreviations, quotation marks, offsets and stable IDs."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newslib
from newslib.sentences import sentence_spans, split_sentences

SEEDS = Path(__file__).parents[1] / "data" / "seeds"


def _split(text: str) -> list[str]:
    return [text[s:e] for _, s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Retired Lt. Gen. Mark Hertling spoke to CNN. He was blunt.",
         ["Retired Lt. Gen. Mark Hertling spoke to CNN.", "He was blunt."]),
        ("Retired Maj. Gen. James A. \"Spider\" Marks joined him. Both were retired.",
         ["Retired Maj. Gen. James A. \"Spider\" Marks joined him.", "Both were retired."]),
        ("U.S. officials said the U.K. and the U.N. were told. Dr. Lee agreed.",
         ["U.S. officials said the U.K. and the U.N. were told.", "Dr. Lee agreed."]),
        ("Sen. Warren and Gov. Hochul met Mr. Smith, Mrs. Jones and Ms. Park on St. Mark's Place. They talked.",
         ["Sen. Warren and Gov. Hochul met Mr. Smith, Mrs. Jones and Ms. Park on St. Mark's Place.", "They talked."]),
        ("\"Additional weapons from North Korea to Russia [is] not surprising at all,\" Marks said. \"They share the same type of caliber weapon systems.\"",
         ["\"Additional weapons from North Korea to Russia [is] not surprising at all,\" Marks said.",
          "\"They share the same type of caliber weapon systems.\""]),
        ("“It’s showing that Mr. Putin is scrambling for help.” Kim has not commented.",
         ["“It’s showing that Mr. Putin is scrambling for help.”", "Kim has not commented."]),
        ("“Is this the end?” he asked. Nobody answered.",
         ["“Is this the end?” he asked.", "Nobody answered."]),
        ("Col. Sanders and Adm. Byrd met Sgt. Pepper at 10 a.m. on Sept. 5. It rained.",
         ["Col. Sanders and Adm. Byrd met Sgt. Pepper at 10 a.m. on Sept. 5.", "It rained."]),
    ],
)
def test_sentence_splitting(text, expected):
    assert _split(text) == expected


def test_british_multi_paragraph_quote_stays_in_its_paragraphs():
    text = ("Marks added: “Russia is in a desperate situation right now.\n\n"
            "“They share the same type of calibre weapon systems.\n\n"
            "“But again, this is not going to strategically alter the outcome.”")
    spans = sentence_spans(text)
    assert [p for p, _, _ in spans] == [0, 1, 2]
    assert text[spans[1][1]:spans[1][2]] == "“They share the same type of calibre weapon systems."


@pytest.fixture(scope="module")
def seed_coverage():
    return newslib.compare(SEEDS, stages=())


def test_offsets_point_into_the_cleaned_text(seed_coverage):
    for row in seed_coverage.sentences.itertuples():
        assert seed_coverage.texts[row.article_id][row.start:row.end] == row.text
        assert 0 <= row.position < 1


def test_seed_sentence_counts_and_key_sentences(seed_coverage):
    counts = seed_coverage.sentences.groupby("outlet").size().to_dict()
    assert counts == {"Newsweek": 23, "Business Insider": 18, "HuffPost": 17, "Daily Star": 16, "CBN News": 23}
    texts = set(seed_coverage.sentences["text"])
    assert ('"Russia is in a desperate situation right now," said retired Army Major General '
            'James A. "Spider" Marks, who joined Hertling on CNN.') in texts
    assert ("Potential arms negotiations between Russia and North Korea show just how desperate for help "
            "Russian President Vladimir Putin is, said retired US Lt. Gen. Mark Hertling.") in texts
    assert ("But John Everard, who served as the U.K.’s ambassador to North Korea from 2006 to 2008, "
            "told the BBC North Korea’s stockpiles are “in very poor condition.”") in texts


def test_ids_are_deterministic(seed_coverage):
    again = newslib.compare(SEEDS, stages=())
    pd.testing.assert_frame_equal(seed_coverage.sentences, again.sentences)
    assert seed_coverage.sentences["sent_id"].is_unique
    assert seed_coverage.sentences["sent_id"].iloc[0] == "000_3e23e276673ce56c-s0000"


def test_extra_abbreviations_option():
    texts = {"a": "The Brig. Gen. spoke to Capt. Ahab. Then the Cmdt. Xu left."}
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["X"]})
    default = split_sentences(texts, articles)
    assert default["text"].tolist() == ["The Brig. Gen. spoke to Capt. Ahab.", "Then the Cmdt. Xu left."]
    texts = {"a": "The Wg. Cdr. spoke first."}
    assert len(split_sentences(texts, articles)) == 2
    extra = split_sentences(texts, articles, settings=newslib.Settings(extra_abbreviations=("wg", "cdr")))
    assert extra["text"].tolist() == ["The Wg. Cdr. spoke first."]


def test_articles_table_counts(seed_coverage):
    arts = seed_coverage.articles.set_index("article_id")
    assert list(seed_coverage.articles.columns[:9]) == [
        "article_id", "outlet", "title", "published", "byline", "url", "source_path", "n_sentences", "n_words"]
    assert arts.loc["000_3e23e276673ce56c", "n_sentences"] == 23
    assert arts.loc["000_3e23e276673ce56c", "title"].startswith("Desperate Putin 'Scrambling for Help'")
    assert arts["n_words"].min() > 250
