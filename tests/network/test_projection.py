"""The projection: entities as nodes, relations as edges, posts and evidence folded into edges."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import rdflib

from graph.network import ALL_EDGES, build_projection, relation_graph, schema
from tests.fixtures.network.load import FIXTURE, ID, fixture_store

ROOT = Path(__file__).resolve().parents[2]
NQ = schema.NQ

TRA_VINH = ID + "org/tra-vinh-provincial-party-committee"
RES_2022 = ID + "document/21-nq-tw-2022"
PROGRAMME = ID + "document/39-ctr-tu-tra-vinh-2022"
PERSON = ID + "person/kim-ngoc-thai"
EVENT = ID + "event/9c1d"


def test_organisation_node_has_type_labels_level_and_place(G: nx.MultiDiGraph) -> None:
    d = G.nodes[TRA_VINH]
    assert (d["type"], d["class"], d["level"], d["kind"]) == ("organization", "PartyCommittee", "provincial",
                                                             "party_committee")
    assert d["label"] == "Tra Vinh Provincial Party Committee"
    assert d["labels"]["vi"] == ["Tỉnh ủy Trà Vinh"]
    assert d["aliases"] == ["Tra Vinh Party Committee"]
    assert (d["place"], d["place_id"]) == ("Tra Vinh", ID + "place/tra-vinh")
    assert d["mentions"] == 1
    assert ID + "source/tra-vinh-article" in d["graphs"]


def test_language_tags_keep_their_script_subtag(G: nx.MultiDiGraph) -> None:
    assert G.nodes[ID + "place/cam-xuyen"]["labels"]["vi-Khmr"] == ["កំស៊ុយេន"]


def test_documents_carry_code_year_and_issuer(G: nx.MultiDiGraph) -> None:
    res, prog = G.nodes[RES_2022], G.nodes[PROGRAMME]
    assert (res["code"], res["year"], res["date"], res["class"]) == ("21-NQ/TW", 2022, "2022-06-16", "Resolution")
    assert res["issuer"] == "Central Committee of the Communist Party of Vietnam"
    assert (prog["code"], prog["year"], prog["class"], prog["issuer"]) == (
        "39-CTr/TU", 2022, "Programme", "Tra Vinh Provincial Party Committee")
    assert G.nodes[ID + "document/21-nq-tw-2017"]["year"] == 2017


def test_only_entities_become_nodes(G: nx.MultiDiGraph) -> None:
    types = {d["type"] for _, d in G.nodes(data=True)}
    assert types == {"organization", "person", "document", "event", "place"}
    assert not [n for n in G if "/evidence/" in n or "/membership/" in n or "/source/" in n or "/graph/" in n]
    assert not [n for n in G if n.startswith("https://w3id.org/nqgraph/ontology#")]


def test_membership_is_folded_into_a_holds_post_edge_with_the_role(G: nx.MultiDiGraph) -> None:
    edge = G.edges[PERSON, TRA_VINH, "holds_post"]
    assert edge["role"] == "Secretary"  # the role concept's skos:prefLabel
    assert edge["evidence_count"] == 1
    assert edge["evidence"][0]["sentence"].startswith("Bí thư Tỉnh ủy Trà Vinh")


def test_evidence_is_folded_into_edge_attributes(G: nx.MultiDiGraph) -> None:
    edge = G.edges[TRA_VINH, RES_2022, "implements"]
    assert edge["predicate"] == "implements"
    assert edge["evidence_count"] == 1
    ev = edge["evidence"][0]
    assert ev["sentence"] == "Tỉnh ủy Trà Vinh quán triệt, triển khai thực hiện Nghị quyết số 21-NQ/TW."
    assert (ev["source"], ev["language"], ev["date"]) == (ID + "source/tra-vinh-article", "vi", "2023-03-15")
    assert edge["dates"] == ["2023-03-15"] and edge["first_date"] == "2023-03-15"
    assert edge["implicit"] is False
    assert G.edges[ID + "org/quang-ninh-provincial-party-committee", RES_2022, "implements"]["implicit"] is True


def test_issuing_event_and_hierarchy_edges(G: nx.MultiDiGraph) -> None:
    assert G.has_edge(PROGRAMME, TRA_VINH, "passed_by")
    assert G.has_edge(PROGRAMME, RES_2022, "implements")
    assert G.has_edge(EVENT, ID + "org/cam-vinh-primary-school-party-cell", "organizer")
    assert G.has_edge(EVENT, RES_2022, "implements")
    assert "2023-10" in G.edges[EVENT, RES_2022, "implements"]["dates"]  # the event's own date
    assert G.has_edge(ID + "org/cam-xuyen-district-party-committee", ID + "org/ha-tinh-provincial-party-committee",
                      "sub_organization_of")
    assert {k for _, _, k in G.edges(keys=True)} <= {e.name for e in ALL_EDGES}


def test_relation_graphs_answer_reachability(G: nx.MultiDiGraph) -> None:
    implements = relation_graph(G, "implements")
    assert isinstance(implements, nx.DiGraph) and not implements.is_multigraph()
    assert nx.ancestors(implements, RES_2022) == {
        TRA_VINH, PROGRAMME, EVENT, ID + "org/tra-vinh-city-party-committee",
        ID + "org/cam-xuyen-district-party-committee", ID + "org/quang-ninh-provincial-party-committee"}
    assert relation_graph(G, "no-such-predicate").number_of_nodes() == 0


def test_projection_is_frozen(G: nx.MultiDiGraph) -> None:
    assert nx.is_frozen(G)


def test_implicit_only_when_every_stating_source_is_implicit(tmp_path: Path) -> None:
    """nq:implicitlyImplements marks a link whose document was named without its code."""
    ha_tinh, res = ID + "org/ha-tinh-provincial-party-committee", RES_2022
    extra = tmp_path / "implicit.trig"
    extra.write_text(FIXTURE.read_text(encoding="utf-8") + f"""
<{ID}source/implicit-a> {{
  <{ha_tinh}> <{NQ}implements> <{res}> ; <{NQ}implicitlyImplements> <{res}> .
  <{TRA_VINH}> <{NQ}implements> <{res}> ; <{NQ}implicitlyImplements> <{res}> .
}}
""", encoding="utf-8")
    G = build_projection(fixture_store(extra))
    assert G.edges[ha_tinh, res, "implements"]["implicit"] is True  # only ever stated implicitly
    assert G.edges[TRA_VINH, res, "implements"]["implicit"] is False  # the Tra Vinh article gives the code
    assert not G.has_edge(ha_tinh, res, "implicitlyImplements")  # a marker, not a second edge


def test_every_ontology_object_property_is_projected_or_folded() -> None:
    """A new object property in the ontology must get a row in graph/network/schema.py (or be listed here)."""
    ontology = rdflib.Graph().parse(ROOT / "ontology" / "nqgraph.ttl")
    declared = {str(p) for p in ontology.subjects(rdflib.RDF.type, rdflib.OWL.ObjectProperty)}
    handled = {*schema.EDGE_BY_IRI, *schema.NODE_PROPERTIES, schema.IMPLICITLY_IMPLEMENTS, *schema.EVIDENCE_LINKS}
    assert declared - handled == set()
