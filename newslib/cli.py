"""Command line: ``newslib compare`` and ``newslib report``.

Input: a corpus path. Output: CSV tables (``compare``) or a self-contained
HTML report (``report``), plus a short summary on stdout. Errors print one
clear line on stderr and exit with a non-zero code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

#: Exit codes: 0 success, 1 the report could not be built (a notebook cell
#: failed, or the page failed the safety audit), 2 bad input (missing path,
#: empty folder, bad option).
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslib",
        description="Compare how news outlets covered the same story.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    cmp_ = sub.add_parser("compare", help="run the pipeline and write every table as CSV")
    cmp_.add_argument("path", help="folder of articles (.txt/.html/.json/.jsonl, optional manifest.csv) or one file")
    cmp_.add_argument("--out", required=True, help="folder to write the CSV tables into")
    _add_options(cmp_)

    rep = sub.add_parser("report", help="build the self-contained HTML report")
    rep.add_argument("path", help="folder of articles")
    rep.add_argument("--out", required=True, help="HTML file to write, e.g. reports/story.html")
    _add_options(rep)
    return parser


def _add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--threshold", type=float, default=None, help="claim similarity threshold (Settings.claim_threshold)")
    p.add_argument("--outlets", default=None, help="comma-separated outlets to keep (default: all)")
    p.add_argument("--no-progress", action="store_true", help="hide progress bars")


def _options(args: argparse.Namespace) -> dict:
    options: dict = {}
    if args.threshold is not None:
        options["claim_threshold"] = args.threshold
    if args.outlets:
        options["outlets"] = tuple(o.strip() for o in args.outlets.split(",") if o.strip())
    return options


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    path = Path(args.path)
    if not path.exists():
        print(f"newslib: error: no such file or folder: {path}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        if args.command == "compare":
            return _compare(args, path)
        return _report(args, path)
    except (FileNotFoundError, ValueError, TypeError) as exc:
        print(f"newslib: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # the output can not be written (permissions, a full disk, a folder in the way)
        print(f"newslib: error: {exc}", file=sys.stderr)
        return EXIT_FAILED



def _check_output_dir(folder: Path) -> None:
    """Create ``folder`` and check that files can be written in it.

    Raises:
        OSError: with a message naming the folder and the reason.
    """
    from newslib.coverage import check_writable_folder

    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(f"--out must be a folder, and {folder} is a file")
    check_writable_folder(folder, what="the tables")


def _compare(args: argparse.Namespace, path: Path) -> int:
    from newslib.coverage import compare

    _check_output_dir(Path(args.out))  # before the work, not after it
    cov = compare(path, progress=not args.no_progress, **_options(args))
    written = cov.to_dir(args.out)
    problems = cov.problems
    n_errors = int((problems["severity"] == "error").sum()) if len(problems) else 0
    print(f"articles:      {len(cov.articles)}")
    print(f"sentences:     {len(cov.sentences)}")
    print(f"removed lines: {len(cov.removed)}")
    print(f"problems:      {len(problems)} ({n_errors} files or records skipped)")
    for name in ("quotes", "speakers", "claims", "conflicts"):
        if name in cov.tables:
            print(f"{name + ':':<15}{len(cov.tables[name])}")
    print(f"wrote {len(written)} tables to {args.out}")
    if len(problems):
        print("problems (see problems.csv):")
        for row in problems.head(10).itertuples():
            print(f"  {row.path}: {row.problem}: {row.detail}")
    return 0


def _report(args: argparse.Namespace, path: Path) -> int:
    from newslib.report import ReportError, build_report

    try:
        out = Path(build_report(path, args.out, progress=not args.no_progress, **_options(args)))
    except ReportError as exc:  # a notebook cell failed, or the page failed the safety audit
        print(f"newslib: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"report written to {out.resolve()}")
    files = out.with_name(out.stem + "_files")
    if files.is_dir():
        print(f"charts and their tables: {files.resolve()}/")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
