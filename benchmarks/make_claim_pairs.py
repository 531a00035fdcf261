"""Build ``benchmarks/data/claim_pairs.csv``, the labelled claim-alignment pairs.

Input: the annotations in this file (seed sentences grouped by hand into
claims, and invented multi-outlet stories whose sentences carry claim tags).
Output: ``benchmarks/data/claim_pairs.csv`` with columns

    pair_id, set, split, story, outlet_a, text_a, claims_a, outlet_b, text_b,
    claims_b, label, kind

``label`` is 1 when the two sentences share a claim tag. ``kind`` is
``verbatim`` / ``near`` / ``paraphrase`` for positives (the looser form of the
two sentences) and ``hard_negative`` for negatives (same story, same people,
different statement). ``split`` is ``dev`` (used to tune the threshold) or
``test`` (held out); the seed pairs are all ``test``.

Seed pairs: every pair listed in ``SEED_CLAIMS`` (sentences of one claim, any
two of different outlets, are positives) and ``SEED_NEGATIVES``. Pairs an
annotator could argue either way are left out rather than guessed.

Wider set: for every story, every cross-outlet pair of its sentences is
labelled from the tags (so nothing is cherry-picked). ``DEV_STORIES`` are
used for tuning; the other stories are held out. Three stories
(summit, drug_recall, mayor_election) were added in the second round of work
on the claim stage, written before that round's method changes, and are
reported on their own by ``eval_claims.py`` (``FRESH_STORIES``). The
``r3_`` stories were written blind in a third round, after the claim stage's
method was fixed, and are reported on their own.

The seed pairs here are a hand-picked subset; the primary seed figure of
``eval_claims.py`` is exhaustive, from an independent annotator's tags
(``benchmarks/data/seed_claim_tags.csv``).

Run: ``python benchmarks/make_claim_pairs.py`` (deterministic).
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

OUT = Path(__file__).parent / "data" / "claim_pairs.csv"

NW, BI, HP, DS, CBN = "Newsweek", "Business Insider", "HuffPost", "Daily Star", "CBN News"

# Seed sentences quoted exactly as the sentence stage cuts them.
S = {
    "NW0": (NW, "North Korea leader Kim Jong Un is purportedly planning to meet with Russian President Vladimir Putin later this month to discuss supplying Moscow with additional weapons for its invasion of Ukraine, The New York Times reported Monday, citing American and other officials."),
    "NW1": (NW, "Putin is hoping to gain additional artillery shells and antitank missiles from Kim, while North Korea is in the market for improved satellite systems and nuclear-powered submarines, according to the report."),
    "NW2": (NW, 'Kim is also reportedly "seeking food aid for his impoverished nation."'),
    "NW4": (NW, '"You opened this saying these are two of Washington\'s biggest rivals," Hertling told Acosta during Monday\'s edition of The Situation Room.'),
    "NW5": (NW, '"They\'re also two desperate leaders of the world\'s most noted pariah states."'),
    "NW6": (NW, '"This will generate a lot of attention," Hertling added.'),
    "NW7": (NW, '"It\'s showing that Mr. Putin is scrambling for help."'),
    "NW8": (NW, "Newsweek reached out to the Russian Foreign Ministry via email for comment."),
    "NW9": (NW, "Moscow has been isolated from much of the globe since launching its full-scale invasion of Ukraine in February 2022, thanks to sanctions backed by the United States and other Western allies that have also supplied billions of dollars worth of military aid to Kyiv."),
    "NW10": (NW, "Putin at one point seemed to find a friend in China, although it appears that the loose allyship is already losing its strength."),
    "NW11": (NW, "Since launching its counteroffensive in June, Ukraine has also been slowly but steadily retaking Russian-occupied settlements along the frontlines, while the Kremlin has had to deal with additional morale issues among Moscow's troops."),
    "NW12": (NW, '"Russia is in a desperate situation right now," said retired Army Major General James A. "Spider" Marks, who joined Hertling on CNN.'),
    "NW13": (NW, '"Additional weapons from North Korea to Russia [is] not surprising at all," Marks said.'),
    "NW14": (NW, '"They share the same type of caliber weapon systems.'),
    "NW15": (NW, "So it's an immediate plus-up."),
    "NW16": (NW, 'But again, this is not going to strategically alter the outcome of the fight in Ukraine."'),
    "NW17": (NW, 'Hertling added that the weaponry in Kim\'s stockpile "are large caliber artillery shells, not precision weapons, not the kind that you can point and hit a target within a 10-foot or 10-meter circular error."'),
    "NW20": (NW, "But we have seen Ukrainian forces using precision weapons with great effects and they're knocking out a lot of Russian artillery pieces."),
    "BI0": (BI, "\u201cIt\u2019s showing that Mr. Putin is scrambling for help,\u201d retired Lt. Gen. Mark Hertling told CNN."),
    "BI1": (BI, "Russia has incurred significant losses in manpower and resources since it invaded Ukraine last year."),
    "BI2": (BI, "Potential arms negotiations between Russia and North Korea show just how desperate for help Russian President Vladimir Putin is, said retired US Lt. Gen. Mark Hertling."),
    "BI3": (BI, "The New York Times reported on Monday that Kim is planning to travel to Russia later this month to discuss supplying weapons to Russia."),
    "BI4": (BI, "The Times report, which cited several unnamed officials from the US and its allies, added that Kim was seeking food supplies for North Korea."),
    "BI5": (BI, "Hertling was speaking to CNN\u2019s Jim Acosta on Monday, and said the Kim-Putin meeting is a union between \u201ctwo desperate leaders of the world\u2019s most noted pariah states.\u201d"),
    "BI6": (BI, "\u201cThis will generate a lot of attention."),
    "BI7": (BI, "It\u2019s showing that Mr. Putin is scrambling for help,\u201d said Hertling, who previously served as the commanding general of US Army Europe."),
    "BI9": (BI, "US officials estimated last month that Russia\u2019s military casualties are approaching 300,000, of which as many as 120,000 are deaths, and up to 180,000 are injuries."),
    "BI10": (BI, "In May, open-source intelligence website Oryx said the Russian military has lost at least two-thirds of its tanks since the war began."),
    "BI11": (BI, "Retired Maj. Gen. James \u201cSpider\u201d Marks, who was speaking to CNN alongside Hertling, said North Korea\u2019s weapons are unlikely to turn the tide of the war in Russia\u2019s favor."),
    "BI12": (BI, "\u201cAdditional weapons from North Korea to Russia?"),
    "BI13": (BI, "Not surprising at all."),
    "BI14": (BI, "They share the same type of caliber weapon systems."),
    "BI15": (BI, "So it\u2019s an immediate plus-up,\u201d Marks told CNN."),
    "BI16": (BI, "\u201cBut again, this is not going to strategically alter the outcome of the fight in Ukraine.\u201d"),
    "BI17": (BI, "A representative for Russia\u2019s foreign ministry did not immediately respond to a request for comment from Insider sent outside regular business hours."),
    "HP0": (HP, "The New York Times on Monday reported that Kim is planning to travel to Russia, likely using an armored train, this month to hold talks with the Russian president."),
    "HP1": (HP, "Retired Lt. Gen. Mark Hertling warned that the reported upcoming meeting between Vladimir Putin and North Korea leader Kim Jong Un shows the Russian president \u201cis scrambling for help\u201d as he remains isolated amid the war in Ukraine."),
    "HP2": (HP, "The New York Times on Monday reported that Kim is planning to travel to Vladivostok, likely using an armored train, this month to hold talks with Putin."),
    "HP3": (HP, "Putin wants \u201cartillery shells and antitank missiles\u201d from North Korea as it continues to fight against Ukraine, while Kim is looking for \u201cadvanced technology for satellites and nuclear-powered submarines,\u201d U.S. and allied officials told the Times."),
    "HP5": (HP, "\u201cThey\u2019re also two desperate leaders of the world\u2019s most noted pariah states."),
    "HP6": (HP, "This will generate a lot of attention,\u201d Hertling told CNN Monday of the potential visit."),
    "HP7": (HP, "\u201cIt\u2019s showing that Mr. Putin is scrambling for help.\u201d"),
    "HP8": (HP, "Last week, White House press secretary Karine Jean-Pierre warned arms negotiations between Russia and North Korea were \u201cactively advancing,\u201d citing a visit by Russia Defense Minister Sergei Shoigu to Pyongyang with the aim of convincing Kim to sell artillery ammunition to Moscow."),
    "HP9": (HP, "Jean-Pierre said another group of Russian officials subsequently visited North Korea to continue those negotiations."),
    "HP11": (HP, "But John Everard, who served as the U.K.\u2019s ambassador to North Korea from 2006 to 2008, told the BBC North Korea\u2019s stockpiles are \u201cin very poor condition.\u201d"),
    "HP12": (HP, "Retired Maj. Gen. James \u201cSpider\u201d Marks added that overall Russia is in a \u201cdesperate\u201d position and pursuing a relationship with Kim is \u201ca very tactical move.\u201d"),
    "HP14": (HP, "Marks, though, said the reported partnership is unlikely to \u201cstrategically alter the outcome of the fight in Ukraine.\u201d"),
    "HP15": (HP, "\u201cWhat it really describes is that Kim Jong Un is looking for a partner,\u201d now that China appears to have distanced itself from Pyongyang, Marks explained."),
    "HP16": (HP, "National Security Council spokesperson Adrienne Watson on Monday called on North Korea \u201cto cease its arms negotiations with Russia and abide by the public commitments that Pyongyang has made to not provide or sell arms to Russia.\u201d"),
    "DS0": (DS, "Russian President Vladimir Putin and North Korean leader Kim Jong-un are set to meet in a Russia border city to shop weapons to each other \u2013 and the move has seen them both labelled as \u201cdesperate\u201d."),
    "DS1": (DS, "The pair of despots have very few friends in the world, but are now leaning on each other for weapons."),
    "DS2": (DS, "A meeting set to take place next month is aimed at Putin buying weapons from North Korea to help him continue his onslaught invasion of Ukraine."),
    "DS3": (DS, "The claim came from a United States official, who said that they will probably meet in the Russian Pacific port city of Vladivostok."),
    "DS5": (DS, "Speaking to CNN's The Situation Room, former US Army General Mark Hertling took umbridge with the host's suggestion that they are \u201cWashington's biggest enemies\u201d."),
    "DS6": (DS, "He said: \u201cThey're also two desperate leaders of the world's most noted pariah states."),
    "DS7": (DS, "\u201cThis will generate a lot of attention."),
    "DS8": (DS, "It's showing that Mr. Putin is scrambling for help.\u201d"),
    "DS9": (DS, "Fellow retired Army Major General James A \u201cSpider\u201d Marks added: \u201cRussia is in a desperate situation right now."),
    "DS10": (DS, "\u201cThey share the same type of calibre weapon systems."),
    "DS11": (DS, "\u201cSo it's an immediate plus-up."),
    "DS12": (DS, "\u201cBut again, this is not going to strategically alter the outcome of the fight in Ukraine.\u201d"),
    "DS13": (DS, "Russian Defense Minister Sergei Shoigu travelled to Pyongyang recently and tried to persuade North Korea to sell artillery ammunition to Russia, which is when a meeting could have been arranged, US intelligence has claimed."),
    "DS14": (DS, "The White House said last week that it had intelligence indicating that Putin and Kim swapped letters following Shoigu\u2019s visit."),
    "DS15": (DS, "National Security Council spokesman John Kirby said the letters were \u201cmore at the surface level\u201d but that Russian and North Korean talks on a weapons sale were advancing."),
    "CBN0": (CBN, "Running low on weapons and suffering under economic sanctions, Russia is isolated and apparently desperate."),
    "CBN3": (CBN, "They're concerned Kim will sell weapons to Putin in exchange for sophisticated military and nuclear technology."),
    "CBN4": (CBN, "The last high-level meeting of this kind happened in April 2019, when North Korea's dictator, who very rarely ventures outside his country, took an armored train from Pyongyang to visit Putin in the eastern Russian city of Vladivostok."),
    "CBN5": (CBN, "Experts say the reclusive Kim Jong Un will likely take the same route later this month."),
    "CBN6": (CBN, '"I think that it comes at the time when Russia is increasingly globally isolated," said Alexander Gabuev with the Carnegie Moscow Center.'),
    "CBN7": (CBN, "According to new U.S. intelligence, a sanction-strapped Moscow is seeking to buy artillery shells, anti-tank missiles, and rockets from Pyongyang to replenish its stockpile diminished in its war against Ukraine."),
    "CBN8": (CBN, '"Russia is negotiating potential deals for significant quantities and multiple types of munitions from the DPRK to be used against Ukraine," said Linda Thomas-Greenfield, the U.S. representative to the United Nations.'),
    "CBN12": (CBN, '"Russia\'s obviously desperate for replacement munitions, replacement weapons systems, even microchips and everything else," Petraeus said during a visit to Kyiv.'),
    "CBN14": (CBN, "News of a potential meeting with Kim follows leaked documents released last month that reportedly show Putin reaching out to the Iranians, as well, to help Russia build over 6,000 attack drones for its ongoing war."),
    "CBN15": (CBN, '"There is no other way to look at that than desperation and weakness," said National Security Council Spokesman John Kirby.'),
    "CBN16": (CBN, "For his part, Kim Jong Un wants a number of items in return, including sophisticated military hardware with technology that could potentially advance North Korea's ballistic and nuclear program."),
    "CBN17": (CBN, '"North Koreans are looking for economic support, fuel, food, sources of cash, anything that can help to keep the regime afloat," said Gabuev.'),
    "CBN18": (CBN, '"Russia seems to be ready to provide that even through violation of the UN sanctions."'),
    "CBN19": (CBN, "In July, Kim Jong Un opened his country to foreign visitors for the first time since the COVID pandemic and welcomed Russia's Defense Minister Sergei Shoigu as his first guest."),
    "CBN20": (CBN, "They attended an arms exhibition in Pyongyang, which included a prominent display of North Korea's latest Hwasong intercontinental ballistic missile."),
    "CBN21": (CBN, '"Our information further indicates that following Shoigu\'s visit, another group of Russian officials travel to the DPRK for follow-up discussions about potential arms deals between the DPRK and Russia," said Linda Thomas-Greenfield.'),
    "CBN22": (CBN, "Putin and Kim have since reportedly exchanged letters pledging to increase their bilateral cooperation."),
}

#: Seed claims: name -> (kind of the looser pairs, {sentence key: form}).
#: form is "v" (verbatim), "n" (near-verbatim) or "p" (paraphrase); a pair's
#: kind is the looser of its two forms.
SEED_CLAIMS: dict[str, dict[str, str]] = {
    # The meeting is planned this month (the Daily Star's "next month" is the
    # same claim with a conflicting date: the conflicts stage needs them together).
    "meeting_this_month": {"NW0": "p", "BI3": "n", "HP0": "n", "HP2": "n", "DS2": "p", "CBN5": "p"},
    "meeting_in_vladivostok": {"HP2": "p", "DS3": "p"},
    "meeting_to_trade_weapons": {"NW0": "p", "BI3": "p", "DS2": "p", "DS0": "p"},
    "kim_to_meet_in_russia": {"HP0": "p", "HP2": "p", "DS0": "p"},
    "shells_and_antitank_missiles": {"NW1": "p", "HP3": "p", "CBN7": "p"},
    "kim_wants_military_technology": {"NW1": "p", "HP3": "p", "CBN16": "p", "CBN3": "p"},
    "kim_seeks_food": {"NW2": "p", "BI4": "p", "CBN17": "p"},
    "biggest_rivals": {"NW4": "p", "DS5": "p"},
    "pariah_states": {"NW5": "v", "BI5": "n", "HP5": "v", "DS6": "v"},
    "generate_attention": {"NW6": "v", "BI6": "v", "HP6": "v", "DS7": "v"},
    "scrambling_for_help": {"NW7": "v", "BI0": "v", "BI7": "v", "HP7": "v", "DS8": "v", "HP1": "n", "BI2": "p"},
    "russia_desperate_situation": {"NW12": "v", "DS9": "v", "HP12": "p"},
    "not_surprising": {"NW13": "n", "BI12": "n", "BI13": "n"},
    "same_caliber": {"NW14": "v", "BI14": "v", "DS10": "v"},
    "plus_up": {"NW15": "v", "BI15": "v", "DS11": "v"},
    "not_alter_outcome": {"NW16": "v", "BI16": "v", "DS12": "v", "HP14": "n", "BI11": "p"},
    "foreign_ministry_comment": {"NW8": "p", "BI17": "p"},
    "shoigu_sought_ammunition": {"HP8": "p", "DS13": "p"},
    "second_group_of_officials": {"HP9": "p", "CBN21": "p"},
    "letters_exchanged": {"DS14": "p", "CBN22": "p"},
    "arms_talks_advancing": {"HP8": "p", "DS15": "p", "CBN8": "p"},
    "russia_isolated": {"NW9": "p", "CBN0": "p", "CBN6": "p"},
}

#: Seed hard negatives: same people or place, different statement.
SEED_NEGATIVES: list[tuple[str, str]] = [
    ("DS15", "CBN15"),  # Kirby: letters / talks advancing vs "desperation and weakness"
    ("CBN4", "HP2"),  # 2019 meeting in Vladivostok vs the upcoming one
    ("CBN4", "DS3"),
    ("NW10", "HP15"),  # Russia's friend China vs China distancing itself from Pyongyang
    ("NW17", "BI14"),  # large caliber shells, not precision vs same caliber systems
    ("NW17", "DS10"),
    ("NW4", "HP5"),  # rivals vs pariah states (consecutive quote sentences)
    ("NW4", "BI5"),
    ("NW6", "DS8"),  # attention vs scrambling
    ("BI6", "HP7"),
    ("HP6", "NW7"),
    ("NW13", "DS10"),  # not surprising vs caliber
    ("BI12", "DS10"),
    ("NW16", "BI12"),
    ("NW15", "BI14"),
    ("CBN14", "BI9"),  # 6,000 drones vs 300,000 casualties
    ("HP9", "DS13"),  # a second group of officials vs Shoigu's own visit
    ("CBN21", "DS13"),
    ("DS14", "HP9"),
    ("NW2", "CBN16"),  # food vs military technology
    ("NW1", "CBN17"),
    ("HP16", "DS15"),  # call to cease negotiations vs talks advancing
    ("HP16", "CBN8"),
    ("BI1", "NW11"),  # Russian losses vs Ukraine retaking settlements
    ("BI10", "NW20"),
    ("HP11", "NW17"),  # stockpiles in poor condition vs not precision weapons
    ("DS1", "NW10"),  # few friends vs a friend in China
    ("CBN18", "NW9"),  # sanctions violated vs sanctions imposed
    ("CBN20", "HP8"),
    ("CBN19", "DS14"),
    ("CBN12", "BI1"),
]

# ---------------------------------------------------------------------------
# Wider set: invented stories. Each sentence: (text, claim tags, form).
# ---------------------------------------------------------------------------

V, N, P = "v", "n", "p"

STORIES: dict[str, dict[str, list[tuple[str, str, str]]]] = {
    "plant_fire": {
        "Capital Wire": [
            ("A fire at a chemical plant in Harlow forced the evacuation of about 2,000 residents on Tuesday night, the county fire service said.", "fire evacuation", V),
            ("Firefighters brought the blaze under control shortly after 4 a.m., but crews remained at the site to cool storage tanks.", "controlled", V),
            ("Two workers were taken to hospital with burns; neither injury is life-threatening, officials said.", "injured", V),
            ("\u201cWe are asking people to keep their windows and doors shut until further notice,\u201d fire chief Ellen Marsh told reporters.", "windows", V),
            ("The cause of the fire is not yet known and an investigation has been opened.", "cause", V),
        ],
        "Harbor Times": [
            ("About 2,000 people living near a Harlow chemical plant were evacuated on Tuesday night after a fire broke out at the site, according to the county fire service.", "fire evacuation", N),
            ("The blaze was brought under control just after 4 a.m.", "controlled", N),
            ("Two employees suffered burns and were taken to hospital, but their injuries are not thought to be life-threatening.", "injured", P),
            ("Fire chief Ellen Marsh urged residents to \u201ckeep their windows and doors shut until further notice.\u201d", "windows", N),
            ("The plant, which makes industrial solvents, employs around 300 people.", "plant_profile", V),
        ],
        "Metro Post": [
            ("Thousands of Harlow residents fled their homes overnight as flames tore through a solvents factory.", "fire evacuation", P),
            ("Fire chief Ellen Marsh said it was too early to say what had caused the blaze, and investigators would examine the site once it was safe.", "cause", P),
            ("Local MP David Okafor called for a full inquiry into safety at the plant, which was fined in 2019 for a chemical leak.", "mp_inquiry", V),
            ("Residents were told to keep windows closed; the fire service said air quality readings in the town were being monitored.", "windows air_quality", P),
        ],
        "The Ledger": [
            ("A chemical plant fire in Harlow has been contained after burning through the night, and two staff members are being treated for burns.", "controlled injured", P),
            ("The factory was fined \u00a3400,000 in 2019 after a chemical leak into a nearby river, court records show.", "fine_2019", V),
            ("David Okafor, the local MP, said there must be a full inquiry into safety standards at the site.", "mp_inquiry", P),
            ("Air quality monitors have been set up around the town, the fire service said, and readings so far are within safe limits.", "air_quality", P),
            ("The plant employs about 300 workers and makes solvents for the paint industry.", "plant_profile", P),
        ],
        # a local paper running the wire copy word for word, with one line of its own
        "Valley Gazette": [
            ("A fire at a chemical plant in Harlow forced the evacuation of about 2,000 residents on Tuesday night, the county fire service said.", "fire evacuation", V),
            ("Firefighters brought the blaze under control shortly after 4 a.m., but crews remained at the site to cool storage tanks.", "controlled", V),
            ("Two workers were taken to hospital with burns; neither injury is life-threatening, officials said.", "injured", V),
            ("Harlow Town FC postponed Wednesday's home match because of the fire.", "match_postponed", V),
        ],
    },
    "rate_rise": {
        "Capital Wire": [
            ("The central bank raised its benchmark interest rate by a quarter of a percentage point to 4.5% on Thursday, its ninth increase in a row.", "rate_rise ninth", V),
            ("Governor Maria Lindqvist said inflation was \u201cstill far too high\u201d and that further increases could not be ruled out.", "too_high more_possible", V),
            ("Seven of the nine members of the rate-setting committee voted for the rise, while two wanted to keep rates on hold.", "vote", V),
            ("The bank now expects inflation to fall to 5% by the end of the year, from 8.7% in April.", "inflation_forecast", V),
            ("Mortgage lenders are expected to pass the increase on to borrowers within days.", "mortgages", V),
        ],
        "Northern Herald": [
            ("Interest rates have risen for the ninth consecutive time, with the central bank lifting its key rate by 25 basis points to 4.5 percent.", "rate_rise ninth", P),
            ("\u201cInflation is still far too high,\u201d said governor Maria Lindqvist, adding that the bank could raise rates again.", "too_high more_possible", N),
            ("The committee split seven to two, with two members voting to hold rates.", "vote", P),
            ("Homeowners on variable-rate mortgages will see their monthly payments rise.", "mortgages", P),
            ("Opposition finance spokesman Tom Reyes said families were paying the price for the government's economic mismanagement.", "opposition", V),
        ],
        "Daily Courier": [
            ("Borrowers face more pain after the central bank raised rates again, taking its main rate to 4.5%.", "rate_rise", P),
            ("The bank said it expected inflation, which stood at 8.7% in April, to drop to about 5% by December.", "inflation_forecast", P),
            ("Tom Reyes, the opposition's finance spokesman, blamed government mismanagement for the rise in borrowing costs.", "opposition", P),
            ("The decision was not unanimous: two of the nine committee members voted to leave rates unchanged.", "vote", P),
        ],
        "Bay City Journal": [
            ("The central bank increased interest rates by a quarter point to 4.5% on Thursday.", "rate_rise", N),
            ("Governor Maria Lindqvist warned that inflation remained far too high and said another increase was possible.", "too_high more_possible", P),
            ("Shares in housebuilders fell about 2% after the announcement.", "housebuilders", V),
            ("Lenders are likely to raise mortgage rates within days, brokers said.", "mortgages", P),
        ],
    },
    "earthquake": {
        "Capital Wire": [
            ("A magnitude 6.4 earthquake struck the mountainous north of the country early on Sunday, killing at least 37 people, the interior ministry said.", "quake deaths", V),
            ("More than 200 people were injured and dozens of buildings collapsed in the town of Veris, close to the epicentre.", "injured veris", V),
            ("Rescue teams were searching through rubble for survivors, and the army had been deployed to help.", "rescue army", V),
            ("The quake was felt as far away as the capital, 300 kilometres to the south.", "felt_capital", V),
            ("Neighbouring countries have offered to send search and rescue teams.", "aid_offers", V),
        ],
        "Harbor Times": [
            ("At least 37 people were killed when a 6.4-magnitude earthquake hit the north of the country on Sunday morning, according to the interior ministry.", "quake deaths", P),
            ("Over 200 people were hurt, and many buildings in the town of Veris, near the epicenter, were destroyed.", "injured veris", N),
            ("Soldiers joined rescue workers digging through debris in search of survivors.", "rescue army", P),
            ("Prime Minister Anton Vela declared three days of national mourning.", "mourning", V),
        ],
        "Metro Post": [
            ("The death toll from Sunday's earthquake has risen to 37, officials said, with more than 200 injured.", "deaths injured", P),
            ("Residents of the capital, some 300 km away, said they felt their buildings sway.", "felt_capital", P),
            ("Vela announced a national mourning period of three days and said the government would rebuild every home.", "mourning rebuild", P),
            ("Several neighbouring states said they were ready to send rescue teams.", "aid_offers", P),
        ],
        "The Ledger": [
            ("A powerful earthquake has killed at least 37 people and injured over 200 in the north of the country.", "deaths injured", P),
            ("The army has been sent to help rescuers search the rubble of collapsed buildings in Veris.", "rescue army veris", P),
            ("The prime minister promised that the state would pay to rebuild every home destroyed by the quake.", "rebuild", P),
            ("The region was hit by a magnitude 5.9 quake in 2011 that killed 12 people.", "quake_2011", V),
        ],
        "Northern Herald": [
            ("A 6.4 magnitude quake hit the north early on Sunday, killing at least 37 people.", "quake deaths", N),
            ("The region last suffered a deadly earthquake in 2011, when 12 people died.", "quake_2011", P),
            ("Foreign governments have offered search and rescue teams to help with the recovery.", "aid_offers", P),
        ],
        # wire copy lightly edited (house spelling, a trimmed clause)
        "Coastal Echo": [
            ("A magnitude 6.4 earthquake struck the mountainous north of the country early on Sunday, killing at least 37 people, the interior ministry said.", "quake deaths", V),
            ("More than 200 people were injured and dozens of buildings collapsed in the town of Veris, close to the epicenter.", "injured veris", N),
            ("Rescue teams were searching through rubble for survivors and the army had been deployed.", "rescue army", N),
            ("Schools across the region will stay closed until Wednesday.", "schools", V),
        ],
    },
    "layoffs": {
        "Bay City Journal": [
            ("Software maker Altrix said on Wednesday it would cut 6,000 jobs, about 8% of its workforce, as it reorganises around artificial intelligence.", "cuts ai", V),
            ("Chief executive Priya Raman said in a memo to staff that the decision was \u201cthe hardest I have had to make.\u201d", "hardest", V),
            ("Affected employees will receive 16 weeks of severance pay and extended health coverage.", "severance", V),
            ("Altrix shares rose 4% in early trading after the announcement.", "shares", V),
            ("The company reported a 12% rise in quarterly revenue last month.", "revenue", V),
        ],
        "Capital Wire": [
            ("Altrix is laying off six thousand employees, roughly 8 percent of its staff, to refocus on artificial intelligence, the company announced Wednesday.", "cuts ai", N),
            ("\u201cThis is the hardest decision I have had to make,\u201d CEO Priya Raman wrote in a memo to employees.", "hardest", N),
            ("Shares of the company climbed about 4 percent on the news.", "shares", P),
            ("Workers who lose their jobs will get 16 weeks' severance and continued health benefits.", "severance", N),
        ],
        "Metro Post": [
            ("Tech giant Altrix is shedding 6,000 staff in a shake-up aimed at artificial intelligence.", "cuts ai", P),
            ("The cuts come weeks after Altrix posted a 12 percent jump in revenue for the quarter.", "revenue", P),
            ("A union representing some Altrix engineers called the layoffs \u201cgreed dressed up as strategy.\u201d", "union", V),
            ("Investors welcomed the move, sending the stock up 4%.", "shares", P),
        ],
        "Harbor Times": [
            ("Altrix will eliminate about 8% of its workforce, or 6,000 positions, Chief Executive Priya Raman told employees on Wednesday.", "cuts", P),
            ("The layoffs follow a strong quarter in which revenue grew 12%.", "revenue", P),
            ("The Software Workers Union described the job cuts as greed dressed up as strategy.", "union", N),
            ("Raman said the company would hire 1,500 engineers for its AI division over the next year.", "hire_ai", V),
        ],
    },
    "strike": {
        "Northern Herald": [
            ("More than 400 flights were cancelled on Monday as cabin crew at SkyLink began a three-day strike over pay.", "cancelled strike", V),
            ("The union says crew wages have fallen 15% in real terms since 2020.", "wages", V),
            ("SkyLink said it had offered a 6% rise this year and called the walkout \u201cunnecessary and damaging.\u201d", "offer unnecessary", V),
            ("Passengers have been advised to check the status of their flight before travelling to the airport.", "check_flight", V),
            ("Transport minister Lena Fischer urged both sides to return to talks.", "minister", V),
        ],
        "Daily Courier": [
            ("SkyLink canceled over 400 flights Monday as cabin crew walked out in a three-day strike over pay.", "cancelled strike", N),
            ("The airline called the strike \u201cunnecessary and damaging\u201d and said it had offered staff a 6 percent raise.", "offer unnecessary", N),
            ("Travellers were told to check whether their flights were operating before setting off for the airport.", "check_flight", P),
            ("Stranded passenger Maria Gomez said she had been waiting at the airport for nine hours.", "passenger", V),
        ],
        "Bay City Journal": [
            ("Hundreds of SkyLink flights were grounded as cabin crew started a three-day walkout.", "cancelled strike", P),
            ("According to the union, the pay of cabin crew has dropped by 15 percent in real terms since 2020.", "wages", P),
            ("Minister Lena Fischer called on the airline and the union to get back to the negotiating table.", "minister", P),
            ("A further strike is planned for the end of the month if no deal is reached.", "further_strike", V),
        ],
        "Metro Post": [
            ("Holidaymakers face chaos as a SkyLink cabin crew strike wipes out more than 400 flights.", "cancelled strike", P),
            ("The union has threatened another walkout later this month unless a deal is agreed.", "further_strike", P),
            ("SkyLink offered its cabin crew a 6% pay rise, which the union rejected as too low.", "offer", P),
        ],
        "Valley Gazette": [
            ("More than 400 flights were cancelled on Monday as cabin crew at SkyLink began a three-day strike over pay.", "cancelled strike", V),
            ("The union says crew wages have fallen 15% in real terms since 2020.", "wages", V),
            ("Passengers have been advised to check the status of their flight before traveling to the airport.", "check_flight", N),
        ],
    },
    "launch_failure": {
        "Capital Wire": [
            ("A Vega Orbital rocket carrying two weather satellites exploded about 90 seconds after lift-off on Friday, the company said.", "exploded", V),
            ("No one was injured, and debris fell into the ocean east of the launch site.", "no_injuries debris", V),
            ("It was the first failure in 23 launches of the Vega-3 rocket.", "first_failure", V),
            ("The satellites, worth an estimated $310 million, were insured, the company said.", "insured", V),
            ("The aviation regulator said it would oversee the investigation into the failure.", "regulator", V),
        ],
        "Harbor Times": [
            ("A rocket carrying two weather satellites blew up roughly 90 seconds into its flight on Friday, Vega Orbital said.", "exploded", N),
            ("Debris from the rocket fell into the sea east of the launch pad, and there were no injuries.", "no_injuries debris", P),
            ("The Vega-3 had flown 22 times without a failure before Friday's launch.", "first_failure", P),
            ("Chief executive Omar Haddad said the company would \u201cfind the cause, fix it and fly again.\u201d", "fix_fly", V),
        ],
        "The Ledger": [
            ("Vega Orbital lost two weather satellites on Friday when its rocket exploded shortly after launch.", "exploded", P),
            ("The $310 million payload was fully insured, according to the company.", "insured", P),
            ("\u201cWe will find the cause, fix it and fly again,\u201d chief executive Omar Haddad said in a statement.", "fix_fly", N),
            ("The failure delays a programme to improve storm forecasts by at least two years, meteorologists said.", "forecast_delay", V),
        ],
        "Daily Courier": [
            ("Friday's explosion was the first failure for the Vega-3 after 22 successful launches.", "first_failure", P),
            ("Forecasters said the loss of the satellites would set back improved storm warnings by two years or more.", "forecast_delay", P),
            ("The aviation authority will supervise an inquiry into what went wrong, it said.", "regulator", P),
        ],
    },
    "court_ruling": {
        "Bay City Journal": [
            ("The Supreme Court ruled 6-3 on Tuesday that the state's new voting map is unconstitutional and must be redrawn before next year's election.", "ruling redraw", V),
            ("Writing for the majority, Justice Helen Park said the map \u201cdiluted the votes of minority communities.\u201d", "diluted", V),
            ("The state attorney general said he was disappointed and would review the decision.", "ag_review", V),
            ("Lawmakers have 60 days to submit a new map to a federal court.", "sixty_days", V),
        ],
        "Northern Herald": [
            ("In a 6-3 decision, the Supreme Court struck down the state's voting map on Tuesday, ordering it to be redrawn ahead of the next election.", "ruling redraw", P),
            ("Justice Helen Park wrote that the map \u201cdiluted the votes of minority communities.\u201d", "diluted", N),
            ("The legislature must draw a new map within 60 days, the court said.", "sixty_days", P),
            ("Civil rights groups that brought the case called the ruling a victory for fair representation.", "groups_victory", V),
        ],
        "Daily Courier": [
            ("The state's attorney general said he was \u201cdisappointed\u201d by the ruling and that his office was reviewing it.", "ag_review", N),
            ("Justice Samuel Ortiz, writing for the three dissenting justices, said the court had overstepped its role.", "dissent", V),
            ("The groups behind the lawsuit hailed the decision as a win for fair representation.", "groups_victory", P),
        ],
        "Metro Post": [
            ("The nation's highest court has thrown out the state's electoral map, saying it weakened the voting power of minority communities.", "ruling diluted", P),
            ("Three justices dissented, with Justice Samuel Ortiz arguing the court had gone beyond its proper role.", "dissent", P),
            ("State lawmakers now have two months to produce a new map.", "sixty_days", P),
        ],
    },
    "transfer": {
        "Harbor Times": [
            ("Rovers have signed striker Luca Moretti from Atletico Sur for a club-record fee of 65 million euros, the club announced on Monday.", "signed fee", V),
            ("The 24-year-old has agreed a five-year contract.", "contract", V),
            ("Moretti scored 31 goals in all competitions last season.", "goals", V),
            ("\u201cI have dreamed of playing in this league since I was a boy,\u201d Moretti told the club's website.", "dreamed", V),
        ],
        "Capital Wire": [
            ("Rovers completed the club-record signing of striker Luca Moretti from Atletico Sur on Monday for 65 million euros.", "signed fee", N),
            ("Moretti, 24, signed a contract until 2029 after passing a medical on Sunday.", "contract medical", P),
            ("Manager Paul Akers said Moretti was \u201cexactly the type of forward we needed.\u201d", "manager", V),
        ],
        "Metro Post": [
            ("Luca Moretti has become Rovers' most expensive player after a \u20ac65m move from Atletico Sur.", "signed fee", P),
            ("The Italian forward netted 31 times last season.", "goals", P),
            ("Moretti said he had dreamed of playing in the league since he was a boy.", "dreamed", P),
            ("Rovers finished 11th last season, their worst league position in a decade.", "eleventh", V),
        ],
        "Daily Courier": [
            ("Rovers boss Paul Akers described new signing Luca Moretti as exactly the kind of striker the team needed.", "manager", P),
            ("The striker has signed a five-year deal.", "contract", P),
            ("Rovers ended last season in 11th place, their lowest finish in ten years.", "eleventh", P),
        ],
        "Coastal Echo": [
            ("Rovers have signed striker Luca Moretti from Atletico Sur for a club-record fee of 65 million euros, the club announced on Monday.", "signed fee", V),
            ("The 24-year-old has agreed a five-year contract.", "contract", V),
            ("Moretti scored 31 goals in all competitions last season.", "goals", V),
        ],
    },    # ---- stories added in the second round (written before any tuning of that
    # round; all held out) -------------------------------------------------
    "summit": {
        "Capital Wire": [
            ("Kaldorian President Viktor Asmus will travel to Rensha next week for talks with Premier Sun Lei, the Kaldorian foreign ministry said on Thursday.", "asmus_visits ministry_confirmed", V),
            ("The two leaders are expected to sign an agreement on a new gas pipeline that would carry Kaldorian gas east.", "pipeline_deal", V),
            ("Kaldoria has been under Western sanctions since its troops crossed into neighbouring Velia in 2021.", "sanctions", V),
            ("\u201cAsmus needs buyers for his gas and Sun needs cheap energy; it is a marriage of convenience,\u201d said Ines Hoffmann, an analyst at the Baltic Policy Institute.", "convenience needs_buyers", V),
            ("The leaders last met in 2019, when Sun visited the Kaldorian capital, Orsk.", "last_met_2019", V),
        ],
        "Northern Herald": [
            ("Viktor Asmus will meet Rensha's premier, Sun Lei, in the port city of Darvik next week, officials in Orsk confirmed.", "asmus_visits ministry_confirmed darvik", P),
            ("A deal on a gas pipeline is expected to top the agenda.", "pipeline_deal", P),
            ("Ines Hoffmann of the Baltic Policy Institute described the relationship as \u201ca marriage of convenience.\u201d", "convenience", N),
            ("Kaldoria's economy has shrunk by 4% since sanctions were imposed over its invasion of Velia.", "economy_shrunk sanctions", P),
            ("The European Union said it was \u201cdeeply concerned\u201d by any deal that helped Kaldoria evade sanctions.", "eu_concern", V),
        ],
        "Metro Post": [
            ("Two of the world's most isolated leaders are to meet next week as Kaldoria's Viktor Asmus heads to Rensha.", "asmus_visits", P),
            ("Asmus is desperate to find new customers for gas that Europe no longer buys.", "needs_buyers", P),
            ("The meeting will take place in Darvik, a port on Rensha's northern coast.", "darvik", P),
            ("Brussels warned it was deeply concerned about any agreement that would let Orsk get around sanctions.", "eu_concern", P),
        ],
        # wire copy with one line of its own
        "Daily Courier": [
            ("Kaldorian President Viktor Asmus will travel to Rensha next week for talks with Premier Sun Lei, the Kaldorian foreign ministry said on Thursday.", "asmus_visits ministry_confirmed", V),
            ("The two leaders are expected to sign an agreement on a new gas pipeline that would carry Kaldorian gas east.", "pipeline_deal", V),
            ("Asmus and Sun have not met since 2019.", "last_met_2019", P),
            ("Rensha's foreign ministry declined to comment on the agenda.", "rensha_no_comment", V),
        ],
        "The Ledger": [
            ("Sun Lei will host Viktor Asmus for two days of talks focused on energy, the Rensha government announced.", "asmus_visits", P),
            ("The proposed pipeline, worth an estimated $12 billion, would run 2,000 km from Kaldoria's eastern gas fields.", "pipeline_cost", V),
            ("The pair last met in Orsk four years ago.", "last_met_2019", P),
            ("Western governments have imposed sweeping sanctions on Kaldoria since the 2021 invasion of Velia.", "sanctions", P),
        ],
    },
    "drug_recall": {
        "Capital Wire": [
            ("Health regulators on Monday ordered a recall of 12 batches of the blood pressure drug Cardiflo after tests found traces of a chemical that may cause cancer.", "recall batches impurity", V),
            ("Patients should not stop taking the medicine without first speaking to their doctor, the Medicines Agency said.", "dont_stop", V),
            ("About 300,000 people in the country are prescribed Cardiflo.", "patients", V),
            ("Manufacturer Helix Pharma said it was cooperating fully with the regulator and had found no evidence that anyone had been harmed.", "cooperating no_harm", V),
        ],
        "Harbor Times": [
            ("A widely used heart medication is being pulled from pharmacy shelves over fears it is contaminated with a cancer-causing impurity.", "recall impurity", P),
            ("The Medicines Agency urged patients to keep taking their tablets and to talk to a GP or pharmacist if they were worried.", "dont_stop", P),
            ("Helix Pharma, which makes the drug, said no patients were known to have been harmed.", "no_harm", P),
            ("Some 300,000 patients rely on the drug to control their blood pressure.", "patients", P),
        ],
        "Metro Post": [
            ("Twelve batches of Cardiflo have been recalled after a possible carcinogen was detected during routine testing.", "recall batches impurity", P),
            ("\u201cThis is a precautionary step and the risk to any individual patient is very low,\u201d said Dr. Amara Osei, the agency's chief safety officer.", "precaution low_risk", V),
            ("It is the second recall of a blood pressure drug this year.", "second_recall", V),
        ],
        "Daily Courier": [
            ("Regulators have ordered the recall of a blood pressure drug after a potentially cancer-causing chemical was found in some batches.", "recall impurity", P),
            ("Dr. Amara Osei, the agency's chief safety officer, said the risk to individual patients was \u201cvery low.\u201d", "low_risk", N),
            ("In March, a different blood pressure medicine was withdrawn over a similar contamination.", "second_recall", P),
            ("Helix Pharma shares fell 6% on the news.", "shares_fell", V),
        ],
    },
    "mayor_election": {
        "Capital Wire": [
            ("Clara Nunez was elected mayor of Port Amelia on Sunday with 54% of the vote, becoming the first woman to lead the city.", "won first_woman", V),
            ("Incumbent Ray Doyle conceded defeat shortly before midnight and congratulated his rival.", "conceded", V),
            ("Turnout was 38%, the lowest in the city's history.", "turnout", V),
            ("Nunez campaigned on a promise to build 10,000 affordable homes within four years.", "housing", V),
        ],
        "Northern Herald": [
            ("Port Amelia has its first female mayor after Clara Nunez won Sunday's election with a clear majority.", "won first_woman", P),
            ("Ray Doyle, who had held the job for eight years, admitted defeat late on Sunday night.", "conceded doyle_eight_years", P),
            ("\u201cTonight the people of this city chose hope,\u201d Nunez told cheering supporters.", "hope", V),
            ("Only 38 percent of eligible voters cast a ballot.", "turnout", P),
        ],
        "Metro Post": [
            ("Nunez took 54 percent of the vote to Doyle's 41 percent.", "won", P),
            ("She has pledged to build ten thousand affordable homes by 2028.", "housing", P),
            ("\u201cThe people of this city chose hope tonight,\u201d she told supporters.", "hope", N),
            ("Doyle said he had called Nunez to congratulate her.", "conceded", P),
        ],
        "The Ledger": [
            ("Ray Doyle's eight years as mayor of Port Amelia came to an end on Sunday as voters elected Clara Nunez.", "won doyle_eight_years", P),
            ("Low turnout, at just 38%, marred the result, election officials said.", "turnout", P),
            ("Housing was the central issue of the campaign, with Nunez promising 10,000 new affordable homes.", "housing", P),
            ("Nunez will be sworn in on January 2.", "sworn_in", V),
        ],
    },
    # ---- stories added in the third round (written blind, after the claim
    # stage's method was fixed; all held out, reported on their own) ----------
    "r3_museum_heist": {
        "Capital Wire": [
            ("Thieves stole eight pieces of 18th-century royal jewellery from the Halvorsen Museum in Bremmark early on Saturday, police said.", "theft eight_pieces", V),
            ("The gang used a ladder mounted on a truck to reach a first-floor window, broke two display cases and left within seven minutes, according to the prosecutor's office.", "window_ladder cases seven_minutes", V),
            ("Police are searching for four suspects who fled on two motor scooters.", "four_suspects scooters", V),
            ("Prosecutor Marc Olin said the thieves were \u201cprofessionals who knew exactly what they wanted.\u201d", "olin_professionals", V),
            ("The museum said its alarm system had worked and guards had followed procedure.", "alarm_worked", V),
            ("\u201cThese pieces are part of our national memory, and we will get them back,\u201d Culture Minister Pavel Roth said.", "roth_memory roth_recover", V),
            ("The museum will stay closed until Wednesday.", "closed", V),
        ],
        # regional paper running the wire, lightly edited, plus a local angle
        "Valley Gazette": [
            ("Thieves stole eight pieces of 18th-century royal jewellery from the Halvorsen Museum in Bremmark early on Saturday, police said.", "theft eight_pieces", V),
            ("Police are searching for four suspects who fled on two motor scooters.", "four_suspects scooters", V),
            ("The gang used a truck-mounted ladder to reach a first-floor window, smashed two display cases and were gone within seven minutes, the prosecutor's office said.", "window_ladder cases seven_minutes", N),
            ("The Halvorsen Museum will remain shut until Wednesday.", "closed", N),
            ("Bremmark jeweller Tomas Eklund said officers had asked him to look out for anyone trying to sell antique gems.", "eklund_asked", V),
        ],
        "Metro Post": [
            ("Crown jewels worth a staggering \u20ac30m were snatched in a brazen seven-minute raid on a national museum this weekend.", "theft value seven_minutes", P),
            ("The masked raiders hoisted themselves up to a window on a cherry picker before smashing their way in.", "window_ladder", P),
            ("They escaped on scooters, leaving a diamond tiara lying in the street.", "scooters dropped_tiara", P),
            ("Culture minister Pavel Roth vowed: \u201cWe will get them back.\u201d", "roth_recover", N),
            ("Security guru Hugo Dahl said: \u201cThis has all the hallmarks of a professional team that had scouted the building for weeks.\u201d", "dahl_professional dahl_scouted", V),
            ("Only two guards were on duty at the time after years of cuts, a union source claimed.", "two_guards", P),
        ],
        "The Ledger": [
            ("Eight items of royal jewellery dating from the 1700s, among them a sapphire necklace and a pair of emerald earrings, were taken from the Halvorsen Museum on Saturday morning.", "theft eight_pieces", P),
            ("Investigators believe the thieves reached the building's first floor with a truck-mounted lift and were inside for less than seven minutes.", "window_ladder seven_minutes", P),
            ("A diamond tiara dropped by the thieves as they fled was later found, damaged, outside the museum.", "dropped_tiara", P),
            ("Museum director Sofie Brandt called the theft \u201ca wound to our national memory\u201d and said the pieces were of incalculable historical value.", "brandt_wound brandt_priceless", N),
            ("Pavel Roth, the culture minister, said the jewels were \u201cpart of our national memory\u201d and pledged that they would be recovered.", "roth_memory roth_recover", N),
            ("A state audit last year found that parts of the museum's security system were out of date.", "audit", V),
            ("The union representing museum staff said budget cuts meant only two guards had been on duty overnight.", "two_guards", V),
        ],
        # broadcaster website, a day later
        "Lakeside Radio News": [
            ("Police in Bremmark have arrested two men in connection with Saturday's theft of royal jewels from the Halvorsen Museum.", "arrests", V),
            ("The jewels, valued at about 30 million euros, have not been recovered.", "value not_recovered", P),
            ("Prosecutor Marc Olin told reporters the men were aged 34 and 39 and were known to police.", "arrested_ages", V),
            ("Olin said at the weekend that the gang were professionals who \"knew exactly what they wanted\".", "olin_professionals", N),
            ("The museum will reopen to visitors on Wednesday, with extra police officers posted at its entrances.", "closed extra_police", P),
            ("Two other suspects are still being sought.", "remaining_suspects", V),
        ],
        "Harbor Times": [
            ("Thieves needed only seven minutes to make off with eight pieces of royal jewelry worth an estimated 30 million euros from the Halvorsen Museum on Saturday.", "theft eight_pieces value seven_minutes", P),
            ("Museum director Sofie Brandt said: \"This is a wound to our national memory.\"", "brandt_wound", V),
            ("Police said four people took part in the raid and got away on scooters.", "four_suspects scooters", P),
            ("Security consultant Hugo Dahl said the operation appeared to have been planned over several weeks.", "dahl_scouted", P),
            ("The museum said alarms sounded as soon as the window was broken and that its staff had acted correctly.", "alarm_worked", P),
            ("The museum, which houses the former royal family's collection, drew 1.2 million visitors last year.", "visitors", V),
            ("It is the second museum theft in the country this year, after a collection of gold coins was stolen in Lunde in March.", "second_theft", V),
        ],
    },
    "r3_data_breach": {
        "Capital Wire": [
            ("Hackers stole the personal details of almost 2.3 million customers of mobile operator Tellaro, the company said on Thursday.", "breach count", V),
            ("Names, home addresses, phone numbers and dates of birth were taken, but no bank details or passwords were accessed, Tellaro said.", "data_types no_financial", V),
            ("The company detected the intrusion on May 14 and has informed the police.", "discovered police_informed", V),
            ("\u201cI am deeply sorry. We let our customers down, and we will do everything we can to put this right,\u201d chief executive Laura Benning said in a statement.", "ceo_sorry ceo_let_down", V),
            ("Affected customers will be offered 12 months of free credit monitoring.", "free_monitoring", V),
            ("Tellaro shares closed 7% lower.", "shares_fell", V),
        ],
        # regional paper: wire copy trimmed, plus a local angle
        "Coastal Echo": [
            ("Hackers stole the personal details of nearly 2.3 million Tellaro customers, the mobile operator said on Thursday.", "breach count", N),
            ("Names, home addresses, phone numbers and dates of birth were taken, but no bank details or passwords were accessed, Tellaro said.", "data_types no_financial", V),
            ("\u201cI am deeply sorry. We let our customers down,\u201d chief executive Laura Benning said.", "ceo_sorry ceo_let_down", N),
            ("Tellaro runs a call centre in Portwell that employs 650 people.", "call_centre", V),
            ("Portwell customer Jean Marlowe, a retired teacher, said she had already received two suspicious text messages this week.", "marlowe_texts", V),
        ],
        "Daily Courier": [
            ("Cyber crooks have plundered the personal data of 2.3m Tellaro mobile customers.", "breach count", P),
            ("Thieves got their hands on names, addresses and birthdays \u2013 but the firm insists bank details are safe.", "data_types no_financial", P),
            ("Customers were last night warned to be on their guard against scam calls and texts from fraudsters using the stolen details.", "scam_warning", P),
            ("Consumer champion Rachel Okoye blasted: \u201cTellaro has let its customers down badly and they deserve answers.\u201d", "consumer_let_down consumer_answers", V),
            ("The hackers are understood to have demanded a ransom in cryptocurrency.", "ransom_demand", P),
            ("Tellaro refused to say how much the gang wanted.", "no_comment_demand", V),
        ],
        "The Ledger": [
            ("Tellaro, the country's third-largest mobile network, has disclosed a cyber attack in which criminals obtained data belonging to about 2.3 million customers.", "breach count", P),
            ("The company said the attackers had asked for a ransom, which it had refused to pay on the advice of the police.", "ransom_demand refused_pay", P),
            ("Financial information and account passwords were not compromised, according to Tellaro.", "no_financial", P),
            ("Laura Benning, the chief executive, apologised and acknowledged that the company had \u201clet our customers down.\u201d", "ceo_sorry ceo_let_down", N),
            ("The Data Protection Authority said it had opened an investigation and could fine the company up to 4% of its global turnover.", "regulator_probe fine_possible", V),
            ("Tellaro was fined \u20ac1.8 million in 2021 after a software error exposed customers' call records.", "previous_fine", V),
        ],
        "Northern Herald": [
            ("Almost 2.3 million Tellaro customers have been told their personal details were stolen in a cyber attack.", "breach count", P),
            ("The breach was discovered on Tuesday, two days before the company made it public.", "discovered", P),
            ("The Data Protection Authority confirmed it was investigating.", "regulator_probe", P),
            ("Under data protection law, the authority can impose fines of up to four percent of a company's worldwide turnover.", "fine_possible", P),
            ("Rachel Okoye, director of the consumer group Fair Call, said customers \u201cdeserve answers\u201d about how the attack happened.", "consumer_answers", N),
            ("Tellaro said it was not aware of any of the stolen data being used by criminals.", "no_misuse", V),
        ],
        # broadcaster website
        "Lakeside Radio News": [
            ("Customers of the mobile network Tellaro are being urged to watch out for scam calls after hackers stole the personal details of around 2.3 million people.", "scam_warning breach count", P),
            ("The stolen information includes names, addresses, phone numbers and dates of birth.", "data_types", N),
            ("The firm's boss, Laura Benning, said she was \"deeply sorry\".", "ceo_sorry", N),
            ("Tellaro says it will not pay the hackers.", "refused_pay", P),
            ("The company said it would never phone customers to ask for their passwords.", "never_ask", V),
            ("It will email everyone affected by Friday.", "emails_by_friday", V),
            ("Those affected will get a year's free credit monitoring.", "free_monitoring", P),
        ],
    },
    "r3_toll_uturn": {
        "Capital Wire": [
            ("The government on Wednesday scrapped plans to charge drivers \u00a34.50 to use the Kessel Tunnel, after months of opposition from motorists and businesses.", "scrapped toll_amount", V),
            ("\u201cWe have listened to drivers and to businesses, and the toll will not go ahead,\u201d Transport Secretary Amira Qureshi told parliament.", "qureshi_listened scrapped", V),
            ("The charge had been expected to raise about \u00a3120 million a year for maintenance of the 40-year-old tunnel.", "revenue", V),
            ("Qureshi said the money would instead come from the national roads budget.", "funding_budget", V),
            ("More than two-thirds of the 41,000 people who responded to a public consultation opposed the toll.", "consultation_opposed responses_41k", V),
            ("Kessel mayor Joan Pryce called the decision \u201ca betrayal of everyone who relies on the buses,\u201d as part of the toll income had been earmarked for new bus routes.", "pryce_betrayal buses_earmarked", V),
        ],
        # regional broadsheet in the tunnel's home city
        "Northern Herald": [
            ("Ministers have this week abandoned the proposed Kessel Tunnel toll.", "scrapped", P),
            ("Mayor Joan Pryce said: \u201cThis is a betrayal of everyone who relies on the buses.\u201d", "pryce_betrayal", N),
            ("City hall had planned to use part of the toll income to pay for 12 new bus routes.", "buses_earmarked", P),
            ("The charge had been expected to raise about \u00a3120 million a year for maintenance of the 40-year-old tunnel.", "revenue", V),
            ("The toll, of \u00a34.50 per crossing, was due to start in April.", "toll_amount due_april", P),
            ("Clean Air Now director Tom Adeyemi said the U-turn was \u201ca betrayal of the government's own climate promises.\u201d", "adeyemi_betrayal", V),
            ("Traffic through the tunnel has risen by 30% since 2015, according to the council.", "traffic_rise", V),
        ],
        "Metro Post": [
            ("Drivers have won their battle against the hated Kessel Tunnel toll after ministers performed a dramatic U-turn.", "scrapped", P),
            ("Motorists would have been stung four pounds fifty every time they used the tunnel.", "toll_amount", P),
            ("Transport boss Amira Qureshi admitted the government had \u201clistened to drivers\u201d.", "qureshi_listened", N),
            ("Business leaders hailed the climbdown as a victory for common sense.", "chamber_welcome", P),
            ("But the opposition said taxpayers had already forked out \u00a39m on consultants to design the scheme.", "spent_9m", P),
            ("Kessel's mayor branded it a betrayal.", "pryce_betrayal", P),
        ],
        "The Ledger": [
            ("Amira Qureshi, the transport secretary, told MPs on Wednesday that the government would no longer pursue a toll on the Kessel Tunnel.", "scrapped", P),
            ("The charge was projected to bring in roughly \u00a3120m annually, money now expected to come from the national roads budget.", "revenue funding_budget", P),
            ("In a public consultation, 68 per cent of respondents were against the toll.", "consultation_opposed", P),
            ("The Chamber of Commerce, which had lobbied against the toll, said the decision was \u201ccommon sense.\u201d", "chamber_welcome", N),
            ("Gareth Lowe, the opposition's transport spokesman, said the government had \u201cwasted two years and \u00a39 million\u201d on a scheme it never believed in.", "spent_9m lowe_never_believed", P),
            ("A decision on how to pay for the tunnel's planned \u00a3300m refurbishment will be made next year.", "refurb_decision", V),
        ],
        # broadcaster website
        "Channel Six News": [
            ("The government has dropped plans for a \u00a34.50 toll on the Kessel Tunnel.", "scrapped toll_amount", P),
            ("Transport Secretary Amira Qureshi said the toll would not go ahead because the government had listened to drivers and businesses.", "qureshi_listened scrapped", P),
            ("Clean Air Now said scrapping the toll would mean more traffic and dirtier air in the city centre.", "cleanair_pollution", V),
            ("The toll had been due to come into force next April.", "due_april", P),
            ("A public consultation on the toll drew 41,000 responses.", "responses_41k", P),
            ("The tunnel carries around 55,000 vehicles a day.", "vehicles", V),
        ],
    },
    "r3_fossil_find": {
        "Capital Wire": [
            ("Scientists have identified a new species of plant-eating dinosaur from bones dug up on a farm in western Ardenia, according to a study released on Wednesday.", "new_species herbivore found_on_farm", V),
            ("Korrasaurus hollisae lived about 72 million years ago and measured roughly nine metres from nose to tail, the researchers wrote in the journal Palaeo Letters.", "age length", V),
            ("The bones were found in 2019 by farmer Gwen Hollis while she was digging a drainage ditch.", "found_by_farmer found_2019", V),
            ("\u201cIt is the most complete skeleton of its kind ever found in Europe,\u201d said lead author Kasim Varga of the University of Elmbridge.", "varga_most_complete", V),
            ("About 70% of the skeleton was recovered during three years of excavation.", "skeleton_70 excavation_3y", V),
            ("The skeleton will go on display at the Elmbridge Natural History Museum next spring.", "display", V),
        ],
        "Harbor Times": [
            ("A farmer digging a ditch in western Ardenia stumbled upon the remains of a previously unknown dinosaur, paleontologists reported Wednesday.", "found_by_farmer new_species", P),
            ("The animal, roughly 30 feet long, roamed the region some 72 million years ago.", "length age", P),
            ("The researchers named the species Korrasaurus hollisae, after Gwen Hollis.", "named_after", P),
            ("Kasim Varga, the study's lead author, said it was the most complete skeleton of its type ever unearthed in Europe.", "varga_most_complete", P),
            ("Lena Ortega, a paleontologist at the Royal Institute in Marsk who was not involved in the research, called it \"one of the most important finds in Europe for decades.\"", "ortega_important", N),
            ("Its teeth suggest it fed on ferns and other low-growing plants.", "herbivore", P),
        ],
        "Metro Post": [
            ("A farmer who thought she'd hit an old tree root while digging on her land had in fact found a giant dinosaur.", "found_by_farmer found_on_farm hollis_root", P),
            ("Gran-of-three Gwen Hollis, 61, said: \u201cI thought it was an old tree root. Then I saw the teeth.\u201d", "hollis_root", V),
            ("The nine-metre beast stomped the earth 72m years ago.", "length age", P),
            ("Boffins say it's the most complete skeleton of its kind ever found in Europe.", "varga_most_complete", P),
            ("And it's been named after her.", "named_after", P),
            ("Museum bosses plan to put the bones on show next year.", "display", P),
        ],
        "The Ledger": [
            ("Korrasaurus hollisae, described this week in Palaeo Letters, is the first new dinosaur species to be named from Ardenian rocks in more than a century.", "new_species first_in_century", P),
            ("Dr Kasim Varga, who led the study, said about 70 per cent of the skeleton had been recovered, making it the most complete of its kind in Europe.", "skeleton_70 varga_most_complete", P),
            ("Professor Lena Ortega said: \u201cThis is one of the most important finds in Europe for decades.\u201d", "ortega_important", V),
            ("The researchers believe the animal lived on an island, which may explain why it was smaller than its relatives on the mainland.", "island_smaller", V),
            ("Mrs Hollis found the first bones in 2019 while clearing a drainage ditch on her sheep farm.", "found_by_farmer found_2019 found_on_farm", P),
            ("The excavation took three summers.", "excavation_3y", P),
        ],
        # broadcaster website
        "National Radio Online": [
            ("A dinosaur discovered on a farm in western Ardenia has been confirmed as a new species.", "new_species found_on_farm", P),
            ("Korrasaurus hollisae lived around 72 million years ago and was about nine metres long, the researchers said.", "age length", N),
            ("The skeleton will go on display at the Elmbridge Natural History Museum next spring.", "display", V),
            ("Farmer Gwen Hollis says she is proud that the dinosaur carries her name.", "hollis_proud", V),
            ("Dr Varga said his team had spent three years digging out the bones.", "excavation_3y", P),
            ("Professor Lena Ortega, who was not part of the study, said the find would help scientists understand how dinosaurs adapted to life on islands.", "ortega_islands", V),
        ],
    },
}

#: Stories whose pairs are used to choose the threshold; the rest are held out.
DEV_STORIES = {"plant_fire", "rate_rise", "layoffs", "launch_failure"}


def _kind(form_a: str, form_b: str) -> str:
    forms = {form_a, form_b}
    if "p" in forms:
        return "paraphrase"
    if "n" in forms:
        return "near"
    return "verbatim"


def build_rows() -> list[dict[str, object]]:
    """Every labelled pair, seeds first, in a fixed order."""
    rows: list[dict[str, object]] = []
    claims_of: dict[str, set[str]] = {}
    forms: dict[tuple[str, str], str] = {}
    for name, members in SEED_CLAIMS.items():
        for key, form in members.items():
            claims_of.setdefault(key, set()).add(name)
            forms[(key, name)] = form
    seen: set[tuple[str, str]] = set()
    for name, members in SEED_CLAIMS.items():
        for ka, kb in itertools.combinations(members, 2):
            if S[ka][0] == S[kb][0]:
                continue
            pair = tuple(sorted((ka, kb)))
            if pair in seen:
                continue
            seen.add(pair)  # type: ignore[arg-type]
            shared = sorted(claims_of[ka] & claims_of[kb])
            kind = min((_kind(forms[(ka, c)], forms[(kb, c)]) for c in shared),
                       key=["verbatim", "near", "paraphrase"].index)
            rows.append(_row("seeds", "test", "kim_putin", ka, kb, claims_of, 1, kind))
    for ka, kb in SEED_NEGATIVES:
        assert S[ka][0] != S[kb][0], (ka, kb)
        assert not claims_of.get(ka, set()) & claims_of.get(kb, set()), (ka, kb)
        rows.append(_row("seeds", "test", "kim_putin", ka, kb, claims_of, 0, "hard_negative"))
    for story, outlets in STORIES.items():
        split = "dev" if story in DEV_STORIES else "test"
        sentences = [(outlet, text, set(tags.split()), form) for outlet, items in outlets.items() for text, tags, form in items]
        for (oa, ta, ca, fa), (ob, tb, cb, fb) in itertools.combinations(sentences, 2):
            if oa == ob:
                continue
            label = int(bool(ca & cb))
            rows.append(
                {
                    "set": "wider", "split": split, "story": story,
                    "outlet_a": oa, "text_a": ta, "claims_a": ";".join(sorted(ca)),
                    "outlet_b": ob, "text_b": tb, "claims_b": ";".join(sorted(cb)),
                    "label": label, "kind": _kind(fa, fb) if label else "hard_negative",
                }
            )
    for n, row in enumerate(rows):
        row["pair_id"] = f"p{n:04d}"
    return rows


def _row(set_: str, split: str, story: str, ka: str, kb: str, claims_of: dict[str, set[str]], label: int, kind: str) -> dict[str, object]:
    return {
        "set": set_, "split": split, "story": story,
        "outlet_a": S[ka][0], "text_a": S[ka][1], "claims_a": ";".join(sorted(claims_of.get(ka, ()))) or ka,
        "outlet_b": S[kb][0], "text_b": S[kb][1], "claims_b": ";".join(sorted(claims_of.get(kb, ()))) or kb,
        "label": label, "kind": kind,
    }


COLUMNS = ["pair_id", "set", "split", "story", "outlet_a", "text_a", "claims_a",
           "outlet_b", "text_b", "claims_b", "label", "kind"]


def main() -> None:
    rows = build_rows()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} pairs to {OUT}")


if __name__ == "__main__":
    main()
