"""The ``nqgraph`` command line (typer): build, serve, extract, query, export.

    nqgraph build seeds --store data        extract and load; re-running changes nothing
    nqgraph load FILE.nt --store data       bulk import of an RDF file (streaming)
    nqgraph serve --store data --port 8000  HTTP: /sparql, /api/..., /docs
    nqgraph extract FILE... --format json   JSON Lines, one object per document
    nqgraph query --store data 'SELECT ...' a table
    nqgraph export --store data --format gexf -o graph.gexf

The update token is never a flag (``ps`` would show it): set ``NQGRAPH_TOKEN``
or ``NQGRAPH_TOKEN_FILE``. Commands on a store held by ``nqgraph serve`` go
through that server.
"""

from __future__ import annotations

import typer

from graph.cli.cmd_build import build_command
from graph.cli.load import load_command
from graph.cli.serve import serve_command
from graph.cli.tools import export_command, extract_command, query_command

app = typer.Typer(name="nqgraph", help="Build, serve and query a knowledge graph of Vietnamese party resolutions.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
app.command("build")(build_command)
app.command("load")(load_command)
app.command("serve")(serve_command)
app.command("extract")(extract_command)
app.command("query")(query_command)
app.command("export")(export_command)

__all__ = ["app"]
