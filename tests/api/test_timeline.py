"""``GET /api/timeline``: dated documents, events and first reports, in order."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.fixtures.network.analytics import (
    CONFERENCE,
    HAI_DUONG,
    PLAN,
    PROGRAMME,
    RES_2017,
    RES_2022,
    THANG,
)
from tests.fixtures.network.load import ID


def test_document_timeline_spans_the_implementation_tree(client: TestClient) -> None:
    page = client.get("/api/timeline", params={"document": "21-NQ/TW", "year": 2022}).json()
    assert [d["id"] for d in page["documents"]] == [RES_2022]
    items = page["items"]
    dates = [i["date"] for i in items]
    assert dates == sorted(dates) and page["total"] == len(items)
    documents = [(i["date"], i["node"]["id"]) for i in items if i["kind"] == "document"]
    assert documents == [("2022", PROGRAMME), ("2022-06-16", RES_2022), ("2024-05-10", PLAN)]
    events = [(i["date"], i["node"]["label"]) for i in items if i["kind"] == "event"]
    assert events == [("2023-10", "Conference to disseminate Resolution 21-NQ/TW")]
    reports = {(i["node"]["id"], i["object"]["id"]): i["date"] for i in items if i["kind"] == "report"}
    assert reports[(ID + "org/tra-vinh-provincial-party-committee", RES_2022)] == "2023-03-15"
    assert reports[(HAI_DUONG, RES_2022)] == "2025-03-01"
    assert reports[(ID + "org/chi-linh-city-party-committee", PLAN)] == "2025-03-01"
    # the Hai Duong conference does not implement the resolution: not in its tree
    assert CONFERENCE not in {i["node"]["id"] for i in items}


def test_document_by_code_without_year_covers_every_document_and_slug(client: TestClient) -> None:
    both = client.get("/api/timeline", params={"document": "21-NQ/TW"}).json()
    assert [d["id"] for d in both["documents"]] == [RES_2022, RES_2017]
    assert ("2017-10-25", RES_2017) in {(i["date"], i["node"]["id"]) for i in both["items"]}
    one = client.get("/api/timeline", params={"document": "21-nq-tw-2017"}).json()
    assert [d["id"] for d in one["documents"]] == [RES_2017]
    assert [i["kind"] for i in one["items"]] == ["document", "report"]


def test_entity_timeline(client: TestClient) -> None:
    page = client.get("/api/timeline", params={"entity": "person/tran-duc-thang"}).json()
    assert page["entity"]["id"] == THANG and page["documents"] is None
    assert [(i["date"], i["kind"], i.get("predicate")) for i in page["items"]] == [
        ("2025-02-28", "event", "attendee"), ("2025-03-01", "report", "holds_post"),
        ("2025-03-01", "report", "holds_post")]
    assert {tuple(i["roles"]) for i in page["items"] if i["kind"] == "report"} == {("Secretary",), ("Member",)}


def test_paging(client: TestClient) -> None:
    everything = client.get("/api/timeline", params={"document": "21-NQ/TW", "year": 2022}).json()["items"]
    page = client.get("/api/timeline", params={"document": "21-NQ/TW", "year": 2022, "limit": 3, "offset": 2}).json()
    assert page["items"] == everything[2:5]


def test_errors(client: TestClient) -> None:
    assert client.get("/api/timeline").status_code == 422
    r = client.get("/api/timeline", params={"document": "21-NQ/TW", "entity": "person/tran-duc-thang"})
    assert r.status_code == 422 and r.json()["error"] == "invalid request"
    assert client.get("/api/timeline", params={"document": "77-NQ/TW"}).status_code == 404
    assert client.get("/api/timeline", params={"document": "21-NQ/TW", "year": 1999}).status_code == 404
    assert client.get("/api/timeline", params={"entity": "person/nobody"}).json()["error"] == "not found"
