"""``GET /api/paths``: shortest paths, undirected by default, each edge with its evidence."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.fixtures.network.analytics import CELL, PROGRAMME, RES_2022, TRA_VINH, TRA_VINH_CITY


def _get(client: TestClient, **params: object) -> dict:
    r = client.get("/api/paths", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_directed_paths_from_city_committee_to_resolution(client: TestClient) -> None:
    page = _get(client, **{"from": "org/tra-vinh-city-party-committee", "to": "document/21-nq-tw-2022",
                           "directed": "true"})
    assert page["length"] == 2 and page["total"] == 2 and page["directed"] is True
    middles = {p["nodes"][1]["id"] for p in page["paths"]}
    assert middles == {PROGRAMME, TRA_VINH}  # through the programme it carries out, or up to its parent body
    via_programme = next(p for p in page["paths"] if p["nodes"][1]["id"] == PROGRAMME)
    first, second = via_programme["steps"]
    assert (first["from"], first["to"]) == (TRA_VINH_CITY, PROGRAMME)
    edge = first["edges"][0]
    assert edge["predicate"] == "implements" and edge["direction"] == "forward"
    assert edge["evidence"][0]["sentence"] == "Thành ủy Trà Vinh cụ thể hóa Chương trình 39-CTr/TU."
    assert edge["evidence"][0]["supports"] == {"source": TRA_VINH_CITY, "predicate": "implements",
                                               "target": PROGRAMME}
    assert second["edges"][0]["evidence"][0]["language"] == "vi"
    assert via_programme["text"].startswith("Tra Vinh City Party Committee —implements→ Programme 39-CTr/TU")


def test_undirected_by_default_and_both_edges_of_a_step(client: TestClient) -> None:
    page = _get(client, **{"from": "org/tra-vinh-provincial-party-committee", "to": "document/39-ctr-tu-tra-vinh-2022"})
    assert page["length"] == 1 and page["directed"] is False
    (step,) = page["paths"][0]["steps"]
    assert {(e["predicate"], e["direction"]) for e in step["edges"]} == {("passed_by", "backward")}
    # against the arrows: the school cell organised an event implementing the resolution
    page = _get(client, **{"from": "org/cam-vinh-primary-school-party-cell", "to": "document/21-nq-tw-2022"})
    assert page["length"] == 2 and page["from"]["id"] == CELL and page["to"]["id"] == RES_2022
    # with the arrows: up through the commune and district committees, which implements it
    directed = _get(client, **{"from": CELL, "to": RES_2022, "directed": "true"})
    assert directed["length"] == 3 and [n["label"] for n in directed["paths"][0]["nodes"][1:3]] == [
        "Cam Vinh Commune Party Committee", "Cam Xuyen District Party Committee"]
    assert _get(client, **{"from": RES_2022, "to": CELL, "directed": "true"})["total"] == 0


def test_max_length_and_predicates(client: TestClient) -> None:
    params = {"from": "org/cam-vinh-primary-school-party-cell", "to": "org/tra-vinh-city-party-committee"}
    assert _get(client, **params)["length"] == 4
    short = _get(client, **params, max_length=3)
    assert short["length"] is None and short["paths"] == [] and short["total"] == 0
    only = _get(client, **{"from": "org/tra-vinh-city-party-committee", "to": "document/21-nq-tw-2022",
                           "predicates": "implements"})
    assert only["total"] == 1 and only["paths"][0]["nodes"][1]["id"] == PROGRAMME


def test_paging_over_paths(client: TestClient) -> None:
    params = {"from": "org/tra-vinh-city-party-committee", "to": "document/21-nq-tw-2022"}
    everything = _get(client, **params)
    page = _get(client, **params, limit=1, offset=1)
    assert page["total"] == everything["total"] and page["paths"] == everything["paths"][1:2]


def test_errors(client: TestClient) -> None:
    r = client.get("/api/paths", params={"from": "org/nowhere", "to": "document/21-nq-tw-2022"})
    assert r.status_code == 404 and "org/nowhere" in r.json()["detail"]
    assert client.get("/api/paths", params={"from": "org/tra-vinh-city-party-committee"}).status_code == 422
    r = client.get("/api/paths", params={"from": CELL, "to": RES_2022, "predicates": "likes"})
    assert r.status_code == 422 and "likes" in r.json()["detail"]
    assert client.get("/api/paths", params={"from": CELL, "to": RES_2022, "max_length": 0}).status_code == 422
