"""Fixtures for the projection tests: the hand-written graph in a real in-memory store."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.network import clear_cache, projection_for
from graph.store.oxigraph import OxigraphStore
from tests.fixtures.network.load import fixture_store


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    return fixture_store()


@pytest.fixture(scope="module")
def G(store: OxigraphStore) -> nx.MultiDiGraph:
    clear_cache()
    return projection_for(store)
