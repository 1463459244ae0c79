"""The W3C SPARQL 1.1 Protocol and Service Description tests, read from their manifests, run against a live server.

tests/fixtures/w3c-sparql11/ is a copy of the W3C suites (with their licence).
Each ``mf:ProtocolTest`` is a list of HTTP requests (``ht:`` vocabulary) with
expected status classes and result kinds; each becomes one pytest case that
sends its requests, in order, to ``nqgraph`` served as ``nqgraph serve`` runs
it on a data directory (with either engine, an update token set). The
store is emptied and the case's ``ut:graphData`` loaded (through the Graph
Store Protocol) before each case; every request carries the token, so the
update cases are run for real and the bad-update cases fail for their own
reason rather than for want of authorisation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, RDFS, Namespace
from rdflib.collection import Collection

SUITE = Path(__file__).resolve().parents[1] / "fixtures" / "w3c-sparql11"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
TOKEN = "w3c-suite-token"
RESULT_TYPES = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
                "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV}
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
             "application/ld+json": "json-ld"}
#: Cases that cannot pass by design, with the reason (none so far: every case runs and must pass).
XFAIL: dict[str, str] = {}


@dataclass
class Step:
    method: str
    path: str
    body: bytes | None
    headers: dict[str, str]
    statuses: set[str]
    result_format: str | None
    boolean: bool | None


@dataclass
class Case:
    name: str
    steps: list[Step]
    data: dict[str, Path] = field(default_factory=dict)  # graph IRI -> N-Triples file


def _list(graph: rdflib.Graph, head: rdflib.term.Node) -> list[rdflib.term.Node]:
    return list(Collection(graph, head))


def _step(graph: rdflib.Graph, request: rdflib.term.Node) -> Step:
    body_node = graph.value(request, HT.body)
    body = None
    if body_node is not None:
        encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(graph.value(body_node, CNT.chars)).encode(encoding.lower())
    headers = {}
    header_list = graph.value(request, HT.headers)
    for header in _list(graph, header_list) if header_list is not None else []:
        headers[str(graph.value(header, HT.fieldName))] = str(graph.value(header, HT.fieldValue))
    response = graph.value(request, HT.resp)
    statuses = {str(s).rsplit("StatusCode", 1)[1] for s in graph.objects(response, MF.expectedStatus)}
    result_format = graph.value(response, MF.expectedFormat)
    boolean = graph.value(response, MF.expectedBoolean)
    return Step(method=str(graph.value(request, HT.methodName)), path=str(graph.value(request, HT.absolutePath)),
                body=body, headers=headers, statuses=statuses,
                result_format=str(result_format) if result_format is not None else None,
                boolean=boolean.toPython() if boolean is not None else None)


def protocol_cases() -> list[Case]:
    """Every entry of protocol/manifest.ttl, in manifest order."""
    manifest = SUITE / "protocol" / "manifest.ttl"
    graph = rdflib.Graph().parse(manifest, format="turtle")
    root = graph.value(predicate=RDF.type, object=MF.Manifest)
    cases = []
    for entry in _list(graph, graph.value(root, MF.entries)):
        action = graph.value(entry, MF.action)
        steps = [_step(graph, r) for r in _list(graph, graph.value(action, HT.requests))]
        data = {str(graph.value(d, RDFS.label)): Path(str(graph.value(d, UT.graph)).removeprefix("file://"))
                for d in graph.objects(entry, UT.graphData)}
        cases.append(Case(name=str(entry).rsplit("#", 1)[1], steps=steps, data=data))
    return cases


CASES = protocol_cases()


def test_the_manifest_is_read_whole() -> None:
    assert len(CASES) == 34
    assert sum(c.name.startswith("bad_") for c in CASES) == 14
    assert sum(len(c.steps) for c in CASES) == 39  # five update cases check with a query


@pytest.fixture(scope="module", params=["server", "in-process"])
def endpoint(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
             served_directory: Callable[..., object], monkeypatch_module: pytest.MonkeyPatch) -> Iterator[str]:
    """Both engines ``nqgraph serve`` can run a data directory with: the managed Oxigraph server and pyoxigraph."""
    monkeypatch_module.setenv("NQGRAPH_TOKEN", TOKEN)
    data = tmp_path_factory.mktemp("w3c") / "data"
    with served_directory(data, engine=request.param) as url:  # type: ignore[attr-defined]
        yield url


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _reset(client: httpx.Client, url: str, data: dict[str, Path]) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post(url + "/sparql", data={"update": "DROP ALL"}, headers=auth).status_code == 204
    for graph, file in data.items():
        body = (SUITE / "protocol" / file.name).read_bytes()
        response = client.put(url + "/store", params={"graph": graph}, content=body,
                              headers={**auth, "Content-Type": "application/n-triples"})
        assert response.status_code == 201, response.text


def _check(step: Step, response: httpx.Response) -> None:
    assert str(response.status_code)[0] + "xx" in step.statuses, (response.status_code, response.text[:500])
    media = response.headers.get("content-type", "").split(";")[0].strip()
    if step.result_format in ("boolean", "tabular"):
        allowed = ("application/sparql-results+json", "application/sparql-results+xml")
        assert media in (allowed if step.result_format == "boolean" else RESULT_TYPES), media
        parsed = ox.parse_query_results(response.content, format=RESULT_TYPES[media])
        if step.result_format == "boolean":
            assert isinstance(parsed, ox.QueryBoolean)
            if step.boolean is not None:
                assert bool(parsed) is step.boolean
        else:
            assert isinstance(parsed, ox.QuerySolutions) and [v.value for v in parsed.variables] == ["value"]
    elif step.result_format == "RDF":
        assert media in RDF_TYPES, media
        rdflib.Graph().parse(data=response.content, format=RDF_TYPES[media])


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=[pytest.mark.xfail(reason=XFAIL[c.name],
                                                                                      strict=True)]
                                               if c.name in XFAIL else []) for c in CASES])
def test_w3c_protocol_case(case: Case, endpoint: str) -> None:
    with httpx.Client(trust_env=False, timeout=60) as client:
        _reset(client, endpoint, case.data)
        for step in case.steps:
            url = endpoint + "/sparql" + step.path.removeprefix("/sparql/")
            headers = {**step.headers, "Authorization": f"Bearer {TOKEN}"}
            response = client.request(step.method, url, content=step.body, headers=headers)
            _check(step, response)


def _service_tests() -> list[str]:
    manifest = SUITE / "service-description" / "manifest.ttl"
    graph = rdflib.Graph().parse(manifest, format="turtle")
    root = graph.value(predicate=RDF.type, object=MF.Manifest)
    return [str(e).rsplit("#", 1)[1] for e in _list(graph, graph.value(root, MF.entries))]


def _description(endpoint: str, accept: str = "text/turtle") -> tuple[httpx.Response, rdflib.Graph]:
    response = httpx.get(endpoint + "/sparql", headers={"Accept": accept}, trust_env=False)
    media = response.headers["content-type"].split(";")[0]
    return response, rdflib.Graph().parse(data=response.content, format=RDF_TYPES[media])


def test_the_service_description_manifest_has_three_tests() -> None:
    assert _service_tests() == ["has-endpoint-triple", "returns-rdf", "conforms-to-schema"]


def test_sd_returns_rdf(endpoint: str) -> None:
    for accept in ("text/turtle", "application/rdf+xml", "application/n-triples", "application/ld+json", "*/*"):
        response, graph = _description(endpoint, accept)
        assert response.status_code == 200 and len(graph) > 5, accept


def test_sd_has_endpoint_triple(endpoint: str) -> None:
    _, graph = _description(endpoint)
    assert (None, SD.endpoint, rdflib.URIRef(endpoint + "/sparql")) in graph


def test_sd_conforms_to_schema(endpoint: str) -> None:
    """The description's shape as the Service Description vocabulary defines it (domains, ranges, cardinalities)."""
    _, graph = _description(endpoint)
    services = list(graph.subjects(RDF.type, SD.Service))
    assert len(services) == 1
    service = services[0]
    assert all(isinstance(e, rdflib.URIRef) for e in graph.objects(service, SD.endpoint))
    languages = set(graph.objects(service, SD.supportedLanguage))
    assert languages and languages <= {SD.SPARQL10Query, SD.SPARQL11Query, SD.SPARQL11Update}
    assert SD.SPARQL11Update in languages  # a token is configured: updates are offered
    assert all(isinstance(f, rdflib.URIRef) for f in graph.objects(service, SD.resultFormat))
    assert set(graph.objects(service, SD.feature)) <= {SD.UnionDefaultGraph, SD.RequiresDataset,
                                                       SD.EmptyGraphs, SD.DereferencesURIs, SD.BasicFederatedQuery}
    dataset = graph.value(service, SD.defaultDataset)
    assert (dataset, RDF.type, SD.Dataset) in graph
    assert (graph.value(dataset, SD.defaultGraph), RDF.type, SD.Graph) in graph
