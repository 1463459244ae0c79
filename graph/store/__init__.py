"""Open a store by location, whichever backend that means.

- a directory (``data``): the embedded Oxigraph store in ``data/oxigraph``;
  if a running ``nqgraph serve`` holds it, the same data through that server;
- ``sparql+http://host:port/path`` (or ``sparql+https://``): a remote SPARQL
  1.1 endpoint used for both queries and updates;
- ``:memory:``: an empty in-memory store (tests, one-off work).

>>> store = open_store(":memory:")
>>> store.named_graphs()
[]
"""

from __future__ import annotations

from pathlib import Path

import httpx

from graph.store.base import (
    STANDARD_PREFIXES,
    BadQuery,
    QueryOutcome,
    ReadOnlyStore,
    SourceRecord,
    Store,
    StoreError,
    StoreLocked,
)
from graph.store.lock import db_path, live_server, read_server_record
from graph.store.oxigraph import OxigraphStore
from graph.store.remote import RemoteStore

__all__ = [
    "STANDARD_PREFIXES",
    "BadQuery",
    "OxigraphStore",
    "QueryOutcome",
    "ReadOnlyStore",
    "RemoteStore",
    "SourceRecord",
    "Store",
    "StoreError",
    "StoreLocked",
    "open_store",
]

REMOTE_SCHEMES = ("sparql+http://", "sparql+https://")


def open_store(
    location: str | Path, *, read_only: bool = False, via_server: bool = True, token: str | None = None
) -> Store:
    """The store at ``location``.

    ``via_server=False`` is for the server itself: a locked store is then an
    error rather than a detour through another server. ``token`` authorises
    updates on a remote endpoint (a local server's own token is read from its
    record and needs no configuration).
    """
    text = str(location)
    if text.startswith(REMOTE_SCHEMES):
        return RemoteStore(text.removeprefix("sparql+"), token=token, read_only=read_only)
    if text == ":memory:":
        return OxigraphStore(None, read_only=read_only)
    data_dir = Path(location)
    try:
        return OxigraphStore(db_path(data_dir), read_only=read_only)
    except StoreLocked:
        record = live_server(data_dir)
        if record is not None and via_server:
            client = httpx.Client(timeout=600.0, trust_env=False)  # loopback: never through a proxy
            return RemoteStore(record.sparql, token=token or record.token, read_only=read_only,
                               health_url=record.url.rstrip("/") + "/healthz", client=client)
        if record is not None:
            raise StoreLocked(f"the store at {data_dir} is already served by `nqgraph serve` at {record.url} "
                              f"(pid {record.pid})") from None
        stale = read_server_record(data_dir)
        who = f"`nqgraph serve` (pid {stale.pid}, {stale.url}), which is not answering" if stale else "another process"
        raise StoreLocked(
            f"the store at {data_dir} is held by {who}; RocksDB allows one process at a time. "
            "Stop that process, or start `nqgraph serve --store` on it so other commands can go through the server."
        ) from None
