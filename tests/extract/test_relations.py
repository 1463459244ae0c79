"""Implementation links: subject attribution in every language (sentences written for the tests)."""

from __future__ import annotations

import pytest

from graph.extract import extract


def _implements(lang: str, text: str) -> set[tuple[str, str]]:
    return {(r.subject, r.object) for r in extract(text, lang).relations["implements"]}


CASES = [
    ("km", "គណៈកម្មាធិការបក្សខេត្ត Nghe An ដាក់ពង្រាយដើម្បីអនុវត្តសេចក្តីសម្រេចចិត្តលេខ ១៨-NQ/TW នៃគណៈកម្មាធិការមជ្ឈិមបក្ស។",
     {("Nghe An Provincial Party Committee", "18-NQ/TW")}),
    ("th", "คณะกรรมการพรรคประจำจังหวัด Thai Binh เพื่อปฏิบัติตามมติหมายเลข 18-NQ/TW ของคณะกรรมการกลางพรรค",
     {("Thai Binh Provincial Party Committee", "18-NQ/TW")}),
    ("vi", "Huyện ủy Thạch Hà triển khai thực hiện Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương.",
     {("Thach Ha District Party Committee", "18-NQ/TW")}),
    ("en", "The Ca Mau Provincial Party Committee issued Programme 05-CTr/TU on implementing Resolution 18-NQ/TW.",
     {("05-CTr/TU", "18-NQ/TW"), ("Ca Mau Provincial Party Committee", "18-NQ/TW")}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_implements(lang: str, text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _implements(lang, text)


@pytest.mark.parametrize(("lang", "text"), [
    ("vi", "Quán triệt và thực hiện Kết luận số 14-KL/TW của Bộ Chính trị, các cấp ủy đã vào cuộc."),
    ("en", "Party committees at all levels must implement Directive 24-CT/TW of the Politburo."),
])
def test_issuers_and_plural_subjects_do_not_implement(lang: str, text: str) -> None:
    assert _implements(lang, text) == set()


def test_relation_carries_its_evidence() -> None:
    text = "Huyện ủy Thạch Hà triển khai thực hiện Nghị quyết số 18-NQ/TW."
    rel = extract(text, "vi").relations["implements"][0]
    ev = rel.evidence[0]
    assert "18-NQ/TW" in text[ev.start:ev.end] and ev.sentence.startswith("Huyện ủy")
