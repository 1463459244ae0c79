"""Places the text names, resolved to the gazetteer, with the containment the gazetteer knows.

Why context matters: "Dien Bien" is a province and a ward of Ha Noi, "Tra
Vinh" a province and its city, "Cam Xuyen" a district and its township. The
type word before a name (``placewords.yaml`` per language: "phường",
"ស្រុក", "เขต", "... Province") and the province the article is about decide
among the units of one name. Names in Khmer or Thai script are read from a
curated list (``data/gazetteer/scripts.yaml``) and otherwise matched by sound
(:mod:`graph.phonetic`); Latin names with a typo ("Quang Nih") by edit
distance. Units the gazetteer does not hold (villages, residential groups,
"Ward 7") are kept when a type word announces them.

A place's ``parent`` is the nearest ancestor the text also names (Dien Bien
ward -> Ha Noi when Ba Dinh district is not named); ``located_in`` lists
those pairs.

Example:
    >>> from graph.text import prepare
    >>> doc = prepare("Đảng ủy phường Điện Biên (Hà Nội) họp.", "vi")
    >>> [(m.item.name, m.item.type, m.item.parent) for m in find_places(doc)]
    [('Dien Bien', 'ward', 'Ha Noi'), ('Ha Noi', 'city', None)]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from graph import gazetteer as gz
from graph.lang import load_pack
from graph.model import Place
from graph.phonetic import key, khmer_latin, thai_latin
from graph.text import TextDoc, fold

if TYPE_CHECKING:  # graph.extract imports this module; import Mention lazily to keep the cycle open
    from graph.extract.mentions import Mention

_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_LATIN_WORD = rf"[{_UPPER}][{_UPPER}{_UPPER.lower()}0-9]*"
_LATIN_RUN = re.compile(rf"(?<![\w])({_LATIN_WORD}(?:[ \t-]{_LATIN_WORD}){{0,4}})")
_SCRIPT_RANGES = {"km": ("\u1780", "\u17ff"), "th": ("\u0e00", "\u0e7f")}
_SURNAMES = frozenset("nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dao dinh mai trinh "
                      "lam luu cao ta truong luong lai quach ton chu kieu thai".split())
_PHONETIC_CUTOFF = 86.0
# what may not stand between a small unit and the unit containing it ("thôn X, xã Y", "ភូមិ X (ឃុំ Y"):
# a conjunction (a list of peers) or the end of a sentence
_NOT_APPOSITION = re.compile(r"(?<![\w])(?:và|and)(?![\w])|និង|และ|[.;។\n]")


@dataclass(frozen=True)
class _Words:
    before: tuple[tuple[re.Pattern[str], str], ...]
    after: re.Pattern[str] | None
    after_type: dict[str, str]
    numbered: tuple[tuple[re.Pattern[str], str, str], ...]
    separators: re.Pattern[str]
    not_names: tuple[str, ...]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


@cache
def _words(code: str) -> _Words:
    pack = load_pack(code)
    cfg = pack.data("placewords", {}) or load_pack("en").data("placewords", {})
    edge = r"(?<![\w])" if pack.spaces_between_words else ""
    before = []
    for typ, words in (cfg.get("before") or {}).items():
        for w in words or []:
            before.append((str(w), str(typ)))
    before.sort(key=lambda wt: -len(wt[0]))
    before_res = tuple((re.compile(edge + re.escape(w) + r"[ \t]*", re.IGNORECASE), t) for w, t in before)
    after_type = {str(w): str(t) for t, ws in (cfg.get("after") or {}).items() for w in ws or []}
    after = re.compile(rf"[ \t]+({_alt(list(after_type))})(?![\w])") if after_type else None
    numbered = tuple((re.compile(edge + re.escape(str(w)) + r"[ \t]*(\d{1,3}[A-Z]?)(?![\d/-])", re.IGNORECASE),
                      str(t), str(f)) for w, t, f in sorted(cfg.get("numbered") or [], key=lambda x: -len(x[0])))
    seps = re.compile(rf"[ \t]*(?:{_alt([str(s) for s in cfg.get('list_separators') or [',']])})[ \t]*")
    not_names = tuple(sorted((str(x) for x in cfg.get("not_names") or []), key=len, reverse=True))
    return _Words(before_res, after, after_type, numbered, seps, not_names)


def _script(lang: str) -> str | None:
    return lang if lang in _SCRIPT_RANGES else None


def _rank(units: list[gz.Unit], hint: str | None, within: gz.Unit | None) -> list[gz.Unit]:
    def score(u: gz.Unit) -> tuple:
        inside = within is not None and (gz.province_of(u).name == within.name)
        hint_ok = hint is not None and (u.type == hint or (hint == "city" and u.type == "town")
                                        or (hint == "district" and u.type in ("town", "city") and u.level == 2))
        return (hint_ok, inside, -u.level if hint is None else 0, u.era != "2025")
    return sorted(units, key=score, reverse=True)


def _expand(units: list[gz.Unit], hint: str | None) -> list[gz.Unit]:
    """Add the namesakes of the hinted type: "city" before a province's name means its capital city."""
    if not hint or not units or any(u.type == hint for u in units):
        return units
    extra = [v for u in units for v in gz.by_name(u.vi) if v.type == hint and v not in units]
    return units + extra


def _latin_units(surface: str, hint: str | None, within: gz.Unit | None, typo: bool = True) -> list[gz.Unit]:
    units = gz.by_name(surface)
    if not units and typo:
        units = gz.fuzzy_top(surface)
    return _rank(_expand(units, hint), hint, within)


def _phonetic(latin: str, hint: str | None, within: gz.Unit | None) -> tuple[float, gz.Unit] | None:
    return _phonetic_cached(latin, hint, within.id if within else 0)


@lru_cache(maxsize=8192)
def _phonetic_cached(latin: str, hint: str | None, within_id: int) -> tuple[float, gz.Unit] | None:
    within = gz.unit(within_id) if within_id else None
    k = key(latin)
    if len(k) < 3:
        return None
    scopes: list[tuple[int, tuple[int, ...]]] = [(0, (1, 2))]
    if within is not None:
        scopes.insert(0, (within.id, (2, 3)))
    best: tuple[float, gz.Unit] | None = None
    for scope, levels in scopes:
        keys, ids = gz.phonetic_index(scope, levels)
        hit = process.extractOne(k, keys, scorer=fuzz.ratio, score_cutoff=_PHONETIC_CUTOFF)
        if hit and (best is None or hit[1] > best[0]):
            cands = [gz.unit(ids[i]) for kk, i in zip(keys, range(len(keys)), strict=True) if kk == hit[0]]
            best = (hit[1], _rank(cands, hint, within)[0])
    return best


def _script_at(text: str, pos: int, lang: str, hint: str | None, within: gz.Unit | None,
               by_sound: bool = True) -> tuple[int, gz.Unit] | None:
    """A place name in Khmer or Thai script starting at ``pos``: curated spelling, else by sound.

    Matching by sound runs only where a type word has just announced a place (``by_sound``), never on
    words the language itself uses there (``not_names`` in placewords.yaml).
    """
    lo, hi = _SCRIPT_RANGES[lang]
    end = pos
    while end < len(text) and lo <= text[end] <= hi and end - pos < 24:
        end += 1
    if end - pos < 2:
        return None
    run = text[pos:end]
    for surface in sorted((s for s in gz.aliases(lang) if run.startswith(s)), key=len, reverse=True):
        units = [gz.unit(i) for i in gz.aliases(lang)[surface]]
        return pos + len(surface), _rank(_expand(units, hint), hint, within)[0]
    if not by_sound or any(run.startswith(w) for w in _words(lang).not_names):
        return None
    reader = thai_latin if lang == "th" else khmer_latin
    best: tuple[float, int, gz.Unit] | None = None
    for cut in range(3, len(run) + 1):
        if cut < len(run) and not _boundary(run, cut, lang):
            continue
        latin = reader(run[:cut])
        if len(key(latin)) < 5:
            continue
        hit = _phonetic(latin, hint, within)
        if hit and (best is None or hit[0] >= best[0]):
            best = (hit[0], cut, hit[1])
    return (pos + best[1], best[2]) if best else None


def _boundary(run: str, cut: int, lang: str) -> bool:
    nxt, prev = run[cut], run[cut - 1]
    if lang == "th":
        return not ("\u0e30" <= nxt <= "\u0e3a" or "\u0e45" <= nxt <= "\u0e4e") and not "\u0e40" <= prev <= "\u0e44"
    return not ("\u17b6" <= nxt <= "\u17d3" or nxt == "\u17dd") and prev != "\u17d2"


def _latin_at(text: str, pos: int, hint: str | None, within: gz.Unit | None) -> tuple[int, gz.Unit] | None:
    m = _LATIN_RUN.match(text, pos)
    if not m:
        return None
    words = re.split(r"([ \t-])", m.group(1))
    for n in range(len(words), 0, -2):
        surface = "".join(words[:n])
        units = _latin_units(surface, hint, within, typo=n > 1)
        if units:
            return pos + len(surface), units[0]
    return None


def place_at(text: str, pos: int, lang: str, hint: str | None = None, within: gz.Unit | None = None,
             ) -> tuple[int, Place] | None:
    """The place named at ``text[pos:]`` (after spaces) and where its name ends, or None.

    >>> place_at("Tỉnh ủy Yên Bái đã ban hành", 8, "vi")[1].name
    'Yen Bai'
    """
    adjacent = True
    while pos < len(text) and text[pos] in " \t":
        pos += 1
        adjacent = False
    found = _latin_at(text, pos, hint, within)
    if found is None and _script(lang):
        found = _script_at(text, pos, lang, hint, within, by_sound=adjacent)
    if found is None:
        return None
    return found[0], _place(found[1])


def _place(u: gz.Unit) -> Place:
    return Place(name=u.name, type=u.type, parent=None)


def resolve_place(surface: str, lang: str, *, level: str | None = None, within: str | None = None) -> Place | None:
    """The canonical place for a surface form in any script, or None.

    ``level`` (province, city, district, town, commune, ward) and ``within`` (a
    province's canonical name) choose among places of the same name.

    >>> resolve_place("គណៈកម្មាធិការបក្សខេត្តត្រាវិញ"[-7:], "km").name
    'Tra Vinh'
    >>> resolve_place("เกียเวียน", "th", level="district").name
    'Gia Vien'
    >>> resolve_place("Quang Nih", "km").name
    'Quang Ninh'
    """
    surface = gz.clean(surface)
    if not surface:
        return None
    scope = next((u for u in gz.by_name(within) if u.parent == 0), None) if within else None
    units = _latin_units(surface, level, scope)
    if units:
        return _place(units[0])
    script = next((s for s, (lo, hi) in _SCRIPT_RANGES.items() if lo <= surface[0] <= hi), None)
    if script is None:
        return None
    if surface in gz.aliases(script):
        return _place(_rank([gz.unit(i) for i in gz.aliases(script)[surface]], level, scope)[0])
    hit = _phonetic((thai_latin if script == "th" else khmer_latin)(surface), level, scope)
    return _place(hit[1]) if hit else None


@dataclass
class _Found:
    start: int
    end: int
    unit: gz.Unit | None
    name: str
    type: str | None
    rule: str


def _scan(doc: TextDoc, within: gz.Unit | None) -> list[_Found]:
    text, lang = doc.text, doc.lang
    w = _words(doc.pack.code)
    found: list[_Found] = []
    for regex, typ, fmt in w.numbered:
        for m in regex.finditer(text):
            found.append(_Found(m.start(), m.end(), None, fmt.replace("{n}", m.group(1)), typ, "numbered"))
    for regex, typ in w.before:
        for m in regex.finditer(text):
            pos, listed = m.end(), None
            while True:
                hit = None if typ in ("village", "residential_group") else place_at(text, pos, lang, typ, within)
                if listed is not None and (hit is None or hit[1].type != listed.type or " " not in hit[1].name):
                    break  # a list goes on only with names of the same kind ("các xã Bảo Thanh, Gia Thanh")
                if hit is None:
                    if typ in ("village", "residential_group"):
                        run = _LATIN_RUN.match(text, pos)
                        if run:
                            found.append(_Found(pos, run.end(), None, fold(run.group(1)), typ, "typed_unlisted"))
                    break
                end, place = hit
                unit = _unit_for(place, typ, within)
                found.append(_Found(pos, end, unit, place.name, place.type, "typed"))
                listed = place
                sep = w.separators.match(text, end)
                if not sep:
                    break
                pos = sep.end()
    if w.after is not None:
        for m in _LATIN_RUN.finditer(text):
            run = m.group(1) + text[m.end():m.end() + 12]
            for t in w.after.finditer(run):
                if t.start() == 0 or t.start() > len(m.group(1)):
                    continue
                typ = w.after_type[t.group(1)]
                end = m.start() + t.start()
                hit = _latin_at(text[:end], m.start(), typ, within)
                if hit and hit[0] == end:
                    found.append(_Found(m.start(), end, hit[1], hit[1].name, hit[1].type, "typed_after"))
                break
    return found


def _unit_for(place: Place, hint: str | None, within: gz.Unit | None) -> gz.Unit | None:
    units = [u for u in gz.by_name(place.name.removesuffix(" City").removesuffix(" Town")) if u.name == place.name]
    return _rank(units, hint, within)[0] if units else None


def _standalone(doc: TextDoc, known: set[str], within: gz.Unit | None, typo: bool = True) -> list[_Found]:
    """Province names anywhere, and names the text has already typed elsewhere (Latin and curated script)."""
    text = doc.text
    out: list[_Found] = []
    for m in _LATIN_RUN.finditer(text):
        words = re.split(r"[ \t-]", m.group(1))
        offsets = [m.start()]
        for wd in words[:-1]:
            offsets.append(offsets[-1] + len(wd) + 1)
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(4, len(words) - i), 0, -1):
                surface = text[offsets[i]:offsets[i] + len(" ".join(words[i:i + n]))]
                if gz.name_key(surface) in gz.person_forms():
                    continue
                units = gz.by_name(surface)
                top = [u for u in units if u.parent == 0 or u.name in known
                       or (within is not None and n > 1 and u.level == 2 and gz.province_of(u).name == within.name)]
                if not top and typo and n >= 2 and not units:
                    top = [u for u in gz.fuzzy_top(surface) if u.parent == 0]
                if top and (n > 1 or len(surface) > 3) and not _inside_person(words, i):
                    hit = (n, _rank(top, None, within)[0], surface)
                    break
            if hit:
                n, u, surface = hit
                out.append(_Found(offsets[i], offsets[i] + len(surface), u, u.name, u.type, "name"))
                i += n
            else:
                i += 1
    script = _script(doc.lang)
    if script:
        forms = gz.aliases(script)
        if forms:
            for m in _alias_regex(script).finditer(text):
                if m.group() in gz.person_forms():
                    continue
                units = [gz.unit(i) for i in forms[m.group()]]
                u = _rank(units, None, within)[0]
                out.append(_Found(m.start(), m.end(), u, u.name, u.type, "name"))
    return out


@lru_cache(maxsize=4)
def _alias_regex(script: str) -> re.Pattern[str]:
    return re.compile(_alt(list(gz.aliases(script))))


def _inside_person(words: list[str], i: int) -> bool:
    """A province name inside a person's name ("Nguyen Thai Binh") is not a place."""
    return i > 0 and fold(words[0]).lower() in _SURNAMES


def _main(found: list[_Found]) -> gz.Unit | None:
    counts = Counter(gz.province_of(f.unit).name for f in found if f.unit is not None)
    if not counts:
        return None
    name = counts.most_common(1)[0][0]
    return next(gz.province_of(f.unit) for f in found if f.unit is not None and gz.province_of(f.unit).name == name)


@lru_cache(maxsize=8)
def _find(text: str, lang: str, pack: str) -> tuple[tuple[_Found, ...], gz.Unit | None]:
    doc = _Doc(text, lang, load_pack(pack))
    within = _main(_standalone(doc, set(), None, typo=False))
    found = _scan(doc, within)
    known = {f.name for f in found if f.unit is not None}
    found += _standalone(doc, known, within)
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[_Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return tuple(kept), _main(kept) or within


@dataclass
class _Doc:
    text: str
    lang: str
    pack: object


def main_place(doc: TextDoc) -> Place | None:
    """The province or centrally-run city the article is about (the one it names most), or None."""
    u = _find(doc.text, doc.lang, doc.pack.code)[1]
    return _place(u) if u else None


def find_places(doc: TextDoc) -> list[Mention[Place]]:
    """Every place mention, in text order; mentions of one place share one :class:`Place`.

    >>> from graph.text import prepare
    >>> doc = prepare("คณะกรรมการพรรคเขตเกียเวียนจัดการประชุม", "th")
    >>> [(m.item.name, m.item.type) for m in find_places(doc)]
    [('Gia Vien', 'district')]
    """
    from graph.extract.mentions import Mention

    found, _main_unit = _find(doc.text, doc.lang, doc.pack.code)
    places: dict[str, Place] = {}
    units: dict[str, gz.Unit] = {}
    for f in found:
        if f.name not in places:
            places[f.name] = Place(name=f.name, type=f.type)
            if f.unit is not None:
                units[f.name] = f.unit
    _parents(doc.text, found, places, units)
    mentions = []
    for f in found:
        place = places[f.name]
        ev = doc.evidence(f.start, f.end, f"place_{f.rule}")
        place.evidence.append(ev)
        place.add_label(doc.pack.meta.get("vietnamese_tag", doc.lang), doc.original[ev.start:ev.end])
        mentions.append(Mention(f.start, f.end, place, f"place_{f.rule}"))
    return mentions


def _coherent(units: dict[str, gz.Unit]) -> None:
    """Among namesakes, keep the unit whose ancestors the text also names ("Luong Hoa ... Chau Thanh")."""
    names = set(units)
    for name, u in list(units.items()):
        rivals = [v for v in gz.by_name(u.vi) if v.type == u.type and v.name == u.name]
        if len(rivals) > 1:
            best = max(rivals, key=lambda v: (sum(a.name in names for a in gz.ancestors(v)), v is u))
            units[name] = best
    for name, u in list(units.items()):  # and the ancestors named in turn follow their children
        for child in units.values():
            for anc in gz.ancestors(child):
                if anc.name == name and anc.type == u.type and anc.id != u.id:
                    units[name] = anc


def _parents(text: str, found: tuple[_Found, ...], places: dict[str, Place], units: dict[str, gz.Unit]) -> None:
    _coherent(units)
    for name, u in units.items():
        for anc in gz.ancestors(u):
            hit = next((n for n, other in units.items() if n != name and other.name == anc.name), None)
            if hit:
                places[name].parent = hit
                break
    for i, f in enumerate(found):
        if f.unit is not None or places[f.name].parent or i + 1 >= len(found):
            continue
        nxt = found[i + 1]
        gap = text[f.end:nxt.start]
        apposition = len(gap) <= 30 and not _NOT_APPOSITION.search(gap)
        if apposition and gz.LEVEL.get(nxt.type or "", 9) < gz.LEVEL.get(f.type or "", 9):
            places[f.name].parent = nxt.name


def located_in(mentions: list[Mention[Place]]) -> list[tuple[str, str]]:
    """(place, containing place) pairs among the places mentioned, each once."""
    seen: dict[str, Place] = {}
    for m in mentions:
        seen.setdefault(m.item.name, m.item)
    return [(p.name, p.parent) for p in seen.values() if p.parent]
