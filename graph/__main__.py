"""``python -m graph``: the ``nqgraph`` command line without the console script."""

from graph.cli import app

app(prog_name="nqgraph")
