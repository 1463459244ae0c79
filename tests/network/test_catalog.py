"""``graph.network.documents``, ``entities`` and ``lookup``: what the browse routes read."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.network import projection_for
from graph.network.documents import document_detail, document_list
from graph.network.entities import entity_detail, entity_list
from graph.network.lookup import candidate_iris, find_document, find_node, short_id
from tests.fixtures.network.analytics import (
    CENTRAL,
    CHI_LINH,
    HAI_DUONG,
    PLAN,
    RES_2017,
    RES_2022,
    THANG,
    TRA_VINH,
    analytics_store,
)
from tests.fixtures.network.load import ID

OTHER_BASE = "https://example.org/kg/"


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return projection_for(analytics_store())


def test_lookup_accepts_paths_iris_and_merged_slashes(G: nx.MultiDiGraph) -> None:
    assert find_node(G, "org/tra-vinh-provincial-party-committee") == TRA_VINH
    assert find_node(G, "/id/org/tra-vinh-provincial-party-committee") == TRA_VINH
    assert find_node(G, TRA_VINH) == TRA_VINH
    assert find_node(G, TRA_VINH.replace("https://", "https:/")) == TRA_VINH
    assert find_node(G, "org/tra-vinh-provincial-party-committee", OTHER_BASE) == TRA_VINH  # default base too
    assert candidate_iris("org/x", OTHER_BASE) == [OTHER_BASE + "org/x", ID + "org/x"]
    assert short_id(TRA_VINH) == "org/tra-vinh-provincial-party-committee" and find_node(G, "org/none") is None
    assert find_document(G, "21-nq-tw-2017") == RES_2017 and find_document(G, "12-KH/TU") == PLAN
    assert find_document(G, "21-NQ/TW") is None  # two documents have that code
    assert find_document(G, "org/tra-vinh-provincial-party-committee") is None  # not a document


def test_document_list_and_detail(G: nx.MultiDiGraph) -> None:
    assert document_list(G, code="12–kh/tu")["items"][0]["issuer"]["id"] == HAI_DUONG
    detail = document_detail(G, PLAN)
    assert [link["node"]["id"] for link in detail["implemented_by"]] == [CHI_LINH]
    assert [link["node"]["id"] for link in detail["implements"]] == [RES_2022]
    assert detail["implementers_total"] == 1  # Chi Linh carries it out (issuing a document is not implementing it)


def test_entity_sections_by_type(G: nx.MultiDiGraph) -> None:
    thang = entity_detail(G, THANG)
    assert {link["node"]["id"]: link["roles"] for link in thang["posts"]} == {HAI_DUONG: ["Secretary"],
                                                                              CENTRAL: ["Member"]}
    assert "members" not in thang and thang["sources"] == [ID + "source/hai-duong-article"]
    central = entity_detail(G, CENTRAL, limit=1)
    assert [m["node"]["id"] for m in central["members"]] == [THANG]
    assert len(central["documents_issued"]) == 1 and central["counts"]["documents_issued"] == 2
    place = entity_detail(G, ID + "place/cam-xuyen")
    assert [c["node"]["label"] for c in place["contained_in"]] == ["Ha Tinh"]
    assert [c["node"]["label"] for c in place["contains"]] == ["Cam Vinh"]


def test_entity_list_filters(G: nx.MultiDiGraph) -> None:
    assert entity_list(G, node_type="event")["total"] == 2
    assert [e["id"] for e in entity_list(G, q="12-kh/tu")["items"]] == [PLAN]  # codes count as names
    assert entity_list(G, q="hải dương", node_type="organization")["items"][0]["id"] == HAI_DUONG
