"""Real SPARQL clients against ``nqgraph`` served on a free loopback port: SPARQLWrapper in every result format,
rdflib's SPARQLStore and SPARQLUpdateStore, and plain HTTP for the protocol's error cases.

The server runs as ``nqgraph serve`` runs a data directory: the managed Oxigraph
engine, an update token from a token file, CORS for one origin.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from graph.store import OxigraphStore
from graph.store.lock import db_path

ID = "https://w3id.org/nqgraph/id/"
ORG = ID + "org/tra-vinh-provincial-party-committee"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TOKEN = "client-test-token"
ORIGIN = "https://example.org"
LABELS = f"SELECT ?label WHERE {{ <{ORG}> rdfs:label ?label }} ORDER BY ?label"
EXPECTED = [("Tra Vinh Provincial Party Committee", "en"), ("គណៈកម្មាធិការបក្សខេត្តត្រាវិញ", "km")]
CONSTRUCT = f"CONSTRUCT {{ <{ORG}> rdfs:label ?l }} WHERE {{ <{ORG}> rdfs:label ?l }}"


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory, served_directory: Callable[..., object]) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("clients")
    data = folder / "data"
    seed = OxigraphStore(db_path(data))
    seed.replace_graph(ID + "source/a", [ox.Triple(ox.NamedNode(ORG), ox.NamedNode(LABEL),
                                                   ox.Literal(text, language=lang)) for text, lang in EXPECTED])
    seed.close()
    token_file = folder / "token"
    token_file.write_text(TOKEN + "\n")
    with served_directory(data, token_file=token_file, cors_origins=[ORIGIN],  # type: ignore[attr-defined]
                          max_query_length=5000) as base:
        yield base


def wrapper(url: str, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(url + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def test_sparqlwrapper_select_in_json_xml_csv_tsv(url: str) -> None:
    data = wrapper(url, LABELS, JSON).query().convert()
    assert [(b["label"]["value"], b["label"]["xml:lang"]) for b in data["results"]["bindings"]] == EXPECTED  # type: ignore
    document = wrapper(url, LABELS, XML).query().convert()
    literals = document.getElementsByTagName("literal")  # type: ignore[union-attr]
    assert [(n.firstChild.data, n.getAttribute("xml:lang")) for n in literals] == EXPECTED
    rows = list(csv.reader(io.StringIO(wrapper(url, LABELS, CSV).query().convert().decode())))  # type: ignore
    assert rows == [["label"], [EXPECTED[0][0]], [EXPECTED[1][0]]]
    tsv = wrapper(url, LABELS, TSV).query().convert().decode().splitlines()  # type: ignore[union-attr]
    assert tsv == ["?label", f'"{EXPECTED[0][0]}"@en', f'"{EXPECTED[1][0]}"@km']


def test_sparqlwrapper_ask_in_json_and_xml(url: str) -> None:
    assert wrapper(url, f"ASK {{ <{ORG}> ?p ?o }}", JSON).query().convert()["boolean"] is True  # type: ignore
    document = wrapper(url, "ASK { <https://example.org/nothing> ?p ?o }", XML).query().convert()
    assert document.getElementsByTagName("boolean")[0].firstChild.data == "false"  # type: ignore[union-attr]


@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, JSONLD])
def test_sparqlwrapper_construct_in_every_rdf_format(url: str, fmt: str) -> None:
    result = wrapper(url, CONSTRUCT, fmt).query()
    media = result.response.headers["Content-Type"].split(";")[0]
    syntax = {"text/turtle": "turtle", "application/rdf+xml": "xml", "application/ld+json": "json-ld"}[media]
    converted = result.convert()
    graph = converted if isinstance(converted, rdflib.Graph) else rdflib.Graph().parse(
        data=converted if isinstance(converted, bytes | str) else json.dumps(converted), format=syntax)
    labels = sorted((str(o), o.language) for o in graph.objects(rdflib.URIRef(ORG), rdflib.RDFS.label))
    assert labels == EXPECTED


def test_n_triples_by_accept(url: str) -> None:
    """SPARQLWrapper has no N-Triples constant (and sends its own format= name), so plain HTTP asks for it."""
    response = httpx.get(url + "/sparql", params={"query": CONSTRUCT}, headers={"Accept": "application/n-triples"},
                         trust_env=False)
    assert response.headers["content-type"].startswith("application/n-triples")
    graph = rdflib.Graph().parse(data=response.content, format="nt")
    assert sorted((str(o), o.language) for o in graph.objects(rdflib.URIRef(ORG), rdflib.RDFS.label)) == EXPECTED


def test_sparqlwrapper_describe_and_update_with_the_token(url: str) -> None:
    described = wrapper(url, f"DESCRIBE <{ORG}>", TURTLE).query().convert()
    assert "Tra Vinh" in described.decode()  # type: ignore[union-attr]
    update = SPARQLWrapper(url + "/sparql")
    update.setMethod(POST)
    update.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    update.setQuery(f'INSERT DATA {{ GRAPH <{ID}source/w> {{ <{ID}org/w> rdfs:label "by SPARQLWrapper"@en }} }}')
    update.query()
    found = wrapper(url, f"SELECT ?l WHERE {{ <{ID}org/w> rdfs:label ?l }}", JSON).query().convert()
    assert [b["l"]["value"] for b in found["results"]["bindings"]] == ["by SPARQLWrapper"]  # type: ignore


def test_rdflib_sparqlstore_reads_and_the_update_store_writes(url: str) -> None:
    graph = rdflib.Graph(store=SPARQLStore(query_endpoint=url + "/sparql"))
    rows = graph.query(LABELS)
    assert sorted((str(r.label), r.label.language) for r in rows) == EXPECTED  # type: ignore[union-attr]
    assert set(graph.objects(rdflib.URIRef(ORG), rdflib.RDFS.label)) >= {rdflib.Literal(EXPECTED[0][0], lang="en")}

    store = SPARQLUpdateStore(query_endpoint=url + "/sparql", update_endpoint=url + "/sparql",
                              headers={"Authorization": f"Bearer {TOKEN}"})
    named = rdflib.Graph(store=store, identifier=rdflib.URIRef(ID + "source/rdflib"))
    named.add((rdflib.URIRef(ID + "org/r"), rdflib.RDFS.label, rdflib.Literal("by rdflib", lang="en")))
    assert str(graph.value(rdflib.URIRef(ID + "org/r"), rdflib.RDFS.label)) == "by rdflib"
    store.close()


def test_protocol_errors_over_plain_http(url: str) -> None:
    sparql = url + "/sparql"
    with httpx.Client(trust_env=False) as http:
        bad = http.get(sparql, params={"query": "SELECT ?x WHERE { ?x ?y }"})
        assert (bad.status_code, bad.json()["error"]) == (400, "bad query") and "1:" in bad.json()["detail"]
        two = http.get(sparql + "?query=ASK%7B%7D&query=ASK%7B%7D")
        assert two.status_code == 400
        assert http.get(sparql, params={"query": LABELS}, headers={"Accept": "image/png"}).status_code == 406
        construct_as_csv = http.get(sparql, params={"query": CONSTRUCT}, headers={"Accept": "text/csv"})
        assert construct_as_csv.status_code == 406
        long = http.post(sparql, data={"query": "ASK {} #" + "x" * 6000})
        assert (long.status_code, long.json()["error"]) == (413, "query too long")
        text = http.post(sparql, content=b"ASK {}", headers={"Content-Type": "text/plain"})
        assert text.status_code == 415
        utf16 = http.post(sparql, content="ASK {}".encode("utf-16"),
                          headers={"Content-Type": "application/sparql-query; charset=UTF-16"})
        assert utf16.status_code == 415
        latin1 = http.post(sparql, content="ASK { ?s ?p \"café\" }".encode("latin-1"),
                           headers={"Content-Type": "application/sparql-query"})
        assert latin1.status_code == 400 and "UTF-8" in latin1.json()["detail"]
        assert http.get(sparql, params={"update": "CLEAR ALL"}).status_code == 405
        assert http.put(sparql, params={"query": "ASK {}"}).status_code == 405
        update = {"update": f"CLEAR GRAPH <{ID}source/a>"}
        missing = http.post(sparql, data=update)
        assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
        assert http.post(sparql, data=update, headers={"Authorization": "Bearer wrong"}).status_code == 403
        assert http.post(sparql, data=update, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
        labels = http.get(sparql, params={"query": LABELS}).json()["results"]["bindings"]
        assert len(labels) == 2  # nothing was cleared


def test_cors_preflight_and_exposed_headers(url: str) -> None:
    with httpx.Client(trust_env=False) as http:
        preflight = http.options(url + "/sparql", headers={
            "Origin": ORIGIN, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type"})
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == ORIGIN
        assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
        answer = http.get(url + "/sparql", params={"query": "ASK {}"}, headers={"Origin": ORIGIN})
        assert answer.headers["access-control-allow-origin"] == ORIGIN
        assert "x-nqgraph-truncated" in answer.headers["access-control-expose-headers"].lower()
        other = http.get(url + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers


def test_read_only_without_a_token(tmp_path: Path, served_directory: Callable[..., object]) -> None:
    with served_directory(tmp_path / "data") as base:  # type: ignore[attr-defined]
        with httpx.Client(trust_env=False) as http:
            refused = http.post(base + "/sparql", data={"update": "CLEAR ALL"}, headers={"Authorization": "Bearer x"})
            assert (refused.status_code, refused.json()["error"]) == (403, "read-only")
            triple = b"<https://e.org/a> <https://e.org/b> 1 ."
            put = http.put(base + "/store", params={"graph": ID + "g"}, content=triple,
                           headers={"Content-Type": "text/turtle", "Authorization": "Bearer x"})
            assert put.status_code == 403
            described = rdflib.Graph().parse(data=http.get(base + "/sparql").content, format="turtle")
            sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
            assert set(described.objects(None, sd.supportedLanguage)) == {sd.SPARQL11Query}
