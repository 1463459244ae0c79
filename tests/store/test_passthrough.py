"""The pass-through client: chunked bodies however they are cut, row counts that never fall short, connections
reused only when an exchange ended cleanly, and bodies that end early or with Oxigraph's notice as errors."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable

import pyoxigraph as ox
import pytest

from graph.store import QueryCancelled, StoreError
from graph.store.passthrough import ROW_MARKS, AnswerCut, ChildClient, OverCap, RowCounter, answer_body, cut_answer
from graph.store.stream import OXIGRAPH_CANCELLED

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def read_request(reader: asyncio.StreamReader) -> bytes:
    head = await reader.readuntil(b"\r\n\r\n")
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length"))
    return await reader.readexactly(length)


def chunked(body: bytes, sizes: list[int], trailer: bytes = b"") -> bytes:
    out, pos, i = b"", 0, 0
    while pos < len(body):
        size = sizes[i % len(sizes)]
        piece = body[pos:pos + size]
        out += b"%x;ext=1\r\n" % len(piece) + piece + b"\r\n"
        pos += size
        i += 1
    return out + b"0\r\n" + trailer + b"\r\n"


def serve(handler: Handler, check: Callable[[ChildClient], Awaitable[None]]) -> None:
    async def main() -> None:
        server = await asyncio.start_server(handler, "127.0.0.1", 0)
        client = ChildClient("127.0.0.1", server.sockets[0].getsockname()[1])
        try:
            await check(client)
        finally:
            client.close()
            server.close()
            await server.wait_closed()

    asyncio.run(main())


def results(rows: list[dict[str, str]]) -> ox.QuerySolutions:
    body = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
        {k: {"type": "literal", "value": v} for k, v in row.items()} for row in rows]}})
    return ox.parse_query_results(body.encode(), format=ox.QueryResultsFormat.JSON)


@pytest.mark.parametrize("media", sorted(ROW_MARKS))
@pytest.mark.parametrize("values", [
    [], ["a"], ["a", "b", "c"], ['}},{"', "}},{", "line\nbreak", "<result>", "\t", ""] * 3,
])
def test_the_row_count_never_falls_short_whatever_the_chunks(media: str, values: list[str]) -> None:
    fmt = ox.QueryResultsFormat.from_media_type(media)
    assert fmt is not None
    body = results([{"x": v} for v in values] + [{}]).serialize(format=fmt)
    assert body is not None
    rows = len(values) + 1
    mark, extra = ROW_MARKS[media]
    for size in (1, 2, 3, 7, len(body)):
        counter = RowCounter(mark, extra, cap=10**9)
        for pos in range(0, len(body), size):
            counter.feed(body[pos:pos + size])
        assert counter.rows >= rows
        if not any(("}},{" in v or "\n" in v) for v in values):
            assert counter.rows <= rows + 1  # exact but for JSON's "+1" on an empty result


def test_the_counter_stops_past_the_cap() -> None:
    counter = RowCounter(b"\n", 0, cap=2)
    counter.feed(b"?x\n1\n")
    with pytest.raises(OverCap):
        counter.feed(b"2\n")


def test_chunked_bodies_in_odd_pieces_and_a_reused_connection() -> None:
    row = b'{"x":{"type":"literal","value":"v"}}'
    body = b'{"head":{"vars":["x"]},"results":{"bindings":[' + b",".join([row] * 500) + b"]}}"
    connections = 0

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        for sizes, trailer in (([1, 5, 1000, 3], b""), ([70000], b"X-Trailer: 1\r\n")):
            await read_request(reader)
            writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/sparql-results+json\r\n"
                         b"transfer-encoding: chunked\r\n\r\n")
            encoded = chunked(body, sizes, trailer)
            for pos in range(0, len(encoded), 777):  # the wire cuts it elsewhere again
                writer.write(encoded[pos:pos + 777])
                await writer.drain()
        writer.close()

    async def check(client: ChildClient) -> None:
        for _ in range(2):
            counter = RowCounter(b"},{", 1, cap=500)
            reply = await client.post("/query", b"q", {"Accept": "application/sparql-results+json"}, counter.feed)
            assert (reply.status, reply.media_type, reply.body, counter.rows) == (
                200, "application/sparql-results+json", body, 500)

    serve(handler, check)
    assert connections == 1


def test_a_keep_alive_connection_that_fails_before_answering_is_replaced_once() -> None:
    connections = 0

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok")
        await writer.drain()
        if connections == 1:
            await read_request(reader)  # the engine drops a kept connection as the next request arrives
        writer.close()

    async def check(client: ChildClient) -> None:
        assert (await client.post("/query", b"q", {})).body == b"ok"
        assert (await client.post("/query", b"q", {})).body == b"ok"

    serve(handler, check)
    assert connections == 2


def test_a_new_connection_that_fails_is_an_error() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.close()

    async def check(client: ChildClient) -> None:
        with pytest.raises(StoreError, match="closed the connection"):
            await client.post("/query", b"q", {})

    serve(handler, check)


def test_over_the_cap_stops_reading_and_drops_the_connection() -> None:
    closed = asyncio.Event()

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n")
        try:
            while True:  # an endless answer: only the client hanging up ends it
                writer.write(b"4\r\nrow\n\r\n")
                await writer.drain()
        except ConnectionError:
            closed.set()

    async def check(client: ChildClient) -> None:
        with pytest.raises(OverCap):
            await client.post("/query", b"q", {}, RowCounter(b"\n", 0, cap=1000).feed)
        await asyncio.wait_for(closed.wait(), 10)

    serve(handler, check)


@pytest.mark.parametrize("tail", [OXIGRAPH_CANCELLED, b"ordinary bytes"])
def test_a_body_cut_off_is_an_error_never_a_short_answer(tail: bytes) -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n" + b"%x\r\n" % (len(tail) + 2)
                     + b"{\n" + tail + b"\r\n")
        await writer.drain()
        writer.close()  # no last chunk

    async def check(client: ChildClient) -> None:
        with pytest.raises(AnswerCut) as cut:
            await client.post("/query", b"q", {})
        error = cut_answer(cut.value, OXIGRAPH_CANCELLED)
        assert isinstance(error, QueryCancelled) == (tail == OXIGRAPH_CANCELLED)
        assert isinstance(error, StoreError)

    serve(handler, check)


def test_a_whole_body_ending_with_the_notice_is_a_cancellation() -> None:
    from graph.store.passthrough import Reply

    with pytest.raises(QueryCancelled):
        answer_body(Reply(200, {}, b'{"head":{"vars":["x"]},"results":{"bindings":[{}' + OXIGRAPH_CANCELLED + b"\n"),
                    OXIGRAPH_CANCELLED)
    assert answer_body(Reply(200, {}, b"x,y\r\n"), OXIGRAPH_CANCELLED) == b"x,y\r\n"
