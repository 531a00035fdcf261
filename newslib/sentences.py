"""Split cleaned articles into sentences (the ``sentences`` stage).

Input: ``texts`` (article_id → cleaned text) and the ``articles`` table.
Output: the ``sentences`` table: sent_id, article_id, outlet, paragraph,
position, start, end, text, where ``texts[article_id][start:end] == text``.

Segmentation uses nltk's Punkt algorithm with parameters built here (a
curated abbreviation set) instead of the pretrained ``punkt_tab`` model. That
works offline, never calls ``nltk.download``, and gives the same sentences
(and therefore the same IDs) whether or not a machine has nltk data.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Mapping

from newslib.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

SENTENCE_COLUMNS = ["sent_id", "article_id", "outlet", "paragraph", "position", "start", "end", "text"]

#: Abbreviations that end with a dot but do not end a sentence (lower case,
#: without the final dot, as Punkt stores them). Grouped by where they come from.
ABBREVIATIONS: frozenset[str] = frozenset(
    # Military ranks, as used in US and British copy ("retired Lt. Gen. Mark Hertling").
    "lt gen maj col sgt adm capt cmdr cmdt brig cpl pvt ret lt.col lt.gen maj.gen".split()
    # Civil titles and honorifics ("Sen. Warren", "Dr. Fauci", "Martin Luther King Jr.").
    + "gov sen rep rev prof dr mr mrs ms messrs mmes st jr sr hon pres supt insp det atty amb".split()
    # Countries and bodies written with dots ("U.S. officials", "the U.K.'s ambassador").
    + "u.s u.k u.n e.u u.s.a u.s.s.r d.c n.y l.a n.k s.k p.r".split()
    # Months and days as abbreviated in datelines ("Sept. 5").
    + "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun".split()
    # Companies, places and Latin shorthand ("Acme Inc.", "vs.", "e.g.").
    + "inc corp co ltd llc plc bros dept univ assn ave blvd rd mt ft no nos vol vs etc e.g i.e a.m p.m approx est".split()
    # Single letters: initials in names ("James A. Marks", "John F. Kennedy").
    + list("abcdefghijklmnopqrstuvwxyz")
)

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")


@lru_cache(maxsize=8)
def _tokenizer(extra: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS) | {e.lower().rstrip(".") for e in extra}
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str, *, extra_abbreviations: tuple[str, ...] = ()) -> list[tuple[int, int, int]]:
    """Sentence spans of a cleaned text as ``(paragraph, start, end)``.

    Paragraphs are runs of lines separated by a blank line; a sentence never
    crosses a paragraph, so a British multi-paragraph quote (each paragraph
    opening with a quotation mark, closed only at the end) splits at its
    paragraph breaks and each part stays a sentence of its own paragraph.
    Closing quotation marks after a full stop stay with their sentence
    (``…at all," Marks said.`` is one sentence).
    """
    tok = _tokenizer(tuple(sorted(extra_abbreviations)))
    spans: list[tuple[int, int, int]] = []
    for p_idx, para in enumerate(_PARAGRAPH.finditer(text)):
        base = para.start()
        for s, e in tok.span_tokenize(para.group()):
            chunk = para.group()[s:e]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            if e - trail > s + lead:
                spans.append((p_idx, base + s + lead, base + e - trail))
    return _merge_fragments(text, spans)


#: A "sentence" that is only an attribution tail (`"…?" he asked.`) belongs to
#: the quote before it: Punkt splits after a question or exclamation mark even
#: when a lower-case attribution follows.
_TAIL = re.compile(r"^[a-z(]")


def _merge_fragments(text: str, spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    for span in spans:
        if out and out[-1][0] == span[0] and _TAIL.match(text[span[1]:span[2]]):
            prev = out.pop()
            out.append((prev[0], prev[1], span[2]))
        else:
            out.append(span)
    return out


def split_sentences(
    texts: Mapping[str, str],
    articles: "pd.DataFrame",
    *,
    settings: Settings | None = None,
) -> "pd.DataFrame":
    """Build the ``sentences`` table for every article.

    Args:
        texts: article_id → cleaned text (from :func:`newslib.clean.clean_corpus`).
        articles: the articles table (gives each article's outlet).
        settings: ``extra_abbreviations`` adds to :data:`ABBREVIATIONS`.

    Returns:
        One row per sentence; ``sent_id`` is ``"{article_id}-s{n:04d}"`` and
        ``position`` is the sentence start as a fraction of the article length.
    """
    import pandas as pd

    settings = settings or Settings()
    outlets = dict(zip(articles["article_id"], articles["outlet"])) if len(articles) else {}
    rows = []
    for aid, text in texts.items():
        length = max(len(text), 1)
        for n, (para, start, end) in enumerate(
            sentence_spans(text, extra_abbreviations=settings.extra_abbreviations)
        ):
            rows.append((f"{aid}-s{n:04d}", aid, outlets.get(aid, "unknown"), para,
                         round(start / length, 4), start, end, text[start:end]))
    frame = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    return frame.astype({"paragraph": "int64", "start": "int64", "end": "int64", "position": "float64"})


def add_counts(articles: "pd.DataFrame", sentences: "pd.DataFrame", texts: Mapping[str, str]) -> "pd.DataFrame":
    """Add ``n_sentences`` and ``n_words`` to the articles table."""
    out = articles.copy()
    counts = sentences["article_id"].value_counts().to_dict()
    out["n_sentences"] = [int(counts.get(a, 0)) for a in out["article_id"]]
    out["n_words"] = [len(texts.get(a, "").split()) for a in out["article_id"]]
    cols = ["article_id", "outlet", "title", "published", "byline", "url", "source_path",
            "n_sentences", "n_words"]
    return out[cols + [c for c in out.columns if c not in cols]]
