"""One store test suite, four backends: embedded Oxigraph on disk (in-process), the same store served by a
managed ``oxigraph serve`` child, a remote store talking to a real ``nqgraph`` server on loopback, and (when
Debian's Virtuoso is installed) a private Virtuoso instance.

Every test works under the graph prefix ``G`` and compares only those graphs,
because Virtuoso's default dataset also holds its own system graphs. The
Virtuoso instance is the session's one (``virtuoso_url`` in tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import ManagedOxigraphStore, RemoteStore, Store
from graph.store.oxigraph import OxigraphStore

G = "https://example.org/test/graph/"
EX = "https://example.org/test/"


def _clear(store: Store) -> None:
    for graph in store.named_graphs():
        if graph.startswith(G):
            store.remove_graph(graph)


@pytest.fixture(params=["oxigraph", "managed", "remote", "virtuoso"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "oxigraph":
        embedded = OxigraphStore(tmp_path / "db")
        yield embedded
        embedded.close()
    elif request.param == "managed":
        managed = ManagedOxigraphStore(tmp_path / "db", query_timeout=30)
        yield managed
        managed.close()
    elif request.param == "remote":
        held = OxigraphStore(None)
        with request.getfixturevalue("live_server")(held, local_token="secret-test-token") as url:
            remote = RemoteStore(url + "/sparql", token="secret-test-token", health_url=url + "/healthz")
            yield remote
            remote.close()
    else:
        url = request.getfixturevalue("virtuoso_url")
        remote = RemoteStore(url)
        _clear(remote)
        yield remote
        _clear(remote)
        remote.close()
