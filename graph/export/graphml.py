"""GraphML through networkx, for yEd, Cytoscape and igraph.

Why a flattened copy: GraphML keys take scalars only, so the projection's
lists and dicts go through the same flat rows as the Gephi formats, with the
full evidence kept as one JSON string per edge for tools that want it.
"""

from __future__ import annotations

import json
from typing import BinaryIO

import networkx as nx

from graph.export import flatten


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose every attribute is a string, number or boolean."""
    H = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        H.add_node(node, label=data.get("label") or node, **flatten.node_row(G, node))
    for i, (u, v, key, data) in enumerate(G.edges(keys=True, data=True)):
        evidence = json.dumps(data.get("evidence", []), ensure_ascii=False)
        H.add_edge(u, v, key=key, edge_id=f"e{i}", label=data.get("label") or key,
                   weight=float(max(1, data.get("evidence_count", 0))), evidence=evidence, **flatten.edge_row(data))
    return H


def write_graphml(G: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Edge ids are ``e0, e1, ...``: the projection's keys (predicate names) repeat across edges."""
    nx.write_graphml(flat_graph(G), out, encoding="utf-8", prettyprint=False, named_key_ids=True,
                     edge_id_from_attribute="edge_id")
