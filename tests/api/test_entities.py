"""``GET /api/entities`` and ``/api/entities/{id}``: labels, posts, members, sub-organisations, documents, sources."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient

from tests.fixtures.network.analytics import (
    CENTRAL,
    CONFERENCE,
    HAI_DUONG,
    KIM_NGOC_THAI,
    PLAN,
    PROGRAMME,
    RES_2022,
    TRA_VINH,
    TRA_VINH_CITY,
)
from tests.fixtures.network.load import ID


def test_list_by_type_and_folded_substring(client: TestClient) -> None:
    people = client.get("/api/entities", params={"type": "person"}).json()
    assert people["total"] == 2 and [p["label"] for p in people["items"]] == ["Kim Ngoc Thai", "Tran Duc Thang"]
    assert people["items"][0]["path"] == "person/kim-ngoc-thai" and people["items"][0]["degree"] == 1
    # "trà vinh" matches the Vietnamese label "Tỉnh ủy Trà Vinh" as well as the English ones
    orgs = client.get("/api/entities", params={"type": "organization", "q": "trà vinh"}).json()
    assert [o["id"] for o in orgs["items"]] == [TRA_VINH_CITY, TRA_VINH]
    khmer = client.get("/api/entities", params={"q": "កំស៊ុយេន"}).json()
    assert {e["id"] for e in khmer["items"]} == {ID + "place/cam-xuyen", ID + "org/cam-xuyen-district-party-committee"}
    page = client.get("/api/entities", params={"limit": 3, "offset": 3}).json()
    assert len(page["items"]) == 3 and page["total"] > 6


def test_person_posts_with_roles_and_evidence(client: TestClient) -> None:
    thang = client.get("/api/entities/person/tran-duc-thang").json()
    assert thang["type"] == "person" and thang["labels"] == {"en": ["Tran Duc Thang"]}
    posts = {p["node"]["id"]: p for p in thang["posts"]}
    assert set(posts) == {HAI_DUONG, CENTRAL}
    assert posts[HAI_DUONG]["roles"] == ["Secretary"] and posts[CENTRAL]["roles"] == ["Member"]
    assert posts[HAI_DUONG]["evidence"][0]["language"] == "th"
    assert [e["node"]["id"] for e in thang["events"]] == [CONFERENCE]
    assert thang["sources"] == [{"id": ID + "source/hai-duong-article", "title": "การประชุมคณะกรรมการพรรคประจำจังหวัด",
                                 "url": "https://example.org/hai-duong", "language": "th", "date": "2025-03-01"}]


def test_body_members_sub_organisations_documents(client: TestClient) -> None:
    tv = client.get("/api/entities/org/tra-vinh-provincial-party-committee").json()
    assert tv["labels"]["vi"] == ["Tỉnh ủy Trà Vinh"] and tv["aliases"] == ["Tra Vinh Party Committee"]
    assert tv["attributes"]["level"] == "provincial" and tv["attributes"]["place"] == "Tra Vinh"
    assert [m["node"]["id"] for m in tv["members"]] == [KIM_NGOC_THAI] and tv["members"][0]["roles"] == ["Secretary"]
    assert [s["node"]["id"] for s in tv["sub_organizations"]] == [TRA_VINH_CITY]
    assert [d["node"]["id"] for d in tv["implements"]] == [RES_2022]
    assert [d["node"]["id"] for d in tv["documents_issued"]] == [PROGRAMME]
    assert {d["id"] for d in tv["documents"]} == {RES_2022, PROGRAMME}
    assert [s["id"] for s in tv["sources"]] == [ID + "source/tra-vinh-article"]
    assert "posts" not in tv  # sections of other types are left out
    hd = client.get("/api/entities/org/hai-duong-provincial-party-committee").json()
    assert [e["node"]["id"] for e in hd["events"]] == [CONFERENCE]
    assert [d["node"]["id"] for d in hd["documents_issued"]] == [PLAN]


def test_full_iri_url_encoded(client: TestClient) -> None:
    r = client.get("/api/entities/" + quote(TRA_VINH, safe=""))
    assert r.status_code == 200 and r.json()["id"] == TRA_VINH


def test_limit_cuts_sections_but_counts_stay(client: TestClient) -> None:
    res = client.get("/api/entities/document/21-nq-tw-2022", params={"limit": 1}).json()
    assert len(res["implemented_by"]) == 1 and res["counts"]["implemented_by"] > 1


def test_unknown_entity_and_bad_type(client: TestClient) -> None:
    r = client.get("/api/entities/org/no-such-committee")
    assert r.status_code == 404 and r.json() == {"error": "not found",
                                                 "detail": "no entity 'org/no-such-committee' in the graph"}
    r = client.get("/api/entities", params={"type": "planet"})
    assert r.status_code == 422 and r.json()["error"] == "invalid request"
