"""Start a benchmarked server on a free loopback port, wait until it answers, and always stop it.

Start-up time is measured from process launch to the first successful SPARQL
answer (``ASK {}``), which is what a user waits for: for nqgraph that includes
opening the store, for rdflib-endpoint parsing the whole graph. Servers run in
their own process group so that stopping one also stops anything it spawned.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.harness import NotAvailable

SERVERS = ("floor", "rdflib-endpoint", "oxigraph", "nqgraph")
ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Running:
    name: str
    url: str  # the SPARQL query endpoint
    startup_s: float
    process: subprocess.Popen[bytes]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def command(kind: str, port: int, store_dir: Path | None, nquads: Path | None) -> tuple[list[str], str]:
    """The command line and query URL of a server kind."""
    base = f"http://127.0.0.1:{port}"
    if kind == "oxigraph":
        binary = Path(sys.executable).parent / "oxigraph"
        if not binary.exists():
            raise NotAvailable("the Oxigraph server (pip install oxigraph)")
        assert store_dir is not None
        return [str(binary), "serve", "--location", str(store_dir / "oxigraph"), "--bind", f"127.0.0.1:{port}",
                "--union-default-graph"], f"{base}/query"
    if kind == "nqgraph":
        try:
            import api.app  # noqa: F401
        except ImportError as exc:
            raise NotAvailable(f"api.app.create_app ({exc})") from exc
    if kind == "rdflib-endpoint":
        try:
            import rdflib_endpoint  # noqa: F401
        except ImportError as exc:
            raise NotAvailable("rdflib-endpoint (pip install rdflib-endpoint)") from exc
    argv = [sys.executable, "-m", "bench.serve", kind, "--port", str(port)]
    if kind == "nqgraph":
        argv += ["--store", str(store_dir)]
    if kind == "rdflib-endpoint":
        argv += ["--data", str(nquads)]
    return argv, f"{base}/sparql"


def wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float) -> float:
    """Seconds until ``url`` answers ``ASK {}`` with 200; raises if the process dies or time runs out."""
    start = time.perf_counter()
    with httpx.Client(trust_env=False, timeout=5.0) as client:
        while time.perf_counter() - start < timeout:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited with status {process.returncode}")
            try:
                response = client.get(url, params={"query": "ASK {}"},
                                      headers={"Accept": "application/sparql-results+json"})
                if response.status_code == 200:
                    return time.perf_counter() - start
            except httpx.TransportError:
                pass
            time.sleep(0.02)
    raise TimeoutError(f"no answer from {url} within {timeout:.0f} s")


def drain(url: str, timeout: float) -> bool:
    """Wait until the server answers a trivial query again, i.e. has worked off what a load run left queued.

    A server that runs queries on its event loop (rdflib-endpoint) keeps computing the requests wrk abandoned;
    measuring the next case before they are done would charge it for the previous one.
    """
    start = time.perf_counter()
    with httpx.Client(trust_env=False, timeout=max(1.0, timeout)) as client:
        while time.perf_counter() - start < timeout:
            try:
                left = max(0.5, timeout - (time.perf_counter() - start))
                response = client.get(url, params={"query": "ASK {}"}, timeout=left,
                                      headers={"Accept": "application/sparql-results+json"})
                if response.status_code == 200:
                    return True
            except httpx.HTTPError:
                pass
    return False


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server's process group, then SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=10)


@contextmanager
def serve(kind: str, *, store_dir: Path | None = None, nquads: Path | None = None,
          timeout: float = 300.0) -> Iterator[Running]:
    """A running server of ``kind``; stopped on exit whatever happens."""
    port = free_port()
    argv, url = command(kind, port, store_dir, nquads)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NQGRAPH_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        try:
            startup = wait_ready(url, process, timeout)
        except (RuntimeError, TimeoutError) as exc:
            stop(process)
            tail = (process.stderr.read().decode(errors="replace") if process.stderr else "").strip()
            raise RuntimeError(f"{kind}: {exc}: {tail.splitlines()[-1] if tail else 'no output'}") from exc
        yield Running(kind, url, startup, process)
    finally:
        stop(process)
