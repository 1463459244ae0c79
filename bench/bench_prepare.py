"""Preparing inputs: the synthetic corpus and the RDF graphs (their generation rates are figures too)."""

from __future__ import annotations

import time

from bench.harness import Context, Row, benchmark
from bench.inputs import corpus_path, corpus_size, ensure_corpus, ensure_nquads, read_corpus


@benchmark("prepare.corpus", cap=(60, 900))
def prepare_corpus(ctx: Context) -> None:
    """Generate the corpus once (30,000 articles in full mode); report the generator's own rate."""
    count = corpus_size(ctx)
    cached = corpus_path(ctx, count).exists()
    start = time.perf_counter()
    path = ensure_corpus(ctx, count)
    seconds = time.perf_counter() - start
    size = sum(len(a["text"].encode()) for a in read_corpus(path, count))
    note = f"{count} articles, {size / 1e6:.1f} MB, mean {size / count / 1000:.1f} KB"
    if cached:
        ctx.emit(Row("prepare", "synthetic corpus", "bench.corpus", "s", [], note=note + " (cached)"))
    else:
        ctx.emit(Row("prepare", "synthetic corpus generation", "bench.corpus", "docs/s", [count / seconds],
                     higher_is_better=True, note=note))


def _prepare_rdf(label: str) -> None:
    @benchmark(f"prepare.rdf.{label}", cap=(60, 300 if label != "10M" else 900), full_only=label != "100k")
    def prepare(ctx: Context) -> None:
        existing = (ctx.workdir / "rdf" / f"synthetic-{label_count(label)}-s{ctx.seed}.nq").exists()
        start = time.perf_counter()
        path = ensure_nquads(ctx, label)
        seconds = time.perf_counter() - start
        note = f"{path.stat().st_size / 1e6:.0f} MB N-Quads"
        if existing:
            ctx.emit(Row("prepare", f"RDF graph {label}", "bench.rdf_graphs", "s", [], note=note + " (cached)"))
        else:
            ctx.emit(Row("prepare", f"RDF graph {label} generation", "bench.rdf_graphs", "quads/s",
                         [label_count(label) / seconds], higher_is_better=True, note=note))


def label_count(label: str) -> int:
    from bench.rdf_graphs import SIZES

    return SIZES[label]


for _label in ("100k", "1M", "10M"):
    _prepare_rdf(_label)
