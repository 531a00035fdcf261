"""Tests of newslib.report: executing 05-report and exporting inert, static HTML.

The hostile corpus (``tests/fixtures/hostile_report/``) is a realistic local
story whose headlines, quotes, body text, outlet names and URLs carry the
payloads a scraped page can bring: ``<script>``, ``<img onerror>``,
``javascript:`` links (HTML and markdown), ``<svg onload>``, an ``<iframe>``,
a ``<style>`` with a tracking ``url()`` and a ``<meta refresh>``. Every
payload that could run calls ``alert``; every one that could load points at
``evil.example``.
"""

from __future__ import annotations

import base64
import re
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest

from newslib import report
from newslib.report import CSP, UnsafeReportError, audit_html, render_html

v4 = nbformat.v4

# ---- audit: text in, problems out ------------------------------------------------


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("<p>Putin met Kim &lt;script&gt;alert(1)&lt;/script&gt; at the cosmodrome.</p>", None),
        ('<a href="https://www.newsweek.com/kim-putin">Newsweek</a>', None),
        ('<a download="t.csv" href="data:text/csv;base64,YSxi">table</a>', None),
        ('<img alt="chart" src="data:image/png;base64,iVBORw0KGgo=">', None),
        ('<td style="text-align:center">●</td>', None),
        ("<script>alert('x')</script>", "element not allowed"),
        ('<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>', "element not allowed"),
        ("<img src=x onerror=alert(1)>", "event handler attribute onerror"),
        ("<b onmouseover=alert(1)>not</b>", "event handler attribute onmouseover"),
        ('<a href="javascript:alert(1)">plan</a>', "href="),
        ('<a href=" JaVa&#x53;cript:alert(1)">plan</a>', "href="),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "link to"),
        ('<img src="https://evil.example/pixel.png">', "src loads"),
        ('<iframe src="https://evil.example/frame"></iframe>', "element not allowed"),
        ('<link rel="stylesheet" href="https://cdn.example/x.css">', "external stylesheet"),
        ("<style>body{background:url(https://evil.example/t.png)}</style>", "CSS url("),
        ("<style>@import 'https://evil.example/x.css';</style>", "CSS @import"),
        ('<div style="background:url(//evil.example/t.png)">x</div>', "CSS url("),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "http-equiv='refresh'"),
        ('<svg><image href="https://evil.example/i.png"/></svg>', "href loads"),
        ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "xlink:href="),
        ('<form action="https://evil.example/"><input></form>', "element not allowed"),
        ('<base href="https://evil.example/">', "element not allowed"),
    ],
)
def test_audit_html_flags_what_could_run_or_load(snippet: str, expected: str | None) -> None:
    problems = audit_html(snippet)
    if expected is None:
        assert problems == []
    else:
        assert problems, f"not flagged: {snippet}"
        assert any(expected in p for p in problems), problems


# ---- export of a synthetic executed notebook (no kernel) -------------------------


def _head_tags(head: str) -> list[tuple[str, dict]]:
    """The elements of <head>, in order, with their attributes."""
    from html.parser import HTMLParser

    found: list[tuple[str, dict]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag not in ("html", "head"):
                found.append((tag, dict(attrs)))

    Collect().feed(head)
    return found


def _body_text(html: str) -> str:
    """The text inside <main>, tags and <style> blocks removed."""
    body = html[html.index("<main>") : html.index("</main>")]
    body = re.sub(r"<style.*?</style>", " ", body, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", body)


def _images(html: str) -> list[str]:
    """The <img> elements of the page with an inline PNG."""
    return re.findall(r'<img\b[^>]*src="data:image/png;base64,[^"]+"', html)


def _png() -> str:
    """A real 1x1 PNG, base64 (what a chart output holds)."""
    return (
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )


def _widget(model_name: str, module: str = "@jupyter-widgets/controls", **state: object) -> dict:
    return {
        "model_module": module,
        "model_module_version": "2.0.0",
        "model_name": model_name,
        "state": {"_model_name": model_name, **state},
    }


def _executed_notebook(outputs: list, widgets: dict | None = None) -> nbformat.NotebookNode:
    nb = v4.new_notebook()
    params = v4.new_code_cell('corpus = "data/seeds"')
    params.metadata["tags"] = ["parameters"]
    code = v4.new_code_cell("report_cell()")
    code.outputs = outputs
    nb.cells = [v4.new_markdown_cell("# How outlets covered the summit\n\n## Claims by outlet"), params, code]
    if widgets is not None:
        nb.metadata["widgets"] = {
            "application/vnd.jupyter.widget-state+json": {
                "state": widgets,
                "version_major": 2,
                "version_minor": 0,
            }
        }
    return nb


def _view(model_id: str) -> nbformat.NotebookNode:
    return v4.new_output(
        "display_data",
        data={
            "application/vnd.jupyter.widget-view+json": {
                "model_id": model_id,
                "version_major": 2,
                "version_minor": 0,
            },
            "text/plain": "VBox(children=(FloatSlider(value=0.35),))",
        },
    )


def test_render_html_is_static_and_keeps_the_reading_parts(tmp_path: Path) -> None:
    escaped = "<p>Kim told Putin &lt;script&gt;alert(1)&lt;/script&gt; in Vostochny.</p>"
    outputs = [
        v4.new_output("display_data", data={"text/html": escaped, "text/plain": "x"}),
        v4.new_output("stream", name="stderr", text="FutureWarning: pandas will change\n"),
        v4.new_output("display_data", data={"application/javascript": "alert('js output')"}),
        v4.new_output(
            "display_data",
            data={"image/png": _png(), "text/csv": "claim,outlets\n'=1+1,3\n", "text/plain": "Chart"},
            metadata={"text/csv": {"title": "Claims by outlet (N=12 claims, 5 outlets)"}},
        ),
    ]
    html = render_html(_executed_notebook(outputs), title="seeds", footer="Built <today>", assets_dir=tmp_path / "a")

    head = html[: html.index("</head>")]
    assert _head_tags(head)[0] == ("meta", {"http-equiv": "Content-Security-Policy", "content": CSP})
    assert re.search(r"<script", html, re.IGNORECASE) is None
    assert "report_cell()" not in html  # no code cells
    assert "In&nbsp;[" not in html  # no prompts
    assert "FutureWarning" not in html  # stderr left out
    assert "js output" not in html
    assert "&lt;script&gt;alert(1)" in html
    assert "<h1" in html and "How outlets covered the summit" in html
    assert 'alt="Claims by outlet (N=12 claims, 5 outlets)"' in html
    assert "Built &lt;today&gt;" in html
    # The chart's table: a data: link in the page and PNG + CSV files beside it.
    link = re.search(r'href="data:text/csv;charset=utf-8;base64,([A-Za-z0-9+/=]+)"', html)
    assert link and base64.b64decode(link.group(1)).decode() == "claim,outlets\n'=1+1,3\n"
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [
        "01-claims-by-outlet.csv",
        "01-claims-by-outlet.png",
    ]
    assert audit_html(html) == []


@pytest.mark.parametrize(
    ("output", "why"),
    [
        (v4.new_output("display_data", data={"text/html": "<b>Kim</b><img src=x onerror=alert(1)>"}), "onerror"),
        (v4.new_output("display_data", data={"text/markdown": "Putin <script>alert(1)</script>"}), "script"),
        (v4.new_output("display_data", data={"text/markdown": "[plan](javascript:alert(1))"}), "href"),
        (v4.new_output("execute_result", execution_count=3, data={"text/html": '<iframe src="https://evil.example">'}), "iframe"),
    ],
)
def test_render_html_refuses_unescaped_article_text(output: nbformat.NotebookNode, why: str) -> None:
    with pytest.raises(UnsafeReportError) as info:
        render_html(_executed_notebook([output]))
    assert any(why in p for p in info.value.problems), info.value.problems


def test_widgets_are_rendered_from_their_saved_state() -> None:
    children = ["IPY_MODEL_slider", "IPY_MODEL_pick", "IPY_MODEL_tabs", "IPY_MODEL_out", "IPY_MODEL_gone"]
    counter = {"text/html": "<p class='m'>Claims shown: 12</p>", "text/plain": ""}
    state = {
        "box": _widget("VBoxModel", children=children),
        "slider": _widget("FloatSliderModel", value=0.35, description="Similarity", readout_format=".2f"),
        "pick": _widget(
            "DropdownModel", _options_labels=["HuffPost", "Newsweek <b>"], index=1, description="Outlet"
        ),
        "tabs": _widget(
            "TabModel",
            children=["IPY_MODEL_label", "IPY_MODEL_check", "IPY_MODEL_button"],
            titles=["Summary", "Options", ""],
        ),
        "label": _widget("LabelModel", value="Kim <arrived> by train"),
        "check": _widget("CheckboxModel", value=True, description="Show quotes"),
        "button": _widget("ButtonModel", description="Refresh"),
        "gone": _widget("IntRangeSliderModel", value=[2, 5], description="Hidden", layout="IPY_MODEL_hidden"),
        "hidden": _widget("LayoutModel", module="@jupyter-widgets/base", display="none"),
        "out": _widget(
            "OutputModel",
            module="@jupyter-widgets/output",
            outputs=[
                {"output_type": "display_data", "data": counter, "metadata": {}},
                {"output_type": "display_data", "data": {"image/png": _png(), "text/plain": "<Figure>"}, "metadata": {}},
            ],
        ),
    }
    html = render_html(_executed_notebook([_view("box")], widgets=state))

    assert "application/vnd.jupyter.widget" not in html  # no state, no views left
    text = _body_text(html)
    assert re.search(r"Similarity\s*</span>\s*<span class=\"nl-control-value\">0\.35", html)
    assert "Newsweek &lt;b&gt;" in html
    assert "Summary" in text and "Options" in text
    assert "Kim &lt;arrived&gt; by train" in html
    assert re.search(r"Show quotes\s*</span>\s*<span class=\"nl-control-value\">yes", html)
    assert "Refresh" not in text  # buttons do nothing without a kernel
    assert "Hidden" not in text  # display: none stays hidden
    assert "Claims shown: 12" in html
    assert len(_images(html)) == 1


def test_a_widget_without_saved_state_is_not_a_blank_area() -> None:
    html = render_html(_executed_notebook([_view("never-saved")], widgets={}))
    assert "was not saved with the notebook" in html


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ({"value": 0.35, "readout_format": ".2f"}, "0.35"),
        ({"value": 7}, "7"),
        ({"value": [0.2, 0.6], "readout_format": ".1f"}, "0.2 – 0.6"),
        ({"value": False}, "no"),
        ({"value": "artillery shells"}, "artillery shells"),
        ({"_options_labels": ["CBN News", "Daily Star"], "index": [0, 1]}, "CBN News, Daily Star"),
        ({"_options_labels": ["CBN News"], "index": None}, "—"),
        ({"_options_labels": ["a", "b", "c"], "index": [0, 2], "_model_name": "SelectionRangeSliderModel"}, "a – c"),
        ({"description": "no value here"}, None),
    ],
)
def test_control_value_text(state: dict, expected: str | None) -> None:
    assert report._control_value(state) == expected


# ---- parameters ------------------------------------------------------------------


def _report_notebook(source: str) -> nbformat.NotebookNode:
    nb = v4.new_notebook()
    cell = v4.new_code_cell(source)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [v4.new_markdown_cell("# Report"), cell]
    return nb


def test_parameters_pass_the_corpus_and_changed_options() -> None:
    from newslib.settings import Settings

    nb = _report_notebook('corpus = "../data/seeds"\nclaim_threshold: float = 0.35\noutlets = None\n')
    settings = Settings(claim_threshold=0.5, outlets=("Newsweek", "HuffPost"))
    params = report._parameters(nb, Path("/data/story"), settings)
    assert params == {"corpus": "/data/story", "claim_threshold": 0.5, "outlets": ["Newsweek", "HuffPost"]}


@pytest.mark.parametrize(
    ("source", "options", "message"),
    [
        ('path = "../data/seeds"', {}, "no 'corpus' variable"),
        ('corpus = "../data/seeds"', {"claim_threshold": 0.5}, "no parameter for option(s) claim_threshold"),
        ("corpus = (", {}, "not valid Python"),
    ],
)
def test_parameters_errors_are_clear(source: str, options: dict, message: str) -> None:
    from newslib.settings import Settings

    with pytest.raises(ValueError, match=re.escape(message)):
        report._parameters(_report_notebook(source), Path("/x"), Settings(**options))


def test_chart_results_carry_a_spreadsheet_safe_table() -> None:
    import pandas as pd
    from types import SimpleNamespace

    from IPython.core.formatters import DisplayFormatter
    from matplotlib.figure import Figure

    from newslib.plots import ChartResult

    # The kernel's display machinery, without starting a global IPython shell.
    shell = SimpleNamespace(display_formatter=DisplayFormatter())
    report.register_chart_tables(shell)
    fig = Figure(figsize=(2, 2))
    fig.subplots().bar(["Newsweek", "HuffPost"], [3, 1])
    table = pd.DataFrame({"label": ["=HYPERLINK(\"https://evil.example\")", "Kim met Putin"], "n_outlets": [-1, 3]})
    data, metadata = shell.display_formatter.format(ChartResult(fig, table, "Quotes (N=4 quotes)"))
    assert "image/png" in data
    assert data["text/csv"].splitlines() == [
        "label,n_outlets",
        '"\'=HYPERLINK(""https://evil.example"")",-1',
        "Kim met Putin,3",
    ]
    assert metadata["text/csv"] == {"title": "Quotes (N=4 quotes)"}


# ---- execution (kernel) ----------------------------------------------------------


@pytest.mark.slow
def test_report_kernel_runs_this_python(tmp_path: Path) -> None:
    nb = _report_notebook('corpus = "unused"')
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells.append(v4.new_code_cell("import sys\nprint(sys.prefix, sys.executable)"))
    path = tmp_path / "probe.ipynb"
    nbformat.write(nb, path)
    executed = report.execute_report(tmp_path, notebook=path, progress=False)
    printed = "".join(o.get("text", "") for o in executed.cells[-1].outputs)
    assert printed.split()[0] == sys.prefix, "the report kernel is not this environment's Python"


@pytest.mark.slow
def test_a_failing_cell_names_the_error_and_keeps_the_notebook(tmp_path: Path) -> None:
    nb = _report_notebook('corpus = "unused"')
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells.append(v4.new_code_cell("raise ValueError('no claims in this corpus')"))
    path = tmp_path / "failing.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(report.ReportError, match="ValueError: no claims in this corpus"):
        report.build_report(tmp_path, tmp_path / "out" / "r.html", notebook=path, progress=False)
    assert (tmp_path / "out" / "r.failed.ipynb").is_file()
    assert not (tmp_path / "out" / "r.html").exists()


# ---- the real report -------------------------------------------------------------


@pytest.mark.slow
def test_seeds_report_is_self_contained_and_fast(seeds_report: Path, build_report_once: Any) -> None:
    seconds = build_report_once.seconds["seeds"]
    print(f"seeds report built in {seconds:.1f} s ({seeds_report.stat().st_size / 1e6:.2f} MB)")
    # "Exporting the seeds takes seconds": ~10 s on a 2-core machine shared
    # with other jobs; 90 s is the alarm, not the target.
    assert seconds < 90
    page = seeds_report.read_text(encoding="utf-8")
    assert audit_html(page) == []
    assert re.search(r"<script|<link\b|https?://cdn", page, re.IGNORECASE) is None
    assert len(_images(page)) >= 3, "expected the report's charts"
    files = sorted(p.suffix for p in seeds_report.with_name("seeds_files").iterdir())
    assert files.count(".png") == files.count(".csv") >= 3


@pytest.mark.slow
def test_hostile_article_text_is_escaped_in_the_report(hostile_report: Path) -> None:
    page = hostile_report.read_text(encoding="utf-8")
    assert audit_html(page) == []
    assert re.search(r"<script", page, re.IGNORECASE) is None
    assert re.search(r"<(img|svg|b|iframe|meta|a)\b[^>]*\son\w+\s*=", page, re.IGNORECASE) is None
    assert re.search(r"<a\b[^>]*\shref\s*=\s*[\"']?\s*javascript:", page, re.IGNORECASE) is None
    assert "evil.example/track.png)" not in re.sub(r"&[a-z]+;", "", page.split("</head>")[0])
    # The payloads are in the report, as text.
    assert "&lt;script&gt;alert(" in page
    assert "onerror=alert(" in page


@pytest.mark.slow
def test_no_progress_bar_is_frozen_into_a_large_corpus_report(tmp_path: Path) -> None:
    from newslib.report import build_report
    from newslib.settings import Settings

    seeds = Path(__file__).resolve().parents[1] / "data" / "seeds"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    copies = Settings().progress_min_articles // 5 + 1  # enough articles for compare to show progress bars
    for n in range(copies):
        for path in seeds.glob("*.txt"):
            (corpus / f"{path.stem}-{n}.txt").write_bytes(path.read_bytes())
    assert len(list(corpus.iterdir())) > Settings().progress_min_articles
    out = build_report(corpus, tmp_path / "big.html", progress=False)
    page = Path(out).read_text(encoding="utf-8")
    assert "file/s]" not in page and "stage/s]" not in page
    assert not re.search(r"loading:\s*100%", page)
