"""``GET /api/rankings`` and ``GET /api/communities`` on the fixture graph."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.fixtures.network.analytics import CENTRAL, HAI_DUONG, RES_2022, TRA_VINH


def test_resolution_is_the_most_connected_document(client: TestClient) -> None:
    for metric in ("degree", "pagerank", "betweenness"):
        page = client.get("/api/rankings", params={"metric": metric, "type": "document"}).json()
        assert page["metric"] == metric and page["approximate"] is False and page["total"] == 4
        assert page["items"][0]["id"] == RES_2022 and page["items"][0]["rank"] == 1
        scores = [i["score"] for i in page["items"]]
        assert scores == sorted(scores, reverse=True)


def test_degree_and_type_filter(client: TestClient) -> None:
    page = client.get("/api/rankings", params={"metric": "degree", "type": "organization", "limit": 2}).json()
    assert [i["rank"] for i in page["items"]] == [1, 2] and all(i["type"] == "organization" for i in page["items"])
    # Hai Duong and Tra Vinh committees both have five links (a tie, broken by label)
    assert [i["id"] for i in page["items"]] == [HAI_DUONG, TRA_VINH] and page["items"][0]["degree"] == 5
    assert page["items"][0]["score"] == page["items"][1]["score"] == 0.2
    second = client.get("/api/rankings", params={"metric": "degree", "type": "organization", "limit": 1,
                                                 "offset": 1}).json()
    assert second["items"][0]["rank"] == 2 and second["items"][0]["id"] == page["items"][1]["id"]


def test_pagerank_is_the_default_and_follows_edges(client: TestClient) -> None:
    page = client.get("/api/rankings").json()
    assert page["metric"] == "pagerank"
    top = [i["id"] for i in page["items"][:3]]
    assert CENTRAL in top and RES_2022 in top  # what many things point to: the issuer and the resolution
    assert abs(sum(i["score"] for i in client.get("/api/rankings", params={"limit": 1000}).json()["items"]) - 1) < 1e-3


def test_unknown_metric_is_422(client: TestClient) -> None:
    r = client.get("/api/rankings", params={"metric": "closeness"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "metric"]


def test_communities_are_seeded_and_cover_the_graph(client: TestClient) -> None:
    first = client.get("/api/communities", params={"min_size": 1, "members": 1000, "limit": 1000}).json()
    again = client.get("/api/communities", params={"min_size": 1, "members": 1000, "limit": 1000}).json()
    assert first == again and first["algorithm"] == "louvain" and first["seed"] == 42
    members = [m["id"] for c in first["items"] for m in c["members"]]
    assert len(members) == len(set(members))
    everything = client.get("/api/entities", params={"limit": 1000}).json()
    assert set(members) == {e["id"] for e in everything["items"]}
    sizes = [c["size"] for c in first["items"]]
    assert sizes == sorted(sizes, reverse=True) and 0 < first["modularity"] < 1
    tra_vinh = next(c for c in first["items"] if any(m["label"] == "Tra Vinh City" for m in c["members"]))
    assert "Tra Vinh Provincial Party Committee" in {m["label"] for m in tra_vinh["members"]}


def test_communities_paging_and_errors(client: TestClient) -> None:
    page = client.get("/api/communities", params={"members": 2, "limit": 1}).json()
    assert len(page["items"]) == 1 and len(page["items"][0]["members"]) == 2 and page["total"] >= 2
    assert sum(page["items"][0]["types"].values()) == page["items"][0]["size"]
    assert client.get("/api/communities", params={"resolution": 0}).status_code == 422
