"""Ingest: from received bytes to a source's named graph, shared by ``nqgraph build`` and ``POST /api/sources``.

    inputs   what a source is (name, bytes, format, charset, metadata); reading files, JSON, JSON Lines
    extraction  bytes → text (HTML: its main text) → extraction; every input problem found before any write
    write    which stored source an input replaces; quads; one atomic ``replace_graph``; counts
    batch    a whole corpus, extraction over worker processes (``nqgraph build --jobs N``)
    live     one request at a time into a served store, writes serialised, validation first

>>> from graph.store import open_store
>>> store = open_store(":memory:")
>>> report = ingest_batch(store, [SourceInput("a.txt", "Tỉnh ủy Trà Vinh ban hành Nghị quyết 21-NQ/TW.".encode())],
...                       rdf=load_rdf(), base="https://w3id.org/nqgraph/id/")
>>> report.added, [r.name for r in store.sources()]
(['a.txt'], ['a.txt'])
"""

from __future__ import annotations

from graph.ingest.batch import BuildReport, build_files, ingest_batch, read_inputs, write_build_config
from graph.ingest.extraction import Prepared, extract_prepared, extract_text, prepare
from graph.ingest.inputs import (
    INPUT_SUFFIXES,
    META_KEYS,
    InputProblem,
    SourceInput,
    collect_files,
    decode,
    format_for,
    from_jsonl,
    from_object,
    load_meta,
)
from graph.ingest.live import LiveIngest, SourceSummary
from graph.ingest.write import Outcome, canonical_sha256, load_rdf, load_shared, resolver_for, source_graph

__all__ = [
    "INPUT_SUFFIXES",
    "META_KEYS",
    "BuildReport",
    "InputProblem",
    "LiveIngest",
    "Outcome",
    "Prepared",
    "SourceInput",
    "SourceSummary",
    "build_files",
    "canonical_sha256",
    "collect_files",
    "decode",
    "extract_prepared",
    "extract_text",
    "format_for",
    "from_jsonl",
    "from_object",
    "ingest_batch",
    "load_meta",
    "load_rdf",
    "load_shared",
    "prepare",
    "read_inputs",
    "resolver_for",
    "source_graph",
    "write_build_config",
]
