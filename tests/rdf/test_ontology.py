"""The ontology files agree with each other and with what the writer produces; imports stay local."""

from __future__ import annotations

import doctest
import hashlib
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, URIRef

import graph.iris
import graph.rdf.build
import graph.rdf.shared
import graph.resolve
from graph.model import Extraction
from graph.rdf import extraction_to_quads, quads_to_rdflib_dataset, shared_quads
from graph.rdf.shared import import_files, ontology_files, ontology_graph
from graph.rdf.terms import NQ, ONTOLOGY_DIR, PREFIXES
from graph.rdf.validate import validate
from graph.resolve import resolve

ROOT = Path(__file__).resolve().parents[2]
EXTERNAL = {k: PREFIXES[k] for k in ("org", "eli", "prov", "skos", "foaf", "schema", "time", "dcterms")}


@pytest.fixture(scope="module")
def built() -> list[ox.Quad]:
    exts = [Extraction.from_dict(json.loads(p.read_text(encoding="utf-8")))
            for p in sorted((ROOT / "tests" / "fixtures" / "gold").glob("*.json"))]
    res = resolve(exts)
    quads: list[ox.Quad] = []
    for ext in exts:
        raw = (ROOT / "seeds" / ext.doc).read_bytes()
        quads += extraction_to_quads(ext, text=raw.decode("utf-8"), source_name=ext.doc,
                                     sha256=hashlib.sha256(raw).hexdigest(), resolver=res)
    return quads


def _used_terms(g: rdflib.Graph) -> set[URIRef]:
    """Predicates and classes a graph uses (not the subjects it declares)."""
    terms = {p for p in g.predicates() if isinstance(p, URIRef)}
    terms |= {o for o in g.objects(None, RDF.type) if isinstance(o, URIRef)}
    terms |= {o for p in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range)
              for o in g.objects(None, p) if isinstance(o, URIRef)}
    return terms


def test_every_external_term_in_use_is_declared_in_the_local_imports(built: list[ox.Quad]) -> None:
    imported = rdflib.Graph()
    for path in import_files():
        imported.parse(path)
    declared = set(imported.subjects(RDF.type, None))
    used = _used_terms(ontology_graph(imports=False)) | _used_terms(rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl"))
    used |= _used_terms(quads_to_rdflib_dataset(built))
    external = {t for t in used if any(str(t).startswith(ns) for ns in EXTERNAL.values())}
    assert external, "the check must look at something"
    assert sorted(external - declared) == []


def test_every_nq_term_the_writer_uses_is_in_the_ontology(built: list[ox.Quad]) -> None:
    onto = ontology_graph(imports=False)
    declared = set(onto.subjects(RDF.type, None))
    ds = quads_to_rdflib_dataset(built)
    used = {t for t in _used_terms(ds) if str(t).startswith(NQ)}
    # concepts (nq:kind/...) are objects, checked below; here: classes and properties
    assert sorted(used - declared) == []
    concepts = {o for p in (URIRef(NQ + "kind"), URIRef(NQ + "level"), URIRef(PREFIXES["org"] + "role"),
                            URIRef(NQ + "documentType")) for o in ds.objects(None, p)}
    missing = {c for c in concepts if c not in declared}
    assert not missing, f"gold values missing from ontology/vocab: {sorted(missing)}"


def test_ontology_declares_the_contract_alignment() -> None:
    onto = ontology_graph(imports=True)
    org, eli, prov = (rdflib.Namespace(PREFIXES[k]) for k in ("org", "eli", "prov"))
    nq = rdflib.Namespace(NQ)
    schema, foaf = rdflib.Namespace(PREFIXES["schema"]), rdflib.Namespace(PREFIXES["foaf"])
    for sub, sup in [(nq.Organization, org.FormalOrganization), (nq.Person, foaf.Person),
                     (nq.LegalDocument, eli.LegalResource), (nq.Event, schema.Event),
                     (nq.Place, schema.AdministrativeArea), (nq.SourceDocument, prov.Entity),
                     (nq.Resolution, nq.LegalDocument), (nq.PartyCommittee, nq.Organization)]:
        assert (sub, RDFS.subClassOf, sup) in onto
    assert (nq.implicitlyImplements, RDFS.subPropertyOf, nq.implements) in onto
    assert (nq.documentType, RDFS.subPropertyOf, eli.type_document) in onto
    for cls in onto.subjects(RDF.type, OWL.Class):
        if isinstance(cls, URIRef) and str(cls).startswith(NQ):
            assert onto.value(cls, RDFS.comment) is not None, cls


def test_vocabularies_have_labels_in_several_languages() -> None:
    onto = ontology_graph(imports=False)
    skos = rdflib.Namespace(PREFIXES["skos"])
    secretary = URIRef(NQ + "role/secretary")
    langs = {lbl.language for lbl in onto.objects(secretary, skos.prefLabel)}
    assert {"en", "vi", "km", "th"} <= langs
    assert (URIRef(NQ + "doctype/resolution"), skos.notation, rdflib.Literal("NQ")) in onto


def test_validation_does_not_follow_owl_imports(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("validation tried to fetch over the network")

    monkeypatch.setattr("urllib.request.urlopen", no_network)
    monkeypatch.setattr("socket.create_connection", no_network)
    assert validate(shared_quads())[0]


def test_shared_quads_graphs() -> None:
    quads = shared_quads()
    graphs = {q.graph_name.value for q in quads}
    assert graphs == {graph.iris.graph_iri("ontology"), graph.iris.graph_iri("registry")}
    ds = quads_to_rdflib_dataset(quads)
    registry = ds.graph(URIRef(graph.iris.graph_iri("registry")))
    doc = URIRef(graph.iris.DEFAULT_BASE + "document/21-nq-tw-2022")
    eli = rdflib.Namespace(PREFIXES["eli"])
    assert registry.value(doc, eli.date_document) == rdflib.Literal("2022-06-16", datatype=rdflib.XSD.date)
    assert registry.value(doc, URIRef(NQ + "term")) == rdflib.Literal(13)
    with_imports = {q.graph_name.value for q in shared_quads(imports=True)}
    assert graph.iris.graph_iri("imports") in with_imports
    assert len(ontology_files(imports=True)) == len(ontology_files()) + len(import_files())


def test_quads_to_rdflib_dataset_keeps_terms() -> None:
    g = ox.NamedNode("http://e/g")
    quads = [
        ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("ស"), g),
        ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("x", language="vi-Khmr"), g),
        ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal(3), g),
        ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.BlankNode("b1"), ox.DefaultGraph()),
    ]
    ds = quads_to_rdflib_dataset(quads)
    named = ds.graph(URIRef("http://e/g"))
    assert set(named.objects()) == {rdflib.Literal("ស"), rdflib.Literal("x", lang="vi-Khmr"), rdflib.Literal(3)}
    assert len(ds.default_graph) == 1


@pytest.mark.parametrize("module", [graph.iris, graph.resolve, graph.rdf.build, graph.rdf.shared])
def test_docstring_examples_run(module: object) -> None:
    failures, tried = doctest.testmod(module)  # type: ignore[arg-type]
    assert tried > 0 and failures == 0
