"""Strip page clutter line by line (the ``clean`` stage).

Input: a :class:`~newslib.corpus.Corpus`.
Output: :class:`Cleaned` with

* ``texts``: article_id → cleaned body text, one paragraph per kept line,
  paragraphs joined by a blank line (``"\\n\\n"``);
* ``articles``: article metadata with the headline and date resolved;
* ``removed``: every line (or date marker) taken out, with the reason;
* ``line_repeats``: kept lines that repeat an earlier line of the same
  article (flagged, never deleted);
* ``paragraphs``: where each paragraph of ``texts`` came from.

Conservation: every non-blank input line is either a paragraph of the
cleaned text or a row of ``removed`` (blank lines only separate paragraphs).
The patterns live in :mod:`newslib.boilerplate`; this module is generic.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslib import boilerplate
from newslib.corpus import DATE_MARKER, Article, Corpus
from newslib.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

REMOVED_COLUMNS = ["article_id", "line_no", "text", "reason"]
REPEAT_COLUMNS = ["article_id", "line_no", "first_line_no", "kind", "similarity", "text"]
PARAGRAPH_COLUMNS = ["article_id", "paragraph", "line_no", "start", "end"]
ARTICLE_COLUMNS = ["article_id", "outlet", "title", "published", "byline", "url", "source_path",
                   "encoding", "fmt", "outlet_from"]

#: Two kept lines of one article whose rapidfuzz ratio is at least this are a
#: near repeat (the HuffPost standfirst and its later re-wording score 91;
#: distinct sentences about the same event in the seeds stay below 75).
NEAR_REPEAT_MIN_RATIO = 88.0
#: Lines shorter than this many words are not checked for near repeats.
NEAR_REPEAT_MIN_WORDS = 8
#: Near-repeat search is quadratic in the lines of one article; above this
#: many lines only exact repeats are flagged (a hostile file must not stall).
NEAR_REPEAT_MAX_LINES = 400

_HAS_WORD = re.compile(r"\w")
_CAPTION_REASON = "photo caption"
_BIO_REASON = "author bio"


@dataclass
class Cleaned:
    """Result of :func:`clean_corpus` (see the module docstring)."""

    articles: "pd.DataFrame"
    texts: dict[str, str]
    removed: "pd.DataFrame"
    line_repeats: "pd.DataFrame"
    paragraphs: "pd.DataFrame"


def line_reason(line: str) -> str | None:
    """Return the boilerplate reason for one stripped line, or ``None`` for text."""
    lower = line.lower()
    for rule in boilerplate.LINE_RULES:
        if rule.hints and not any(h in lower for h in rule.hints):
            continue
        target = line[-rule.tail:] if rule.tail else line
        if rule.pattern.search(target):
            return rule.reason
    return None


def _norm_line(line: str) -> str:
    return " ".join(line.lower().split())


def _same_headline(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    a, b = _norm_line(a), _norm_line(b)
    return a == b or fuzz.ratio(a, b) >= 90


def clean_corpus(corpus: Corpus, *, settings: Settings | None = None) -> Cleaned:
    """Clean every article of ``corpus`` and keep an audit of what went.

    Args:
        corpus: the loaded articles.
        settings: ``outlet_boilerplate_min_articles`` and
            ``outlet_boilerplate_max_words`` control the corpus-level signal.

    Returns:
        A :class:`Cleaned` record of tables.
    """
    import pandas as pd

    settings = settings or Settings()
    per_article = [_clean_lines(a) for a in corpus.articles]
    outlet_lines = _outlet_boilerplate(corpus.articles, per_article, settings=settings)

    removed: list[tuple] = []
    repeats: list[tuple] = []
    paragraphs: list[tuple] = []
    texts: dict[str, str] = {}
    meta: list[dict[str, str]] = []
    for article, state in zip(corpus.articles, per_article):
        aid = article.article_id
        kept: list[tuple[int, str, str]] = []
        for (line_no, text), norm in zip(state.kept, state.norms):
            reason = outlet_lines.get((article.outlet, norm))
            if reason:
                state.removed.append((line_no, text, reason))
            else:
                kept.append((line_no, text, norm))
        removed.extend((aid, n, t, r) for n, t, r in sorted(state.removed, key=lambda x: x[0]))
        repeats.extend((aid, *row) for row in _repeats(kept))
        pos = 0
        chunks = []
        for i, (line_no, text, _) in enumerate(kept):
            if i:
                pos += 2
            paragraphs.append((aid, i, line_no, pos, pos + len(text)))
            chunks.append(text)
            pos += len(text)
        texts[aid] = "\n\n".join(chunks)
        meta.append({
            "article_id": aid,
            "outlet": article.outlet,
            "title": state.title,
            "published": state.published,
            "byline": article.byline,
            "url": article.url,
            "source_path": article.source_path,
            "encoding": article.encoding,
            "fmt": article.fmt,
            "outlet_from": article.outlet_from,
        })
    return Cleaned(
        articles=pd.DataFrame(meta, columns=ARTICLE_COLUMNS),
        texts=texts,
        removed=pd.DataFrame(removed, columns=REMOVED_COLUMNS),
        line_repeats=pd.DataFrame(repeats, columns=REPEAT_COLUMNS),
        paragraphs=pd.DataFrame(paragraphs, columns=PARAGRAPH_COLUMNS),
    )


@dataclass
class _State:
    title: str
    published: str
    kept: list[tuple[int, str]]
    removed: list[tuple[int, str, str]]
    #: ``_norm_line`` of each kept line, computed once for every later pass.
    norms: list[str]


def _clean_lines(article: Article) -> _State:
    lines = article.text.split("\n")
    title, published = article.title, article.published
    kept: list[tuple[int, str]] = []
    removed: list[tuple[int, str, str]] = []
    # Plain text: the first real line is the headline. Other formats carry the
    # headline as metadata, and a body line is dropped only if it repeats it.
    headline_done = not article.title_in_text

    n_lines = len(lines)
    i = 0
    while i < n_lines:
        line_no = i + 1
        text = lines[i].strip()
        i += 1
        if not text:
            continue
        if not headline_done and line_reason(text) is None and _HAS_WORD.search(text):
            headline_done = True
            body = text
            marker = DATE_MARKER.match(body)
            if marker:
                published = published or marker.group(1)
                body = body[marker.end():].strip()
            if not title and body:
                title = body
                reason = "headline (moved to articles.title)"
                if marker:
                    reason = "headline and date marker (moved to articles.title and published)"
                removed.append((line_no, text, reason))
                continue
            if body and _same_headline(body, title):
                removed.append((line_no, text, "headline (repeats articles.title)"))
                continue
            if marker:
                removed.append((line_no, text[: len(text) - len(body)].strip(), "date marker (moved to articles.published)"))
                text = body
                if not text:
                    continue
        if not _HAS_WORD.search(text):
            removed.append((line_no, text, "no words (separator or stray symbols)"))
            continue
        reason = line_reason(text)
        if reason == _BIO_REASON and re.match(r"(?i)^about\b", text):
            # A bio heading takes the short block after it along.
            rest = [(j + 1, lines[j].strip()) for j in range(i, n_lines) if lines[j].strip()]
            removed.append((line_no, text, _BIO_REASON))
            if len(rest) <= boilerplate.BIO_BLOCK_MAX_LINES:
                removed.extend((n, t, _BIO_REASON) for n, t in rest)
                break
            continue
        if reason == _CAPTION_REASON and kept:
            prev_no, prev = kept[-1]
            if (prev_no == line_no - 1 and len(prev.split()) <= boilerplate.CAPTION_TITLE_MAX_WORDS
                    and not re.search(r"[.!?][\"”’')]*$", prev)):
                kept.pop()
                removed.append((prev_no, prev, "photo caption (title line)"))
        if reason:
            removed.append((line_no, text, reason))
            continue
        kept.append((line_no, text))
    return _State(title=title, published=published, kept=kept, removed=removed,
                  norms=[_norm_line(t) for _, t in kept])


def _outlet_boilerplate(articles: list[Article], states: list[_State], *,
                        settings: Settings) -> dict[tuple[str, str], str]:
    """Lines repeated across several stories of one outlet, and only there.

    Guards, so that article text survives:

    * the line is short (``outlet_boilerplate_max_words``) and holds no
      quotation mark (a repeated quote is news, not a template);
    * no other outlet printed it (shared text across outlets is news);
    * it repeats across different *stories*: articles of one outlet that
      share a prose line (eight words or more, ending like a sentence, found
      in at most :data:`STORY_LINK_MAX_ARTICLES` of its articles) are
      versions of one story (an update, a re-post) and count once.
    """
    min_articles = settings.outlet_boilerplate_min_articles
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for idx, article in enumerate(articles):
        if article.outlet != "unknown":
            by_outlet[article.outlet].append(idx)
    line_outlets: dict[str, set[str]] = defaultdict(set)
    for article, state in zip(articles, states):
        for norm in state.norms:
            line_outlets[norm].add(article.outlet)

    found: dict[tuple[str, str], str] = {}
    for outlet, idxs in by_outlet.items():
        if len(idxs) < min_articles:
            continue
        norms_of = {idx: set(states[idx].norms) for idx in idxs}
        holders: dict[str, list[int]] = defaultdict(list)
        for idx in idxs:
            for norm in norms_of[idx]:
                holders[norm].append(idx)
        candidates = [
            norm for norm, held in holders.items()
            if len(held) >= min_articles
            and len(norm.split()) <= settings.outlet_boilerplate_max_words
            and not _QUOTE_MARK.search(norm)
            and line_outlets[norm] == {outlet}
        ]
        if not candidates:
            continue
        story = _story_clusters(idxs, holders)
        for norm in candidates:
            stories = {story[i] for i in holders[norm]}
            if len(stories) >= min_articles:
                found[(outlet, norm)] = (
                    f"outlet boilerplate (line in {len(holders[norm])} {outlet} articles)"
                )
    return found


#: A prose line shared by more than this many articles of one outlet is more
#: likely a template than a story passage, so it does not link articles into
#: one story (an update rarely has more than two earlier versions).
STORY_LINK_MAX_ARTICLES = 3
_QUOTE_MARK = re.compile("[\"“”«»‘]|(?<!\\w)[’']|[’'](?!\\w)")
_PROSE_END = re.compile(r"[.!?][\"”’')\]]*$")


def _story_clusters(idxs: list[int], holders: dict[str, list[int]]) -> dict[int, int]:
    """Union articles of one outlet that share a prose line; returns idx -> story root."""
    parent = {i: i for i in idxs}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for norm, held in holders.items():
        if (2 <= len(held) <= STORY_LINK_MAX_ARTICLES and len(norm.split()) >= 8
                and _PROSE_END.search(norm)):
            first = root(held[0])
            for other in held[1:]:
                parent[root(other)] = first
    return {i: root(i) for i in idxs}


def _repeats(kept: list[tuple[int, str, str]]) -> list[tuple]:
    """Exact and near repeats among ``(line_no, text, normalised text)`` lines."""
    rows: list[tuple] = []
    first_seen: dict[str, int] = {}
    exact_dupes: set[int] = set()
    for line_no, text, norm in kept:
        if norm in first_seen:
            rows.append((line_no, first_seen[norm], "exact", 100.0, text))
            exact_dupes.add(line_no)
        else:
            first_seen[norm] = line_no
    if len(kept) > NEAR_REPEAT_MAX_LINES:
        return rows
    cands = [(n, t, norm) for n, t, norm in kept if n not in exact_dupes and len(t.split()) >= NEAR_REPEAT_MIN_WORDS]
    if len(cands) < 2:
        return rows
    from rapidfuzz import fuzz, process

    norms = [norm for _, _, norm in cands]
    scores = process.cdist(norms, norms, scorer=fuzz.ratio, score_cutoff=NEAR_REPEAT_MIN_RATIO)
    for j in range(len(cands)):
        for i in range(j):
            if scores[j][i] >= NEAR_REPEAT_MIN_RATIO and norms[i] != norms[j]:
                rows.append((cands[j][0], cands[i][0], "near", round(float(scores[j][i]), 1), cands[j][1]))
                break
    rows.sort(key=lambda r: r[0])
    return rows
