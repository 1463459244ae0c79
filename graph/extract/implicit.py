"""Documents cited without a number, by the plenum that adopted them, resolved through the registry.

Why: party articles often write "the resolution of the 5th Central Conference
(13th term) on grassroots party organisations" instead of "21-NQ/TW". A
plenum ordinal, the term and the topic pick one registry entry: the ordinal
and term give the plenum's documents, the kind word ("resolution",
"conclusion") narrows them, and the topic keywords choose among them. Several
terms in one reference ("4th Central Conference (11th term, 12th term)")
name one document per term. Without a term the reference is ambiguous and is
left alone; without a topic it resolves only to the plenum's ``primary``
document (the one people mean by "the resolution of plenum N").

How plenums, terms and kind words are written is per-language data
(``plenums.yaml``); the registry (``graph/data/registry``) holds the topics.

Example:
    >>> from graph.text import prepare
    >>> doc = prepare("Thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng.", "vi")
    >>> [m.item for m in find_implicit_references(doc)]
    ['04-NQ/TW']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graph import wordscan
from graph.extract.mentions import Mention
from graph.lang import load_pack
from graph.registry import RegistryEntry, by_plenum
from graph.text import TextDoc, fold_key
from graph.wordscan import longest_first

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_WINDOW_BEFORE, _WINDOW_AFTER, _TOPIC_REACH = 60, 90, 260


def roman(value: str) -> int | None:
    """A Roman numeral's value ("XIII" -> 13), None if it is not one."""
    value = value.upper()
    if not value or any(c not in _ROMAN for c in value):
        return None
    total = 0
    for i, c in enumerate(value):
        v = _ROMAN[c]
        total += -v if i + 1 < len(value) and _ROMAN[value[i + 1]] > v else v
    return total


@dataclass(frozen=True)
class _Grammar:
    ordinals: dict[str, int]
    plenum: tuple[re.Pattern[str], ...]
    term: tuple[re.Pattern[str], ...]
    kinds: tuple[tuple[re.Pattern[str], str], ...]
    latin: bool
    # per plenum pattern: whether it begins with the ordinal ("{n}..."), so wordscan may skip to numbers
    plenum_numbered: tuple[bool, ...] = ()



@cache
def _grammar(code: str) -> _Grammar:
    pack = load_pack(code)
    cfg = pack.data("plenums", {}) or load_pack("en").data("plenums", {})
    ordinals = {str(k).lower(): int(v) for k, v in (cfg.get("ordinals") or {}).items()}
    words = longest_first(list(ordinals))
    n = rf"(?P<n>\d{{1,2}}|{words})"
    t = rf"(?P<t>\d{{1,2}}|[XVIL]{{1,6}}|{words})"
    plenum = tuple(re.compile(p.replace("{n}", n), re.IGNORECASE) for p in cfg.get("plenum") or [])
    term = tuple(re.compile(p.replace("{t}", t), re.IGNORECASE) for p in cfg.get("term") or [])
    kinds = tuple((re.compile(longest_first([str(w) for w in ws]), re.IGNORECASE), str(k))
                  for k, ws in (cfg.get("documents") or {}).items())
    numbered = tuple(p.startswith("{n}") for p in cfg.get("plenum") or [])
    return _Grammar(ordinals, plenum, term, kinds, pack.spaces_between_words, numbered)


def _number(g: _Grammar, raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    low = raw.lower()
    if low in g.ordinals:
        return g.ordinals[low]
    return roman(raw)


def _terms(doc: TextDoc, g: _Grammar, start: int, end: int) -> list[tuple[int, int]]:
    """(position, term) pairs written between ``start`` and ``end``."""
    found: list[tuple[int, int]] = []
    for regex in g.term:
        for m in regex.finditer(doc.text, max(0, start), min(len(doc.text), end)):
            value = _number(g, m.group("t"))
            if value and 1 <= value <= 20:
                found.append((m.start(), value))
    # "(khóa XI, XII)", "(11th and 12th terms)": bare numerals listed right after a term
    for pos, _value in list(found):
        tail = doc.text[pos:min(len(doc.text), end)]
        close = tail.find(")")
        if close > 0:
            for m in re.finditer(r"(?<![\w])([XVIL]{2,6}|\d{1,2})(?:st|nd|rd|th)?(?![\w])", tail[:close]):
                value = _number(g, m.group(1))
                if value and 1 <= value <= 20:
                    found.append((pos + m.start(), value))
    return sorted(set(found))


def terms_near(doc: TextDoc, start: int, end: int) -> set[int]:
    """Central Committee terms written between ``start`` and ``end`` ("(13th term)", "khóa XIII")."""
    return {t for _, t in _terms(doc, _grammar(doc.pack.code), start, end)}


def _key(text: str, latin: bool) -> str:
    return fold_key(text) if latin else re.sub(r"\s+", "", text)


def _choose(entries: list[RegistryEntry], topic: str, lang: str, latin: bool) -> list[RegistryEntry]:
    scored: list[tuple[int, RegistryEntry]] = []
    for e in entries:
        words = e.keywords.get(lang, ()) + (e.keywords.get("en", ()) if lang != "en" else ())
        hits = sum(1 for w in words if _key(w, latin) and _key(w, latin) in topic)
        scored.append((hits, e))
    best = max((h for h, _ in scored), default=0)
    if best > 0:
        return [e for h, e in scored if h == best]
    primary = [e for e in entries if e.primary]
    if primary:
        return primary[:1]
    return entries if len(entries) == 1 else []


def find_implicit_references(doc: TextDoc) -> list[Mention[str]]:
    """Registry codes of documents the text names by plenum and term instead of by number.

    >>> from graph.text import prepare
    >>> doc = prepare("the resolution of the 5th plenum of the 13th Party Central Committee on collective economy",
    ...               "en")
    >>> [m.item for m in find_implicit_references(doc)]
    ['20-NQ/TW']
    """
    g = _grammar(doc.pack.code)
    text = doc.text
    out: list[Mention[str]] = []
    seen: set[tuple[int, str]] = set()
    scanner = wordscan.scanner(doc)
    for regex, numbered in zip(g.plenum, g.plenum_numbered, strict=True):
        found = scanner.finditer_from(regex, g.ordinals, digits=True) if numbered else regex.finditer(text)
        for m in found:
            plenum = _number(g, m.group("n"))
            if not plenum:
                continue
            sent = doc.sentence_at(m.start())
            s_start, s_end = (sent.start, sent.end) if sent else (0, len(text))
            kind_start, kind = _kind_before(g, text, max(s_start, m.start() - _WINDOW_BEFORE), m.end())
            if kind is None:
                continue
            after = _terms(doc, g, m.end(), min(s_end, m.end() + _WINDOW_AFTER))
            terms = after or _terms(doc, g, max(s_start, m.start() - _WINDOW_BEFORE), m.start())
            if not terms:
                continue
            end = max(m.end(), *(p for p, _ in after)) if after else m.end()
            topic = _key(text[m.end():min(s_end, m.end() + _TOPIC_REACH)], g.latin)
            for term in sorted({t for _, t in terms}):
                entries = [e for e in by_plenum(term, plenum) if e.type == kind]
                for e in _choose(entries, topic, doc.lang, g.latin):
                    if (kind_start, e.code) not in seen:
                        seen.add((kind_start, e.code))
                        out.append(Mention(kind_start, end, e.code, "implicit_plenum"))
    out.sort(key=lambda x: x.start)
    return out


def _kind_before(g: _Grammar, text: str, start: int, end: int) -> tuple[int, str | None]:
    """The kind word ("resolution") nearest before the plenum's end, and where it starts."""
    best: tuple[int, str | None] = (start, None)
    for regex, kind in g.kinds:
        for m in regex.finditer(text, start, end):
            if best[1] is None or m.start() > best[0]:
                best = (m.start(), kind)
    return best
