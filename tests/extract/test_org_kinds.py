"""Kinds of bodies and their parents, in every language, on sentences written for the tests.

The names (places, companies, people) appear in no article of the dev or held-out sets, so these
tests exercise the grammar and the lexicons rather than remembered strings.
"""

from __future__ import annotations

import pytest

from graph.extract import extract
from graph.places import find_places
from graph.text import prepare


def _orgs(text: str, lang: str) -> dict[str, tuple[str, str | None, str | None]]:
    ext = extract(text, lang, {"doc": "t.txt"})
    return {o.name: (o.kind, o.level, o.parent) for o in ext.organizations}


KINDS = [
    # institution party committees are named after the institution, never after its kind word
    ("vi", "Đảng ủy Công ty Than Khe Chàm đã tổng kết năm.", "Than Khe Cham Company Party Committee",
     "party_committee"),
    ("vi", "Đảng ủy Tổng công ty Sông Đà triển khai nghị quyết.", "Song Da Corporation Party Committee",
     "party_committee"),
    ("vi", "Đảng ủy Cục Thuế tỉnh Lạng Sơn họp.", "Lang Son Provincial Tax Department Party Committee",
     "party_committee"),
    ("vi", "Đảng ủy Bệnh viện Đa khoa tỉnh Kon Tum họp.", "Kon Tum Provincial General Hospital Party Committee",
     "party_committee"),
    ("vi", "Đảng ủy Trường Đại học Tây Bắc họp.", "Tay Bac University Party Committee", "party_committee"),
    ("vi", "Chi bộ Công ty Thủy lợi Bắc Sông Mã họp.", "Thuy Loi Bac Song Ma Company Party Cell", "party_cell"),
    ("km", "គណៈកម្មាធិការបក្សក្រុមហ៊ុន Phu Gia បានប្រជុំ។", "Phu Gia Company Party Committee", "party_committee"),
    ("th", "คณะกรรมการพรรคบริษัท Phu Gia ได้ประชุม", "Phu Gia Company Party Committee", "party_committee"),
    ("en", "The Khe Cham Coal Company Party Committee met.", "Khe Cham Coal Company Party Committee",
     "party_committee"),
    ("en", "The Party Committee of Phu Gia Corporation met.", "Phu Gia Corporation Party Committee",
     "party_committee"),
    # central commissions named by a level word alone
    ("km", "គណៈកម្មាធិការរៀបចំមជ្ឈិមបានណែនាំ។", "Central Organization Commission", "party_department"),
    ("th", "คณะกรรมการตรวจสอบกลางได้แนะนำ", "Central Inspection Commission", "party_department"),
    ("vi", "Ban Nội chính Trung ương hướng dẫn.", "Central Internal Affairs Commission", "party_department"),
    # ministries, mass organisations, state bodies
    ("vi", "Bộ Tư pháp và Bộ Công Thương phối hợp.", "Ministry of Justice", "ministry"),
    ("th", "กระทรวงการต่างประเทศได้ประสานงาน", "Ministry of Foreign Affairs", "ministry"),
    ("km", "ក្រសួងយុត្តិធម៌បានសហការ។", "Ministry of Justice", "ministry"),
    ("vi", "Liên đoàn Lao động tỉnh Kon Tum phát động.", "Kon Tum Provincial Labour Federation", "mass_organization"),
    ("vi", "Hội Nông dân tỉnh Lạng Sơn phát động.", "Lang Son Provincial Farmers' Association", "mass_organization"),
    ("km", "សមាគមកសិករខេត្ត Lang Son បានចូលរួម។", "Lang Son Provincial Farmers' Association", "mass_organization"),
    ("en", "The Kon Tum Provincial Women's Union joined.", "Kon Tum Provincial Women's Union", "mass_organization"),
    ("vi", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lạng Sơn tuần tra.", "Lang Son Provincial Border Guard Command",
     "military"),
    ("vi", "Viện Kiểm sát nhân dân tỉnh Kon Tum tham dự.", "Kon Tum Provincial People's Procuracy", "other"),
    ("vi", "Đảng ủy Bộ đội Biên phòng tỉnh Lạng Sơn họp.", "Lang Son Provincial Border Guard Party Committee",
     "party_committee"),
]


@pytest.mark.parametrize(("lang", "text", "name", "kind"), KINDS)
def test_kinds(lang: str, text: str, name: str, kind: str) -> None:
    orgs = _orgs(text, lang)
    assert name in orgs, orgs
    assert orgs[name][0] == kind


def test_no_kind_word_taken_for_a_place() -> None:
    """"Đảng ủy Công ty X" once came out as "Cong Party Committee"."""
    names = set(_orgs("Đảng ủy Công ty Cổ phần Xi măng Bút Sơn họp.", "vi"))
    assert not any(n.startswith(("Cong ", "Tong ")) for n in names), names


STANDING = [
    ("th", "คณะกรรมการประจำพรรคอำเภอ Bao Lam ได้ประชุม", "Standing Committee of Bao Lam District Party Committee",
     "Bao Lam District Party Committee"),
    ("km", "គណៈកម្មាធិការអចិន្ត្រៃយ៍បក្សស្រុក Bao Lam បានប្រជុំ។",
     "Standing Committee of Bao Lam District Party Committee", "Bao Lam District Party Committee"),
]


@pytest.mark.parametrize(("lang", "text", "name", "parent"), STANDING)
def test_standing_committee_with_its_own_place(lang: str, text: str, name: str, parent: str) -> None:
    orgs = _orgs(text, lang)
    assert name in orgs, orgs
    assert orgs[name][2] == parent


def test_numbered_cells_belong_to_the_ward_the_article_is_about() -> None:
    text = ("Đảng ủy phường Quang Trung có 9 chi bộ. Chi bộ 4 được thành lập từ 2 chi bộ (4A và 4B).")
    orgs = _orgs(text, "vi")
    for n in ("4", "4A", "4B"):
        name = f"Quang Trung Ward Party Cell {n}"
        assert name in orgs, orgs
        assert orgs[name][2] == "Quang Trung Ward Party Committee"


def test_central_party_committees_sit_under_the_central_committee() -> None:
    orgs = _orgs("Đảng ủy Quốc hội và Ban Chấp hành Trung ương Đảng đã thống nhất.", "vi")
    assert orgs["National Assembly Party Committee"][2] == "Central Committee of the Communist Party of Vietnam"


ENGLISH = [
    ("The Son La Provincial Police Party Committee met.", {"Son La Provincial Police Party Committee"},
     {"Son La Provincial Police"}),
    ("The Bao Lam District Party Committee of Lam Dong province met.", {"Bao Lam District Party Committee"},
     {"Lam Dong District Party Committee"}),
    ("The Party Committee of Ba Dinh Ward met.", {"Ba Dinh Ward Party Committee"},
     {"Ba Dinh District Party Committee"}),
    ("The Party Committee of the Son La provincial police met.", {"Son La Provincial Police Party Committee"},
     {"Son La Provincial Party Committee"}),
    ("Son La Province's Party Committee met.", {"Son La Provincial Party Committee"}, set()),
]


@pytest.mark.parametrize(("text", "present", "absent"), ENGLISH)
def test_english_phrases(text: str, present: set[str], absent: set[str]) -> None:
    names = set(_orgs(text, "en"))
    assert present <= names, names
    assert not (absent & names), names


MONTHS = [
    ("km", "នៅខែមេសា ឆ្នាំ ២០២៥ គណៈកម្មាធិការបក្សខេត្ត Lang Son បានប្រជុំ។"),
    ("th", "เมื่อเดือนเมษายน 2568 คณะกรรมการพรรคจังหวัด Lang Son ได้ประชุม"),
]


@pytest.mark.parametrize(("lang", "text"), MONTHS)
def test_month_names_are_never_places(lang: str, text: str) -> None:
    names = {m.item.name for m in find_places(prepare(text, lang))}
    assert names == {"Lang Son"}, names


def test_script_place_starting_with_y() -> None:
    """Thai and Khmer write the Vietnamese initial "Y" as the consonant y ("Yên" as เยน)."""
    names = {m.item.name for m in find_places(prepare("คณะกรรมการพรรคอำเภอเยนถั่น จัดการประชุม", "th"))}
    assert "Yen Thanh" in names


def test_legal_form_is_not_part_of_an_enterprise_name() -> None:
    names = set(_orgs("Đảng ủy Công ty TNHH MTV Cao su Phú Riềng họp.", "vi"))
    assert "Cao Su Phu Rieng Company Party Committee" in names, names


def test_cells_of_a_district_are_a_category() -> None:
    """Party cells sit in villages and units; "the party cells of X district" names no one cell."""
    names = set(_orgs("Chi bộ huyện Bảo Lâm đều đạt trong sạch vững mạnh.", "vi"))
    assert not any(n.endswith("Party Cell") for n in names), names
