"""The embedded store behind ``nqgraph serve``: Oxigraph's own server as a child process on loopback.

Why a child process: a query timeout must really stop the work. pyoxigraph
cannot cancel a running query from Python, and a query that must finish
before its first row (ORDER BY, GROUP BY, COUNT) keeps a core busy long after
the HTTP answer said 503. RocksDB lets one process open the store, so the
evaluation cannot be spread over killable workers either. ``oxigraph serve``
(the ``oxigraph`` wheel, same engine and on-disk format as pyoxigraph) has a
``--timeout-s`` that cancels the evaluation itself. graph/store/README.md has
the measurements behind this choice.

What the front (``api/``) sees is a :class:`~graph.store.remote.RemoteStore`
with three differences: one update request is one transaction in Oxigraph, so
graphs are replaced without staging; the generation is counted here, since
every write goes through this object; and answers are streamed, with a
cancelled query turned into :class:`~graph.store.base.QueryCancelled` even when
Oxigraph had already begun a 200 answer (see ``graph.store.stream``).

The child binds 127.0.0.1 only and dies with its parent (``PR_SET_PDEATHSIG``
on Linux), so a killed ``nqgraph serve`` never leaves the store locked.
"""

from __future__ import annotations

import ctypes
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox

from graph.store.base import BadQuery, QueryCancelled, StoreError, StoreLocked
from graph.store.passthrough import (
    ROW_MARKS,
    AnswerCut,
    ChildClient,
    OverCap,
    RowCounter,
    answer_body,
    cut_answer,
)
from graph.store.remote import RemoteStore, prologue, shift_positions
from graph.store.stream import OXIGRAPH_CANCELLED, ResponseReader

#: Seconds allowed for Oxigraph to open the store and answer its first query.
START_TIMEOUT = 60.0
#: Seconds a write may take (bulk inserts, big MOVEs); queries are bounded by the query timeout instead.
UPDATE_TIMEOUT = 3600.0


def oxigraph_binary() -> Path | None:
    """The ``oxigraph`` executable of this environment (the ``oxigraph`` wheel), else one on ``PATH``."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("oxigraph")
    return Path(found) if found else None


def _die_with_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` asking Linux to SIGTERM the child when the thread that started it exits."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def setup() -> None:
        prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(1)

    return setup


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class OxigraphServer:
    """One ``oxigraph serve --location DB`` process on a free loopback port."""

    def __init__(self, db: Path, *, timeout_s: float, log: Path | None = None,
                 binary: Path | None = None) -> None:
        self.db = db
        self.timeout_s = max(1, math.ceil(timeout_s))  # the server takes whole seconds
        self.log = log
        self.binary = binary or oxigraph_binary()
        self.process: subprocess.Popen[bytes] | None = None
        self.url = ""
        self.port = 0

    def start(self) -> None:
        if self.binary is None:
            raise StoreError("the Oxigraph server is not installed (pip install oxigraph)")
        self.db.mkdir(parents=True, exist_ok=True)
        for _ in range(3):  # the free port may be taken between our probe and the child's bind
            port = self.port = _free_port()
            self.url = f"http://127.0.0.1:{port}"
            # --union-default-graph, not the per-request union-default-graph parameter: Oxigraph 0.5.13 does not
            # apply --timeout-s to queries that ask for the union themselves (measured: they ran on unbounded).
            argv = [str(self.binary), "serve", "--location", str(self.db), "--bind", f"127.0.0.1:{port}",
                    "--union-default-graph", "--timeout-s", str(self.timeout_s)]
            log = self.log.open("wb") if self.log else subprocess.DEVNULL
            try:
                self.process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                                preexec_fn=_die_with_parent())  # noqa: PLW1509
            finally:
                if self.log:
                    log.close()  # type: ignore[union-attr]
            if self._wait_ready():
                return
            if "Address already in use" not in self._log_tail():
                break
        reason = self._log_tail() or f"exit status {self.process.returncode if self.process else '?'}"
        if "lock" in reason.lower():
            raise StoreLocked(f"the store at {self.db} is in use by another process ({reason})")
        raise StoreError(f"the Oxigraph server did not start on {self.db}: {reason}")

    def _wait_ready(self) -> bool:
        assert self.process is not None
        deadline = time.monotonic() + START_TIMEOUT
        with httpx.Client(timeout=2.0, trust_env=False) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    return False
                try:
                    if client.get(self.url + "/query", params={"query": "ASK {}"}).status_code == 200:
                        return True
                except httpx.HTTPError:
                    pass
                time.sleep(0.05)
        self.stop()
        return False

    def _log_tail(self) -> str:
        if not self.log or not self.log.exists():
            return ""
        return self.log.read_bytes()[-2000:].decode("utf-8", "replace").strip()

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 20 s; RocksDB's write-ahead log makes either safe for committed writes."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class ManagedOxigraphStore(RemoteStore):
    """The store in ``db`` served by a child ``oxigraph serve`` that this object starts and stops."""

    stage_replacements = False  # Oxigraph runs one update request as one transaction
    stream_results = True
    cancelled_notice = OXIGRAPH_CANCELLED
    oxigraph_messages = True
    update_timeout = UPDATE_TIMEOUT

    def __init__(self, db: Path, *, query_timeout: float, read_only: bool = False, log: Path | None = None) -> None:
        self.server = OxigraphServer(db, timeout_s=query_timeout, log=log)
        self.server.start()
        # Reads give up a little after the server's own timeout: by then it has answered or cancelled the query.
        limits = httpx.Timeout(self.server.timeout_s * 2 + 5.0, connect=5.0)
        super().__init__(self.server.url + "/query", update_endpoint=self.server.url + "/update",
                         read_only=read_only, client=httpx.Client(timeout=limits, trust_env=False))
        self.location = str(db)
        self.read_deadline = self.server.timeout_s + 1.0  # Oxigraph's own notice, when it sends one, comes first
        self._generation = time.time_ns()
        self._forwarder = ChildClient("127.0.0.1", self.server.port)

    async def forward(self, sparql: str, *, media_type: str, row_cap: int, default_graph: Sequence[str] = (),
                      named_graphs: Sequence[str] = (), base_iri: str | None = None) -> bytes | None:
        """The engine's own answer in ``media_type`` (a SPARQL results type), or ``None``: take the general path.

        ``None`` when the answer may hold more than ``row_cap`` rows (the
        general path cuts it), or when the engine answered something else than
        asked (the query is a CONSTRUCT after all, or the engine refused the
        format). Runs on the event loop; the caller keeps the deadline by
        cancelling, which closes the connection and so stops the engine.
        See ``graph.store.passthrough``.
        """
        mark, extra = ROW_MARKS[media_type]
        counter = RowCounter(mark, extra, cap=row_cap)
        # A direct POST body: no percent-encoding of the text (urlencode quotes it in Python, char by char).
        dataset = [("default-graph-uri", g) for g in default_graph] + [("named-graph-uri", g) for g in named_graphs]
        target = "/query?" + urlencode(dataset) if dataset else "/query"
        headers = {"Content-Type": "application/sparql-query", "Accept": media_type}
        try:
            reply = await self._forwarder.post(target, (prologue(base_iri) + sparql).encode(), headers, counter.feed)
        except OverCap:
            return None
        except AnswerCut as exc:
            raise cut_answer(exc, OXIGRAPH_CANCELLED) from None
        if reply.status == 200:
            return answer_body(reply, OXIGRAPH_CANCELLED) if reply.media_type == media_type else None
        text = reply.body.decode("utf-8", "replace").strip()
        if text.endswith(OXIGRAPH_CANCELLED.decode()):
            raise QueryCancelled("the query was stopped at the timeout")
        if reply.status == 400:
            raise BadQuery(shift_positions(text[:2000] or "bad query"))
        return None

    @property
    def generation(self) -> int:
        return self._generation + self._writes

    def named_graphs(self) -> list[str]:
        # ``GRAPH ?g {}`` reads Oxigraph's list of graphs rather than scanning every quad.
        rows = self.select("SELECT ?g WHERE { GRAPH ?g { } }")
        return sorted(str(r["g"]) for r in rows)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Through the Graph Store endpoint: a dump is not a query, so the query timeout does not cut it short."""
        params = {"graph": graph} if graph else {}
        request = self._client.build_request("GET", self.server.url + "/store", params=params,
                                             headers={"Accept": "application/n-quads" if not graph
                                                      else "application/n-triples"})
        response = self._client.send(request, stream=True)
        if response.status_code == 404:
            response.close()
            return
        if response.status_code != 200:
            self._raise_for(response)
        reader = ResponseReader(response)
        fixed = ox.NamedNode(graph) if graph else None
        for q in ox.parse(reader, format=ox.RdfFormat.N_TRIPLES if graph else ox.RdfFormat.N_QUADS):
            yield ox.Quad(q.subject, q.predicate, q.object, fixed) if fixed else q

    def close(self) -> None:
        try:
            self._forwarder.close()
            super().close()
        finally:
            self.server.stop()
