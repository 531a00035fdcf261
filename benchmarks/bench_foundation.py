"""Throughput and peak memory of load + clean + segment (issue 2).

Usage::

    python benchmarks/bench_foundation.py                 # 10, 100 and 1,000 articles
    python benchmarks/bench_foundation.py --sizes 10,100  # fewer sizes

For each size the generated corpus ``build/bench/<n>-seed<seed>`` is made
(once; see ``benchmarks/generate_corpus.py``), then a fresh Python process
runs ``newslib.corpus.load_corpus`` -> ``newslib.clean.clean_corpus`` ->
``newslib.sentences.split_sentences`` (+ ``add_counts``), the same chain as
:func:`newslib.compare` with no analysis stages, and reports:

* wall-clock and CPU seconds per stage and in total, and articles per second,
  after a warm-up on the five seed articles that pays the one-off imports
  (reported separately as "start-up");
* **peak memory**: ``ru_maxrss`` of that process (``resource.getrusage``),
  the largest resident set the whole process reached: interpreter, pandas,
  nltk and the data. That is what the machine has to have free, so it is the
  honest figure; the resident size after imports (before any article is read)
  is printed too, so the part that grows with the corpus can be read off.
  One process per size means every size starts from a clean heap.

CPU seconds are reported next to wall seconds because the benchmark machine is
shared: when other jobs compete for the two cores, wall time grows but CPU time
(user + system of the measuring process) barely moves.

The helpers here (:func:`run_child`, :func:`rss_mb`, :func:`print_table`) are
also used by ``bench_pipeline.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_ROOT = REPO / "build" / "bench"


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 2**20


def current_rss_mb() -> float:
    """Resident set size right now, in MB (from /proc; falls back to the peak)."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return rss_mb()


def cpu_seconds() -> float:
    """User + system CPU seconds used by this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class StageClock:
    """Wall and CPU time, and the peak RSS reached, per named stage."""

    def __init__(self) -> None:
        self.stages: dict[str, dict[str, float]] = {}
        self._depth = 0

    def wrap(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        """Return ``func`` timed under ``name`` (nested timed calls count once, outermost)."""

        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._depth:
                return func(*args, **kwargs)
            self._depth += 1
            wall, cpu = time.perf_counter(), cpu_seconds()
            try:
                return func(*args, **kwargs)
            finally:
                self._depth -= 1
                entry = self.stages.setdefault(name, {"wall": 0.0, "cpu": 0.0, "calls": 0})
                entry["wall"] += time.perf_counter() - wall
                entry["cpu"] += cpu_seconds() - cpu
                entry["calls"] += 1
                entry["peak_rss_mb"] = rss_mb()

        timed.__wrapped__ = func  # type: ignore[attr-defined]
        return timed


def ensure_corpus(n_articles: int, seed: int, root: Path) -> Path:
    """The cached generated corpus of ``n_articles`` (made on first use)."""
    sys.path.insert(0, str(HERE))
    try:
        import generate_corpus
    finally:
        sys.path.pop(0)
    return generate_corpus.ensure_corpus(n_articles, seed, root)


def run_child(script: Path, args: list[str], *, timeout: float) -> dict[str, Any]:
    """Run ``script --child ...`` in a fresh interpreter and return its JSON report."""
    cmd = [sys.executable, str(script), "--child", *args]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=REPO)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        return {"error": f"exit {proc.returncode}: " + " | ".join(tail)}
    return json.loads(lines[-1])


def print_table(headers: list[str], rows: list[list[Any]]) -> None:
    """Print a plain aligned table (markdown-compatible)."""
    cells = [[str(h) for h in headers]] + [[_fmt(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for k, row in enumerate(cells):
        print("| " + " | ".join(c.rjust(w) for c, w in zip(row, widths)) + " |")
        if k == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def machine_note() -> str:
    """One line on the machine state: cores and load averages."""
    try:
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        load = "n/a"
    return f"{os.cpu_count()} cores, load average {load} (1/5/15 min); Python {sys.version.split()[0]}"


# ---------------------------------------------------------------------------
# The measured process
# ---------------------------------------------------------------------------


def child(corpus_dir: Path) -> dict[str, Any]:
    """Load, clean and segment one corpus; return the measurements."""
    import newslib.clean as clean
    import newslib.corpus as corpus
    import newslib.sentences as sentences
    from newslib.settings import Settings

    settings = Settings()
    # Warm-up on the five seeds: pays the lazy imports (nltk, pandas parts)
    # once, so the timed run measures processing, not start-up.
    start = time.perf_counter()
    seeds = clean.clean_corpus(corpus.load_corpus(REPO / "data" / "seeds", settings=settings), settings=settings)
    sentences.split_sentences(seeds.texts, seeds.articles, settings=settings)
    startup = time.perf_counter() - start
    baseline = current_rss_mb()
    clock = StageClock()
    wall, cpu = time.perf_counter(), cpu_seconds()
    loaded = clock.wrap("load", corpus.load_corpus)(corpus_dir, settings=settings)
    cleaned = clock.wrap("clean", clean.clean_corpus)(loaded, settings=settings)
    sents = clock.wrap("sentences", sentences.split_sentences)(cleaned.texts, cleaned.articles, settings=settings)
    clock.wrap("sentences", sentences.add_counts)(cleaned.articles, sents, cleaned.texts)
    return {
        "articles": len(cleaned.articles),
        "sentences": len(sents),
        "removed": len(cleaned.removed),
        "problems": len(loaded.problems),
        "wall": time.perf_counter() - wall,
        "startup": startup,
        "cpu": cpu_seconds() - cpu,
        "baseline_rss_mb": baseline,
        "peak_rss_mb": rss_mb(),
        "stages": clock.stages,
    }


def bench_arguments(argv: list[str] | None, *, description: str, sizes: str,
                    timeout: float) -> argparse.Namespace:
    """The command line shared by the speed benchmarks (``--child`` is internal)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sizes", default=sizes, help="comma-separated article counts")
    parser.add_argument("--seed", type=int, default=7, help="corpus generator seed")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="where generated corpora are cached")
    parser.add_argument("--timeout", type=float, default=timeout, help="seconds allowed per size")
    parser.add_argument("--json", type=Path, help="also write the raw measurements here")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = bench_arguments(argv, description="load + clean + segment throughput and peak memory",
                           sizes="10,100,1000", timeout=1800)

    if args.child:
        print(json.dumps(child(args.corpus)))
        return 0

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"load + clean + segment; {machine_note()}")
    results = []
    for n in sizes:
        folder = ensure_corpus(n, args.seed, args.root)
        report = run_child(Path(__file__), ["--corpus", str(folder)], timeout=args.timeout)
        report["size"] = n
        results.append(report)
        if "error" in report:
            print(f"  {n} articles: {report['error']}")
    rows = []
    for r in results:
        if "error" in r:
            rows.append([r["size"], "error", "", "", "", "", "", "", ""])
            continue
        st = r["stages"]
        rows.append([
            r["articles"], r["sentences"], r["startup"],
            r["wall"], r["cpu"], r["articles"] / r["wall"], r["articles"] / max(r["cpu"], 1e-9),
            r["peak_rss_mb"], r["peak_rss_mb"] - r["baseline_rss_mb"],
        ])
        detail = ", ".join(f"{k} {v['wall']:.2f} s" for k, v in st.items())
        print(f"  {r['articles']} articles: {detail}")
    print_table(
        ["articles", "sentences", "start-up s", "wall s", "cpu s", "articles/s (wall)", "articles/s (cpu)",
         "peak RSS MB", "RSS growth MB"],
        rows,
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))
    return 0 if all("error" not in r for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
