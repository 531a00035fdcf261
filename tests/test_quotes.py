"""Tests for newslib.quotes: quote spans, speakers, canonical names, problems."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from newslib import extract_quotes
from newslib.quotes import QUOTE_COLUMNS, SPEAKER_COLUMNS, canonical_name, find_quotes

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"


def _speaker(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _records(text: str) -> list[tuple[str, str | None, str]]:
    q = extract_quotes(text)
    return [(t, _speaker(s), k) for t, s, k in zip(q["text"], q["speaker"], q["kind"])]


# ---------------------------------------------------------------------------
# The five seed articles: every quote, pinned
# ---------------------------------------------------------------------------

NW, BI, HP, DS, CBN = (
    "000_3e23e276673ce56c", "001_01a15b07aa252328", "002_e094be5a91abe9cb",
    "003_5497c36121d493da", "004_206219e46a845f3a",
)
H, M = "Mark Hertling", "James Marks"
#: (article, start of the quote text, speaker, kind), in text order.
SEED_QUOTES = [
    (NW, "seeking food aid for his impoverished nation.", None, "partial"),
    (NW, "great deal of significance", H, "partial"),
    (NW, "You opened this saying these are two of Washington's biggest rivals,", H, "direct"),
    (NW, "They're also two desperate leaders", H, "direct"),
    (NW, "This will generate a lot of attention,", H, "direct"),
    (NW, "It's showing that Mr. Putin is scrambling for help.", H, "direct"),
    (NW, "Russia is in a desperate situation right now,", M, "direct"),
    (NW, "Additional weapons from North Korea to Russia [is] not surprising at all,", M, "direct"),
    (NW, "They share the same type of caliber weapon systems. So it's", M, "direct"),
    (NW, "are large caliber artillery shells", H, "partial"),
    (NW, "There's just a lot of quantity,", H, "direct"),
    (NW, "Now, quantity has a quality all of its own", H, "direct"),
    (NW, "I don't think personally from a military perspective", H, "direct"),
    (BI, "It’s showing that Mr. Putin is scrambling for help,", H, "direct"),
    (BI, "two desperate leaders of the world’s most noted pariah states.", H, "partial"),
    (BI, "This will generate a lot of attention. It’s showing", H, "direct"),
    (BI, "Additional weapons from North Korea to Russia? Not surprising", M, "direct"),
    (BI, "But again, this is not going to strategically alter", M, "direct"),
    (HP, "is scrambling for help", H, "partial"),
    (HP, "artillery shells and antitank missiles", None, "partial"),
    (HP, "advanced technology for satellites", None, "partial"),
    (HP, "They’re also two desperate leaders", H, "direct"),
    (HP, "It’s showing that Mr. Putin is scrambling for help.", H, "direct"),
    (HP, "actively advancing,", "Karine Jean-Pierre", "partial"),
    (HP, "in very poor condition.", "John Everard", "partial"),
    (HP, "desperate", M, "partial"),
    (HP, "a very tactical move.", M, "partial"),
    (HP, "There’s nothing strategic about a long-term relationship", M, "direct"),
    (HP, "strategically alter the outcome of the fight in Ukraine.", M, "partial"),
    (HP, "What it really describes is that Kim Jong Un is looking for a partner,", M, "direct"),
    (HP, "to cease its arms negotiations with Russia", "Adrienne Watson", "partial"),
    (DS, "Washington's biggest enemies", None, "partial"),
    (DS, "They're also two desperate leaders of the world's most noted pariah states.", H, "direct"),
    (DS, "This will generate a lot of attention. It's showing", H, "direct"),
    (DS, "Russia is in a desperate situation right now.", M, "direct"),
    (DS, "They share the same type of calibre weapon systems.", M, "direct"),
    (DS, "So it's an immediate plus-up.", M, "direct"),
    (DS, "But again, this is not going to strategically alter", M, "direct"),
    (DS, "more at the surface level", "John Kirby", "partial"),
    (CBN, "I think that it comes at the time when Russia", "Alexander Gabuev", "direct"),
    (CBN, "Russia is negotiating potential deals", "Linda Thomas-Greenfield", "direct"),
    (CBN, "I think it says a lot that Russia is having to turn", "Jake Sullivan", "direct"),
    (CBN, "Russia's obviously desperate for replacement munitions", "David Petraeus", "direct"),
    (CBN, "We are and should even be doing more", "David Petraeus", "direct"),
    (CBN, "There is no other way to look at that than desperation and weakness,", "John Kirby", "direct"),
    (CBN, "North Koreans are looking for economic support", "Alexander Gabuev", "direct"),
    (CBN, "Russia seems to be ready to provide that", "Alexander Gabuev", "direct"),
    (CBN, "Our information further indicates that following Shoigu's visit", "Linda Thomas-Greenfield", "direct"),
]


@pytest.fixture(scope="module")
def seeds():
    from newslib import clean, corpus, sentences
    from newslib.settings import Settings

    settings = Settings()
    cleaned = clean.clean_corpus(corpus.load_corpus(SEEDS, settings=settings), settings=settings)
    sents = sentences.split_sentences(cleaned.texts, cleaned.articles, settings=settings)
    result = find_quotes(cleaned.texts, sents, cleaned.articles, settings=settings)
    return cleaned.texts, sents, result


def test_every_seed_quote_found_and_attributed(seeds):
    _, _, result = seeds
    q = result.quotes.sort_values(["article_id", "start"])
    got = [(a, t, _speaker(s), k) for a, t, s, k in zip(q["article_id"], q["text"], q["speaker"], q["kind"])]
    assert len(got) == len(SEED_QUOTES)
    for (a, t, s, k), (ea, et, es, ek) in zip(got, SEED_QUOTES):
        assert (a, s, k) == (ea, es, ek), t
        assert t.startswith(et)


def test_seed_offsets_and_sentence_ids(seeds):
    texts, sents, result = seeds
    by_id = sents.set_index("sent_id")
    for row in result.quotes.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text
        sent = by_id.loc[row.sent_id]
        assert sent.article_id == row.article_id
        assert sent.start <= row.start < sent.end
    assert list(result.quotes.columns) == QUOTE_COLUMNS
    assert result.quotes["quote_id"].is_unique


@pytest.mark.parametrize(
    "article, start, mention, cue, role",
    [
        (NW, "I don't think personally", "he", "said", "Retired United States Army General"),
        (HP, "What it really describes", "Marks", "explained", "Retired Maj. Gen."),
        (HP, "in very poor condition.", "John Everard", "told",
         "the U.K.’s ambassador to North Korea from 2006 to 2008"),
        (DS, "So it's an immediate plus-up.", "Fellow retired Army Major General James A “Spider” Marks",
         "added", "retired Army Major General"),
        (CBN, "I think that it comes", "Alexander Gabuev", "said", "with the Carnegie Moscow Center"),
        (CBN, "Russia is negotiating potential deals", "Linda Thomas-Greenfield", "said",
         "the U.S. representative to the United Nations"),
        (CBN, "I think it says a lot", "National Security Advisor Jake Sullivan", "said", "National Security Advisor"),
        (CBN, "We are and should even be doing more", "Petraeus", "said",
         "Former U.S. Army General and CIA director"),
        (BI, "It’s showing that Mr. Putin", "retired Lt. Gen. Mark Hertling", "told", "retired Lt. Gen."),
    ],
)
def test_seed_mentions_cues_and_roles(seeds, article, start, mention, cue, role):
    _, _, result = seeds
    q = result.quotes
    row = q[(q["article_id"] == article) & q["text"].str.startswith(start)].iloc[0]
    assert (row.speaker_mention, row.cue, row.role) == (mention, cue, role)


def test_seed_speakers_merged_with_roles_by_outlet(seeds):
    _, _, result = seeds
    spk = result.speakers.set_index("speaker")
    assert list(result.speakers.columns) == SPEAKER_COLUMNS
    hertling = spk.loc["Mark Hertling"]
    assert hertling.outlets == "Business Insider;Daily Star;HuffPost;Newsweek"
    roles = json.loads(hertling.roles_by_outlet)
    assert roles["Newsweek"] == ["Retired United States Army General"]
    assert "retired Lt. Gen." in roles["Business Insider"]
    assert roles["Daily Star"] == ["former US Army General"]
    assert {"Hertling", "he", "He", "retired Lt. Gen. Mark Hertling"} <= set(hertling.mentions.split("; "))
    marks = spk.loc["James Marks"]
    assert marks.outlets == "Business Insider;Daily Star;HuffPost;Newsweek"
    assert int(marks.n_quotes) == 14  # Newsweek 3, Business Insider 2, HuffPost 5, Daily Star 4
    # nobody is split off under a surname or a nickname
    assert not ({"Marks", "Hertling", "Spider", "James"} & set(spk.index))


def test_seed_scare_quotes_and_nicknames_not_quotes(seeds):
    _, _, result = seeds
    q = result.quotes
    ds = q[q["article_id"] == DS]
    assert "desperate" not in set(ds["text"])  # labelled as “desperate” / called “desperate”
    assert not q["text"].str.contains("Spider").any()
    assert "Situation Room." not in set(q["text"])
    assert result.problems.empty


# ---------------------------------------------------------------------------
# Text in, records out
# ---------------------------------------------------------------------------

CASES = [
    pytest.param(
        "\"It's Washington's problem now, and they don't want it,\" said Mayor Ana Ruiz.",
        [("It's Washington's problem now, and they don't want it,", "Ana Ruiz", "direct")],
        id="apostrophes-inside-double-quotes",
    ),
    pytest.param(
        "'It's the kids' faces that keep me coming back,' said volunteer Jess Carter, 24.",
        [("It's the kids' faces that keep me coming back,", "Jess Carter", "direct")],
        id="straight-single-quotes-with-possessive",
    ),
    pytest.param(
        "Owner Debbie Marsh said: ‘When the vet rang I had to sit down.\n\n"
        "‘He’s a bit greyer round the whiskers but he knew me straight away.’\n\n"
        "The cat is now ten.",
        [("When the vet rang I had to sit down.", "Debbie Marsh", "direct"),
         ("He’s a bit greyer round the whiskers but he knew me straight away.", "Debbie Marsh", "direct")],
        id="british-multi-paragraph",
    ),
    pytest.param(
        "\"We were told the bridge was safe,\" said Halima Yusuf, \"and we believed them.\"\n\n"
        "\"The inspection was done,\" Gordon Price said. \"The question is whether it was done properly.\"",
        [("We were told the bridge was safe,", "Halima Yusuf", "direct"),
         ("and we believed them.", "Halima Yusuf", "direct"),
         ("The inspection was done,", "Gordon Price", "direct"),
         ("The question is whether it was done properly.", "Gordon Price", "direct")],
        id="interrupted-quotes",
    ),
    pytest.param(
        "Olivia Brennan retired last spring after 22 years in the control tower.\n\n"
        "\"You trust the pilots and they trust you,\" she said.\n\n"
        "Her supervisor, Raymond Tully, remembered her well. \"She never raised her voice,\" he said.",
        [("You trust the pilots and they trust you,", "Olivia Brennan", "direct"),
         ("She never raised her voice,", "Raymond Tully", "direct")],
        id="pronouns-by-gender",
    ),
    pytest.param(
        "\"It was like a wall of water,\" said Tomas Ferreira, who runs a bakery on Front Street.\n\n"
        "\"By the time we got the doors shut, it was already up to our knees.\"",
        [("It was like a wall of water,", "Tomas Ferreira", "direct"),
         ("By the time we got the doors shut, it was already up to our knees.", "Tomas Ferreira", "direct")],
        id="continuation-paragraph",
    ),
    pytest.param(
        "Senator Maria Castellanos said Tuesday that the cuts would be \"devastating for rural hospitals\" "
        "and vowed to \"fight this line by line.\"",
        [("devastating for rural hospitals", "Maria Castellanos", "partial"),
         ("fight this line by line.", "Maria Castellanos", "partial")],
        id="partial-quotes",
    ),
    pytest.param(
        "The so-called \"peace dividend\" never arrived. Critics have labelled the plan \"reckless,\" and "
        "the word \"unprecedented\" appears 14 times. Its star, Robert \"Bobby\" Tan, plays a detective in "
        "\"The Quiet Coast.\"",
        [],
        id="scare-quotes-nicknames-titles",
    ),
    pytest.param(
        "\"There are no casualties and the situation is under control,\" the ministry said.",
        [("There are no casualties and the situation is under control,", None, "direct")],
        id="unnamed-institution",
    ),
    pytest.param(
        "KELLER: General, what does this tell you?\n\n"
        "LT. GEN. THOMAS WEXLEY (RET.), CNN MILITARY ANALYST: It tells me both leaders are desperate.\n\n"
        "WEXLEY: Artillery rounds, mostly.",
        [("General, what does this tell you?", "Keller", "direct"),
         ("It tells me both leaders are desperate.", "Thomas Wexley", "direct"),
         ("Artillery rounds, mostly.", "Thomas Wexley", "direct")],
        id="broadcast-transcript",
    ),
    pytest.param(
        "Putin slammed as ‘desperate’ over ‘scrambling for help’ from Kim",
        [],
        id="headline-style-labels",
    ),
    pytest.param(
        "In an interview with Fox News' Bret Carver, the governor held firm.\n\n"
        "Carver pushed back. \"Can you really afford to turn that money down?\" he asked.",
        [("Can you really afford to turn that money down?", "Bret Carver", "direct")],
        id="possessive-outlet-before-name",
    ),
    pytest.param(
        "\"People's budgets are stretched,\" said the charity's chief executive, Imran Siddiqui.",
        [("People's budgets are stretched,", "Imran Siddiqui", "direct")],
        id="inverted-cue-generic-head-then-name",
    ),
    pytest.param(
        "\"I'm 67. Where am I supposed to go?\" Rosa Delacroix-Baptiste says. "
        "\"I have customers who were babies then.\"",
        [("I'm 67. Where am I supposed to go?", "Rosa Delacroix-Baptiste", "direct"),
         ("I have customers who were babies then.", "Rosa Delacroix-Baptiste", "direct")],
        id="question-then-attribution-sentence-then-more",
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_extract_quotes_cases(text, expected):
    assert _records(text) == expected


def test_unattributed_quote_has_reason():
    q = extract_quotes("The letter ended abruptly. \"Nobody will ever know what happened on that boat.\"")
    assert len(q) == 1
    assert _speaker(q.loc[0, "speaker"]) is None
    assert "no speech cue" in q.loc[0, "reason_if_unattributed"]


def test_they_is_not_guessed():
    q = extract_quotes("\"We are still waiting for the parts to arrive,\" they said in a notice.")
    assert _speaker(q.loc[0, "speaker"]) is None
    assert q.loc[0, "speaker_mention"] == "they"
    assert "pronoun" in q.loc[0, "reason_if_unattributed"]


# ---------------------------------------------------------------------------
# Unbalanced marks: never crash, never swallow the article
# ---------------------------------------------------------------------------


def _run(text: str):
    articles = pd.DataFrame({"article_id": ["a1"], "outlet": ["Test"]})
    from newslib.sentences import split_sentences

    sents = split_sentences({"a1": text}, articles)
    return find_quotes({"a1": text}, sents, articles)


def test_unclosed_quote_is_capped_and_recorded():
    text = ("Officials said the talks were \"productive and would resume next week.\n\n"
            "The two sides have met four times since March.\n\n"
            "\"We are not going to negotiate through the press,\" said Deputy Foreign Minister Andrei Volkov.")
    result = _run(text)
    q = result.quotes
    assert list(q["text"]) == ["productive and would resume next week.",
                               "We are not going to negotiate through the press,"]
    assert _speaker(q.loc[1, "speaker"]) == "Andrei Volkov"
    assert q.loc[0, "confidence"] < q.loc[1, "confidence"]
    assert list(result.problems["problem"]) == ["unbalanced_quotes"]
    assert result.problems.loc[0, "path"] == "a1"


def test_unclosed_quote_with_its_own_attribution_is_repaired():
    text = ("\"The ship was listing badly by the time we reached her, said coastguard spokesman Ian Petrie.\n\n"
            "Crews rescued all 14 people on board.")
    q = _run(text).quotes
    assert list(q["text"]) == ["The ship was listing badly by the time we reached her,"]
    assert q.loc[0, "speaker"] == "Ian Petrie"


def test_stray_closing_mark_is_recorded():
    result = _run("“We will defend the minister’s reputation robustly,” he added.”\n\nAn inquiry was called.")
    assert len(result.quotes) == 1
    assert "no opening mark" in result.problems.loc[0, "detail"]


@pytest.mark.parametrize("text", ["", "\"", "'''", "“ ” ‘ ’ \" '", "\"\"\"\"\"\n\n\"", "He said: “", "’s ’s ’s"])
def test_degenerate_input_does_not_crash(text):
    q = extract_quotes(text)
    assert list(q.columns) == QUOTE_COLUMNS


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tokens, expected",
    [
        (("James", "A.", "\"Spider\"", "Marks"), "James Marks"),
        (("James", "“Spider”", "Marks"), "James Marks"),
        (("James", "A", "“Spider”", "Marks"), "James Marks"),
        (("Mr.", "Putin"), "Putin"),
        (("Linda", "Thomas-Greenfield"), "Linda Thomas-Greenfield"),
        (("Martin", "Luther", "King", "Jr."), "Martin Luther King"),
    ],
)
def test_canonical_name(tokens, expected):
    assert canonical_name(tokens) == expected


def test_surname_resolved_across_corpus():
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["One", "Two"]})
    texts = {
        "a": "\"We will hold the line,\" said Colonel Petra Hlavac, the brigade commander.",
        "b": "\"The line held,\" Hlavac told reporters on Friday.",
    }
    from newslib.sentences import split_sentences

    result = find_quotes(texts, split_sentences(texts, articles), articles)
    assert list(result.quotes["speaker"]) == ["Petra Hlavac", "Petra Hlavac"]
    row = result.speakers.iloc[0]
    assert row.outlets == "One;Two"
    assert json.loads(row.roles_by_outlet) == {"One": ["Colonel"]}


# ---------------------------------------------------------------------------
# Evaluation gate (benchmarks/eval_quotes.py on the labelled set)
# ---------------------------------------------------------------------------


def test_eval_gate_on_held_out_split():
    import importlib.util

    spec = importlib.util.spec_from_file_location("eval_quotes", ROOT / "benchmarks" / "eval_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    records = [json.loads(line) for line in module.GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sum(len(r["quotes"]) for r in records) >= 200
    counts, _ = module.evaluate(records)
    held = counts[("heldout", "ALL")]
    assert held["tp"] / held["gold"] >= module.TARGET_RECALL
    assert held["spk_ok_direct"] / held["tp_direct"] >= module.TARGET_SPEAKER_ACCURACY
    assert held["violations"] == 0
