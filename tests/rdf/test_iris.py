"""IRI rules: slugs, document codes, the national/local issuer rule and content hashes."""

from __future__ import annotations

import pytest

from graph.iris import (
    DEFAULT_BASE,
    code_slug,
    content_hash,
    document_iri,
    evidence_iri,
    fold,
    is_national,
    membership_iri,
    normalize_code,
    org_iri,
    parse_code,
    parse_document_iri,
    slugify,
    source_iri,
)

ID = DEFAULT_BASE


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Cam Xuyen District Party Committee", "cam-xuyen-district-party-committee"),
        ("Đảng ủy xã Cẩm Vịnh", "dang-uy-xa-cam-vinh"),
        ("Trà Vinh", "tra-vinh"),
        ("Chi Linh City People's Party Committee", "chi-linh-city-peoples-party-committee"),
        ("  21-NQ/TW  ", "21-nq-tw"),
        ("Standing Committee of Tra Vinh City Party Committee", "standing-committee-of-tra-vinh-city-party-committee"),
        ("គណៈកម្មាធិការបក្ស", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_fold_handles_d_with_stroke_which_nfd_does_not_decompose() -> None:
    assert fold("ĐẢNG ỦY đồng") == "DANG UY dong"


@pytest.mark.parametrize(
    ("code", "number", "year", "type_", "issuer"),
    [
        ("21-NQ/TW", "21", None, "NQ", "TW"),
        ("39-CTr/TU", "39", None, "CTR", "TU"),
        ("19/DA-BCA", "19", None, "DA", "BCA"),
        ("01/PA-BCA", "1", None, "PA", "BCA"),
        ("35/2024/NĐ-CP", "35", 2024, "ND", "CP"),
        ("1234/QĐ-UBND", "1234", None, "QD", "UBND"),
        ("21 – NQ / TW", "21", None, "NQ", "TW"),
    ],
)
def test_parse_code(code: str, number: str, year: int | None, type_: str, issuer: str) -> None:
    parts = parse_code(code)
    assert parts is not None
    assert (parts.number, parts.year, parts.type, parts.issuer) == (number, year, type_, issuer)


@pytest.mark.parametrize("text", ["24th Congress of the party committee", "2025-2030", "Group 14", "Ward 7", ""])
def test_non_codes_are_not_parsed(text: str) -> None:
    assert parse_code(text) is None


@pytest.mark.parametrize(
    ("code", "national"),
    [
        ("21-NQ/TW", True), ("21-KL/TW", True), ("102-QĐ/TW", True), ("12-CT/BTCTW", True), ("10-QĐ/BCT", True),
        ("19/DA-BCA", True), ("35/2024/NĐ-CP", True), ("15/2023/QĐ-TTg", True), ("5/NQ-UBTVQH", True),
        ("39-CTr/TU", False), ("128-CV/TU", False), ("28-NQ/TU", False), ("15-NQ/HU", False), ("7-KH/ĐU", False),
        ("3-NQ/QU", False), ("1234/QĐ-UBND", False), ("45-KH/BTGTU", False),
    ],
)
def test_national_issuers(code: str, national: bool) -> None:
    assert is_national(code) is national


def test_document_iri_examples_from_the_design() -> None:
    assert document_iri("21-NQ/TW", year=2022) == ID + "document/21-nq-tw-2022"
    assert document_iri("39-CTr/TU", issuer_place="Tra Vinh", year=2022) == ID + "document/39-ctr-tu-tra-vinh-2022"


def test_document_iri_rules() -> None:
    # the place is dropped for national codes, the year when unknown or already in the code
    assert document_iri("21-NQ/TW", issuer_place="Ha Tinh", year=2022) == ID + "document/21-nq-tw-2022"
    assert document_iri("21-NQ/TW") == ID + "document/21-nq-tw"
    assert document_iri("39-CTr/TU", issuer_place="Trà Vinh") == ID + "document/39-ctr-tu-tra-vinh"
    assert document_iri("35/2024/NĐ-CP", year=2024) == ID + "document/35-2024-nd-cp"
    # spellings that differ only in separators, spaces, case or leading zeros meet
    assert document_iri("01/PA-BCA", year=2023) == document_iri("1 - PA/BCA", year=2023)
    assert code_slug("05-QĐi/TW") == "5-qdi-tw"
    assert document_iri("21-NQ/TW", year=2022, base="http://localhost:8000/id") == (
        "http://localhost:8000/id/document/21-nq-tw-2022")


@pytest.mark.parametrize(
    ("code", "place", "year"),
    [("39-CTr/TU", "Tra Vinh", 2022), ("39-CTr/TU", None, 2022), ("39-CTr/TU", "Ward 7", None),
     ("21-NQ/TW", None, None), ("35/2024/NĐ-CP", None, 2024)],
)
def test_parse_document_iri_inverts_document_iri(code: str, place: str | None, year: int | None) -> None:
    iri = document_iri(code, issuer_place=place, year=year)
    assert parse_document_iri(iri, code) == (slugify(place) if place else None, year)


def test_parse_document_iri_rejects_other_codes() -> None:
    assert parse_document_iri(document_iri("211-NQ/TW", year=2022), "21-NQ/TW") is None
    assert parse_document_iri(ID + "org/x", "21-NQ/TW") is None


def test_normalize_code_keeps_official_spelling() -> None:
    assert normalize_code(" 39 - CTr / TU ") == "39-CTr/TU"
    assert normalize_code("35/2024/NĐ\u2013CP") == "35/2024/NĐ-CP"


def test_source_iri_from_file_name_or_url() -> None:
    assert source_iri("000_1f49eed82ae6279f.txt") == ID + "source/000-1f49eed82ae6279f-txt"
    url = "https://www.baotravinh.vn/xay-dung-dang/a-b.html"
    assert source_iri(url) == ID + "source/baotravinh-vn-xay-dung-dang-a-b-html"
    long = source_iri("https://example.org/" + "x/" * 200)
    assert len(long.rsplit("/", 1)[-1]) <= 97 and long != source_iri("https://example.org/" + "x/" * 201)


def test_org_iri_scope_separates_generic_bodies() -> None:
    assert org_iri("Provincial Party Committee", scope="a.txt") != org_iri("Provincial Party Committee", scope="b.txt")
    assert org_iri("Ha Tinh Provincial Party Committee") == ID + "org/ha-tinh-provincial-party-committee"


def test_hashed_iris_are_stable_values() -> None:
    # Pinned: a change here renames every membership and evidence node in existing stores.
    assert content_hash("a", None, 1) == content_hash("a", "", "1")
    assert membership_iri(ID + "person/a", "r", ID + "org/b") == membership_iri(ID + "person/a", "r", ID + "org/b")
    assert membership_iri("p", "r", "o") == ID + "membership/" + content_hash("p", "r", "o")
    assert content_hash("p", "r", "o") == "1ad16d9e923fd699"
    assert evidence_iri("s", 1, 2).startswith(ID + "evidence/")
    assert evidence_iri("s", 1, 2) != evidence_iri("s", 1, 3)
