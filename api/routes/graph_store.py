"""``/store``: the SPARQL 1.1 Graph Store HTTP Protocol (indirect identification: ``?graph=IRI`` or ``?default``).

Why on top of the ``Store`` interface rather than passed through to an
engine: the same routes then work on every backend (the managed Oxigraph
server, in-process pyoxigraph, Virtuoso or any SPARQL 1.1 endpoint), using the
SPARQL equivalents the Graph Store Protocol itself gives (its section 5):

- ``GET``/``HEAD``: the graph's triples, by ``Accept`` (Turtle by default); 404 if it has none;
- ``PUT``: the body becomes the graph (one transaction: ``Store.replace_graph``); 201 if new, else 204;
- ``POST``: the body is added to the graph (``INSERT DATA``); 201 if new, else 204; a ``POST``
  with neither parameter creates a graph under ``BASE/graph/`` and answers 201 with its ``Location``;
- ``DELETE``: the graph is dropped; 404 if it has none.

``?default`` is the default graph as ``/sparql`` sees it: reads give the union
of all graphs (the protocol's ``CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }``),
writes go to the store's own unnamed graph. Writes need the update token
(``api/auth.py``), exactly as SPARQL Update does; bodies are limited by the
upload limit.
"""

from __future__ import annotations

import uuid
from functools import partial

import anyio.to_thread
import pyoxigraph as ox
from fastapi import APIRouter, Request, Response

from api.auth import require_writer
from api.deps import SettingsDep, StoreDep
from api.errors import ApiError
from api.media import GRAPH_FORMATS, negotiate
from api.settings import Settings
from graph.store import STANDARD_PREFIXES, BadQuery, Store
from graph.store.common import insert_operation

router = APIRouter(tags=["graph store"])

_DOC = {
    200: {"description": "the graph", "content": {f.media_type: {} for f in GRAPH_FORMATS}},
    201: {"description": "a new graph was created"},
    204: {"description": "done"},
    400: {"description": "neither or both of graph= and default, a relative graph IRI, or a body that does not parse"},
    401: {"description": "a write without `Authorization: Bearer <token>`"},
    403: {"description": "a write with a wrong token, or on a read-only server"},
    404: {"description": "no such graph"},
    415: {"description": "a body in a media type that is not an RDF graph syntax"},
}
_PARAMS = {"parameters": [
    {"name": "graph", "in": "query", "schema": {"type": "string"}, "description": "the graph's IRI"},
    {"name": "default", "in": "query", "schema": {"type": "string"}, "allowEmptyValue": True,
     "description": "the default graph (give no value)"},
]}


def _target(request: Request, *, allow_neither: bool = False) -> str | None:
    """The graph IRI named by the request, ``None`` for ``?default``; 400 when that is unclear."""
    graphs = request.query_params.getlist("graph")
    default = "default" in request.query_params
    if len(graphs) + default == 0 and allow_neither:
        return ""
    if len(graphs) + default != 1:
        raise ApiError(400, "bad request", "name exactly one graph: ?graph=IRI or ?default")
    if default:
        return None
    try:
        node = ox.NamedNode(graphs[0])
    except ValueError:
        raise ApiError(400, "bad request", f"not an absolute IRI: {graphs[0]!r}") from None
    if ":" not in node.value:
        raise ApiError(400, "bad request", f"not an absolute IRI: {graphs[0]!r}")
    return node.value


def _graph_exists(store: Store, graph: str | None) -> bool:
    if graph is None:
        return True
    return store.ask(f"ASK {{ GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }} }}")


def _read_graph(store: Store, graph: str | None, fmt: ox.RdfFormat) -> bytes | None:
    """The serialised graph, or ``None`` when it does not exist. Runs in one worker thread, start to end."""
    if not _graph_exists(store, graph):
        return None
    if graph is None:
        triples = list(store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"))  # type: ignore[arg-type]
    else:
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(graph)]
    prefixes = STANDARD_PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes)  # type: ignore[arg-type]


async def _body_triples(request: Request, settings: Settings, base: str) -> list[ox.Triple]:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.upload_limit:
        raise ApiError(413, "body too large", f"the limit is {settings.upload_limit} bytes")
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fmt = ox.RdfFormat.from_media_type(media) if media else None
    if fmt is None:
        raise ApiError(415, "unsupported media type", "send the graph as " + ", ".join(
            f.media_type for f in GRAPH_FORMATS) + (f" (got {media})" if media else " (no Content-Type was given)"))
    body = await request.body()
    if len(body) > settings.upload_limit:
        raise ApiError(413, "body too large", f"the limit is {settings.upload_limit} bytes")

    def parse() -> list[ox.Triple]:
        triples = []
        for quad in ox.parse(body, format=fmt, base_iri=base):
            if not isinstance(quad.graph_name, ox.DefaultGraph):
                raise ApiError(400, "bad request", "the body names graphs of its own; send one graph's triples")
            triples.append(ox.Triple(quad.subject, quad.predicate, quad.object))
        return triples

    try:
        return await anyio.to_thread.run_sync(parse)
    except SyntaxError as exc:
        raise ApiError(400, "bad request", f"the body does not parse as {media}: {exc}") from None


@router.get("/store", name="graph_store", summary="Read a graph (HEAD too)", responses=_DOC,  # type: ignore[arg-type]
            openapi_extra=_PARAMS)
async def get_graph(request: Request, store: StoreDep) -> Response:
    graph = _target(request)
    fmt = negotiate(request.headers.get("accept"), GRAPH_FORMATS, request.query_params.get("format"))
    if fmt is None:
        raise ApiError(406, "not acceptable", "graphs are served as " + ", ".join(f.media_type for f in GRAPH_FORMATS))
    body = await anyio.to_thread.run_sync(_read_graph, store, graph, fmt.oxigraph)
    if body is None:
        raise ApiError(404, "not found", f"no graph <{graph}>")
    headers = {"Vary": "Accept", "Content-Length": str(len(body))}
    return Response(b"" if request.method == "HEAD" else body, media_type=fmt.content_type, headers=headers)


router.add_api_route("/store", get_graph, methods=["HEAD"], include_in_schema=False)


@router.put("/store", summary="Replace a graph with the body", responses=_DOC,  # type: ignore[arg-type]
            openapi_extra=_PARAMS)
async def put_graph(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    require_writer(request, settings, store)
    graph = _target(request)
    triples = await _body_triples(request, settings, graph or str(request.url))
    existed = await anyio.to_thread.run_sync(_graph_exists, store, graph)
    if graph is None:
        text = "DROP SILENT DEFAULT" + (f" ;\n{insert_operation(None, triples)}" if triples else "")
        await anyio.to_thread.run_sync(store.update, text)
    else:
        await anyio.to_thread.run_sync(store.replace_graph, graph, triples)
    return Response(status_code=204 if existed or not triples else 201)


@router.post("/store", summary="Add the body to a graph (or create a new graph)", responses=_DOC,  # type: ignore[arg-type]
             openapi_extra=_PARAMS)
async def post_graph(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    require_writer(request, settings, store)
    graph = _target(request, allow_neither=True)
    created = graph == ""
    if created:
        graph = f"{settings.base}graph/{uuid.uuid4()}"
    triples = await _body_triples(request, settings, graph or str(request.url))
    existed = not created and await anyio.to_thread.run_sync(_graph_exists, store, graph)
    if triples:
        try:
            await anyio.to_thread.run_sync(partial(store.update, insert_operation(graph, triples)))
        except BadQuery as exc:
            raise ApiError(400, "bad request", f"the store refused the triples: {exc}") from None
    if created:
        location = str(request.url_for("graph_store").include_query_params(graph=graph))
        return Response(status_code=201, headers={"Location": location})
    return Response(status_code=204 if existed or not triples else 201)


@router.delete("/store", summary="Drop a graph", responses=_DOC, openapi_extra=_PARAMS)  # type: ignore[arg-type]
async def delete_graph(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    require_writer(request, settings, store)
    graph = _target(request)
    if graph is None:
        await anyio.to_thread.run_sync(store.update, "DROP SILENT DEFAULT")
        return Response(status_code=204)
    if not await anyio.to_thread.run_sync(_graph_exists, store, graph):
        raise ApiError(404, "not found", f"no graph <{graph}>")
    await anyio.to_thread.run_sync(store.remove_graph, graph)
    return Response(status_code=204)
