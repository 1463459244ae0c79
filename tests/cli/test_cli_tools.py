"""``nqgraph extract``, ``query`` and ``export``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import graph.cli.tools as tools
from graph.cli import app
from graph.model import Extraction, Organization
from graph.store import open_store
from graph.store.lock import remove_server_record, write_server_record

ID = "https://w3id.org/nqgraph/id/"
ORG = ox.NamedNode(ID + "org/tra-vinh-provincial-party-committee")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
runner = CliRunner(env={"COLUMNS": "250"})  # wide enough that tables do not wrap IRIs


def flat(output: str) -> str:
    return " ".join(output.split())


@pytest.fixture
def data(tmp_path: Path) -> Path:
    store = open_store(tmp_path / "data")
    store.replace_graph(ID + "source/a", [
        ox.Triple(ORG, LABEL, ox.Literal("Tra Vinh Provincial Party Committee", language="en")),
        ox.Triple(ORG, LABEL, ox.Literal("Tỉnh ủy Trà Vinh", language="vi")),
    ])
    store.close()
    return tmp_path / "data"


def test_extract_prints_one_json_line_per_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, dict[str, Any]]] = []

    def fake(data: bytes, name: str, meta: dict[str, Any]) -> tuple[str, Extraction]:
        seen.append((name, meta))
        ext = Extraction(doc=name, lang="km", source=meta.get("url", ""), title=meta.get("title"))
        ext.organizations.append(Organization(name=data.decode().strip()))
        return data.decode(), ext

    monkeypatch.setattr(tools, "extract_text", fake)
    (tmp_path / "a.txt").write_text("Cam Xuyen District Party Committee\n")
    (tmp_path / "b.txt").write_text("Ha Tinh Provincial Party Committee\n")
    meta = tmp_path / "meta.jsonl"
    meta.write_text(json.dumps({"doc": "b.txt", "url": "https://example.org/b", "title": "B", "published": None})
                    + "\n")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json",
                                 "--meta", str(meta)])
    assert result.exit_code == 0, result.output
    lines = [Extraction.from_dict(json.loads(line)) for line in result.stdout.splitlines()]
    assert [(e.doc, e.organizations[0].name) for e in lines] == [
        ("a.txt", "Cam Xuyen District Party Committee"), ("b.txt", "Ha Tinh Provincial Party Committee")]
    assert (lines[1].source, lines[1].title) == ("https://example.org/b", "B")
    assert seen[0] == ("a.txt", {}) and seen[1] == ("b.txt", {"url": "https://example.org/b", "title": "B"})


def test_extract_with_the_real_extractor_keeps_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("Tỉnh ủy Trà Vinh triển khai Nghị quyết số 21-NQ/TW.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "doc.txt")])
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout)
    assert obj["doc"] == "doc.txt" and set(obj) >= {"organizations", "documents", "relations", "implicit"}


def test_query_prints_a_table(data: Path) -> None:
    result = runner.invoke(app, ["query", "--store", str(data),
                                 f"SELECT ?l WHERE {{ <{ORG.value}> rdfs:label ?l }} ORDER BY ?l"])
    assert result.exit_code == 0, result.output
    assert "Tra Vinh Provincial Party Committee @en" in result.stdout
    assert "Tỉnh ủy Trà Vinh @vi" in result.stdout
    ask = runner.invoke(app, ["query", "--store", str(data), f"ASK {{ <{ORG.value}> ?p ?o }}"])
    assert ask.stdout.strip() == "yes"
    graph = runner.invoke(app, ["query", "--store", str(data), f"CONSTRUCT WHERE {{ <{ORG.value}> ?p ?o }}"])
    assert "id:org/tra-vinh-provincial-party-committee" in graph.stdout and "rdfs:label" in graph.stdout


def test_query_reports_a_bad_query(data: Path) -> None:
    result = runner.invoke(app, ["query", "--store", str(data), "SELECT ?x WHERE { ?x }"])
    assert result.exit_code == 2
    assert "bad query" in result.output


def test_query_on_a_missing_store_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "--store", str(tmp_path / "nothing"), "ASK {}"])
    assert result.exit_code == 1 and "no store at" in flat(result.output)


def test_query_goes_through_a_running_server(data: Path, live_server: Callable[..., object]) -> None:
    held = open_store(data)
    with live_server(held, local_token="t") as url:  # type: ignore[operator]
        write_server_record(data, url, "t")
        result = runner.invoke(app, ["query", "--store", str(data), f"SELECT ?l WHERE {{ <{ORG.value}> ?p ?l }}"])
        remove_server_record(data)
    held.close()
    assert result.exit_code == 0, result.output
    assert "going through" in flat(result.output) and "Tỉnh ủy Trà Vinh" in result.stdout


def test_export_writes_the_file_through_graph_export(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.nq"
    result = runner.invoke(app, ["export", "--store", str(data), "--format", "nquads", "-o", str(out)])
    assert result.exit_code == 0, result.output
    quads = list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    assert {(q.object.value, q.graph_name.value) for q in quads} == {
        ("Tra Vinh Provincial Party Committee", ID + "source/a"), ("Tỉnh ủy Trà Vinh", ID + "source/a")}


def test_export_rejects_an_unknown_format(data: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--store", str(data), "--format", "pdf", "-o", str(tmp_path / "x")])
    assert result.exit_code == 1 and "pdf" in result.output
