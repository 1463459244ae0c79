"""The ``nqgraph build`` command: arguments, progress bar and summary around ``graph.cli.build.build``.

Inputs are text files, HTML pages (their main text is what gets extracted and
stored) and JSON Lines batches (one article per line: ``text`` or ``html``,
``doc`` or ``url``, optional ``title``, ``published``, ``lang``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph.cli.build import TEXT_SUFFIXES, BuildReport, build, collect_files, load_meta, load_rdf, write_build_config
from graph.cli.common import STORE_HELP, UPDATE_ENDPOINT_HELP, err, fail, open_for_command, out, settings_for
from graph.store import StoreError


def _summary(report: BuildReport) -> Table:
    table = Table("outcome", "documents", title="nqgraph build")
    for label, items in (("added", report.added), ("replaced", report.replaced), ("unchanged", report.unchanged),
                         ("failed", report.failed)):
        table.add_row(label, str(len(items)))
    if report.shared:
        table.add_row("shared graphs reloaded", str(len(report.shared)))
    return table


def build_command(
    inputs: Annotated[list[Path], typer.Argument(exists=True, help="files, or folders of .txt, .html, .jsonl files")],
    store: Annotated[str | None, typer.Option("--store", help=STORE_HELP)] = None,
    update_endpoint: Annotated[str | None, typer.Option("--update-endpoint", help=UPDATE_ENDPOINT_HELP)] = None,
    meta: Annotated[Path | None, typer.Option("--meta", exists=True,
                                              help="JSONL: doc, url, title, published, lang")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="extraction worker processes")] = 1,
) -> None:
    """Extract every input and load it into the store; unchanged inputs are skipped."""
    settings = settings_for(store, update_endpoint)
    files = collect_files(inputs)
    if not files:
        fail("no input files (directories are searched for " + ", ".join(sorted(TEXT_SUFFIXES)) + " files)")
    try:
        metas = load_meta(meta)
        rdf = load_rdf()
    except (ValueError, StoreError) as exc:
        fail(str(exc))
    opened = open_for_command(settings.store, read_only=False, token=settings.update_token(),
                              update_endpoint=settings.update_endpoint)
    progress = Progress(TextColumn("{task.description:>9}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("[dim]{task.fields[doc]}"), console=err, transient=True)
    try:
        with progress:
            tasks: dict[str, TaskID] = {}

            def step(phase: str, name: str, total: int) -> None:
                if phase not in tasks:
                    tasks[phase] = progress.add_task(phase, total=total, doc="")
                progress.update(tasks[phase], advance=1, doc=name)

            report = build(opened, files, rdf=rdf, base=settings.base, metas=metas, jobs=jobs, progress=step)
    except StoreError as exc:
        fail(str(exc))
    finally:
        opened.close()
    if not settings.store.startswith("sparql+") and settings.store != ":memory:":
        write_build_config(Path(settings.store), inputs, meta, settings.base, jobs)
    out.print(_summary(report))
    for name, reason in report.failed:
        err.print(f"[red]failed[/] {name}: {reason}")
    if report.failed:
        raise typer.Exit(1)
