"""``nqgraph serve``: hold the store and answer HTTP on it.

Why the socket is bound here, before uvicorn starts: the server's address
(port 0 picks a free one) must be known to write ``server.json`` into the
data directory, which is how the other commands find this process and send
their work through it instead of fighting over the RocksDB lock.
"""

from __future__ import annotations

import signal
import socket
from pathlib import Path
from typing import Annotated

import typer

from graph.cli.common import STORE_HELP, UPDATE_ENDPOINT_HELP, err, fail, settings_for
from graph.store import ManagedOxigraphStore, StoreError, open_served_store
from graph.store.lock import new_token, remove_server_record, write_server_record


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def client_url(host: str, port: int) -> str:
    """The URL local clients use: a wildcard bind address is reached on loopback."""
    if host in ("0.0.0.0", ""):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def serve_command(
    store: Annotated[str | None, typer.Option("--store", help=STORE_HELP)] = None,
    update_endpoint: Annotated[str | None, typer.Option("--update-endpoint", help=UPDATE_ENDPOINT_HELP)] = None,
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="0 picks a free port")] = 8000,
    log_level: Annotated[str, typer.Option("--log-level")] = "info",
) -> None:
    """Serve the store over HTTP: /sparql, /store, /api/..., /docs.

    A data directory's queries run in a managed ``oxigraph serve`` child whose
    timeout (NQGRAPH_QUERY_TIMEOUT) stops them; NQGRAPH_ENGINE=in-process keeps
    them in this process instead.
    """
    import uvicorn

    from api.app import create_app

    settings = settings_for(store, update_endpoint)
    try:
        held = open_served_store(settings.store, query_timeout=settings.query_timeout, engine=settings.engine,
                                 token=settings.update_token(), update_endpoint=settings.update_endpoint)
    except StoreError as exc:
        fail(str(exc))
    sock = _bind(host, port)
    url = client_url(host, sock.getsockname()[1])
    token = new_token()
    data_dir = None if settings.store.startswith("sparql+") or settings.store == ":memory:" else Path(settings.store)
    app = create_app(settings, store=held, local_token=token)
    server = uvicorn.Server(uvicorn.Config(app, log_level=log_level, lifespan="on"))
    # uvicorn re-raises the signal that stopped it once it has shut down; with SIGTERM's default action
    # that would kill the process before the cleanup below, leaving a stale server.json.
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        if data_dir is not None:
            write_server_record(data_dir, url, token)
        engine = (f"queries in oxigraph serve, pid {held.server.pid}" if isinstance(held, ManagedOxigraphStore)
                  else "queries in-process")
        err.print(f"serving {settings.store} on {url} (SPARQL at {url}/sparql, docs at {url}/docs; {engine})")
        server.run(sockets=[sock])
    finally:
        if data_dir is not None:
            remove_server_record(data_dir)
        held.close()
        sock.close()
        signal.signal(signal.SIGTERM, previous)


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(0)
