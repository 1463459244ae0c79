"""``graph.network.timeline``: three kinds of date, in order; undated nodes apart."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.network import projection_for
from graph.network.timeline import document_timeline, entity_timeline
from tests.fixtures.network.analytics import CONFERENCE, HAI_DUONG, PLAN, PROGRAMME, RES_2022, analytics_store
from tests.fixtures.network.load import ID


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return projection_for(analytics_store())


def test_partial_dates_sort_before_the_dates_they_contain(G: nx.MultiDiGraph) -> None:
    items = document_timeline(G, [RES_2022])["items"]
    assert [i["date"] for i in items][:2] == ["2022", "2022-06-16"]
    assert [(i["kind"], i["node"]["id"]) for i in items][:2] == [("document", PROGRAMME), ("document", RES_2022)]
    event = next(i for i in items if i["kind"] == "event")
    assert event["date"] == "2023-10" and event["node"]["id"] == ID + "event/9c1d"


def test_body_timeline(G: nx.MultiDiGraph) -> None:
    page = entity_timeline(G, HAI_DUONG)
    kinds = [(i["date"], i["kind"], i["node"]["id"], i.get("predicate")) for i in page["items"]]
    assert kinds[:3] == [("2022-06-16", "document", RES_2022, "implements"),
                         ("2024-05-10", "document", PLAN, "passed_by"),
                         ("2025-02-28", "event", CONFERENCE, "organizer")]
    assert {i["predicate"] for i in page["items"] if i["kind"] == "report"} == {"implements", "holds_post"}
    assert page["undated"] == []


def test_undated_documents_are_listed_apart(G: nx.MultiDiGraph) -> None:
    H = nx.MultiDiGraph(G)
    H.nodes[PROGRAMME].pop("date")
    page = document_timeline(H, [RES_2022])
    assert [n["id"] for n in page["undated"]] == [PROGRAMME]
    assert PROGRAMME not in {i["node"]["id"] for i in page["items"] if i["kind"] == "document"}
