"""``GET /api/export`` narrowed to one entity's neighbourhood or one document's implementation tree."""

from __future__ import annotations

import csv
import io
import zipfile

import networkx as nx
import pyoxigraph as ox
from fastapi.testclient import TestClient

from tests.fixtures.network.analytics import (
    CELL,
    CHI_LINH,
    HAI_DUONG,
    KIM_NGOC_THAI,
    PLAN,
    PROGRAMME,
    RES_2017,
    RES_2022,
    THANG,
    TRA_VINH,
    TRA_VINH_CITY,
)
from tests.fixtures.network.load import ID


def _gexf_nodes(client: TestClient, **params: object) -> set[str]:
    r = client.get("/api/export", params={"format": "gexf", **params})
    assert r.status_code == 200, r.text
    return set(nx.read_gexf(io.BytesIO(r.content), version="1.3").nodes)


def test_entity_neighbourhood_by_depth(client: TestClient) -> None:
    one = _gexf_nodes(client, entity="org/tra-vinh-provincial-party-committee", depth=1)
    assert one == {TRA_VINH, RES_2022, PROGRAMME, TRA_VINH_CITY, KIM_NGOC_THAI, ID + "place/tra-vinh"}
    two = _gexf_nodes(client, entity="org/tra-vinh-provincial-party-committee", depth=2)
    assert one < two and HAI_DUONG in two and ID + "place/tra-vinh-city" in two and THANG not in two
    assert _gexf_nodes(client, entity=TRA_VINH, depth=0) == {TRA_VINH}


def test_document_implementation_tree(client: TestClient) -> None:
    tree = _gexf_nodes(client, document="21-NQ/TW", year=2022)
    assert {RES_2022, TRA_VINH, TRA_VINH_CITY, PROGRAMME, HAI_DUONG, CHI_LINH, PLAN, CELL} <= tree
    assert RES_2017 not in tree and THANG not in tree and ID + "place/tra-vinh" not in tree
    r = client.get("/api/export", params={"format": "csv", "document": "21-NQ/TW", "year": 2022})
    assert 'filename="nqgraph-21-nq-tw.zip"' in r.headers["content-disposition"]
    edges = list(csv.DictReader(io.StringIO(zipfile.ZipFile(io.BytesIO(r.content)).read("edges.csv").decode())))
    assert {(e["Source"], e["Label"], e["Target"]) for e in edges} >= {(PROGRAMME, "passed_by", TRA_VINH),
                                                                         (CHI_LINH, "implements", PLAN)}


def test_rdf_scope_keeps_named_graphs_posts_evidence_and_sources(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "nquads", "entity": "person/tran-duc-thang", "depth": 1})
    assert r.status_code == 200
    quads = list(ox.parse(r.content, format=ox.RdfFormat.N_QUADS))
    # the Central Committee (one link away, through his second post) is described in the registry graph
    assert {q.graph_name.value for q in quads} == {ID + "source/hai-duong-article", ID + "graph/registry"}
    subjects = {q.subject.value for q in quads}
    assert subjects == {THANG, HAI_DUONG, ID + "org/central-committee-of-the-communist-party-of-vietnam",
                        ID + "event/h3", ID + "membership/h1", ID + "membership/h2", ID + "evidence/h5",
                        ID + "source/hai-duong-article"}
    # evidence h4 (Hai Duong implements 21-NQ/TW) is left out: the resolution is two links away
    whole = list(ox.parse(client.get("/api/export", params={"format": "nquads"}).content, format=ox.RdfFormat.N_QUADS))
    assert len(quads) < len(whole)


def test_scope_errors(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "gexf", "entity": "org/nobody"})
    assert r.status_code == 404 and r.json()["error"] == "not found"
    r = client.get("/api/export", params={"document": "99-NQ/TW"})
    assert r.status_code == 404 and "99-NQ/TW" in r.json()["detail"]
    r = client.get("/api/export", params={"entity": "org/x", "document": "21-NQ/TW"})
    assert r.status_code == 422 and r.json()["error"] == "invalid request"
    assert client.get("/api/export", params={"entity": TRA_VINH, "depth": 99}).status_code == 422
