"""``nqgraph export`` narrowed to one document's implementation tree or one entity's neighbourhood."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("seeds") / "data"
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return store


def node_labels(data: Path, tmp_path: Path, *scope: str) -> set[str]:
    out = tmp_path / f"graph-{len(list(tmp_path.iterdir()))}.zip"
    result = runner.invoke(app, ["export", "--store", str(data), "--format", "csv", "-o", str(out), *scope])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        rows = csv.DictReader(io.TextIOWrapper(archive.open("nodes.csv"), encoding="utf-8"))
        return {row["Label"] for row in rows}


def test_document_scope_is_the_implementation_tree(data: Path, tmp_path: Path) -> None:
    whole = node_labels(data, tmp_path)
    tree = node_labels(data, tmp_path, "--document", "21-NQ/TW", "--year", "2022")
    assert {"Tra Vinh Provincial Party Committee", "Programme 39-CTr/TU", "Resolution 21-NQ/TW"} <= tree
    assert tree < whole  # people and unrelated documents of the seeds stay out


def test_entity_scope_grows_with_depth(data: Path, tmp_path: Path) -> None:
    entity = "org/tra-vinh-provincial-party-committee"
    near = node_labels(data, tmp_path, "--entity", entity, "--depth", "1")
    far = node_labels(data, tmp_path, "--entity", entity, "--depth", "2")
    assert "Tra Vinh Provincial Party Committee" in near and near < far


def test_unknown_scope_fails_with_a_message(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.gexf"
    result = runner.invoke(app, ["export", "--store", str(data), "-o", str(out), "--entity", "org/nowhere"])
    assert result.exit_code == 1 and "nowhere" in result.output and not out.exists()
    both = runner.invoke(app, ["export", "--store", str(data), "-o", str(out), "--entity", "org/a",
                               "--document", "21-NQ/TW"])
    assert both.exit_code == 1 and "not both" in both.output
