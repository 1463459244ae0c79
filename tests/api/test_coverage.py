"""``GET /api/coverage``: provinces with evidence of implementing a document, on the map in force on a date."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from graph.network.provinces import REFORM_DATE
from tests.fixtures.network.analytics import CHI_LINH, HAI_DUONG, RES_2017, RES_2022


def _get(client: TestClient, **params: object) -> dict:
    r = client.get("/api/coverage", params={"document": "21-NQ/TW", **params})
    assert r.status_code == 200, r.text
    return r.json()


def test_before_the_merger_63_provinces(client: TestClient) -> None:
    page = _get(client, as_of="2025-06-30")
    assert page["era"] == "legacy" and page["provinces_total"] == 63 == page["total"]
    assert [d["id"] for d in page["documents"]] == [RES_2022] and [d["id"] for d in page["alternatives"]] == [RES_2017]
    assert page["covered_provinces"] == ["Ha Tinh", "Hai Duong", "Quang Ninh", "Tra Vinh"]
    assert page["covered"] == 4 and page["not_covered"] == 59 and "Hai Phong" in page["not_covered_provinces"]
    hai_duong = next(r for r in page["items"] if r["province"] == "Hai Duong")
    bodies = {b["id"]: b for b in hai_duong["bodies"]}
    assert set(bodies) == {HAI_DUONG, CHI_LINH}
    assert bodies[CHI_LINH]["via"] == ["carried_out"] and bodies[CHI_LINH]["distance"] == 2  # placed by the gazetteer
    assert bodies[HAI_DUONG]["first_reported"] == "2025-03-01"
    assert [r["covered"] for r in page["items"][:5]] == [True] * 4 + [False]


def test_after_the_merger_old_provinces_count_for_the_new(client: TestClient) -> None:
    page = _get(client, as_of="2025-07-01")
    assert page["era"] == "2025" and page["provinces_total"] == 34
    assert page["covered_provinces"] == ["Ha Tinh", "Hai Phong", "Quang Ninh", "Vinh Long"]
    vinh_long = next(r for r in page["items"] if r["province"] == "Vinh Long")
    assert {b["located_in"] for b in vinh_long["bodies"]} == {"Tra Vinh"}


def test_default_is_today(client: TestClient) -> None:
    page = _get(client)
    assert page["as_of"] == date.today().isoformat()
    assert page["provinces_total"] == (63 if date.today() < REFORM_DATE else 34)


def test_filters_year_and_paging(client: TestClient) -> None:
    uncovered = _get(client, as_of="2024-01-01", covered="false", limit=5)
    assert uncovered["total"] == 59 and len(uncovered["items"]) == 5
    assert not any(r["covered"] for r in uncovered["items"])
    old = _get(client, as_of="2024-01-01", year=2017, covered="true")
    assert [r["province"] for r in old["items"]] == ["Ha Tinh"] and old["alternatives"] == []
    deep = _get(client, as_of="2024-01-01", via_suborganizations="true")
    ha_tinh = next(r for r in deep["items"] if r["province"] == "Ha Tinh")
    assert "Cam Vinh Commune Party Committee" in {b["label"] for b in ha_tinh["bodies"]}


def test_errors(client: TestClient) -> None:
    assert client.get("/api/coverage").status_code == 422
    r = client.get("/api/coverage", params={"document": "21-NQ/TW", "as_of": "30/06/2025"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "as_of"]
    r = client.get("/api/coverage", params={"document": "88-NQ/TW"})
    assert r.status_code == 404 and "88-NQ/TW" in r.json()["detail"]
