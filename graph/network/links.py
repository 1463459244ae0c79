"""One node's links of one predicate, in or out, described with the node at the other end and the evidence.

Why a helper: the entity and document views are mostly "the edges of kind X
on this side of this node", each link shown with the neighbour's summary,
how many sentences support it and those sentences. Reading it from the
multigraph in one place keeps every view ordering and describing links alike
(by the neighbour's label, then IRI, so answers are stable).
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.network.lookup import evidence_of, summary


def links(G: nx.MultiDiGraph, node: str, predicate: str, *, incoming: bool, base: str,
          types: tuple[str, ...] | None = None, evidence: bool = True) -> list[dict[str, Any]]:
    """The ``predicate`` edges into (``incoming``) or out of ``node``: ``[{"node", "evidence_count", ...}]``.

    ``types`` keeps only neighbours of those node types. Each link carries the
    edge's ``dates`` (publication dates of the reports), ``implicit`` and, for
    posts, ``roles``; ``evidence`` adds the supporting sentences.
    """
    edges = G.in_edges(node, keys=True, data=True) if incoming else G.out_edges(node, keys=True, data=True)
    out = []
    for u, v, key, data in edges:
        if key != predicate:
            continue
        other = u if incoming else v
        if types is not None and G.nodes[other]["type"] not in types:
            continue
        link: dict[str, Any] = {"node": summary(G, other, base), "predicate": key,
                                "direction": "in" if incoming else "out",
                                "evidence_count": data.get("evidence_count", 0), "dates": list(data.get("dates", [])),
                                "implicit": bool(data.get("implicit"))}
        if data.get("roles"):
            link["roles"] = list(data["roles"])
        if evidence:
            link["evidence"] = evidence_of(data, u, v, key)
        out.append(link)
    return sorted(out, key=lambda link: (link["node"]["label"], link["node"]["id"]))


def capped(items: list[dict[str, Any]], limit: int | None) -> list[dict[str, Any]]:
    return items if limit is None else items[:limit]
