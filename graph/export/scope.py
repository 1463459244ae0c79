"""What an export covers: the whole graph, one entity's neighbourhood, or one document's implementation tree.

Why scopes: a whole-corpus GEXF is too dense to read in Gephi; the questions
people bring are "show me everything within two links of the Tra Vinh
committee" and "show me how 21-NQ/TW is carried out". Both are node sets of
the projection:

- ``entity`` + ``depth``: every node within ``depth`` links of the entity,
  direction ignored (``nx.single_source_shortest_path_length`` with a cutoff);
- ``document`` (+ ``year``): the document(s) with that code or slug and every
  node on every implementation path to them (``graph.network.implementers``).

Network formats write the projection's subgraph on those nodes. RDF formats
write the quads about them, in their named graphs: the triples whose subject
is in scope, the posts (``org:Membership``) and evidence nodes whose ends are
all in scope, and the description of every source article those quads come
from, so provenance still resolves.

    >>> nodes = scope_nodes(G, Scope(entity="org/tra-vinh-provincial-party-committee", depth=1))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox

from graph.iris import DEFAULT_BASE
from graph.network.derived import simple_graph
from graph.network.implementers import documents_with_code, implementers
from graph.network.lookup import find_document, find_node
from graph.network.schema import NQ, ORG
from graph.store.base import Store

MAX_DEPTH = 10
_BATCH = 400


class ScopeNotFound(LookupError):
    """The entity or document a scope names is not in the graph; ``str()`` says which."""


@dataclass(frozen=True)
class Scope:
    """An export's extent; ``Scope()`` is the whole graph. Give ``entity`` or ``document``, not both."""

    entity: str | None = None
    depth: int = 1
    document: str | None = None
    year: int | None = None
    via_suborganizations: bool = False

    def __post_init__(self) -> None:
        if self.entity is not None and self.document is not None:
            raise ValueError("an export scope names an entity or a document, not both")
        if not 0 <= self.depth <= MAX_DEPTH:
            raise ValueError(f"depth must be between 0 and {MAX_DEPTH}")

    @property
    def whole(self) -> bool:
        return self.entity is None and self.document is None


def scope_nodes(G: nx.MultiDiGraph, scope: Scope, base: str = DEFAULT_BASE) -> set[str]:
    """The projection's nodes inside ``scope`` (every node for the whole graph)."""
    if scope.whole:
        return set(G.nodes)
    if scope.entity is not None:
        node = find_node(G, scope.entity, base)
        if node is None:
            raise ScopeNotFound(f"no entity {scope.entity!r} in the graph")
        reach = nx.single_source_shortest_path_length(simple_graph(G, directed=False), node, cutoff=scope.depth)
        return set(reach)
    assert scope.document is not None
    documents = documents_with_code(G, scope.document, scope.year)
    if not documents and scope.year is None and (one := find_document(G, scope.document, base)) is not None:
        documents = [one]
    if not documents:
        which = f"{scope.document} of {scope.year}" if scope.year else scope.document
        raise ScopeNotFound(f"no document {which!r} in the graph")
    nodes = set(documents)
    for doc in documents:
        code, year = G.nodes[doc].get("code"), G.nodes[doc].get("year")
        if not code:
            continue
        for group in implementers(G, code, year, scope.via_suborganizations):
            if group["document"]["id"] != doc:
                continue
            for body in group["implementers"]:
                for path in body["paths"]:
                    nodes.update(x for step in path["steps"] for x in (step["source"], step["target"]))
    return nodes


def scoped_graph(G: nx.MultiDiGraph, nodes: set[str]) -> nx.MultiDiGraph:
    """The projection restricted to ``nodes`` (a read-only view; the writers only read)."""
    return G.subgraph(nodes)


def _select_quads(store: Store, template: str, values: Iterable[str]) -> list[ox.Quad]:
    """Run ``template`` (SELECT ?s ?p ?o ?g with ``{values}`` for a VALUES list) in batches."""
    items = sorted(values)
    quads: list[ox.Quad] = []
    for start in range(0, len(items), _BATCH):
        batch = " ".join(str(ox.NamedNode(i)) for i in items[start:start + _BATCH])
        result = store.query(template.replace("{values}", batch))
        assert isinstance(result, ox.QuerySolutions)
        quads.extend(ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in result)
    return quads


_ABOUT = "SELECT ?s ?p ?o ?g WHERE { VALUES ?s { {values} } GRAPH ?g { ?s ?p ?o } }"
_NARY = ("SELECT ?s ?p ?o ?g WHERE { VALUES ?x { {values} } GRAPH ?g { "
         f"{{ ?s <{ORG}member> ?x }} UNION {{ ?s <{NQ}subject> ?x }} ?s ?p ?o }} }}")
_ENDS = {ORG + "member", ORG + "organization", NQ + "subject", NQ + "object"}


def _complete(quads: list[ox.Quad], inside: set[str]) -> list[ox.Quad]:
    """The quads of the n-ary nodes (posts, evidence) whose every end is in ``inside``."""
    ends: dict[str, set[str]] = {}
    for q in quads:
        if q.predicate.value in _ENDS and isinstance(q.object, ox.NamedNode):
            ends.setdefault(q.subject.value, set()).add(q.object.value)
    keep = {n for n, linked in ends.items() if linked <= inside}
    return [q for q in quads if q.subject.value in keep]


def scoped_quads(store: Store, nodes: set[str]) -> list[ox.Quad]:
    """The quads about ``nodes``, their posts and evidence, and the sources they come from (see module doc)."""
    quads = _select_quads(store, _ABOUT, nodes)
    posts = _complete(_select_quads(store, _NARY, nodes), nodes)
    kept_posts = {q.subject.value for q in posts}
    about_posts = _complete(_select_quads(store, _NARY, kept_posts), nodes | kept_posts) if kept_posts else []
    quads += posts + about_posts
    graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    sources = [q for q in _select_quads(store, _ABOUT, graphs) if q.graph_name == q.subject]
    return list(dict.fromkeys([*quads, *sources]))
