"""The sources each article cites (the ``sources`` table).

Input: the ``sentences`` and ``articles`` tables.
Output: ``sources``: article_id, outlet, sent_id, source, kind, text: one
row per (sentence, canonical source), where ``kind`` is ``media``,
``official``, ``expert`` or ``document`` and ``text`` is the whole sentence
that cites the source (the ``sent_id`` links it back to its position).

Method. The patterns in :mod:`newslib.source_patterns` find *mentions* of
named organisations ("CNN", "the White House", "Carnegie Moscow Center"),
short forms ("the Times"), unnamed groups ("U.S. officials", "Experts") and
documents ("the report", "leaked documents"). A mention becomes a source only
when a *cue* ties it to the reporting:

* a cue right before it: ``told CNN``, ``according to the report``,
  ``citing American and other officials``, ``speaking to CNN's``,
  ``a representative for``; venues for media (``on CNN``) and affiliations
  for experts (``Gabuev with the Carnegie Moscow Center``);
* a cue right after it: a reporting verb (``The New York Times on Monday
  reported``, ``US intelligence has claimed``, ``who said``), a report noun
  (``The Times report``), a media possessive (``CNN's Jim Acosta``), or a
  spokesperson (``National Security Council spokesman John Kirby``, only in a
  sentence that reports speech, and never a *former* role: ``Former ... CIA
  director David Petraeus`` is not a CIA source);
* or no cue at all for self-evident documents (``leaked documents``).

A mention is never a source when an exclusion applies: the outlet asked it
for comment (``Newsweek reached out to the Russian Foreign Ministry``), it did
not comment (``The Kremlin has so far refused to comment``), or it is the
article's own outlet (``a request for comment from Insider``). Use
:func:`source_mentions` to see every mention of a sentence with the reason it
was or was not counted.

Canonical names: "CNN's The Situation Room" -> ``CNN``; "the Times" -> ``The
New York Times`` when the article names the New York Times (see
:data:`~newslib.source_patterns.SHORT_FORMS`); "US officials", "U.S.
officials", "a United States official" -> ``U.S. officials``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from newslib import source_patterns as sp
from newslib.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["SOURCE_COLUMNS", "MENTION_COLUMNS", "find_sources", "source_mentions", "canonical_outlet"]

#: Columns of the ``sources`` table.
SOURCE_COLUMNS = ["article_id", "outlet", "sent_id", "source", "kind", "text"]
#: Columns of :func:`source_mentions`.
MENTION_COLUMNS = ["start", "end", "mention", "source", "kind", "cue", "cited", "reason"]

# Typographic quotes -> ASCII, one character for one, so offsets stay valid.
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})
#: Characters around a mention searched for cues and exclusions. The longest cue in
#: the seeds ("did not immediately respond to a request for comment", 52 characters)
#: fits with room to spare; a bounded window keeps the anchored searches linear.
_WINDOW_CHARS = 80
_SPEECH = re.compile(r"(?:\b" + sp.REPORTING_VERBS + r"\b)|\"")


@dataclass(frozen=True)
class _Entry:
    """One compiled row of the pattern tables."""

    regex: re.Pattern[str]
    kind: str
    source: str  # canonical name, or template for groups, or fallback for short forms
    family: str  # "named", "short" or "group"
    needs_cue: bool
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    mention: str
    source: str
    kind: str
    family: str
    cue: str
    cited: bool
    reason: str


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], tuple[_Entry, ...], dict]:
    """One alternation regex over every pattern, plus the per-row regexes.

    The combined regex finds mentions in one pass per sentence (fast on
    hundreds of thousands of sentences); the row's own regex is then re-run at
    the match position to read its named groups.
    """
    entries: list[_Entry] = []
    for row in sp.NAMED_SOURCES:
        entries.append(_Entry(re.compile(row.pattern), row.kind, row.source, "named", True))
    for row in sp.SHORT_FORMS:
        entries.append(_Entry(re.compile(row.pattern), row.kind, row.fallback, "short", True, row.candidates))
    for row in sp.GROUP_SOURCES:
        entries.append(_Entry(re.compile(row.pattern), row.kind, row.template, "group", row.needs_cue))
    names, groups = [], []
    for i, entry in enumerate(entries):
        body = re.sub(r"\(\?P<\w+>", "(?:", entry.regex.pattern)
        (groups if entry.family == "group" else names).append(f"(?P<e{i}>{body})")
    # Names start with a capital or a digit (a rule of the pattern tables, checked
    # by tests/test_sources.py): the guard lets the matcher skip every other word
    # start at once, which halves the time per sentence.
    combined = re.compile(
        r"(?<![\w.])(?:(?=[A-Z0-9])(?:" + "|".join(names) + ")|" + "|".join(groups) + r")(?![\w])"
    )

    mod = rf"(?:{sp.CUE_MODIFIERS}\s+)*[\"']?"
    before = {}
    for kind in sp.KINDS:
        cues = sp.BEFORE_CUES_ALL + sp.BEFORE_CUES_BY_KIND.get(kind, ())
        # One regex per kind (alternation of every cue): one search per mention.
        spaced = "|".join(rf"(?:{cue})\s*" if cue == "'s?" else rf"(?:{cue})\s+" for cue, _ in cues)
        before[kind] = re.compile(rf"(?:{spaced}){mod}$")
    regexes = {
        "before": before,
        "after_verb": re.compile(
            rf"^(?:'s)?(?:[\s,]+{sp.AFTER_FILLERS})*[\s,]+{sp.REPORTING_VERBS}\b"
            rf"|^,?\s+(?:who|which|that)\s+(?:{sp.AFTER_FILLERS}\s+)*{sp.REPORTING_VERBS}\b"
        ),
        "after_noun": re.compile(rf"^(?:'s?)?\s+(?:(?:new|latest|own|recent)\s+)?{sp.REPORT_NOUNS}\b"),
        "after_possessive": re.compile(r"^'s?\s+[\"']?[A-Z]"),
        "after_role": re.compile(rf"^(?:'s?)?\s+{sp.ROLE_NOUNS}"),
        "former": re.compile(sp.FORMER_WORDS),
        "exclude_before": [
            (re.compile(rf"(?:{pat})\s+(?:{sp.CUE_MODIFIERS}\s+)*$"), reason) for pat, reason, _ in sp.EXCLUDE_BEFORE
        ],
        "exclude_after": [(re.compile(pat), reason) for pat, reason, _ in sp.EXCLUDE_AFTER],
    }
    return combined, tuple(entries), regexes


def _canonical(entry: _Entry, match_text: str) -> str:
    if entry.family != "group":
        return entry.source
    inner = entry.regex.fullmatch(match_text) or entry.regex.match(match_text)
    groups = inner.groupdict() if inner else {}
    nat = groups.get("nat")
    return entry.source.format(
        nat=sp.NATIONALITIES.get(re.sub(r"\s+", " ", nat), nat) if nat else "",
        grp=(groups.get("grp") or "").lower(),
    )


def _cue(text: str, start: int, end: int, kind: str, family: str, regexes: dict) -> tuple[str, bool]:
    """The cue that ties the mention to the reporting, and whether it is an affiliation role."""
    # Cues are short: looking at a bounded window keeps "...$" searches linear.
    head = text[max(0, start - _WINDOW_CHARS):start]
    tail = text[end:end + _WINDOW_CHARS]
    found = regexes["before"][kind].search(head)
    if found:
        return found.group(0).strip(), False
    found = regexes["after_verb"].match(tail)
    if found:
        return found.group(0).strip(" ,"), False
    found = regexes["after_noun"].match(tail)
    if found and family != "group":
        return found.group(0).strip(), False
    if kind == "media":
        found = regexes["after_possessive"].match(tail)
        if found:
            return "'s", False
    found = regexes["after_role"].match(tail)
    if found and family != "group" and _SPEECH.search(text):
        return found.group(0).strip(), True
    return "", False


def _scan(text: str, *, own_source: str | None) -> list[_Mention]:
    """Every mention in one sentence, with its cue and whether it is cited."""
    combined, entries, regexes = _compiled()
    clean = text.translate(_QUOTES)
    out: list[_Mention] = []
    previous_end: int | None = None
    for match in combined.finditer(clean):
        index = int(match.lastgroup[1:])  # type: ignore[index]
        entry = entries[index]
        start, end = match.span()
        source = _canonical(entry, match.group(0))
        cue, is_role = _cue(clean, start, end, entry.kind, entry.family, regexes)
        if not entry.needs_cue and not cue:
            cue = "(self-evident)"
        # The most specific reason is recorded, so the audit view explains itself.
        reason = ""
        if entry.kind == "document" and previous_end is not None and re.fullmatch(
            r"(?:'s?)?\s*", clean[previous_end:start]
        ):
            # "The Times report": the report belongs to the source named just before it.
            reason = "owned_by_named_source"
        if not reason and own_source is not None and source == own_source:
            reason = "own_outlet"
        if not reason:
            for exclude, why in regexes["exclude_before"]:
                if exclude.search(clean[max(0, start - _WINDOW_CHARS):start]):
                    reason = why
                    break
        if not reason:
            for exclude, why in regexes["exclude_after"]:
                if exclude.match(clean[end:end + _WINDOW_CHARS]):
                    reason = why
                    break
        if not reason and is_role:
            window = clean[:start].split()[-sp.FORMER_WINDOW:]
            if regexes["former"].search(" ".join(window)):
                reason = "former_affiliation"
        if not reason and not cue:
            reason = "no_cue"
        if entry.kind != "document":
            previous_end = end
        out.append(
            _Mention(start, end, text[start:end], source, entry.kind, entry.family, cue, not reason, reason)
        )
    return out


@lru_cache(maxsize=4096)
def canonical_outlet(outlet: str) -> str:
    """The canonical source name of an outlet ("Business Insider" -> "Business Insider").

    Args:
        outlet: the outlet name from the ``articles`` table.

    Returns:
        The canonical name of the first named source the outlet name matches,
        or the outlet name itself when none does.
    """
    for mention in _scan(outlet, own_source=None):
        if mention.family == "named":
            return mention.source
    return outlet


def _resolve_short_forms(mentions: Iterable[_Mention]) -> dict[str, str]:
    """Short-form fallback -> the candidate full name the article mentions first."""
    seen: list[str] = []
    for mention in mentions:
        if mention.family == "named" and mention.source not in seen:
            seen.append(mention.source)
    resolved = {}
    for row in sp.SHORT_FORMS:
        for name in seen:
            if name in row.candidates:
                resolved[row.fallback] = name
                break
    return resolved


def _article_mentions(texts: list[str], own: str | None) -> list[list[_Mention]]:
    """Mentions of every sentence of one article, short forms resolved (one scan)."""
    scanned = [_scan(text, own_source=own) for text in texts]
    resolved = _resolve_short_forms(m for sentence in scanned for m in sentence)
    if not resolved:
        return scanned
    out = []
    for sentence in scanned:
        fixed = []
        for m in sentence:
            if m.family == "short" and m.source in resolved:
                source = resolved[m.source]
                reason = m.reason
                if own is not None and source == own and not reason:
                    reason = "own_outlet"
                m = _Mention(m.start, m.end, m.mention, source, m.kind, m.family, m.cue, not reason, reason)
            fixed.append(m)
        out.append(fixed)
    return out


def source_mentions(
    text: str,
    *,
    outlet: str | None = None,
    context: Iterable[str] = (),
    settings: Settings | None = None,
) -> "pd.DataFrame":
    """Every source mention in one sentence, cited or not, with the reason.

    This is the audit view behind :func:`find_sources`: a mention with
    ``cited=False`` says why it is not a source (``no_cue``,
    ``contacted_for_comment``, ``no_comment``, ``own_outlet``,
    ``former_affiliation``, ``owned_by_named_source``).

    Args:
        text: one sentence.
        outlet: the outlet that published it (its own name is not a source).
        context: other sentences of the same article, used to resolve short
            forms ("the Times" is The New York Times when the article names it).
        settings: accepted for symmetry with the other stages; unused.

    Returns:
        DataFrame with :data:`MENTION_COLUMNS`, in text order. ``start`` and
        ``end`` are offsets into ``text``.
    """
    import pandas as pd

    own = canonical_outlet(outlet) if outlet else None
    mentions = _article_mentions([*context, text], own)[-1]
    rows = [(m.start, m.end, m.mention, m.source, m.kind, m.cue, m.cited, m.reason) for m in mentions]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def find_sources(
    sentences: "pd.DataFrame", articles: "pd.DataFrame", *, settings: Settings | None = None
) -> "pd.DataFrame":
    """Find the sources each article cites.

    Args:
        sentences: the ``sentences`` table (sent_id, article_id, outlet, text ...).
        articles: the ``articles`` table (article_id, outlet ...); used for
            each article's outlet, whose own name is never its source.
        settings: accepted for symmetry with the other stages; the patterns
            live in :mod:`newslib.source_patterns`.

    Returns:
        The ``sources`` table (:data:`SOURCE_COLUMNS`): one row per sentence
        and canonical source, in article and sentence order. ``text`` is the
        whole citing sentence.
    """
    import pandas as pd

    if sentences is None or len(sentences) == 0:
        return pd.DataFrame(columns=SOURCE_COLUMNS)
    outlets = {}
    if articles is not None and len(articles):
        outlets = dict(zip(articles["article_id"], articles["outlet"]))
    rows = []
    for article_id, group in sentences.groupby("article_id", sort=False):
        texts = group["text"].tolist()
        outlet = outlets.get(article_id, group["outlet"].iloc[0])
        own = canonical_outlet(outlet) if isinstance(outlet, str) and outlet else None
        for sent_id, text, mentions in zip(group["sent_id"], texts, _article_mentions(texts, own)):
            seen = set()
            for mention in mentions:
                if mention.cited and mention.source not in seen:
                    seen.add(mention.source)
                    rows.append((article_id, outlet, sent_id, mention.source, mention.kind, text))
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)
