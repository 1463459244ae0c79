"""Open a store by location, whichever backend that means.

- a directory (``data``): the embedded Oxigraph store in ``data/oxigraph``;
  if a running ``nqgraph serve`` holds it, the same data through that server;
- ``sparql+http://host:port/path`` (or ``sparql+https://``): a remote SPARQL
  1.1 endpoint used for both queries and updates;
- ``:memory:``: an empty in-memory store (tests, one-off work).

A server holds its store with :func:`open_served_store` instead: for a data
directory that is Oxigraph's own server as a child process, whose timeout
really stops a query (``graph/store/managed.py``, README.md beside this file).

>>> store = open_store(":memory:")
>>> store.named_graphs()
[]
"""

from __future__ import annotations

import logging
from pathlib import Path

import httpx

from graph.store.base import (
    STANDARD_PREFIXES,
    BadQuery,
    QueryCancelled,
    QueryOutcome,
    ReadOnlyStore,
    SourceRecord,
    Store,
    StoreError,
    StoreLocked,
)
from graph.store.lock import db_path, live_server, read_server_record
from graph.store.managed import ManagedOxigraphStore, oxigraph_binary
from graph.store.oxigraph import OxigraphStore
from graph.store.remote import RemoteStore

__all__ = [
    "STANDARD_PREFIXES",
    "BadQuery",
    "ManagedOxigraphStore",
    "OxigraphStore",
    "QueryCancelled",
    "QueryOutcome",
    "ReadOnlyStore",
    "RemoteStore",
    "SourceRecord",
    "Store",
    "StoreError",
    "StoreLocked",
    "open_served_store",
    "open_store",
]

REMOTE_SCHEMES = ("sparql+http://", "sparql+https://")
ENGINES = ("server", "in-process")
log = logging.getLogger(__name__)


def open_store(
    location: str | Path, *, read_only: bool = False, via_server: bool = True, token: str | None = None,
    update_endpoint: str | None = None,
) -> Store:
    """The store at ``location``.

    ``via_server=False`` is for the server itself: a locked store is then an
    error rather than a detour through another server. ``token`` authorises
    updates on a remote endpoint (a local server's own token is read from its
    record and needs no configuration); ``update_endpoint`` is where a remote
    store sends updates when that is not its query endpoint.
    """
    text = str(location)
    if text.startswith(REMOTE_SCHEMES):
        return RemoteStore(text.removeprefix("sparql+"), token=token, read_only=read_only,
                           update_endpoint=update_endpoint.removeprefix("sparql+") if update_endpoint else None)
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


def open_served_store(
    location: str | Path, *, query_timeout: float, engine: str = "server", token: str | None = None,
    update_endpoint: str | None = None,
) -> Store:
    """The store a server holds for as long as it runs.

    For a data directory and ``engine="server"``: a managed ``oxigraph serve``
    on the store (its timeout stops runaway queries); without the ``oxigraph``
    executable, the in-process store with a warning that queries past the
    timeout keep running. Remote endpoints and ``:memory:`` open as
    :func:`open_store` opens them.
    """
    if engine not in ENGINES:
        raise StoreError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    text = str(location)
    if text.startswith(REMOTE_SCHEMES) or text == ":memory:" or engine == "in-process":
        return open_store(location, via_server=False, token=token, update_endpoint=update_endpoint)
    data_dir = Path(location)
    probe = open_store(data_dir, via_server=False)  # says clearly who holds the store, or creates it
    probe.close()
    if oxigraph_binary() is None:
        log.warning("the Oxigraph server is not installed (pip install oxigraph): queries run in-process, "
                    "and one that passes the timeout is answered 503 but keeps running until it ends")
        return open_store(data_dir, via_server=False)
    return ManagedOxigraphStore(db_path(data_dir), query_timeout=query_timeout, log=data_dir / "oxigraph.log")
