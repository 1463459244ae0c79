"""``GET /api/coverage?document=CODE[&as_of=DATE]``: which provinces have evidence of implementing a document.

Why ``as_of``: the provinces changed on 1 July 2025 (63 merged into 34), so
coverage is reported against the map in force on a date, old provinces
counting for the province that absorbed them. Without ``as_of``, today's map.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import ConfigDict, Field

from api.deps import GraphDep, SettingsDep
from api.errors import ApiError
from api.routes.common import ERRORS, Limit, NodeOut, Offset, Out, PageOut
from api.routes.common import EXAMPLE_RESOLUTION as _RES
from api.routes.common import EXAMPLE_TRA_VINH as _TV
from graph.network.coverage import coverage
from graph.network.implementers import documents_with_code
from graph.network.lookup import find_document, summary

router = APIRouter(tags=["analytics"])


class CoveringBody(NodeOut):
    document: str = Field(description="the document it implements")
    distance: int = Field(description="links on its shortest path to the document")
    via: list[str] = Field(description="direct | carried_out | issued | event | suborganization")
    evidence_count: int
    first_reported: str | None = Field(None, description="earliest publication date on its paths")
    located_in: str | None = Field(None, description="the province the body is in, as named when reported")


class ProvinceRow(Out):
    province: str = Field(description="province in force on as_of")
    covered: bool
    bodies: list[CoveringBody]


class CoveragePage(PageOut):
    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [{
        "documents": [_RES], "alternatives": [], "as_of": "2025-08-01", "era": "2025", "provinces_total": 34,
        "covered": 3, "not_covered": 31, "covered_provinces": ["Ha Tinh", "Quang Ninh", "Vinh Long"],
        "not_covered_provinces": ["An Giang", "Bac Ninh", "..."], "total": 34, "limit": 100, "offset": 0,
        "items": [{"province": "Vinh Long", "covered": True, "bodies": [{
            **_TV, "document": _RES["id"], "distance": 1, "via": ["direct", "issued"], "evidence_count": 3,
            "first_reported": "2023-03-15", "located_in": "Tra Vinh"}]}],
        "unplaced": []}]})

    documents: list[NodeOut] = Field(description="the document covered")
    alternatives: list[NodeOut] = Field(description="other documents with the same code (ask with year=)")
    as_of: str
    era: str = Field(description="legacy (63 provinces, before 1 July 2025) or 2025 (34)")
    provinces_total: int
    covered: int
    not_covered: int
    covered_provinces: list[str]
    not_covered_provinces: list[str]
    items: list[ProvinceRow] = Field(description="covered provinces first, then the rest, alphabetically")
    unplaced: list[CoveringBody] = Field(description="implementing bodies with no province (central bodies, ...)")


@router.get("/api/coverage", response_model=CoveragePage, summary="Provinces implementing a document",
            responses=ERRORS)
def get_coverage(
    graph: GraphDep,
    settings: SettingsDep,
    document: Annotated[str, Query(min_length=1, description="the document's code (or slug)",
                                   examples=["21-NQ/TW"])],
    year: Annotated[int | None, Query(ge=1900, le=2100, description="only the document of this year")] = None,
    as_of: Annotated[date | None, Query(description="the map of this day (default: today)",
                                        examples=["2025-08-01"])] = None,
    via_suborganizations: Annotated[bool, Query(description="also count sub-organisations of implementing "
                                                "bodies")] = False,
    covered: Annotated[bool | None, Query(description="list only covered (true) or uncovered (false) "
                                          "provinces")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Every province in force on ``as_of``, whether a body located there implements the document (directly,
    through a programme or an event) and which bodies. Counts cover all pages; paging runs over provinces.
    One code may name several documents (21-NQ/TW of 2017 and of 2022): without ``year`` the newest is
    used and the others are listed in ``alternatives``."""
    docs = documents_with_code(graph, document, year)
    if not docs and year is None and (one := find_document(graph, document, settings.base)) is not None:
        docs = [one]
    if not docs:
        raise ApiError(404, "not found", f"no document {document!r}{f' of {year}' if year else ''} in the graph")
    page = coverage(graph, docs[:1], as_of=as_of or date.today(), via_suborganizations=via_suborganizations,
                    covered=covered, offset=offset, limit=limit, base=settings.base)
    alternatives = [summary(graph, d, settings.base) for d in docs[1:]]
    return {**page, "alternatives": alternatives, "limit": limit, "offset": offset}
