"""``/healthz``, ``/ontology`` and ``/docs``: what the server says about itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import rdflib
from fastapi.testclient import TestClient

from graph.store.oxigraph import OxigraphStore

ONTOLOGY = """@prefix nq: <https://w3id.org/nqgraph/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
# a comment that the Turtle answer keeps
nq:Organization a owl:Class ; rdfs:label "Organisation"@en .
"""


def test_healthz_reports_generation_and_graph_count(client_for: Callable[..., TestClient]) -> None:
    store = OxigraphStore(None)
    with client_for(store) as c:
        first = c.get("/healthz").json()
        assert first["status"] == "ok" and first["graphs"] == 0 and first["read_only"] is False
        fact = ox.Triple(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"), ox.Literal("v"))
        store.replace_graph("https://example.org/g", [fact])
        second = c.get("/healthz").json()
    assert second["graphs"] == 1
    assert second["generation"] != first["generation"]


def test_ontology_as_turtle_and_json_ld(tmp_path: Path, client_for: Callable[..., TestClient]) -> None:
    path = tmp_path / "nqgraph.ttl"
    path.write_text(ONTOLOGY)
    with client_for(OxigraphStore(None), ontology=path) as c:
        turtle = c.get("/ontology")
        assert turtle.headers["content-type"].startswith("text/turtle")
        assert "# a comment that the Turtle answer keeps" in turtle.text
        jsonld = c.get("/ontology", headers={"Accept": "application/ld+json"})
        assert jsonld.headers["content-type"].startswith("application/ld+json")
        graph = rdflib.Graph().parse(data=jsonld.content, format="json-ld")
        organisation = rdflib.URIRef("https://w3id.org/nqgraph/ontology#Organization")
        assert (organisation, rdflib.RDF.type, rdflib.OWL.Class) in graph
        assert str(graph.value(organisation, rdflib.RDFS.label)) == "Organisation"


def test_ontology_missing_is_a_json_404(tmp_path: Path, client_for: Callable[..., TestClient]) -> None:
    with client_for(OxigraphStore(None), ontology=tmp_path / "absent.ttl") as c:
        response = c.get("/ontology")
    assert response.status_code == 404 and response.json()["error"] == "not found"


def test_openapi_documents_the_endpoints(client_for: Callable[..., TestClient]) -> None:
    with client_for(OxigraphStore(None)) as c:
        assert c.get("/docs").status_code == 200
        paths = c.get("/openapi.json").json()["paths"]
    assert {"/sparql", "/healthz", "/ontology"} <= set(paths)
    assert "application/sparql-query" in paths["/sparql"]["post"]["requestBody"]["content"]


def test_the_app_opens_and_releases_the_configured_store(tmp_path: Path) -> None:
    from api.app import create_app
    from api.settings import Settings
    from graph.store import open_store

    seeded = open_store(tmp_path / "data")
    fact = ox.Triple(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"), ox.Literal("v"))
    seeded.replace_graph("https://example.org/g", [fact])
    seeded.close()
    with TestClient(create_app(Settings(store=str(tmp_path / "data")))) as c:
        assert c.get("/healthz").json()["graphs"] == 1
    open_store(tmp_path / "data").close()  # the lifespan closed it: the lock is free again


def test_cors_origins_from_settings(client_for: Callable[..., TestClient]) -> None:
    with client_for(OxigraphStore(None), cors_origins="https://a.example, https://b.example") as c:
        allowed = c.get("/healthz", headers={"Origin": "https://b.example"})
        other = c.get("/healthz", headers={"Origin": "https://evil.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://b.example"
    assert "access-control-allow-origin" not in other.headers
