"""Run registered benchmarks, each in its own child process under its own time cap.

Why a process per benchmark: a measurement that hangs (a query rdflib cannot
finish, a server that never answers) is stopped at its cap, with everything
it started (the child leads its own process group), and reported as
"capped"; its finished rows are kept. A fresh process also makes every
benchmark's memory figures its own.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.harness import REGISTRY, Benchmark, Row

ROOT = Path(__file__).resolve().parents[1]


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the child alone (it stops its servers), give it 15 s, then SIGKILL its whole group."""
    try:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    process.wait(timeout=10)


def run_one(bench: Benchmark, *, quick: bool, workdir: Path, seed: int,
            cap: float | None = None) -> tuple[list[Row], float]:
    """The rows of one benchmark (plus a capped/error row if it did not finish) and its wall time."""
    cap = cap if cap is not None else (bench.cap_quick if quick else bench.cap_full)
    logs = workdir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    out = logs / f"{bench.name}.jsonl"
    out.unlink(missing_ok=True)
    log = logs / f"{bench.name}.log"
    argv = [sys.executable, "-m", "bench.child", bench.name, "--workdir", str(workdir), "--out", str(out),
            "--seed", str(seed), "--cap", str(cap)] + (["--quick"] if quick else [])
    start = time.perf_counter()
    with log.open("wb") as log_fh:
        process = subprocess.Popen(argv, cwd=ROOT, stdout=log_fh, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            process.wait(timeout=cap)
            capped = False
        except subprocess.TimeoutExpired:
            capped = True
            _kill_group(process)
        finally:
            if process.poll() is None:
                _kill_group(process)
    seconds = time.perf_counter() - start
    rows = [Row.from_json(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    if capped:
        rows.append(Row(bench.group, bench.name, "-", "", status="capped",
                        note=f"stopped at its {cap:.0f} s cap; rows above it finished in time"))
    elif process.returncode != 0:
        tail = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
        rows.append(Row(bench.group, bench.name, "-", "", status="error",
                        note=(tail[-1] if tail else f"exit status {process.returncode}")[:300]))
    return rows, seconds


def run_all(*, quick: bool, workdir: Path, seed: int, only: list[str] | None = None, budget: float | None = None,
            progress: Callable[[str], None] = print) -> list[Row]:
    """Every benchmark of the mode in registration order; ``budget`` (s) bounds the whole run.

    A benchmark's cap is cut to what is left of the budget, so the run as a whole keeps its promise
    (quick under 2 minutes, full under 45) even when single benchmarks are slower than planned.
    """
    rows: list[Row] = []
    deadline = time.perf_counter() + budget if budget else None
    for bench in REGISTRY.values():
        if not bench.runs_in(quick):
            continue
        if only and not any(bench.name == o or bench.name.startswith(o + ".") for o in only):
            continue
        cap = bench.cap_quick if quick else bench.cap_full
        if deadline is not None:
            left = deadline - time.perf_counter()
            if left < 3:
                rows.append(Row(bench.group, bench.name, "-", "", status="capped",
                                note="not run: the run's total time budget was used up"))
                continue
            cap = min(cap, left)
        progress(f"{bench.name} ...")
        found, seconds = run_one(bench, quick=quick, workdir=workdir, seed=seed, cap=cap)
        statuses = {r.status for r in found} - {"ok"}
        progress(f"{bench.name}: {len(found)} rows in {seconds:.1f} s" + (f" ({', '.join(statuses)})" if statuses
                                                                            else ""))
        rows.extend(found)
    return rows
