"""``GET /api/timeline?document=|entity=``: dated documents, events and first reports, in date order.

Why two ways in: a document's timeline spans its whole implementation tree
(the programmes, events and bodies that carry it out, transitively); an
entity's spans its own links. See ``graph.network.timeline`` for what each
kind of date means (a ``report`` dates the news, not the act).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import ConfigDict, Field

from api.deps import GraphDep, SettingsDep
from api.errors import ApiError
from api.routes.common import ERRORS, Limit, NodeOut, Offset, Out, PageOut, example_node, node_or_404
from api.routes.common import EXAMPLE_PROGRAMME as _PROG
from api.routes.common import EXAMPLE_RESOLUTION as _RES
from graph.network.implementers import documents_with_code
from graph.network.lookup import find_document
from graph.network.timeline import document_timeline, entity_timeline

router = APIRouter(tags=["graph"])

_EVENT = example_node("event/9c1d", "Conference to disseminate Resolution 21-NQ/TW", "event",
                      **{"class": "Event"}, date="2023-10")


class TimelineItem(Out):
    date: str = Field(description="ISO date, or year-month, or year")
    kind: str = Field(description="document (its date) | event (its start) | report (first article stating a link)")
    node: NodeOut = Field(description="the dated document or event; for a report, the link's subject")
    predicate: str | None = Field(None, description="report: the link; entity timelines: how the node is linked")
    direction: str | None = None
    object: NodeOut | None = Field(None, description="report: the link's object")
    evidence_count: int | None = None
    roles: list[str] = Field(default_factory=list)


class TimelinePage(PageOut):
    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [{
        "documents": [_RES], "total": 9, "limit": 100, "offset": 0, "undated": [],
        "items": [{"date": "2022", "kind": "document", "node": _PROG},
                  {"date": "2022-06-16", "kind": "document", "node": _RES},
                  {"date": "2023-10", "kind": "event", "node": _EVENT}]}]})

    documents: list[NodeOut] | None = Field(None, description="the documents asked about (document=)")
    entity: NodeOut | None = Field(None, description="the entity asked about (entity=)")
    items: list[TimelineItem]
    undated: list[NodeOut] = Field(description="documents and events in scope without a date")


@router.get("/api/timeline", response_model=TimelinePage, summary="Dated events and documents in order",
            responses=ERRORS)
def get_timeline(
    graph: GraphDep,
    settings: SettingsDep,
    document: Annotated[str | None, Query(min_length=1, description="a document's code or slug",
                                          examples=["21-NQ/TW", "21-nq-tw-2022"])] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100, description="with document=: only that year's")] = None,
    entity: Annotated[str | None, Query(min_length=1, description="an entity id (path after the base) or IRI",
                                        examples=["org/tra-vinh-provincial-party-committee"])] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Give exactly one of ``document`` (every document with that code, or the one slug) and ``entity``."""
    if (document is None) == (entity is None):
        raise ApiError(422, "invalid request", "give exactly one of document= and entity=")
    if entity is not None:
        node = node_or_404(graph, entity, settings.base)
        page = entity_timeline(graph, node, offset=offset, limit=limit, base=settings.base)
    else:
        assert document is not None
        docs = documents_with_code(graph, document, year)
        if not docs and year is None and (one := find_document(graph, document, settings.base)) is not None:
            docs = [one]
        if not docs:
            raise ApiError(404, "not found", f"no document {document!r}{f' of {year}' if year else ''} in the graph")
        page = document_timeline(graph, docs, offset=offset, limit=limit, base=settings.base)
    return {**page, "limit": limit, "offset": offset}
