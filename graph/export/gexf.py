"""GEXF 1.3 for Gephi, written with lxml so that it validates against the published RELAX NG schema.

Why not ``networkx.write_gexf(version="1.3")``: its output fails the 1.3 schema
(an empty ``name`` on <graph>, a misspelt xsi namespace, ``timeformat="long"``).
This writer streams the document with ``lxml.etree.xmlfile`` (no whole tree in
memory) and gives Gephi what it reads best:

- node ``type`` (organization, person, ...) as an attribute and as a viz colour,
  size by degree, the English label as ``label`` and one ``label_<tag>`` column per language;
- edges labelled by predicate, weighted by evidence count, and dated: each edge
  reported by dated articles gets a spell starting at its first report
  (``timeformat="date"``), so Gephi's timeline shows implementation spreading.

    >>> write_gexf(projection_for(store), open("graph.gexf", "wb"))   # doctest: +SKIP
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, BinaryIO

import networkx as nx
from lxml import etree

from graph.export import flatten

NS = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
_NSMAP = {None: NS, "viz": VIZ}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_GEXF, _META, _GRAPH = f"{{{NS}}}gexf", f"{{{NS}}}meta", f"{{{NS}}}graph"
_NODES, _NODE, _EDGES, _EDGE = f"{{{NS}}}nodes", f"{{{NS}}}node", f"{{{NS}}}edges", f"{{{NS}}}edge"
_ATTVALUES, _ATTVALUE = f"{{{NS}}}attvalues", f"{{{NS}}}attvalue"
_SPELLS, _SPELL = f"{{{NS}}}spells", f"{{{NS}}}spell"
_COLOR, _SIZE = f"{{{VIZ}}}color", f"{{{VIZ}}}size"


def write_gexf(G: nx.MultiDiGraph, out: BinaryIO, *, description: str = "nqgraph knowledge graph") -> None:
    """Write ``G`` (the projection) to ``out`` as GEXF 1.3.

    Every element is opened with ``xf.element`` inside the root, so the GEXF and
    viz namespaces are declared once; writing prebuilt elements with ``xf.write``
    would re-declare them (as ``ns0:``) on every node.
    """
    node_columns = [*flatten.NODE_COLUMNS, *((c, "string") for c in flatten.label_columns(G))]
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(_GEXF, nsmap=_NSMAP, version="1.3"):
            with xf.element(_META, lastmodifieddate=date.today().isoformat()):
                _leaf(xf, f"{{{NS}}}creator", text="nqgraph")
                _leaf(xf, f"{{{NS}}}description", text=description)
            xf.write("\n")
            with xf.element(_GRAPH, defaultedgetype="directed", mode="dynamic", timeformat="date"):
                _attributes(xf, "node", node_columns)
                _attributes(xf, "edge", flatten.EDGE_COLUMNS)
                with xf.element(_NODES, count=str(G.number_of_nodes())):
                    for node in G.nodes:
                        _node(xf, G, node)
                with xf.element(_EDGES, count=str(G.number_of_edges())):
                    for i, (u, v, data) in enumerate(G.edges(data=True)):
                        _edge(xf, i, u, v, data)


def _leaf(xf: Any, tag: str, attrib: dict[str, str] | None = None, text: str | None = None) -> None:
    with xf.element(tag, attrib or {}):
        if text:
            xf.write(_text(text))


def _attributes(xf: Any, cls: str, columns: Any) -> None:
    with xf.element(f"{{{NS}}}attributes", {"class": cls, "mode": "static"}):
        for name, kind in columns:
            _leaf(xf, f"{{{NS}}}attribute", {"id": _attr_id(cls, name), "title": name, "type": kind})
    xf.write("\n")


def _attr_id(cls: str, name: str) -> str:
    return f"{cls[0]}_{name}"


def _attvalues(xf: Any, cls: str, row: dict[str, Any]) -> None:
    with xf.element(_ATTVALUES):
        for name, value in row.items():
            text = ("true" if value else "false") if isinstance(value, bool) else _text(str(value))
            _leaf(xf, _ATTVALUE, {"for": _attr_id(cls, name), "value": text})


def _node(xf: Any, G: nx.MultiDiGraph, node: str) -> None:
    d = G.nodes[node]
    with xf.element(_NODE, id=_text(node), label=_token(d.get("label") or node)):
        _attvalues(xf, "node", flatten.node_row(G, node))
        r, g, b = flatten.COLOURS.get(d.get("type", ""), flatten.GREY)
        _leaf(xf, _COLOR, {"r": str(r), "g": str(g), "b": str(b)})
        _leaf(xf, _SIZE, {"value": str(flatten.node_size(G.degree(node)))})
    xf.write("\n")


def _edge(xf: Any, i: int, u: str, v: str, data: dict[str, Any]) -> None:
    attrib = {"id": f"e{i}", "source": _text(u), "target": _text(v), "label": _token(data.get("predicate") or ""),
              "weight": str(max(1, data.get("evidence_count", 0)))}
    with xf.element(_EDGE, attrib):
        _attvalues(xf, "edge", flatten.edge_row(data))
        start = next((d for d in map(flatten.full_date, data.get("dates", [])) if d), None)
        if start:
            with xf.element(_SPELLS):
                _leaf(xf, _SPELL, {"start": start})
    xf.write("\n")


def _text(value: str) -> str:
    """XML 1.0 cannot carry control characters; extracted text occasionally does."""
    return _CONTROL.sub(" ", value)


def _token(value: str) -> str:
    """``xsd:token`` (GEXF labels): no line breaks, tabs, or repeated spaces."""
    return " ".join(_text(value).split())
