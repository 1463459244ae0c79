"""Document numbers in every written form, typed, dated and attributed to their issuer.

Why a grammar rather than a list: party and state numbers follow two shapes,
``N-TYPE/ISSUER`` ("21-NQ/TW", "39-CTr/TU", "27-HD/BTCTW") and
``N[/YEAR]/TYPE-ISSUER`` ("19/DA-BCA", "35/2024/NĐ-CP", "1234/QĐ-UBND"), with
spaces and dashes of any kind around the separators and Khmer or Thai digits
(already ASCII in ``doc.text``). The letters say the type and often the
issuer (``graph/data/documents.yaml``); the words around the number, per
language (``doctypes.yaml``, ``issuers.yaml``), say the rest.

A numbered reference whose letters are left out ("Conclusion 118", "Chỉ thị
số 17", "សេចក្តីសម្រេចចិត្តលេខ ៥៧") is the same document as a full number
with that number and type in the same text ("Resolution No. 57" and
"57-NQ/TW"); otherwise it is kept with its number as written ("118").

Codes keep the official spelling with Đ folded to D ("06-ĐA/TU" ->
"06-DA/TU"); a party number written the state way ("01/CT-TW") is put back in
the party shape ("01-CT/TW"). Mentions of one document share one
:class:`Document`, so the caller can merge by identity.

Example:
    >>> from graph.text import prepare
    >>> doc = prepare("Thực hiện Kết luận số 100 - KL/TW ngày 18/8/2014 của Ban Bí thư.", "vi")
    >>> d = find_documents(doc, [])[0].item
    >>> (d.code, d.type, d.issuer, d.date)
    ('100-KL/TW', 'conclusion', 'Secretariat', '2014-08-18')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from graph import wordscan
from graph.extract.dates import date_spans
from graph.extract.lexicon import lexicon, view
from graph.extract.mentions import Mention
from graph.model import Document, Organization
from graph.registry import RegistryEntry, code_key, lookup
from graph.text import TextDoc, fold
from graph.wordscan import longest_first

_DATA = Path(__file__).resolve().parents[1] / "data" / "documents.yaml"
_UP = "A-ZĐƯƠÂĂÊÔ"
_LO = "a-zđươâăêô"
_SP = r"[ \t]{0,2}"
_PARTY = re.compile(
    rf"(?<![\w/.-])(?P<num>\d{{1,4}}){_SP}-{_SP}(?P<type>[{_UP}][{_UP}{_LO}]{{0,5}}){_SP}/{_SP}"
    rf"(?P<iss>[{_UP}][{_UP}{_LO}0-9]{{0,11}}(?:-[{_UP}][{_UP}{_LO}0-9]{{0,9}})?)(?![\w/])")
_STATE = re.compile(
    rf"(?<![\w/.-])(?P<num>\d{{1,5}}){_SP}/{_SP}(?:(?P<year>(?:19|20)\d{{2}}){_SP}/{_SP})?"
    rf"(?P<rest>[{_UP}][{_UP}{_LO}0-9]{{0,9}}(?:{_SP}-{_SP}[{_UP}][{_UP}{_LO}0-9]{{0,9}}){{0,3}})(?![\w/])")
_TERM_NEAR = 80  # characters after a number where a "(13th term)" still belongs to it


@dataclass
class _Occurrence:
    start: int
    end: int
    number: str
    code: str | None  # normalised full code, None for a bare numbered reference
    letters: str = ""
    suffix: str = ""
    type_word: str | None = None
    type_word_start: int | None = None
    date: str | None = None
    tail: int = 0  # end of the number plus its attached date
    issuer: str | None = None
    document: Document | None = field(default=None, repr=False)


@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    return yaml.safe_load(_DATA.read_text(encoding="utf-8"))



@dataclass(frozen=True)
class _Grammar:
    type_of: dict[str, str]
    type_before: re.Pattern[str]
    partial: re.Pattern[str]
    date_link: re.Pattern[str]
    issuer_link: re.Pattern[str]
    issue_gap: re.Pattern[str]
    issue_verb: re.Pattern[str]
    issuers: tuple[tuple[re.Pattern[str], str], ...]


@cache
def _grammar(code: str) -> _Grammar:
    from graph.lang import load_pack

    pack = load_pack(code)
    cfg = pack.data("doctypes", {}) or load_pack("en").data("doctypes", {})
    type_of: dict[str, str] = {}
    for typ, words in (cfg.get("types") or {}).items():
        for w in words or []:
            type_of[str(w).lower()] = str(typ)
    types = longest_first(list(type_of))
    prefixes = longest_first([str(p) for p in cfg.get("number_prefixes") or []])
    latin = pack.spaces_between_words
    edge = r"(?<![^\W\d_])" if latin else ""
    type_before = re.compile(rf"{edge}(?P<tw>{types})\s*(?:(?:{prefixes})\s*)?$", re.IGNORECASE)
    partial = re.compile(
        rf"{edge}(?P<tw>{types})\s*(?P<pfx>(?:{prefixes})\s*)?(?P<num>\d{{1,4}})(?!\d)(?![.,]\d)(?!\s*%)"
        rf"(?!\s*(?:st|nd|rd|th)\b)", re.IGNORECASE)
    date_link = re.compile(rf"[\s,(]*(?:(?:{longest_first([str(w) for w in cfg.get('date_links') or []])})\s*)?",
                           re.IGNORECASE)
    issuer_link = re.compile(
        rf"[\s,()]*(?:{longest_first([str(w) for w in cfg.get('issuer_links') or []])})\s*(?:the\s+)?"
        rf"(?:\d+(?:st|nd|rd|th)(?:[-\s](?:term|tenure))?\s+)?",  # "of the 13th-tenure Party Central Committee"
        re.IGNORECASE)
    verbs = longest_first([str(w) for w in cfg.get("issue_verbs") or []])
    issue_gap = re.compile(rf"^(?:[’']s)?\s*(?:(?:has|have|had|just)\s+)*(?:(?:{verbs})\s*)?(?:the\s+)?$",
                           re.IGNORECASE)
    raw = pack.data("issuers", []) or load_pack("en").data("issuers", [])
    issuers = tuple((re.compile(str(p), re.IGNORECASE), str(k)) for p, k in
                    sorted(raw, key=lambda pk: len(str(pk[0])), reverse=True))
    issue_verb = re.compile(verbs, re.IGNORECASE)
    return _Grammar(type_of, type_before, partial, date_link, issuer_link, issue_gap, issue_verb, issuers)


def _letters_type(letters: str, suffix: str, type_word: str | None) -> str | None:
    tables = _tables()
    codes: dict[str, str] = tables["type_codes"]
    key = fold(letters)
    typ = codes.get(key) or codes.get(key.upper())
    if typ == "decision" and key.upper() in tables["party_regulation_codes"] and _is_party(suffix):
        return type_word if type_word == "decision" else "regulation"
    return typ


def _is_party(suffix: str) -> bool:
    return fold(suffix).upper().split("-")[0] in _tables()["party_suffixes"]


def _normalise_party(m: re.Match[str]) -> tuple[str, str, str, str]:
    num, letters, iss = m.group("num"), m.group("type"), re.sub(r"\s+", "", m.group("iss"))
    return fold(f"{num}-{letters}/{iss}"), num, letters, iss


def _normalise_state(m: re.Match[str]) -> tuple[str, str, str, str] | None:
    num, year = m.group("num"), m.group("year")
    parts = [p for p in re.split(r"\s*-\s*", m.group("rest").strip()) if p]
    codes = _tables()["type_codes"]
    if len(parts) == 1 and not year:
        return None  # "12/TW" or "3/2" are not numbers of documents
    letters = parts[0] if (fold(parts[0]) in codes or fold(parts[0]).upper() in codes) and len(parts) > 1 else ""
    suffix = "-".join(parts[1:] if letters else parts)
    if letters and not year and len(parts) == 2 and _is_party(suffix):
        return fold(f"{num}-{letters}/{suffix}"), num, letters, suffix
    body = "-".join(parts)
    return fold(f"{num}/{year}/{body}" if year else f"{num}/{body}"), num, letters, suffix


def _full_codes(doc: TextDoc, g: _Grammar) -> list[_Occurrence]:
    text = doc.text
    found: list[_Occurrence] = []
    taken: list[tuple[int, int]] = []
    scanner = wordscan.scanner(doc)
    for regex, norm in ((_PARTY, _normalise_party), (_STATE, _normalise_state)):
        for m in scanner.finditer_from(regex, (), digits=True, digit_runs=True):  # both begin with the number
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            parsed = norm(m)
            if parsed is None:
                continue
            code, num, letters, suffix = parsed
            if not letters and not re.search(r"[A-Z]{2}", fold(suffix)):
                continue
            occ = _Occurrence(m.start(), m.end(), num, code, letters, suffix)
            tb = g.type_before.search(text, max(0, m.start() - 60), m.start())
            if tb:
                occ.type_word = g.type_of.get(tb.group("tw").lower())
                occ.type_word_start = tb.start()
            found.append(occ)
            taken.append((m.start(), m.end()))
    return found


def _partials(doc: TextDoc, g: _Grammar, full: list[_Occurrence]) -> list[_Occurrence]:
    out: list[_Occurrence] = []
    for m in wordscan.scanner(doc).finditer_from(g.partial, g.type_of):  # each begins with its type word
        if any(o.start <= m.start("num") < o.end for o in full):
            continue
        typ = g.type_of.get(m.group("tw").lower())
        if typ in (None, "plan", "programme", "other"):
            continue  # "a 5-year plan", "programme 135": numbers that are not document numbers
        num = m.group("num")
        if not m.group("pfx") and (len(num) == 4 and num[:2] in ("19", "20") or num == "0"):
            continue  # "Resolution 2024" is a year
        out.append(_Occurrence(m.start("num"), m.end("num"), num, None, type_word=typ, type_word_start=m.start()))
    return out


def _attach_dates(doc: TextDoc, g: _Grammar, occs: list[_Occurrence], spans: list[Mention[str]]) -> None:
    for occ in occs:
        occ.tail = occ.end
        link = g.date_link.match(doc.text, occ.end)
        pos = link.end() if link else occ.end
        for d in spans:
            if pos - 12 <= d.start <= pos + 2 and d.start >= occ.end:
                occ.date, occ.tail = d.item, d.end
                break


def _issuer_key_at(g: _Grammar, text: str, pos: int) -> tuple[str, int] | None:
    for regex, key in g.issuers:
        m = regex.match(text, pos)
        if m:
            return key, m.end()
    return None


def _issuer_after(doc: TextDoc, g: _Grammar, occ: _Occurrence, orgs: list[Mention[Organization]],
                  places: _PlaceContext) -> str | None:
    text = doc.text
    pos = occ.tail
    if pos < len(text) and text[pos] == ")":
        pos += 1
    link = g.issuer_link.match(text, pos)
    if not link:
        return None
    at = link.end()
    hit = _issuer_key_at(g, text, at)
    for org in orgs:
        if at - 1 <= org.start <= at + 1:
            if hit and hit[1] > org.end and org.item.kind == "party_committee":
                break  # "of the Provincial Party Committee Standing Board": the longer body issued it
            return org.item.name
    return places.name(hit[0], text, hit[1], doc.lang) if hit else None


def _issuer_before(doc: TextDoc, g: _Grammar, occ: _Occurrence, orgs: list[Mention[Organization]],
                   places: _PlaceContext) -> str | None:
    text = doc.text
    start = occ.type_word_start if occ.type_word_start is not None else occ.start
    window = max(0, start - 120)
    best: Mention[Organization] | None = None
    for org in orgs:
        if window <= org.end <= start and g.issue_gap.match(text[org.end:start].strip()):
            if best is None or (org.end, -org.start) > (best.end, -best.start):
                best = org
    if best:
        # "the Politburo and the Secretariat issued ...": a joint issue is named by its first body
        joint = _joint_words(doc)
        for _ in range(2):
            first = [o for o in orgs if o.end < best.start and o.item.level == "central" == best.item.level
                     and _bare_gap(view(doc)[o.end:best.start], doc) in joint]
            if not first:
                break
            best = first[-1]
        # "Ban Thường vụ | Tỉnh ủy Yên Bái": a body written just before, that contains this one, is the issuer
        # (or whose span overlaps it: "the Standing Board of the | Provincial Party Committee of X")
        outer = [o for o in orgs if o.start < best.start and best.start - o.end <= 2 and o is not best
                 and best.item.name in o.item.name and o.item.name != best.item.name]
        return (outer[-1] if outer else best).item.name
    for regex, key in g.issuers:
        for m in regex.finditer(text, window, start):
            rest_start, place_end = m.end(), places.place_end(text, m.end(), doc.lang)
            gap = text[place_end if place_end else rest_start:start].strip()
            if g.issue_gap.match(gap):
                return places.name(key, text, m.end(), doc.lang)
    return None


def _joint_words(doc: TextDoc) -> set[str]:
    """The pack's words for "and" as the view writes them (folded in Latin packs), with a bare comma."""
    return {w.lower() for w in lexicon(doc.pack, "organizations").words("and")} | {",", ";"}


def _bare_gap(gap: str, doc: TextDoc) -> str:
    """The words between two names without commas and determiners ("and the" -> "and")."""
    dets = {w.lower() for w in lexicon(doc.pack, "verbs").words("determiners")}
    words = [w for w in gap.replace(",", " , ").lower().split() if w not in dets]
    return " ".join(w for w in words if w != ",") or ("," if "," in gap else "")


def _share_issuers(doc: TextDoc, occs: list[_Occurrence]) -> None:
    """Numbers listed with "and" or a comma share the issuer written after the last one ("Resolution 18-NQ/TW and
    Conclusion 121-KL/TW of the Party Central Committee"), when they carry the same issuer letters."""
    and_words = _joint_words(doc)
    for i in range(len(occs) - 2, -1, -1):
        occ, nxt = occs[i], occs[i + 1]
        if occ.issuer or not nxt.issuer or not occ.code or occ.suffix != nxt.suffix:
            continue
        start = nxt.type_word_start if nxt.type_word_start is not None else nxt.start
        if nxt.start - occ.tail <= 40 and _bare_gap(view(doc)[occ.tail:start], doc) in and_words:
            occ.issuer = nxt.issuer


def _central_in_sentence(doc: TextDoc, g: _Grammar, occ: _Occurrence, places: _PlaceContext) -> str | None:
    """For a /TW number with no adjacent issuer: the central body the same sentence names before it."""
    sent = doc.sentence_at(occ.start)
    if sent is None:
        return None
    first: tuple[int, str] | None = None
    for regex, key in g.issuers:
        if key not in ("politburo", "secretariat", "central_committee"):
            continue
        m = regex.search(doc.text, sent.start, occ.start)
        if m and (first is None or m.start() < first[0]):
            first = (m.start(), key)
    return places.name(first[1], doc.text, occ.start, doc.lang) if first else None


def _signing_date(doc: TextDoc, g: _Grammar, occ: _Occurrence, spans: list[Mention[str]]) -> str | None:
    """A date written earlier in the number's sentence, joined to it by an issuing verb ("on 3 May ... signed
    and issued the conclusion ... (Conclusion No. 12-KL/TW)")."""
    sent = doc.sentence_at(occ.start)
    if sent is None:
        return None
    dates = [d for d in spans if sent.start <= d.start and d.end <= occ.start]
    if len(dates) != 1 or not g.issue_verb.search(doc.text, dates[0].end, occ.start):
        return None
    return dates[0].item


class _PlaceContext:
    """Places for issuer names: the one written after a body ("Tỉnh ủy Yên Bái"), else the article's."""

    def __init__(self, doc: TextDoc) -> None:
        self.main = None
        try:
            from graph.places import main_place

            self.main = main_place(doc)
        except ImportError:  # the gazetteer is optional for numbers
            self.main = None

    def place_end(self, text: str, pos: int, lang: str) -> int | None:
        found = self._place_at(text, pos, lang)
        return found[0] if found else None

    def _place_at(self, text: str, pos: int, lang: str) -> tuple[int, Any] | None:
        try:
            from graph.places import place_at
        except ImportError:
            return None
        return place_at(text, pos, lang)

    def name(self, key: str, text: str, pos: int, lang: str) -> str | None:
        template = _tables()["issuers"].get(key)
        if not template or "{place}" not in template:
            return template
        found = self._place_at(text, pos, lang)
        place = found[1] if found else self.main
        if place is None:
            return None
        if place.type == "city" and place.parent is None and "Provincial" in template:
            template = template.replace("Provincial", "City")
        return template.replace("{place}", place.name)


def _suffix_issuer(suffix: str, places: _PlaceContext) -> str | None:
    table: dict[str, str | None] = _tables()["issuer_codes"]
    key = fold(suffix).split("-")[-1] if suffix else ""
    template = table.get(key) or table.get(key.upper())
    if not template:
        return None
    if "{place}" in template:
        if places.main is None:
            return None
        name = places.main.name
        if places.main.type == "city" and places.main.parent is None:
            return template.replace("{place}", name).replace("Provincial", "City")
        return template.replace("{place}", name)
    return template


def _registry_entry(code: str, date: str | None, doc: TextDoc, occs: list[_Occurrence]) -> RegistryEntry | None:
    from graph.extract.implicit import terms_near

    candidates = lookup(code)
    if not candidates:
        return None
    if date:
        same = [e for e in candidates if e.year == int(date[:4])]
        return same[0] if same else None
    terms = {t for o in occs for t in terms_near(doc, o.tail, o.tail + _TERM_NEAR)}
    if terms:
        same = [e for e in candidates if e.term in terms]
        if same:
            return same[0]
    return candidates[0]


def find_documents(doc: TextDoc, orgs: list[Mention[Organization]]) -> list[Mention[Document]]:
    """Every cited document number, one mention per occurrence, in text order.

    Type comes from the number's letters, else the type word before it, else
    the registry; the date from a date written right after the number, else
    the registry's date when the text writes that same date; the issuer from
    the body named right after ("of the Politburo", "របស់ការិយាល័យនយោបាយ",
    "ของ โปลิตบูโร", "của Ban Bí thư") or right before it ("the Politburo's
    Conclusion"), else from the number's issuer letters ("BCA", "TU").

    >>> from graph.text import prepare
    >>> doc = prepare("ตามคำสั่งหมายเลข 12-CT/TW ลงวันที่ 3 มีนาคม 2565 ของ สำนักเลขาธิการ", "th")
    >>> [(m.item.code, m.item.type, m.item.date, m.item.issuer) for m in find_documents(doc, [])]
    [('12-CT/TW', 'directive', '2022-03-03', 'Secretariat')]
    """
    g = _grammar(doc.pack.code)
    full = _full_codes(doc, g)
    partial = _partials(doc, g, full)
    occs = sorted(full + partial, key=lambda o: o.start)
    spans = [d for d in date_spans(doc) if d.rule == "date"]
    _attach_dates(doc, g, occs, spans)
    places = _PlaceContext(doc)
    orgs = sorted(orgs, key=lambda m: m.start)
    for occ in occs:
        occ.issuer = _issuer_after(doc, g, occ, orgs, places) or _issuer_before(doc, g, occ, orgs, places)
    _share_issuers(doc, occs)

    groups: dict[str, list[_Occurrence]] = {}
    for occ in full:
        groups.setdefault(code_key(occ.code or ""), []).append(occ)
    for occ in partial:
        target = next((k for k, os in groups.items() if os[0].code and _same_number(os[0], occ)), None)
        if target is None and occ.type_word == "project":
            continue  # "Project 06" (Đề án 06) is a name unless a full number of that project is written
        groups.setdefault(target or f"#{int(occ.number)}:{occ.type_word}", []).append(occ)

    mentions: list[Mention[Document]] = []
    for members in groups.values():
        document = _build(doc, g, members, spans, places)
        for occ in members:
            rule = "document_number" if occ.code else "numbered_reference"
            mentions.append(Mention(occ.start, occ.end, document, rule))
            document.evidence.append(doc.evidence(occ.start, occ.end, rule))
            document.add_label(doc.lang, doc.original[slice(*doc.original_span(occ.start, occ.end))])
    mentions.sort(key=lambda m: m.start)
    return mentions


def _same_number(full: _Occurrence, part: _Occurrence) -> bool:
    if int(full.number) != int(part.number):
        return False
    typ = _letters_type(full.letters, full.suffix, full.type_word) or full.type_word
    return part.type_word is None or typ is None or typ == part.type_word


def _build(doc: TextDoc, g: _Grammar, members: list[_Occurrence], spans: list[Mention[str]],
           places: _PlaceContext) -> Document:
    coded = [o for o in members if o.code]
    head = coded[0] if coded else members[0]
    code = head.code or head.number
    date = next((o.date for o in members if o.date), None)
    entry = _registry_entry(code, date, doc, coded) if coded else None
    type_word = next((o.type_word for o in members if o.type_word), None)
    typ = (_letters_type(head.letters, head.suffix, type_word) if head.letters else None) or type_word
    if typ is None and entry:
        typ = entry.type
    if date is None and entry and entry.date and len(entry.date) == 10 and entry.date in {d.item for d in spans}:
        date = entry.date
    if date is None and coded:
        date = next((d for o in coded if (d := _signing_date(doc, g, o, spans))), None)
    issuer = next((o.issuer for o in members if o.issuer), None)
    if issuer is None and coded:
        issuer = _suffix_issuer(head.suffix, places)
        if issuer is None and _is_party(head.suffix):
            issuer = next((i for o in coded if (i := _central_in_sentence(doc, g, o, places))), None)
    title = entry.title if entry else None
    return Document(code=code, type=typ or "other", issuer=issuer, date=date, title=title)
