"""``/sparql``: the W3C SPARQL 1.1 Protocol over the store, as a mountable router.

- query by ``GET ?query=``, ``POST`` form (``query=``) or ``POST application/sparql-query``;
  ``default-graph-uri`` / ``named-graph-uri`` as the protocol defines; without
  them the default graph is the union of all named graphs;
- update by ``POST`` form (``update=``) or ``application/sparql-update`` with
  ``Authorization: Bearer <token>`` (``api/auth.py``), ``using-graph-uri`` /
  ``using-named-graph-uri`` passed on to the store; read-only when no token is configured;
- results by ``Accept`` (or ``format=``): SPARQL JSON/XML/CSV/TSV, graphs as
  Turtle/N-Triples/RDF-XML/JSON-LD; a bare ``GET`` gives the service description;
- relative IRIs resolve against the endpoint's own URL (the protocol lets the
  service choose the base; the W3C tests expect one);
- errors as JSON: 400 with the parser's message, 406, 413, 415, 503 on timeout;
- ``/id/...``: a resource IRI under the configured base, dereferenced (its DESCRIBE).

On the engine that ``nqgraph serve`` runs (``graph/store/managed.py``), a
SELECT or ASK answer in a results format is the engine's own bytes, read on
the event loop and forwarded when they fit the row cap
(``graph/store/passthrough.py``). Everything else runs in a worker thread
(``anyio.to_thread``) so a slow query never blocks the event loop. The
deadline is kept twice: here, so the client hears 503 on time whatever the
backend, and by the engine, which is what stops the work itself.
``SERVICE`` is refused unless allowed in the settings: a federated query makes
the server fetch arbitrary URLs on a client's behalf.
"""

from __future__ import annotations

import re
from functools import partial

import anyio
import anyio.to_thread
import pyoxigraph as ox
from fastapi import APIRouter, Request, Response

from api.auth import require_writer, updates_advertised
from api.deps import SettingsDep, StoreDep
from api.errors import ApiError
from api.media import GRAPH_FORMATS, RESULT_FORMATS, negotiate
from api.service_description import describe
from api.settings import Settings
from api.sparql_request import Operation, read_get, read_post
from api.sparql_run import NotAcceptable, QueryTimeout, execute, forward_format
from graph.store import QueryCancelled, Store
from graph.store.using import names_own_dataset

router = APIRouter(tags=["sparql"])

_SERVICE = re.compile(r"(?<![?$:\w])SERVICE\s+(SILENT\s+)?(<|\?|\$|[A-Za-z_][\w.-]*:)", re.IGNORECASE)
_RESULTS_DOC = {
    200: {"description": "SPARQL results or an RDF graph, by Accept",
          "content": {f.media_type: {} for f in RESULT_FORMATS + GRAPH_FORMATS}},
    204: {"description": "the update was applied"},
    400: {"description": "the query does not parse (`detail` is the parser's message), or the request is malformed"},
    401: {"description": "an update without `Authorization: Bearer <token>`"},
    403: {"description": "an update with a wrong token, or on a read-only endpoint"},
    406: {"description": "no acceptable serialisation for this query form"},
    413: {"description": "the query or the body is over the configured limit"},
    415: {"description": "a POST body in another media type or charset than the protocol's"},
    503: {"description": "the query ran past the timeout (and was stopped)"},
}
_POST_BODY = {
    "requestBody": {"content": {
        "application/sparql-query": {"schema": {"type": "string"}},
        "application/sparql-update": {"schema": {"type": "string"}},
        "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
            "query": {"type": "string"}, "update": {"type": "string"},
            "default-graph-uri": {"type": "array", "items": {"type": "string"}},
            "named-graph-uri": {"type": "array", "items": {"type": "string"}},
            "using-graph-uri": {"type": "array", "items": {"type": "string"}},
            "using-named-graph-uri": {"type": "array", "items": {"type": "string"}}}}},
    }}
}


def _endpoint(request: Request) -> str:
    return str(request.url_for("sparql_get"))


def _service_description(request: Request, store: Store, settings: Settings, format_name: str | None) -> Response:
    fmt = negotiate(request.headers.get("accept"), GRAPH_FORMATS, format_name)
    if fmt is None:
        raise ApiError(406, "not acceptable", "the service description is available as: "
                       + ", ".join(f.media_type for f in GRAPH_FORMATS))
    body = describe(_endpoint(request), fmt, update=updates_advertised(settings, store),
                    federated=settings.allow_service)
    return Response(body, media_type=fmt.content_type, headers={"Vary": "Accept"})


async def run_query(request: Request, store: Store, settings: Settings, text: str, *,
                    default_graphs: list[str] = [], named_graphs: list[str] = [],  # noqa: B006 - never mutated
                    format_name: str | None = None) -> Response:
    """Answer one query as the client asked, within the timeout and the row cap; for other routes too."""
    if len(text) > settings.max_query_length:
        raise ApiError(413, "query too long", f"{len(text)} characters; the limit is {settings.max_query_length}")
    if not settings.allow_service and _SERVICE.search(text):
        raise ApiError(403, "service not allowed", "federated queries (SERVICE) are disabled on this endpoint")
    for iri in [*default_graphs, *named_graphs]:
        if not _absolute(iri):
            raise ApiError(400, "bad request", f"not an absolute graph IRI: {iri!r}")
    accept, base_iri = request.headers.get("accept"), _endpoint(request)
    forward = getattr(store, "forward", None)  # the managed engine's pass-through (graph/store/passthrough.py)
    fmt = forward_format(text, accept, format_name) if forward is not None else None
    job = partial(execute, store, text, accept=accept, format_name=format_name,
                  default_graph=default_graphs, named_graphs=named_graphs, base_iri=base_iri,
                  row_cap=settings.row_cap, timeout=settings.query_timeout)
    try:
        with anyio.fail_after(settings.query_timeout):
            if fmt is not None:
                body = await forward(text, media_type=fmt.media_type, row_cap=settings.row_cap,
                                     default_graph=default_graphs, named_graphs=named_graphs, base_iri=base_iri)
                if body is not None:
                    return Response(body, media_type=fmt.content_type, headers={"Vary": "Accept"})
            answer = await anyio.to_thread.run_sync(job, abandon_on_cancel=True)
    except (TimeoutError, QueryTimeout, QueryCancelled):
        raise ApiError(503, "query timeout", f"the query ran longer than {settings.query_timeout:g} s and was "
                       "stopped; narrow it or add a LIMIT") from None
    except NotAcceptable as exc:
        raise ApiError(406, "not acceptable", f"this query can be answered as: {exc}") from None
    headers = {"Vary": "Accept"}
    if answer.truncated:
        headers["X-NQGraph-Truncated"] = f"results capped at {settings.row_cap}"
    return Response(answer.body, media_type=answer.format.content_type, headers=headers)


async def _run_update(request: Request, store: Store, settings: Settings, operation: Operation) -> Response:
    require_writer(request, settings, store)
    assert operation.update is not None
    using, using_named = operation.using_graphs, operation.using_named_graphs
    if (using or using_named) and names_own_dataset(operation.update):
        raise ApiError(400, "bad request", "the request gives using-graph-uri/using-named-graph-uri and the update "
                       "has its own USING or WITH clause; give one or the other")
    for iri in using + using_named:
        if not _absolute(iri):
            raise ApiError(400, "bad request", f"not an absolute graph IRI: {iri!r}")
    await anyio.to_thread.run_sync(partial(store.update, operation.update, base_iri=_endpoint(request),
                                           using_graphs=using, using_named_graphs=using_named))
    return Response(status_code=204)


def _absolute(iri: str) -> bool:
    try:
        return ":" in ox.NamedNode(iri).value
    except ValueError:
        return False


async def _answer(request: Request, store: Store, settings: Settings, operation: Operation) -> Response:
    if operation.update is not None:
        return await _run_update(request, store, settings, operation)
    if operation.query is None:
        return _service_description(request, store, settings, operation.format_name)
    return await run_query(request, store, settings, operation.query, default_graphs=operation.default_graphs,
                           named_graphs=operation.named_graphs, format_name=operation.format_name)


@router.get("/sparql", name="sparql_get", summary="SPARQL query (GET); a bare GET describes the service",
            responses=_RESULTS_DOC)  # type: ignore[arg-type]
async def sparql_get(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """``query``, ``default-graph-uri``, ``named-graph-uri`` (both repeatable) and ``format`` in the URL."""
    return await _answer(request, store, settings, read_get(request))


@router.post("/sparql", summary="SPARQL query or update (POST)", responses=_RESULTS_DOC,  # type: ignore[arg-type]
             openapi_extra=_POST_BODY)
async def sparql_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    return await _answer(request, store, settings, await read_post(request, settings.upload_limit))
