"""Language packs: per-language knowledge as data, found by language code.

Every pack is a folder ``graph/lang/<code>/`` with the same file names
(``meta.yaml``, ``boilerplate.yaml``, and the lexicons the extractors read:
org head words, levels, roles, honorifics, months, implementation verbs...).
The code that reads them is the same for every language; adding a language is
adding a folder. A code without a folder gets the ``und`` pack, so
language-independent extraction (document numbers, dates, Latin names) still runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PACKS_DIR = Path(__file__).parent


@dataclass(frozen=True)
class LanguagePack:
    code: str
    meta: dict[str, Any]
    boilerplate: tuple[re.Pattern[str], ...]
    _files: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def sentence_enders(self) -> str:
        return str(self.meta.get("sentence_enders", ""))

    @property
    def latin_period_rules(self) -> bool:
        return bool(self.meta.get("latin_period_rules", False))

    @property
    def abbreviations(self) -> frozenset[str]:
        return frozenset(a.lower() for a in self.meta.get("abbreviations", []))

    @property
    def spaces_between_words(self) -> bool:
        return bool(self.meta.get("spaces_between_words", True))

    def data(self, name: str, default: Any = None) -> Any:
        """The parsed contents of ``<name>.yaml`` in this pack (``default`` if absent)."""
        if name not in self._files:
            path = PACKS_DIR / self.code / f"{name}.yaml"
            self._files[name] = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
        value = self._files[name]
        return default if value is None else value


def available() -> list[str]:
    """Codes of the real language packs (``und`` excluded)."""
    return sorted(p.name for p in PACKS_DIR.iterdir() if (p / "meta.yaml").exists() and p.name != "und")


@cache
def load_pack(code: str) -> LanguagePack:
    folder = PACKS_DIR / code
    if not (folder / "meta.yaml").exists():
        folder, code = PACKS_DIR / "und", "und"
    meta = yaml.safe_load((folder / "meta.yaml").read_text(encoding="utf-8")) or {}
    bp_path = folder / "boilerplate.yaml"
    patterns = yaml.safe_load(bp_path.read_text(encoding="utf-8")) if bp_path.exists() else []
    return LanguagePack(code=code, meta=meta, boilerplate=tuple(re.compile(p) for p in patterns or []))
