"""Entry point of the child process that runs one benchmark: ``python -m bench.child NAME --out FILE ...``.

A missing project part (:class:`NotAvailable`) becomes a "skipped" row here,
so the parent only has to deal with caps and crashes.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from types import FrameType

from bench.harness import REGISTRY, Context, NotAvailable, Row, load_modules


def _exit_on_sigterm(signum: int, frame: FrameType | None) -> None:
    """The runner's cap sends SIGTERM: unwind, so ``finally`` blocks stop the servers this benchmark started
    (they run in process groups of their own, which the runner's signal to this group does not reach)."""
    sys.exit(128 + signum)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.child")
    parser.add_argument("name")
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cap", type=float, default=60.0)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    load_modules()
    bench = REGISTRY[args.name]
    ctx = Context(quick=args.quick, workdir=args.workdir, out=args.out, seed=args.seed, cap=args.cap)
    try:
        bench.fn(ctx)
    except NotAvailable as exc:
        ctx.emit(Row(bench.group, bench.name, "nqgraph", "", status="skipped", note=f"not available yet: {exc}"))


if __name__ == "__main__":
    main()
