"""A batch of inputs into a store: what ``nqgraph build`` runs, skipping what is already there.

Why re-running is a no-op: each source's named graph records the sha256 of
the bytes it was built from (``<graph> nq:sha256``), so an input whose
identity and bytes are both known is skipped before extraction; a known
identity with new bytes replaces its graph in one transaction; the shared
graphs (ontology, registry) are compared by the checksum of their canonical
N-Quads.

Extraction is a pure function of the text, so ``jobs > 1`` maps it over
worker processes, at most ``jobs * 4`` documents in flight; the store is
written from this process only (RocksDB has one writer).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import __version__
from graph.ingest.extraction import extract_text
from graph.ingest.inputs import InputProblem, SourceInput, read_file
from graph.ingest.write import (
    ListedSources,
    Outcome,
    is_unchanged,
    load_shared,
    previous_record,
    resolver_for,
    write_source,
)
from graph.store import BadQuery, Store, StoreError

#: ``(data, name, meta) -> (text, extraction)``; ``meta`` carries ``format`` and ``charset`` besides the metadata.
Extractor = Callable[[bytes, str, dict[str, Any]], tuple[str, Any]]
Progress = Callable[[str, str, int], None]


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    shared: list[str] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.shared)


def read_inputs(files: list[Path], metas: dict[str, dict[str, Any]] | None = None
                ) -> tuple[list[SourceInput], list[tuple[str, str]]]:
    """Every source in ``files`` (a ``.jsonl`` holds many), and the problems found reading them."""
    sources: list[SourceInput] = []
    problems: list[tuple[str, str]] = []
    for path in files:
        for item in read_file(path, (metas or {}).get(path.name)):
            if isinstance(item, InputProblem):
                problems.append((path.name, f"{item.error}: {item.detail}"))
            else:
                sources.append(item)
    return sources, problems


def _job(source: SourceInput) -> tuple[bytes, str, dict[str, Any]]:
    return source.data, source.name, {**source.meta, "format": source.format, "charset": source.charset}


def _extractions(todo: list[SourceInput], extractor: Extractor, jobs: int
                 ) -> Iterator[tuple[Any, BaseException | None]]:
    """(text, extraction) per item in order, or the error."""
    if jobs <= 1:
        for source in todo:
            try:
                yield extractor(*_job(source)), None
            except Exception as exc:  # one bad document must not stop the corpus
                yield None, exc
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        window: list[Future[tuple[str, Any]]] = []
        pending = iter(todo)
        for source in pending:
            window.append(pool.submit(extractor, *_job(source)))
            if len(window) >= jobs * 4:
                break
        while window:
            future = window.pop(0)
            nxt = next(pending, None)
            if nxt is not None:
                window.append(pool.submit(extractor, *_job(nxt)))
            try:
                yield future.result(), None
            except Exception as exc:
                yield None, exc


def _describe(exc: BaseException) -> str:
    if isinstance(exc, InputProblem):
        return f"{exc.error}: {exc.detail}"
    return f"{type(exc).__name__}: {exc}"


def ingest_batch(store: Store, sources: list[SourceInput], *, rdf: Any, base: str, jobs: int = 1,
                 progress: Progress | None = None, extractor: Extractor = extract_text,
                 report: BuildReport | None = None) -> BuildReport:
    """Extract and load ``sources``; ``rdf`` provides ``shared_quads(base)`` and ``extraction_to_quads(...)``.

    ``progress(phase, name, total)`` is called as each document is checked
    ("check"), extracted ("extract") and loaded ("load"); ``total`` is the
    number of documents in that phase.
    """
    step = progress or (lambda phase, name, total: None)
    report = report or BuildReport()
    report.shared += load_shared(store, rdf.shared_quads(base))
    records = store.sources()
    index = ListedSources(records)
    todo: list[SourceInput] = []
    seen: dict[str, str] = {}
    for source in sources:
        previous = previous_record(index, source, base)
        if source.identity in seen:
            report.failed.append((source.name, f"the same source as {seen[source.identity]} "
                                               f"({source.identity}); only the first is built"))
        elif is_unchanged(previous, source, base):
            report.unchanged.append(source.name)
        else:
            todo.append(source)
        seen.setdefault(source.identity, source.name)
        step("check", source.name, len(sources))
    extracted: list[tuple[SourceInput, str, Any]] = []
    for source, (result, error) in zip(todo, _extractions(todo, extractor, jobs), strict=True):
        if error is not None:
            report.failed.append((source.name, _describe(error)))
        else:
            extracted.append((source, *result))
        step("extract", source.name, len(todo))
    resolver = resolver_for([ext for _, _, ext in extracted], store, base, fresh=not records) if extracted else None
    for source, text, extraction in extracted:
        try:
            outcome = write_source(store, source, text, extraction, rdf=rdf, base=base, resolver=resolver,
                                   previous=previous_record(index, source, base))
            (report.replaced if outcome.status == "replaced" else report.added).append(source.name)
            report.outcomes.append(outcome)
        except BadQuery as exc:  # the writer produced a term the store rejects: this document only
            report.failed.append((source.name, f"{type(exc).__name__}: {exc}"))
        except StoreError:  # the store itself is failing (refused, unreachable): stop the build
            raise
        except Exception as exc:
            report.failed.append((source.name, f"{type(exc).__name__}: {exc}"))
        step("load", source.name, len(extracted))
    return report


def build_files(store: Store, files: list[Path], *, rdf: Any, base: str, metas: dict[str, dict[str, Any]] | None = None,
                jobs: int = 1, progress: Progress | None = None, extractor: Extractor = extract_text) -> BuildReport:
    """Read ``files`` (text, HTML, JSON Lines batches) and ingest every source in them."""
    sources, problems = read_inputs(files, metas)
    report = BuildReport(failed=list(problems))
    return ingest_batch(store, sources, rdf=rdf, base=base, jobs=jobs, progress=progress, extractor=extractor,
                        report=report)


def write_build_config(data_dir: Path, inputs: list[Path], meta: Path | None, base: str, jobs: int) -> Path:
    """Record how the graph was built, next to it, so it can be explained and rebuilt."""
    config = {"nqgraph": __version__, "base": base, "inputs": [str(p) for p in inputs],
              "meta": str(meta) if meta else None, "extractor": "graph.extract.extract",
              "html": "graph.webpage.html_main_text (trafilatura)", "writer": "graph.rdf.extraction_to_quads",
              "jobs": jobs}
    target = data_dir / "build.json"
    target.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target
