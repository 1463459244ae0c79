"""Score extraction output against gold annotations (FORMAT.md), as the scorer of record does.

Why a scorer of our own: the test suite prints precision, recall and F1 per
category and language on every run and holds floors, without depending on a
file outside the project. Its rules follow gold/FORMAT.md and agree with the
scorer of record (a test compares the two on real output when that scorer is
present):

- names compare after ASCII folding, lower-casing and dropping "the", "of",
  "cpv"; a predicted organisation or place name is first mapped onto the
  gold's canonical names and aliases (exactly, else the closest at a
  token-sort ratio of 90 or more);
- document codes ignore separators, spaces and leading zeros
  ("01/CT-TW" = "1-CT/TW"); codes, roles and dates otherwise match exactly;
- person names match at a token-sort ratio of 92, other names at 90;
- items are matched one-to-one, greedily, in gold order.

Example:
    >>> code_key("21 – NQ/TW") == code_key("21-NQ/TW")
    True
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

CATEGORIES = (
    "organizations", "people", "documents", "document_issuer", "document_date", "places", "posts",
    "person_org", "implements", "implements_all", "sub_organization_of", "events",
)
CORE = ("organizations", "people", "documents", "posts", "implements")
_ORG_NOISE = frozenset({"the", "of", "cpv"})
_ROLE_SYNONYMS = {
    "party secretary": "secretary", "secretary general": "general secretary", "chair": "chairman",
    "chairwoman": "chairman", "president": "chairman", "vice chair": "vice chairman",
    "vice president": "vice chairman", "deputy chairman": "vice chairman", "director general": "director",
    "chief": "head", "leader": "head",
}


def folded(text: str | None) -> str:
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w\s/-]", " ", text).split())


def name_key(text: str | None) -> str:
    return " ".join(t for t in folded(text).replace("-", " ").split() if t not in _ORG_NOISE)


def code_key(code: str | None) -> str:
    text = unicodedata.normalize("NFKC", code or "").upper().replace("Đ", "D")
    text = "".join(re.sub(r"[\u2010-\u2015\u2212/]", "-", text).split())
    return re.sub(r"^0+(?=\d)", "", text)


def role_key(role: str | None) -> str:
    key = folded(role)
    return _ROLE_SYNONYMS.get(key, key)


def _close(a: str, b: str, threshold: int) -> bool:
    return a == b or (bool(a) and bool(b) and fuzz.token_sort_ratio(a, b) >= threshold)


class GoldNames:
    """The gold document's organisation and place names with aliases, for canonicalising predictions."""

    def __init__(self, gold: dict[str, Any]) -> None:
        self._canonical: dict[str, str] = {}
        for entry in [*gold.get("organizations", []), *gold.get("places", [])]:
            key = name_key(entry["name"])
            self._canonical[key] = key
            for alias in entry.get("aliases") or []:
                self._canonical[name_key(alias)] = key

    def __contains__(self, key: str) -> bool:
        return key in self._canonical

    def canonical(self, name: str | None) -> str:
        key = name_key(name)
        if key in self._canonical:
            return self._canonical[key]
        best_score, best = 0.0, None
        for alias, canonical in self._canonical.items():
            score = fuzz.token_sort_ratio(key, alias)
            if score > best_score:
                best_score, best = score, canonical
        return best if best is not None and best_score >= 90 else key


def _pairs(rows: Iterable[Any] | None) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in rows or [] if isinstance(r, list | tuple) and len(r) >= 2]


def comparable_items(doc: dict[str, Any], names: GoldNames) -> dict[str, list[Any]]:
    """Each category's items as comparable keys (names canonicalised against the gold)."""

    def end(x: str | None) -> tuple[str, str]:
        x = x or ""
        if name_key(x) in names or not re.match(r"\s*\d", x):
            return ("name", names.canonical(x))
        return ("code", code_key(x))

    docs = doc.get("documents", [])
    posts = [(folded(p.get("name")), role_key(post.get("role")), names.canonical(post.get("organization")))
             for p in doc.get("people", []) for post in p.get("posts") or []]
    implements = [(end(s), end(o)) for s, o in _pairs((doc.get("relations") or {}).get("implements"))]
    implicit = [(end(s), end(o)) for s, o in _pairs((doc.get("implicit") or {}).get("implements"))]
    return {
        "organizations": [names.canonical(o.get("name")) for o in doc.get("organizations", [])],
        "people": [folded(p.get("name")) for p in doc.get("people", [])],
        "documents": [code_key(d.get("code")) for d in docs],
        "document_issuer": [(code_key(d.get("code")), names.canonical(d["issuer"])) for d in docs if d.get("issuer")],
        "document_date": [(code_key(d.get("code")), str(d["date"])[:10]) for d in docs if d.get("date")],
        "places": [name_key(p.get("name")) for p in doc.get("places", [])],
        "posts": posts,
        "person_org": [(person, org) for person, _, org in posts],
        "implements": implements,
        "implements_all": implements + implicit,
        "sub_organization_of": [(names.canonical(s), names.canonical(o))
                                for s, o in _pairs((doc.get("relations") or {}).get("sub_organization_of"))],
        "events": [(names.canonical(e.get("organizer")), str(e.get("date") or "")[:7]) for e in doc.get("events", [])],
    }


# per category, how each position of an item compares: p person, n name, x exact, r relation end
_FIELD_KINDS = {
    "organizations": "n", "people": "p", "documents": "x", "places": "n", "document_issuer": "xn",
    "document_date": "xx", "posts": "pxn", "person_org": "pn", "implements": "rr", "implements_all": "rr",
    "sub_organization_of": "nn", "events": "nx",
}


def _field_equal(kind: str, a: Any, b: Any) -> bool:
    if a == b:
        return True
    if kind == "x":
        return False
    if kind == "r":
        return a[0] == b[0] == "name" and _close(a[1], b[1], 90)
    return isinstance(a, str) and isinstance(b, str) and _close(a, b, 92 if kind == "p" else 90)


def _matcher(category: str) -> Callable[[Any, Any], bool]:
    kinds = _FIELD_KINDS[category]
    if len(kinds) == 1:
        return lambda a, b: _field_equal(kinds, a, b)
    return lambda a, b: all(_field_equal(k, x, y) for k, x, y in zip(kinds, a, b, strict=False))


def true_positives(gold: list[Any], predicted: list[Any], equal: Callable[[Any, Any], bool]) -> int:
    free = list(range(len(predicted)))
    hits = 0
    for g in gold:
        for pos, i in enumerate(free):
            if equal(g, predicted[i]):
                del free[pos]
                hits += 1
                break
    return hits


@dataclass
class Tally:
    tp: int = 0
    gold: int = 0
    predicted: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.predicted if self.predicted else (1.0 if self.gold == 0 else 0.0)
        r = self.tp / self.gold if self.gold else (1.0 if self.predicted == 0 else 0.0)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Report:
    tallies: dict[tuple[str, str], Tally]
    missing: list[str]

    @property
    def scopes(self) -> list[str]:
        return sorted({s for s, _ in self.tallies}, key=lambda s: (s != "all", s))

    def f1(self, scope: str, category: str) -> float:
        return self.tallies.get((scope, category), Tally()).prf()[2]

    def core(self, scope: str = "all") -> float:
        return sum(self.f1(scope, c) for c in CORE) / len(CORE)

    def table(self) -> str:
        lines = []
        for scope in self.scopes:
            lines.append(f"== {scope}")
            lines.append(f"{'category':22} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
            for cat in CATEGORIES:
                t = self.tallies.get((scope, cat), Tally())
                p, r, f = t.prf()
                lines.append(f"{cat:22} {p:6.2f} {r:6.2f} {f:6.2f} {t.gold:5d} {t.predicted:5d}")
        lines.append("core macro-F1 by language: "
                     + ", ".join(f"{s} {self.core(s):.3f}" for s in self.scopes if s != "all"))
        lines.append(f"core macro-F1 (orgs, people, documents, posts, implements): {self.core():.3f}")
        return "\n".join(lines)


def score(gold_docs: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> Report:
    by_name = {Path(p.get("doc", "")).name: p for p in predictions}
    tallies: dict[tuple[str, str], Tally] = {}
    missing = []
    for gold in gold_docs:
        name = Path(gold.get("doc", "")).name
        pred = by_name.get(name)
        if pred is None:
            missing.append(name)
            pred = {}
        names = GoldNames(gold)
        g_items, p_items = comparable_items(gold, names), comparable_items(pred, names)
        for cat in CATEGORIES:
            hits = true_positives(g_items[cat], p_items[cat], _matcher(cat))
            for scope in ("all", gold.get("lang", "?")):
                t = tallies.setdefault((scope, cat), Tally())
                t.tp += hits
                t.gold += len(g_items[cat])
                t.predicted += len(p_items[cat])
    return Report(tallies, missing)


def load_gold(dirs: Iterable[Path]) -> list[dict[str, Any]]:
    docs = []
    for path in sorted((p for d in dirs for p in Path(d).glob("*.json")), key=lambda p: str(p)):
        data = json.loads(path.read_text(encoding="utf-8"))
        data.setdefault("doc", path.stem + ".txt")
        docs.append(data)
    return docs
