"""Text normalisation shared by the quote, variant and claim stages.

Input: a string of article text (a sentence, a quote, a clause).
Output: the same text in a canonical form, so that differences of house style
between outlets do not look like differences of content:

* :func:`normalize_text` -> ``str``: lower case, straight quote marks, dashes
  as ``" - "``, dotted acronyms closed up (``U.S.`` -> ``usa``), hyphenated
  compounds either joined (``anti-tank`` -> ``antitank``) or opened
  (``Jong-un`` -> ``jong un``), British spellings folded to American
  (``calibre`` -> ``caliber``), number words turned into digits
  (``two-thirds`` -> ``2/3``, ``six thousand`` -> ``6000``) and thousands
  separators dropped (``120,000`` -> ``120000``). Punctuation is kept unless
  ``keep_punctuation=False``.
* :func:`fold_spelling` -> ``str``: one lower-case word, British -> American.
* :func:`word_tokens` -> ``list[str]``: the words of the normalised text.
* :func:`content_tokens` -> ``list[str]``: normalised words without stop words,
  Snowball-stemmed: what the claim stage compares.

The word lists are data: ``newslib/data/spelling_variants.csv`` (British ->
American pairs, with a note on each) and ``newslib/data/stop_words.txt``.
Everything is pure and cached per process, so it is cheap to call on hundreds
of thousands of sentences.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = [
    "normalize_text",
    "fold_spelling",
    "word_tokens",
    "content_tokens",
    "stem",
    "stop_words",
    "spelling_map",
]

# ---------------------------------------------------------------------------
# Character-level tables
# ---------------------------------------------------------------------------

#: Typographic quote marks and primes -> ASCII. Outlets differ only in house
#: style here (Insider and the Daily Star use curly quotes, Newsweek straight).
_QUOTE_TABLE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u0060": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        # Hyphen look-alikes become a plain hyphen (compound handling below).
        "\u2010": "-", "\u2011": "-", "\u00ad": "",
        # Dashes used as punctuation become a spaced hyphen.
        "\u2012": " - ", "\u2013": " - ", "\u2014": " - ", "\u2015": " - ", "\u2212": " - ",
    }
)

#: First parts of hyphenated compounds that English also writes closed up
#: ("anti-tank" / "antitank", "counter-offensive" / "counteroffensive",
#: "co-operate" / "cooperate", "e-mail" / "email"). Such compounds are joined;
#: every other hyphenated compound is opened into words, because its open form
#: is what other outlets write ("Kim Jong-un" / "Kim Jong Un",
#: "nuclear-powered" / "nuclear powered", "twenty-five" / "twenty five").
JOIN_PREFIXES: frozenset[str] = frozenset(
    {
        "anti", "counter", "co", "non", "pre", "post", "re", "multi", "semi", "sub",
        "inter", "intra", "ultra", "mid", "mega", "micro", "mini", "e", "de", "bi",
        "tri", "over", "under", "cyber", "geo", "hyper", "neo", "pseudo", "trans",
        "extra",
    }
)

#: Acronyms whose dot-less lower-case form is an English stop word; they are
#: given an unambiguous spelling before lower-casing (only when written in
#: capitals), so "U.S. officials" and "US officials" keep the country.
_ACRONYM_REWRITES: dict[str, str] = {"US": "USA", "USA": "USA"}

_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}(?![A-Za-z])")
_CAPS_ACRONYM = re.compile(r"\b(" + "|".join(sorted(_ACRONYM_REWRITES, key=len, reverse=True)) + r")\b")
_HYPHEN_COMPOUND = re.compile(r"(?<![\w-])([a-z0-9]+(?:-[a-z0-9]+)+)(?![\w-])")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_ALPHA_WORD = re.compile(r"[a-z]+")
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s/.%$]|(?<!\d)\.|\.(?!\d)")
_TOKEN = re.compile(r"\$?\d+(?:[./]\d+)*(?:%|st|nd|rd|th)?|[a-z]+")

# ---------------------------------------------------------------------------
# Number words
# ---------------------------------------------------------------------------

#: Cardinal number words and their values.
_UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES: dict[str, int] = {
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
#: Denominators: "two-thirds" -> 2/3. Only used right after a cardinal, so the
#: ordinal "the third meeting" is left alone (it becomes "3rd", see below).
_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9,
    "ninths": 9, "tenth": 10, "tenths": 10,
}
#: Ordinal words -> "1st", "2nd" ... (outlets write both "third" and "3rd").
_ORDINALS: dict[str, str] = {
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th",
    "sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
    "eleventh": "11th", "twelfth": "12th",
}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS, "hundred", *_SCALES], key=len, reverse=True))
_NUMBER_RUN = re.compile(
    r"\b(?:(?:\d+(?:\.\d+)?)|(?:" + _NUMBER_WORD + r"))"
    r"(?:\s+(?:and\s+)?(?:" + _NUMBER_WORD + r"))*"
    r"(?:\s+(?:" + "|".join(sorted(_DENOMINATORS, key=len, reverse=True)) + r"))?\b"
)
_ORDINAL_WORD = re.compile(r"\b(" + "|".join(_ORDINALS) + r")\b")
_ORDINAL_SET = frozenset(_ORDINALS)
#: Words that start a number run (cardinals) or turn a digit into one (scales).
_NUMBER_WORDS = frozenset([*_UNITS, *_TENS, "hundred", *_SCALES])
_SCALE_WORDS = frozenset(["hundred", *_SCALES])
_DIGIT = re.compile(r"\d")


def _number_value(words: list[str]) -> float | None:
    """Value of a run of number words ("six thousand", "1.5 million")."""
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if word == "and":
            continue
        if word in _UNITS or word in _TENS:
            current += _UNITS.get(word, _TENS.get(word, 0))
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            try:
                current += float(word)
            except ValueError:
                return None
        seen = True
    return total + current if seen else None


def _format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _replace_number_run(match: re.Match[str]) -> str:
    words = match.group(0).split()
    denominator = _DENOMINATORS.get(words[-1]) if len(words) > 1 else None
    if denominator is not None:
        words = words[:-1]
    if len(words) == 1 and words[0][0].isdigit() and denominator is None:
        return match.group(0)  # a plain number: nothing to do
    value = _number_value(words)
    if value is None:
        return match.group(0)
    if denominator is not None:
        return f"{_format_number(value)}/{denominator}"
    return _format_number(value)


# ---------------------------------------------------------------------------
# Data tables
# ---------------------------------------------------------------------------


def _inflect(word: str, suffix: str) -> str:
    """Attach ``suffix`` the way English spelling does for regular words."""
    if suffix == "s":
        return word + "s"
    if word.endswith("e"):
        return word + suffix[1:] if suffix[0] == "e" else word[:-1] + suffix
    return word + suffix


#: Suffixes applied in parallel to both spellings of a pair, so that one row
#: ("organise,organize") also folds organised, organising, organisations ...
_PARALLEL_SUFFIXES: tuple[str, ...] = (
    "s", "ed", "ing", "er", "ers", "ation", "ations", "ational", "able", "ably",
)


@lru_cache(maxsize=1)
def spelling_map() -> dict[str, str]:
    """British -> American word map, with regular inflections added.

    Read from ``newslib/data/spelling_variants.csv`` (columns british,
    american, note); each pair is also inflected in parallel with the
    suffixes in :data:`_PARALLEL_SUFFIXES`.

    Returns:
        A dict from lower-case British form to lower-case American form.
    """
    text = resources.files("newslib.data").joinpath("spelling_variants.csv").read_text("utf-8")
    pairs = [
        (row["british"].strip().lower(), row["american"].strip().lower())
        for row in csv.DictReader(text.splitlines())
        if row.get("british") and row.get("american")
    ]
    mapping: dict[str, str] = {}
    explicit = {british for british, _ in pairs}
    for british, american in pairs:
        for suffix in _PARALLEL_SUFFIXES:
            b_form, a_form = _inflect(british, suffix), _inflect(american, suffix)
            # never generate a form that folds onto a listed British word
            # ("toward" + s would point at "towards")
            if b_form != a_form and a_form not in explicit:
                mapping.setdefault(b_form, a_form)
    for british, american in pairs:  # explicit rows win over generated forms
        mapping[british] = american
    return mapping


@lru_cache(maxsize=1)
def _british_words() -> frozenset[str]:
    return frozenset(spelling_map())


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The stop-word list from ``newslib/data/stop_words.txt`` (see its header)."""
    text = resources.files("newslib.data").joinpath("stop_words.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball (Porter 2) stem of one lower-case word, cached."""
    return _stemmer().stem(word)


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------


def fold_spelling(word: str) -> str:
    """Fold one British spelling to its American form.

    Args:
        word: a single word, any case.

    Returns:
        The American spelling in lower case (``"Calibre"`` -> ``"caliber"``),
        or the lower-cased word when it has no listed variant.
    """
    lower = word.lower()
    return spelling_map().get(lower, lower)


def _fold_match(match: re.Match[str]) -> str:
    return spelling_map().get(match.group(0), match.group(0))


def _fix_compound(match: re.Match[str]) -> str:
    parts = match.group(0).split("-")
    out = [parts[0]]
    for part in parts[1:]:
        previous = out[-1]
        if previous.isalpha() and part.isalpha() and previous in JOIN_PREFIXES:
            out[-1] = previous + part
        else:
            out.append(part)
    return " ".join(out)


def _close_acronym(match: re.Match[str]) -> str:
    return match.group(0).replace(".", "")


@lru_cache(maxsize=65_536)
def normalize_text(text: str, *, keep_punctuation: bool = True) -> str:
    """Put a piece of article text into canonical form for comparison.

    Args:
        text: any article text.
        keep_punctuation: when False, punctuation other than the decimal
            point, ``/`` of fractions, ``%`` and ``$`` is replaced by spaces.

    Returns:
        The normalised text (see the module docstring for every step), with
        runs of white space collapsed to one space.

    Examples:
        >>> normalize_text("Putin wants \u201cartillery shells and anti-tank missiles\u201d")
        'putin wants "artillery shells and antitank missiles"'
        >>> normalize_text("The calibre of two-thirds of U.S. tanks")
        'the caliber of 2/3 of usa tanks'
    """
    # Every step is gated by a cheap test so that the common sentence (ASCII,
    # no hyphen, no number word) costs a handful of C-level string scans: the
    # claim stage normalises every sentence of the corpus.
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_QUOTE_TABLE)
    if text.count(".") > 1:
        text = _DOTTED_ACRONYM.sub(_close_acronym, text)
    if "US" in text:
        text = _CAPS_ACRONYM.sub(lambda m: _ACRONYM_REWRITES[m.group(1)], text)
    text = text.lower()
    if "-" in text:
        text = _HYPHEN_COMPOUND.sub(_fix_compound, text)
    words = set(_ALPHA_WORD.findall(text))
    if not _british_words().isdisjoint(words):
        text = _ALPHA_WORD.sub(_fold_match, text)
    has_digit = _DIGIT.search(text) is not None
    if has_digit and "," in text:
        text = _THOUSANDS.sub("", text)
    if not _NUMBER_WORDS.isdisjoint(words) or (has_digit and not _SCALE_WORDS.isdisjoint(words)):
        text = _NUMBER_RUN.sub(_replace_number_run, text)
    if not _ORDINAL_SET.isdisjoint(words):
        text = _ORDINAL_WORD.sub(lambda m: _ORDINALS[m.group(1)], text)
    if not keep_punctuation:
        text = _PUNCT.sub(" ", text)
    return " ".join(text.split())


def word_tokens(text: str) -> list[str]:
    """Words and numbers of the normalised text, stop words kept, not stemmed.

    Args:
        text: any article text.

    Returns:
        Tokens such as ``["putin", "wants", "2/3", "of", "the", "antitank"]``.
        Possessive endings are split off and dropped (``russia's`` -> ``russia``).
    """
    return [tok for tok in _TOKEN.findall(normalize_text(text)) if tok != "s"]


def content_tokens(text: str) -> list[str]:
    """Stemmed content words of a text: what claim alignment compares.

    Args:
        text: any article text.

    Returns:
        Normalised tokens with stop words and one-letter words removed, then
        Snowball-stemmed, in text order (duplicates kept). Numbers are kept.

    Examples:
        >>> content_tokens("Moscow is seeking to buy anti-tank missiles")
        ['moscow', 'seek', 'buy', 'antitank', 'missil']
    """
    stops = stop_words()
    out: list[str] = []
    for tok in _TOKEN.findall(normalize_text(text)):
        if tok[0].isalpha():
            if len(tok) < 2 or tok in stops:
                continue
            out.append(stem(tok))
        else:
            out.append(tok)
    return out
