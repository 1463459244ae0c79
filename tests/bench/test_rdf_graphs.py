"""Synthetic RDF graphs: exactly the requested number of quads, valid N-Quads, nqgraph's ontology shape."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest

from bench.queries import full_text, queries
from bench.rdf_graphs import ensure_file, quads, write_nquads

NQ = "https://w3id.org/nqgraph/ontology#"


def _text(count: int, seed: int = 0) -> str:
    buf = io.StringIO()
    assert write_nquads(buf, count, seed) == count
    return buf.getvalue()


@pytest.mark.parametrize("count", [1, 137, 2_000, 25_001])
def test_exact_quad_count(count: int) -> None:
    assert len(_text(count).splitlines()) == count


def test_parses_with_pyoxigraph_without_duplicates() -> None:
    store = ox.Store()
    store.load(_text(5_000).encode(), format=ox.RdfFormat.N_QUADS)
    assert len(store) == 5_000
    graphs = {g.value for g in store.named_graphs()}
    assert len(graphs) > 10 and all("/id/source/" in g for g in graphs)


def test_deterministic_per_seed() -> None:
    assert _text(3_000, seed=2) == _text(3_000, seed=2)
    assert _text(3_000, seed=2) != _text(3_000, seed=3)
    assert list(quads(100, seed=2)) == _text(100, seed=2).splitlines(keepends=True)


def test_ontology_shape_and_benchmark_queries_answer() -> None:
    store = ox.Store()
    store.load(_text(20_000).encode(), format=ox.RdfFormat.N_QUADS)
    types = {r["t"].value for r in store.query("SELECT DISTINCT ?t WHERE { GRAPH ?g { ?s a ?t } }")}
    for cls in ("SourceDocument", "PartyCommittee", "PartyCell", "Resolution", "Programme", "Plan", "Evidence",
                "Event", "Person"):
        assert NQ + cls in types
    assert "http://www.w3.org/ns/org#Membership" in types
    for name, query in queries(0).items():
        rows = list(store.query(full_text(query), use_default_graph_as_union=True))
        assert rows, name


def test_ensure_file_writes_once(tmp_path) -> None:
    path = ensure_file(tmp_path, 1_000, seed=1)
    mtime = path.stat().st_mtime_ns
    assert ensure_file(tmp_path, 1_000, seed=1) == path and path.stat().st_mtime_ns == mtime
    assert len(path.read_text(encoding="utf-8").splitlines()) == 1_000
