"""Values computed once per projection: the search index, centralities, communities, plain graph views.

Why on the projection: ``projection_for`` hands every request the same frozen
graph until the store changes, so anything derived from it (an index over
every label, PageRank over every node) is valid exactly as long as that graph
is. Keeping it beside that graph object (weakly) means it is rebuilt with the
projection and dropped with it, with no second cache to invalidate; a lock
per value makes concurrent requests compute each value once.

    >>> derived(G, ("pagerank",), lambda: nx.pagerank(D))        # doctest: +SKIP
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import networkx as nx

T = TypeVar("T")

_guard = threading.Lock()
# Per graph object, not in ``G.graph``: ``nx.MultiDiGraph(G)`` copies ``G.graph``, and a copy
# (made to be changed) must not inherit values computed on the original.
_tables: weakref.WeakKeyDictionary[nx.Graph, tuple[dict[Hashable, Any], dict[Hashable, threading.Lock]]] = (
    weakref.WeakKeyDictionary())


def derived(G: nx.MultiDiGraph, key: Hashable, factory: Callable[[], T]) -> T:
    """``factory()`` computed once per graph and ``key``; later calls return the stored value.

    One lock per key: a slow value (betweenness) does not hold up another
    (the search index), and a factory may itself ask for other derived values.
    """
    with _guard:
        values, locks = _tables.setdefault(G, ({}, {}))
        if key in values:
            return values[key]
        lock = locks.setdefault(key, threading.Lock())
    with lock:
        if key not in values:
            values[key] = factory()
        return values[key]


def simple_graph(G: nx.MultiDiGraph, *, directed: bool, predicates: frozenset[str] | None = None) -> nx.Graph:
    """A plain graph of ``G``'s nodes and edges, without attributes (parallel edges merged).

    Why plain: networkx algorithms (and dispatch backends such as nx-cugraph,
    which convert their input) work fastest on a graph with no attribute
    dictionaries to copy, and path and centrality questions are about
    connections, not about which predicate or evidence they carry.
    ``predicates`` keeps only those edge keys.
    """
    key = ("simple", directed, predicates)

    def build() -> nx.Graph:
        H: nx.Graph = nx.DiGraph() if directed else nx.Graph()
        H.add_nodes_from(G.nodes)
        H.add_edges_from((u, v) for u, v, k in G.edges(keys=True) if predicates is None or k in predicates)
        return nx.freeze(H)

    return derived(G, key, build)
