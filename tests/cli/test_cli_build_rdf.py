"""The build pipeline with the real RDF writer (``graph.rdf``), fed the seeds' gold extractions.

Why gold rather than the extractor: this checks the hand-over between the
builder and the writer -- graph naming, checksums, shared graphs, rebuilds --
independently of extraction quality, which has its own tests.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

import graph.cli.build as build_module
from graph.cli.build import build, collect_files
from graph.model import Extraction
from graph.store.oxigraph import OxigraphStore

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "fixtures" / "gold"
BASE = "https://w3id.org/nqgraph/id/"
rdf = pytest.importorskip("graph.rdf")
iris = pytest.importorskip("graph.iris")


def gold_extract_text(data: bytes, name: str, meta: dict[str, Any]) -> tuple[str, Extraction]:
    gold = json.loads((GOLD / (Path(name).stem + ".json")).read_text(encoding="utf-8"))
    return data.decode("utf-8"), Extraction.from_dict(gold)


def test_seeds_build_into_one_graph_each_and_rebuild_to_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "extract_text", gold_extract_text)
    seeds = collect_files([ROOT / "seeds"])
    store = OxigraphStore(None)
    first = build(store, seeds, rdf=rdf, base=BASE)
    assert first.failed == [] and sorted(first.added) == sorted(p.name for p in seeds)
    assert {BASE + "graph/ontology", BASE + "graph/registry"} <= set(first.shared)
    for path in seeds:
        graph = iris.source_iri(path.name, BASE)
        assert store.graph_sha256(graph) == hashlib.sha256(path.read_bytes()).hexdigest()
        assert store.ask(f"ASK {{ GRAPH <{graph}> {{ <{graph}> a nq:SourceDocument ; nq:fileName \"{path.name}\" }} }}")
    assert {s.name for s in store.sources()} == {p.name for p in seeds}
    assert store.ask("ASK { ?org nq:implements ?doc . ?doc eli:id_local \"21-NQ/TW\" }")

    generation, quads = store.generation, {str(q) for q in store.quads()}
    again = build(store, seeds, rdf=rdf, base=BASE)
    assert (again.added, again.replaced, again.shared, again.failed) == ([], [], [], [])
    assert store.generation == generation and {str(q) for q in store.quads()} == quads
