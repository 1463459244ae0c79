"""``GET /api/implementers``: the bodies that implement a document, each with its paths and evidence.

Why a REST route beside ``/sparql``: "who implements 21-NQ/TW" spans chains
(body → programme → resolution, body → event → resolution, sub-organisations)
that are tedious in SPARQL; ``graph.network.implementers`` answers it on the
cached projection, and this route pages and documents the answer.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from api.deps import GraphDep
from api.errors import ApiError
from graph.network import implementers

router = APIRouter(tags=["graph"])


class _Out(BaseModel):
    model_config = ConfigDict(populate_by_name=True)


class Link(_Out):
    source: str
    predicate: str
    target: str


class EvidenceOut(_Out):
    sentence: str | None = Field(None, description="the sentence the link was read from, as written")
    source: str = Field(description="IRI of the source article (its named graph)")
    source_title: str | None = None
    source_url: str | None = None
    language: str | None = Field(None, description="BCP 47 tag of the sentence")
    date: str | None = Field(None, description="publication date of the source article")
    rule: str | None = None
    start: int | None = None
    end: int | None = None
    implicit: bool = Field(False, description="the document was named without its code")
    supports: Link = Field(description="the stored link this sentence supports")


class StepOut(_Out):
    source: str
    source_label: str
    relation: str = Field(description="implements | issued | organised | sub_organization_of")
    target: str
    target_label: str
    target_type: str
    predicate: str = Field(description="the projected edge behind the step (issued is passed_by read backwards)")
    evidence_count: int
    dates: list[str]


class PathOut(_Out):
    length: int
    via: str = Field(description="direct | carried_out | issued | event | suborganization")
    text: str
    steps: list[StepOut]


class BodyOut(_Out):
    id: str
    label: str
    type: str
    class_: str | None = Field(None, alias="class")
    level: str | None = None
    kind: str | None = None
    place: str | None = None
    distance: int = Field(description="length of the shortest path")
    via: list[str]
    paths: list[PathOut] = Field(description="every distinct path, shortest first")
    evidence: list[EvidenceOut]


class DocumentOut(_Out):
    id: str
    label: str
    code: str | None = None
    year: int | None = None
    date: str | None = None
    class_: str | None = Field(None, alias="class")
    title: str | None = None
    issuer: str | None = None


class GroupOut(_Out):
    document: DocumentOut
    total: int = Field(description="implementers of this document, all pages")
    implementers: list[BodyOut]


_EXAMPLE_PATH = {
    "length": 2, "via": "issued",
    "text": "Tra Vinh Provincial Party Committee —issued→ Programme 39-CTr/TU —implements→ Resolution 21-NQ/TW",
    "steps": [],
}
EXAMPLE = {
    "document": "21-NQ/TW", "year": 2022, "via_suborganizations": False, "total": 1, "limit": 50, "offset": 0,
    "documents": [{
        "document": {"id": "https://w3id.org/nqgraph/id/document/21-nq-tw-2022", "label": "Resolution 21-NQ/TW",
                     "code": "21-NQ/TW", "year": 2022, "date": "2022-06-16", "class": "Resolution",
                     "title": "on strengthening and consolidating grassroots party organisations ...",
                     "issuer": "Central Committee of the Communist Party of Vietnam"},
        "total": 1,
        "implementers": [{
            "id": "https://w3id.org/nqgraph/id/org/tra-vinh-provincial-party-committee",
            "label": "Tra Vinh Provincial Party Committee", "type": "organization", "class": "PartyCommittee",
            "level": "provincial", "kind": "party_committee", "place": "Tra Vinh", "distance": 1,
            "via": ["direct", "issued"],
            "paths": [{"length": 1, "via": "direct", "steps": [],
                       "text": "Tra Vinh Provincial Party Committee —implements→ Resolution 21-NQ/TW"}, _EXAMPLE_PATH],
            "evidence": [{
                "sentence": "Tỉnh ủy Trà Vinh quán triệt, triển khai thực hiện Nghị quyết số 21-NQ/TW.",
                "source": "https://w3id.org/nqgraph/id/source/tra-vinh-article", "language": "vi",
                "date": "2023-03-15", "implicit": False,
                "supports": {"source": "https://w3id.org/nqgraph/id/org/tra-vinh-provincial-party-committee",
                             "predicate": "implements",
                             "target": "https://w3id.org/nqgraph/id/document/21-nq-tw-2022"}}],
        }],
    }],
}


class ImplementersPage(_Out):
    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [EXAMPLE]})

    document: str
    year: int | None
    via_suborganizations: bool
    total: int = Field(description="(document, body) pairs over all pages")
    limit: int
    offset: int
    documents: list[GroupOut] = Field(description="one group per matching document, newest first")


class ErrorOut(BaseModel):
    error: str
    detail: Any = None


@router.get(
    "/api/implementers",
    response_model=ImplementersPage,
    summary="Bodies implementing a document",
    responses={404: {"model": ErrorOut, "description": "no document with that code (and year)"},
               422: {"model": ErrorOut, "description": "a missing or malformed parameter"}},
)
def get_implementers(
    graph: GraphDep,
    document: Annotated[str, Query(min_length=1, description="the document's code, as written officially",
                                   examples=["21-NQ/TW"])],
    year: Annotated[int | None, Query(ge=1900, le=2100, description="only the document of this year",
                                      examples=[2022])] = None,
    via_suborganizations: Annotated[bool, Query(description="also the sub-organisations of implementing bodies "
                                                "(downward only)")] = False,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> JSONResponse:
    """Every body implementing the document: directly, by issuing or carrying out a programme or plan that
    implements it, by organising an event that implements it, and (with ``via_suborganizations``) as a
    sub-organisation of such a body. Each body lists every distinct path, shortest first, and the evidence
    sentences with their source article and language. Without ``year``, every document with that code
    (e.g. 21-NQ/TW of 2022 and of 2017), grouped. Paging runs over the (document, body) pairs in order.

    Plain ``def``: the search runs in the thread pool. The answer is already in the response model's shape
    (tests check it against the schema), so it is written straight to JSON: validating a page of thousands of
    paths and evidence items again would cost more than finding them.
    """
    groups = implementers(graph, document, year, via_suborganizations, offset=offset, limit=limit)
    if not groups:
        which = f"{document} of {year}" if year is not None else document
        raise ApiError(404, "not found", f"no document with code {which} in the graph")
    return JSONResponse({"document": document, "year": year, "via_suborganizations": via_suborganizations,
                         "total": sum(g["total"] for g in groups), "limit": limit, "offset": offset,
                         "documents": groups})
