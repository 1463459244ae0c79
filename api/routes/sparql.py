"""``/sparql``: the W3C SPARQL 1.1 Protocol over the store, as a mountable router.

- query by ``GET ?query=``, ``POST`` form (``query=``) or ``POST application/sparql-query``;
  ``default-graph-uri`` / ``named-graph-uri`` as the protocol defines; without
  them the default graph is the union of all named graphs;
- update by ``POST`` form (``update=``) or ``application/sparql-update`` with
  ``Authorization: Bearer <token>``; read-only when no token is configured;
- results by ``Accept`` (or ``format=``): SPARQL JSON/XML/CSV/TSV, graphs as
  Turtle/N-Triples/RDF-XML/JSON-LD; a bare ``GET`` gives the service description;
- errors as JSON: 400 with the parser's message, 406, 413, 503 on timeout;
- ``/id/...``: a resource IRI under the configured base, dereferenced (its DESCRIBE).

Queries run in a worker thread (``anyio.to_thread``) so a slow query never
blocks the event loop; see ``api/sparql_run.py`` for how the deadline is kept.
``SERVICE`` is refused unless allowed in the settings: a federated query makes
the server fetch arbitrary URLs on a client's behalf.
"""

from __future__ import annotations

import hmac
import re
from functools import partial
from typing import Annotated
from urllib.parse import parse_qsl

import anyio
import anyio.to_thread
import pyoxigraph as ox
from fastapi import APIRouter, Query, Request, Response

from api.deps import SettingsDep, StoreDep
from api.errors import ApiError
from api.media import GRAPH_FORMATS, RESULT_FORMATS, negotiate
from api.settings import Settings
from api.sparql_run import NotAcceptable, QueryTimeout, execute
from graph.store import Store

router = APIRouter(tags=["sparql"])

_SERVICE = re.compile(r"(?<![?$:\w])SERVICE\s+(SILENT\s+)?(<|\?|\$|[A-Za-z_][\w.-]*:)", re.IGNORECASE)
_RESULTS_DOC = {
    200: {"description": "SPARQL results or an RDF graph, by Accept",
          "content": {f.media_type: {} for f in RESULT_FORMATS + GRAPH_FORMATS}},
    400: {"description": "the query does not parse; `detail` is the parser's message"},
    406: {"description": "no acceptable serialisation for this query form"},
    503: {"description": "the query ran past the timeout"},
}
_POST_BODY = {
    "requestBody": {"content": {
        "application/sparql-query": {"schema": {"type": "string"}},
        "application/sparql-update": {"schema": {"type": "string"}},
        "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
            "query": {"type": "string"}, "update": {"type": "string"},
            "default-graph-uri": {"type": "array", "items": {"type": "string"}},
            "named-graph-uri": {"type": "array", "items": {"type": "string"}}}}},
    }}
}

_SD_PREFIXES = {"sd": "http://www.w3.org/ns/sparql-service-description#", "fmt": "http://www.w3.org/ns/formats/"}
_DESCRIPTION = """
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix fmt: <http://www.w3.org/ns/formats/> .
[] a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query{update} ;
  sd:feature sd:UnionDefaultGraph, sd:BasicFederatedQuery ;
  sd:resultFormat fmt:SPARQL_Results_JSON, fmt:SPARQL_Results_XML, fmt:SPARQL_Results_CSV, fmt:SPARQL_Results_TSV,
    fmt:Turtle, fmt:N-Triples, fmt:RDF_XML, fmt:JSON-LD ;
  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""


def _tokens(request: Request, settings: Settings) -> list[str]:
    local = getattr(request.app.state, "local_token", None)
    return [t for t in (settings.update_token(), local) if t]


def _service_description(request: Request, settings: Settings, format_name: str | None) -> Response:
    fmt = negotiate(request.headers.get("accept"), GRAPH_FORMATS, format_name)
    if fmt is None:
        raise ApiError(406, "not acceptable", "the service description is available as: "
                       + ", ".join(f.media_type for f in GRAPH_FORMATS))
    update = ", sd:SPARQL11Update" if _tokens(request, settings) else ""
    text = _DESCRIPTION.format(endpoint=str(request.url_for("sparql_get")), update=update)
    if not settings.allow_service:
        text = text.replace(", sd:BasicFederatedQuery", "")
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(text, format=ox.RdfFormat.TURTLE)]
    prefixes = _SD_PREFIXES if fmt.oxigraph in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return Response(ox.serialize(triples, format=fmt.oxigraph, prefixes=prefixes), media_type=fmt.content_type)


async def _run_query(request: Request, store: Store, settings: Settings, text: str, default_graph: list[str],
                     named_graphs: list[str], format_name: str | None) -> Response:
    if len(text) > settings.max_query_length:
        raise ApiError(413, "query too long", f"{len(text)} characters; the limit is {settings.max_query_length}")
    if not settings.allow_service and _SERVICE.search(text):
        raise ApiError(403, "service not allowed", "federated queries (SERVICE) are disabled on this endpoint")
    job = partial(execute, store, text, accept=request.headers.get("accept"), format_name=format_name,
                  default_graph=default_graph, named_graphs=named_graphs, row_cap=settings.row_cap,
                  timeout=settings.query_timeout)
    try:
        with anyio.fail_after(settings.query_timeout):
            answer = await anyio.to_thread.run_sync(job, abandon_on_cancel=True)
    except (TimeoutError, QueryTimeout):
        raise ApiError(503, "query timeout", f"the query ran longer than {settings.query_timeout:g} s; "
                       "narrow it or add a LIMIT") from None
    except NotAcceptable as exc:
        raise ApiError(406, "not acceptable", f"this query can be answered as: {exc}") from None
    headers = {"Vary": "Accept"}
    if answer.truncated:
        headers["X-NQGraph-Truncated"] = f"results capped at {settings.row_cap}"
    return Response(answer.body, media_type=answer.format.content_type, headers=headers)


async def _run_update(request: Request, store: Store, settings: Settings, text: str) -> Response:
    tokens = _tokens(request, settings)
    if not tokens or store.read_only:
        raise ApiError(403, "read-only", "this endpoint accepts no updates: no update token is configured "
                       "(NQGRAPH_TOKEN or NQGRAPH_TOKEN_FILE)")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not any(hmac.compare_digest(given.strip(), t) for t in tokens):
        raise ApiError(401, "unauthorised", "updates need 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})
    await anyio.to_thread.run_sync(store.update, text)
    return Response(status_code=204)


@router.get("/sparql", name="sparql_get", summary="SPARQL query (GET); a bare GET describes the service",
            responses=_RESULTS_DOC)  # type: ignore[arg-type]
async def sparql_get(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    query: str | None = None,
    default_graph_uri: Annotated[list[str], Query(alias="default-graph-uri")] = [],  # noqa: B006
    named_graph_uri: Annotated[list[str], Query(alias="named-graph-uri")] = [],  # noqa: B006
    format: str | None = None,
) -> Response:
    if "update" in request.query_params:
        raise ApiError(405, "method not allowed", "SPARQL updates must be sent with POST",
                       headers={"Allow": "POST"})
    if query is None:
        return _service_description(request, settings, format)
    return await _run_query(request, store, settings, query, default_graph_uri, named_graph_uri, format)


@router.post("/sparql", summary="SPARQL query or update (POST)", responses=_RESULTS_DOC,  # type: ignore[arg-type]
             openapi_extra=_POST_BODY)
async def sparql_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.upload_limit:
        raise ApiError(413, "body too large", f"the limit is {settings.upload_limit} bytes")
    body = await request.body()
    if len(body) > settings.upload_limit:
        raise ApiError(413, "body too large", f"the limit is {settings.upload_limit} bytes")
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    params = list(request.query_params.multi_items())
    query = update = None
    if media == "application/x-www-form-urlencoded":
        params += parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        query = next((v for k, v in params if k == "query"), None)
        update = next((v for k, v in params if k == "update"), None)
    elif media == "application/sparql-query":
        query = body.decode("utf-8")
    elif media == "application/sparql-update":
        update = body.decode("utf-8")
    else:
        raise ApiError(415, "unsupported media type", "send application/sparql-query, application/sparql-update "
                       "or an application/x-www-form-urlencoded form with query= or update=")
    if (query is None) == (update is None):
        raise ApiError(400, "bad request", "give exactly one of query or update")
    if update is not None:
        return await _run_update(request, store, settings, update)
    default_graph = [v for k, v in params if k == "default-graph-uri"]
    named_graphs = [v for k, v in params if k == "named-graph-uri"]
    format_name = next((v for k, v in params if k == "format"), None)
    assert query is not None
    return await _run_query(request, store, settings, query, default_graph, named_graphs, format_name)


@router.get("/id/{path:path}", summary="Dereference a resource IRI (its description, by Accept)",
            responses={200: {"content": {f.media_type: {} for f in GRAPH_FORMATS}}})
async def resource(path: str, request: Request, store: StoreDep, settings: SettingsDep,
                   format: str | None = None) -> Response:
    """``id:org/...`` under the configured base is answered here too, so the graph's IRIs resolve on this server."""
    iri = settings.base + path
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        raise ApiError(404, "not found", f"not a resource IRI: {path}") from None
    if not await anyio.to_thread.run_sync(store.ask, f"ASK {{ {node} ?p ?o }}"):
        raise ApiError(404, "not found", f"no resource {iri}")
    return await _run_query(request, store, settings, f"DESCRIBE {node}", [], [], format)
