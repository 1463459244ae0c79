"""Build throughput into the store (triples/s) and the peak memory of a build.

The extractions come from the corpus ground truth (``Extraction.from_dict``),
not from ``extract()``: that isolates the cost of turning facts into quads
(``graph.rdf.extraction_to_quads``) and writing them (``Store.replace_graph``)
from the extractor's, and the figures stay meaningful while the extractor is
incomplete. Each repetition runs in a forked child with a fresh on-disk store,
so its peak RSS is that build's alone (plus what the parent had loaded).
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.harness import Context, NotAvailable, Row, benchmark
from bench.inputs import ensure_corpus, read_corpus
from bench.isolate import call_in_fork, rss_mb


def builder() -> tuple[Callable[..., Any], str]:
    """``extraction_to_quads``, from ``graph.rdf`` or, while that package exports nothing, ``graph.rdf.build``."""
    for module in ("graph.rdf", "graph.rdf.build"):
        try:
            mod = __import__(module, fromlist=["extraction_to_quads"])
            return mod.extraction_to_quads, module
        except (ImportError, AttributeError):
            continue
    raise NotAvailable("graph.rdf.extraction_to_quads")


def _build(articles: list[dict[str, Any]], data_dir: Path) -> tuple[float, float, int]:
    from graph.model import Extraction
    from graph.store import open_store

    to_quads, _ = builder()
    store = open_store(data_dir, via_server=False)
    t_quads = t_store = 0.0
    total = 0
    try:
        for art in articles:
            ext = Extraction.from_dict(art["gold"])
            sha = hashlib.sha256(art["text"].encode()).hexdigest()
            start = time.perf_counter()
            quads = to_quads(ext, text=art["text"], source_name=art["name"], sha256=sha)
            middle = time.perf_counter()
            graph = quads[0].graph_name.value if quads else f"urn:bench:{art['name']}"
            store.replace_graph(graph, quads, sha256=sha, name=art["name"])
            t_quads += middle - start
            t_store += time.perf_counter() - middle
            total += len(quads)
    finally:
        store.close()
    return t_quads, t_store, total


@benchmark("build.store", cap=(40, 600))
def build_store(ctx: Context) -> None:
    _, module = builder()
    try:
        from graph.store import open_store  # noqa: F401
    except ImportError as exc:
        raise NotAvailable(f"graph.store.open_store ({exc})") from exc
    count, reps = ctx.pick(50, 1000), ctx.pick(2, 3)
    articles = list(read_corpus(ensure_corpus(ctx), count))
    parent_rss = rss_mb()
    rates: list[float] = []
    quad_rates: list[float] = []
    store_rates: list[float] = []
    peaks: list[float] = []
    total = 0
    for rep in range(reps):
        data_dir = ctx.workdir / "tmp" / f"build-{rep}"
        shutil.rmtree(data_dir, ignore_errors=True)
        left = max(5.0, ctx.cap / reps)
        outcome = call_in_fork(_build, articles, data_dir, timeout=left)
        shutil.rmtree(data_dir, ignore_errors=True)
        if outcome.capped or outcome.error:
            status = "capped" if outcome.capped else "error"
            ctx.emit(Row("build", f"build {count} docs", "nqgraph", "triples/s", [], status=status,
                         note=outcome.error or f"repetition {rep + 1} ran past {left:.0f} s"))
            return
        t_quads, t_store, total = outcome.value
        rates.append(total / (t_quads + t_store))
        quad_rates.append(total / t_quads if t_quads else 0.0)
        store_rates.append(total / t_store if t_store else 0.0)
        peaks.append(outcome.maxrss_mb)
    note = f"{count} docs from the corpus gold, {total} quads ({total / count:.0f}/doc); {module}"
    ctx.emit(Row("build", "extraction_to_quads + replace_graph", "nqgraph", "triples/s", rates,
                 higher_is_better=True, note=note))
    ctx.emit(Row("build", "extraction_to_quads only", "nqgraph", "triples/s", quad_rates, higher_is_better=True))
    ctx.emit(Row("build", "replace_graph only (on-disk store)", "nqgraph", "triples/s", store_rates,
                 higher_is_better=True))
    ctx.emit(Row("build", "peak RSS of the build process", "nqgraph", "MB", peaks,
                 note=f"the parent held {parent_rss:.0f} MB (corpus, imports) when it forked"))
