"""The harness's arithmetic and parsing (no timing is asserted anywhere)."""

from __future__ import annotations

from bench import report, wrk
from bench.harness import Row
from bench.isolate import call_in_fork

WRK_OUTPUT = """Running 2s test @ http://127.0.0.1:8000/sparql?query=ASK
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.10ms    1.02ms  12.31ms   88.00%
  Latency Distribution
     50%    2.95ms
     75%    3.40ms
     90%    4.10ms
     99%  812.00us
  4520 requests in 2.00s, 1.10MB read
  Socket errors: connect 0, read 0, write 0, timeout 3
  Non-2xx or 3xx responses: 2
Requests/sec:   2259.51
Transfer/sec:    563.12KB
"""


def test_ratio_is_a_speed_up_for_times_and_throughputs() -> None:
    times = Row("q", "case", "nqgraph", "ms", [1.0, 2.0, 4.0], baseline="rdflib", baseline_values=[10.0, 10.0, 20.0])
    assert times.ratio() == (5.0, 5.0, 10.0)
    rates = Row("h", "case", "nqgraph", "req/s", [200.0], higher_is_better=True, baseline="b", baseline_values=[50.0])
    assert rates.ratio() == (4.0, 4.0, 4.0)
    assert Row("x", "c", "s", "s", [1.0], status="capped", baseline_values=[2.0]).ratio() is None
    uneven = Row("q", "case", "nqgraph", "ms", [1.0, 2.0], baseline="rdflib", baseline_values=[10.0])
    mid, low, high = uneven.ratio() or (0, 0, 0)
    assert round(mid, 2) == 6.67 and (low, high) == (5.0, 10.0)  # the envelope contains the median ratio


def test_row_round_trips_through_json() -> None:
    row = Row("load", "load 100k", "nqgraph store", "s", [1.5], baseline="rdflib", baseline_values=[7.5], note="n")
    assert Row.from_json(row.to_json()) == row


def test_wrk_report_is_parsed() -> None:
    result = wrk.parse(WRK_OUTPUT)
    assert result.requests_per_s == 2259.51 and result.requests == 4520
    assert result.p50_ms == 2.95 and result.p99_ms == 0.812
    assert result.errors == 5


def test_scaling_table_reports_linearity() -> None:
    rows = [Row("scaling", "1000 docs", "nqgraph", "s", [10.0]), Row("scaling", "10000 docs", "nqgraph", "s", [110.0])]
    table = report.scaling_rows(rows)
    assert table[1][3:] == ["11.00", "10.00", "1.10"]


def test_call_in_fork_returns_values_errors_and_caps() -> None:
    assert call_in_fork(sum, [1, 2, 3], timeout=30).value == 6
    assert "ZeroDivisionError" in (call_in_fork(lambda: 1 / 0, timeout=30).error or "")
    assert call_in_fork(__import__("time").sleep, 5, timeout=0.3).capped


def test_markdown_appends_under_a_header(tmp_path) -> None:
    info = {"date": "2025-01-01 00:00 UTC", "machine": "cpu", "load": "load average 0", "versions": "Python 3.11"}
    path = tmp_path / "BENCHMARKS.md"
    rows = [Row("load", "load 100k", "nqgraph store", "s", [1.0, 2.0], baseline="rdflib", baseline_values=[4.0, 4.0])]
    report.append(path, report.markdown(rows, info, quick=True, seconds=3))
    report.append(path, report.markdown(rows, info, quick=False, seconds=3))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks") and text.count("## 2025-01-01") == 2
    assert "2.67× [2.00–4.00] vs rdflib" in text
