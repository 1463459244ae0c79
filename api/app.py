"""The FastAPI application: ``create_app(settings)`` for tests and the CLI, ``app`` for ``uvicorn api.app:app``.

Why a factory: the app owns nothing global. The CLI's ``serve`` opens the
store itself (so it can report a held lock clearly) and hands it in; tests
hand in a temporary store; ``uvicorn api.app:app`` opens the store named by
the settings when it starts and closes it when it stops.

Routers written elsewhere (implementers, export, ...) are included when their
module exists, so the server starts at every stage of the project.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api.errors import install_error_handlers
from api.settings import Settings
from graph import __version__
from graph.store import Store, open_served_store

log = logging.getLogger(__name__)

ROUTERS = (
    "api.routes.resolve_id",
    "api.routes.sparql",
    "api.routes.graph_store",
    "api.routes.health",
    "api.routes.ontology",
    "api.routes.implementers",
    "api.routes.export",
    "api.routes.sources",
    "api.routes.documents",
    "api.routes.entities",
    "api.routes.search",
    "api.routes.paths",
    "api.routes.rankings",
    "api.routes.timeline",
    "api.routes.coverage",
)


def _include_routers(app: FastAPI) -> None:
    for name in ROUTERS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # the router exists but one of its imports is missing: that is a bug
                raise
            log.info("router %s not present; skipped", name)
            continue
        app.include_router(module.router)


def create_app(settings: Settings | None = None, *, store: Store | None = None,
               local_token: str | None = None) -> FastAPI:
    """An app serving ``store`` (or the store at ``settings.store``, opened at start-up).

    ``local_token`` is the per-process update token ``nqgraph serve`` writes
    into the data directory for the other ``nqgraph`` commands.
    """
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = getattr(app.state, "store", None) is None
        if owned:
            app.state.store = open_served_store(settings.store, query_timeout=settings.query_timeout,
                                                engine=settings.engine, token=settings.update_token(),
                                                update_endpoint=settings.update_endpoint)
        try:
            yield
        finally:
            if owned:
                app.state.store.close()
                app.state.store = None

    app = FastAPI(title="nqgraph", version=__version__, lifespan=lifespan,
                  description="A knowledge graph of Vietnamese party resolutions and who implements them.")
    app.state.settings = settings
    app.state.store = store
    app.state.local_token = local_token
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE"], allow_headers=["*"],
                           expose_headers=["X-NQGraph-Truncated", "Location"])
    install_error_handlers(app)
    _include_routers(app)
    return app


app = create_app()
