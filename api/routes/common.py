"""What the graph routes share: response models, paging parameters, node look-up with a JSON 404.

Why one module: ``/api/documents``, ``/api/entities``, ``/api/search``,
``/api/paths``, ``/api/rankings``, ``/api/timeline`` and ``/api/coverage``
describe nodes, links and evidence the same way; the OpenAPI page shows one
schema for each, and every route answers an unknown node with the same
``{"error": "not found", "detail": ...}``. Not a router (``api.app`` does not list it).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field

from api.errors import ApiError
from api.routes.implementers import EvidenceOut
from graph.network import NODE_TYPES
from graph.network.lookup import find_node
from graph.store.base import Store

Limit = Annotated[int, Query(ge=1, le=1000, description="items per page")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
NodeType = Annotated[str | None, Query(pattern="^(" + "|".join(NODE_TYPES) + ")$",
                                       description="only nodes of this type: " + ", ".join(NODE_TYPES))]
ID = "https://w3id.org/nqgraph/id/"


class Out(BaseModel):
    model_config = ConfigDict(populate_by_name=True)


class ErrorOut(BaseModel):
    error: str
    detail: Any = None


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "no such node or document in the graph"},
    422: {"model": ErrorOut, "description": "a missing or malformed parameter"},
}


class NodeOut(Out):
    id: str = Field(description="the node's IRI")
    path: str = Field(description="the IRI after the base, as /api/entities/{id} takes it")
    label: str = Field(description="canonical English label")
    type: str = Field(description="organization | person | document | event | place")
    class_: str | None = Field(None, alias="class", description="most specific ontology class")
    level: str | None = None
    kind: str | None = None
    place: str | None = None
    code: str | None = None
    date: str | None = Field(None, description="a document's or event's date; partial dates stay partial")
    year: int | None = None
    issuer: str | None = None


class LinkOut(Out):
    node: NodeOut = Field(description="the node at the other end")
    predicate: str
    direction: str = Field(description="out: this node is the subject; in: the object")
    evidence_count: int
    dates: list[str] = Field(description="publication dates of the articles stating the link")
    implicit: bool = False
    roles: list[str] = Field(default_factory=list, description="for posts: the roles held")
    evidence: list[EvidenceOut] = Field(default_factory=list)


class PageOut(Out):
    total: int = Field(description="items over all pages")
    limit: int
    offset: int


def node_or_404(G: Any, ident: str, base: str, what: str = "entity") -> str:
    node = find_node(G, ident, base)
    if node is None:
        raise ApiError(404, "not found", f"no {what} {ident!r} in the graph")
    return node


def example_node(path: str, label: str, type_: str, **extra: Any) -> dict[str, Any]:
    return {"id": ID + path, "path": path, "label": label, "type": type_, **extra}


# The nodes the OpenAPI examples of several routes share (the seeds' Tra Vinh implementation of 21-NQ/TW).
EXAMPLE_RESOLUTION = example_node("document/21-nq-tw-2022", "Resolution 21-NQ/TW", "document",
                                  **{"class": "Resolution"}, code="21-NQ/TW", date="2022-06-16", year=2022)
EXAMPLE_PROGRAMME = example_node("document/39-ctr-tu-tra-vinh-2022", "Programme 39-CTr/TU", "document",
                                 **{"class": "Programme"}, code="39-CTr/TU", date="2022", year=2022)
EXAMPLE_TRA_VINH = example_node("org/tra-vinh-provincial-party-committee", "Tra Vinh Provincial Party Committee",
                                "organization", **{"class": "PartyCommittee"}, level="provincial",
                                kind="party_committee", place="Tra Vinh")


def source_info(store: Store, graphs: list[str]) -> list[dict[str, Any]]:
    """Title, URL, language and date of the source articles among ``graphs`` (others are dropped)."""
    if not graphs:
        return []
    values = " ".join(f"<{g}>" for g in graphs if ">" not in g)
    rows = store.select(
        "SELECT ?src (SAMPLE(STR(?t)) AS ?title) (SAMPLE(STR(?u)) AS ?url) (SAMPLE(STR(?l)) AS ?language) "
        "(SAMPLE(STR(?i)) AS ?date) WHERE { VALUES ?src { " + values + " } ?src a nq:SourceDocument . "
        "OPTIONAL { ?src dcterms:title ?t } OPTIONAL { ?src schema:url ?u } "
        "OPTIONAL { ?src dcterms:language ?l } OPTIONAL { ?src dcterms:issued ?i } } GROUP BY ?src ORDER BY ?src")
    return [{"id": str(r["src"]), **{k: (str(r[k]) if r.get(k) not in (None, "") else None)
                                     for k in ("title", "url", "language", "date")}} for r in rows]


class SourceOut(Out):
    id: str = Field(description="IRI of the source article (its named graph)")
    title: str | None = None
    url: str | None = None
    language: str | None = None
    date: str | None = Field(None, description="publication date")
