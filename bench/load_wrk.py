"""Load test: 200 concurrent connections for 60 s on a REST endpoint and on ``/sparql``, with ``wrk`` on loopback.

Why this shape: it is the promise a small deployment needs -- a few hundred
clients at once get answers, none dropped and none left waiting past the
timeout -- measured on the real server (``nqgraph serve`` in its own process,
the seed corpus ingested). Each endpoint runs on its own, after one request
that checks the answer, so the figures are requests/s and tail latency of one
endpoint, and the run fails loudly if any request errored or timed out.

    python -m bench.load_wrk                    # 200 connections, 60 s per endpoint; appends to BENCHMARKS.md
    python -m bench.load_wrk --seconds 5 --no-append

From the harness (``make bench``) it is the full-mode benchmark ``load.wrk200``.
Loopback only; the wrk runs are bounded in time and stop by themselves.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
CONNECTIONS = 200
SECONDS = 60
TIMEOUT_S = 10
SPARQL = "SELECT ?org ?label WHERE { ?org a nq:Organization ; rdfs:label ?label FILTER(lang(?label) = 'en') } LIMIT 20"
ENDPOINTS = {
    "GET /api/sources": "/api/sources?limit=20",
    "GET /sparql (SELECT, 20 rows)": "/sparql?" + urlencode({"query": SPARQL}),
}


@dataclass
class LoadResult:
    endpoint: str
    connections: int
    seconds: float
    requests: int
    requests_per_s: float
    p50_ms: float | None
    p99_ms: float | None
    errors: int  # socket errors (connect, read, write) and non-2xx answers
    timeouts: int

    @property
    def ok(self) -> bool:
        return self.requests > 0 and self.errors == 0 and self.timeouts == 0


def build_store(data: Path) -> int:
    """Ingest the seed corpus into ``data`` (skipped when already built); the number of sources."""
    from graph.ingest import build_files, collect_files, load_rdf
    from graph.store import open_store

    store = open_store(data)
    try:
        build_files(store, collect_files([ROOT / "seeds"]), rdf=load_rdf(), base="https://w3id.org/nqgraph/id/")
        return len(store.sources())
    finally:
        store.close()


@contextmanager
def serve(data: Path) -> Iterator[str]:
    """``nqgraph serve`` on a free loopback port in its own process group; yields its URL."""
    from graph.store.lock import read_server_record

    env = {k: v for k, v in os.environ.items() if not k.startswith("NQGRAPH_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    (data / "server.json").unlink(missing_ok=True)
    process = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store", str(data), "--host", "127.0.0.1",
                                "--port", "0", "--log-level", "warning"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"nqgraph serve exited with status {process.returncode}")
            if time.monotonic() > deadline:
                raise TimeoutError("nqgraph serve did not answer within 120 s")
            record = read_server_record(data)
            if record is not None and record.pid == process.pid:
                try:
                    if httpx.get(record.url + "/healthz", timeout=5, trust_env=False).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
            time.sleep(0.05)
        yield record.url
    finally:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if process.poll() is not None:
                break
            try:
                os.killpg(process.pid, sig)
                process.wait(timeout=15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                continue


def check(url: str) -> None:
    """One request per endpoint before the load: it must answer 200 with something in it."""
    with httpx.Client(timeout=30, trust_env=False) as client:
        for name, path in ENDPOINTS.items():
            response = client.get(url + path, headers={"Accept": "application/sparql-results+json"})
            if response.status_code != 200 or not response.content:
                raise RuntimeError(f"{name}: HTTP {response.status_code} before any load")


def wrk(url: str, endpoint: str, *, connections: int, seconds: float) -> LoadResult:
    """One wrk run; requests slower than ``TIMEOUT_S`` count as timeouts."""
    from bench.wrk import ensure_wrk, parse

    threads = min(2, os.cpu_count() or 1)
    argv = [ensure_wrk(), f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s",
            f"--timeout={TIMEOUT_S}s", "--latency", "-H", "Accept: application/sparql-results+json", url]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + TIMEOUT_S + 60, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed: {done.stderr.strip() or done.stdout.strip()}")
    figures = parse(done.stdout)
    timeouts = sum(int(x) for x in re.findall(r"timeout (\d+)", done.stdout))
    return LoadResult(endpoint, connections, seconds, figures.requests, figures.requests_per_s, figures.p50_ms,
                      figures.p99_ms, figures.errors - timeouts, timeouts)


def run(data: Path, *, connections: int = CONNECTIONS, seconds: float = SECONDS) -> list[LoadResult]:
    """Build (or reuse) the store at ``data``, serve it, and load each endpoint in turn."""
    build_store(data)
    results = []
    with serve(data) as url:
        check(url)
        for name, path in ENDPOINTS.items():
            results.append(wrk(url + path, name, connections=connections, seconds=seconds))
    return results


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def markdown(results: list[LoadResult], sources: int) -> str:
    """The BENCHMARKS.md section for one run."""
    lines = [f"## {dt.date.today().isoformat()}: load, {results[0].connections} connections (`python -m "
             "bench.load_wrk`)", "",
             f"`nqgraph serve` (one uvicorn worker) over the seed corpus ({sources} sources), wrk on loopback, "
             f"{os.cpu_count()} cores shared by server and client (load average {os.getloadavg()[0]:.1f} at the end); "
             f"a request slower than {TIMEOUT_S} s is a timeout.",
             "", "| endpoint | connections | seconds | requests | requests/s | p50 ms | p99 ms | errors | timeouts |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r.endpoint} | {r.connections} | {r.seconds:.0f} | {r.requests} | {r.requests_per_s:.0f} | "
                     f"{_ms(r.p50_ms)} | {_ms(r.p99_ms)} | {r.errors} | {r.timeouts} |")
    verdict = "no errors and no timeouts" if all(r.ok for r in results) else "**errors or timeouts: see the table**"
    return "\n".join(lines + ["", f"Result: {verdict}."]) + "\n"


def _register() -> None:
    """Make this a harness benchmark when the harness is there (``bench/__main__.py`` imports this module)."""
    try:
        from bench.harness import Context, Row, benchmark
    except ImportError:
        return

    @benchmark("load.wrk200", cap=(120, 400), full_only=True, group="load")
    def load_wrk200(ctx: Context) -> None:
        data = ctx.workdir / "load-wrk-store"
        seconds = ctx.pick(5, SECONDS)
        for r in run(data, seconds=seconds):
            ctx.emit(Row("load", f"{r.endpoint}, {r.connections} connections", "nqgraph", "req/s",
                         [r.requests_per_s], higher_is_better=True, status="ok" if r.ok else "error",
                         note=f"p50 {_ms(r.p50_ms)} ms, p99 {_ms(r.p99_ms)} ms, {r.requests} requests, "
                              f"{r.errors} errors, {r.timeouts} timeouts ({seconds:.0f} s)"))


_register()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load_wrk", description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=CONNECTIONS)
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--store", type=Path, help="data directory to build and serve (default: a temporary one)")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--no-append", action="store_true", help="print only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="nqgraph-load-") as tmp:
        data = args.store or Path(tmp) / "data"
        results = run(data, connections=args.connections, seconds=args.seconds)
        sources = build_store(data)
    text = markdown(results, sources)
    print(text)
    if not args.no_append:
        existing = args.output.read_text(encoding="utf-8") if args.output.exists() else "# Benchmarks\n"
        args.output.write_text(existing.rstrip("\n") + "\n\n" + text, encoding="utf-8")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
