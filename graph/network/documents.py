"""The legal documents of the graph: a filtered list, and one document with what it implements and what implements it.

Why from the projection rather than SPARQL: "what implements it" spans
organisations, programmes and events, each with evidence sentences already
folded onto the projected edges; reading them here costs nothing per request.
``implemented_by`` lists the direct links only (the full chains are
``graph.network.implementers``), and ``implementers_total`` says how many
bodies the chains reach, so a client knows whether to ask for them.

    >>> document_list(G, code="21-NQ/TW")["items"][0]["slug"]      # doctest: +SKIP
    '21-nq-tw-2022'
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.iris import DEFAULT_BASE
from graph.network import schema as s
from graph.network.implementers import implementers, normalise_code
from graph.network.links import capped, links
from graph.network.lookup import slug_of, summary


def _order(G: nx.MultiDiGraph, node: str) -> tuple[Any, ...]:
    d = G.nodes[node]
    return (-(d.get("year") or 0), d.get("code") or "~", d["label"], node)


def _issuer(G: nx.MultiDiGraph, node: str, base: str) -> dict[str, Any] | None:
    issuers = links(G, node, "passed_by", incoming=False, base=base, evidence=False)
    return issuers[0]["node"] if issuers else None


def document_item(G: nx.MultiDiGraph, node: str, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """A document as listed: its summary, slug, title, issuer, and the nodes it implements and that implement it."""
    d = G.nodes[node]
    implemented_by = links(G, node, "implements", incoming=True, base=base, evidence=False)
    implements = links(G, node, "implements", incoming=False, base=base, evidence=False)
    return {
        **summary(G, node, base), "slug": slug_of(node), "title": d.get("title"),
        "document_type": d.get("document_type"), "issuer": _issuer(G, node, base),
        "implements": [link["node"] for link in implements],
        "implemented_by": [link["node"] for link in implemented_by],
    }


def document_list(G: nx.MultiDiGraph, *, code: str | None = None, year: int | None = None,
                  doc_class: str | None = None, offset: int = 0, limit: int | None = 50,
                  base: str = DEFAULT_BASE) -> dict[str, Any]:
    """Documents newest first, filtered by code (any spelling), year and class (``Resolution``)."""
    key = normalise_code(code) if code else None
    nodes = [n for n, d in G.nodes(data=True) if d["type"] == s.DOCUMENT
             and (key is None or (d.get("code") and normalise_code(d["code"]) == key))
             and (year is None or d.get("year") == year)
             and (doc_class is None or (d.get("class") or "").lower() == doc_class.lower())]
    nodes.sort(key=lambda n: _order(G, n))
    page = nodes[offset:None if limit is None else offset + limit]
    return {"total": len(nodes), "items": [document_item(G, n, base) for n in page]}


def document_detail(G: nx.MultiDiGraph, node: str, *, base: str = DEFAULT_BASE,
                    limit: int | None = 200) -> dict[str, Any]:
    """One document: its attributes and labels, issuer, the documents it implements and every direct
    implementer (bodies, programmes, events) with the evidence sentences, and the chains' reach."""
    d = G.nodes[node]
    implemented_by = links(G, node, "implements", incoming=True, base=base)
    implements = links(G, node, "implements", incoming=False, base=base)
    issued_by = links(G, node, "passed_by", incoming=False, base=base)
    reach = 0
    if d.get("code"):
        groups = implementers(G, d["code"], d.get("year"), limit=0)
        reach = next((g["total"] for g in groups if g["document"]["id"] == node), 0)
    return {
        **summary(G, node, base), "slug": slug_of(node), "title": d.get("title"),
        "document_type": d.get("document_type"), "term": d.get("term"), "plenum": d.get("plenum"),
        "labels": d.get("labels", {}), "aliases": d.get("aliases", []),
        "issuer": issued_by[0]["node"] if issued_by else None, "issued_by": issued_by,
        "implements": capped(implements, limit), "implemented_by": capped(implemented_by, limit),
        "counts": {"implements": len(implements), "implemented_by": len(implemented_by)},
        "implementers_total": reach, "graphs": list(d.get("graphs", [])),
    }
