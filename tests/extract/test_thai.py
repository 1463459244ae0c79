"""Thai grammar: how Vietnamese state media's Thai services write bodies, posts and implementation.

Sentences written for the tests; the names appear in no article of the development set.
"""

from __future__ import annotations

import pytest

from graph.extract import extract


def _run(text: str) -> dict:
    return extract(text, lang="th").to_dict()


def _orgs(text: str) -> dict[str, str | None]:
    return {o["name"]: o.get("parent") for o in _run(text)["organizations"]}


def _posts(text: str) -> dict[str, set[tuple[str, str]]]:
    return {p["name"]: {(x["role"], x["organization"]) for x in p["posts"]} for p in _run(text)["people"]}


def _implements(text: str) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in _run(text)["relations"]["implements"]}


@pytest.mark.parametrize(("text", "expected"), [
    # "political party committee": the machine translation of Tỉnh ủy / Thành ủy
    ("คณะกรรมการพรรคการเมืองจังหวัด Ha Giang มีเซลล์พรรคกว่าพันแห่ง", {"Ha Giang Provincial Party Committee"}),
    ("คณะกรรมการประจำพรรคการเมืองนคร Hai Phong ได้มีมติ", {"Standing Committee of Hai Phong City Party Committee"}),
    # party committees directly under the Central Committee
    ("คณะกรรมการพรรคของรัฐบาล และคณะกรรมการพรรคสภาแห่งชาติ ได้ประชุม",
     {"Government Party Committee", "National Assembly Party Committee"}),
    ("นาย Vu Thanh Hai กรรมการคณะกรรมการแนวร่วมปิตุภูมิส่วนกลางเวียดนาม กล่าว",
     {"Central Committee of the Vietnam Fatherland Front"}),
    # a Thai-script district name with a silent initial อ ("บ๋าวเอียน" Bảo Yên)
    ("คณะกรรมการพรรคเขตบ๋าวเอียน ได้จัดการประชุม", {"Bao Yen District Party Committee"}),
])
def test_bodies(text: str, expected: set[str]) -> None:
    assert expected <= set(_orgs(text))


def test_local_government_party_committee_is_not_the_central_one() -> None:
    names = set(_orgs("คณะกรรมการพรรครัฐบาลเขต Thanh Mien ได้รับรางวัล"))
    assert "Government Party Committee" not in names


def test_numbered_hamlet_cell() -> None:
    assert "Hamlet 3 Party Cell" in _orgs("สหาย Dinh Van Son เข้าร่วมการประชุมเซลล์พรรคของหมู่บ้าน 3 ตำบล Vinh Phuc")


@pytest.mark.parametrize(("text", "name", "posts"), [
    ("สหาย Cam Van Toan กรรมการถาวรคณะกรรมการพรรคจังหวัด หัวหน้าคณะกรรมการตรวจสอบคณะกรรมการพรรคจังหวัด Son La",
     "Cam Van Toan", {("Member", "Standing Committee of Son La Provincial Party Committee"),
                      ("Head", "Inspection Commission of Son La Provincial Party Committee")}),
    ("นาย Lo Van Binh สมาชิกคณะกรรมการ ถาวร หัวหน้าคณะกรรมการระดมพลพรรคประจำจังหวัด Son La", "Lo Van Binh",
     {("Head", "Mass Mobilization Commission of Son La Provincial Party Committee")}),
    ("สหาย Ha Van Long หัวหน้าคณะกรรมการโฆษณาและการศึกษาคณะกรรมการพรรคจังหวัด Son La", "Ha Van Long",
     {("Head", "Propaganda Department of Son La Provincial Party Committee")}),
    ("สหาย Tran Duc Minh กรรมการกลางพรรค เลขาธิการพรรคจังหวัด Thai Binh", "Tran Duc Minh",
     {("Member", "Central Committee of the Communist Party of Vietnam"),
      ("Secretary", "Thai Binh Provincial Party Committee")}),
    ("สหาย Nguyen Hoai Nam สมาชิกสำรองของคณะกรรมการกลางพรรค รองเลขาธิการคณะกรรมการพรรคจังหวัด Binh Thuan",
     "Nguyen Hoai Nam", {("Alternate Member", "Central Committee of the Communist Party of Vietnam"),
                         ("Deputy Secretary", "Binh Thuan Provincial Party Committee")}),
    ("ท่าน Phan Van Khai เลขาธิการใหญ่พรรค ได้กล่าวปราศรัย", "Phan Van Khai",
     {("General Secretary", "Central Committee of the Communist Party of Vietnam")}),
    # a Thai-script name after the chain of posts, closed by a semicolon; "ด่งนาย" holds no honorific
    ("ผู้เข้าร่วม ได้แก่ เลขาธิการคณะกรรมการพรรคประจำจังหวัด หัวหน้าคณะผู้แทนรัฐสภาจังหวัดด่งนาย หวู่ ฮ่อง วัน; "
     "และผู้แทนอื่นๆ", "Vu Hong Van", {("Secretary", "Dong Nai Provincial Party Committee")}),
    ("รองเลขาธิการคณะกรรมการพรรคจังหวัด Binh Thuan เล กวาง ตุง; และผู้แทน", "Le Quang Tung",
     {("Deputy Secretary", "Binh Thuan Provincial Party Committee")}),
])
def test_posts(text: str, name: str, posts: set[tuple[str, str]]) -> None:
    people = _posts(text)
    assert name in people, people
    assert posts <= people[name], people[name]


def test_person_classifier_is_not_an_honorific() -> None:
    assert _run("คณะกรรมการประจำพรรคจังหวัด Nam Dinh มอบเกียรติบัตรให้แก่สหาย 4 ท่านที่เป็นเลขาธิการพรรค")["people"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("คณะกรรมการพรรคตำรวจจังหวัด Quang Tri ได้นำมติที่ 21-NQ/TW ของคณะกรรมการกลางพรรคไปปฏิบัติ",
     {("Quang Tri Provincial Police Party Committee", "21-NQ/TW")}),
    ("คณะกรรมการพรรคอำเภอ Gio Linh ได้ปฏิบัติมติที่ 21-NQ/TW อย่างจริงจัง",
     {("Gio Linh District Party Committee", "21-NQ/TW")}),
    ("ตามเจตนารมณ์ของมติที่ 57-NQ/TW คณะกรรมการพรรคจังหวัด Lao Cai ได้ออกแผนงานที่ 20-KH/TU",
     {("20-KH/TU", "57-NQ/TW"), ("Lao Cai Provincial Party Committee", "57-NQ/TW")}),
])
def test_implementing_phrases(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _implements(text)


@pytest.mark.parametrize("text", [
    "คณะกรรมการพรรคจังหวัด Lao Cai ได้ออกแผนปฏิบัติการที่ 15-KH/TU",  # ปฏิบัติ inside "action plan"
    "นาย Tran Van Nam ผู้นำมติที่ 57-NQ/TW",  # นำ inside "leader"
])
def test_words_inside_other_words_do_not_implement(text: str) -> None:
    assert _implements(text) == set()


def test_commune_parent_by_geography() -> None:
    text = ("คณะกรรมการพรรคจังหวัด Nghe An ได้ประชุม\nคณะกรรมการพรรคอำเภอ Nghi Loc และคณะกรรมการพรรคเมือง Vinh ได้รายงาน\n"
            "คณะกรรมการพรรคตำบล Nghi Thuan ได้จัดตั้งเซลล์พรรคใหม่")
    assert _orgs(text)["Nghi Thuan Commune Party Committee"] == "Nghi Loc District Party Committee"


def test_commune_right_under_its_province_since_2025() -> None:
    text = "คณะกรรมการพรรคจังหวัด Lao Cai ได้จัดการประชุม\nคณะกรรมการพรรคตำบล Bao Yen ได้ปฏิบัติตามมติที่ 21-NQ/TW"
    assert _orgs(text)["Bao Yen Commune Party Committee"] == "Lao Cai Provincial Party Committee"


def test_a_committee_word_left_generic_names_no_standing_member() -> None:
    text = "คณะกรรมการพรรคจังหวัด Thai Binh ได้ประชุม คณะกรรมการประจำพรรคอำเภอได้ออกแผน"
    assert "Standing Committee of Thai Binh Provincial Party Committee" not in _orgs(text)
