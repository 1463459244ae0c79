"""A streamed HTTP answer as a file, so pyoxigraph's parsers read results lazily from the wire.

Why: a SPARQL answer can be far larger than the rows the caller keeps (the
row cap). Reading it as it arrives keeps memory flat, and closing the reader
(when the caller stops iterating and drops the results) closes the connection,
which tells the engine to stop writing.

Why a deadline here too: Oxigraph's timeout does not stop every streaming
plan (a three-way cross product streamed on for minutes in our measurements),
but a closed connection does: its next write fails and the evaluation is
dropped. So the reader stops at its own deadline, and closing it closes the
connection.

Why the tail is held back: Oxigraph's server stops a query at its timeout even
after it has begun streaming a 200 answer, and then ends the body with a plain
text notice instead of closing the document. The notice is only meaningful at
the very end (the same words could sit inside a literal), so the last few
bytes are kept until the end of the stream is seen; a body ending with the
notice raises :class:`QueryCancelled` rather than handing the parser a
truncated document that it might accept (a cut N-Triples stream is valid).
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator

import httpx

from graph.store.base import QueryCancelled, StoreError

#: What ``oxigraph serve`` writes when ``--timeout-s`` stops a query (0.5.x).
OXIGRAPH_CANCELLED = b"The SPARQL operation has been cancelled"
#: Bytes asked of the socket at a time (httpx's own default hands out ~1.5 kB pieces of a chunked body).
READ_SIZE = 64 * 1024


class ResponseReader(io.RawIOBase):
    """Read-only raw file over ``response.iter_bytes()``; closing it closes the response.

    >>> import httpx
    >>> reader = ResponseReader(httpx.Response(200, content=b"<a> <b> <c> ."), notice=b"stop")
    >>> reader.read()
    b'<a> <b> <c> .'
    >>> ResponseReader(httpx.Response(200, content=b'{"head": {}, stop'), notice=b"stop").read()
    Traceback (most recent call last):
    ...
    graph.store.base.QueryCancelled: the query was stopped at the timeout
    """

    def __init__(self, response: httpx.Response, *, notice: bytes | None = None, deadline: float | None = None) -> None:
        super().__init__()
        self._response = response
        self._deadline = deadline  # time.monotonic() after which reading stops (and closing tells the engine)
        self._chunks: Iterator[bytes] = response.iter_bytes(READ_SIZE)
        self._notice = notice or b""
        self._buffer = bytearray()  # received, not yet handed out from ``_start`` on (includes the held-back tail)
        self._start = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def _receive(self) -> None:
        """Append the next chunk (or mark the end), first dropping what was handed out already."""
        del self._buffer[:self._start]
        self._start = 0
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise QueryCancelled("the query ran past the timeout")
        try:
            self._buffer += next(self._chunks)
        except StopIteration:
            self._done = True
            if self._notice and bytes(self._buffer).rstrip().endswith(self._notice):
                raise QueryCancelled("the query was stopped at the timeout") from None
        except httpx.TimeoutException as exc:
            raise QueryCancelled(f"the SPARQL endpoint stopped answering ({exc or 'read timeout'})") from exc
        except httpx.HTTPError as exc:  # e.g. the connection closed mid-body: never pass a cut answer on
            raise StoreError(f"the SPARQL endpoint's answer was cut off: {exc}") from exc

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        hold = 0 if self._done else len(self._notice)
        while not self._done and len(self._buffer) - self._start <= hold:
            self._receive()
            hold = 0 if self._done else len(self._notice)
        size = min(len(buffer), len(self._buffer) - self._start - hold)
        buffer[:size] = self._buffer[self._start:self._start + size]
        self._start += size
        return size

    def close(self) -> None:
        if not self.closed:
            self._response.close()
        super().close()
