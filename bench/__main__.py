"""``python -m bench [--quick]``: run every benchmark, print the tables, append them to BENCHMARKS.md.

Quick mode (under 2 minutes) uses a few hundred articles, the 100k graph and
2-second wrk runs; full mode (under 45 minutes on 2 cores) uses 30,000
articles, the 100k, 1M and 10M graphs and 3 repetitions of each wrk run.
Inputs are cached in the work directory (``--workdir``, default
``$NQGRAPH_BENCH_DIR`` or ``/tmp/nqgraph-bench``) and reused by later runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from rich.console import Console

from bench import report
from bench.harness import REGISTRY, load_modules
from bench.machine import describe
from bench.runner import ROOT, run_all

QUICK_BUDGET = 110.0  # seconds for all benchmarks; the tables and machine description take the rest
FULL_BUDGET = 43 * 60.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small inputs, short runs (under 2 minutes)")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="run only this benchmark (or prefix, e.g. 'query'); repeatable")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path,
                        default=Path(os.environ.get("NQGRAPH_BENCH_DIR", "/tmp/nqgraph-bench")))
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md", help="where to append the run")
    parser.add_argument("--no-append", action="store_true", help="print only")
    args = parser.parse_args(argv)
    load_modules()
    if args.list:
        for bench in REGISTRY.values():
            modes = "full" if bench.full_only else ("quick" if bench.quick_only else "quick, full")
            print(f"{bench.name:28} {modes:12} cap {bench.cap_quick:.0f} s / {bench.cap_full:.0f} s")
        return 0
    console = Console(stderr=True)
    info = describe()
    console.print(f"[bold]nqgraph benchmarks[/] ({'quick' if args.quick else 'full'}): {info['machine']}")
    start = time.perf_counter()
    budget = QUICK_BUDGET if args.quick else FULL_BUDGET
    rows = run_all(quick=args.quick, workdir=args.workdir, seed=args.seed, only=args.only, budget=budget,
                   progress=lambda text: console.print(f"  {text}"))
    seconds = time.perf_counter() - start
    report.print_tables(rows, Console(width=220))
    if not args.no_append:
        report.append(args.output, report.markdown(rows, info, quick=args.quick, seconds=seconds,
                                                     only=args.only))
        console.print(f"appended to {args.output} ({seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
