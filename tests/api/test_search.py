"""``GET /api/search``: any script, diacritics optional, typos tolerated."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.fixtures.network.analytics import HAI_DUONG, HAI_DUONG_PLACE, THANG
from tests.fixtures.network.load import ID


def _ids(client: TestClient, q: str, **params: object) -> list[str]:
    r = client.get("/api/search", params={"q": q, **params})
    assert r.status_code == 200, r.text
    return [hit["id"] for hit in r.json()["items"]]


@pytest.mark.parametrize("q", ["Hai Duong", "Hải Dương", "hai duong", "Hai Duogn", "ไห่เซือง"])
def test_every_spelling_finds_hai_duong_first(client: TestClient, q: str) -> None:
    assert _ids(client, q)[:2] == [HAI_DUONG_PLACE, HAI_DUONG]


def test_thai_script_goes_through_the_gazetteer(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "ไห่เซือง"}).json()["items"][0]
    assert hit["how"] == "gazetteer" and hit["match"] == "Hai Duong" and hit["label"] == "Hai Duong"


def test_thai_transcription_of_a_name_matches_by_sound(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "เจิ่น ดึ๊ก ถั่ง", "type": "person"}).json()
    assert [h["id"] for h in r["items"]] == [THANG] and r["items"][0]["how"] == "phonetic"


def test_khmer_and_codes(client: TestClient) -> None:
    assert _ids(client, "ត្រាវិញ")[0] == ID + "place/tra-vinh"
    assert _ids(client, "កំស៊ុយេន")[0] == ID + "place/cam-xuyen"  # the graph's own vi-Khmr label
    assert set(_ids(client, "២១-NQ/TW", type="document")) == {ID + "document/21-nq-tw-2022",
                                                             ID + "document/21-nq-tw-2017"}


def test_type_filter_paging_and_total(client: TestClient) -> None:
    everything = client.get("/api/search", params={"q": "Tra Vinh"}).json()
    assert everything["total"] >= 4 and everything["items"][0]["score"] == 100.0
    page = client.get("/api/search", params={"q": "Tra Vinh", "limit": 2, "offset": 1}).json()
    assert [h["id"] for h in page["items"]] == [h["id"] for h in everything["items"][1:3]]
    orgs = _ids(client, "Tra Vinh", type="organization")
    assert orgs and all("/org/" in i for i in orgs)


def test_nothing_found_is_an_empty_page(client: TestClient) -> None:
    assert client.get("/api/search", params={"q": "zzzzqqqq"}).json() == {
        "q": "zzzzqqqq", "total": 0, "limit": 20, "offset": 0, "items": []}


def test_missing_or_bad_query_is_422(client: TestClient) -> None:
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    assert client.get("/api/search", params={"q": "x", "limit": 5000}).json()["error"] == "invalid request"
