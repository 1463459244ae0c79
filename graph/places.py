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
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from graph import gazetteer as gz
from graph import wordscan
from graph.lang import load_pack
from graph.model import Place
from graph.phonetic import key, khmer_latin, thai_latin
from graph.text import TextDoc, fold
from graph.wordscan import longest_first

if TYPE_CHECKING:  # graph.extract imports this module; import Mention lazily to keep the cycle open
    from graph.extract.mentions import Mention

_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_LATIN_WORD = rf"[{_UPPER}][{_UPPER}{_UPPER.lower()}0-9]*"
# "(?<![\w])" written after the first capital (it tests the same character) so the engine can skip to capitals
_LATIN_RUN = re.compile(rf"([{_UPPER}](?<![\w][{_UPPER}])[{_UPPER}{_UPPER.lower()}0-9]*(?:[ \t-]{_LATIN_WORD}){{0,4}})")
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
    before_words: tuple[str, ...] = ()  # the word each ``before`` regex starts with (for wordscan)
    numbered_words: tuple[str, ...] = ()



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
    after = re.compile(rf"[ \t]+({longest_first(list(after_type))})(?![\w])") if after_type else None
    numbered_cfg = sorted(cfg.get("numbered") or [], key=lambda x: -len(x[0]))
    numbered = tuple((re.compile(edge + re.escape(str(w)) + r"[ \t]*(\d{1,3}[A-Z]?)(?![\d/-])", re.IGNORECASE),
                      str(t), str(f)) for w, t, f in numbered_cfg)
    seps = re.compile(rf"[ \t]*(?:{longest_first([str(s) for s in cfg.get('list_separators') or [',']])})[ \t]*")
    not_names = tuple(sorted((str(x) for x in cfg.get("not_names") or []), key=len, reverse=True))
    return _Words(before_res, after, after_type, numbered, seps, not_names,
                  tuple(w for w, _ in before), tuple(str(w) for w, _, _ in numbered_cfg))


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
    k = key(latin)
    if len(k) < 3:
        return None
    return _phonetic_key(k, hint, within_id)


@lru_cache(maxsize=8192)
def _phonetic_key(k: str, hint: str | None, within_id: int) -> tuple[float, gz.Unit] | None:
    """:func:`_phonetic_cached` once the reading is a key: readings that differ only in what the key drops
    share the answer."""
    within = gz.unit(within_id) if within_id else None
    scopes: list[tuple[int, tuple[int, ...]]] = [(0, (1, 2))]
    if within is not None:
        scopes.insert(0, (within.id, (2, 3)))
    best: tuple[float, gz.Unit] | None = None
    for scope, levels in scopes:
        hit = _closest_key(k, scope, levels)
        if hit and (best is None or hit[1] > best[0]):
            cands = [gz.unit(i) for i in gz.phonetic_ids(scope, levels)[hit[0]]]
            best = (hit[1], _rank(cands, hint, within)[0])
    return best


@lru_cache(maxsize=16384)
def _closest_key(k: str, scope: int, levels: tuple[int, ...]) -> tuple[str, float] | None:
    """The first key of the scope's phonetic index most like ``k`` (a ratio of the cutoff or more), with its score."""
    near = gz.phonetic_keys_near(scope, levels, len(k), _PHONETIC_CUTOFF)
    hit = process.extractOne(k, near, scorer=fuzz.ratio, score_cutoff=_PHONETIC_CUTOFF)
    return (hit[0], hit[1]) if hit else None


def _script_at(text: str, pos: int, lang: str, hint: str | None, within: gz.Unit | None,
               by_sound: bool = True) -> tuple[int, gz.Unit] | None:
    """A place name in Khmer or Thai script starting at ``pos``: curated spelling, else by sound.

    Matching by sound runs only where a type word has just announced a place (``by_sound``), never on
    words the language itself uses there (``not_names`` in placewords.yaml).
    """
    end = _script_run_re(lang).match(text, pos).end()
    if end - pos < 2:
        return None
    found = _script_run(text[pos:end], lang, hint, within.id if within else 0, by_sound)
    return (pos + found[0], found[1]) if found else None


@lru_cache(maxsize=65536)
def _script_run(run: str, lang: str, hint: str | None, within_id: int, by_sound: bool) -> tuple[int, gz.Unit] | None:
    """:func:`_script_at` on the script run itself, memoised: the same names recur within and across articles."""
    within = gz.unit(within_id) if within_id else None
    firsts = _aliases_by_first(lang)
    for surface in sorted((s for s in firsts.get(run[0], ()) + firsts.get("", ()) if run.startswith(s)),
                          key=len, reverse=True):
        units = [gz.unit(i) for i in gz.aliases(lang)[surface]]
        return len(surface), _rank(_expand(units, hint), hint, within)[0]
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
    return (best[1], best[2]) if best else None


@lru_cache(maxsize=8)
def _script_run_re(lang: str) -> re.Pattern[str]:
    """Up to 24 characters of the language's script (the longest place name read at one position)."""
    lo, hi = _SCRIPT_RANGES[lang]
    return re.compile(f"[{lo}-{hi}]{{0,24}}")


@lru_cache(maxsize=8)
def _aliases_by_first(lang: str) -> dict[str, tuple[str, ...]]:
    """The curated spellings of ``lang`` by first character, in the table's order (a run tests only its own)."""
    out: dict[str, list[str]] = {}
    for surface in gz.aliases(lang):
        out.setdefault(surface[:1], []).append(surface)
    return {k: tuple(v) for k, v in out.items()}


def _boundary(run: str, cut: int, lang: str) -> bool:
    nxt, prev = run[cut], run[cut - 1]
    if lang == "th":
        return not ("\u0e30" <= nxt <= "\u0e3a" or "\u0e45" <= nxt <= "\u0e4e") and not "\u0e40" <= prev <= "\u0e44"
    return not ("\u17b6" <= nxt <= "\u17d3" or nxt == "\u17dd") and prev != "\u17d2"


def _latin_at(text: str, pos: int, hint: str | None, within: gz.Unit | None) -> tuple[int, gz.Unit] | None:
    m = _LATIN_RUN.match(text, pos)
    if not m:
        return None
    found = _latin_run(m.group(1), hint, within.id if within else 0)
    return (pos + found[0], found[1]) if found else None


@lru_cache(maxsize=65536)
def _latin_run(run: str, hint: str | None, within_id: int) -> tuple[int, gz.Unit] | None:
    """The longest start of a capitalised run that names a unit, memoised per run (see :func:`_script_run`)."""
    within = gz.unit(within_id) if within_id else None
    words = re.split(r"([ \t-])", run)
    for n in range(len(words), 0, -2):
        surface = "".join(words[:n])
        units = _latin_units(surface, hint, within, typo=n > 1)
        if units:
            return len(surface), units[0]
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
    scanner = wordscan.scanner(doc)
    scanner.prefetch(w.numbered_words + w.before_words)
    for (regex, typ, fmt), word in zip(w.numbered, w.numbered_words, strict=True):
        for m in scanner.finditer(regex, word):
            found.append(_Found(m.start(), m.end(), None, fmt.replace("{n}", m.group(1)), typ, "numbered"))
    for (regex, typ), word in zip(w.before, w.before_words, strict=True):
        for m in scanner.finditer(regex, word):
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


@dataclass(frozen=True)
class _Run:
    """A capitalised Latin run split into words, with each word's offset in the run and its candidate names."""

    words: tuple[str, ...]
    offsets: tuple[int, ...]
    # per word: (word count, surface, units) of the names starting there, longest first, people's names left out
    names: tuple[tuple[tuple[int, str, tuple[gz.Unit, ...]], ...], ...]
    province: bool  # whether one of those names is a province's


def _latin_runs(text: str) -> list[tuple[int, _Run]]:
    """The capitalised runs :func:`_standalone` reads, with where they start, found once per document."""
    return [(m.start(), _run_parts(m.group(1))) for m in _LATIN_RUN.finditer(text)]


@lru_cache(maxsize=32768)
def _run_parts(run: str) -> _Run:
    """Words, offsets in the run, and the gazetteer look-ups of one run's surfaces (memoised per run)."""
    words = tuple(re.split(r"[ \t-]", run))
    offsets = [0]
    for wd in words[:-1]:
        offsets.append(offsets[-1] + len(wd) + 1)
    names = []
    for i in range(len(words)):
        row = []
        for n in range(min(4, len(words) - i), 0, -1):
            surface = run[offsets[i]:offsets[i + n - 1] + len(words[i + n - 1])]
            person, units = _surface(surface)
            if not person:
                row.append((n, surface, units))
        names.append(tuple(row))
    province = any(u.parent == 0 for row in names for _, _, units in row for u in units)
    return _Run(words, tuple(offsets), tuple(names), province)


@lru_cache(maxsize=65536)
def _surface(surface: str) -> tuple[bool, tuple[gz.Unit, ...]]:
    """Whether a surface is also a person's name, and the units of that name (memoised per surface)."""
    return gz.name_key(surface) in gz.person_forms(), tuple(gz.by_name(surface))


def _standalone(doc: TextDoc, known: set[str], within: gz.Unit | None, typo: bool = True,
                runs: list[tuple[int, _Run]] | None = None,
                spelt: list[tuple[int, int, str]] | None = None) -> list[_Found]:
    """Province names anywhere, and names the text has already typed elsewhere (Latin and curated script)."""
    text = doc.text
    out: list[_Found] = []
    provinces_only = not known and within is None and not typo  # then only a province's name can be found
    for start, run in _latin_runs(text) if runs is None else runs:
        if provinces_only and not run.province:
            continue
        words, offsets = run.words, run.offsets
        i = 0
        while i < len(words):
            hit = None
            for n, surface, units in run.names[i]:
                if not (units or (typo and n >= 2)):
                    continue  # no unit of that name and no typo allowed
                top = [u for u in units if u.parent == 0 or u.name in known
                       or (within is not None and n > 1 and u.level == 2 and gz.province_of(u).name == within.name)]
                if not top and typo and n >= 2 and not units:
                    top = [u for u in gz.fuzzy_top(surface) if u.parent == 0]
                if top and (n > 1 or len(surface) > 3) and not _inside_person(words, i):
                    hit = (n, _rank(top, None, within)[0], surface)
                    break
            if hit:
                n, u, surface = hit
                out.append(_Found(start + offsets[i], start + offsets[i] + len(surface), u, u.name, u.type, "name"))
                i += n
            else:
                i += 1
    script = _script(doc.lang)
    if script:
        forms = gz.aliases(script)
        for start, end, surface in _spellings(doc) if spelt is None else spelt:
            units = [gz.unit(i) for i in forms[surface]]
            u = _rank(units, None, within)[0]
            out.append(_Found(start, end, u, u.name, u.type, "name"))
    return out


def _spellings(doc: TextDoc) -> list[tuple[int, int, str]]:
    """Curated Khmer or Thai spellings in the text, people's names left out (found once, read by both passes)."""
    script = _script(doc.lang)
    if not script or not gz.aliases(script):
        return []
    person = gz.person_forms()
    return [(m.start(), m.end(), m.group()) for m in _alias_regex(script).finditer(doc.text) if m.group() not in person]


# A spelling must not end inside a syllable: "មេស" (My Tho) is the start of "មេសា" (April), not a place.
_NO_CONTINUE = {"km": "(?![\u17b4-\u17d3\u17dd])", "th": "(?![\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])"}


@lru_cache(maxsize=4)
def _alias_regex(script: str) -> re.Pattern[str]:
    # the longest spelling first, as a trie
    return re.compile(wordscan.alternation(gz.aliases(script)) + _NO_CONTINUE.get(script, ""))


@cache
def _month_names(code: str) -> tuple[str, ...]:
    """The month names :func:`_month_regex` looks for (every match of it begins with one of them)."""
    names = [str(k) for k in (load_pack(code).data("months", {}) or {}).get("months") or {}]
    return tuple(n for n in names if len(n) > 2)


@cache
def _month_regex(code: str) -> re.Pattern[str] | None:
    """The pack's month names (``months.yaml``): a month is never a place, whatever it sounds like."""
    names = list(_month_names(code))
    if not names:
        return None
    edge = r"(?<![\w])" if load_pack(code).spaces_between_words else ""
    return re.compile(edge + "(?:" + longest_first(names) + ")", re.IGNORECASE)


def _month_spans(doc: TextDoc, regex: re.Pattern[str]) -> tuple[list[int], list[int]]:
    """Starts and ends of the month names in a document, found once (both passes of :func:`_find` ask).

    The case-insensitive regex opens with a look-behind, which keeps the engine from skipping ahead to
    a likely start; the document's word scanner tries it only where a month name begins.
    """
    found = getattr(doc, "_month_spans", None)
    if found is None:
        starts: list[int] = []
        ends: list[int] = []
        for m in wordscan.scanner(doc).finditer_from(regex, _month_names(doc.pack.code)):
            starts.append(m.start())
            ends.append(m.end())
        found = doc._month_spans = (starts, ends)  # type: ignore[attr-defined]
    return found


def _not_months(doc: TextDoc, found: list[_Found]) -> list[_Found]:
    """Drop place readings that overlap a month name ("ខែមេសា" is April, not Tien Giang)."""
    regex = _month_regex(doc.pack.code)
    if regex is None or not found:
        return found
    starts, ends = _month_spans(doc, regex)
    if not starts:
        return found
    # the month matches neither overlap nor are empty, so their starts and ends both ascend: the first
    # one ending after a reading's start is the only one that can overlap it (a test, not a scan of all)
    kept: list[_Found] = []
    for f in found:
        k = bisect_right(ends, f.start)
        if k == len(starts) or starts[k] >= f.end:
            kept.append(f)
    return kept


def _inside_person(words: Sequence[str], i: int) -> bool:
    """A province name inside a person's name ("Nguyen Thai Binh") is not a place."""
    return i > 0 and fold(words[0]).lower() in _SURNAMES


def _main(found: list[_Found]) -> gz.Unit | None:
    counts = Counter(gz.province_of(f.unit).name for f in found if f.unit is not None)
    if not counts:
        return None
    name = counts.most_common(1)[0][0]
    return next(gz.province_of(f.unit) for f in found if f.unit is not None and gz.province_of(f.unit).name == name)


def _found(doc: TextDoc) -> tuple[tuple[_Found, ...], gz.Unit | None]:
    """:func:`_find` of a document, read once per document (find_places and main_place both ask)."""
    found = getattr(doc, "_places_found", None)
    if found is None:
        found = doc._places_found = _find(doc)  # type: ignore[attr-defined]
    return found


def _find(doc: TextDoc) -> tuple[tuple[_Found, ...], gz.Unit | None]:
    runs, spelt = _latin_runs(doc.text), _spellings(doc)
    within = _main(_not_months(doc, _standalone(doc, set(), None, typo=False, runs=runs, spelt=spelt)))
    found = _scan(doc, within)
    known = {f.name for f in found if f.unit is not None}
    found += _standalone(doc, known, within, runs=runs, spelt=spelt)
    found = _not_months(doc, found)
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[_Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return tuple(kept), _main(kept) or within


def main_place(doc: TextDoc) -> Place | None:
    """The province or centrally-run city the article is about (the one it names most), or None."""
    u = _found(doc)[1]
    return _place(u) if u else None


def find_places(doc: TextDoc) -> list[Mention[Place]]:
    """Every place mention, in text order; mentions of one place share one :class:`Place`.

    >>> from graph.text import prepare
    >>> doc = prepare("คณะกรรมการพรรคเขตเกียเวียนจัดการประชุม", "th")
    >>> [(m.item.name, m.item.type) for m in find_places(doc)]
    [('Gia Vien', 'district')]
    """
    from graph.extract.mentions import Mention

    found, _main_unit = _found(doc)
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
