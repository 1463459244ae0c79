"""Bulk import of an RDF file into a store, streaming, so a file larger than memory loads.

Two paths, because the engines promise different things:

- the embedded store (pyoxigraph in this process): the file is parsed as a
  stream and written with Oxigraph's bulk loader in bounded batches (at most
  ``BATCH_QUADS`` quads or ``BATCH_BYTES`` of text each), which is fast and
  keeps memory flat, but is *not* atomic: a load that fails or is killed
  leaves its graphs partly loaded. :attr:`LoadReport.atomic` is ``False`` and
  the command says so; ``replace=True`` empties each target graph before its
  first batch, so re-running with it loads the graph cleanly.
- any other store (a remote SPARQL endpoint, or the running ``nqgraph serve``
  that holds the directory): batches go by SPARQL Update into a fresh staging
  graph per target graph, and one final request moves (``replace``) or adds
  them onto the targets. Until that request the targets are untouched, so a
  failed or killed load leaves them as they were (and at most a
  ``urn:nqgraph:staging:*`` graph behind).

Blank nodes are renamed to fresh ids as the file is read, so two files'
``_:b1`` never merge. On the SPARQL path they are also skolemised (RDF 1.1
Concepts 3.5: ``BASE.well-known/genid/ID``): a blank node written in one
update request cannot be named by the next, and a file's blank node may span
batches.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.store.base import Store, StoreError
from graph.store.common import insert_operation
from graph.store.oxigraph import OxigraphStore

FORMATS: dict[str, ox.RdfFormat] = {
    ".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML, ".n3": ox.RdfFormat.N3,
}
BATCH_QUADS = 100_000
BATCH_BYTES = 32 * 1024 * 1024
#: SPARQL batches stay well under a server's request body limit (nqgraph's default is 20 MiB).
UPDATE_BATCH_BYTES = 4 * 1024 * 1024
DEFAULT = "(default graph)"


@dataclass
class LoadReport:
    """What a load wrote: quads, the graphs they went to, and whether a failure could have left a graph half done."""

    quads: int = 0
    graphs: list[str] = field(default_factory=list)
    atomic: bool = True
    skolemised: int = 0


class LoadError(StoreError):
    """A load stopped; ``report`` says what had been written, ``partial`` whether targets may be half loaded."""

    def __init__(self, message: str, report: LoadReport, partial: bool) -> None:
        super().__init__(message)
        self.report = report
        self.partial = partial


def format_for(path: Path) -> ox.RdfFormat:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"cannot tell the RDF format of {path.name}; expected one of {', '.join(sorted(FORMATS))}")
    return fmt


def _quads(path: Path, fmt: ox.RdfFormat, graph: str | None, base_iri: str | None) -> Iterator[ox.Quad]:
    """The file's quads as they are parsed, default-graph ones moved into ``graph`` when it is given."""
    target = ox.NamedNode(graph) if graph else None
    for quad in ox.parse(path=path, format=fmt, base_iri=base_iri, rename_blank_nodes=True):
        if target is not None and isinstance(quad.graph_name, ox.DefaultGraph):
            yield ox.Quad(quad.subject, quad.predicate, quad.object, target)
        else:
            yield quad


def _size(quad: ox.Quad) -> int:
    obj = quad.object
    return 100 + (len(obj.value) if isinstance(obj, ox.Literal) else 0)


def _name(graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> str:
    return graph.value if isinstance(graph, ox.NamedNode | ox.BlankNode) else DEFAULT


def load_file(store: Store, path: Path, *, graph: str | None = None, replace: bool = False,
              base_iri: str | None = None, skolem_base: str = "https://w3id.org/nqgraph/id/",
              progress: Callable[[int], None] | None = None) -> LoadReport:
    """Load ``path`` (format from its suffix) into ``store``; see the module docstring for what a failure leaves."""
    fmt = format_for(path)
    if isinstance(store, OxigraphStore):
        return _load_embedded(store, _quads(path, fmt, graph, base_iri), replace, progress or (lambda n: None))
    return _load_staged(store, _quads(path, fmt, graph, base_iri), replace, skolem_base, progress or (lambda n: None))


def _load_embedded(store: OxigraphStore, quads: Iterator[ox.Quad], replace: bool,
                   progress: Callable[[int], None]) -> LoadReport:
    report = LoadReport(atomic=False)
    seen: set[str] = set()
    batch: list[ox.Quad] = []
    size = 0

    def flush() -> None:
        nonlocal batch, size
        for name in {_name(q.graph_name) for q in batch} - seen:
            if replace:  # emptied just before its first quads land, so a re-run starts clean
                store.update("DROP SILENT DEFAULT" if name == DEFAULT else f"DROP SILENT GRAPH <{name}>")
            seen.add(name)
            report.graphs.append(name)
        store.oxigraph.bulk_extend(batch)
        report.quads += len(batch)
        progress(report.quads)
        batch, size = [], 0

    try:
        for quad in quads:
            batch.append(quad)
            size += _size(quad)
            if len(batch) >= BATCH_QUADS or size >= BATCH_BYTES:
                flush()
        if batch:
            flush()
        store.oxigraph.flush()
    except (SyntaxError, OSError, ValueError) as exc:
        raise LoadError(f"{type(exc).__name__}: {exc}", report, partial=bool(report.quads)) from exc
    return report


def _skolem(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple, base: str,
            report: LoadReport) -> ox.NamedNode | ox.Literal | ox.Triple:
    if isinstance(term, ox.BlankNode):
        report.skolemised += 1
        return ox.NamedNode(f"{base}.well-known/genid/{term.value}")
    return term  # type: ignore[return-value]


def _load_staged(store: Store, quads: Iterator[ox.Quad], replace: bool, skolem_base: str,
                 progress: Callable[[int], None]) -> LoadReport:
    report = LoadReport(atomic=True)
    staging: dict[str, str] = {}  # target graph name -> its staging graph
    batches: dict[str, list[ox.Triple]] = {}
    sizes: dict[str, int] = {}

    def send(name: str) -> None:
        triples = batches.pop(name, [])
        sizes.pop(name, None)
        if triples:
            store.update(insert_operation(staging[name], triples))
            report.quads += len(triples)
            progress(report.quads)

    try:
        for quad in quads:
            name = _name(quad.graph_name)
            if name not in staging:
                staging[name] = f"urn:nqgraph:staging:{uuid.uuid4()}"
                report.graphs.append(name)
            triple = ox.Triple(_skolem(quad.subject, skolem_base, report), quad.predicate,  # type: ignore[arg-type]
                               _skolem(quad.object, skolem_base, report))
            batches.setdefault(name, []).append(triple)
            sizes[name] = sizes.get(name, 0) + _size(quad)
            if sizes[name] >= UPDATE_BATCH_BYTES:
                send(name)
        for name in list(batches):
            send(name)
        operations = []
        for name, stage in staging.items():
            target = "DEFAULT" if name == DEFAULT else f"GRAPH <{name}>"
            operations += ([f"MOVE SILENT GRAPH <{stage}> TO {target}"] if replace
                           else [f"ADD SILENT GRAPH <{stage}> TO {target}", f"DROP SILENT GRAPH <{stage}>"])
        if operations:
            store.update(" ;\n".join(operations))
    except (SyntaxError, OSError, ValueError, StoreError) as exc:
        for stage in staging.values():
            try:
                store.update(f"DROP SILENT GRAPH <{stage}>")
            except StoreError:
                pass  # best effort: the targets are untouched either way
        raise LoadError(f"{type(exc).__name__}: {exc}", report, partial=False) from exc
    return report
