"""Patterns that find the sources an article cites: data for :mod:`newslib.sources`.

Input: nothing (constants). Output: the tables below, read by
:mod:`newslib.sources`, whose logic is generic: a *mention* of a name found by
one of these patterns counts as a cited source only when a *cue* ties it to
the reporting ("told CNN", "The New York Times reported", "according to the
report", "National Security Council spokesman John Kirby said") and no
*exclusion* applies ("reached out to the Russian Foreign Ministry for
comment", "did not immediately respond").

Every regular expression is matched against a sentence whose typographic
quote marks were straightened (``’`` -> ``'``, ``“`` -> ``"``); offsets do not
change because each mark is one character. Patterns are case-sensitive
unless they say ``(?i:...)``: "the Times" is a newspaper, "at times" is not.

Patterns of :data:`NAMED_SOURCES` and :data:`SHORT_FORMS` must match text that
starts with a capital letter or a digit (names do); the matcher relies on it
to skip other words quickly, and a test checks it.

Edit freely: add a row, rerun ``pytest tests/test_sources.py``. Order
matters in :data:`NAMED_SOURCES` and :data:`GROUP_SOURCES`: at one position
the first pattern that matches wins, so longer names come before shorter ones.
"""

from __future__ import annotations

from typing import NamedTuple

#: The four kinds of source in the ``sources`` table.
KINDS: tuple[str, ...] = ("media", "official", "expert", "document")


class NamedSource(NamedTuple):
    """One named organisation. ``pattern`` finds its mention (no leading "the")."""

    pattern: str
    source: str  # canonical name written in the ``sources`` table
    kind: str  # one of KINDS
    note: str  # where the row comes from / why it is needed


class ShortForm(NamedTuple):
    """A short name whose meaning depends on the article ("the Times").

    It resolves to the first of ``candidates`` that the same article names in
    full (anywhere, cited or not); otherwise to ``fallback``.
    """

    pattern: str
    candidates: tuple[str, ...]
    fallback: str
    kind: str
    note: str


class GroupSource(NamedTuple):
    """An unnamed group or a document ("U.S. officials", "leaked documents").

    ``template`` builds the canonical name; ``{nat}`` is replaced by the
    canonical form (see :data:`NATIONALITIES`) of the pattern's ``nat`` group.
    ``needs_cue=False`` means the mention is a citation by itself.
    """

    pattern: str
    template: str
    kind: str
    needs_cue: bool
    note: str


# ---------------------------------------------------------------------------
# Nationalities: how outlets write a country before "officials", "intelligence"
# ---------------------------------------------------------------------------

#: Written form -> canonical form used in source names. Seeds write "U.S.
#: officials" (CBN), "US officials" (Insider), "American and other officials"
#: (Newsweek) and "a United States official" (Daily Star): all "U.S.".
NATIONALITIES: dict[str, str] = {
    "U.S.": "U.S.", "US": "U.S.", "USA": "U.S.", "United States": "U.S.",
    "American": "U.S.", "America's": "U.S.", "the US": "U.S.", "the U.S.": "U.S.",
    "U.K.": "U.K.", "UK": "U.K.", "British": "U.K.", "Britain's": "U.K.", "Britain": "U.K.",
    "Russian": "Russian", "Russia's": "Russian", "Russia": "Russian",
    "Ukrainian": "Ukrainian", "Ukraine's": "Ukrainian", "Ukraine": "Ukrainian",
    "Chinese": "Chinese", "China's": "Chinese", "China": "Chinese",
    "North Korean": "North Korean", "North Korea's": "North Korean", "North Korea": "North Korean",
    "South Korean": "South Korean", "South Korea's": "South Korean", "South Korea": "South Korean",
    "Japanese": "Japanese", "Japan's": "Japanese", "Japan": "Japanese",
    "Iranian": "Iranian", "Iran's": "Iranian", "Israeli": "Israeli", "Israel's": "Israeli",
    "German": "German", "Germany's": "German", "French": "French", "France's": "French",
    "European": "European", "EU": "European", "NATO": "NATO",
    "Western": "Western", "western": "Western", "allied": "allied", "Allied": "allied",
}

# Alternation of the written forms, longest first (so "North Korean" beats "North Korea").
_NAT = "|".join(
    k.replace(".", r"\.").replace(" ", r"\s+") for k in sorted(NATIONALITIES, key=len, reverse=True)
)

# ---------------------------------------------------------------------------
# Named organisations
# ---------------------------------------------------------------------------

NAMED_SOURCES: tuple[NamedSource, ...] = (
    # --- media: broadcasters, papers, wires, sites (seeds + major outlets that
    # routinely appear in cross-outlet coverage) ---------------------------------
    NamedSource(r"The\s+New\s+York\s+Times|New\s+York\s+Times|NYT", "The New York Times", "media",
                "seeds: 'The New York Times reported Monday' (Newsweek, Insider, HuffPost)"),
    NamedSource(r"(?:The\s+)?Situation\s+Room", "CNN", "media",
                "CNN's evening show; seeds: 'Speaking to CNN's The Situation Room', CNN's \"Situation Room\""),
    NamedSource(r"CNN", "CNN", "media", "seeds: 'told CNN', 'CNN's Jim Acosta', 'joined Hertling on CNN'"),
    NamedSource(r"BBC(?:\s+News)?", "BBC", "media", "seeds: 'told the BBC' (HuffPost)"),
    NamedSource(r"Oryx", "Oryx", "media", "seeds: 'open-source intelligence website Oryx said' (Insider)"),
    NamedSource(r"(?:The\s+)?Washington\s+Post", "The Washington Post", "media", "major US daily"),
    NamedSource(r"(?:The\s+)?Wall\s+Street\s+Journal|WSJ", "The Wall Street Journal", "media", "major US daily"),
    NamedSource(r"Financial\s+Times", "Financial Times", "media", "UK daily; also a candidate for 'the Times'"),
    NamedSource(r"Los\s+Angeles\s+Times", "Los Angeles Times", "media", "US daily; also a candidate for 'the Times'"),
    NamedSource(r"New\s+York\s+Post", "New York Post", "media", "US tabloid; candidate for 'the Post'"),
    NamedSource(r"(?:The\s+)?Associated\s+Press|AP(?!\s+Photo)", "Associated Press", "media",
                "wire; 'AP Photo' captions are not citations"),
    NamedSource(r"Reuters", "Reuters", "media", "wire"),
    NamedSource(r"Agence\s+France-Presse|AFP", "AFP", "media", "wire"),
    NamedSource(r"Bloomberg(?:\s+News)?", "Bloomberg", "media", "wire/business news"),
    NamedSource(r"Fox\s+News", "Fox News", "media", "US broadcaster"),
    NamedSource(r"NBC(?:\s+News)?", "NBC News", "media", "US broadcaster"),
    NamedSource(r"CBS(?:\s+News)?", "CBS News", "media", "US broadcaster"),
    NamedSource(r"ABC(?:\s+News)?", "ABC News", "media", "US broadcaster"),
    NamedSource(r"MSNBC", "MSNBC", "media", "US broadcaster"),
    NamedSource(r"NPR", "NPR", "media", "US public radio"),
    NamedSource(r"Sky\s+News", "Sky News", "media", "UK broadcaster"),
    NamedSource(r"(?:The\s+)?Guardian", "The Guardian", "media", "UK daily"),
    NamedSource(r"(?:The\s+)?Telegraph", "The Telegraph", "media", "UK daily"),
    NamedSource(r"Politico", "Politico", "media", "US politics site"),
    NamedSource(r"Axios", "Axios", "media", "US news site"),
    NamedSource(r"Al\s+Jazeera", "Al Jazeera", "media", "broadcaster"),
    NamedSource(r"Newsweek", "Newsweek", "media", "seed outlet"),
    NamedSource(r"(?:Business\s+)?Insider", "Business Insider", "media",
                "seed outlet; writes itself 'Insider' ('request for comment from Insider')"),
    NamedSource(r"HuffPost|Huffington\s+Post", "HuffPost", "media", "seed outlet"),
    NamedSource(r"Daily\s+Star", "Daily Star", "media", "seed outlet"),
    NamedSource(r"CBN(?:\s+News)?", "CBN News", "media", "seed outlet"),
    NamedSource(r"TASS", "TASS", "media", "Russian state news agency, often cited for Kremlin statements"),
    NamedSource(r"RIA(?:\s+Novosti)?", "RIA Novosti", "media", "Russian state news agency"),
    NamedSource(r"Interfax", "Interfax", "media", "Russian news agency"),
    NamedSource(r"Yonhap(?:\s+News\s+Agency)?", "Yonhap", "media", "South Korean news agency"),
    NamedSource(r"Korean\s+Central\s+News\s+Agency|KCNA", "KCNA", "media", "North Korean state news agency"),
    NamedSource(r"NK\s+News", "NK News", "media", "North Korea specialist site"),
    # --- official: governments and their bodies --------------------------------
    NamedSource(r"National\s+Security\s+Council|NSC", "National Security Council", "official",
                "seeds: 'National Security Council spokesman John Kirby said' (Daily Star, CBN)"),
    NamedSource(r"White\s+House", "White House", "official",
                "seeds: 'The White House said last week', 'White House press secretary Karine Jean-Pierre'"),
    NamedSource(r"Kremlin", "Kremlin", "official", "Russian presidency; brief: 'the Kremlin' (usually 'Kremlin spokesman')"),
    NamedSource(r"Pentagon|(?:U\.S\.\s+|US\s+)?Department\s+of\s+Defense", "Pentagon", "official", "US defence department"),
    NamedSource(r"State\s+Department|Department\s+of\s+State", "State Department", "official", "US foreign ministry"),
    NamedSource(r"CIA", "CIA", "official", "US intelligence agency"),
    NamedSource(r"FBI", "FBI", "official", "US federal police"),
    NamedSource(r"Downing\s+Street", "Downing Street", "official", "UK prime minister's office"),
    NamedSource(r"(?:UK\s+|U\.K\.\s+|British\s+)?Ministry\s+of\s+Defen[cs]e", "U.K. Defence Ministry", "official",
                "UK MoD: its daily intelligence updates are widely cited"),
    NamedSource(r"(?:UN|U\.N\.|United\s+Nations)\s+Security\s+Council", "UN Security Council", "official", "UN body"),
    NamedSource(r"United\s+Nations|U\.N\.|UN(?!\s+sanctions)", "United Nations", "official",
                "UN; 'UN sanctions' is a topic, not a source"),
    NamedSource(r"NATO", "NATO", "official", "alliance; cited for statements and estimates"),
    NamedSource(r"National\s+Intelligence\s+Service|NIS", "National Intelligence Service", "official",
                "South Korea's spy agency, the usual source on North Korea"),
    NamedSource(r"Joint\s+Chiefs\s+of\s+Staff", "Joint Chiefs of Staff", "official", "US/South Korean military command"),
    # --- expert: think tanks and research groups --------------------------------
    NamedSource(r"Carnegie\s+(?:Moscow\s+Center|Russia\s+Eurasia\s+Center)", "Carnegie Moscow Center", "expert",
                "seeds: 'said Alexander Gabuev with the Carnegie Moscow Center' (CBN); renamed 2022"),
    NamedSource(r"Carnegie\s+Endowment(?:\s+for\s+International\s+Peace)?", "Carnegie Endowment", "expert", "think tank"),
    NamedSource(r"Institute\s+for\s+the\s+Study\s+of\s+War|ISW", "Institute for the Study of War", "expert",
                "think tank; daily Ukraine war assessments"),
    NamedSource(r"Center\s+for\s+Strategic\s+and\s+International\s+Studies|CSIS", "CSIS", "expert", "think tank"),
    NamedSource(r"Brookings(?:\s+Institution)?", "Brookings Institution", "expert", "think tank"),
    NamedSource(r"RAND(?:\s+Corporation)?", "RAND Corporation", "expert", "think tank"),
    NamedSource(r"Council\s+on\s+Foreign\s+Relations", "Council on Foreign Relations", "expert", "think tank"),
    NamedSource(r"Atlantic\s+Council", "Atlantic Council", "expert", "think tank"),
    NamedSource(r"Chatham\s+House", "Chatham House", "expert", "think tank"),
    NamedSource(r"Royal\s+United\s+Services\s+Institute|RUSI", "RUSI", "expert", "defence think tank"),
    NamedSource(r"International\s+Institute\s+for\s+Strategic\s+Studies|IISS", "IISS", "expert", "defence think tank"),
    NamedSource(r"Stimson\s+Center|38\s+North", "Stimson Center", "expert", "think tank; 38 North is its North Korea project"),
    NamedSource(r"Wilson\s+Center", "Wilson Center", "expert", "think tank"),
)

SHORT_FORMS: tuple[ShortForm, ...] = (
    ShortForm(r"(?<=[Tt]he\s)Times(?!\s+of\b)", ("The New York Times", "Financial Times", "Los Angeles Times"),
              "The Times", "media",
              "seeds: 'The Times report' (Insider), 'officials told the Times' (HuffPost), both after NYT"),
    ShortForm(r"(?<=[Tt]he\s)Post\b", ("The Washington Post", "New York Post"), "The Post", "media",
              "'the Post' after The Washington Post / New York Post"),
    ShortForm(r"(?<=[Tt]he\s)Journal\b", ("The Wall Street Journal",), "The Journal", "media",
              "'the Journal' after The Wall Street Journal"),
)

# ---------------------------------------------------------------------------
# Unnamed groups and documents
# ---------------------------------------------------------------------------

#: Words that may sit between a nationality and "officials" ("US intelligence officials").
_OFFICIAL_MODIFIER = r"(?:senior|top|unnamed|anonymous|government|administration|intelligence|defen[cs]e|military|security|diplomatic)"

GROUP_SOURCES: tuple[GroupSource, ...] = (
    GroupSource(
        rf"(?P<nat>{_NAT})(?:\s+and\s+(?:other|allied|Western|{_NAT}))?(?:\s+{_OFFICIAL_MODIFIER})*\s+officials?\b",
        "{nat} officials", "official", True,
        "seeds: 'US officials estimated' (Insider), 'U.S. and allied officials told the Times' (HuffPost), "
        "'citing American and other officials' (Newsweek), 'a United States official, who said' (Daily Star)",
    ),
    GroupSource(
        rf"(?:{_OFFICIAL_MODIFIER}\s+)*officials?\s+(?:from|in)\s+(?P<nat>{_NAT})(?:\s+and\s+its\s+allies)?",
        "{nat} officials", "official", True,
        "seeds: 'several unnamed officials from the US and its allies' (Insider)",
    ),
    GroupSource(
        rf"(?P<nat>{_NAT})\s+(?i:intelligence)(?:\s+(?i:agencies|community|services?))?",
        "{nat} intelligence", "official", True,
        "seeds: 'US intelligence has claimed' (Daily Star), 'According to new U.S. intelligence' (CBN)",
    ),
    GroupSource(
        rf"(?P<nat>{_NAT})\s+(?i:foreign\s+ministry|ministry\s+of\s+foreign\s+affairs|foreign\s+office)",
        "{nat} Foreign Ministry", "official", True,
        "seeds: 'Russian Foreign Ministry' (Newsweek), 'Russia's foreign ministry' (Insider)",
    ),
    GroupSource(
        rf"(?P<nat>{_NAT})\s+(?i:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e)",
        "{nat} Defense Ministry", "official", True, "'Russia's Defense Ministry said' in war coverage",
    ),
    GroupSource(
        rf"(?P<nat>{_NAT})\s+(?i:military|armed\s+forces|general\s+staff)",
        "{nat} military", "official", True, "'the Ukrainian military said' in war coverage",
    ),
    GroupSource(
        rf"(?P<nat>{_NAT})\s+(?i:embassy|government)",
        "{nat} government", "official", True, "'the Russian Embassy said', 'the Chinese government said'",
    ),
    GroupSource(
        r"(?:[Ss]enior\s+|[Uu]nnamed\s+|[Aa]nonymous\s+|[Gg]overnment\s+|[Aa]dministration\s+)?[Oo]fficials\b",
        "unnamed officials", "official", True, "'officials said' with no country",
    ),
    GroupSource(
        r"(?P<grp>[Ee]xperts|[Aa]nalysts|[Oo]bservers|[Rr]esearchers|[Ss]cholars)\b",
        "{grp}", "expert", True, "seeds: 'Experts say the reclusive Kim Jong Un will likely...' (CBN)",
    ),
    GroupSource(
        r"(?i:leaked\s+(?:documents?|files|cables|memos?|papers|emails|intelligence)|"
        r"declassified\s+(?:documents?|intelligence|files))",
        "leaked documents", "document", False,
        "seeds: 'follows leaked documents released last month that reportedly show' (CBN)",
    ),
    GroupSource(
        r"(?:satellite\s+(?:images|imagery|photos))",
        "satellite imagery", "document", True, "'satellite images show' in military coverage",
    ),
    GroupSource(
        r"(?<![\w'])(?:[Tt]he\s+)(?:news)?paper\b", "the paper", "document", True,
        "wire copy: 'the paper reported' for a newspaper named earlier in the article",
    ),
    GroupSource(
        r"(?<![\w'])report\b", "the report", "document", True,
        "seeds: 'according to the report' (Newsweek); a report owned by a named source "
        "('The Times report') is that source, see sources.py",
    ),
)

# ---------------------------------------------------------------------------
# Cues: what ties a mention to the reporting
# ---------------------------------------------------------------------------

#: Words allowed between a before-cue and the mention ("told the state-run TASS",
#: "citing several unnamed officials", "According to new U.S. intelligence").
CUE_MODIFIERS: str = (
    r"(?:the|a|an|new|several|unnamed|anonymous|senior|other|some|many|multiple|top|recent|latest|"
    r"fresh|state-run|state|two|three|four|five|its|their)"
)

#: Before-cues that apply to every kind: the regex must end right before the
#: mention (after optional :data:`CUE_MODIFIERS` and an opening quote mark).
BEFORE_CUES_ALL: tuple[tuple[str, str], ...] = (
    (r"\b(?:told|tells|telling)", "told the BBC / told CNN / officials told the Times"),
    (r"\b(?:[Aa]ccording\s+to|[Aa]s\s+reported\s+by|[Rr]eported\s+by|[Qq]uoted\s+by|[Pp]er)", "according to the report"),
    (r"\b(?:[Cc]iting|[Cc]ited|[Cc]ites)", "Newsweek: 'citing American and other officials'"),
    (r"\b(?:[Ss]peaking|[Ss]poke|[Ss]peaks|[Tt]alking|[Tt]alked)\s+(?:to|with)", "Speaking to CNN's The Situation Room"),
    (r"\b(?:interview|interviews|statement|comments|remarks)\s+(?:to|with|from|by)", "in an interview with the BBC"),
    (r"\bcame\s+from", "Daily Star: 'The claim came from a United States official'"),
    (r"\b(?:confirmed|said|told)\s+to", "'confirmed to Reuters'"),
    (r"\b(?:report|study|analysis|survey|assessment|estimates?|data|figures|images|footage|reporting)\s+(?:by|from|of)",
     "'a report by the Institute for the Study of War'"),
    (r"(?i:\b(?:spokes(?:person|man|woman)|representative|official|adviser|advisor|director|secretary|analyst|"
     r"fellow|researcher|expert)s?\s+(?:for|of|at|with|from))",
     "affiliation: 'a representative for Russia's foreign ministry', 'a fellow at the Brookings Institution'"),
)

#: Extra before-cues for one kind only.
BEFORE_CUES_BY_KIND: dict[str, tuple[tuple[str, str], ...]] = {
    # Broadcast and print venues: "joined Hertling on CNN", "during Monday's edition of
    # The Situation Room", "wrote in The Washington Post", "CNN's The Situation Room".
    "media": (
        (r"\b(?:on|in|to|with|of|from|by|during|via)", "Newsweek: 'who joined Hertling on CNN'"),
        (r"'s?", "a show owned by an outlet: 'CNN's The Situation Room'"),
    ),
    # Affiliation of a quoted expert: "said Alexander Gabuev with the Carnegie Moscow Center".
    "expert": ((r"\b(?:with|at|of|from|by)", "CBN: 'Alexander Gabuev with the Carnegie Moscow Center'"),),
}

#: Words allowed between the mention and its reporting verb ("The New York Times
#: on Monday reported", "US intelligence has claimed", "The White House said last week").
AFTER_FILLERS: str = (
    r"(?:(?:on|last|this|late|early|earlier|later)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year|night|morning|evening|day)|has|have|had|also|previously|reportedly|recently|first|"
    r"publicly|repeatedly|earlier|now|already|long|separately|in\s+a\s+(?:statement|report|post|briefing))"
)

#: Reporting verbs that make the mention before them a source.
REPORTING_VERBS: str = (
    r"(?:reported|reports|report|said|says|say|told|tells|claimed|claims|claim|estimated|estimates|estimate|"
    r"warned|warns|warn|confirmed|confirms|confirm|announced|announces|stated|states|noted|notes|note|added|"
    r"adds|explained|revealed|reveals|found|finds|find|showed|shows|show|indicated|indicates|indicate|believe|"
    r"believes|believed|assessed|assesses|assess|concluded|wrote|writes|published|cited|quoted|disclosed|"
    r"acknowledged|alleged|accused|urged|insisted|denied|dismissed|described|predicted|predict|think|thinks|"
    r"called\s+on|called\s+for|calls\s+on|calls\s+for|according)"
)

#: Nouns after a mention that make it the owner of a report ("The Times report", "a White House statement").
REPORT_NOUNS: str = (
    r"(?:report|reports|reporting|analysis|investigation|interview|assessment|estimate|estimates|statement|"
    r"data|figures|poll|survey|readout|briefing|documents?)"
)

#: Role nouns after a mention: its spokesperson is speaking for it ("National Security
#: Council spokesman John Kirby", "White House press secretary Karine Jean-Pierre").
#: Counted only in a sentence that reports speech (a reporting verb or a quote mark).
ROLE_NOUNS: str = (
    r"(?i:(?:(?:chief|deputy|senior|principal|press|top|lead)\s+)*(?:spokes(?:person|man|woman)|"
    r"press\s+secretary|representative|official|analyst|fellow|researcher|director|adviser|advisor|"
    r"coordinator|ambassador|envoy|expert|economist|scholar)s?)\b"
)

#: Words that, close before an affiliation, make it a past one ("Former U.S. Army
#: General and CIA director David Petraeus"): checked within :data:`FORMER_WINDOW` words.
FORMER_WORDS: str = r"(?i:\b(?:former|ex-|retired|onetime|one-time|erstwhile)\b)"
#: 6 words is the longest title run before an affiliation in the seeds
#: ("Former U.S. Army General and CIA director" has five).
FORMER_WINDOW: int = 6

# ---------------------------------------------------------------------------
# Exclusions: a mention that is not a citation
# ---------------------------------------------------------------------------

#: Before the mention (regex ending at the mention, after optional modifiers).
EXCLUDE_BEFORE: tuple[tuple[str, str, str], ...] = (
    (r"(?i:\b(?:reached\s+out\s+to|contacted|emailed|e-mailed|messaged|approached|asked))",
     "contacted_for_comment", "Newsweek: 'Newsweek reached out to the Russian Foreign Ministry via email for comment'"),
    (r"(?i:\brequests?\s+for\s+comment\s+(?:from|to|sent\s+to)|\brequested\s+comment\s+from)",
     "contacted_for_comment", "Insider: 'did not immediately respond to a request for comment from Insider'"),
)

#: After the mention (regex anchored at the end of the mention).
EXCLUDE_AFTER: tuple[tuple[str, str, str], ...] = (
    (r"^(?:'s)?(?:\s+(?:has|have|had|so|far|yet|also|still|not|immediately|been|was|were|is|spokes(?:person|man|woman)))*"
     r"\s+(?:did\s+not|didn't|does\s+not|doesn't|has\s+not|hasn't|have\s+not|haven't|could\s+not|couldn't|"
     r"declined|refused|failed|was\s+not|were\s+not|would\s+not|wouldn't)\b[^.;]{0,30}?"
     r"\b(?:respond|reply|replied|comment|be\s+reached|return|answer)",
     "no_comment", "HuffPost: 'The Kremlin has so far refused to comment'; Insider: 'did not immediately respond'"),
    (r"^[^.;]{0,40}?\bfor\s+comment\b", "contacted_for_comment", "'Newsweek has contacted the Pentagon via email for comment'"),
)
