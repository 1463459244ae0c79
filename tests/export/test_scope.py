"""``graph.export`` scopes: one entity's neighbourhood, one document's implementation tree, in every format."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from graph.export import FORMATS, Scope, ScopeNotFound, export, scope_nodes
from graph.network import projection_for
from graph.store.oxigraph import OxigraphStore
from tests.fixtures.network.analytics import (
    CELL,
    CENTRAL,
    PROGRAMME,
    RES_2017,
    RES_2022,
    TRA_VINH,
    TRA_VINH_CITY,
    analytics_store,
)
from tests.fixtures.network.load import ID


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    return analytics_store()


def test_scope_validation() -> None:
    assert Scope().whole and not Scope(entity="org/x").whole
    with pytest.raises(ValueError, match="not both"):
        Scope(entity="org/x", document="21-NQ/TW")
    with pytest.raises(ValueError, match="depth"):
        Scope(entity="org/x", depth=-1)


def test_nodes_of_each_scope(store: OxigraphStore) -> None:
    G = projection_for(store)
    assert scope_nodes(G, Scope()) == set(G)
    assert scope_nodes(G, Scope(entity="org/tra-vinh-city-party-committee", depth=1)) == {
        TRA_VINH_CITY, TRA_VINH, PROGRAMME, ID + "place/tra-vinh-city"}
    tree = scope_nodes(G, Scope(document="21-NQ/TW", year=2022))
    assert {RES_2022, TRA_VINH, PROGRAMME, CELL, ID + "event/9c1d"} <= tree and CENTRAL not in tree
    deeper = scope_nodes(G, Scope(document="21-nq-tw-2022", via_suborganizations=True))
    assert tree < deeper and ID + "org/cam-vinh-commune-party-committee" in deeper
    assert scope_nodes(G, Scope(document="21-NQ/TW")) >= {RES_2017, ID + "org/ha-tinh-provincial-party-committee"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_writes_a_scope(store: OxigraphStore, fmt: str) -> None:
    whole, part = io.BytesIO(), io.BytesIO()
    export(store, fmt, whole)
    export(store, fmt, part, scope=Scope(entity="org/tra-vinh-city-party-committee", depth=1))
    assert 0 < len(part.getvalue()) < len(whole.getvalue())


def test_gexf_scope_keeps_only_edges_inside(store: OxigraphStore) -> None:
    out = io.BytesIO()
    export(store, "gexf", out, scope=Scope(document="39-CTr/TU"))
    H = nx.read_gexf(io.BytesIO(out.getvalue()), version="1.3")
    assert set(H.nodes) == {PROGRAMME, TRA_VINH_CITY}
    assert [(u, v, d["label"]) for u, v, d in H.edges(data=True)] == [(TRA_VINH_CITY, PROGRAMME, "implements")]


def test_trig_scope_parses_with_its_graphs(store: OxigraphStore) -> None:
    out = io.BytesIO()
    export(store, "trig", out, scope=Scope(entity="org/tra-vinh-city-party-committee", depth=0))
    quads = list(ox.parse(out.getvalue(), format=ox.RdfFormat.TRIG))
    assert {q.graph_name.value for q in quads} == {ID + "source/tra-vinh-article"}
    assert {q.subject.value for q in quads} == {TRA_VINH_CITY, ID + "source/tra-vinh-article"}  # e5's object is out


def test_unknown_scope_fails_before_the_file_is_created(store: OxigraphStore, tmp_path: Path) -> None:
    target = tmp_path / "out.gexf"
    with pytest.raises(ScopeNotFound, match="org/nowhere"):
        export(store, "gexf", target, scope=Scope(entity="org/nowhere"))
    assert not target.exists()
    with pytest.raises(ScopeNotFound, match="1-XX/TW"):
        export(store, "nquads", io.BytesIO(), scope=Scope(document="1-XX/TW"))
