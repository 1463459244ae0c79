"""Facts → RDF: one named graph per source article, plus the shared graphs.

Public API::

    extraction_to_quads(ext, *, text, source_name, sha256, base=DEFAULT_BASE, resolver=None) -> list[Quad]
    shared_quads(base=DEFAULT_BASE, *, imports=False) -> list[Quad]
    quads_to_rdflib_dataset(quads) -> rdflib.Dataset
    validate(quads_or_dataset) -> (conforms, report_graph, report_text)      # graph.rdf.validate

The shape of the output is ontology/README.md; the vocabulary is
ontology/nqgraph.ttl; the constraints are ontology/shapes.ttl.
"""

from __future__ import annotations

from graph.iris import DEFAULT_BASE
from graph.rdf.build import date_literal, extraction_to_quads
from graph.rdf.shared import (
    ontology_graph,
    quads_to_rdflib_dataset,
    registry_quads,
    shapes_graph,
    shared_quads,
)
from graph.rdf.terms import NQ, PREFIXES

__all__ = [
    "DEFAULT_BASE",
    "NQ",
    "PREFIXES",
    "date_literal",
    "extraction_to_quads",
    "ontology_graph",
    "quads_to_rdflib_dataset",
    "registry_quads",
    "shapes_graph",
    "shared_quads",
]
