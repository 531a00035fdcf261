"""Word lists used by the quotes stage (data, not logic).

Input: nothing. Output: constants read by :mod:`newslib.quotes`: the
quotation-mark tables, speech verbs and nouns, titles and role words,
pronouns, honorifics, time words and first names with a known gender.

Every list was written by hand for English-language news copy (US wire
style, British tabloids, broadcast transcripts). The comment above each
constant says what it is for and where its entries came from; add to these
tables rather than adding ``if`` branches to the logic.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Quotation marks
# ---------------------------------------------------------------------------

#: Marks that can only open a double-quoted span: the curly left double quote
#: (US and UK house styles), the German low-9 quote and the left guillemet.
DOUBLE_OPENERS: frozenset[str] = frozenset("\u201c\u201e\u00ab")
#: Marks that can only close a double-quoted span.
DOUBLE_CLOSERS: frozenset[str] = frozenset("\u201d\u00bb")
#: Marks that open or close depending on context (typewriter quotes, and the
#: "prime" characters some CMS exports use instead of them).
DOUBLE_AMBIGUOUS: frozenset[str] = frozenset('"\u2033\uff02')
#: The curly left single quote opens British quotes (``‘desperate’``).
SINGLE_OPENERS: frozenset[str] = frozenset("\u2018\u201a\u2039")
#: The curly right single quote closes them, but it is also the typographic
#: apostrophe (``It’s``, ``Russia’s``); :mod:`newslib.quotes` tells them apart
#: from the characters around it.
SINGLE_CLOSERS: frozenset[str] = frozenset("\u2019\u203a")
#: The typewriter apostrophe doubles as opening and closing single quote.
SINGLE_AMBIGUOUS: frozenset[str] = frozenset("'\u2032")

#: Words that start with an apostrophe in informal speech, so a single quote
#: before them opens no quotation (``rock 'n' roll``, ``'til``, ``the '90s``;
#: decades are handled by a digit rule).
ELISIONS: frozenset[str] = frozenset(
    "n em til tis twas cause cos bout round nother kay sup".split()
)

# ---------------------------------------------------------------------------
# Speech cues
# ---------------------------------------------------------------------------

#: Verbs (every inflection written out) that introduce what someone said.
#: Collected from the seeds (said, told, added, warned, explained, warns) and
#: from common AP/Reuters/BBC attribution verbs.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say says said saying
    tell tells told telling
    add adds added adding
    warn warns warned warning
    explain explains explained explaining
    state states stated
    note notes noted noting
    argue argues argued arguing
    insist insists insisted insisting
    claim claims claimed claiming
    ask asks asked asking
    reply replies replied replying
    respond responds responded
    answer answers answered
    write writes wrote writing
    continue continues continued continuing
    recall recalls recalled recalling
    declare declares declared declaring
    acknowledge acknowledges acknowledged acknowledging
    admit admits admitted admitting
    caution cautions cautioned cautioning
    concede concedes conceded conceding
    remark remarks remarked
    observe observes observed
    suggest suggests suggested suggesting
    stress stresses stressed stressing
    emphasise emphasises emphasised emphasize emphasizes emphasized
    urge urges urged urging
    predict predicts predicted predicting
    announce announces announced announcing
    counter counters countered
    quip quips quipped
    joke jokes joked
    comment comments commented
    confirm confirms confirmed confirming
    tweet tweets tweeted
    shout shouts shouted
    scream screams screamed
    whisper whispers whispered
    sigh sighs sighed
    laugh laughs laughed
    boast boasts boasted
    complain complains complained
    concede concedes conceded
    contend contends contended
    maintain maintains maintained
    assert asserts asserted
    vow vows vowed
    pledge pledges pledged
    promise promises promised
    reckon reckons reckoned
    recount recounts recounted
    reveal reveals revealed
    describe describes described
    demand demands demanded
    allege alleges alleged
    mutter mutters muttered
    snap snaps snapped
    fume fumes fumed
    blast blasts blasted
    slam slams slammed
    testify testifies testified
    accuse accuses accused accusing
    """.split()
)

#: Speech verbs that need an object (``told CNN``), so they can never be the
#: inverted ``"…," said Smith`` form: ``"…," told Smith`` is not English, and
#: ``"…," blasted Smith`` would read the object as the speaker.
OBJECT_VERBS: frozenset[str] = frozenset(
    "tell tells told telling urge urges urged urging blast blasts blasted slam slams "
    "slammed describe describes described".split()
)

#: Multi-word cues matched before single verbs (lower case, single spaces).
#: ``according to X`` puts the speaker after the cue; the rest are verbs.
PHRASE_CUES: tuple[str, ...] = (
    "according to",
    "called on",
    "called for",
    "went on",
    "pointed out",
    "was quoted as saying",
    "were quoted as saying",
    "is quoted as saying",
    "shot back",
    "hit back",
    "hits back",
    "fired back",
    "went on to say",
)

#: Cues whose speaker follows them (``according to Hertling``).
SPEAKER_AFTER_CUES: frozenset[str] = frozenset({"according to"})

#: Nouns of speech: ``the host's suggestion that they are "…"`` attributes the
#: quote to the possessor. From the Daily Star seed and common usage.
SPEECH_NOUNS: frozenset[str] = frozenset(
    """suggestion suggestions claim claims words remark remarks comment comments
    statement statements description warning warnings assertion question
    promise pledge vow message accusation verdict""".split()
)

#: Verbs that characterise rather than report speech. They attribute a quote
#: only with an explicit named subject right before them (``Biden called the
#: invasion "a tragedy"``), never in the passive (``have been called
#: "desperate"``), which is how scare quotes are usually introduced.
WEAK_CUES: frozenset[str] = frozenset(
    """called calls calling dubbed dubs dubbing branded brands branding labelled labeled
    labels labelling labeling describing""".split()
)

# ---------------------------------------------------------------------------
# People: pronouns, honorifics, titles, roles
# ---------------------------------------------------------------------------

#: Subject pronouns and the gender they imply (None: no single person).
PRONOUNS: dict[str, str | None] = {
    "he": "m",
    "she": "f",
    "they": None,
    "we": None,
    "i": None,
}

#: Honorifics: stripped from canonical names, and they tell the gender.
HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "messrs": None,
    "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "madam": "f",
    "dr": None, "prof": None, "professor": None, "rev": None, "reverend": None,
    "hon": None, "fr": None,
}

#: Role words that imply a gender (``spokeswoman Jane Doe``).
GENDERED_ROLES: dict[str, str] = {
    "spokeswoman": "f", "chairwoman": "f", "congresswoman": "f", "businesswoman": "f",
    "actress": "f", "queen": "f", "princess": "f", "duchess": "f", "mother": "f",
    "grandmother": "f", "wife": "f", "daughter": "f", "sister": "f", "widow": "f",
    "spokesman": "m", "chairman": "m", "congressman": "m", "businessman": "m",
    "king": "m", "prince": "m", "duke": "m", "father": "m", "grandfather": "m",
    "husband": "m", "son": "m", "brother": "m", "widower": "m",
}

#: Title and role head words (lower case, without a final dot). A name starts
#: after the last of these in a run of capitalised words, so ``National
#: Security Advisor Jake Sullivan`` is role ``National Security Advisor`` and
#: name ``Jake Sullivan``. Military ranks (US and UK abbreviations), civil
#: offices and job titles found in news attributions.
TITLE_WORDS: frozenset[str] = frozenset(
    """
    gen general lt lieutenant maj major col colonel capt captain cmdr commander
    adm admiral brig brigadier sgt sergeant cpl corporal pvt private marshal
    ret commandant chief
    president vice prime minister secretary chancellor premier governor gov
    senator sen representative rep congressman congresswoman mayor councillor
    councilman councilwoman councilor ambassador envoy diplomat consul
    judge justice recorder magistrate barrister solicitor attorney prosecutor sheriff detective officer inspector
    superintendent constable commissioner
    spokesperson spokesman spokeswoman spokespeople advisor adviser aide
    director deputy head leader chairman chairwoman chair ceo cfo coo cto
    founder co-founder executive manager boss analyst expert economist
    strategist researcher scientist professor prof lecturer fellow scholar
    correspondent reporter editor anchor host columnist presenter producer
    officials official lawmaker legislator mp mep speaker whip
    king queen prince princess duke duchess pope cardinal bishop archbishop
    rabbi imam pastor priest reverend rev
    dr doctor nurse surgeon teacher student resident witness veteran
    coach manager striker goalkeeper captain midfielder defender
    actor actress singer rapper star author writer historian lawyer
    owner partner president-elect sen. chief-of-staff treasurer
    mum dad mother father grandmother grandfather gran grandad pensioner regular
    visitor shopper customer passenger holidaymaker fan local neighbour neighbor
    villager victim survivor worker employee landlord landlady homeowner tenant
    parent motorist driver rider volunteer campaigner activist organiser organizer
    """.split()
)

#: Lower-case words that may sit inside a role before a name (``retired``,
#: ``former US Army General and CIA director``). Not titles themselves.
ROLE_MODIFIERS: frozenset[str] = frozenset(
    """retired former acting interim then current incoming outgoing senior junior
    deputy assistant associate press national foreign defence defense security
    military army navy air force state foreign and of the for to at
    chief top regional local federal district county city white house""".split()
)

#: Lower-case nouns that make an unnamed speaker (``a spokesperson said``,
#: ``U.S. and allied officials told the Times``). Such quotes keep the mention
#: but get ``speaker=None``: the person is not identified.
GENERIC_SPEAKERS: frozenset[str] = frozenset(
    """official officials spokesperson spokesman spokeswoman spokespeople
    source sources aide aides expert experts analyst analysts diplomat diplomats
    resident residents witness witnesses host presenter reporter anchor
    critic critics observer observers insider insiders person people man woman
    boy girl child parent mother father neighbour neighbor friend relative
    colleague colleagues member members lawmaker lawmakers leader leaders
    government ministry department agency company firm report statement
    researchers scientists doctors police officers authorities administration
    campaign team group organisation organization club side military army
    intelligence document documents study survey letter traders investors economists
    protesters voters fans locals parents teachers students workers nurses farmers
    shoppers passengers commuters campaigners activists rivals allies""".split()
)

#: Words right before a quotation mark that make the quote a label, never
#: speech (``the so-called "peace dividend"``, ``the word "unprecedented"``).
SCARE_PREFIXES: tuple[str, ...] = (
    "so-called", "so called", "the word", "the words", "the term", "the phrase", "the label",
    "the slogan", "nicknamed", "known as", "dubbed", "a.k.a.", "aka", "the hashtag",
)

#: Lower-case words allowed between a subject and its verb without breaking
#: the link (``Hertling also said``, ``Smith later told``, ``has said``).
SUBJECT_VERB_FILLERS: frozenset[str] = frozenset(
    """also later then further previously once again has have had had
    would will did does simply only just earlier recently quickly
    repeatedly separately subsequently bluntly angrily flatly""".split()
)

#: Capitalised words that are not names even when capitalised: sentence
#: openers, days and months, and common capitalised non-person words.
NOT_NAME_WORDS: frozenset[str] = frozenset(
    """a an the this that these those it its he she they we i you his her their our
    but and or so yet however meanwhile also still now then when while after
    before since though although because if as at in on of for from by with
    to into about over under last next earlier later today yesterday tonight
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    speaking asked asking according
    mr mrs ms""".split()
)

#: Day and time words skipped between a subject and its verb (``Adrienne
#: Watson on Monday called on``).
TIME_WORDS: frozenset[str] = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday
    today yesterday tonight tomorrow morning afternoon evening night week weekend
    month year earlier later recently""".split()
)

#: Paragraph labels in ALL CAPS that look like transcript speaker labels but
#: are web furniture (``READ MORE:``, ``UPDATE:``).
NOT_TRANSCRIPT_LABELS: frozenset[str] = frozenset(
    {
        "read more", "read", "more", "update", "updated", "breaking", "watch", "listen",
        "related", "editor's note", "editors note", "note", "source", "sources", "photo",
        "photos", "video", "advertisement", "close", "see also", "q", "a", "warning",
        "correction", "clarification", "exclusive", "live", "analysis", "opinion",
        "comment", "pictured", "share", "follow", "sign up", "subscribe", "contact",
        "disclaimer", "ps", "faq", "transcript", "ends", "end",
    }
)

#: Common English first names with the gender they usually carry. Used only to
#: reject a ``she said`` antecedent named ``John`` (a gender-unknown name is
#: compatible with any pronoun). Hand-picked frequent US/UK given names.
FIRST_NAMES: dict[str, str] = {
    **{n: "m" for n in """james john robert michael william david richard joseph thomas
        charles christopher daniel matthew anthony mark donald steven paul andrew joshua
        kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
        nicholas eric jonathan stephen larry justin scott brandon benjamin samuel frank
        gregory raymond alexander patrick jack dennis jerry tyler aaron jose adam henry
        nathan douglas zachary peter kyle walter ethan jeremy harold keith christian
        roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe
        jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy
        eugene vincent russell elijah louis bobby philip johnny jim tom mike bill bob
        dave steve tony ben sam nick harry oliver jake boris vladimir sergei dmitry ivan
        olaf emmanuel rishi keir nigel liam callum connor ahmed mohammed muhammad ali
        omar hassan yusuf luis carlos miguel pedro antonio marco giovanni pierre jean-luc
        hans klaus jurgen gary craig kevin phil glen gordon ian colin derek trevor
        barry darren dean lee wayne shaun shane stuart graham neil martin simon declan
        kieran rory owen rhys gareth luke joel jamie""".split()},
    **{n: "f" for n in """mary patricia jennifer linda elizabeth barbara susan jessica
        sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle
        dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia
        kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
        katherine christine debra rachel catherine carolyn janet ruth maria heather diane
        virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
        megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn
        sara janice jean alice madison doris abigail julia judy grace denise amber
        marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
        charlotte rose alexis kayla karine adrienne ursula kamala nikki hillary liz
        theresa nicola priti suella angela giorgia annalena olena yulia natalia svetlana
        irina olga fatima aisha leila sofia lucia chloe zoe ella mia freya sue susie
        debbie kerry wendy holly tracy tracey leanne gemma stacey kirsty jess katie
        kate ellie lucy naomi claire fiona alison allison""".split()},
}
