"""Generate a synthetic news corpus that resembles multi-outlet coverage.

Usage::

    python benchmarks/generate_corpus.py --articles 1000 --seed 7 --out build/bench/1000

writes ``<out>/<article_id>.txt`` (headline on the first line, then the body
as pasted from a web page, boilerplate included), ``<out>/manifest.csv``
(article_id, outlet, published, url, title) and ``<out>/.truth.csv``
(article_id, story_id, outlet, n_sentences, n_quotes, n_wire, n_conflicts,
is_update; the leading dot keeps it out of ``newslib.load_corpus``).
The same ``--articles`` and ``--seed`` always give byte-identical files.

Two more hidden files hold the truth that ``benchmarks/eval_conflicts.py``
scores the ``conflicts`` stage against (recording it draws no random
numbers, so the files above are the same as before it existed):

* ``<out>/.pieces.csv``: one row per body piece of every article, in body
  order (article_id, piece, story_id, outlet, kind = fact / quote / wire /
  background / unrelated, fact and quote = index of the story fact or quote
  rendered or empty, planted = empty or the planted departure ``date``,
  ``number`` or ``quote_wording``, detail = what was changed, "next month ->
  on Friday", "NUM 1,200 -> 2,400", "rivals -> enemies", and text = the piece
  exactly as written in the article file, British spelling included);
* ``<out>/.titles.csv``: one row per speaker introduction (article_id,
  piece, story_id, outlet, speaker, written = the title as written, rank =
  the military rank it names, canonical = the speaker's true rank, planted =
  ``title`` when they differ). Only "retired General" / "former Army
  General" for a retired Lt. Gen. is a different rank; "retired Major
  General" for a retired Maj. Gen. is an alias (see :data:`ROLE_RANKS`).

The model
---------
The corpus is a set of **stories**; each story is covered by several
**outlets**, and every article is written from the story's shared material
plus the outlet's own habits. All names are invented (word lists and
syllables below); each story gets its own place, country and people names,
so two stories never share wording by accident, only through stock phrases.

* **Story sizes are skewed.** The number of outlets covering a story is
  ``floor(2 * U ** (-1 / 1.1))`` for ``U`` uniform on (0, 1] (a Pareto tail
  with shape 1.1, minimum 2), redrawn above 36: about 40% of stories get 2
  outlets, the median is 3, the mean about 5, and a few get a few dozen, as
  in real coverage of a big event. Outlets (60, invented) are drawn without
  replacement with Zipf-like weights, so large outlets cover more stories.
  About 3% of articles are an outlet's *second* article on a story (an update
  that keeps about half of the first one: same-outlet reuse).
* **Shared material of a story** (fixed once per story), in one of seven
  domains (conflict, economy, health, climate, courts, technology, elections):
  - 5-8 *facts* (who did what, how many, where, when), each with its own
    numbers and 2-3 sentence structures; 15% use the domain's
    phrasing ("{ORG} plans to buy {NUM} {GOODS} from {C2} ..."), the rest
    are built from a small prose grammar;
  - 4-9 *quotes* (1-3 sentences each) by 2-4 *speakers* whose role is worded
    differently by different outlets ("retired Lt. Gen." / "retired General");
    quote sentences come from the prose grammar in a first-person frame
    ("I think ...", "We warned that ..."), with a 5% chance of a domain
    catchphrase ("... is scrambling for help"), and end on a story detail;
  - an upstream *channel* where the speakers were heard (a broadcaster and
    programme, a newspaper or a wire) and an upstream *report* with 3-6
    *wire sentences* ("..., the report said").
* **Each article** (15-40 body sentences) draws:
  - 50-90% of the facts, each *paraphrased*: a random structure, synonyms
    and attribution form; with probability 0.08 per fact the number is
    changed or the timing shifted ("later this month" -> "next month"): a
    conflict;
  - 25-75% of the quotes, *verbatim* with probability 0.7, otherwise
    truncated (0.12), with one word substituted (0.08, "rivals" ->
    "enemies"), or embedded as a partial quote (0.10). The attribution comes
    after, around (interrupted quote) or before with a colon; a speaker's
    first mention carries the role; the channel is named about half the time
    ("told CNN", "said on CNN's The Situation Room");
  - 2-5 wire sentences, copied verbatim, in 35% of articles;
  - filler up to the length: the domain's background sentences about the
    story (10%), on-topic sentences from the grammar with the story's places
    and goods (75%: same vocabulary, different statements, the hard
    negatives for claim alignment) and unrelated sentences (15%; a fifth of
    them fixed sidebar lines such as "Tickets for the {P} music festival sold
    out within an hour.", the rest from the grammar).
  Paragraphs hold one or two sentences; quotes stand alone.
* **Outlet habits**: curly or straight quotes, British spelling (30% of
  outlets: calibre, defence, programme), and boilerplate lines of the kinds
  seen in the seeds, each with its own probability per article: navigation
  (0.3) and share bars (0.25), an audio-player notice (0.2), "READ MORE:"
  teasers (0.35) and promo bullets (0.15) naming another story, photo
  captions ending in a photographer/agency credit (0.5), newsletter sign-ups
  (0.4), widget debris (0.15), a syndication footer (0.1), and an author bio
  ("About the writer" + the author's fixed bio, 0.3).

What it gives (seed 7, 10,000 articles): 1,904 stories; about 400 words and
28 sentences per article after cleaning; every boilerplate line is removed
by newslib's cleaner. Nothing here is tuned to make newslib look good: the
probabilities are round numbers chosen so that articles look like the five
seeds (a third of the sentences quotes, half the articles with a caption,
most with some page clutter). The generated text is grammatical but often
nonsensical ("Three regional reforms could announce three delayed
reforms"): it is built for the statistics of reuse and paraphrase, not to
be read. Verbatim overlap is higher than in the seeds: articles of big
stories share about half their words with some other article (see
``benchmarks/README.md``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------------------
# Word lists (data). All invented or generic; none is copied from a source.
# ---------------------------------------------------------------------------

#: Given names and family names for speakers, reporters and photographers.
FIRST_NAMES = (
    "Mark", "Anna", "James", "Lucia", "Tomas", "Helen", "Ravi", "Grace", "Oleg", "Maria",
    "Daniel", "Yuki", "Samuel", "Irene", "Victor", "Amara", "Peter", "Leila", "Jonas", "Clara",
    "Hugo", "Nadia", "Felix", "Sara", "Omar", "Ingrid", "Paul", "Mei", "Andre", "Rosa",
    "Kofi", "Elena", "Martin", "Aisha", "Stefan", "Julia", "Diego", "Hana", "Lars", "Fatima",
)
LAST_NAMES = (
    "Hartwell", "Kessel", "Marlow", "Okafor", "Brandt", "Castellano", "Dunmore", "Everly",
    "Fairbanks", "Grigoriev", "Holloway", "Ibarra", "Janssen", "Kowalski", "Lindqvist",
    "Moreau", "Nakamura", "Oyelaran", "Pritchard", "Quintero", "Rasmussen", "Sokolova",
    "Tennant", "Ueda", "Valdivia", "Whitcombe", "Yilmaz", "Zamora", "Abernathy", "Bellamy",
    "Crowther", "Delacroix", "Esposito", "Falkner", "Greaves", "Haddad", "Iversen", "Jukic",
)

#: Syllables that make invented place and country names ("Velmora", "Drascany").
PLACE_SYLLABLES = (
    "vel", "mor", "a", "dras", "can", "y", "ol", "tar", "ben", "ko", "ri", "stan", "lu",
    "zen", "port", "ga", "lia", "mar", "sk", "ov", "ed", "ria", "quel", "han", "to",
)

#: Outlet-name parts: "The Morning Ledger", "Metro Courier", ...
OUTLET_FIRST = (
    "The Morning", "The Evening", "Metro", "National", "Global", "The Daily", "Capital",
    "Northern", "Coastal", "The Weekly", "Continental", "Valley", "Harbor", "Union", "Frontier",
)
OUTLET_SECOND = (
    "Ledger", "Courier", "Herald", "Sentinel", "Dispatch", "Post", "Chronicle", "Gazette",
    "Observer", "Tribune", "Wire", "Report", "Bulletin", "Review", "Standard", "Record",
)

#: Upstream channels: (name, programme or "", kind). Broadcasters carry
#: interviews; papers and wires carry reports that others cite and copy.
CHANNELS = (
    ("CNN", "The Situation Room", "broadcast"),
    ("CNN", "State of the Union", "broadcast"),
    ("the BBC", "Newsnight", "broadcast"),
    ("NBC News", "Meet the Press", "broadcast"),
    ("Sky News", "", "broadcast"),
    ("The New York Times", "", "paper"),
    ("The Wall Street Journal", "", "paper"),
    ("The Washington Post", "", "paper"),
    ("Reuters", "", "wire"),
    ("the Associated Press", "", "wire"),
    ("Bloomberg", "", "wire"),
)

#: Picture agencies for photo-caption credits.
AGENCIES = ("Getty Images", "AFP via Getty Images", "Reuters", "AP Photo", "Shutterstock")

#: American -> British spellings used by British-style outlets (and folded
#: back by newslib's normaliser).
BRITISH = {
    "caliber": "calibre", "defense": "defence", "program": "programme", "center": "centre",
    "labor": "labour", "organization": "organisation", "analyze": "analyse", "color": "colour",
    "favor": "favour", "neighboring": "neighbouring", "traveled": "travelled", "harbor": "harbour",
    "gray": "grey", "offense": "offence", "honor": "honour", "rumors": "rumours",
}

#: Synonym sets used when outlets paraphrase a fact ("{plans}" in templates).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "plans": ("plans to", "intends to", "is expected to", "is preparing to", "is set to"),
    "supply": ("send", "deliver", "supply", "ship"),
    "buy": ("buy", "purchase", "acquire", "obtain"),
    "meet": ("meet", "hold talks with", "sit down with"),
    "killed": ("killed", "left dead"),
    "injured": ("injured", "wounded", "hurt"),
    "said": ("said", "reported", "reported on Monday"),
    "according": ("according to",),
    "officials": ("{C} officials", "officials", "people familiar with the matter", "government sources in {C}"),
    "raised": ("raised", "increased", "lifted"),
    "cut": ("cut", "reduced", "lowered"),
    "approved": ("approved", "signed off on", "backed"),
    "rejected": ("rejected", "threw out", "dismissed"),
    "warned": ("warned", "cautioned", "said"),
    "announced": ("announced", "unveiled", "set out"),
    "closed": ("closed", "shut", "sealed"),
    "evacuated": ("evacuated", "moved out", "relocated"),
    "about": ("about", "roughly", "around", "nearly"),
    "more_than": ("more than", "over", "at least"),
}

#: Words an outlet may swap inside a quote (the seeds' "rivals" -> "enemies").
QUOTE_SUBSTITUTIONS = {
    "rivals": "enemies", "serious": "grave", "weapons": "arms", "help": "assistance",
    "clear": "obvious", "weak": "feeble", "dangerous": "reckless", "huge": "enormous",
    "problem": "crisis", "people": "citizens", "quickly": "rapidly", "angry": "furious",
    "failure": "disaster", "careful": "cautious", "difficult": "tough",
}

#: Speech verbs for attributions.
SPEECH_VERBS = ("said", "told reporters", "added", "warned", "explained", "noted", "said on Monday")

#: Timing phrases: (adverbial, key). The key groups phrases meaning the same
#: time, so a shifted key in one outlet is a timing conflict.
TIMINGS = (
    ("later this month", "this_month"), ("this month", "this_month"),
    ("next month", "next_month"), ("next week", "next_week"), ("in the coming days", "days"),
    ("by the end of the year", "year_end"), ("on Friday", "friday"), ("on Thursday", "thursday"),
)

#: Military ranks named by speaker roles (``DOMAINS[...]["roles"]``); roles
#: not listed name no rank. A speaker's first role is the true one, so an
#: outlet writing "retired General" for a retired Lt. Gen. drops the grade: a
#: different rank (a title conflict), while "retired Major General" for a
#: retired Maj. Gen. is the same rank spelled out (an alias, no conflict).
#: Used only for the hidden ``.titles.csv``; kept apart from newslib's own
#: rank table so that the evaluation does not grade newslib by itself.
ROLE_RANKS = {
    "retired Lt. Gen.": "lieutenant general", "retired General": "general",
    "former Army General": "general", "retired Maj. Gen.": "major general",
    "retired Major General": "major general",
}

#: Per-domain vocabulary. Keys: ``orgs`` (actors), ``goods`` (what is
#: traded/counted), ``people`` (who is counted), ``roles`` (speaker roles with
#: variant wordings), ``headline`` and ``facts`` (templates: each fact has 2-3
#: structures with the same slots), ``background`` (statements on the topic
#: that are not the story's facts), ``quote_bits`` (quote sentence templates).
DOMAINS: dict[str, dict[str, tuple]] = {
    "conflict": {
        "orgs": ("the {C} army", "the {C} defense ministry", "rebel forces in {P}", "the {C} government"),
        "goods": ("artillery shells", "antitank missiles", "attack drones", "armored vehicles",
                  "air defense systems", "rocket launchers"),
        "people": ("soldiers", "civilians", "fighters", "border guards"),
        "roles": (("retired Lt. Gen.", "retired General", "former Army General"),
                  ("Defense Minister", "defense chief"),
                  ("senior fellow at the {P} Institute", "analyst at the {P} Institute"),
                  ("retired Maj. Gen.", "retired Major General")),
        "headline": ("{ORG_CAP} turns to {C2} for {GOODS} as war drags on",
                     "Desperate {C} seeks {GOODS} from {C2}",
                     "{LEADER} slammed over {GOODS} deal with {C2}"),
        "facts": (
            ("{ORG} {plans} {buy} {NUM} {GOODS} from {C2} {WHEN}, {according} {SOURCE}.",
             "{WHEN_CAP}, {ORG} {plans} {buy} {NUM} {GOODS} from {C2}, {SOURCE} {said}.",
             "{C2} could {supply} {NUM} {GOODS} to {ORG} {WHEN}, {according} {SOURCE}."),
            ("{LEADER} will {meet} {LEADER2} in {P} {WHEN}, {according} {officials}.",
             "{LEADER} and {LEADER2} are due to meet in {P} {WHEN}, {officials} said.",
             "A meeting between {LEADER} and {LEADER2} is planned in {P} {WHEN}, {officials} said."),
            ("{NUM} {PEOPLE} have been {killed} near {P} since the fighting began, {officials} said.",
             "Since the fighting began near {P}, {NUM} {PEOPLE} have been {killed}, {according} {officials}.",
             "The fighting near {P} has left {NUM} {PEOPLE} dead, {officials} said."),
            ("{ORG} {closed} the border crossing at {P} on {DAY}.",
             "On {DAY}, {ORG} {closed} the crossing at {P}."),
            ("{NUM} residents of {P} were {evacuated} after shelling hit the town center.",
             "After shelling hit the town center, {NUM} residents of {P} were {evacuated}."),
            ("{C2} is seeking food aid and {TECH} in return, {according} {SOURCE}.",
             "In return, {C2} wants food aid and {TECH}, {SOURCE} {said}."),
            ("{ORG_CAP} has lost {about} {NUM} {GOODS} since the start of the war, analysts estimate.",
             "Analysts estimate that {ORG} has lost {about} {NUM} {GOODS} since the war started."),
        ),
        "tech": ("satellite technology", "nuclear-powered submarines", "fighter jet parts"),
        "background": (
            "{C} has been under sanctions since the start of the war.",
            "The front line near {P} has barely moved over the winter.",
            "Western governments have supplied billions of dollars in military aid to {C2}'s neighbors.",
            "Shortages of {GOODS} have slowed the offensive in recent months.",
            "Satellite images published last year showed new depots near {P}.",
            "Both governments deny that any transfer of {GOODS} has taken place.",
            "{C} and {C2} signed a friendship treaty decades ago.",
            "Military analysts say stockpiles of {GOODS} are running low on both sides.",
        ),
        "quote_bits": (
            "They are two of the world's most isolated governments and they are {ADJ} for {HELP}.",
            "This tells you that {ORG} is running out of {GOODS} faster than anyone expected.",
            "Quantity has a quality of its own, but the {GOODS} are not precision {WEAPONS}.",
            "I don't think this changes the outcome of the war in {C} in any {ADV} way.",
            "It's showing that the leadership in {C} is scrambling for {HELP}.",
            "We have seen this before in {C} and it was a {ADJ2} mistake then too.",
            "Nobody should pretend that {GOODS} from {C2} will turn the tide.",
            "For {C} it is a very tactical move and there is nothing strategic about it.",
            "{C} and {C2} share the same type of {CAL} systems, so it's an immediate plus-up.",
        ),
    },
    "economy": {
        "orgs": ("the {C} central bank", "the finance ministry of {C}", "{P} Holdings", "the {C} treasury"),
        "goods": ("government bonds", "shipping containers", "wheat exports", "electric cars", "steel imports"),
        "people": ("factory workers", "bank employees", "dock workers", "farmers"),
        "roles": (("chief economist at {P} Bank", "economist at {P} Bank"),
                  ("Finance Minister", "finance chief"),
                  ("professor of economics at the University of {P}", "economics professor in {P}")),
        "headline": ("{ORG_CAP} {raised} rates again as prices climb",
                     "Markets slammed as {ORG} moves on {GOODS}",
                     "{LEADER} defends plan to curb {GOODS}"),
        "facts": (
            ("{ORG_CAP} {raised} its main interest rate to {PCT} percent on {DAY}.",
             "On {DAY}, {ORG} {raised} its benchmark rate to {PCT} percent."),
            ("Inflation in {C} reached {PCT} percent last month, {according} {SOURCE}.",
             "Consumer prices in {C} rose {PCT} percent last month, {SOURCE} {said}."),
            ("{ORG_CAP} {plans} cut {NUM} jobs at its plant in {P} {WHEN}.",
             "{WHEN_CAP}, {ORG} {plans} cut {NUM} jobs in {P}, {according} {officials}."),
            ("Exports of {GOODS} fell by {PCT} percent in the first quarter.",
             "In the first quarter, exports of {GOODS} dropped {PCT} percent."),
            ("{LEADER} will {meet} {LEADER2} in {P} {WHEN} to discuss {GOODS}.",
             "{LEADER} and {LEADER2} are due to discuss {GOODS} in {P} {WHEN}."),
            ("The government {announced} a {NUM} million dollar support package for {PEOPLE}.",
             "A support package worth {NUM} million dollars for {PEOPLE} was {announced} by the government."),
            ("{NUM} {PEOPLE} walked off the job in {P} on {DAY} over pay.",
             "On {DAY}, {NUM} {PEOPLE} in {P} went on strike over pay."),
        ),
        "tech": ("cheaper energy", "lower tariffs", "access to credit"),
        "background": (
            "Prices for food and energy in {C} have risen sharply over the past two years.",
            "{C} relies heavily on imports of {GOODS}.",
            "The {C} currency has lost value against the dollar since the spring.",
            "Economists in {P} had expected a slower pace of increases.",
            "Unemployment in {P} is among the highest in the country.",
            "The last time rates in {C} were this high, the economy slipped into recession.",
            "Business groups in {P} have lobbied for relief for months.",
        ),
        "quote_bits": (
            "This is a {ADJ2} signal to the markets in {C} and they will read it that way.",
            "People in {P} are already struggling to pay their bills and this makes it harder.",
            "We are not going to see prices come down {ADV} this year.",
            "The real problem is that wages have not kept up with {GOODS}.",
            "I think {ORG} had no choice, but the timing is {ADJ}.",
            "Families in {P} will feel this in their pockets by the winter.",
            "It is a clear sign that the government in {C} has lost control of inflation.",
        ),
    },
    "health": {
        "orgs": ("the {C} health ministry", "{P} General Hospital", "the regional health authority in {P}"),
        "goods": ("vaccine doses", "hospital beds", "test kits", "ventilators", "antibiotics"),
        "people": ("patients", "nurses", "children", "residents"),
        "roles": (("chief medical officer for {P}", "medical officer in {P}"),
                  ("Health Minister", "health secretary"),
                  ("epidemiologist at the University of {P}", "disease expert at the University of {P}")),
        "headline": ("Outbreak in {P}: {ORG} scrambles for {GOODS}",
                     "{LEADER} slammed over shortage of {GOODS}",
                     "Hospitals in {P} overwhelmed as cases rise"),
        "facts": (
            ("{NUM} {PEOPLE} have been treated for the infection in {P} since {DAY}, {officials} said.",
             "Since {DAY}, {NUM} {PEOPLE} in {P} have been treated for the infection, {according} {officials}."),
            ("{ORG_CAP} {plans} {supply} {NUM} {GOODS} to clinics in {P} {WHEN}.",
             "{WHEN_CAP}, {ORG} {plans} {supply} {NUM} {GOODS} to clinics across {P}."),
            ("Schools in {P} were {closed} on {DAY} as a precaution.",
             "As a precaution, schools in {P} were {closed} on {DAY}."),
            ("The outbreak has killed {NUM} people, {according} {SOURCE}.",
             "{NUM} people have died in the outbreak, {SOURCE} {said}."),
            ("{ORG_CAP} {announced} a vaccination drive for {PEOPLE} in {P} {WHEN}.",
             "A vaccination drive for {PEOPLE} in {P} will begin {WHEN}, {ORG} {announced}."),
            ("{PCT} percent of beds in {P} are now occupied, {officials} said.",
             "Hospitals in {P} are {PCT} percent full, {according} {officials}."),
        ),
        "tech": ("more staff", "emergency funding", "field hospitals"),
        "background": (
            "Health workers in {P} have complained about staff shortages for years.",
            "Doctors in {P} say the virus spreads mainly through close contact.",
            "A similar outbreak around {P} ten years ago lasted for months.",
            "Most patients treated in {P} recover within two weeks.",
            "The hospital in {P} serves a large rural area.",
            "Supplies of {GOODS} were already tight before the outbreak.",
        ),
        "quote_bits": (
            "We are doing everything we can, but we need more {GOODS} and we need them now.",
            "The numbers in {P} are {ADJ2} and they are still going up.",
            "Nobody in {P} should panic, but everybody should be careful.",
            "This is a serious problem for a health system in {C} that was already stretched.",
            "We have asked the ministry in {C} for {HELP} three times and heard nothing.",
            "The next two weeks will tell us whether the measures in {P} are working.",
        ),
    },
    "climate": {
        "orgs": ("the {C} weather service", "emergency services in {P}", "the {C} environment agency"),
        "goods": ("sandbags", "water pumps", "rescue boats", "emergency shelters"),
        "people": ("residents", "tourists", "farmers", "firefighters"),
        "roles": (("climate scientist at the University of {P}", "climate researcher in {P}"),
                  ("Environment Minister", "environment secretary"),
                  ("mayor of {P}", "{P} mayor")),
        "headline": ("Floods in {P} force thousands from homes",
                     "{LEADER} slammed over flood response in {P}",
                     "Record heat grips {C} as {ORG} issues warning"),
        "facts": (
            ("{NUM} {PEOPLE} were {evacuated} from {P} after the river burst its banks on {DAY}.",
             "After the river burst its banks on {DAY}, {NUM} {PEOPLE} were {evacuated} from {P}."),
            ("{ORG_CAP} {warned} that more heavy rain would fall {WHEN}.",
             "More heavy rain is expected {WHEN}, {ORG} {warned}."),
            ("Temperatures in {P} reached {NUM2} degrees on {DAY}, {according} {SOURCE}.",
             "On {DAY}, the temperature in {P} hit {NUM2} degrees, {SOURCE} {said}."),
            ("The government {plans} {supply} {NUM} {GOODS} to {P} {WHEN}.",
             "{WHEN_CAP}, the government {plans} {supply} {NUM} {GOODS} to {P}."),
            ("At least {NUM2} people have died in the floods, {officials} said.",
             "The floods have killed at least {NUM2} people, {according} {officials}."),
            ("Damage in {P} is estimated at {NUM} million dollars.",
             "Officials put the damage in {P} at {NUM} million dollars."),
        ),
        "tech": ("flood defenses", "early warning systems", "insurance payouts"),
        "background": (
            "{P} sits on a flood plain and has flooded several times this century.",
            "Scientists in {C} say warmer air holds more moisture, making heavy rain more likely.",
            "Insurance claims from last year's storms in {P} are still being settled.",
            "The river through {P} has been dredged only twice in the past decade.",
            "Farmers around {P} lost much of their harvest last summer.",
            "Councils across {C} have asked for more money for drainage.",
        ),
        "quote_bits": (
            "We have never seen water this high in {P} in my lifetime.",
            "This is exactly what the models told us would happen in {P}, and we did not listen.",
            "People have lost everything and they need {HELP} today, not next month.",
            "The response in {P} has been {ADJ2} and people are angry.",
            "We cannot keep rebuilding {P} in the same places and expecting a different result.",
            "Every year the season in {C} starts earlier and ends later.",
        ),
    },
    "courts": {
        "orgs": ("the {C} supreme court", "a federal court in {P}", "prosecutors in {P}", "the {C} justice ministry"),
        "goods": ("documents", "emails", "contracts", "bank records"),
        "people": ("defendants", "witnesses", "jurors", "former employees"),
        "roles": (("defense lawyer", "attorney for the defense"),
                  ("chief prosecutor in {P}", "lead prosecutor"),
                  ("law professor at the University of {P}", "legal scholar in {P}")),
        "headline": ("Court rules against {LEADER} in {GOODS} case",
                     "{LEADER} slammed as judge orders release of {GOODS}",
                     "Trial over {GOODS} opens in {P}"),
        "facts": (
            ("{ORG_CAP} {rejected} the appeal on {DAY}, {according} {SOURCE}.",
             "On {DAY}, {ORG} {rejected} the appeal, {SOURCE} {said}."),
            ("Prosecutors say {LEADER} hid {NUM} {GOODS} from investigators.",
             "{LEADER} is accused of hiding {NUM} {GOODS} from investigators."),
            ("The trial is expected to begin {WHEN} in {P}.",
             "{WHEN_CAP}, the trial will open in {P}, {officials} said."),
            ("{NUM2} {PEOPLE} are expected to testify, {according} {officials}.",
             "{officials_cap} said {NUM2} {PEOPLE} would be called to testify."),
            ("The judge {approved} a fine of {NUM} thousand dollars.",
             "A fine of {NUM} thousand dollars was {approved} by the judge."),
            ("{LEADER} faces up to {NUM2} years in prison if convicted.",
             "If convicted, {LEADER} could be jailed for up to {NUM2} years."),
        ),
        "tech": ("a retrial", "full disclosure", "a public hearing"),
        "background": (
            "The case has divided opinion in {P} for months.",
            "Similar cases in {C} have usually ended in settlements.",
            "The court in {P} has a backlog of several thousand cases.",
            "Lawyers for both sides declined to comment before the hearing in {P}.",
            "The {C} law at the center of the case was passed five years ago.",
        ),
        "quote_bits": (
            "My client has always said he did nothing wrong in {P} and the evidence will show that.",
            "This is a {ADJ2} day for the rule of law in {C}.",
            "The {GOODS} speak for themselves and the jury will see them.",
            "We will appeal the ruling in {P}, and we expect to win on appeal.",
            "Nobody is above the law, and that includes {LEADER}.",
            "It would be {ADJ} to comment on the evidence before the trial.",
        ),
    },
    "technology": {
        "orgs": ("{P} Systems", "the {C} data protection authority", "{P} Labs", "the {C} telecoms regulator"),
        "goods": ("user accounts", "passwords", "chips", "data centers", "smartphones"),
        "people": ("users", "engineers", "customers", "contractors"),
        "roles": (("chief executive of {P} Systems", "{P} Systems CEO"),
                  ("security researcher at {P} Labs", "researcher at {P} Labs"),
                  ("Digital Minister", "technology minister")),
        "headline": ("Hack exposes {NUM} {GOODS} at {ORG}",
                     "{ORG_CAP} slammed over data breach",
                     "{LEADER} promises fix after outage hits {PEOPLE}"),
        "facts": (
            ("Hackers stole data from {NUM} {GOODS}, {according} {SOURCE}.",
             "Data from {NUM} {GOODS} was stolen by hackers, {SOURCE} {said}."),
            ("{ORG_CAP} {plans} {buy} {NUM} {GOODS} {WHEN}.",
             "{WHEN_CAP}, {ORG} {plans} {buy} {NUM} {GOODS}."),
            ("The outage lasted {NUM2} hours on {DAY}.",
             "On {DAY}, services were down for {NUM2} hours."),
            ("{ORG_CAP} {announced} a fine of {NUM} million dollars.",
             "A fine of {NUM} million dollars was {announced} by {ORG}."),
            ("{NUM} {PEOPLE} were affected, {officials} said.",
             "{officials_cap} said {NUM} {PEOPLE} had been affected."),
        ),
        "tech": ("stronger encryption", "new servers", "outside auditors"),
        "background": (
            "The company has grown quickly since it was founded in {P}.",
            "Regulators in {C} and elsewhere are looking at the industry.",
            "Security researchers in {P} had warned about the flaw last year.",
            "Most customers of {ORG} were told to change their passwords.",
            "Share prices in the {C} tech sector fell on the news.",
        ),
        "quote_bits": (
            "{ORG_CAP} takes the security of its customers extremely seriously.",
            "This was a {ADJ2} failure by {ORG} and it was entirely avoidable.",
            "The people responsible for the attack on {ORG} will be found and held to account.",
            "Frankly, {ORG} ignored the warnings for a year.",
            "We are working around the clock to restore every service in {P}.",
        ),
    },
    "elections": {
        "orgs": ("the {C} election commission", "the opposition party in {C}", "the ruling party of {C}"),
        "goods": ("ballots", "polling stations", "votes", "campaign ads"),
        "people": ("voters", "candidates", "observers", "party members"),
        "roles": (("opposition leader", "leader of the opposition"),
                  ("campaign manager", "campaign chief"),
                  ("political scientist at the University of {P}", "politics professor in {P}")),
        "headline": ("{LEADER} claims victory as count continues in {C}",
                     "Desperate {LEADER} slammed over vote in {P}",
                     "Turnout surges as {C} votes"),
        "facts": (
            ("Turnout reached {PCT} percent, {according} {ORG}.",
             "{ORG_CAP} said turnout was {PCT} percent."),
            ("{LEADER} won {PCT} percent of the vote in {P}, {according} {SOURCE}.",
             "In {P}, {LEADER} took {PCT} percent of the vote, {SOURCE} {said}."),
            ("The final results are expected {WHEN}.",
             "{WHEN_CAP}, the final results will be announced, {officials} said."),
            ("{NUM} {PEOPLE} were sent to monitor the vote.",
             "{NUM} {PEOPLE} monitored the vote across the country."),
            ("{ORG_CAP} {rejected} {NUM2} complaints about the count on {DAY}.",
             "On {DAY}, {ORG} {rejected} {NUM2} complaints about the count."),
        ),
        "tech": ("a recount", "international observers", "a runoff"),
        "background": (
            "The campaign in {C} was dominated by the cost of living.",
            "{P} has voted for the ruling party in every election since the 1990s.",
            "Polls before the vote in {P} suggested a close race.",
            "Several candidates in {C} withdrew in the final week.",
            "Voting was extended by an hour in parts of {P}.",
        ),
        "quote_bits": (
            "The people of {C} have spoken and we will respect their decision.",
            "This result is {ADJ2} for the country and we will challenge it.",
            "We saw long queues everywhere in {P}, which tells you how much this mattered.",
            "Every vote in {P} will be counted, however long it takes.",
            "It's a clear message that voters in {C} want change.",
        ),
    },
}

#: Fillers for quote templates.
QUOTE_FILL = {
    "ADJ": ("desperate", "reckless", "careful", "weak", "angry"),
    "ADJ2": ("serious", "dangerous", "huge", "difficult", "clear"),
    "ADV": ("meaningful", "real", "significant"),
    "HELP": ("help", "support", "money", "weapons"),
    "WEAPONS": ("weapons", "munitions"),
    "CAL": ("caliber", "caliber weapon"),
}

#: Sentences unrelated to any story (sidebars, context, stray copy).
UNRELATED = (
    "Meanwhile, the {P} city council approved a new budget for road repairs.",
    "Separately, a {NUM2}-year-old man was rescued from a lake near {P} on {DAY}.",
    "The weather service expects dry conditions across {C} for the rest of the week.",
    "In other news, the {P} museum reopened after a two-year renovation.",
    "Tickets for the {P} music festival sold out within an hour.",
    "A new rail line linking {P} to the coast is due to open next year.",
    "Local officials also discussed plans for a new school in {P}.",
    "The {P} football club confirmed the signing of a new coach on {DAY}.",
    "Traffic on the main road into {P} was delayed by roadworks.",
    "Fuel prices in {C} rose slightly for the third week in a row.",
    "A charity run through central {P} raised money for the children's hospital.",
    "The annual book fair in {P} drew record crowds this year.",
)

#: A small prose grammar for background, unrelated and quoted sentences.
#: Every sentence combines several independent choices (time, subject,
#: verb, object, place, attribution), so two 8-word stretches of different
#: articles rarely coincide by chance, while the fixed frames still give
#: the stock phrasing that real copy shares ("officials said", "in recent
#: months").
TIMES = (
    "Earlier this year", "Last week", "In 2019", "Two years ago", "Over the weekend", "On Wednesday",
    "In recent months", "Last autumn", "Since the spring", "A decade ago", "In March", "Late last year",
    "On Tuesday", "Before the summer", "At the start of the year", "Three weeks ago", "In 2021",
    "During the winter", "Last month", "In the past year",
)
ADJECTIVES = (
    "local", "regional", "new", "rising", "former", "senior", "independent", "private", "public",
    "foreign", "national", "rural", "urban", "small", "large", "young", "elderly", "temporary",
    "emergency", "annual", "unpaid", "early", "delayed", "expanded", "limited", "official",
    "unexpected", "informal", "costly", "modest", "fresh", "disputed", "long-awaited", "outdated",
    "contested", "planned", "stalled", "renewed", "scaled-back", "overdue",
)
NOUNS = (
    "hospitals", "schools", "farmers", "councils", "budgets", "contracts", "inspections", "reforms",
    "talks", "protests", "investigations", "audits", "ministries", "courts", "unions", "companies",
    "banks", "ports", "railways", "roads", "bridges", "elections", "sanctions", "subsidies",
    "tariffs", "loans", "permits", "licenses", "charities", "volunteers", "landlords", "tenants",
    "drivers", "pilots", "teachers", "doctors", "judges", "diplomats", "envoys", "lawmakers",
    "regulators", "auditors", "investors", "exporters", "importers", "suppliers", "shipments",
    "deliveries", "payments", "pensions", "taxes", "fees", "fines", "grants", "plans", "proposals",
    "rules", "guidelines", "surveys", "polls", "records", "reports", "hearings", "visits",
    "meetings", "negotiations", "exercises", "drills", "patrols", "checkpoints", "warehouses",
    "factories", "mines", "pipelines", "reservoirs", "dams", "airports", "stations", "markets",
)
VERBS = (  # (base, past)
    ("approve", "approved"), ("reject", "rejected"), ("delay", "delayed"), ("review", "reviewed"),
    ("cancel", "canceled"), ("expand", "expanded"), ("suspend", "suspended"), ("fund", "funded"),
    ("inspect", "inspected"), ("criticize", "criticized"), ("defend", "defended"),
    ("question", "questioned"), ("oppose", "opposed"), ("support", "supported"), ("block", "blocked"),
    ("restore", "restored"), ("replace", "replaced"), ("investigate", "investigated"),
    ("announce", "announced"), ("publish", "published"), ("challenge", "challenged"),
    ("extend", "extended"), ("reduce", "reduced"), ("increase", "increased"), ("target", "targeted"),
    ("monitor", "monitored"), ("protect", "protected"), ("close", "closed"), ("reopen", "reopened"),
    ("merge", "merged"), ("rebuild", "rebuilt"), ("sell", "sold"), ("buy", "bought"),
    ("lose", "lost"), ("win", "won"), ("seek", "sought"), ("promise", "promised"), ("ignore", "ignored"),
)
PREPOSITIONS = ("in {P}", "near {P}", "across {C}", "in the north of {C}", "in the south of {C}",
                "along the coast", "in several towns", "for the first time", "without warning",
                "after months of talks", "despite protests", "under pressure", "ahead of schedule", "")
ATTRIBUTIONS = ("officials said", "a spokesperson said", "local media reported",
                "according to a statement", "residents said", "according to new figures",
                "the ministry said", "a report found")
QUOTE_OPENERS = ("I think", "We believe", "Frankly,", "The truth is that", "What we are seeing is that",
                 "Let me be clear:", "I have said for months that", "Everyone here knows that",
                 "My view is that", "It's obvious that", "We warned that", "Nobody expected that",
                 "I can tell you that", "The reality is that")
QUOTE_CLOSERS = ("", ", and that worries me", ", and everybody knows it", ", which is why we are speaking out",
                 " and nobody did anything", ", and it will get worse", ", whatever they say in public",
                 " and we will not accept that", ", and people are paying the price")


#: Structures of a grammar-built fact; slots F* are fixed per fact, the rest
#: vary per outlet (synonyms, attribution, word order).
GRAMMAR_FACTS = (
    "{FSUBJ} {FVERB} {NUM} {FOBJ} {WHEN} {FPP}, {according} {SOURCE}.",
    "{WHEN_CAP}, {FSUBJ} {FVERB} {NUM} {FOBJ} {FPP}, {SOURCE} {said}.",
    "{NUM} {FOBJ} were {FVERB} by {FSUBJ} {WHEN} {FPP}, {according} {officials}.",
)


def _noun_phrase(rng: random.Random, nouns: tuple[str, ...]) -> str:
    det = rng.choice(("the", "the", "several", "many", "some", "two", "three", "dozens of"))
    adj = rng.choice(ADJECTIVES) + " " if rng.random() < 0.7 else ""
    return f"{det} {adj}{rng.choice(nouns)}"


def _context_sentence(rng: random.Random, slots: dict[str, str], extra_nouns: tuple[str, ...] = (),
                      *, attributed: bool = True) -> str:
    """One background or unrelated sentence from the prose grammar.

    With ``attributed=False`` the sentence carries no "officials said" tail
    (the caller adds its own).
    """
    nouns = NOUNS + extra_nouns
    subj, obj = _noun_phrase(rng, nouns), _noun_phrase(rng, nouns)
    base, past = rng.choice(VERBS)
    pp = rng.choice(PREPOSITIONS).replace("{P}", slots["P"]).replace("{C}", slots["C"])
    frame = rng.randrange(4) if attributed else rng.choice((0, 2))
    if frame == 0:
        text = f"{rng.choice(TIMES)}, {subj} {past} {obj} {pp}"
    elif frame == 1:
        # An attribution follows a place, never a stock adverbial: "after
        # months of talks, according to a statement" would otherwise recur
        # word for word across unrelated stories.
        pp = rng.choice(PREPOSITIONS[:5]).replace("{P}", slots["P"]).replace("{C}", slots["C"])
        text = f"{subj} {past} {obj} {pp}, {rng.choice(ATTRIBUTIONS)}"
    elif frame == 2:
        base2, past2 = rng.choice(VERBS)
        text = f"{subj} {past} {obj} after {_noun_phrase(rng, nouns)} {past2} {_noun_phrase(rng, nouns)}"
    else:
        pp = rng.choice(PREPOSITIONS[:5]).replace("{P}", slots["P"]).replace("{C}", slots["C"])
        text = f"{subj} could {base} {obj} {pp}, {rng.choice(ATTRIBUTIONS)}"
    text = re.sub(r"\s+([,.])", r"\1", re.sub(r"\s+", " ", text)).strip()
    return text[0].upper() + text[1:] + "."


def _quote_sentence(rng: random.Random, slots: dict[str, str], extra_nouns: tuple[str, ...]) -> str:
    """One sentence of a quote in the speaker's own voice."""
    nouns = NOUNS + extra_nouns
    base, past = rng.choice(VERBS)
    if rng.random() < 0.5:
        clause = f"{_noun_phrase(rng, nouns)} {past} {_noun_phrase(rng, nouns)}"
    else:
        clause = f"{_noun_phrase(rng, nouns)} will {base} {_noun_phrase(rng, nouns)}"
    pp = rng.choice(PREPOSITIONS[:5]).replace("{P}", slots["P"]).replace("{C}", slots["C"])
    opener = rng.choice(QUOTE_OPENERS) + " " if rng.random() < 0.4 else ""
    closer = rng.choice(QUOTE_CLOSERS) if rng.random() < 0.1 else ""
    text = f"{opener}{clause} {pp}{closer}"
    text = re.sub(r"\s+([,.])", r"\1", re.sub(r"\s+", " ", text)).strip()
    return text[0].upper() + text[1:] + "."


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
BEATS = ("world news", "politics", "business", "health", "science", "national news", "defense")


# ---------------------------------------------------------------------------
# Model objects
# ---------------------------------------------------------------------------


@dataclass
class Outlet:
    name: str
    slug: str
    weight: float
    curly: bool
    british: bool
    boilerplate: dict[str, str]
    authors: list[tuple[str, str]]  # (name, bio)


@dataclass
class Speaker:
    name: str
    roles: tuple[str, ...]
    channel: tuple[str, str, str] | None


@dataclass
class Story:
    story_id: str
    domain: str
    date: dt.date
    slots: dict[str, str]
    facts: list[tuple[tuple[str, ...], dict[str, str]]]  # (structures, the fact's own numbers)
    quotes: list[tuple[int, list[str]]]  # (speaker index, sentences)
    speakers: list[Speaker]
    channel: tuple[str, str, str]
    wire: list[str]
    wire_templates: list[str]
    headline_templates: tuple[str, ...]
    outlets: list[int] = field(default_factory=list)


# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------


def _place(rng: random.Random, used: set[str] | None = None) -> str:
    """An invented place name; unique among ``used`` when given (then added to it)."""
    while True:
        n = rng.choice((2, 3, 3))
        name = "".join(rng.choice(PLACE_SYLLABLES) for _ in range(n)).capitalize()
        if used is None or name not in used:
            if used is not None:
                used.add(name)
            return name


def _person(rng: random.Random, used: set[str] | None = None) -> str:
    """A person's name; with ``used``, the family name is invented and unique."""
    if used is None:
        return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    while True:
        family = rng.choice(LAST_NAMES)[:4] + "".join(rng.choice(PLACE_SYLLABLES) for _ in range(2))
        family = family.capitalize()
        if family not in used:
            used.add(family)
            return f"{rng.choice(FIRST_NAMES)} {family}"


def _number(rng: random.Random) -> str:
    value = rng.choice((rng.randint(3, 60), rng.randint(100, 900), rng.randint(1, 30) * 1000 + rng.randint(0, 9) * 100))
    return f"{value:,}"


def _fill(template: str, slots: dict[str, str], rng: random.Random, *, cap: bool = True) -> str:
    """Fill ``{SLOT}`` from ``slots``, ``{syn}`` from :data:`SYNONYMS`; capitalise unless ``cap=False``."""

    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        if key in slots:
            return slots[key]
        if key in SYNONYMS:
            return rng.choice(SYNONYMS[key])
        if key == "officials_cap":
            choice = rng.choice(SYNONYMS["officials"])
            return choice[0].upper() + choice[1:]
        if key in QUOTE_FILL:
            return rng.choice(QUOTE_FILL[key])
        raise KeyError(key)

    text = re.sub(r"\{(\w+)\}", sub, template)
    text = re.sub(r"\{(\w+)\}", sub, text)  # synonyms may name a slot ("{C} officials")
    return text[0].upper() + text[1:] if cap else text


def make_outlets(rng: random.Random, n: int = 60) -> list[Outlet]:
    names: list[str] = []
    while len(names) < n:
        name = f"{rng.choice(OUTLET_FIRST)} {rng.choice(OUTLET_SECOND)}"
        if name not in names:
            names.append(name)
    outlets = []
    for rank, name in enumerate(names, start=1):
        slug = re.sub(r"[^a-z]+", "", name.lower().replace("the ", ""))
        short = name.replace("The ", "the ")
        authors = []
        for _ in range(rng.randint(2, 5)):
            person = _person(rng)
            first = person.split()[0]
            bio = (f"{person} is a {name.removeprefix('The ')} reporter covering {rng.choice(BEATS)}. "
                   f"{first} joined {short} in {rng.randint(2012, 2022)} after working at "
                   f"a regional paper in {_place(rng)}. You can reach {first} at "
                   f"{first.lower()}@{slug}.example.")
            authors.append((person, bio))
        boilerplate = {
            "nav": rng.choice(("Skip to main content", "Skip to content", "Main menu")),
            "share": rng.choice(("Share This article", "Share on Facebook", "Copy link")),
            "audio": "🎙️ Voice is AI-generated. Inconsistencies may occur.",
            "newsletter": rng.choice((
                f"For the latest headlines from across the world from {short}, sign up for our newsletter by clicking here.",
                f"Sign up for the {name} morning newsletter here.",
                f"Want more stories like this? Subscribe to our free newsletter for daily updates from {short}.",
            )),
            "debris": rng.choice(("LOADINGERROR LOADING", "What's Hot", "Close", "Advertisement")),
            "footer": "Source: Read Full Article",
            "bio_head": rng.choice(("About the writer", "About The Author")),
        }
        outlets.append(Outlet(
            name=name, slug=slug, weight=1.0 / rank ** 0.8, curly=rng.random() < 0.5,
            british=rng.random() < 0.3, boilerplate=boilerplate, authors=authors,
        ))
    return outlets


def story_sizes(rng: random.Random, n_articles: int) -> list[int]:
    """Outlets per story, skewed (Pareto tail), summing to ``n_articles`` (with updates)."""
    sizes = []
    total = 0
    while total < n_articles:
        k = 37
        while k > 36:  # truncated, not clipped: no pile-up of 36-outlet stories
            u = 1.0 - rng.random()  # (0, 1]
            k = int(2 * u ** (-1 / 1.1))
        k = min(k, n_articles - total) if n_articles - total >= 2 else n_articles - total
        sizes.append(k)
        total += k
    return sizes


def _story_specific(templates: tuple[str, ...]) -> list[str]:
    """Templates that name something of the story (a place, a country, goods).

    Fixed sentences would be shared word for word by unrelated stories,
    which real copy rarely does; they are kept in the lists as examples of
    the register but not used.
    """
    return [t for t in templates if re.search(r"\{(C|C2|P|ORG|ORG_CAP|GOODS|LEADER|PEOPLE)\}", t)]


def make_story(rng: random.Random, story_no: int, base: dt.date, used: set[str]) -> Story:
    domain = rng.choice(sorted(DOMAINS))
    vocab = DOMAINS[domain]
    # Each story's country, counterpart and place are its own (names in
    # ``used`` are taken), so stories do not share wording by accident.
    country, country2, place = _place(rng, used), _place(rng, used), _place(rng, used)
    slots = {"C": country, "C2": country2, "P": place}
    org = _fill(rng.choice(vocab["orgs"]), slots, rng, cap=False)
    slots.update(
        ORG=org,
        ORG_CAP=org[0].upper() + org[1:],
        GOODS=rng.choice(vocab["goods"]),
        PEOPLE=rng.choice(vocab["people"]),
        LEADER=f"{rng.choice(('President', 'Prime Minister', 'Chancellor'))} {_person(rng, used)}",
        LEADER2=f"{rng.choice(('President', 'leader', 'Prime Minister'))} {_person(rng, used)}",
        TECH=rng.choice(vocab["tech"]),
        NUM=_number(rng),
        NUM2=str(rng.randint(3, 45)),
        PCT=f"{rng.randint(2, 80)}.{rng.randint(0, 9)}" if rng.random() < 0.5 else str(rng.randint(2, 80)),
        DAY=rng.choice(WEEKDAYS[:5]),
    )
    timing = rng.choice(TIMINGS)
    slots["WHEN"], slots["WHEN_KEY"] = timing
    slots["WHEN_CAP"] = timing[0][0].upper() + timing[0][1:]
    channel = rng.choice(CHANNELS)
    # The report the facts come from: the upstream paper or wire, or (when the
    # channel is a broadcaster) the story's own officials.
    source = channel[0] if channel[2] != "broadcast" else rng.choice(
        (f"officials in {country}", f"{country}'s government", f"{country2} officials"))
    slots["SOURCE"] = source

    speakers = []
    for _ in range(rng.randint(2, 4)):
        roles = tuple(_fill(r, slots, rng, cap=False) for r in rng.choice(vocab["roles"]))
        speakers.append(Speaker(_person(rng, used), roles, channel if rng.random() < 0.7 else None))

    facts = []
    domain_facts = rng.sample(vocab["facts"], k=len(vocab["facts"]))
    nouns = NOUNS + vocab["goods"] + vocab["people"]
    for _ in range(rng.randint(5, 8)):
        own = {"NUM": _number(rng), "NUM2": str(rng.randint(3, 45)),
               "PCT": f"{rng.randint(2, 80)}.{rng.randint(0, 9)}" if rng.random() < 0.5
               else str(rng.randint(2, 80))}
        # One fact in seven uses the domain's own phrasing; the rest are built
        # from the prose grammar, so that unrelated stories do not share them.
        if domain_facts and rng.random() < 0.15:
            facts.append((domain_facts.pop(), own))
            continue
        own.update(
            FSUBJ=_noun_phrase(rng, nouns),
            FOBJ=(rng.choice(ADJECTIVES) + " " if rng.random() < 0.6 else "") + rng.choice(nouns),
            FVERB=rng.choice(VERBS)[1],
            FPP=rng.choice(PREPOSITIONS[:5]).replace("{P}", place).replace("{C}", country),
        )
        facts.append((GRAMMAR_FACTS, own))
    quotes = []
    for _ in range(rng.randint(4, 9)):
        n_sent = rng.choice((1, 1, 1, 2, 2, 3))
        # Mostly the speaker's own words; now and then a domain catchphrase
        # (shared across stories: the stock lines the cap must absorb).
        sentences = [
            _fill(rng.choice(_story_specific(vocab["quote_bits"])), slots, rng) if rng.random() < 0.05
            else _quote_sentence(rng, slots, vocab["goods"] + vocab["people"])
            for _ in range(n_sent)
        ]
        # Make the quote this story's own: add a clause with story-specific words.
        sentences[-1] = sentences[-1][:-1] + rng.choice((
            f", especially in {place}.", f", and {country} knows it.", f" after what happened in {place} on {slots['DAY']}.",
            f", whatever {slots['LEADER'].split()[-1]} says.", ".",
        ))
        quotes.append((rng.randrange(len(speakers)), sentences))
    wire_templates: list[str] = []
    wire = [_context_sentence(rng, slots, vocab["goods"] + vocab["people"], attributed=False)
            for _ in range(rng.randint(3, 6))]
    wire = [w[:-1] + f", {rng.choice(('the report said', 'according to the report', 'the paper reported'))}." for w in wire]
    date = base + dt.timedelta(days=rng.randint(0, 1000))
    return Story(
        story_id=f"s{story_no:05d}", domain=domain, date=date, slots=slots, facts=facts, quotes=quotes,
        speakers=speakers, channel=channel, wire=wire, wire_templates=wire_templates, headline_templates=vocab["headline"],
    )


@dataclass
class Piece:
    """One paragraph-to-be of an article body, with what it renders.

    Only ``text`` and ``kind`` shape the article; the other fields are the
    hidden truth written to ``.pieces.csv`` and ``.titles.csv`` and are set
    without drawing random numbers.
    """

    text: str
    kind: str  # fact / quote / wire / background / unrelated / boilerplate
    fact: int | None = None  # index in ``Story.facts`` of the fact rendered
    quote: int | None = None  # index in ``Story.quotes`` of the quote rendered
    planted: str = ""  # "", "date", "number" or "quote_wording": a planted departure
    detail: str = ""  # what was planted: "next month -> on Friday", "rivals -> enemies"
    speaker: str = ""  # the quoted speaker (quotes only)
    role: str = ""  # the speaker's title as written, when this piece introduces them


def _quote_marks(outlet: Outlet) -> tuple[str, str]:
    return ("\u201c", "\u201d") if outlet.curly else ('"', '"')


def _speaker_ref(sp: Speaker, outlet: Outlet, rng: random.Random, first: bool) -> tuple[str, str]:
    """How the speaker is named: (reference, role as written or "" after the first mention)."""
    if first:
        role = sp.roles[0] if rng.random() < 0.75 else rng.choice(sp.roles)
        if re.search(r"\b(at|of|for)\b", role):  # a long role is an apposition
            return f"{sp.name}, {'an' if role[0] in 'aeiou' else 'a'} {role},", role
        return f"{role} {sp.name}", role
    return sp.name.split()[-1], ""


def _channel_phrase(sp: Speaker, rng: random.Random) -> str:
    if sp.channel is None:
        return ""
    name, programme, _ = sp.channel
    if programme and rng.random() < 0.5:
        return rng.choice((f" told {name}'s {programme}", f" said on {name}'s {programme}"))
    return rng.choice((f" told {name}", f" said in an interview with {name}", f" told {name} on Monday",
                       f" said in a {name.removeprefix('the ')} interview", f" told {name} in an interview"))


def _render_quote(story: Story, q: tuple[int, list[str]], outlet: Outlet, rng: random.Random,
                  introduced: set[int]) -> tuple[list[Piece], str]:
    """Render one quote as the outlet would; returns pieces and the variant kind."""
    sp_index, sentences = q
    sp = story.speakers[sp_index]
    first = sp_index not in introduced
    introduced.add(sp_index)
    ref, role = _speaker_ref(sp, outlet, rng, first)
    # truth only (no random draws): which story quote, who, and any planted change
    truth = {"quote": next(i for i, x in enumerate(story.quotes) if x is q), "speaker": sp.name, "role": role}
    ref_cap = ref[0].upper() + ref[1:]
    o, c = _quote_marks(outlet)
    sents = list(sentences)
    r = rng.random()
    variant = "verbatim"
    if r < 0.12 and (len(sents) > 1 or len(sents[0].split()) > 8):
        variant = "truncated"
        if len(sents) > 1:
            sents = sents[1:] if rng.random() < 0.5 else sents[:-1]
        else:
            head = sents[0].split(", ")[0]
            words = head.rstrip(".").split()
            sents = [" ".join(words[: max(6, len(words) * 2 // 3)]) + "."]
    elif r < 0.20:
        joined = " ".join(sents)
        swappable = [w for w in QUOTE_SUBSTITUTIONS if re.search(rf"\b{w}\b", joined)]
        if swappable:
            variant = "substituted"
            w = rng.choice(swappable)
            sents = [re.sub(rf"\b{w}\b", QUOTE_SUBSTITUTIONS[w], s) for s in sents]
            truth.update(planted="quote_wording", detail=f"{w} -> {QUOTE_SUBSTITUTIONS[w]}")
    elif r < 0.30:
        variant = "partial"
        # The tail of the first sentence, embedded in narration.
        words = sents[0].rstrip(".").split()
        k = min(len(words), rng.randint(4, 8))
        part = " ".join(words[-k:]).strip(",")
        verb = rng.choice(("said", "warned", "argued"))
        return [Piece(f"{ref_cap} {verb} that what was happening was {o}{part}{c}.", "quote", **truth)], variant
    channel = _channel_phrase(sp, rng) if rng.random() < 0.5 else ""
    verb = rng.choice(SPEECH_VERBS) if not channel else channel.strip()
    body = " ".join(sents)
    form = rng.random()
    if form < 0.45 or (len(sents) < 2 and form < 0.8):
        text = f"{o}{body[:-1]},{c} {ref} {verb}." if body.endswith(".") else f"{o}{body}{c} {ref} {verb}."
    elif form < 0.8:
        head, rest = sents[0], " ".join(sents[1:])
        text = f"{o}{head[:-1]},{c} {ref} {verb}. {o}{rest}{c}"
    else:
        text = f"{ref_cap} {verb}: {o}{body}{c}"
    return [Piece(text, "quote", **truth)], variant


def _render_fact(story: Story, fact: tuple[tuple[str, ...], dict[str, str]],
                 rng: random.Random) -> Piece:
    """Render one story fact; a planted timing or number change is recorded on the piece."""
    template_set, own = fact
    slots = dict(story.slots, **own)
    planted, detail = "", ""
    if rng.random() < 0.08:
        if "{WHEN" in "".join(template_set):
            others = [t for t in TIMINGS if t[1] != slots["WHEN_KEY"]]
            when = rng.choice(others)[0]
            planted, detail = "date", f"{slots['WHEN']} -> {when}"
            slots["WHEN"], slots["WHEN_CAP"] = when, when[0].upper() + when[1:]
        else:
            for key in ("NUM", "NUM2", "PCT"):
                if "{" + key + "}" in "".join(template_set):
                    value = float(slots[key].replace(",", ""))
                    changed = value * rng.choice((0.5, 0.8, 1.25, 2.0))
                    new = f"{int(round(changed)):,}" if key != "PCT" else f"{changed:.1f}"
                    planted, detail = "number", f"{key} {slots[key]} -> {new}"
                    slots[key] = new
                    break
    index = next(i for i, x in enumerate(story.facts) if x is fact)
    return Piece(_fill(rng.choice(template_set), slots, rng), "fact", fact=index, planted=planted, detail=detail)


def _britishise(text: str) -> str:
    def sub(m: re.Match[str]) -> str:
        word = m.group(0)
        repl = BRITISH[word.lower()]
        return repl.capitalize() if word[0].isupper() else repl

    return re.sub(r"\b(" + "|".join(BRITISH) + r")\b", sub, text, flags=re.IGNORECASE)


def write_article(story: Story, outlet: Outlet, rng: random.Random, all_stories: list[Story],
                  *, previous: list[Piece] | None = None) -> tuple[str, str, list[Piece], dict[str, int]]:
    """Compose one article; returns (headline, text, body pieces, counts)."""
    slots = story.slots
    target = rng.randint(15, 40)
    pieces: list[Piece] = []
    counts = {"n_quotes": 0, "n_wire": 0, "n_conflicts": 0}
    if previous is not None:
        # An update: keep about half of the first version, then add new material.
        keep = [p for p in previous if p.kind != "boilerplate" and rng.random() < 0.5]
        pieces.extend(keep)
    facts = rng.sample(story.facts, k=max(1, round(len(story.facts) * rng.uniform(0.5, 0.9))))
    quotes = rng.sample(story.quotes, k=max(1, round(len(story.quotes) * rng.uniform(0.25, 0.75))))
    for f in facts:
        piece = _render_fact(story, f, rng)
        counts["n_conflicts"] += bool(piece.planted)
        pieces.append(piece)
    material: list[Piece | tuple[int, list[str]]] = list(quotes)
    counts["n_quotes"] = len(quotes)
    if rng.random() < 0.35:
        for w in rng.sample(story.wire, k=min(len(story.wire), rng.randint(2, 5))):
            source = story.channel[0] if story.channel[2] != "broadcast" else "the report"
            if rng.random() >= 0.7:  # name the report's owner instead of "the report"
                w = re.sub(r", (the report said|according to the report|the paper reported)\.$",
                           f", {source} said.", w)
            material.append(Piece(w, "wire"))
            counts["n_wire"] += 1
    # Interleave quotes/wire with facts after the lead; quotes are rendered
    # in reading order so that a speaker's first mention carries the role.
    rest: list[Piece | tuple[int, list[str]]] = list(pieces[1:]) + material
    rng.shuffle(rest)
    body = pieces[:1]
    introduced: set[int] = set()
    for item in rest:
        if isinstance(item, Piece):
            body.append(item)
        else:
            body.extend(_render_quote(story, item, outlet, rng, introduced)[0])
    n_sentences = sum(max(1, p.text.count(". ") + 1) for p in body)
    vocab = DOMAINS[story.domain]
    backgrounds = [t for t in _story_specific(vocab["background"]) if t not in story.wire_templates]
    rng.shuffle(backgrounds)
    unrelated = rng.sample(UNRELATED, k=len(UNRELATED))
    while n_sentences < target:
        r = rng.random()
        if r < 0.1 and backgrounds:
            piece = Piece(_fill(backgrounds.pop(), slots, rng), "background")
        elif r < 0.85:
            piece = Piece(_context_sentence(rng, slots, vocab["goods"] + vocab["people"]), "background")
        elif r < 0.88 and unrelated:
            other = dict(slots, P=_place(rng), NUM2=str(rng.randint(3, 90)), DAY=rng.choice(WEEKDAYS))
            piece = Piece(_fill(unrelated.pop(), other, rng), "unrelated")
        else:
            other = dict(slots, P=_place(rng), C=_place(rng))
            piece = Piece(_context_sentence(rng, other), "unrelated")
        body.insert(rng.randint(1, len(body)), piece)
        n_sentences += 1
    headline = _fill(rng.choice(story.headline_templates), slots, rng)
    # Paragraphs: narrative pieces sometimes pair up; quotes stand alone.
    paragraphs: list[str] = []
    k = 0
    while k < len(body):
        if body[k].kind in ("background", "unrelated", "fact") and k + 1 < len(body) and \
                body[k + 1].kind in ("background", "fact") and rng.random() < 0.35:
            paragraphs.append(f"{body[k].text} {body[k + 1].text}")
            k += 2
        else:
            paragraphs.append(body[k].text)
            k += 1
    bp = outlet.boilerplate
    lines: list[str] = [headline]
    top: list[str] = []
    if rng.random() < 0.3:
        top.append(bp["nav"])
    if rng.random() < 0.2:
        top.append(bp["audio"])
    if rng.random() < 0.25:
        top.append(bp["share"])
    lines.extend(top)
    other_story = rng.choice(all_stories)
    other_headline = _fill(rng.choice(other_story.headline_templates), other_story.slots, rng)
    caption_at = rng.randint(1, min(3, len(paragraphs))) if rng.random() < 0.5 else -1
    teaser_at = rng.randint(2, max(2, len(paragraphs) - 1)) if rng.random() < 0.35 else -1
    promo_at = rng.randint(2, max(2, len(paragraphs) - 1)) if rng.random() < 0.15 else -1
    debris_at = rng.randint(1, len(paragraphs)) if rng.random() < 0.15 else -1
    for i, para in enumerate(paragraphs):
        lines.append(para)
        if i == caption_at:
            photographer = _person(rng)
            month = story.date.strftime("%B")
            lines.append(f"{slots['LEADER']} speaks in {slots['P']} on {month} {story.date.day}, "
                         f"{story.date.year}. {photographer}/{rng.choice(AGENCIES)}")
        if i == teaser_at:
            lines.append(f"READ MORE: {other_headline}")
        if i == promo_at:
            lines.append(f"  \u2022 {other_headline}")
        if i == debris_at:
            lines.append(bp["debris"])
    if rng.random() < 0.4:
        lines.append(bp["newsletter"])
    if rng.random() < 0.1:
        lines.append(bp["footer"])
    if rng.random() < 0.3:
        author, bio = rng.choice(outlet.authors)
        lines.extend([bp["bio_head"], bio])
    text = "\n\n".join(lines) + "\n"
    if outlet.british:
        text = _britishise(text)
        headline = _britishise(headline)
    return headline, text, body, counts


def generate(n_articles: int, seed: int, out: Path) -> list[dict[str, str]]:
    """Write a corpus of ``n_articles`` articles under ``out`` and return the manifest rows."""
    rng = random.Random(seed)
    outlets = make_outlets(rng)
    base = dt.date(2022, 1, 1)
    sizes = story_sizes(rng, n_articles)
    used: set[str] = set()
    stories = [make_story(rng, i, base, used) for i in range(len(sizes))]
    weights = [o.weight for o in outlets]
    plan: list[tuple[Story, int, bool]] = []  # (story, outlet index, is_update)
    for story, size in zip(stories, sizes):
        chosen: list[int] = []
        while len(chosen) < min(size, len(outlets)):
            pick = rng.choices(range(len(outlets)), weights=weights)[0]
            if pick not in chosen:
                chosen.append(pick)
        n_updates = sum(rng.random() < 0.03 for _ in range(size - 1)) if size > 2 else 0
        firsts = chosen[: size - n_updates]
        story.outlets = firsts
        plan.extend((story, o, False) for o in firsts)
        plan.extend((story, rng.choice(firsts), True) for _ in range(n_updates))
    plan = plan[:n_articles]
    order = list(range(len(plan)))
    rng.shuffle(order)  # stories' articles are not neighbours on disk

    out.mkdir(parents=True, exist_ok=True)
    manifest: list[dict[str, str]] = []
    truth: list[dict[str, object]] = []
    pieces: list[dict[str, object]] = []
    titles: list[dict[str, object]] = []
    first_versions: dict[tuple[str, int], list[Piece]] = {}
    # Write in plan order (first versions before their updates), number in shuffled order.
    number_of = {plan_index: n for n, plan_index in enumerate(order)}
    for plan_index, (story, oi, is_update) in enumerate(plan):
        outlet = outlets[oi]
        arng = random.Random(f"{seed}:{plan_index}")
        previous = first_versions.get((story.story_id, oi)) if is_update else None
        headline, text, body, counts = write_article(story, outlet, arng, stories, previous=previous)
        if not is_update:
            first_versions[(story.story_id, oi)] = body
        n = number_of[plan_index]
        digest = hashlib.sha1(f"{seed}:{n}".encode()).hexdigest()[:8]
        article_id = f"{n:06d}_{digest}"
        published = story.date + dt.timedelta(days=arng.randint(0, 2) + (1 if is_update else 0))
        slug = re.sub(r"[^a-z0-9]+", "-", headline.lower()).strip("-")[:60]
        (out / f"{article_id}.txt").write_text(text, encoding="utf-8")
        manifest.append({
            "article_id": article_id, "outlet": outlet.name, "published": published.isoformat(),
            "url": f"https://www.{outlet.slug}.example/{published:%Y/%m/%d}/{slug}",
            "title": headline,
        })
        truth.append({
            "article_id": article_id, "story_id": story.story_id, "outlet": outlet.name,
            "n_sentences": sum(max(1, p.text.count(". ") + 1) for p in body),
            "is_update": int(is_update), **counts,
        })
        piece_rows, title_rows = _piece_truth(article_id, story, outlet, body)
        pieces.extend(piece_rows)
        titles.extend(title_rows)
    manifest.sort(key=lambda r: r["article_id"])
    truth.sort(key=lambda r: str(r["article_id"]))
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["article_id", "outlet", "published", "url", "title"])
        writer.writeheader()
        writer.writerows(manifest)
    with open(out / ".truth.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["article_id", "story_id", "outlet", "n_sentences",
                                                "n_quotes", "n_wire", "n_conflicts", "is_update"])
        writer.writeheader()
        writer.writerows(truth)
    for name, rows, columns in ((".pieces.csv", pieces, PIECE_COLUMNS), (".titles.csv", titles, TITLE_COLUMNS)):
        rows.sort(key=lambda r: (str(r["article_id"]), int(str(r["piece"]))))
        with open(out / name, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
    return manifest


#: Columns of the hidden ``.pieces.csv``: one row per body piece (paragraph
#: or half of a paired paragraph) of every article, in body order.
PIECE_COLUMNS = ["article_id", "piece", "story_id", "outlet", "kind", "fact", "quote", "planted", "detail", "text"]
#: Columns of the hidden ``.titles.csv``: one row per speaker introduction
#: (the first mention in an article, which carries the role).
TITLE_COLUMNS = ["article_id", "piece", "story_id", "outlet", "speaker", "written", "rank", "canonical", "planted"]


def _piece_truth(article_id: str, story: Story, outlet: Outlet,
                 body: list[Piece]) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Rows of ``.pieces.csv`` and ``.titles.csv`` for one article (no random draws).

    ``text`` is the piece as written in the file (British spelling applied
    piece by piece, which gives the same words as applying it to the whole
    file: the substitution works on whole words). A title row is planted
    (``title``) when the rank written differs from the speaker's true rank.
    """
    speakers = {sp.name: sp for sp in story.speakers}
    piece_rows: list[dict[str, object]] = []
    title_rows: list[dict[str, object]] = []
    for n, p in enumerate(body):
        text = _britishise(p.text) if outlet.british else p.text
        piece_rows.append({
            "article_id": article_id, "piece": n, "story_id": story.story_id, "outlet": outlet.name,
            "kind": p.kind, "fact": "" if p.fact is None else p.fact, "quote": "" if p.quote is None else p.quote,
            "planted": p.planted, "detail": p.detail, "text": text,
        })
        if p.role:
            rank = ROLE_RANKS.get(p.role, "")
            canonical = ROLE_RANKS.get(speakers[p.speaker].roles[0], "")
            title_rows.append({
                "article_id": article_id, "piece": n, "story_id": story.story_id, "outlet": outlet.name,
                "speaker": p.speaker, "written": _britishise(p.role) if outlet.british else p.role,
                "rank": rank, "canonical": canonical, "planted": "title" if rank != canonical else "",
            })
    return piece_rows, title_rows


def generator_version() -> str:
    """A fingerprint of this file: cached corpora from another version are remade."""
    return hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]


def ensure_corpus(n_articles: int, seed: int, root: Path) -> Path:
    """Return ``root/<n>-seed<seed>``, generating it first unless it is complete and current."""
    import shutil

    out = root / f"{n_articles}-seed{seed}"
    stamp = out / ".generator"
    if stamp.is_file() and stamp.read_text().strip() == generator_version():
        return out
    if out.exists():
        shutil.rmtree(out)
    generate(n_articles, seed, out)
    stamp.write_text(generator_version() + "\n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="number of articles to write")
    parser.add_argument("--seed", type=int, default=7, help="random seed (same seed, same corpus)")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    rows = generate(args.articles, args.seed, args.out)
    outlets = len({r["outlet"] for r in rows})
    print(f"wrote {len(rows)} articles from {outlets} outlets to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
