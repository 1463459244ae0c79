"""Shortest paths between two entities, every link with the sentences that support it.

Why undirected by default: "how is this commune cell connected to that
resolution" is usually answered against the arrows (the cell is under a
district committee, which implements the resolution), so paths ignore
direction unless ``directed`` asks to follow the edges as stated. Each step
lists every projected edge between its two nodes in either allowed direction
(a body may both implement and issue the same programme), with its evidence.

The paths are found on a plain graph from both ends (:func:`all_shortest_paths`):
``nx.all_shortest_paths`` first walks everything reachable from the source,
which on a million-triple graph is most of it, while the shortest paths only
need the two balls of half their length around the ends. Their number grows
combinatorially in dense graphs, so at most ``MAX_PATHS`` are enumerated and the
answer says when it stopped there.

    >>> shortest_paths(G, tra_vinh_city, resolution)["paths"][0]["text"]        # doctest: +SKIP
    'Tra Vinh City Party Committee —implements→ Programme 39-CTr/TU —implements→ Resolution 21-NQ/TW'
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

import networkx as nx

from graph.iris import DEFAULT_BASE
from graph.network.derived import simple_graph
from graph.network.lookup import evidence_of, summary

MAX_PATHS = 1000


def shortest_paths(G: nx.MultiDiGraph, source: str, target: str, *, max_length: int | None = None,
                   directed: bool = False, predicates: frozenset[str] | None = None, offset: int = 0,
                   limit: int | None = 10, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """Every shortest path from ``source`` to ``target`` (none when longer than ``max_length``).

    ``predicates`` restricts the edges walked (``{"implements", "passed_by"}``).
    ``total`` counts the shortest paths (up to ``MAX_PATHS``; ``truncated`` says
    when there were more); ``offset``/``limit`` page over them in a stable order.
    """
    H = simple_graph(G, directed=directed, predicates=predicates)
    try:
        found = list(islice(all_shortest_paths(H, source, target), MAX_PATHS + 1))
    except nx.NetworkXNoPath:
        found = []
    truncated = len(found) > MAX_PATHS
    found = found[:MAX_PATHS]
    length = len(found[0]) - 1 if found else None
    if length is not None and max_length is not None and length > max_length:
        found, length = [], None
    found.sort(key=lambda p: ([G.nodes[n]["label"] for n in p], p))
    page = found[offset:None if limit is None else offset + limit]
    return {
        "from": summary(G, source, base), "to": summary(G, target, base), "directed": directed,
        "max_length": max_length, "length": length, "total": len(found), "truncated": truncated,
        "paths": [_describe(G, p, directed, predicates, base) for p in page],
    }


def all_shortest_paths(H: nx.Graph | nx.DiGraph, source: str, target: str) -> Iterator[list[str]]:
    """The shortest paths from ``source`` to ``target`` (the set ``nx.all_shortest_paths`` gives).

    ``nx.bidirectional_shortest_path`` gives their length ``L``; breadth-first
    distances from the source up to ``ceil(L/2)`` and towards the target up to
    the rest bound every node a shortest path can use, and a depth-first walk
    within those bounds lists the paths. Raises ``nx.NetworkXNoPath`` as networkx does.
    """
    if source not in H or target not in H:
        raise nx.NodeNotFound(f"{source if source not in H else target} is not in the graph")
    length = len(nx.bidirectional_shortest_path(H, source, target)) - 1
    near = (length + 1) // 2
    from_source = nx.single_source_shortest_path_length(H, source, cutoff=near)
    towards = H.reverse(copy=False) if H.is_directed() else H
    to_target = nx.single_source_shortest_path_length(towards, target, cutoff=length - near)

    def fits(node: str, step: int) -> bool:
        if step <= near and from_source.get(node) != step:
            return False
        return step < near or to_target.get(node) == length - step

    path = [source]

    def walk(node: str) -> Iterator[list[str]]:
        if len(path) - 1 == length:
            if node == target:
                yield list(path)
            return
        step = len(path)
        for following in H.successors(node) if H.is_directed() else H.neighbors(node):
            if fits(following, step):
                path.append(following)
                yield from walk(following)
                path.pop()

    yield from walk(source)


def _describe(G: nx.MultiDiGraph, path: list[str], directed: bool, predicates: frozenset[str] | None,
              base: str) -> dict[str, Any]:
    steps = []
    text = G.nodes[path[0]]["label"]
    for a, b in zip(path, path[1:], strict=False):
        edges = _edges(G, a, b, "forward", predicates)
        if not directed:
            edges += _edges(G, b, a, "backward", predicates)
        steps.append({"from": a, "to": b, "edges": edges})
        arrows = ", ".join(f"—{e['predicate']}→" if e["direction"] == "forward" else f"←{e['predicate']}—"
                           for e in edges)
        text += f" {arrows} {G.nodes[b]['label']}"
    return {"length": len(path) - 1, "nodes": [summary(G, n, base) for n in path], "steps": steps, "text": text}


def _edges(G: nx.MultiDiGraph, u: str, v: str, direction: str,
           predicates: frozenset[str] | None) -> list[dict[str, Any]]:
    if not G.has_edge(u, v):
        return []
    out = []
    for key, data in sorted(G[u][v].items()):
        if predicates is not None and key not in predicates:
            continue
        edge: dict[str, Any] = {"source": u, "target": v, "predicate": key, "label": data.get("label"),
                                "direction": direction, "evidence_count": data.get("evidence_count", 0),
                                "dates": list(data.get("dates", [])), "implicit": bool(data.get("implicit")),
                                "evidence": evidence_of(data, u, v, key)}
        if data.get("roles"):
            edge["roles"] = list(data["roles"])
        out.append(edge)
    return out
