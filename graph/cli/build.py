"""``nqgraph build``: extract every input file and load it into the store, skipping what is already there.

Why re-running is a no-op: each source's named graph records the sha256 of
the bytes it was built from (``<graph> nq:sha256``), so a file whose name and
bytes are both known is skipped before extraction; a known name with new
bytes replaces its graph in one transaction; the shared graphs (ontology,
gazetteer, registry) are compared by the checksum of their canonical N-Quads.

Extraction is a pure function of the text, so ``--jobs N`` maps it over
worker processes; the store is written from this process only (RocksDB has
one writer). ``graph.rdf`` is imported lazily: the command says clearly when
the RDF writer is missing instead of failing at start-up.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pyoxigraph as ox

from graph import __version__
from graph.store import BadQuery, Store, StoreError
from graph.store.base import NQ

TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
META_KEYS = ("url", "title", "published")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SOURCE_DOCUMENT = ox.NamedNode(NQ + "SourceDocument")


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    shared: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.shared)


def collect_files(inputs: Iterable[Path]) -> list[Path]:
    """Files named directly, plus the text and HTML files under named directories (hidden ones skipped)."""
    out: list[Path] = []
    for item in inputs:
        if item.is_dir():
            out += sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                          and not any(part.startswith(".") for part in p.relative_to(item).parts))
        else:
            out.append(item)
    return out


def load_meta(path: Path | None) -> dict[str, dict[str, Any]]:
    """``--meta FILE.jsonl``: one object per document (``doc``, ``url``, ``title``, ``published``), keyed by ``doc``."""
    if path is None:
        return {}
    metas: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            metas[str(obj["doc"])] = {k: obj[k] for k in META_KEYS if obj.get(k) is not None}
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a JSON object with a \"doc\" key ({exc})") from exc
    return metas


def load_rdf() -> ModuleType:
    """``graph.rdf``, which turns extractions into quads (written separately, hence imported late)."""
    try:
        import graph.rdf as rdf
    except ModuleNotFoundError as exc:
        if exc.name != "graph.rdf":
            raise
        raise StoreError("the RDF writer (graph.rdf) is not available in this installation; cannot build") from None
    return rdf


def extract_text(data: bytes, name: str, meta: dict[str, Any]) -> tuple[str, Any]:
    """Decode and extract one document; module-level so worker processes can run it."""
    from graph.extract import extract

    text = data.decode("utf-8")
    return text, extract(text, meta={"doc": name, **meta})


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


def load_shared(store: Store, quads: Iterable[ox.Quad], report: BuildReport) -> None:
    """Load the shared graphs, each replaced only when its content changed."""
    by_graph: dict[str, list[ox.Quad]] = defaultdict(list)
    for q in quads:
        if not isinstance(q.graph_name, ox.NamedNode):
            raise ValueError("shared quads must each name their graph")
        by_graph[q.graph_name.value].append(q)
    for graph, items in sorted(by_graph.items()):
        digest = canonical_sha256(items)
        if store.graph_sha256(graph) != digest:
            store.replace_graph(graph, items, sha256=digest)
            report.shared.append(graph)


Todo = list[tuple[Path, bytes, dict[str, Any]]]


def _extractions(todo: Todo, jobs: int) -> Iterator[tuple[Any, BaseException | None]]:
    """(text, extraction) per item in order, or the error; at most ``jobs * 4`` documents in flight."""
    if jobs <= 1:
        for path, data, meta in todo:
            try:
                yield extract_text(data, path.name, meta), None
            except Exception as exc:  # one bad document must not stop the corpus
                yield None, exc
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        window: list[Future[tuple[str, Any]]] = []
        pending = iter(todo)
        for path, data, meta in pending:
            window.append(pool.submit(extract_text, data, path.name, meta))
            if len(window) >= jobs * 4:
                break
        while window:
            future = window.pop(0)
            nxt = next(pending, None)
            if nxt is not None:
                window.append(pool.submit(extract_text, nxt[1], nxt[0].name, nxt[2]))
            try:
                yield future.result(), None
            except Exception as exc:
                yield None, exc


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


def build(store: Store, files: list[Path], *, rdf: Any, base: str, metas: dict[str, dict[str, Any]] | None = None,
          jobs: int = 1, progress: Callable[[str, str, int], None] | None = None) -> BuildReport:
    """Extract and load ``files``; ``rdf`` provides ``shared_quads(base)`` and ``extraction_to_quads(...)``.

    ``progress(phase, name, total)`` is called as each document is checked
    ("check"), extracted ("extract") and loaded ("load"); ``total`` is the
    number of documents in that phase.
    """
    metas = metas or {}
    step = progress or (lambda phase, name, total: None)
    report = BuildReport()
    load_shared(store, rdf.shared_quads(base), report)
    known = {r.name: r for r in store.sources()}
    todo: list[tuple[Path, bytes, dict[str, Any]]] = []
    digests: dict[Path, str] = {}
    for path in files:
        data = path.read_bytes()
        digests[path] = hashlib.sha256(data).hexdigest()
        record = known.get(path.name)
        if record is not None and record.sha256 == digests[path]:
            report.unchanged.append(path.name)
        else:
            todo.append((path, data, metas.get(path.name, {})))
        step("check", path.name, len(files))
    extracted: list[tuple[Path, str, Any]] = []
    for (path, _, _), (result, error) in zip(todo, _extractions(todo, jobs), strict=True):
        if error is not None:
            report.failed.append((path.name, f"{type(error).__name__}: {error}"))
        else:
            extracted.append((path, *result))
        step("extract", path.name, len(todo))
    resolver = resolver_for([ext for _, _, ext in extracted], store, base, fresh=not known) if extracted else None
    for path, text, extraction in extracted:
        name, sha = path.name, digests[path]
        try:
            identity = metas.get(name, {}).get("url") or name  # a source is its URL, else its file name
            quads = list(rdf.extraction_to_quads(extraction, text=text, source_name=identity, sha256=sha, base=base,
                                                 resolver=resolver(extraction) if resolver else None))
            graph = source_graph(quads)
            store.replace_graph(graph, quads, sha256=sha, name=name)
            old = known.get(name)
            if old is not None and old.graph != graph:
                store.remove_graph(old.graph)  # the source's identity moved (e.g. its URL is now known)
            (report.replaced if old is not None else report.added).append(name)
        except BadQuery as exc:  # the writer produced a term the store rejects: this document only
            report.failed.append((name, f"{type(exc).__name__}: {exc}"))
        except StoreError:  # the store itself is failing (refused, unreachable): stop the build
            raise
        except Exception as exc:
            report.failed.append((name, f"{type(exc).__name__}: {exc}"))
        step("load", name, len(extracted))
    return report


def write_build_config(data_dir: Path, inputs: list[Path], meta: Path | None, base: str, jobs: int) -> Path:
    """Record how the graph was built, next to it, so it can be explained and rebuilt."""
    config = {"nqgraph": __version__, "base": base, "inputs": [str(p) for p in inputs],
              "meta": str(meta) if meta else None, "extractor": "graph.extract.extract",
              "writer": "graph.rdf.extraction_to_quads", "jobs": jobs}
    target = data_dir / "build.json"
    target.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target
