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


# ---------------------------------------------------------------------------
# General fixes after blind batch 1 (new sentences, not taken from that batch)
# ---------------------------------------------------------------------------

#: Datelines ("CITY (AP) —") are places: never a speaker, never the antecedent of "he"/"she".
DATELINE_CASES = [
    pytest.param(
        "BEIRUT (AP) — Lebanon's caretaker prime minister, Hassan Fakhry, said Monday that talks with "
        "lenders had stalled.\n\n\"We cannot pay salaries with promises,\" he said.",
        [("We cannot pay salaries with promises,", "Hassan Fakhry", "direct")],
        id="agency-dateline",
    ),
    pytest.param(
        "ST. LOUIS — Marisol Keane spent 14 years teaching third grade before she quit in June.\n\n"
        "\"I loved the kids. I could not afford the rent,\" she said.",
        [("I loved the kids. I could not afford the rent,", "Marisol Keane", "direct")],
        id="city-with-dot-dateline",
    ),
    pytest.param(
        "KYIV, Ukraine (AP) — Oleksandr Hrytsenko has rebuilt his bakery twice since the war began.\n\n"
        "\"Every time they hit us, we open again the next morning,\" he said.",
        [("Every time they hit us, we open again the next morning,", "Oleksandr Hrytsenko", "direct")],
        id="city-country-agency-dateline",
    ),
    pytest.param(
        "LONDON, Sept 5 (Reuters) - Sterling slipped on Tuesday after weak retail data.\n\n"
        "\"The consumer is tapped out,\" said Priya Anand, an economist at Halden Bank.",
        [("The consumer is tapped out,", "Priya Anand", "direct")],
        id="dated-reuters-dateline",
    ),
]

#: Capitalised common nouns at the start of a sentence are not names.
COMMON_NOUN_CASES = [
    pytest.param(
        "Residents said the tap water smelled \"like rotten eggs for weeks.\"",
        [("like rotten eggs for weeks.", None, "partial")],
        id="crowd-noun-subject",
    ),
    pytest.param(
        "Negotiators said the draft was \"nearly there, but not quite.\"",
        [("nearly there, but not quite.", None, "partial")],
        id="plural-noun-subject",
    ),
    pytest.param(
        "McCarthy, 58, told reporters that he had \"no regrets whatsoever.\"",
        [("no regrets whatsoever.", "McCarthy", "partial")],
        id="surname-with-age-is-a-person",
    ),
]

#: Role words (offices, occupations, places, ranks with ordinals) go to the role, not the name.
NAME_ROLE_CASES = [
    pytest.param("\"We lost everything in twenty minutes,\" said plumber Dave Kowalski, whose shop flooded.",
                 "Dave Kowalski", "plumber", id="occupation-lower"),
    pytest.param("Bricklayer Stan Morecroft, 58, said: \"I have never seen prices like it.\"",
                 "Stan Morecroft", "Bricklayer", id="occupation-capitalised"),
    pytest.param("Harris County Judge Lina Ocampo said the shelters were \"full to the brim.\"",
                 "Lina Ocampo", "Harris County Judge", id="place-and-office"),
    pytest.param("\"The board will meet on Friday,\" said Lakeside School District Superintendent Joan Feld.",
                 "Joan Feld", "Lakeside School District Superintendent", id="long-title-case-run"),
    pytest.param("Sgt. 1st Class Tyrone Pike, 31, said: \"We fixed the trucks ourselves.\"",
                 "Tyrone Pike", "Sgt. 1st Class", id="rank-with-ordinal"),
    pytest.param("Private First Class Ana Reyes said: \"Nobody slept that night.\"",
                 "Ana Reyes", "Private First Class", id="rank-class"),
    pytest.param("\"This is a decisive moment,\" said Minister for the Environment Jane Doyle.",
                 "Jane Doyle", "Minister for the Environment", id="minister-for-the"),
    pytest.param("Veteran Labour MP Diane Forsyth said the bill was \"a betrayal of working people.\"",
                 "Diane Forsyth", "Veteran Labour MP", id="party-and-office"),
    pytest.param("Opposition health spokesman Idris Kane said the figures were \"a scandal in slow motion.\"",
                 "Idris Kane", "Opposition health spokesman", id="lower-case-words-inside-role"),
    pytest.param("\"Nobody from the council has called us back,\" said tenants' association chair Beryl Okafor.",
                 "Beryl Okafor", "tenants' association chair", id="plural-possessive-role"),
    pytest.param("\"We remain open to dialogue,\" Ursula von der Leyen told reporters.",
                 "Ursula von der Leyen", "", id="surname-particles"),
    pytest.param("\"It was a miracle,\" said Vivian Lee Park, who was pulled from the rubble.",
                 "Vivian Lee Park", "", id="three-word-name-kept"),
    pytest.param("Economist Dean Baker said the data was \"a mixed bag.\"", "Dean Baker", "Economist",
                 id="surname-that-is-also-a-title"),
    pytest.param("\"I was nervous the whole time,\" said actor Adam Driver.", "Adam Driver", "actor",
                 id="surname-driver"),
    pytest.param("\"The dream is still unfinished,\" Martin Luther King III told the crowd.",
                 "Martin Luther King", "", id="generational-suffix"),
]

#: Organisations are not person speakers: speaker None, mention kept, reason given.
ORGANISATION_CASES = [
    pytest.param("\"The outage was caused by a faulty software update,\" the Federal Communications "
                 "Commission said in a statement.", "the Federal Communications Commission", id="agency"),
    pytest.param("NASA said the launch had been pushed back \"out of an abundance of caution.\"", "NASA",
                 id="acronym"),
    pytest.param("\"No decision has been taken,\" the Ministry of Defence said.", "the Ministry of Defence",
                 id="ministry-of"),
    pytest.param("The Pentagon said the strikes were \"limited and proportionate.\"", "The Pentagon",
                 id="building-for-institution"),
    pytest.param("Downing Street said the prime minister had \"full confidence\" in the home secretary.",
                 "Downing Street", id="street-for-institution"),
    pytest.param("Halden Bank said in a note to clients that it expected rates to stay \"higher for longer.\"",
                 "Halden Bank", id="company"),
]

#: He/she go to a person of the right gender; relatives with one surname are kept apart.
PRONOUN_CASES = [
    pytest.param(
        "Ellen Ruiz and her husband, Tomas Ruiz, ran the hardware store for 30 years.\n\n"
        "\"He did the books and I did the talking,\" she said.",
        [("He did the books and I did the talking,", "Ellen Ruiz", "direct")],
        id="coordinated-subject-she",
    ),
    pytest.param(
        "Tomas Ruiz ran the hardware store with his wife, Ellen Ruiz, for 30 years.\n\n"
        "\"She did the talking,\" he said. \"I did the books.\"\n\n"
        "His wife laughed at that. \"He did not do the books,\" she said.",
        [("She did the talking,", "Tomas Ruiz", "direct"), ("I did the books.", "Tomas Ruiz", "direct"),
         ("He did not do the books,", "Ellen Ruiz", "direct")],
        id="gender-from-his-and-kinship-description",
    ),
    pytest.param(
        "\"We never expected to win,\" said Anna Kowal, 44.\n\n"
        "\"We just wanted to finish,\" said her brother, Piotr Kowal.\n\n"
        "\"Mum cried for an hour,\" Kowal added.",
        [("We never expected to win,", "Anna Kowal", "direct"),
         ("We just wanted to finish,", "Piotr Kowal", "direct"),
         ("Mum cried for an hour,", "Piotr Kowal", "direct")],
        id="kin-apposition-and-latest-full-name",
    ),
    pytest.param(
        "Tomas Kral, 61, and his daughter, Petra Kral, 33, fled the village on foot.\n\n"
        "\"We walked for two days,\" she said.",
        [("We walked for two days,", "Petra Kral", "direct")],
        id="second-subject-by-gender",
    ),
    pytest.param(
        "Dorothea Vance and her brother, Lyle Vance, inherited the farm in 1987.\n\n"
        "\"We argued about everything except the cows,\" he said.\n\n"
        "\"He is being modest. He argued about the cows too,\" she said.",
        [("We argued about everything except the cows,", "Lyle Vance", "direct"),
         ("He is being modest. He argued about the cows too,", "Dorothea Vance", "direct")],
        id="siblings-both-sexes",
    ),
    pytest.param(
        "Kenji Watanabe coaches the under-12 team. His co-coach is a former college player.\n\n"
        "\"The kids teach us patience,\" she said.",
        [("The kids teach us patience,", None, "direct")],
        id="no-female-antecedent-is-not-guessed",
    ),
]

#: Quoted show titles are read as words, so the subject still reaches its verb;
#: epithets in quotes are labels, not speech.
TITLE_AND_LABEL_CASES = [
    pytest.param(
        "Sen. Paula Greer, D-Ore., speaking on \"Face the Nation,\" said the deal was \"a good start.\"",
        [("a good start.", "Paula Greer", "partial")],
        id="show-title-inside-apposition",
    ),
    pytest.param(
        "Economist Rafael Ortiz told NPR's \"Morning Edition\" that the figures were \"genuinely alarming.\"",
        [("genuinely alarming.", "Rafael Ortiz", "partial")],
        id="show-title-after-verb",
    ),
    pytest.param(
        "Gov. Helen Marsh, appearing on \"Good Morning America,\" called the storm \"the worst in a generation.\"",
        [("the worst in a generation.", "Helen Marsh", "partial")],
        id="show-title-then-weak-cue",
    ),
    pytest.param("Marlow, known to teammates as \"the Professor,\" retired in 2019.", [], id="known-as-epithet"),
    pytest.param("Dolores Vance, a former nurse referred to by neighbours as \"the Angel of Elm Street,\" "
                 "died Tuesday.", [], id="referred-to-as-epithet"),
    pytest.param("The striker, nicknamed \"the Hammer,\" scored twice.", [], id="nicknamed"),
]

#: Documents point back to their author; "state" in "state office" is not a verb;
#: a definite source that "called" something is kept, unnamed.
DOCUMENT_AND_CUE_CASES = [
    pytest.param(
        "In a letter to shareholders, chairman Victor Lund said the company faced \"a difficult year.\"\n\n"
        "The letter added that dividends would be \"protected at all costs.\"",
        [("a difficult year.", "Victor Lund", "partial"), ("protected at all costs.", "Victor Lund", "partial")],
        id="document-author-from-same-sentence",
    ),
    pytest.param(
        "The company will close two plants, according to an email sent to staff by chief executive Mei Tan.\n\n"
        "The closures were \"the hardest call of my career,\" according to the email.",
        [("the hardest call of my career,", "Mei Tan", "partial")],
        id="document-author-by-phrase",
    ),
    pytest.param(
        "The ministry issued a statement on Friday.\n\n"
        "The statement said the minister had \"full confidence\" in the police chief.",
        [("full confidence", None, "partial")],
        id="document-without-person-author",
    ),
    pytest.param(
        "\"The trail will reopen in May,\" Carla Voss, who runs the park service's Utah state office, said Tuesday.",
        [("The trail will reopen in May,", "Carla Voss", "direct")],
        id="state-office-is-not-a-cue",
    ),
    pytest.param(
        "Regulators grounded 40 jets on Friday, a step the agency called \"precautionary.\"",
        [("precautionary.", None, "direct")],
        id="definite-source-weak-cue-kept-unnamed",
    ),
]


@pytest.mark.parametrize(
    "text, expected",
    DATELINE_CASES + COMMON_NOUN_CASES + PRONOUN_CASES + TITLE_AND_LABEL_CASES + DOCUMENT_AND_CUE_CASES,
)
def test_general_fix_cases(text, expected):
    assert _records(text) == expected


# ---------------------------------------------------------------------------
# General fixes after blind batch 2 (new sentences, not taken from that batch)
# ---------------------------------------------------------------------------

#: Lower-case role nouns between an affiliation and a name, "who said" clauses,
#: and "<role> at/in the <Organisation>" (the organisation is never the person).
ROLE_NOUN_AND_CLAUSE_CASES = [
    pytest.param(
        "\"Every bed was ruined by the frost,\" said head gardener Tom Aske.",
        [("Every bed was ruined by the frost,", "Tom Aske", "direct")],
        id="title-then-occupation-not-in-title-list",
    ),
    pytest.param(
        "Championship winger Dion Okafor scored twice on Saturday. \"I just kept running,\" he said.",
        [("I just kept running,", "Dion Okafor", "direct")],
        id="affiliation-role-noun-name-subject",
    ),
    pytest.param(
        "House Judiciary Committee ranking member Gloria Pell objected to the schedule. "
        "\"Where is the evidence?\" she asked.",
        [("Where is the evidence?", "Gloria Pell", "direct")],
        id="committee-two-word-lower-role",
    ),
    pytest.param(
        "The ruling was welcomed by Marta Quinlan, director of the Coastal Residents' Forum, who said it "
        "brought \"long-awaited certainty\" to homeowners.",
        [("long-awaited certainty", "Marta Quinlan", "partial")],
        id="who-said-through-apposition",
    ),
    pytest.param(
        "The plan was backed by Councillor Ravi Mehta, who said it was \"the fairest option on the table.\"",
        [("the fairest option on the table.", "Ravi Mehta", "partial")],
        id="who-said",
    ),
    pytest.param(
        "Anika Baptiste, a hydrologist at the Centre for Coastal Flood Research in Plymouth who was not part "
        "of the survey, urged caution. \"One dry summer does not make a trend,\" she said.",
        [("One dry summer does not make a trend,", "Anika Baptiste", "direct")],
        id="organisation-name-after-for-is-not-a-person",
    ),
    pytest.param(
        "A lecturer in New York, Jane Okoye, said the verdict was \"absurd on its face.\"",
        [("absurd on its face.", "Jane Okoye", "partial")],
        id="place-after-role-then-apposition",
    ),
    pytest.param(
        "\"The harvest is the worst in a decade,\" grain analyst in Odesa Petro Kovalenko said. "
        "\"Prices will follow.\"",
        [("The harvest is the worst in a decade,", "Petro Kovalenko", "direct"),
         ("Prices will follow.", "Petro Kovalenko", "direct")],
        id="role-in-place-then-name",
    ),
    pytest.param(
        "Arsenal's Bukayo Tembo scored the winner. \"It was a dream,\" the 22-year-old said.",
        [("It was a dream,", "Bukayo Tembo", "direct")],
        id="club-possessive-before-name",
    ),
]

#: Verb-first and characterising cues; a cue after a mid-sentence partial quote.
CUE_FORM_CASES = [
    pytest.param(
        "\"Nobody gave us a chance,\" said captain Ruth Ellery.\n\n"
        "Said head coach Marco Bellini: \"We defended like a team today.\"",
        [("Nobody gave us a chance,", "Ruth Ellery", "direct"),
         ("We defended like a team today.", "Marco Bellini", "direct")],
        id="sentence-initial-said",
    ),
    pytest.param(
        "Noted for his temper, Marco Bellini stayed calm. \"We move on,\" he said.",
        [("We move on,", "Marco Bellini", "direct")],
        id="sentence-initial-participle-is-not-a-cue",
    ),
    pytest.param(
        "Mayor Ines Carvalho hailed the agreement as \"a turning point for the harbour.\"",
        [("a turning point for the harbour.", "Ines Carvalho", "partial")],
        id="hailed-object-as",
    ),
    pytest.param(
        "The transport union dismissed the offer as \"an insult to every driver.\"",
        [("an insult to every driver.", None, "partial")],
        id="dismissed-object-as-unnamed-source-kept",
    ),
    pytest.param(
        "The plan was dismissed as \"unworkable\" by opponents.",
        [],
        id="passive-dismissed-as-is-a-label",
    ),
    pytest.param(
        "Said to be worth $2 million, the painting was \"priceless\" to the family, said curator Ann Lowe.",
        [("priceless", "Ann Lowe", "partial")],
        id="inverted-cue-after-partial-quote",
    ),
    pytest.param(
        "The ministry, which said the talks were \"constructive,\" gave no details.",
        [("constructive,", None, "partial")],
        id="which-said-organisation-kept-unnamed",
    ),
]

#: Tabloid epithets, kin words, coordinated names with one surname, honorifics
#: and gender: the right one of several people who share a surname.
PEOPLE_CASES = [
    pytest.param(
        "Dad-of-two Gareth Pryce, 38, from Swansea, lost his van in the flood.\n\n"
        "The father-of-two said: 'We've lost everything we own.'",
        [("We've lost everything we own.", "Gareth Pryce", "direct")],
        id="kin-epithet",
    ),
    pytest.param(
        "Marathon runner Effie Lund broke the course record on Sunday.\n\n"
        "The 31-year-old told reporters: \"My legs are still shaking.\"\n\n"
        "\"I will sleep for a week.\"",
        [("My legs are still shaking.", "Effie Lund", "direct"),
         ("I will sleep for a week.", "Effie Lund", "direct")],
        id="age-epithet-then-continuation",
    ),
    pytest.param(
        "Jean Varley, 44, and her son Tom were lifted from the roof by helicopter.\n\n"
        "The mother-of-four said: \"I thought we were going to die up there.\"",
        [("I thought we were going to die up there.", "Jean Varley", "direct")],
        id="epithet-gender-skips-the-son",
    ),
    pytest.param(
        "Pensioner Doris Mayhew, 88, was found safe on Tuesday.\n\n"
        "The great-grandmother said: 'I just went for a walk and got lost.'",
        [("I just went for a walk and got lost.", "Doris Mayhew", "direct")],
        id="great-kin-epithet",
    ),
    pytest.param(
        "Brothers Callum and Ewan Strachan opened the distillery in 2015.\n\n"
        "\"We argued about the label for a year,\" Ewan said.\n\n\"He lost,\" Callum said.",
        [("We argued about the label for a year,", "Ewan Strachan", "direct"),
         ("He lost,", "Callum Strachan", "direct")],
        id="kin-plural-shared-surname",
    ),
    pytest.param(
        "Mary and John Whitfield have run the inn since 1979.\n\n"
        "\"We never once locked the front door,\" Mary said.",
        [("We never once locked the front door,", "Mary Whitfield", "direct")],
        id="first-name-pair-shared-surname",
    ),
    pytest.param(
        "Ortega and Maria Lopez met on Tuesday.\n\n\"It went well,\" Ortega said.",
        [("It went well,", "Ortega", "direct")],
        id="surname-and-full-name-not-merged",
    ),
    pytest.param(
        "Graham Pollard, 61, and his wife Denise Pollard, 58, were both fined on Friday.\n\n"
        "Mrs Pollard told the court: \"I never saw the letters.\"\n\nMr Pollard added: \"Neither did I.\"",
        [("I never saw the letters.", "Denise Pollard", "direct"), ("Neither did I.", "Graham Pollard", "direct")],
        id="honorific-picks-spouse",
    ),
    pytest.param(
        "Anna Meyer and her husband Lucas run the corner shop.\n\n\"It's gone,\" Mr Meyer said.",
        [("It's gone,", "Meyer", "direct")],
        id="honorific-never-resolves-to-other-gender",
    ),
    pytest.param(
        "Her agent, Dean Moyo, said: \"She will be back next season.\"",
        [("She will be back next season.", "Dean Moyo", "direct")],
        id="title-word-that-is-a-first-name",
    ),
    pytest.param(
        "Farid Haddad, the boy's uncle, paced the corridor while she spoke to the doctors.\n\n"
        "\"We just want him home,\" he said.",
        [("We just want him home,", "Farid Haddad", "direct")],
        id="pronoun-in-subordinate-clause-gives-no-gender",
    ),
]

#: Quotation marks inside HTML-like markup are attribute values, not speech.
MARKUP_CASES = [
    pytest.param("Readers saw <img src=x alt=\"Crews at the scene on Monday night\" class='body-img' "
                 "onerror=\"steal('session cookie now')\"> beside the story.",
                 [], id="img-onerror"),
    pytest.param("<p class=\"lede\">\"We are looking into it,\" said spokeswoman Dana Orr.</p> "
                 "<a href=\"javascript:alert('x')\" title=\"Read the full report here now\">More</a>",
                 [("We are looking into it,", "Dana Orr", "direct")], id="quote-between-tags"),
    pytest.param("\"Click <a href='https://example.org/report'>here</a> for the full figures,\" said analyst "
                 "Bea Lorne.",
                 [("Click <a href='https://example.org/report'>here</a> for the full figures,", "Bea Lorne",
                   "direct")], id="tag-inside-a-quote"),
]


@pytest.mark.parametrize("text, expected", ROLE_NOUN_AND_CLAUSE_CASES + CUE_FORM_CASES + PEOPLE_CASES + MARKUP_CASES)
def test_blind2_general_fix_cases(text, expected):
    assert _records(text) == expected


@pytest.mark.parametrize("text", [p.values[0] for p in MARKUP_CASES])
def test_markup_offsets_stay_exact(text):
    q = extract_quotes(text)
    for row in q.itertuples():
        assert text[row.start:row.end] == row.text


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Ashcombe Homes said in a statement that the site was \"fully compliant with every regulation.\"",
         "Ashcombe Homes"),
        ("The Northern Cycling Forum said the new lanes were \"a good first step.\"", "The Northern Cycling Forum"),
    ],
)
def test_company_and_forum_names_are_organisations(text, mention):
    q = extract_quotes(text)
    assert len(q) == 1
    assert _speaker(q.loc[0, "speaker"]) is None
    assert q.loc[0, "speaker_mention"] == mention
    assert "organisation" in q.loc[0, "reason_if_unattributed"]


@pytest.mark.parametrize("text, speaker, role", NAME_ROLE_CASES)
def test_name_and_role_split(text, speaker, role):
    q = extract_quotes(text)
    assert len(q) == 1
    assert (q.loc[0, "speaker"], q.loc[0, "role"]) == (speaker, role)
    assert speaker in q.loc[0, "speaker_mention"]


@pytest.mark.parametrize("text, mention", ORGANISATION_CASES)
def test_organisation_is_not_a_person_speaker(text, mention):
    q = extract_quotes(text)
    assert len(q) == 1
    assert _speaker(q.loc[0, "speaker"]) is None
    assert q.loc[0, "speaker_mention"] == mention
    assert "organisation" in q.loc[0, "reason_if_unattributed"]


@pytest.mark.parametrize(
    "text, speaker, mention",
    [
        ("\"We are reviewing the footage,\" a spokesman for the Metropolitan Police said.", None,
         "a spokesman for the Metropolitan Police"),
        ("\"Safety is our first priority,\" said Dana Whitlow, a spokeswoman for the Federal Aviation "
         "Administration.", "Dana Whitlow", "Dana Whitlow"),
        ("A spokeswoman for the Irish delegation said Dublin was \"ready to compromise on timing.\"", None,
         "A spokeswoman for the Irish delegation"),
    ],
)
def test_person_from_an_organisation(text, speaker, mention):
    q = extract_quotes(text)
    assert len(q) == 1
    assert (_speaker(q.loc[0, "speaker"]), q.loc[0, "speaker_mention"]) == (speaker, mention)


# ---------------------------------------------------------------------------
# General fixes after blind batch 3 (new sentences, not taken from that batch)
# ---------------------------------------------------------------------------

#: A quote that is a sentence of its own, with no cue: the sentences around
#: it decide (named later, current speaker), and two candidates mean None.
DISCOURSE_CASES = [
    pytest.param(
        "\"The roof came off like a lid.\" Those were the words of farmer Gwen Talbot, whose barn collapsed "
        "in the storm.",
        [("The roof came off like a lid.", "Gwen Talbot", "direct")],
        id="named-later-words-of",
    ),
    pytest.param(
        "\"The ferry will run again by Easter.\" That was the pledge from port director Iain Rusk on Monday.",
        [("The ferry will run again by Easter.", "Iain Rusk", "direct")],
        id="named-later-pledge-from",
    ),
    pytest.param(
        "\"We will be the first to land on the far side.\"\n\n"
        "The bold claim came from Petra Lindahl, chief executive of the launch start-up Orbiteq.",
        [("We will be the first to land on the far side.", "Petra Lindahl", "direct")],
        id="named-later-next-paragraph",
    ),
    pytest.param(
        "Not all traders agreed. \"Prices will fall before the spring.\" So said Omar Farouk, a grain broker "
        "in Hull.",
        [("Prices will fall before the spring.", "Omar Farouk", "direct")],
        id="so-said",
    ),
    pytest.param(
        "\"I honestly thought I was going to drown.\" Kerry Madden, 44, was swept 200 metres down the river "
        "before a kayaker reached her.",
        [("I honestly thought I was going to drown.", "Kerry Madden", "direct")],
        id="named-later-introduced-with-age",
    ),
    pytest.param(
        "Headteacher Rosa Klein said the heating had failed three times this winter. "
        "\"The children wear their coats in class.\"",
        [("The children wear their coats in class.", "Rosa Klein", "direct")],
        id="current-speaker-same-paragraph",
    ),
    pytest.param(
        "Union organiser Dev Patel said staff had not been consulted.\n\n\"Nobody asked us a single question.\"",
        [("Nobody asked us a single question.", "Dev Patel", "direct")],
        id="current-speaker-next-paragraph",
    ),
    pytest.param(
        "Coach Milo Brandt was unimpressed. \"We gave the ball away far too cheaply.\"",
        [("We gave the ball away far too cheaply.", "Milo Brandt", "direct")],
        id="current-speaker-short-introduction",
    ),
    pytest.param(
        "Schools Minister Helen Moss visited the depot on Monday. The minister said the strike had to end. "
        "\"Pupils are paying the price.\"",
        [("Pupils are paying the price.", "Helen Moss", "direct")],
        id="current-speaker-description",
    ),
    pytest.param(
        "Councillors Tom Reed and Ann Pryce clashed at the meeting. \"This budget is a fantasy.\"",
        [("This budget is a fantasy.", None, "direct")],
        id="two-people-introduced-no-guess",
    ),
    pytest.param(
        "\"We will appeal,\" said Jonas Berg.\n\n\"The ruling ignores the evidence.\" Ada Moreno, 51, a "
        "neighbour of the Bergs, said she would support the family in court.",
        [("We will appeal,", "Jonas Berg", "direct"), ("The ruling ignores the evidence.", None, "direct")],
        id="speaker-before-and-after-differ-no-guess",
    ),
    pytest.param(
        "Lifeboat volunteer Sam Ortiz was pulled from the water on Friday after his boat capsized off Whitby."
        "\n\n\"The crew did an extraordinary job.\"",
        [("The crew did an extraordinary job.", None, "direct")],
        id="narration-about-a-person-is-no-introduction",
    ),
]

#: A lede's "A <person> who … has said" named in the next paragraph; emotive
#: epithets that refer back like an age.
LEDE_AND_EPITHET_CASES = [
    pytest.param(
        "A pensioner who won the lottery twice in a year has said she \"still cannot quite believe it.\"\n\n"
        "Margaret Doyle, 82, bought both tickets at the same corner shop in Hull.",
        [("still cannot quite believe it.", "Margaret Doyle", "partial")],
        id="lede-description-named-next-paragraph",
    ),
    pytest.param(
        "A mother who left her baby in a hot car has said she \"will never forgive herself for it.\"\n\n"
        "Judge Anne Wright told the court it was the saddest case she had heard.",
        [("will never forgive herself for it.", None, "partial")],
        id="lede-description-not-the-judge",
    ),
    pytest.param(
        "A spokesman who asked not to be named said the deal was \"as good as done.\"\n\n"
        "Finance Minister Carla Ruiz, 58, declined to comment.",
        [("as good as done.", None, "partial")],
        id="lede-anonymous-source-stays-unnamed",
    ),
    pytest.param(
        "Bakery owner Lena Fisk, 39, lost her shop in the fire.\n\n"
        "The heartbroken baker said: \"Twenty years of work went up in one night.\"",
        [("Twenty years of work went up in one night.", "Lena Fisk", "direct")],
        id="emotive-epithet-refers-back",
    ),
    pytest.param(
        "Veteran angler Alan Pike was pulled from the sea on Friday.\n\n"
        "The rescue boss said: \"We reached him with minutes to spare.\"",
        [("We reached him with minutes to spare.", None, "direct")],
        id="plain-description-is-someone-else",
    ),
]

#: Party labels and media roles before names, verb-first cues before a
#: lower-case role, a long role phrase before the apposed name.
ROLE_AND_CUE_CASES = [
    pytest.param(
        "\"Voters deserve a straight answer,\" said Republican Dale Whitcomb, a state senator.",
        [("Voters deserve a straight answer,", "Dale Whitcomb", "direct")],
        id="party-label-is-a-role",
    ),
    pytest.param(
        "Democrat Lena Ortiz told reporters: \"We have the votes.\"",
        [("We have the votes.", "Lena Ortiz", "direct")],
        id="party-label-sentence-start",
    ),
    pytest.param(
        "Fellow pollster Dana Whitaker disagreed. \"The sample is simply too small,\" she said.",
        [("The sample is simply too small,", "Dana Whitaker", "direct")],
        id="media-role-before-name",
    ),
    pytest.param(
        "Said stage manager Holly Crane: \"Nobody missed a cue all night.\"",
        [("Nobody missed a cue all night.", "Holly Crane", "direct")],
        id="verb-first-lower-case-role",
    ),
    pytest.param(
        "Said shipping analyst Tariq Bello of Harbourline Research: \"Freight rates have peaked.\"",
        [("Freight rates have peaked.", "Tariq Bello", "direct")],
        id="verb-first-role-noun-after-ing-word",
    ),
    pytest.param(
        "\"We were not consulted at any stage,\" said the deputy director for rural affairs at the Kansas "
        "Department of Agriculture, Maria Olsen.",
        [("We were not consulted at any stage,", "Maria Olsen", "direct")],
        id="long-role-then-apposed-name",
    ),
    pytest.param(
        "The Reserve Bank's deputy governor, Nils Aaberg, said growth was \"slowing, but not stalling.\"",
        [("slowing, but not stalling.", "Nils Aaberg", "partial")],
        id="person-of-an-organisation-apposed",
    ),
    pytest.param(
        "President Varga said in a statement that the talks had been \"useful and frank.\"",
        [("useful and frank.", "Varga", "partial")],
        id="titled-one-word-name-in-a-statement-is-a-person",
    ),
]


@pytest.mark.parametrize("text, expected", DISCOURSE_CASES + LEDE_AND_EPITHET_CASES + ROLE_AND_CUE_CASES)
def test_blind3_general_fix_cases(text, expected):
    assert _records(text) == expected


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The retailer, Orchard Lane, said it was \"disappointed by the ruling.\"", "Orchard Lane"),
        ("\"We are fully cooperating with investigators,\" said the airline, Skyvane.", "Skyvane"),
        ("Brightmoor said in a statement that the recall was \"a precaution and nothing more.\"", "Brightmoor"),
        ("Regulators fined Quillon £4 million on Tuesday. Quillon said the company would \"appeal the "
         "decision in full.\"", "Quillon"),
    ],
)
def test_company_in_apposition_or_company_wording_is_no_person(text, mention):
    q = extract_quotes(text)
    assert len(q) == 1
    assert _speaker(q.loc[0, "speaker"]) is None
    assert q.loc[0, "speaker_mention"] == mention
    assert "organisation" in q.loc[0, "reason_if_unattributed"]


def test_spokesperson_for_one_word_company_is_unnamed_and_kept():
    q = extract_quotes("A spokesperson for Tessaro said the firm was \"fully cooperating.\"")
    assert q[["text", "speaker_mention"]].values.tolist() == [["fully cooperating.", "A spokesperson for Tessaro"]]
    assert _speaker(q.loc[0, "speaker"]) is None


def test_two_candidates_reason_names_both():
    q = extract_quotes(DISCOURSE_CASES[10].values[0])
    reason = q.loc[1, "reason_if_unattributed"]
    assert "two people" in reason and "Jonas Berg" in reason and "Ada Moreno" in reason


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Dozens of fees rose in Luritar on Monday, officials said.", False),
        ("Some envoys extended three contracts near the border, according to new figures.", False),
        ("In March, the renewed exercises opposed three pipelines along the coast.", False),
        ("Voss said the shortage could last until spring.", True),
        ("The shortage could last until spring, said Voss.", True),
        ("The shortage could last until spring, according to Voss.", True),
        ("In a filing on Monday, Kellerman argued the fine was too high.", True),
        ("Officials met Renata Voss on Monday.", True),
        ("The senator, 52, was not at the vote.", True),
        ("Brothers and sisters came with his wife Helen to the hearing.", True),
        ("Mr Cartwright spoke only to confirm his name.", True),
    ],
)
def test_narration_scan(sentence, expected):
    from newslib.quotes import _may_mention_people

    assert _may_mention_people(sentence) is expected


@pytest.mark.parametrize("name", ["quotes_gold.jsonl", "quotes_blind.jsonl", "quotes_blind2.jsonl",
                                  "quotes_blind3.jsonl"])
def test_narration_scan_loses_no_person(name, monkeypatch):
    """Skipping narration must not change who is found: the people (not
    organisations) of every labelled record are the same with and without
    the scan."""
    from newslib import quotes

    path = ROOT / "benchmarks" / "data" / name
    if not path.exists():
        pytest.skip(f"{name} not present")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def people() -> list[set]:
        out = []
        for text in texts:
            art = quotes._analyse_article("t", "", text)
            out.append({(m.pos, m.name, m.role) for m in art.subjects + art.names if not m.org})
        return out

    fast = people()
    monkeypatch.setattr(quotes, "_may_mention_people", lambda text: True)
    assert people() == fast


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


def _eval_module():
    from benchmark_modules import load_benchmark

    return load_benchmark("eval_quotes")


def test_eval_lists_every_labelled_file_present_in_report_order(tmp_path):
    module = _eval_module()
    for name in ("quotes_blind2.jsonl", "quotes_gold.jsonl", "notes.jsonl"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert [p.name for p, _ in module.default_files(tmp_path)] == ["quotes_gold.jsonl", "quotes_blind2.jsonl"]


def test_eval_gate_on_held_out_split():
    module = _eval_module()
    records = [json.loads(line) for line in module.GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sum(len(r["quotes"]) for r in records) >= 200
    counts, _ = module.evaluate(records)
    held = counts[("heldout", "ALL")]
    assert held["tp"] / held["gold"] >= module.TARGET_RECALL
    assert held["spk_ok_direct"] / held["tp_direct"] >= module.TARGET_SPEAKER_ACCURACY
    assert held["violations"] == 0


def test_flood_of_quote_marks_is_skipped_quickly_and_reported():
    import time

    import pandas as pd

    from newslib.quotes import find_quotes

    flood = '"He said "this" and "that ' * 3000
    texts = {"junk": flood, "fine": '"We will meet this month," Putin said.\n\n"Not yet," the aide said. "Soon'}
    sentences = pd.DataFrame(columns=["sent_id", "article_id", "outlet", "paragraph", "position", "start", "end", "text"])
    articles = pd.DataFrame({"article_id": ["junk", "fine"], "outlet": ["X", "Y"]})
    t0 = time.perf_counter()
    result = find_quotes(texts, sentences, articles)
    assert time.perf_counter() - t0 < 30
    problems = result.problems
    assert problems[problems["path"] == "junk"]["problem"].tolist() == ["quote_search_skipped"]
    assert problems[problems["path"] == "fine"]["problem"].tolist() == ["unbalanced_quotes"]
    fine = result.quotes[result.quotes["article_id"] == "fine"]
    assert fine["text"].tolist() == ["We will meet this month,", "Not yet,", "Soon"]
    assert fine["speaker"].iloc[0] == "Putin"
    assert fine["speaker"].iloc[1:].isna().all()


def test_problem_rows_are_capped_per_article():
    from newslib.quotes import MAX_PROBLEMS_PER_ARTICLE, _cap_problems

    rows = [("a", "unbalanced_quotes", f"mark {i}") for i in range(50)] + [("b", "unbalanced_quotes", "one")]
    capped = _cap_problems(rows)
    assert len([r for r in capped if r[0] == "a"]) == MAX_PROBLEMS_PER_ARTICLE + 1
    assert capped[-1][2].startswith("30 more 'unbalanced_quotes' problems")
    assert ("b", "unbalanced_quotes", "one") in capped
