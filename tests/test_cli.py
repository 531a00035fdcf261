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


def test_an_output_that_cannot_be_written_fails_before_the_work(tmp_path, capsys, monkeypatch):
    import newslib.coverage

    def must_not_run(*args, **kwargs):
        raise AssertionError("the pipeline ran although its output could not be written")

    monkeypatch.setattr(newslib.coverage, "compare", must_not_run)
    a_file = tmp_path / "tables.csv"
    a_file.write_text("not a folder")
    assert main(["compare", str(SEEDS), "--out", str(a_file), "--no-progress"]) == 1
    assert f"--out must be a folder, and {a_file} is a file" in capsys.readouterr().err
    blocked = a_file / "sub"  # a folder can not be made under a file
    assert main(["compare", str(SEEDS), "--out", str(blocked), "--no-progress"]) == 1
    assert f"cannot write the tables into {blocked}" in capsys.readouterr().err


def test_a_report_path_that_is_a_folder_fails_before_the_notebook_runs(tmp_path, capsys, monkeypatch):
    import newslib.report

    def must_not_run(*args, **kwargs):
        raise AssertionError("the notebook ran although the report could not be written")

    monkeypatch.setattr(newslib.report, "execute_report", must_not_run)
    assert main(["report", str(SEEDS), "--out", str(tmp_path), "--no-progress"]) == 1
    assert "the report path is a folder, not a file" in capsys.readouterr().err
    under_a_file = tmp_path / "note.txt"
    under_a_file.write_text("x")
    assert main(["report", str(SEEDS), "--out", str(under_a_file / "r.html"), "--no-progress"]) == 1
    assert "cannot write the report into" in capsys.readouterr().err
