"""Normalisation, offsets, language detection and sentence splitting, in every script."""

from __future__ import annotations

import pytest

from graph.lang import available, load_pack
from graph.text import detect_language, fold, normalise, prepare, split_sentences


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("លេខ ៤៥ – KL/TW", "លេខ 45 - KL/TW"),  # Khmer digits, en dash
        ("ที่ ๑๒/๒๕๖๗", "ที่ 12/2567"),  # Thai digits
        ("Nghi\u0300 quyê\u0301t", "Nghì quyết"),  # decomposed Vietnamese composes
        ("a\u200bb\u00a0c", "ab c"),  # zero-width dropped, no-break space to space
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    text, offsets = normalise(raw)
    assert text == expected
    assert len(offsets) == len(text) + 1
    assert offsets[-1] == len(raw)
    assert offsets == sorted(offsets)


def test_offsets_map_a_span_back_to_the_original_text() -> None:
    raw = "Nghi\u0300 quyê\u0301t số ១២-NQ/TU"
    doc = prepare(raw, lang="vi")
    start = doc.text.index("12-NQ/TU")
    o_start, o_end = doc.original_span(start, start + len("12-NQ/TU"))
    assert raw[o_start:o_end] == "១២-NQ/TU"
    evidence = doc.evidence(start, start + 8, rule="code")
    assert evidence.sentence == raw and (evidence.start, evidence.end) == (o_start, o_end)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("គណៈកម្មាធិការបក្សខេត្ត Bac Lieu បានប្រជុំ", "km"),
        ("คณะกรรมการพรรคจังหวัด Lao Cai จัดการประชุม", "th"),
        ("Ban Thường vụ Tỉnh ủy Lào Cai ban hành kế hoạch", "vi"),
        ("Dừng bổ sung ủy viên\nThe Lao Cai Provincial Party Committee held a meeting on the plan for the year.", "en"),
        ("12345 !!!", "und"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_fold_handles_d_with_stroke_and_tones() -> None:
    assert fold("Đảng ủy phường Điện Biên") == "Dang uy phuong Dien Bien"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("km", "ប្រយោគទីមួយ។ ប្រយោគទីពីរ៕\nKommentar (0)", ["ប្រយោគទីមួយ។", "ប្រយោគទីពីរ៕"]),
        ("th", "บรรทัดแรก มีช่องว่าง\nบรรทัดที่สอง", ["บรรทัดแรก มีช่องว่าง", "บรรทัดที่สอง"]),
        ("vi", "Ông Lê Văn An, TP. Huế phát biểu. Hội nghị kết thúc.", ["Ông Lê Văn An, TP. Huế phát biểu.",
                                                                        "Hội nghị kết thúc."]),
        ("en", "Mr. Le Van An spoke on Resolution No. 12-NQ/TU. It ended at 3.30 pm.",
         ["Mr. Le Van An spoke on Resolution No. 12-NQ/TU.", "It ended at 3.30 pm."]),
    ],
)
def test_split_sentences(lang: str, text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text, load_pack(lang))] == expected


def test_every_language_pack_has_the_same_core_files() -> None:
    packs = available()
    assert {"km", "th", "vi", "en"} <= set(packs)
    for code in packs:
        pack = load_pack(code)
        assert pack.code == code
        assert "vietnamese_tag" in pack.meta
        assert pack.data("boilerplate") is not None


def test_unknown_language_gets_the_language_independent_pack() -> None:
    assert load_pack("fr").code == "und"
