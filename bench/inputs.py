"""Cached benchmark inputs in the work directory: the synthetic corpus, N-Quads files, loaded stores.

Why cached: generating 30,000 articles or a 10M-triple file takes longer than
many of the measurements that use them, and the inputs depend only on the seed
(and, for stores, on the pyoxigraph version), so a later run reuses them. A
store is complete only when its marker file exists: a load stopped at its cap
leaves no half-built store behind for the next benchmark.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph

from bench.corpus import generate
from bench.harness import Context
from bench.rdf_graphs import SIZES, ensure_file

QUICK_CORPUS = 300
FULL_CORPUS = 30_000


def corpus_size(ctx: Context) -> int:
    return QUICK_CORPUS if ctx.quick else FULL_CORPUS


def corpus_path(ctx: Context, count: int | None = None) -> Path:
    return ctx.workdir / "corpus" / f"seed{ctx.seed}-n{count or corpus_size(ctx)}.jsonl"


def ensure_corpus(ctx: Context, count: int | None = None) -> Path:
    """A JSON Lines corpus (name, lang, text, gold per line); an existing larger one serves as well."""
    count = count or corpus_size(ctx)
    folder = ctx.workdir / "corpus"
    for existing in sorted(folder.glob(f"seed{ctx.seed}-n*.jsonl")):
        if int(existing.stem.rsplit("-n", 1)[1]) >= count:
            return existing
    path = corpus_path(ctx, count)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    with tmp.open("w", encoding="utf-8") as out:
        for art in generate(count, ctx.seed):
            out.write(json.dumps({"name": art.name, "lang": art.lang, "text": art.text, "gold": art.gold},
                                 ensure_ascii=False) + "\n")
    tmp.rename(path)
    return path


def read_corpus(path: Path, count: int) -> Iterator[dict[str, Any]]:
    """The first ``count`` articles of a corpus file (later articles never change earlier ones)."""
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= count:
                return
            yield json.loads(line)


def ensure_nquads(ctx: Context, label: str) -> Path:
    return ensure_file(ctx.workdir / "rdf", SIZES[label], ctx.seed)


def store_dir(ctx: Context, label: str) -> Path:
    """A data directory laid out as nqgraph expects (``<dir>/oxigraph`` is the RocksDB store)."""
    return ctx.workdir / "stores" / f"{label}-s{ctx.seed}-ox{pyoxigraph.__version__}"


def ensure_store(ctx: Context, label: str) -> tuple[Path, float | None]:
    """The loaded store for a size, and the bulk-load seconds if it was loaded now."""
    data_dir = store_dir(ctx, label)
    marker = data_dir / "complete"
    if marker.exists():
        return data_dir, None
    source = ensure_nquads(ctx, label)
    shutil.rmtree(data_dir, ignore_errors=True)
    seconds = load_store(data_dir, source)
    marker.write_text(str(source), encoding="utf-8")
    return data_dir, seconds


def load_store(data_dir: Path, source: Path) -> float:
    """Bulk-load an N-Quads file into a fresh nqgraph store at ``data_dir``; the seconds it took (with flush)."""
    from graph.store.lock import db_path
    from graph.store.oxigraph import OxigraphStore

    data_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    store = OxigraphStore(db_path(data_dir))
    store.oxigraph.bulk_load(path=str(source), format=pyoxigraph.RdfFormat.N_QUADS)
    store.close()
    return time.perf_counter() - start
