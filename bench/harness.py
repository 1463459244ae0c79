"""Benchmarks registered by name, the rows they report, and the context they run in.

Why a registry of small functions: each measurement runs in its own child
process under its own time cap (``bench.runner``), so one slow or hung
measurement is reported as "capped" and the others still run; a function that
needs a project part which does not exist yet raises :class:`NotAvailable` and
becomes a "not available yet" row instead of a failure.

Rows are written to a JSON Lines file as soon as they are measured, so a
benchmark stopped at its cap keeps the rows it had finished.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


class NotAvailable(Exception):
    """A project function the benchmark measures does not exist yet."""


@dataclass
class Row:
    """One figure: its repetitions, and the baseline's repetitions measured in the same run, if any."""

    group: str
    case: str
    system: str
    unit: str
    values: list[float] = field(default_factory=list)
    higher_is_better: bool = False
    baseline: str | None = None
    baseline_values: list[float] = field(default_factory=list)
    status: str = "ok"  # ok | capped | skipped | error
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.values) if self.values else None

    def ratio(self) -> tuple[float, float, float] | None:
        """Speed-up against the baseline (> 1: better than the baseline): median, min, max over paired repetitions.

        The median ratio is the ratio of medians. With as many repetitions as the baseline, min and max pair
        repetition i with repetition i of the baseline (the benchmarks interleave them), so drift during the
        run shows as a wide range; otherwise they are the envelope (worst against best, best against worst).
        """
        if not self.values or not self.baseline_values or self.status != "ok":
            return None
        a, b = statistics.median(self.values), statistics.median(self.baseline_values)
        if a == 0 or b == 0:
            return None
        mid = a / b if self.higher_is_better else b / a
        if len(self.values) == len(self.baseline_values):
            pairs = list(zip(self.values, self.baseline_values, strict=True))
        else:
            v, w = self.values, self.baseline_values
            pairs = [(min(v), max(w)), (max(v), min(w))] if self.higher_is_better else [(max(v), min(w)),
                                                                                        (min(v), max(w))]
        per = [(x / y) if self.higher_is_better else (y / x) for x, y in pairs if x and y]
        return mid, min(per, default=mid), max(per, default=mid)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Row:
        return cls(**json.loads(line))


@dataclass
class Context:
    """What a benchmark gets: the mode, a work directory for cached inputs, and a way to report rows."""

    quick: bool
    workdir: Path
    out: Path
    seed: int = 0
    cap: float = 60.0
    extras: dict[str, Any] = field(default_factory=dict)

    def emit(self, row: Row) -> Row:
        with self.out.open("a", encoding="utf-8") as fh:
            fh.write(row.to_json() + "\n")
        return row

    def pick(self, quick: Any, full: Any) -> Any:
        return quick if self.quick else full


BenchFn = Callable[[Context], None]


@dataclass(frozen=True)
class Benchmark:
    name: str
    fn: BenchFn
    cap_quick: float
    cap_full: float
    full_only: bool = False
    group: str = ""
    quick_only: bool = False

    def runs_in(self, quick: bool) -> bool:
        return not (self.full_only and quick) and not (self.quick_only and not quick)


REGISTRY: dict[str, Benchmark] = {}


def benchmark(name: str, *, cap: tuple[float, float], full_only: bool = False, quick_only: bool = False,
              group: str = "") -> Callable[[BenchFn], BenchFn]:
    """Register ``fn`` under ``name`` with time caps (seconds) for quick and full mode."""

    def register(fn: BenchFn) -> BenchFn:
        REGISTRY[name] = Benchmark(name, fn, cap[0], cap[1], full_only, group or name.split(".")[0], quick_only)
        return fn

    return register


MODULES = ("bench_prepare", "bench_extract", "bench_build", "bench_load", "bench_query", "bench_http", "load_wrk",
           "bench_startup", "bench_scaling", "bench_rest")


def load_modules() -> None:
    """Import every module that registers benchmarks; registration order is run order."""
    import importlib

    for name in MODULES:
        try:
            importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"bench.{name}":  # present but broken: that is a bug to see
                raise
