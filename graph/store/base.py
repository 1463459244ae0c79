"""The one interface every store backend implements.

Backends: the embedded Oxigraph store (default, on disk under ``data/``) and
any remote SPARQL 1.1 Query/Update endpoint (Virtuoso, Fuseki, ...). Callers
never see the backend's own term types: SELECT rows come back as plain Python
values so the network projection and the REST API work the same on both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

import pyoxigraph as ox


@dataclass(frozen=True)
class SourceRecord:
    """A stored source article: its named graph and the bytes it was built from."""

    graph: str
    sha256: str
    name: str
    lang: str | None = None
    title: str | None = None


class Store(Protocol):
    """A quad store with one named graph per source document.

    ``generation`` increases on every change, so readers (the networkx
    projection) know when to rebuild without polling the data.
    """

    @property
    def generation(self) -> int: ...

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Atomically make ``graph`` hold exactly ``quads`` (all or nothing)."""

    def remove_graph(self, graph: str) -> None: ...

    def named_graphs(self) -> list[str]: ...

    def select(self, sparql: str) -> list[dict[str, str | int | float | bool | None]]:
        """SELECT with the union of named graphs as default graph; terms as Python values.

        IRIs and literals become ``str`` (typed numbers/booleans their Python
        type); unbound variables are absent or ``None``.
        """

    def ask(self, sparql: str) -> bool: ...

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]: ...

    def close(self) -> None: ...
