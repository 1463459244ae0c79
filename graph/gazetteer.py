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
from functools import cache, lru_cache
from itertools import chain
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
        return 1 if self.parent == 0 else (2 if _is_province(self.parent) and self.era != "2025" else 3)


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


@cache
def _is_province(uid: int) -> bool:
    return _units()[uid].parent == 0


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


@lru_cache(maxsize=1)
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
    """The units containing ``u``, nearest first."""
    return list(_chain(u.parent))


@cache
def _chain(parent: int) -> tuple[Unit, ...]:
    """Unit ``parent`` and its ancestors, memoised: place ranking asks for the same chains thousands of times."""
    out = []
    p = parent
    while p:
        out.append(_units()[p])
        p = _units()[p].parent
    return tuple(out)


def province_of(u: Unit) -> Unit:
    chain = _chain(u.parent)
    return chain[-1] if chain else u


@lru_cache(maxsize=1)
def _top_keys() -> tuple[list[str], list[int]]:
    keys, ids = [], []
    for u in _units().values():
        if u.parent == 0 or _units()[u.parent].parent == 0 and u.era != "2025":
            keys.append(name_key(u.vi))
            ids.append(u.id)
    return keys, ids


@lru_cache(maxsize=256)
def _top_keys_near(length: int, cutoff: float) -> tuple[list[str], list[int]]:
    """The keys of :func:`_top_keys` whose length allows a ratio of ``cutoff`` with a key of ``length``, in order.

    Why: ``fuzz.ratio`` is at most ``100 * (1 - |a - b| / (a + b))`` for lengths a and b, so keys much
    shorter or longer can never reach the cutoff; leaving them out (with a character of margin) changes
    no result and spares most of the comparisons.
    """
    keys, ids = _top_keys()
    slack = 1 - cutoff / 100
    near = [i for i, key in enumerate(keys) if abs(len(key) - length) <= slack * (len(key) + length) + 1]
    return [keys[i] for i in near], [ids[i] for i in near]


def fuzzy_top(surface: str, cutoff: float = 88.0) -> list[Unit]:
    """Provinces and districts whose name is within a typo of ``surface`` ("Quang Nih" -> Quang Ninh)."""
    return list(_fuzzy_top(surface, cutoff))


@lru_cache(maxsize=8192)
def _fuzzy_top(surface: str, cutoff: float) -> tuple[Unit, ...]:
    k = name_key(surface)
    if len(k) < 6:
        return ()
    keys, ids = _top_keys_near(len(k), cutoff)
    hits = process.extract(k, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
    if not hits:
        return ()
    best = hits[0][1]
    return tuple(_units()[ids[i]] for _, score, i in hits if score == best)


@lru_cache(maxsize=256)
def phonetic_index(scope: int, levels: tuple[int, ...]) -> tuple[list[str], list[int]]:
    """Phonetic keys of the units at ``levels`` inside unit ``scope`` (0: the whole country)."""
    keys: list[str] = []
    ids: list[int] = []
    for u in _members(scope) if scope else _units().values():
        if u.level not in levels:
            continue
        for k in _unit_keys(u.id):
            keys.append(k)
            ids.append(u.id)
    return keys, ids


@lru_cache(maxsize=256)
def phonetic_ids(scope: int, levels: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
    """The units of each key of :func:`phonetic_index`, in index order."""
    out: dict[str, list[int]] = {}
    for k, uid in zip(*phonetic_index(scope, levels), strict=True):
        out.setdefault(k, []).append(uid)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=4096)
def phonetic_keys_near(scope: int, levels: tuple[int, ...], length: int, cutoff: float) -> list[str]:
    """The keys of :func:`phonetic_index` that can reach a ``fuzz.ratio`` of ``cutoff`` with a key of ``length``.

    In index order, so the best match among them is the best match among all (see :func:`_top_keys_near`).
    """
    keys = phonetic_index(scope, levels)[0]
    slack = 1 - cutoff / 100
    by_length = _positions_by_length(scope, levels)
    near = [by_length[n] for n in by_length if abs(n - length) <= slack * (n + length) + 1]
    return [keys[i] for i in sorted(chain.from_iterable(near))]


@lru_cache(maxsize=256)
def _positions_by_length(scope: int, levels: tuple[int, ...]) -> dict[int, list[int]]:
    """Where the keys of each length sit in :func:`phonetic_index`."""
    out: dict[int, list[int]] = {}
    for i, k in enumerate(phonetic_index(scope, levels)[0]):
        out.setdefault(len(k), []).append(i)
    return out


@lru_cache(maxsize=1)
def _member_index() -> dict[int, tuple[Unit, ...]]:
    """Each unit and the units inside it, in table order (so a scope's index is built without a full scan)."""
    out: dict[int, list[Unit]] = {}
    for u in _units().values():
        out.setdefault(u.id, []).append(u)
        for a in _chain(u.parent):
            out.setdefault(a.id, []).append(u)
    return {k: tuple(v) for k, v in out.items()}


def _members(scope: int) -> tuple[Unit, ...]:
    return _member_index().get(scope, ())


@cache
def _unit_keys(uid: int) -> tuple[str, ...]:
    """The phonetic keys (three letters or more) of one unit's name, in :func:`vietnamese_keys` order."""
    return tuple(k for k in vietnamese_keys(_units()[uid].vi) if len(k) >= 3)


def same_place(a: Unit, b: Unit) -> bool:
    """True when two units are the same place in two eras (same name, same province name)."""
    return a.name == b.name and province_of(a).name == province_of(b).name


def is_ancestor(a: Unit, b: Unit) -> bool:
    """True when ``a`` contains ``b`` in either era (matched by name, since eras have separate ids)."""
    names = {(x.name, province_of(x).name) for x in ancestors(b)}
    return (a.name, province_of(a).name) in names or (a.parent == 0 and a.name in {x.name for x in ancestors(b)})


def clean(surface: str) -> str:
    return re.sub(r"\s+", " ", surface).strip(" ,.;:()[]\"'“”")
