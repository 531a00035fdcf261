"""Set-up stays honest: environment.yml matches pyproject, imports stay light."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]


def _pins(lines: list[str]) -> dict[str, str]:
    pins = {}
    for line in lines:
        m = re.match(r"^\s*([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*(>=.*)?$", line.strip())
        if m and m.group(1) not in {"newslib", "python", "pip"}:
            pins[m.group(1).lower()] = (m.group(2) or "").replace(" ", "")
    return pins


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = list(project["dependencies"])
    for name, extra in project["optional-dependencies"].items():
        if name == "embeddings":  # optional heavy backend, documented in environment.yml, not installed
            continue
        wanted += [d for d in extra if not d.startswith("newslib")]
    text = (ROOT / "environment.yml").read_text()
    pip_block = text.split("- pip:", 1)[1]
    env_lines = [l.strip()[2:] for l in pip_block.splitlines() if l.strip().startswith("- ")]
    env = _pins([l for l in env_lines if not l.startswith("-e") and l not in {"pip"}])
    assert _pins(wanted) == env
    assert any(l.strip() == "- -e ." for l in (ROOT / "environment.yml").read_text().splitlines())


def test_import_is_light():
    code = ("import sys, newslib; heavy = [m for m in ('pandas', 'sklearn', 'trafilatura', 'matplotlib', "
            "'nltk', 'rapidfuzz') if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_readme_quick_start_is_two_commands():
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [l for l in block.splitlines()[1:] if l.strip()]
    assert commands == ["make report", "make test"]
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^report:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_seed_data_is_committed_verbatim():
    seeds = ROOT / "data" / "seeds"
    manifest = (seeds / "manifest.csv").read_text().splitlines()
    assert manifest[0] == "article_id,outlet,published,url"
    assert len(list(seeds.glob("*.txt"))) == 5
