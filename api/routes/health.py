"""``/healthz``: is the server up, and which generation of the data does it serve?

Why the generation: a client (or ``nqgraph`` talking through a running
server) can tell whether the data changed since it last looked without
downloading anything; remote stores read it to know when to rebuild.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import StoreDep
from graph import __version__

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness and data generation")
def healthz(store: StoreDep) -> dict[str, Any]:
    """Plain ``def``: FastAPI runs it in the thread pool, so a busy store never blocks the loop."""
    return {
        "status": "ok",
        "version": __version__,
        "generation": store.generation,
        "graphs": len(store.named_graphs()),
        "read_only": store.read_only,
    }
