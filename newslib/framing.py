"""How outlets frame a story: loaded terms, sentiment and headlines (``framing`` stage).

Input: the ``articles`` table (``title`` is the headline, ``n_words`` the body
length) and the ``sentences`` table (the body).
Output: :class:`FramingResult` with three tables (columns in the README's
data dictionary):

* ``loaded_terms``: one row per article, location (headline/body), lexicon
  term and inside/outside quotation marks, with its count and the forms seen.
  The lexicon is ``newslib/data/loaded_terms.csv`` (term, category, note,
  match) plus the analyst's own CSV at ``settings.lexicon_path`` (same
  columns; ``match`` may be left out). A term matches words with the same
  Snowball stem ("desperate" counts desperation and desperately) unless its
  ``match`` is ``exact`` (needed for adverbs such as "reportedly", whose stem
  is that of "report"). Multiword terms ("on the ropes") match as a
  sequence; the longest term wins and words are never counted twice. Words
  inside quotation marks count too, flagged ``in_quote``: a loaded word in a
  quote is the speaker's, outside it is the outlet's own voice.
* ``sentiment``: VADER scores (``vaderSentiment``, offline) for each headline
  (``sent_id = f"{article_id}-title"``, ``location = "headline"``) and body
  sentence. Identical texts are scored once. ``settings.sentiment_max_sentences``
  can cap the body sentences scored per article (the first N), see the
  settings comment for the measured cost.
* ``headlines``: one row per article describing what its headline puts
  forward: the actors it names, the loaded terms it uses, the phrases it puts
  in quotation marks, the source it cites ("...: Ret. U.S. General", "A
  retired US general says ..."), its VADER compound score, and the order in
  which these elements appear (``foregrounds``).

Actors are found without a gazetteer: a capitalised headline word is a name
when the article body writes it capitalised in mid-sentence more often than in
lower case ("Putin", "Korea"), which separates names from the Title Case of
headline style ("Retired General Explains Why ..."). Runs of name words form
one actor ("Kim Jong Un"). Titles and ranks (General, President) are not
actors.
"""

from __future__ import annotations

import csv
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple

from newslib.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "FramingResult",
    "LOADED_COLUMNS",
    "SENTIMENT_COLUMNS",
    "HEADLINE_COLUMNS",
    "Term",
    "frame",
    "load_lexicon",
    "match_terms",
    "quote_spans",
    "headline_source",
    "loaded_rates",
]

LOADED_COLUMNS = ["outlet", "article_id", "location", "term", "category", "in_quote", "count", "forms"]
SENTIMENT_COLUMNS = ["sent_id", "article_id", "outlet", "location", "compound", "pos", "neu", "neg"]
HEADLINE_COLUMNS = [
    "article_id", "outlet", "title", "n_words", "actors", "lead_actor", "loaded_terms",
    "n_loaded", "categories", "quoted", "source", "cites_source", "compound", "lead",
    "foregrounds",
]

#: Speech verbs that make a headline cite its source ("A retired US general
#: says ...", "..., Kremlin warns"). Present tense is headline style.
SOURCE_VERBS: tuple[str, ...] = (
    "says", "say", "said", "warns", "warn", "claims", "claim", "explains", "tells",
    "argues", "believes", "insists", "admits", "reveals", "suggests", "predicts",
    "thinks", "confirms", "denies", "reports", "report",
)
#: A cited source is short: more words than this is a clause, not a source
#: (the seed sources are 3 and 4 words long).
SOURCE_MAX_WORDS = 6
#: Title and rank words: never actors on their own ("Retired General").
TITLE_WORDS = frozenset(
    """general gen lt maj col capt sgt adm president vice prime minister secretary
    leader chief director spokesman spokesperson spokeswoman ambassador senator sen
    rep governor gov mayor king queen prince princess pope chancellor premier
    retired ret former mr mrs ms dr sir lord lady""".split()
)

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
#: URLs, e-mail addresses, bare domains with a path, and HTML-like tags:
#: loaded terms found inside them are not counted.
_NOT_PROSE = re.compile(
    r"(?:[a-z][a-z0-9+.-]*:(?://)?\S+)|(?:www\.\S+)|(?:\S+@\S+\.\S+)|(?:\b[\w-]+(?:\.[\w-]+)+/\S*)|<[^<>]{0,500}>",
    re.IGNORECASE,
)
_NOT_PROSE_HINT = re.compile(r"://|www\.|@|<|[a-z]:\S|\.[a-z]{2,}/", re.IGNORECASE)
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*")


class FramingResult(NamedTuple):
    """What :func:`frame` returns."""

    loaded_terms: "pd.DataFrame"
    sentiment: "pd.DataFrame"
    headlines: "pd.DataFrame"


@dataclass(frozen=True)
class Term:
    """One lexicon entry.

    Attributes:
        term: the term as listed ("on the ropes").
        category: its category ("weakness", "hostility" ...).
        note: why it is loaded.
        match: "stem" or "exact".
        key: the word keys it matches, in order (stems or lower-case words).
    """

    term: str
    category: str
    note: str
    match: str
    key: tuple[str, ...]


# ---------------------------------------------------------------------------
# Lexicon
# ---------------------------------------------------------------------------


def _stem(word: str) -> str:
    from newslib.normalize import stem

    return stem(word)  # cached in normalize; callers keep their own dict too


def _term_key(term: str, match: str) -> tuple[str, ...]:
    words = [w.lower().replace("’", "'") for w in re.findall(r"[A-Za-z]+(?:['’][A-Za-z]+)?", term)]
    return tuple(words if match == "exact" else (_stem(w) for w in words))


def _read_lexicon(text: str, source: str) -> list[Term]:
    reader = csv.DictReader(text.splitlines())
    missing = {"term", "category"} - set(reader.fieldnames or ())
    if missing:
        raise ValueError(f"lexicon {source} lacks column(s): {', '.join(sorted(missing))}")
    out = []
    for row in reader:
        term = (row.get("term") or "").strip()
        if not term or term.startswith("#"):
            continue
        match = (row.get("match") or "stem").strip().lower() or "stem"
        if match not in ("stem", "exact"):
            raise ValueError(f"lexicon {source}: match must be 'stem' or 'exact', not {match!r} ({term})")
        key = _term_key(term, match)
        if key:
            out.append(Term(term, (row.get("category") or "").strip(), (row.get("note") or "").strip(), match, key))
    return out


@lru_cache(maxsize=8)
def load_lexicon(path: str | None = None) -> tuple[Term, ...]:
    """The packaged lexicon, extended by the CSV at ``path``.

    Args:
        path: an analyst's CSV with columns term, category (required), note
            and match (optional). Its rows come after the packaged ones; a
            row whose key is already listed replaces the packaged entry, so
            an analyst can also re-categorise a term.

    Returns:
        Lexicon entries, one per distinct key.

    Raises:
        FileNotFoundError: when ``path`` does not exist.
        ValueError: when the CSV lacks the required columns.
    """
    packaged = resources.files("newslib.data").joinpath("loaded_terms.csv").read_text("utf-8")
    terms = _read_lexicon(packaged, "loaded_terms.csv")
    if path:
        terms += _read_lexicon(Path(path).read_text("utf-8"), str(path))
    by_key: dict[tuple[str, tuple[str, ...]], Term] = {}
    for t in terms:
        by_key[(t.match, t.key)] = t
    return tuple(by_key.values())


class _Matcher:
    """Longest-first lexicon matcher over word tokens."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.by_first: dict[tuple[str, str], list[Term]] = defaultdict(list)
        terms_list = list(terms)
        for t in terms_list:
            self.by_first[(t.match, t.key[0])].append(t)
        for entries in self.by_first.values():
            entries.sort(key=lambda t: -len(t.key))
        self._stems: dict[str, str] = {}
        # Every word that can start a match begins with one of these prefixes
        # (a Snowball stem is a prefix of its words except that it may end in
        # "i" for "y", hence the last letter dropped): one regular-expression
        # scan rules out the sentences that hold no loaded term at all.
        prefixes = set()
        for t in terms_list:
            first = re.findall(r"[A-Za-z]+(?:['’][A-Za-z]+)?", t.term)[0].lower()
            prefix = first if t.match == "exact" else os.path.commonprefix([first, t.key[0]])
            if t.match == "stem" and len(prefix) > 3:
                prefix = prefix[:-1]
            prefixes.add(prefix)
        self._prefilter = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, prefixes))) + ")") if prefixes else None

    def may_match(self, lowered: str) -> bool:
        """False when the lower-cased text cannot hold any term."""
        return self._prefilter is not None and self._prefilter.search(lowered) is not None

    def _stem_of(self, word: str) -> str:
        found = self._stems.get(word)
        if found is None:
            found = self._stems[word] = _stem(word)
        return found

    def find(self, text: str, tokens: list[re.Match[str]] | None = None) -> list[tuple[Term, int, int]]:
        """Matches as ``(term, start, end)``; ``tokens`` are ``_WORD`` matches of ``text``."""
        if tokens is None:
            tokens = list(_WORD.finditer(text))
        if not tokens:
            return []
        lowers = [m.group(0).lower().replace("’", "'") for m in tokens]
        stems: list[str | None] = [None] * len(lowers)  # computed on demand
        by_first = self.by_first
        out = []
        i = 0
        n_tokens = len(tokens)
        while i < n_tokens:
            best: Term | None = None
            if stems[i] is None:
                stems[i] = self._stem_of(lowers[i])
            for mode, first in (("stem", stems[i]), ("exact", lowers[i])):
                for term in by_first.get((mode, first), ()):  # type: ignore[arg-type]
                    n = len(term.key)
                    if mode == "stem":
                        for j in range(i, min(i + n, n_tokens)):
                            if stems[j] is None:
                                stems[j] = self._stem_of(lowers[j])
                        keys = tuple(stems[i : i + n])
                    else:
                        keys = tuple(lowers[i : i + n])
                    if keys == term.key and (best is None or n > len(best.key)):
                        best = term
                        break
            if best is None:
                i += 1
                continue
            n = len(best.key)
            out.append((best, tokens[i].start(), tokens[i + n - 1].end()))
            i += n
        if out and _NOT_PROSE_HINT.search(text):
            # Words inside a URL, an e-mail address or markup are not the
            # outlet's language ("evil" in https://evil.example/...).
            spans = [m.span() for m in _NOT_PROSE.finditer(text)]
            out = [hit for hit in out if not any(a <= hit[1] < b for a, b in spans)]
        return out


def match_terms(text: str, *, lexicon: Iterable[Term] | None = None) -> list[tuple[str, str, str]]:
    """Loaded terms of one text.

    Args:
        text: a headline or sentence.
        lexicon: entries to use (default: the packaged lexicon).

    Returns:
        ``(term, category, form as written)`` for each match, in text order.

    Examples:
        >>> match_terms("Putin slammed as 'desperate' over scrambling for help")
        [('slammed', 'hostility', 'slammed'), ('desperate', 'weakness', 'desperate'), ('scrambling', 'weakness', 'scrambling')]
    """
    matcher = _Matcher(lexicon if lexicon is not None else load_lexicon())
    return [(t.term, t.category, text[s:e]) for t, s, e in matcher.find(text)]


# ---------------------------------------------------------------------------
# Quotation marks
# ---------------------------------------------------------------------------

_OPENERS = {"“": "”", "‘": "’", '"': '"', "'": "'", "«": "»", "„": "“"}
_MARK = re.compile("[“”‘’\"'«»„]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` that lie inside quotation marks.

    Curly and straight, double and single marks are read; an apostrophe
    between letters ("Russia's", "It’s") is not a mark. A closing mark with no
    opening one before it means the sentence began inside a quote that an
    earlier sentence opened; an opening mark never closed runs to the end
    (British style leaves a quoted paragraph open).

    Args:
        text: one sentence or headline.

    Returns:
        ``(start, end)`` spans, marks excluded, in text order.

    Examples:
        >>> quote_spans("Putin slammed as ‘desperate’ over help")
        [(18, 27)]
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    n = len(text)
    for mark in _MARK.finditer(text):
        i, ch = mark.start(), mark.group(0)
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch in ("'", "’") and prev.isalnum() and nxt.isalnum():
            continue  # apostrophe inside a word
        if ch in ("'", "’") and prev in "sS" and (nxt.isspace() or nxt in ",.;:") and open_at is None:
            continue  # plural possessive ("the outlets' reports")
        if ch in ("'", "’") and not prev.isspace() and nxt in "sS" and not text[i + 2 : i + 3].isalnum():
            continue  # possessive after a dot or a digit ("the U.K.'s", "the 1990s'")
        starts_word = not prev.isalnum() and not nxt.isspace() and i + 1 < n
        ends_word = not nxt.isalnum()
        if open_at is None:
            closes = ch in ("”", "»") or (ch in ("’", '"', "'") and ends_word and not starts_word and not prev.isspace())
            if closes:
                if not spans:
                    spans.append((0, i))  # began inside an earlier sentence's quote
                continue
            if ch in _OPENERS and starts_word:
                open_at, closer = i + 1, _OPENERS[ch]
            continue
        if ch == closer or (closer in ("”", '"') and ch in ("”", '"')) or (closer in ("’", "'") and ch in ("’", "'")):
            if ends_word or ch in ("”", '"'):
                spans.append((open_at, i))
                open_at = None
    if open_at is not None:
        spans.append((open_at, n))
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# ---------------------------------------------------------------------------
# Headlines
# ---------------------------------------------------------------------------

_VERBS = "|".join(SOURCE_VERBS)
_SOURCE_FIRST = re.compile(rf"^(?P<source>[^,:;]+?)\s+(?i:{_VERBS})\b")
_SOURCE_LAST = re.compile(rf"[,:;]\s*(?:(?P<a>[^,:;]+?)\s+(?i:{_VERBS})|(?i:{_VERBS})\s+(?P<b>[^,:;]+?))\s*[.!]?$")
_SOURCE_COLON = re.compile(r":\s*(?P<source>[^:]+?)\s*[.!]?$")
_ACCORDING = re.compile(r"\baccording to\s+(?P<source>[^,:;]+?)\s*(?:[,:;.]|$)", re.IGNORECASE)


def headline_source(title: str) -> tuple[str, int]:
    """The source a headline cites, and where it starts.

    Args:
        title: a headline.

    Returns:
        ``(source, start offset)``, or ``("", -1)`` when the headline cites
        none. Recognised: "X says/warns ... ", "...: X" (X shorter than
        the part before the colon, which tells it from a topic label such as
        "Ukraine war: ..."), "..., X says", "..., says X" and "according to
        X", with X at most :data:`SOURCE_MAX_WORDS` words.

    Examples:
        >>> headline_source("Desperate Putin 'Scrambling for Help' From Kim Jong Un: Ret. U.S. General")
        ('Ret. U.S. General', 56)
        >>> headline_source("A retired US general says Putin is desperate")
        ('A retired US general', 0)
    """
    title = title.strip()
    # a trailing attribution covers the whole headline, so it goes first
    candidates: list[tuple[str, int]] = []
    m = _SOURCE_LAST.search(title)
    if m:
        group = "a" if m["a"] else "b"
        candidates.append((m[group], m.start(group)))
    m = _SOURCE_COLON.search(title)
    # "...: Ret. U.S. General" cites a source, "Ukraine war: Putin slams West"
    # opens with a topic label: a source tail is shorter than what precedes it
    if m and len(m["source"].split()) < len(title[: m.start()].split()):
        candidates.append((m["source"], m.start("source")))
    m = _SOURCE_FIRST.match(title)
    if m:
        candidates.append((m["source"], m.start("source")))
    m = _ACCORDING.search(title)
    if m:
        candidates.append((m["source"], m.start("source")))
    for source, start in candidates:
        words = source.split()
        if 1 <= len(words) <= SOURCE_MAX_WORDS and not quote_spans(source):
            return source.strip(), start
    return "", -1


class _CaseCounts:
    """How often words are written capitalised in mid-sentence vs in lower case."""

    __slots__ = ("capital", "lower")

    def __init__(self) -> None:
        self.capital: Counter[str] = Counter()
        self.lower: Counter[str] = Counter()

    def add(self, key: str, word: str, index: int) -> None:
        if word[0].isupper():
            if index > 0:  # a sentence's first word is capitalised anyway
                self.capital[key] += 1
        else:
            self.lower[key] += 1

    def verdict(self, key: str) -> bool | None:
        """True: a name; False: a common word; None: never seen in mid-sentence."""
        cap, low = self.capital[key], self.lower[key]
        if cap == 0 and low == 0:
            return None
        return cap > low


def _headline_actors(
    title: str, article: _CaseCounts, corpus: _CaseCounts, skip: tuple[int, int] | None
) -> list[tuple[str, int]]:
    """Name runs of a headline, with their start offsets.

    A word's case in its own article's body decides; a word that body never
    uses is judged by the whole corpus ("Jong" and "Un" when one outlet only
    writes "Kim"); a word unseen everywhere is a name only in a headline that
    is not in Title Case.
    """
    words = _WORD.findall(title)
    title_case = sum(w[0].isupper() for w in words) > 0.6 * max(len(words), 1)
    actors: list[tuple[str, int]] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        if run:
            actors.append((" ".join(m.group(0) for m in run), run[0].start()))
            run.clear()

    for i, m in enumerate(_TITLE_WORD.finditer(title)):
        word = m.group(0).rstrip(".'’").replace("’", "'")
        base = word[:-2] if word.endswith("'s") else word
        key = base.lower()
        inside_skip = skip is not None and skip[0] <= m.start() < skip[1]
        is_name = False
        if not inside_skip and base[:1].isupper() and key not in TITLE_WORDS:
            if len(base) >= 2 and base.replace(".", "").isupper():
                is_name = True  # an acronym: NATO, UN, DPRK
            else:
                verdict = article.verdict(key)
                if verdict is None:
                    verdict = corpus.verdict(key)
                if verdict is None:
                    verdict = i > 0 and not title_case
                is_name = verdict
        if is_name:
            run.append(m)
            if word.endswith("'s"):
                close()
        else:
            close()
    close()
    return actors


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


#: Typographic quote marks -> ASCII before VADER: its tokenizer strips only
#: ASCII punctuation, so "‘desperate’" would not be found in its lexicon and
#: curly-quote house styles (Daily Star, Insider) would score as neutral.
_VADER_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})


@lru_cache(maxsize=1)
def _analyzer():  # type: ignore[no-untyped-def]
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _column(df: "pd.DataFrame | None", name: str) -> list[Any]:
    if df is None or name not in getattr(df, "columns", ()):
        return []
    return df[name].tolist()


def frame(articles: "pd.DataFrame", sentences: "pd.DataFrame", *, settings: Settings | None = None) -> FramingResult:
    """Count loaded terms, score sentiment and describe headlines.

    Args:
        articles: the ``articles`` table (article_id, outlet, title, n_words).
        sentences: the ``sentences`` table (sent_id, article_id, outlet, text,
            position order as given).
        settings: options; uses ``lexicon_path`` and
            ``sentiment_max_sentences``.

    Returns:
        :class:`FramingResult` ``(loaded_terms, sentiment, headlines)``. Both
        inputs may be empty, even without columns.

    Raises:
        FileNotFoundError: when ``settings.lexicon_path`` does not exist.
    """
    import pandas as pd

    settings = settings or Settings()
    matcher = _Matcher(load_lexicon(settings.lexicon_path))
    analyzer = _analyzer()
    scores: dict[str, dict[str, float]] = {}

    def score(text: str) -> dict[str, float]:
        if text not in scores:
            scores[text] = analyzer.polarity_scores(text.translate(_VADER_QUOTES))
        return scores[text]

    counts: Counter[tuple[str, str, str, str, str, bool]] = Counter()
    forms: dict[tuple[str, str, str, str, str, bool], set[str]] = defaultdict(set)

    def count(
        article_id: str, outlet: str, location: str, text: str, tokens: list[re.Match[str]]
    ) -> list[tuple[Term, int, int]]:
        found = matcher.find(text, tokens)
        if found:
            spans = quote_spans(text)
            for term, s, e in found:
                key = (outlet, article_id, location, term.term, term.category, _inside(spans, s, e))
                counts[key] += 1
                forms[key].add(text[s:e].lower())
        return found

    # capitalised headline words, whose case in the body tells names apart
    titles: dict[str, tuple[str, str]] = {}
    title_words: dict[str, frozenset[str]] = {}
    for article_id, outlet, title in zip(
        _column(articles, "article_id"), _column(articles, "outlet"), _column(articles, "title")
    ):
        title = "" if title is None or (isinstance(title, float) and title != title) else str(title).strip()
        if title:
            titles[article_id] = (str(outlet), title)
            title_words[article_id] = frozenset(w.lower() for w in _WORD.findall(title) if w[0].isupper())
    case_article: dict[str, _CaseCounts] = defaultdict(_CaseCounts)

    # body
    sentiment_rows: list[tuple[Any, ...]] = []
    cap = settings.sentiment_max_sentences
    scored_per_article: Counter[str] = Counter()
    for sent_id, article_id, outlet, text in zip(
        _column(sentences, "sent_id"), _column(sentences, "article_id"),
        _column(sentences, "outlet"), _column(sentences, "text"),
    ):
        text = str(text)
        lowered = text.lower()
        wanted = title_words.get(article_id, frozenset())
        tokens: list[re.Match[str]] | None = None
        if any(w in lowered for w in wanted):  # substring test first: cheap
            tokens = list(_WORD.finditer(text))
            for i, m in enumerate(tokens):
                lower = m.group(0).lower()
                if lower in wanted:
                    case_article[article_id].add(lower, m.group(0), i)
        if matcher.may_match(lowered):
            count(article_id, str(outlet), "body", text, tokens or list(_WORD.finditer(text)))
        if cap is None or scored_per_article[article_id] < cap:
            scored_per_article[article_id] += 1
            s = score(text)
            sentiment_rows.append((sent_id, article_id, outlet, "body", s["compound"], s["pos"], s["neu"], s["neg"]))

    # a headline word its own article never uses is judged by the other
    # articles that have it in their headline and body ("Jong", "Un")
    case_corpus = _CaseCounts()
    for counts_of in case_article.values():
        case_corpus.capital.update(counts_of.capital)
        case_corpus.lower.update(counts_of.lower)

    # headlines
    headline_rows: list[dict[str, Any]] = []
    title_sentiment: list[tuple[Any, ...]] = []
    for article_id, (outlet, title) in titles.items():
        found = count(article_id, outlet, "headline", title, list(_WORD.finditer(title)))
        s = score(title)
        title_sentiment.append((f"{article_id}-title", article_id, outlet, "headline",
                                s["compound"], s["pos"], s["neu"], s["neg"]))
        headline_rows.append(_describe_headline(
            article_id, outlet, title, found, s["compound"], case_article.get(article_id), case_corpus
        ))

    loaded = pd.DataFrame(
        [(*key, n, ";".join(sorted(forms[key]))) for key, n in counts.items()], columns=LOADED_COLUMNS
    )
    if len(loaded):
        loaded = loaded.sort_values(["outlet", "article_id", "location", "category", "term", "in_quote"],
                                    kind="stable").reset_index(drop=True)
    loaded["count"] = loaded["count"].astype("int64")
    loaded["in_quote"] = loaded["in_quote"].astype(bool)
    sentiment = pd.DataFrame(title_sentiment + sentiment_rows, columns=SENTIMENT_COLUMNS)
    headlines = pd.DataFrame(headline_rows, columns=HEADLINE_COLUMNS)
    return FramingResult(loaded, sentiment, headlines)


def _describe_headline(
    article_id: str, outlet: str, title: str, found: list[tuple[Term, int, int]], compound: float,
    case_article: "_CaseCounts | None", case_corpus: "_CaseCounts",
) -> dict[str, Any]:
    source, source_at = headline_source(title)
    skip = (source_at, source_at + len(source)) if source else None
    actors = _headline_actors(title, case_article or _CaseCounts(), case_corpus, skip)
    quoted = [(title[s:e].strip(), s) for s, e in quote_spans(title) if title[s:e].strip()]
    elements: list[tuple[int, str]] = []
    elements += [(s, f"frame: {t.term}") for t, s, _ in found]
    elements += [(s, f"actor: {a}") for a, s in actors]
    elements += [(s, f"quote: {q}") for q, s in quoted]
    if source:
        elements.append((source_at, f"source: {source}"))
    elements.sort(key=lambda x: x[0])
    seen: list[str] = []
    for _, label in elements:
        if label not in seen:
            seen.append(label)
    terms = [t.term for t, _, _ in found]
    return {
        "article_id": article_id,
        "outlet": outlet,
        "title": title,
        "n_words": len(_WORD.findall(title)),
        "actors": ";".join(dict.fromkeys(a for a, _ in actors)),
        "lead_actor": actors[0][0] if actors else "",
        "loaded_terms": ";".join(dict.fromkeys(terms)),
        "n_loaded": len(terms),
        "categories": ";".join(sorted({t.category for t, _, _ in found})),
        "quoted": ";".join(q for q, _ in quoted),
        "source": source,
        "cites_source": bool(source),
        "compound": compound,
        "lead": seen[0] if seen else "",
        "foregrounds": " > ".join(seen),
    }


def loaded_rates(
    loaded_terms: "pd.DataFrame", articles: "pd.DataFrame", *, by: tuple[str, ...] = ("outlet", "location", "category")
) -> "pd.DataFrame":
    """Loaded terms per 1,000 words, grouped by ``by``.

    Args:
        loaded_terms: the ``loaded_terms`` table.
        articles: the ``articles`` table (``n_words`` is the body length; the
            headline length is counted from ``title``).
        by: grouping columns, taken from ``outlet``, ``location``,
            ``category``, ``term``, ``in_quote``.

    Returns:
        ``by`` columns plus count, n_words (words of that outlet and
        location) and per_1000 words.
    """
    import pandas as pd

    words = []
    for article_id, outlet, title, n_words in zip(
        _column(articles, "article_id"), _column(articles, "outlet"),
        _column(articles, "title"), _column(articles, "n_words"),
    ):
        words.append((outlet, "headline", len(_WORD.findall(str(title or "")))))
        words.append((outlet, "body", int(n_words or 0)))
    size = pd.DataFrame(words, columns=["outlet", "location", "n_words"]).groupby(
        ["outlet", "location"], as_index=False)["n_words"].sum()
    keys = list(by)
    if loaded_terms is None or loaded_terms.empty:
        return pd.DataFrame(columns=keys + ["count", "n_words", "per_1000"])
    counts = loaded_terms.groupby(keys, as_index=False)["count"].sum()
    size_keys = [k for k in ("outlet", "location") if k in keys]
    if size_keys:
        totals = size.groupby(size_keys, as_index=False)["n_words"].sum()
        out = counts.merge(totals, on=size_keys, how="left")
    else:
        out = counts.assign(n_words=int(size["n_words"].sum()))
    out["per_1000"] = (1000 * out["count"] / out["n_words"].where(out["n_words"] > 0)).round(3)
    return out
