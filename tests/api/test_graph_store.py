"""``/store``: the SPARQL 1.1 Graph Store HTTP Protocol, with the writes behind the update token."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import rdflib
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store.oxigraph import OxigraphStore

G = "https://w3id.org/nqgraph/id/source/gsp"
AUTH = {"Authorization": "Bearer gsp-token"}
TURTLE = {"Content-Type": "text/turtle", **AUTH}
EX = "https://example.org/"


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(store=":memory:", upload_limit=10_000), store=OxigraphStore(None),
                               local_token="gsp-token")) as c:
        yield c


def labels(client: TestClient, graph: str = G, accept: str = "text/turtle") -> set[str]:
    response = client.get("/store", params={"graph": graph}, headers={"Accept": accept})
    assert response.status_code == 200
    fmt = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
           "application/ld+json": "json-ld"}[response.headers["content-type"].split(";")[0]]
    return {str(o) for o in rdflib.Graph().parse(data=response.content, format=fmt).objects(None, rdflib.RDFS.label)}


def test_put_get_post_delete_round_trip(client: TestClient) -> None:
    assert client.get("/store", params={"graph": G}).status_code == 404
    body = f'@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . <{EX}a> rdfs:label "one" .'
    assert client.put("/store", params={"graph": G}, content=body, headers=TURTLE).status_code == 201
    assert client.put("/store", params={"graph": G}, content=body.replace("one", "two"), headers=TURTLE).status_code \
        == 204
    assert labels(client) == {"two"}  # PUT replaced the graph
    added = client.post("/store", params={"graph": G}, content=body.replace("one", "three"), headers=TURTLE)
    assert added.status_code == 204
    for accept in ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"):
        assert labels(client, accept=accept) == {"two", "three"}  # POST merged
    head = client.head("/store", params={"graph": G})
    assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 0
    assert client.delete("/store", params={"graph": G}, headers=AUTH).status_code == 204
    assert client.get("/store", params={"graph": G}).status_code == 404
    assert client.delete("/store", params={"graph": G}, headers=AUTH).status_code == 404


def test_post_without_a_graph_creates_one(client: TestClient) -> None:
    created = client.post("/store", content=f'<{EX}b> <http://www.w3.org/2000/01/rdf-schema#label> "new" .',
                          headers={"Content-Type": "application/n-triples", **AUTH})
    assert created.status_code == 201
    location = created.headers["location"]
    assert "graph=" in location
    assert client.get(location.split("testserver", 1)[1]).status_code == 200


def test_the_default_graph(client: TestClient) -> None:
    nt = {"Content-Type": "application/n-triples", **AUTH}
    assert client.put("/store?default", content=f"<{EX}d> <{EX}p> <{EX}o> .", headers=nt).status_code == 204
    client.put("/store", params={"graph": G}, content=f"<{EX}n> <{EX}p> <{EX}o> .", headers=nt)
    union = rdflib.Graph().parse(data=client.get("/store?default").content, format="turtle")
    assert {str(s) for s in union.subjects()} == {EX + "d", EX + "n"}  # reads see the union, as /sparql does
    assert client.delete("/store?default", headers=AUTH).status_code == 204
    union = rdflib.Graph().parse(data=client.get("/store?default").content, format="turtle")
    assert {str(s) for s in union.subjects()} == {EX + "n"}  # the named graph is untouched


def test_requests_that_are_refused(client: TestClient) -> None:
    triple = f"<{EX}a> <{EX}p> 1 ."
    assert client.put("/store", params={"graph": G}, content=triple, headers={"Content-Type": "text/turtle"}) \
        .status_code == 401
    wrong = {"Content-Type": "text/turtle", "Authorization": "Bearer wrong"}
    assert client.put("/store", params={"graph": G}, content=triple, headers=wrong).status_code == 403
    assert client.delete("/store", params={"graph": G}).status_code == 401
    assert client.get("/store").status_code == 400  # neither graph= nor default
    assert client.get(f"/store?default&graph={G}").status_code == 400  # both
    assert client.put("/store", params={"graph": "relative"}, content=triple, headers=TURTLE).status_code == 400
    assert client.put("/store", params={"graph": G}, content=triple, headers={**AUTH, "Content-Type": "image/png"}) \
        .status_code == 415
    broken = client.put("/store", params={"graph": G}, content=f"<{EX}a> <{EX}p> .", headers=TURTLE)
    assert broken.status_code == 400 and "does not parse" in broken.json()["detail"]
    quads = client.put("/store", params={"graph": G}, content=f"<{EX}a> <{EX}p> 1 <{EX}g> .",
                       headers={**AUTH, "Content-Type": "application/n-quads"})
    assert quads.status_code == 400
    big = client.put("/store", params={"graph": G}, content=f'<{EX}a> <{EX}p> "{"x" * 20_000}" .', headers=TURTLE)
    assert big.status_code == 413
    assert client.get("/store", params={"graph": G}, headers={"Accept": "text/csv"}).status_code == 406
    assert client.get("/store", params={"graph": G}).status_code == 404  # nothing above was written
