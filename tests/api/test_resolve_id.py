"""``GET /id/{path}``: resource IRIs dereference to HTML for browsers and to RDF by ``Accept``."""

from __future__ import annotations

import json

import pyoxigraph as ox
from fastapi.testclient import TestClient

from tests.fixtures.network.analytics import HAI_DUONG, RES_2022, THANG, TRA_VINH
from tests.fixtures.network.load import ID

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
NQ = "https://w3id.org/nqgraph/ontology#"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def _triples(body: bytes, fmt: ox.RdfFormat) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=fmt)}


def test_turtle_by_default_with_facts_about_the_iri(client: TestClient) -> None:
    r = client.get("/id/org/tra-vinh-provincial-party-committee")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert r.headers["vary"] == "Accept"
    triples = _triples(r.content, ox.RdfFormat.TURTLE)
    tv = ox.NamedNode(TRA_VINH)
    assert ox.Triple(tv, ox.NamedNode(NQ + "implements"), ox.NamedNode(RES_2022)) in triples
    assert ox.Triple(tv, LABEL, ox.Literal("Tỉnh ủy Trà Vinh", language="vi")) in triples
    # incoming links too: the programme it passed, the city committee under it
    subjects = {t.subject.value for t in triples if t.object == tv}
    assert {ID + "document/39-ctr-tu-tra-vinh-2022", ID + "org/tra-vinh-city-party-committee"} <= subjects


def test_json_ld_by_accept(client: TestClient) -> None:
    r = client.get("/id/person/tran-duc-thang", headers={"Accept": "application/ld+json"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/ld+json")
    json.loads(r.content)
    triples = _triples(r.content, ox.RdfFormat.JSON_LD)
    assert ox.Triple(ox.NamedNode(THANG), LABEL, ox.Literal("Tran Duc Thang", language="en")) in triples
    members = {t.subject for t in triples if t.predicate.value == "http://www.w3.org/ns/org#member"}
    assert len(members) == 2  # the two posts point at him


def test_html_for_a_browser(client: TestClient) -> None:
    r = client.get("/id/org/hai-duong-provincial-party-committee", headers={"Accept": BROWSER})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert "<title>Hai Duong Provincial Party Committee — nqgraph</title>" in page
    assert '<a href="/id/place/hai-duong">Hai Duong</a>' in page  # linked IRIs are named and local
    assert 'lang="th"' in page and "คณะกรรมการพรรคประจำจังหวัด" in page
    assert HAI_DUONG in page and 'href="/api/entities/org/hai-duong-provincial-party-committee"' in page


def test_format_parameter_overrides_accept(client: TestClient) -> None:
    r = client.get("/id/document/21-nq-tw-2022", params={"format": "nt"}, headers={"Accept": BROWSER})
    assert r.headers["content-type"].startswith("application/n-triples")
    assert _triples(r.content, ox.RdfFormat.N_TRIPLES)
    assert client.get("/id/document/21-nq-tw-2022", params={"format": "html"}).headers[
        "content-type"].startswith("text/html")


def test_unknown_iri_is_404_and_unknown_format_406(client: TestClient) -> None:
    r = client.get("/id/org/nobody-at-all")
    assert r.status_code == 404 and r.json()["error"] == "not found" and "nobody-at-all" in r.json()["detail"]
    r = client.get("/id/org/tra-vinh-provincial-party-committee", headers={"Accept": "image/png"})
    assert r.status_code == 406 and r.json()["error"] == "not acceptable"


def test_a_path_that_is_no_iri_is_404(client: TestClient) -> None:
    r = client.get("/id/%EF%BF%B0")
    assert r.status_code == 404 and r.json()["error"] == "not found"
