"""Tables of a run: printed with rich, and appended to BENCHMARKS.md as Markdown.

Every row shows the median, min and max over its repetitions; a row with a
baseline also shows the speed-up against it (> 1 means better than the
baseline: faster, more throughput or less memory), as median [min–max] over
paired repetitions. The scaling table shows, for each corpus size, the time
and its ratio to the previous size next to the ratio of the sizes: equal
ratios (linearity 1.0) mean time grows linearly.
"""

from __future__ import annotations

import re
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.harness import Row

HEADER = """# Benchmarks

Runs of `python -m bench` (full) and `python -m bench --quick`, newest last; each run is appended by the
benchmark itself. Inputs are synthetic (`bench/corpus.py`, `bench/rdf_graphs.py`): the figures are for scale and
throughput, never for accuracy. "× baseline" is the speed-up against the baseline measured in the same run
(> 1: the row's system is faster, has more throughput or uses less memory than the baseline), median [min–max]
over paired repetitions.
A "capped" row ran past its time cap and was stopped; "skipped" rows need a project part that did not exist yet.
"""

COLUMNS = ("group", "case", "system", "unit", "median", "min", "max", "× baseline", "status", "note")


def fmt(value: float | None) -> str:
    if value is None:
        return "–"
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:,.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    if magnitude >= 1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def ratio_text(row: Row) -> str:
    ratio = row.ratio()
    if ratio is None:
        return f"vs {row.baseline}: –" if row.baseline else ""
    mid, low, high = ratio
    return f"{mid:.2f}× [{low:.2f}–{high:.2f}] vs {row.baseline}"


def cells(row: Row) -> list[str]:
    values = row.values
    return [row.group, row.case, row.system, row.unit, fmt(row.median), fmt(min(values) if values else None),
            fmt(max(values) if values else None), ratio_text(row), row.status, row.note]


def _size(case: str) -> int:
    match = re.match(r"(\d+)", case)
    return int(match.group(1)) if match else 0


def scaling_rows(rows: list[Row]) -> list[list[str]]:
    """size, seconds, docs/s, time ratio to the previous size, size ratio, linearity."""
    measured = sorted((r for r in rows if r.group == "scaling" and r.values), key=lambda r: _size(r.case))
    out = []
    previous: Row | None = None
    for row in measured:
        n, seconds = _size(row.case), row.values[0]
        line = [str(n), fmt(seconds), fmt(n / seconds if seconds else None), "–", "–", "–"]
        if previous is not None:
            time_ratio = seconds / previous.values[0]
            size_ratio = n / _size(previous.case)
            line[3:] = [f"{time_ratio:.2f}", f"{size_ratio:.2f}", f"{time_ratio / size_ratio:.2f}"]
        out.append(line)
        previous = row
    return out


SCALING_COLUMNS = ("documents", "seconds", "docs/s", "time ratio", "size ratio", "linearity")


def print_tables(rows: list[Row], console: Console | None = None) -> None:
    console = console or Console(width=220)
    table = Table(title="nqgraph benchmarks", show_lines=False)
    for column in COLUMNS:
        table.add_column(column, overflow="fold", max_width=60 if column == "note" else None)
    for row in rows:
        if row.group != "scaling" or not row.values:
            table.add_row(*cells(row))
    console.print(table)
    scaling = scaling_rows(rows)
    if scaling:
        small = Table(title="extraction time vs corpus size (2 processes)")
        for column in SCALING_COLUMNS:
            small.add_column(column)
        for line in scaling:
            small.add_row(*line)
        console.print(small)


def _md_table(columns: tuple[str, ...], lines: list[list[str]]) -> str:
    def esc(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    out += ["| " + " | ".join(esc(c) for c in line) + " |" for line in lines]
    return "\n".join(out)


def markdown(rows: list[Row], info: dict[str, str], *, quick: bool, seconds: float,
             only: list[str] | None = None) -> str:
    selection = "".join(f" --only {o}" for o in only or [])
    mode = f"quick (`python -m bench --quick{selection}`)" if quick else f"full (`python -m bench{selection}`)"
    parts = [f"## {info['date']}: {mode}", "",
             f"- machine: {info['machine']}; {info['load']}", f"- versions: {info['versions']}",
             f"- wall time: {seconds:.0f} s", "",
             _md_table(COLUMNS, [cells(r) for r in rows if r.group != "scaling" or not r.values])]
    scaling = scaling_rows(rows)
    if scaling:
        parts += ["", "Extraction time vs corpus size (2 processes):", "", _md_table(SCALING_COLUMNS, scaling)]
    return "\n".join(parts) + "\n"


def append(path: Path, text: str) -> None:
    """Append a run to BENCHMARKS.md, writing the header first if the file is new."""
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    if not existing.strip():
        existing = HEADER
    path.write_text(existing.rstrip("\n") + "\n\n" + text, encoding="utf-8")
