"""``implementers``: every body, every distinct path (shortest first), with its evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from graph.network import clear_cache, documents_with_code, implementers, normalise_code, projection_for
from tests.fixtures.network.load import FIXTURE, ID, fixture_store

TRA_VINH = ID + "org/tra-vinh-provincial-party-committee"
PROGRAMME = ID + "document/39-ctr-tu-tra-vinh-2022"
RES_2022 = ID + "document/21-nq-tw-2022"
CAM_VINH_COMMUNE = ID + "org/cam-vinh-commune-party-committee"


def _bodies(G: nx.MultiDiGraph, code: str = "21-NQ/TW", year: int | None = 2022, **kw: Any) -> dict[str, dict]:
    groups = implementers(G, code, year, **kw)
    assert len(groups) == 1
    return {b["id"]: b for b in groups[0]["implementers"]}


def test_tra_vinh_implements_directly_and_through_its_programme_shortest_first(G: nx.MultiDiGraph) -> None:
    body = _bodies(G)[TRA_VINH]
    assert [p["length"] for p in body["paths"]] == [1, 2]
    direct, issued = body["paths"]
    assert [s["target"] for s in direct["steps"]] == [RES_2022]
    assert [(s["source"], s["relation"], s["target"]) for s in issued["steps"]] == [
        (TRA_VINH, "issued", PROGRAMME), (PROGRAMME, "implements", RES_2022)]
    assert issued["steps"][0]["predicate"] == "passed_by"
    assert body["via"] == ["direct", "issued"] and body["distance"] == 1
    assert (body["label"], body["type"], body["level"], body["place"]) == (
        "Tra Vinh Provincial Party Committee", "organization", "provincial", "Tra Vinh")


def test_evidence_covers_every_link_with_source_and_language(G: nx.MultiDiGraph) -> None:
    evidence = _bodies(G)[TRA_VINH]["evidence"]
    supported = {(e["supports"]["source"], e["supports"]["predicate"], e["supports"]["target"]) for e in evidence}
    assert supported == {(TRA_VINH, "implements", RES_2022), (PROGRAMME, "passed_by", TRA_VINH),
                         (PROGRAMME, "implements", RES_2022)}
    assert {(e["language"], e["source"]) for e in evidence} == {("vi", ID + "source/tra-vinh-article")}
    cam_xuyen = _bodies(G)[ID + "org/cam-xuyen-district-party-committee"]["evidence"]
    assert [e["language"] for e in cam_xuyen] == ["km"] and "២១-NQ/TW" in cam_xuyen[0]["sentence"]


def test_carrying_out_a_programme_and_organising_an_event_count(G: nx.MultiDiGraph) -> None:
    bodies = _bodies(G)
    city = bodies[ID + "org/tra-vinh-city-party-committee"]
    assert city["via"] == ["carried_out"]
    assert [s["target"] for s in city["paths"][0]["steps"]] == [PROGRAMME, RES_2022]
    cell = bodies[ID + "org/cam-vinh-primary-school-party-cell"]
    assert cell["via"] == ["event"]
    assert [s["relation"] for s in cell["paths"][0]["steps"]] == ["organised", "implements"]


def test_bodies_are_ordered_by_distance_and_exclude_the_document_issuer(G: nx.MultiDiGraph) -> None:
    groups = implementers(G, "21-NQ/TW", 2022)
    distances = [b["distance"] for b in groups[0]["implementers"]]
    assert distances == sorted(distances)
    ids = {b["id"] for b in groups[0]["implementers"]}
    assert ID + "org/central-committee-of-the-communist-party-of-vietnam" not in ids
    assert all(b["type"] == "organization" for b in groups[0]["implementers"])


def test_sub_organisations_only_on_request_and_only_downward(G: nx.MultiDiGraph) -> None:
    assert CAM_VINH_COMMUNE not in _bodies(G)
    bodies = _bodies(G, via_suborganizations=True)
    commune = bodies[CAM_VINH_COMMUNE]
    assert commune["via"] == ["suborganization"]
    assert [s["target"] for s in commune["paths"][0]["steps"]] == [ID + "org/cam-xuyen-district-party-committee",
                                                                   RES_2022]
    # Ha Tinh is Cam Xuyen's parent: implementation is never inherited upward.
    assert ID + "org/ha-tinh-provincial-party-committee" not in bodies
    cell = bodies[ID + "org/cam-vinh-primary-school-party-cell"]
    assert [p["length"] for p in cell["paths"]] == [2, 3]


def test_without_a_year_every_document_with_the_code_is_grouped(G: nx.MultiDiGraph) -> None:
    groups = implementers(G, "21-NQ/TW")
    assert [g["document"]["year"] for g in groups] == [2022, 2017]
    assert [b["label"] for b in groups[1]["implementers"]] == ["Ha Tinh Provincial Party Committee"]
    only_2017 = implementers(G, "21-NQ/TW", 2017)
    assert [g["document"]["id"] for g in only_2017] == [ID + "document/21-nq-tw-2017"]


def test_codes_match_across_spellings_and_unknown_codes_give_nothing(G: nx.MultiDiGraph) -> None:
    assert normalise_code(" 21 – nq/tw ") == "21-NQ/TW"
    assert implementers(G, "21–nq/tw", 2022)[0]["document"]["id"] == RES_2022
    assert implementers(G, "99-NQ/TW") == []
    assert implementers(G, "21-NQ/TW", 1999) == []


def test_cycles_end_and_paths_stay_simple(tmp_path: Path) -> None:
    cyclic = tmp_path / "cyclic.trig"
    cyclic.write_text(FIXTURE.read_text(encoding="utf-8") + """
<https://w3id.org/nqgraph/id/source/cycle> {
  <https://w3id.org/nqgraph/id/document/21-nq-tw-2022>
    <https://w3id.org/nqgraph/ontology#implements> <https://w3id.org/nqgraph/id/document/39-ctr-tu-tra-vinh-2022> .
}
""", encoding="utf-8")
    clear_cache()
    G = projection_for(fixture_store(cyclic))
    for body in _bodies(G, via_suborganizations=True).values():
        for path in body["paths"]:
            nodes = [path["steps"][0]["source"], *(s["target"] for s in path["steps"])]
            assert len(nodes) == len(set(nodes))


def test_paging_describes_only_the_requested_bodies(G: nx.MultiDiGraph) -> None:
    full = implementers(G, "21-NQ/TW")
    flat = [b["id"] for g in full for b in g["implementers"]]
    page = implementers(G, "21-NQ/TW", offset=3, limit=3)
    assert [b["id"] for g in page for b in g["implementers"]] == flat[3:6]
    assert [g["total"] for g in page] == [g["total"] for g in full] == [5, 1]


def test_repeated_and_paged_answers_match_a_fresh_search(G: nx.MultiDiGraph) -> None:
    """The kept path search of a document gives the same answer as searching again, page by page."""
    first = implementers(G, "21-NQ/TW", 2022)
    assert implementers(G, "21-NQ/TW", 2022) == first
    bodies = first[0]["implementers"]
    paged = [b for offset in range(len(bodies)) for b in implementers(G, "21-NQ/TW", 2022, offset=offset,
                                                                       limit=1)[0]["implementers"]]
    assert paged == bodies
    thawed = nx.MultiDiGraph(G)  # not frozen: searched afresh
    thawed.graph["relations"] = G.graph["relations"]
    assert implementers(thawed, "21-NQ/TW", 2022) == first


def test_codes_of_a_graph_being_edited_are_read_afresh(G: nx.MultiDiGraph) -> None:
    thawed = nx.MultiDiGraph(G)
    assert documents_with_code(thawed, "99-NQ/TW") == []
    thawed.add_node(ID + "document/99-nq-tw-2024", type="document", code="99–NQ/TW", year=2024, label="R 99")
    assert documents_with_code(thawed, "99-NQ/TW") == [ID + "document/99-nq-tw-2024"]
