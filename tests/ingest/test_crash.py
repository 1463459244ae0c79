"""SIGKILL in the middle of an ingest: after a restart the store holds exactly what was acknowledged, each whole.

A client thread posts sources one at a time to a real ``nqgraph serve``
process; once several are acknowledged the server is killed outright (no
shutdown, no flush). The restarted server must list every acknowledged source,
at most the one request that was in flight besides (it may have committed just
before the kill, but then whole), and each with exactly the triples a clean
ingest of the same sources gives.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from graph.ingest import LiveIngest, SourceInput
from graph.store import open_store
from graph.store.lock import read_server_record

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "crash-test-token"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
BASE = "https://w3id.org/nqgraph/id/"


def articles(size: int) -> list[tuple[str, bytes]]:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    return [(f"crash-{i:03}.txt", f"{texts[i % len(texts)]}\nbản tin {i}\n".encode()) for i in range(size)]


@contextmanager
def serve(data: Path) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """``nqgraph serve`` on a free port, in its own process; yields the process and its URL."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NQGRAPH_")}
    env.update(NQGRAPH_TOKEN=TOKEN, PYTHONPATH=str(ROOT))
    before = read_server_record(data)
    process = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store", str(data), "--port", "0",
                                "--log-level", "warning"], cwd=ROOT, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else "server exited"
            assert time.monotonic() < deadline, "the server did not start"
            record = read_server_record(data)
            if record is not None and record.pid == process.pid and record != before:
                try:
                    if httpx.get(record.url + "/healthz", timeout=5, trust_env=False).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
            time.sleep(0.05)
        yield process, record.url
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(30)
        if process.stderr:
            process.stderr.close()


def test_a_killed_server_keeps_exactly_the_acknowledged_sources_whole(tmp_path: Path) -> None:
    data = tmp_path / "data"
    corpus = articles(40)
    acknowledged: list[str] = []
    in_flight: list[str] = []
    stop = threading.Event()

    with serve(data) as (process, url):
        def post_one_by_one() -> None:
            with httpx.Client(timeout=120, trust_env=False) as client:
                for name, body in corpus:
                    if stop.is_set():
                        return
                    in_flight[:] = [name]
                    try:
                        response = client.post(f"{url}/api/sources", params={"name": name}, content=body,
                                               headers={"Authorization": f"Bearer {TOKEN}",
                                                        "Content-Type": "text/plain; charset=utf-8"})
                    except httpx.HTTPError:
                        return  # the server died under this request
                    assert response.status_code == 201, response.text
                    acknowledged.append(name)
                    in_flight.clear()

        client_thread = threading.Thread(target=post_one_by_one)
        client_thread.start()
        deadline = time.monotonic() + 300
        while len(acknowledged) < 8 and client_thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(30)
        stop.set()
        client_thread.join(120)
    assert 8 <= len(acknowledged) < len(corpus), "the kill must land in the middle of the ingest"

    with serve(data) as (_, url):
        listed = httpx.get(f"{url}/api/sources", params={"limit": 1000}, timeout=60, trust_env=False).json()
    stored = {item["name"]: item for item in listed["items"]}
    assert set(acknowledged) <= set(stored) <= set(acknowledged) | set(in_flight)

    clean = LiveIngest(open_store(":memory:"), base=BASE)  # the same sources, in the same order, undisturbed
    bodies = dict(corpus)
    for name in [n for n, _ in corpus if n in stored]:
        (outcome,) = clean.ingest([SourceInput(name, bodies[name])])
        assert stored[name]["triples"] == outcome.counts["triples"], name
        assert stored[name]["sha256"] == outcome.sha256
