"""The managed Oxigraph engine: its timeout really stops queries, including after a 200 answer has begun,
and the API keeps serving other requests meanwhile.

Time bounds are generous (the engine checks its deadline between steps of the
evaluation, and CI machines are slow): the point is that the work stops, not
how fast.
"""

from __future__ import annotations

import csv
import io
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from graph.store import BadQuery, ManagedOxigraphStore, OxigraphStore, QueryCancelled
from graph.store.lock import db_path

LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
PRODUCT = "?a ?p ?x . ?b ?q ?y . ?c ?r ?z"  # 27 billion rows over 3000 triples
RUNAWAYS = {
    "count": f"SELECT (COUNT(*) AS ?n) WHERE {{ {PRODUCT} }}",
    "group": f"SELECT ?y (COUNT(*) AS ?n) WHERE {{ {PRODUCT} }} GROUP BY ?y",
}
TICK = os.sysconf("SC_CLK_TCK")


def seed(db: Path) -> None:
    store = OxigraphStore(db)
    store.replace_graph("https://example.org/g", [
        ox.Triple(ox.NamedNode(f"https://example.org/n/{i}"), LABEL, ox.Literal(str(i))) for i in range(3000)])
    store.close()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("managed") / "data"
    seed(db_path(folder))
    return folder


@pytest.fixture
def managed(data: Path) -> Iterator[ManagedOxigraphStore]:
    store = ManagedOxigraphStore(db_path(data), query_timeout=1)
    yield store
    store.close()


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def oxigraph_children() -> list[int]:
    """The ``oxigraph serve`` processes this test process started (through the app it serves)."""
    pids = [int(pid) for task in Path(f"/proc/{os.getpid()}/task").iterdir()
            for pid in (task / "children").read_text().split()]
    return [pid for pid in pids if b"oxigraph" in Path(f"/proc/{pid}/cmdline").read_bytes()]


def wait_idle(pid: int, within: float) -> float:
    """Seconds until ``pid`` uses less than 0.1 s of CPU in a 1 s window; fails after ``within``."""
    began = time.monotonic()
    last = cpu_seconds(pid)
    while time.monotonic() - began < within:
        time.sleep(1.0)
        now = cpu_seconds(pid)
        if now - last < 0.1:
            return time.monotonic() - began
        last = now
    raise AssertionError(f"process {pid} still busy {within} s after the timeout")


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?a ?p ?x . ?b ?q ?y }",  # Oxigraph cancels this one itself, after its 200 began
    f"SELECT * WHERE {{ {PRODUCT} }}",  # this one only stops when the reader hangs up at its deadline
])
def test_a_streamed_answer_cut_by_the_timeout_is_an_error_not_a_short_result(managed: ManagedOxigraphStore,
                                                                            query: str) -> None:
    rows = 0
    with pytest.raises(QueryCancelled):
        for _ in managed.query(query):  # type: ignore[union-attr]
            rows += 1
    assert rows > 0  # rows had arrived before the cancellation
    assert managed.server.pid is not None
    wait_idle(managed.server.pid, within=60)


@pytest.mark.parametrize("shape", sorted(RUNAWAYS))
def test_queries_that_must_finish_before_their_first_row_are_stopped(managed: ManagedOxigraphStore,
                                                                     shape: str) -> None:
    with pytest.raises(QueryCancelled):
        list(managed.query(RUNAWAYS[shape]))  # type: ignore[arg-type]
    assert managed.server.pid is not None
    wait_idle(managed.server.pid, within=60)
    assert managed.ask("ASK { ?s ?p ?o }")  # and the engine still answers


def test_parser_messages_keep_the_clients_line_numbers(managed: ManagedOxigraphStore) -> None:
    with pytest.raises(BadQuery, match=r"error at 2:"):
        managed.query("SELECT ?x\nWHERE { ?x ?y }")


def test_the_api_answers_503_stops_the_work_and_keeps_serving(data: Path,
                                                              served_directory: Callable[..., object]) -> None:
    with served_directory(data, query_timeout=1) as url:  # type: ignore[attr-defined]
        with httpx.Client(trust_env=False, timeout=120) as client:
            health: list[int] = []

            def probe() -> None:  # while the runaway query runs, other requests are answered
                time.sleep(0.3)
                health.append(client.get(url + "/healthz").status_code)

            prober = threading.Thread(target=probe)
            prober.start()
            response = client.post(url + "/sparql", data={"query": RUNAWAYS["count"]})
            prober.join()
            assert (response.status_code, response.json()["error"]) == (503, "query timeout")
            assert "stopped" in response.json()["detail"]
            assert health == [200]
            engines = oxigraph_children()
            assert len(engines) == 1
            wait_idle(engines[0], within=60)
            streamed = client.post(url + "/sparql", data={"query": f"SELECT * WHERE {{ {PRODUCT} }}"})
            assert streamed.status_code == 503
            wait_idle(engines[0], within=60)
            quick = client.get(url + "/sparql", params={"query": "SELECT ?o WHERE { ?s ?p ?o } LIMIT 1"})
            assert quick.status_code == 200 and len(quick.json()["results"]["bindings"]) == 1


def test_the_row_cap_applies_through_the_engine(data: Path, served_directory: Callable[..., object]) -> None:
    with served_directory(data, row_cap=5) as url:  # type: ignore[attr-defined]
        response = httpx.get(url + "/sparql", params={"query": f"SELECT * WHERE {{ {PRODUCT} }}"}, trust_env=False,
                             headers={"Accept": "text/csv"}, timeout=60)
    assert response.status_code == 200 and response.headers["x-nqgraph-truncated"] == "results capped at 5"
    assert len(response.text.strip().splitlines()) == 6  # the header row and five rows


def test_without_the_engine_the_server_runs_queries_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    import graph.store as store_module

    monkeypatch.setattr(store_module, "oxigraph_binary", lambda: None)
    held = store_module.open_served_store(tmp_path / "data", query_timeout=5)
    try:
        assert isinstance(held, OxigraphStore)
        assert "pip install oxigraph" in caplog.text
    finally:
        held.close()
    served = store_module.open_served_store(tmp_path / "data", query_timeout=5, engine="in-process")
    assert isinstance(served, OxigraphStore)
    served.close()


# The API forwards the engine's own SELECT/ASK bytes when they fit the row cap (graph/store/passthrough.py).

FORMATS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
           "application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV}


def test_forwarded_answers_still_end_in_503_at_the_timeout(data: Path,
                                                           served_directory: Callable[..., object]) -> None:
    with served_directory(data, query_timeout=1, row_cap=10**9) as url:  # type: ignore[attr-defined]
        with httpx.Client(trust_env=False, timeout=120) as client:
            engine = oxigraph_children()[0]
            response = client.get(url + "/sparql", params={"query": f"SELECT ?a WHERE {{ {PRODUCT} }}"})
            assert (response.status_code, response.json()["error"]) == (503, "query timeout")
            assert "stopped" in response.json()["detail"]
            wait_idle(engine, within=60)  # hanging up is what stops this one: Oxigraph's timer does not
            quick = client.get(url + "/sparql", params={"query": "SELECT ?o WHERE { ?s ?p ?o } LIMIT 1"})
            assert quick.status_code == 200 and len(quick.json()["results"]["bindings"]) == 1


def test_a_forwarded_answer_that_the_engine_cut_is_a_503(managed: ManagedOxigraphStore) -> None:
    from api.app import create_app
    from api.settings import Settings
    from tests.conftest import running_server

    # The engine's timeout (1 s) comes first here, so its 200 answer ends with its notice.
    app = create_app(Settings(store=managed.location, query_timeout=30, row_cap=10**9), store=managed)
    query = "SELECT ?a WHERE { ?a ?p ?x . ?b ?q ?y FILTER(?x = ?y) }"
    with running_server(app) as url:
        response = httpx.get(url + "/sparql", params={"query": query}, trust_env=False, timeout=60)
    assert (response.status_code, response.json()["error"]) == (503, "query timeout")


@pytest.fixture(scope="module")
def awkward(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three literals that look like row separators in every results format, and nothing else."""
    folder = tmp_path_factory.mktemp("awkward") / "data"
    store = OxigraphStore(db_path(folder))
    store.replace_graph("https://example.org/g", [
        ox.Triple(ox.NamedNode(f"https://example.org/n/{i}"), LABEL, ox.Literal(value))
        for i, value in enumerate(['}},{"x":{}},{', "two\nlines\r\n", "<result><result>"])])
    store.close()
    return folder


def values(body: bytes, media: str) -> list[str]:
    """The ``?o`` column of an answer (pyoxigraph does not read CSV: it loses term types)."""
    if media == "text/csv":
        return [row[0] for row in list(csv.reader(io.StringIO(body.decode(), newline="")))[1:]]
    return [str(s["o"]) for s in ox.parse_query_results(body, format=FORMATS[media])]  # type: ignore[union-attr]


@pytest.mark.parametrize("media", sorted(FORMATS))
def test_the_row_cap_holds_on_forwarded_answers(awkward: Path, served_directory: Callable[..., object],
                                                media: str) -> None:
    three = "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o"
    four = "SELECT ?o WHERE { { ?s ?p ?o } UNION { BIND(0 AS ?o) } } ORDER BY ?o"
    with served_directory(awkward, row_cap=3) as url:  # type: ignore[attr-defined]
        with httpx.Client(trust_env=False, timeout=60, headers={"Accept": media}) as client:
            whole, capped = (client.get(url + "/sparql", params={"query": q}) for q in (three, four))
    for response in (whole, capped):
        assert response.status_code == 200
        assert response.headers["content-type"].split(";")[0] == media
    rows = values(whole.content, media)
    assert len(rows) == 3 and "x-nqgraph-truncated" not in whole.headers  # false separators do not cut it
    assert any("lines" in r for r in rows) and any("}},{" in r for r in rows)
    assert len(values(capped.content, media)) == 3 and capped.headers["x-nqgraph-truncated"] == "results capped at 3"


def test_forwarded_errors_and_forms(data: Path, served_directory: Callable[..., object]) -> None:
    with served_directory(data) as url:  # type: ignore[attr-defined]
        with httpx.Client(trust_env=False, timeout=60) as client:
            bad = client.get(url + "/sparql", params={"query": "SELECT ?x\nWHERE { ?x ?y }"})
            assert (bad.status_code, bad.json()["error"]) == (400, "bad query")
            assert "error at 2:" in bad.json()["detail"]  # the client's own line numbers
            ask = client.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"})
            assert ask.json() == {"head": {}, "boolean": True}
            # a prefix named like a query form: the answer is still a graph
            graph = client.get(url + "/sparql", headers={"Accept": "text/turtle"}, params={
                "query": "PREFIX ask: <https://example.org/n/> CONSTRUCT WHERE { ask:1 ?p ?o }"})
            assert graph.status_code == 200 and graph.headers["content-type"].startswith("text/turtle")
            wrong = client.get(url + "/sparql", headers={"Accept": "text/turtle"},
                               params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"})
            assert wrong.status_code == 406
            dataset = client.get(url + "/sparql", params={
                "query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "default-graph-uri": "https://example.org/none"})
            assert dataset.json()["results"]["bindings"][0]["n"]["value"] == "0"
