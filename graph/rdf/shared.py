"""The shared graphs (ontology and vocabularies, registry, local imports) and rdflib interop.

Why separate graphs: an article's graph is replaced when the article is
re-ingested; facts that no article owns (the ontology, the registry of central
documents) must survive that, so they live in ``id:graph/ontology``,
``id:graph/registry`` and, optionally, ``id:graph/imports`` (the local copies
of ORG, ELI, PROV-O... for SPARQL over class and property hierarchies).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib

from graph import registry as _registry
from graph.iris import DEFAULT_BASE, document_iri, graph_iri, org_iri
from graph.rdf.build import date_literal
from graph.rdf.terms import (
    CONCEPT,
    DOCTYPE_CLASS,
    DOCTYPE_LABEL,
    ELI,
    IN_SCHEME,
    KIND_CLASS,
    LABEL,
    ONTOLOGY_DIR,
    PREF_LABEL,
    SCHEMA,
    SCHEMES,
    A,
    concept,
    doctype_of,
    iri,
    known_concepts,
    nq,
)

# Central issuers of registry documents: (kind, level).
_ISSUERS = {
    "Central Committee of the Communist Party of Vietnam": ("party_committee", "central"),
    "Politburo": ("party_committee", "central"),
    "Secretariat": ("party_committee", "central"),
}


def ontology_files(*, imports: bool = False) -> list[Path]:
    """nqgraph.ttl, the SKOS vocabularies and (if asked) the local copies of imported vocabularies."""
    files = [ONTOLOGY_DIR / "nqgraph.ttl", *sorted((ONTOLOGY_DIR / "vocab").glob("*.ttl"))]
    if imports:
        files += import_files()
    return files


def import_files() -> list[Path]:
    folder = ONTOLOGY_DIR / "imports"
    return sorted(p for p in folder.iterdir() if p.suffix in {".ttl", ".rdf", ".nt"})


def _file_quads(path: Path, graph: ox.NamedNode) -> list[ox.Quad]:
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in ox.parse(path=str(path), format=fmt)]


def registry_quads(base: str = DEFAULT_BASE) -> list[ox.Quad]:
    """The registry of central documents as ``id:graph/registry``, with the same document IRIs articles get."""
    g = ox.NamedNode(graph_iri("registry", base))
    out: dict[ox.Quad, None] = {}

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal | None) -> None:
        if o is not None:
            out[ox.Quad(s, p, o, g)] = None

    def declare(node: ox.NamedNode, predicate: ox.NamedNode, scheme: str, value: str) -> None:
        target = concept(scheme, value)
        add(node, predicate, target)
        if target.value not in known_concepts():
            add(target, A, CONCEPT)
            add(target, PREF_LABEL, ox.Literal(value, language="en"))
            add(target, IN_SCHEME, nq(SCHEMES[scheme]))

    for e in _registry.entries():
        doc = ox.NamedNode(document_iri(e.code, year=e.year, base=base))
        dtype = doctype_of(e.code, e.type)
        add(doc, A, nq("LegalDocument"))
        if dtype in DOCTYPE_CLASS:
            add(doc, A, nq(DOCTYPE_CLASS[dtype]))
        add(doc, iri(ELI, "id_local"), ox.Literal(e.code))
        add(doc, LABEL, ox.Literal(f"{DOCTYPE_LABEL.get(dtype, 'Document')} {e.code}", language="en"))
        declare(doc, nq("documentType"), "doctype", dtype)
        add(doc, iri(ELI, "date_document"), date_literal(e.date))
        if e.title:
            add(doc, iri(ELI, "title"), ox.Literal(e.title, language="en"))
        add(doc, nq("term"), ox.Literal(e.term) if e.term else None)
        add(doc, nq("plenum"), ox.Literal(e.plenum) if e.plenum else None)
        for lang, words in sorted(e.keywords.items()):
            for word in words:
                add(doc, iri(SCHEMA, "keywords"), ox.Literal(word, language=lang))
        if e.issuer:
            issuer = ox.NamedNode(org_iri(e.issuer, base))
            kind, level = _ISSUERS.get(e.issuer, ("other", "central"))
            add(doc, iri(ELI, "passed_by"), issuer)
            add(issuer, A, nq("Organization"))
            if kind in KIND_CLASS:
                add(issuer, A, nq(KIND_CLASS[kind]))
            add(issuer, LABEL, ox.Literal(e.issuer, language="en"))
            declare(issuer, nq("kind"), "kind", kind)
            declare(issuer, nq("level"), "level", level)
    return list(out)


def shared_quads(base: str = DEFAULT_BASE, *, imports: bool = False) -> list[ox.Quad]:
    """``id:graph/ontology`` (nqgraph.ttl + SKOS vocabularies) and ``id:graph/registry``.

    With ``imports=True`` also ``id:graph/imports``: the local copies of ORG,
    ELI, PROV-O, SKOS, FOAF, schema.org, OWL-Time and DCMI terms.
    """
    onto = ox.NamedNode(graph_iri("ontology", base))
    quads = [q for path in ontology_files() for q in _file_quads(path, onto)]
    quads += registry_quads(base)
    if imports:
        imported = ox.NamedNode(graph_iri("imports", base))
        quads += [q for path in import_files() for q in _file_quads(path, imported)]
    return quads


# --- rdflib interop ---------------------------------------------------------------------------------

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph) -> rdflib.term.Node:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:  # RDF 1.1: a simple literal is an xsd:string; rdflib keeps them apart
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise TypeError(f"unsupported term {term!r}")


def quads_to_rdflib_dataset(quads: Iterable[ox.Quad]) -> rdflib.Dataset:
    """An rdflib Dataset holding ``quads`` (named graphs kept), for pyshacl and serialisers.

    >>> q = ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("x", language="km"),
    ...             ox.NamedNode("http://e/g"))
    >>> ds = quads_to_rdflib_dataset([q])
    >>> [str(c.identifier) for c in ds.graphs() if len(c)]
    ['http://e/g']
    """
    ds = rdflib.Dataset()
    for q in quads:
        s, p, o = _to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)
        if isinstance(q.graph_name, ox.DefaultGraph):
            ds.default_graph.add((s, p, o))
        else:
            ds.add((s, p, o, rdflib.URIRef(q.graph_name.value)))
    return ds


def ontology_graph(*, imports: bool = True) -> rdflib.Graph:
    """nqgraph.ttl + vocabularies (+ local imports) as one rdflib Graph, read from disk only."""
    g = rdflib.Graph()
    for path in ontology_files(imports=imports):
        g.parse(path, format=rdflib.util.guess_format(str(path)) or "turtle")
    return g


def shapes_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
