"""The places stage's fast paths must keep exactly what their plain versions keep."""

from __future__ import annotations

import random

from graph import places
from graph.text import prepare


def _plain_not_months(doc, found: list[places._Found]) -> list[places._Found]:
    regex = places._month_regex(doc.pack.code)
    if regex is None or not found:
        return found
    spans = [m.span() for m in regex.finditer(doc.text)]
    if not spans:
        return found
    return [f for f in found if not any(s < f.end and f.start < e for s, e in spans)]


def test_not_months_keeps_what_the_scan_of_every_month_keeps() -> None:
    rng = random.Random(5)
    texts = {
        "en": "In April and MAY the province of Ha Tinh met; on 3 june, Tay Ninh. December, xMarch, Marches ",
        "km": "នៅខែមេសា ខេត្តតាកែវ ខែឧសភា ភ្នំពេញ ខែធ្នូ ",
        "th": "ในเดือนเมษายน จังหวัดเชียงใหม่ เดือนพฤษภาคม กรุงเทพ ",
    }
    for lang, text in texts.items():
        doc = prepare(text * 3, lang)
        regex = places._month_regex(doc.pack.code)
        assert regex.search(doc.text)
        starts, ends = places._month_spans(doc, regex)
        assert list(zip(starts, ends, strict=True)) == [m.span() for m in regex.finditer(doc.text)]
        for _ in range(300):
            found = []
            for _ in range(rng.randint(0, 12)):
                s = rng.randrange(len(doc.text))
                found.append(places._Found(s, s + rng.randint(0, 12), None, "x", None, "r"))
            found.sort(key=lambda f: rng.random())
            assert places._not_months(doc, found) == _plain_not_months(doc, found)
