"""The registry of central party documents: code, issuer, date and topic per term.

Why: articles often cite "21-NQ/TW" without a year, or describe a resolution
by its plenum ("the 5th plenum of the 13th term on grassroots party
organisations") without a number. Document identity needs code + issuer +
year, so the registry supplies what the text leaves out. The same code
recurs across terms (21-NQ/TW of the 12th Central Committee is the 2017
resolution on population work, of the 13th the 2022 one on grassroots party
organisations), so a lookup returns every candidate, newest first.

The entries are data (``graph/data/registry/term*.yaml``, see the README
there), loaded once.

Example:
    >>> [e.date for e in lookup("21-NQ/TW")]
    ['2022-06-16', '2017-10-25']
    >>> lookup("21 - NQ/TW", year=2017)[0].title
    'on population work in the new situation'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

REGISTRY_DIR = Path(__file__).parent / "data" / "registry"


@dataclass(frozen=True)
class RegistryEntry:
    code: str
    type: str
    issuer: str
    date: str | None
    term: int | None = None
    plenum: int | None = None
    title: str | None = None
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    primary: bool = False

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None


def code_key(code: str) -> str:
    """A comparison key for document numbers: separators, spaces, case, Đ and leading zeros are noise.

    >>> code_key("01/CT-TW") == code_key("1-CT/TW") == code_key("01 – ct/tw")
    True
    """
    s = unicodedata.normalize("NFKC", code).upper().replace("Đ", "D")
    s = re.sub(r"[\u2010-\u2015\u2212/\-]", "-", s)
    s = re.sub(r"\s+", "", s)
    return re.sub(r"^0+(?=\d)", "", s)


def _entry(raw: dict) -> RegistryEntry:
    keywords = {lang: tuple(str(k) for k in words) for lang, words in (raw.get("keywords") or {}).items()}
    return RegistryEntry(
        code=str(raw["code"]), type=str(raw["type"]), issuer=str(raw["issuer"]),
        date=str(raw["date"]) if raw.get("date") else None, term=raw.get("term"), plenum=raw.get("plenum"),
        title=" ".join(str(raw["title"]).split()) if raw.get("title") else None, keywords=keywords,
        primary=bool(raw.get("primary", False)),
    )


@lru_cache(maxsize=1)
def _entries() -> tuple[RegistryEntry, ...]:
    entries: list[RegistryEntry] = []
    for path in sorted(REGISTRY_DIR.glob("*.yaml")):
        entries.extend(_entry(raw) for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return tuple(entries)


@lru_cache(maxsize=1)
def _by_key() -> dict[str, tuple[RegistryEntry, ...]]:
    index: dict[str, list[RegistryEntry]] = {}
    for e in _entries():
        index.setdefault(code_key(e.code), []).append(e)
    return {k: tuple(sorted(v, key=lambda e: e.date or "", reverse=True)) for k, v in index.items()}


def entries() -> tuple[RegistryEntry, ...]:
    """Every registry entry, in file order."""
    return _entries()


def lookup(code: str, year: int | None = None) -> list[RegistryEntry]:
    """Registry entries whose normalised code equals ``code``'s, newest first.

    With ``year``, only the entries of that year (an empty list when none is).
    """
    found = list(_by_key().get(code_key(code), ()))
    if year is not None:
        found = [e for e in found if e.year == year]
    return found


def by_plenum(term: int, plenum: int) -> list[RegistryEntry]:
    """The documents adopted at one plenum of one Central Committee term."""
    return [e for e in _entries() if e.term == term and e.plenum == plenum]
