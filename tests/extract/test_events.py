"""Events with organiser, date and implemented documents in every language (sentences written for the tests)."""

from __future__ import annotations

import pytest

from graph.extract import extract

CASES = [
    ("km", "នាថ្ងៃទី ៥ ខែមីនា ឆ្នាំ ២០២៤ គណៈកម្មាធិការបក្សស្រុក Thach Ha បានរៀបចំសន្និសីទដើម្បីអនុវត្តសេចក្តីសម្រេចចិត្តលេខ ១៨-NQ/TW។",
     "Thach Ha District Party Committee", "2024-03-05"),
    ("th", "เมื่อวันที่ 5 มีนาคม 2567 คณะกรรมการพรรคเขต Thach Ha จัดการประชุมเพื่อปฏิบัติตามคำสั่งหมายเลข 12-CT/TW",
     "Thach Ha District Party Committee", "2024-03-05"),
    ("vi", "Ngày 12/5/2024, Đảng bộ xã Tân Phú tổ chức Đại hội đại biểu lần thứ II.",
     "Tan Phu Commune Party Committee", "2024-05-12"),
    ("en", "On May 3, 2024, the Ca Mau Provincial Party Committee held a conference to implement Resolution 18-NQ/TW.",
     "Ca Mau Provincial Party Committee", "2024-05-03"),
]


@pytest.mark.parametrize(("lang", "text", "organizer", "date"), CASES)
def test_organizer_and_date(lang: str, text: str, organizer: str, date: str) -> None:
    events = extract(text, lang).events
    assert any(e.organizer == organizer and e.date == date for e in events)


def test_event_documents_are_implemented_by_the_organiser() -> None:
    ext = extract(CASES[1][1], "th")
    assert any("12-CT/TW" in e.implements for e in ext.events)
    assert ["Thach Ha District Party Committee", "12-CT/TW"] in [r.to_list()[:2] for r in ext.relations["implements"]]


def test_partner_is_not_the_organiser() -> None:
    text = "Sở Y tế tỉnh Lào Cai phối hợp với Hội Nông dân tỉnh Lào Cai tổ chức hội nghị ngày 2/3/2024."
    assert [e.organizer for e in extract(text, "vi").events] == ["Lao Cai Department of Health"]


@pytest.mark.parametrize(("lang", "text", "organizer"), [
    ("vi", "Ngày 12/5/2024, Ban Thường vụ Tỉnh ủy Gia Lai tổ chức hội nghị sơ kết Nghị quyết số 18-NQ/TW.",
     "Standing Committee of Gia Lai Provincial Party Committee"),
    ("en", "On May 3, 2024, the Standing Committee of the Gia Lai Provincial Party Committee held a conference.",
     "Standing Committee of Gia Lai Provincial Party Committee"),
    ("km", "នាថ្ងៃទី ៥ ខែមីនា ឆ្នាំ ២០២៤ គណៈកម្មាធិការអចិន្ត្រៃយ៍នៃគណៈកម្មាធិការបក្សខេត្ត Gia Lai បានរៀបចំសន្និសីទ។",
     "Standing Committee of Gia Lai Provincial Party Committee"),
    ("th", "เมื่อวันที่ 5 มีนาคม 2567 คณะกรรมการประจำคณะกรรมการพรรคประจำจังหวัด Gia Lai จัดการประชุม",
     "Standing Committee of Gia Lai Provincial Party Committee"),
])
def test_standing_committee_organises_not_the_committee_in_its_name(lang: str, text: str, organizer: str) -> None:
    assert [e.organizer for e in extract(text, lang).events] == [organizer]
