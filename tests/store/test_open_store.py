"""``open_store``: locations, the RocksDB lock, and going through a running server."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.store import OxigraphStore, ReadOnlyStore, RemoteStore, StoreError, StoreLocked, open_store
from graph.store.lock import db_path, live_server, read_server_record, remove_server_record, write_server_record

EX = "https://example.org/test/"


def fact(value: str) -> list[ox.Triple]:
    return [ox.Triple(ox.NamedNode(EX + "x"), ox.NamedNode(EX + "p"), ox.Literal(value))]


def values(store: object) -> list[object]:
    return [r["o"] for r in store.select(f"SELECT ?o WHERE {{ <{EX}x> ?p ?o }}")]  # type: ignore[attr-defined]


def test_a_directory_is_an_embedded_store_that_persists(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    assert isinstance(store, OxigraphStore)
    store.replace_graph(EX + "g", fact("kept"), sha256="ab" * 32, name="a.txt")
    generation = store.generation
    store.close()
    assert db_path(tmp_path / "data").is_dir()
    again = open_store(tmp_path / "data")
    assert values(again) == ["kept"]
    assert again.graph_sha256(EX + "g") == "ab" * 32
    assert again.generation != generation  # a reopened store never reuses an earlier number
    again.close()


def test_read_only_refuses_writes_and_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "missing", read_only=True)
    open_store(tmp_path / "data").close()
    store = open_store(tmp_path / "data", read_only=True)
    with pytest.raises(ReadOnlyStore):
        store.replace_graph(EX + "g", fact("x"))
    store.close()


def test_memory_and_remote_locations() -> None:
    assert isinstance(open_store(":memory:"), OxigraphStore)
    remote = open_store("sparql+http://127.0.0.1:9/sparql")
    assert isinstance(remote, RemoteStore) and remote.endpoint == "http://127.0.0.1:9/sparql"


def test_a_second_process_is_told_the_store_is_held(tmp_path: Path) -> None:
    held = open_store(tmp_path / "data")
    script = ("import sys\nfrom graph.store import open_store, StoreLocked\n"
              "try:\n    open_store(sys.argv[1])\nexcept StoreLocked as e:\n    print(e)\n")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "data")], capture_output=True, text=True,
                            timeout=60, cwd=Path(__file__).resolve().parents[2])
    held.close()
    assert "held by another process" in result.stdout
    assert "RocksDB allows one process" in result.stdout


def test_closing_releases_the_lock(tmp_path: Path) -> None:
    first = open_store(tmp_path / "data")
    with pytest.raises(StoreLocked):
        open_store(tmp_path / "data")
    first.close()
    open_store(tmp_path / "data").close()


def test_a_held_store_is_reached_through_its_server(tmp_path: Path, live_server: Callable[..., object]) -> None:
    data = tmp_path / "data"
    held = open_store(data)
    held.replace_graph(EX + "g", fact("served"))
    with live_server(held, local_token="local-secret") as url:  # type: ignore[operator]
        write_server_record(data, url, "local-secret")
        through = open_store(data)
        assert isinstance(through, RemoteStore)
        assert values(through) == ["served"]
        before = through.generation
        through.replace_graph(EX + "g", fact("written through the server"))  # the record's token authorises
        assert values(held) == ["written through the server"]
        assert through.generation != before
        through.close()
        reader = open_store(data, read_only=True)
        with pytest.raises(ReadOnlyStore):
            reader.remove_graph(EX + "g")
        reader.close()
        with pytest.raises(StoreLocked, match="already served"):
            open_store(data, via_server=False)
        remove_server_record(data)
    assert read_server_record(data) is None
    held.close()


def test_a_stale_record_is_not_followed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    held = open_store(data)
    write_server_record(data, "http://127.0.0.1:9", "token")  # nothing answers there
    assert live_server(data, timeout=1) is None
    with pytest.raises(StoreLocked, match="not answering"):
        open_store(data)
    write_server_record(data, "http://127.0.0.1:9", "token", pid=2**22 + 12345)  # no such process
    assert live_server(data) is None
    held.close()


def test_the_server_record_is_private(tmp_path: Path) -> None:
    path = write_server_record(tmp_path, "http://127.0.0.1:1234", "secret")
    assert path.stat().st_mode & 0o077 == 0
    record = read_server_record(tmp_path)
    assert record is not None and record.sparql == "http://127.0.0.1:1234/sparql" and record.token == "secret"
