"""Implementation links: subject attribution in every language (sentences written for the tests)."""

from __future__ import annotations

import pytest

from graph.extract import extract


def _implements(lang: str, text: str) -> set[tuple[str, str]]:
    return {(r.subject, r.object) for r in extract(text, lang).relations["implements"]}


CASES = [
    ("km", "គណៈកម្មាធិការបក្សខេត្ត Nghe An ដាក់ពង្រាយដើម្បីអនុវត្តសេចក្តីសម្រេចចិត្តលេខ ១៨-NQ/TW នៃគណៈកម្មាធិការមជ្ឈិមបក្ស។",
     {("Nghe An Provincial Party Committee", "18-NQ/TW")}),
    ("th", "คณะกรรมการพรรคประจำจังหวัด Thai Binh เพื่อปฏิบัติตามมติหมายเลข 18-NQ/TW ของคณะกรรมการกลางพรรค",
     {("Thai Binh Provincial Party Committee", "18-NQ/TW")}),
    ("vi", "Huyện ủy Thạch Hà triển khai thực hiện Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương.",
     {("Thach Ha District Party Committee", "18-NQ/TW")}),
    ("en", "The Ca Mau Provincial Party Committee issued Programme 05-CTr/TU on implementing Resolution 18-NQ/TW.",
     {("05-CTr/TU", "18-NQ/TW"), ("Ca Mau Provincial Party Committee", "18-NQ/TW")}),
]


# A purpose clause first: "To realise R, X issued P" makes P and X implement R.
PURPOSE = [
    ("vi", "Để triển khai Nghị quyết số 18-NQ/TW, Tỉnh ủy Gia Lai ban hành Chương trình hành động số 25-CTr/TU.",
     {("25-CTr/TU", "18-NQ/TW"), ("Gia Lai Provincial Party Committee", "18-NQ/TW")}),
    ("km", "ដើម្បីអនុវត្តសេចក្តីសម្រេចចិត្តលេខ ១៨-NQ/TW គណៈកម្មាធិការបក្សខេត្ត Gia Lai បានចេញកម្មវិធីសកម្មភាពលេខ ២៥-CTr/TU។",
     {("25-CTr/TU", "18-NQ/TW"), ("Gia Lai Provincial Party Committee", "18-NQ/TW")}),
    ("th", "เพื่อดำเนินการตามมติหมายเลข 18-NQ/TW คณะกรรมการพรรคประจำจังหวัด Gia Lai ได้ออกแผนปฏิบัติการหมายเลข 25-CTr/TU",
     {("25-CTr/TU", "18-NQ/TW"), ("Gia Lai Provincial Party Committee", "18-NQ/TW")}),
    ("en", "To realise Resolution 18-NQ/TW, the Gia Lai Provincial Party Committee issued Action Programme 25-CTr/TU.",
     {("25-CTr/TU", "18-NQ/TW"), ("Gia Lai Provincial Party Committee", "18-NQ/TW")}),
]

# A plan carries out the programme before it, named by number or as "the action programme".
CHAINS = [
    ("vi", "Thực hiện Chương trình số 25-CTr/TU của Tỉnh ủy, Ban Thường vụ Huyện ủy Krông Pa ban hành Kế hoạch số "
     "112-KH/HU để cụ thể hóa.",
     {("112-KH/HU", "25-CTr/TU"), ("Standing Committee of Krong Pa District Party Committee", "25-CTr/TU")}),
    ("en", "The Gia Lai Provincial Party Committee issued Action Programme 25-CTr/TU. To concretise the action "
     "programme, the Krong Pa District Party Committee issued Plan 112-KH/HU.",
     {("112-KH/HU", "25-CTr/TU"), ("Krong Pa District Party Committee", "25-CTr/TU")}),
    ("en", "The Politburo issued Resolution 18-NQ/TW. The Gia Lai Provincial Party Committee issued Programme "
     "25-CTr/TU to implement the resolution.",
     {("25-CTr/TU", "18-NQ/TW"), ("Gia Lai Provincial Party Committee", "18-NQ/TW")}),
    ("th", "มติหมายเลข 18-NQ/TW มีความสำคัญ\nเพื่อดำเนินการตามมติ คณะกรรมการพรรคประจำจังหวัด Gia Lai ได้ออกแผนปฏิบัติการ"
     "หมายเลข 25-CTr/TU", {("25-CTr/TU", "18-NQ/TW"), ("Gia Lai Provincial Party Committee", "18-NQ/TW")}),
]

# "In accordance with" after the main verb; the whole of nested mentions; a cell named before its school.
SUBJECTS = [
    ("vi", "Đảng ủy xã Ia Mơ tổ chức Đại hội đại biểu lần thứ I theo Chỉ thị số 45-CT/TW của Bộ Chính trị.",
     {("Ia Mo Commune Party Committee", "45-CT/TW")}),
    ("km", "គណៈកម្មាធិការបក្សឃុំ Ia Mo បានរៀបចំមហាសន្និបាតស្របតាមសារាចរលេខ ៤៥-CT/TW របស់ការិយាល័យនយោបាយ។",
     {("Ia Mo Commune Party Committee", "45-CT/TW")}),
    ("th", "คณะกรรมการพรรคตำบล Ia Mo จัดการประชุมใหญ่ตามคำสั่งหมายเลข 45-CT/TW ของโปลิตบูโร",
     {("Ia Mo Commune Party Committee", "45-CT/TW")}),
    ("en", "The Ia Mo Commune Party Committee held its first congress in line with Directive 45-CT/TW of the "
     "Politburo.",
     {("Ia Mo Commune Party Committee", "45-CT/TW")}),
    ("vi", "Ban Thường vụ Tỉnh ủy Gia Lai tổ chức hội nghị sơ kết 5 năm thực hiện Nghị quyết số 18-NQ/TW.",
     {("Standing Committee of Gia Lai Provincial Party Committee", "18-NQ/TW")}),
    ("en", "The Standing Committee of the Gia Lai Provincial Party Committee held a conference to review Resolution "
     "18-NQ/TW and to implement it.",
     {("Standing Committee of Gia Lai Provincial Party Committee", "18-NQ/TW")}),
    ("vi", "Chi bộ Trường THCS Lê Lợi, xã Ia Mơ triển khai Chỉ thị số 05-CT/TW.",
     {("Le Loi Secondary School Party Cell", "05-CT/TW")}),
    ("km", "សាខាបក្សសាលាបឋមសិក្សា Le Loi បានអនុវត្តសារាចរលេខ ០៥-CT/TW។", {("Le Loi Primary School Party Cell", "05-CT/TW")}),
    ("vi", "Thực hiện Đề án số 06-ĐA/TU của Thành ủy Pleiku, Đảng ủy phường Ia Kring rà soát các chi bộ.",
     {("Ia Kring Ward Party Committee", "06-DA/TU")}),
]

# In a request the body is the speaker's, not the one addressed.
REQUESTS = [
    ("vi", "Phát biểu chỉ đạo, đồng chí Kiều Minh Châu, Bí thư Huyện ủy Krông Pa đề nghị các cấp ủy tiếp tục thực hiện "
     "Chỉ thị 45-CT/TW.", {("Krong Pa District Party Committee", "45-CT/TW")}),
    ("km", "សមមិត្ត Kieu Minh Chau លេខាគណៈកម្មាធិការបក្សស្រុក Krong Pa បានស្នើឱ្យគណៈកម្មាធិការបក្សគ្រប់លំដាប់ថ្នាក់បន្តអនុវត្ត"
     "សារាចរលេខ ៤៥-CT/TW។", {("Krong Pa District Party Committee", "45-CT/TW")}),
    ("th", "สหาย Kieu Minh Chau เลขาธิการคณะกรรมการพรรคเขต Krong Pa ขอให้คณะกรรมการพรรคทุกระดับปฏิบัติตามคำสั่งหมายเลข "
     "45-CT/TW", {("Krong Pa District Party Committee", "45-CT/TW")}),
    ("en", "Kieu Minh Chau, Secretary of the Krong Pa District Party Committee, asked commune party committees to "
     "implement Directive 45-CT/TW.", {("Krong Pa District Party Committee", "45-CT/TW")}),
    # the speaker named alone: the body comes from the posts written at the first mention
    ("vi", "Dự có đồng chí Kiều Minh Châu, Bí thư Huyện ủy Krông Pa.\nSở Nội vụ tỉnh Gia Lai báo cáo kết quả.\n"
     "Phát biểu kết luận, đồng chí Kiều Minh Châu đề nghị các cấp ủy thực hiện Chỉ thị 45-CT/TW.",
     {("Krong Pa District Party Committee", "45-CT/TW")}),
    ("km", "ចូលរួមមានសមមិត្ត Kieu Minh Chau លេខាគណៈកម្មាធិការបក្សស្រុក Krong Pa។ មន្ទីរសុខាភិបាលខេត្ត Gia Lai បានរាយការណ៍។ "
     "សមមិត្ត Kieu Minh Chau បានស្នើឱ្យគណៈកម្មាធិការបក្សគ្រប់លំដាប់ថ្នាក់អនុវត្តសារាចរលេខ ៤៥-CT/TW។",
     {("Krong Pa District Party Committee", "45-CT/TW")}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PURPOSE + CHAINS + SUBJECTS + REQUESTS)
def test_implements_generalise(lang: str, text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _implements(lang, text)


@pytest.mark.parametrize(("lang", "text", "own"), [
    ("vi", "Ban Thường vụ Tỉnh ủy Gia Lai ban hành Chương trình hành động số 25-CTr/TU thực hiện Nghị quyết số "
     "18-NQ/TW. Tỉnh ủy Gia Lai triển khai thực hiện Chương trình số 25-CTr/TU.",
     ("Gia Lai Provincial Party Committee", "25-CTr/TU")),
    ("en", "The Gia Lai Provincial Party Committee issued Action Programme 25-CTr/TU. The Gia Lai Provincial Party "
     "Committee implemented Programme 25-CTr/TU well.", ("Gia Lai Provincial Party Committee", "25-CTr/TU")),
])
def test_issuer_is_not_linked_to_its_own_programme(lang: str, text: str, own: tuple[str, str]) -> None:
    assert own not in _implements(lang, text)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Resolution 18-NQ/TW was issued in 2022. Party committees should implement the resolutions of the Party."),
    ("vi", "Nghị quyết số 18-NQ/TW được ban hành năm 2022. Huyện ủy Krông Pa tiếp tục thực hiện nghị quyết đại hội."),
])
def test_generic_mentions_of_a_document_type_link_nothing(lang: str, text: str) -> None:
    assert _implements(lang, text) == set()


@pytest.mark.parametrize(("lang", "text"), [
    ("vi", "Đảng ủy Công an tỉnh Gia Lai triển khai Đề án 06 về phát triển dữ liệu dân cư."),
    ("en", "The Gia Lai provincial police carried out Project 06 on population data."),
])
def test_a_named_project_is_not_a_document_number(lang: str, text: str) -> None:
    ext = extract(text, lang)
    assert [d.code for d in ext.documents] == [] and _implements(lang, text) == set()


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_implements(lang: str, text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _implements(lang, text)


@pytest.mark.parametrize(("lang", "text"), [
    ("vi", "Quán triệt và thực hiện Kết luận số 14-KL/TW của Bộ Chính trị, các cấp ủy đã vào cuộc."),
    ("en", "Party committees at all levels must implement Directive 24-CT/TW of the Politburo."),
])
def test_issuers_and_plural_subjects_do_not_implement(lang: str, text: str) -> None:
    assert _implements(lang, text) == set()


def test_relation_carries_its_evidence() -> None:
    text = "Huyện ủy Thạch Hà triển khai thực hiện Nghị quyết số 18-NQ/TW."
    rel = extract(text, "vi").relations["implements"][0]
    ev = rel.evidence[0]
    assert "18-NQ/TW" in text[ev.start:ev.end] and ev.sentence.startswith("Huyện ủy")


# Other verb forms: deploy, put into practice; a local decision "on implementing" is carried out by its issuer.
VERB_FORMS = [
    ("en", "The Ben Tre Provincial Party Committee deployed Conclusion No. 64-KL/TW across all its units.",
     {("Ben Tre Provincial Party Committee", "64-KL/TW")}),
    ("en", "The Ben Tre Provincial People's Committee issued Decision No. 512/QD-UBND on implementing Conclusion "
     "No. 64-KL/TW.", {("512/QD-UBND", "64-KL/TW"), ("Ben Tre Provincial People's Committee", "64-KL/TW")}),
    ("th", "คณะกรรมการพรรคประจำจังหวัด Ben Tre ได้ปรับใช้ข้อสรุปหมายเลข 64-KL/TW อย่างกว้างขวาง",
     {("Ben Tre Provincial Party Committee", "64-KL/TW")}),
    ("km", "គណៈកម្មាធិការបក្សខេត្ត Ben Tre បានដាក់ពង្រាយសេចក្តីសន្និដ្ឋានលេខ ៦៤-KL/TW យ៉ាងទូលំទូលាយ។",
     {("Ben Tre Provincial Party Committee", "64-KL/TW")}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), VERB_FORMS)
def test_implementing_verb_forms(lang: str, text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _implements(lang, text)


def test_passive_agent_implements() -> None:
    text = "Resolution No. 39-NQ/TW has been implemented by the Lang Son Provincial Party Committee."
    assert ("Lang Son Provincial Party Committee", "39-NQ/TW") in _implements("en", text)
