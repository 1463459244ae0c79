"""In-process SPARQL latency: nqgraph's store (``Store.query``) vs rdflib's ``Dataset.query`` (the baseline).

Each query's repetitions run in a forked child under their own cap, so a
query that rdflib cannot finish is reported as capped and the next one still
runs. The nqgraph store is opened inside each child (a RocksDB handle must not
cross a fork); the rdflib Dataset is loaded once in the parent and inherited.
Every repetition consumes the whole result. The 10M graph is measured for
nqgraph alone (full mode).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.harness import Context, Row, benchmark
from bench.inputs import ensure_nquads, ensure_store
from bench.isolate import Outcome, call_in_fork
from bench.queries import full_text, queries

_DATASET: list[Any] = []


def repeat(run: Callable[[], int], reps: int, budget: float) -> tuple[list[float], int]:
    """Milliseconds per repetition (after one warm-up) until ``reps`` or ``budget`` seconds; and the row count."""
    start = time.perf_counter()
    rows = run()
    times: list[float] = []
    while len(times) < reps and (not times or time.perf_counter() - start < budget):
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) * 1000)
    return times, rows


def nqgraph_reps(data_dir: Path, query: str, reps: int, budget: float) -> tuple[list[float], int]:
    from graph.store.lock import db_path
    from graph.store.oxigraph import OxigraphStore

    store = OxigraphStore(db_path(data_dir), read_only=True)
    try:
        return repeat(lambda: len(list(store.query(query))), reps, budget)  # type: ignore[arg-type]
    finally:
        store.close()


def rdflib_reps(query: str, reps: int, budget: float) -> tuple[list[float], int]:
    dataset = _DATASET[0]
    return repeat(lambda: len(list(dataset.query(query))), reps, budget)


def _values(outcome: Outcome) -> tuple[list[float], int | None, str]:
    if outcome.capped:
        return [], None, "capped"
    if outcome.error:
        return [], None, "error"
    times, rows = outcome.value
    return times, rows, "ok"


def _query_size(label: str, *, with_rdflib: bool, full_only: bool) -> None:
    @benchmark(f"query.{label}", cap=(45, 1500 if label != "10M" else 900), full_only=full_only)
    def query(ctx: Context) -> None:
        data_dir, _ = ensure_store(ctx, label)
        per_query = ctx.pick(8.0, 120.0)
        ox_reps, rl_reps = ctx.pick(20, 30), ctx.pick(5, 5)
        texts = {name: full_text(q) for name, q in queries(ctx.seed).items()}
        ox = {name: call_in_fork(nqgraph_reps, data_dir, q, ox_reps, per_query / 2, timeout=per_query)
              for name, q in texts.items()}
        rl: dict[str, Outcome] = {}
        load_note = ""
        if with_rdflib:
            import rdflib

            start = time.perf_counter()
            dataset = rdflib.Dataset(default_union=True)
            dataset.parse(str(ensure_nquads(ctx, label)), format="nquads")
            _DATASET[:] = [dataset]
            load_note = f"rdflib loaded in {time.perf_counter() - start:.1f} s"
            rl = {name: call_in_fork(rdflib_reps, q, rl_reps, per_query / 2, timeout=per_query)
                  for name, q in texts.items()}
        for name in texts:
            values, rows, status = _values(ox[name])
            base, base_rows, base_status = _values(rl[name]) if name in rl else ([], None, "ok")
            notes = [f"{rows} rows" if rows is not None else ""]
            if with_rdflib and base_status != "ok":
                notes.append(f"rdflib {base_status} at {per_query:.0f} s")
            elif base_rows is not None and base_rows != rows:
                notes.append(f"rdflib returned {base_rows} rows")
            if status != "ok":
                notes.append(ox[name].error or f"capped at {per_query:.0f} s")
            ctx.emit(Row("query", f"{label}: {name}", "nqgraph store", "ms", values,
                         baseline="rdflib Dataset" if with_rdflib else None, baseline_values=base, status=status,
                         note="; ".join(n for n in notes if n)))
        if load_note:
            ctx.emit(Row("query", f"{label}: (rdflib load for the queries)", "rdflib Dataset", "s", [],
                         note=load_note))


_query_size("100k", with_rdflib=True, full_only=False)
_query_size("1M", with_rdflib=True, full_only=True)
_query_size("10M", with_rdflib=False, full_only=True)
