"""Vietnamese bodies, posts and implementers as real news writes them (sentences written for the tests)."""

from __future__ import annotations

import pytest

from graph.extract import extract


def _posts(text: str) -> dict[str, set[tuple[str, str | None]]]:
    out: dict[str, set[tuple[str, str | None]]] = {}
    for p in extract(text, lang="vi").to_dict()["people"]:
        out.setdefault(p["name"], set()).update((x["role"], x["organization"]) for x in p.get("posts", []))
    return out


POSTS = [
    # a level-bearing Youth Union head ("Tỉnh đoàn" is the provincial Youth Union)
    ("Tỉnh Điện Biên. Ông Giàng A Chử, Bí thư Tỉnh đoàn, phát biểu.",
     "Giang A Chu", {("Secretary", "Dien Bien Provincial Youth Union")}),
    # "UVTV" abbreviates a member of the standing committee
    ("Tỉnh Sơn La. Đồng chí Cầm Văn Đôi, UVTV Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh chủ trì.",
     "Cam Van Doi", {("Member", "Standing Committee of Son La Provincial Party Committee"),
                     ("Chairman", "Son La Provincial Fatherland Front Committee")}),
    # "Phó Ban" + the commission's own head word
    ("Tỉnh Kon Tum. Bà Y Thị Blơng, Phó Ban Tuyên giáo Tỉnh ủy, trình bày báo cáo.",
     "Y Thi Blong", {("Deputy Head", "Propaganda Department of Kon Tum Provincial Party Committee")}),
    # a standing member whose next post is a local police chief sits on the ward party committee's standing committee
    ("Đảng ủy phường Tân Mai họp. Đồng chí Lỗ Văn Tùng - UVBTV, Trưởng Công an phường Tân Mai phát biểu.",
     "Lo Van Tung", {("Member", "Standing Committee of Tan Mai Ward Party Committee"),
                     ("Director", "Tan Mai Ward Police")}),
    # "Ủy viên Ban Thường vụ Đảng ủy" is one post; the front chairmanship after it is kept
    ("Xã Quỳnh Lưu họp. Ông Âu Văn Khoa, Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch Ủy ban MTTQ Việt Nam xã Quỳnh Lưu "
     "trình bày.",
     "Au Van Khoa", {("Member", "Standing Committee of Quynh Luu Commune Party Committee"),
                     ("Chairman", "Quynh Luu Commune Fatherland Front Committee")}),
    # a post taken by election belongs to the person whose posts were just named
    ("Xã Quỳnh Lưu họp. Kết quả, ông Mẫn Đức Thọ, Bí thư Đảng ủy xã được bầu giữ chức Chủ tịch HĐND xã Quỳnh Lưu.",
     "Man Duc Tho", {("Secretary", "Quynh Luu Commune Party Committee"),
                     ("Chairman", "Quynh Luu Commune People's Council")}),
    # "Phó BT" abbreviates a deputy secretary
    ("Xã Quỳnh Lưu họp. Dự có ông Ninh Văn Hòa, Phó BT Đảng ủy, Chủ tịch UBND xã Quỳnh Lưu.",
     "Ninh Van Hoa", {("Deputy Secretary", "Quynh Luu Commune Party Committee"),
                      ("Chairman", "Quynh Luu Commune People's Committee")}),
    # "UVTƯ Đảng": the party word stays with the central-member title, the chain goes on
    ("Tỉnh Bắc Kạn. Đồng chí Hứa Văn Bình, UVTƯ Đảng, Bí thư Tỉnh ủy dự hội nghị.",
     "Hua Van Binh", {("Member", "Central Committee of the Communist Party of Vietnam"),
                      ("Secretary", "Bac Kan Provincial Party Committee")}),
]


@pytest.mark.parametrize("text,name,posts", POSTS)
def test_vi_posts(text: str, name: str, posts: set[tuple[str, str | None]]) -> None:
    assert posts <= _posts(text).get(name, set())


def test_vi_town_member_and_ward_abbreviation() -> None:
    """"Thị ủy viên" is a member of the town committee; "P." abbreviates "phường" before a ward's name."""
    text = ("Thị xã Hoàng Mai. Đồng chí Thân Văn Lực - Thị ủy viên, Bí thư Đảng ủy phường Quỳnh Thiện dự.\n\n"
            "Đảng bộ P. Quỳnh Thiện đã triển khai thực hiện Nghị quyết số 07-NQ/TU của Thị ủy Hoàng Mai.")
    out = extract(text, lang="vi").to_dict()
    names = {o["name"] for o in out["organizations"]}
    assert "Quynh Thien Ward Party Committee" in names
    assert not any(n.startswith("P ") for n in names)
    assert ("Member", "Hoang Mai Town Party Committee") in _posts(text)["Than Van Luc"]
    assert ["Quynh Thien Ward Party Committee", "07-NQ/TU"] in [r[:2] for r in out["relations"]["implements"]]


def test_vi_issuer_chain_stops_at_sentence_end() -> None:
    """The body opening a sentence is its subject even when the previous sentence ended with a central issuer."""
    text = ("Tỉnh Cao Bằng.\n\nĐảng ủy Công an tỉnh đã triển khai Chỉ thị số 05-CT/TW của Bộ Chính trị.\n\n"
            "Đảng ủy Khối các cơ quan tỉnh tổ chức sơ kết 3 năm thực hiện Nghị quyết số 21-NQ/TW.")
    rels = [r[:2] for r in extract(text, lang="vi").to_dict()["relations"]["implements"]]
    assert ["Cao Bang Provincial Agencies Bloc Party Committee", "21-NQ/TW"] in rels
    assert ["Cao Bang Provincial Police Party Committee", "21-NQ/TW"] not in rels
