"""The gazetteer of Vietnamese places: every unit before and after the July 2025 reorganisation.

Why one table for both eras: articles from before July 2025 name districts
and the 63 provinces, later ones the 34 provinces and the merged communes,
and both stay in the graph. ``data/gazetteer/units.tsv`` (built by
``scripts/build_gazetteer.py`` from the MIT-licensed vietnamadminunits
dataset) holds the Vietnamese names; ``data/gazetteer/scripts.yaml`` the
curated Khmer, Thai and English spellings.

Canonical names are the ASCII-folded Vietnamese names ("Hai Duong"); a unit
named like its parent or grandparent gets its type as a suffix ("Tra Vinh
City" in Tra Vinh province, "Cam Xuyen Town" in Cam Xuyen district).

Example:
    >>> [u.name for u in by_name("Cẩm Xuyên")][:2]
    ['Cam Xuyen', 'Cam Xuyen Town']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from graph.phonetic import vietnamese_keys
from graph.text import fold, fold_key

DATA = Path(__file__).parent / "data" / "gazetteer"
LEVEL = {"province": 1, "city": 2, "district": 2, "town": 3, "commune": 3, "ward": 3, "village": 4,
         "residential_group": 5}
_SUFFIX = {"city": "City", "town": "Town", "district": "District", "ward": "Ward", "commune": "Commune"}
_SPECIAL = {"Ho Chi Minh": "Ho Chi Minh City"}


@dataclass(frozen=True)
class Unit:
    id: int
    vi: str
    type: str
    parent: int
    era: str
    name: str  # canonical ASCII name, suffixed when it repeats an ancestor's

    @property
    def level(self) -> int:
        """1 for provinces and centrally-run cities, 2 for districts, 3 for communes and wards."""
        return 1 if self.parent == 0 else (2 if _units()[self.parent].parent == 0 and self.era != "2025" else 3)


@lru_cache(maxsize=32768)
def name_key(text: str) -> str:
    """Spaces, case, diacritics and punctuation removed: "Hà Nội", "Hanoi" and "ha-noi" meet."""
    return fold_key(text).replace(" ", "")


@lru_cache(maxsize=1)
def _units() -> dict[int, Unit]:
    raw: dict[int, tuple[str, str, int, str]] = {}
    for line in (DATA / "units.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        uid, vi, typ, parent, era = line.split("\t")
        raw[int(uid)] = (vi, typ, int(parent), era)
    units: dict[int, Unit] = {}
    for uid, (vi, typ, parent, era) in raw.items():
        ascii_name = _SPECIAL.get(fold(vi), fold(vi)) if parent == 0 else fold(vi)
        ancestors = []
        p = parent
        while p:
            ancestors.append(fold(raw[p][0]))
            p = raw[p][2]
        if ascii_name in ancestors[:2] and typ in _SUFFIX:
            ascii_name = f"{ascii_name} {_SUFFIX[typ]}"
        units[uid] = Unit(uid, vi, typ, parent, era, ascii_name)
    return units


def unit(uid: int) -> Unit:
    return _units()[uid]


@lru_cache(maxsize=1)
def _name_index() -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for u in _units().values():
        index.setdefault(name_key(u.vi), []).append(u.id)
    for surface, ids in _aliases().get("en", {}).items():
        index.setdefault(name_key(surface), []).extend(ids)
    return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}


@lru_cache(maxsize=1)
def _aliases() -> dict[str, dict[str, tuple[int, ...]]]:
    """Curated spellings per language: surface -> unit ids."""
    raw = yaml.safe_load((DATA / "scripts.yaml").read_text(encoding="utf-8")) or {}
    by_key: dict[str, list[int]] = {}
    for u in _units().values():
        by_key.setdefault(name_key(u.vi), []).append(u.id)
    out: dict[str, dict[str, list[int]]] = {}
    for head, spellings in raw.items():
        name, _, typ = str(head).partition("|")
        ids = [i for i in by_key.get(name_key(name), []) if not typ or _units()[i].type == typ]
        ids.sort(key=lambda i: (_units()[i].era == "2025", i))
        for lang, forms in (spellings or {}).items():
            for form in forms or []:
                out.setdefault(lang, {}).setdefault(str(form).replace("\u200b", ""), []).extend(ids)
    return {lang: {s: tuple(dict.fromkeys(ids)) for s, ids in forms.items()} for lang, forms in out.items()}


def person_forms() -> frozenset[str]:
    """Place names that are also people's names ("Ho Chi Minh"): places only after a type word."""
    return frozenset(name_key(s) if s.isascii() else s for s in _aliases().get("person", {}))


def aliases(lang: str) -> dict[str, tuple[int, ...]]:
    """Curated spellings of one language (``km``, ``th``, ``en``) and the units they name."""
    return _aliases().get(lang, {})


def by_name(surface: str) -> list[Unit]:
    """Units whose Vietnamese name (or curated English spelling) equals ``surface`` after folding."""
    return list(_by_name(surface))


@lru_cache(maxsize=32768)
def _by_name(surface: str) -> tuple[Unit, ...]:
    return tuple(_units()[i] for i in _name_index().get(name_key(surface), ()))


def ancestors(u: Unit) -> list[Unit]:
    out = []
    p = u.parent
    while p:
        out.append(_units()[p])
        p = _units()[p].parent
    return out


def province_of(u: Unit) -> Unit:
    chain = [u, *ancestors(u)]
    return chain[-1]


@lru_cache(maxsize=1)
def _top_keys() -> tuple[list[str], list[int]]:
    keys, ids = [], []
    for u in _units().values():
        if u.parent == 0 or _units()[u.parent].parent == 0 and u.era != "2025":
            keys.append(name_key(u.vi))
            ids.append(u.id)
    return keys, ids


def fuzzy_top(surface: str, cutoff: float = 88.0) -> list[Unit]:
    """Provinces and districts whose name is within a typo of ``surface`` ("Quang Nih" -> Quang Ninh)."""
    return list(_fuzzy_top(surface, cutoff))


@lru_cache(maxsize=8192)
def _fuzzy_top(surface: str, cutoff: float) -> tuple[Unit, ...]:
    k = name_key(surface)
    if len(k) < 6:
        return ()
    keys, ids = _top_keys()
    hits = process.extract(k, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
    if not hits:
        return ()
    best = hits[0][1]
    return tuple(_units()[ids[i]] for _, score, i in hits if score == best)


@lru_cache(maxsize=64)
def phonetic_index(scope: int, levels: tuple[int, ...]) -> tuple[list[str], list[int]]:
    """Phonetic keys of the units at ``levels`` inside unit ``scope`` (0: the whole country)."""
    keys: list[str] = []
    ids: list[int] = []
    for u in _units().values():
        if u.level not in levels:
            continue
        if scope and scope not in {a.id for a in ancestors(u)} and u.id != scope:
            continue
        for k in vietnamese_keys(u.vi):
            if len(k) >= 3:
                keys.append(k)
                ids.append(u.id)
    return keys, ids


def same_place(a: Unit, b: Unit) -> bool:
    """True when two units are the same place in two eras (same name, same province name)."""
    return a.name == b.name and province_of(a).name == province_of(b).name


def is_ancestor(a: Unit, b: Unit) -> bool:
    """True when ``a`` contains ``b`` in either era (matched by name, since eras have separate ids)."""
    names = {(x.name, province_of(x).name) for x in ancestors(b)}
    return (a.name, province_of(a).name) in names or (a.parent == 0 and a.name in {x.name for x in ancestors(b)})


def clean(surface: str) -> str:
    return re.sub(r"\s+", " ", surface).strip(" ,.;:()[]\"'“”")
