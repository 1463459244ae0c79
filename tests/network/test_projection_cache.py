"""``projection_for`` builds once per store generation, aside, and hands every caller the same graph."""

from __future__ import annotations

import threading
import time

import networkx as nx
import pyoxigraph as ox
import pytest

from graph.network import cache, clear_cache, projection_for
from graph.store.oxigraph import OxigraphStore
from tests.fixtures.network.load import ID, fixture_store

NQ = "https://w3id.org/nqgraph/ontology#"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@pytest.fixture()
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the real builds behind ``projection_for``."""
    calls: list[int] = []
    real = cache.build_projection

    def counting(store: OxigraphStore) -> nx.MultiDiGraph:
        calls.append(store.generation)
        return real(store)

    monkeypatch.setattr(cache, "build_projection", counting)
    clear_cache()
    return calls


def _new_org(store: OxigraphStore, slug: str, label: str) -> None:
    org = ox.NamedNode(ID + "org/" + slug)
    store.replace_graph(ID + "source/" + slug, [
        ox.Triple(org, RDF_TYPE, ox.NamedNode(NQ + "PartyCommittee")),
        ox.Triple(org, RDFS_LABEL, ox.Literal(label, language="en")),
    ])


def test_same_graph_until_the_generation_changes(builds: list[int]) -> None:
    store = fixture_store()
    first = projection_for(store)
    assert projection_for(store) is first
    assert len(builds) == 1 and first.graph["generation"] == store.generation

    _new_org(store, "ben-tre-provincial-party-committee", "Ben Tre Provincial Party Committee")
    second = projection_for(store)
    assert second is not first and len(builds) == 2
    assert ID + "org/ben-tre-provincial-party-committee" in second
    # The earlier snapshot is untouched: requests still holding it see consistent data.
    assert ID + "org/ben-tre-provincial-party-committee" not in first
    assert projection_for(store) is second and len(builds) == 2


def test_each_store_has_its_own_projection(builds: list[int]) -> None:
    a, b = fixture_store(), OxigraphStore(path=None)
    assert projection_for(a).number_of_nodes() > 0
    assert projection_for(b).number_of_nodes() == 0
    assert len(builds) == 2


def test_concurrent_callers_share_one_build(monkeypatch: pytest.MonkeyPatch) -> None:
    store = fixture_store()
    clear_cache()
    calls: list[int] = []
    real = cache.build_projection

    def slow(s: OxigraphStore) -> nx.MultiDiGraph:
        calls.append(1)
        time.sleep(0.2)  # long enough for every thread to arrive while the build runs
        return real(s)

    monkeypatch.setattr(cache, "build_projection", slow)
    results: list[nx.MultiDiGraph] = []
    threads = [threading.Thread(target=lambda: results.append(projection_for(store))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(results) == 8 and all(r is results[0] for r in results)


def test_the_projection_cannot_be_mutated_by_a_caller() -> None:
    G = projection_for(fixture_store())
    with pytest.raises(nx.NetworkXError):
        G.add_node("x")
