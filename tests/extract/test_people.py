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


# Ranks other than Colonel keep every post; the rank names the force the officer serves in, or none.
RANKS = [
    ("vi", "Thiếu tướng Khúc Văn Đoàn, Ủy viên BTV Tỉnh ủy, Bí thư Đảng ủy, Giám đốc Công an tỉnh Gia Lai phát biểu.",
     "Khuc Van Doan", {("Rank: Major General", "Gia Lai Provincial Police"),
                       ("Member", "Standing Committee of Gia Lai Provincial Party Committee"),
                       ("Secretary", "Gia Lai Provincial Police Party Committee"),
                       ("Director", "Gia Lai Provincial Police")}),
    ("vi", "Thượng tá Tống Thanh Hải, Phó Giám đốc Công an tỉnh Kon Tum dự hội nghị.",
     "Tong Thanh Hai", {("Rank: Senior Lieutenant Colonel", "Kon Tum Provincial Police"),
                        ("Deputy Director", "Kon Tum Provincial Police")}),
    ("vi", "Trung tá Triệu Văn Lương, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Kon Tum báo cáo.",
     "Trieu Van Luong", {("Rank: Lieutenant Colonel", "Kon Tum Provincial Military Command"),
                         ("Commander", "Kon Tum Provincial Military Command")}),
    ("km", "ឧត្តមសេនីយ៍ត្រី Khuc Van Doan អនុប្រធាននគរបាលខេត្ត Gia Lai បានថ្លែង។",
     "Khuc Van Doan", {("Rank: Major General", "Gia Lai Provincial Police"),
                       ("Deputy Director", "Gia Lai Provincial Police")}),
    ("km", "វរសេនីយ៍ទោ Tong Thanh Hai លេខាគណៈកម្មាធិការបក្ស និងជាប្រធាននគរបាលខេត្ត Kon Tum បានថ្លែង។",
     "Tong Thanh Hai", {("Rank: Lieutenant Colonel", "Kon Tum Provincial Police"),
                        ("Secretary", "Kon Tum Provincial Police Party Committee"),
                        ("Director", "Kon Tum Provincial Police")}),
    ("th", "พลตรี Khuc Van Doan ผู้บัญชาการตำรวจจังหวัด Gia Lai กล่าว",
     "Khuc Van Doan", {("Rank: Major General", "Gia Lai Provincial Police"),
                       ("Director", "Gia Lai Provincial Police")}),
    ("th", "พันโท Tong Thanh Hai รองผู้อำนวยการตำรวจจังหวัด Kon Tum กล่าว",
     "Tong Thanh Hai", {("Rank: Lieutenant Colonel", "Kon Tum Provincial Police"),
                        ("Deputy Director", "Kon Tum Provincial Police")}),
    ("en", "Major General Khuc Van Doan, Director of the Gia Lai Provincial Police, spoke.",
     "Khuc Van Doan", {("Rank: Major General", "Gia Lai Provincial Police"),
                       ("Director", "Gia Lai Provincial Police")}),
    ("en", "Senior Lieutenant Colonel Tong Thanh Hai, Deputy Director of the Kon Tum Provincial Police, spoke.",
     "Tong Thanh Hai", {("Rank: Senior Lieutenant Colonel", "Kon Tum Provincial Police"),
                        ("Deputy Director", "Kon Tum Provincial Police")}),
    ("en", "Rear Admiral Trieu Van Luong attended the ceremony.",
     "Trieu Van Luong", {("Rank: Rear Admiral", None)}),
]

# Posts whose body is a bare head word: the committee or cell just named, or that of the next post's body.
BARE = [
    ("vi", "Đảng ủy xã Ia Mơ tổ chức hội nghị. Đồng chí Vi Thị Nga, Bí thư Đảng ủy, Chủ tịch HĐND xã Ia Mơ phát biểu.",
     "Vi Thi Nga", {("Secretary", "Ia Mo Commune Party Committee"), ("Chairman", "Ia Mo Commune People's Council")}),
    ("vi", "Chi bộ thôn Plei Kơ tổ chức sinh hoạt. Cô Tôn Nữ Bích Trâm, Bí thư Chi bộ cho biết.",
     "Ton Nu Bich Tram", {("Secretary", "Plei Ko Village Party Cell")}),
    ("km", "ក្រឡាបក្សភូមិ Tra Co បានរៀបចំមហាសន្និបាត។ លោកស្រី Vi Thi Nga លេខាសាខាបក្ស បានថ្លែង។",
     "Vi Thi Nga", {("Secretary", "Tra Co Village Party Cell")}),
    ("th", "เซลล์พรรคหมู่บ้าน Tra Co จัดการประชุมใหญ่ นาง Vi Thi Nga เลขาธิการเซลล์พรรค กล่าว",
     "Vi Thi Nga", {("Secretary", "Tra Co Village Party Cell")}),
    ("en", "The Tra Co Hamlet Party Cell met. Ms. Vi Thi Nga, secretary of the party cell, said the model works.",
     "Vi Thi Nga", {("Secretary", "Tra Co Village Party Cell")}),
    ("th", "คณะกรรมการพรรคประจำจังหวัด Gia Lai จัดการประชุม\nนาย Ha Quang Long สมาชิกคณะกรรมการประจำพรรคประจำจังหวัด "
     "หัวหน้าฝ่ายจัดตั้ง กล่าว",
     "Ha Quang Long", {("Member", "Standing Committee of Gia Lai Provincial Party Committee"),
                       ("Head", "Organization Commission of Gia Lai Provincial Party Committee")}),
]

# Heads of party departments, long chains, abbreviations, "elected as", universities and companies.
CHAINS = [
    ("vi", "Đồng chí Kiều Minh Châu, Ủy viên BTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy Gia Lai phát biểu.",
     "Kieu Minh Chau", {("Member", "Standing Committee of Gia Lai Provincial Party Committee"),
                        ("Head", "Mass Mobilization Commission of Gia Lai Provincial Party Committee")}),
    ("vi", "Đồng chí Kiều Minh Châu, TUV, Bí thư Huyện ủy, Chủ tịch HĐND huyện Krông Pa, Trưởng Đoàn ĐBQH tỉnh Gia Lai "
     "dự hội nghị.",
     "Kieu Minh Chau", {("Secretary", "Krong Pa District Party Committee"),
                        ("Chairman", "Krong Pa District People's Council"),
                        ("Head of Delegation", "Gia Lai Provincial National Assembly Delegation")}),
    ("vi", "Đồng chí Lò Văn Puôn, UVBTV Tỉnh ủy, Phó CT UBND tỉnh Gia Lai dự.",
     "Lo Van Puon", {("Member", "Standing Committee of Gia Lai Provincial Party Committee"),
                     ("Vice Chairman", "Gia Lai Provincial People's Committee")}),
    ("vi", "Đồng chí Lò Văn Puôn được bầu làm Bí thư Đảng ủy xã Ia Mơ.",
     "Lo Van Puon", {("Secretary", "Ia Mo Commune Party Committee")}),
    ("vi", "PGS.TS. Hà Quang Long, Hiệu trưởng Trường Đại học Quy Nhơn phát biểu.",
     "Ha Quang Long", {("Rector", "Quy Nhon University")}),
    ("vi", "Ông Kiều Minh Châu, Chủ tịch HĐQT Công ty cổ phần Sông Đà phát biểu.",
     "Kieu Minh Chau", {("Chairman", "Song Da Joint Stock Company")}),
    ("km", "សមមិត្ត Lo Van Puon ត្រូវបានជាប់ឆ្នោតជាលេខាគណៈកម្មាធិការបក្សឃុំ Ia Mo។",
     "Lo Van Puon", {("Secretary", "Ia Mo Commune Party Committee")}),
    ("km", "សមមិត្ត Kieu Minh Chau សមាជិកគណៈកម្មាធិការមជ្ឈិមបក្ស លេខាគណៈកម្មាធិការបក្សខេត្ត ប្រធានក្រុមប្រឹក្សាប្រជាជនខេត្ត "
     "ប្រធានក្រុមប្រតិភូរដ្ឋសភាខេត្ត Gia Lai បានចូលរួម។",
     "Kieu Minh Chau", {("Secretary", "Gia Lai Provincial Party Committee"),
                        ("Chairman", "Gia Lai Provincial People's Council"),
                        ("Head of Delegation", "Gia Lai Provincial National Assembly Delegation")}),
    ("th", "สหาย Lo Van Puon ได้รับเลือกเป็นเลขาธิการคณะกรรมการพรรคตำบล Ia Mo",
     "Lo Van Puon", {("Secretary", "Ia Mo Commune Party Committee")}),
    ("th", "สหาย Kieu Minh Chau เลขาธิการคณะกรรมการพรรคประจำจังหวัด ประธานสภาประชาชนจังหวัด หัวหน้าคณะผู้แทนรัฐสภาจังหวัด "
     "Gia Lai เข้าร่วม",
     "Kieu Minh Chau", {("Secretary", "Gia Lai Provincial Party Committee"),
                        ("Chairman", "Gia Lai Provincial People's Council"),
                        ("Head of Delegation", "Gia Lai Provincial National Assembly Delegation")}),
    ("en", "Ms. Luong Thi Kim Oanh was elected Secretary of the Dong Hoa Commune Party Committee.",
     "Luong Thi Kim Oanh", {("Secretary", "Dong Hoa Commune Party Committee")}),
    ("en", "Assoc. Prof. Dr. Ha Quang Long, Rector of Quy Nhon University, spoke.",
     "Ha Quang Long", {("Rector", "Quy Nhon University")}),
    ("en", "Tran Van Quy, Politburo member and Secretary of the Gia Lai Provincial Party Committee, chaired it.",
     "Tran Van Quy", {("Member", "Politburo"), ("Secretary", "Gia Lai Provincial Party Committee")}),
    ("en", "The Gia Lai Provincial Party Committee Secretary Tran Van Quy chaired the meeting.",
     "Tran Van Quy", {("Secretary", "Gia Lai Provincial Party Committee")}),
    ("vi", "Trường THCS Lê Lợi có 25 đảng viên. Cô Tôn Nữ Bích Trâm, Bí thư Chi bộ cho biết.",
     "Ton Nu Bich Tram", {("Secretary", "Le Loi Secondary School Party Cell")}),
    ("vi", "Bà Tôn Nữ Bích Trâm, Bí thư Đảng ủy Công ty cổ phần Sông Đà cho biết.",
     "Ton Nu Bich Tram", {("Secretary", "Song Da Joint Stock Company Party Committee")}),
    ("vi", "Dự có đồng chí Y Moan Kbuôr, Tỉnh ủy viên, Bí thư Huyện ủy Krông Pa và bà H'Xíu Mlô, Chủ tịch UBND huyện "
     "Krông Pa.",
     "Y Moan Kbuor", {("Secretary", "Krong Pa District Party Committee")}),
    ("vi", "Ông Ksor Phước Hà, Bí thư Đảng ủy xã Ia Mơ phát biểu.",
     "Ksor Phuoc Ha", {("Secretary", "Ia Mo Commune Party Committee")}),
    ("en", "Tran Van Quy, member of the Standing Committee and head of the Organisation Commission of the Gia Lai "
     "Provincial Party Committee, said.",
     "Tran Van Quy", {("Member", "Standing Committee of Gia Lai Provincial Party Committee"),
                      ("Head", "Organization Commission of Gia Lai Provincial Party Committee")}),
]

# Vietnamese names written in Khmer or Thai script, with or without an honorific, syllables spaced or not.
SCRIPT_NAMES = [
    ("th", "นางเหงียน ถิ หง็อก ลาน รองเลขาธิการคณะกรรมการพรรคประจำจังหวัด Gia Lai กล่าว", "Nguyen Thi Ngoc Lan",
     {("Deputy Secretary", "Gia Lai Provincial Party Committee")}),
    ("th", "สหาย จิ่ง วัน ห่าว เลขาธิการคณะกรรมการพรรคประจำจังหวัด Gia Lai กล่าว", "Trinh Van Hao",
     {("Secretary", "Gia Lai Provincial Party Committee")}),
    ("th", "ผู้เข้าร่วมได้แก่ หวู วัน ถิญ เลขาธิการคณะกรรมการพรรคประจำจังหวัด Kon Tum", "Vu Van Thinh",
     {("Secretary", "Kon Tum Provincial Party Committee")}),
    ("km", "ឧត្តមសេនីយ៍ត្រី ត្រឹន វ៉ាន់ ថាំង អនុប្រធាននគរបាលខេត្ត Gia Lai បានថ្លែង។", "Tran Van Thang",
     {("Rank: Major General", "Gia Lai Provincial Police"), ("Deputy Director", "Gia Lai Provincial Police")}),
    ("km", "ចូលរួមមាន ផាម វ៉ាន់ ថាញ់ អនុប្រធានគណៈកម្មាធិការប្រជាជនខេត្ត Kon Tum។", "Pham Van Thanh",
     {("Vice Chairman", "Kon Tum Provincial People's Committee")}),
    ("km", "លោកង្វៀនវ៉ាន់ហ៊ុង លេខាគណៈកម្មាធិការបក្សខេត្ត Gia Lai បានថ្លែង។", "Nguyen Van Hung",
     {("Secretary", "Gia Lai Provincial Party Committee")}),
    ("km", "សមមិត្ត ហ័ង វ៉ាន់ ទួន លេខាគណៈកម្មាធិការបក្សស្រុក Krong Pa", "Hoang Van Tuan",
     {("Secretary", "Krong Pa District Party Committee")}),
    ("th", "นายเหงียนวันหุ่ง เลขาธิการคณะกรรมการพรรคประจำจังหวัด Gia Lai กล่าว", "Nguyen Van Hung",
     {("Secretary", "Gia Lai Provincial Party Committee")}),
    ("th", "สหาย หวู วัน ถ่าว เลขาธิการคณะกรรมการพรรคตำบล Ia Mo กล่าว", "Vu Van Thao",
     {("Secretary", "Ia Mo Commune Party Committee")}),
]


@pytest.mark.parametrize(("lang", "text", "name", "posts"), RANKS + BARE + CHAINS + SCRIPT_NAMES)
def test_posts_generalise(lang: str, text: str, name: str, posts: set[tuple[str, str | None]]) -> None:
    people = _people(lang, text)
    assert name in people, people
    assert posts <= people[name], people[name]


@pytest.mark.parametrize(("lang", "text"), [
    ("vi", "Tại huyện Trần Văn Thời, các chi bộ đã họp."),
    ("en", "Dak Doa district and Tran Van Thoi district held meetings."),
    ("en", "Quy Nhon University held a meeting."),
    ("en", "Ha Tinh Reviews Resolution Implementation"),
    ("km", "នៅភូមិ Tran Van Thoi ក្រឡាបក្សបានប្រជុំ។"),
])
def test_places_and_bodies_named_like_people_are_not_people(lang: str, text: str) -> None:
    assert _people(lang, text) == {}


def test_syllables_of_script_names() -> None:
    from graph.extract.translit import segment

    assert segment("hathanhvo") == ["Ha", "Thanh", "Vo"]


@pytest.mark.parametrize(("lang", "text", "name", "posts"), CASES)
def test_posts(lang: str, text: str, name: str, posts: set[tuple[str, str | None]]) -> None:
    people = _people(lang, text)
    assert name in people
    assert posts <= people[name]


def test_places_are_not_people() -> None:
    assert _people("km", "ក្រឡាបក្សភូមិ Tan Hoa (ឃុំ Phu Loc) មានការបង្កើតថ្មី។") == {}


def test_names_fold_to_ascii_family_name_first() -> None:
    assert "Do Thi Mai Anh" in _people("vi", "Đồng chí Đỗ Thị Mai Anh phát biểu tại hội nghị.")


def test_a_repeated_rank_keeps_its_force() -> None:
    from graph.extract import extract

    text = ("Thiếu tướng Khúc Văn Đoàn, Giám đốc Công an tỉnh Gia Lai phát biểu. "
            "Thiếu tướng Khúc Văn Đoàn cho biết lực lượng đã hoàn thành nhiệm vụ.")
    person = next(p for p in extract(text, "vi").people if p.name == "Khuc Van Doan")
    assert [(p.role, p.organization) for p in person.posts if p.role.startswith("Rank")] == [
        ("Rank: Major General", "Gia Lai Provincial Police")]


# A role and its body written before the name, with no honorific: the name after the place is the holder's,
# and a place named after a person stays a place.
ROLE_FIRST = [
    ("vi", "Bí thư Tỉnh ủy Quảng Bình Đoàn Minh Khôi chủ trì hội nghị.",
     "Doan Minh Khoi", {("Secretary", "Quang Binh Provincial Party Committee")}),
    ("vi", "Phó Chủ tịch UBND tỉnh Nghệ An Lưu Đình Khoa phát biểu.",
     "Luu Dinh Khoa", {("Vice Chairman", "Nghe An Provincial People's Committee")}),
    ("vi", "Chủ tịch UBND tỉnh Phạm Quốc Vinh và Phó Chủ tịch UBND tỉnh Lưu Đình Khoa cùng dự.",
     "Pham Quoc Vinh", {("Chairman", "Provincial People's Committee")}),
]


@pytest.mark.parametrize(("lang", "text", "name", "posts"), ROLE_FIRST)
def test_name_after_the_body_of_its_role(lang: str, text: str, name: str, posts: set[tuple[str, str | None]]) -> None:
    assert _people(lang, text).get(name) == posts


def test_a_district_named_after_a_person_is_not_a_holder() -> None:
    assert "Tran Van Thoi" not in _people("vi", "Về huyện Trần Văn Thời, ông Đoàn Minh Khôi cho biết.")


# A possessive names the body the role heads; an English minister's title names the ministry by its field;
# a female title in Khmer; a rank in a force ministry.
MORE_POSTS = [
    ("en", "Head of the Provincial Party Committee's Mass Mobilisation Commission Vi Thi Hoa spoke.",
     "Vi Thi Hoa", {("Head", "Mass Mobilization Commission of Provincial Party Committee")}),
    ("en", "Mr. Kha Van Tam, Minister of Home Affairs, attended.",
     "Kha Van Tam", {("Minister", "Ministry of Home Affairs")}),
    ("en", "Lieutenant General Kha Van Tam, Deputy Minister of Public Security, attended.",
     "Kha Van Tam", {("Rank: Lieutenant General", "Ministry of Public Security"),
                     ("Deputy Minister", "Ministry of Public Security")}),
    ("km", "លោកស្រី Vi Thi Hoa នាយិកាមន្ទីរសុខាភិបាលខេត្ត Son La បានរាយការណ៍។",
     "Vi Thi Hoa", {("Director", "Son La Department of Health")}),
]


@pytest.mark.parametrize(("lang", "text", "name", "posts"), MORE_POSTS)
def test_more_posts(lang: str, text: str, name: str, posts: set[tuple[str, str | None]]) -> None:
    assert _people(lang, text).get(name) == posts


# Titles that name the committee's level ("Provincial Party Secretary") take the place written before them; a
# chain that opens the sentence reaches a name set off by commas; a chain before a colon reaches every name listed.
SHARED_AND_LEVEL_TITLES = [
    ("en", "Lang Son Provincial Party Secretary Hoang Van Khiem chaired the meeting.",
     "Hoang Van Khiem", {("Secretary", "Lang Son Provincial Party Committee")}),
    ("en", "Secretary of the Provincial Party Committee and Chairwoman of the provincial People's Council of Lang Son, "
     "Ha Thi Xuyen, spoke.", "Ha Thi Xuyen", {("Secretary", "Lang Son Provincial Party Committee"),
                                              ("Chairman", "Lang Son Provincial People's Council")}),
    ("vi", "Dự hội nghị có các đồng chí Phó Bí thư Tỉnh ủy Lạng Sơn: Hoàng Văn Khiêm, Hà Thị Xuyến và Tô Văn Phúc.",
     "To Van Phuc", {("Deputy Secretary", "Lang Son Provincial Party Committee")}),
]


@pytest.mark.parametrize(("lang", "text", "name", "posts"), SHARED_AND_LEVEL_TITLES)
def test_shared_and_level_titles(lang: str, text: str, name: str, posts: set[tuple[str, str | None]]) -> None:
    assert _people(lang, text).get(name) == posts


# A department written without its owner's head word takes the committee of the level and place after it.
DEPARTMENT_OF_PLACE = [
    ("th", "สหาย Dinh Thi Ngat รองหัวหน้าคณะกรรมการระดมมวลชนประจำจังหวัด Ha Nam กล่าว",
     "Dinh Thi Ngat", {("Deputy Head", "Mass Mobilization Commission of Ha Nam Provincial Party Committee")}),
    ("vi", "Đồng chí Đinh Thị Ngát, Trưởng Ban Dân vận tỉnh Hà Nam phát biểu.",
     "Dinh Thi Ngat", {("Head", "Mass Mobilization Commission of Ha Nam Provincial Party Committee")}),
]


@pytest.mark.parametrize(("lang", "text", "name", "posts"), DEPARTMENT_OF_PLACE)
def test_department_of_a_named_place(lang: str, text: str, name: str, posts: set[tuple[str, str | None]]) -> None:
    assert _people(lang, text).get(name) == posts


def test_thai_script_given_name_nguyet() -> None:
    assert "Ha Thi Nguyet" in _people("th", "สหาย ห่า ถิ เงวียต กล่าวในที่ประชุม")
