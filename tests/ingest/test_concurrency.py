"""A served store under ingest: queries keep answering, and concurrent ingests all land whole.

Real uvicorn on loopback, real extractor. Time bounds are generous timeouts
only: nothing here asserts how fast anything is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import httpx

from graph.store.oxigraph import OxigraphStore

TOKEN = "t0ken"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
COUNT_SOURCES = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g nq:fileName ?name } }"


def batch(prefix: str, size: int) -> list[dict[str, str]]:
    """``size`` distinct articles made from the seeds (a numbered closing line keeps their bytes apart)."""
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    return [{"text": f"{texts[i % len(texts)]}\n{prefix} {i}\n", "doc": f"{prefix}-{i:03}.txt"} for i in range(size)]


def sources_in(client: httpx.Client, url: str) -> int:
    response = client.get(f"{url}/sparql", params={"query": COUNT_SOURCES},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_queries_answer_while_a_large_ingest_runs(tmp_path: Path, live_server: Callable[..., object]) -> None:
    store = OxigraphStore(tmp_path / "db")
    articles = batch("large", 30)
    seen_during: list[int] = []
    result: dict[str, httpx.Response] = {}
    with live_server(store, token=TOKEN) as url, httpx.Client(timeout=120, trust_env=False) as client:  # type: ignore[operator]
        def ingest() -> None:
            result["ingest"] = client.post(f"{url}/api/sources", json=articles, headers=AUTH)

        worker = threading.Thread(target=ingest)
        worker.start()
        while worker.is_alive():
            count = sources_in(client, url)
            listing = client.get(f"{url}/api/sources", params={"limit": 5})
            assert listing.status_code == 200
            if worker.is_alive():  # answered while the ingest was still running
                seen_during.append(count)
        worker.join()
        assert result["ingest"].status_code == 201, result["ingest"].text
        assert sources_in(client, url) == 30
    store.close()
    assert seen_during, "no query was answered during the ingest"
    assert any(0 < n < 30 for n in seen_during), f"the queries saw {sorted(set(seen_during))} sources"


def test_two_concurrent_ingests_of_different_sources_both_land(tmp_path: Path,
                                                              live_server: Callable[..., object]) -> None:
    store = OxigraphStore(tmp_path / "db")
    answers: dict[str, httpx.Response] = {}
    start = threading.Barrier(2)
    with live_server(store, token=TOKEN) as url, httpx.Client(timeout=120, trust_env=False) as client:  # type: ignore[operator]
        def ingest(prefix: str) -> None:
            start.wait()
            answers[prefix] = client.post(f"{url}/api/sources", json=batch(prefix, 6), headers=AUTH)

        threads = [threading.Thread(target=ingest, args=(p,)) for p in ("left", "right")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for prefix in ("left", "right"):
            assert answers[prefix].status_code == 201, answers[prefix].text
        listed = client.get(f"{url}/api/sources", params={"limit": 100}).json()
    assert listed["total"] == 12
    triples = {item["name"]: item["triples"] for item in listed["items"]}
    for prefix in ("left", "right"):
        for source in answers[prefix].json()["sources"]:
            assert source["status"] == "added" and triples[source["name"]] == source["counts"]["triples"]
    store.close()
