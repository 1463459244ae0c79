"""What every command shares: settings from the environment plus flags, consoles, friendly failures."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console

from graph.store import RemoteStore, Store, StoreError, open_store

if TYPE_CHECKING:
    from api.settings import Settings

STORE_HELP = "data directory, or sparql+http://host/path for a remote endpoint (default: NQGRAPH_STORE or data)"
UPDATE_ENDPOINT_HELP = "a remote store's SPARQL Update endpoint, when not the --store one (NQGRAPH_UPDATE_ENDPOINT)"

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code)


def settings_for(store: str | None = None, update_endpoint: str | None = None) -> Settings:
    """The settings from ``NQGRAPH_*``, with ``--store`` (and ``--update-endpoint``) taking precedence when given."""
    from api.settings import Settings

    flags = {k: v for k, v in (("store", store), ("update_endpoint", update_endpoint)) if v}
    try:
        return Settings(**flags)  # type: ignore[arg-type]
    except ValidationError as exc:
        fail(f"invalid NQGRAPH_* settings:\n{exc}")


def open_for_command(location: str, *, read_only: bool, token: str | None, update_endpoint: str | None = None) -> Store:
    """Open a store for a command, saying so when the work goes through a running server."""
    try:
        store = open_store(location, read_only=read_only, token=token, update_endpoint=update_endpoint)
    except StoreError as exc:
        fail(str(exc))
    if isinstance(store, RemoteStore) and not location.startswith("sparql+"):
        err.print(f"[dim]{location} is held by `nqgraph serve`; going through {store.location}[/]")
    return store
