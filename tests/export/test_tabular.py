"""Gephi's CSV zip and GraphML: the same projection, as flat tables."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import networkx as nx
import pytest
from lxml import etree

from graph.export import export
from graph.store.oxigraph import OxigraphStore
from tests.fixtures.network.load import ID

TRA_VINH = ID + "org/tra-vinh-provincial-party-committee"
RES_2022 = ID + "document/21-nq-tw-2022"
PERSON = ID + "person/kim-ngoc-thai"


def _export(store: OxigraphStore, fmt: str) -> bytes:
    out = io.BytesIO()
    export(store, fmt, out)
    return out.getvalue()


def _table(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))


def test_csv_zip_has_gephi_columns_and_directed_edges(store: OxigraphStore, G: nx.MultiDiGraph) -> None:
    archive = zipfile.ZipFile(io.BytesIO(_export(store, "csv")))
    assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
    nodes, edges = _table(archive, "nodes.csv"), _table(archive, "edges.csv")
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    assert {e["Type"] for e in edges} == {"Directed"}
    assert all(e["Label"] == e["predicate"] for e in edges)
    row = next(e for e in edges if e["Source"] == TRA_VINH and e["Target"] == RES_2022)
    assert (row["Label"], row["evidence_count"], row["first_date"]) == ("implements", "1", "2023-03-15")
    post = next(e for e in edges if e["Source"] == PERSON)
    assert (post["Label"], post["role"]) == ("holds_post", "Secretary")
    node = next(n for n in nodes if n["Id"] == TRA_VINH)
    assert (node["Label"], node["type"], node["level"], node["label_vi"]) == (
        "Tra Vinh Provincial Party Committee", "organization", "provincial", "Tỉnh ủy Trà Vinh")


def test_graphml_reads_back_with_flat_attributes_and_full_evidence(store: OxigraphStore) -> None:
    H = nx.read_graphml(io.BytesIO(_export(store, "graphml")))
    assert H.nodes[TRA_VINH]["type"] == "organization"
    assert H.nodes[TRA_VINH]["label"] == "Tra Vinh Provincial Party Committee"
    edge = next(d for u, v, d in H.edges(data=True)
                if (u, v) == (TRA_VINH, RES_2022) and d["predicate"] == "implements")
    evidence = json.loads(edge["evidence"])
    assert evidence[0]["language"] == "vi" and evidence[0]["source"] == ID + "source/tra-vinh-article"


def test_unknown_format_is_refused(store: OxigraphStore) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "pajek", io.BytesIO())


def test_graphml_edge_ids_are_unique(store: OxigraphStore) -> None:
    doc = etree.parse(io.BytesIO(_export(store, "graphml")))
    ids = [e.get("id") for e in doc.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(ids) == len(set(ids)) > 0
