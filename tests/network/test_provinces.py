"""``graph.network.provinces``: the provinces in force on a date, and where a place name belongs."""

from __future__ import annotations

from datetime import date

import pytest

from graph.network.provinces import (
    era_at,
    in_era,
    province_containing,
    province_named,
    provinces_at,
    provinces_in,
    successor,
)


def test_63_then_34() -> None:
    assert era_at(date(2025, 6, 30)) == "legacy" and era_at(date(2025, 7, 1)) == "2025"
    assert len(provinces_at(date(2020, 1, 1))) == 63 and len(provinces_at(date(2026, 1, 1))) == 34
    assert "Hai Duong" in provinces_in("legacy") and "Hai Duong" not in provinces_in("2025")


@pytest.mark.parametrize(("old", "new"), [("Hai Duong", "Hai Phong"), ("Tra Vinh", "Vinh Long"),
                                          ("Ha Tinh", "Ha Tinh"), ("Binh Duong", "Ho Chi Minh City")])
def test_successor(old: str, new: str) -> None:
    assert successor(old) == new and in_era(old, "2025") == new and in_era(old, "legacy") == old


def test_every_old_province_maps_onto_a_new_one() -> None:
    assert {in_era(p, "2025") for p in provinces_in("legacy")} == set(provinces_in("2025"))


@pytest.mark.parametrize(("name", "province"), [("Trà Vinh", "Tra Vinh"), ("Thua Thien Hue", "Hue"),
                                                ("Hanoi", "Ha Noi"), ("Cam Xuyen", None)])
def test_province_named(name: str, province: str | None) -> None:
    assert province_named(name) == province


def test_province_containing_a_district_or_commune() -> None:
    assert province_containing("Cam Xuyen") == "Ha Tinh"
    assert province_containing("Chi Linh") == "Hai Duong"  # a legacy city, and a 2025 ward of Hai Phong
    assert province_containing("Gia Loc", "district") == "Hai Duong"
    assert province_containing("Ward 7") is None
