"""Organisation grammar in every language, on sentences written for the tests (names from no article)."""

from __future__ import annotations

import pytest

from graph.extract.organizations import find_organizations
from graph.text import prepare

CASES = [
    ("km", "គណៈកម្មាធិការបក្សស្រុក Thach Ha បានរៀបចំសន្និសីទ។", {"Thach Ha District Party Committee"}),
    ("km", "គណៈកម្មាធិការអចិន្ត្រៃយ៍នៃគណៈកម្មាធិការបក្សខេត្ត Nghe An បានប្រជុំ។",
     {"Standing Committee of Nghe An Provincial Party Committee", "Nghe An Provincial Party Committee"}),
    ("km", "គណៈកម្មាធិការបក្សនគរបាលខេត្ត Lang Son បានចេញផែនការ។", {"Lang Son Provincial Police Party Committee"}),
    ("km", "ក្រសួងសន្តិសុខសាធារណៈ និងគណៈកម្មាធិការមជ្ឈិមបក្ស។",
     {"Ministry of Public Security", "Central Committee of the Communist Party of Vietnam"}),
    ("th", "คณะกรรมการพรรคประจำจังหวัด Thai Binh จัดการประชุม", {"Thai Binh Provincial Party Committee"}),
    ("th", "คณะกรรมการพรรคทหาร คณะกรรมการพรรคเมือง Vinh Yen ได้รับรางวัล",
     {"Vinh Yen City Military Party Committee", "Vinh Yen City Party Committee"}),
    ("th", "ผู้นำสภาประชาชน คณะกรรมการประชาชนจังหวัด Ben Tre เข้าร่วม",
     {"Ben Tre Provincial People's Council", "Ben Tre Provincial People's Committee"}),
    ("vi", "Ban Thường vụ Tỉnh ủy Lào Cai đã họp.",
     {"Standing Committee of Lao Cai Provincial Party Committee", "Lao Cai Provincial Party Committee"}),
    ("vi", "Đảng ủy Công an tỉnh Sơn La tổ chức hội nghị.", {"Son La Provincial Police Party Committee"}),
    ("vi", "Đảng bộ xã Tân Phú có 40 chi bộ.", {"Tan Phu Commune Party Committee"}),
    ("en", "The Ca Mau Provincial Party Committee met on Monday.", {"Ca Mau Provincial Party Committee"}),
    ("en", "The Standing Committee of the Thai Nguyen Provincial Party Committee met.",
     {"Standing Committee of Thai Nguyen Provincial Party Committee", "Thai Nguyen Provincial Party Committee"}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_names(lang: str, text: str, expected: set[str]) -> None:
    names = {m.item.name for m in find_organizations(prepare(text, lang))}
    assert expected <= names


GENERIC = [
    ("km", "គណៈកម្មាធិការបក្សឃុំ និងសង្កាត់ ចាត់តាំងសមាជិក។"),
    ("th", "คณะกรรมการพรรคและองค์กรทุกระดับควรมุ่งเน้น"),
    ("vi", "Các Đảng ủy xã, phường cần thực hiện tốt."),
    ("en", "Commune and ward party committees must act."),
]


@pytest.mark.parametrize(("lang", "text"), GENERIC)
def test_generic_plurals_are_not_bodies(lang: str, text: str) -> None:
    assert [m.item.name for m in find_organizations(prepare(text, lang))] == []


SUBJECT = [
    ("km", "ខេត្ត Nghe An មានដំណោះស្រាយ។ គណៈកម្មាធិការបក្សខេត្តបានដឹកនាំ។", "Nghe An Provincial Party Committee"),
    ("th", "จังหวัด Thai Binh มีผลงาน คณะกรรมการพรรคประจำจังหวัดได้นำ", "Thai Binh Provincial Party Committee"),
    ("vi", "Tỉnh ủy Lào Cai họp. Tỉnh ủy đã chỉ đạo.", "Lao Cai Provincial Party Committee"),
    ("vi", "Tỉnh ủy đã chỉ đạo.", "Provincial Party Committee"),
    ("en", "Ca Mau province grew. The provincial Party Committee led it.", "Ca Mau Provincial Party Committee"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SUBJECT)
def test_generic_mention_refers_to_the_subject_place(lang: str, text: str, expected: str) -> None:
    names = [m.item.name for m in find_organizations(prepare(text, lang))]
    assert names and set(names) == {expected}


def test_kinds_levels_and_parents() -> None:
    doc = prepare("គណៈកម្មាធិការអចិន្ត្រៃយ៍នៃគណៈកម្មាធិការបក្សខេត្ត Nghe An បានប្រជុំ។", "km")
    orgs = {m.item.name: m.item for m in find_organizations(doc)}
    standing = orgs["Standing Committee of Nghe An Provincial Party Committee"]
    assert (standing.kind, standing.level, standing.parent) == (
        "party_standing_committee", "provincial", "Nghe An Provincial Party Committee")
    assert orgs["Nghe An Provincial Party Committee"].place == "Nghe An"
