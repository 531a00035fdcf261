"""The self-contained HTML report: execute ``05-report`` and export it.

Input: a corpus path (anything :func:`newslib.compare` reads) and an output
file name. Output: one HTML file that opens from ``file://`` with no network,
plus a ``<name>_files/`` folder beside it holding every chart as PNG with the
CSV table it was drawn from.

How it works:

1. :func:`execute_report` runs the report notebook headless with papermill
   (progress bar on stderr), injecting the corpus path and any non-default
   :class:`~newslib.settings.Settings` field into its ``parameters`` cell.
2. :func:`render_html` turns the executed notebook into static HTML with
   nbconvert, without code cells or prompts. Widgets are rendered from their
   saved state as plain HTML (the value each control had, the output each
   Output widget held), so no widget JavaScript is needed and no widget area
   is blank. Every chart gets a link to its table as an embedded CSV.
3. The page carries a Content-Security-Policy that forbids every script and
   every load that is not an inline ``data:`` image or inline style, and
   :func:`audit_html` refuses to write a page that contains a script, an
   event-handler attribute, a ``javascript:`` URL or a reference to anything
   outside the file. Article text must already be escaped by the notebook's
   outputs; the policy and the audit are the second and third lines of
   defence, and they make an escaping mistake fail loudly instead of running.
"""

from __future__ import annotations

import base64
import copy
import html
import logging
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslib.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from nbformat import NotebookNode

__all__ = [
    "CSP",
    "ReportError",
    "UnsafeReportError",
    "audit_html",
    "build_report",
    "execute_report",
    "find_report_notebook",
    "register_chart_tables",
    "render_html",
]

logger = logging.getLogger(__name__)

#: File name of the notebook exported as the report.
REPORT_NOTEBOOK = "05-report.ipynb"
#: Name of the ``parameters``-cell variable that receives the corpus path.
CORPUS_PARAMETER = "corpus"
#: nbconvert template shipped in ``newslib/templates/`` (extends "lab").
TEMPLATE_NAME = "newslib-report"
TEMPLATE_DIR = Path(__file__).with_name("templates")
#: Per-cell time limit. The seeds need a few seconds per cell; ten minutes
#: leaves room for corpora of a few thousand articles before we call it hung.
CELL_TIMEOUT_S = 600

#: The page's Content-Security-Policy. No script of any kind may run (the
#: report has none, so anything that tries is injected text); images only
#: from inline ``data:`` URLs (matplotlib PNGs, CSS icons); styles only inline
#: (nbconvert inlines its CSS, pandas tables use style attributes); no
#: fetches, frames, fonts from elsewhere, forms or <base> rewrites.
CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'none'",
        "img-src data:",
        "style-src 'unsafe-inline'",
        "font-src data:",
        "connect-src 'none'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
)

_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
_CSV = "text/csv"
#: Cell tags honoured when exporting (the usual nbconvert/Jupyter Book names).
_REMOVE_CELL_TAGS = frozenset({"remove-cell", "remove_cell"})
_REMOVE_OUTPUT_TAGS = frozenset({"remove-output", "remove_output"})


class ReportError(RuntimeError):
    """The report notebook could not be executed or exported."""


class UnsafeReportError(ReportError):
    """The exported HTML would load something or run a script.

    Attributes:
        problems: one human-readable line per offending element.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n  ".join(problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(
            "refusing to write a report that is not inert (an output holds unescaped "
            f"HTML):\n  {shown}{more}"
        )


# ---- public API ------------------------------------------------------------------
def _check_writable(out: Path) -> None:
    """Fail before the notebook runs when the report could not be written.

    Raises:
        OSError: ``out`` is a folder, or its folder can not be created or
            written (checked by creating and removing a probe file there).
    """
    from newslib.coverage import check_writable_folder

    if out.is_dir():
        raise IsADirectoryError(f"the report path is a folder, not a file: {out}")
    check_writable_folder(out.parent, what="the report")


def build_report(
    source: str | os.PathLike[str],
    out_html: str | os.PathLike[str],
    *,
    settings: Settings | None = None,
    progress: bool = True,
    notebook: str | os.PathLike[str] | None = None,
    **options: Any,
) -> Path:
    """Execute the report notebook on a corpus and write one self-contained HTML file.

    Args:
        source: folder (or file) of articles, as accepted by :func:`newslib.compare`.
        out_html: the HTML file to write; its folder is created. Charts and
            their tables are also written to ``<stem>_files/`` beside it.
        settings: options to start from (defaults when ``None``).
        progress: show papermill's cell progress bar on stderr.
        notebook: the notebook to run (default: :func:`find_report_notebook`).
        **options: any :class:`~newslib.settings.Settings` field, e.g.
            ``claim_threshold=0.4``; each must be a parameter of the notebook.

    Returns:
        The path of the HTML file written.

    Raises:
        FileNotFoundError: when ``source`` or the notebook does not exist.
        ValueError: when an option has no matching notebook parameter.
        ReportError: when a cell fails (the partly executed notebook is saved
            as ``<stem>.failed.ipynb`` beside ``out_html``).
        UnsafeReportError: when the page would not be inert.
    """
    source_path = Path(source).expanduser().resolve()
    if not source_path.exists():
        raise FileNotFoundError(f"no such corpus file or folder: {source}")
    out = Path(out_html).expanduser().resolve()
    _check_writable(out)
    settings = Settings.from_options(settings, **options)
    nb_path = Path(notebook).resolve() if notebook is not None else find_report_notebook()

    started = time.perf_counter()
    executed = execute_report(
        source_path, notebook=nb_path, settings=settings, progress=progress, failed_copy=out
    )
    ran = time.perf_counter() - started
    assets = out.with_name(f"{out.stem}_files")
    for stale in [*assets.glob("[0-9][0-9]-*.png"), *assets.glob("[0-9][0-9]-*.csv")]:
        stale.unlink()  # charts of an earlier build of this report
    page = render_html(
        executed,
        title=f"newslib report: {source_path.name}",
        footer=_footer(source_path, nb_path),
        assets_dir=assets,
    )
    partial = out.with_name(f".{out.name}.partial")
    partial.write_text(page, encoding="utf-8")
    os.replace(partial, out)  # never leave a half-written report behind
    out.with_suffix(".failed.ipynb").unlink(missing_ok=True)
    logger.info(
        "report %s: executed in %.1f s, exported in %.1f s",
        out,
        ran,
        time.perf_counter() - started - ran,
    )
    return out


def find_report_notebook() -> Path:
    """Locate ``05-report``: the repository's ``notebooks/`` folder.

    newslib is installed in editable mode from its repository (``make``
    does that), so the notebook is read where analysts edit it. Its jupytext
    ``py:percent`` twin is used when only that file is present.

    Returns:
        Path of the ``.ipynb`` (or paired ``.py``) notebook.

    Raises:
        FileNotFoundError: when neither file exists.
    """
    folder = Path(__file__).resolve().parent.parent / "notebooks"
    for candidate in (folder / REPORT_NOTEBOOK, folder / Path(REPORT_NOTEBOOK).with_suffix(".py")):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"report notebook not found: {folder / REPORT_NOTEBOOK} (newslib must be installed "
        "from its repository with `pip install -e .`, or pass notebook=...)"
    )


def execute_report(
    source: str | os.PathLike[str],
    *,
    notebook: str | os.PathLike[str],
    settings: Settings | None = None,
    progress: bool = True,
    failed_copy: str | os.PathLike[str] | None = None,
) -> "NotebookNode":
    """Run the report notebook with papermill and return the executed notebook.

    The notebook runs in its own folder (so its relative defaults work) on
    the kernel named in its metadata; ``python3`` resolves to the Python
    running newslib. A hidden first cell calls :func:`register_chart_tables`
    so every chart output carries its table as CSV.

    Args:
        source: corpus path passed to the ``corpus`` parameter.
        notebook: ``.ipynb`` (or jupytext ``.py``) file to execute.
        settings: non-default fields become parameters of the same name.
        progress: show the cell progress bar.
        failed_copy: on failure, save the partly executed notebook as
            ``<stem>.failed.ipynb`` next to this path.

    Returns:
        The executed notebook (nbformat v4).

    Raises:
        ValueError: when the notebook lacks a parameter we need.
        ReportError: when a cell raises.
    """
    try:
        import papermill
        from papermill.exceptions import PapermillExecutionError
    except ImportError as exc:  # the base install has no notebook tools
        raise ReportError(
            "the report needs newslib's notebook extras: pip install -e '.[notebooks]'"
        ) from exc

    nb_path = Path(notebook)
    nb = _read_notebook(nb_path)
    # The notebook runs in its own folder: hand it an absolute corpus path.
    parameters = _parameters(nb, Path(source).expanduser().resolve(), settings or Settings())
    setup = _setup_cell()
    if (nb.nbformat, nb.nbformat_minor) < (4, 5):
        setup.pop("id", None)  # cell ids exist from nbformat 4.5 on
    nb.cells.insert(0, setup)

    with tempfile.TemporaryDirectory(prefix="newslib-report-") as tmp:
        partial = Path(tmp) / nb_path.with_suffix(".ipynb").name
        try:
            return papermill.execute_notebook(
                nb,
                str(partial),
                parameters=parameters,
                progress_bar=progress,
                cwd=str(nb_path.parent),
                execution_timeout=CELL_TIMEOUT_S,
                # ipykernel 7 warns on every start that its 127.0.0.1 TCP
                # sockets are unencrypted (they are HMAC-signed and local, as
                # they always were); keep the console to real errors.
                extra_arguments=["--IPKernelApp.log_level=ERROR"],
            )
        except PapermillExecutionError as exc:
            where = ""
            if failed_copy is not None and partial.exists():
                target = Path(failed_copy).with_suffix(".failed.ipynb")
                shutil.copyfile(partial, target)
                where = f"; the executed notebook was saved to {target}"
            first_line = next((ln for ln in str(exc.source).splitlines() if ln.strip()), "")
            raise ReportError(
                f"{nb_path.name}: the cell [{exc.exec_count}] starting {first_line[:70]!r} "
                f"failed with {exc.ename}: {exc.evalue}{where}"
            ) from exc


def render_html(
    nb: "NotebookNode",
    *,
    title: str = "newslib report",
    footer: str = "",
    assets_dir: str | os.PathLike[str] | None = None,
) -> str:
    """Export an executed notebook as one inert, self-contained HTML page.

    Code cells, prompts, stderr streams and JavaScript outputs are left out;
    widgets become static HTML; charts that carry a table (see
    :func:`register_chart_tables`) get a CSV download link and, when
    ``assets_dir`` is given, are written there as ``NN-name.png`` and
    ``NN-name.csv``.

    Args:
        nb: an executed notebook; it is not modified.
        title: the page title.
        footer: one line of provenance shown at the bottom (escaped).
        assets_dir: folder for the chart PNG/CSV files (created when needed).

    Returns:
        The HTML text.

    Raises:
        UnsafeReportError: when :func:`audit_html` finds anything active.
    """
    from nbconvert import HTMLExporter

    nb = copy.deepcopy(nb)
    nb.metadata["title"] = title
    _drop_tagged(nb)
    n_widgets = _static_widgets(nb)
    dropped = _tidy_outputs(nb)
    _attach_tables(nb, Path(assets_dir) if assets_dir is not None else None)
    if dropped:
        logger.warning("report: left out %s", "; ".join(dropped))
    if n_widgets:
        logger.info("report: rendered %d widget(s) as static HTML", n_widgets)

    exporter = HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        theme="light",
    )
    body, _ = exporter.from_notebook_node(
        nb, resources={"newslib_csp": CSP, "newslib_footer": footer}
    )
    problems = audit_html(body)
    if problems:
        raise UnsafeReportError(problems)
    return body


def register_chart_tables(shell: Any = None) -> None:
    """Make every :class:`newslib.plots.ChartResult` output carry its table as CSV.

    Called in the report kernel before the notebook's own cells. The chart
    still displays as a PNG; the extra ``text/csv`` entry (with the chart
    title as metadata) is what :func:`render_html` turns into a download
    link and a CSV file beside the PNG. Cells starting with ``= + - @`` get a
    leading ``'`` so a spreadsheet never runs article text as a formula.

    Args:
        shell: the IPython shell (default: the running one).
    """
    from IPython import get_ipython
    from IPython.core.formatters import BaseFormatter
    from traitlets import ObjectName, Unicode

    shell = shell or get_ipython()
    if shell is None:
        return

    class _CSVFormatter(BaseFormatter):
        format_type = Unicode(_CSV)
        print_method = ObjectName("_repr_csv_")

    formatter = shell.display_formatter.formatters.get(_CSV)
    if formatter is None:
        formatter = _CSVFormatter(parent=shell.display_formatter)
        shell.display_formatter.formatters[_CSV] = formatter

    def chart_csv(result: Any) -> tuple[str, dict[str, str]]:
        return _spreadsheet_safe(result.table).to_csv(index=False), {"title": str(result.title)}

    formatter.for_type_by_name("newslib.plots", "ChartResult", chart_csv)


# ---- HTML audit ------------------------------------------------------------------
#: Attributes whose value is a URL the browser loads (or may load) by itself.
_RESOURCE_ATTRS = frozenset(
    {"src", "srcset", "data", "poster", "background", "action", "formaction", "manifest",
     "ping", "cite", "longdesc", "lowsrc", "dynsrc", "codebase", "archive", "imagesrcset"}
)
#: Elements that embed, frame, submit or re-base: none belongs in a report.
_FORBIDDEN_TAGS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form",
     "portal", "fencedframe"}
)
#: Schemes that run code when followed.
_ACTIVE_SCHEMES = ("javascript:", "vbscript:", "livescript:")
_CSS_URL = re.compile(r"url\(\s*(['\"]?)\s*(?!data:)([^)'\"]*)", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"@import", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20]+")


def audit_html(page: str) -> list[str]:
    """List everything in ``page`` that could run code or load from outside.

    A report must have no ``<script>`` (nor frames, objects, forms, <base>),
    no ``on*`` event attributes, no ``javascript:``-style URL anywhere, no
    ``src``/``href``-to-resource that is not a ``data:`` URL, no stylesheet
    link and no CSS ``url()``/``@import`` outside ``data:``; ``<meta>`` may
    only set the charset, the viewport, the referrer policy and the CSP.
    Plain ``<a href>`` links to web pages are allowed (they load nothing until
    clicked), and so are ``data:`` links to CSV tables.

    Args:
        page: HTML text.

    Returns:
        One line per problem (empty when the page is inert).
    """
    auditor = _Auditor()
    auditor.feed(page)
    auditor.close()
    return auditor.problems


class _Auditor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_style = False

    def _problem(self, tag: str, what: str) -> None:
        line, col = self.getpos()
        self.problems.append(f"line {line}:{col} <{tag}>: {what}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._check_css("style", data)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _FORBIDDEN_TAGS:
            self._problem(tag, "element not allowed")
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            equiv = values.get("http-equiv", "").lower()
            if equiv and equiv not in ("content-security-policy", "content-type"):
                self._problem(tag, f"http-equiv={equiv!r} not allowed")
        if tag == "link":
            self._problem(tag, "external stylesheet or resource link")
        for name, value in values.items():
            url = _CONTROL.sub("", html.unescape(value)).lower()
            if name.startswith("on"):
                self._problem(tag, f"event handler attribute {name}")
            elif name == "style":
                self._check_css(tag, value)
            elif url.startswith(_ACTIVE_SCHEMES):
                self._problem(tag, f"{name}={value[:60]!r}")
            elif name in ("href", "xlink:href") and tag not in ("a", "area"):
                if not url.startswith(("data:", "#")):
                    self._problem(tag, f"{name} loads {value[:60]!r}")
            elif name in ("href", "xlink:href") and url.startswith("data:"):
                if not url.startswith(("data:text/csv", "data:image/")):
                    self._problem(tag, f"link to {value[:40]!r}")
            elif name in _RESOURCE_ATTRS and url and not url.startswith("data:"):
                self._problem(tag, f"{name} loads {value[:60]!r}")

    def _check_css(self, tag: str, css: str) -> None:
        for match in _CSS_URL.finditer(css):
            target = match.group(2).strip()
            if target and not target.startswith("#"):
                self._problem(tag, f"CSS url({target[:60]!r})")
        if _CSS_IMPORT.search(css):
            self._problem(tag, "CSS @import")


# ---- execution helpers -----------------------------------------------------------
def _read_notebook(path: Path) -> "NotebookNode":
    import nbformat

    if not path.is_file():
        raise FileNotFoundError(f"no such notebook: {path}")
    if path.suffix == ".py":
        import jupytext

        return jupytext.read(path)
    return nbformat.read(path, as_version=4)


def _parameters(nb: "NotebookNode", source: Path, settings: Settings) -> dict[str, Any]:
    """The papermill parameters: the corpus path plus every non-default option."""
    import dataclasses

    declared = _declared_parameters(nb)
    if CORPUS_PARAMETER not in declared:
        raise ValueError(
            f"the report notebook has no {CORPUS_PARAMETER!r} variable in its cell tagged "
            f"'parameters' (found: {', '.join(sorted(declared)) or 'none'})"
        )
    params: dict[str, Any] = {CORPUS_PARAMETER: str(source)}
    defaults = Settings()
    missing = []
    for f in dataclasses.fields(Settings):
        value = getattr(settings, f.name)
        if value == getattr(defaults, f.name):
            continue
        if f.name not in declared:
            missing.append(f.name)
            continue
        params[f.name] = list(value) if isinstance(value, tuple) else value
    if missing:
        raise ValueError(
            "the report notebook has no parameter for option(s) "
            f"{', '.join(missing)}; its parameters are: {', '.join(sorted(declared))}"
        )
    return params


def _declared_parameters(nb: "NotebookNode") -> set[str]:
    """Names assigned at top level in the cell tagged ``parameters``."""
    import ast

    names: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            try:
                tree = ast.parse(cell.source)
            except SyntaxError as exc:
                raise ValueError(
                    f"the report notebook's parameters cell is not valid Python: {exc}"
                ) from exc
            for node in tree.body:
                targets = node.targets if isinstance(node, ast.Assign) else (
                    [node.target] if isinstance(node, ast.AnnAssign) else []
                )
                names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def _setup_cell() -> "NotebookNode":
    import nbformat

    cell = nbformat.v4.new_code_cell(
        "from newslib.report import register_chart_tables\nregister_chart_tables()"
    )
    cell.metadata["tags"] = ["remove-cell", "newslib-setup"]
    return cell


def _footer(source: Path, notebook: Path) -> str:
    import datetime

    import newslib

    stamp = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (
        f"Built by newslib {newslib.__version__} from notebook {notebook.stem} "
        f"on the corpus {source.name!r}, {stamp}."
    )


def _spreadsheet_safe(table: Any) -> Any:
    """Prefix text cells that a spreadsheet would read as a formula with ``'``."""
    table = table.copy()
    for column in table.columns:
        if table[column].dtype == object or str(table[column].dtype).startswith("str"):
            table[column] = table[column].map(
                lambda v: "'" + v if isinstance(v, str) and v[:1] in ("=", "+", "-", "@") else v
            )
    return table


# ---- export helpers --------------------------------------------------------------
def _drop_tagged(nb: "NotebookNode") -> None:
    """Honour ``remove-cell`` and ``remove-output`` tags."""
    kept = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & _REMOVE_CELL_TAGS:
            continue
        if tags & _REMOVE_OUTPUT_TAGS and cell.cell_type == "code":
            cell.outputs = []
        kept.append(cell)
    nb.cells = kept


def _tidy_outputs(nb: "NotebookNode") -> list[str]:
    """Leave out what an editor should not see; return what was left out.

    stderr streams are warnings for the analyst, and JavaScript outputs
    could not run under the page's policy anyway.
    """
    dropped: list[str] = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        outputs = []
        for out in cell.outputs:
            if out.output_type == "stream" and out.get("name") == "stderr":
                first = out.get("text", "").strip().splitlines()[:1]
                dropped.append(f"stderr of cell {index} ({first[0][:80] if first else ''})")
                continue
            data = out.get("data")
            if data is not None and "application/javascript" in data:
                del data["application/javascript"]
                dropped.append(f"a JavaScript output of cell {index}")
                if not data:
                    continue
            outputs.append(out)
        cell.outputs = outputs
    return dropped


def _attach_tables(nb: "NotebookNode", assets: Path | None) -> None:
    """Turn ``text/csv`` chart tables into a download link (and files in ``assets``)."""
    import nbformat

    count = 0
    used: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for out in cell.outputs:
            outputs.append(out)
            data = out.get("data") or {}
            if _CSV not in data:
                continue
            csv_text = data.pop(_CSV)
            meta = out.get("metadata", {}).pop(_CSV, {}) or {}
            count += 1
            stem = _unique(f"{count:02d}-{_slug(meta.get('title', '')) or 'chart'}", used)
            if assets is not None:
                assets.mkdir(parents=True, exist_ok=True)
                (assets / f"{stem}.csv").write_text(csv_text, encoding="utf-8")
                if "image/png" in data:
                    (assets / f"{stem}.png").write_bytes(base64.b64decode(data["image/png"]))
            out.setdefault("metadata", {})["newslib_alt"] = str(meta.get("title", "")) or "Chart"
            n_rows = max(len(csv_text.strip().splitlines()) - 1, 0)
            encoded = base64.b64encode(csv_text.encode("utf-8")).decode("ascii")
            link = (
                f'<p class="nl-table-link"><a download="{html.escape(stem)}.csv" '
                f'href="data:text/csv;charset=utf-8;base64,{encoded}">'
                f"Download the data behind this chart (CSV, {n_rows} rows)</a></p>"
            )
            outputs.append(nbformat.v4.new_output("display_data", data={"text/html": link}))
        cell.outputs = outputs


def _slug(text: str, *, limit: int = 48) -> str:
    words = re.sub(r"\(.*?\)", " ", text.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", words).strip("-")
    return slug[:limit].rstrip("-")


def _unique(stem: str, used: set[str]) -> str:
    candidate, n = stem, 2
    while candidate in used:
        candidate, n = f"{stem}-{n}", n + 1
    used.add(candidate)
    return candidate


# ---- widgets as static HTML ------------------------------------------------------
#: Containers whose children are shown one after the other.
_BOXES = frozenset({"BoxModel", "HBoxModel", "VBoxModel", "GridBoxModel"})
#: Containers with a title per child.
_TITLED = frozenset({"TabModel", "AccordionModel"})
#: Controls with nothing to show once the kernel is gone.
_SKIPPED = frozenset(
    {"ButtonModel", "FileUploadModel", "ControllerModel", "PlayModel", "PasswordModel",
     "ColorsInputModel", "LayoutModel"}
)


@dataclass
class _Piece:
    """One rendered part of a widget: a control (merged into rows) or an output."""

    kind: str  # "control", "block" or "output"
    html: str = ""
    output: Any = None


def _static_widgets(nb: "NotebookNode") -> int:
    """Replace every widget view by static outputs; return how many were replaced."""
    import nbformat

    state = nb.metadata.get("widgets", {}).get(_WIDGET_STATE, {}).get("state", {})
    renderer = _WidgetRenderer(state)
    replaced = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for out in cell.outputs:
            view = (out.get("data") or {}).get(_WIDGET_VIEW)
            if view is None:
                outputs.append(out)
                continue
            replaced += 1
            pieces = renderer.render(str(view.get("model_id", "")), set())
            if not pieces:
                pieces = [_Piece("block", renderer.missing(out))]
            outputs.extend(_pieces_to_outputs(pieces, nbformat))
        cell.outputs = outputs
    nb.metadata.pop("widgets", None)
    return replaced


def _pieces_to_outputs(pieces: list[_Piece], nbformat: Any) -> list[Any]:
    outputs: list[Any] = []
    row: list[str] = []

    def flush() -> None:
        if row:
            html_row = '<div class="nl-widget-controls" title="Value when the report was built">'
            block = html_row + "".join(row) + "</div>"
            outputs.append(nbformat.v4.new_output("display_data", data={"text/html": block}))
            row.clear()

    for piece in pieces:
        if piece.kind == "control":
            row.append(piece.html)
            continue
        flush()
        if piece.kind == "block":
            outputs.append(nbformat.v4.new_output("display_data", data={"text/html": piece.html}))
        else:
            outputs.append(piece.output)
    flush()
    return outputs


class _WidgetRenderer:
    """Render ipywidgets models from a notebook's saved widget state."""

    def __init__(self, state: dict[str, Any]) -> None:
        self.state = state

    def missing(self, out: Any) -> str:
        logger.warning("report: a widget has no saved state; it is shown as a placeholder")
        return (
            '<p class="nl-widget-missing">(This interactive control was not saved with the '
            "notebook; open the notebook to use it.)</p>"
        )

    def _model(self, ref: Any) -> tuple[str, dict[str, Any]] | None:
        key = str(ref)
        key = key[len("IPY_MODEL_"):] if key.startswith("IPY_MODEL_") else key
        entry = self.state.get(key)
        if not entry:
            return None
        return key, entry

    def _hidden(self, state: dict[str, Any]) -> bool:
        layout = self._model(state.get("layout", ""))
        if layout is None:
            return False
        values = layout[1].get("state", {})
        return values.get("display") == "none" or values.get("visibility") == "hidden"

    def render(self, ref: Any, seen: set[str]) -> list[_Piece]:
        import nbformat

        found = self._model(ref)
        if found is None or found[0] in seen:
            return []
        key, entry = found
        seen = seen | {key}
        name = entry.get("model_name", "")
        state = entry.get("state", {})
        if name in _SKIPPED or self._hidden(state):
            return []
        if name == "OutputModel":
            pieces = []
            for raw in state.get("outputs", []):
                out = nbformat.from_dict(raw)
                view = (out.get("data") or {}).get(_WIDGET_VIEW)
                if view is not None:
                    pieces.extend(self.render(view.get("model_id", ""), seen))
                else:
                    pieces.append(_Piece("output", output=out))
            return pieces
        if name in _BOXES or (name not in _TITLED and name != "StackModel" and "children" in state):
            return [p for child in state.get("children", []) for p in self.render(child, seen)]
        if name in _TITLED:
            titles = _titles(state)
            pieces = []
            for i, child in enumerate(state.get("children", [])):
                inner = self.render(child, seen)
                if inner:
                    label = titles[i] if i < len(titles) and titles[i] else f"Part {i + 1}"
                    title = f'<div class="nl-widget-title">{html.escape(label)}</div>'
                    pieces.append(_Piece("block", title))
                    pieces.extend(inner)
            return pieces
        if name == "StackModel":
            children = state.get("children", [])
            index = state.get("selected_index")
            if isinstance(index, int) and 0 <= index < len(children):
                return self.render(children[index], seen)
            return []
        if name == "LabelModel":
            text = html.escape(str(state.get("value", "")))
            return [_Piece("block", f'<p class="nl-widget-label">{text}</p>')]
        if name in ("HTMLModel", "HTMLMathModel"):
            # The HTML widget's value is HTML by contract: the library that
            # built it escaped any article text (audit_html checks the result).
            label = _description(state)
            head = f'<div class="nl-widget-title">{html.escape(label)}</div>' if label else ""
            return [_Piece("block", head + str(state.get("value", "")))]
        if name == "ImageModel":
            return self._image(entry)
        value = _control_value(state)
        if value is None:
            return []
        label = _description(state)
        label_html = f'<span class="nl-control-label">{html.escape(label)}</span>' if label else ""
        value_html = f'<span class="nl-control-value">{html.escape(value)}</span>'
        return [_Piece("control", f'<span class="nl-control">{label_html}{value_html}</span>')]

    def _image(self, entry: dict[str, Any]) -> list[_Piece]:
        import nbformat

        fmt = str(entry.get("state", {}).get("format", "png")).lower()
        mime = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg"}.get(fmt)
        for buffer in entry.get("buffers", []):
            if buffer.get("path") == ["value"] and mime and buffer.get("encoding") == "base64":
                out = nbformat.v4.new_output("display_data", data={mime: buffer.get("data", "")})
                return [_Piece("output", output=out)]
        return []


def _titles(state: dict[str, Any]) -> list[str]:
    titles = state.get("titles")
    if isinstance(titles, (list, tuple)):
        return [str(t or "") for t in titles]
    legacy = state.get("_titles") or {}  # ipywidgets 7 stored {"0": "title"}
    n = len(state.get("children", []))
    return [str(legacy.get(str(i), "")) for i in range(n)]


def _description(state: dict[str, Any]) -> str:
    text = str(state.get("description") or "")
    # Descriptions may be HTML when description_allow_html is set; show text only.
    if state.get("description_allow_html"):
        text = re.sub(r"<[^>]*>", "", text)
    return text.strip()


def _control_value(state: dict[str, Any]) -> str | None:
    """The value a control displayed, as text, or ``None`` when it shows nothing."""
    labels = state.get("_options_labels")
    if isinstance(labels, (list, tuple)):
        index = state.get("index")
        if isinstance(index, int):
            return str(labels[index]) if 0 <= index < len(labels) else "—"
        if isinstance(index, (list, tuple)):
            chosen = [str(labels[i]) for i in index if isinstance(i, int) and 0 <= i < len(labels)]
            if "Range" in str(state.get("_model_name", "")) and len(chosen) == 2:
                return f"{chosen[0]} – {chosen[1]}"
            return ", ".join(chosen) if chosen else "(none)"
        return "—"
    if "value" not in state:
        return None
    value = state["value"]
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return _format_number(value, state.get("readout_format"))
    numbers = isinstance(value, (list, tuple)) and all(isinstance(v, (int, float)) for v in value)
    if numbers and len(value) == 2:  # range sliders
        return " – ".join(_format_number(v, state.get("readout_format")) for v in value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return None
    return "—" if value is None else str(value)


def _format_number(value: float | int, spec: Any) -> str:
    if isinstance(spec, str) and spec:
        try:
            return format(value, spec)
        except (TypeError, ValueError):
            pass
    return f"{value:g}" if isinstance(value, float) else str(value)

