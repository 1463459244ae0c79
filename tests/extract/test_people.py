"""Names, honorifics, ranks and chains of posts in every language (sentences written for the tests)."""

from __future__ import annotations

import pytest

from graph.extract.organizations import find_organizations
from graph.extract.people import find_people
from graph.text import prepare


def _people(lang: str, text: str) -> dict[str, set[tuple[str, str | None]]]:
    doc = prepare(text, lang)
    people, _ = find_people(doc, find_organizations(doc))
    out: dict[str, set[tuple[str, str | None]]] = {}
    for m in people:
        out.setdefault(m.item.name, set()).update((p.role, p.organization) for p in m.item.posts)
    return out


CASES = [
    ("km", "សមមិត្ត Pham Van Hoa លេខាគណៈកម្មាធិការបក្សស្រុក Thach Ha បានមានប្រសាសន៍។",
     "Pham Van Hoa", {("Secretary", "Thach Ha District Party Committee")}),
    ("km", "យោងតាមប្រធានគណៈកម្មាធិការប្រជាជនខេត្ត Nghe An លោក Dinh Quang Minh ខេត្តនឹងបន្ត។",
     "Dinh Quang Minh", {("Chairman", "Nghe An Provincial People's Committee")}),
    ("km", "លោកវរសេនីយ៍ឯក Le Van Binh លេខាបក្ស និងជាប្រធាននគរបាលខេត្ត Lang Son បានថ្លែង។",
     "Le Van Binh", {("Rank: Colonel", "Lang Son Provincial Police"), ("Director", "Lang Son Provincial Police"),
                     ("Secretary", "Lang Son Provincial Police Party Committee")}),
    ("th", "สหาย Vo Thi Lan รองเลขาธิการคณะกรรมการพรรคประจำจังหวัด Thai Binh ประธานสภาประชาชนจังหวัด เข้าร่วมการประชุม",
     "Vo Thi Lan", {("Deputy Secretary", "Thai Binh Provincial Party Committee"),
                    ("Chairman", "Thai Binh Provincial People's Council")}),
    ("th", "คณะกรรมการพรรคเขต Thach Ha จัดการประชุม\nสหาย Ngo Minh Tuan รองเลขาธิการคณะกรรมการพรรคเขตถาวร ได้แนะนำ",
     "Ngo Minh Tuan", {("Standing Deputy Secretary", "Thach Ha District Party Committee")}),
    ("vi", "Dự hội nghị có đồng chí Trịnh Văn Nam - Ủy viên Ban Thường vụ Tỉnh ủy Lào Cai, Chủ tịch UBND tỉnh.",
     "Trinh Van Nam", {("Member", "Standing Committee of Lao Cai Provincial Party Committee"),
                       ("Chairman", "Lao Cai Provincial People's Committee")}),
    ("en", "Mr. Hoang Van Son, Secretary of the Ca Mau Provincial Party Committee, said the plan works.",
     "Hoang Van Son", {("Secretary", "Ca Mau Provincial Party Committee")}),
    ("en", "Standing Member of the Secretariat Luong Cuong signed the document.",
     "Luong Cuong", {("Standing Member", "Secretariat")}),
]


@pytest.mark.parametrize(("lang", "text", "name", "posts"), CASES)
def test_posts(lang: str, text: str, name: str, posts: set[tuple[str, str | None]]) -> None:
    people = _people(lang, text)
    assert name in people
    assert posts <= people[name]


def test_places_are_not_people() -> None:
    assert _people("km", "ក្រឡាបក្សភូមិ Tan Hoa (ឃុំ Phu Loc) មានការបង្កើតថ្មី។") == {}


def test_names_fold_to_ascii_family_name_first() -> None:
    assert "Do Thi Mai Anh" in _people("vi", "Đồng chí Đỗ Thị Mai Anh phát biểu tại hội nghị.")
