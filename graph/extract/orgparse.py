"""Parse organisation phrases: a head word and the qualifier, level, place, unit and owner around it.

Why a small grammar over the pack's lexicon rather than per-article rules:
every language names a body from the same parts — "គណៈកម្មាធិការបក្ស|នគរបាល|ខេត្ត",
"คณะกรรมการพรรค|ทหาร|เมือง|Chi Linh", "Đảng ủy|Công an|tỉnh", "Quang Ninh|Provincial|Police|Party
Committee" — only the order differs. Khmer, Thai and Vietnamese put the head first and the
parts after it; English puts them before, or after "of". Owners are linked in
a second pass ("<standing committee> of <party committee>", apposition).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.extract import places_api
from graph.extract.lexicon import Entry, Lexicon, lexicon, starts_any, view
from graph.extract.names import SURNAMES, canonical_latin, looks_like_person, name_run, name_run_before
from graph.extract.orgtypes import CENTRAL, LEVEL_PLACE_TYPE, QUALIFIERS, TYPES
from graph.text import TextDoc, fold

_SPACES = re.compile(r"[ \t]*")
# Place types a level word may announce ("ទីក្រុង X" may be a city, a town or the province's city).
_COMPATIBLE = {"city": ("city", "town", "province"), "town": ("town", "city", "district"),
               "province": ("province",), "district": ("district",), "commune": ("commune",), "ward": ("ward",)}
_NON_SPACE = re.compile(r"\S+")
_WHITESPACE = re.compile(r"\s+")
_PLURAL_HEAD = re.compile(r"(?:committee|cell|organi[sz]ation|board)s\b")
_DIGIT = re.compile(r"\d")
# a bracketed list of two or more unit numbers, at most two words after the cell word: "(9A, 9B, 9C)"
_CELL_LIST = re.compile(r"[^\S\n]*(?:[^\s(.;,។]+[^\S\n]+){0,2}?\(((?:\d{1,3}[A-Za-z]?[^\S\n]*(?:,|;|và|and|និង|และ)"
                        r"[^\S\n]*)+\d{1,3}[A-Za-z]?)[^\S\n]*\)")
_LIST_ITEM = re.compile(r"\d{1,3}[A-Za-z]?(?![\w])")
_LATIN_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff][\w&'’.-]*")
_DIGITS = re.compile(r"[ \t]*(?:(?:No\.?|số|លេខ|ที่|หมายเลข)[ \t]*)?(\d+[A-Za-z]?)(?![\dA-Za-z])")


@dataclass
class Parse:
    """One organisation phrase in the normalised text, before names are resolved."""

    start: int
    end: int
    type: str                      # a TYPES key, or "central:<CENTRAL key>"
    level: str | None = None
    place: str | None = None       # canonical place name
    place_type: str | None = None  # the place's own type, if known ("province", "district")
    explicit_place: bool = False
    level_from_text: bool = False
    quals: list[str] = field(default_factory=list)
    unit: str | None = None
    number: str | None = None
    owner: Parse | None = None
    owner_rule: str = ""
    plural: bool = False
    name: str | None = None
    proper: str | None = None      # an institution's own name: "Song Da" in "Đảng ủy Tổng công ty Song Da"
    parent: str | None = None
    distributive: bool = False
    head_end: int = 0

    @property
    def central(self) -> bool:
        return self.type.startswith("central:")

    @property
    def style(self) -> str:
        return "central" if self.central else TYPES[self.type].style


class Grammar:
    """The pack's organisation lexicons and the document's place mentions, for one document."""

    def __init__(self, doc: TextDoc, places: dict[int, tuple[int, str, str | None]]) -> None:
        self.doc = doc
        self.text = doc.text
        self.view = view(doc)
        self.latin = doc.pack.spaces_between_words
        self.orgs: Lexicon = lexicon(doc.pack, "organizations")
        self.levels = lexicon(doc.pack, "levels").get("levels")
        self.heads = self.orgs.get("heads")
        self.central = self.orgs.get("central")
        self.quals = self.orgs.get("qualifiers")
        self.units = self.orgs.get("units")
        self.of_re = self.orgs.word_regex("of")
        self.at_re = self.orgs.word_regex("at")
        self.plural = set(self.orgs.words("plural"))
        self.places = places  # start -> (end, canonical name, type, curated)
        self.and_re = self.orgs.word_regex("and")
        self.function_words = self.orgs.words("function_words")
        self.legal_forms = sorted((canonical_latin(w) for w in self.orgs.raw.get("legal_forms") or []),
                                  key=len, reverse=True)
        self.distributed: set[int] = set()
        self._stopped: dict[int, bool] = {}
        self._places_read: dict[tuple[int, str | None], tuple[int, str, str | None] | None] = {}
        self.roles = lexicon(doc.pack, "roles").get("roles")

    # --- small matchers -------------------------------------------------
    def skip(self, pos: int) -> int:
        if pos < len(self.text) and self.text[pos] not in " \t":
            return pos  # no space to skip (the common case), without a regex call
        return _SPACES.match(self.text, pos).end()

    def place_at(self, pos: int, level: str | None = None) -> tuple[int, str, str | None] | None:
        """A place named at ``pos``: a capitalised Latin run (resolved in the gazetteer when it knows it),
        else a Khmer or Thai name the places stage reads there. ``level`` is the level word before it."""
        pos = self.skip(pos)
        key = (pos, level)  # the phrase parser and the level-word pass often ask about the same place
        if key not in self._places_read:
            self._places_read[key] = self._place_at(pos, level)
        return self._places_read[key]

    def _place_at(self, pos: int, level: str | None) -> tuple[int, str, str | None] | None:
        run = name_run(self.text, pos, 4, self._stop)
        hint = LEVEL_PLACE_TYPE.get(level or "")
        if run:
            run = self._cut_person(run, hint)
            surface = self.text[run[0]:run[1]]
            name = canonical_latin(surface)
            if looks_like_person(name):
                return None
            found = places_api.resolve(surface, self.doc.lang, hint)
            if found and found[0] == canonical_latin(surface.split()[0]) + "" and len(surface.split()) > 1:
                found = None
            return (run[1], found[0], found[1]) if found else (run[1], name, None)
        curated = self.places.get(pos)
        if curated and curated[3]:
            return curated[:3]
        if self.latin or hint is None or self.view.startswith(tuple(self.function_words), pos):
            return None
        found = places_api.script_place_at(self.text, pos, self.doc.lang, hint)
        if found and found[2] in _COMPATIBLE.get(hint, (hint,)):
            return found
        return None

    def _cut_person(self, run: tuple[int, int], hint: str | None) -> tuple[int, int]:
        """End a place run where a holder's name begins: "Tỉnh ủy Quảng Trị | Lê Quang Tùng" (a role, its body,
        then the name) — a known place followed by words that open with a family name."""
        words = self.text[run[0]:run[1]].split(" ")
        if len(words) < 3:
            return run
        for k in range(len(words) - 1, 0, -1):
            if fold(words[k]).lower() not in SURNAMES:
                continue
            head = " ".join(words[:k])
            found = places_api.resolve(head, self.doc.lang, hint)
            # the gazetteer forgives a stray last word ("Quảng Trị Lê"): the shorter head must not name it too
            if found and (k == 1 or places_api.resolve(" ".join(words[:k - 1]), self.doc.lang, hint) != found):
                return run[0], run[0] + len(head)
        return run

    def _stop(self, i: int) -> bool:
        """A capitalised word that begins a head, level or qualifier is not part of a name."""
        hit = self._stopped.get(i)  # name runs are read again from each of their words: test a position once
        if hit is None:
            hit = self._stopped[i] = starts_any((self.heads, self.central, self.levels, self.quals))(self.view, i)
        return hit

    def of_at(self, pos: int) -> int | None:
        if self.of_re is None:
            return None
        m = self.of_re.match(self.view, self.skip(pos))
        return m.end() if m else None

    # --- heads ----------------------------------------------------------
    def head_matches(self) -> list[tuple[int, int, str, Entry]]:
        """Leftmost-longest, non-overlapping head and central-body matches."""
        found = [(s, e, "head", en) for s, e, en in self.heads.finditer(self.view, original=self.text)]
        found += [(s, e, "central", en) for s, e, en in self.central.finditer(self.view, original=self.text)]
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        out: list[tuple[int, int, str, Entry]] = []
        last = -1
        for m in found:
            if m[0] >= last:
                out.append(m)
                last = m[1]
        return out

    def parse_all(self) -> list[Parse]:
        parses: list[Parse] = []
        for start, end, cat, entry in self.head_matches():
            if parses and start < parses[-1].end:
                continue
            if cat == "central":
                p = Parse(start, end, f"central:{entry.key}", level="central", head_end=end)
                if entry.key not in CENTRAL:
                    continue
            else:
                type_key = entry.get("type", entry.key)
                if type_key not in TYPES:
                    continue
                p = Parse(start, end, type_key, level=entry.get("level"), head_end=end,
                          level_from_text=entry.get("level") is not None)
                if entry.get("needs_level") and not (self.levels.match(self.view, self.skip(end))
                                                     and self.after_role(start)):
                    continue
                if self.latin and self.text[start:start + 1].islower() and end - start <= 4:
                    continue  # "báo", "btc" in running text are not heads
                if self.doc.pack.code == "en":
                    self.parse_left(p)
                self.parse_right(p)
            if start in self.distributed and p.type in ("police", "military"):
                p.quals, p.type = [p.type], "party_committee"
            p.plural = p.plural or self.is_plural(p)
            if (parses and p.type == "party_committee" and p.quals and parses[-1].type in p.quals
                    and parses[-1].start >= p.start):
                parses.pop()  # "Provincial Police Party Committee": the police is the committee's qualifier
            parses.append(p)
            if p.type == "party_cell" and not p.unit and not p.number:
                parses.extend(self.numbered_list(p))
            if p.distributive:
                parses.extend(self.distribute(p))
        return parses

    def numbered_list(self, p: Parse) -> list[Parse]:
        """"4 chi bộ cũ (9A, 9B, 9C, 9D)": cells listed by number in brackets after a cell word, one body each."""
        m = _CELL_LIST.match(self.text, p.end)
        if not m:
            return []
        out: list[Parse] = []
        for n in _LIST_ITEM.finditer(self.text, m.start(1), m.end(1)):
            out.append(Parse(n.start(), n.end(), "party_cell", number=n.group(), head_end=n.end()))
        if len(out) < 2:
            return []
        p.plural = True  # the cell word names the group, the numbers the bodies
        return out

    def distribute(self, p: Parse) -> list[Parse]:
        """"คณะกรรมการพรรคของ Chi Linh, Nam Sach และตำรวจจังหวัด": one head over a list of places and agencies."""
        out: list[Parse] = []
        pos = p.end
        while True:
            q = self.skip(pos)
            if q < len(self.text) and self.text[q] in ",;":
                q = self.skip(q + 1)
            elif self.and_re is not None and (m := self.and_re.match(self.view, q)):
                q = self.skip(m.end())
            else:
                break
            head = self.heads.match(self.view, q)
            if head and head[1].key in ("police", "military"):
                self.distributed.add(q)
                pos = head[0]
                lv = self.levels.match(self.view, self.skip(pos), self.text)
                pos = lv[0] if lv else pos
                continue
            pl = self.place_at(q)
            if not pl:
                break
            out.append(Parse(q, pl[0], "party_committee", place=pl[1], place_type=pl[2], explicit_place=True,
                             head_end=q))
            pos = pl[0]
        return out

    def parse_right(self, p: Parse) -> None:
        """Qualifiers, level, unit and place after the head (all languages; English only after "of")."""
        pos = p.end
        english = self.doc.pack.code == "en"
        if english:
            of_end = self.of_at(pos)
            if of_end is None or (p.explicit_place and p.style == "territorial"):
                return  # "the X District Party Committee of Y province": Y is where X lies, not X
            pos = of_end
        while True:
            q = self.skip(pos)
            gap_ok = q == pos or self.latin
            m = self.quals.match(self.view, q) if gap_ok and p.type == "party_committee" else None
            if m and english and not (p.level_from_text and not p.quals and not m[1].get("named")):
                m = None  # English names an agency after "of" only behind a level: "of the provincial agencies' bloc"
            if m and (not p.level or english) and not p.place:
                p.quals.append(m[1].key)
                pos = m[0]
                if m[1].get("named") and not p.proper:
                    got = self.proper_name_at(pos)
                    if got:
                        pos, p.proper = got
                continue
            if q > p.head_end and (self.heads.match(self.view, q) or self.central.match(self.view, q)):
                break
            if p.type == "party_cell" and not p.unit and gap_ok and not english:
                m = self.quals.match(self.view, q)
                got = self.proper_name_at(m[0]) if m and m[1].get("named") else None
                if got:  # "Chi bộ Công ty X": the cell of one enterprise or institution
                    pos, p.level = got[0], "unit"
                    p.unit = f"{got[1]} {QUALIFIERS[m[1].key][0]}"
                    break
            u = self.units.match(self.view, q)
            if not u and p.type == "party_cell" and self.of_at(q) is not None:
                u = self.units.match(self.view, self.skip(self.of_at(q)))
            if u and p.type == "party_cell" and not p.unit:
                d = _DIGITS.match(self.text, u[0])
                if d:
                    p.unit = f"{u[1].key.capitalize()} {d.group(1)}"
                    p.level = "village"
                    pos = d.end()
                    break
            of_end = self.of_at(q) if not self.latin else None
            lv = self.levels.match(self.view, of_end if of_end else q, self.text)
            if lv and (p.level is None or lv[1].key == p.level) and not p.place:
                p.level, p.level_from_text = lv[1].key, True
                pos = lv[0]
                continue
            if p.type == "party_cell" and not p.unit:
                d = _DIGITS.match(self.text, q)
                if d and d.start(1) - q <= 5:
                    p.number = d.group(1)
                    pos = d.end()
                    break
            pl = self.place_at(of_end if (of_end and p.style == "territorial") else q, p.level)
            if pl and (gap_ok or english or self.text[pos:q] == " " or of_end):
                p.place, p.place_type, p.explicit_place = pl[1], pl[2], True
                pos = pl[0]
                if of_end and p.type == "party_committee" and not english:
                    p.distributive = True
                if english and p.type == "party_committee" and not p.quals:
                    m = self.quals.match(self.view, self.skip(pos))
                    if m and m[1].get("named"):  # "Party Committee of Song Da Corporation"
                        p.proper, p.place, p.place_type, p.explicit_place = canonical_latin(
                            self.text[q:pos].strip()), None, None, False
                        p.quals.append(m[1].key)
                        pos = m[0]
                        break
                if english:
                    lv = self.levels.match(self.view, self.skip(pos))
                    if lv:
                        p.level = p.level or lv[1].key
                        p.level_from_text = True
                        pos = lv[0]
            break
        p.end = max(p.end, pos if pos > p.end and self.text[p.end:pos].strip() else p.end)

    def proper_name_at(self, pos: int) -> tuple[int, str] | None:
        """An institution's own name in Latin script after its kind ("Công ty | Cổ phần Xi măng Hà Tiên").

        Why lower-case words are allowed inside: Vietnamese capitalises only the first word of a
        descriptor ("Điện lực"); a lower-case word is kept when a capitalised one follows it, and the
        name stops at a level word ("Cục Thuế | tỉnh Nam Định" is read as a level and a place).
        """
        i = self.skip(pos)
        words: list[tuple[int, int]] = []
        while len(words) < 7 and i < len(self.text):
            m = _LATIN_WORD.match(self.text, i)
            if not m or self._name_stop(i):
                break
            if not self._capital(i) and not (words and self._capital_follows(m.end()) is not None):
                break
            words.append(m.span())
            if self.text[m.end():m.end() + 1] != " ":
                break
            i = m.end() + 1
        while words and not self._capital(words[-1][0]):
            words.pop()
        if not words:
            return None
        name = canonical_latin(self.text[words[0][0]:words[-1][1]])
        for form in self.legal_forms:  # "TNHH MTV", "Cổ phần": the legal form is not part of the name
            name = re.sub(rf"(?<!\S){re.escape(form)}(?!\S)", "", name, flags=re.IGNORECASE)
        name = " ".join(name.split())
        return (words[-1][1], name) if name else None

    def _capital(self, i: int) -> bool:
        return self.text[i].isupper() or self.text[i].isdigit()

    def _capital_follows(self, end: int) -> int | None:
        """Where a capitalised word starts within the next two lower-case words after ``end`` ("thực miền | Nam")."""
        i = end
        for _ in range(2):
            if self.text[i:i + 1] != " ":
                return None
            m = _LATIN_WORD.match(self.text, i + 1)
            if not m or self._name_stop(m.start()):
                return None
            if self._capital(m.start()):
                return m.start()
            i = m.end()
        return None

    def _name_stop(self, i: int) -> bool:
        """A level, head, linking or qualifier word ends an institution's name."""
        if starts_any((self.heads, self.central, self.levels, self.quals))(self.view, i):
            return True
        return any(r is not None and r.match(self.view, i) for r in (self.of_re, self.at_re, self.and_re))

    def parse_left(self, p: Parse) -> None:
        """English: "[Place] [level] [qualifier] HEAD" read leftwards from the head."""
        pos = p.start
        if p.style == "same":
            return
        words = [m.span() for m in _NON_SPACE.finditer(self.text, max(0, pos - 80), pos)]
        if p.style == "sub":
            # "the provincial Party Standing Committee", "Lao Cai provincial Inspection Commission": the level
            # (and place) written before an organ are its owner's; without a level word nothing is read
            if not self._phrase_before(words, self.levels):
                return
        named = False
        if p.type == "party_committee":
            hit = self._phrase_before(words, self.quals)
            if hit:
                p.quals.insert(0, hit[1].key)
                words = [w for w in words if w[1] <= hit[0]]
                pos = hit[0]
                named = bool(hit[1].get("named"))
        if named:  # "the Song Da Corporation Party Committee": the words before are the institution's name
            run = name_run_before(self.text, pos, 5, self._stop_left)
            if run:
                name = self.text[run[0]:run[1]].split()
                if name and name[0] in ("The", "A", "An", "At", "In", "On", "By", "For", "From", "With", "To"):
                    name = name[1:]
                if name:
                    p.proper = canonical_latin(" ".join(name))
                    pos = run[1] - len(" ".join(name))
            p.start = pos
            return
        hit = self._phrase_before(words, self.levels)
        if hit:
            p.level, p.level_from_text = hit[1].key, True
            pos = hit[0]
        run = name_run_before(self.text, pos, 4, self._stop_left)
        if run and self.text[run[0]:run[1]].lower() not in ("the", "a", "an"):
            name = self.text[run[0]:run[1]]
            first = name.split()[0]
            if first in ("The", "A", "An", "At", "In", "On", "By", "For", "From", "With", "To"):
                name = name[len(first):].strip()
                run = (run[1] - len(name), run[1])
            if name:
                found = self.places.get(run[0])
                p.place = found[1] if found else canonical_latin(name)
                p.place_type = found[2] if found else None
                p.explicit_place = True
                pos = run[0]
        p.start = pos

    def _stop_left(self, i: int) -> bool:
        return starts_any((self.heads, self.central, self.levels))(self.view, i)

    def _phrase_before(self, words: list[tuple[int, int]], cat) -> tuple[int, Entry] | None:
        for n in (4, 3, 2, 1):
            if len(words) < n:
                continue
            s, e = words[-n][0], words[-1][1]
            phrase = _WHITESPACE.sub(" ", self.view[s:e])
            if phrase in cat.forms:
                return s, cat.forms[phrase]
        return None

    # --- plural ----------------------------------------------------------
    def is_plural(self, p: Parse) -> bool:
        """Generic plural mentions ("commune party committees", "กรรมการพรรคทุกระดับ") are not bodies."""
        head_text = self.view[p.start:p.head_end]
        if self.doc.pack.code == "en" and _PLURAL_HEAD.search(head_text):
            return True
        if p.explicit_place or p.central:
            return False
        q = self.skip(p.end)
        after = self.view[q:q + 24]
        before = self.view[max(0, p.start - 24):p.start].rstrip()
        plural = tuple(self.plural)
        if after.startswith(plural) or before.endswith(plural):  # else no word below can match
            for w in plural:
                if after.startswith(w) and (not self.latin or after[len(w):len(w) + 1] in ("", " ", ",", ".")):
                    return True
                if before.endswith(w) and (not self.latin or before[-len(w) - 1:-len(w)] in ("", " ")):
                    return True
        if _DIGIT.match(after) and not p.number and not p.unit:
            return True
        return p.level_from_text and self.level_list_follows(p.end)

    def level_list_follows(self, pos: int) -> bool:
        """"ឃុំ សង្កាត់", "xã, phường", "commune and ward": a second level word makes the mention a category."""
        q = self.skip(pos)
        if q < len(self.view) and self.view[q] in ",-/":
            q = self.skip(q + 1)
        elif self.and_re is not None:
            m = self.and_re.match(self.view, q)
            if m:
                q = self.skip(m.end())
        if self.heads.match(self.view, q):
            return False
        lv = self.levels.match(self.view, q, self.text)
        return bool(lv) or self.view.startswith(tuple(w for w in self.plural if len(w) > 2), q)

    def after_role(self, pos: int) -> bool:
        """A role word ends right before ``pos`` ("លេខា|បក្សឃុំ"): the short party head is then allowed."""
        window = self.view[max(0, pos - 20):pos].rstrip()
        return window.endswith(self.roles.form_tuple)
