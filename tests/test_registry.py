"""The registry of central documents: codes recur across terms, lookups return every candidate."""

from __future__ import annotations

import pytest

from graph.registry import by_plenum, code_key, entries, lookup

TYPES = {"resolution", "conclusion", "directive", "regulation", "instruction", "programme", "plan", "decision"}
ISSUERS = {"Central Committee of the Communist Party of Vietnam", "Politburo", "Secretariat"}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("21-NQ/TW", "21 – NQ/TW", True), ("01/CT-TW", "1-CT/TW", True), ("08-QĐi/TW", "8-QDi/TW", True),
     ("5-CT/TW", "35-CT/TW", False)],
)
def test_code_key(a: str, b: str, same: bool) -> None:
    assert (code_key(a) == code_key(b)) is same


def test_every_entry_is_well_formed() -> None:
    assert len(entries()) >= 50
    for e in entries():
        assert e.type in TYPES and e.issuer in ISSUERS, e.code
        assert e.date is None or e.date[:2] in ("19", "20"), e.code
        assert e.term is None or 9 <= e.term <= 14, e.code
        assert (e.plenum is None) or e.issuer.startswith("Central Committee"), e.code


def test_same_code_two_terms() -> None:
    found = lookup("21-NQ/TW")
    assert [(e.term, e.year) for e in found] == [(13, 2022), (12, 2017)]
    assert [e.term for e in lookup("21-NQ/TW", year=2017)] == [12]
    assert lookup("21-NQ/TW", year=2019) == []


@pytest.mark.parametrize(("term", "plenum", "code"), [(13, 5, "21-NQ/TW"), (12, 4, "04-NQ/TW"), (11, 4, "12-NQ/TW")])
def test_plenums(term: int, plenum: int, code: str) -> None:
    assert code in [e.code for e in by_plenum(term, plenum)]


def test_one_primary_per_plenum() -> None:
    seen: dict[tuple, int] = {}
    for e in entries():
        if e.primary:
            seen[(e.term, e.plenum)] = seen.get((e.term, e.plenum), 0) + 1
    assert all(n == 1 for n in seen.values())
