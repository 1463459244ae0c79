"""JSON-LD, TriG and N-Quads: the store's quads, named graphs included, parse back unchanged."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest

from graph.export import export
from graph.store.oxigraph import OxigraphStore
from tests.fixtures.network.load import ID

FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip_keeps_every_quad(store: OxigraphStore, fmt: str) -> None:
    out = io.BytesIO()
    export(store, fmt, out)
    parsed = set(ox.parse(out.getvalue(), format=FORMATS[fmt]))
    assert parsed == set(store.quads())
    implements = ox.Quad(ox.NamedNode(ID + "org/tra-vinh-provincial-party-committee"),
                         ox.NamedNode("https://w3id.org/nqgraph/ontology#implements"),
                         ox.NamedNode(ID + "document/21-nq-tw-2022"), ox.NamedNode(ID + "source/tra-vinh-article"))
    assert implements in parsed


def test_trig_uses_the_configured_base_as_id_prefix(store: OxigraphStore) -> None:
    out = io.BytesIO()
    export(store, "trig", out, base=ID)
    assert b"@prefix id: <https://w3id.org/nqgraph/id/> ." in out.getvalue()
