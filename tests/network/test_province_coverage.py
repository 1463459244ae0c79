"""``graph.network.coverage``: a body's province from the graph and the gazetteer, and coverage on a date."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from graph.network import projection_for
from graph.network.coverage import body_province, coverage
from tests.fixtures.network.analytics import CELL, CENTRAL, CHI_LINH, HAI_DUONG, RES_2022, TRA_VINH, analytics_store


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return projection_for(analytics_store())


def test_body_province(G: nx.MultiDiGraph) -> None:
    assert body_province(G, TRA_VINH) == "Tra Vinh"  # its place
    assert body_province(G, CELL) == "Ha Tinh"  # Cam Vinh, in Cam Xuyen, in Ha Tinh: the place chain
    assert body_province(G, CHI_LINH) == "Hai Duong"  # Chi Linh has no parent in the graph: the gazetteer
    assert body_province(G, HAI_DUONG) == "Hai Duong"
    assert body_province(G, CENTRAL) is None


def test_coverage_before_and_after_the_merger(G: nx.MultiDiGraph) -> None:
    before = coverage(G, [RES_2022], as_of=date(2025, 6, 30))
    after = coverage(G, [RES_2022], as_of=date(2025, 7, 1))
    assert before["covered_provinces"] == ["Ha Tinh", "Hai Duong", "Quang Ninh", "Tra Vinh"]
    assert after["covered_provinces"] == ["Ha Tinh", "Hai Phong", "Quang Ninh", "Vinh Long"]
    assert before["covered"] + before["not_covered"] == 63 and after["covered"] + after["not_covered"] == 34
    assert before["unplaced"] == []
    rows = {r["province"]: r for r in after["items"]}
    assert [b["id"] for b in rows["Hai Phong"]["bodies"]] == [HAI_DUONG, CHI_LINH]  # nearest first
