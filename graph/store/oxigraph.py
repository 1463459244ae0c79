"""The embedded backend: pyoxigraph in-process, on disk (RocksDB) or in memory.

Why in-process: no server to manage for the default set-up, and SELECT
results stream lazily from Rust with the GIL released, so the HTTP layer can
stop reading a runaway query between rows. The cost: RocksDB takes an
exclusive lock on the directory, so only one process may open a store; a
second opener gets :class:`StoreLocked` (``open_store`` then goes through the
server that holds it). ``Store.read_only`` from pyoxigraph is *not* used: it
is undefined behaviour while another process writes, and in practice fails
with "Corruption" errors.

``generation`` starts from the clock when the store is opened and increases on
every write through this object. Only this object can write while it holds
the lock, so the counter changes exactly when the data can have changed, and
a reopened store never repeats an earlier process's number.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox

from graph.store.base import STANDARD_PREFIXES, BadQuery, QueryOutcome, ReadOnlyStore, StoreError, StoreLocked
from graph.store.common import SparqlStore
from graph.store.using import with_using


def _is_lock_error(exc: BaseException) -> bool:
    text = str(exc)
    return "LOCK" in text or "lock hold" in text.lower()


class OxigraphStore(SparqlStore):
    """A pyoxigraph store with the union of named graphs as the default graph.

    >>> s = OxigraphStore(None)
    >>> s.replace_graph("https://example.org/g", [ox.Triple(ox.NamedNode("https://example.org/a"),
    ...     ox.NamedNode("https://example.org/p"), ox.Literal("x"))], sha256="ab", name="a.txt")
    >>> s.select("SELECT ?o WHERE { <https://example.org/a> ?p ?o }")
    [{'o': 'x'}]
    >>> s.graph_sha256("https://example.org/g")
    'ab'
    """

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.location = str(self.path) if self.path else ":memory:"
        self._read_only = read_only
        self._lock = threading.Lock()
        self._generation = time.time_ns()
        if self.path is not None and read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path}; build one first with `nqgraph build ... --store`")
        if self.path is not None and not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._store: ox.Store | None = ox.Store(str(self.path)) if self.path else ox.Store()
        except OSError as exc:
            if _is_lock_error(exc):
                raise StoreLocked(f"the store at {self.path} is in use by another process") from exc
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store, for bulk work that has no SPARQL equivalent."""
        if self._store is None:
            raise StoreError("the store is closed")
        return self._store

    @property
    def generation(self) -> int:
        return self._generation

    def _bump(self) -> None:
        with self._lock:
            self._generation += 1

    def query(
        self, sparql: str, *, default_graph: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None,
        base_iri: str | None = None,
    ) -> QueryOutcome:
        options: dict[str, object] = {"prefixes": STANDARD_PREFIXES, "base_iri": base_iri}
        try:
            if default_graph is None and named_graphs is None:
                options["use_default_graph_as_union"] = True
            else:
                options["default_graph"] = [ox.NamedNode(g) for g in default_graph or ()]
                if named_graphs is not None:
                    options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
            return self.oxigraph.query(sparql, **options)  # type: ignore[arg-type]
        except SyntaxError as exc:
            raise BadQuery(str(exc)) from exc
        except ValueError as exc:  # e.g. an invalid IRI in default-graph-uri
            raise BadQuery(str(exc)) from exc

    def update(self, sparql: str, *, base_iri: str | None = None, using_graphs: Sequence[str] = (),
               using_named_graphs: Sequence[str] = ()) -> None:
        """Run an update in one transaction; the WHERE of an operation sees the store's own default graph.

        pyoxigraph takes no update dataset, so the protocol's ``using-graph-uri``
        become ``USING`` clauses in the text (``graph.store.using``).
        """
        if self._read_only:
            raise ReadOnlyStore(f"the store at {self.location} was opened read-only")
        try:
            text = with_using(sparql, using_graphs, using_named_graphs)
            self.oxigraph.update(text, prefixes=STANDARD_PREFIXES, base_iri=base_iri)
        except (SyntaxError, ValueError) as exc:
            raise BadQuery(str(exc)) from exc
        finally:
            # Even a failed update is bumped: it costs one projection rebuild, never a stale one.
            self._bump()

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.oxigraph.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        target = ox.NamedNode(graph) if graph else None
        return iter(self.oxigraph.quads_for_pattern(None, None, None, target))

    def __len__(self) -> int:
        return len(self.oxigraph)

    def close(self) -> None:
        """Flush and release the RocksDB lock (the lock goes when the last reference does)."""
        store, self._store = self._store, None
        if store is not None and self.path is not None and not self._read_only:
            store.flush()
        del store
