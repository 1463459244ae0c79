"""One article's extraction → the quads of its named graph.

The graph holds the article's ``nq:SourceDocument`` and everything read from
it, including the types and labels of the entities it mentions: replacing the
graph replaces exactly that article's facts (ontology/README.md). Entities are
described once per graph, whether the article lists them or only names them in
a relation, so every resource in the graph is typed and has its ``@en`` label.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import pyoxigraph as ox

from graph.iris import DEFAULT_BASE, code_slug, event_iri, evidence_iri, membership_iri, normalize_base, source_iri
from graph.model import Evidence, Extraction
from graph.rdf import locate
from graph.rdf.relations import add_relations
from graph.rdf.terms import (
    ALT_LABEL,
    CONCEPT,
    DCTERMS,
    DERIVED_FROM,
    DOCTYPE_CLASS,
    DOCTYPE_LABEL,
    ELI,
    IN_SCHEME,
    KIND_CLASS,
    LABEL,
    ORG,
    PREF_LABEL,
    SCHEMA,
    SCHEMES,
    XSD,
    A,
    concept,
    doctype_of,
    iri,
    known_concepts,
    nq,
)
from graph.resolve import Resolver, name_key, resolve

_DATE_FORMS = ((re.compile(r"\d{4}-\d{2}-\d{2}"), "date"), (re.compile(r"\d{4}-\d{2}"), "gYearMonth"),
               (re.compile(r"\d{4}"), "gYear"))


def date_literal(value: str | None) -> ox.Literal | None:
    """An ISO date as precise as known: ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``.

    >>> date_literal("2023-10").datatype.value
    'http://www.w3.org/2001/XMLSchema#gYearMonth'
    """
    value = (value or "").strip()[:10]
    for pattern, datatype in _DATE_FORMS:
        if pattern.fullmatch(value):
            padded = (value + "-01-01")[:10]
            try:
                dt.date.fromisoformat(padded)
            except ValueError:
                return None
            return ox.Literal(value, datatype=iri(XSD, datatype))
    return None


def _lang_literal(value: str, tag: str) -> ox.Literal | None:
    try:
        return ox.Literal(value, language=tag)
    except ValueError:
        return None


class GraphBuilder:
    """Collects the quads of one article's graph; each entity is described once."""

    def __init__(self, ext: Extraction, text: str, source_name: str, sha256: str, resolver: Resolver) -> None:
        self.ext, self.text, self.sha256, self.res = ext, text, sha256, resolver
        self.g = ox.NamedNode(source_iri(source_name, resolver.base))
        self.quads: dict[ox.Quad, None] = {}
        self.described: set[str] = set()
        self.orgs = {name_key(o.name): o for o in ext.organizations}
        self.people = {name_key(p.name): p for p in ext.people}
        self.places = {name_key(p.name): p for p in ext.places}
        self.events = {name_key(e.label): e for e in ext.events}
        self.docs = {code_slug(d.code): d for d in ext.documents}

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal | None) -> None:
        if o is not None:
            self.quads[ox.Quad(s, p, o, self.g)] = None

    def first_time(self, node: ox.NamedNode) -> bool:
        if node.value in self.described:
            return False
        self.described.add(node.value)
        self.add(node, DERIVED_FROM, self.g)
        return True

    # --- labels, concepts, evidence ------------------------------------------------------------

    def labels(self, node: ox.NamedNode, canonical: str, forms: dict[str, list[str]],
               aliases: Iterable[str] = ()) -> None:
        """``@en`` canonical label (one only), surface forms by tag, English variants as altLabel."""
        self.add(node, LABEL, ox.Literal(canonical, language="en"))
        english = [*aliases, *forms.get("en", [])]
        for alias in english:
            if alias.strip() and alias.strip() != canonical:
                self.add(node, ALT_LABEL, ox.Literal(alias.strip(), language="en"))
        for tag, values in sorted(forms.items()):
            if tag.lower() != "en":
                for value in values:
                    self.add(node, LABEL, _lang_literal(value, tag))

    def concept(self, node: ox.NamedNode, predicate: ox.NamedNode, scheme: str, value: str) -> None:
        """Link to ``nq:<scheme>/<value>``; a value the vocabulary lacks is declared in this graph."""
        target = concept(scheme, value)
        self.add(node, predicate, target)
        if target.value not in known_concepts():
            self.add(target, A, CONCEPT)
            self.add(target, PREF_LABEL, ox.Literal(value.strip() or "other", language="en"))
            self.add(target, IN_SCHEME, nq(SCHEMES[scheme]))

    def evidence(self, ev: Evidence, subject: ox.NamedNode, predicate: ox.NamedNode | None = None,
                 obj: ox.NamedNode | None = None, *, implicit: bool = False) -> None:
        rel = (predicate.value, obj.value) if predicate is not None and obj is not None else ("", "")
        node = ox.NamedNode(evidence_iri(self.g.value, subject.value, *rel, ev.start, ev.end, ev.rule, implicit,
                                         base=self.res.base))
        self.add(node, A, nq("Evidence"))
        self.add(node, nq("subject"), subject)
        if rel[0]:
            self.add(node, nq("predicate"), predicate)
            self.add(node, nq("object"), obj)
        self.add(node, nq("sentence"), ox.Literal(ev.sentence))
        self.add(node, nq("start"), ox.Literal(ev.start))
        self.add(node, nq("end"), ox.Literal(ev.end))
        if 0 <= ev.start <= ev.end <= len(self.text):
            self.add(node, nq("mention"), ox.Literal(self.text[ev.start:ev.end]))
        if ev.rule:
            self.add(node, nq("rule"), ox.Literal(ev.rule))
        self.add(node, nq("language"), ox.Literal(self.ext.lang))
        if implicit:
            self.add(node, nq("implicit"), ox.Literal(True))
        self.add(node, DERIVED_FROM, self.g)

    def mentions(self, node: ox.NamedNode, evidence: list[Evidence], forms: Iterable[str],
                 codes: Iterable[str] = ()) -> None:
        for ev in evidence or locate.locate_mentions(self.text, forms, codes):
            self.evidence(ev, node)

    # --- entities ------------------------------------------------------------------------------

    def source(self) -> None:
        ext, g = self.ext, self.g
        self.add(g, A, nq("SourceDocument"))
        self.add(g, nq("sha256"), ox.Literal(self.sha256))
        self.add(g, iri(DCTERMS, "language"), ox.Literal(ext.lang))
        if ext.doc:
            self.add(g, nq("fileName"), ox.Literal(ext.doc))
        if ext.source.startswith(("http://", "https://")):
            self.add(g, iri(SCHEMA, "url"), ox.Literal(ext.source, datatype=iri(XSD, "anyURI")))
        if ext.title:
            self.add(g, iri(DCTERMS, "title"), ox.Literal(ext.title))
        self.add(g, iri(DCTERMS, "issued"), date_literal(ext.published))
        self.add(g, LABEL, ox.Literal(ext.title or ext.doc or ext.source or g.value))

    def org(self, name: str) -> ox.NamedNode:
        o = self.orgs.get(name_key(name))
        node = ox.NamedNode(self.res.org(self.ext, name, o.place if o else None))
        if not self.first_time(node):
            return node
        kind = o.kind if o else "other"
        self.add(node, A, nq("Organization"))
        if kind in KIND_CLASS:
            self.add(node, A, nq(KIND_CLASS[kind]))
        self.labels(node, self.res.label("org", name), o.labels if o else {}, o.aliases if o else ())
        self.concept(node, nq("kind"), "kind", kind)
        if o is None:
            self.mentions(node, [], [name])
            return node
        if o.level:
            self.concept(node, nq("level"), "level", o.level)
        if o.place:
            self.add(node, nq("place"), self.place(o.place))
        if o.parent:
            self.add(node, iri(ORG, "subOrganizationOf"), self.org(o.parent))
        self.mentions(node, o.evidence, [o.name, *o.aliases, *_forms(o.labels)])
        return node

    def person(self, name: str) -> ox.NamedNode:
        p = self.people.get(name_key(name))
        node = ox.NamedNode(self.res.person(name))
        if not self.first_time(node):
            return node
        self.add(node, A, nq("Person"))
        canonical = self.res.label("person", name)
        self.labels(node, canonical, p.labels if p else {})
        for post in p.posts if p else []:
            if post.organization:  # a post needs its body: org:Membership without org:organization is invalid
                self.membership(node, canonical, post.role, post.organization)
        self.mentions(node, p.evidence if p else [], [name, *_forms(p.labels if p else {})])
        return node

    def membership(self, person: ox.NamedNode, person_name: str, role: str, organization: str) -> None:
        body = self.org(organization)
        role_node = concept("role", role)
        node = ox.NamedNode(membership_iri(person.value, role_node.value, body.value, self.res.base))
        self.add(node, A, iri(ORG, "Membership"))
        self.add(node, iri(ORG, "member"), person)
        self.add(node, iri(ORG, "organization"), body)
        self.concept(node, iri(ORG, "role"), "role", role)
        label = f"{person_name}: {role}, {self.res.label('org', organization)}"
        self.add(node, LABEL, ox.Literal(label, language="en"))
        self.add(node, DERIVED_FROM, self.g)

    def document(self, code: str) -> ox.NamedNode:
        d = self.docs.get(code_slug(code))
        node = ox.NamedNode(self.res.document(self.ext, code))
        if not self.first_time(node):
            return node
        dtype = doctype_of(code, d.type if d else None)
        spelled = self.res.label("document", code)
        self.add(node, A, nq("LegalDocument"))
        if dtype in DOCTYPE_CLASS:
            self.add(node, A, nq(DOCTYPE_CLASS[dtype]))
        self.add(node, iri(ELI, "id_local"), ox.Literal(spelled))
        self.labels(node, f"{DOCTYPE_LABEL.get(dtype, 'Document')} {spelled}", d.labels if d else {})
        self.concept(node, nq("documentType"), "doctype", dtype)
        if d is not None:
            self.add(node, iri(ELI, "date_document"), date_literal(d.date))
            if d.title:
                self.add(node, iri(ELI, "title"), ox.Literal(d.title, language="en"))
            if d.issuer:
                self.add(node, iri(ELI, "passed_by"), self.org(d.issuer))
        self.mentions(node, d.evidence if d else [], _forms(d.labels if d else {}), [code])
        return node

    def place(self, name: str) -> ox.NamedNode:
        p = self.places.get(name_key(name))
        node = ox.NamedNode(self.res.place(name))
        if not self.first_time(node):
            return node
        self.add(node, A, nq("Place"))
        self.labels(node, self.res.label("place", name), p.labels if p else {})
        if p and p.type:
            self.add(node, nq("placeType"), ox.Literal(p.type))
        if p and p.parent:
            self.add(node, iri(SCHEMA, "containedInPlace"), self.place(p.parent))
        self.mentions(node, p.evidence if p else [], [name, *_forms(p.labels if p else {})])
        return node

    def agent(self, name: str) -> ox.NamedNode:
        """An event's organiser or attendee: a person if the article lists one by that name, else a body."""
        return self.person(name) if name_key(name) in self.people else self.org(name)

    def event(self, label: str) -> ox.NamedNode:
        e = self.events.get(name_key(label))
        node = ox.NamedNode(event_iri(self.g.value, label, self.res.base))
        if not self.first_time(node):
            return node
        self.add(node, A, nq("Event"))
        self.labels(node, label.strip(), e.labels if e else {})
        if e is not None:
            self.add(node, iri(SCHEMA, "startDate"), date_literal(e.date))
            if e.organizer:
                self.add(node, iri(SCHEMA, "organizer"), self.agent(e.organizer))
            for participant in e.participants:
                self.add(node, iri(SCHEMA, "attendee"), self.agent(participant))
            for code in e.implements:
                self.add(node, nq("implements"), self.document(code))
        self.mentions(node, e.evidence if e else [], _forms(e.labels if e else {}))
        return node


def _forms(labels: dict[str, list[str]]) -> list[str]:
    return [form for values in labels.values() for form in values]


def extraction_to_quads(ext: Extraction, *, text: str, source_name: str, sha256: str, base: str = DEFAULT_BASE,
                        resolver: Resolver | None = None) -> list[ox.Quad]:
    """The named graph of one source article, as ontology/README.md describes it.

    ``source_name`` is the article's identity (URL, else file name) and names the
    graph; ``text`` is the decoded source text the evidence offsets index;
    ``resolver`` is the corpus-wide :class:`graph.resolve.Resolution` (by default
    the article is resolved on its own); when given, its base wins. The output is deterministic: the same
    inputs give the same quads in the same order.

    >>> from graph.model import Extraction, Place
    >>> ext = Extraction(doc="a.txt", lang="vi", places=[Place("Ha Tinh", type="province")])
    >>> quads = extraction_to_quads(ext, text="Tinh Ha Tinh.", source_name="a.txt", sha256="0" * 64)
    >>> sorted({q.graph_name.value for q in quads})
    ['https://w3id.org/nqgraph/id/source/a-txt']
    """
    if resolver is None:
        resolver = resolve([ext], base=base)
    elif base != DEFAULT_BASE and normalize_base(base) != resolver.base:
        raise ValueError(f"base {base!r} differs from the resolver's {resolver.base!r}")
    b = GraphBuilder(ext, text, source_name, sha256, resolver)
    b.source()
    for place in ext.places:
        b.place(place.name)
    for org in ext.organizations:
        b.org(org.name)
    for person in ext.people:
        b.person(person.name)
    for doc in ext.documents:
        b.document(doc.code)
    for event in ext.events:
        b.event(event.label)
    add_relations(b)
    return list(b.quads)
