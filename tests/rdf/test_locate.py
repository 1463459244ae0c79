"""Finding mentions again in the text: codes in any digits, exact names, sentence bounds."""

from __future__ import annotations

import hashlib

import pyoxigraph as ox

from graph.model import Evidence, Extraction, Organization, Relation
from graph.rdf import extraction_to_quads
from graph.rdf.locate import RULE, locate_mentions, locate_relation, sentence_span, spans
from graph.rdf.terms import NQ

KM = "គណៈកម្មាធិការបក្ស Cam Xuyen អនុវត្តសេចក្តីសម្រេចចិត្តលេខ ២១ - NQ/TW ។ ស្រុក Cam Vinh ។"
TH = "คณะกรรมการพรรคจังหวัด ไห่เซือง ดำเนินการตามมติที่ ๒๑-NQ/TW\nบรรทัดใหม่"


def test_codes_are_found_in_khmer_and_thai_digits_with_original_offsets() -> None:
    (start, end), = spans(KM, [], ["21-NQ/TW"])
    assert KM[start:end] == "២១ - NQ/TW"
    (start, end), = spans(TH, [], ["21-NQ/TW"])
    assert TH[start:end] == "๒๑-NQ/TW"
    assert spans(KM, [], ["1-NQ/TW"]) == []  # 21 is not 1
    assert spans("No. 01/PA-BCA and 1/PA-BCA", [], ["1-PA/BCA"]) == [(4, 13), (18, 26)]


def test_names_match_whole_words_only() -> None:
    assert spans("Cam Vinhx and Cam Vinh.", ["Cam Vinh"], []) == [(14, 22)]


def test_sentence_span_uses_khmer_and_line_ends() -> None:
    start = KM.index("២១")
    left, right = sentence_span(KM, start, start + 2)
    assert KM[left:right].startswith("គណៈកម្មាធិការបក្ស") and KM[left:right].endswith("។")
    left, right = sentence_span(TH, TH.index("๒๑"), TH.index("๒๑") + 2)
    assert "\n" not in TH[left:right] and TH[left:right].endswith("NQ/TW")


def test_mentions_and_relations() -> None:
    found = locate_mentions(KM, ["Cam Vinh"])
    assert found == [Evidence("ស្រុក Cam Vinh ។", KM.index("Cam Vinh"), KM.index("Cam Vinh") + 8, RULE)]
    assert locate_relation(KM, ["Cam Xuyen"], [], ["21-NQ/TW"])[0].start == KM.index("២១")
    assert locate_relation(KM, ["Cam Vinh"], [], ["21-NQ/TW"]) == []  # not in the same sentence
    # the subject's mention must be another span than the object's
    assert locate_relation("Cam Xuyen.", ["Cam Xuyen"], ["Cam Xuyen"]) == []


def test_extractor_evidence_is_kept_and_nothing_is_invented() -> None:
    own = Evidence("sentence", 0, 3, "rule-7")
    ext = Extraction(doc="x.txt", lang="km", organizations=[
        Organization("Cam Xuyen District Party Committee", kind="party_committee", evidence=[own])])
    ext.relations["implements"].append(Relation("Cam Xuyen District Party Committee", "99-NQ/TW"))
    quads = extraction_to_quads(ext, text=KM, source_name="x.txt", sha256=hashlib.sha256(b"x").hexdigest())
    rules = {q.object.value for q in quads if q.predicate == ox.NamedNode(NQ + "rule")}
    assert rules == {"rule-7"}  # the org's own evidence; 99-NQ/TW is not in the text, so no relation evidence
