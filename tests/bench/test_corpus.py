"""The synthetic corpus: deterministic per seed, never repeating, in four languages, with gold in the gold format."""

from __future__ import annotations

import json
import re
import statistics

import pytest

from bench.corpus import article, generate, write_corpus
from bench.places import fold

KINDS = {"party_committee", "party_cell", "party_department", "party_standing_committee", "peoples_committee",
         "peoples_council", "police", "military", "ministry", "fatherland_front", "mass_organization", "school",
         "enterprise", "other"}
LEVELS = {"central", "provincial", "city", "district", "town", "commune", "ward", "village", "unit", None}
DOC_TYPES = {"resolution", "conclusion", "programme", "directive", "plan", "decision", "official_letter", "project",
             "regulation", "instruction", "other"}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TO_ASCII = str.maketrans("០១២៣៤៥៦៧៨៩๐๑๒๓๔๕๖๗๘๙", "01234567890123456789")


@pytest.fixture(scope="module")
def corpus() -> list:
    return list(generate(120, seed=5))


def test_same_seed_same_articles_and_prefixes_agree() -> None:
    first = list(generate(8, seed=3))
    assert first == list(generate(8, seed=3))
    assert first[:5] == list(generate(5, seed=3))
    assert article(3, 6) == first[6]
    assert [a.text for a in generate(8, seed=4)] != [a.text for a in first]


def test_never_repeats_a_document(corpus: list) -> None:
    assert len({a.sha256 for a in corpus}) == len(corpus)
    first_paragraphs = [a.text.split("\n", 1)[0] for a in corpus]
    assert len(set(first_paragraphs)) == len(corpus)


def test_four_languages_of_seed_size(corpus: list) -> None:
    assert {a.lang for a in corpus} == {"km", "th", "vi", "en"}
    for lang in ("km", "th", "vi", "en"):
        sizes = [len(a.text.encode()) for a in corpus if a.lang == lang]
        assert 12_000 < statistics.median(sizes) < 19_000, lang
    assert re.search(r"[\u1780-\u17ff]", next(a.text for a in corpus if a.lang == "km"))
    assert re.search(r"[\u0e00-\u0e7f]", next(a.text for a in corpus if a.lang == "th"))
    assert "Đảng" in next(a.text for a in corpus if a.lang == "vi")


def test_khmer_and_thai_digits_and_buddhist_era(corpus: list) -> None:
    for art in corpus:
        if art.lang == "km":
            assert re.search("[០-៩]", art.text), art.name
        if art.lang == "th":
            assert re.search("[๐-๙]", art.text), art.name
            assert re.search(r"25[6-7]\d", art.text.translate(TO_ASCII)), art.name  # พ.ศ. 2564-2568


def test_document_numbers_in_every_written_form(corpus: list) -> None:
    text = "\n".join(a.text for a in corpus[:60])
    for form in ("លេខ", "ที่", "số", "No.", "–", " - ", "-NQ/TW", "-CTr/TU", "/DA-BCA", "/NĐ-CP", "/KH-UBND"):
        assert form in text, form
    assert re.search("[០-៩]+ ?[-–] ?NQ/TW", text)


@pytest.mark.parametrize("index", range(12))
def test_gold_is_in_the_gold_format(index: int) -> None:
    art = article(11, index)
    gold = art.gold
    assert gold["doc"] == art.name and gold["lang"] == art.lang
    assert set(gold) >= {"doc", "lang", "source", "organizations", "people", "documents", "places", "events",
                         "relations", "implicit"}
    orgs = {o["name"]: o for o in gold["organizations"]}
    assert len(orgs) == len(gold["organizations"])
    for org in orgs.values():
        assert set(org) == {"name", "aliases", "kind", "level", "place", "parent"}
        assert org["kind"] in KINDS and org["level"] in LEVELS
        assert org["name"] == fold(org["name"])  # ASCII-folded names
        assert org["parent"] is None or org["parent"] in orgs
    codes = {d["code"] for d in gold["documents"]}
    for doc in gold["documents"]:
        assert doc["type"] in DOC_TYPES and doc["issuer"] in orgs
        assert doc["date"] is None or ISO_DATE.match(doc["date"])
        assert re.match(r"^\d", doc["code"])
    for person in gold["people"]:
        assert person["name"] == fold(person["name"])
        assert all(post["organization"] in orgs for post in person["posts"])
    for event in gold["events"]:
        assert ISO_DATE.match(event["date"]) and event["organizer"] in orgs
        assert set(event["implements"]) <= codes
    relations = gold["relations"]
    assert all(s in orgs or s in codes for s, _ in relations["implements"])
    assert all(o in codes for _, o in relations["implements"])
    assert sorted(map(tuple, relations["sub_organization_of"])) == sorted(
        (o["name"], o["parent"]) for o in orgs.values() if o["parent"])
    places = {p["name"]: p for p in gold["places"]}
    assert sorted(map(tuple, relations["located_in"])) == sorted(
        (p["name"], p["parent"]) for p in places.values() if p["parent"])
    assert gold["implicit"] == {"implements": []}
    json.dumps(gold)


@pytest.mark.parametrize("index", range(8))
def test_gold_codes_and_people_are_written_in_the_text(index: int) -> None:
    art = article(2, index)
    text = re.sub(r"\s*[-–]\s*", "-", art.text.translate(TO_ASCII))
    text = fold(text)
    for doc in art.gold["documents"]:
        assert fold(doc["code"]) in text, doc["code"]
    for person in art.gold["people"]:
        assert person["name"] in text, person["name"]


def test_write_corpus(tmp_path) -> None:
    paths = write_corpus(tmp_path, 4, seed=1)
    assert [p.name for p in paths] == [a.name for a in generate(4, seed=1)]
    gold = json.loads((tmp_path / "gold" / (paths[2].stem + ".json")).read_text(encoding="utf-8"))
    assert gold["doc"] == paths[2].name
