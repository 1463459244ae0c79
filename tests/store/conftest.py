"""One store test suite, three backends: embedded Oxigraph on disk, a remote store talking to a real
``nqgraph`` server on loopback, and (when Debian's Virtuoso is installed) a private Virtuoso instance.

Every test works under the graph prefix ``G`` and compares only those graphs,
because Virtuoso's default dataset also holds its own system graphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import RemoteStore, Store
from graph.store.oxigraph import OxigraphStore
from tests.support import virtuoso

G = "https://example.org/test/graph/"
EX = "https://example.org/test/"


@pytest.fixture(scope="session")
def virtuoso_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not virtuoso.available():
        pytest.skip("virtuoso-opensource is not installed (scripts/virtuoso.sh ensure)")
    with virtuoso.running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as instance:
        yield instance.sparql_url


def _clear(store: Store) -> None:
    for graph in store.named_graphs():
        if graph.startswith(G):
            store.remove_graph(graph)


@pytest.fixture(params=["oxigraph", "remote", "virtuoso"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "oxigraph":
        embedded = OxigraphStore(tmp_path / "db")
        yield embedded
        embedded.close()
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
