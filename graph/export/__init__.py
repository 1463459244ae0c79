"""Export the graph for other tools: Gephi (GEXF, CSV), GraphML, and the RDF itself.

The network formats (gexf, graphml, csv) are views of the same networkx
projection the REST API analyses (``graph.network.projection_for``), so Gephi
shows exactly the nodes and edges the API talks about; the RDF formats
(jsonld, trig, nquads) are the store's quads, named graphs included.

    >>> export(store, "gexf", Path("nqgraph.gexf"))      # doctest: +SKIP
    >>> FORMATS["csv"].media_type                        # doctest: +SKIP
    'application/zip'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from graph.export.gephi_csv import write_gephi_csv
from graph.export.gexf import write_gexf
from graph.export.graphml import write_graphml
from graph.export.rdf import write_rdf
from graph.network import projection_for
from graph.store.base import Store


@dataclass(frozen=True)
class ExportFormat:
    name: str
    media_type: str
    extension: str
    network: bool  # True: written from the networkx projection; False: from the store's quads


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("gexf", "application/gexf+xml", "gexf", True),
    ExportFormat("graphml", "application/graphml+xml", "graphml", True),
    ExportFormat("csv", "application/zip", "zip", True),
    ExportFormat("jsonld", "application/ld+json", "jsonld", False),
    ExportFormat("trig", "application/trig", "trig", False),
    ExportFormat("nquads", "application/n-quads", "nq", False),
)}

_NETWORK_WRITERS: dict[str, Callable[[nx.MultiDiGraph, BinaryIO], None]] = {
    "gexf": write_gexf, "graphml": write_graphml, "csv": write_gephi_csv,
}


def export(store: Store, fmt: str, out: Path | BinaryIO, *, base: str | None = None) -> None:
    """Write ``store`` in format ``fmt`` (a key of :data:`FORMATS`) to a path or a binary stream.

    ``base`` is the resource IRI base, used as the ``id:`` prefix in TriG.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if isinstance(out, str | Path):
        with open(out, "wb") as stream:
            export(store, fmt, stream, base=base)
        return
    if FORMATS[fmt].network:
        _NETWORK_WRITERS[fmt](projection_for(store), out)
    elif base:
        write_rdf(store, fmt, out, base=base)
    else:
        write_rdf(store, fmt, out)


__all__ = ["FORMATS", "ExportFormat", "export", "write_gephi_csv", "write_gexf", "write_graphml", "write_rdf"]
