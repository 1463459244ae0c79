"""Find nodes by the identifiers people type, and describe them in one shape everywhere.

Why: the REST routes accept a node as the IRI's path after the base
(``org/tra-vinh-provincial-party-committee``), as the full IRI, or, for
documents, as the IRI's last segment (``21-nq-tw-2022``, since codes contain
"/") or the code itself. Resolving that in one place keeps every route
answering the same way, and :func:`summary` is the one small description of a
node that lists, paths, rankings and timelines all return.

    >>> find_node(G, "org/tra-vinh-provincial-party-committee", BASE)     # doctest: +SKIP
    'https://w3id.org/nqgraph/id/org/tra-vinh-provincial-party-committee'
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import networkx as nx

from graph.iris import DEFAULT_BASE
from graph.network import schema as s
from graph.network.implementers import documents_with_code

_SCHEMES = ("http://", "https://", "urn:")


def candidate_iris(ident: str, base: str) -> list[str]:
    """The IRIs ``ident`` may stand for, most likely first."""
    ident = unquote(ident.strip())
    for scheme in ("http:/", "https:/"):  # a proxy or client may have merged the "//" of a full IRI in a path
        if ident.startswith(scheme) and not ident.startswith(scheme + "/"):
            ident = scheme + "/" + ident[len(scheme):]
    if ident.startswith(_SCHEMES):
        return [ident]
    path = ident.lstrip("/").removeprefix("id/")
    return list(dict.fromkeys(b + path for b in (base, DEFAULT_BASE)))


def find_node(G: nx.MultiDiGraph, ident: str, base: str = DEFAULT_BASE) -> str | None:
    """The node ``ident`` names (path after the base, or full IRI), or ``None``."""
    return next((iri for iri in candidate_iris(ident, base) if iri in G), None)


def find_document(G: nx.MultiDiGraph, slug: str, base: str = DEFAULT_BASE) -> str | None:
    """A document by its slug (``21-nq-tw-2022``), its path or IRI, or a code that names exactly one document."""
    for iri in [*candidate_iris("document/" + slug.strip("/"), base), *candidate_iris(slug, base)]:
        if iri in G and G.nodes[iri]["type"] == s.DOCUMENT:
            return iri
    matches = documents_with_code(G, slug)
    return matches[0] if len(matches) == 1 else None


def slug_of(iri: str) -> str:
    """The last path segment of an IRI: a document's slug."""
    return iri.rstrip("/").rsplit("/", 1)[-1]


def short_id(iri: str, base: str = DEFAULT_BASE) -> str:
    """The IRI's path after the base (what ``/api/entities/{id}`` takes), or the IRI itself."""
    for b in (base, DEFAULT_BASE):
        if iri.startswith(b):
            return iri[len(b):]
    return iri


def summary(G: nx.MultiDiGraph, node: str, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """The small description of a node that every list returns."""
    d = G.nodes[node]
    out: dict[str, Any] = {"id": node, "path": short_id(node, base), "label": d["label"], "type": d["type"],
                           "class": d.get("class")}
    for attr in ("level", "kind", "place", "code", "date", "year", "issuer"):
        if d.get(attr) is not None:
            out[attr] = d[attr]
    return out


def evidence_of(data: dict[str, Any], u: str, v: str, key: str) -> list[dict[str, Any]]:
    """An edge's evidence, each sentence saying which stored link it supports."""
    return [{**ev, "supports": {"source": u, "predicate": key, "target": v}} for ev in data.get("evidence", [])]
