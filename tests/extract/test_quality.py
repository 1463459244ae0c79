"""Extraction quality on the development set, scored per category and language.

The seeds' gold travels with the project (tests/fixtures/gold); the real dev
articles stay with their publishers and are read from ../shared/dev when it is
there. Floors only ever go up: raise them in floors.json when the extractor
improves.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.evaluate import CATEGORIES, load_gold, score
from graph.extract import extract

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SEED_GOLD = ROOT / "tests" / "fixtures" / "gold"
SHARED = ROOT.parent / "shared"
DEV_DOCS, DEV_GOLD = SHARED / "dev" / "docs", SHARED / "dev" / "gold"
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())


def _predict(paths: list[Path]) -> list[dict]:
    return [extract(p.read_text(encoding="utf-8"), meta={"doc": p.name}).to_dict() for p in paths]


@pytest.fixture(scope="module")
def dev_run() -> tuple[list[dict], list[dict], bool]:
    gold_dirs, texts = [SEED_GOLD], sorted(SEEDS.glob("*.txt"))
    has_dev = DEV_GOLD.is_dir() and DEV_DOCS.is_dir()
    if has_dev:
        gold_dirs.append(DEV_GOLD)
        texts += sorted(DEV_DOCS.glob("*.txt"))
    return load_gold(gold_dirs), _predict(texts), has_dev


def test_quality_report_and_floors(dev_run, capsys) -> None:
    gold, predictions, has_dev = dev_run
    report = score(gold, predictions)
    assert not report.missing
    with capsys.disabled():
        print("\nExtraction on " + ("seeds + ../shared/dev" if has_dev else "seeds only (../shared/dev absent)"))
        print(report.table())
    floors = FLOORS["seeds+dev" if has_dev else "seeds"]
    for scope, floor in floors.items():
        assert report.core(scope) >= floor, f"core macro-F1 for {scope} fell below its floor {floor}"


def test_heldout_quality_report_and_floors(capsys) -> None:
    """Articles written for the project and never used to tune rules: the honest estimate of unseen text."""
    gold = load_gold([HELDOUT / "gold"])
    report = score(gold, _predict(sorted((HELDOUT / "docs").glob("*.txt"))))
    assert not report.missing
    with capsys.disabled():
        print("\nExtraction on the held-out set (tests/fixtures/heldout)")
        print(report.table())
    for scope, floor in FLOORS["heldout"].items():
        assert report.core(scope) >= floor, f"held-out core macro-F1 for {scope} fell below its floor {floor}"


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="scorer of record not present")
def test_own_scorer_agrees_with_scorer_of_record(dev_run, tmp_path) -> None:
    gold, predictions, has_dev = dev_run
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in predictions), encoding="utf-8")
    dirs = ",".join(str(d) for d in ([SEED_GOLD, DEV_GOLD] if has_dev else [SEED_GOLD]))
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), dirs, str(pred_file), "--json"],
                         capture_output=True, text=True, check=True).stdout
    theirs = json.loads(next(line for line in out.splitlines() if line.startswith("{")))
    mine = score(gold, predictions)
    for scope in mine.scopes:
        for cat in CATEGORIES:
            assert abs(mine.f1(scope, cat) - theirs[f"{scope}/{cat}"]) < 0.0015, (scope, cat)
        assert abs(mine.core(scope) - theirs[f"{scope}/core"]) < 0.0015, scope


def test_scorer_rewards_exact_gold_and_penalises_noise() -> None:
    gold = load_gold([SEED_GOLD])
    perfect = score(gold, gold)
    assert perfect.core() == pytest.approx(1.0)
    noisy = [dict(g, organizations=g["organizations"] + [{"name": "Zzz Imaginary Body"}]) for g in gold]
    assert score(gold, noisy).f1("all", "organizations") < 1.0
    empty = score(gold, [{"doc": g["doc"]} for g in gold])
    assert empty.f1("all", "documents") == 0.0
