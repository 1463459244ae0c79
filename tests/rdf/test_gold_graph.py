"""The seeds' gold extractions as RDF: shape, identity across documents, evidence, validation.

The gold files are copies of ../shared/gold in tests/fixtures/gold; the texts are seeds/.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, Literal, URIRef

from graph.iris import DEFAULT_BASE, source_iri
from graph.model import Extraction
from graph.rdf import extraction_to_quads, quads_to_rdflib_dataset, shared_quads
from graph.rdf.terms import ELI, NQ, ORG, PROV, SCHEMA, XSD
from graph.rdf.validate import validate
from graph.resolve import resolve

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "fixtures" / "gold"
SEEDS = ROOT / "seeds"
ID = DEFAULT_BASE


def load_gold() -> list[Extraction]:
    return [Extraction.from_dict(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(GOLD.glob("*.json"))]


def build(exts: list[Extraction]) -> list[ox.Quad]:
    res = resolve(exts)
    quads: list[ox.Quad] = []
    for ext in exts:
        raw = (SEEDS / ext.doc).read_bytes()
        quads += extraction_to_quads(ext, text=raw.decode("utf-8"), source_name=ext.doc,
                                     sha256=hashlib.sha256(raw).hexdigest(), resolver=res)
    return quads


@pytest.fixture(scope="module")
def gold() -> list[Extraction]:
    exts = load_gold()
    assert len(exts) == 5
    return exts


@pytest.fixture(scope="module")
def quads(gold: list[Extraction]) -> list[ox.Quad]:
    return build(gold)


@pytest.fixture(scope="module")
def ds(quads: list[ox.Quad]) -> rdflib.Dataset:
    return quads_to_rdflib_dataset([*quads, *shared_quads()])


def nq(local: str) -> URIRef:
    return URIRef(NQ + local)


def src(name: str) -> URIRef:
    return URIRef(source_iri(name))


def test_gold_graphs_conform_to_the_shapes(ds: rdflib.Dataset) -> None:
    conforms, _, text = validate(ds)
    assert conforms, text


def test_one_named_graph_per_source(ds: rdflib.Dataset, gold: list[Extraction]) -> None:
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert {source_iri(e.doc) for e in gold} | {ID + "graph/ontology", ID + "graph/registry"} == names
    g = ds.graph(src("002_a5335ea1d9aa55cd.txt"))
    source = src("002_a5335ea1d9aa55cd.txt")
    raw = (SEEDS / "002_a5335ea1d9aa55cd.txt").read_bytes()
    assert (source, RDF.type, nq("SourceDocument")) in g
    assert g.value(source, nq("sha256")) == Literal(hashlib.sha256(raw).hexdigest())
    assert g.value(source, URIRef("http://purl.org/dc/terms/language")) == Literal("km")
    assert g.value(source, nq("fileName")) == Literal("002_a5335ea1d9aa55cd.txt")


def test_iris_are_stable_across_runs_and_input_order(gold: list[Extraction], quads: list[ox.Quad]) -> None:
    again = build(load_gold())
    assert again == quads
    assert set(build(list(reversed(load_gold())))) == set(quads)


def test_21_nq_tw_of_seeds_000_and_002_is_one_document(ds: rdflib.Dataset) -> None:
    doc = URIRef(ID + "document/21-nq-tw-2022")
    for name in ("000_1f49eed82ae6279f.txt", "002_a5335ea1d9aa55cd.txt"):
        g = ds.graph(src(name))
        assert (doc, RDF.type, nq("Resolution")) in g
        assert g.value(doc, URIRef(ELI + "id_local")) == Literal("21-NQ/TW")
    # 000 states the date; 002 does not, and says nothing it did not read
    assert ds.graph(src("000_1f49eed82ae6279f.txt")).value(doc, URIRef(ELI + "date_document")) == Literal(
        "2022-06-16", datatype=URIRef(XSD + "date"))
    assert ds.graph(src("002_a5335ea1d9aa55cd.txt")).value(doc, URIRef(ELI + "date_document")) is None
    # the programme of 002 implements it, and so does the district committee of 000
    programme = URIRef(ID + "document/39-ctr-tu-tra-vinh-2022")
    assert (programme, nq("implements"), doc) in ds.graph(src("002_a5335ea1d9aa55cd.txt"))
    assert (URIRef(ID + "org/cam-xuyen-district-party-committee"), nq("implements"), doc) in ds.graph(
        src("000_1f49eed82ae6279f.txt"))


def test_local_programme_carries_issuer_place_and_year(ds: rdflib.Dataset) -> None:
    g = ds.graph(src("002_a5335ea1d9aa55cd.txt"))
    programme = URIRef(ID + "document/39-ctr-tu-tra-vinh-2022")
    assert (programme, RDF.type, nq("Programme")) in g
    assert g.value(programme, URIRef(ELI + "passed_by")) == URIRef(ID + "org/tra-vinh-provincial-party-committee")
    assert (URIRef(ID + "document/128-cv-tu-tra-vinh-2021"), RDF.type, nq("OfficialLetter")) in g
    assert (URIRef(ID + "document/28-nq-tu-quang-ninh-2024"), RDF.type, nq("Resolution")) in ds.graph(
        src("003_e20e5fb342b57077.txt"))
    assert (URIRef(ID + "document/1-pa-bca-2023"), RDF.type, nq("Plan")) in ds.graph(src("003_e20e5fb342b57077.txt"))


def test_evidence_nodes_point_into_the_source_text(ds: rdflib.Dataset, gold: list[Extraction]) -> None:
    seen = 0
    for ext in gold:
        text = (SEEDS / ext.doc).read_text(encoding="utf-8")
        g = ds.graph(src(ext.doc))
        for ev in g.subjects(RDF.type, nq("Evidence")):
            start, end = int(g.value(ev, nq("start"))), int(g.value(ev, nq("end")))
            sentence = str(g.value(ev, nq("sentence")))
            assert 0 <= start < end <= len(text)
            assert str(g.value(ev, nq("mention"))) == text[start:end]
            assert text[start:end] in sentence and sentence in text
            assert g.value(ev, URIRef(PROV + "wasDerivedFrom")) == src(ext.doc)
            assert g.value(ev, nq("language")) == Literal(ext.lang)
            seen += 1
    assert seen >= 20


def test_relation_evidence_for_an_implements_link(ds: rdflib.Dataset) -> None:
    g = ds.graph(src("000_1f49eed82ae6279f.txt"))
    text = (SEEDS / "000_1f49eed82ae6279f.txt").read_text(encoding="utf-8")
    body = URIRef(ID + "org/cam-xuyen-district-party-committee")
    doc = URIRef(ID + "document/21-nq-tw-2022")
    evidence = [ev for ev in g.subjects(nq("subject"), body)
                if g.value(ev, nq("predicate")) == nq("implements") and g.value(ev, nq("object")) == doc]
    assert len(evidence) == 1
    ev = evidence[0]
    mention = text[int(g.value(ev, nq("start"))):int(g.value(ev, nq("end")))]
    assert mention == "២១ - NQ/TW"  # the code written with Khmer digits
    assert "Cam Xuyen" in str(g.value(ev, nq("sentence")))


def test_implicit_links_are_marked(ds: rdflib.Dataset) -> None:
    g = ds.graph(src("001_95be5fc30b134430.txt"))
    body = URIRef(ID + "org/quang-ninh-provincial-party-committee")
    targets = set(g.objects(body, nq("implicitlyImplements")))
    assert URIRef(ID + "document/21-nq-tw-2022") in targets
    assert len(targets) == 3
    assert targets <= set(g.objects(body, nq("implements")))


def test_memberships_and_labels(ds: rdflib.Dataset) -> None:
    g = ds.graph(src("003_e20e5fb342b57077.txt"))
    person = URIRef(ID + "person/tran-van-phuc")
    posts = {(g.value(m, URIRef(ORG + "role")), g.value(m, URIRef(ORG + "organization")))
             for m in g.subjects(URIRef(ORG + "member"), person)}
    police = URIRef(ID + "org/quang-ninh-provincial-police")
    assert (nq("role/director"), police) in posts
    assert (nq("role/rank_colonel"), police) in posts
    assert (nq("role/secretary"), URIRef(ID + "org/quang-ninh-provincial-police-party-committee")) in posts
    assert g.value(police, nq("kind")) == nq("kind/police")
    assert (police, RDF.type, nq("StateBody")) in g and (police, RDF.type, nq("Organization")) in g
    assert g.value(police, URIRef(ORG + "subOrganizationOf")) == URIRef(ID + "org/ministry-of-public-security")
    en = [lbl for lbl in g.objects(police, rdflib.RDFS.label) if lbl.language == "en"]
    assert en == [Literal("Quang Ninh Provincial Police", lang="en")]


def test_events_and_partial_dates(ds: rdflib.Dataset) -> None:
    g = ds.graph(src("000_1f49eed82ae6279f.txt"))
    events = {str(g.value(e, rdflib.RDFS.label)): e for e in g.subjects(RDF.type, nq("Event"))}
    label = "Political activity 'Keeping the party member oath' across the Cam Xuyen District Party Committee"
    activity = events[label]
    assert g.value(activity, URIRef(SCHEMA + "startDate")) == Literal("2023-10", datatype=URIRef(XSD + "gYearMonth"))
    assert set(g.objects(activity, nq("implements"))) == {URIRef(ID + "document/21-nq-tw-2022"),
                                                          URIRef(ID + "document/21-kl-tw-2021")}
    assert len(set(g.objects(activity, URIRef(SCHEMA + "attendee")))) == 4
    congress = ds.graph(src("003_e20e5fb342b57077.txt"))
    dated = [congress.value(e, URIRef(SCHEMA + "startDate")) for e in congress.subjects(RDF.type, nq("Event"))]
    assert Literal("2025", datatype=URIRef(XSD + "gYear")) in dated


def test_places_nest(ds: rdflib.Dataset) -> None:
    g = ds.graph(src("002_a5335ea1d9aa55cd.txt"))
    contained = URIRef(SCHEMA + "containedInPlace")
    assert g.value(URIRef(ID + "place/khom-8"), contained) == URIRef(ID + "place/ward-7")
    assert g.value(URIRef(ID + "place/ward-7"), contained) == URIRef(ID + "place/tra-vinh-city")
    assert g.value(URIRef(ID + "place/tra-vinh-city"), nq("placeType")) == Literal("city")


# --- the shapes bite ------------------------------------------------------------------------------


def _break_sha(g: rdflib.Dataset, graph: URIRef) -> URIRef:
    g.remove((graph, nq("sha256"), None, graph))
    return graph


def _second_english_label(g: rdflib.Dataset, graph: URIRef) -> URIRef:
    org = URIRef(ID + "org/tra-vinh-provincial-party-committee")
    g.add((org, rdflib.RDFS.label, Literal("Tra Vinh Party", lang="en"), graph))
    return org


def _no_kind(g: rdflib.Dataset, graph: URIRef) -> URIRef:
    org = URIRef(ID + "org/tra-vinh-city-party-committee")
    g.remove((org, nq("kind"), None, graph))
    return org


def _start_after_end(g: rdflib.Dataset, graph: URIRef) -> URIRef:
    ev = next(iter(g.graph(graph).subjects(RDF.type, nq("Evidence"))))
    g.remove((ev, nq("start"), None, graph))
    g.add((ev, nq("start"), Literal(10**6), graph))
    return ev


def _evidence_without_source(g: rdflib.Dataset, graph: URIRef) -> URIRef:
    ev = next(iter(g.graph(graph).subjects(RDF.type, nq("Evidence"))))
    g.remove((ev, URIRef(PROV + "wasDerivedFrom"), None, graph))
    return ev


def _bad_code(g: rdflib.Dataset, graph: URIRef) -> URIRef:
    doc = URIRef(ID + "document/128-cv-tu-tra-vinh-2021")
    g.remove((doc, URIRef(ELI + "id_local"), None, graph))
    g.add((doc, URIRef(ELI + "id_local"), Literal("the official letter"), graph))
    return doc


def _post_without_role(g: rdflib.Dataset, graph: URIRef) -> URIRef:
    post = next(iter(g.graph(graph).subjects(RDF.type, URIRef(ORG + "Membership"))))
    g.remove((post, URIRef(ORG + "role"), None, graph))
    return post


def _implements_a_place(g: rdflib.Dataset, graph: URIRef) -> URIRef:
    org = URIRef(ID + "org/tra-vinh-provincial-party-committee")
    g.add((org, nq("implements"), URIRef(ID + "place/tra-vinh"), graph))
    return org


@pytest.mark.parametrize(
    "breaker",
    [_break_sha, _second_english_label, _no_kind, _start_after_end, _evidence_without_source, _bad_code,
     _post_without_role, _implements_a_place],
)
def test_broken_graphs_fail_validation(gold: list[Extraction],
                                       breaker: Callable[[rdflib.Dataset, URIRef], URIRef]) -> None:
    seed = next(e for e in gold if e.doc.startswith("002"))
    data = quads_to_rdflib_dataset(build([seed]))
    graph = src(seed.doc)
    assert validate(data)[0], "the unbroken graph must conform for this test to mean anything"
    focus = breaker(data, graph)
    conforms, report, _ = validate(data)
    assert not conforms
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    assert focus in set(report.objects(None, sh.focusNode))
