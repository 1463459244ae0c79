"""``graph.network.analytics``: public networkx algorithms, cached with the projection, seeded."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.network import analytics, projection_for
from graph.network.analytics import communities, community_page, rankings, scores
from tests.fixtures.network.analytics import RES_2022, analytics_store


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return projection_for(analytics_store())


def test_pagerank_goes_through_nx_pagerank_first(G: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    """A dispatch backend takes over ``nx.pagerank``; scipy is the default."""
    H = nx.MultiDiGraph(G)  # a fresh graph: nothing cached
    calls = []

    def backend(D: nx.DiGraph, **kwargs: object) -> dict[str, float]:
        calls.append(D)
        return dict.fromkeys(D, 1.0 / len(D))

    monkeypatch.setattr(analytics.nx, "pagerank", backend)
    values = scores(H, "pagerank")
    assert len(calls) == 1 and set(values) == set(H) and isinstance(calls[0], nx.DiGraph)
    assert not any(data for _, _, data in calls[0].edges(data=True))  # plain graph: cheap to convert


def test_scores_are_cached_per_projection(G: nx.MultiDiGraph) -> None:
    assert scores(G, "betweenness") is scores(G, "betweenness")
    with pytest.raises(ValueError, match="unknown metric"):
        scores(G, "closeness")


def test_rankings_by_type(G: nx.MultiDiGraph) -> None:
    page = rankings(G, "betweenness", node_type="document", limit=2)
    assert page["total"] == 4 and [i["rank"] for i in page["items"]] == [1, 2]
    assert page["items"][0]["id"] == RES_2022 and page["approximate"] is False
    assert rankings(G, "degree", node_type="person")["items"][0]["label"] == "Tran Duc Thang"  # two posts, an event


def test_betweenness_is_sampled_on_large_graphs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analytics, "EXACT_BETWEENNESS_NODES", 5)
    G = projection_for(analytics_store())
    H = nx.MultiDiGraph(G)
    assert rankings(H, "betweenness")["approximate"] is True


def test_louvain_is_deterministic(G: nx.MultiDiGraph) -> None:
    found = communities(G)
    assert found == communities(nx.MultiDiGraph(G))  # recomputed on a copy: the same partition
    assert sorted(n for c in found for n in c) == sorted(G)
    page = community_page(G, min_size=1, members=0)
    assert page["total"] == len(found) and all(c["members"] == [] for c in page["items"])
    assert community_page(G, resolution=3.0)["total"] >= community_page(G)["total"]


def test_ranked_order_is_kept_and_pages_agree(G: nx.MultiDiGraph) -> None:
    from graph.network.analytics import ranked

    assert ranked(G, "pagerank") is ranked(G, "pagerank")
    values = scores(G, "pagerank")
    assert ranked(G, "pagerank") == sorted(G, key=lambda n: (-values[n], G.nodes[n]["label"], n))
    full = [i["id"] for i in rankings(G, "pagerank", limit=None)["items"]]
    assert [i["id"] for o in range(0, len(full), 3) for i in rankings(G, "pagerank", offset=o, limit=3)["items"]] \
        == full
    assert ranked(G, "pagerank", "document") == [n for n in full if G.nodes[n]["type"] == "document"]
