"""Fixtures for the projection tests: the hand-written graph in a real in-memory store, and its projection."""

from tests.fixtures.network.graph_fixtures import G, store

__all__ = ["G", "store"]
