"""SPARQL over HTTP with wrk: nqgraph's /sparql vs rdflib-endpoint (the baseline), the Oxigraph server, and the floor.

Servers run one at a time on a free loopback port, so they never compete with
each other; rdflib-endpoint runs first so that the later rows can carry their
ratio to it. Each (query, concurrency) gets a short wrk run per repetition
(longer for a query whose first answer is slow, so that a few answers finish);
the row's values are requests/s, and its note gives the median and p99
latency (medians over repetitions). A first request checks the answer (status
and row count) before any load is applied.
"""

from __future__ import annotations

import math
import statistics
import subprocess
import time
from collections.abc import Iterator

import httpx

from bench import wrk
from bench.harness import Context, NotAvailable, Row, benchmark
from bench.inputs import ensure_nquads, ensure_store
from bench.queries import QUICK_HTTP, full_text, queries
from bench.servers import SERVERS, drain, serve

CONCURRENCY = (1, 8)
Results = dict[tuple[str, int], list[wrk.WrkResult]]


def _rows_returned(url: str, query: str, timeout: float) -> tuple[str, float]:
    """The answer's size and the seconds it took, checked once before load is applied.

    Raises ``httpx.TimeoutException`` if too slow.
    """
    with httpx.Client(trust_env=False, timeout=timeout) as client:
        began = time.perf_counter()
        response = client.get(url, params={"query": query}, headers={"Accept": "application/sparql-results+json"})
        took = time.perf_counter() - began
    if response.status_code != 200:
        return f"HTTP {response.status_code}", took
    data = response.json()
    return f"{len(data.get('results', {}).get('bindings', []))} rows", took


def run_seconds(seconds: float, first_answer_s: float, connections: int) -> float:
    """A wrk run long enough for a few answers: a 2 s query in a 3 s run would read as 0 or 0.33 req/s.

    With more connections the server shares its cores between them, so each answer takes longer.

    >>> run_seconds(3, 0.01, 1), run_seconds(3, 2.1, 1), run_seconds(3, 0.54, 8), run_seconds(3, 60, 1)
    (3, 9, 6, 15)
    """
    return min(max(seconds, math.ceil((3 + connections) * first_answer_s)), 5 * seconds)


def _cases(ctx: Context, kind: str) -> Iterator[tuple[str, str]]:
    all_queries = {name: full_text(q) for name, q in queries(ctx.seed).items()}
    if kind == "floor":
        yield "empty route", all_queries["point lookup"]
        return
    for name, text in all_queries.items():
        if not ctx.quick or name in QUICK_HTTP:
            yield name, text


def _median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def _measure(ctx: Context, kind: str, url: str, results: Results, checks: dict[str | tuple[str, int], str]) -> str:
    """wrk runs for every case of a server; returns why it stopped early, or "" when all were measured.

    A query whose first answer takes longer than the per-query limit is not load-tested, and neither is
    anything after it on that server: a server that computes on its event loop is still busy with it.
    """
    seconds, reps, limit = ctx.pick(2, 3), ctx.pick(1, 3), ctx.pick(10.0, 60.0)
    for name, text in _cases(ctx, kind):
        first_s = 0.0
        if kind != "floor":
            try:
                checks[name], first_s = _rows_returned(url, text, limit)
            except httpx.HTTPError as exc:
                return f"{name}: no answer within {limit:.0f} s ({exc.__class__.__name__}); later cases not measured"
        query = wrk.query_url(url, text)
        for conc in CONCURRENCY:
            runs = []
            run_s = run_seconds(seconds, first_s, conc)
            if run_s != seconds:
                checks[(name, conc)] = f"{run_s:.0f} s runs"
            for _ in range(reps):
                runs.append(wrk.run(query, connections=conc, seconds=run_s))
                if not drain(url, limit):
                    results[(name, conc)] = runs
                    return f"{name}, c={conc}: still busy {limit:.0f} s after the wrk run; later cases not measured"
            results[(name, conc)] = runs
    return ""


def _emit(ctx: Context, label: str, kind: str, results: Results, checks: dict[str | tuple[str, int], str],
          baseline: Results | None) -> None:
    for (name, conc), runs in results.items():
        p50, p99 = _median([r.p50_ms for r in runs]), _median([r.p99_ms for r in runs])
        errors = sum(r.errors for r in runs)
        notes = [checks.get(name, ""), checks.get((name, conc), ""),
                 f"p50 {p50:.2f} ms, p99 {p99:.2f} ms" if p50 is not None and p99 is not None else
                 "no request finished during the run"]
        if errors:
            notes.append(f"{errors} errors/timeouts")
        base = baseline.get((name, conc)) if baseline else None
        ctx.emit(Row("http", f"{label}: {name}, c={conc}", kind, "req/s", [r.requests_per_s for r in runs],
                     higher_is_better=True, baseline="rdflib-endpoint" if base else None,
                     baseline_values=[r.requests_per_s for r in base] if base else [],
                     note="; ".join(n for n in notes if n)))


def _http(label: str, *, full_only: bool) -> None:
    @benchmark(f"http.{label}", cap=(75, 1200), full_only=full_only, quick_only=not full_only)
    def http(ctx: Context) -> None:
        wrk.ensure_wrk()
        data_dir, _ = ensure_store(ctx, label)
        nquads = ensure_nquads(ctx, label)
        baseline: Results | None = None
        startups: dict[str, float] = {}
        for kind in SERVERS:
            results: Results = {}
            checks: dict[str | tuple[str, int], str] = {}
            stopped = ""
            try:
                with serve(kind, store_dir=data_dir, nquads=nquads) as server:
                    startups[kind] = server.startup_s
                    stopped = _measure(ctx, kind, server.url, results, checks)
            except NotAvailable as exc:
                ctx.emit(Row("http", f"{label}: all queries", kind, "req/s", [], status="skipped",
                             note=f"not available yet: {exc}"))
                continue
            except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
                ctx.emit(Row("http", f"{label}: all queries", kind, "req/s", [], status="error", note=str(exc)[:300]))
                continue
            _emit(ctx, label, kind, results, checks, baseline if kind in ("oxigraph", "nqgraph") else None)
            if stopped:
                ctx.emit(Row("http", f"{label}: remaining queries", kind, "req/s", [], status="capped", note=stopped))
            if kind == "rdflib-endpoint":
                baseline = results
        if ctx.quick:  # full mode has its own start-up benchmark with repetitions
            base = startups.get("rdflib-endpoint")
            for kind in ("rdflib-endpoint", "oxigraph", "nqgraph"):
                if kind in startups:
                    ctx.emit(Row("startup", f"start-up, {label} store", kind, "s", [startups[kind]],
                                 baseline="rdflib-endpoint" if base and kind != "rdflib-endpoint" else None,
                                 baseline_values=[base] if base and kind != "rdflib-endpoint" else [],
                                 note="1 start, launch to first answer"))


_http("100k", full_only=False)
_http("1M", full_only=True)
