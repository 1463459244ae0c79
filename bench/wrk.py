"""Run ``wrk`` (Debian's package) against a loopback URL and read its throughput and latency percentiles.

Why wrk: it is a small C load generator whose own cost stays low next to a
Python server on the same two cores; ``--latency`` gives the median and p99.
One wrk thread is used at every concurrency, to leave the other core to the
server. Installed on demand with ``apt-get install -y wrk`` when missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from urllib.parse import urlencode

from bench.harness import NotAvailable

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_PERCENTILE = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)


@dataclass
class WrkResult:
    requests_per_s: float
    p50_ms: float | None
    p99_ms: float | None
    requests: int
    errors: int  # socket errors plus non-2xx/3xx responses


def ensure_wrk() -> str:
    """The path of ``wrk``, installing Debian's package if it is missing (as root)."""
    found = shutil.which("wrk")
    if found:
        return found
    if shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], capture_output=True, timeout=300, check=False)
        found = shutil.which("wrk")
        if found:
            return found
    raise NotAvailable("wrk (apt-get install -y wrk)")


def query_url(endpoint: str, query: str) -> str:
    return f"{endpoint}?{urlencode({'query': query})}"


def parse(output: str) -> WrkResult:
    """Numbers from wrk's report (``--latency``)."""
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    percentiles = {m.group(1): float(m.group(2)) * _UNITS[m.group(3)] for m in _PERCENTILE.finditer(output)}
    errors = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    requests = int(total.group(1)) if total else 0
    return WrkResult(float(rate.group(1)) if rate else 0.0, percentiles.get("50") if requests else None,
                     percentiles.get("99") if requests else None, requests,
                     errors + (int(non2xx.group(1)) if non2xx else 0))


def run(url: str, *, connections: int, seconds: float, timeout_s: float = 10.0) -> WrkResult:
    """One wrk run of ``seconds``; requests slower than ``timeout_s`` count as errors."""
    wrk = ensure_wrk()
    argv = [wrk, "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", f"--timeout={timeout_s:.0f}s",
            "--latency", "-H", "Accept: application/sparql-results+json", url]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + timeout_s + 30, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed: {done.stderr.strip() or done.stdout.strip()}")
    return parse(done.stdout)
