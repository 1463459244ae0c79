"""``nqgraph load``: every format, --graph and --replace, what a failed load leaves, and a file larger than the
memory the process may use."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import graph.store.load as load_module
from graph.cli import app
from graph.store import OxigraphStore, RemoteStore, open_store
from graph.store.load import LoadError, load_file

ROOT = Path(__file__).resolve().parents[2]
EX = "https://example.org/"
G = EX + "graph/loaded"
runner = CliRunner(env={"COLUMNS": "250"})
TRIPLES = f'<{EX}a> <{EX}p> "one" .\n<{EX}a> <{EX}p> "two"@km .\n_:x <{EX}p> <{EX}a> .\n'
FILES = {
    "data.nt": TRIPLES,
    "data.ttl": f'@prefix ex: <{EX}> .\nex:a ex:p "one", "two"@km .\n[] ex:p ex:a .\n',
    "data.jsonld": json.dumps([{"@id": EX + "a", EX + "p": [{"@value": "one"}, {"@value": "two", "@language": "km"}]},
                               {EX + "p": {"@id": EX + "a"}}]),
}
QUADS = {
    "data.nq": f'<{EX}a> <{EX}p> "one" <{EX}g1> .\n<{EX}a> <{EX}p> "two"@km <{EX}g2> .\n<{EX}b> <{EX}p> "d" .\n',
    "data.trig": f'@prefix ex: <{EX}> .\nex:g1 {{ ex:a ex:p "one" }}\nex:g2 {{ ex:a ex:p "two"@km }}\n'
                 'ex:b ex:p "d" .\n',
}


def rows(store: OxigraphStore, graph: str) -> set[str]:
    return {str(q.object) if not isinstance(q.object, ox.BlankNode) else "_" for q in store.quads(graph)}


@pytest.mark.parametrize("name", sorted(FILES))
def test_triple_formats_load_into_the_named_graph(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(FILES[name])
    result = runner.invoke(app, ["load", str(tmp_path / name), "--store", str(tmp_path / "data"), "--graph", G])
    assert result.exit_code == 0, result.output
    assert "not atomic" in result.output and "3 quads" in result.output
    store = open_store(tmp_path / "data")
    assert isinstance(store, OxigraphStore)
    assert rows(store, G) == {'"one"', '"two"@km', f"<{EX}a>"}
    store.close()


@pytest.mark.parametrize("name", sorted(QUADS))
def test_quad_formats_keep_their_graphs(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(QUADS[name])
    result = runner.invoke(app, ["load", str(tmp_path / name), "--store", str(tmp_path / "data"), "--graph", G])
    assert result.exit_code == 0, result.output
    store = open_store(tmp_path / "data")
    assert rows(store, EX + "g1") == {'"one"'} and rows(store, EX + "g2") == {'"two"@km'}
    assert rows(store, G) == {'"d"'}  # the file's default graph went to --graph
    store.close()


def test_a_failed_embedded_load_says_so_and_replace_reruns_it_cleanly(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_module, "BATCH_QUADS", 2)  # so part of the file is written before the bad line
    data = tmp_path / "data"
    good = tmp_path / "good.nt"
    good.write_text(f'<{EX}old> <{EX}p> "before" .\n')
    assert runner.invoke(app, ["load", str(good), "--store", str(data), "--graph", G]).exit_code == 0
    bad = tmp_path / "bad.nt"
    lines = [f'<{EX}s{i}> <{EX}p> "{i}" .' for i in range(5)]
    bad.write_text("\n".join([*lines, f"<{EX}broken> <{EX}p> .", ""]))
    failed = runner.invoke(app, ["load", str(bad), "--store", str(data), "--graph", G, "--replace"])
    assert failed.exit_code == 1
    message = " ".join(failed.output.split())
    assert "partly loaded" in message and "--replace" in message and "line 6" in message
    bad.write_text("\n".join([*lines, ""]))  # the file, corrected
    again = runner.invoke(app, ["load", str(bad), "--store", str(data), "--graph", G, "--replace"])
    assert again.exit_code == 0, again.output
    store = open_store(data)
    assert rows(store, G) == {f'"{i}"' for i in range(5)}  # exactly the file: the old triple and the partial load gone
    store.close()


def test_a_failed_load_through_a_server_leaves_the_graph_as_it_was(tmp_path: Path, live_server: Callable[..., object],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_module, "UPDATE_BATCH_BYTES", 200)  # several requests before the bad line
    held = OxigraphStore(None)
    held.replace_graph(G, [ox.Triple(ox.NamedNode(EX + "old"), ox.NamedNode(EX + "p"), ox.Literal("before"))])
    bad = tmp_path / "bad.nt"
    bad.write_text("".join(f'<{EX}s{i}> <{EX}p> "{i}" .\n' for i in range(20)) + f"<{EX}broken> <{EX}p> .\n")
    with live_server(held, local_token="load-token") as url:  # type: ignore[attr-defined]
        remote = RemoteStore(url + "/sparql", token="load-token")
        with pytest.raises(LoadError) as failure:
            load_file(remote, bad, graph=G, replace=True)
        assert not failure.value.partial and failure.value.report.quads > 0  # batches had been sent
        assert rows(held, G) == {'"before"'}
        assert [g for g in held.named_graphs() if "staging" in g] == []
        good = tmp_path / "good.ttl"
        good.write_text(f'@prefix ex: <{EX}> . ex:a ex:p [ ex:q "nested" ] .')
        report = load_file(remote, good, graph=G, replace=True)
        remote.close()
    assert report.atomic and report.skolemised == 2  # one blank node, written twice
    objects = {str(q.object) for q in held.quads(G)}
    assert '"nested"' in objects and any(".well-known/genid/" in o for o in objects)


def _limit_memory(limit: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def test_a_file_larger_than_the_memory_limit_loads(tmp_path: Path) -> None:
    """The whole command runs with its address space capped below the file's size.

    Large literals make the file big with few triples, so the test stays quick; the batch
    size in bytes is what keeps memory flat. MALLOC_ARENA_MAX keeps glibc from reserving
    64 MiB of address space per thread, which RLIMIT_AS would count although it is never used.
    """
    limit = 640 * 2**20
    path = tmp_path / "big.nt"
    literal = "x" * 100_000
    with path.open("w") as out:
        for i in range(7000):
            out.write(f'<{EX}s{i}> <{EX}p> "{literal}{i}" .\n')
    assert path.stat().st_size > limit
    env = {**os.environ, "MALLOC_ARENA_MAX": "2", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "graph", "load", str(path), "--store", str(tmp_path / "data"),
                             "--graph", G], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600,
                            preexec_fn=_limit_memory(limit))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "7,000 quads" in result.stdout
    path.unlink()
    store = open_store(tmp_path / "data")
    assert len(store) == 7000  # type: ignore[arg-type]
    store.close()
