"""The provinces in force on a date, and which province a place name belongs to, from the gazetteer.

Why dates matter: on 1 July 2025 the 63 provinces and centrally-run cities
were merged into 34 (Hai Duong into Hai Phong, Tra Vinh into Vinh Long, ...).
A coverage question "which provinces carry out 21-NQ/TW" is asked against the
map of some day; evidence read before the merger names the old provinces and
counts, after it, for the province that absorbed them.

The province lists come from ``graph.gazetteer`` (``era`` legacy / 2025 /
both); which old province went into which new one comes from the same
vietnamadminunits dataset the gazetteer was built from (its province
conversion table), matched to gazetteer units by folded full name.

    >>> successor("Hai Duong")
    'Hai Phong'
    >>> len(provinces_at(date(2025, 6, 30))), len(provinces_at(date(2025, 7, 1)))
    (63, 34)
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

from graph import gazetteer as gz

REFORM_DATE = date(2025, 7, 1)
LEGACY, CURRENT = "legacy", "2025"


def era_at(as_of: date) -> str:
    """``legacy`` (63 provinces) before 1 July 2025, ``2025`` (34) from then on."""
    return LEGACY if as_of < REFORM_DATE else CURRENT


def _provinces() -> list[gz.Unit]:
    return [u for u in gz._units().values() if u.parent == 0]


@lru_cache(maxsize=2)
def provinces_in(era: str) -> tuple[str, ...]:
    """Canonical names of the provinces and centrally-run cities of an era, sorted."""
    return tuple(sorted({u.name for u in _provinces() if u.era in (era, "both")}))


def provinces_at(as_of: date) -> tuple[str, ...]:
    return provinces_in(era_at(as_of))


def _full_key(u: gz.Unit) -> str:
    return gz.name_key(("Thành phố " if u.type == "city" else "Tỉnh ") + u.vi)


@lru_cache(maxsize=1)
def _successors() -> dict[str, str]:
    import vietnamadminunits

    table = Path(vietnamadminunits.__file__).parent / "data" / "converter_2025.json"
    merged: dict[str, list[str]] = json.loads(table.read_text(encoding="utf-8"))["DICT_PROVINCE"]
    by_key = {_full_key(u): u.name for u in _provinces()}
    out: dict[str, str] = {}
    for new, olds in merged.items():
        for old in olds:
            if old in by_key and new in by_key:
                out[by_key[old]] = by_key[new]
    return out


def successor(province: str) -> str:
    """The 2025 province that took over a pre-2025 one (itself when it kept its name and was not merged away)."""
    return _successors().get(province, province)


def in_era(province: str, era: str) -> str | None:
    """The name under which ``province`` counts in ``era``, or ``None`` if the name is not a province then."""
    name = successor(province) if era == CURRENT else province
    return name if name in provinces_in(era) else None


def province_named(name: str) -> str | None:
    """The canonical province (any era) named by ``name`` ("Trà Vinh", "Thua Thien Hue", "Hanoi"), or ``None``."""
    units = [u for u in gz.by_name(name) if u.parent == 0]
    return units[0].name if units else None


def province_containing(name: str, place_type: str | None = None) -> str | None:
    """The province of a place name: a province itself, or a district or commune the gazetteer can place.

    A name may belong to several units ("Chi Linh" is a legacy city of Hai Duong
    and a 2025 ward of Hai Phong; "Gia Loc" a district and several communes).
    ``place_type`` (city, district, commune, ...) narrows them; then the units of
    one era are tried, legacy first, then the highest-level units; the answer is
    given only when the candidates agree on one province.

    >>> province_containing("Chi Linh")
    'Hai Duong'
    """
    own = province_named(name)
    if own is not None:
        return own
    units = gz.by_name(name)
    if place_type:
        units = [u for u in units if u.type == place_type] or units
    if not units:
        return None
    top = min(u.level for u in units)
    groups = ([u for u in units if u.era in (LEGACY, "both")], [u for u in units if u.era in (CURRENT, "both")],
              [u for u in units if u.level == top])
    for group in groups:
        found = {gz.province_of(u).name for u in group}
        if len(found) == 1:
            return found.pop()
    return None
