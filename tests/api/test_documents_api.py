"""``GET /api/documents`` and ``/api/documents/{slug}`` on the fixture graph (implementation + Hai Duong article)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.fixtures.network.analytics import (
    CENTRAL,
    HAI_DUONG,
    PLAN,
    PROGRAMME,
    RES_2017,
    RES_2022,
    TRA_VINH,
    TRA_VINH_CITY,
)


def test_list_newest_first_with_issuer_and_links(client: TestClient) -> None:
    page = client.get("/api/documents").json()
    assert page["total"] == 4 and (page["limit"], page["offset"]) == (50, 0)
    slugs = [d["slug"] for d in page["items"]]
    assert slugs == ["12-kh-tu-hai-duong-2024", "21-nq-tw-2022", "39-ctr-tu-tra-vinh-2022", "21-nq-tw-2017"]
    res = next(d for d in page["items"] if d["id"] == RES_2022)
    assert res["issuer"]["id"] == CENTRAL and res["date"] == "2022-06-16" and res["class"] == "Resolution"
    assert {n["id"] for n in res["implemented_by"]} >= {TRA_VINH, PROGRAMME, PLAN, HAI_DUONG}
    programme = next(d for d in page["items"] if d["id"] == PROGRAMME)
    assert [n["id"] for n in programme["implements"]] == [RES_2022]
    assert programme["issuer"]["id"] == TRA_VINH and programme["code"] == "39-CTr/TU"


def test_filters_and_paging(client: TestClient) -> None:
    by_code = client.get("/api/documents", params={"code": "21 – nq/tw"}).json()
    assert [d["id"] for d in by_code["items"]] == [RES_2022, RES_2017]
    assert client.get("/api/documents", params={"code": "21-NQ/TW", "year": 2017}).json()["total"] == 1
    assert [d["id"] for d in client.get("/api/documents", params={"class": "plan"}).json()["items"]] == [PLAN]
    everything = [d["id"] for d in client.get("/api/documents").json()["items"]]
    page = client.get("/api/documents", params={"limit": 2, "offset": 1}).json()
    assert page["total"] == 4 and [d["id"] for d in page["items"]] == everything[1:3]


def test_one_document_by_slug_with_evidence(client: TestClient) -> None:
    doc = client.get("/api/documents/21-nq-tw-2022").json()
    assert doc["id"] == RES_2022 and doc["slug"] == "21-nq-tw-2022" and doc["issuer"]["id"] == CENTRAL
    assert doc["labels"]["vi"] == ["Nghị quyết 21-NQ/TW"] and doc["labels"]["km"] == ["សេចក្តីសម្រេច ២១-NQ/TW"]
    direct = {link["node"]["id"]: link for link in doc["implemented_by"]}
    assert TRA_VINH_CITY not in direct  # it carries out the programme: not a direct implementer
    tv = direct[TRA_VINH]
    assert tv["direction"] == "in" and tv["evidence_count"] == 1
    assert tv["evidence"][0]["sentence"].startswith("Tỉnh ủy Trà Vinh") and tv["evidence"][0]["language"] == "vi"
    assert doc["counts"]["implemented_by"] == len(doc["implemented_by"])
    # every body reached through a chain: Tra Vinh (x2), Cam Xuyen, the school cell, Quang Ninh, Hai Duong, Chi Linh
    assert doc["implementers_total"] == 7


def test_code_naming_one_document_is_accepted(client: TestClient) -> None:
    assert client.get("/api/documents/39-CTr/TU").json()["id"] == PROGRAMME
    assert client.get("/api/documents/document/12-kh-tu-hai-duong-2024").json()["id"] == PLAN


def test_ambiguous_or_unknown_document_is_a_json_404(client: TestClient) -> None:
    r = client.get("/api/documents/21-NQ/TW")
    assert r.status_code == 404 and r.json()["error"] == "not found"
    assert "21-nq-tw-2022" in r.json()["detail"] and "21-nq-tw-2017" in r.json()["detail"]
    assert client.get("/api/documents/99-nq-tw-2030").status_code == 404


def test_bad_parameters_are_422(client: TestClient) -> None:
    for params in ({"limit": 0}, {"offset": -1}, {"year": "soon"}):
        r = client.get("/api/documents", params=params)
        assert r.status_code == 422 and r.json()["error"] == "invalid request"
