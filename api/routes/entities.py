"""``GET /api/entities`` and ``GET /api/entities/{id}``: the graph's bodies, people, documents, events, places.

Why ``{id}`` is a path: an entity is named by its IRI's path after the base
(``org/tra-vinh-provincial-party-committee``), which holds a "/"; the full
IRI, URL-encoded, is accepted as well. The detail answer has one section per
kind of link (posts, members, sub-organisations, documents, events) with the
evidence sentences, and the source articles that mention the entity.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import ConfigDict, Field

from api.deps import GraphDep, SettingsDep, StoreDep
from api.routes.common import (
    ERRORS,
    Limit,
    LinkOut,
    NodeOut,
    NodeType,
    Offset,
    PageOut,
    SourceOut,
    example_node,
    node_or_404,
    source_info,
)
from api.routes.common import EXAMPLE_TRA_VINH as _TV
from graph.network.entities import entity_detail, entity_list

router = APIRouter(tags=["graph"])

_KNT = example_node("person/kim-ngoc-thai", "Kim Ngoc Thai", "person", **{"class": "Person"})


class EntityItem(NodeOut):
    degree: int = Field(description="links in the projection")


class EntitiesPage(PageOut):
    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [{
        "total": 2, "limit": 50, "offset": 0, "items": [{**_TV, "degree": 5}]}]})

    items: list[EntityItem]


class EntityDetail(NodeOut):
    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [{
        **_KNT, "labels": {"en": ["Kim Ngoc Thai"], "vi": ["Kim Ngọc Thái"]}, "aliases": [], "attributes": {},
        "degree": 1, "graphs": ["https://w3id.org/nqgraph/id/source/tra-vinh-article"],
        "posts": [{"node": _TV, "predicate": "holds_post", "direction": "out", "evidence_count": 1,
                   "dates": ["2023-03-15"], "roles": ["Secretary"], "evidence": [{
                       "sentence": "Bí thư Tỉnh ủy Trà Vinh Kim Ngọc Thái phát biểu.",
                       "source": "https://w3id.org/nqgraph/id/source/tra-vinh-article", "language": "vi",
                       "date": "2023-03-15", "implicit": False,
                       "supports": {"source": _KNT["id"], "predicate": "holds_post", "target": _TV["id"]}}]}],
        "events": [], "counts": {"posts": 1, "events": 0},
        "sources": [{"id": "https://w3id.org/nqgraph/id/source/tra-vinh-article",
                     "title": "Trà Vinh triển khai Nghị quyết 21", "url": "https://example.org/tra-vinh",
                     "language": "vi", "date": "2023-03-15"}]}]})

    labels: dict[str, list[str]] = Field(description="every label, per BCP 47 tag (km, th, vi, vi-Khmr, en)")
    aliases: list[str]
    attributes: dict[str, Any] = Field(description="scalar facts: level, kind, place, code, date, title, ...")
    degree: int
    graphs: list[str] = Field(description="named graphs that describe the entity")
    counts: dict[str, int] = Field(description="full length of each section when `limit` cut it")
    sources: list[SourceOut] = Field(description="source articles stating anything about it or its links")
    posts: list[LinkOut] | None = Field(None, description="person: posts held (organisation, roles, evidence)")
    members: list[LinkOut] | None = Field(None, description="body: people holding posts in it")
    parent_organizations: list[LinkOut] | None = None
    sub_organizations: list[LinkOut] | None = None
    implements: list[LinkOut] | None = Field(None, description="documents it implements")
    documents_issued: list[LinkOut] | None = None
    documents: list[NodeOut] | None = Field(None, description="body: every document it implements or issued")
    events: list[LinkOut] | None = Field(None, description="events organised (body), attended (person) or held at "
                                                           "(place)")
    events_attended: list[LinkOut] | None = None
    places: list[LinkOut] | None = None
    issued_by: list[LinkOut] | None = None
    implemented_by: list[LinkOut] | None = None
    organizers: list[LinkOut] | None = None
    attendees: list[LinkOut] | None = None
    contained_in: list[LinkOut] | None = None
    contains: list[LinkOut] | None = None
    organizations: list[LinkOut] | None = None


@router.get("/api/entities", response_model=EntitiesPage, summary="List entities", responses=ERRORS)
def list_entities(
    graph: GraphDep,
    settings: SettingsDep,
    type: NodeType = None,
    q: Annotated[str | None, Query(min_length=1, description="part of a label, alias or code (any script, "
                                   "diacritics optional)", examples=["Tra Vinh"])] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Entities in label order, filtered by type and by a substring of any of their names. For ranked,
    typo-tolerant matching use ``/api/search``."""
    page = entity_list(graph, node_type=type, q=q, offset=offset, limit=limit, base=settings.base)
    return {**page, "limit": limit, "offset": offset}


@router.get("/api/entities/{id:path}", response_model=EntityDetail, response_model_exclude_none=True,
            summary="One entity with its labels, posts, members, documents, events and sources", responses=ERRORS)
def get_entity(
    graph: GraphDep,
    settings: SettingsDep,
    store: StoreDep,
    id: str,
    limit: Annotated[int, Query(ge=1, le=10000, description="at most this many links per section")] = 200,
) -> dict[str, Any]:
    """``id`` is the IRI's path after the base (``org/tra-vinh-provincial-party-committee``) or the full IRI,
    URL-encoded. Sections depend on the type: a person's ``posts``; a body's ``members``,
    ``sub_organizations``, ``parent_organizations``, ``implements``, ``documents_issued``, ``documents`` and
    ``events``; a document's ``issued_by``, ``implements`` and ``implemented_by``."""
    node = node_or_404(graph, id, settings.base)
    detail = entity_detail(graph, node, base=settings.base, limit=limit)
    detail["sources"] = source_info(store, detail["sources"])
    return detail
