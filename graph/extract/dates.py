"""Dates in any pack's language, as ISO strings that keep what the text leaves out.

Why a grammar per pack rather than one parser: the parts of a date are the
same everywhere (day, month, year, an era), only the words around them
differ ("ngày 18/8/2014", "ចុះថ្ងៃទី ១៦ ខែមិថុនា ឆ្នាំ ២០២២", "ลงวันที่ 14
มิถุนายน 2567", "May 18, 2021"). Each pack lists its month names
(``months.yaml``) and the words around date parts (``dates.yaml``); the
patterns are built from them once per pack.

Partial dates stay partial: "tháng 10/2023" is ``2023-10`` and "năm 2024"
is ``2024``. A day and month without a year take the year of
``meta["published"]`` or of a date line at the top of the text; without
either they stay ``--MM-DD`` (xsd:gMonthDay). Thai Buddhist-era years
(พ.ศ. 2567, or any bare year of 2400 or more in Thai) become CE years.

Rules on the mentions: ``date`` (day, month and year all written),
``day_month_anchored`` (year taken from the anchor), ``day_month``,
``month`` (year-month), ``year``.

Example:
    >>> from graph.text import prepare
    >>> [m.item for m in find_dates(prepare("ลงวันที่ 14 มิถุนายน 2567 และวันที่ 3 มีนาคม", "th"), {})]
    ['2024-06-14', '--03-03']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from graph import wordscan
from graph.extract.mentions import Mention
from graph.lang import LanguagePack, load_pack
from graph.text import TextDoc
from graph.wordscan import longest_first

_MIN_YEAR, _MAX_YEAR = 1900, 2100
_BE_OFFSET = 543


@dataclass(frozen=True)
class _Grammar:
    months: dict[str, int]
    full: re.Pattern[str]
    month_first: re.Pattern[str]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    month_year: re.Pattern[str]
    day_month_numeric: re.Pattern[str]
    year: re.Pattern[str]
    bare_be: bool
    be_prefixes: frozenset[str]
    # what each pattern's matches begin with: (words, digits); lets wordscan skip the rest of the text.
    # A match that begins with a digit begins a run of digits: every pattern starts by looking behind for one.
    starts: dict[str, tuple[tuple[str, ...], bool]] = field(default_factory=dict)



def _grammar(pack: LanguagePack) -> _Grammar:
    return _grammar_for(pack.code)


@cache
def _grammar_for(code: str) -> _Grammar:
    pack = load_pack(code)
    months = {str(k).lower(): int(v) for k, v in (pack.data("months", {}).get("months") or {}).items()}
    cfg = pack.data("dates", {})
    day_p = longest_first(cfg.get("day_prefixes") or [])
    day_s = longest_first(cfg.get("day_suffixes") or [])
    mon_p = longest_first(cfg.get("month_prefixes") or [])
    be = list(cfg.get("buddhist_era_prefixes") or [])
    ce = list(cfg.get("common_era_prefixes") or [])
    year_p = longest_first(list(cfg.get("year_prefixes") or []) + be + ce)
    names = longest_first(list(months))
    # a month is a name (optionally after a prefix) or a number after a prefix
    month = rf"(?:(?:{mon_p})\s*)?(?P<mname>{names})(?![^\W\d_])|(?:{mon_p})\s*(?P<mnum>\d{{1,2}})(?!\d)"
    year = rf"(?P<era>{year_p})?\s*(?P<y>\d{{4}})(?!\d)"
    flags = re.IGNORECASE
    full = re.compile(
        rf"(?<!\d)(?:(?:{day_p})\s*)?(?P<d>\d{{1,2}})(?:{day_s})?(?!\d)\s*(?:of\s+)?(?:{month})"
        rf"(?:\s*[,/.-]?\s*{year})?", flags)
    month_first = re.compile(
        rf"(?:(?:{mon_p})\s*)?(?P<mname>{names})\.?\s+(?P<d>\d{{1,2}})(?:{day_s})?(?!\d)(?:\s*,\s*{year})?", flags)
    month_year = re.compile(rf"(?:{month})\s*[,/.-]?\s*{year}", flags)
    numeric = re.compile(
        r"(?<![\d/.-])(?P<d>\d{1,2})\s?(?P<sep>[/.-])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?(?P<y>\d{4})(?![\d/])")
    iso = re.compile(r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d/-])")
    day_month_numeric = re.compile(rf"(?:{day_p})\s*(?P<d>\d{{1,2}})\s?[/-]\s?(?P<m>\d{{1,2}})(?![\d/-])", flags)
    year_re = re.compile(rf"(?<![\d/.-])(?:(?P<era>{year_p})\s*)?(?P<y>\d{{4}})(?![\d/])(?!\s*[-/]\s*\d)", flags)
    day_w = tuple(str(w) for w in cfg.get("day_prefixes") or [])
    mon_w = tuple(str(w) for w in cfg.get("month_prefixes") or []) + tuple(months)
    year_w = tuple(str(w) for w in list(cfg.get("year_prefixes") or []) + be + ce)
    starts = {"iso": ((), True), "numeric": ((), True), "full": (day_w, True), "month_first": (mon_w, False),
              "day_month_numeric": (day_w, False), "month_year": (mon_w, False), "year": (year_w, True)}
    return _Grammar(months, full, month_first, numeric, iso, month_year, day_month_numeric, year_re,
                    bool(cfg.get("bare_buddhist_era", False)), frozenset(w.lower() for w in be), starts)


def _year(g: _Grammar, raw: str | None, era: str | None) -> int | None:
    if not raw:
        return None
    y = int(raw)
    if (era and era.lower() in g.be_prefixes) or (g.bare_be and y >= 2400):
        y -= _BE_OFFSET
    return y if _MIN_YEAR <= y <= _MAX_YEAR else None


def _iso(y: int | None, m: int, d: int | None) -> str | None:
    if not 1 <= m <= 12 or (d is not None and not 1 <= d <= 31):
        return None
    if y is None:
        return f"--{m:02d}-{d:02d}" if d is not None else None
    return f"{y:04d}-{m:02d}" + (f"-{d:02d}" if d is not None else "")


def _month(g: _Grammar, m: re.Match[str]) -> int | None:
    if m.groupdict().get("mname"):
        return g.months.get(m.group("mname").lower())
    return int(m.group("mnum")) if m.groupdict().get("mnum") else None


def _scan(doc: TextDoc, g: _Grammar) -> list[tuple[int, int, int | None, int | None, int | None]]:
    """Raw (start, end, year, month, day) spans, longest first where they overlap.

    Read once per document: the document and event extractors both ask for the same text's dates.
    """
    spans = getattr(doc, "_date_spans", None)
    if spans is None:
        spans = doc._date_spans = _scan_text(doc.text, doc.pack.code, wordscan.scanner(doc))  # type: ignore
    return list(spans)


def _scan_text(text: str, code: str, scanner: wordscan.Scanner | None = None,
               ) -> tuple[tuple[int, int, int | None, int | None, int | None], ...]:
    """:func:`_scan` on a text (``scanner``: a :class:`wordscan.Scanner` of it, if one is at hand)."""
    g = _grammar_for(code)
    found: list[tuple[int, int, int | None, int | None, int | None]] = []
    taken = bytearray(len(text) + 1)

    def add(start: int, end: int, y: int | None, mo: int | None, d: int | None) -> None:
        if any(taken[start:end]):
            return
        found.append((start, end, y, mo, d))
        taken[start:end] = b"\x01" * (end - start)

    scanner = scanner or wordscan.Scanner(text)

    def matches(name: str) -> Iterator[re.Match[str]]:
        """``finditer`` of one pattern, tried only where its matches can begin (see graph.wordscan)."""
        words, digits = g.starts[name]
        return scanner.finditer_from(getattr(g, name), words, digits, digit_runs=True)

    for m in matches("iso"):
        add(m.start(), m.end(), _year(g, m.group("y"), None), int(m.group("m")), int(m.group("d")))
    for m in matches("numeric"):
        d, mo = int(m.group("d")), int(m.group("m"))
        if mo > 12 >= d:
            d, mo = mo, d
        add(m.start(), m.end(), _year(g, m.group("y"), None), mo, d)
    for m in matches("full"):
        mo = _month(g, m)
        if mo:
            add(m.start(), m.end(), _year(g, m.group("y"), m.group("era")), mo, int(m.group("d")))
    for m in matches("month_first"):
        mo = _month(g, m)
        if mo:
            add(m.start(), m.end(), _year(g, m.group("y"), m.group("era")), mo, int(m.group("d")))
    for m in matches("day_month_numeric"):
        add(m.start(), m.end(), None, int(m.group("m")), int(m.group("d")))
    for m in matches("month_year"):
        mo = _month(g, m)
        y = _year(g, m.group("y"), m.group("era"))
        if mo and y:
            add(m.start(), m.end(), y, mo, None)
    for m in matches("year"):
        explicit = m.group("era") is not None
        y = _year(g, m.group("y"), m.group("era"))
        if _after_dash(text, m.start()):
            continue  # the second year of a range ("2020 - 2025") is a term, not a date
        if y and (explicit or g.bare_be):
            add(m.start(), m.end(), y, None, None)
    found.sort()
    return tuple(found)


def _after_dash(text: str, pos: int) -> bool:
    """``text[:pos].rstrip().endswith("-")`` without copying the text before ``pos``."""
    i = pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i > 0 and text[i - 1] == "-"


def _anchor_year(doc: TextDoc, g: _Grammar, meta: dict[str, Any],
                 spans: list[tuple[int, int, int | None, int | None, int | None]]) -> int | None:
    """The publication year: from ``meta["published"]``, else a dated line at the top of the text."""
    published = str(meta.get("published") or "")
    if re.match(r"\d{4}", published):
        return int(published[:4])
    lines = doc.text.split("\n")
    if sum(1 for line in lines if line.strip()) < 2:
        return None  # a one-line text has no date line, only dates
    lines_seen, pos = 0, 0
    for line in lines:
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        lines_seen += 1
        if lines_seen > 6:
            break
        for s, _e, y, mo, d in spans:
            if start <= s < start + 25 and len(line) <= 100 and y and mo and d:
                return y
    return None


def date_spans(doc: TextDoc, meta: dict[str, Any] | None = None) -> list[Mention[str]]:
    """Like :func:`find_dates`; kept separate so other extractors can ask without re-reading meta."""
    g = _grammar(doc.pack)
    spans = _scan(doc, g)
    anchor = _anchor_year(doc, g, meta or {}, spans)
    out: list[Mention[str]] = []
    for start, end, y, mo, d in spans:
        if mo is None:
            if y is not None:
                out.append(Mention(start, end, f"{y:04d}", "year"))
            continue
        if y is None and d is not None:
            iso = _iso(anchor, mo, d)
            rule = "day_month_anchored" if anchor else "day_month"
        else:
            iso = _iso(y, mo, d)
            rule = "date" if d is not None else "month"
        if iso:
            out.append(Mention(start, end, iso, rule))
    return out


def find_dates(doc: TextDoc, meta: dict[str, Any]) -> list[Mention[str]]:
    """Every date the text writes, in text order, as ISO strings (partial when the text is).

    >>> from graph.text import prepare
    >>> [m.item for m in find_dates(prepare("Ngày 3/9, Kế hoạch ngày 12/1/2019 ... tháng 5/2020", "vi"),
    ...                              {"published": "2021-09-04"})]
    ['2021-09-03', '2019-01-12', '2020-05']
    """
    return date_spans(doc, meta)
