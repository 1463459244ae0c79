"""Gephi's spreadsheet import: a zip of ``nodes.csv`` and ``edges.csv``.

Why these column names: Gephi's import wizard recognises ``Id``/``Label`` in the
nodes table and ``Source``/``Target``/``Type``/``Label``/``Weight`` in the edges
table, and ``Type`` must say Directed or Undirected; so the predicate goes in
``Label`` and again in its own ``predicate`` column.
"""

from __future__ import annotations

import csv
import io
import zipfile
from typing import BinaryIO

import networkx as nx

from graph.export import flatten

NODE_HEADER = ["Id", "Label", *(c for c, _ in flatten.NODE_COLUMNS)]
EDGE_HEADER = ["Source", "Target", "Type", "Id", "Label", "Weight", *(c for c, _ in flatten.EDGE_COLUMNS)]


def write_gephi_csv(G: nx.MultiDiGraph, out: BinaryIO) -> None:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("nodes.csv", _nodes(G))
        archive.writestr("edges.csv", _edges(G))


def _table(header: list[str], rows: list[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _nodes(G: nx.MultiDiGraph) -> str:
    header = [*NODE_HEADER, *flatten.label_columns(G)]
    rows = [{"Id": n, "Label": d.get("label") or n, **flatten.node_row(G, n)} for n, d in G.nodes(data=True)]
    return _table(header, rows)


def _edges(G: nx.MultiDiGraph) -> str:
    rows = [
        {"Source": u, "Target": v, "Type": "Directed", "Id": f"e{i}", "Label": data.get("predicate"),
         "Weight": max(1, data.get("evidence_count", 0)), **flatten.edge_row(data)}
        for i, (u, v, data) in enumerate(G.edges(data=True))
    ]
    return _table(EDGE_HEADER, rows)
