"""The managed engine's answers forwarded as they are, over a lean keep-alive HTTP/1.1 client on the event loop.

Why: when a client asks for a format that Oxigraph writes itself (SPARQL
JSON, XML, CSV, TSV) the engine's bytes are already the answer. Parsing them
into rows and writing them again cost more than the engine's own evaluation
(2480 rows: ~9 ms in the engine, ~12 ms more in the front), and so did
httpx's per-chunk work on Oxigraph's ~1 kB chunks. Here the chunked body is
decoded with ``bytes.find`` on 64 kB reads, on the event loop (no worker
thread per request), over connections kept open between requests.

What is still checked before the bytes are passed on:

- the row cap, without parsing: the separators between rows are counted as
  the body arrives (:data:`ROW_MARKS`). A count is never below the number of
  rows (a literal can only add false separators), so "count ≤ cap" proves the
  answer is whole; otherwise :class:`OverCap` stops reading and closes the
  connection, and the caller takes the general path, which parses and cuts;
- a query that Oxigraph cancelled after its 200 began (the body ends with
  :data:`~graph.store.stream.OXIGRAPH_CANCELLED`): the body is held until its
  end is seen, and then raises :class:`QueryCancelled`, never a short result;
- the deadline: the caller runs the exchange under a cancel scope, and a
  cancelled exchange aborts its connection, which stops the engine's work
  (its next write fails).
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from graph.store.base import QueryCancelled, StoreError

#: Bytes asked of the socket at a time.
READ_SIZE = 64 * 1024
#: Idle connections kept per event loop (beyond that, a finished connection is closed).
MAX_IDLE = 16
#: Per media type Oxigraph writes: the bytes that occur once per row outside any value, and how many rows the
#: answer may hold beyond their count. JSON rows are ``{...}`` joined by ``},{`` (inside a string a ``"`` is
#: escaped, and a literal can only add occurrences); XML escapes ``<`` in values; CSV and TSV end every line,
#: the header's too, with a newline, and only CSV lets one inside a quoted value (an extra count).
ROW_MARKS: dict[str, tuple[bytes, int]] = {
    "application/sparql-results+json": (b"},{", 1),
    "application/sparql-results+xml": (b"<result>", 0),
    "text/csv": (b"\n", 0),
    "text/tab-separated-values": (b"\n", 0),
}


class OverCap(Exception):
    """The answer may hold more rows than the cap: it cannot be forwarded as it is."""


class RowCounter:
    """An upper bound on the rows of a streamed answer, from its marks, across chunk boundaries.

    >>> counter = RowCounter(b"},{", 1, cap=2)
    >>> counter.feed(b'{"results":{"bindings":[{"x":{}}')
    >>> counter.feed(b'},{"x":{}}]}}')
    >>> counter.rows
    2
    >>> counter.feed(b',{"x":{}}')
    Traceback (most recent call last):
    ...
    graph.store.passthrough.OverCap
    """

    def __init__(self, mark: bytes, extra: int, *, cap: int) -> None:
        self.mark = mark
        self.rows = extra
        self.cap = cap
        self._tail = b""  # the last len(mark) - 1 bytes, to see a mark cut by a chunk boundary

    def feed(self, chunk: bytes) -> None:
        keep = len(self.mark) - 1
        if keep:
            self.rows += (self._tail + chunk[:keep]).count(self.mark)
            self._tail = (self._tail + chunk)[-keep:]
        self.rows += chunk.count(self.mark)
        if self.rows > self.cap:
            raise OverCap()


@dataclass
class Reply:
    status: int
    headers: dict[str, str]  # lower-case names; a repeated header keeps its last value
    body: bytes

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class AnswerCut(ConnectionError):
    """The connection ended before the answer did; ``received`` is the body so far."""

    def __init__(self, received: bytes) -> None:
        super().__init__("the connection closed before the end of the answer")
        self.received = received


class _Connection:
    """One socket to the engine with its own receive buffer (no pipelining: one exchange at a time)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.buffer = bytearray()
        self.used = False  # has served an exchange: a failure before its answer may be a stale keep-alive

    async def _more(self) -> bool:
        """Append what the socket has next; ``False`` at its end (a reset counts as an end)."""
        try:
            data = await self.reader.read(READ_SIZE)
        except ConnectionError:
            return False
        self.buffer += data
        return bool(data)

    async def head(self) -> tuple[int, dict[str, str]]:
        while (end := self.buffer.find(b"\r\n\r\n")) < 0:
            if not await self._more():
                raise AnswerCut(b"")
        lines = bytes(self.buffer[:end]).decode("latin-1").split("\r\n")
        del self.buffer[:end + 4]
        parts = lines[0].split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
            raise StoreError(f"the engine answered something other than HTTP/1.1: {lines[0][:80]!r}")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        return int(parts[1]), headers

    async def body(self, headers: dict[str, str], on_chunk: Callable[[bytes], None] | None) -> tuple[bytes, bool]:
        """The body and whether the connection may serve another exchange."""
        parts: list[bytes] = []
        if "chunked" in headers.get("transfer-encoding", "").lower():
            await self._chunked(parts, on_chunk)
            reusable = not self.buffer
        elif "content-length" in headers:
            size = int(headers["content-length"])
            while len(self.buffer) < size:
                if not await self._more():
                    raise AnswerCut(bytes(self.buffer))
            parts.append(bytes(self.buffer[:size]))
            del self.buffer[:size]
            if on_chunk:
                on_chunk(parts[0])
            reusable = not self.buffer
        else:  # the body ends when the connection does
            while await self._more():
                pass
            parts.append(bytes(self.buffer))
            self.buffer.clear()
            if on_chunk:
                on_chunk(parts[0])
            reusable = False
        if headers.get("connection", "").lower() == "close":
            reusable = False
        return b"".join(parts), reusable

    async def _chunked(self, parts: list[bytes], on_chunk: Callable[[bytes], None] | None) -> None:
        """Decode a chunked body; every complete chunk of a read is handed to ``on_chunk`` in one piece.

        Oxigraph writes ~1 kB chunks: one call per read rather than per chunk
        keeps the Python work per request small (2480 rows: 12 calls, not 208).
        """
        buffer = self.buffer
        while True:
            batch: list[bytearray] = []
            pos, last = 0, False
            while (end := buffer.find(b"\r\n", pos)) >= 0:
                size = _chunk_size(buffer[pos:end])
                if size == 0:
                    last, pos = True, end + 2
                    break
                start = end + 2
                if len(buffer) < start + size + 2:
                    break
                batch.append(buffer[start:start + size])
                pos = start + size + 2
            if batch:
                piece = b"".join(batch)
                if on_chunk:
                    on_chunk(piece)
                parts.append(piece)
            del buffer[:pos]
            if last:
                break
            if not await self._more():
                raise AnswerCut(b"".join(parts) + bytes(buffer))  # with the framing of a partial chunk: no matter
        while (line_end := buffer.find(b"\r\n")) != 0:  # trailers, then the empty line
            if line_end > 0:
                del buffer[:line_end + 2]
            elif not await self._more():
                raise AnswerCut(b"".join(parts))
        del buffer[:2]

    def abort(self) -> None:
        try:
            self.writer.transport.abort()
        except RuntimeError:  # its event loop is closed already
            pass


def _chunk_size(line: bytearray) -> int:
    try:
        return int(line.split(b";", 1)[0], 16)
    except ValueError:
        raise StoreError("the engine sent a malformed chunked body") from None


class ChildClient:
    """Keep-alive HTTP/1.1 to one loopback engine; safe for any number of event loops, one pool each."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self._idle: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, list[_Connection]] = (
            weakref.WeakKeyDictionary())

    async def _connect(self) -> _Connection:
        try:
            reader, writer = await asyncio.open_connection(self.host, self.port, limit=READ_SIZE)
        except OSError as exc:
            raise StoreError(f"cannot reach the engine at {self.host}:{self.port}: {exc}") from exc
        return _Connection(reader, writer)

    def _take(self) -> _Connection | None:
        idle = self._idle.get(asyncio.get_running_loop())
        while idle:
            connection = idle.pop()
            if not connection.writer.is_closing() and not connection.reader.at_eof():
                return connection
            connection.abort()
        return None

    def _give_back(self, connection: _Connection) -> None:
        idle = self._idle.setdefault(asyncio.get_running_loop(), [])
        if len(idle) < MAX_IDLE:
            idle.append(connection)
        else:
            connection.abort()

    async def post(self, path: str, body: bytes, headers: dict[str, str],
                   on_chunk: Callable[[bytes], None] | None = None) -> Reply:
        """POST ``body``; ``on_chunk`` sees a 200 answer's body piece by piece and may raise to stop reading.

        A connection that fails before any answer arrived is retried once on a
        new one if it had served before (the engine may have closed it while
        idle); a query is safe to send twice. Whatever interrupts an exchange
        (an error, ``on_chunk``, cancellation) aborts its connection.
        """
        lines = [f"POST {path} HTTP/1.1", f"Host: {self.host}:{self.port}", f"Content-Length: {len(body)}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
        for attempt in (0, 1):
            connection = self._take() if attempt == 0 else None
            connection = connection or await self._connect()
            done = False
            try:
                try:
                    connection.writer.write(request)
                    await connection.writer.drain()
                    status, reply_headers = await connection.head()
                except ConnectionError as exc:  # AnswerCut included: no answer at all
                    if connection.used and attempt == 0:
                        continue
                    raise StoreError(f"the engine closed the connection: {exc}") from exc
                connection.used = True
                content, reusable = await connection.body(reply_headers, on_chunk if status == 200 else None)
                done = reusable
                return Reply(status, reply_headers, content)
            finally:
                if done:
                    self._give_back(connection)
                else:
                    connection.abort()
        raise AssertionError("unreachable")

    def close(self) -> None:
        for idle in list(self._idle.values()):
            for connection in idle:
                connection.abort()
            idle.clear()


def answer_body(reply: Reply, notice: bytes) -> bytes:
    """A 200 body that Oxigraph did not cut at its timeout (see ``graph.store.stream``)."""
    if notice and reply.body.rstrip().endswith(notice):
        raise QueryCancelled("the query was stopped at the timeout")
    return reply.body


def cut_answer(exc: BaseException, notice: bytes) -> StoreError:
    """The error for an answer whose connection ended early: a cancellation if it ended with the notice."""
    received = exc.received if isinstance(exc, AnswerCut) else b""
    if notice and received.rstrip().endswith(notice):
        return QueryCancelled("the query was stopped at the timeout")
    return StoreError(f"the engine's answer was cut off: {exc}")
