"""``all_shortest_paths`` from both ends lists exactly the paths ``nx.all_shortest_paths`` lists."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from graph.network.paths import all_shortest_paths


def as_set(paths: object) -> set[tuple[str, ...]]:
    return {tuple(p) for p in paths}  # type: ignore[attr-defined]


@pytest.mark.parametrize("directed", [False, True])
def test_same_paths_as_networkx_on_random_graphs(directed: bool) -> None:
    rng = random.Random(4)
    for trial in range(60):
        n = rng.randint(2, 40)
        G = nx.gnp_random_graph(n, rng.uniform(0.03, 0.25), seed=trial, directed=directed)
        H = nx.relabel_nodes(G, {i: f"n{i}" for i in G})
        for _ in range(5):
            s, t = f"n{rng.randrange(n)}", f"n{rng.randrange(n)}"
            try:
                expected = as_set(nx.all_shortest_paths(H, s, t))
            except nx.NetworkXNoPath:
                with pytest.raises(nx.NetworkXNoPath):
                    list(all_shortest_paths(H, s, t))
                continue
            assert as_set(all_shortest_paths(H, s, t)) == expected, (trial, s, t)


def test_unknown_node_is_an_error() -> None:
    with pytest.raises(nx.NodeNotFound):
        list(all_shortest_paths(nx.path_graph(["a", "b"]), "a", "zz"))
