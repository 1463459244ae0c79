"""One projection per store, rebuilt only when the store's ``generation`` moves.

Why: building the projection reads the whole store, while every graph request
(implementers, paths, rankings, exports) only reads it. The cache holds one
frozen graph per store; a caller that finds it stale rebuilds it aside, under a
per-store lock so concurrent requests build once, and swaps it in. Requests
still holding the previous graph keep a consistent (frozen) snapshot.

    >>> G = projection_for(store)                      # doctest: +SKIP
    >>> projection_for(store) is G                     # doctest: +SKIP
    True
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.network.build import build_projection
from graph.store.base import Store


@dataclass(frozen=True)
class _Entry:
    ref: Callable[[], Any]
    generation: int
    graph: nx.MultiDiGraph


_lock = threading.Lock()
_entries: dict[int, _Entry] = {}
_build_locks: dict[int, threading.Lock] = {}


def projection_for(store: Store) -> nx.MultiDiGraph:
    """The current projection of ``store``; the same object until ``store.generation`` changes.

    The graph is frozen (networkx raises on mutation): copy it (``nx.MultiDiGraph(G)``)
    to modify. ``G.graph["generation"]`` is the generation it was built from.
    """
    key = id(store)
    fresh = _fresh(key, store)
    if fresh is not None:
        return fresh
    with _lock:
        build_lock = _build_locks.setdefault(key, threading.Lock())
    with build_lock:
        fresh = _fresh(key, store)  # another thread may have built it while this one waited
        if fresh is not None:
            return fresh
        generation = store.generation  # read before building: a change during the build forces the next rebuild
        gc.unfreeze()  # let the collector reach a projection this build replaces
        graph = build_projection(store)
        # Millions of long-lived objects that never change: left to the collector, each full collection
        # walks them all (pauses of a few hundred ms in the middle of requests at a million triples).
        gc.freeze()
        graph.graph["generation"] = generation
        with _lock:
            _entries[key] = _Entry(_reference(key, store), generation, graph)
        return graph


def clear_cache() -> None:
    """Forget every cached projection (tests; a backend replaced in place)."""
    with _lock:
        _entries.clear()


def _fresh(key: int, store: Store) -> nx.MultiDiGraph | None:
    entry = _entries.get(key)
    if entry is not None and entry.ref() is store and entry.generation == store.generation:
        return entry.graph
    return None


def _reference(key: int, store: Store) -> Callable[[], Any]:
    """A weak reference that drops the entry when the store goes away (ids are reused)."""

    def forget(_: object) -> None:
        with _lock:
            _entries.pop(key, None)
            _build_locks.pop(key, None)

    try:
        return weakref.ref(store, forget)
    except TypeError:  # objects without __weakref__ are held for the life of the process
        return lambda: store
