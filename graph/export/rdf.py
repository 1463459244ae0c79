"""The store's quads as N-Quads, TriG or JSON-LD, serialised by pyoxigraph.

Why pyoxigraph and not rdflib: it serialises a quad stream as it is read, so
an export never holds the whole dataset in memory, and every named graph (one
per source article) survives in all three formats.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import pyoxigraph as ox

from graph.network.schema import PREFIXES
from graph.store.base import Store

RDF_FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}


def write_rdf(store: Store, fmt: str, out: BinaryIO, *, base: str = "https://w3id.org/nqgraph/id/",
              quads: Iterable[ox.Quad] | None = None) -> None:
    """Every quad of ``store``, or only ``quads`` (a scoped export, see ``graph.export.scope``)."""
    rdf_format = RDF_FORMATS[fmt]
    prefixes = {**PREFIXES, "id": base} if fmt == "trig" else None
    ox.serialize(store.quads() if quads is None else quads, out, format=rdf_format, prefixes=prefixes)
