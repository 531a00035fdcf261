"""Where outlets disagree: dates, numbers, titles and quote wording (``conflicts`` stage).

Input: the tables of the earlier stages, any of which may be empty (even
without columns): ``claims``, ``claim_links``, ``sentences``, ``articles``,
``quotes``, ``speakers`` and ``quote_variants``.
Output: the ``conflicts`` table, one row per disagreement between two
outlets, with the columns of :data:`CONFLICT_COLUMNS`.

Kinds, in the order the table lists them (most consequential first: a wrong
date or number misinforms about the event itself; a changed quote puts words
in someone's mouth; a different title misdescribes a source):

``date``
    Time expressions (see :mod:`newslib.timeexpr`) compared **within each
    claim** between sentences of different outlets, and only when both play
    the same *role*: the same event class (the nearest trigger word: meeting,
    war, deal, or none) and the same side of a quotation mark. Dates of
    speech ("said on Monday") are never compared (:data:`UNCOMPARED_EVENTS`).
    Relative expressions are resolved against ``articles.published`` when it
    is known and otherwise compared by offset ("this month" = month +0,
    "next month" = month +1); they agree when either reading agrees, and
    "later this month" equals "this month".

    *Event fallback.* A sentence that dates the same event in other words
    ("A meeting set to take place next month is aimed at Putin buying weapons
    from North Korea") may sit in a claim of its own. So a time expression of
    an event class is also compared with other outlets' sentences that share
    at least ``conflict_event_min_shared_entities`` name words (Putin, North,
    Korea ...), come from an article of the same story, and name a time at
    most ``conflict_event_max_gap`` units away (a bigger gap is another
    event: "the last meeting, in April 2019"). The match is widened to the
    other members of each sentence's claim, so one outlet's departing date is
    set against every outlet that shares the other reading. These rows have
    ``basis == "event"``; claim rows have ``basis == "claim"``.
``number``
    Quantities with units compared within each claim, same unit only. A
    qualifier makes an interval ("approaching 300,000", "up to 180,000",
    "at least two-thirds"); two statements conflict when their intervals
    cannot both hold. Exact numbers get ``conflict_number_tolerance`` slack.
``quote_wording``
    ``quote_variants`` rows whose change is ``"substituted"``: the words that
    differ between the reference quote and the variant (rivals -> enemies),
    at most :data:`MAX_SUBSTITUTION_WORDS` words a side. Spans that differ
    only in spelling (calibre/caliber), case, punctuation, hyphenation or
    number words are dropped: they are never conflicts.
``title``
    A person's military rank across outlets, read from ``quotes.role``,
    ``speakers.roles_by_outlet`` and from rank + name mentions in sentences
    ("retired Lt. Gen. Mark Hertling"). Ranks are normalised with
    ``newslib/data/ranks.csv`` (Lt. Gen. = Lieutenant General); "retired",
    "former", nationality and service ("US Army") are not part of a rank, so
    only a different rank is a conflict (Lieutenant General vs General;
    Major General vs Maj. Gen. is none). Offices (minister, spokesman,
    director) are not compared, because one person can hold several at once.

Guards against false conflicts (the claim stage may group sentences that
only share a topic, and on a big corpus, look-alike sentences of different
stories):

* two articles must tell the **same story**: the cosine of their TF-IDF
  weighted name words reaches ``conflict_story_min_similarity`` (see
  :class:`_Names`);
* inside a claim, sentences are first split into groups whose names are
  compatible (the Ovportol treasury is not the Targa central bank), and two
  sentences are compared only when their wording, values left out, overlaps
  by ``conflict_min_overlap`` (Jaccard);
* per role, only departures from the most common reading are reported, and a
  role where no two of three or more outlets agree is dropped (a group of
  different facts, not a disagreement).

Orientation: side ``a`` is the reading more outlets share (or the reference
quote), side ``b`` the one that departs from it; ties go by reading, then
outlet. ``value_*`` holds the expression as written with its normalised
reading in brackets; ``evidence_*`` the sentence or quote it comes from;
``evidence_id_*`` that sentence's ``sent_id`` (or ``quote_id``); ``basis``
how the pair was found (claim, event, quote_variants, title).

``conflict_id`` is ``"x"`` plus 10 hex digits of the SHA-1 of kind, claim or
speaker, and both evidence ids and values: the same input gives the same ids.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import combinations
from typing import TYPE_CHECKING, Any, Iterable

from newslib.settings import Settings
from newslib.timeexpr import (
    MONTHS,
    WEEKDAYS,
    Quantity,
    TimeExpr,
    _anchor_kinds,
    compare_times,
    extract_quantities,
    extract_times,
    quantities_agree,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["CONFLICT_COLUMNS", "KIND_ORDER", "find_conflicts", "rank_of", "person_ranks", "wording_changes"]

#: Columns of the ``conflicts`` table: the contract's ten, then provenance.
CONFLICT_COLUMNS: list[str] = [
    "conflict_id", "kind", "claim_id", "speaker",
    "outlet_a", "value_a", "evidence_a",
    "outlet_b", "value_b", "evidence_b",
    "evidence_id_a", "evidence_id_b", "basis",
]

#: Order of kinds in the table (see the module docstring for why).
KIND_ORDER: tuple[str, ...] = ("date", "number", "quote_wording", "title")

#: Event classes whose dates are never compared: when something was said or
#: reported differs legitimately between outlets (each reports when *it*
#: heard, "said on Monday" and "told CNN on Sunday" are often two occasions).
#: On the generated benchmark, none of the 304 speech-dated disagreements
#: inside claims was a real conflict.
UNCOMPARED_EVENTS = frozenset({"speech"})

#: Event classes used by the event fallback. Expressions without a trigger
#: word only compare inside one claim: without one, nothing says which event
#: they date.
FALLBACK_EVENTS = frozenset({"meeting", "war", "deal"})

#: Capitalised words that are not names: sentence openers, time words and
#: titles. Used when collecting the name words of a sentence.
_NOT_NAMES = frozenset(
    {m.lower() for m in MONTHS} | {d.lower() for d in WEEKDAYS}
    | {"mr", "mrs", "ms", "dr", "president", "leader", "minister", "general", "gen",
       "lt", "maj", "col", "retired", "ret", "former", "according", "however", "but",
       "and", "the", "a", "an", "in", "on", "at", "it", "this", "that", "there", "they",
       "he", "she", "we", "i", "as", "for", "since", "so", "now", "while", "after",
       "before", "when", "if", "meanwhile", "speaking", "experts", "officials", "reports"}
)
#: A capitalised word; hyphenated names stay whole ("Jean-Pierre") and a
#: possessive "'s" is left out by stopping at the apostrophe.
_NAME_WORD = re.compile(r"\b[A-Z][A-Za-z]+(?:-[A-Za-z]+)*")
#: Characters that may precede a sentence's first word (quote marks, brackets).
_OPENING_CHARS = " \t\"'“‘([«-–—•"


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def _column(df: "pd.DataFrame | None", name: str) -> list[Any]:
    """Values of ``df[name]``, or [] when the frame or the column is missing."""
    if df is None or name not in getattr(df, "columns", ()):
        return []
    return df[name].tolist()


def _text(value: object) -> str:
    """``str(value)``, with None and NaN (missing cells) as ""."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def _has(df: "pd.DataFrame | None", *names: str) -> bool:
    return df is not None and len(df) > 0 and all(n in df.columns for n in names)


def _conflict_id(*parts: object) -> str:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return "x" + digest[:10]


@dataclass(frozen=True)
class _Side:
    outlet: str
    value: str
    evidence: str
    evidence_id: str
    support: int = 0  # outlets sharing this reading (orientation)
    order: str = ""  # tie-break key of the reading (default: the value)


def _row(kind: str, claim_id: str, speaker: str, x: _Side, y: _Side, basis: str) -> dict[str, Any]:
    """One conflict row: the reading with more support on side a (ties: by value, outlet)."""
    key_x = (-x.support, x.order or x.value, x.outlet, x.evidence_id)
    key_y = (-y.support, y.order or y.value, y.outlet, y.evidence_id)
    a, b = (x, y) if key_x <= key_y else (y, x)
    return {
        "conflict_id": _conflict_id(kind, claim_id, speaker, a.evidence_id, b.evidence_id, a.value, b.value),
        "kind": kind,
        "claim_id": claim_id,
        "speaker": speaker,
        "outlet_a": a.outlet,
        "value_a": a.value,
        "evidence_a": a.evidence,
        "outlet_b": b.outlet,
        "value_b": b.value,
        "evidence_b": b.evidence,
        "evidence_id_a": a.evidence_id,
        "evidence_id_b": b.evidence_id,
        "basis": basis,
    }


def _time_value(t: TimeExpr) -> str:
    reading = t.reading
    return t.text if reading == t.text.lower() else f"{t.text} ({reading})"


def _quantity_value(q: Quantity) -> str:
    return f"{q.text} {q.unit_text} ({q.reading})"


# ---------------------------------------------------------------------------
# Sentence facts (cached per sent_id)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    sent_id: str
    article_id: str
    outlet: str
    text: str
    times: tuple[TimeExpr, ...]
    quantities: tuple[Quantity, ...]


#: Cheap test for "may contain a number": most sentences have none, and the
#: full extraction is ten times slower than this check.
_NUMBER_HINT = re.compile(  # applied to lower-cased text (faster than IGNORECASE)
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"dozen|half|third|thirds|quarter|quarters|fifths?|tenth)\b"
)

_CONTENT_WORD = re.compile(r"[a-z]+")

#: Stems of time words, left out when two sentences' wording is compared.
_TIME_STEMS = frozenset(
    {"month", "week", "year", "day", "today", "yesterday", "tomorrow", "later", "earlier", "earli", "late",
     "weekend", "next", "last", "previous", "januari", "februari", "march", "april", "may", "june", "juli",
     "august", "septemb", "sept", "octob", "novemb", "decemb", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday"}
)

class _Facts:
    """Extracts time expressions and quantities of sentences on demand."""

    def __init__(self, sentences: "pd.DataFrame", articles: "pd.DataFrame") -> None:
        published = dict(zip(_column(articles, "article_id"), _column(articles, "published")))
        self._rows = {
            sid: (aid, outlet, text)
            for sid, aid, outlet, text in zip(
                _column(sentences, "sent_id"), _column(sentences, "article_id"),
                _column(sentences, "outlet"), _column(sentences, "text"),
            )
        }
        self._published = published
        self._cache: dict[str, _Sentence | None] = {}
        self._by_text: dict[tuple[str, object], tuple[tuple[TimeExpr, ...], tuple[Quantity, ...]]] = {}
        self._tokens: dict[str, frozenset[str]] = {}

    def __contains__(self, sent_id: str) -> bool:
        return sent_id in self._rows

    def get(self, sent_id: str) -> _Sentence | None:
        if sent_id in self._cache:
            return self._cache[sent_id]
        row = self._rows.get(sent_id)
        fact = None
        if row is not None:
            article_id, outlet, text = row
            text = str(text)
            published = self._published.get(article_id) or None
            # wire copy and verbatim quotes repeat whole sentences: extract once
            key = (text, published)
            found = self._by_text.get(key)
            if found is None:
                times = extract_times(text, published)
                quantities: list[Quantity] = []
                if _NUMBER_HINT.search(text.lower()):
                    quantities = extract_quantities(text, skip=[(t.start, t.end) for t in times])
                found = self._by_text[key] = (tuple(times), tuple(quantities))
            fact = _Sentence(sent_id, article_id, str(outlet), text, found[0], found[1])
        self._cache[sent_id] = fact
        return fact

    def all_ids(self) -> Iterable[str]:
        return self._rows.keys()

    def text(self, sent_id: str) -> str:
        row = self._rows.get(sent_id)
        return "" if row is None else str(row[2])

    def overlap(self, a: _Sentence, b: _Sentence) -> float:
        """Jaccard index of the two sentences' content words, values left out.

        Lower-cased words without stop words (the list of
        :func:`newslib.normalize.stop_words`), hyphens closed up,
        Snowball-stemmed, numbers and time words left out, so "Kim will
        travel to Russia later this month" and "Kim will travel to Russia next
        month" overlap fully.
        """
        wa, wb = self._content(a), self._content(b)
        return len(wa & wb) / len(wa | wb) if wa or wb else 1.0

    def _content(self, s: _Sentence) -> frozenset[str]:
        found = self._tokens.get(s.sent_id)
        if found is None:
            from newslib.normalize import stem, stop_words

            stops = stop_words()
            found = frozenset(
                stem(w) for w in _CONTENT_WORD.findall(s.text.lower().replace("-", ""))
                if w not in stops and len(w) > 1
            ) - _TIME_STEMS
            self._tokens[s.sent_id] = found
        return found


class _Names:
    """Name words of sentences and articles, and whether two articles tell one story.

    An article's *name vocabulary* is the set of words it writes capitalised
    in mid-sentence (minus :data:`_NOT_NAMES`); a sentence's names are its
    capitalised words found in that vocabulary, so a sentence opener
    ("Analysts estimate ...") is not a name unless the article also writes it
    capitalised elsewhere. Two articles tell the same story when the cosine of
    their TF-IDF weighted name counts reaches ``min_similarity``: names a
    story is about (its places and people) dominate, names every story
    mentions (a newspaper quoted as source) weigh little.
    """

    def __init__(self, sentences: "pd.DataFrame", min_similarity: float) -> None:
        import math

        self.min_similarity = min_similarity
        self._sentence_words: dict[str, list[str]] = {}
        vocab: dict[str, set[str]] = defaultdict(set)
        by_article: dict[str, list[str]] = defaultdict(list)
        not_names = _NOT_NAMES
        for sent_id, article_id, text in zip(
            _column(sentences, "sent_id"), _column(sentences, "article_id"), _column(sentences, "text")
        ):
            text = str(text)
            found = _NAME_WORD.findall(text)
            if not found:
                self._sentence_words[sent_id] = []
                continue
            opener = text.lstrip(_OPENING_CHARS).startswith(found[0])
            lowered = [f.lower() for f in found]
            words = [w for w in lowered if w not in not_names]
            vocab[article_id].update(words[1:] if opener and words and words[0] == lowered[0] else words)
            self._sentence_words[sent_id] = words
            by_article[article_id].append(sent_id)
        counts: dict[str, Counter[str]] = {}
        for article_id, sent_ids in by_article.items():
            known = vocab[article_id]
            counts[article_id] = Counter(w for sid in sent_ids for w in self._sentence_words[sid] if w in known)
        self._vocab = vocab
        n = len(counts)
        df: Counter[str] = Counter()
        for c in counts.values():
            df.update(c.keys())
        idf = {w: math.log((1 + n) / (1 + d)) + 1 for w, d in df.items()}
        self._vectors: dict[str, dict[str, float]] = {}
        for article_id, c in counts.items():
            vec = {w: (1 + math.log(k)) * idf[w] for w, k in c.items()}
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            self._vectors[article_id] = {w: v / norm for w, v in vec.items()}
        self._pairs: dict[tuple[str, str], float] = {}
        self._of: dict[str, frozenset[str]] = {}

    def of(self, s: _Sentence) -> frozenset[str]:
        """Names of one sentence."""
        found = self._of.get(s.sent_id)
        if found is None:
            known = self._vocab.get(s.article_id, set())
            found = frozenset(w for w in self._sentence_words.get(s.sent_id, ()) if w in known)
            self._of[s.sent_id] = found
        return found

    def compatible(self, a: _Sentence, b: _Sentence) -> bool:
        """The name test of :meth:`comparable` alone."""
        return self.compatible_names(self.of(a), self.of(b))

    @staticmethod
    def compatible_names(na: frozenset[str], nb: frozenset[str]) -> bool:
        """Half of the shorter list of names shared (always true when one is empty)."""
        if na and nb:
            shared = len(na & nb)
            return shared >= 1 and shared >= 0.5 * min(len(na), len(nb))
        return True

    def similarity(self, a: str, b: str) -> float:
        """Cosine of the two articles' name vectors (0 when either has none)."""
        if a == b:
            return 1.0
        key = (a, b) if a < b else (b, a)
        if key not in self._pairs:
            va, vb = self._vectors.get(a, {}), self._vectors.get(b, {})
            if len(va) > len(vb):
                va, vb = vb, va
            self._pairs[key] = sum(v * vb.get(w, 0.0) for w, v in va.items())
        return self._pairs[key]

    def same_story(self, a: _Sentence, b: _Sentence) -> bool:
        """Whether the articles of two sentences tell the same story."""
        return a.article_id == b.article_id or self.similarity(a.article_id, b.article_id) >= self.min_similarity

    def comparable(self, a: _Sentence, b: _Sentence) -> bool:
        """Whether two sentences can be about the same fact.

        Their articles must tell the same story, and when both sentences
        name someone or somewhere, at least half of the shorter list of names
        must be shared ("the Ovportol treasury" vs "the Targa central bank"
        are two facts even when the claim stage grouped them).
        """
        return self.same_story(a, b) and self.compatible(a, b)


# ---------------------------------------------------------------------------
# Date and number conflicts within claims
# ---------------------------------------------------------------------------


def _time_key(t: TimeExpr) -> tuple[Any, ...]:
    """Everything a comparison of ``t`` depends on (not where it is written)."""
    return (t.event, t.quoted, t.unit, t.offset, t.year, t.month, t.day, t.week, t.weekday)


def _quantity_key(q: Quantity) -> tuple[Any, ...]:
    return (q.unit, q.value, q.qualifier)


def _times_agree(t: TimeExpr, u: TimeExpr) -> bool:
    if (t.event, t.quoted) != (u.event, u.quoted):
        return False
    rel = compare_times(t, u)
    return rel is not None and rel[0]


def _compare_time_sets(
    a: _Sentence, b: _Sentence, *, max_gap: int | None, events: frozenset[str] | None
) -> list[tuple[TimeExpr, TimeExpr]]:
    """Conflicting (ta, tb) pairs, at most one per role.

    A role is an event class plus inside/outside quotation marks. Within one
    role, the two sentences agree when any pair of their expressions agrees;
    otherwise the comparable pair with the smallest gap is the conflict.
    """
    out = []
    roles = {(t.event, t.quoted) for t in a.times} & {(t.event, t.quoted) for t in b.times}
    for role in sorted(roles):
        if role[0] in UNCOMPARED_EVENTS or (events is not None and role[0] not in events):
            continue
        best: tuple[int, int, int, TimeExpr, TimeExpr] | None = None
        agree = False
        for ta in a.times:
            if (ta.event, ta.quoted) != role:
                continue
            for tb in b.times:
                if (tb.event, tb.quoted) != role:
                    continue
                rel = compare_times(ta, tb)
                if rel is None:
                    continue
                same, gap = rel
                if same:
                    agree = True
                    break
                if max_gap is not None and gap > max_gap:
                    continue
                key = (gap, ta.start, tb.start, ta, tb)
                if best is None or key[:3] < best[:3]:
                    best = key
            if agree:
                break
        if not agree and best is not None:
            out.append((best[3], best[4]))
    return out


def _compare_quantity_sets(a: _Sentence, b: _Sentence, tolerance: float) -> list[tuple[Quantity, Quantity]]:
    """Conflicting (qa, qb) pairs: one value per side for a shared unit, disjoint."""
    out = []
    units = {q.unit for q in a.quantities} & {q.unit for q in b.quantities}
    for unit in sorted(units):
        qa = [q for q in a.quantities if q.unit == unit]
        qb = [q for q in b.quantities if q.unit == unit]
        if any(quantities_agree(x, y, tolerance=tolerance) for x in qa for y in qb):
            continue
        # several different values of one unit on a side: which one matches
        # which is unknowable, so only single values are compared
        if len({(q.value, q.qualifier) for q in qa}) == 1 and len({(q.value, q.qualifier) for q in qb}) == 1:
            out.append((qa[0], qb[0]))
    return out


def _claim_members(claim_links: "pd.DataFrame", facts: _Facts) -> dict[str, list[_Sentence]]:
    """Sentences of each claim carried by two outlets or more (others cannot conflict)."""
    members: dict[str, list[_Sentence]] = defaultdict(list)
    if not _has(claim_links, "claim_id", "sent_id", "outlet"):
        return members
    links = claim_links[["claim_id", "sent_id", "outlet"]].drop_duplicates(["claim_id", "sent_id"])
    links = links[links.groupby("claim_id")["outlet"].transform("nunique") >= 2]
    links = links.sort_values(["claim_id", "sent_id"], kind="stable")
    for claim_id, sent_id in zip(links["claim_id"].tolist(), links["sent_id"].tolist()):
        fact = facts.get(sent_id)
        if fact is not None:
            members[claim_id].append(fact)
    return members


def _fact_groups(group: list[_Sentence], names: _Names) -> list[list[_Sentence]]:
    """Split a claim's sentences into groups that can be about one fact.

    Two sentences are linked when their names are compatible
    (:meth:`_Names.compatible`); the groups are the connected components, so
    "Kim ... travel to Russia" and "a meeting ... Putin ... North Korea" stay
    together through a third outlet's sentence that names all of them, while
    a claim that merged the Ovportol treasury with the Targa central bank is
    split in two. (Whether two articles tell one story is checked pair by
    pair afterwards.)
    """
    # sentences with the same names behave alike: link distinct name sets only
    by_names: dict[frozenset[str], list[_Sentence]] = defaultdict(list)
    for s in group:
        by_names[names.of(s)].append(s)
    keys = list(by_names)
    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in combinations(range(len(keys)), 2):
        if find(i) != find(j) and names.compatible_names(keys[i], keys[j]):
            parent[find(i)] = find(j)
    out: dict[int, list[_Sentence]] = defaultdict(list)
    for i, key in enumerate(keys):
        out[find(i)].extend(by_names[key])
    order = {s.sent_id: n for n, s in enumerate(group)}
    return sorted((sorted(g, key=lambda s: order[s.sent_id]) for g in out.values()),
                  key=lambda g: order[g[0].sent_id])


def _claim_conflicts(
    members: dict[str, list[_Sentence]], names: _Names, facts: "_Facts", settings: Settings
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for claim_id in sorted(members):
        dated = [s for s in members[claim_id] if s.times or s.quantities]
        if len({s.outlet for s in dated}) < 2:
            continue
        for part in _fact_groups(dated, names):
            rows.extend(_group_conflicts(claim_id, part, names, facts, settings))
    return rows


def _plurality_filter(rows: list[tuple[_Side, _Side, str]]) -> list[tuple[_Side, _Side]]:
    """Keep the disagreements that depart from the most common reading.

    ``rows`` are ``(side, side, role)`` pairs of one fact group. Per role,
    only pairs with at least one side holding the most supported reading are
    kept, so each departing outlet is set against the plurality once, not
    against every other departure. A role where no two outlets agree while
    three or more report it is dropped: that is a group of different facts
    (what a claim that merged look-alike sentences gives), not a disagreement.
    """
    best: dict[str, int] = defaultdict(int)
    outlets: dict[str, set[str]] = defaultdict(set)
    for x, y, role in rows:
        best[role] = max(best[role], x.support, y.support)
        outlets[role].update((x.outlet, y.outlet))
    out = []
    for x, y, role in rows:
        if best[role] == 1 and len(outlets[role]) >= 3:
            continue
        if max(x.support, y.support) == best[role]:
            out.append((x, y))
    return out


def _group_conflicts(
    claim_id: str, group: list[_Sentence], names: _Names, facts: "_Facts", settings: Settings
) -> list[dict[str, Any]]:
    """Date and number conflicts between the sentences of one fact group.

    Two sentences are compared only when they come from articles of one story
    and their wording, values left out, overlaps by at least
    ``conflict_min_overlap`` (Jaccard): the claim stage may group sentences
    that share a topic ("In 2019, local officials raised concerns about ..."
    / "In March, trade unions raised concerns about ...") but a disagreement
    needs the same statement with a different value.
    """
    tolerance = settings.conflict_number_tolerance
    min_overlap = settings.conflict_min_overlap

    def comparable(a: _Sentence, b: _Sentence) -> bool:
        # cheapest test first: the story test needs the articles' name vectors
        return facts.overlap(a, b) >= min_overlap and names.same_story(a, b)

    dates: list[tuple[_Side, _Side, str]] = []
    numbers: list[tuple[_Side, _Side, str]] = []

    # Sentences whose readings are equal compare alike with everyone else, so
    # readings are compared once per pair of distinct *signatures* and only
    # the sentence pairs behind a disagreement are looked at one by one.
    for kind, values, key, compare, agree in (
        ("date", lambda s: s.times, _time_key, lambda a, b: _compare_time_sets(a, b, max_gap=None, events=None),
         _times_agree),
        ("number", lambda s: s.quantities, _quantity_key, lambda a, b: _compare_quantity_sets(a, b, tolerance),
         lambda q, r: q.unit == r.unit and quantities_agree(q, r, tolerance=tolerance)),
    ):
        members = [s for s in group if values(s)]
        if len({s.outlet for s in members}) < 2:
            continue
        # readings hold None for missing parts: order them by their repr
        ordered = {s.sent_id: sorted(values(s), key=lambda v: repr(key(v))) for s in members}
        by_sig: dict[tuple[Any, ...], list[_Sentence]] = defaultdict(list)
        for s in members:
            by_sig[tuple(key(v) for v in ordered[s.sent_id])].append(s)
        sigs = list(by_sig)
        reps = {sig: by_sig[sig][0] for sig in sigs}
        sig_outlets = {sig: {s.outlet for s in by_sig[sig]} for sig in sigs}
        cache: dict[tuple[tuple[Any, ...], int], int] = {}

        def support(sig: tuple[Any, ...], i: int) -> int:
            """Outlets holding a reading that agrees with reading ``i`` of ``sig``."""
            if (sig, i) not in cache:
                v = ordered[reps[sig].sent_id][i]
                outlets = set(sig_outlets[sig])
                for other in sigs:
                    if other != sig and not sig_outlets[other] <= outlets and any(
                        agree(v, w) for w in ordered[reps[other].sent_id]
                    ):
                        outlets |= sig_outlets[other]
                cache[(sig, i)] = len(outlets)
            return cache[(sig, i)]
        for sig_a, sig_b in combinations(sigs, 2):
            found = compare(reps[sig_a], reps[sig_b])
            if not found:
                continue
            rep_a, rep_b = ordered[reps[sig_a].sent_id], ordered[reps[sig_b].sent_id]
            index = [(rep_a.index(va), rep_b.index(vb)) for va, vb in found]
            for a in by_sig[sig_a]:
                for b in by_sig[sig_b]:
                    if a.outlet == b.outlet or not comparable(a, b):
                        continue
                    for i, j in index:
                        va, vb = ordered[a.sent_id][i], ordered[b.sent_id][j]
                        show = _time_value if kind == "date" else _quantity_value
                        role = f"{va.event}|{va.quoted}" if kind == "date" else va.unit
                        (dates if kind == "date" else numbers).append((
                            _Side(a.outlet, show(va), a.text, a.sent_id, support(sig_a, i)),
                            _Side(b.outlet, show(vb), b.text, b.sent_id, support(sig_b, j)),
                            role,
                        ))
    return [_row("date", claim_id, "", x, y, "claim") for x, y in _plurality_filter(dates)] + [
        _row("number", claim_id, "", x, y, "claim") for x, y in _plurality_filter(numbers)
    ]


# ---------------------------------------------------------------------------
# Event fallback for dates
# ---------------------------------------------------------------------------


#: In the event fallback, a name word found in more candidate sentences than
#: this does not generate pairs on its own (pairs are still found through
#: rarer shared names). It bounds the pairs at 200*199/2 per word, so the
#: fallback stays near-linear on 10,000 articles; 200 is above the number of
#: dated event sentences of one big story (a few dozen outlets, a few each).
_MAX_POSTING = 200


def _event_conflicts(
    facts: _Facts,
    members: dict[str, list[_Sentence]],
    names: _Names,
    settings: Settings,
    done: set[frozenset[str]],
) -> list[dict[str, Any]]:
    """Date conflicts between same-story sentences that date the same event.

    Candidates are sentences with a time expression of an event class
    (:data:`FALLBACK_EVENTS`). Pairs come from an inverted index of their
    name words; a pair is compared when it shares at least
    ``conflict_event_min_shared_entities`` names, its articles tell the same
    story and their times are at most ``conflict_event_max_gap`` units apart
    (pairs already reported from inside a claim are not repeated).
    """
    claims_of: dict[str, list[str]] = defaultdict(list)
    for claim_id, group in sorted(members.items()):
        if len({s.outlet for s in group}) >= 2:
            for s in group:
                claims_of[s.sent_id].append(claim_id)
    candidates: list[tuple[_Sentence, frozenset[str]]] = []
    for sent_id in sorted(facts.all_ids()):
        if not _anchor_kinds(facts.text(sent_id)):
            continue  # no time expression possible: skip the full extraction
        fact = facts.get(sent_id)
        if fact is not None and any(t.event in FALLBACK_EVENTS for t in fact.times):
            found = names.of(fact)
            if found:
                candidates.append((fact, found))
    postings: dict[str, list[int]] = defaultdict(list)
    for i, (_, found) in enumerate(candidates):
        for word in found:
            postings[word].append(i)
    pairs: set[tuple[int, int]] = set()
    for word in sorted(postings):
        ids = postings[word]
        if len(ids) > _MAX_POSTING:
            continue
        for x, y in combinations(ids, 2):
            if candidates[x][0].outlet != candidates[y][0].outlet:
                pairs.add((x, y))
    min_names = settings.conflict_event_min_shared_entities
    max_gap = settings.conflict_event_max_gap
    rows: list[dict[str, Any]] = []
    for x, y in sorted(pairs):
        (a, names_a), (b, names_b) = candidates[x], candidates[y]
        if len(names_a & names_b) < min_names:
            continue
        if names.similarity(a.article_id, b.article_id) < names.min_similarity:
            continue
        if not (
            _compare_time_sets(a, b, max_gap=max_gap, events=FALLBACK_EVENTS)
            or _compare_time_sets(b, a, max_gap=max_gap, events=FALLBACK_EVENTS)
        ):
            continue
        rows.extend(_widen(a, b, members, claims_of, names, max_gap, done))
    return rows


def _widen(
    a: _Sentence,
    b: _Sentence,
    members: dict[str, list[_Sentence]],
    claims_of: dict[str, list[str]],
    names: _Names,
    max_gap: int,
    done: set[frozenset[str]],
) -> list[dict[str, Any]]:
    """Compare the claim groups of two matched sentences with each other.

    ``a`` and ``b`` date the same event in two outlets; each brings the other
    members of its claim (the outlets that say the same thing). Every member
    of one group is compared with every member of the other, and a reading's
    support is the number of outlets of its own group that agree with it.
    """

    def group(s: _Sentence) -> tuple[str, list[_Sentence]]:
        claim_ids = claims_of.get(s.sent_id, [])
        peers = [s] + [p for c in claim_ids for p in members[c] if p.sent_id != s.sent_id]
        unique = {p.sent_id: p for p in peers}
        return (claim_ids[0] if claim_ids else ""), list(unique.values())

    claim_a, group_a = group(a)
    claim_b, group_b = group(b)

    def support(t: TimeExpr, peers: list[_Sentence]) -> int:
        agreeing = {
            p.outlet for p in peers
            if any(
                (rel := compare_times(t, u)) is not None and rel[0]
                for u in p.times if (u.event, u.quoted) == (t.event, t.quoted)
            )
        }
        return max(len(agreeing), 1)

    rows = []
    # the matched pair passed the name test; claim peers inherit it, but
    # their articles must still tell the same story
    for x in group_a:
        for y in group_b:
            if x.outlet == y.outlet or names.similarity(x.article_id, y.article_id) < names.min_similarity:
                continue
            for tx, ty in _compare_time_sets(x, y, max_gap=max_gap, events=FALLBACK_EVENTS):
                key = frozenset({f"{x.sent_id}@{tx.start}", f"{y.sent_id}@{ty.start}"})
                if key in done:
                    continue
                done.add(key)
                side_x = _Side(x.outlet, _time_value(tx), x.text, x.sent_id, support(tx, group_a))
                side_y = _Side(y.outlet, _time_value(ty), y.text, y.sent_id, support(ty, group_b))
                # the claim whose reading most outlets share names the row
                if (side_x.support, bool(claim_a)) >= (side_y.support, bool(claim_b)):
                    claim_id = claim_a or claim_b
                else:
                    claim_id = claim_b or claim_a
                rows.append(_row("date", claim_id, "", side_x, side_y, "event"))
    return rows


# ---------------------------------------------------------------------------
# Quote wording
# ---------------------------------------------------------------------------

_QUOTE_WORD = re.compile(r"[\w’']+(?:[-‐‑][\w’']+)*")


def _fold_word(word: str) -> str:
    from newslib.normalize import normalize_text

    return re.sub(r"[^\w/.%$]", "", normalize_text(word).replace("'", "")).strip(".")


def wording_changes(reference: str, variant: str) -> list[tuple[str, str]]:
    """Word spans replaced between two versions of a quote.

    Args:
        reference: the reference wording.
        variant: another outlet's wording.

    Returns:
        ``(reference words, variant words)`` for each replaced span, in text
        order. Spans that are equal once case, punctuation, hyphens,
        spelling (calibre/caliber) and number words are folded are left out;
        so are pure insertions and deletions (cuts are truncations, not
        changed wording).

    Examples:
        >>> wording_changes("two of Washington's biggest rivals", "Washington's biggest enemies")
        [('rivals', 'enemies')]
    """
    words_a = _QUOTE_WORD.findall(reference)
    words_b = _QUOTE_WORD.findall(variant)
    fold_a = [_fold_word(w) for w in words_a]
    fold_b = [_fold_word(w) for w in words_b]
    matcher = difflib.SequenceMatcher(None, fold_a, fold_b, autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace":
            continue
        if "".join(fold_a[i1:i2]) == "".join(fold_b[j1:j2]):
            continue  # anti-tank / antitank, two / 2, calibre / caliber
        out.append((" ".join(words_a[i1:i2]), " ".join(words_b[j1:j2])))
    return out


def _norm_quote(text: str) -> str:
    return " ".join(_fold_word(w) for w in _QUOTE_WORD.findall(str(text)))


#: A replaced span longer than this many words on either side is a different
#: quote (or a rewrite), not a changed word. Real substitutions are a word or
#: two ("rivals" -> "enemies"); on the generated benchmark, 3-word spans were
#: all different quote endings ("especially in Bensk" / "whatever Greaves
#: says") of two quotes built on the same sentence.
MAX_SUBSTITUTION_WORDS = 2


def _quote_wording_conflicts(
    quote_variants: "pd.DataFrame", quotes: "pd.DataFrame", claim_of_sentence: dict[str, str],
    names: "_Names",
) -> list[dict[str, Any]]:
    """Changed words between outlets' versions of one quote.

    Per variant group, every version marked ``substituted`` is compared word
    by word with the group's reference wording. A version with any replaced
    span longer than :data:`MAX_SUBSTITUTION_WORDS` is a different quote or
    a rewrite, so none of its spans is reported. For each remaining change
    (``old`` -> ``new``), the versions are split into those with the new
    wording and those with the old one (the reference and every other
    version containing ``old``); the wording more outlets printed is side a
    (the reference's wording on a tie), and every outlet printing the other
    wording gets a row against one outlet of side a, so two outlets sharing
    a swapped word are both named.
    """
    if not _has(quote_variants, "group_id", "outlet", "quote_id", "reference_text", "text", "change"):
        return []
    qv = quote_variants.sort_values(["group_id", "quote_id"], kind="stable")
    sent_of_quote = dict(zip(_column(quotes, "quote_id"), _column(quotes, "sent_id")))
    article_of = dict(zip(_column(quotes, "quote_id"), _column(quotes, "article_id")))
    quote_rows = list(zip(_column(quotes, "quote_id"), _column(quotes, "outlet"), _column(quotes, "text")))
    rows: list[dict[str, Any]] = []
    for _, group in qv.groupby("group_id", sort=True):
        records = group.to_dict("records")
        substituted = [r for r in records if str(r.get("change", "")) == "substituted"]
        if not substituted:
            continue
        ref_text = str(records[0]["reference_text"])
        ref_norm = _norm_quote(ref_text)
        ref = next((r for r in records if _norm_quote(r["text"]) == ref_norm), None)
        if ref is None:  # the reference version is not in the group's rows: find its quote
            found = next(((qid, o, t) for qid, o, t in quote_rows if _norm_quote(t) == ref_norm), None)
            ref = {"outlet": found[1], "quote_id": found[0], "text": found[2]} if found else \
                {"outlet": "", "quote_id": "", "text": ref_text}
        versions = [ref] + [r for r in records if r is not ref]
        # the changes each substituted version makes; a rewrite reports none
        changes: dict[str, list[tuple[str, str]]] = {}
        for rec in substituted:
            spans = wording_changes(ref_text, str(rec["text"]))
            if spans and all(max(len(o.split()), len(n.split())) <= MAX_SUBSTITUTION_WORDS for o, n in spans):
                changes[str(rec["quote_id"])] = spans
        # each version's changes and wording, normalised once
        change_keys = {qid: {(_norm_quote(o), _norm_quote(n)) for o, n in spans} for qid, spans in changes.items()}
        wording = {str(r["quote_id"]): _norm_quote(r["text"]) for r in versions}
        seen: set[tuple[str, str]] = set()
        for rec in substituted:
            for old, new in changes.get(str(rec["quote_id"]), []):
                key = (_norm_quote(old), _norm_quote(new))
                if key in seen:
                    continue
                seen.add(key)
                with_new = [r for r in versions if key in change_keys.get(str(r["quote_id"]), ())]
                new_ids = {str(r["quote_id"]) for r in with_new}
                pattern = re.compile(r"(?:^| )" + re.escape(key[0]) + r"(?: |$)")
                with_old = [r for r in versions
                            if str(r["quote_id"]) not in new_ids and pattern.search(wording[str(r["quote_id"])])]
                old_outlets = {str(r["outlet"]) for r in with_old if r["outlet"]}
                new_outlets = {str(r["outlet"]) for r in with_new}
                if not old_outlets or not new_outlets:
                    continue
                old_major = len(old_outlets) >= len(new_outlets)
                major, minor = (with_old, with_new) if old_major else (with_new, with_old)
                major_value, minor_value = (old, new) if old_major else (new, old)
                rep = major[0]
                rep_outlet, rep_id, rep_text = str(rep["outlet"]), str(rep["quote_id"]), str(rep["text"])
                done: set[str] = set()
                for other in minor:
                    outlet = str(other["outlet"])
                    if outlet in done or outlet in ({rep_outlet} | (old_outlets & new_outlets)):
                        continue
                    qid = str(other["quote_id"])
                    # the quote variant stage groups by speaker and wording; two
                    # versions only disagree when both articles tell one story
                    art_a, art_b = article_of.get(rep_id, ""), article_of.get(qid, "")
                    if art_a and art_b and names.similarity(art_a, art_b) < names.min_similarity:
                        continue
                    done.add(outlet)
                    claim_id = claim_of_sentence.get(str(sent_of_quote.get(qid, "")), "") or claim_of_sentence.get(
                        str(sent_of_quote.get(rep_id, "")), ""
                    )
                    rows.append(_row(
                        "quote_wording", claim_id, _text(rec.get("speaker")),
                        _Side(rep_outlet, major_value, rep_text, rep_id, len(major) + 1),
                        _Side(outlet, minor_value, str(other["text"]), qid, 0),
                        "quote_variants",
                    ))
    return rows


# ---------------------------------------------------------------------------
# Titles (military ranks)
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _rank_table() -> tuple[dict[str, str], "re.Pattern[str]", "re.Pattern[str]"]:
    """Alias -> rank map, a pattern for roles, and one for rank + name in prose."""
    text = resources.files("newslib.data").joinpath("ranks.csv").read_text("utf-8")
    aliases = {
        row["alias"].strip().lower(): row["rank"].strip().lower()
        for row in csv.DictReader(text.splitlines())
        if row.get("alias")
    }
    alts = sorted(aliases, key=len, reverse=True)

    def alias_re(alias: str) -> str:
        parts = [re.escape(p) for p in re.split(r"[\s]+", alias)]
        body = r"\s+".join(parts).replace(r"\-", r"[-\s]?").replace(r"\.", r"\.?")
        return body + (r"(?!\w)" if alias.endswith(".") else r"\b")

    role_re = re.compile(r"(?i)(?<![\w.])(?:" + "|".join(alias_re(a) for a in alts) + r")")
    # In prose the rank must be capitalised (AP style capitalises a title
    # before a name) so "a major donor" is not read as a rank.
    cap_alts = "|".join(alias_re(a.title()) for a in alts)
    name_token = r"(?:[A-Z][a-z]*\.?|[“\"‘'][A-Z][\w .'’-]*[”\"’'])"
    prose_re = re.compile(
        r"(?<![\w.])(?P<rank>" + cap_alts + r")"
        r"(?:\s*\((?:[Rr]et\.?|[Rr]etired)\))?"
        r"\s+(?P<name>(?:" + name_token + r"\s+){0,3}(?P<surname>[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?))\b"
        r"(?!\s+[A-Z][a-z])"
    )
    return aliases, role_re, prose_re


_RANK_HINT = re.compile(r"\b[A-Z][a-z]+")


def rank_of(phrase: str) -> str:
    """The normalised military rank named in a title phrase, or "".

    Args:
        phrase: a role or title as written ("retired Lt. Gen.",
            "Retired United States Army General").

    Returns:
        The rank in lower case ("lieutenant general", "general"); the last
        rank named wins (it is the one next to the name). Offices that
        contain a rank word ("Attorney General", "commanding general") give "".

    Examples:
        >>> rank_of("retired US Lt. Gen.")
        'lieutenant general'
        >>> rank_of("former US Army General")
        'general'
    """
    aliases, role_re, _ = _rank_table()
    found = ""
    for m in role_re.finditer(str(phrase)):
        key = re.sub(r"\s+", " ", m.group(0).lower())
        rank = aliases.get(key)
        if rank is None:
            rank = aliases.get(key + ".", aliases.get(key.rstrip("."), aliases.get(key.replace("-", " "), "")))
        found = rank or ""
    return found


def _person_key(name: str) -> tuple[str, str]:
    """(first given name or "", surname) in lower case, nicknames and initials dropped."""
    tokens = [t for t in re.findall(r"[“\"‘'][^”\"’']*[”\"’']|[\w.'’-]+", name) if t]
    words = [t.strip(".") for t in tokens if not t[0] in "“\"‘'"]
    words = [w for w in words if w]
    if not words:
        return "", ""
    surname = words[-1].lower()
    given = next((w.lower() for w in words[:-1] if len(w) > 1), "")
    return given, surname


def person_ranks(sentences: "pd.DataFrame") -> list[dict[str, str]]:
    """Rank + name mentions in prose ("retired Lt. Gen. Mark Hertling").

    Args:
        sentences: the ``sentences`` table.

    Returns:
        Records with sent_id, outlet, name, surname, given, rank, written
        (the rank as written) and text, in table order.
    """
    aliases, _, prose_re = _rank_table()
    first_words = frozenset(a.split()[0].rstrip(".").title() for a in aliases)
    out = []
    for sent_id, outlet, text in zip(
        _column(sentences, "sent_id"), _column(sentences, "outlet"), _column(sentences, "text")
    ):
        text = str(text)
        if first_words.isdisjoint(_RANK_HINT.findall(text)):
            continue  # no capitalised rank word: skip the long pattern
        for m in prose_re.finditer(text):
            rank = rank_of(m["rank"])
            if not rank:
                continue
            given, surname = _person_key(m["name"])
            if surname in _NOT_NAMES:
                continue
            out.append({
                "sent_id": str(sent_id), "outlet": str(outlet), "name": m["name"],
                "given": given, "surname": surname, "rank": rank, "written": m["rank"], "text": text,
            })
    return out


def _roles_by_outlet(value: object) -> dict[str, list[str]]:
    """Read ``speakers.roles_by_outlet`` (dict, JSON, or "Outlet: role; ...")."""
    if value is None or (isinstance(value, float) and value != value):
        return {}
    if isinstance(value, dict):
        items = value.items()
    else:
        text = str(value).strip()
        if not text:
            return {}
        try:
            parsed = json.loads(text)
            items = parsed.items() if isinstance(parsed, dict) else []
        except ValueError:
            items = []
            for part in re.split(r"\s*[;|]\s*", text):
                if ":" in part:
                    outlet, role = part.split(":", 1)
                    items.append((outlet.strip(), role.strip()))
    out: dict[str, list[str]] = defaultdict(list)
    for outlet, roles in items:
        for role in roles if isinstance(roles, (list, tuple)) else [roles]:
            if role:
                out[str(outlet)].append(str(role))
    return out


def _title_conflicts(
    sentences: "pd.DataFrame", quotes: "pd.DataFrame", speakers: "pd.DataFrame"
) -> list[dict[str, Any]]:
    # mentions: person key -> outlet -> list of (rank, written, evidence, evidence_id)
    mentions: dict[tuple[str, str], dict[str, list[tuple[str, str, str, str]]]] = defaultdict(lambda: defaultdict(list))
    display: dict[tuple[str, str], str] = {}

    speaker_names = sorted({_text(s) for s in _column(speakers, "speaker") + _column(quotes, "speaker")} - {""})
    by_surname: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for name in speaker_names:
        key = _person_key(name)
        if key[1]:
            by_surname[key[1]].add(key)
            display.setdefault(key, name)

    found = person_ranks(sentences)
    for rec in found:
        if rec["given"]:
            by_surname[rec["surname"]].add((rec["given"], rec["surname"]))

    def resolve(given: str, surname: str) -> tuple[str, str] | None:
        keys = by_surname.get(surname, set())
        if given:
            return (given, surname)
        full = [k for k in keys if k[0]]
        return full[0] if len(full) == 1 else ((given, surname) if not full else None)

    for rec in found:
        key = resolve(rec["given"], rec["surname"])
        if key is None:
            continue
        display.setdefault(key, re.sub(r"\s+", " ", rec["name"]))
        mentions[key][rec["outlet"]].append((rec["rank"], rec["written"], rec["text"], rec["sent_id"]))

    sent_text = dict(zip(_column(sentences, "sent_id"), _column(sentences, "text")))
    for qid, outlet, speaker, role, sent_id in zip(
        _column(quotes, "quote_id"), _column(quotes, "outlet"), _column(quotes, "speaker"),
        _column(quotes, "role"), _column(quotes, "sent_id"),
    ):
        speaker, role = _text(speaker), _text(role)
        if not speaker or not role:
            continue
        rank = rank_of(role)
        key = resolve(*_person_key(speaker))
        if rank and key is not None:
            mentions[key][str(outlet)].append((rank, str(role), str(sent_text.get(sent_id, role)), str(qid)))
    for speaker, roles in zip(_column(speakers, "speaker"), _column(speakers, "roles_by_outlet")):
        key = resolve(*_person_key(str(speaker)))
        if key is None:
            continue
        for outlet, role_list in _roles_by_outlet(roles).items():
            for role in role_list:
                rank = rank_of(role)
                if rank:
                    mentions[key][outlet].append((rank, role, role, f"speakers:{speaker}"))

    rows: list[dict[str, Any]] = []
    for key in sorted(mentions):
        per_outlet = mentions[key]
        ranks = {o: {m[0] for m in ms} for o, ms in per_outlet.items()}
        if len(set().union(*ranks.values())) < 2:
            continue
        support = {r: sum(r in rs for rs in ranks.values()) for r in set().union(*ranks.values())}
        name = display.get(key, " ".join(k for k in key if k).title())
        for oa, ob in combinations(sorted(ranks), 2):
            if ranks[oa] & ranks[ob]:
                continue
            ma, mb = per_outlet[oa][0], per_outlet[ob][0]
            rows.append(_row(
                "title", "", name,
                _Side(oa, f"{ma[1]} ({ma[0]})", ma[2], ma[3], support[ma[0]], ma[0]),
                _Side(ob, f"{mb[1]} ({mb[0]})", mb[2], mb[3], support[mb[0]], mb[0]),
                "title",
            ))
    return rows


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


def find_conflicts(
    *,
    claims: "pd.DataFrame",
    claim_links: "pd.DataFrame",
    sentences: "pd.DataFrame",
    articles: "pd.DataFrame",
    quotes: "pd.DataFrame",
    speakers: "pd.DataFrame",
    quote_variants: "pd.DataFrame",
    settings: Settings | None = None,
) -> "pd.DataFrame":
    """Find where outlets disagree about dates, numbers, titles and quotes.

    Args:
        claims: the ``claims`` table (only its ids are needed: links carry them).
        claim_links: the ``claim_links`` table.
        sentences: the ``sentences`` table.
        articles: the ``articles`` table (``published`` resolves relative dates).
        quotes: the ``quotes`` table (speaker, role, sent_id).
        speakers: the ``speakers`` table (roles_by_outlet).
        quote_variants: the ``quote_variants`` table.
        settings: options; uses ``conflict_number_tolerance``,
            ``conflict_min_overlap``, ``conflict_event_fallback``,
            ``conflict_event_min_shared_entities``, ``conflict_event_max_gap``
            and ``conflict_story_min_similarity``.

    Returns:
        The ``conflicts`` table (:data:`CONFLICT_COLUMNS`), sorted by kind in
        :data:`KIND_ORDER`, then claim or speaker, outlets and values. Any
        input may be empty, even without columns.
    """
    import pandas as pd

    settings = settings or Settings()
    facts = _Facts(sentences, articles)
    known_claims = set(_column(claims, "claim_id"))
    links = claim_links
    if known_claims and _has(claim_links, "claim_id"):
        links = claim_links[claim_links["claim_id"].isin(known_claims)]
    members = _claim_members(links, facts)
    names = _Names(sentences, settings.conflict_story_min_similarity)

    rows = _claim_conflicts(members, names, facts, settings)
    if settings.conflict_event_fallback:
        done = {
            frozenset({f"{r['evidence_id_a']}", f"{r['evidence_id_b']}"}) for r in rows if r["kind"] == "date"
        }
        rows += _event_conflicts(facts, members, names, settings, done)

    claim_of_sentence: dict[str, str] = {}
    for claim_id, group in sorted(members.items()):
        if len({s.outlet for s in group}) >= 2:
            for s in group:
                claim_of_sentence.setdefault(s.sent_id, claim_id)
    rows += _quote_wording_conflicts(quote_variants, quotes, claim_of_sentence, names)
    rows += _title_conflicts(sentences, quotes, speakers)

    table = pd.DataFrame(rows, columns=CONFLICT_COLUMNS)
    if table.empty:
        return table
    table = table.drop_duplicates("conflict_id")
    # one row per outlet pair and pair of readings: a claim that repeats the
    # same disagreement through several sentences reports it once
    table = table.drop_duplicates(["kind", "claim_id", "speaker", "outlet_a", "value_a", "outlet_b", "value_b"])
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    table = table.assign(_k=table["kind"].map(order)).sort_values(
        ["_k", "claim_id", "speaker", "outlet_a", "outlet_b", "value_a", "value_b", "conflict_id"], kind="stable"
    )
    return table.drop(columns="_k").reset_index(drop=True)
