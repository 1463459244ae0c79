"""``graph.network.derived``: one computation per projection and key, plain graph views."""

from __future__ import annotations

import threading

import networkx as nx

from graph.network.derived import derived, simple_graph


def test_computed_once_per_graph_and_key() -> None:
    G = nx.freeze(nx.MultiDiGraph([("a", "b"), ("a", "b")]))
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    threads = [threading.Thread(target=derived, args=(G, "k", compute)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert derived(G, "k", compute) == 1 and len(calls) == 1
    assert derived(nx.MultiDiGraph(G), "k", compute) == 2  # another graph, another value


def test_simple_graph_merges_parallel_edges_and_filters_predicates() -> None:
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", key="implements")
    G.add_edge("a", "b", key="passed_by")
    G.add_edge("b", "c", key="place")
    G.add_node("d")
    U = simple_graph(G, directed=False)
    assert U.number_of_edges() == 2 and "d" in U and not U.is_directed()
    assert simple_graph(G, directed=False) is U
    D = simple_graph(G, directed=True, predicates=frozenset({"place"}))
    assert list(D.edges) == [("b", "c")] and D.is_directed() and nx.is_frozen(D)
