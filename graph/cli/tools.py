"""``nqgraph extract``, ``query`` and ``export``: the commands that read rather than build.

``query`` and ``export`` open the store read-only; when ``nqgraph serve``
holds it they go through the server (see ``graph.store.open_store``).
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import pyoxigraph as ox
import typer
from rich.table import Table

from graph.cli.build import collect_files, extract_text, load_meta
from graph.cli.common import STORE_HELP, err, fail, open_for_command, out, settings_for
from graph.store import STANDARD_PREFIXES, BadQuery, StoreError

_PLAIN_TYPES = {"string", "integer", "decimal", "double", "boolean"}


class ExtractFormat(StrEnum):
    json = "json"


def extract_command(
    files: Annotated[list[Path], typer.Argument(exists=True, help="text files (or directories of them)")],
    format: Annotated[ExtractFormat, typer.Option("--format", help="json = JSON Lines")] = ExtractFormat.json,
    meta: Annotated[Path | None, typer.Option("--meta", exists=True, help="JSONL: doc, url, title, published")] = None,
) -> None:
    """Print what each document states, as JSON Lines (one object per document)."""
    try:
        metas = load_meta(meta)
    except ValueError as exc:
        fail(str(exc))
    failed = 0
    for path in collect_files(files):
        try:
            _, extraction = extract_text(path.read_bytes(), path.name, metas.get(path.name, {}))
        except Exception as exc:  # one bad document must not stop the others
            err.print(f"[red]failed[/] {path}: {type(exc).__name__}: {exc}")
            failed += 1
            continue
        out.out(json.dumps(extraction.to_dict(), ensure_ascii=False), highlight=False)
    if failed:
        raise typer.Exit(1)


def show_term(term: object, base: str) -> str:
    """A term as a reader wants it: prefixed IRIs, literals with their language or short datatype."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, iri in (("id", base), *STANDARD_PREFIXES.items()):
            if term.value.startswith(iri) and len(term.value) > len(iri):
                return f"{prefix}:{term.value[len(iri):]}"
        return term.value
    if isinstance(term, ox.Literal):
        if term.language:
            return f"{term.value} @{term.language}"
        datatype = term.datatype.value
        if datatype.startswith(STANDARD_PREFIXES["xsd"]) and datatype.rsplit("#", 1)[1] not in _PLAIN_TYPES:
            return f"{term.value} ^^xsd:{datatype.rsplit('#', 1)[1]}"
        return term.value
    return str(term)


def query_command(
    sparql: Annotated[str, typer.Argument(help="a SPARQL query (prefixes such as nq:, rdfs: are predeclared)")],
    store: Annotated[str | None, typer.Option("--store", help=STORE_HELP)] = None,
) -> None:
    """Run a SPARQL query on the store and print the answer as a table."""
    settings = settings_for(store)
    opened = open_for_command(settings.store, read_only=True, token=settings.update_token())
    try:
        outcome = opened.query(sparql)
        if isinstance(outcome, ox.QueryBoolean):
            out.print("yes" if bool(outcome) else "no")
            return
        if isinstance(outcome, ox.QuerySolutions):
            names = [v.value for v in outcome.variables]
            table = Table(*names, show_lines=False)
            count = 0
            for row in outcome:
                table.add_row(*(show_term(row[n], settings.base) for n in names))
                count += 1
        else:
            table = Table("subject", "predicate", "object")
            count = 0
            for triple in outcome:
                table.add_row(*(show_term(t, settings.base) for t in (triple.subject, triple.predicate,
                                                                        triple.object)))
                count += 1
        del outcome
        out.print(table)
        err.print(f"[dim]{count} row{'s' if count != 1 else ''}[/]")
    except BadQuery as exc:
        fail(f"bad query: {exc}", 2)
    except StoreError as exc:
        fail(str(exc))
    finally:
        opened.close()


def export_command(
    output: Annotated[Path, typer.Option("-o", "--output", help="file to write")],
    format: Annotated[str, typer.Option("--format", help="gexf, graphml, csv, jsonld, trig or nquads")] = "gexf",
    store: Annotated[str | None, typer.Option("--store", help=STORE_HELP)] = None,
    entity: Annotated[str | None, typer.Option(
        "--entity", help="only this entity's neighbourhood (IRI, or path under the base such as org/...)")] = None,
    depth: Annotated[int, typer.Option("--depth", help="neighbourhood depth, with --entity")] = 1,
    document: Annotated[str | None, typer.Option(
        "--document", help="only this document's implementation tree (code such as 21-NQ/TW, or slug)")] = None,
    year: Annotated[int | None, typer.Option("--year", help="the document's year, when its code is ambiguous")] = None,
    via_suborganizations: Annotated[bool, typer.Option(
        "--via-suborganizations", help="with --document, also bodies below the implementers")] = False,
) -> None:
    """Export the graph (or one entity's neighbourhood, or one document's implementation tree) for Gephi."""
    try:
        from graph.export import Scope, ScopeNotFound, export
    except ImportError as exc:
        if exc.name not in (None, "graph.export") and not str(exc).startswith("cannot import name"):
            raise
        fail("the exporters (graph.export) are not available in this installation")
    try:
        scope = Scope(entity=entity, depth=depth, document=document, year=year,
                      via_suborganizations=via_suborganizations)
    except ValueError as exc:
        fail(str(exc))
    settings = settings_for(store)
    opened = open_for_command(settings.store, read_only=True, token=settings.update_token())
    try:
        export(opened, format, output, base=settings.base, scope=scope)
    except (StoreError, ValueError, ScopeNotFound) as exc:
        fail(str(exc))
    finally:
        opened.close()
    err.print(f"wrote {output}")
