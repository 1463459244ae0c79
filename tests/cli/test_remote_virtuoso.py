"""The remote store against a real Virtuoso (Debian's package, one private instance per session):
``nqgraph build``, ``load`` and ``query`` with ``--store sparql+http://...``, and the HTTP API served over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
import pytest
import rdflib
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import graph.cli.build as build_module
import graph.cli.cmd_build as cmd_build
from api.app import create_app
from api.settings import Settings
from graph.cli import app
from graph.model import Extraction
from graph.store import RemoteStore

pytestmark = pytest.mark.virtuoso
BASE = "https://w3id.org/nqgraph/id/"
EX = "https://example.org/virtuoso-cli/"
runner = CliRunner(env={"COLUMNS": "250"})


@pytest.fixture
def endpoint(virtuoso_url: str) -> Iterator[str]:
    """The session's Virtuoso, with every graph these tests write dropped afterwards."""
    yield virtuoso_url
    remote = RemoteStore(virtuoso_url)
    for graph in remote.named_graphs():
        if graph.startswith((BASE, EX, "urn:nqgraph:staging:")):
            remote.remove_graph(graph)
    remote.close()


def values(endpoint: str, query: str) -> list[str]:
    remote = RemoteStore(endpoint)
    try:
        return sorted(str(v) for row in remote.select(query) for v in row.values())
    finally:
        remote.close()


def test_build_and_query_through_the_cli(endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         fake_rdf: SimpleNamespace) -> None:
    monkeypatch.setattr(cmd_build, "load_rdf", lambda: fake_rdf)
    monkeypatch.setattr(build_module, "extract_text",
                        lambda raw, name, meta: (raw.decode(), Extraction(doc=name, lang="km")))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("ខេត្ត Tra Vinh\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Huyện ủy Cẩm Xuyên\n", encoding="utf-8")
    store = "sparql+" + endpoint
    built = runner.invoke(app, ["build", str(corpus), "--store", store, "--update-endpoint", store])
    assert built.exit_code == 0, built.output
    again = runner.invoke(app, ["build", str(corpus), "--store", store])
    assert again.exit_code == 0 and "unchanged" in again.output
    query = f"SELECT ?l WHERE {{ GRAPH ?g {{ ?g rdfs:label ?l }} FILTER(STRSTARTS(STR(?g), \"{BASE}source/\")) }}"
    assert values(endpoint, query) == ["Huyện ủy Cẩm Xuyên", "ខេត្ត Tra Vinh"]
    shown = runner.invoke(app, ["query", "--store", store, query])
    assert shown.exit_code == 0 and "Cẩm Xuyên" in shown.stdout


def test_load_replace_and_a_failed_load(endpoint: str, tmp_path: Path) -> None:
    store, graph = "sparql+" + endpoint, EX + "loaded"
    first = tmp_path / "first.ttl"
    first.write_text(f'@prefix ex: <{EX}> . ex:a ex:p "one" ; ex:q [ ex:r "nested" ] .')
    assert runner.invoke(app, ["load", str(first), "--store", store, "--graph", graph]).exit_code == 0
    query = f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o FILTER(isLiteral(?o)) }} }}"
    assert values(endpoint, query) == ["nested", "one"]
    broken = tmp_path / "broken.nt"
    broken.write_text(f'<{EX}b> <{EX}p> "two" .\n<{EX}b> <{EX}p> .\n')
    failed = runner.invoke(app, ["load", str(broken), "--store", store, "--graph", graph, "--replace"])
    assert failed.exit_code == 1 and "as they were" in " ".join(failed.output.split())
    assert values(endpoint, query) == ["nested", "one"]
    second = tmp_path / "second.nt"
    second.write_text(f'<{EX}b> <{EX}p> "two" .\n')
    assert runner.invoke(app, ["load", str(second), "--store", store, "--graph", graph, "--replace"]).exit_code == 0
    assert values(endpoint, query) == ["two"]
    assert [g for g in values(endpoint, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }") if "staging" in g] == []


def test_the_http_api_over_virtuoso(endpoint: str) -> None:
    graph = EX + "api"
    settings = Settings(store="sparql+" + endpoint, token="api-token")  # type: ignore[call-arg]
    with TestClient(create_app(settings)) as client:
        auth = {"Authorization": "Bearer api-token"}
        put = client.put("/store", params={"graph": graph}, content=f'<{EX}x> <{EX}p> "via the API"@en .',
                         headers={**auth, "Content-Type": "text/turtle"})
        assert put.status_code == 201, put.text
        update = client.post("/sparql", data={"update": f'INSERT DATA {{ GRAPH <{graph}> {{ <{EX}x> <{EX}p> 2 }} }}'},
                             headers=auth)
        assert update.status_code == 204, update.text
        answer = client.get("/sparql", params={"query": f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ <{EX}x> ?p ?o }} }}"},
                            headers={"Accept": "application/sparql-results+json"})
        assert sorted(b["o"]["value"] for b in answer.json()["results"]["bindings"]) == ["2", "via the API"]
        for accept, fmt in (("text/turtle", "turtle"), ("application/rdf+xml", "xml")):
            got = client.get("/store", params={"graph": graph}, headers={"Accept": accept})
            parsed = rdflib.Graph().parse(data=got.content, format=fmt)
            assert rdflib.Literal("via the API", lang="en") in set(parsed.objects())
        everything = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        construct = client.get("/sparql", params={"query": everything}, headers={"Accept": "application/n-triples"})
        assert len(list(ox.parse(construct.content, format=ox.RdfFormat.N_TRIPLES))) == 2
        bad = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
        assert bad.status_code == 400 and bad.json()["error"] == "bad query"
        assert client.get("/healthz").json()["status"] == "ok"
        assert client.delete("/store", params={"graph": graph}, headers=auth).status_code == 204
        assert client.get("/store", params={"graph": graph}).status_code == 404
