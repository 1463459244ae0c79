"""Behaviour shared by every backend, written once in terms of ``query`` and ``update``.

Why SPARQL Update for ``replace_graph`` even in-process: pyoxigraph 0.5 has no
Python transaction object, but it runs one update *request* (several
operations separated by ``;``) in a single RocksDB transaction, so
``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }`` is all or nothing,
and readers never see the graph empty. Remote endpoints need not run a request
as one transaction (Virtuoso commits operation by operation), so the remote
backend stages the new content and switches it in with one ``MOVE``. The same
text works on any SPARQL 1.1 Update endpoint, which is what keeps the remote
backend a thin HTTP client.
"""

from __future__ import annotations

import abc
import uuid
from collections.abc import Iterable, Iterator, Sequence

import pyoxigraph as ox

from graph.store.base import NQ, XSD, QueryOutcome, SourceRecord, Value

_INTEGERS = {
    XSD + t
    for t in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
        "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte",
    )
}
_FLOATS = {XSD + "decimal", XSD + "double", XSD + "float"}


def to_python(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> Value:
    """An RDF term as a plain value: IRIs and strings as ``str``, typed numbers and booleans natively.

    >>> to_python(ox.Literal("3", datatype=ox.NamedNode(XSD + "integer")))
    3
    >>> to_python(ox.NamedNode("https://w3id.org/nqgraph/id/org/x"))
    'https://w3id.org/nqgraph/id/org/x'
    """
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(term.value)
        except ValueError:  # an ill-typed literal stays a string rather than failing the whole query
            return term.value
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def replace_operations(graph: str, quads: Iterable[ox.Quad | ox.Triple], extra: Iterable[ox.Triple] = (),
                       *, staging: str | None = None) -> list[str]:
    """The SPARQL Update operations that make ``graph`` hold exactly ``quads`` plus ``extra``.

    Without ``staging``: drop and insert, for a backend that runs one request
    as one transaction. With it: fill the staging graph, then ``MOVE`` it onto
    ``graph`` -- a single operation, so a backend that commits each operation
    on its own (Virtuoso) still never shows a half-written graph, and a
    failure before the move leaves the old graph untouched. Terms print in
    N-Triples syntax, which SPARQL accepts as is (escapes included).
    """
    target = ox.NamedNode(graph)
    triples = [*quads, *extra]
    if not triples:
        return [f"DROP SILENT GRAPH {target}"]
    if staging is None:
        return [f"DROP SILENT GRAPH {target}", insert_operation(graph, triples)]
    stage = ox.NamedNode(staging)
    return [f"DROP SILENT GRAPH {stage}", insert_operation(staging, triples), f"MOVE GRAPH {stage} TO GRAPH {target}"]


def insert_operation(graph: str | None, triples: Iterable[ox.Quad | ox.Triple]) -> str:
    r"""One SPARQL Update operation adding ``triples`` to ``graph`` (``None``: the default graph).

    Some endpoints (Virtuoso) refuse blank nodes in ``INSERT DATA``; a template
    with an empty ``WHERE`` is equivalent, and is used only when needed.

    >>> insert_operation("https://example.org/g", [ox.Triple(ox.NamedNode("https://example.org/s"),
    ...     ox.NamedNode("https://example.org/p"), ox.Literal("o"))])
    'INSERT DATA { GRAPH <https://example.org/g> {\n<https://example.org/s> <https://example.org/p> "o" .\n} }'
    """
    items = list(triples)
    body = "".join(f"{x.subject} {x.predicate} {x.object} .\n" for x in items)
    block = f"GRAPH {ox.NamedNode(graph)} {{\n{body}}}" if graph is not None else body
    has_blank = any(isinstance(x.subject, ox.BlankNode) or isinstance(x.object, ox.BlankNode) for x in items)
    return f"INSERT {{ {block} }} WHERE {{}}" if has_blank else f"INSERT DATA {{ {block} }}"


def bookkeeping(graph: str, sha256: str | None, name: str | None) -> list[ox.Triple]:
    """The triples ``replace_graph`` adds so a later build can skip unchanged bytes."""
    subject = ox.NamedNode(graph)
    out = []
    if sha256:
        out.append(ox.Triple(subject, ox.NamedNode(NQ + "sha256"), ox.Literal(sha256)))
    if name:
        out.append(ox.Triple(subject, ox.NamedNode(NQ + "fileName"), ox.Literal(name)))
    return out


class SparqlStore(abc.ABC):
    """Base class: subclasses provide ``query``, ``update``, ``generation`` and ``close``."""

    location: str = ""
    _read_only: bool = False

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    @abc.abstractmethod
    def generation(self) -> int: ...

    @abc.abstractmethod
    def query(
        self, sparql: str, *, default_graph: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None,
        base_iri: str | None = None,
    ) -> QueryOutcome: ...

    @abc.abstractmethod
    def update(self, sparql: str, *, base_iri: str | None = None, using_graphs: Sequence[str] = (),
               using_named_graphs: Sequence[str] = ()) -> None: ...

    @abc.abstractmethod
    def close(self) -> None: ...

    #: Whether ``replace_graph`` stages into a scratch graph first (see :func:`replace_operations`).
    stage_replacements: bool = False

    def replace_graph(
        self, graph: str, quads: Iterable[ox.Quad | ox.Triple], *, sha256: str | None = None, name: str | None = None
    ) -> None:
        staging = f"urn:nqgraph:staging:{uuid.uuid4()}" if self.stage_replacements else None
        operations = replace_operations(graph, quads, bookkeeping(graph, sha256, name), staging=staging)
        try:
            self.update(" ;\n".join(operations))
        except Exception:
            if staging is not None:
                self.update(f"DROP SILENT GRAPH <{staging}>")  # best effort: leave no scratch graph behind
            raise

    def remove_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH {ox.NamedNode(graph)}")

    def select(self, sparql: str) -> list[dict[str, Value]]:
        result = self.query(sparql)
        if not isinstance(result, ox.QuerySolutions):
            raise TypeError("select() needs a SELECT query")
        names = [v.value for v in result.variables]
        return [{n: to_python(row[n]) for n in names if row[n] is not None} for row in result]

    def ask(self, sparql: str) -> bool:
        result = self.query(sparql)
        if not isinstance(result, ox.QueryBoolean):
            raise TypeError("ask() needs an ASK query")
        return bool(result)

    def named_graphs(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(str(r["g"]) for r in rows)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        where = f"GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        result = self.query(f"SELECT * WHERE {{ {where} }}")
        assert isinstance(result, ox.QuerySolutions)
        fixed = ox.NamedNode(graph) if graph else None
        for row in result:
            yield ox.Quad(row["s"], row["p"], row["o"], fixed or row["g"])

    def graph_sha256(self, graph: str) -> str | None:
        g = ox.NamedNode(graph)
        rows = self.select(f"SELECT ?sha WHERE {{ GRAPH {g} {{ {g} nq:sha256 ?sha }} }} LIMIT 1")
        return str(rows[0]["sha"]) if rows else None

    def sources(self) -> list[SourceRecord]:
        rows = self.select(
            "SELECT ?g ?sha ?name ?lang ?title WHERE { GRAPH ?g { ?g nq:sha256 ?sha ; nq:fileName ?name . "
            "OPTIONAL { ?g dcterms:language ?lang } OPTIONAL { ?g dcterms:title ?title } } } ORDER BY ?name ?g"
        )
        seen: dict[str, SourceRecord] = {}
        for r in rows:
            g = str(r["g"])
            if g not in seen:
                lang, title = r.get("lang"), r.get("title")
                seen[g] = SourceRecord(g, str(r["sha"]), str(r["name"]), None if lang is None else str(lang),
                                       None if title is None else str(title))
        return list(seen.values())

    def __enter__(self) -> SparqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
