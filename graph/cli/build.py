"""``nqgraph build``'s library side: files in, sources loaded, unchanged ones skipped.

The pipeline itself lives in :mod:`graph.ingest`, shared with ``POST
/api/sources``; this module keeps the names the command (and code written
against it) uses. ``build`` looks ``extract_text`` up in this module at call
time, so a caller may substitute the per-document work (tests do, to load
without the real extractor).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.ingest import INPUT_SUFFIXES, META_KEYS, BuildReport, build_files, collect_files, load_meta, load_rdf
from graph.ingest import extract_text as extract_text
from graph.ingest.batch import write_build_config
from graph.ingest.write import canonical_sha256, resolver_for, source_graph
from graph.store import Store

TEXT_SUFFIXES = INPUT_SUFFIXES

__all__ = [
    "META_KEYS",
    "TEXT_SUFFIXES",
    "BuildReport",
    "build",
    "canonical_sha256",
    "collect_files",
    "extract_text",
    "load_meta",
    "load_rdf",
    "resolver_for",
    "source_graph",
    "write_build_config",
]


def build(store: Store, files: list[Path], *, rdf: Any, base: str, metas: dict[str, dict[str, Any]] | None = None,
          jobs: int = 1, progress: Callable[[str, str, int], None] | None = None) -> BuildReport:
    """Extract and load ``files`` (text, HTML, JSON Lines batches); see :func:`graph.ingest.build_files`."""
    return build_files(store, files, rdf=rdf, base=base, metas=metas, jobs=jobs, progress=progress,
                       extractor=extract_text)
