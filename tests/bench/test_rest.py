"""The REST benchmark group: deterministic inputs, and a quick run over a tiny graph that yields its rows."""

from __future__ import annotations

import shutil

import pytest

from bench import bench_rest
from bench.harness import Context, Row
from bench.rdf_graphs import SIZES, TARGET_DOCUMENT


def test_typo_drops_the_middle_letter_of_the_longest_word() -> None:
    assert bench_rest.typo("Tra Vinh") == "Tra Vnh"
    assert bench_rest.typo("Ha Noi") == "Ha Ni"


def test_inputs_come_from_the_generator_deterministically() -> None:
    inputs = bench_rest.pick_inputs(0)
    assert inputs == bench_rest.pick_inputs(0)
    assert "/org/cell-party-committee-" in inputs.cell and "/place/" in inputs.place
    urls = bench_rest.cases(inputs, "http://h")
    assert set(urls) == {"implementers (transitive)", "implementers (transitive), limit=5", "paths",
                         "search (typo, no diacritics)", "rankings (pagerank)"}
    assert "document=21-NQ%2FTW" in urls["implementers (transitive)"]
    assert "to=" + TARGET_DOCUMENT.replace(":", "%3A").replace("/", "%2F") in urls["paths"]


@pytest.mark.skipif(shutil.which("wrk") is None, reason="needs wrk")
def test_quick_run_on_a_tiny_graph_reports_every_route(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(SIZES, "100k", 3_000)  # the group's 100k case, over 3,000 quads
    ctx = Context(quick=True, workdir=tmp_path, out=tmp_path / "rows.jsonl", seed=0, cap=60)
    bench_rest.measure(ctx, "100k", concurrency=(1,), seconds=1, reps=1)
    rows = [Row.from_json(line) for line in ctx.out.read_text(encoding="utf-8").splitlines()]
    cases = [r.case for r in rows]
    assert cases[:2] == ["100k: projection build (first graph request)", "100k: server peak RSS after the build"]
    assert len(rows) == 7 and all(r.status == "ok" and r.values for r in rows), [(r.case, r.note) for r in rows]
    search = next(r for r in rows if "search" in r.case)
    assert "first Dong Nai" in search.note  # "Dng Nai" found the province
