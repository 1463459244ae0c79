"""``GET /api/search?q=``: entities by name, in any script, diacritics optional, typos tolerated.

Why a separate route from ``/api/entities?q=``: that one filters by substring
in label order; this one ranks by how well a name matches (rapidfuzz over
every folded label, the gazetteer for Khmer and Thai spellings of places,
phonetic keys for names), so "Hai Duong", "Hải Dương", "Hai Dong" and
"ไห่เซือง" all put Hai Duong first. See ``graph.network.search``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import ConfigDict, Field

from api.deps import GraphDep, SettingsDep
from api.routes.common import ERRORS, Limit, NodeOut, NodeType, Offset, PageOut, example_node
from graph.network.search import search

router = APIRouter(tags=["graph"])


class SearchHit(NodeOut):
    score: float = Field(description="0-100; 100 is an exact match of a folded label")
    match: str = Field(description="the label that matched, as written")
    how: str = Field(description="exact | fuzzy | gazetteer (a place read by the gazetteer) | phonetic")


class SearchPage(PageOut):
    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [{
        "q": "ไห่เซือง", "total": 2, "limit": 20, "offset": 0,
        "items": [{**example_node("place/hai-duong", "Hai Duong", "place", **{"class": "Place"}),
                   "score": 97.0, "match": "Hai Duong", "how": "gazetteer"},
                  {**example_node("org/hai-duong-provincial-party-committee", "Hai Duong Provincial Party Committee",
                                  "organization", **{"class": "PartyCommittee"}, level="provincial",
                                  place="Hai Duong"),
                   "score": 87.3, "match": "Hai Duong Provincial Party Committee", "how": "gazetteer"}]}]})

    q: str
    items: list[SearchHit]


@router.get("/api/search", response_model=SearchPage, summary="Search entities by name", responses=ERRORS)
def search_entities(
    graph: GraphDep,
    settings: SettingsDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="a name in any script",
                            examples=["Hải Dương", "ไห่เซือง", "Tra Vinh", "21-NQ/TW"])],
    type: NodeType = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Best matches first. The index is built with the graph projection and rebuilt only when the store
    changes."""
    page = search(graph, q, node_type=type, offset=offset, limit=limit, base=settings.base)
    return {"q": q, **page, "limit": limit, "offset": offset}
