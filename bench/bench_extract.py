"""Extraction throughput (documents/s, MB/s) with 1 and 2 processes, and how its time grows with corpus size.

``graph.extract.extract`` is pure, so it is mapped over the corpus with a
``multiprocessing`` pool (fork: the workers inherit the texts, only index
ranges cross the pipe). One process is a pool of one worker, the baseline of
the 2-process figure; every repetition gets fresh workers. The scaling benchmarks (``bench.bench_scaling``) reuse the
pool helpers here.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable
from typing import Any

from bench.harness import Context, NotAvailable, Row, benchmark
from bench.inputs import ensure_corpus, read_corpus

_TEXTS: list[str] = []
_NAMES: list[str] = []


def extractor() -> Callable[..., Any]:
    try:
        from graph.extract import extract
    except ModuleNotFoundError as exc:
        if exc.name not in ("graph", "graph.extract"):
            raise RuntimeError(f"graph.extract does not import: {exc}") from exc
        raise NotAvailable("graph.extract.extract") from exc
    except ImportError as exc:
        if "'extract'" not in str(exc):
            raise RuntimeError(f"graph.extract does not import: {exc}") from exc
        raise NotAvailable("graph.extract.extract") from exc
    return extract


def _extract_range(bounds: tuple[int, int]) -> int:
    """Extract texts[start:end] in this worker; returns the number of entities found (to spot a stub)."""
    extract = extractor()
    found = 0
    for i in range(*bounds):
        ext = extract(_TEXTS[i], meta={"doc": _NAMES[i]})
        found += len(ext.organizations) + len(ext.people) + len(ext.documents)
    return found


def _chunks(count: int, parts: int) -> list[tuple[int, int]]:
    step = max(1, count // parts)
    return [(i, min(count, i + step)) for i in range(0, count, step)]


def load_texts(ctx: Context, count: int) -> int:
    """Put the first ``count`` articles in the module globals the workers inherit; returns their UTF-8 bytes."""
    path = ensure_corpus(ctx, max(count, 1))
    _TEXTS.clear()
    _NAMES.clear()
    for art in read_corpus(path, count):
        _TEXTS.append(art["text"])
        _NAMES.append(art["name"])
    if len(_TEXTS) < count:
        raise RuntimeError(f"the corpus has {len(_TEXTS)} articles, {count} needed")
    return sum(len(t.encode()) for t in _TEXTS)


def timed(pool: Any, count: int, processes: int, start_at: int = 0) -> tuple[float, int]:
    """Wall seconds to extract texts[start_at:start_at + count] (in this process when ``pool`` is None)."""
    start = time.perf_counter()
    if pool is None:
        found = _extract_range((start_at, start_at + count))
    else:
        chunks = [(a + start_at, b + start_at) for a, b in _chunks(count, processes * 8)]
        found = sum(pool.map(_extract_range, chunks))
    return time.perf_counter() - start, found


def fresh_run(processes: int, count: int, warm: int) -> tuple[float, int]:
    """One repetition in a fresh pool of ``processes`` workers, warmed on ``warm`` articles after the measured ones.

    Fresh workers for every repetition and warm-up articles that are not measured: whatever the extractor
    caches in a process (per text, per sentence) cannot make a later repetition look faster than a first
    pass over new articles, which is what a real corpus is.
    """
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        timed(pool, warm, processes, start_at=count)  # imports, language data
        return timed(pool, count, processes)


@benchmark("extract.throughput", cap=(40, 600))
def extraction_throughput(ctx: Context) -> None:
    extractor()
    count, reps, warm = ctx.pick(40, 500), ctx.pick(2, 3), 16
    load_texts(ctx, count + warm)
    size = sum(len(t.encode()) for t in _TEXTS[:count])
    one: list[float] = []
    two: list[float] = []
    found = 0
    for _ in range(reps):  # interleaved, so drift hits both alike
        seconds, found = fresh_run(1, count, warm)
        one.append(seconds)
        seconds, _ = fresh_run(2, count, warm)
        two.append(seconds)
    note = f"{count} docs, {size / 1e6:.1f} MB; {found / count:.1f} orgs+people+documents per doc"
    if found == 0:
        note += " (the extractor found nothing: still a stub?)"
    ctx.emit(Row("extraction", "extract(), 1 process", "nqgraph", "docs/s", [count / t for t in one],
                 higher_is_better=True, note=note))
    ctx.emit(Row("extraction", "extract(), 2 processes", "nqgraph", "docs/s", [count / t for t in two],
                 higher_is_better=True, baseline="1 process", baseline_values=[count / t for t in one]))
    ctx.emit(Row("extraction", "extract(), 1 process", "nqgraph", "MB/s", [size / 1e6 / t for t in one],
                 higher_is_better=True))
    ctx.emit(Row("extraction", "extract(), 2 processes", "nqgraph", "MB/s", [size / 1e6 / t for t in two],
                 higher_is_better=True, baseline="1 process", baseline_values=[size / 1e6 / t for t in one]))
