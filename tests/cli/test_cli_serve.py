"""``nqgraph serve`` as a real process: it records itself, other commands go through it, it cleans up."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import httpx
import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import graph.cli.build as build_module
import graph.cli.cmd_build as cmd_build
from graph.cli import app
from graph.model import Extraction
from graph.store import OxigraphStore, open_store
from graph.store.lock import ServerRecord, live_server, read_server_record

ROOT = Path(__file__).resolve().parents[2]
ID = "https://w3id.org/nqgraph/id/"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
runner = CliRunner(env={"COLUMNS": "250"})


def wait_for_server(data: Path, proc: subprocess.Popen[bytes]) -> ServerRecord:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nqgraph serve exited with {proc.returncode}: {proc.stderr.read()!r}")  # type: ignore
        record = live_server(data, timeout=1)
        if record is not None:
            return record
        time.sleep(0.1)
    raise RuntimeError("nqgraph serve did not come up")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, ServerRecord, subprocess.Popen[bytes]]]:
    data = tmp_path / "data"
    store = open_store(data)
    store.replace_graph(ID + "source/seed", [ox.Triple(ox.NamedNode(ID + "org/x"), LABEL, ox.Literal("seeded"))])
    store.close()
    proc = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store", str(data), "--port", "0",
                             "--log-level", "warning"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        yield data, wait_for_server(data, proc), proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=30)


def test_serve_answers_and_other_commands_go_through_it(served: tuple[Path, ServerRecord, subprocess.Popen[bytes]],
                                                         monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                         fake_rdf: SimpleNamespace) -> None:
    data, record, proc = served
    assert record.url.startswith("http://127.0.0.1:")
    query = f"SELECT ?l WHERE {{ <{ID}org/x> rdfs:label ?l }}"
    answer = httpx.get(record.sparql, params={"query": query}, trust_env=False).json()
    assert [b["l"]["value"] for b in answer["results"]["bindings"]] == ["seeded"]

    shown = runner.invoke(app, ["query", "--store", str(data), query])
    assert shown.exit_code == 0 and "seeded" in shown.stdout and "going through" in shown.output

    monkeypatch.setattr(cmd_build, "load_rdf", lambda: fake_rdf)
    monkeypatch.setattr(build_module, "extract_text",
                        lambda raw, name, meta: (raw.decode(), Extraction(doc=name, lang="km")))
    (tmp_path / "new.txt").write_text("added while served\n")
    built = runner.invoke(app, ["build", str(tmp_path / "new.txt"), "--store", str(data)])
    assert built.exit_code == 0, built.output
    labels = httpx.get(record.sparql, params={"query": f"SELECT ?l WHERE {{ <{ID}source/new-txt> rdfs:label ?l }}"},
                       trust_env=False).json()
    assert [b["l"]["value"] for b in labels["results"]["bindings"]] == ["added while served"]

    second = subprocess.run([sys.executable, "-m", "graph", "serve", "--store", str(data), "--port", "0"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert second.returncode == 1 and "already served" in " ".join(second.stderr.split())

    proc.terminate()
    assert proc.wait(timeout=30) == 0
    assert read_server_record(data) is None  # the record goes with the server
    store = open_store(data)  # and so does the lock
    assert isinstance(store, OxigraphStore)
    assert {r["l"] for r in store.select("SELECT ?l WHERE { ?s rdfs:label ?l }")} >= {"seeded", "added while served"}
    store.close()


def test_a_busy_port_is_reported(tmp_path: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "graph", "serve", "--store", str(tmp_path / "d"), "--port",
                                 str(port)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert read_server_record(tmp_path / "d") is None
