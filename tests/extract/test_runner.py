"""The runner: one item per canonical name, labels by tag, evidence into the original text."""

from __future__ import annotations

import pytest

import graph.extract as runner
from graph.extract import extract
from graph.model import Extraction

TEXTS = {
    "km": "គណៈកម្មាធិការបក្សខេត្ត Nghe An ប្រជុំ។ គណៈកម្មាធិការបក្សខេត្ត Nghe An បានដឹកនាំ។",
    "th": "คณะกรรมการพรรคประจำจังหวัด Thai Binh ประชุม\nคณะกรรมการพรรคประจำจังหวัด Thai Binh ได้นำ",
    "vi": "Tỉnh ủy Lào Cai họp. Tỉnh ủy Lào Cai chỉ đạo.",
    "en": "The Ca Mau Provincial Party Committee met. The Ca Mau Provincial Party Committee decided.",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_one_item_per_name_with_labels_and_evidence(lang: str) -> None:
    ext = extract(TEXTS[lang], lang, {"doc": "t.txt"})
    assert isinstance(ext, Extraction) and ext.lang == lang and ext.doc == "t.txt"
    assert len(ext.organizations) == 1
    org = ext.organizations[0]
    assert lang in org.labels
    assert len(org.evidence) == 2
    for ev in org.evidence:
        assert TEXTS[lang][ev.start:ev.end] in org.labels[lang]


def test_evidence_offsets_point_into_the_original_text() -> None:
    text = "គណៈកម្មាធិការបក្សស្រុក Thach Ha អនុវត្តសេចក្តីសម្រេចចិត្តលេខ ១៨-NQ/TW។"
    ext = extract(text, "km")
    d = ext.to_dict()
    assert d["relations"]["implements"][0][2]["evidence"][0]["sentence"] == text
    ev = ext.organizations[0].evidence[0]
    assert text[ev.start:ev.end].startswith("គណៈកម្មាធិការបក្ស")


def test_missing_optional_stages_yield_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("_find_places", "_find_documents", "_find_dates", "_find_implicit"):
        monkeypatch.setattr(runner, name, None)
    ext = extract(TEXTS["vi"], "vi")
    assert [o.name for o in ext.organizations] == ["Lao Cai Provincial Party Committee"]
    assert ext.documents == [] and ext.places == []


def test_sub_organization_relations_mirror_parents() -> None:
    ext = extract("Ban Thường vụ Tỉnh ủy Lào Cai họp.", "vi")
    pairs = [r.to_list()[:2] for r in ext.relations["sub_organization_of"]]
    assert ["Standing Committee of Lao Cai Provincial Party Committee", "Lao Cai Provincial Party Committee"] in pairs
