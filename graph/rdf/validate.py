"""SHACL validation of built graphs against ontology/shapes.ttl, without the network.

Why a helper: the tests, ``make bench`` and a future ``nqgraph validate`` all
need the same call; pyshacl must get the ontology (for subclass targets) from
the local files and must never follow ``owl:imports``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import pyoxigraph as ox
import pyshacl
import rdflib

from graph.rdf.shared import ontology_graph, quads_to_rdflib_dataset, shapes_graph


def validate(data: Iterable[ox.Quad] | rdflib.Dataset | rdflib.Graph, *, imports: bool = True,
             inference: str = "none") -> tuple[bool, rdflib.Graph, str]:
    """``(conforms, report graph, report text)`` of ``data`` against the shapes.

    Named graphs are validated as their union, as the store's default graph is.
    """
    dataset = quads_to_rdflib_dataset(data) if not isinstance(data, rdflib.Graph) else _copy(data)
    # The ontology goes in as a graph of its own: pyshacl's ont_graph mixing does not reach
    # the union of a Dataset's named graphs, and SHACL class targets need rdfs:subClassOf.
    onto = dataset.graph(rdflib.URIRef(_ONTOLOGY_COPY))
    for triple in ontology_graph(imports=imports):
        onto.add(triple)
    with warnings.catch_warnings():
        # pyshacl 0.40 still calls Dataset.default_context, which rdflib 7.6 deprecates (thousands of warnings)
        warnings.simplefilter("ignore", DeprecationWarning)
        conforms, report, text = pyshacl.validate(
            dataset, shacl_graph=shapes_graph(), inference=inference, do_owl_imports=False,
            allow_warnings=True, advanced=False,
        )
    return bool(conforms), report, str(text)


_ONTOLOGY_COPY = "urn:nqgraph:validation:ontology"


def _copy(data: rdflib.Graph) -> rdflib.Dataset:
    out = rdflib.Dataset()
    if isinstance(data, rdflib.Dataset):
        for s, p, o, g in data.quads((None, None, None, None)):
            out.add((s, p, o, g))
    else:
        for triple in data:
            out.add(triple)
    return out
