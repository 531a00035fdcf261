"""Time expressions and quantities in news sentences (helper of ``conflicts``).

Input: one sentence (``str``) and, when known, its article's publication date.
Output: lists of small frozen records that the conflicts stage compares across
outlets:

* :func:`extract_times` -> ``list[TimeExpr]``: absolute dates ("April 25,
  2019", "February 2022", "in June", "in 2008"), relative ones ("later this
  month", "next month", "last week", "yesterday") and weekdays ("on Monday").
  Each carries the event class of the nearest trigger word ("meeting" for
  *meet / summit / travel ...*, "speech" for *said / reported ...*) so that
  only expressions playing the same role are compared.
* :func:`extract_quantities` -> ``list[Quantity]``: numbers with their unit
  ("300,000 casualties", "6,000 attack drones", "two-thirds of its tanks",
  "10-foot") and a qualifier ("at least", "up to", "approaching") that turns
  the number into an interval.
* :func:`compare_times` / :func:`quantities_agree`: the comparison rules.

Relative expressions are resolved against the publication date when there is
one ("later this month" on 2023-09-05 -> 2023-09). When a date is missing they
keep their offset ("next month" -> month +1) and are compared offset to offset:
coverage of one story is published within days, so "this month" and "next
month" name different months from the same vantage point. Modifiers such as
"later", "early" or "the end of" refine a period without changing it, so
"later this month" and "this month" agree.

All word lists (month names, qualifiers, trigger words) are module constants
with a comment on each; the logic does not know any outlet or story.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "TimeExpr",
    "Quantity",
    "extract_times",
    "extract_quantities",
    "compare_times",
    "quantities_agree",
    "parse_date",
    "EVENT_TRIGGERS",
]

# ---------------------------------------------------------------------------
# Word lists (data)
# ---------------------------------------------------------------------------

#: Month names and the abbreviations used by AP, Reuters and British style.
#: Matched case-sensitively (capitalised) so that the verb "may" and the noun
#: "march" are not read as months.
MONTHS: dict[str, int] = {
    "January": 1, "Jan": 1, "February": 2, "Feb": 2, "March": 3, "Mar": 3,
    "April": 4, "Apr": 4, "May": 5, "June": 6, "Jun": 6, "July": 7, "Jul": 7,
    "August": 8, "Aug": 8, "September": 9, "Sept": 9, "Sep": 9, "October": 10,
    "Oct": 10, "November": 11, "Nov": 11, "December": 12, "Dec": 12,
}
#: Full month names only: a bare month ("in June") must be spelled out, an
#: abbreviation alone ("in Jun") is too rare in prose to be worth the noise.
_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("May", "June", "July")]

#: Weekday names (capitalised in news prose).
WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)

#: Deictic words of relative periods and their offset in units from the
#: reference date. "coming" and "past" are left out on purpose: "the past
#: month" and "in the coming weeks" are durations, not points in time.
DEIXIS: dict[str, int] = {"this": 0, "next": 1, "last": -1, "previous": -1}

#: Day-level relative words and their offset in days.
DAY_WORDS: dict[str, int] = {"yesterday": -1, "today": 0, "tomorrow": 1}

#: Prepositions that make a bare month name or a bare year a time expression
#: ("in June", "since 2014"); without one, "June" may be a person and "2008"
#: a quantity.
_TIME_PREPOSITIONS = (
    "in", "since", "by", "until", "till", "from", "during", "through", "before",
    "after", "early", "late", "mid", "last", "next", "this", "of", "to",
)

#: Trigger words (Snowball stems) that tell which event a time expression
#: dates, in four classes. A time expression takes the class of the nearest
#: trigger (see :func:`extract_times`); expressions are only compared when
#: their classes match, so the date of a *report* ("The Times reported on
#: Monday") is never compared with the date of the *meeting* it reports.
#: The lists were written from the seed coverage and general news usage.
EVENT_TRIGGERS: dict[str, str] = {
    # meetings, trips and visits: the event most often misdated across outlets
    **dict.fromkeys(
        [
            "meet", "meetings", "meeting", "met", "summit", "talk", "talks", "visit",
            "trip", "travel", "travell", "journey", "rout", "route", "discuss", "host",
            "arriv", "attend", "confer", "conferenc", "session", "negoti", "tour",
            "gather", "reunion", "hold", "held",
        ],
        "meeting",
    ),
    # saying and publishing: when something was said or reported
    **dict.fromkeys(
        [
            "said", "say", "says", "told", "tell", "report", "announc",
            "warn", "estim", "claim", "confirm", "deni", "comment", "interview",
            "speak", "spoke", "wrote", "write", "publish", "releas", "edit",
            "broadcast", "tweet", "testifi", "brief", "respond", "call",
        ],
        "speech",
    ),
    # war and violence
    **dict.fromkeys(
        [
            "invad", "invas", "war", "launch", "attack", "offens", "counteroffens",
            "strike", "fight", "battl", "bomb", "kill", "captur", "retak",
        ],
        "war",
    ),
    # deals, deliveries and votes
    **dict.fromkeys(
        [
            "sign", "agreement", "deal", "sell", "sold", "buy", "bought", "purchas",
            "deliv", "deliveri", "ship", "shipment", "vote", "elect", "ratifi",
        ],
        "deal",
    ),
}

#: Generic "happening" words ("take place", "set", "planned", "expected")
#: are deliberately not triggers: a time expression next to one looks further
#: for a real trigger ("a meeting set to take place next month" dates the
#: meeting).

#: A trigger after the time expression counts this many words farther away
#: than one before it: English adverbials of time usually follow the verb or
#: noun they date ("travel to Russia later this month").
_FOLLOWING_PENALTY = 2
#: Triggers farther than this many words away are ignored (about one clause).
_TRIGGER_WINDOW = 10

#: Qualifiers that turn a number into an interval (see :class:`Quantity`).
#: "lower": the number is a floor; "upper": a ceiling; "near": just below it;
#: "approx": a rounded value either side.
QUALIFIERS: dict[str, str] = {
    "at least": "lower", "more than": "lower", "over": "lower", "upwards of": "lower",
    "in excess of": "lower", "above": "lower", "just over": "lower", "no fewer than": "lower",
    "up to": "upper", "as many as": "upper", "as much as": "upper", "no more than": "upper",
    "fewer than": "upper", "less than": "upper", "under": "upper", "below": "upper",
    "just under": "upper", "nearly": "near", "almost": "near", "approaching": "near",
    "close to": "near", "about": "approx", "around": "approx", "roughly": "approx",
    "approximately": "approx", "some": "approx", "an estimated": "approx", "estimated": "approx",
}
#: Width of the "approx" and "near" bands: a number stated with two
#: significant figures ("about 300,000") covers the values that round to it,
#: at most +/-10 % of the value for leading digits >= 1.
APPROX_BAND = 0.10

#: Number words. "one" is left out because it is usually a pronoun ("one of",
#: "at one point"); "a dozen" is kept because outlets do round to it.
NUMBER_WORDS: dict[str, float] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "a hundred": 100,
    "a thousand": 1000,
}
#: Scale words after a number ("1.5 million").
SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
}
#: Fractions written as words; they are shares of what follows "of".
FRACTIONS: dict[str, float] = {
    "half": 1 / 2, "a half": 1 / 2, "one half": 1 / 2, "a third": 1 / 3, "one third": 1 / 3,
    "two thirds": 2 / 3, "a quarter": 1 / 4, "one quarter": 1 / 4, "three quarters": 3 / 4,
    "a fifth": 1 / 5, "one fifth": 1 / 5, "two fifths": 2 / 5, "three fifths": 3 / 5,
    "four fifths": 4 / 5, "a tenth": 1 / 10, "one tenth": 1 / 10,
}
#: Currency symbols and their unit names.
CURRENCIES: dict[str, str] = {"$": "usd", "£": "gbp", "€": "eur"}
#: Irregular plurals of unit nouns that the Snowball stemmer leaves apart.
IRREGULAR_UNITS: dict[str, str] = {
    "feet": "foot", "people": "person", "men": "man", "women": "woman",
    "children": "child", "mice": "mouse", "teeth": "tooth", "geese": "goose",
}
#: Function words that cannot be a unit; unit search stops or skips on them.
#: The shared stop-word list (``newslib/data/stop_words.txt``) is added to
#: these at first use, see :func:`_non_units`.
_NON_UNITS_BASE = frozenset(
    """a an the of its their his her our your my this that these those which who whom
    whose what and or but nor so as than then to in on at by for from with into onto
    over under about around between among per via is are was were be been being has
    have had do does did will would shall should can could may might must not no
    many much more most some any all each every both few several such own same other
    another it they them he she we you i us him me there here up down out off
    just only also even very too almost nearly roughly approximately
    later earlier soon ago near within toward towards outside inside across
    after before during since until last next yesterday today tomorrow tonight""".split()
)
#: Copulas after which the unit follows ("120,000 are deaths").
_COPULAS = frozenset({"is", "are", "was", "were"})


@lru_cache(maxsize=1)
def _non_units() -> frozenset[str]:
    from newslib.normalize import stop_words

    return _NON_UNITS_BASE | stop_words()

# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeExpr:
    """One time expression of a sentence.

    Attributes:
        text: the expression as written ("later this month").
        start: character offset in the sentence.
        end: character offset after the expression.
        unit: granularity: "day", "week", "month" or "year".
        offset: units from the reference date for relative expressions
            (next month -> 1), ``None`` for absolute ones.
        year: calendar year, written or resolved, else ``None``.
        month: month 1-12, written or resolved, else ``None``.
        day: day of month, written or resolved, else ``None``.
        week: ISO ``(year, week)`` of a resolved relative week.
        weekday: weekday name in lower case ("monday"), else ``None``.
        event: event class of the nearest trigger word ("meeting", "speech",
            "war", "deal") or "" when there is none in reach.
        quoted: True when the expression lies inside quotation marks: it
            belongs to what a speaker said, not to the outlet's narration,
            and is only compared with other quoted expressions.
    """

    text: str
    start: int
    end: int
    unit: str
    offset: int | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    week: tuple[int, int] | None = None
    weekday: str | None = None
    event: str = ""
    quoted: bool = False

    @property
    def resolved(self) -> bool:
        """True when the expression points at calendar values."""
        return self.year is not None or self.month is not None or self.week is not None

    @property
    def reading(self) -> str:
        """The normalised value, for display ("2023-09", "month +1", "monday")."""
        if self.week is not None:
            return f"{self.week[0]}-W{self.week[1]:02d}"
        if self.year is not None or self.month is not None:
            parts = [
                f"{self.year:04d}" if self.year is not None else "????",
                f"{self.month:02d}" if self.month is not None else None,
                f"{self.day:02d}" if self.day is not None else None,
            ]
            return "-".join(p for p in parts if p is not None)
        if self.weekday is not None:
            return self.weekday
        if self.offset is not None:
            return f"{self.unit} {self.offset:+d}"
        return self.text.lower()


@dataclass(frozen=True)
class Quantity:
    """One number with its unit.

    Attributes:
        text: the number as written, with its qualifier ("approaching 300,000").
        start: character offset in the sentence.
        end: character offset after the number (and its scale word).
        value: the number (a share in 0-1 for fractions and percentages).
        unit: comparison key: a stemmed noun ("casualti", "drone"), "usd" for
            dollars, or "share:<noun>" for fractions and percentages.
        unit_text: the unit as written ("attack drones").
        qualifier: "", or a key of :data:`QUALIFIERS`.
    """

    text: str
    start: int
    end: int
    value: float
    unit: str
    unit_text: str
    qualifier: str = ""

    def interval(self, tolerance: float) -> tuple[float, float]:
        """The values this statement allows, given a relative ``tolerance``."""
        v = self.value
        kind = QUALIFIERS.get(self.qualifier, "")
        if kind == "lower":
            return v * (1 - tolerance), float("inf")
        if kind == "upper":
            return 0.0, v * (1 + tolerance)
        if kind == "near":
            return v * (1 - APPROX_BAND), v * (1 + tolerance)
        if kind == "approx":
            return v * (1 - APPROX_BAND), v * (1 + APPROX_BAND)
        return v * (1 - tolerance), v * (1 + tolerance)

    @property
    def reading(self) -> str:
        """Normalised value and unit for display ("300000 casualti")."""
        value = f"{self.value:.4g}" if self.unit.startswith("share:") else f"{self.value:,.10g}"
        return f"{value} {self.unit}"


# ---------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL_MONTH_ALT = "|".join(sorted(_FULL_MONTHS, key=len, reverse=True))
_YEAR = r"(?:1[89]|20)\d{2}"

_ISO_DATE = re.compile(rf"\b(?P<year>{_YEAR})-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-3]\d)\b")
_MONTH_DAY = re.compile(
    rf"\b(?P<mon>{_MONTH_ALT})\.?\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<year>{_YEAR})\b)?"
)
_DAY_MONTH = re.compile(
    rf"\b(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_ALT})\b\.?"
    rf"(?:,?\s+(?P<year>{_YEAR})\b)?"
)
_MONTH_YEAR = re.compile(rf"\b(?P<mon>{_MONTH_ALT})\.?,?\s+(?P<year>{_YEAR})\b")
_BARE_MONTH = re.compile(
    r"(?i:\b(?P<prep>" + "|".join(_TIME_PREPOSITIONS) + r"))[\s-]+"
    rf"(?P<mon>{_FULL_MONTH_ALT})\b"
)
_BARE_YEAR = re.compile(
    r"(?i:\b(?P<prep>" + "|".join(_TIME_PREPOSITIONS) + rf"))\s+(?P<year>{_YEAR})\b(?![,.]?\d)"
)
_RELATIVE = re.compile(
    r"(?i)\b(?:(?:early|earlier|late|later|mid|(?:the\s+)?(?:end|start|beginning|middle)\s+of)"
    r"[\s-]+)?(?P<deixis>" + "|".join(DEIXIS) + r")\s+(?P<unit>week|weekend|month|year)\b"
)
_DAY_WORD = re.compile(r"(?i)\b(?P<word>" + "|".join(DAY_WORDS) + r")\b")
_WEEKDAY = re.compile(
    r"\b(?:(?i:(?P<mod>last|next|this))\s+)?(?P<wd>" + "|".join(WEEKDAYS) + r")(?:['’]s)?\b"
)

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")

#: Two scans that tell which families of the patterns above can match at all
#: (most sentences need none or one of them): capitalised month and weekday
#: names and years on the text as written, relative words on the lower-cased
#: text (faster than a case-insensitive pattern).
_ANCHOR_CASED = re.compile(
    rf"\b(?:{_YEAR}|" + "|".join(sorted([*MONTHS, *WEEKDAYS], key=len, reverse=True)) + r")\b"
)
_ANCHOR_LOWER = re.compile(
    r"\b(?:(?:" + "|".join(DEIXIS) + r")\s+(?:week|weekend|month|year)|" + "|".join(DAY_WORDS) + r")\b"
)


def _anchor_kinds(sentence: str) -> set[str]:
    """Which families of patterns (year, mon, wd, rel, day) can match."""
    kinds: set[str] = set()
    for tok in _ANCHOR_CASED.findall(sentence):
        kinds.add("year" if tok[0].isdigit() else ("wd" if tok in WEEKDAYS else "mon"))
    for tok in _ANCHOR_LOWER.findall(sentence.lower()):
        kinds.add("day" if tok in DAY_WORDS else "rel")
    return kinds


_NUMBER = re.compile(
    r"(?<![\w.,/-])(?P<cur>[$£€])?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn)\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per\s?cent)\b)?"
)
_FRACTION = re.compile(
    r"(?i)\b(?P<frac>" + "|".join(sorted((k.replace(" ", r"[\s-]") for k in FRACTIONS), key=len, reverse=True))
    + r")\b"
)
_NUMBER_WORD = re.compile(
    r"(?i)\b(?P<num>" + "|".join(sorted((k.replace(" ", r"\s") for k in NUMBER_WORDS), key=len, reverse=True))
    + r")(?:\s(?P<scale>thousand|million|billion|trillion))?\b(?![-\s](?:thirds?|quarters?|fifths?|halves|tenths?)\b)"
)
_QUALIFIER_BEFORE = re.compile(
    r"(?i)\b(?P<q>" + "|".join(sorted((re.escape(k) for k in QUALIFIERS), key=len, reverse=True)) + r")\s+$"
)
_DIGIT = re.compile(r"\d")
_LOWER_WORD = re.compile(r"[a-z]+")
#: Words whose presence makes the fraction / number-word scans worth running.
_FRACTION_WORDS = frozenset(w for k in FRACTIONS for w in k.split() if w not in ("a", "one") and w not in NUMBER_WORDS)
_NUMBER_FIRST_WORDS = frozenset(k.split()[-1] for k in NUMBER_WORDS)


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------


def parse_date(value: object) -> dt.date | None:
    """Read a publication date ("2023-09-05", a datetime, "") or return None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _nearest_year(month: int, reference: dt.date) -> int:
    """Year that puts ``month`` closest to the reference (within six months)."""
    best = min(
        (reference.year - 1, reference.year, reference.year + 1),
        key=lambda y: abs((y * 12 + month) - (reference.year * 12 + reference.month)),
    )
    return best


@lru_cache(maxsize=1)
def _stem_function():  # type: ignore[no-untyped-def]
    from newslib.normalize import stem

    return stem


def _stem(word: str) -> str:
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    return _stem_function()(lower)


@lru_cache(maxsize=65_536)
def _trigger(word: str) -> str:
    """Event class of one word ("travel" -> "meeting"), or ""."""
    return EVENT_TRIGGERS.get(_stem(word), "")


def _event_class(start: int, end: int, words: list[re.Match[str]]) -> str:
    """Event class of the trigger word nearest to the span ``start:end``.

    ``words`` holds only the words on the same side of a quotation mark as
    the expression, so a date inside a quote takes its class from the quote.
    """
    before = [w for w in words if w.end() <= start]
    after = [w for w in words if w.start() >= end]
    best: tuple[int, str] | None = None
    for distance, word in enumerate(reversed(before[-_TRIGGER_WINDOW:]), start=1):
        cls = _trigger(word.group(0))
        if cls and (best is None or distance < best[0]):
            best = (distance, cls)
            break
    for distance, word in enumerate(after[:_TRIGGER_WINDOW], start=1 + _FOLLOWING_PENALTY):
        cls = _trigger(word.group(0))
        if cls:
            if best is None or distance < best[0]:
                best = (distance, cls)
            break
    return best[1] if best else ""


def extract_times(sentence: str, published: object = None) -> list[TimeExpr]:
    """Find the time expressions of one sentence.

    Args:
        sentence: one sentence of article text.
        published: the article's publication date (ISO string, date or
            ``None``); relative expressions are resolved against it.

    Returns:
        The expressions in text order. Overlapping matches keep the most
        specific pattern (a full date wins over its month).

    Examples:
        >>> [t.reading for t in extract_times("Kim will travel later this month.", "2023-09-05")]
        ['2023-09']
        >>> [t.reading for t in extract_times("A meeting set to take place next month.")]
        ['month +1']
    """
    kinds = _anchor_kinds(sentence)
    if not kinds:
        return []
    ref = parse_date(published)
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(match: re.Match[str], expr: dict[str, object], group_start: int | None = None) -> None:
        start = match.start() if group_start is None else group_start
        if not free(start, match.end()):
            return
        taken.append((start, match.end()))
        found.append(TimeExpr(text=sentence[start : match.end()], start=start, end=match.end(), **expr))  # type: ignore[arg-type]

    for m in _ISO_DATE.finditer(sentence) if "year" in kinds else ():
        try:
            dt.date(int(m["year"]), int(m["mon"]), int(m["day"]))
        except ValueError:
            continue
        add(m, dict(unit="day", year=int(m["year"]), month=int(m["mon"]), day=int(m["day"])))
    for pattern in (_MONTH_DAY, _DAY_MONTH) if "mon" in kinds else ():
        for m in pattern.finditer(sentence):
            month = MONTHS[m["mon"]]
            year = int(m["year"]) if m["year"] else (_nearest_year(month, ref) if ref else None)
            add(m, dict(unit="day", year=year, month=month, day=int(m["day"])))
    for m in _MONTH_YEAR.finditer(sentence) if "mon" in kinds else ():
        add(m, dict(unit="month", year=int(m["year"]), month=MONTHS[m["mon"]]))
    for m in _RELATIVE.finditer(sentence) if "rel" in kinds else ():
        unit = "week" if m["unit"].lower() == "weekend" else m["unit"].lower()
        offset = DEIXIS[m["deixis"].lower()]
        expr: dict[str, object] = dict(unit=unit, offset=offset)
        if ref is not None:
            if unit == "month":
                expr["year"], expr["month"] = _shift_month(ref.year, ref.month, offset)
            elif unit == "year":
                expr["year"] = ref.year + offset
            else:
                iso = (ref + dt.timedelta(weeks=offset)).isocalendar()
                expr["week"] = (iso[0], iso[1])
        add(m, expr)
    for m in _BARE_MONTH.finditer(sentence) if "mon" in kinds else ():
        month = MONTHS[m["mon"]]
        prep = m["prep"].lower()
        year = None
        if ref is not None:
            if prep == "last":
                year = ref.year if month < ref.month else ref.year - 1
            elif prep == "next":
                year = ref.year if month > ref.month else ref.year + 1
            else:
                year = _nearest_year(month, ref)
        start = m.start("mon") if prep in ("in", "since", "by", "until", "till", "from", "during",
                                             "through", "before", "after", "of", "to") else m.start()
        add(m, dict(unit="month", year=year, month=month), group_start=start)
    for m in _BARE_YEAR.finditer(sentence) if "year" in kinds else ():
        add(m, dict(unit="year", year=int(m["year"])), group_start=m.start("year"))
    for m in _DAY_WORD.finditer(sentence) if "day" in kinds else ():
        offset = DAY_WORDS[m["word"].lower()]
        expr = dict(unit="day", offset=offset)
        if ref is not None:
            day = ref + dt.timedelta(days=offset)
            expr.update(year=day.year, month=day.month, day=day.day)
        add(m, expr)
    for m in _WEEKDAY.finditer(sentence) if "wd" in kinds else ():
        add(m, dict(unit="day", weekday=m["wd"].lower()))

    if not found:
        return []
    from newslib.framing import quote_spans

    spans = quote_spans(sentence)

    def quoted(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in spans)

    words = list(_WORD.finditer(sentence))
    sides = [quoted(w.start(), w.end()) for w in words] if spans else [False] * len(words)
    out = []
    for expr in sorted(found, key=lambda t: t.start):
        inside = quoted(expr.start, expr.end) if spans else False
        same_side = [w for w, side in zip(words, sides) if side == inside] if spans else words
        cls = _event_class(expr.start, expr.end, same_side)
        out.append(dataclasses.replace(expr, event=cls, quoted=inside))
    return out


def _calendar_relation(a: TimeExpr, b: TimeExpr) -> tuple[bool, int] | None:
    """Compare the calendar values (written or resolved) of two expressions."""
    if a.week is not None or b.week is not None:
        if a.week is not None and b.week is not None:
            gap = abs(
                (dt.date.fromisocalendar(a.week[0], a.week[1], 1)
                 - dt.date.fromisocalendar(b.week[0], b.week[1], 1)).days
            ) // 7
            return gap == 0, gap
        return None
    if a.year is not None and b.year is not None and a.month is not None and b.month is not None:
        if a.day is not None and b.day is not None:
            gap = abs((dt.date(a.year, a.month, a.day) - dt.date(b.year, b.month, b.day)).days)
            return gap == 0, gap
        gap = abs((a.year * 12 + a.month) - (b.year * 12 + b.month))
        return gap == 0, gap
    if a.month is not None and b.month is not None:
        if a.day is not None and b.day is not None and a.month == b.month:
            gap = abs(a.day - b.day)
            return gap == 0, gap
        gap = min((a.month - b.month) % 12, (b.month - a.month) % 12)
        return gap == 0, gap
    if a.year is not None and b.year is not None:
        gap = abs(a.year - b.year)
        return gap == 0, gap
    return None


def compare_times(a: TimeExpr, b: TimeExpr) -> tuple[bool, int] | None:
    """Whether two time expressions name the same time.

    Args:
        a: one expression.
        b: another expression (usually from another outlet).

    Returns:
        ``None`` when the two cannot be compared (different kinds of value, or
        a relative expression without a date against an absolute one);
        otherwise ``(same, gap)`` where ``gap`` is the distance in the finest
        unit both share (days, weeks, months or years).

    Two readings are tried: the calendar one (parts written or resolved from
    the publication date, compared on the parts both have) and the relative
    one (same unit, compared by offset). The expressions agree when **any**
    reading agrees: "this month" in an article of 31 August and "this month"
    in one of 1 September resolve to different months, but both outlets wrote
    the same thing from their own day, which is no disagreement. Weekdays
    compare by name only (which week is rarely clear), and weeks only with
    weeks.
    """
    if (a.unit == "week") != (b.unit == "week"):
        return None
    if a.weekday is not None or b.weekday is not None:
        if a.weekday is not None and b.weekday is not None:
            ia, ib = WEEKDAYS.index(a.weekday.title()), WEEKDAYS.index(b.weekday.title())
            gap = min((ia - ib) % 7, (ib - ia) % 7)
            return gap == 0, gap
        return None
    readings = []
    calendar = _calendar_relation(a, b)
    if calendar is not None:
        readings.append(calendar)
    if a.offset is not None and b.offset is not None and a.unit == b.unit:
        readings.append((a.offset == b.offset, abs(a.offset - b.offset)))
    if not readings:
        return None
    if any(same for same, _ in readings):
        return True, 0
    return False, min(gap for _, gap in readings)


# ---------------------------------------------------------------------------
# Quantities
# ---------------------------------------------------------------------------


def _unit_key(word: str) -> str:
    from newslib.normalize import fold_spelling

    lower = word.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    lower = IRREGULAR_UNITS.get(lower, lower)
    return _stem(fold_spelling(lower))


#: How far (characters) the unit of a number is looked for: 8 words of news
#: prose are under 80 characters; 120 leaves room for long words.
_UNIT_REACH = 120
_HYPHEN_UNIT = re.compile(r"-([A-Za-z]+)")
_AFTER_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|[^\sA-Za-z]")
_BEFORE_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|[,;:()]")


def _looks_plural(word: str) -> bool:
    """A counted noun in the plural ("dams", "factories"), not "gas" or "status"."""
    low = word.lower()
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _unit_after(sentence: str, pos: int, *, share: bool) -> tuple[str, str]:
    """Head noun of the phrase after ``pos`` (skipping "of the" for shares)."""
    rest = sentence[pos : pos + _UNIT_REACH]
    hyphen = _HYPHEN_UNIT.match(rest)
    if hyphen and not share:  # "10-foot", "5-year"
        return _unit_key(hyphen.group(1)), hyphen.group(1)
    tokens = _AFTER_TOKEN.findall(rest)
    i = 0
    if share:
        if i < len(tokens) and tokens[i].lower() == "of":
            i += 1
            while i < len(tokens) and tokens[i].lower() in _non_units():
                i += 1
        else:
            return "", ""
    elif i < len(tokens) and tokens[i].lower() in _COPULAS:
        i += 1
        while i < len(tokens) and tokens[i].lower() in _non_units():
            i += 1
    run: list[str] = []
    while i < len(tokens) and len(run) < 3:
        tok = tokens[i]
        if not tok[0].isalpha() or tok.lower() in _non_units():
            break
        run.append(tok)
        i += 1
        if _looks_plural(tok):
            break  # the head noun: "344 local dams later this month", "three factories increased"
    if not run:
        return "", ""
    return _unit_key(run[-1]), " ".join(run)


def _unit_before(sentence: str, pos: int) -> tuple[str, str]:
    """Nearest noun-like word before ``pos`` in the clause, within 8 words.

    ("casualties are approaching 300,000"; 8 words reach back over "may be
    as many as" and a place name.)"""
    start = max(0, pos - _UNIT_REACH)
    matches = list(_BEFORE_TOKEN.finditer(sentence, start, pos))
    first_word = _BEFORE_TOKEN.search(sentence)
    first = first_word.start() if first_word else 0
    for m in reversed(matches[-8:]):
        tok = m.group(0)
        if not tok[0].isalpha():
            break
        lower = tok.lower()
        # skip function words, qualifiers, verb forms and names in mid-sentence
        # ("casualties in Ukraine are approaching 300,000" counts casualties)
        if (
            lower in _non_units() or lower in QUALIFIERS or lower.endswith(("ing", "ed"))
            or (tok[0].isupper() and m.start() > first)
        ):
            continue
        return _unit_key(tok), tok
    return "", ""


def extract_quantities(sentence: str, *, skip: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Find the numbers of one sentence with their units and qualifiers.

    Args:
        sentence: one sentence of article text.
        skip: character spans to ignore (for example the time expressions of
            the same sentence, so "April 25, 2019" is not read as a number).

    Returns:
        The quantities in text order. Numbers with no recognisable unit and
        bare years (1800-2099 without a comma) are left out: they cannot be
        compared safely.

    Examples:
        >>> [q.reading for q in extract_quantities("Russia plans to build over 6,000 attack drones.")]
        ['6,000 drone']
    """
    spans = list(skip or [])
    out: list[Quantity] = []
    # which scans can match at all (each costs a pass over the sentence)
    has_digit = _DIGIT.search(sentence) is not None
    words = set(_LOWER_WORD.findall(sentence.lower()))
    has_fraction = not words.isdisjoint(_FRACTION_WORDS)
    has_number_word = not words.isdisjoint(_NUMBER_FIRST_WORDS)
    if not (has_digit or has_fraction or has_number_word):
        return out

    def overlaps(start: int, end: int) -> bool:
        return any(not (end <= s or start >= e) for s, e in spans)

    def qualifier(start: int) -> tuple[str, int]:
        m = _QUALIFIER_BEFORE.search(sentence[max(0, start - 20) : start])
        if not m:
            return "", start
        return m["q"].lower(), start - (len(m.group(0)))

    for m in _NUMBER.finditer(sentence) if has_digit else ():
        if overlaps(m.start(), m.end()):
            continue
        raw = m["num"]
        value = float(raw.replace(",", ""))
        if (
            "," not in raw and "." not in raw and re.fullmatch(_YEAR, raw)
            and not (m["cur"] or m["scale"] or m["pct"])
        ):
            continue  # a year
        if m["scale"]:
            value *= SCALES[m["scale"].lower()]
        if m["pct"]:
            unit, unit_text = _unit_after(sentence, m.end(), share=True)
            unit, value = f"share:{unit}" if unit else "percent", value / 100
            unit_text = unit_text or "percent"
        elif m["cur"]:
            unit, unit_text = CURRENCIES[m["cur"]], m["cur"]
        else:
            unit, unit_text = _unit_after(sentence, m.end(), share=False)
            if not unit:
                unit, unit_text = _unit_before(sentence, m.start())
        if not unit:
            continue
        q, start = qualifier(m.start())
        spans.append((m.start(), m.end()))
        out.append(Quantity(sentence[start : m.end()].strip(), start, m.end(), value, unit, unit_text, q))
    for m in _FRACTION.finditer(sentence) if has_fraction else ():
        if overlaps(m.start(), m.end()):
            continue
        value = FRACTIONS[re.sub(r"[\s-]+", " ", m["frac"].lower())]
        unit, unit_text = _unit_after(sentence, m.end(), share=True)
        if not unit:
            continue
        q, start = qualifier(m.start())
        spans.append((m.start(), m.end()))
        out.append(Quantity(sentence[start : m.end()].strip(), start, m.end(), value, f"share:{unit}", unit_text, q))
    for m in _NUMBER_WORD.finditer(sentence) if has_number_word else ():
        if overlaps(m.start(), m.end()):
            continue
        value = NUMBER_WORDS[re.sub(r"\s+", " ", m["num"].lower())]
        if m["scale"]:
            value *= SCALES[m["scale"].lower()]
        unit, unit_text = _unit_after(sentence, m.end(), share=False)
        if not unit:
            continue
        q, start = qualifier(m.start())
        spans.append((m.start(), m.end()))
        out.append(Quantity(sentence[start : m.end()].strip(), start, m.end(), value, unit, unit_text, q))
    return sorted(out, key=lambda q: q.start)


def quantities_agree(a: Quantity, b: Quantity, *, tolerance: float) -> bool:
    """True when the intervals allowed by ``a`` and ``b`` overlap.

    Args:
        a: one quantity.
        b: another quantity with the same unit.
        tolerance: relative slack on exact numbers (rounding).

    Returns:
        Whether both statements can be true at once ("approaching 300,000" and
        "as many as 320,000" can; "300,000" and "250,000" cannot).
    """
    lo_a, hi_a = a.interval(tolerance)
    lo_b, hi_b = b.interval(tolerance)
    return lo_a <= hi_b and lo_b <= hi_a
