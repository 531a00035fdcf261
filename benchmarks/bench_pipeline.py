"""End-to-end ``newslib.compare`` time, peak memory and scaling (issue 4).

Usage::

    python benchmarks/bench_pipeline.py                        # 10, 100, 1,000 and 10,000 articles
    python benchmarks/bench_pipeline.py --sizes 10,100,1000    # fewer sizes

For each size the generated corpus ``build/bench/<n>-seed<seed>`` is made once
(``benchmarks/generate_corpus.py``; cached, gitignored) and a fresh Python
process runs the real :func:`newslib.compare` on it with default settings.
Every stage function that ``compare`` calls (load, clean, sentences, quotes,
sources, variants, claims, conflicts, reuse, framing) is wrapped with a timer
in that process before the run, so the per-stage breakdown comes from the very
run that is timed end to end; nothing in the library is changed. Before the
timed run the process runs ``compare`` once on the five seed articles, which
pays the one-off imports (scikit-learn, nltk, VADER ...): that is reported as
"start-up", apart from the run.

Printed per size: articles, sentences, start-up, wall and CPU seconds, articles
per second and peak memory (``ru_maxrss`` of the measuring process: everything
it held at its peak, interpreter and libraries included). Then the stage
breakdown, the scaling exponent between the last two sizes,
``log(t2 / t1) / log(n2 / n1)`` (1.0 is linear), and the targets of issue 4:
1,000 articles in under 20 s, 10,000 in under 4 minutes, peak memory under
4 GB and an exponent of at most 1.2.

The machine is shared (2 cores, other jobs): wall time is noisy, so CPU time
(user + system of the measuring process) is shown next to it and the exponent
is given for both.
"""

from __future__ import annotations

import importlib
import json
import math
import sys
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_foundation import (  # noqa: E402
    REPO,
    StageClock,
    bench_arguments,
    cpu_seconds,
    current_rss_mb,
    ensure_corpus,
    machine_note,
    print_table,
    rss_mb,
    run_child,
)

#: The functions ``newslib.compare`` calls, as (module, function, stage label).
#: A module that does not exist yet is reported as missing, not an error.
STAGE_FUNCTIONS = (
    ("newslib.corpus", "load_corpus", "load"),
    ("newslib.clean", "clean_corpus", "clean"),
    ("newslib.sentences", "split_sentences", "sentences"),
    ("newslib.sentences", "add_counts", "sentences"),
    ("newslib.quotes", "find_quotes", "quotes"),
    ("newslib.sources", "find_sources", "sources"),
    ("newslib.variants", "quote_variants", "variants"),
    ("newslib.claims", "align_claims", "claims"),
    ("newslib.conflicts", "find_conflicts", "conflicts"),
    ("newslib.reuse", "find_reuse", "reuse"),
    ("newslib.framing", "frame", "framing"),
)

#: Targets from issue 4 (seconds, MB, exponent).
TARGET_1K_SECONDS = 20.0
TARGET_10K_SECONDS = 240.0
TARGET_PEAK_MB = 4096.0
TARGET_EXPONENT = 1.2


def child(corpus_dir: Path) -> dict[str, Any]:
    """Run ``compare`` on one corpus with every stage timed; return the measurements."""
    import newslib

    clock = StageClock()
    missing = []
    for module_name, func_name, label in STAGE_FUNCTIONS:
        try:
            module = importlib.import_module(module_name)
            setattr(module, func_name, clock.wrap(label, getattr(module, func_name)))
        except (ImportError, AttributeError) as exc:
            missing.append(f"{module_name}.{func_name} ({exc.__class__.__name__})")

    start = time.perf_counter()
    newslib.compare(REPO / "data" / "seeds")  # warm-up: imports and caches
    startup = time.perf_counter() - start
    clock.stages.clear()
    baseline = current_rss_mb()

    wall, cpu = time.perf_counter(), cpu_seconds()
    report: dict[str, Any] = {"startup": startup, "baseline_rss_mb": baseline, "missing": missing}
    try:
        cov = newslib.compare(corpus_dir)
    except Exception as exc:  # report which stage failed, with the timings so far
        report["error"] = f"{exc.__class__.__name__}: {exc}"
        report["traceback"] = traceback.format_exc().splitlines()[-6:]
        cov = None
    report.update(
        wall=time.perf_counter() - wall,
        cpu=cpu_seconds() - cpu,
        peak_rss_mb=rss_mb(),
        stages=clock.stages,
    )
    if cov is not None:
        report.update(articles=len(cov.articles), sentences=len(cov.sentences), tables=cov.summary())
    return report


def exponent(n1: float, t1: float, n2: float, t2: float) -> float:
    """Scaling exponent between two runs: 1.0 is linear, 2.0 quadratic."""
    return math.log(t2 / t1) / math.log(n2 / n1)


def main(argv: list[str] | None = None) -> int:
    args = bench_arguments(argv, description="end-to-end compare() time, memory and scaling",
                           sizes="10,100,1000,10000", timeout=3600)

    if args.child:
        print(json.dumps(child(args.corpus)))
        return 0

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"newslib.compare end to end; {machine_note()}")
    results: list[dict[str, Any]] = []
    for n in sizes:
        folder = ensure_corpus(n, args.seed, args.root)
        t0 = time.perf_counter()
        report = run_child(Path(__file__), ["--corpus", str(folder)], timeout=args.timeout)
        report["size"] = n
        results.append(report)
        status = report.get("error", "ok")
        print(f"  {n} articles: {status} ({time.perf_counter() - t0:.0f} s including start-up)", flush=True)
        for line in report.get("traceback", []):
            print(f"    {line}")
    missing = sorted({m for r in results for m in r.get("missing", [])})
    if missing:
        print("  not timed (missing): " + ", ".join(missing))

    ok = [r for r in results if "error" not in r]
    print()
    print_table(
        ["articles", "sentences", "start-up s", "wall s", "cpu s", "articles/s (wall)", "peak RSS MB"],
        [[r["articles"], r["sentences"], r["startup"], r["wall"], r["cpu"], r["articles"] / r["wall"],
          r["peak_rss_mb"]] for r in ok],
    )

    stage_names = list(dict.fromkeys(label for _, _, label in STAGE_FUNCTIONS))
    if ok:
        print()
        print("Per-stage wall seconds (cpu seconds in brackets); share = of the largest run's wall time")
        largest = ok[-1]
        rows = []
        for name in stage_names:
            cells = []
            for r in ok:
                st = r["stages"].get(name)
                cells.append(f"{st['wall']:.2f} ({st['cpu']:.2f})" if st else "-")
            st = largest["stages"].get(name)
            share = f"{100 * st['wall'] / largest['wall']:.0f}%" if st else "-"
            peak = f"{st['peak_rss_mb']:.0f}" if st else "-"
            rows.append([name, *cells, share, peak])
        accounted = sum(v["wall"] for v in largest["stages"].values())
        rows.append(["(outside stages)", *["" for _ in ok[:-1]],
                     f"{largest['wall'] - accounted:.2f}", "", ""])
        print_table(["stage", *[f"{r['articles']:,}" for r in ok], "share",
                     f"peak RSS MB after ({ok[-1]['articles']:,})"], rows)
        dominant = max(largest["stages"].items(), key=lambda kv: kv[1]["wall"])
        print(f"Dominant stage at {largest['articles']:,} articles: {dominant[0]} "
              f"({100 * dominant[1]['wall'] / largest['wall']:.0f}% of wall time)")

    verdicts = []
    if len(ok) >= 2:
        a, b = ok[-2], ok[-1]
        e_wall = exponent(a["articles"], a["wall"], b["articles"], b["wall"])
        e_cpu = exponent(a["articles"], a["cpu"], b["articles"], b["cpu"])
        print(f"\nScaling exponent {a['articles']:,} -> {b['articles']:,} articles: "
              f"{e_wall:.2f} (wall), {e_cpu:.2f} (cpu)")
        verdicts.append((f"exponent <= {TARGET_EXPONENT}", min(e_wall, e_cpu) <= TARGET_EXPONENT,
                         f"{e_wall:.2f} wall / {e_cpu:.2f} cpu"))
    for r in ok:
        if r["size"] == 1000:
            verdicts.append((f"1,000 articles < {TARGET_1K_SECONDS:.0f} s", r["wall"] < TARGET_1K_SECONDS,
                             f"{r['wall']:.1f} s wall, {r['cpu']:.1f} s cpu"))
        if r["size"] == 10000:
            verdicts.append((f"10,000 articles < {TARGET_10K_SECONDS:.0f} s", r["wall"] < TARGET_10K_SECONDS,
                             f"{r['wall']:.1f} s wall, {r['cpu']:.1f} s cpu"))
    if ok:
        peak = max(r["peak_rss_mb"] for r in ok)
        verdicts.append((f"peak memory < {TARGET_PEAK_MB:.0f} MB", peak < TARGET_PEAK_MB, f"{peak:.0f} MB"))
    if verdicts:
        print()
        for name, passed, detail in verdicts:
            print(f"  {'PASS' if passed else 'FAIL'}  {name}: {detail}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))
    return 0 if len(ok) == len(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
