"""``GET /api/implementers`` through the real app, on the hand-written fixture graph."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.network import clear_cache
from tests.fixtures.network.load import ID, fixture_store

TRA_VINH = ID + "org/tra-vinh-provincial-party-committee"
PROGRAMME = ID + "document/39-ctr-tu-tra-vinh-2022"
RES_2022 = ID + "document/21-nq-tw-2022"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    clear_cache()
    with TestClient(create_app(Settings(store=":memory:"), store=fixture_store())) as c:
        yield c


def _body(page: dict, iri: str) -> dict:
    return next(b for g in page["documents"] for b in g["implementers"] if b["id"] == iri)


def test_tra_vinh_paths_direct_then_through_its_programme(client: TestClient) -> None:
    r = client.get("/api/implementers", params={"document": "21-NQ/TW", "year": 2022})
    assert r.status_code == 200
    page = r.json()
    assert [g["document"]["id"] for g in page["documents"]] == [RES_2022]
    assert page["documents"][0]["document"]["class"] == "Resolution"
    body = _body(page, TRA_VINH)
    assert body["class"] == "PartyCommittee" and body["level"] == "provincial" and body["place"] == "Tra Vinh"
    assert [p["length"] for p in body["paths"]] == [1, 2]
    assert [s["target"] for s in body["paths"][1]["steps"]] == [PROGRAMME, RES_2022]
    assert {(e["language"], e["source"]) for e in body["evidence"]} == {("vi", ID + "source/tra-vinh-article")}
    assert page["total"] == 5 == page["documents"][0]["total"]


def test_without_year_every_document_with_the_code(client: TestClient) -> None:
    page = client.get("/api/implementers", params={"document": "21-NQ/TW"}).json()
    assert [g["document"]["year"] for g in page["documents"]] == [2022, 2017]
    assert page["total"] == 6


def test_sub_organisations_on_request(client: TestClient) -> None:
    params = {"document": "21-NQ/TW", "year": 2022}
    commune = ID + "org/cam-vinh-commune-party-committee"
    plain = client.get("/api/implementers", params=params).json()
    assert commune not in {b["id"] for b in plain["documents"][0]["implementers"]}
    deep = client.get("/api/implementers", params={**params, "via_suborganizations": "true"}).json()
    assert _body(deep, commune)["via"] == ["suborganization"]


def test_limit_and_offset_page_over_all_groups(client: TestClient) -> None:
    everything = client.get("/api/implementers", params={"document": "21-NQ/TW"}).json()
    flat = [b["id"] for g in everything["documents"] for b in g["implementers"]]
    page = client.get("/api/implementers", params={"document": "21-NQ/TW", "limit": 2, "offset": 4}).json()
    assert page["total"] == len(flat) and (page["limit"], page["offset"]) == (2, 4)
    assert [b["id"] for g in page["documents"] for b in g["implementers"]] == flat[4:6]
    assert [g["total"] for g in page["documents"]] == [5, 1]  # group totals ignore paging


def test_unknown_code_is_a_json_404(client: TestClient) -> None:
    r = client.get("/api/implementers", params={"document": "99-NQ/TW"})
    assert r.status_code == 404
    assert r.json()["error"] == "not found" and "99-NQ/TW" in r.json()["detail"]
    assert client.get("/api/implementers", params={"document": "21-NQ/TW", "year": 1990}).status_code == 404


def test_missing_document_is_a_422(client: TestClient) -> None:
    r = client.get("/api/implementers")
    assert r.status_code == 422
    assert "error" in r.json() and any("document" in d["loc"] for d in r.json()["detail"])


def test_documented_in_openapi_with_an_example(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    operation = spec["paths"]["/api/implementers"]["get"]
    params = {p["name"]: p for p in operation["parameters"]}
    assert {"document", "year", "via_suborganizations", "limit", "offset"} <= set(params)
    assert params["document"]["required"] is True
    assert "404" in operation["responses"]
    page_schema = spec["components"]["schemas"]["ImplementersPage"]
    assert page_schema["examples"][0]["documents"][0]["document"]["code"] == "21-NQ/TW"


@pytest.mark.parametrize("params", [{"document": "21-NQ/TW"}, {"document": "21-NQ/TW", "year": 2022,
                                                                  "via_suborganizations": True}])
def test_answer_is_exactly_the_response_model(client: TestClient, params: dict) -> None:
    """The route writes its answer without FastAPI's validation: it must already be in the model's shape."""
    from api.routes.implementers import ImplementersPage

    page = client.get("/api/implementers", params=params).json()
    assert page["documents"] and page["total"] > 0
    assert ImplementersPage.model_validate(page).model_dump(mode="json", by_alias=True) == page
