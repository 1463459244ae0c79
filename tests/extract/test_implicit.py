"""Documents named by plenum and term instead of by number, in every language."""

from __future__ import annotations

import pytest

from graph.extract.implicit import find_implicit_references, roman, terms_near
from graph.text import prepare


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("vi", "quán triệt Nghị quyết Hội nghị Trung ương 6 khóa XII về công tác dân số", ["21-NQ/TW"]),
        ("vi", "Kết luận Hội nghị Trung ương 4 khóa XIII về xây dựng, chỉnh đốn Đảng", ["21-KL/TW"]),
        ("vi", "Nghị quyết Trung ương 4 (khóa XI, XII) về xây dựng, chỉnh đốn Đảng", ["12-NQ/TW", "04-NQ/TW"]),
        ("en", "the resolution of the 8th plenum of the 13th Party Central Committee on intellectuals", ["45-NQ/TW"]),
        ("en", "the Resolution of the 7th Central Conference (12th term) on social insurance", ["28-NQ/TW"]),
        ("km", "សេចក្តីសម្រេចចិត្តនៃសន្និសីទមជ្ឈិមលើកទី៦ (អាណត្តិទី១២) ស្តីពីប្រជាសាស្ត្រ", ["21-NQ/TW"]),
        ("km", "សេចក្តីសម្រេចចិត្តនៃសន្និសីទមជ្ឈិមលើកទី៤ (អាណត្តិទី XII) ស្តីពីការកសាងបក្ស", ["04-NQ/TW"]),
        ("th", "มติการประชุมคณะกรรมการกลางพรรคครั้งที่ 5 สมัยที่ 13 ว่าด้วยเศรษฐกิจส่วนรวม", ["20-NQ/TW"]),
        ("th", "มติการประชุมกลางครั้งที่ 8 สมัยที่ 12 ว่าด้วยเศรษฐกิจทางทะเล", ["36-NQ/TW"]),  # the plenum's one resolution
    ],
)
def test_plenum_references(lang: str, text: str, expected: list[str]) -> None:
    assert [m.item for m in find_implicit_references(prepare(text, lang))] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "At the 5th plenum, delegates discussed land."),  # a meeting, not a document
        ("vi", "Nghị quyết Trung ương 5 về đất đai"),  # no term: which 5th plenum?
        ("th", "มติการประชุมกลางครั้งที่ 4"),
    ],
)
def test_ambiguous_references_resolve_to_nothing(lang: str, text: str) -> None:
    assert find_implicit_references(prepare(text, lang)) == []


def test_roman_and_terms() -> None:
    assert [roman(r) for r in ("XI", "XII", "XIII", "XIV", "ABC")] == [11, 12, 13, 14, None]
    doc = prepare("Ban Chấp hành Trung ương (khóa XIII)", "vi")
    assert terms_near(doc, 0, len(doc.text)) == {13}
