"""Entities of the graph: a filtered list, and one entity with everything the graph says about it.

Why sections per kind of link rather than a flat edge list: a reader asks
"which posts does this person hold", "who sits on this committee", "which
bodies are under it", "what did it carry out"; each section is one kind of
projected edge read in one direction (``graph.network.links``), with the
sentences that support it. ``counts`` gives each section's full size when
``limit`` cuts the lists short (a central body issues thousands of documents).

    >>> entity_detail(G, iri)["posts"][0]["roles"]                   # doctest: +SKIP
    ['Secretary']
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.iris import DEFAULT_BASE
from graph.network import schema as s
from graph.network.links import capped, links
from graph.network.lookup import summary
from graph.network.search import fold_text, search_index

# (section, predicate, incoming, neighbour types): what each section of an entity's description reads.
SECTIONS: dict[str, tuple[tuple[str, str, bool, tuple[str, ...] | None], ...]] = {
    s.PERSON: (("posts", "holds_post", False, None), ("events", "attendee", True, None)),
    s.ORGANIZATION: (
        ("members", "holds_post", True, None),
        ("parent_organizations", "sub_organization_of", False, None),
        ("sub_organizations", "sub_organization_of", True, None),
        ("implements", "implements", False, None),
        ("documents_issued", "passed_by", True, None),
        ("events", "organizer", True, None),
        ("events_attended", "attendee", True, None),
        ("places", "place", False, None),
    ),
    s.DOCUMENT: (
        ("issued_by", "passed_by", False, None),
        ("implements", "implements", False, None),
        ("implemented_by", "implements", True, None),
    ),
    s.EVENT: (
        ("organizers", "organizer", False, None),
        ("attendees", "attendee", False, None),
        ("implements", "implements", False, None),
        ("places", "location", False, None),
    ),
    s.PLACE: (
        ("contained_in", "contained_in_place", False, None),
        ("contains", "contained_in_place", True, None),
        ("organizations", "place", True, None),
        ("events", "location", True, None),
    ),
}
_ATTRIBUTES = ("level", "kind", "place", "place_id", "place_type", "code", "date", "year", "title", "issuer",
               "issuer_id", "document_type", "term", "plenum", "mentions")


def entity_list(G: nx.MultiDiGraph, *, node_type: str | None = None, q: str | None = None, offset: int = 0,
                limit: int | None = 50, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """Entities in label order; ``q`` keeps those with a label, alias or code containing it (folded, any script)."""
    allowed: set[str] | None = None
    if q:
        needle, index = fold_text(q), search_index(G)  # the index holds every name already folded
        allowed = {index.entries[i].node for i, key in enumerate(index.keys) if needle in key}
    nodes = [n for n, d in G.nodes(data=True)
             if (node_type is None or d["type"] == node_type) and (allowed is None or n in allowed)]
    nodes.sort(key=lambda n: (G.nodes[n]["label"].casefold(), n))
    page = nodes[offset:None if limit is None else offset + limit]
    return {"total": len(nodes), "items": [{**summary(G, n, base), "degree": G.degree(n)} for n in page]}


def entity_detail(G: nx.MultiDiGraph, node: str, *, base: str = DEFAULT_BASE,
                  limit: int | None = 200) -> dict[str, Any]:
    """Everything about one entity: labels per language, attributes, a section per kind of link, its graphs."""
    d = G.nodes[node]
    out: dict[str, Any] = {**summary(G, node, base), "labels": d.get("labels", {}), "aliases": d.get("aliases", []),
                           "attributes": {a: d[a] for a in _ATTRIBUTES if d.get(a) is not None},
                           "degree": G.degree(node), "graphs": list(d.get("graphs", []))}
    counts: dict[str, int] = {}
    for section, predicate, incoming, types in SECTIONS.get(d["type"], ()):
        found = links(G, node, predicate, incoming=incoming, base=base, types=types)
        counts[section] = len(found)
        out[section] = capped(found, limit)
    if d["type"] == s.ORGANIZATION:
        # The documents a body is linked to at all: what it implements and what it issued.
        docs = {link["node"]["id"]: link["node"] for sec in ("implements", "documents_issued") for link in out[sec]}
        out["documents"] = sorted(docs.values(), key=lambda n: (n["label"], n["id"]))
    out["counts"] = counts
    out["sources"] = sorted(_source_graphs(G, node, d))
    return out


def _source_graphs(G: nx.MultiDiGraph, node: str, d: dict[str, Any]) -> set[str]:
    """The named graphs (source articles) that state anything about the node or its links, shared graphs excluded."""
    graphs = set(d.get("graphs", []))
    for _, _, data in G.in_edges(node, data=True):
        graphs.update(data.get("graphs", []))
    for _, _, data in G.out_edges(node, data=True):
        graphs.update(data.get("graphs", []))
    return {g for g in graphs if "/graph/" not in g}
