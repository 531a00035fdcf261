"""Shared fixtures: corpus paths, built reports and a real Chromium.

Browser fixtures skip with a clear reason when Chromium or Playwright is
missing, unless ``NEWSLIB_REQUIRE_BROWSER=1`` (set by ``.ci/run``), in which
case they fail: CI must never pass by skipping the browser tests.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Callable, Iterator

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "data" / "seeds"
FIXTURES = REPO / "tests" / "fixtures"
#: Report-specific hostile corpus (see tests/test_report.py for its payloads).
HOSTILE_REPORT = FIXTURES / "hostile_report"
#: Screenshots and other files for a human to look at (gitignored).
ARTIFACTS = REPO / "tests" / "artifacts"

#: Where Debian's package puts Chromium; NEWSLIB_CHROMIUM overrides it.
DEFAULT_CHROMIUM = "/usr/bin/chromium"
#: Flags for a quiet, offline, container-friendly Chromium: no sandbox (CI
#: containers run as root), no GPU, and none of the background services that
#: would phone home (QUIC, component updates, sync, first-run pages).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def browser_required() -> bool:
    """True when a missing browser must fail the run instead of skipping."""
    return os.environ.get("NEWSLIB_REQUIRE_BROWSER", "") == "1"


def skip_or_fail(reason: str) -> None:
    """Skip with ``reason``, or fail when ``NEWSLIB_REQUIRE_BROWSER=1``."""
    if browser_required():
        pytest.fail(f"{reason} (NEWSLIB_REQUIRE_BROWSER=1, so this is an error)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five seed articles (raw, never edited)."""
    return SEEDS


@pytest.fixture(scope="session")
def hostile_report_dir() -> Path:
    """Three articles whose text, titles, outlets and URLs carry XSS payloads."""
    return HOSTILE_REPORT


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """``tests/artifacts/`` (created), for screenshots a human should look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def build_report_once(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Build the HTML report of a named corpus once per session.

    Returns a function ``build(name) -> Path`` for ``name`` in ``"seeds"``,
    ``"hostile"``; the report and its ``_files/`` folder live in a temp dir.
    ``build.seconds[name]`` is how long the build took (wall clock).
    """
    import time

    from newslib.report import build_report

    corpora = {"seeds": SEEDS, "hostile": HOSTILE_REPORT}
    built: dict[str, Path] = {}
    seconds: dict[str, float] = {}
    root = tmp_path_factory.mktemp("reports")

    def build(name: str) -> Path:
        if name not in built:
            started = time.perf_counter()
            built[name] = build_report(corpora[name], root / f"{name}.html", progress=False)
            seconds[name] = time.perf_counter() - started
        return built[name]

    build.seconds = seconds  # type: ignore[attr-defined]
    return build


@pytest.fixture(scope="session")
def seeds_report(build_report_once: Callable[[str], Path]) -> Path:
    """The report built on the seeds (HTML path)."""
    return build_report_once("seeds")


@pytest.fixture(scope="session")
def hostile_report(build_report_once: Callable[[str], Path]) -> Path:
    """The report built on the hostile corpus (HTML path)."""
    return build_report_once("hostile")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path of the Chromium binary (skips or fails when there is none)."""
    path = os.environ.get("NEWSLIB_CHROMIUM") or DEFAULT_CHROMIUM
    if not Path(path).is_file():
        found = shutil.which("chromium")
        if not found:
            skip_or_fail(
                f"Chromium not found at {path} (install Debian's package: "
                "apt-get install chromium, or set NEWSLIB_CHROMIUM)"
            )
        path = str(found)
    return path


@pytest.fixture(scope="session")
def chromium(chromium_path: str) -> Iterator[object]:
    """A headless Chromium driven by Playwright (never downloads a browser)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("Playwright for Python is not installed (pip install -e '.[dev]')")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium_path, headless=True, args=list(CHROMIUM_ARGS)
        )
        try:
            yield browser
        finally:
            browser.close()
