"""Measure how each way of running queries keeps the SPARQL timeout (the numbers in graph/store/README.md).

For each engine (``in-process``: pyoxigraph inside the API process; ``server``:
the managed ``oxigraph serve`` child) it starts ``nqgraph serve`` on the same
store with a short timeout and sends three runaway queries: one that streams
rows, one that must sort everything first (ORDER BY) and one that must count
everything first (COUNT). For each it reports the status and seconds to the
answer, the CPU the server's process tree still burns in the window after the
answer, when it went idle, and how long a small query sent meanwhile waited.
It also times small queries (the cost of the extra HTTP hop) and, for the
kill-and-reopen alternative (a worker process that owns RocksDB and is killed
at the timeout), how long reopening the store takes, during which nothing
can be answered.

    .venv/bin/python scripts/timeout_compare.py [--timeout 2] [--window 20]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from a checkout
TICK = os.sysconf("SC_CLK_TCK")
PRODUCT = "?a ?p ?x . ?b ?q ?y . ?c ?r ?z"
RUNAWAY = {
    "streaming SELECT": f"SELECT * WHERE {{ {PRODUCT} }}",
    "ORDER BY": f"SELECT ?x WHERE {{ {PRODUCT} }} ORDER BY ?y LIMIT 1",
    "COUNT": f"SELECT (COUNT(*) AS ?n) WHERE {{ {PRODUCT} }}",
}
SMALL = "SELECT ?s ?o WHERE { ?s rdfs:label ?o } LIMIT 10"


def make_store(data: Path, triples: int) -> None:
    data.mkdir(parents=True)
    store = ox.Store(str(data / "oxigraph"))
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    graph = ox.NamedNode("https://example.org/g")
    store.extend(ox.Quad(ox.NamedNode(f"https://example.org/n/{i}"), label, ox.Literal(str(i)), graph)
                 for i in range(triples))
    store.flush()
    del store


def tree_cpu(pid: int) -> float:
    """CPU seconds used so far by ``pid`` and its descendants (from /proc)."""
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICK
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


def start_server(data: Path, engine: str, timeout: float) -> tuple[subprocess.Popen[bytes], str]:
    env = {**os.environ, "NQGRAPH_ENGINE": engine, "NQGRAPH_QUERY_TIMEOUT": str(timeout),
           "NQGRAPH_ROW_CAP": str(10**9), "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store", str(data), "--port", "0",
                                "--log-level", "warning"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            record = json.loads((data / "server.json").read_text())
            url = record["url"]
            if httpx.get(url + "/healthz", timeout=2, trust_env=False).status_code == 200:
                return process, url
        except (OSError, ValueError, KeyError, httpx.HTTPError):
            pass
        time.sleep(0.1)
    raise RuntimeError("nqgraph serve did not start")


def runaway(url: str, pid: int, query: str, window: float) -> dict[str, object]:
    client = httpx.Client(timeout=window + 60, trust_env=False)
    side: dict[str, float] = {}

    def probe() -> None:  # a small query sent while the runaway one runs
        time.sleep(0.5)
        began = time.perf_counter()
        client.get(url + "/sparql", params={"query": "ASK {}"})
        side["probe_s"] = time.perf_counter() - began

    prober = threading.Thread(target=probe)
    began = time.perf_counter()
    prober.start()
    response = client.post(url + "/sparql", data={"query": query})
    answered = time.perf_counter() - began
    prober.join()
    cpu_at_answer = tree_cpu(pid)
    idle_after = None
    last = cpu_at_answer
    while time.perf_counter() - began - answered < window:
        time.sleep(0.5)
        now = tree_cpu(pid)
        if now - last < 0.05 and idle_after is None:
            idle_after = time.perf_counter() - began - answered
        elif now - last >= 0.05:
            idle_after = None
        last = now
    return {"status": response.status_code, "answer_s": round(answered, 2),
            "cpu_after_answer_s": round(last - cpu_at_answer, 2),
            "idle_after_answer_s": None if idle_after is None else round(idle_after, 1),
            "concurrent_ASK_s": round(side.get("probe_s", float("nan")), 3)}


def small_latency(url: str, runs: int) -> float:
    with httpx.Client(trust_env=False) as client:
        times = []
        for _ in range(runs):
            began = time.perf_counter()
            client.get(url + "/sparql", params={"query": SMALL})
            times.append(time.perf_counter() - began)
    return round(statistics.median(times) * 1000, 2)


def store_latency(data: Path, runs: int = 200) -> dict[str, float]:
    """Median ms of a small query at the ``Store`` interface: in-process, and through the managed child."""
    from graph.store import ManagedOxigraphStore, OxigraphStore

    out = {}
    for name, opener in (("in-process", lambda: OxigraphStore(data / "oxigraph")),
                         ("server", lambda: ManagedOxigraphStore(data / "oxigraph", query_timeout=30))):
        store = opener()
        times = []
        for _ in range(runs):
            began = time.perf_counter()
            store.select(SMALL)
            times.append(time.perf_counter() - began)
        store.close()
        out[name] = round(statistics.median(times) * 1000, 2)
    return out


def reopen_seconds(data: Path, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        store = ox.Store(str(data / "oxigraph"))
        bool(store.query("ASK { ?s ?p ?o }"))  # the first answer after opening
        times.append(time.perf_counter() - began)
        del store
    return round(statistics.median(times), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=2.0)
    parser.add_argument("--window", type=float, default=20.0, help="seconds watched after each answer")
    parser.add_argument("--triples", type=int, default=3000)
    args = parser.parse_args()
    results: dict[str, object] = {"timeout_s": args.timeout, "triples": args.triples}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        make_store(data, args.triples)
        results["kill_and_reopen_s"] = reopen_seconds(data)
        results["store interface: small query median ms"] = store_latency(data)
        for engine in ("in-process", "server"):
            process, url = start_server(data, engine, args.timeout)
            try:
                results[f"{engine}: small query median ms"] = small_latency(url, 200)
                for name, query in RUNAWAY.items():
                    results[f"{engine}: {name}"] = runaway(url, process.pid, query, args.window)
            finally:
                os.killpg(process.pid, signal.SIGKILL)  # in-process runaways would otherwise run on for hours
                process.wait()
                (data / "server.json").unlink(missing_ok=True)
                time.sleep(1)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
