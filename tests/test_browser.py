"""The report and the notebooks in a real browser (Playwright + Debian's Chromium).

* The exported report is opened from ``file://``: it must request nothing
  outside its own file, show its sections and charts, and keep hostile
  article text inert (no dialog, no CSP violation, the payloads visible as
  text).
* JupyterLab is started on 127.0.0.1 with a token; ``02-claims-by-outlet`` is
  run with the menu's *Run All Cells*, the similarity slider is moved with the
  keyboard and the widget's claim counter must change.

Screenshots go to ``tests/artifacts/`` for a human to look at. Without
Chromium these tests skip, unless ``NEWSLIB_REQUIRE_BROWSER=1``.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Section headings the report must show (they come from notebooks/05-report).
REPORT_SECTIONS = (
    "How the outlets covered the story",
    "Key numbers",
    "Which outlet carries which claim",
    "Where the outlets contradict each other",
    "Who is quoted, by whom",
)
#: The report has a chart per question; fewer visible charts means a broken export.
MIN_REPORT_CHARTS = 5
#: Hostile payload fragments that must be *visible as text* in the hostile report.
HOSTILE_TEXTS = ("<script>alert(", "onerror=alert(")
#: Text of the claim counter widget (newslib.widgets.CLAIM_COUNT_PREFIX).
CLAIM_COUNT = re.compile(r"Claims shown:\s*(\d+)|(\d+)\s+claims\b")


# ---- the exported report -----------------------------------------------------------


def _open_report(chromium: Any, html: Path) -> tuple[Any, dict[str, list[str]]]:
    """Open a report from file://, recording requests, dialogs and console errors."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    seen: dict[str, list[str]] = {"outside": [], "dialogs": [], "console": []}
    own = html.resolve().as_uri()

    def guard(route: Any) -> None:
        url = route.request.url
        if url == own or url.startswith("data:"):
            route.continue_()
        else:
            seen["outside"].append(url)
            route.abort()

    context.route("**/*", guard)
    context.on("request", lambda r: None if r.url == own or r.url.startswith("data:") else seen["outside"].append(r.url))

    def on_dialog(dialog: Any) -> None:
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda m: seen["console"].append(m.text) if m.type in ("error", "warning") else None)
    page.goto(own, wait_until="load")
    return page, seen


def _check_report(page: Any, seen: dict[str, list[str]]) -> None:
    assert sorted(set(seen["outside"])) == [], "the report requested something outside its file"
    assert seen["dialogs"] == [], f"a script ran: {seen['dialogs']}"
    assert not [m for m in seen["console"] if "Content Security Policy" in m], seen["console"]
    for heading in REPORT_SECTIONS:
        assert page.get_by_role("heading", name=heading).first.is_visible(), f"missing section {heading!r}"
    charts = page.evaluate(
        """() => [...document.images].map(i => ({w: i.naturalWidth, h: i.naturalHeight,
              shown: i.getBoundingClientRect().width > 0, alt: i.alt}))"""
    )
    drawn = [c for c in charts if c["w"] > 0 and c["h"] > 0 and c["shown"]]
    assert len(drawn) >= MIN_REPORT_CHARTS, charts
    assert page.locator("script").count() == 0
    assert page.locator(".jupyter-widgets").count() == 0, "an unrendered widget area"


def test_seeds_report_in_browser(chromium: Any, seeds_report: Path, artifacts_dir: Path) -> None:
    page, seen = _open_report(chromium, seeds_report)
    try:
        _check_report(page, seen)
        page.screenshot(path=str(artifacts_dir / "report-seeds.png"), full_page=True)
        # Each chart's table downloads from the page itself (a data: link).
        links = page.locator(".nl-table-link a")
        assert links.count() >= MIN_REPORT_CHARTS
        with page.expect_download(timeout=10_000) as download:
            links.first.click()
        assert download.value.suggested_filename.endswith(".csv")
        header = Path(download.value.path()).read_text(encoding="utf-8").splitlines()[0]
        assert "," in header, header
        assert seen["outside"] == []
    finally:
        page.context.close()


def test_hostile_report_is_inert_in_browser(chromium: Any, hostile_report: Path, artifacts_dir: Path) -> None:
    page, seen = _open_report(chromium, hostile_report)
    try:
        _check_report(page, seen)
        for text in HOSTILE_TEXTS:
            shown = page.get_by_text(text, exact=False)
            assert shown.count() > 0 and shown.first.is_visible(), f"{text!r} is not shown as text"
        active = page.evaluate(
            """() => ({
                handlers: [...document.querySelectorAll('*')].flatMap(e =>
                    [...e.attributes].filter(a => /^on/i.test(a.name)).map(a => e.tagName + ' ' + a.name)),
                jsLinks: [...document.querySelectorAll('[href]')].map(e => e.getAttribute('href'))
                    .filter(h => /^\\s*javascript:/i.test(h)),
                frames: document.querySelectorAll('iframe, object, embed, form, base').length,
                refresh: document.querySelectorAll('meta[http-equiv="refresh" i]').length,
            })"""
        )
        assert active == {"handlers": [], "jsLinks": [], "frames": 0, "refresh": 0}
        # Hover and click everything a payload could hide behind: nothing may fire.
        for selector in ("b", "a", "img", "svg"):
            for element in page.locator(f"main {selector}").all()[:50]:
                if element.is_visible():
                    element.hover()
        page.screenshot(path=str(artifacts_dir / "report-hostile.png"), full_page=True)
        assert seen["dialogs"] == [], f"a script ran: {seen['dialogs']}"
        assert seen["outside"] == []
    finally:
        page.context.close()


# ---- JupyterLab --------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _lab_root(tmp: Path) -> Path:
    """A temp root with copies of notebooks/ and data/seeds (never the originals)."""
    root = tmp / "lab"
    shutil.copytree(REPO / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(REPO / "data" / "seeds", root / "data" / "seeds")
    return root


def _lab_env(tmp: Path) -> dict[str, str]:
    """Private Jupyter dirs, with the news and update checks switched off."""
    settings = tmp / "lab-settings"
    notification = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notification.parent.mkdir(parents=True)
    notification.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env = dict(os.environ)
    env.update(
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp / "lab-workspaces"),
        JUPYTER_CONFIG_DIR=str(tmp / "jupyter-config"),
        JUPYTER_RUNTIME_DIR=str(tmp / "jupyter-runtime"),
        IPYTHONDIR=str(tmp / "ipython"),
        MPLBACKEND="module://matplotlib_inline.backend_inline",
    )
    return env


@pytest.fixture
def jupyter_lab(tmp_path: Path, chromium_path: str) -> Iterator[dict[str, Any]]:
    """A JupyterLab server on 127.0.0.1; shut down by its PID afterwards."""
    port, token = _free_port(), secrets.token_hex(16)
    root = _lab_root(tmp_path)
    jupyter = Path(sys.prefix) / "bin" / "jupyter-lab"
    command = [
        str(jupyter),
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.terminals_enabled=False",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=None",
        "--LabApp.expose_app_in_browser=True",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log_path = tmp_path / "jupyter-lab.log"
    log = log_path.open("w")
    proc = subprocess.Popen(
        command, cwd=root, env=_lab_env(tmp_path), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"jupyter lab did not start in 90 s:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.5)
        yield {"base": base, "token": token, "root": root, "log": log_path, "pid": proc.pid}
    finally:
        # Shut the server down by its PID: SIGTERM lets it stop its kernels,
        # then its process group is killed if it is still there.
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        log.close()


_NOTEBOOK_STATE = """() => {
    const app = window.jupyterapp;
    const panel = app && app.shell.currentWidget;
    if (!panel || !panel.content || !panel.content.model || !panel.sessionContext) return null;
    const cells = panel.content.model.cells;
    let unrun = 0, errors = [];
    for (let i = 0; i < cells.length; i++) {
        const cell = cells.get(i);
        if (cell.type !== 'code') continue;
        if (cell.executionCount === null) unrun += 1;
        for (const out of cell.outputs.toJSON()) {
            if (out.output_type === 'error') errors.push(out.ename + ': ' + out.evalue);
        }
    }
    const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
    return {path: panel.context.path, unrun, errors, kernel: kernel ? kernel.status : 'none',
            pending: document.querySelectorAll('.jp-InputPrompt').length
                     ? [...document.querySelectorAll('.jp-InputPrompt')].filter(p => p.textContent.includes('*')).length
                     : 0};
}"""


def _wait_for(page: Any, predicate: Any, timeout_s: float, what: str) -> Any:
    deadline = time.monotonic() + timeout_s
    last = None
    while time.monotonic() < deadline:
        last = page.evaluate(_NOTEBOOK_STATE)
        if last is not None and predicate(last):
            return last
        page.wait_for_timeout(500)
    pytest.fail(f"timed out after {timeout_s:.0f} s waiting for {what}; last state: {last}")


def _claim_count(page: Any) -> int | None:
    # textContent, not innerText: JupyterLab skips rendering cells that are
    # off screen (content-visibility), and innerText of those is empty.
    texts = page.evaluate(
        "() => [...document.querySelectorAll('.newslib-claim-count')].map(e => e.textContent)"
    )
    if not texts:  # fall back to any widget output that says "N claims"
        texts = page.evaluate(
            "() => [...document.querySelectorAll('.jp-OutputArea-output .widget-html-content')]"
            ".map(e => e.textContent)"
        )
    for text in texts:
        match = CLAIM_COUNT.search(text)
        if match:
            return int(match.group(1) or match.group(2))
    return None


@pytest.mark.timeout(900)
def test_jupyterlab_threshold_slider_redraws_the_matrix(
    jupyter_lab: dict[str, Any], chromium: Any, artifacts_dir: Path
) -> None:
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    outside: list[str] = []
    base = jupyter_lab["base"]

    def guard(route: Any) -> None:
        if route.request.url.startswith((base, "data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    try:
        page.goto(
            f"{base}/lab/tree/notebooks/02-claims-by-outlet.ipynb?token={jupyter_lab['token']}",
            wait_until="domcontentloaded",
            timeout=120_000,
        )
        _wait_for(
            page,
            lambda s: s["path"].endswith("02-claims-by-outlet.ipynb") and s["kernel"] == "idle",
            120,
            "the notebook to open with an idle kernel",
        )
        assert page.locator(".jp-toast-container, .Toastify__toast").filter(has_text="news").count() == 0

        # Run All Cells from the Run menu, as an analyst would.
        page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
        page.locator('.lm-Menu-item:has(.lm-Menu-itemLabel:text-is("Run All Cells"))').click()
        state = _wait_for(
            page,
            lambda s: s["unrun"] == 0 and s["kernel"] == "idle" and s["pending"] == 0,
            300,
            "every cell to run",
        )
        assert state["errors"] == [], f"cells failed: {state['errors']}"

        slider = page.locator(".newslib-threshold-slider").first
        slider.scroll_into_view_if_needed()
        page.wait_for_function(
            "() => /\\d/.test((document.querySelector('.newslib-claim-count') || {}).textContent || '')",
            timeout=60_000,
        )
        before = _claim_count(page)
        assert before is not None, "no 'Claims shown: N' counter in the widget"
        readout = slider.locator(".widget-readout")
        start_value = readout.text_content()
        handle = slider.locator(".noUi-handle").first

        # Move the slider with the keyboard, one step at a time, until the
        # re-aligned matrix has a different number of claims.
        after, moves = before, 0
        while after == before and moves < 12:
            handle.focus()
            page.keyboard.press("ArrowRight")
            moves += 1
            page.wait_for_timeout(300)
            _wait_for(page, lambda s: s["kernel"] == "idle", 120, "the re-alignment to finish")
            page.wait_for_timeout(300)
            after = _claim_count(page)
        slider.screenshot(path=str(artifacts_dir / "lab-02-slider.png"))
        page.screenshot(path=str(artifacts_dir / "lab-02-claims-by-outlet.png"))

        assert readout.text_content() != start_value, "the slider did not move"
        assert after is not None and after != before, (
            f"claim count stayed {before} after {moves} slider steps (threshold {readout.text_content()})"
        )
        assert outside == [], f"JupyterLab requested outside the server: {sorted(set(outside))}"
    finally:
        context.close()
