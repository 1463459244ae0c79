"""``GET /api/export?format=...``: the graph as a file for Gephi, yEd or another triple store.

Why spool to a temporary file: the writers are synchronous and stream into a
binary file; spooling (in memory up to a few MiB, then on disk) lets the whole
export finish, or fail with a JSON error, before the first byte is sent.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.deps import SettingsDep, StoreDep
from api.errors import ApiError
from graph.export import FORMATS, Scope, ScopeNotFound, export
from graph.export.scope import MAX_DEPTH
from graph.iris import slugify

router = APIRouter(tags=["export"])

ExportName = Literal["gexf", "graphml", "csv", "jsonld", "trig", "nquads"]
_CHUNK = 1 << 16
_SPOOL = 8 << 20


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    try:
        while chunk := spool.read(_CHUNK):
            yield chunk
    finally:
        spool.close()


@router.get(
    "/api/export",
    summary="Download the graph",
    response_class=StreamingResponse,
    responses={200: {"description": "the export file",
                     "content": {f.media_type: {} for f in FORMATS.values()}},
               404: {"description": "the scope's entity or document is not in the graph"},
               422: {"description": "a malformed parameter, or both entity= and document="}},
)
def export_graph(
    store: StoreDep,
    settings: SettingsDep,
    fmt: Annotated[ExportName, Query(alias="format", description=(
        "gexf: GEXF 1.3 for Gephi (typed, coloured, sized nodes; edges dated for the timeline); "
        "graphml; csv: a zip of Gephi's nodes.csv and edges.csv; jsonld, trig, nquads: the RDF, named graphs "
        "included"))] = "gexf",
    entity: Annotated[str | None, Query(min_length=1, description="only this entity's neighbourhood (id = IRI path "
                                        "after the base, or the IRI)",
                                        examples=["org/tra-vinh-provincial-party-committee"])] = None,
    depth: Annotated[int, Query(ge=0, le=MAX_DEPTH, description="with entity=: links from the entity")] = 1,
    document: Annotated[str | None, Query(min_length=1, description="only this document's implementation tree "
                                          "(code or slug)", examples=["21-NQ/TW"])] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100, description="with document=: only that year's")] = None,
) -> StreamingResponse:
    """The network formats are the same projection ``/api/implementers`` reads; the RDF formats are the quads.
    ``entity``/``depth`` or ``document`` (not both) narrow the export to a neighbourhood or an implementation
    tree; RDF exports then hold the quads about those nodes, their posts and evidence, and their sources."""
    if entity is not None and document is not None:
        raise ApiError(422, "invalid request", "give entity= or document=, not both")
    scope = Scope(entity=entity, depth=depth, document=document, year=year)
    spec = FORMATS[fmt]
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL)
    try:
        export(store, fmt, spool, base=settings.base, scope=scope)
        spool.seek(0)
    except ScopeNotFound as exc:
        spool.close()
        raise ApiError(404, "not found", str(exc)) from None
    except BaseException:
        spool.close()
        raise
    name = "nqgraph" if scope.whole else "nqgraph-" + (slugify(entity or document or "") or "scope")
    headers = {"Content-Disposition": f'attachment; filename="{name}.{spec.extension}"'}
    return StreamingResponse(_chunks(spool), media_type=spec.media_type, headers=headers)
