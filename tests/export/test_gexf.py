"""GEXF 1.3: valid against the published RELAX NG schema, and readable back with its attributes."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from graph.export import export, write_gexf
from graph.export.flatten import COLOURS
from graph.store.oxigraph import OxigraphStore
from tests.fixtures.network.load import ID

SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "gexf" / "1.3" / "gexf.rng"
NS = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
TRA_VINH = ID + "org/tra-vinh-provincial-party-committee"
RES_2022 = ID + "document/21-nq-tw-2022"


@pytest.fixture(scope="module")
def rng() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


@pytest.fixture(scope="module")
def gexf(store: OxigraphStore) -> bytes:
    out = io.BytesIO()
    export(store, "gexf", out)
    return out.getvalue()


def test_validates_against_the_gexf_1_3_relax_ng_schema(gexf: bytes, rng: etree.RelaxNG) -> None:
    doc = etree.parse(io.BytesIO(gexf))
    assert rng.validate(doc), rng.error_log
    graph = doc.getroot().find("g:graph", NS)
    assert (graph.get("defaultedgetype"), graph.get("mode"), graph.get("timeformat")) == ("directed", "dynamic",
                                                                                         "date")


def test_reads_back_with_networkx_and_keeps_attributes(gexf: bytes, G: nx.MultiDiGraph) -> None:
    H = nx.read_gexf(io.BytesIO(gexf), version="1.3")
    assert set(H.nodes) == set(G.nodes) and H.number_of_edges() == G.number_of_edges()
    node = H.nodes[TRA_VINH]
    assert (node["label"], node["type"], node["class"], node["level"], node["place"]) == (
        "Tra Vinh Provincial Party Committee", "organization", "PartyCommittee", "provincial", "Tra Vinh")
    assert node["label_vi"] == "Tỉnh ủy Trà Vinh"
    assert node["degree"] == G.degree(TRA_VINH)
    r, g, b = COLOURS["organization"]
    assert node["viz"]["color"] == {"r": r, "g": g, "b": b, "a": 1.0}
    assert H.nodes[ID + "place/cam-xuyen"]["label_vi-Khmr"] == "កំស៊ុយេន"
    edge = H.edges[TRA_VINH, RES_2022]
    assert (edge["label"], edge["predicate"], edge["evidence_count"]) == ("implements", "implements", 1)
    assert edge["sentence"].startswith("Tỉnh ủy Trà Vinh") and edge["languages"] == "vi"


def test_implementation_edges_are_dated_spells_for_the_timeline(gexf: bytes) -> None:
    H = nx.read_gexf(io.BytesIO(gexf), version="1.3")
    assert H.edges[TRA_VINH, RES_2022]["spells"][0][0] == "2023-03-15"
    # The event's own partial date ("2023-10") opens its spell on the first of the month.
    assert H.edges[ID + "event/9c1d", RES_2022]["spells"][0][0] == "2023-10-01"


def test_node_size_grows_with_degree(gexf: bytes, G: nx.MultiDiGraph) -> None:
    doc = etree.parse(io.BytesIO(gexf))
    sizes = {n.get("id"): float(n.find("viz:size", NS).get("value")) for n in doc.iterfind(".//g:node", NS)}
    hub, leaf = max(G, key=G.degree), min(G, key=G.degree)
    assert G.degree(hub) > G.degree(leaf) and sizes[hub] > sizes[leaf]


def test_awkward_text_and_partial_dates_still_validate(rng: etree.RelaxNG) -> None:
    G = nx.MultiDiGraph()
    G.add_node("a", type="organization", label="Line\nbreak  and\x07bell", labels={"km": ["ក\x0bខ"]})
    G.add_node("b", type="document", label="B", code="1/QĐ-UBND", year=2024)
    G.add_edge("a", "b", key="implements", predicate="implements", evidence_count=0, evidence=[],
               dates=["2024", "not a date"])
    out = io.BytesIO()
    write_gexf(G, out)
    doc = etree.parse(io.BytesIO(out.getvalue()))
    assert rng.validate(doc), rng.error_log
    assert doc.find(".//g:node", NS).get("label") == "Line break and bell"
    assert doc.find(".//g:spell", NS).get("start") == "2024-01-01"


def test_export_writes_to_a_path(store: OxigraphStore, tmp_path: Path, rng: etree.RelaxNG) -> None:
    target = tmp_path / "graph.gexf"
    export(store, "gexf", target)
    assert rng.validate(etree.parse(str(target))), rng.error_log
