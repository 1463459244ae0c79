"""The store side of ingest: which source a new input replaces, its quads, one atomic write, what it holds.

Why each source is one ``replace_graph``: the store makes that call all or
nothing (one transaction on Oxigraph, a staged ``MOVE`` on a remote endpoint),
so a crash at any moment leaves every source either as it was or wholly
replaced, never half written, and readers never see it empty.

Why the previous record is looked up two ways: by the graph the identity
names (the usual case), and by file name when the identity has just become a
URL (a ``--meta`` file or an upload now says where the article was
published), so the graph named after the file is replaced rather than left
behind. A graph that merely shares the file name under another URL is never
touched.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Literal, Protocol

import pyoxigraph as ox

from graph.ingest.inputs import SourceInput
from graph.iris import source_iri
from graph.store import Store, StoreError
from graph.store.base import NQ, SourceRecord
from graph.store.common import bookkeeping

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SOURCE_DOCUMENT = ox.NamedNode(NQ + "SourceDocument")
#: What the counts in an ingest answer count: resources typed with these classes in the source's graph.
COUNTED = {
    "organizations": NQ + "Organization",
    "people": NQ + "Person",
    "documents": NQ + "LegalDocument",
    "places": NQ + "Place",
    "events": NQ + "Event",
    "posts": "http://www.w3.org/ns/org#Membership",
    "evidence": NQ + "Evidence",
}

Status = Literal["added", "replaced", "unchanged"]


@dataclass
class Outcome:
    """What happened to one source: where it lives, what it holds, and anything the caller should know."""

    name: str
    graph: str
    status: Status
    sha256: str
    url: str | None = None
    lang: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def load_rdf() -> ModuleType:
    """``graph.rdf``, which turns extractions into quads (written separately, hence imported late)."""
    try:
        import graph.rdf as rdf
    except ModuleNotFoundError as exc:
        if exc.name != "graph.rdf":
            raise
        raise StoreError("the RDF writer (graph.rdf) is not available in this installation; cannot build") from None
    return rdf


def source_graph(quads: list[ox.Quad]) -> str:
    """The one named graph a document's quads live in (the source document's IRI)."""
    graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    if len(graphs) == 1:
        return graphs.pop()
    typed = {q.subject.value for q in quads if q.predicate == RDF_TYPE and q.object == SOURCE_DOCUMENT}
    raise ValueError(f"the quads of one document span {len(graphs)} named graphs; expected exactly one"
                     + (f" (source documents: {sorted(typed)})" if typed else ""))


def canonical_sha256(quads: list[ox.Quad]) -> str:
    """A checksum of the quads that ignores blank node labels and order (RDFC-1.0)."""
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return hashlib.sha256("".join(sorted(f"{q}\n" for q in dataset)).encode()).hexdigest()


def load_shared(store: Store, quads: Iterable[ox.Quad]) -> list[str]:
    """Load the shared graphs (ontology, registry...), each replaced only when its content changed."""
    by_graph: dict[str, list[ox.Quad]] = defaultdict(list)
    for q in quads:
        if not isinstance(q.graph_name, ox.NamedNode):
            raise ValueError("shared quads must each name their graph")
        by_graph[q.graph_name.value].append(q)
    changed = []
    for graph, items in sorted(by_graph.items()):
        digest = canonical_sha256(items)
        if store.graph_sha256(graph) != digest:
            store.replace_graph(graph, items, sha256=digest)
            changed.append(graph)
    return changed


def resolver_for(extractions: list[Any], store: Store, base: str, *, fresh: bool) -> Callable[[Any], Any]:
    """How each new document's mentions get their IRIs.

    Into an empty store the whole batch is resolved together (cross-document
    merges, the same IRIs on every rebuild of the corpus); into a store that
    already holds sources each document is resolved against the documents
    stored there, so a yearless "21-NQ/TW" joins the dated one already loaded.
    """
    from graph.resolve import resolve, resolve_against, store_documents

    if fresh:
        batch = resolve(extractions, base=base)
        return lambda ext: batch
    existing = store_documents(store.select, base)
    return lambda ext: resolve_against(ext, existing, base=base)


class SourceIndex(Protocol):
    """The stored sources, looked up by graph and by file name."""

    def by_graph(self, graph: str) -> SourceRecord | None: ...

    def by_name(self, name: str) -> list[SourceRecord]: ...


class ListedSources:
    """All sources listed once (a build checks every input against them)."""

    def __init__(self, records: Iterable[SourceRecord]) -> None:
        self.graphs: dict[str, SourceRecord] = {}
        self.names: dict[str, list[SourceRecord]] = defaultdict(list)
        for r in records:
            self.graphs[r.graph] = r
            self.names[r.name].append(r)

    def by_graph(self, graph: str) -> SourceRecord | None:
        return self.graphs.get(graph)

    def by_name(self, name: str) -> list[SourceRecord]:
        return self.names.get(name, [])


class QueriedSources:
    """Sources looked up one query at a time (the API adds one source to a large store)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def by_graph(self, graph: str) -> SourceRecord | None:
        g = ox.NamedNode(graph)
        rows = self.store.select(f"SELECT ?sha ?name ?lang WHERE {{ GRAPH {g} {{ {g} nq:sha256 ?sha ; "
                                 f"nq:fileName ?name . OPTIONAL {{ {g} dcterms:language ?lang }} }} }} LIMIT 1")
        if not rows:
            return None
        lang = rows[0].get("lang")
        return SourceRecord(graph, str(rows[0]["sha"]), str(rows[0]["name"]), None if lang is None else str(lang))

    def by_name(self, name: str) -> list[SourceRecord]:
        rows = self.store.select(f"SELECT DISTINCT ?g ?sha WHERE {{ GRAPH ?g {{ ?g nq:fileName {ox.Literal(name)} ; "
                                 "nq:sha256 ?sha } }")
        return [SourceRecord(str(r["g"]), str(r["sha"]), name) for r in rows]


def previous_record(index: SourceIndex, source: SourceInput, base: str) -> SourceRecord | None:
    """The stored source this input replaces, if any (see the module docstring)."""
    record = index.by_graph(source_iri(source.identity, base))
    if record is not None:
        return record
    by_name = source_iri(source.name, base)
    return next((r for r in index.by_name(source.name) if r.graph == by_name), None)


def is_unchanged(record: SourceRecord | None, source: SourceInput, base: str) -> bool:
    """Same identity, same bytes: nothing to do."""
    return record is not None and record.sha256 == source.sha256 and record.graph == source_iri(source.identity, base)


def count_quads(quads: Iterable[ox.Quad | ox.Triple]) -> dict[str, int]:
    """Typed resources per kind, and distinct triples, in one source's quads (as the store will hold them)."""
    wanted = {iri: kind for kind, iri in COUNTED.items()}
    seen: dict[str, set[str]] = {kind: set() for kind in COUNTED}
    triples = set()
    for q in quads:
        triples.add((q.subject, q.predicate, q.object))
        if q.predicate == RDF_TYPE and isinstance(q.object, ox.NamedNode) and q.object.value in wanted:
            seen[wanted[q.object.value]].add(str(q.subject))
    return {**{kind: len(items) for kind, items in seen.items()}, "triples": len(triples)}


def stored_counts(store: Store, graph: str) -> dict[str, int]:
    """:func:`count_quads` for a graph already in the store."""
    g = ox.NamedNode(graph)
    values = " ".join(str(ox.NamedNode(iri)) for iri in COUNTED.values())
    rows = store.select(f"SELECT ?t (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH {g} {{ ?s a ?t }} "
                        f"VALUES ?t {{ {values} }} }} GROUP BY ?t")
    by_type = {str(r["t"]): int(r["n"]) for r in rows}  # type: ignore[arg-type]
    total = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
    return {**{kind: by_type.get(iri, 0) for kind, iri in COUNTED.items()},
            "triples": int(total[0]["n"]) if total else 0}  # type: ignore[arg-type]


def write_source(store: Store, source: SourceInput, text: str, extraction: Any, *, rdf: Any, base: str,
                 resolver: Callable[[Any], Any] | None, previous: SourceRecord | None) -> Outcome:
    """Write one extracted source as its graph, in one transaction, and say what it holds."""
    quads = list(rdf.extraction_to_quads(extraction, text=text, source_name=source.identity, sha256=source.sha256,
                                         base=base, resolver=resolver(extraction) if resolver else None))
    graph = source_graph(quads)
    store.replace_graph(graph, quads, sha256=source.sha256, name=source.name)
    if previous is not None and previous.graph != graph:
        store.remove_graph(previous.graph)  # the source's identity moved (its URL is now known)
    counts = count_quads([*quads, *bookkeeping(graph, source.sha256, source.name)])
    return Outcome(source.name, graph, "replaced" if previous is not None else "added", source.sha256,
                   source.meta.get("url"), getattr(extraction, "lang", None), counts)
