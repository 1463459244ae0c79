"""``GET /api/rankings`` and ``GET /api/communities``: centrality and community structure of the projection.

Why through ``graph.network.analytics``: it calls networkx's public, dispatchable
algorithms on plain graphs and caches each result with the projection, so a
ranking is computed once per store state and a GPU backend (nx-cugraph) can
take the work over without a code change.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import ConfigDict, Field

from api.deps import GraphDep, SettingsDep
from api.routes.common import ERRORS, Limit, NodeOut, NodeType, Offset, Out, PageOut
from api.routes.common import EXAMPLE_RESOLUTION as _RES
from api.routes.common import EXAMPLE_TRA_VINH as _TV
from graph.network.analytics import SEED, community_page, rankings

router = APIRouter(tags=["analytics"])


class RankedNode(NodeOut):
    rank: int = Field(description="1 for the highest score among the nodes listed (after the type filter)")
    score: float
    degree: int


class RankingsPage(PageOut):
    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [{
        "metric": "betweenness", "approximate": False, "total": 19, "limit": 20, "offset": 0,
        "items": [{**_RES, "rank": 1, "score": 0.66503268, "degree": 6},
                  {**_TV, "rank": 2, "score": 0.30501089, "degree": 5}]}]})

    metric: str
    approximate: bool = Field(description="betweenness estimated from a seeded sample of sources (large graphs)")
    items: list[RankedNode]


class MemberOut(NodeOut):
    degree: int


class CommunityOut(Out):
    id: int = Field(description="position in the list of all communities, largest first")
    size: int
    types: dict[str, int] = Field(description="members per node type")
    members: list[MemberOut] = Field(description="best-connected members first, at most `members`")


class CommunitiesPage(PageOut):
    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [{
        "algorithm": "louvain", "seed": 42, "resolution": 1.0, "modularity": 0.487654, "total": 4, "limit": 20,
        "offset": 0, "items": [{"id": 0, "size": 6,
                                "types": {"document": 1, "organization": 2, "person": 1, "place": 2},
                                "members": [{**_TV, "degree": 5}]}]}]})

    algorithm: str
    seed: int
    resolution: float
    modularity: float
    items: list[CommunityOut]


@router.get("/api/rankings", response_model=RankingsPage, summary="Rank entities by centrality", responses=ERRORS)
def get_rankings(
    graph: GraphDep,
    settings: SettingsDep,
    metric: Annotated[Literal["degree", "pagerank", "betweenness"], Query(
        description="degree: share of nodes linked to; pagerank: along the edges' direction; "
                    "betweenness: how often on shortest paths (undirected)")] = "pagerank",
    type: NodeType = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Highest score first, ties by label. Scores are computed over the whole graph, then filtered by type."""
    page = rankings(graph, metric, node_type=type, offset=offset, limit=limit, base=settings.base)
    return {**page, "limit": limit, "offset": offset}


@router.get("/api/communities", response_model=CommunitiesPage, summary="Louvain communities", responses=ERRORS)
def get_communities(
    graph: GraphDep,
    settings: SettingsDep,
    resolution: Annotated[float, Query(gt=0, le=10, description="above 1: smaller communities")] = 1.0,
    seed: Annotated[int, Query(ge=0, description="Louvain's random seed; fixed so answers repeat")] = SEED,
    min_size: Annotated[int, Query(ge=1, description="hide communities smaller than this")] = 2,
    members: Annotated[int, Query(ge=0, le=1000, description="members listed per community")] = 20,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """``networkx.community.louvain_communities`` on the undirected projection with a fixed seed, largest
    community first, with the partition's modularity."""
    page = community_page(graph, resolution=resolution, seed=seed, min_size=min_size, members=members,
                          offset=offset, limit=limit, base=settings.base)
    return {**page, "limit": limit, "offset": offset}
