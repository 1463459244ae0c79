"""Dates in every pack's language, partial dates kept partial, Buddhist-era years converted."""

from __future__ import annotations

import pytest

from graph.extract.dates import find_dates
from graph.text import prepare


def _dates(lang: str, text: str, meta: dict | None = None) -> list[tuple[str, str]]:
    return [(m.item, m.rule) for m in find_dates(prepare(text, lang), meta or {})]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("vi", "Ngày 12/1/2019, Tỉnh ủy họp.", [("2019-01-12", "date")]),
        ("vi", "ngày 9 tháng 11 năm 2021", [("2021-11-09", "date")]),
        ("vi", "từ tháng 10/2022 đến tháng 3 năm 2023", [("2022-10", "month"), ("2023-03", "month")]),
        ("vi", "trong năm 2018", [("2018", "year")]),
        ("vi", "nhiệm kỳ 2020 - 2025", []),
        ("km", "ចុះថ្ងៃទី ២៨ ខែសីហា ឆ្នាំ ២០១៩", [("2019-08-28", "date")]),
        ("km", "ខែមករា ឆ្នាំ2021", [("2021-01", "month")]),
        ("km", "នៅឆ្នាំ ២០១៧", [("2017", "year")]),
        ("th", "ลงวันที่ 14 มีนาคม 2566", [("2023-03-14", "date")]),
        ("th", "วันที่ 2 ก.ย. พ.ศ. 2564", [("2021-09-02", "date")]),
        ("th", "ในปี 2562 และ ค.ศ. 2019", [("2019", "year"), ("2019", "year")]),
        ("th", "ลงวันที่ 5 ตุลาคม 2021", [("2021-10-05", "date")]),
        ("en", "dated September 3, 2013 and 21 April 2015", [("2013-09-03", "date"), ("2015-04-21", "date")]),
        ("en", "in October 2016", [("2016-10", "month")]),
        ("en", "Update: 2017-05-30", [("2017-05-30", "date")]),
    ],
)
def test_written_dates(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("vi", "Ngày 4/9, Huyện ủy họp.", "--09-04"),
        ("km", "នាថ្ងៃទី ៣ មីនា គណៈកម្មាធិការបក្ស", "--03-03"),
        ("th", "เมื่อวันที่ 7 มกราคม คณะกรรมการ", "--01-07"),
        ("en", "On May 9, the committee met.", "--05-09"),
    ],
)
def test_day_month_without_year_stays_partial(lang: str, text: str, expected: str) -> None:
    assert _dates(lang, text)[0] == (expected, "day_month")


@pytest.mark.parametrize(
    ("lang", "text", "meta", "expected"),
    [
        ("vi", "Ngày 4/9, Huyện ủy họp.", {"published": "2021-09-05"}, "2021-09-04"),
        ("en", "Posted 11-03-2016\nToday, March 10, delegates met.", {}, "2016-03-10"),
        ("th", "อัปเดต 2022-04-02\nเมื่อวันที่ 1 เมษายน คณะกรรมการ", {}, "2022-04-01"),
    ],
)
def test_day_month_takes_the_publication_year(lang: str, text: str, meta: dict, expected: str) -> None:
    assert (expected, "day_month_anchored") in _dates(lang, text, meta)
