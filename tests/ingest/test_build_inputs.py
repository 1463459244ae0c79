"""``nqgraph build`` on HTML pages and JSON Lines batches, with the real extractor and RDF writer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.ingest import SourceInput, ingest_batch, load_rdf
from graph.store import open_store
from tests.ingest.test_webpage import PAGE

BASE = "https://w3id.org/nqgraph/id/"
runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    lines = [{"text": p.read_text(encoding="utf-8"), "url": f"https://example.org/news/{i}", "title": f"T{i}",
              "published": "2024-03-02", "lang": None} for i, p in enumerate(seeds)]
    lines.append({"text": "Nghị quyết số 21-NQ/TW được quán triệt.", "doc": "short", "lang": "vi"})
    (folder / "batch.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                                        encoding="utf-8")
    return folder


def _built(data: Path) -> dict[str, dict[str, object]]:
    store = open_store(data, read_only=True)
    try:
        rows = store.select("SELECT ?g ?name ?url ?title WHERE { GRAPH ?g { ?g nq:fileName ?name "
                            "OPTIONAL { ?g schema:url ?url } OPTIONAL { ?g dcterms:title ?title } } }")
        return {str(r["g"]).removeprefix(BASE + "source/"): r for r in rows}
    finally:
        store.close()


def test_html_and_jsonl_inputs_build_and_rebuild_to_nothing(corpus: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = runner.invoke(app, ["build", str(corpus), "--store", str(data), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    built = _built(data)
    assert set(built) == {"page-html", "example-org-news-0", "example-org-news-1", "short"}
    assert built["example-org-news-1"]["url"] == "https://example.org/news/1"
    assert built["example-org-news-1"]["title"] == "T1"
    assert str(built["page-html"]["title"]).startswith("Tỉnh ủy Trà Vinh")  # the page's own title
    again = runner.invoke(app, ["build", str(corpus), "--store", str(data)])
    assert again.exit_code == 0
    rows = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in again.output.splitlines()
            if line.count("│") == 3}
    assert rows == {"added": "0", "replaced": "0", "unchanged": "4", "failed": "0"}


def test_html_evidence_points_into_the_stored_main_text(tmp_path: Path) -> None:
    store = open_store(":memory:")
    report = ingest_batch(store, [SourceInput("page.html", PAGE.encode(), "html")], rdf=load_rdf(), base=BASE)
    assert report.added == ["page.html"], report.failed
    rows = store.select("SELECT ?m ?s ?e WHERE { ?ev a nq:Evidence ; nq:mention ?m ; nq:start ?s ; nq:end ?e }")
    assert rows and all("<" not in str(r["m"]) for r in rows)
    assert any(r["m"] == "21-NQ/TW" for r in rows)
    from graph.webpage import html_main_text

    text = html_main_text(PAGE).text
    assert all(text[int(r["s"]):int(r["e"])] == r["m"] for r in rows)  # type: ignore[call-overload]


def test_a_bad_line_in_a_batch_fails_alone(corpus: Path, tmp_path: Path) -> None:
    with (corpus / "batch.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
        fh.write(json.dumps({"text": "   ", "doc": "blank"}) + "\n")
    data = tmp_path / "data"
    result = runner.invoke(app, ["build", str(corpus), "--store", str(data)])
    assert result.exit_code == 1
    assert "batch.jsonl:4" in result.output and "blank" in result.output and "empty source" in result.output
    assert len(_built(data)) == 4
