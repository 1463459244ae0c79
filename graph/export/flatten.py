"""Flat rows of the projection for table-shaped formats (GEXF attributes, GraphML keys, Gephi CSV).

Why one module: Gephi, yEd and spreadsheets only take scalar columns, so the
projection's lists and dicts (labels per language, evidence, dates) are turned
into scalars once, here, and every flat format shows the same columns.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import networkx as nx

# (column, type) in the order they appear; GEXF and GraphML declare these types.
NODE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("type", "string"), ("class", "string"), ("level", "string"), ("kind", "string"), ("place", "string"),
    ("code", "string"), ("date", "string"), ("year", "integer"), ("title", "string"), ("issuer", "string"),
    ("aliases", "string"), ("degree", "integer"), ("mentions", "integer"),
)
EDGE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("predicate", "string"), ("predicate_iri", "string"), ("role", "string"), ("evidence_count", "integer"),
    ("first_date", "string"), ("dates", "string"), ("languages", "string"), ("implicit", "boolean"),
    ("sentence", "string"), ("source", "string"),
)
SEPARATOR = " | "

# Colours per node type (Gephi shows them as is; a colour-blind-safe palette).
COLOURS: dict[str, tuple[int, int, int]] = {
    "organization": (0, 114, 178), "person": (0, 158, 115), "document": (213, 94, 0),
    "event": (230, 159, 0), "place": (204, 121, 167),
}
GREY = (150, 150, 150)


def label_columns(G: nx.MultiDiGraph) -> list[str]:
    """One ``label_<tag>`` column per language tag present (``label_km``, ``label_vi-Khmr``)."""
    tags = {tag for _, d in G.nodes(data=True) for tag in d.get("labels", {})}
    return [f"label_{tag}" for tag in sorted(tags)]


def node_row(G: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    d = G.nodes[node]
    row: dict[str, Any] = {
        "type": d.get("type"), "class": d.get("class"), "level": d.get("level"), "kind": d.get("kind"),
        "place": d.get("place"), "code": d.get("code"), "date": d.get("date"), "year": d.get("year"),
        "title": d.get("title"), "issuer": d.get("issuer"), "aliases": SEPARATOR.join(d.get("aliases", [])) or None,
        "degree": G.degree(node), "mentions": d.get("mentions", 0),
    }
    for tag, forms in d.get("labels", {}).items():
        row[f"label_{tag}"] = SEPARATOR.join(forms)
    return {k: v for k, v in row.items() if v is not None}


def edge_row(data: dict[str, Any]) -> dict[str, Any]:
    evidence = data.get("evidence", [])
    first = next((e for e in evidence if e.get("sentence")), None)
    row: dict[str, Any] = {
        "predicate": data.get("predicate"), "predicate_iri": data.get("iri"), "role": data.get("role"),
        "evidence_count": data.get("evidence_count", 0), "first_date": data.get("first_date"),
        "dates": " ".join(data.get("dates", [])) or None,
        "languages": " ".join(sorted({e["language"] for e in evidence if e.get("language")})) or None,
        "implicit": bool(data.get("implicit")),
        "sentence": first["sentence"] if first else None, "source": first["source"] if first else None,
    }
    return {k: v for k, v in row.items() if v is not None}


def node_size(degree: int) -> float:
    """Gephi node size: grows with the square root of degree so hubs stand out without swamping."""
    return round(10.0 + 6.0 * math.sqrt(degree), 2)


def full_date(value: str | None) -> str | None:
    """An ``xsd:date`` for GEXF spells: partial dates take their first day ("2023-10" → "2023-10-01")."""
    if not value:
        return None
    value = value[:10]
    parts = value.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return None
    candidate = {1: f"{parts[0]}-01-01", 2: f"{parts[0]}-{parts[-1]:0>2}-01"}.get(len(parts), value)
    try:
        return date.fromisoformat(candidate).isoformat()
    except ValueError:
        return None
