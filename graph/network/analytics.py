"""Centrality rankings and communities over the projection, through networkx's public algorithms.

Why only public, dispatchable entry points (``nx.degree_centrality``,
``nx.pagerank``, ``nx.betweenness_centrality``,
``nx.community.louvain_communities``, ``nx.community.modularity``): networkx
hands such calls to an installed backend (nx-cugraph on a GPU machine, with
``NX_CUGRAPH_AUTOCONFIG=True``) without a code change. They run on plain
graphs without attributes (``derived.simple_graph``), which backends convert
cheaply. Results are computed once per projection and kept with it.

Direction: PageRank follows the edges (a body implements a document, a
document is passed by a body), so documents that many things lead to rank
high; degree, betweenness and communities treat the graph as undirected,
because "connected to" is what they measure.

Betweenness is exact up to ``EXACT_BETWEENNESS_NODES`` nodes and estimated
from ``BETWEENNESS_SAMPLES`` seeded source nodes above that (the answer says
``approximate``); seeds are fixed so the same graph always ranks the same.

    >>> rankings(G, "pagerank", node_type="document")["items"][0]["label"]    # doctest: +SKIP
    'Resolution 21-NQ/TW'
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from graph.iris import DEFAULT_BASE
from graph.network.derived import derived, simple_graph
from graph.network.lookup import summary

METRICS = ("degree", "pagerank", "betweenness")
SEED = 42
EXACT_BETWEENNESS_NODES = 2000
BETWEENNESS_SAMPLES = 500


def scores(G: nx.MultiDiGraph, metric: str) -> dict[str, float]:
    """``{node: score}`` for every node of ``G`` (cached with the projection)."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; expected one of {', '.join(METRICS)}")
    return derived(G, ("scores", metric), lambda: compute_scores(G, metric))


def is_approximate(G: nx.MultiDiGraph, metric: str) -> bool:
    return metric == "betweenness" and G.number_of_nodes() > EXACT_BETWEENNESS_NODES


def compute_scores(G: nx.MultiDiGraph, metric: str) -> dict[str, float]:
    """``metric`` over ``G``, uncached (what :func:`scores` caches; benchmarks time this)."""
    if G.number_of_nodes() == 0:
        return {}
    if metric == "degree":
        return nx.degree_centrality(simple_graph(G, directed=False))
    if metric == "pagerank":
        return nx.pagerank(simple_graph(G, directed=True))  # scipy-backed unless a dispatch backend takes over
    U = simple_graph(G, directed=False)
    k = min(BETWEENNESS_SAMPLES, len(U)) if is_approximate(G, metric) else None
    return nx.betweenness_centrality(U, k=k, seed=SEED)


def rankings(G: nx.MultiDiGraph, metric: str, *, node_type: str | None = None, offset: int = 0,
             limit: int | None = 20, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """Nodes by ``metric``, highest first (ties by label), optionally of one type; ``rank`` counts from 1."""
    values = scores(G, metric)
    nodes = ranked(G, metric, node_type)
    page = nodes[offset:None if limit is None else offset + limit]
    items = [{"rank": offset + i + 1, "score": round(values.get(n, 0.0), 8), "degree": G.degree(n),
              **summary(G, n, base)} for i, n in enumerate(page)]
    return {"metric": metric, "approximate": is_approximate(G, metric), "total": len(nodes), "items": items}


def ranked(G: nx.MultiDiGraph, metric: str, node_type: str | None = None) -> list[str]:
    """The nodes (of ``node_type``) by ``metric``, highest first, ties by label (cached with the projection).

    Why cached: sorting every node by score cost more per request than anything else in a page of a
    ranking once the scores were kept (a tenth of a second at a million triples).
    """
    def order() -> list[str]:
        values = scores(G, metric)
        nodes = [n for n in G if node_type is None or G.nodes[n]["type"] == node_type]
        nodes.sort(key=lambda n: (-values.get(n, 0.0), G.nodes[n]["label"], n))
        return nodes

    return derived(G, ("ranked", metric, node_type), order)


def communities(G: nx.MultiDiGraph, *, resolution: float = 1.0, seed: int = SEED) -> list[frozenset[str]]:
    """Louvain communities of the undirected projection, largest first (cached per resolution and seed)."""

    return derived(G, ("communities", resolution, seed), lambda: louvain(G, resolution=resolution, seed=seed))


def louvain(G: nx.MultiDiGraph, *, resolution: float = 1.0, seed: int = SEED) -> list[frozenset[str]]:
    """``nx.community.louvain_communities`` on the undirected projection, largest first, uncached."""
    U = simple_graph(G, directed=False)
    found = nx.community.louvain_communities(U, resolution=resolution, seed=seed) if len(U) else []
    return sorted((frozenset(c) for c in found), key=lambda c: (-len(c), min(c)))


def community_page(G: nx.MultiDiGraph, *, resolution: float = 1.0, seed: int = SEED, min_size: int = 2,
                   members: int = 20, offset: int = 0, limit: int | None = 20,
                   base: str = DEFAULT_BASE) -> dict[str, Any]:
    """Communities of at least ``min_size`` nodes, each with its size, node types and best-connected members."""
    found = communities(G, resolution=resolution, seed=seed)
    modularity = derived(G, ("modularity", resolution, seed),
                         lambda: nx.community.modularity(simple_graph(G, directed=False), found,
                                                         resolution=resolution) if found else 0.0)
    kept = [(i, c) for i, c in enumerate(found) if len(c) >= min_size]
    page = kept[offset:None if limit is None else offset + limit]
    items = []
    for index, community in page:
        ranked = sorted(community, key=lambda n: (-G.degree(n), G.nodes[n]["label"], n))
        items.append({"id": index, "size": len(community),
                      "types": dict(sorted(Counter(G.nodes[n]["type"] for n in community).items())),
                      "members": [{**summary(G, n, base), "degree": G.degree(n)} for n in ranked[:members]]})
    return {"algorithm": "louvain", "seed": seed, "resolution": resolution, "modularity": round(modularity, 6),
            "total": len(kept), "items": items}
