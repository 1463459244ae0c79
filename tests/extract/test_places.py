"""Places in every script, resolved to the gazetteer, with the containment the text allows."""

from __future__ import annotations

import pytest

from graph.places import find_places, located_in, main_place, resolve_place
from graph.text import prepare


def _places(lang: str, text: str) -> dict[str, tuple[str | None, str | None]]:
    out: dict[str, tuple[str | None, str | None]] = {}
    for m in find_places(prepare(text, lang)):
        out.setdefault(m.item.name, (m.item.type, m.item.parent))
    return out


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("vi", "Đảng ủy xã Nghi Long, huyện Nghi Lộc, tỉnh Nghệ An tổ chức hội nghị.",
         {"Nghi Long": ("commune", "Nghi Loc"), "Nghi Loc": ("district", "Nghe An"), "Nghe An": ("province", None)}),
        ("vi", "Huyện ủy Mỹ Đức (Hà Nội) chỉ đạo các xã Hợp Thanh, Phù Lưu Tế và An Mỹ.",
         {"My Duc": ("district", "Ha Noi"), "Ha Noi": ("city", None), "Hop Thanh": ("commune", "My Duc"),
          "Phu Luu Te": ("commune", "My Duc"), "An My": ("commune", "My Duc")}),
        ("vi", "Chi bộ thôn Đông Hà và tổ dân phố 5, phường Trần Phú, thành phố Hà Tĩnh",
         {"Dong Ha": ("village", None), "Group 5": ("residential_group", "Tran Phu"),
          "Tran Phu": ("ward", "Ha Tinh City"), "Ha Tinh City": ("city", None)}),
        ("en", "Officials of Lang Son Province and Cao Loc District met in Lang Son City.",
         {"Lang Son": ("province", None), "Cao Loc": ("district", "Lang Son"),
          "Lang Son City": ("city", "Lang Son")}),
        ("km", "គណៈកម្មាធិការបក្សស្រុក Tieu Can ខេត្តត្រាវិញ", {"Tieu Can": ("district", "Tra Vinh"),
                                                          "Tra Vinh": ("province", None)}),
        ("km", "ក្រឡាបក្សភូមិ Ba Se (ឃុំ Luong Hoa ស្រុក Chau Thanh)",
         {"Ba Se": ("village", "Luong Hoa"), "Luong Hoa": ("commune", "Chau Thanh"), "Chau Thanh": ("district", None)}),
        ("km", "សង្កាត់ទី ៤ ទីក្រុងសុកត្រាំង", {"Ward 4": ("ward", "Soc Trang City"),
                                           "Soc Trang City": ("city", None)}),
        ("th", "คณะกรรมการพรรคประจำจังหวัด กว๋างนาม และเมืองฮอยอัน",
         {"Quang Nam": ("province", None), "Hoi An": ("city", "Quang Nam")}),
        ("th", "คณะกรรมการพรรคเขตทุยเงวียนจัดการประชุม", {"Thuy Nguyen": ("city", None)}),  # a city since 2025
        # a person named like a place is not a place
        ("en", "studying President Ho Chi Minh's example", {}),
        ("th", "อุดมการณ์ของโฮจิมินห์", {}),
    ],
)
def test_find_places(lang: str, text: str, expected: dict) -> None:
    assert _places(lang, text) == expected


@pytest.mark.parametrize(
    ("surface", "lang", "kwargs", "expected"),
    [
        ("Yên Bái", "vi", {}, ("Yen Bai", "province")),
        ("Quang Binhh", "en", {}, ("Quang Binh", "province")),  # a typo
        ("Hanoi", "en", {}, ("Ha Noi", "city")),
        ("HCMC", "en", {}, ("Ho Chi Minh City", "city")),
        ("ហាទីញ", "km", {}, ("Ha Tinh", "province")),
        ("ក្វាងង៉ាយ", "km", {}, ("Quang Ngai", "province")),
        ("ท้ายบิ่ญ", "th", {}, ("Thai Binh", "province")),
        ("เหงะอาน", "th", {}, ("Nghe An", "province")),
        ("ด่งหอย", "th", {"level": "district"}, ("Dong Hoi", "city")),  # by sound, not in the curated list
        ("Tra Vinh", "vi", {"level": "city"}, ("Tra Vinh City", "city")),
        ("Điện Biên", "vi", {"level": "ward", "within": "Thanh Hoa"}, ("Dien Bien", "ward")),
        ("ខ្ញុំ", "km", {}, None),
    ],
)
def test_resolve_place(surface: str, lang: str, kwargs: dict, expected: tuple | None) -> None:
    place = resolve_place(surface, lang, **kwargs)
    assert (None if place is None else (place.name, place.type)) == expected


def test_main_place_and_located_in() -> None:
    doc = prepare("Tỉnh ủy Thái Bình ... huyện Kiến Xương, tỉnh Thái Bình ... xã Quang Trung", "vi")
    assert main_place(doc).name == "Thai Binh"
    assert ("Kien Xuong", "Thai Binh") in located_in(find_places(doc))
