"""Timelines: the dated documents, events and first reports around a document or an entity, in date order.

Three kinds of item, because the graph knows three kinds of date:

- ``document``: a document's own date (``eli:date_document``), e.g. Programme 39-CTr/TU of 2022;
- ``event``: an event's start date (a conference in 2023-10);
- ``report``: the earliest publication date of the articles stating a link
  (a body implementing a resolution, a person holding a post), since the
  articles rarely say when a body started; it dates the news, not the act.

For a document the timeline covers its whole implementation tree (everything
that ``implements`` it, transitively); for another entity, its own links.
Partial dates stay partial ("2023-10", "2022") and sort before the full dates
they contain. Undated nodes are listed apart rather than guessed.

    >>> [i["date"] for i in document_timeline(G, [doc])["items"]][:2]      # doctest: +SKIP
    ['2022', '2022-06-16']
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.iris import DEFAULT_BASE
from graph.network import schema as s
from graph.network.build import relation_graphs
from graph.network.lookup import summary

REPORTED = ("implements", "holds_post")
_KIND_ORDER = {"document": 0, "event": 1, "report": 2}


def _dated(G: nx.MultiDiGraph, node: str, base: str, **extra: Any) -> dict[str, Any] | None:
    d = G.nodes[node]
    if d["type"] not in (s.DOCUMENT, s.EVENT) or not d.get("date"):
        return None
    return {"date": d["date"], "kind": d["type"], "node": summary(G, node, base), **extra}


def _report(G: nx.MultiDiGraph, u: str, v: str, key: str, data: dict[str, Any], base: str) -> dict[str, Any] | None:
    if key not in REPORTED or not data.get("first_date"):
        return None
    return {"date": data["first_date"], "kind": "report", "node": summary(G, u, base), "predicate": key,
            "object": summary(G, v, base), "evidence_count": data.get("evidence_count", 0),
            "roles": list(data.get("roles", []))}


def _page(G: nx.MultiDiGraph, items: list[dict[str, Any]], undated: set[str], offset: int, limit: int | None,
          base: str) -> dict[str, Any]:
    unique = {(i["kind"], i["node"]["id"], i.get("predicate"), (i.get("object") or {}).get("id")): i for i in items}
    ordered = sorted(unique.values(), key=lambda i: (i["date"], _KIND_ORDER[i["kind"]], i["node"]["label"],
                                                     i["node"]["id"], (i.get("object") or {}).get("label", ""),
                                                     i.get("predicate") or ""))
    dated_nodes = {i["node"]["id"] for i in ordered if i["kind"] != "report"}
    rest = sorted(undated - dated_nodes, key=lambda n: (G.nodes[n]["label"], n))
    return {"total": len(ordered), "items": ordered[offset:None if limit is None else offset + limit],
            "undated": [summary(G, n, base) for n in rest]}


def document_timeline(G: nx.MultiDiGraph, documents: list[str], *, offset: int = 0, limit: int | None = 100,
                      base: str = DEFAULT_BASE) -> dict[str, Any]:
    """The documents' dates, then everything in their implementation trees that has a date."""
    implements = (G.graph.get("relations") or relation_graphs(G)).get("implements") or nx.DiGraph()
    tree: set[str] = set(documents)
    for doc in documents:
        if doc in implements:
            tree |= nx.ancestors(implements, doc)
    items: list[dict[str, Any]] = []
    undated: set[str] = set()
    for node in tree:
        item = _dated(G, node, base)
        if item is not None:
            items.append(item)
        elif G.nodes[node]["type"] in (s.DOCUMENT, s.EVENT):
            undated.add(node)
        for u, v, key, data in G.out_edges(node, keys=True, data=True):
            if v in tree and (report := _report(G, u, v, key, data, base)) is not None:
                items.append(report)
    return {"documents": [summary(G, d, base) for d in documents], **_page(G, items, undated, offset, limit, base)}


def entity_timeline(G: nx.MultiDiGraph, node: str, *, offset: int = 0, limit: int | None = 100,
                    base: str = DEFAULT_BASE) -> dict[str, Any]:
    """The entity's own date, its dated neighbours (documents, events) and the first reports of its links."""
    if G.nodes[node]["type"] == s.DOCUMENT:
        page = document_timeline(G, [node], offset=offset, limit=limit, base=base)
        return {"entity": summary(G, node, base), **{k: v for k, v in page.items() if k != "documents"}}
    items: list[dict[str, Any]] = []
    undated: set[str] = set()
    own = _dated(G, node, base)
    if own is not None:
        items.append(own)
    for u, v, key, data in [*G.out_edges(node, keys=True, data=True), *G.in_edges(node, keys=True, data=True)]:
        other = v if u == node else u
        item = _dated(G, other, base, predicate=key, direction="out" if u == node else "in")
        if item is not None:
            items.append(item)
        elif G.nodes[other]["type"] in (s.DOCUMENT, s.EVENT):
            undated.add(other)
        if (report := _report(G, u, v, key, data, base)) is not None:
            items.append(report)
    return {"entity": summary(G, node, base), **_page(G, items, undated, offset, limit, base)}
