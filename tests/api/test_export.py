"""``GET /api/export``: every format downloads, with its media type, and parses back."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from lxml import etree

from api.app import create_app
from api.settings import Settings
from graph.network import clear_cache
from tests.fixtures.network.load import ID, fixture_store

SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "gexf" / "1.3" / "gexf.rng"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    clear_cache()
    with TestClient(create_app(Settings(store=":memory:"), store=fixture_store())) as c:
        yield c


def test_gexf_download_validates(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "gexf"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/gexf+xml")
    assert 'filename="nqgraph.gexf"' in r.headers["content-disposition"]
    rng = etree.RelaxNG(etree.parse(str(SCHEMA)))
    assert rng.validate(etree.parse(io.BytesIO(r.content))), rng.error_log
    H = nx.read_gexf(io.BytesIO(r.content), version="1.3")
    assert H.nodes[ID + "org/tra-vinh-provincial-party-committee"]["type"] == "organization"


def test_csv_download_is_a_zip_with_directed_edges(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "csv"})
    assert r.headers["content-type"] == "application/zip"
    edges = list(csv.DictReader(io.StringIO(zipfile.ZipFile(io.BytesIO(r.content)).read("edges.csv").decode())))
    assert edges and {e["Type"] for e in edges} == {"Directed"}


@pytest.mark.parametrize(("fmt", "media", "rdf"), [
    ("nquads", "application/n-quads", ox.RdfFormat.N_QUADS),
    ("trig", "application/trig", ox.RdfFormat.TRIG),
    ("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD),
])
def test_rdf_downloads_parse_back(client: TestClient, fmt: str, media: str, rdf: ox.RdfFormat) -> None:
    r = client.get("/api/export", params={"format": fmt})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    quads = list(ox.parse(r.content, format=rdf))
    graphs = {q.graph_name.value for q in quads}
    assert ID + "source/tra-vinh-article" in graphs and ID + "graph/registry" in graphs


def test_graphml_download(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "graphml"})
    H = nx.read_graphml(io.BytesIO(r.content))
    assert H.nodes[ID + "document/21-nq-tw-2022"]["code"] == "21-NQ/TW"


def test_unknown_format_is_a_422(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "pajek"})
    assert r.status_code == 422 and r.json()["error"]
