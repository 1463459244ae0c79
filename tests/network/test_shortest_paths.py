"""``graph.network.paths``: shortest paths on plain graphs, described with every edge and its evidence."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.network import paths, projection_for
from graph.network.paths import shortest_paths
from tests.fixtures.network.analytics import (
    CELL,
    HAI_DUONG,
    PROGRAMME,
    RES_2017,
    RES_2022,
    THANG,
    TRA_VINH,
    TRA_VINH_CITY,
    analytics_store,
)


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return projection_for(analytics_store())


def test_directed_and_undirected(G: nx.MultiDiGraph) -> None:
    forward = shortest_paths(G, TRA_VINH_CITY, RES_2022, directed=True)
    assert forward["length"] == 2 and {p["nodes"][1]["id"] for p in forward["paths"]} == {PROGRAMME, TRA_VINH}
    assert shortest_paths(G, RES_2022, TRA_VINH_CITY, directed=True)["total"] == 0
    back = shortest_paths(G, RES_2022, TRA_VINH_CITY)
    assert back["length"] == 2 and back["paths"][0]["steps"][0]["edges"][0]["direction"] == "backward"


def test_person_to_other_province_and_text(G: nx.MultiDiGraph) -> None:
    page = shortest_paths(G, THANG, TRA_VINH)
    assert page["length"] == 3  # Thang — Hai Duong committee — 21-NQ/TW — Tra Vinh committee
    path = next(p for p in page["paths"] if p["nodes"][1]["id"] == HAI_DUONG)
    assert path["text"] == ("Tran Duc Thang —holds_post→ Hai Duong Provincial Party Committee —implements→ "
                            "Resolution 21-NQ/TW ←implements— Tra Vinh Provincial Party Committee")
    post = path["steps"][0]["edges"][0]
    assert post["roles"] == ["Secretary"] and post["evidence"][0]["supports"]["predicate"] == "holds_post"


def test_unconnected_cap_and_same_node(G: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    assert shortest_paths(G, RES_2017, CELL, predicates=frozenset({"implements"}))["length"] is None
    assert shortest_paths(G, CELL, CELL)["length"] == 0
    monkeypatch.setattr(paths, "MAX_PATHS", 1)
    capped = shortest_paths(G, TRA_VINH_CITY, RES_2022)
    assert capped["truncated"] is True and capped["total"] == 1
