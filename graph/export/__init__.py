"""Export the graph for other tools: Gephi (GEXF, CSV), GraphML, and the RDF itself.

The network formats (gexf, graphml, csv) are views of the same networkx
projection the REST API analyses (``graph.network.projection_for``), so Gephi
shows exactly the nodes and edges the API talks about; the RDF formats
(jsonld, trig, nquads) are the store's quads, named graphs included. A
:class:`Scope` narrows any format to one entity's neighbourhood or one
document's implementation tree (``graph.export.scope``).

    >>> export(store, "gexf", Path("nqgraph.gexf"))      # doctest: +SKIP
    >>> export(store, "gexf", out, scope=Scope(document="21-NQ/TW", year=2022))   # doctest: +SKIP
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
from graph.export.scope import Scope, ScopeNotFound, scope_nodes, scoped_graph, scoped_quads
from graph.iris import DEFAULT_BASE
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


def export(store: Store, fmt: str, out: Path | BinaryIO, *, base: str | None = None,
           scope: Scope | None = None) -> None:
    """Write ``store`` in format ``fmt`` (a key of :data:`FORMATS`) to a path or a binary stream.

    ``base`` is the resource IRI base, used as the ``id:`` prefix in TriG and to
    resolve a scope's entity path. ``scope`` limits the export; an entity or
    document it names that is not in the graph raises :class:`ScopeNotFound`
    before anything is written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if isinstance(out, str | Path):
        nodes = _nodes(store, scope, base)  # fail before creating the file
        with open(out, "wb") as stream:
            _write(store, fmt, stream, base, nodes)
        return
    _write(store, fmt, out, base, _nodes(store, scope, base))


def _nodes(store: Store, scope: Scope | None, base: str | None) -> set[str] | None:
    if scope is None or scope.whole:
        return None
    return scope_nodes(projection_for(store), scope, base or DEFAULT_BASE)


def _write(store: Store, fmt: str, out: BinaryIO, base: str | None, nodes: set[str] | None) -> None:
    if FORMATS[fmt].network:
        G = projection_for(store)
        _NETWORK_WRITERS[fmt](G if nodes is None else scoped_graph(G, nodes), out)
        return
    quads = None if nodes is None else scoped_quads(store, nodes)
    if base:
        write_rdf(store, fmt, out, base=base, quads=quads)
    else:
        write_rdf(store, fmt, out, quads=quads)


__all__ = ["FORMATS", "ExportFormat", "Scope", "ScopeNotFound", "export", "scope_nodes", "write_gephi_csv",
           "write_gexf", "write_graphml", "write_rdf"]
