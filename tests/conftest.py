"""Shared fixtures: temporary stores, an app client, a real uvicorn server on loopback, a small RDF writer.

``fake_rdf`` stands in for ``graph.rdf`` where a test is about loading and
serving rather than about the RDF shape: it writes a few facts per document
(the source description, a label from the first line) so the tests can check
exactly what each build stored.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store.oxigraph import OxigraphStore
from tests.support import virtuoso

BASE = "https://w3id.org/nqgraph/id/"
NQ = "https://w3id.org/nqgraph/ontology#"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def fake_extraction_to_quads(ext: object, *, text: str, source_name: str, sha256: str, base: str,
                             resolver: object = None) -> list[ox.Quad]:
    """The source node plus ``<source> rdfs:label "<first line>"@km`` in the graph ``id:source/<slug>``."""
    g = ox.NamedNode(base + "source/" + slug(source_name))
    first = text.strip().splitlines()[0] if text.strip() else ""
    return [
        ox.Quad(g, RDF_TYPE, ox.NamedNode(NQ + "SourceDocument"), g),
        ox.Quad(g, ox.NamedNode(NQ + "sha256"), ox.Literal(sha256), g),
        ox.Quad(g, ox.NamedNode(NQ + "fileName"), ox.Literal(ext.doc), g),  # type: ignore[attr-defined]
        ox.Quad(g, RDFS_LABEL, ox.Literal(first, language="km"), g),
    ]


def fake_shared_quads(base: str) -> list[ox.Quad]:
    """An "ontology" graph with a blank node, to check the shared graph is not reloaded needlessly."""
    g = ox.NamedNode(base + "graph/ontology")
    node = ox.BlankNode()
    return [
        ox.Quad(ox.NamedNode(NQ + "Organization"), RDFS_LABEL, ox.Literal("Organization", language="en"), g),
        ox.Quad(ox.NamedNode(NQ + "Organization"), ox.NamedNode(NQ + "note"), node, g),
        ox.Quad(node, RDFS_LABEL, ox.Literal("restriction"), g),
    ]


@pytest.fixture
def fake_rdf() -> SimpleNamespace:
    return SimpleNamespace(extraction_to_quads=fake_extraction_to_quads, shared_quads=fake_shared_quads)


@pytest.fixture
def disk_store(tmp_path: Path) -> Iterator[OxigraphStore]:
    store = OxigraphStore(tmp_path / "db")
    yield store
    store.close()


def make_client(store: object, **settings: object) -> TestClient:
    """A TestClient on an app serving ``store``; ``settings`` override fields of :class:`Settings`."""
    return TestClient(create_app(Settings(store=":memory:", **settings), store=store))  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def client_for() -> Callable[..., TestClient]:
    return make_client


def free_socket(host: str = "127.0.0.1") -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    return sock


@contextmanager
def running_server(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with a real uvicorn on a free loopback port (in a thread); yields its base URL."""
    sock = free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(20)
        sock.close()


@pytest.fixture(scope="session")
def live_server() -> Callable[..., object]:
    """``with live_server(store, **settings) as url:`` — the app on a real socket."""

    @contextmanager
    def start(store: object, *, local_token: str | None = None, **settings: object) -> Iterator[str]:
        app = create_app(Settings(store=":memory:", **settings), store=store, local_token=local_token)  # type: ignore[arg-type]
        with running_server(app) as url:
            yield url

    return start


@pytest.fixture(scope="session")
def virtuoso_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One private Virtuoso for the whole session (it takes seconds to start), on loopback.

    Skipped only where Virtuoso is not installed and this is not CI: ``make test``
    installs it first (scripts/virtuoso.sh), so on CI a missing Virtuoso is a failure.
    """
    if not virtuoso.available():
        if os.environ.get("CI"):
            pytest.fail("virtuoso-opensource is not installed; `make test` installs it (scripts/virtuoso.sh ensure)")
        pytest.skip("virtuoso-opensource is not installed (scripts/virtuoso.sh ensure)")
    with virtuoso.running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as instance:
        yield instance.sparql_url


@pytest.fixture(scope="session")
def served_directory() -> Callable[..., object]:
    """``with served_directory(data_dir, **settings) as url:`` — the app as ``nqgraph serve`` runs it on a directory.

    The app opens the store itself at start-up (a managed ``oxigraph serve`` child,
    unless ``engine="in-process"``) and closes it when the server stops.
    """

    @contextmanager
    def start(data: Path, *, local_token: str | None = None, **settings: object) -> Iterator[str]:
        app = create_app(Settings(store=str(data), **settings), local_token=local_token)  # type: ignore[arg-type]
        with running_server(app) as url:
            yield url

    return start
