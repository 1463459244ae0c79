"""A ``nqgraph serve`` killed with SIGKILL loses nothing it acknowledged, and leaves no engine holding the store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox

from graph.store import OxigraphStore, StoreLocked, open_store
from graph.store.lock import ServerRecord, live_server

ROOT = Path(__file__).resolve().parents[2]
EX = "https://example.org/"


def start(data: Path) -> tuple[subprocess.Popen[bytes], ServerRecord]:
    proc = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store", str(data), "--port", "0",
                             "--log-level", "warning"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nqgraph serve exited: {proc.stderr.read()!r}")  # type: ignore[union-attr]
        record = live_server(data, timeout=1)
        if record is not None:
            return proc, record
        time.sleep(0.1)
    raise RuntimeError("nqgraph serve did not come up")


def engine_of(pid: int) -> int:
    children = [int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]
    [engine] = [c for c in children if b"oxigraph" in Path(f"/proc/{c}/cmdline").read_bytes()]
    return engine


def reopen(data: Path, within: float = 60) -> OxigraphStore:
    deadline = time.monotonic() + within
    while True:
        try:
            store = open_store(data)
            assert isinstance(store, OxigraphStore)
            return store
        except StoreLocked:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_sigkill_loses_no_acknowledged_write(tmp_path: Path) -> None:
    data = tmp_path / "data"
    proc, record = start(data)
    engine = engine_of(proc.pid)
    auth = {"Authorization": f"Bearer {record.token}"}
    acknowledged = []
    with httpx.Client(trust_env=False, timeout=60) as client:
        for i in range(20):
            update = f'INSERT DATA {{ GRAPH <{EX}g/{i}> {{ <{EX}s{i}> <{EX}p> "{i}" }} }}'
            if client.post(record.sparql, data={"update": update}, headers=auth).status_code == 204:
                acknowledged.append(str(i))
        put = client.put(record.url + "/store", params={"graph": EX + "gsp"}, content=f'<{EX}t> <{EX}p> "put" .',
                         headers={**auth, "Content-Type": "application/n-triples"})
        assert put.status_code == 201
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    store = reopen(data)  # the engine died with its parent: the lock is free again
    try:
        assert not Path(f"/proc/{engine}").exists() or b"zombie" in Path(f"/proc/{engine}/status").read_bytes()
        values = {str(r["o"]) for r in store.select(f"SELECT ?o WHERE {{ ?s <{EX}p> ?o }}")}
        assert values == {*acknowledged, "put"} and len(acknowledged) == 20
        assert len(store.named_graphs()) == 21
    finally:
        store.close()
    assert live_server(data) is None  # the stale server.json is not followed
    quad = ox.Quad(ox.NamedNode(EX + "after"), ox.NamedNode(EX + "p"), ox.Literal("ok"), ox.NamedNode(EX + "g/after"))
    again = reopen(data)
    again.oxigraph.add(quad)
    again.close()
