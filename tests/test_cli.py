"""The command line: tables on disk, a summary, clear errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd

from newslib.cli import main

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "data" / "seeds"


def test_compare_writes_tables_and_summary(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["compare", str(SEEDS), "--out", str(out), "--no-progress"]) == 0
    printed = capsys.readouterr().out
    assert "articles:      5" in printed
    assert "sentences:     97" in printed
    assert "removed lines: 24" in printed
    for name in ("articles", "problems", "removed", "sentences"):
        assert (out / f"{name}.csv").is_file()
    sentences = pd.read_csv(out / "sentences.csv")
    assert list(sentences.columns) == ["sent_id", "article_id", "outlet", "paragraph", "position", "start", "end", "text"]
    assert len(sentences) == 97


def test_bad_path_is_a_clear_error(tmp_path, capsys):
    assert main(["compare", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newslib: error: no such file or folder")


def test_empty_folder_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["compare", str(tmp_path / "empty"), "--out", str(tmp_path / "o")]) == 2
    assert "has no article files" in capsys.readouterr().err


def test_installed_console_script(tmp_path):
    exe = Path(sys.executable).parent / "newslib"
    proc = subprocess.run([str(exe), "compare", str(tmp_path / "nope"), "--out", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "no such file or folder" in proc.stderr


def test_progress_bar_for_larger_corpora(tmp_path, capsys):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(45):
        (folder / f"a{n:02d}.txt").write_text(
            f"Story {n}\n\nOfficials said on Monday that talks number {n} would be held in Moscow next week.\n",
            encoding="utf-8")
    assert main(["compare", str(folder), "--out", str(tmp_path / "o")]) == 0
    captured = capsys.readouterr()
    assert "loading" in captured.err and "45/45" in captured.err
    assert "articles:      45" in captured.out
