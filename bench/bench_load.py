"""Loading the 100k and 1M graphs: nqgraph's store (pyoxigraph bulk load, on disk) vs rdflib's in-memory Dataset.

Repetitions alternate between the two systems and each runs in a forked child,
so each gets a cold start and its own peak-memory figure; the on-disk store is
deleted after each repetition.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from bench.harness import Context, Row, benchmark
from bench.inputs import ensure_nquads, load_store
from bench.isolate import Outcome, call_in_fork
from bench.rdf_graphs import SIZES


def rdflib_load(source: Path) -> tuple[float, int]:
    """Parse N-Quads into ``rdflib.Dataset(default_union=True)``; seconds and distinct triples."""
    import rdflib

    start = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(str(source), format="nquads")
    return time.perf_counter() - start, len(dataset)


def _nqgraph_load(data_dir: Path, source: Path) -> float:
    return load_store(data_dir, source)


def _load_size(label: str, reps: tuple[int, int]) -> None:
    @benchmark(f"load.{label}", cap=(45, 240 if label == "100k" else 900), full_only=label != "100k")
    def load(ctx: Context) -> None:
        source = ensure_nquads(ctx, label)
        count = SIZES[label]
        ox_reps, rdflib_reps = ctx.pick(reps[0], reps[1]), ctx.pick(2, reps[1])
        ox: list[Outcome] = []
        rl: list[Outcome] = []
        budget = ctx.cap / (ox_reps + rdflib_reps)
        for rep in range(max(ox_reps, rdflib_reps)):
            if rep < ox_reps:
                data_dir = ctx.workdir / "tmp" / f"load-{label}"
                shutil.rmtree(data_dir, ignore_errors=True)
                ox.append(call_in_fork(_nqgraph_load, data_dir, source, timeout=budget))
                shutil.rmtree(data_dir, ignore_errors=True)
            if rep < rdflib_reps:
                rl.append(call_in_fork(rdflib_load, source, timeout=budget * 3))
                if rl[-1].capped or rl[-1].error:
                    break
        bad = [o for o in ox + rl if o.capped or o.error]
        ox_s = [o.value for o in ox if o.value is not None]
        rl_s = [o.value[0] for o in rl if o.value is not None]
        note = f"{count:,} quads; rdflib keeps {rl[0].value[1]:,} distinct triples" if rl and rl[0].value else ""
        status = "ok" if not bad else ("capped" if any(o.capped for o in bad) else "error")
        if bad:
            note = (note + "; " if note else "") + (bad[0].error or "a repetition ran past its cap")
        ctx.emit(Row("load", f"load {label}", "nqgraph store", "s", ox_s, baseline="rdflib Dataset",
                     baseline_values=rl_s, status=status, note=note))
        ctx.emit(Row("load", f"load {label}", "nqgraph store", "triples/s", [count / s for s in ox_s],
                     higher_is_better=True, baseline="rdflib Dataset", baseline_values=[count / s for s in rl_s],
                     status=status))
        ctx.emit(Row("load", f"load {label}: peak RSS", "nqgraph store", "MB",
                     [o.maxrss_mb for o in ox if o.value is not None], baseline="rdflib Dataset",
                     baseline_values=[o.maxrss_mb for o in rl if o.value is not None], status=status))


_load_size("100k", (3, 3))
_load_size("1M", (3, 2))


@benchmark("load.10M", cap=(60, 900), full_only=True)
def load_10m(ctx: Context) -> None:
    """10M triples, nqgraph alone (rdflib would need tens of GB): a fresh bulk load into the cached store."""
    from bench.inputs import store_dir

    source = ensure_nquads(ctx, "10M")
    data_dir = store_dir(ctx, "10M")
    shutil.rmtree(data_dir, ignore_errors=True)
    outcome = call_in_fork(_nqgraph_load, data_dir, source, timeout=ctx.cap - 10)
    if outcome.value is None:
        shutil.rmtree(data_dir, ignore_errors=True)
        ctx.emit(Row("load", "load 10M", "nqgraph store", "s", [], status="capped" if outcome.capped else "error",
                     note=outcome.error or ""))
        return
    (data_dir / "complete").write_text(str(source), encoding="utf-8")
    count = SIZES["10M"]
    ctx.emit(Row("load", "load 10M", "nqgraph store", "s", [outcome.value], note=f"{count:,} quads, 1 repetition"))
    ctx.emit(Row("load", "load 10M", "nqgraph store", "triples/s", [count / outcome.value], higher_is_better=True))
    ctx.emit(Row("load", "load 10M: peak RSS", "nqgraph store", "MB", [outcome.maxrss_mb]))
