"""Server start-up time with a loaded store: launch to first SPARQL answer.

Full mode only (quick mode reports the start-ups of its HTTP benchmark): the 1M store for nqgraph, the
Oxigraph server and rdflib-endpoint (which must parse the graph on every
start), and the 10M store for nqgraph alone. Ratios are against
rdflib-endpoint, measured in the same run.
"""

from __future__ import annotations

from bench.harness import Context, NotAvailable, Row, benchmark
from bench.inputs import ensure_nquads, ensure_store
from bench.servers import serve


def _startup(ctx: Context, kind: str, label: str, reps: int) -> tuple[list[float], str]:
    data_dir, _ = ensure_store(ctx, label)
    nquads = ensure_nquads(ctx, label) if kind == "rdflib-endpoint" else None
    times: list[float] = []
    for _ in range(reps):
        try:
            with serve(kind, store_dir=data_dir, nquads=nquads, timeout=max(30.0, ctx.cap / 2)) as server:
                times.append(server.startup_s)
        except NotAvailable as exc:
            return [], f"not available yet: {exc}"
        except RuntimeError as exc:
            return times, str(exc)[:300]
    return times, ""


def _startup_size(label: str, *, full_only: bool, kinds: tuple[str, ...]) -> None:
    @benchmark(f"startup.{label}", cap=(40, 600), full_only=full_only, quick_only=not full_only)
    def startup(ctx: Context) -> None:
        reps = ctx.pick(1, 3)
        baseline, base_problem = ([], "")
        if "rdflib-endpoint" in kinds:
            baseline, base_problem = _startup(ctx, "rdflib-endpoint", label, ctx.pick(1, 2))
            ctx.emit(Row("startup", f"start-up, {label} store", "rdflib-endpoint", "s", baseline,
                         status="ok" if baseline else "error", note=base_problem))
        for kind in kinds:
            if kind == "rdflib-endpoint":
                continue
            times, problem = _startup(ctx, kind, label, reps)
            status = "skipped" if problem.startswith("not available") else ("ok" if times else "error")
            ctx.emit(Row("startup", f"start-up, {label} store", kind, "s", times, status=status, note=problem,
                         baseline="rdflib-endpoint" if baseline else None, baseline_values=baseline))


_startup_size("1M", full_only=True, kinds=("rdflib-endpoint", "oxigraph", "nqgraph"))
_startup_size("10M", full_only=True, kinds=("nqgraph",))
