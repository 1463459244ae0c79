"""The networkx projection of the store: entities as nodes, relations as edges.

Nodes are organisations, people, documents, events and places, keyed by IRI, with
``type`` (organization | person | document | event | place), ``class`` (the most
specific ontology class, e.g. ``PartyCommittee``), ``label`` (canonical English),
``labels`` (``{"km": [...], "vi-Khmr": [...]}``), ``aliases``, ``level``, ``kind``,
``place``/``place_id``, and for documents ``code``, ``date``, ``year``, ``title``,
``issuer``/``issuer_id``; ``graphs`` lists the named graphs that describe the node
and ``mentions`` counts its mention evidence.

Edges are keyed by predicate name (``schema.ALL_EDGES``: implements,
sub_organization_of, passed_by, place, organizer, attendee, location,
contained_in_place, holds_post) and carry ``predicate``, ``iri``, ``label``,
``graphs`` (the source graphs that state them), ``evidence`` (sentence, source,
language, date, rule, offsets, implicit), ``evidence_count``, ``dates`` /
``first_date`` (publication dates of the reporting articles, an event's own date)
and, for ``holds_post``, ``roles``/``role``. ``G.graph["relations"]`` holds one
attribute-less DiGraph per predicate for reachability queries.

    >>> G = projection_for(store)                                  # doctest: +SKIP
    >>> nx.ancestors(relation_graph(G, "implements"), doc_iri)     # doctest: +SKIP
"""

from __future__ import annotations

import networkx as nx

from graph.network.build import build_projection, relation_graphs
from graph.network.cache import clear_cache, projection_for
from graph.network.implementers import documents_with_code, implementers, normalise_code
from graph.network.schema import ALL_EDGES, EDGES, HOLDS_POST, NODE_TYPES, EdgeSpec


def relation_graph(G: nx.MultiDiGraph, predicate: str) -> nx.DiGraph:
    """The attribute-less DiGraph of one predicate's edges (empty for an unknown predicate)."""
    relations = G.graph.get("relations")
    if relations is None:
        relations = relation_graphs(G)
    return relations.get(predicate) or nx.DiGraph()


__all__ = [
    "ALL_EDGES", "EDGES", "HOLDS_POST", "NODE_TYPES", "EdgeSpec", "build_projection", "clear_cache",
    "documents_with_code", "implementers", "normalise_code", "projection_for", "relation_graph", "relation_graphs",
]
