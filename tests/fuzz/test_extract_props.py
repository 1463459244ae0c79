"""Property tests of the extractor: any Unicode in, no exception, evidence inside the text, the same answer twice.

Pure random text rarely reaches the extractors' deeper rules, so the
strategy also strings together words from the seed articles and the forms the
extractors look for (document numbers in three scripts, dates, titles), with
arbitrary text, separators and sentence enders in between.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.extract import extract

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
WORDS = sorted({w for p in SEEDS for w in p.read_text(encoding="utf-8").split() if len(w) > 1})[:3000]
FORMS = ["21-NQ/TW", "Nghị quyết số 21-NQ/TW", "លេខ ២១-NQ/TW", "ที่ ๓๙/๒๕๖๗", "35/2024/NĐ-CP", "1234/QĐ-UBND",
         "39-CTr/TU", "ngày 28/2/2024", "พ.ศ. 2567", "ថ្ងៃទី២៨ ខែកុម្ភៈ ឆ្នាំ២០២៤", "Tỉnh ủy Trà Vinh", "Bí thư",
         "Huyện ủy Cẩm Xuyên", "Đồng chí Nguyễn Văn A", "Provincial Party Committee", "Secretary", "ខេត្តត្រាវិញ",
         "คณะกรรมการพรรค", "No.", "số", "\u200b", "–", "Kommentar (0)", "ប្រភព", "ที่มา:"]
SEPARATORS = [" ", " ", "\n", "។", ". ", ", ", "\t", " - "]
token = st.sampled_from(WORDS) | st.sampled_from(FORMS) | st.text(max_size=12)
documents = st.lists(st.tuples(token, st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(t + s for t, s in parts))
LANGS = st.sampled_from([None, "km", "th", "vi", "en", "fr"])
CAPPED = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def evidence(ext: Any) -> list[Any]:
    items = [*ext.organizations, *ext.people, *ext.documents, *ext.places, *ext.events]
    spans = [ev for item in items for ev in item.evidence]
    for relations in (*ext.relations.values(), *ext.implicit.values()):
        spans += [ev for rel in relations for ev in rel.evidence]
    return spans


@CAPPED
@given(documents | st.text(max_size=200), LANGS)
def test_any_text_extracts_with_evidence_inside_it_and_stably(text: str, lang: str | None) -> None:
    meta = {"doc": "fuzz.txt", "published": "2024-03-02"}
    first = extract(text, lang, meta)
    for ev in evidence(first):
        assert 0 <= ev.start <= ev.end <= len(text), (ev, len(text))
        assert isinstance(ev.sentence, str)
    assert extract(text, lang, meta).to_dict() == first.to_dict()
