"""The README's examples run as written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    """Fenced code blocks whose info string is ``lang`` ("" for plain fences)."""
    blocks, current, info = [], None, ""
    for line in README.splitlines():
        if line.startswith("```"):
            if current is None:
                current, info = [], line[3:].strip()
            else:
                if info == lang:
                    blocks.append("\n".join(current) + "\n")
                current = None
        elif current is not None:
            current.append(line)
    return blocks


@pytest.mark.parametrize("code", _blocks("python"))
def test_python_examples_run(code, tmp_path):
    (tmp_path / "data").symlink_to(ROOT / "data")
    script = tmp_path / "example.py"
    script.write_text(code, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_shell_examples_run(tmp_path):
    (tmp_path / "data").symlink_to(ROOT / "data")
    lines = [l.strip() for block in _blocks("") for l in block.splitlines()
             if l.strip().startswith("newslib compare")]
    assert lines, "the README shows a `newslib compare` example"
    exe = str(Path(sys.executable).parent / "newslib")
    for line in lines:
        args = line.split("#")[0].split()[1:]
        proc = subprocess.run([exe, *args, "--no-progress"], cwd=tmp_path, capture_output=True, text=True,
                              timeout=600, env={**os.environ})
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert "articles:" in proc.stdout
