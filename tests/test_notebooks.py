"""The notebooks: committed clean, paired with py:percent files, and runnable headless.

(a) Hygiene (fast): every ``notebooks/*.ipynb`` has no outputs, no execution
counts and no widget state; opens with a title and exactly one cell tagged
``parameters``; keeps its code cells short and free of logic; and matches its
jupytext ``py:percent`` pair cell for cell.

(b) Execution (slow, part of ``make test``): papermill runs every notebook
top to bottom on the seeds and on ``tests/fixtures/hostile`` (articles made
of ``<script>``, ``<img onerror>``, ``javascript:`` URLs, unbalanced quotes
...). The executed outputs, including the HTML held in saved widget state,
must be inert: hostile text shows escaped and never as markup.
"""

from __future__ import annotations

import ast
import json
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
SEEDS = ROOT / "data" / "seeds"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
NOTEBOOKS = [
    "01-corpus-and-cleaning",
    "02-claims-by-outlet",
    "03-quotes-and-sources",
    "04-conflicts-and-framing",
    "05-report",
]
#: Charts (PNG outputs) each notebook must show on the seeds.
MIN_CHARTS = {"01-corpus-and-cleaning": 0, "02-claims-by-outlet": 3, "03-quotes-and-sources": 1,
              "04-conflicts-and-framing": 3, "05-report": 7}
#: A notebook code cell is a short call into newslib: at most this many lines.
MAX_CODE_LINES = 8
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
#: How long one notebook may take on a small corpus (the seeds take ~15 s).
NOTEBOOK_TIMEOUT_S = 300


def _read(name: str) -> Any:
    import nbformat

    return nbformat.read(NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)


def _tags(cell: Any) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


# ---- (a) hygiene -----------------------------------------------------------------------
def test_the_notebook_folder_holds_exactly_the_paired_notebooks() -> None:
    found = sorted(p.stem for p in NOTEBOOK_DIR.glob("*.ipynb"))
    assert found == NOTEBOOKS
    assert sorted(p.stem for p in NOTEBOOK_DIR.glob("*.py")) == NOTEBOOKS


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_committed_without_outputs_or_widget_state(name: str) -> None:
    raw = json.loads((NOTEBOOK_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))
    assert "widgets" not in raw["metadata"], "widget state is saved in the notebook metadata"
    assert raw["metadata"].get("kernelspec", {}).get("name") == "python3"
    for cell in raw["cells"]:
        assert WIDGET_STATE not in json.dumps(cell)
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{name}: a code cell has outputs"
            assert cell["execution_count"] is None, f"{name}: a code cell has an execution count"
            assert set(cell["metadata"]) <= {"tags"}, f"{name}: cell metadata {cell['metadata']}"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_opens_with_title_question_and_one_parameters_cell(name: str) -> None:
    nb = _read(name)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "Question" in first.source
    tagged = [c for c in nb.cells if "parameters" in _tags(c)]
    assert len(tagged) == 1
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0] is tagged[0], "the parameters cell is the first code cell"
    names = {t.id for node in ast.parse(tagged[0].source).body if isinstance(node, ast.Assign)
             for t in node.targets if isinstance(t, ast.Name)}
    assert {"corpus", "outlets"} <= names
    for node in ast.parse(tagged[0].source).body:
        assert isinstance(node, ast.Assign), "the parameters cell only assigns values"
        ast.literal_eval(node.value)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_code_cells_are_short_calls_without_logic(name: str) -> None:
    nb = _read(name)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if "parameters" not in _tags(cell):  # the parameters cell lists every option
            assert len(cell.source.strip().splitlines()) <= MAX_CODE_LINES, cell.source
        for node in ast.walk(ast.parse(cell.source)):
            assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                         ast.Lambda, ast.For, ast.While, ast.If, ast.With,
                                         ast.Try)), f"{name}: logic in a cell:\n{cell.source}"
        if "parameters" not in _tags(cell):
            imports = [n for n in ast.walk(ast.parse(cell.source))
                       if isinstance(n, (ast.Import, ast.ImportFrom))]
            for node in imports:
                module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
                assert (module or "").split(".")[0] == "newslib", f"{name} imports {module}"


#: Longest run of code cells under one markdown question (a chart plus its tables).
MAX_CODE_RUN = 3


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_code_cells_come_in_short_runs_under_markdown_questions(name: str) -> None:
    nb = _read(name)
    start = next(i for i, c in enumerate(nb.cells) if "parameters" in _tags(c))
    run = 0
    for cell in nb.cells[start + 2:]:  # after the parameters cell and the loading cell
        run = run + 1 if cell.cell_type == "code" else 0
        assert run <= MAX_CODE_RUN, f"{name}: {run} code cells in a row without a question"
    questions = [c.source for c in nb.cells[start:] if c.cell_type == "markdown"
                 and c.source.lstrip().startswith("## ")]
    assert len(questions) >= 4, f"{name}: too few markdown questions"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_matches_its_py_percent_pair(name: str) -> None:
    import jupytext

    text = (NOTEBOOK_DIR / f"{name}.py").read_text(encoding="utf-8")
    assert "formats: ipynb,py:percent" in text
    paired = jupytext.reads(text, fmt="py:percent")
    nb = _read(name)

    def cells(notebook: Any) -> list[tuple[str, str, list[str]]]:
        return [(c.cell_type, c.source.strip(), _tags(c)) for c in notebook.cells]

    assert cells(paired) == cells(nb), (
        f"{name}.ipynb and {name}.py differ: regenerate with "
        f"`jupytext --to ipynb notebooks/{name}.py`"
    )


# ---- (b) execution ---------------------------------------------------------------------
class _ActiveMarkup(HTMLParser):
    """Collect markup that would run or load something if it reached a browser."""

    DANGEROUS_TAGS = {"script", "img", "svg", "iframe", "object", "embed", "frame", "form",
                      "base", "link", "meta", "a", "video", "audio", "math", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.DANGEROUS_TAGS:
            self.found.append(f"<{tag}>")
        for attr, value in attrs:
            if attr.startswith("on"):
                self.found.append(f"<{tag} {attr}>")
            if re.sub(r"\s+", "", (value or "")).lower().startswith(("javascript:", "vbscript:")):
                self.found.append(f"<{tag} {attr}={value!r}>")

    handle_startendtag = handle_starttag


def _html_of(nb: Any) -> list[str]:
    """Every HTML string an executed notebook would show: outputs and widget values."""
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data:
                found.append("".join(data["text/html"]))
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for model in state.values():
        value = model.get("state", {}).get("value")
        if model.get("model_name") in ("HTMLModel", "HTMLMathModel", "LabelModel") and value:
            found.append(value)
    return found


def _execute(name: str, corpus: Path, tmp_path: Path) -> Any:
    import papermill

    return papermill.execute_notebook(
        str(NOTEBOOK_DIR / f"{name}.ipynb"),
        str(tmp_path / f"{name}.ipynb"),
        parameters={"corpus": str(corpus)},
        kernel_name="python3",
        cwd=str(NOTEBOOK_DIR),
        progress_bar=False,
        execution_timeout=NOTEBOOK_TIMEOUT_S,
    )


@pytest.mark.slow
def test_papermill_kernel_is_this_virtualenv(tmp_path: Path) -> None:
    import nbformat
    import papermill

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("import sys\nprint(sys.executable)")]
    source = tmp_path / "which.ipynb"
    nbformat.write(nb, source)
    out = papermill.execute_notebook(str(source), str(tmp_path / "out.ipynb"), kernel_name="python3",
                                     progress_bar=False)
    printed = out.cells[0].outputs[0]["text"].strip()
    assert os.path.realpath(printed) == os.path.realpath(sys.executable)


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_on_the_seeds(name: str, tmp_path: Path) -> None:
    nb = _execute(name, SEEDS, tmp_path)
    charts = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(charts) >= MIN_CHARTS[name]
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    for page in _html_of(nb):
        parser = _ActiveMarkup()
        parser.feed(page)
        assert parser.found == []
    if name == "02-claims-by-outlet":
        counters = [v for v in _html_of(nb) if re.fullmatch(r"Claims shown: \d+", v)]
        assert len(counters) == 1, "the slider's claim counter is missing"
        assert int(counters[0].split(": ")[1]) > 0


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_on_the_hostile_corpus_and_stays_inert(name: str, tmp_path: Path) -> None:
    nb = _execute(name, HOSTILE, tmp_path)
    pages = _html_of(nb)
    assert pages, "no HTML output at all"
    for page in pages:
        parser = _ActiveMarkup()
        parser.feed(page)
        assert parser.found == [], f"{name}: active markup in an output: {parser.found}"
    shown = "\n".join(pages)
    # The hostile text is shown (escaped), not silently dropped.
    assert "&lt;b&gt;Gazette&lt;/b&gt;" in shown or "Riverside &lt;b&gt;" in shown
    if name in ("01-corpus-and-cleaning", "05-report"):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown or "&lt;img src=x" in shown
