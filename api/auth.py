"""Who may write: SPARQL Update on ``/sparql`` and the Graph Store Protocol's writes on ``/store``.

Read-only unless an update token is configured (``NQGRAPH_TOKEN`` or the file
named by ``NQGRAPH_TOKEN_FILE``; never a command-line argument, which ``ps``
shows). ``nqgraph serve`` also accepts its per-process local token, written to
``DATA/server.json`` readable by its owner only, so the other ``nqgraph``
commands on the same store can go through it; it grants nothing that owner
could not do to the files directly, and it is not advertised.

Status codes: no token configured → 403 (this server takes no writes);
no ``Authorization: Bearer`` → 401 with ``WWW-Authenticate``; a wrong token →
403. Tokens are compared in constant time, all of them every time.
"""

from __future__ import annotations

import hmac

from fastapi import Request

from api.errors import ApiError
from api.settings import Settings
from graph.store import Store


def accepted_tokens(request: Request, settings: Settings) -> list[str]:
    local = getattr(request.app.state, "local_token", None)
    return [t for t in (settings.update_token(), local) if t]


def updates_advertised(settings: Settings, store: Store) -> bool:
    """Whether the service description offers SPARQL Update (a configured token, a writable store)."""
    return settings.update_token() is not None and not store.read_only


def require_writer(request: Request, settings: Settings, store: Store) -> None:
    """Raise the right :class:`ApiError` unless the request carries an accepted update token."""
    tokens = accepted_tokens(request, settings)
    if not tokens or store.read_only:
        raise ApiError(403, "read-only", "this endpoint accepts no writes: no update token is configured "
                       "(NQGRAPH_TOKEN or NQGRAPH_TOKEN_FILE)")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "unauthorised", "writes need 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})
    offered = given.strip().encode("utf-8")
    matches = [hmac.compare_digest(offered, t.encode("utf-8")) for t in tokens]
    if not any(matches):
        raise ApiError(403, "forbidden", "the update token is not valid")
