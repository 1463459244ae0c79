"""The one interface every store backend implements.

Backends: the embedded Oxigraph store (default, on disk under ``data/``) and
any remote SPARQL 1.1 Query/Update endpoint (Virtuoso, Fuseki, a running
``nqgraph serve``, ...). Callers never see the backend's own term types in
``select``: rows come back as plain Python values so the network projection
and the REST API work the same on both. ``query`` is the lower-level door the
SPARQL protocol endpoint uses; it returns pyoxigraph result objects on every
backend (the remote one parses the endpoint's answer into them).

Bookkeeping lives in the data itself, not beside it: a source's named graph
IRI is the source document's IRI, and the graph states ``<graph> nq:sha256
"..."`` and ``<graph> nq:fileName "..."`` (ontology/README.md). Replacing the
graph therefore replaces its checksum in the same transaction, and any backend
answers "is this source already built from these bytes?" with one query.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import pyoxigraph as ox

NQ = "https://w3id.org/nqgraph/ontology#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

#: Prefixes every query may use without declaring them (both backends honour them).
STANDARD_PREFIXES: dict[str, str] = {
    "nq": NQ,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "prov": "http://www.w3.org/ns/prov#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "time": "http://www.w3.org/2006/time#",
    "dcterms": DCTERMS,
}

#: What ``Store.query`` returns: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).
QueryOutcome = ox.QuerySolutions | ox.QueryBoolean | Iterable[ox.Triple]

Value = str | int | float | bool | None


class StoreError(Exception):
    """A store could not do what was asked; the message is meant for the user."""


class BadQuery(StoreError, ValueError):
    """The SPARQL text does not parse (or the endpoint rejected it); ``str()`` is the parser's message."""


class StoreLocked(StoreError):
    """Another process holds the embedded store (RocksDB allows one writer)."""


class ReadOnlyStore(StoreError):
    """A write was attempted on a store opened read-only."""


class QueryCancelled(StoreError):
    """The engine stopped the query at its timeout (only engines that can stop one raise this)."""


@dataclass(frozen=True)
class SourceRecord:
    """A stored source article: its named graph and the bytes it was built from."""

    graph: str
    sha256: str
    name: str
    lang: str | None = None
    title: str | None = None


@runtime_checkable
class Store(Protocol):
    """A quad store with one named graph per source document.

    ``generation`` changes on every write, so readers (the networkx
    projection) know when to rebuild without polling the data. It is an
    opaque number: compare it for equality, do not do arithmetic on it.
    """

    location: str

    @property
    def generation(self) -> int: ...

    @property
    def read_only(self) -> bool: ...

    def replace_graph(
        self, graph: str, quads: Iterable[ox.Quad | ox.Triple], *, sha256: str | None = None, name: str | None = None
    ) -> None:
        """Atomically make ``graph`` hold exactly ``quads`` (all or nothing).

        The quads' own graph names are ignored. ``sha256``/``name`` add the
        bookkeeping triples ``<graph> nq:sha256 / nq:fileName`` to the graph.
        """

    def remove_graph(self, graph: str) -> None: ...

    def named_graphs(self) -> list[str]: ...

    def select(self, sparql: str) -> list[dict[str, Value]]:
        """SELECT with the union of named graphs as default graph; terms as Python values.

        IRIs and literals become ``str`` (typed numbers/booleans their Python
        type); unbound variables are absent or ``None``. The union is a *bag*
        on Oxigraph: a triple stated in three source graphs matches three
        times, so use ``DISTINCT`` (or ``GROUP BY``) when listing or counting.
        """

    def ask(self, sparql: str) -> bool: ...

    def query(
        self, sparql: str, *, default_graph: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None,
        base_iri: str | None = None,
    ) -> QueryOutcome:
        """Run any query form.

        With neither ``default_graph`` nor ``named_graphs`` the default graph is the union of all graphs; with
        either, the dataset is exactly what they name (an empty ``default_graph`` list is an empty default graph),
        as the SPARQL Protocol defines. ``base_iri`` resolves relative IRIs in the text.
        """

    def update(self, sparql: str, *, base_iri: str | None = None, using_graphs: Sequence[str] = (),
               using_named_graphs: Sequence[str] = ()) -> None:
        """Run a SPARQL 1.1 Update request (one transaction where the backend offers one).

        ``using_graphs`` / ``using_named_graphs`` are the protocol's
        ``using-graph-uri`` / ``using-named-graph-uri``: the dataset of every
        ``WHERE`` in the request (the caller refuses texts with their own
        ``USING``/``WITH``, see ``graph.store.using``).
        """

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]: ...

    def graph_sha256(self, graph: str) -> str | None:
        """The checksum recorded in ``graph`` by :meth:`replace_graph`, if any."""

    def sources(self) -> list[SourceRecord]:
        """Every graph that records a file name and checksum, ordered by name."""

    def close(self) -> None: ...
