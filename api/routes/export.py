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
from graph.export import FORMATS, export

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
                     "content": {f.media_type: {} for f in FORMATS.values()}}},
)
def export_graph(
    store: StoreDep,
    settings: SettingsDep,
    fmt: Annotated[ExportName, Query(alias="format", description=(
        "gexf: GEXF 1.3 for Gephi (typed, coloured, sized nodes; edges dated for the timeline); "
        "graphml; csv: a zip of Gephi's nodes.csv and edges.csv; jsonld, trig, nquads: the RDF, named graphs "
        "included"))] = "gexf",
) -> StreamingResponse:
    """The network formats are the same projection ``/api/implementers`` reads; the RDF formats are the quads."""
    spec = FORMATS[fmt]
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL)
    try:
        export(store, fmt, spool, base=settings.base)
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    headers = {"Content-Disposition": f'attachment; filename="nqgraph.{spec.extension}"'}
    return StreamingResponse(_chunks(spool), media_type=spec.media_type, headers=headers)
