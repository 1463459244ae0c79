"""``nqgraph load FILE --store DIR [--graph IRI] [--replace]``: bulk import of an RDF file.

The work is ``graph.store.load.load_file``; this command adds the honest
part: before an embedded load it says that Oxigraph's bulk loader is not
atomic, and after a failure it says whether the target graphs are as they
were or partly loaded, and how to get a clean graph (``--replace``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import pyoxigraph as ox
import typer
from rich.progress import Progress, TextColumn, TimeElapsedColumn

from graph.cli.common import STORE_HELP, UPDATE_ENDPOINT_HELP, err, fail, open_for_command, out, settings_for
from graph.store import OxigraphStore, StoreError
from graph.store.load import FORMATS, LoadError, format_for, load_file


def _absolute_iri(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        node = ox.NamedNode(value)
    except ValueError:
        node = None
    if node is None or ":" not in node.value:
        raise typer.BadParameter(f"not an absolute IRI: {value!r}")
    return node.value


def load_command(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False,
                                         help="an RDF file: " + ", ".join(sorted(FORMATS)))],
    store: Annotated[str | None, typer.Option("--store", help=STORE_HELP)] = None,
    graph: Annotated[str | None, typer.Option(
        "--graph", callback=_absolute_iri, help="load the file's triples (its default graph) into this graph")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="empty each target graph first")] = False,
    base_iri: Annotated[str | None, typer.Option("--base-iri", help="resolve relative IRIs against this")] = None,
    update_endpoint: Annotated[str | None, typer.Option("--update-endpoint", help=UPDATE_ENDPOINT_HELP)] = None,
) -> None:
    """Load an RDF file into the store, streaming (a file larger than memory loads)."""
    try:
        format_for(file)
    except StoreError as exc:
        fail(str(exc))
    settings = settings_for(store, update_endpoint)
    opened = open_for_command(settings.store, read_only=False, token=settings.update_token(),
                              update_endpoint=settings.update_endpoint)
    if isinstance(opened, OxigraphStore):
        err.print("[yellow]note:[/] Oxigraph's bulk loader is not atomic: if this load stops part-way, its graphs "
                  "keep what was loaded so far; running the same command with --replace loads them cleanly")
    progress = Progress(TextColumn("loading {task.fields[quads]:,} quads"), TimeElapsedColumn(), console=err,
                        transient=True)
    try:
        with progress:
            task = progress.add_task("load", total=None, quads=0)
            report = load_file(opened, file, graph=graph, replace=replace, base_iri=base_iri, skolem_base=settings.base,
                               progress=lambda n: progress.update(task, quads=n))
    except LoadError as exc:
        where = ", ".join(exc.report.graphs) or "no graph"
        if exc.partial:
            fail(f"the load stopped after {exc.report.quads:,} quads: {exc}\n{where} now partly loaded; run the same "
                 "command with --replace to load it cleanly")
        fail(f"the load failed: {exc}\nthe target graphs are as they were before it")
    except StoreError as exc:
        fail(str(exc))
    finally:
        opened.close()
    graphs = ", ".join(report.graphs) or "nothing"
    out.print(f"loaded {report.quads:,} quads from {file.name} into {graphs}")
    if report.skolemised:
        err.print(f"[dim]{report.skolemised:,} blank node occurrences were written as "
                  f"{settings.base}.well-known/genid/... IRIs (a remote store cannot keep a blank node across "
                  "requests)[/]")
