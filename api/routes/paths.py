"""``GET /api/paths?from=&to=``: how two entities are connected, shortest paths first, with evidence per link.

Why the evidence on every step: a path is a claim ("this party cell is tied
to that resolution through its district committee"); each link carries the
sentences and source articles it was read from so a reader can check it.
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
from api.routes.implementers import EvidenceOut
from graph.network.paths import MAX_PATHS, shortest_paths
from graph.network.schema import EDGE_BY_NAME

router = APIRouter(tags=["graph"])

_CITY = example_node("org/tra-vinh-city-party-committee", "Tra Vinh City Party Committee", "organization",
                     **{"class": "PartyCommittee"}, level="city", place="Tra Vinh City")


class EdgeOut(Out):
    source: str
    target: str
    predicate: str
    label: str | None = None
    direction: str = Field(description="forward: stated from this step's start to its end; backward: the reverse")
    evidence_count: int
    dates: list[str]
    implicit: bool = False
    roles: list[str] = Field(default_factory=list)
    evidence: list[EvidenceOut]


class StepOut(Out):
    from_: str = Field(alias="from")
    to: str
    edges: list[EdgeOut] = Field(description="every projected edge between the two nodes")


class PathOut(Out):
    length: int
    nodes: list[NodeOut]
    steps: list[StepOut]
    text: str


class PathsPage(PageOut):
    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [{
        "from": _CITY, "to": _RES, "directed": True, "max_length": 4, "length": 2, "total": 1, "truncated": False,
        "limit": 10, "offset": 0,
        "paths": [{"length": 2, "nodes": [_CITY, _PROG, _RES],
                   "text": "Tra Vinh City Party Committee —implements→ Programme 39-CTr/TU —implements→ "
                           "Resolution 21-NQ/TW",
                   "steps": [{"from": _CITY["id"], "to": _PROG["id"], "edges": [{
                       "source": _CITY["id"], "target": _PROG["id"], "predicate": "implements",
                       "label": "implements", "direction": "forward", "evidence_count": 1, "dates": ["2023-03-15"],
                       "evidence": [{"sentence": "Thành ủy Trà Vinh cụ thể hóa Chương trình 39-CTr/TU.",
                                     "source": "https://w3id.org/nqgraph/id/source/tra-vinh-article",
                                     "language": "vi", "date": "2023-03-15",
                                     "supports": {"source": _CITY["id"], "predicate": "implements",
                                                  "target": _PROG["id"]}}]}]}]}]}]})

    from_: NodeOut = Field(alias="from")
    to: NodeOut
    directed: bool
    max_length: int | None
    length: int | None = Field(description="length of the shortest paths; null when none within max_length")
    truncated: bool = Field(description=f"more than {MAX_PATHS} shortest paths exist; only that many are counted")
    paths: list[PathOut]


def _predicates(text: str | None) -> frozenset[str] | None:
    if not text:
        return None
    names = frozenset(p.strip() for p in text.split(",") if p.strip())
    unknown = sorted(names - set(EDGE_BY_NAME))
    if unknown:
        raise ApiError(422, "invalid request", f"unknown predicate(s) {', '.join(unknown)}; expected some of "
                       + ", ".join(EDGE_BY_NAME))
    return names


@router.get("/api/paths", response_model=PathsPage, summary="Shortest paths between two entities",
            responses=ERRORS)
def get_paths(
    graph: GraphDep,
    settings: SettingsDep,
    source: Annotated[str, Query(alias="from", min_length=1, description="entity id (path after the base) or IRI",
                                 examples=["org/tra-vinh-city-party-committee"])],
    target: Annotated[str, Query(alias="to", min_length=1, examples=["document/21-nq-tw-2022"])],
    max_length: Annotated[int | None, Query(ge=1, le=20, description="no paths longer than this")] = None,
    directed: Annotated[bool, Query(description="follow edges only in their stated direction")] = False,
    predicates: Annotated[str | None, Query(description="walk only these edges, comma-separated "
                                            "(implements,passed_by,sub_organization_of,...)")] = None,
    limit: Limit = 10,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Every shortest path (undirected unless ``directed``), each step with every edge between its two nodes and
    the evidence sentences of each edge. ``total`` counts the shortest paths; paging runs over them."""
    walk = _predicates(predicates)
    u = node_or_404(graph, source, settings.base)
    v = node_or_404(graph, target, settings.base)
    page = shortest_paths(graph, u, v, max_length=max_length, directed=directed, predicates=walk, offset=offset,
                          limit=limit, base=settings.base)
    return {**page, "limit": limit, "offset": offset}
