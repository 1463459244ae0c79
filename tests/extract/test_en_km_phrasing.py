"""English and Khmer ways of writing bodies, posts, issuers and implementers (sentences written for the tests)."""

from __future__ import annotations

import pytest

from graph.extract import extract


def _run(lang: str, text: str) -> dict:
    return extract(text, lang).to_dict()


def _posts(d: dict) -> dict[str, set[tuple[str, str]]]:
    return {p["name"]: {(q["role"], q["organization"]) for q in p["posts"]} for p in d["people"]}


def _orgs(d: dict) -> set[str]:
    return {o["name"] for o in d["organizations"]}


def _implements(d: dict) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in d["relations"]["implements"]}


POSTS = [
    # British spelling of a commission, written after its owner's possessive
    ("en", "Head of the Can Tho Party Committee's Commission for Mass Mobilisation Vu Thanh Hai spoke.",
     "Vu Thanh Hai", {("Head", "Mass Mobilization Commission of Can Tho City Party Committee")}),
    ("en", "Head of the Central Committee's Commission for Organisation Ta Quang Vinh attended.",
     "Ta Quang Vinh", {("Head", "Central Organization Commission")}),
    # a secretary "of <place> Province", and "<place> Party Secretary" before the name
    ("en", "Mr. Quach Van Loi was re-elected as Party Secretary of Bac Giang Province.",
     "Quach Van Loi", {("Secretary", "Bac Giang Provincial Party Committee")}),
    ("en", "Quang Ninh Party Secretary Kieu Van Tam opened the session.",
     "Kieu Van Tam", {("Secretary", "Quang Ninh Provincial Party Committee")}),
    # a level word before an organ names its owner's level
    ("en", "Lao Cai is in the north. Ha Van Phuc, member of the provincial Party Standing Committee and Chairman of "
           "the provincial People's Council, attended.",
     "Ha Van Phuc", {("Member", "Standing Committee of Lao Cai Provincial Party Committee"),
                     ("Chairman", "Lao Cai Provincial People's Council")}),
    # "alternate member" does not break the chain of posts
    ("en", "Lu Van Dung, alternate member of the Party Central Committee and Secretary of the Dien Bien provincial "
           "Party Committee, spoke.",
     "Lu Van Dung", {("Alternate Member", "Central Committee of the Communist Party of Vietnam"),
                     ("Secretary", "Dien Bien Provincial Party Committee")}),
    # the holder's name is not part of the ministry
    ("en", "Minister of Home Affairs Mai Thi Hoa attended.",
     "Mai Thi Hoa", {("Minister", "Ministry of Home Affairs")}),
    # committee then organ with no possessive mark
    ("en", "Nong Van Binh, head of the Dong Thap Provincial Party Committee Inspection Commission, spoke.",
     "Nong Van Binh", {("Head", "Inspection Commission of Dong Thap Provincial Party Committee")}),
    # a title only the national body has
    ("en", "Party General Secretary Luu Quang Minh attended.",
     "Luu Quang Minh", {("General Secretary", "Central Committee of the Communist Party of Vietnam")}),
    ("km", "អគ្គលេខាបក្ស Luu Quang Minh បានអញ្ជើញចូលរួម។",
     "Luu Quang Minh", {("General Secretary", "Central Committee of the Communist Party of Vietnam")}),
    ("km", "លោក Ta Van Hung សមាជិកគណៈត្រួតពិនិត្យមជ្ឈឹមបក្ស បានអញ្ជើញ។",
     "Ta Van Hung", {("Member", "Central Inspection Commission")}),
    ("km", "លោក Ly Van Nam អនុប្រធានអចិន្ត្រៃយ៍គណៈកម្មាធិការប្រជាជនខេត្ត Vinh Long បានអញ្ជើញ។",
     "Ly Van Nam", {("Vice Chairman", "Vinh Long Provincial People's Committee")}),
]


@pytest.mark.parametrize(("lang", "text", "person", "posts"), POSTS)
def test_posts(lang: str, text: str, person: str, posts: set[tuple[str, str]]) -> None:
    assert _posts(_run(lang, text)).get(person) == posts


ORGS = [
    ("en", "The Party Committee of the National Assembly and the Party Committee of the Government met.",
     {"National Assembly Party Committee", "Government Party Committee"}),
    ("en", "The Viet Nam Fatherland Front Central Committee held a ceremony.",
     {"Central Committee of the Vietnam Fatherland Front"}),
    ("en", "Tuyen Quang is mountainous. The Party Committee of the provincial agencies' bloc met.",
     {"Tuyen Quang Provincial Agencies Bloc Party Committee"}),
    # a capital that opens the sentence is not a place
    ("en", "The provincial Party Committee met on Monday.", {"Provincial Party Committee"}),
    # Khmer standing and executive committees written with គណបក្ស
    ("km", "គណៈកម្មាធិការអចិន្ត្រៃយ៍គណបក្សខេត្ត Lam Dong បានប្រជុំ។",
     {"Standing Committee of Lam Dong Provincial Party Committee", "Lam Dong Provincial Party Committee"}),
    ("km", "គណៈកម្មាធិការប្រតិបត្តិគណបក្សខេត្ត Binh Dinh បានប្រជុំ។", {"Binh Dinh Provincial Party Committee"}),
    ("km", "សន្និបាតនៃគណៈកម្មាធិការមជ្ឈឹមបក្សកុម្មុយនិស្តវៀតណាម បានបើក។",
     {"Central Committee of the Communist Party of Vietnam"}),
]


@pytest.mark.parametrize(("lang", "text", "orgs"), ORGS)
def test_organizations(lang: str, text: str, orgs: set[str]) -> None:
    assert _orgs(_run(lang, text)) == orgs


IMPLEMENTS = [
    # the owner of an issuing organ is not an implementer of its own
    ("en", "The Lang Son provincial Party Committee's Standing Board has issued Plan No. 45-KH/TU to implement "
           "Resolution 57-NQ/TW of the Politburo.",
     {("45-KH/TU", "57-NQ/TW"), ("Standing Committee of Lang Son Provincial Party Committee", "57-NQ/TW")}),
    # passive with a British spelling
    ("en", "Directive No. 15-CT/TW has been concretised by the Hau Giang provincial Party Committee.",
     {("Hau Giang Provincial Party Committee", "15-CT/TW")}),
    ("en", "The Ben Tre provincial Party Committee rolled out Resolution No. 18-NQ/TW.",
     {("Ben Tre Provincial Party Committee", "18-NQ/TW")}),
    ("km", "គណៈកម្មាធិការអចិន្ត្រៃយ៍គណបក្សខេត្ត Lam Dong បានចេញសេចក្តីប្រកាសស្តីពីការអនុវត្តសេចក្តីសន្និដ្ឋានលេខ "
           "១២៧-KL/TW របស់ការិយាល័យនយោបាយ។",
     {("Standing Committee of Lam Dong Provincial Party Committee", "127-KL/TW")}),
]


@pytest.mark.parametrize(("lang", "text", "links"), IMPLEMENTS)
def test_implements(lang: str, text: str, links: set[tuple[str, str]]) -> None:
    assert _implements(_run(lang, text)) == links


ISSUERS = [
    ("en", "Conclusion 21-KL/TW of the 13th-tenure Party Central Committee is key.",
     "Central Committee of the Communist Party of Vietnam"),
    ("en", "Dong Thap is rich. Directive 09-CT/TU of the provincial Party Committee Standing Board is key.",
     "Standing Committee of Dong Thap Provincial Party Committee"),
    ("km", "ឧបនាយករដ្ឋមន្ត្រី Vo Van Son បានចុះហត្ថលេខាលើសេចក្តីបង្គាប់លេខ ២៨/CT-TTg។", "Prime Minister"),
]


@pytest.mark.parametrize(("lang", "text", "issuer"), ISSUERS)
def test_issuers(lang: str, text: str, issuer: str) -> None:
    docs = _run(lang, text)["documents"]
    assert [d["issuer"] for d in docs] == [issuer]
