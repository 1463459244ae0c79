"""``/sparql`` updates: refused without a token, authorised by the configured or the server's local token."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store.oxigraph import OxigraphStore

G = "https://w3id.org/nqgraph/id/source/u"
INSERT = f'INSERT DATA {{ GRAPH <{G}> {{ <https://example.org/x> rdfs:label "added"@en }} }}'
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s rdfs:label \"added\"@en }"


def count(client: TestClient) -> int:
    return int(client.get("/sparql", params={"query": COUNT}).json()["results"]["bindings"][0]["n"]["value"])


def test_without_a_token_the_endpoint_is_read_only(client_for: Callable[..., TestClient]) -> None:
    with client_for(OxigraphStore(None)) as c:
        response = c.post("/sparql", data={"update": INSERT}, headers={"Authorization": "Bearer anything"})
        assert (response.status_code, response.json()["error"]) == (403, "read-only")
        assert count(c) == 0
        assert c.get("/sparql", params={"update": INSERT}).status_code == 405  # updates never by GET


def test_configured_token_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NQGRAPH_TOKEN", "env-secret")
    store = OxigraphStore(None)
    with TestClient(create_app(Settings(store=":memory:"), store=store)) as c:
        generation = c.get("/healthz").json()["generation"]
        missing = c.post("/sparql", data={"update": INSERT})
        assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
        wrong = c.post("/sparql", data={"update": INSERT}, headers={"Authorization": "Bearer nope"})
        assert (wrong.status_code, wrong.json()["error"]) == (403, "forbidden")
        assert count(c) == 0
        ok = c.post("/sparql", content=INSERT.encode(), headers={"Content-Type": "application/sparql-update",
                                                                 "Authorization": "Bearer env-secret"})
        assert ok.status_code == 204
        assert count(c) == 1
        assert c.get("/healthz").json()["generation"] != generation
        sd = rdflib.Graph().parse(data=c.get("/sparql", headers={"Accept": "text/turtle"}).content, format="turtle")
        languages = {str(o).rsplit("#", 1)[1] for o in sd.objects(None, rdflib.URIRef(
            "http://www.w3.org/ns/sparql-service-description#supportedLanguage"))}
        assert languages == {"SPARQL11Query", "SPARQL11Update"}


def test_token_file_and_local_token(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("file-secret\n")
    store = OxigraphStore(None)
    app = create_app(Settings(store=":memory:", token_file=token_file), store=store, local_token="local-secret")
    with TestClient(app) as c:
        for token in ("file-secret", "local-secret"):
            response = c.post("/sparql", data={"update": f"CLEAR SILENT GRAPH <{G}> ; {INSERT}"},
                              headers={"Authorization": f"Bearer {token}"})
            assert response.status_code == 204
        assert count(c) == 1


def test_a_bad_update_is_a_400_and_changes_nothing(client_for: Callable[..., TestClient]) -> None:
    store = OxigraphStore(None)
    app = create_app(Settings(store=":memory:"), store=store, local_token="t")
    with TestClient(app) as c:
        response = c.post("/sparql", data={"update": "INSERT DATA { <a> }"}, headers={"Authorization": "Bearer t"})
        assert response.status_code == 400 and response.json()["error"] == "bad query"
    assert len(store) == 0


def test_update_body_size_limit() -> None:
    store = OxigraphStore(None)
    app = create_app(Settings(store=":memory:", upload_limit=100), store=store, local_token="t")
    with TestClient(app) as c:
        big = f"INSERT DATA {{ <https://example.org/x> rdfs:label \"{'x' * 200}\" }}"
        response = c.post("/sparql", data={"update": big}, headers={"Authorization": "Bearer t"})
        assert response.status_code == 413
    assert list(store.quads()) == []


def test_update_results_are_visible_to_the_store_object(client_for: Callable[..., TestClient]) -> None:
    store = OxigraphStore(None)
    app = create_app(Settings(store=":memory:"), store=store, local_token="t")
    with TestClient(app) as c:
        c.post("/sparql", data={"update": INSERT}, headers={"Authorization": "Bearer t"})
    assert [q.object for q in store.quads(G)] == [ox.Literal("added", language="en")]
