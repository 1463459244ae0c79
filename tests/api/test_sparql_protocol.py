"""``/sparql`` queries: the protocol's request forms, result formats parsed back, errors, limits."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator

import pyoxigraph as ox
import pytest
import rdflib
from fastapi.testclient import TestClient

from graph.store.oxigraph import OxigraphStore

ID = "https://w3id.org/nqgraph/id/"
NQ = "https://w3id.org/nqgraph/ontology#"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
ORG = ox.NamedNode(ID + "org/cam-xuyen-district-party-committee")
DOC = ox.NamedNode(ID + "document/21-nq-tw-2022")
LABELS = f"SELECT ?label WHERE {{ <{ORG.value}> rdfs:label ?label }} ORDER BY ?label"


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    s = OxigraphStore(None)
    s.replace_graph(ID + "source/a", [
        ox.Triple(ORG, TYPE, ox.NamedNode(NQ + "PartyCommittee")),
        ox.Triple(ORG, LABEL, ox.Literal("Cam Xuyen District Party Committee", language="en")),
        ox.Triple(ORG, ox.NamedNode(NQ + "implements"), DOC),
    ])
    s.replace_graph(ID + "source/b", [
        ox.Triple(ORG, LABEL, ox.Literal("គណៈកម្មាធិការបក្សស្រុក Cam Xuyen", language="km")),
        ox.Triple(DOC, ox.NamedNode("http://data.europa.eu/eli/ontology#id_local"), ox.Literal("21-NQ/TW")),
    ])
    return s


@pytest.fixture(scope="module")
def client(store: OxigraphStore, client_for: Callable[..., TestClient]) -> Iterator[TestClient]:
    with client_for(store, row_cap=3, max_query_length=2000) as c:
        yield c


def labels_from_json(body: bytes) -> list[tuple[str, str]]:
    data = json.loads(body)
    assert data["head"]["vars"] == ["label"]
    return [(b["label"]["value"], b["label"]["xml:lang"]) for b in data["results"]["bindings"]]


EXPECTED = [("Cam Xuyen District Party Committee", "en"), ("គណៈកម្មាធិការបក្សស្រុក Cam Xuyen", "km")]


def test_get_post_form_and_direct_post_agree(client: TestClient) -> None:
    by_get = client.get("/sparql", params={"query": LABELS})
    by_form = client.post("/sparql", data={"query": LABELS})
    direct = client.post("/sparql", content=LABELS.encode(), headers={"Content-Type": "application/sparql-query"})
    for response in (by_get, by_form, direct):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/sparql-results+json")
        assert labels_from_json(response.content) == EXPECTED


def test_the_default_graph_is_the_union_of_named_graphs(client: TestClient) -> None:
    query = "SELECT ?code WHERE { ?org nq:implements ?d . ?d eli:id_local ?code }"  # spans graphs a and b
    rows = client.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    assert [r["code"]["value"] for r in rows] == ["21-NQ/TW"]
    narrowed = client.get("/sparql", params={"query": query, "default-graph-uri": ID + "source/a"}).json()
    assert narrowed["results"]["bindings"] == []
    graphs = client.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"})
    assert [r["g"]["value"] for r in graphs.json()["results"]["bindings"]] == [ID + "source/a", ID + "source/b"]


@pytest.mark.parametrize(("accept", "media"), [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv", "text/csv"),
])
def test_select_in_every_results_format(client: TestClient, accept: str, media: str) -> None:
    response = client.get("/sparql", params={"query": LABELS}, headers={"Accept": accept})
    assert response.headers["content-type"].split(";")[0] == media
    if media == "text/csv":  # CSV drops language tags, by the standard
        rows = list(csv.reader(io.StringIO(response.text)))
        assert rows == [["label"], [EXPECTED[0][0]], [EXPECTED[1][0]]]
        return
    fmt = ox.QueryResultsFormat.XML if "xml" in media else ox.QueryResultsFormat.TSV
    parsed = ox.parse_query_results(response.content, format=fmt)
    assert [(row["label"].value, row["label"].language) for row in parsed] == EXPECTED


def test_format_parameter_overrides_accept(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": LABELS, "format": "csv"}, headers={"Accept": "text/html"})
    assert response.headers["content-type"].startswith("text/csv")


def test_ask_is_a_boolean_result(client: TestClient) -> None:
    yes = client.get("/sparql", params={"query": f"ASK {{ <{ORG.value}> nq:implements ?d }}"}).json()
    no = client.get("/sparql", params={"query": f"ASK {{ <{DOC.value}> nq:implements ?d }}"}).json()
    assert (yes["boolean"], no["boolean"]) == (True, False)


@pytest.mark.parametrize(("accept", "fmt"), [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/rdf+xml", "xml"),
    ("application/ld+json", "json-ld"),
])
def test_construct_in_every_rdf_format(client: TestClient, accept: str, fmt: str) -> None:
    query = f"CONSTRUCT {{ ?o rdfs:label ?l }} WHERE {{ BIND(<{ORG.value}> AS ?o) ?o rdfs:label ?l }}"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    graph = rdflib.Graph().parse(data=response.content, format=fmt)
    labels = {(str(o), o.language) for o in graph.objects(rdflib.URIRef(ORG.value), rdflib.RDFS.label)}
    assert labels == set(EXPECTED)


def test_describe_defaults_to_turtle(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": f"DESCRIBE <{DOC.value}>"})
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.content, format="turtle")
    assert str(graph.value(rdflib.URIRef(DOC.value), rdflib.URIRef("http://data.europa.eu/eli/ontology#id_local"))) \
        == "21-NQ/TW"


def test_a_bad_query_is_a_400_with_the_parsers_message(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "bad query"
    assert "1:" in body["detail"]  # the parser's line:column position


def test_unacceptable_media_type_is_406(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.json()["detail"]


def test_row_cap_truncates_and_says_so(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert len(response.json()["results"]["bindings"]) == 3
    assert "3" in response.headers["x-nqgraph-truncated"]
    small = client.get("/sparql", params={"query": LABELS})
    assert "x-nqgraph-truncated" not in small.headers


def test_limits_and_refusals(client: TestClient) -> None:
    long = client.post("/sparql", data={"query": "SELECT * WHERE { ?s ?p ?o } #" + "x" * 3000})
    assert (long.status_code, long.json()["error"]) == (413, "query too long")
    federated = client.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
    assert (federated.status_code, federated.json()["error"]) == (403, "service not allowed")
    variable = client.get("/sparql", params={"query": "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1"})
    assert variable.status_code == 200  # a variable named ?service is not a SERVICE clause
    both = client.post("/sparql", data={"query": LABELS, "update": "CLEAR ALL"})
    assert both.status_code == 400
    odd = client.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"})
    assert odd.status_code == 415 and odd.json()["error"] == "unsupported media type"


def test_timeout_stops_a_runaway_query(store: OxigraphStore, client_for: Callable[..., TestClient]) -> None:
    big = OxigraphStore(None)
    big.replace_graph(ID + "source/big", [
        ox.Triple(ox.NamedNode(f"{ID}n/{i}"), LABEL, ox.Literal(str(i))) for i in range(2000)
    ])
    with client_for(big, query_timeout=0.05, row_cap=10**9) as c:  # 4 million rows cannot be read in 50 ms
        response = c.get("/sparql", params={"query": "SELECT * WHERE { ?a ?p ?x . ?b ?q ?y }"})
    assert response.status_code == 503
    assert response.json()["error"] == "query timeout"


def test_bare_get_is_the_service_description(client: TestClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=response.content, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = graph.value(predicate=rdflib.RDF.type, object=sd.Service)
    assert str(graph.value(service, sd.endpoint)).endswith("/sparql")
    assert set(graph.objects(service, sd.supportedLanguage)) == {sd.SPARQL11Query}  # no token: read-only
    assert sd.UnionDefaultGraph in set(graph.objects(service, sd.feature))


def test_unknown_routes_answer_json_errors(client: TestClient) -> None:
    response = client.get("/no-such-thing")
    assert response.status_code == 404 and set(response.json()) == {"error", "detail"}


def test_resource_iris_dereference_on_the_server(client: TestClient) -> None:
    response = client.get("/id/org/cam-xuyen-district-party-committee", headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.content, format="nt")
    labels = {(str(o), o.language) for o in graph.objects(rdflib.URIRef(ORG.value), rdflib.RDFS.label)}
    assert labels == set(EXPECTED)
    missing = client.get("/id/org/nowhere")
    assert missing.status_code == 404 and missing.json()["error"] == "not found"
