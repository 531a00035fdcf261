"""Views of a Coverage for notebooks and reports: escaped HTML, tables, widgets.

Input: a :class:`~newslib.coverage.Coverage`. Output: two layers.

1. **Pure views** (no ipywidgets, no I/O): functions that return a pandas
   DataFrame (``search_claims``, ``speaker_versions``, ``key_numbers``,
   ``conflict_groups``, ``shared_text_sources`` ...), plain sentences
   (``key_findings``: the report's opening summary, every number and name
   taken from the tables) or an :class:`HtmlFragment` (``highlight_article``,
   ``speaker_versions_html``, ``conflicts_html``, ``table_html`` ...). They
   are what the tests check, what scripts can call, and what the exported
   report shows as static HTML. **Every piece of article text goes through**
   :func:`html.escape` before it is put into HTML, so a story containing
   ``<script>`` or ``<img onerror=...>`` shows as text and never runs.
   Display choices (readable headers, ", "-joined lists, cut long cells)
   are made only when rendering; the tables keep their contract columns.
2. **Widgets** (``outlet_picker``, ``threshold_slider``, ``claim_search``,
   ``speaker_picker``, ``article_viewer``, ``conflict_browser``): thin
   ipywidgets wrappers that call the pure views on every change. ipywidgets
   is imported only when a widget is built.

Stable hooks for browser tests (CSS classes set with ``add_class``):
``newslib-threshold-slider`` (the FloatSlider), ``newslib-claim-count`` (an
HTML widget whose text is exactly ``Claims shown: N``), ``newslib-claim-matrix``
(the redrawn matrix), ``newslib-outlet-picker``, ``newslib-claim-search``,
``newslib-speaker-picker``, ``newslib-article-viewer``,
``newslib-conflict-browser``.
"""

from __future__ import annotations

import difflib
import html
import os
import re
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from newslib.coverage import Coverage

__all__ = [
    "CLAIM_COUNT_PREFIX",
    "COLUMN_LABELS",
    "article_choices",
    "article_viewer",
    "change_label",
    "claim_count_text",
    "claim_search",
    "claim_search_html",
    "column_label",
    "conflict_browser",
    "conflict_groups",
    "conflicts_html",
    "conflicts_view",
    "dispute_sentence",
    "highlight_article",
    "HtmlFragment",
    "join_names",
    "key_findings",
    "key_findings_html",
    "key_numbers",
    "list_text",
    "matrix_html",
    "omissions_html",
    "open_coverage",
    "outlet_picker",
    "outlet_summary",
    "outlets_of",
    "quote_changes",
    "quote_changes_html",
    "removal_reasons",
    "search_claims",
    "shared_text_sources",
    "shorten",
    "sources_by_outlet",
    "speaker_picker",
    "speaker_versions",
    "speaker_versions_html",
    "speakers_of",
    "split_value",
    "table_html",
    "threshold_slider",
    "unique_claims_html",
    "word_diff_html",
]

#: Text of the claim counter next to the threshold slider: ``Claims shown: N``.
#: Browser tests read the number after this prefix; keep it stable.
CLAIM_COUNT_PREFIX = "Claims shown: "
#: Matrix rows listed in widgets and static views before "… and N more":
#: 60 rows fit a laptop screen twice, enough to scroll without losing context.
MATRIX_MAX_ROWS = 60
#: Search results listed at most (the best-scoring first).
SEARCH_MAX_RESULTS = 25
#: Claim labels used as the subject of a conflict are cut to this length: the
#: evidence columns carry the sentences, the subject only names the claim
#: (100 characters: one line of the report's conflicts table).
SUBJECT_MAX_CHARS = 100
#: Default share of the other outlets that must carry a claim for its absence
#: in one outlet to count as an omission (same default as Coverage.omissions).
OMISSION_MIN_SHARE = 0.5

#: Readable table headers for the columns of newslib's tables, used by
#: :func:`table_html` (display only: the data keeps its column names, so CSVs
#: and scripts are unchanged). A column not listed shows its name with
#: underscores as spaces.
COLUMN_LABELS: dict[str, str] = {
    "article_id": "article",
    "sent_id": "sentence",
    "quote_id": "quote",
    "claim_id": "claim id",
    "label": "claim",
    "n_outlets": "outlets",
    "outlets": "carried by",
    "n_articles": "articles",
    "n_sentences": "sentences",
    "n_words": "words",
    "n_quotes": "quotes",
    "n_claims": "claims",
    "n_passages": "passages",
    "unique_claims": "only it reports",
    "omissions": "leaves out",
    "speakers": "people quoted",
    "originality": "own wording",
    "loaded_terms": "loaded terms",
    "mean_sentiment": "average tone (−1 to +1)",
    "compound": "tone (−1 to +1)",
    "lead_actor": "lead actor",
    "title": "headline",
    "reason_if_unattributed": "why unattributed",
    "line_no": "line",
    "first_line_no": "repeats line",
    "url": "URL",
    "upstream": "traced to",
    "max_words": "longest (words)",
    "example": "example",
}
#: Columns holding ";"-joined lists (outlets, terms, mentions): shown joined
#: with ", " so they read as lists, not as data.
LIST_COLUMNS = frozenset({"outlets", "loaded_terms", "mentions", "source", "kind", "sources"})
#: Longest text cell :func:`table_html` prints before cutting it with "…"
#: (None: never cut). 300 characters is two full sentences of news prose.
CELL_MAX_CHARS = 300
#: Evidence sentences in the conflict views are cut to this many characters
#: around the disputed value: enough for the clause that carries it (on the
#: seeds, 160 keeps the subject and verb of every date and title sentence).
EVIDENCE_MAX_CHARS = 160

#: One small style sheet, shipped inside every fragment so that a fragment is
#: self-contained in JupyterLab, in an ipywidgets HTML widget and in the
#: exported report (no external CSS). Colours are colour-blind safe pairs.
STYLE = """<style>
.nl-view{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:13px;line-height:1.5;max-width:80em}
.nl-view table.nl-table{border-collapse:collapse;margin:.4em 0 1em 0}
.nl-view table.nl-table th,.nl-view table.nl-table td{border:1px solid #d5d9de;padding:3px 7px;vertical-align:top;text-align:left}
.nl-view table.nl-table th{background:#f1f3f5}
.nl-view caption{caption-side:top;text-align:left;font-weight:600;padding:2px 0}
.nl-view .nl-claim{background:#dbe9f6;border-bottom:2px solid #2c6e9b}
.nl-view .nl-unique{background:#fde9c9;border-bottom:2px solid #c77700}
.nl-view .nl-quote{font-style:italic;background:#e6f4e1;border-bottom:2px dotted #2f7d32}
.nl-view .nl-claim.nl-quote,.nl-view .nl-unique.nl-quote{border-bottom-style:double}
.nl-view .nl-repeat{outline:1px dashed #8a8a8a}
.nl-view .nl-removed{color:#8a8a8a;text-decoration:line-through}
.nl-view .nl-reason{color:#6a6a6a;font-size:11px;text-decoration:none;display:inline-block;margin-left:.5em}
.nl-view del.nl-del{background:#fbdada;color:#8b1a1a}
.nl-view ins.nl-ins{background:#d4efd4;color:#14532d;text-decoration:none;font-weight:600}
.nl-view mark.nl-hit{background:#fff2a8}
.nl-view .nl-badge{display:inline-block;border-radius:3px;padding:0 5px;font-size:11px;background:#e8eaed;color:#333}
.nl-view .nl-badge.nl-substituted{background:#fbdada}
.nl-view .nl-legend span{margin-right:1em;padding:0 4px}
.nl-view .nl-muted{color:#6a6a6a}
.nl-view p{margin:.3em 0 .7em 0}
.nl-view .nl-side{margin:0 0 .6em 0}
.nl-view .nl-side:last-child{margin-bottom:0}
.nl-view ul.nl-findings li{margin:.25em 0}
</style>"""


class HtmlFragment(str):
    """A string of HTML built by newslib, with all article text escaped.

    It is a ``str`` (tests and scripts can search it) that Jupyter displays
    as HTML, so a notebook cell ending in ``widgets.conflicts_html(cov)``
    renders the table, also in the exported report.
    """

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return f"HtmlFragment({len(self)} characters)"


def _e(value: Any) -> str:
    """Escape any value for HTML text *and* attribute context."""
    if value is None:
        return ""
    try:
        import pandas as pd

        if not isinstance(value, (list, tuple, dict)) and pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return html.escape(str(value), quote=True)


def _fragment(body: str, *, css_class: str = "") -> HtmlFragment:
    classes = f"nl-view {css_class}".strip()
    return HtmlFragment(f'{STYLE}<div class="{classes}">{body}</div>')


def _table(cov: Any, name: str) -> "pd.DataFrame":
    import pandas as pd

    value = getattr(cov, name, None)
    return value if isinstance(value, pd.DataFrame) else pd.DataFrame()


def _str(value: Any) -> str:
    import pandas as pd

    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


# ---- loading -------------------------------------------------------------------------
def open_coverage(
    corpus: str | os.PathLike[str],
    *,
    outlets: Sequence[str] | None = None,
    progress: bool = True,
    **options: Any,
) -> "Coverage":
    """Run :func:`newslib.compare` with notebook parameters.

    Notebook parameter cells use ``None`` for "the library default"; this
    drops those so the defaults in :class:`~newslib.settings.Settings` apply.

    Args:
        corpus: folder or file of articles.
        outlets: outlets to keep (``None`` or empty keeps all).
        progress: show a progress bar on large corpora.
        **options: any Settings field; ``None`` values are ignored.

    Returns:
        The Coverage of the corpus.
    """
    from newslib.coverage import compare

    chosen = {key: value for key, value in options.items() if value is not None}
    if outlets:
        chosen["outlets"] = tuple(outlets)
    return compare(corpus, progress=progress, **chosen)


# ---- generic tables ------------------------------------------------------------------
def column_label(column: str, headers: Mapping[str, str] | None = None) -> str:
    """The header shown for ``column``: ``headers``, else :data:`COLUMN_LABELS`, else its name.

    Args:
        column: a DataFrame column name.
        headers: per-call labels that take precedence.

    Returns:
        A readable header ("unique_claims" -> "only it reports").
    """
    if headers and column in headers:
        return str(headers[column])
    return COLUMN_LABELS.get(column, str(column).replace("_", " "))


def list_text(value: Any) -> str:
    """A ";"-joined list as a readable list: ``"A;B; C"`` -> ``"A, B, C"``."""
    return ", ".join(part.strip() for part in _str(value).split(";") if part.strip())


def shorten(text: Any, limit: int | None) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with " …"."""
    value = re.sub(r"\s+", " ", _str(text)).strip()
    if limit is None or len(value) <= limit:
        return value
    cut = value[: max(limit - 2, 1)]
    if " " in cut[limit // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + " …"


def table_html(
    frame: "pd.DataFrame",
    *,
    columns: Sequence[str] | None = None,
    caption: str | None = None,
    max_rows: int | None = 50,
    empty: str = "Nothing to show.",
    percent: Sequence[str] = (),
    headers: Mapping[str, str] | None = None,
    count_noun: str | None = None,
    lists: Iterable[str] = LIST_COLUMNS,
    max_chars: int | None = CELL_MAX_CHARS,
    decimals: int | None = 2,
) -> HtmlFragment:
    """Render a DataFrame as an escaped HTML table (every cell and header escaped).

    Display only: headers are made readable (:func:`column_label`), list
    columns are joined with ", " and long text is cut; the DataFrame itself
    is not changed.

    Args:
        frame: the table.
        columns: columns to show, in order (default all).
        caption: text above the table.
        max_rows: show at most this many rows; a note gives the rest.
        empty: text shown instead of an empty table.
        percent: columns holding shares (0-1) to print as percentages.
        headers: header labels for this call (column -> label), over the defaults.
        count_noun: when given, the caption ends with the row count in this
            noun ("claim" -> "(15 claims)"); summary tables leave it out.
        lists: columns holding ";"-joined lists, shown joined with ", ".
        max_chars: cut text cells longer than this (None: never).
        decimals: round floats to this many decimals for display (None: as is).

    Returns:
        An :class:`HtmlFragment`.
    """
    cols = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    total = len(frame)
    head = frame if max_rows is None else frame.head(max_rows)
    as_list = set(lists)
    parts = []
    if caption:
        count = f" ({_plural(total, count_noun)})" if count_noun else ""
        parts.append(f"<caption>{_e(caption)}{_e(count)}</caption>")
    if not total:
        return _fragment(
            (f"<p><strong>{_e(caption)}</strong></p>" if caption else "")
            + f'<p class="nl-muted">{_e(empty)}</p>'
        )
    parts.append("<thead><tr>" + "".join(f"<th>{_e(column_label(c, headers))}</th>"
                                         for c in cols) + "</tr></thead>")
    rows = []
    for record in head[cols].itertuples(index=False, name=None):
        cells = []
        for col, value in zip(cols, record):
            if col in percent and _str(value) != "":
                text = f"{float(value):.0%}"
            elif col in as_list and isinstance(value, str):
                text = list_text(value)
            elif isinstance(value, float) and value == value and decimals is not None:
                text = f"{round(value, decimals):g}"
            else:
                text = _str(value)
            full = text
            text = shorten(text, max_chars) if isinstance(value, str) else text
            title = f' title="{_e(full)}"' if text != full else ""
            cells.append(f"<td{title}>{_e(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("<tbody>" + "".join(rows) + "</tbody>")
    note = ""
    if total > len(head):
        note = f'<p class="nl-muted">Showing {len(head)} of {total} rows.</p>'
    return _fragment(f'<table class="nl-table">{"".join(parts)}</table>{note}')


def _plural(n: int, word: str) -> str:
    """``"1 claim"``, ``"3 claims"``, ``"2 people"``."""
    irregular = {"person": "people", "country": "countries", "dispute": "disputes"}
    if n == 1:
        return f"{n} {word}"
    return f"{n} {irregular.get(word, word + 's')}"


def join_names(names: Iterable[Any], *, conjunction: str = "and") -> str:
    """``["A", "B", "C"]`` -> ``"A, B and C"`` (plain text, not escaped)."""
    items = [str(n) for n in names if _str(n)]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


# ---- outlets ---------------------------------------------------------------------------
def outlets_of(cov: Any) -> list[str]:
    """The outlets of a Coverage, sorted by name."""
    articles = _table(cov, "articles")
    if "outlet" not in articles.columns:
        return []
    return sorted(articles["outlet"].dropna().astype(str).unique())


# ---- claims ------------------------------------------------------------------------------
def claim_count_text(n: int) -> str:
    """The claim counter shown next to the slider: ``Claims shown: N``."""
    return f"{CLAIM_COUNT_PREFIX}{int(n)}"


def matrix_html(
    cov: Any,
    *,
    outlets: Iterable[str] | None = None,
    max_rows: int = MATRIX_MAX_ROWS,
) -> HtmlFragment:
    """The claim × outlet matrix as an escaped HTML table (● = outlet carries the claim).

    Args:
        cov: a Coverage with ``claims`` and ``claim_links``.
        outlets: outlets (columns) to show; default all.
        max_rows: claims listed (carried by most outlets first).

    Returns:
        An :class:`HtmlFragment`; its ``data-claims`` attribute holds the
        number of claims.
    """
    from newslib.plots import claim_presence

    names = list(outlets) if outlets is not None else outlets_of(cov)
    presence = claim_presence(cov, outlets=names)
    head = ["claim", "outlets", *names]
    rows = []
    for record in presence.head(max_rows).to_dict("records"):
        marks = "".join(
            f'<td title="outlet: {_e(n)}" style="text-align:center">{"●" if record[n] else ""}</td>'
            for n in names
        )
        kind = " <span class=\"nl-badge\">quote</span>" if record["kind"] == "quote" else ""
        rows.append(
            f'<tr><td title="claim {_e(record["claim_id"])}">{_e(record["label"])}{kind}</td>'
            f'<td style="text-align:center">{record["n_outlets"]}</td>{marks}</tr>'
        )
    more = len(presence) - min(len(presence), max_rows)
    note = f'<p class="nl-muted">… and {more} more claims.</p>' if more > 0 else ""
    if not len(presence):
        return _fragment('<p class="nl-muted">No claims at this setting.</p>')
    table = (
        f'<table class="nl-table" data-claims="{len(presence)}"><thead><tr>'
        + "".join(f"<th>{_e(h)}</th>" for h in head)
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )
    return _fragment(table + note)


def _claim_sentences(cov: Any) -> "pd.DataFrame":
    """claim_links joined with sentence text (claim_id, outlet, article_id, sent_id, text)."""
    import pandas as pd

    links = _table(cov, "claim_links")
    sentences = _table(cov, "sentences")
    if not len(links) or not len(sentences):
        return pd.DataFrame(columns=["claim_id", "outlet", "article_id", "sent_id", "text"])
    return links[["claim_id", "outlet", "article_id", "sent_id"]].merge(
        sentences[["sent_id", "text"]], on="sent_id", how="left"
    )


def search_claims(
    cov: Any,
    query: str,
    *,
    outlets: Iterable[str] | None = None,
    limit: int = SEARCH_MAX_RESULTS,
) -> "pd.DataFrame":
    """Find claims whose label or sentences mention every word of ``query``.

    Words are compared after newslib's normalisation and stemming
    (:func:`newslib.normalize.content_tokens`), so "anti-tank missile" finds
    "antitank missiles" and "calibre" finds "caliber". A query made only of
    stop words falls back to a case-insensitive substring match.

    Args:
        cov: a Coverage with claims, claim_links and sentences.
        query: free text typed by the analyst.
        outlets: only claims carried by at least one of these outlets.
        limit: at most this many results.

    Returns:
        claim_id, label, kind, n_outlets, outlets, n_matches (sentences of
        the claim that match), example (the first matching sentence);
        claims whose label matches first, then by n_matches and n_outlets.
    """
    import pandas as pd

    from newslib.normalize import content_tokens, normalize_text

    columns = ["claim_id", "label", "kind", "n_outlets", "outlets", "n_matches", "example"]
    claims = _table(cov, "claims")
    text = (query or "").strip()
    if not text or not len(claims):
        return pd.DataFrame(columns=columns)
    wanted = set(content_tokens(text))
    needle = normalize_text(text)

    def matches(candidate: str) -> bool:
        if wanted:
            return wanted <= set(content_tokens(candidate))
        return needle in normalize_text(candidate)

    sentences = _claim_sentences(cov)
    if outlets is not None:
        keep = set(outlets)
        sentences = sentences[sentences["outlet"].isin(keep)]
    hits: dict[str, list[str]] = {}
    for claim_id, sentence in zip(sentences["claim_id"], sentences["text"].fillna("")):
        if matches(sentence):
            hits.setdefault(claim_id, []).append(sentence)
    carried = set(sentences["claim_id"])
    rows = []
    for record in claims.to_dict("records"):
        claim_id = record["claim_id"]
        if claim_id not in carried:
            continue
        found = hits.get(claim_id, [])
        if not found and not matches(_str(record.get("label"))):
            continue
        rows.append(
            {
                "_label_match": matches(_str(record.get("label"))),
                "claim_id": claim_id,
                "label": _str(record.get("label")),
                "kind": _str(record.get("kind")),
                "n_outlets": record.get("n_outlets", 0),
                "outlets": _str(record.get("outlets")),
                "n_matches": len(found),
                "example": found[0] if found else _str(record.get("label")),
            }
        )
    result = pd.DataFrame(rows, columns=["_label_match", *columns])
    result = result.sort_values(["_label_match", "n_matches", "n_outlets", "claim_id"],
                                ascending=[False, False, False, True], kind="stable")
    return result[columns].head(limit).reset_index(drop=True)


def _mark_words(text: str, query: str) -> str:
    """Escape ``text`` and wrap the words that match ``query`` in <mark>."""
    from newslib.normalize import content_tokens

    wanted = set(content_tokens(query or ""))
    out = []
    for token in re.split(r"(\s+)", text):
        if token and not token.isspace() and wanted and set(content_tokens(token)) & wanted:
            out.append(f'<mark class="nl-hit">{_e(token)}</mark>')
        else:
            out.append(_e(token))
    return "".join(out)


def claim_search_html(cov: Any, query: str, *, outlets: Iterable[str] | None = None) -> HtmlFragment:
    """Search results as HTML: each claim with every outlet's sentence, matches marked."""
    if not (query or "").strip():
        return _fragment('<p class="nl-muted">Type words to search the claims.</p>')
    results = search_claims(cov, query, outlets=outlets)
    if not len(results):
        return _fragment(f'<p class="nl-muted">No claim mentions “{_e(query)}”.</p>')
    sentences = _claim_sentences(cov)
    noun = "claim mentions" if len(results) == 1 else "claims mention"
    parts = [f"<p>{len(results)} {noun} “{_e(query)}”.</p>"]
    for record in results.to_dict("records"):
        rows = sentences[sentences["claim_id"] == record["claim_id"]]
        if outlets is not None:
            rows = rows[rows["outlet"].isin(set(outlets))]
        items = "".join(
            f"<li><strong>{_e(o)}</strong>: {_mark_words(_str(t), query)}</li>"
            for o, t in zip(rows["outlet"], rows["text"])
        )
        parts.append(
            f'<div class="nl-result"><p><span class="nl-badge">{_e(record["claim_id"])}</span> '
            f'<strong>{_e(record["n_outlets"])} outlets</strong>: {_e(list_text(record["outlets"]))}</p>'
            f"<ul>{items}</ul></div>"
        )
    return _fragment("".join(parts))


# ---- quotes ----------------------------------------------------------------------------
def speakers_of(cov: Any) -> list[str]:
    """Speakers with at least one attributed quote, most quoted first."""
    quotes = _table(cov, "quotes")
    if "speaker" not in quotes.columns or not len(quotes):
        return []
    names = quotes["speaker"].fillna("").astype(str).str.strip()
    counts = names[names != ""].value_counts()
    return sorted(counts.index, key=lambda s: (-counts[s], s))


def _diff_key(word: str) -> str:
    """What two words are compared on: letters and digits, lower case, US spelling."""
    from newslib.normalize import fold_spelling

    core = re.sub(r"[^\w]+", "", word.lower().replace("’", "'"))
    return fold_spelling(core) if core else word


def word_diff_html(reference: str, text: str) -> str:
    """Escaped ``text`` with the words it changed from ``reference`` highlighted.

    Words are compared case-insensitively, ignoring punctuation and
    British/American spelling, so only real wording changes light up.
    Words of ``reference`` that ``text`` dropped or replaced are shown struck
    out (``<del class="nl-del">``), words it added or substituted are shown
    as ``<ins class="nl-ins">``.

    Args:
        reference: the version compared against (e.g. the most common one).
        text: this outlet's version.

    Returns:
        An HTML string (not wrapped in a fragment, for composing).
    """
    ref_words = (reference or "").split()
    words = (text or "").split()
    matcher = difflib.SequenceMatcher(
        None, [_diff_key(w) for w in ref_words], [_diff_key(w) for w in words], autojunk=False
    )
    out: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(_e(" ".join(words[j1:j2])))
            continue
        if i2 > i1:
            out.append(f'<del class="nl-del">{_e(" ".join(ref_words[i1:i2]))}</del>')
        if j2 > j1:
            out.append(f'<ins class="nl-ins">{_e(" ".join(words[j1:j2]))}</ins>')
    return " ".join(out)


#: Order of quote-variant kinds in every view: wording substitutions matter
#: most to an editor, identical quotes least.
CHANGE_ORDER = {
    "substituted": 0,
    "inserted": 1,
    "truncated_start": 2,
    "truncated_end": 3,
    "punctuation_or_spelling": 4,
    "identical": 5,
}


def speaker_versions(cov: Any, speaker: str) -> "pd.DataFrame":
    """Every outlet's version of each quote by ``speaker``.

    Args:
        cov: a Coverage with quotes (and quote_variants when available).
        speaker: the canonical speaker name (as in ``quotes.speaker``).

    Returns:
        group_id, outlet, quote_id, text, reference_text, change; quotes in no
        variant group get their own group (``group_id`` = quote_id, change
        ``only_version``). Groups with substitutions come first.
    """
    import pandas as pd

    columns = ["group_id", "outlet", "quote_id", "text", "reference_text", "change"]
    quotes = _table(cov, "quotes")
    if not len(quotes) or "speaker" not in quotes.columns:
        return pd.DataFrame(columns=columns)
    mine = quotes[quotes["speaker"].fillna("").astype(str) == speaker]
    variants = _table(cov, "quote_variants")
    if len(variants):
        grouped = variants[variants["quote_id"].isin(set(mine["quote_id"]))]
        grouped = grouped[["group_id", "outlet", "quote_id", "text", "reference_text", "change"]]
    else:
        grouped = pd.DataFrame(columns=columns)
    alone = mine[~mine["quote_id"].isin(set(grouped["quote_id"]))]
    alone = pd.DataFrame(
        {
            "group_id": alone["quote_id"],
            "outlet": alone["outlet"],
            "quote_id": alone["quote_id"],
            "text": alone["text"],
            "reference_text": alone["text"],
            "change": "only_version",
        },
        columns=columns,
    )
    table = pd.concat([grouped, alone], ignore_index=True) if len(alone) else grouped.copy()
    if not len(table):
        return pd.DataFrame(columns=columns)
    rank = table["change"].map(CHANGE_ORDER).fillna(len(CHANGE_ORDER))
    table["_group_rank"] = rank.groupby(table["group_id"]).transform("min")
    table["_size"] = table.groupby("group_id")["outlet"].transform("nunique")
    table["_rank"] = rank
    table = table.sort_values(["_group_rank", "_size", "group_id", "_rank", "outlet"],
                              ascending=[True, False, True, True, True], kind="stable")
    return table[columns].reset_index(drop=True)


#: How each kind of quote change reads in the views. ``inserted`` is not
#: listed: variants.py uses it for both directions ("the version has words the
#: reference lacks, or lacks words from inside the reference"), so
#: :func:`change_label` reads the direction from the words themselves.
CHANGE_LABELS = {
    "substituted": "words substituted",
    "truncated_start": "cut at the start",
    "truncated_end": "cut at the end",
    "punctuation_or_spelling": "punctuation or spelling",
    "identical": "unchanged",
    "only_version": "only version",
}


def change_label(change: str, reference: str = "", text: str = "") -> str:
    """A plain label for a quote version's change, in the direction of ``text``.

    For ``inserted`` the label says what *this* version did compared with the
    reference: "words added" (it has words the reference lacks), "words
    missing inside" (it lacks words from inside the reference), or both.

    Args:
        change: the ``quote_variants.change`` value.
        reference: the reference wording of the group.
        text: this version's wording.

    Returns:
        The label, e.g. ``"words substituted"``.
    """
    if change != "inserted":
        return CHANGE_LABELS.get(change, change.replace("_", " "))
    ref = [_diff_key(w) for w in (reference or "").split()]
    mine = [_diff_key(w) for w in (text or "").split()]
    added = missing = False
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ref, mine, autojunk=False).get_opcodes():
        if op in ("insert", "replace") and j2 > j1:
            added = True
        if op in ("delete", "replace") and i2 > i1 and i1 > 0 and i2 < len(ref):
            missing = True
    if added and missing:
        return "words added and missing"
    if added:
        return "words added"
    if missing:
        return "words missing inside"
    return "wording differs"


def _versions_block(table: "pd.DataFrame") -> str:
    """One table per statement: each distinct version once, the unchanged ones on one row.

    An outlet that printed the same version twice (in the lede and again
    lower down) is listed once, marked "2×"; versions identical to the
    reference share one "unchanged" row naming their outlets.
    """
    parts = []
    for group_id, group in table.groupby("group_id", sort=False):
        reference = _str(group["reference_text"].iloc[0])
        versions: dict[tuple[str, str, str], list[str]] = {}
        texts: dict[tuple[str, str, str], str] = {}
        unchanged: dict[str, int] = {}
        for record in group.to_dict("records"):
            change = _str(record["change"])
            outlet = _str(record["outlet"])
            if change == "identical":
                unchanged[outlet] = unchanged.get(outlet, 0) + 1
                continue
            words = " ".join(_diff_key(w) for w in _str(record["text"]).split())
            key = (change, words, outlet)
            versions.setdefault(key, []).append(outlet)
            texts.setdefault(key, _str(record["text"]))
        rows = []
        for key, outlets in versions.items():
            change, _, outlet = key
            times = f' <span class="nl-badge">{len(outlets)}×</span>' if len(outlets) > 1 else ""
            label = change_label(change, reference, texts[key])
            rows.append(
                f"<tr><td>{_e(outlet)}{times}</td>"
                f'<td><span class="nl-badge nl-{_e(change)}">{_e(label)}</span></td>'
                f"<td>{word_diff_html(reference, texts[key])}</td></tr>"
            )
        if unchanged:
            names = ", ".join(f"{o} ({n}×)" if n > 1 else o for o, n in unchanged.items())
            rows.append(
                f"<tr><td>{_e(names)}</td>"
                f'<td><span class="nl-badge nl-identical">{_e(CHANGE_LABELS["identical"])}'
                '</span></td><td class="nl-muted">same words as the reference</td></tr>'
            )
        parts.append(
            f'<table class="nl-table" data-group="{_e(group_id)}">'
            f"<caption>Reference wording: “{_e(reference)}”</caption>"
            "<thead><tr><th>outlet</th><th>change</th><th>this outlet's wording</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    return "".join(parts)


#: Legend of the word diffs: the direction matches quote_variants.diff
#: (``[-x-]`` reference words this version lacks, ``{+x+}`` words it adds).
_DIFF_LEGEND = (
    '<p class="nl-legend"><del class="nl-del">in the reference, missing from this version</del> '
    '<ins class="nl-ins">added or substituted by this version</ins> '
    '<span class="nl-muted">(case, punctuation and British/American spelling ignored)</span></p>'
)


def speaker_versions_html(cov: Any, speaker: str) -> HtmlFragment:
    """Each outlet's version of ``speaker``'s quotes, changed words highlighted (escaped HTML)."""
    table = speaker_versions(cov, speaker)
    if not len(table):
        return _fragment(f'<p class="nl-muted">No quotes attributed to {_e(speaker)}.</p>')
    legend = _DIFF_LEGEND
    head = (
        f"<p><strong>{_e(speaker)}</strong>: {table['quote_id'].nunique()} quotes in "
        f"{table['outlet'].nunique()} outlets, {table['group_id'].nunique()} distinct statements.</p>"
    )
    return _fragment(head + legend + _versions_block(table))


def quote_changes(cov: Any) -> "pd.DataFrame":
    """Quote variants whose wording differs from the reference, substitutions first.

    Returns:
        speaker, group_id, outlet, change, reference_text, text (punctuation
        and spelling-only variants and identical copies are left out).
    """
    import pandas as pd

    columns = ["speaker", "group_id", "outlet", "change", "reference_text", "text"]
    variants = _table(cov, "quote_variants")
    if not len(variants):
        return pd.DataFrame(columns=columns)
    changed = variants[~variants["change"].isin(["identical", "punctuation_or_spelling"])].copy()
    changed["_rank"] = changed["change"].map(CHANGE_ORDER).fillna(len(CHANGE_ORDER))
    changed = changed.sort_values(["_rank", "speaker", "group_id", "outlet"], kind="stable")
    return changed[columns].reset_index(drop=True)


def quote_changes_html(cov: Any, *, max_groups: int = 20) -> HtmlFragment:
    """Every quote whose wording changed between outlets, as diff tables (escaped).

    Each statement is shown with all of its versions (so the reader sees the
    unchanged ones too); statements with substitutions come first.
    """
    changed = quote_changes(cov)
    if not len(changed):
        return _fragment('<p class="nl-muted">No quote was reworded between outlets.</p>')
    variants = _table(cov, "quote_variants")
    groups = list(dict.fromkeys(changed["group_id"]))
    parts = []
    for group_id in groups[:max_groups]:
        group = variants[variants["group_id"] == group_id].copy()
        group["_rank"] = group["change"].map(CHANGE_ORDER).fillna(len(CHANGE_ORDER))
        group = group.sort_values(["_rank", "outlet"], kind="stable")
        speaker = _str(group["speaker"].iloc[0]) or "Unattributed"
        parts.append(f"<h4>{_e(speaker)}</h4>" + _versions_block(group))
    more = len(groups) - min(len(groups), max_groups)
    note = f'<p class="nl-muted">… and {more} more reworded statements.</p>' if more else ""
    legend = _DIFF_LEGEND
    return _fragment(legend + "".join(parts) + note)


# ---- articles --------------------------------------------------------------------------
def article_choices(cov: Any) -> list[tuple[str, str]]:
    """(label, article_id) pairs for a picker: "Outlet: headline"."""
    articles = _table(cov, "articles")
    if not len(articles):
        return []
    return [
        (f"{_str(o)}: {_str(t)[:80] or a}", _str(a))
        for a, o, t in zip(articles["article_id"], articles["outlet"], articles["title"])
    ]


def _quote_span(text: str, record: dict[str, Any]) -> tuple[int, int] | None:
    """Where a quote sits in the cleaned text (its offsets, else a search)."""
    quote = _str(record.get("text"))
    try:
        start, end = int(record.get("start")), int(record.get("end"))
    except (TypeError, ValueError):
        start, end = -1, -1
    if 0 <= start < end <= len(text) and quote and quote.strip() in text[start:end]:
        return start, end
    if 0 <= start < end <= len(text) and not quote:
        return start, end
    if quote:
        found = text.find(quote)
        if found >= 0:
            return found, found + len(quote)
    return None


def _article_spans(cov: Any, article_id: str, text: str) -> list[tuple[int, int, str, str]]:
    """Highlight intervals (start, end, css class, tooltip) for one article."""
    spans: list[tuple[int, int, str, str]] = []
    sentences = _table(cov, "sentences")
    if not len(sentences):
        return spans
    sentences = sentences[sentences["article_id"] == article_id]
    offsets = {s: (int(a), int(b)) for s, a, b in zip(sentences["sent_id"], sentences["start"],
                                                        sentences["end"])}
    links = _table(cov, "claim_links")
    claims = _table(cov, "claims")
    if len(links):
        info = claims.set_index("claim_id") if "claim_id" in claims.columns else None
        mine = links[links["article_id"] == article_id]
        for claim_id, sent_id in zip(mine["claim_id"], mine["sent_id"]):
            if sent_id not in offsets:
                continue
            n_outlets, outlets = 1, ""
            if info is not None and claim_id in info.index:
                n_outlets = int(info.at[claim_id, "n_outlets"])
                outlets = list_text(info.at[claim_id, "outlets"])
            css = "nl-claim" if n_outlets > 1 else "nl-unique"
            tip = (f"claim {claim_id}: carried by {n_outlets} outlets ({outlets})" if n_outlets > 1
                   else f"claim {claim_id}: only this outlet")
            spans.append((*offsets[sent_id], css, tip))
    repeats = _table(cov, "sentence_repeats")
    if len(repeats):
        for sent_id, first in zip(repeats["sent_id"], repeats["repeat_of"]):
            if sent_id in offsets:
                spans.append((*offsets[sent_id], "nl-repeat", f"repeats {first} of this article"))
    quotes = _table(cov, "quotes")
    if len(quotes) and "article_id" in quotes.columns:
        for record in quotes[quotes["article_id"] == article_id].to_dict("records"):
            where = _quote_span(text, record)
            if where is None:
                continue
            speaker = _str(record.get("speaker")) or "unattributed"
            spans.append((*where, "nl-quote", f"quote {record.get('quote_id')}: {speaker}"))
    return spans


def _render_paragraph(text: str, start: int, end: int,
                      spans: list[tuple[int, int, str, str]]) -> str:
    """Escape text[start:end], wrapping each stretch in the classes that cover it."""
    inside = [(max(a, start), min(b, end), c, t) for a, b, c, t in spans if a < end and b > start]
    cuts = sorted({start, end, *(a for a, *_ in inside), *(b for _, b, *_ in inside)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = _e(text[a:b])
        active = [(c, t) for s, e, c, t in inside if s <= a and e >= b]
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({c for c, _ in active}))
        tips = " | ".join(dict.fromkeys(t for _, t in active))
        out.append(f'<span class="{_e(classes)}" title="{_e(tips)}">{piece}</span>')
    return "".join(out)


def highlight_article(
    cov: Any,
    article_id: str,
    *,
    show_removed: bool = True,
) -> HtmlFragment:
    """One article as escaped HTML with its claims, quotes and removed lines marked.

    Kept paragraphs and removed lines are interleaved in their original line
    order (from the ``paragraphs`` and ``removed`` tables); removed lines are
    struck through with the reason they were removed. Sentences are
    highlighted blue when another outlet carries the same claim and orange
    when only this outlet does; quotes are green and italic; repeated
    sentences and lines are outlined. Hover shows claim ids, outlets and
    speakers.

    Args:
        cov: a Coverage.
        article_id: the article to show.
        show_removed: interleave the removed lines.

    Returns:
        An :class:`HtmlFragment` (all article text escaped).

    Raises:
        KeyError: when ``article_id`` is not in the Coverage.
    """
    texts = getattr(cov, "texts", {}) or {}
    if article_id not in texts:
        raise KeyError(f"unknown article_id: {article_id!r}")
    text = texts[article_id]
    articles = _table(cov, "articles")
    meta = articles[articles["article_id"] == article_id].to_dict("records") if len(articles) else []
    meta_row = meta[0] if meta else {}
    spans = _article_spans(cov, article_id, text)

    # Paragraph positions (line numbers when the clean stage recorded them).
    paragraphs = _table(cov, "paragraphs")
    items: list[tuple[float, int, str]] = []
    if len(paragraphs) and "line_no" in paragraphs.columns:
        mine = paragraphs[paragraphs["article_id"] == article_id]
        bounds = list(zip(mine["line_no"], mine["start"], mine["end"]))
    else:
        bounds, pos = [], 0
        for chunk in text.split("\n\n"):
            bounds.append((None, pos, pos + len(chunk)))
            pos += len(chunk) + 2
    repeats = _table(cov, "line_repeats")
    repeated: dict[int, str] = {}
    if len(repeats):
        for line_no, first in zip(repeats[repeats["article_id"] == article_id]["line_no"],
                                  repeats[repeats["article_id"] == article_id]["first_line_no"]):
            repeated[int(line_no)] = f"repeats line {int(first)} of this article"
    for order, (line_no, start, end) in enumerate(bounds):
        body = _render_paragraph(text, int(start), int(end), spans)
        if line_no is not None and int(line_no) in repeated:
            body = (f'<span class="nl-repeat" title="{_e(repeated[int(line_no)])}">{body}</span>')
        key = float(line_no) if line_no is not None else float(order)
        items.append((key, 1, f"<p>{body}</p>"))
    removed = _table(cov, "removed")
    n_removed = 0
    if show_removed and len(removed):
        mine = removed[removed["article_id"] == article_id]
        n_removed = len(mine)
        for line_no, line, reason in zip(mine["line_no"], mine["text"], mine["reason"]):
            key = float(line_no) if bounds and bounds[0][0] is not None else float("inf")
            items.append((key, 0, f'<p class="nl-removed" title="removed: {_e(reason)}">{_e(line)}'
                                  f'<span class="nl-reason">[removed: {_e(reason)}]</span></p>'))
    items.sort(key=lambda item: (item[0], item[1]))

    legend = (
        '<p class="nl-legend"><span class="nl-claim">claim other outlets carry</span>'
        '<span class="nl-unique">claim only this outlet carries</span>'
        '<span class="nl-quote">quote</span><span class="nl-repeat">repeat</span>'
        '<span class="nl-removed">removed line</span></p>'
    )
    details = " · ".join(
        _e(v) for v in (meta_row.get("outlet"), meta_row.get("published"), meta_row.get("byline"))
        if _str(v)
    )
    head = (
        f'<h3>{_e(meta_row.get("title") or article_id)}</h3>'
        f'<p class="nl-muted">{details}{" · " if details else ""}{_e(article_id)} · '
        f"{len(bounds)} paragraphs kept, {n_removed} lines removed</p>"
    )
    return _fragment(head + legend + "".join(body for *_, body in items),
                     css_class="nl-article")


# ---- conflicts ---------------------------------------------------------------------------
CONFLICT_COLUMNS = ["conflict_id", "kind", "claim_id", "speaker", "outlet_a", "value_a",
                    "evidence_a", "outlet_b", "value_b", "evidence_b"]


def conflicts_view(
    cov: Any,
    *,
    kind: str | None = None,
    outlet: str | None = None,
) -> "pd.DataFrame":
    """The conflicts table, optionally only one kind or the conflicts involving one outlet."""
    import pandas as pd

    table = _table(cov, "conflicts")
    if not len(table):
        return pd.DataFrame(columns=CONFLICT_COLUMNS)
    if kind:
        table = table[table["kind"] == kind]
    if outlet:
        table = table[(table["outlet_a"] == outlet) | (table["outlet_b"] == outlet)]
    return table.reset_index(drop=True)


def _mark_value(evidence: str, value: str) -> str:
    """Escape ``evidence``, marking the first case-insensitive occurrence of ``value``.

    Conflict values may carry a resolution in brackets ("later this month
    (2023-09)"); when the full value is not in the evidence, the part before
    the bracket is looked for instead.
    """
    for candidate in (value, re.sub(r"\s*\([^)]*\)\s*$", "", value or "")):
        found = evidence.lower().find(candidate.lower()) if candidate else -1
        if found >= 0:
            end = found + len(candidate)
            return (_e(evidence[:found]) + f'<mark class="nl-hit">{_e(evidence[found:end])}</mark>'
                    + _e(evidence[end:]))
    return _e(evidence)


#: How each conflict kind is named in the views (conflicts.py's kinds; an
#: unknown kind shows its name with underscores as spaces).
CONFLICT_KIND_LABELS = {
    "date": "date",
    "number": "number",
    "quote_wording": "quote wording",
    "title": "title or rank",
}
#: Columns of :func:`conflict_groups`.
DISPUTE_COLUMNS = ["dispute", "kind", "claim_id", "speaker", "subject", "side", "outlet",
                   "value", "reading", "evidence", "n_conflicts"]


def split_value(value: Any) -> tuple[str, str]:
    """Split a conflict value into (as written, normalised reading).

    conflicts.py writes ``"later this month (2023-09)"``: the expression as
    printed, then its reading in brackets. The reading is dropped when it only
    repeats the words ("General (general)").
    """
    text = _str(value).strip()
    match = re.fullmatch(r"(.*\S)\s*\(([^()]*)\)", text)
    if not match:
        return text, ""
    written, reading = match.group(1).strip(), match.group(2).strip()
    if reading.lower().replace(".", "") == written.lower().replace(".", ""):
        reading = ""
    return written, reading


def conflict_groups(
    cov: Any,
    *,
    kind: str | None = None,
    outlet: str | None = None,
) -> "pd.DataFrame":
    """The conflicts grouped into disputes: who says what, each reading once.

    conflicts.py writes one row per pair of outlets, so one outlet departing
    from four others is four rows repeating the same claim and the same
    sentence. Here the rows of one subject (kind + claim or speaker) are
    joined into disputes: the (outlet, value) readings linked by conflict
    rows, split into the two sides they take. Side ``a`` holds the readings
    conflicts.py put on side ``a`` most often (the majority or reference
    reading), side ``b`` the departing one. When the readings cannot be split
    into two sides (three mutually conflicting numbers), each conflict row is
    its own dispute.

    Args:
        cov: a Coverage with a ``conflicts`` table (and ``claims`` for labels).
        kind: only this conflict kind.
        outlet: only conflicts involving this outlet.

    Returns:
        One row per (dispute, side, outlet, value): dispute (1, 2, ... in the
        order of conflicts.KIND_ORDER, larger disputes first), kind, claim_id,
        speaker, subject (the speaker, else the claim label, cut to
        :data:`SUBJECT_MAX_CHARS`), side (``a``/``b``), outlet, value (as
        written), reading (normalised, empty when it adds nothing), evidence,
        n_conflicts (conflict rows in the dispute).
    """
    import pandas as pd

    table = conflicts_view(cov, kind=kind, outlet=outlet)
    if not len(table):
        return pd.DataFrame(columns=DISPUTE_COLUMNS)
    labels: dict[str, str] = {}
    claims = _table(cov, "claims")
    if len(claims) and {"claim_id", "label"} <= set(claims.columns):
        labels = dict(zip(claims["claim_id"].astype(str), claims["label"].astype(str)))
    try:
        from newslib.conflicts import KIND_ORDER
    except ImportError:  # pragma: no cover - conflicts.py always defines it
        KIND_ORDER = ()
    kind_rank = {k: i for i, k in enumerate(KIND_ORDER)}

    disputes: list[dict[str, Any]] = []
    records = table.to_dict("records")
    subjects: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for record in records:
        key = (_str(record.get("kind")), _str(record.get("claim_id")), _str(record.get("speaker")))
        subjects.setdefault(key, []).append(record)
    for (kind_, claim_id, speaker), rows in subjects.items():
        for component in _two_sided(rows):
            disputes.append({"kind": kind_, "claim_id": claim_id, "speaker": speaker, **component})
    disputes.sort(key=lambda d: (kind_rank.get(d["kind"], len(kind_rank)), -d["n_conflicts"],
                                 d["claim_id"], d["speaker"]))
    out = []
    for number, dispute in enumerate(disputes, start=1):
        subject = dispute["speaker"] or labels.get(dispute["claim_id"], dispute["claim_id"])
        for side in ("a", "b"):
            for (name, value), evidence in dispute[side].items():
                written, reading = split_value(value)
                out.append({
                    "dispute": number, "kind": dispute["kind"], "claim_id": dispute["claim_id"],
                    "speaker": dispute["speaker"], "subject": shorten(subject, SUBJECT_MAX_CHARS),
                    "side": side, "outlet": name, "value": written, "reading": reading,
                    "evidence": evidence, "n_conflicts": dispute["n_conflicts"],
                })
    return pd.DataFrame(out, columns=DISPUTE_COLUMNS)


def _two_sided(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Split the conflict rows of one subject into two-sided disputes.

    Each (outlet, value) reading is a node, each conflict row an edge; the
    connected readings are two-coloured. Returns one dict per dispute:
    ``a`` and ``b`` (reading -> evidence, in first-seen order) and
    ``n_conflicts``.
    """
    edges = []
    evidence: dict[tuple[str, str], str] = {}
    for record in rows:
        a = (_str(record.get("outlet_a")), _str(record.get("value_a")))
        b = (_str(record.get("outlet_b")), _str(record.get("value_b")))
        evidence.setdefault(a, _str(record.get("evidence_a")))
        evidence.setdefault(b, _str(record.get("evidence_b")))
        edges.append((a, b))
    neighbours: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for a, b in edges:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    colour: dict[tuple[str, str], int] = {}
    component: dict[tuple[str, str], int] = {}
    bipartite: dict[int, bool] = {}
    for start in neighbours:
        if start in colour:
            continue
        index = len(bipartite)
        bipartite[index] = True
        colour[start], component[start] = 0, index
        stack = [start]
        while stack:
            node = stack.pop()
            for other in neighbours[node]:
                if other not in colour:
                    colour[other], component[other] = 1 - colour[node], index
                    stack.append(other)
                elif colour[other] == colour[node]:
                    bipartite[index] = False
    result = []
    for index, ok in bipartite.items():
        mine = [(a, b) for a, b in edges if component[a] == index]
        if not ok:  # readings that do not split into two sides: one dispute per row
            result.extend({"a": {a: evidence[a]}, "b": {b: evidence[b]}, "n_conflicts": 1}
                          for a, b in mine)
            continue
        # The colour conflicts.py put on side "a" most often is side "a".
        on_a = sum(1 if colour[a] == 0 else -1 for a, _ in mine)
        side_a = 0 if on_a >= 0 else 1
        sides: dict[str, dict[tuple[str, str], str]] = {"a": {}, "b": {}}
        for a, b in mine:
            for node in (a, b):
                sides["a" if colour[node] == side_a else "b"].setdefault(node, evidence[node])
        result.append({**sides, "n_conflicts": len(mine)})
    return result


def _evidence_window(evidence: str, value: str, limit: int = EVIDENCE_MAX_CHARS) -> str:
    """``evidence`` cut to about ``limit`` characters around ``value`` (plain text)."""
    text = re.sub(r"\s+", " ", evidence).strip()
    if len(text) <= limit:
        return text
    found = text.lower().find(value.lower()) if value else -1
    if found < 0:
        return shorten(text, limit)
    start = max(0, found - limit // 2)
    if start:
        start = text.find(" ", start) + 1 or start
    piece = text[start:]
    piece = shorten(piece, limit - (2 if start else 0))
    return ("… " if start else "") + piece


def conflicts_html(
    cov: Any,
    *,
    kind: str | None = None,
    outlet: str | None = None,
    max_rows: int = 50,
) -> HtmlFragment:
    """Conflicts grouped into disputes, each side's outlets with their evidence (escaped).

    One row per dispute (:func:`conflict_groups`): what differs, then each
    side's readings, every outlet once with the sentence it printed, the
    disputed words marked.

    Args:
        cov: a Coverage with a ``conflicts`` table.
        kind: only this conflict kind.
        outlet: only conflicts involving this outlet.
        max_rows: show at most this many disputes.

    Returns:
        An :class:`HtmlFragment`.
    """
    groups = conflict_groups(cov, kind=kind, outlet=outlet)
    if not len(groups):
        return _fragment('<p class="nl-muted">No conflicts found between outlets.</p>')
    disputes = list(dict.fromkeys(groups["dispute"]))
    n_conflicts = int(groups.drop_duplicates("dispute")["n_conflicts"].sum())
    rows = []
    for number in disputes[:max_rows]:
        dispute = groups[groups["dispute"] == number]
        first = dispute.iloc[0]
        what = CONFLICT_KIND_LABELS.get(first["kind"], _str(first["kind"]).replace("_", " "))
        cells = []
        for side in ("a", "b"):
            items = []
            for record in dispute[dispute["side"] == side].to_dict("records"):
                reading = (f' <span class="nl-muted">({_e(record["reading"])})</span>'
                           if record["reading"] else "")
                window = _evidence_window(_str(record["evidence"]), record["value"])
                items.append(
                    f'<div class="nl-side"><strong>{_e(record["outlet"])}</strong>: '
                    f'<mark class="nl-hit">{_e(record["value"])}</mark>{reading}<br>'
                    f'<span class="nl-muted">{_mark_value(window, record["value"])}</span></div>'
                )
            cells.append(f"<td>{''.join(items)}</td>")
        count = (f'<br><span class="nl-muted">{_plural(int(first["n_conflicts"]), "conflict")}'
                 "</span>")
        rows.append(
            f"<tr><td><strong>{_e(what)}</strong>{count}</td>"
            f"<td>{_e(first['subject'])}</td>{''.join(cells)}</tr>"
        )
    note = ""
    if len(disputes) > max_rows:
        note = f'<p class="nl-muted">Showing {max_rows} of {len(disputes)} disputes.</p>'
    caption = (f"{_plural(n_conflicts, 'conflict')} between pairs of outlets, in "
               f"{_plural(len(disputes), 'dispute')}")
    return _fragment(
        f'<table class="nl-table"><caption>{_e(caption)}</caption><thead><tr>'
        "<th>what differs</th><th>about</th><th>one side</th><th>the other side</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{note}"
    )


# ---- summary tables for the report --------------------------------------------------
def _core_k(cov: Any, n_outlets: int) -> int:
    """Outlets a claim needs for the shared core: as ``Coverage.shared_core()`` counts it."""
    from newslib.claims import core_min_outlets

    return core_min_outlets(getattr(getattr(cov, "settings", None), "shared_core_min_outlets", 3), n_outlets)


def key_numbers(cov: Any, *, min_share: float = OMISSION_MIN_SHARE) -> "pd.DataFrame":
    """The headline numbers an editor reads first, as (measure, value) rows."""
    import pandas as pd

    claims = _table(cov, "claims")
    n_outlets = len(outlets_of(cov))
    k = _core_k(cov, n_outlets)
    core = int((claims["n_outlets"] >= k).sum()) if len(claims) else 0
    variants = _table(cov, "quote_variants")
    reworded = len(quote_changes(cov)) if len(variants) else 0
    unique = int((claims["n_outlets"] == 1).sum()) if len(claims) else 0
    quotes = _table(cov, "quotes")
    rows = [
        ("articles", len(_table(cov, "articles"))),
        ("outlets", n_outlets),
        ("sentences", len(_table(cov, "sentences"))),
        ("lines removed as page clutter", len(_table(cov, "removed"))),
        ("input problems", len(_table(cov, "problems"))),
        ("direct quotes", len(quotes)),
        ("people quoted", len(speakers_of(cov))),
        ("claims", len(claims)),
        (f"claims in the shared core (carried by ≥{k} outlets)", core),
        ("claims only one outlet carries", unique),
        ("conflicts between outlets", len(_table(cov, "conflicts"))),
        ("quote versions cut or reworded", reworded),
    ]
    return pd.DataFrame(rows, columns=["measure", "value"])


def outlet_summary(cov: "Coverage", *, min_share: float = OMISSION_MIN_SHARE) -> "pd.DataFrame":
    """One row per outlet: size, claims, unique claims, omissions, quotes, originality, tone.

    Returns:
        outlet, articles, words, claims, unique_claims, omissions (claims at
        least ``min_share`` of the other outlets carry but this one does not),
        quotes, speakers, originality (word-weighted share), loaded_terms
        (uses), mean_sentiment (VADER compound of body sentences).
    """
    import pandas as pd

    from newslib.plots import claim_presence

    names = outlets_of(cov)
    articles = _table(cov, "articles")
    presence = claim_presence(cov, outlets=names)
    quotes = _table(cov, "quotes")
    originality = _table(cov, "originality")
    loaded = _table(cov, "loaded_terms")
    sentiment = _table(cov, "sentiment")
    rows = []
    for name in names:
        mine = articles[articles["outlet"] == name]
        record: dict[str, Any] = {
            "outlet": name,
            "articles": len(mine),
            "words": int(mine["n_words"].sum()) if "n_words" in mine.columns else None,
        }
        if len(presence):
            record["claims"] = int(presence[name].sum())
            record["unique_claims"] = len(cov.unique_claims(name))
            record["omissions"] = len(cov.omissions(name, min_share=min_share))
        else:
            record.update(claims=0, unique_claims=0, omissions=0)
        if len(quotes) and "outlet" in quotes.columns:
            q = quotes[quotes["outlet"] == name]
            record["quotes"] = len(q)
            names = q["speaker"].dropna().astype(str).str.strip()
            record["speakers"] = int(names[names != ""].nunique())
        else:
            record.update(quotes=0, speakers=0)
        record["originality"] = None
        if len(originality) and {"outlet", "originality"} <= set(originality.columns):
            o = originality[originality["outlet"] == name]
            if len(o) and {"n_words", "n_words_shared"} <= set(o.columns) and o["n_words"].sum():
                record["originality"] = round(1 - o["n_words_shared"].sum() / o["n_words"].sum(), 3)
            elif len(o):
                record["originality"] = round(float(o["originality"].mean()), 3)
        record["loaded_terms"] = None
        if len(loaded) and "outlet" in loaded.columns:
            uses = loaded[loaded["outlet"] == name]
            record["loaded_terms"] = (int(uses["count"].sum()) if "count" in uses.columns
                                      else len(uses))
        record["mean_sentiment"] = None
        if len(sentiment) and {"outlet", "compound"} <= set(sentiment.columns):
            body = sentiment[sentiment["outlet"] == name]
            if "location" in body.columns:  # body sentences, as in plots.plot_sentiment
                body = body[body["location"] != "headline"]
            record["mean_sentiment"] = (round(float(body["compound"].mean()), 3) if len(body)
                                        else None)
        rows.append(record)
    columns = ["outlet", "articles", "words", "claims", "unique_claims", "omissions", "quotes",
               "speakers", "originality", "loaded_terms", "mean_sentiment"]
    return pd.DataFrame(rows, columns=columns)


#: Label of shared passages that reuse.py could not trace to a quoted source.
UNTRACED_SOURCE = "not traced to a quoted source"
#: Columns of :func:`shared_text_sources`.
SHARED_TEXT_COLUMNS = ["source", "outlets", "n_outlets", "n_passages", "n_words", "max_words",
                       "example"]
#: Example passages in :func:`shared_text_sources` are cut to this length.
EXAMPLE_MAX_CHARS = 140


def shared_text_sources(cov: Any) -> "pd.DataFrame":
    """Where the text that articles share word for word comes from, one row per source.

    ``reuse_passages`` has one row per pair of articles and passage, so a
    quote printed by four outlets is six rows. Here they are summed up by the
    upstream source the passage traces back to ("CNN (Mark Hertling)"):
    which outlets print text from it, and how many distinct passages.

    Returns:
        source (``upstream``, else :data:`UNTRACED_SOURCE`), outlets
        (";"-joined, sorted), n_outlets, n_passages (distinct passages once
        case, punctuation and spelling are set aside), n_words (their words,
        each distinct passage counted once), max_words (the longest passage),
        example (that passage, cut to :data:`EXAMPLE_MAX_CHARS`); the source
        with most shared words first, untraced passages last.
    """
    import pandas as pd

    passages = _table(cov, "reuse_passages")
    needed = {"outlet_a", "outlet_b", "text", "n_words"}
    if not len(passages) or not needed <= set(passages.columns):
        return pd.DataFrame(columns=SHARED_TEXT_COLUMNS)
    upstream = (passages["upstream"] if "upstream" in passages.columns
                else pd.Series("", index=passages.index))
    rows = []
    for source, group in passages.groupby(upstream.fillna("").astype(str).str.strip(), sort=False):
        outlets = sorted(set(group["outlet_a"].astype(str)) | set(group["outlet_b"].astype(str)))
        distinct: dict[str, int] = {}
        for text, n_words in zip(group["text"], group["n_words"]):
            distinct.setdefault(" ".join(_diff_key(w) for w in _str(text).split()), int(n_words))
        longest = group.loc[group["n_words"].astype(int).idxmax()]
        rows.append({
            "source": source or UNTRACED_SOURCE,
            "outlets": ";".join(outlets),
            "n_outlets": len(outlets),
            "n_passages": len(distinct),
            "n_words": sum(distinct.values()),
            "max_words": int(longest["n_words"]),
            "example": shorten(longest["text"], EXAMPLE_MAX_CHARS),
        })
    table = pd.DataFrame(rows, columns=SHARED_TEXT_COLUMNS)
    table["_untraced"] = table["source"] == UNTRACED_SOURCE
    table = table.sort_values(["_untraced", "n_words", "n_outlets", "source"],
                              ascending=[True, False, False, True], kind="stable")
    return table[SHARED_TEXT_COLUMNS].reset_index(drop=True)


def shared_text_sources_html(cov: Any, *, caption: str = "Where shared text comes from") -> HtmlFragment:
    """:func:`shared_text_sources` as an escaped table with readable headers."""
    return table_html(shared_text_sources(cov), caption=caption,
                      headers={"outlets": "printed by", "n_words": "words shared", "example": "longest passage"},
                      empty="No passage is shared word for word between articles.")


def copying_html(cov: Any, *, max_rows: int = 30) -> HtmlFragment:
    """``cov.copying()`` (who may have copied whom) as an escaped table, most untraced words first."""
    from newslib.reuse import copying

    return table_html(copying(_table(cov, "reuse_passages"), _table(cov, "articles")),
                      caption="Shared text per pair of articles", max_rows=max_rows,
                      columns=["outlet_a", "outlet_b", "n_words", "n_words_traced", "n_words_untraced", "verdict"],
                      headers={"n_words": "words shared", "n_words_traced": "traced to a source",
                               "n_words_untraced": "untraced"},
                      empty="No two articles of different outlets share a passage.")


def _say(outlets: Sequence[str]) -> str:
    return "says" if len(outlets) == 1 else "say"


def _quoted_values(values: Iterable[str]) -> str:
    unique = list(dict.fromkeys(v for v in values if v))
    return join_names([f"“{v}”" for v in unique], conjunction="or")


def dispute_sentence(dispute: "pd.DataFrame") -> str:
    """One plain sentence for one dispute of :func:`conflict_groups` (not escaped).

    The departing side (``b``) is named first, e.g. "Daily Star says “next
    month” (“A meeting set to take place next month …”) where Business
    Insider, CBN News, HuffPost and Newsweek say “later this month” or “this
    month”."
    """
    first = dispute.iloc[0]
    kind, speaker = _str(first["kind"]), _str(first["speaker"])
    a = dispute[dispute["side"] == "a"]
    b = dispute[dispute["side"] == "b"]
    a_names = list(dict.fromkeys(a["outlet"]))
    b_names = list(dict.fromkeys(b["outlet"]))
    a_values, b_values = _quoted_values(a["value"]), _quoted_values(b["value"])
    if kind == "quote_wording" and speaker:
        return (f"{_few_names(b_names)} {'quotes' if len(b_names) == 1 else 'quote'} {speaker} "
                f"with {b_values} where {_few_names(a_names)} {'has' if len(a_names) == 1 else 'have'} "
                f"{a_values}.")
    if kind == "title" and speaker:
        return (f"{_few_names(b_names)} {'calls' if len(b_names) == 1 else 'call'} {speaker} "
                f"{b_values}, {_few_names(a_names)} {a_values}.")
    context = ""
    if len(b):
        window = _evidence_window(_str(b.iloc[0]["evidence"]), _str(b.iloc[0]["value"]), 110)
        context = f" (“{window}”)" if window else ""
    what = CONFLICT_KIND_LABELS.get(kind, kind.replace("_", " "))
    lead = f"{what.capitalize()}: " if kind not in ("date", "number") else ""
    return (f"{lead}{_few_names(b_names)} {_say(b_names)} {b_values}{context} where "
            f"{_few_names(a_names)} {_say(a_names)} {a_values}.")


#: Key findings name at most this many outlets in a list; more are counted.
MAX_NAMED_OUTLETS = 8


def _few_names(names: list[str]) -> str:
    """:func:`join_names`, cut to the first few names and a count of the others."""
    if len(names) <= MAX_NAMED_OUTLETS:
        return join_names(names)
    shown = list(names)[: MAX_NAMED_OUTLETS - 1]
    return join_names([*shown, f"{len(names) - len(shown)} other outlets"])


def _outlet_list(names: list[str], articles: "pd.DataFrame") -> str:
    """All outlets by name, or the few with most articles and a count of the rest."""
    if len(names) <= MAX_NAMED_OUTLETS or "outlet" not in articles.columns:
        return join_names(names)
    counts = articles["outlet"].astype(str).value_counts()
    top = sorted(names, key=lambda o: (-int(counts.get(o, 0)), o))[: MAX_NAMED_OUTLETS - 1]
    return ("most articles: " + ", ".join(f"{o} ({int(counts.get(o, 0))})" for o in top)
            + f" and {len(names) - len(top)} others")


def key_findings(
    cov: Any,
    *,
    min_share: float = OMISSION_MIN_SHARE,
    max_disputes: int = 3,
) -> list[str]:
    """What an editor should know first, as plain sentences built from the tables.

    Nothing here is written by hand: every number, outlet and value comes
    from the Coverage, so the sentences follow the data when it changes.
    The sentences are plain text; :func:`key_findings_html` escapes them.

    Args:
        cov: a Coverage.
        min_share: share of the other outlets that must carry a claim for its
            absence to count as an omission.
        max_disputes: conflicts disputes spelled out (most serious first).

    Returns:
        Sentences: the corpus; the claims and how widely they are shared; the
        outlet with most claims of its own and the one leaving out most; the
        conflicts, the most serious spelled out; who is quoted; reworded
        quotes; shared text; loaded words. Parts without data are left out.
    """
    from newslib.plots import claim_presence

    findings: list[str] = []
    articles = _table(cov, "articles")
    names = outlets_of(cov)
    if not len(articles):
        return ["No articles were loaded."]
    dated = [_str(d) for d in articles.get("published", []) if _str(d)]
    dates = sorted(set(dated))
    when = ""
    if dates:
        when = f", published {dates[0]}" if len(dates) == 1 else f", published {dates[0]} to {dates[-1]}"
        if len(dated) < len(articles):
            when += f" ({len(dated)} of {len(articles)} {'carries' if len(dated) == 1 else 'carry'} a date)"
    findings.append(f"{_plural(len(articles), 'article')} from {_plural(len(names), 'outlet')} "
                    f"({_outlet_list(names, articles)}){when}.")

    presence = claim_presence(cov, outlets=names)
    if not len(presence):
        findings.append("No claims were found in the articles.")
    else:
        k = _core_k(cov, len(names))
        carried = presence["n_outlets"]
        parts = [f"{_plural(len(presence), 'distinct claim')}"]
        if len(names) > 1:
            parts.append(f"{int((carried >= k).sum())} carried by at least {k} outlets (the shared core)")
        if len(names) > 2 and k < len(names):
            parts.append(f"{int((carried == len(names)).sum())} by all {len(names)}")
        if len(names) > 1:
            parts.append(f"{int((carried == 1).sum())} by only one outlet")
        findings.append("; ".join(parts) + ".")
        if len(names) > 1:
            own = {o: int(((presence[o] == 1) & (carried == 1)).sum()) for o in names}
            leader = max(names, key=lambda o: (own[o], -names.index(o)))
            if own[leader]:
                findings.append(f"{leader} reports the most that no other outlet has: "
                                f"{own[leader]} of its {int(presence[leader].sum())} claims.")
            if hasattr(cov, "omissions"):
                left = {o: len(cov.omissions(o, min_share=min_share)) for o in names}
                laggard = max(names, key=lambda o: (left[o], -names.index(o)))
                if left[laggard]:
                    findings.append(
                        f"{laggard} leaves out the most of what the others report: "
                        f"{_plural(left[laggard], 'claim')} that at least "
                        f"{'half' if min_share == 0.5 else format(min_share, '.0%')} of the "
                        "other outlets carry.")

    conflicts = _table(cov, "conflicts")
    conflicts_ran = "conflicts" in (getattr(cov, "tables", None) or {})
    if conflicts_ran or len(conflicts):
        groups = conflict_groups(cov)
        if not len(groups):
            findings.append("No conflicts between outlets on dates, numbers, titles or quote "
                            "wording.")
        else:
            disputes = list(dict.fromkeys(groups["dispute"]))
            head = (f"{_plural(len(conflicts), 'conflict')} between pairs of outlets, in "
                    f"{_plural(len(disputes), 'dispute')}. Most serious: ")
            for i, number in enumerate(disputes[:max_disputes]):
                sentence = dispute_sentence(groups[groups["dispute"] == number])
                findings.append(head + sentence if i == 0 else sentence)
            if len(disputes) > max_disputes:
                findings.append(f"{_plural(len(disputes) - max_disputes, 'more dispute')} in the "
                                "conflicts table below.")

    quotes = _table(cov, "quotes")
    speakers = speakers_of(cov)
    if len(quotes) and speakers:
        top = speakers[0]
        mine = quotes[quotes["speaker"].fillna("").astype(str).str.strip() == top]
        spread = (f"{_plural(len(mine), 'quote')} in "
                  f"{_plural(int(mine['outlet'].nunique()), 'outlet')}")
        if len(speakers) == 1:
            findings.append(f"{_plural(len(quotes), 'direct quote')}; the only person quoted "
                            f"by name is {top} ({spread}).")
        else:
            findings.append(f"{_plural(len(quotes), 'direct quote')} from "
                            f"{_plural(len(speakers), 'person')}; {top} is quoted most "
                            f"({spread}).")
    changed = quote_changes(cov)
    if len(changed):
        # Counted by what each version did (change_label), in CHANGE_ORDER.
        counts: dict[str, int] = {}
        for change, reference, text in sorted(
            zip(changed["change"], changed["reference_text"], changed["text"]),
            key=lambda row: CHANGE_ORDER.get(row[0], len(CHANGE_ORDER)),
        ):
            label = change_label(_str(change), _str(reference), _str(text))
            counts[label] = counts.get(label, 0) + 1
        detail = ", ".join(f"{n} {'with ' if label.startswith('words') else ''}{label}"
                           for label, n in counts.items())
        verb = "differs" if len(changed) == 1 else "differ"
        findings.append(f"{_plural(len(changed), 'quote version')} {verb} from the fullest "
                        f"wording of the same quote: {detail}.")

    sources = shared_text_sources(cov)
    originality = _table(cov, "originality")
    if len(sources):
        top = sources.iloc[0]
        share = int(top["n_words"]) / max(int(sources["n_words"].sum()), 1)
        where = ("cannot be traced to a quoted source" if top["source"] == UNTRACED_SOURCE
                 else f"traces back to {top['source']}")
        sentence = (f"Most text shared word for word between outlets {where} "
                    f"({share:.0%} of the shared words, {_plural(int(top['n_passages']), 'passage')}"
                    f" printed by {_few_names(top['outlets'].split(';'))})")
        if len(originality) and {"outlet", "n_words", "n_words_shared"} <= set(originality.columns):
            sums = originality.groupby("outlet")[["n_words", "n_words_shared"]].sum()
            sums = sums[sums["n_words"] > 0]
            if len(sums):
                own = 1 - sums["n_words_shared"] / sums["n_words"]
                low = own.sort_values(kind="stable").index[0]
                sentence += f"; {low} has the least wording of its own ({own[low]:.0%})"
        findings.append(sentence + ".")
        copy_sentence = _copying_finding(cov)
        if copy_sentence:
            findings.append(copy_sentence)
    elif len(originality):
        findings.append("No article shares a passage word for word with another.")

    loaded = _table(cov, "loaded_terms")
    if len(loaded) and {"term", "outlet"} <= set(loaded.columns):
        weight = loaded["count"] if "count" in loaded.columns else 1
        uses = loaded.assign(_n=weight)
        per_term = uses.groupby("term").agg(n=("_n", "sum"), outlets=("outlet", "nunique"))
        per_term = per_term.sort_values(["n", "outlets"], ascending=False, kind="stable")
        per_outlet = uses.groupby("outlet")["_n"].sum().sort_values(ascending=False, kind="stable")
        term = per_term.index[0]
        findings.append(
            f"The most used loaded word is “{term}” ({_plural(int(per_term.loc[term, 'n']), 'use')} "
            f"in {_plural(int(per_term.loc[term, 'outlets']), 'outlet')}); "
            f"{per_outlet.index[0]} uses loaded words most ({int(per_outlet.iloc[0])} uses).")
    return findings


def _copying_finding(cov: Any) -> str:
    """One sentence on who may have copied whom (empty without shared passages)."""
    from newslib.reuse import copying

    pairs = copying(_table(cov, "reuse_passages"), _table(cov, "articles"))
    if not len(pairs):
        return ""
    untraced = pairs[pairs["n_words_untraced"] > 0]
    if not len(untraced):
        return (f"No outlet appears to have copied another: the text shared by "
                f"{_plural(len(pairs), 'pair')} of articles all traces to quoted speakers or cited sources.")
    top = untraced.iloc[0]
    if top["first"]:
        later = top["outlet_b"] if top["first"] == top["outlet_a"] else top["outlet_a"]
        detail = (f"{top['first']} published first, so {later} may have taken them from it "
                  "(or both from a source neither names)")
    else:
        detail = "which went first is unknown (or both took them from a source neither names)"
    return (f"{_plural(len(untraced), 'pair')} of articles share text that traces to no quoted or cited "
            f"source; most: {top['outlet_a']} and {top['outlet_b']} "
            f"({_plural(int(top['n_words_untraced']), 'word')}): {detail}.")


def key_findings_html(cov: Any, *, min_share: float = OMISSION_MIN_SHARE) -> HtmlFragment:
    """:func:`key_findings` as an escaped HTML list."""
    items = "".join(f"<li>{_e(s)}</li>" for s in key_findings(cov, min_share=min_share))
    return _fragment(f'<ul class="nl-findings">{items}</ul>')


def removal_reasons(cov: Any) -> "pd.DataFrame":
    """Why lines were removed: reason, lines, articles (most frequent first)."""
    import pandas as pd

    removed = _table(cov, "removed")
    if not len(removed):
        return pd.DataFrame(columns=["reason", "lines", "articles"])
    table = removed.groupby("reason").agg(lines=("line_no", "size"),
                                          articles=("article_id", "nunique"))
    return table.sort_values(["lines", "articles"], ascending=False).reset_index()


def _claim_lists(title_by_outlet: dict[str, "pd.DataFrame"], *, empty: str,
                 max_items: int, share: bool = False, max_outlets: int | None = None) -> HtmlFragment:
    parts = []
    chosen = list(title_by_outlet.items())
    left_out = 0
    if max_outlets is not None and len(chosen) > max_outlets:
        # many outlets: the ones with the longest lists, longest first
        chosen = sorted(chosen, key=lambda item: (-len(item[1]), item[0]))
        left_out = len(chosen) - max_outlets
        chosen = chosen[:max_outlets]
    for outlet, table in chosen:
        parts.append(f"<h4>{_e(outlet)} ({len(table)})</h4>")
        if not len(table):
            parts.append(f'<p class="nl-muted">{_e(empty)}</p>')
            continue
        items = []
        for record in table.head(max_items).to_dict("records"):
            extra = ""
            if share and "share" in record:
                extra = f' <span class="nl-badge">{float(record["share"]):.0%} of the others</span>'
            items.append(f"<li>{_e(record.get('label'))}{extra}</li>")
        more = len(table) - min(len(table), max_items)
        tail = f'<li class="nl-muted">… and {more} more</li>' if more > 0 else ""
        parts.append(f"<ul>{''.join(items)}{tail}</ul>")
    if not parts:
        return _fragment('<p class="nl-muted">No outlets.</p>')
    if left_out:
        parts.append(f'<p class="nl-muted">{_e(_plural(left_out, "more outlet"))} with shorter lists '
                     "(every outlet's list is in the claim tables).</p>")
    return _fragment("".join(parts))


#: Outlets listed at most by :func:`unique_claims_html` and :func:`omissions_html`
#: (those with the longest lists); a report on 60 outlets had 120 lists.
MAX_LISTED_OUTLETS = 12


def unique_claims_html(cov: "Coverage", *, max_items: int = 15,
                       max_outlets: int | None = MAX_LISTED_OUTLETS) -> HtmlFragment:
    """For each outlet, the claims no other outlet carries (escaped HTML lists)."""
    return _claim_lists({o: cov.unique_claims(o) for o in outlets_of(cov)},
                        empty="Nothing that only this outlet reported.", max_items=max_items,
                        max_outlets=max_outlets)


def omissions_html(
    cov: "Coverage", *, min_share: float = OMISSION_MIN_SHARE, max_items: int = 15,
    max_outlets: int | None = MAX_LISTED_OUTLETS,
) -> HtmlFragment:
    """For each outlet, the claims most other outlets carry but it left out (escaped)."""
    return _claim_lists({o: cov.omissions(o, min_share=min_share) for o in outlets_of(cov)},
                        empty="No omission: this outlet carries what most others carry.",
                        max_items=max_items, share=True, max_outlets=max_outlets)


def sources_by_outlet(cov: Any) -> "pd.DataFrame":
    """How often each outlet cites each source: source, kind, one column per outlet, total."""
    import pandas as pd

    sources = _table(cov, "sources")
    names = outlets_of(cov)
    if not len(sources) or not {"source", "outlet"} <= set(sources.columns):
        return pd.DataFrame(columns=["source", "kind", *names, "total"])
    kind = sources.groupby("source")["kind"].agg(lambda k: ";".join(sorted(set(map(str, k)))))
    counts = pd.crosstab(sources["source"], sources["outlet"]).reindex(columns=names, fill_value=0)
    counts.columns.name = None
    counts["total"] = counts.sum(axis=1)
    counts.insert(0, "kind", kind.reindex(counts.index).fillna(""))
    counts = counts.sort_values("total", ascending=False, kind="stable")
    return counts.rename_axis("source").reset_index()


# ---- widgets (ipywidgets, imported lazily) ------------------------------------------
def outlet_picker(cov: Any, *, value: Sequence[str] | None = None) -> Any:
    """A multi-select of the Coverage's outlets (all selected by default)."""
    import ipywidgets as w

    names = outlets_of(cov)
    chosen = [n for n in (value or names) if n in names] or names
    picker = w.SelectMultiple(options=names, value=tuple(chosen), description="Outlets",
                              rows=min(max(len(names), 2), 10))
    picker.add_class("newslib-outlet-picker")
    return picker


def threshold_slider(
    cov: "Coverage",
    *,
    outlets: Sequence[str] | None = None,
    minimum: float = 0.1,
    maximum: float = 0.9,
    step: float = 0.05,
    show_picker: bool = True,
    max_rows: int = MATRIX_MAX_ROWS,
) -> Any:
    """Similarity-threshold slider that re-aligns the claims and redraws the matrix.

    Moving the slider calls ``cov.realign(claim_threshold=value)`` (re-running
    only the claim and conflict stages) and redraws the HTML matrix and the
    ``Claims shown: N`` counter. The slider fires on release
    (``continuous_update=False``), so dragging does not queue re-alignments,
    and results are cached per threshold so going back is instant.

    Returns:
        An ``ipywidgets.VBox``: [outlet picker (optional), slider, counter,
        matrix]. Its ``newslib_state`` attribute is a dict holding the current
        Coverage under ``"coverage"``.
    """
    import ipywidgets as w

    start = float(cov.settings.claim_threshold)
    cache: dict[float, Any] = {round(start, 4): cov}
    picker = outlet_picker(cov, value=outlets)
    slider = w.FloatSlider(value=start, min=minimum, max=maximum, step=step,
                           description="Similarity", continuous_update=False,
                           readout_format=".2f", style={"description_width": "initial"})
    slider.add_class("newslib-threshold-slider")
    count = w.HTML()
    count.add_class("newslib-claim-count")
    matrix = w.HTML()
    matrix.add_class("newslib-claim-matrix")
    state: dict[str, Any] = {"coverage": cov}

    def redraw(*_: Any) -> None:
        key = round(float(slider.value), 4)
        if key not in cache:
            cache[key] = cov.realign(claim_threshold=key)
        current = cache[key]
        state["coverage"] = current
        names = list(picker.value)
        from newslib.plots import claim_presence

        count.value = _e(claim_count_text(len(claim_presence(current, outlets=names))))
        matrix.value = matrix_html(current, outlets=names, max_rows=max_rows)

    slider.observe(redraw, names="value")
    picker.observe(redraw, names="value")
    redraw()
    children = [picker, slider, count, matrix] if show_picker else [slider, count, matrix]
    box = w.VBox(children)
    box.newslib_state = state
    return box


def claim_search(cov: Any, *, outlets: Sequence[str] | None = None) -> Any:
    """A text box that lists the claims mentioning the typed words (on Enter)."""
    import ipywidgets as w

    box = w.Text(placeholder="e.g. artillery shells", description="Search",
                 continuous_update=False)
    box.add_class("newslib-claim-search")
    results = w.HTML(value=claim_search_html(cov, ""))

    def update(change: dict[str, Any]) -> None:
        results.value = claim_search_html(cov, change["new"], outlets=outlets)

    box.observe(update, names="value")
    return w.VBox([box, results])


def speaker_picker(cov: Any) -> Any:
    """A dropdown of speakers showing each outlet's version of their quotes."""
    import ipywidgets as w

    names = speakers_of(cov)
    picker = w.Dropdown(options=names, value=names[0] if names else None, description="Speaker")
    picker.add_class("newslib-speaker-picker")
    view = w.HTML()

    def update(*_: Any) -> None:
        view.value = (speaker_versions_html(cov, picker.value) if picker.value
                      else _fragment('<p class="nl-muted">No attributed quotes.</p>'))

    picker.observe(update, names="value")
    update()
    return w.VBox([picker, view])


def article_viewer(cov: Any) -> Any:
    """A dropdown of articles showing the chosen one with claims, quotes and removed lines marked."""
    import ipywidgets as w

    choices = article_choices(cov)
    picker = w.Dropdown(options=choices, value=choices[0][1] if choices else None,
                        description="Article", layout=w.Layout(width="max-content"))
    picker.add_class("newslib-article-viewer")
    view = w.HTML()

    def update(*_: Any) -> None:
        view.value = (highlight_article(cov, picker.value) if picker.value
                      else _fragment('<p class="nl-muted">No articles.</p>'))

    picker.observe(update, names="value")
    update()
    return w.VBox([picker, view])


def conflict_browser(cov: Any) -> Any:
    """Dropdowns (kind, outlet) filtering the conflicts table with its evidence."""
    import ipywidgets as w

    table = _table(cov, "conflicts")
    kinds = sorted(table["kind"].dropna().unique()) if len(table) else []
    kind = w.Dropdown(options=[("all kinds", "")] + [(k.replace("_", " "), k) for k in kinds],
                      value="", description="Kind")
    outlet = w.Dropdown(options=[("all outlets", "")] + [(o, o) for o in outlets_of(cov)],
                        value="", description="Outlet")
    view = w.HTML()

    def update(*_: Any) -> None:
        view.value = conflicts_html(cov, kind=kind.value or None, outlet=outlet.value or None)

    kind.observe(update, names="value")
    outlet.observe(update, names="value")
    update()
    box = w.VBox([w.HBox([kind, outlet]), view])
    box.add_class("newslib-conflict-browser")
    return box

