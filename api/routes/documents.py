"""``GET /api/documents`` and ``GET /api/documents/{slug}``: the legal documents and how they are carried out.

Why slugs: codes contain "/" ("21-NQ/TW"), which cannot sit in a path
segment, and one code may name several documents (21-NQ/TW of 2017 and of
2022); the slug is the last segment of the document's IRI (``21-nq-tw-2022``)
and names exactly one. A code that names exactly one document is accepted too.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import ConfigDict, Field

from api.deps import GraphDep, SettingsDep
from api.errors import ApiError
from api.routes.common import ERRORS, Limit, LinkOut, NodeOut, Offset, Out, PageOut, example_node
from api.routes.common import EXAMPLE_PROGRAMME as _PROG
from api.routes.common import EXAMPLE_RESOLUTION as _RES
from api.routes.common import EXAMPLE_TRA_VINH as _TV
from graph.network.documents import document_detail, document_list
from graph.network.implementers import documents_with_code
from graph.network.lookup import find_document, slug_of

router = APIRouter(tags=["graph"])

_CC = example_node("org/central-committee-of-the-communist-party-of-vietnam",
                   "Central Committee of the Communist Party of Vietnam", "organization", **{"class": "PartyCommittee"},
                   level="central", kind="party_committee")


class _DocumentFields(Out):
    """What a document's summary and its full record both carry."""

    id: str
    path: str
    slug: str = Field(description="the last segment of the IRI: what /api/documents/{slug} takes")
    label: str
    type: str
    class_: str | None = Field(None, alias="class")
    code: str | None = None
    date: str | None = None
    year: int | None = None
    title: str | None = None
    document_type: str | None = None


class DocumentItem(_DocumentFields):
    issuer: NodeOut | None = Field(None, description="the body that passed it")
    implements: list[NodeOut] = Field(description="documents it implements")
    implemented_by: list[NodeOut] = Field(description="bodies, documents and events that implement it directly")


class DocumentsPage(PageOut):
    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [{
        "total": 3, "limit": 50, "offset": 0,
        "items": [{**_RES, "slug": "21-nq-tw-2022", "document_type": "resolution", "issuer": _CC,
                   "title": "on strengthening and consolidating grassroots party organisations ...",
                   "implements": [], "implemented_by": [_TV, _PROG]}]}]})

    items: list[DocumentItem]


class DocumentDetail(_DocumentFields):
    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [{
        **_RES, "slug": "21-nq-tw-2022", "document_type": "resolution", "title": "on strengthening ...",
        "labels": {"en": ["Resolution 21-NQ/TW"], "vi": ["Nghị quyết 21-NQ/TW"], "km": ["សេចក្តីសម្រេច ២១-NQ/TW"]},
        "aliases": [], "issuer": _CC, "issued_by": [], "implements": [],
        "implemented_by": [{"node": _TV, "predicate": "implements", "direction": "in", "evidence_count": 1,
                            "dates": ["2023-03-15"], "implicit": False, "roles": [], "evidence": [{
                                "sentence": "Tỉnh ủy Trà Vinh quán triệt, triển khai thực hiện Nghị quyết số 21-NQ/TW.",
                                "source": "https://w3id.org/nqgraph/id/source/tra-vinh-article", "language": "vi",
                                "date": "2023-03-15", "implicit": False,
                                "supports": {"source": _TV["id"], "predicate": "implements", "target": _RES["id"]}}]}],
        "counts": {"implements": 0, "implemented_by": 5}, "implementers_total": 5,
        "graphs": ["https://w3id.org/nqgraph/id/graph/registry"]}]})

    term: str | None = None
    plenum: str | None = None
    labels: dict[str, list[str]] = Field(description="labels per BCP 47 tag")
    aliases: list[str]
    issuer: NodeOut | None = None
    issued_by: list[LinkOut]
    implements: list[LinkOut]
    implemented_by: list[LinkOut] = Field(description="direct implementers with their evidence")
    counts: dict[str, int] = Field(description="full length of each list when `limit` cut it")
    implementers_total: int = Field(description="bodies reaching it through any chain (see /api/implementers)")
    graphs: list[str]


@router.get("/api/documents", response_model=DocumentsPage, summary="List legal documents", responses=ERRORS)
def list_documents(
    graph: GraphDep,
    settings: SettingsDep,
    code: Annotated[str | None, Query(description="only this code, any spelling", examples=["21-NQ/TW"])] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    doc_class: Annotated[str | None, Query(alias="class", description="Resolution, Programme, Plan, ...")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Documents newest first, each with its issuer, what it implements and what implements it directly."""
    page = document_list(graph, code=code, year=year, doc_class=doc_class, offset=offset, limit=limit,
                         base=settings.base)
    return {**page, "limit": limit, "offset": offset}


@router.get("/api/documents/{slug:path}", response_model=DocumentDetail, summary="One legal document",
            responses=ERRORS)
def get_document(
    graph: GraphDep,
    settings: SettingsDep,
    slug: str,
    limit: Annotated[int, Query(ge=1, le=10000, description="at most this many links per list")] = 200,
) -> dict[str, Any]:
    """The document's labels, issuer, the documents it implements and its direct implementers (bodies,
    programmes, events) with the sentences that say so; ``implementers_total`` counts every body reaching it
    through a chain."""
    node = find_document(graph, slug, settings.base)
    if node is None:
        candidates = [slug_of(n) for n in documents_with_code(graph, slug)]
        hint = f"; documents with that code: {', '.join(candidates)}" if candidates else ""
        raise ApiError(404, "not found", f"no document {slug!r} in the graph{hint}")
    return document_detail(graph, node, base=settings.base, limit=limit)
