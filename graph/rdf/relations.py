"""The extraction's binary relations → triples, each with its evidence node.

``implements`` may start at a body, a document (a programme implementing a
resolution) or an event; implicit links (the document described, not
numbered) are also stated with ``nq:implicitlyImplements`` (⊑ ``nq:implements``),
so they stay recognisable even when no sentence could be pinned down for an
evidence node to carry ``nq:implicit true``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph.iris import code_slug, parse_code
from graph.model import Relation
from graph.rdf import locate
from graph.rdf.terms import ORG, SCHEMA, iri, nq
from graph.resolve import name_key

if TYPE_CHECKING:
    from graph.rdf.build import GraphBuilder


def _forms(b: GraphBuilder, name: str, *, with_place: bool = False) -> list[str]:
    """Surface forms that stand for ``name`` in a sentence.

    With ``with_place``, a body's place name counts too: only for ``implements``,
    whose object (a document code) is a strong enough anchor for the sentence.
    """
    key = name_key(name)
    for table in (b.orgs, b.people, b.places, b.events):
        item = table.get(key)
        if item is not None:
            forms = [form for values in item.labels.values() for form in values]
            place = getattr(item, "place", None) if with_place else None
            return [getattr(item, "name", name), *getattr(item, "aliases", []), *forms, *([place] if place else [])]
    return [name]


def _implementer(b: GraphBuilder, name: str) -> ox.NamedNode:
    if parse_code(name):
        return b.document(name)
    if name_key(name) in b.events:
        return b.event(name)
    return b.org(name)


def _link(b: GraphBuilder, rel: Relation, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode, *,
          code: str | None = None, implicit: bool = False) -> None:
    b.add(s, p, o)
    evidence = list(rel.evidence)
    if not evidence and b.text:
        if code:
            doc = b.docs.get(code_slug(code))
            objects, codes = [f for v in (doc.labels.values() if doc else []) for f in v], [code]
        else:
            objects, codes = _forms(b, rel.object), []
        evidence = locate.locate_relation(b.text, _forms(b, rel.subject, with_place=bool(code)), objects, codes)
    for ev in evidence:
        b.evidence(ev, s, p, o, implicit=implicit)


def add_relations(b: GraphBuilder) -> None:
    """Write ``implements``, implicit ``implements``, ``sub_organization_of`` and ``located_in``."""
    implements = nq("implements")
    for rel in b.ext.relations.get("implements", []):
        _link(b, rel, _implementer(b, rel.subject), implements, b.document(rel.object), code=rel.object)
    for rel in b.ext.implicit.get("implements", []):
        s, o = _implementer(b, rel.subject), b.document(rel.object)
        b.add(s, nq("implicitlyImplements"), o)
        _link(b, rel, s, implements, o, code=rel.object, implicit=True)
    for rel in b.ext.relations.get("sub_organization_of", []):
        _link(b, rel, b.org(rel.subject), iri(ORG, "subOrganizationOf"), b.org(rel.object))
    for rel in b.ext.relations.get("located_in", []):
        _link(b, rel, b.place(rel.subject), iri(SCHEMA, "containedInPlace"), b.place(rel.object))
