"""``nqgraph build``: load, skip unchanged bytes, replace changed sources, report failures."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from typer.testing import CliRunner

import graph.cli.build as build_module
import graph.cli.cmd_build as cmd_build
from graph.cli import app
from graph.cli.build import build
from graph.model import Extraction
from graph.store import open_store
from graph.store.oxigraph import OxigraphStore

BASE = "https://w3id.org/nqgraph/id/"
LABELS = "SELECT ?g ?l WHERE { GRAPH ?g { ?g rdfs:label ?l } } ORDER BY ?g"
runner = CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("ខេត្ត Tra Vinh\nbody\n", encoding="utf-8")
    (folder / "b.txt").write_text("Huyện ủy Cẩm Xuyên\n", encoding="utf-8")
    (folder / "c.html").write_text("<p>Ha Tinh</p>\n", encoding="utf-8")
    (folder / "notes.json").write_text("{}")  # not a text suffix: ignored
    (folder / ".hidden.txt").write_text("hidden")
    return folder


def fake_extract_text(data: bytes, name: str, meta: dict[str, Any]) -> tuple[str, Extraction]:
    """Stands in for the extractor (module level, so worker processes can unpickle it)."""
    text = data.decode("utf-8")
    return text, Extraction(doc=name, lang="km", source=meta.get("url", ""))


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about loading; the extractor has its own tests."""
    monkeypatch.setattr(build_module, "extract_text", fake_extract_text)


@pytest.fixture
def with_fake_rdf(monkeypatch: pytest.MonkeyPatch, fake_rdf: SimpleNamespace) -> SimpleNamespace:
    monkeypatch.setattr(cmd_build, "load_rdf", lambda: fake_rdf)
    return fake_rdf


def labels(data: Path) -> dict[str, str]:
    store = open_store(data, read_only=True)
    try:
        return {str(r["g"]).removeprefix(BASE + "source/"): str(r["l"]) for r in store.select(LABELS)}
    finally:
        store.close()


def dump(data: Path) -> set[str]:
    store = open_store(data, read_only=True)
    try:
        return {str(q) for q in store.quads() if "genid" not in str(q) and "_:" not in str(q)}
    finally:
        store.close()


def test_build_loads_every_document_and_records_how(corpus: Path, tmp_path: Path, with_fake_rdf: object) -> None:
    data = tmp_path / "data"
    result = runner.invoke(app, ["build", str(corpus), "--store", str(data)])
    assert result.exit_code == 0, result.output
    assert labels(data) == {"a-txt": "ខេត្ត Tra Vinh", "b-txt": "Huyện ủy Cẩm Xuyên", "c-html": "<p>Ha Tinh</p>"}
    config = json.loads((data / "build.json").read_text())
    assert config["inputs"] == [str(corpus)] and config["base"] == BASE


def test_rebuilding_the_same_bytes_changes_nothing(corpus: Path, tmp_path: Path, fake_rdf: SimpleNamespace) -> None:
    store = OxigraphStore(tmp_path / "db")
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".html") and not p.name.startswith("."))
    first = build(store, files, rdf=fake_rdf, base=BASE)
    assert sorted(first.added) == ["a.txt", "b.txt", "c.html"] and first.shared == [BASE + "graph/ontology"]
    before, generation = {str(q) for q in store.quads()}, store.generation
    second = build(store, files, rdf=fake_rdf, base=BASE)
    assert sorted(second.unchanged) == ["a.txt", "b.txt", "c.html"]
    assert (second.added, second.replaced, second.shared, second.failed) == ([], [], [], [])
    assert {str(q) for q in store.quads()} == before
    assert store.generation == generation  # nothing was written at all
    store.close()


def test_new_bytes_replace_only_that_source(corpus: Path, tmp_path: Path, with_fake_rdf: object) -> None:
    data = tmp_path / "data"
    runner.invoke(app, ["build", str(corpus), "--store", str(data)])
    (corpus / "a.txt").write_text("Tỉnh ủy Trà Vinh\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "--store", str(data)])
    assert result.exit_code == 0
    assert "replaced" in result.output
    assert labels(data) == {"a-txt": "Tỉnh ủy Trà Vinh", "b-txt": "Huyện ủy Cẩm Xuyên", "c-html": "<p>Ha Tinh</p>"}
    store = open_store(data, read_only=True)
    digest = hashlib.sha256((corpus / "a.txt").read_bytes()).hexdigest()
    assert store.graph_sha256(BASE + "source/a-txt") == digest
    store.close()


def test_a_url_in_meta_moves_the_source_to_its_new_identity(corpus: Path, tmp_path: Path,
                                                          with_fake_rdf: object) -> None:
    data = tmp_path / "data"
    runner.invoke(app, ["build", str(corpus / "a.txt"), "--store", str(data)])
    (corpus / "a.txt").write_text("moved\n", encoding="utf-8")
    meta = tmp_path / "meta.jsonl"
    meta.write_text(json.dumps({"doc": "a.txt", "url": "https://example.org/news/1", "title": "T"}) + "\n")
    result = runner.invoke(app, ["build", str(corpus / "a.txt"), "--store", str(data), "--meta", str(meta)])
    assert result.exit_code == 0, result.output
    assert labels(data) == {"https-example-org-news-1": "moved"}


def test_a_bad_document_fails_alone(corpus: Path, tmp_path: Path, with_fake_rdf: object) -> None:
    (corpus / "broken.txt").write_bytes(b"\xff\xfe not utf-8 \xc3")
    data = tmp_path / "data"
    result = runner.invoke(app, ["build", str(corpus), "--store", str(data)])
    assert result.exit_code == 1
    assert "broken.txt" in result.output and "UnicodeDecodeError" in result.output
    assert set(labels(data)) == {"a-txt", "b-txt", "c-html"}


def test_parallel_extraction_gives_the_same_graph(corpus: Path, tmp_path: Path, with_fake_rdf: object) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert runner.invoke(app, ["build", str(corpus), "--store", str(one)]).exit_code == 0
    assert runner.invoke(app, ["build", str(corpus), "--store", str(two), "--jobs", "2"]).exit_code == 0
    assert dump(one) == dump(two) and len(dump(one)) > 9


def test_a_store_held_by_another_process_is_refused_clearly(corpus: Path, tmp_path: Path,
                                                            with_fake_rdf: object) -> None:
    data = tmp_path / "data"
    holder = open_store(data)
    result = runner.invoke(app, ["build", str(corpus), "--store", str(data)])
    holder.close()
    assert result.exit_code == 1
    assert "held by another process" in result.output


def test_build_goes_through_a_running_server(corpus: Path, tmp_path: Path, with_fake_rdf: object,
                                             live_server: Callable[..., object]) -> None:
    from graph.store.lock import remove_server_record, write_server_record

    data = tmp_path / "data"
    held = open_store(data)
    with live_server(held, local_token="local") as url:  # type: ignore[operator]
        write_server_record(data, url, "local")
        result = runner.invoke(app, ["build", str(corpus), "--store", str(data)])
        again = runner.invoke(app, ["build", str(corpus), "--store", str(data)])
        remove_server_record(data)
    assert result.exit_code == 0, result.output
    assert "going through" in result.output
    assert {str(r["l"]) for r in held.select(LABELS)} == {"ខេត្ត Tra Vinh", "Huyện ủy Cẩm Xuyên", "<p>Ha Tinh</p>"}
    assert "unchanged" in again.output and again.exit_code == 0
    held.close()


def test_missing_inputs_and_bad_meta_are_reported(tmp_path: Path, corpus: Path, with_fake_rdf: object) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert runner.invoke(app, ["build", str(empty), "--store", str(tmp_path / "d")]).exit_code == 1
    meta = tmp_path / "meta.jsonl"
    meta.write_text("not json\n")
    result = runner.invoke(app, ["build", str(corpus), "--store", str(tmp_path / "d"), "--meta", str(meta)])
    assert result.exit_code == 1 and "meta.jsonl:1" in result.output
