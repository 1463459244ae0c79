"""Document numbers in every written form and language, on sentences written for the tests.

The numbers, places and dates here appear in no development article: the cases test the grammar.
"""

from __future__ import annotations

import pytest

from graph.extract.documents import find_documents
from graph.text import prepare


def _docs(lang: str, text: str) -> list[tuple[str, str, str | None, str | None]]:
    seen: dict[int, tuple[str, str, str | None, str | None]] = {}
    for m in find_documents(prepare(text, lang), []):
        d = m.item
        seen.setdefault(id(d), (d.code, d.type, d.issuer, d.date))
    return list(seen.values())


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Vietnamese: "số" prefix, spaces around the dash, date after "ngày", issuer after "của"
        ("vi", "Thực hiện Nghị quyết số 45 - NQ/TW ngày 3/4/2019 của Bộ Chính trị về công tác dân vận.",
         [("45-NQ/TW", "resolution", "Politburo", "2019-04-03")]),
        ("vi", "Kế hoạch số 112-KH/TU ngày 12/9/2020 của Ban Thường vụ Tỉnh ủy Nghệ An.",
         [("112-KH/TU", "plan", "Standing Committee of Nghe An Provincial Party Committee", "2020-09-12")]),
        ("vi", "Quyết định số 2371/QĐ-UBND của tỉnh Lào Cai.", [("2371/QD-UBND", "decision", None, None)]),
        ("vi", "theo Nghị định 73/2023/NĐ-CP của Chính phủ", [("73/2023/ND-CP", "other", "Government", None)]),
        ("vi", "Đề án số 09-ĐA/TU của Tỉnh ủy Bắc Giang",
         [("09-DA/TU", "project", "Bac Giang Provincial Party Committee", None)]),
        ("vi", "Quy định số 205-QĐ/TW về kiểm soát quyền lực", [("205-QD/TW", "regulation", None, None)]),
        # Khmer: Khmer digits, លេខ prefix, ចុះថ្ងៃទី date, របស់ issuer
        ("km", "សេចក្តីសន្និដ្ឋានលេខ ៤២-KL/TW ចុះថ្ងៃទី ៥ ខែមីនា ឆ្នាំ ២០២០ របស់ការិយាល័យនយោបាយ។",
         [("42-KL/TW", "conclusion", "Politburo", "2020-03-05")]),
        ("km", "ផែនការលេខ ៧/KH-BCA របស់ក្រសួងសន្តិសុខសាធារណៈ។", [("7/KH-BCA", "plan", "Ministry of Public Security", None)]),
        ("km", "កម្មវិធីធ្វើសកម្មភាពលេខ ៥២-CTr/TU នៃគណៈកម្មាធិការបក្សខេត្ត Long An។",
         [("52-CTr/TU", "programme", "Long An Provincial Party Committee", None)]),
        # Thai: Thai digits and Buddhist-era years, หมายเลข prefix, ลงวันที่ date, ของ issuer
        ("th", "คำสั่งหมายเลข ๑๖-CT/TW ลงวันที่ 8 พฤษภาคม 2563 ของ สำนักเลขาธิการ",
         [("16-CT/TW", "directive", "Secretariat", "2020-05-08")]),
        ("th", "ข้อสรุปที่ 64-KL/TW ของกรมการเมือง", [("64-KL/TW", "conclusion", "Politburo", None)]),
        ("th", "แนวทางเลขที่ 03-HD/BTCTW", [("03-HD/BTCTW", "instruction", "Central Organization Commission", None)]),
        # English: "No.", en dash, "dated" + month-name date, possessive issuer before the number
        ("en", "the Secretariat's Directive No. 07 – CT/TW dated March 2, 2012 on party cells",
         [("07-CT/TW", "directive", "Secretariat", "2012-03-02")]),
        ("en", "Official Letter 301-CV/TU of the Standing Committee of the Provincial Party Committee",
         [("301-CV/TU", "official_letter", None, None)]),
        ("en", "Plan No. 88/KH-BCA dated 4 July 2022 of the Ministry of Public Security",
         [("88/KH-BCA", "plan", "Ministry of Public Security", "2022-07-04")]),
        # a party number written the state way goes back to the party shape
        ("en", "the Politburo issued Directive No. 09/CT-TW", [("09-CT/TW", "directive", "Politburo", None)]),
    ],
)
def test_numbers(lang: str, text: str, expected: list[tuple]) -> None:
    assert _docs(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a bare number joins the full number of the same type in the same text
        ("en", "Resolution 33-NQ/TW was issued in 2014. Resolution No. 33 set targets.", ["33-NQ/TW"]),
        ("km", "សេចក្តីសម្រេចចិត្តលេខ ៦៦-NQ/TW ... អនុវត្តសេចក្តីសម្រេចចិត្តលេខ ៦៦ ។", ["66-NQ/TW"]),
        # without a full number it stays as written
        ("en", "The Politburo signed Conclusion 204 on cadre work.", ["204"]),
        ("vi", "Ban Thường vụ Huyện ủy ban hành Chỉ thị số 08 về phòng cháy.", ["08"]),
        ("th", "ตามข้อสรุปที่ 71 ของกรมการเมือง", ["71"]),
        # numbers that are not document numbers
        ("en", "The plan 5 years ago and Resolution 2019 and 27/364 cells.", []),
        ("vi", "Kế hoạch 5 năm và 13/15 chỉ tiêu, nhiệm kỳ 2020-2025.", []),
        ("th", "แผน 5 ปี ในปี 2567", []),
    ],
)
def test_numbered_references(lang: str, text: str, expected: list[str]) -> None:
    assert [c for c, *_ in _docs(lang, text)] == expected


def test_partial_reference_type_must_agree() -> None:
    found = _docs("en", "Directive 12-CT/TU and Conclusion 12 of the Standing Committee.")
    assert [c for c, *_ in found] == ["12-CT/TU", "12"]


def test_mentions_share_one_document_and_carry_evidence() -> None:
    doc = prepare("Nghị quyết số 21-NQ/TU ... Nghị quyết 21-NQ/TU của Tỉnh ủy", "vi")
    mentions = find_documents(doc, [])
    assert len(mentions) == 2 and mentions[0].item is mentions[1].item
    assert len(mentions[0].item.evidence) == 2
    assert doc.original[mentions[0].item.evidence[0].start:mentions[0].item.evidence[0].end] == "21-NQ/TU"


def test_term_chooses_between_registry_documents_of_one_code() -> None:
    # 21-NQ/TW of the 12th term (2017, population) vs the 13th (2022): the term picks the title
    doc = prepare("Nghị quyết số 21-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa XII) về công tác dân số", "vi")
    (m,) = find_documents(doc, [])
    assert m.item.title == "on population work in the new situation"
    assert m.item.issuer == "Central Committee of the Communist Party of Vietnam"


def test_the_standing_board_before_its_committee_issues() -> None:
    """The standing board written before a committee named "of <place>" issues, not the committee in its name."""
    from graph.extract import extract

    text = "The Standing Board of the Provincial Party Committee of Kon Tum issued Directive No. 14-CT/TU."
    ext = extract(text, "en")
    assert [(d.code, d.issuer) for d in ext.documents] == [
        ("14-CT/TU", "Standing Committee of Kon Tum Provincial Party Committee")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Under Resolution 27-NQ/TW and Conclusion 64-KL/TW of the Party Central Committee, the province acted.",
     {"27-NQ/TW": "Central Committee of the Communist Party of Vietnam",
      "64-KL/TW": "Central Committee of the Communist Party of Vietnam"}),
    ("th", "ข้อสรุปหมายเลข 64-KL/TW และมติหมายเลข 27-NQ/TW ของกรมการเมือง",
     {"64-KL/TW": "Politburo", "27-NQ/TW": "Politburo"}),
    ("vi", "Bộ Chính trị và Ban Bí thư ban hành Kết luận số 64-KL/TW.", {"64-KL/TW": "Politburo"}),
])
def test_listed_numbers_share_their_issuer(lang: str, text: str, expected: dict[str, str]) -> None:
    """Numbers listed with "and" share the issuer after the last; a joint issue is named by its first body."""
    from graph.extract import extract

    assert {d.code: d.issuer for d in extract(text, lang).documents} == expected
