"""How extraction time grows with corpus size (1k, 10k, 30k articles; 25, 50, 100 in quick mode).

Each size is its own benchmark with its own cap, run last so that a slow
extractor costs the largest size (reported as capped) and nothing else. Two
processes, the deployment setting; the report divides the time ratio between
sizes by the size ratio ("linearity", 1.0 = linear).
"""

from __future__ import annotations

import multiprocessing

from bench.bench_extract import extractor, load_texts, timed
from bench.harness import Context, Row, benchmark

SCALING_QUICK = (25, 50, 100)
SCALING_FULL = (1_000, 10_000, 30_000)


def _scaling(position: int) -> None:
    name = f"scaling.{('small', 'medium', 'large')[position]}"

    @benchmark(name, cap=(30, 1200), group="scaling")
    def scaling(ctx: Context) -> None:
        extractor()
        count = ctx.pick(SCALING_QUICK, SCALING_FULL)[position]
        size = load_texts(ctx, count)
        with multiprocessing.get_context("fork").Pool(2) as pool:
            timed(pool, min(count, 8), 2)  # each worker loads its language data
            seconds, _ = timed(pool, count, 2)
        ctx.emit(Row("scaling", f"{count} docs", "nqgraph", "s", [seconds],
                     note=f"{count / seconds:.1f} docs/s, {size / 1e6 / seconds:.2f} MB/s, 2 processes"))


for _position in range(3):
    _scaling(_position)
