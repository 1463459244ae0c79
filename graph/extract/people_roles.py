"""Role mentions: a role word and the body it names, read from the organisation stage's mentions.

Why apart from people.py: roles are found without names (a chain may precede
or follow its holder), and some roles name their body indirectly — "party
secretary of Cam Vinh primary school" is secretary of the school's *party cell*,
"Tỉnh ủy viên" is a member of the provincial party committee, "ក្រុមទី ១៤"
after a role is the party cell of group 14, "UVBTV Tỉnh ủy" a member of the
committee's *standing committee*.

Some roles name their body only by a bare head word ("Bí thư Đảng ủy, Chủ tịch
HĐND xã X", "Bí thư Chi bộ", "លេខាសាខាបក្ស", "เลขาธิการเซลล์พรรค"): the role
keeps the kind of body it names (``bare``) and people.py resolves it against
the chain it sits in or the body the text has just named. A department head
word without its owner ("หัวหน้าฝ่ายจัดตั้ง") keeps the department type
(``dept``) and takes the owner from its chain. Universities and companies,
which the organisation stage does not name, are read here after a role word
("Rector of Thai Nguyen University", "Chủ tịch HĐQT Công ty cổ phần X").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from graph.extract import places_api
from graph.extract.lexicon import Category, Lexicon, lexicon, view
from graph.extract.mentions import Mention
from graph.extract.names import SURNAMES, canonical_latin, name_run, name_run_before
from graph.extract.orgtypes import CENTRAL, build_name
from graph.extract.roles import english_role
from graph.extract.spans import inside_any
from graph.model import Organization
from graph.text import TextDoc, fold

_SPACES = re.compile(r"[ \t]*")
_DIGITS = re.compile(r"[ \t]*(\d+[A-Za-z]?)(?![\dA-Za-z])")
# A Latin word of an institution's name (capitalised, or a linking word inside English names).
_LATIN_WORD = re.compile(r"[^\W\d_][\w'’&.-]*")
_NAME_LINKS = frozenset({"of", "and", "&", "for"})
# English names of institutions by the key of their head word: (head noun, kind of body).
INSTITUTIONS: dict[str, tuple[str, str]] = {
    "university": ("University", "other"),
    "academy": ("Academy", "other"),
    "college": ("College", "other"),
    "joint_stock_company": ("Joint Stock Company", "enterprise"),
    "limited_company": ("Company Limited", "enterprise"),
    "company": ("Company", "enterprise"),
    "group": ("Group", "enterprise"),
    "corporation": ("Corporation", "enterprise"),
}
# The ministries an officer of the police or the army serves in.
_FORCE_MINISTRIES = frozenset({"Ministry of Public Security", "Ministry of National Defence"})
_FORCE_WORDS = ("Police", "Military", "Border Guard", "Naval", "Navy", "Army", "Command", "Region")


@dataclass
class Role:
    start: int
    end: int
    key: str
    org: Organization | None
    party: bool = False
    bare: str | None = None
    dept: str | None = None
    level: str | None = None

    def party_of(self, org: Organization) -> Organization:
        """The party organisation of a body: a school's party cell, an agency's party committee.

        People's committees, councils and fronts of a place answer to that place's party committee
        ("Bí thư Đảng ủy, Chủ tịch UBND xã X" is secretary of X commune party committee)."""
        if org.kind.startswith("party_"):
            return org
        if org.kind == "school" or self.bare == "party_cell":
            return Organization(f"{org.name} Party Cell", "party_cell", "unit", org.place)
        if org.kind in ("peoples_committee", "peoples_council", "fatherland_front") and org.place and org.level:
            return Organization(build_name("party_committee", place=org.place, level=org.level), "party_committee",
                                org.level, org.place)
        return Organization(f"{org.name} Party Committee", "party_committee", org.level, org.place)

    def english(self, doc: TextDoc) -> str | None:
        return english_role(self.key, self.org.kind if self.org else None, self.org.name if self.org else None)


def force_of(org: Organization) -> str | None:
    """The armed force a body belongs to ("X Provincial Police Party Committee" -> "X Provincial Police")."""
    if org.kind in ("police", "military") or org.name in _FORCE_MINISTRIES:
        return org.name
    if org.kind in ("party_committee", "party_cell") and any(w in org.name for w in _FORCE_WORDS):
        for suffix in (" Party Committee", " Party Cell"):
            if org.name.endswith(suffix):
                return org.name[: -len(suffix)]
    return None


def committee_at_level(orgs: Sequence[Mention[Organization]], level: str) -> Organization:
    """The party committee of ``level`` the document names most ("Tỉnh ủy viên" → that committee); without one,
    that of the place of the level the document's other bodies name most; else the generic committee."""
    if level == "central":
        return Organization(CENTRAL["central_committee"][0], "party_committee", "central")
    cands = Counter(m.item.name for m in orgs if m.item.kind == "party_committee" and m.item.level == level
                    and " ".join(m.item.name.split()[-3:-2]) in ("Provincial", "City", "District", "Town"))
    if cands:
        name = cands.most_common(1)[0][0]
        return next(m.item for m in orgs if m.item.name == name)
    places = Counter(m.item.place for m in orgs if m.item.level == level and m.item.place)
    if places:
        place = places.most_common(1)[0][0]
        return Organization(build_name("party_committee", place=place, level=level), "party_committee", level, place)
    return Organization(build_name("party_committee", level=level), "party_committee", level)


def standing_of(org: Organization) -> Organization:
    """The standing committee of a party committee ("UVBTV Tỉnh ủy")."""
    if org.kind == "party_standing_committee":
        return org
    return Organization(build_name("standing_committee", owner=org.name), "party_standing_committee", org.level,
                        org.place, parent=org.name)


def territorial_of(org: Organization) -> Organization:
    """The territorial party committee of a local state body, force or agency ("UVBTV, Chủ tịch UBND huyện X":
    the member sits on X district party committee's standing committee, not on one of the people's committee)."""
    if org.kind.startswith("party_") or not org.place or org.level in (None, "central", "unit", "village"):
        return org
    return Organization(build_name("party_committee", place=org.place, level=org.level), "party_committee",
                        org.level, org.place)


def owner_of(org: Organization) -> Organization:
    """The party committee a standing committee or department belongs to (the body itself otherwise)."""
    if org.kind in ("party_standing_committee", "party_department"):
        owner = org.parent or (org.name.split(" of ", 1)[1] if " of " in org.name else None)
        if owner:
            return Organization(owner, "party_committee", org.level, org.place)
    return org


def department_of(dept: str, owner: Organization) -> Organization:
    """A party department of its owner committee ("ฝ่ายจัดตั้ง" of the provincial committee)."""
    if owner.kind == "party_standing_committee" and owner.parent:
        owner = Organization(owner.parent, "party_committee", owner.level, owner.place)
    return Organization(build_name(dept, owner=owner.name), "party_department", owner.level, owner.place,
                        parent=owner.name)


class _Institutions:
    """Universities and companies named after a role word, in the pack's word order."""

    def __init__(self, doc: TextDoc, lex: Lexicon) -> None:
        self.doc = doc
        self.heads = lex.get("institutions")
        self.latin_first = str(lex.raw.get("institution_order", "head_first")) == "name_first"
        orglex = lexicon(doc.pack, "organizations")
        stops = [lex.get("roles"), orglex.get("heads"), lexicon(doc.pack, "honorifics").get("honorifics")]
        self.stops = [c for c in stops if c.regex is not None]
        # words that end a Vietnamese name written with lower-case words inside ("và", "của", "tại")
        self.enders = frozenset(orglex.words("of") + orglex.words("at") + orglex.words("and"))

    def _run(self, pos: int, limit: int = 7) -> tuple[int, list[str]]:
        """Latin words from ``pos``: capitalised ones, and lower-case ones that lead to a capitalised one."""
        text, v = self.doc.text, view(self.doc)
        words: list[tuple[int, str]] = []
        i = pos
        while len(words) < limit:
            i = _SPACES.match(text, i).end()
            m = _LATIN_WORD.match(text, i)
            if not m or any(c.match(v, i) for c in self.stops):
                break
            word = m.group().rstrip(".")
            lower = not word[:1].isupper()
            if lower and (v[i:i + len(word)] in self.enders
                          or (word.lower() not in _NAME_LINKS and self.doc.lang != "vi")):
                break
            words.append((i + len(word), word))
            i += len(word)
        while words and not words[-1][1][:1].isupper():
            words.pop()
        return (words[-1][0], [w for _, w in words]) if words else (pos, [])

    def at(self, pos: int) -> tuple[int, Organization] | None:
        """An institution named at ``pos``: (end, body)."""
        if self.heads.regex is None:
            return None
        v = view(self.doc)
        if not self.latin_first:
            h = self.heads.match(v, pos, original=self.doc.text)
            if not h:
                return None
            end, words = self._run(h[0])
            if not words:
                return None
            head, kind = INSTITUTIONS.get(h[1].key, ("", "other"))
            return end, Organization(f"{canonical_latin(' '.join(words))} {head}".strip(), kind)
        end, words = self._run(pos, 9)
        if not words:
            return None
        for h in self.heads.regex.finditer(v, pos, end):
            if h.end() != end and not v.startswith(" of ", h.end()):
                continue
            head, kind = INSTITUTIONS.get(self.heads.forms[h.group()].key, ("", "other"))
            name = canonical_latin(self.doc.text[pos:h.start()])
            if name and h.end() == end:
                return end, Organization(f"{name} {head}", kind)
            if h.start() == pos and h.end() < end:  # "University of Transport"
                return end, Organization(f"{head} of {canonical_latin(self.doc.text[h.end() + 4:end])}", kind)
        return None


_MINISTERS = ("minister", "deputy_minister")
_POSSESSIVE = re.compile(r"['’]s? +")
_MINISTRY_WORDS = re.compile(r"(?:[A-Z][\w-]*|and|of)(?: (?:[A-Z][\w-]*|and|of))*")


def _possessed(text: str, end: int, by_start: dict[int, Mention[Organization]]) -> Mention[Organization] | None:
    """The body a possessive names right after another: "the Provincial Party Committee's | Organisation
    Commission" — the role heads the commission, not the committee."""
    m = _POSSESSIVE.match(text, end)
    if m is None and text.startswith(" ", end):  # "the Provincial Party Committee Inspection Commission"
        owned = by_start.get(end + 1)
        return owned if owned is not None and owned.item.kind in ("party_department", "party_standing_committee") \
            else None
    return by_start.get(m.end()) if m else None


def _ministry(text: str, pos: int) -> tuple[int, Organization] | None:
    """"Minister of | Public Security": the ministry the English title names by its field."""
    m = _MINISTRY_WORDS.match(text, pos)
    if not m:
        return None
    words = m.group().split()
    cut = next((i for i in range(1, len(words) - 1) if fold(words[i]).lower() in SURNAMES
                and words[i + 1][:1].isupper()), None)
    if cut is not None:  # "Minister of Home Affairs Do Thi Thanh": the holder's name follows the field
        words = words[:cut]
    while words and not words[-1][:1].isupper():
        words.pop()
    if not words:
        return None
    field = " ".join(words)
    return pos + len(field), Organization(f"Ministry of {field}", "ministry", "central")


def _committee_named(doc: TextDoc, levels: Category, pos: int) -> tuple[int, Organization] | None:
    """(end, committee) for a level word and a place the gazetteer knows at ``pos`` ("จังหวัด Ha Nam"): the
    party committee a department written without its owner's head word belongs to."""
    lv = levels.match(view(doc), pos, original=doc.text)
    if not lv:
        return None
    q = _SPACES.match(doc.text, lv[0]).end()
    run = name_run(doc.text, q, 4)
    found = places_api.resolve(doc.text[run[0]:run[1]], doc.lang) if run else None
    if found is None or run is None:
        return None
    level = lv[1].key
    return run[1], Organization(build_name("party_committee", place=found[0], level=level), "party_committee",
                                level, found[0])


_PLACE_LEVEL = {"province": "provincial", "city": "city", "district": "district", "town": "town",
                "commune": "commune", "ward": "ward"}
_SECRETARIES = frozenset({"secretary", "deputy_secretary", "standing_deputy_secretary"})


def _committee_of_place(doc: TextDoc, levels: Category, pos: int) -> tuple[int, Organization] | None:
    """(end, committee) for a place the gazetteer knows and its level noun at ``pos`` ("Bac Giang Province"):
    the party committee a secretary of a place ("Party Secretary of Bac Giang Province") heads."""
    v = view(doc)
    run = name_run(doc.text, pos, 4, stop=lambda i: levels.match(v, i, original=doc.text) is not None)
    if run is None:
        return None
    lv = levels.match(v, _SPACES.match(doc.text, run[1]).end(), original=doc.text)
    found = places_api.resolve(doc.text[run[0]:run[1]], doc.lang, lv[1].key if lv else None)
    if lv is None or found is None or lv[1].key != _PLACE_LEVEL.get(found[1] or ""):
        return None
    level = lv[1].key
    return lv[0], Organization(build_name("party_committee", place=found[0], level=level), "party_committee",
                               level, found[0])


def _place_before(doc: TextDoc, pos: int, level: str) -> tuple[int, Organization] | None:
    """(start, committee) for a place name written right before a title that names its level."""
    if level == "central":
        return None
    run = name_run_before(doc.text, pos, 4)
    if run is None or run[1] < pos - 1:
        return None
    found = places_api.resolve(doc.text[run[0]:run[1]], doc.lang)
    if found is None:
        return None
    place = found[0]
    if level == "place":  # "Quang Ninh Party Secretary": the level is the place's own
        level = _PLACE_LEVEL.get(found[1] or "", "")
        if not level:
            return None
    return run[0], Organization(build_name("party_committee", place=place, level=level), "party_committee", level,
                                place)


def find_roles(doc: TextDoc, orgs: Sequence[Mention[Organization]]) -> tuple[list[Role], list[Mention[Organization]]]:
    """Every role mention with its body, and the bodies that only a role names (a school's party cell)."""
    lex = lexicon(doc.pack, "roles")
    orglex = lexicon(doc.pack, "organizations")
    v, text = view(doc), doc.text
    fillers, party_re = lex.word_regex("fillers"), lex.word_regex("party_words")
    standing = lex.words("standing_suffix")
    units, bare, depts = orglex.get("units"), lex.get("bare_bodies"), lex.get("departments")
    levels = lexicon(doc.pack, "levels").get("levels")
    institutions = _Institutions(doc, lex)
    roles_cat = lex.get("roles")
    by_start: dict[int, Mention[Organization]] = {}
    for m in orgs:
        if m.start not in by_start or m.end > by_start[m.start].end:
            by_start[m.start] = m
    starts = sorted(by_start)
    spans = [(m.start, m.end) for m in orgs]
    inside_body = inside_any(spans)
    roles: list[Role] = []
    extra: list[Mention[Organization]] = []
    body_first = bool(lex.raw.get("body_before_role"))
    by_end: dict[int, Mention[Organization]] = {}
    for m in orgs:
        if m.end not in by_end or m.start < by_end[m.end].start:
            by_end[m.end] = m

    def _body_before(role: Role) -> None:
        """English also writes the body first: "Politburo member", "Standing Board member", "Party cell secretary"."""
        k = role.start
        while k > 0 and text[k - 1] == " ":
            k -= 1
        if k == role.start:
            return
        m = by_end.get(k)
        if m is not None and not (roles and roles[-1].end > m.start):
            role.org, role.start = m.item, m.start
            return
        for bs, be, b in bare.finditer(v, max(0, k - 24), k):
            if be == k and not (roles and roles[-1].end > bs):
                role.bare, role.start = b.key, bs
                role.party = b.key != "party_standing_committee"

    def _bare_institution(q: int) -> tuple[str, int, int] | None:
        """A bare party body followed by a university or company: (body kind, end of the name, end of the word)."""
        b = bare.match(v, q, original=text)
        if not b or b[1].key == "party_standing_committee":
            return None
        inst = institutions.at(_SPACES.match(text, b[0]).end())
        return (b[1].key, inst[0], b[0]) if inst else None

    part_of = tuple(lex.words("inside_after"))
    for s, e, entry in roles_cat.finditer(v, original=text):
        if inside_body(s, e) or (roles and s < roles[-1].end):
            continue  # inside a body's name (a role word that merely starts with one, "Tỉnh ủy viên", counts)
        if part_of and v.endswith(part_of, 0, s):
            continue  # the tail of a body word the organisation stage left out (Thai คณะ|กรรมการประจำ)
        inner = next((k for k in range(s + 1, e) if v[k - 1] == " " and (
            k in by_start or depts.match(v, k, original=text) or bare.match(v, k, original=text))), None)
        if inner is None and not doc.pack.spaces_between_words:
            inner = next((k for k in starts if s < k < e), None)
        if inner is not None and roles_cat.regex is not None:
            # the longest form swallowed the head of a body ("Trưởng Ban | Ban Dân vận"): keep the shorter role
            short = roles_cat.regex.match(v, s, inner)
            if short:
                e, entry = short.end(), roles_cat.forms[short.group()]
            elif entry.get("shares_head"):  # "Phó Ban | Ban Tuyên giáo": the role's last word opens the body
                e = inner - 1
            else:
                continue
        key = str(entry.get("role", entry.key))
        role = Role(s, e, key, None)
        if entry.get("level"):
            if entry.get("level") != "place":
                role.org = committee_at_level(orgs, str(entry.get("level")))
            named = _place_before(doc, s, str(entry.get("level")))
            if named is not None:  # "Quang Nam Provincial Party Secretary": the place written before the title
                role.start, role.org = named
            q = _SPACES.match(text, e).end()
            p = party_re.match(v, q) if party_re and not bare.match(v, q, original=text) else None
            if p:  # "UVTƯ Đảng": the party word after a role that names its committee belongs to the role
                role.end = e = p.end()
        pos, after_of = e, False
        for _ in range(6):
            if role.org is not None:
                break
            q = _SPACES.match(text, pos).end()
            if q - pos > 1 and doc.pack.spaces_between_words is False and q not in by_start:
                break
            if q in by_start:
                m = by_start[q]
                inst = _bare_institution(q)
                if inst is not None and inst[1] > m.end:  # "Đảng ủy Công ty X": the company's party committee
                    role.bare, role.party, pos = inst[0], True, inst[2]
                    continue
                role.org, role.end = m.item, m.end
                owned = _possessed(text, m.end, by_start)
                if owned is not None:  # "Head of the Provincial Party Committee's Propaganda Commission"
                    role.org, role.end = owned.item, owned.end
                break
            f = fillers.match(v, q) if fillers else None
            if f:
                pos, after_of = f.end(), True
                continue
            d = depts.match(v, q, original=text)
            if d and not role.bare:
                role.dept, pos = d[1].key, d[0]
                continue
            if role.dept and not role.bare:
                owner = _committee_named(doc, levels, q)
                if owner is not None:  # "หัวหน้าคณะกรรมการระดมมวลชน | จังหวัด X": the department of X's committee
                    role.org, role.end = owner[1], owner[0]
                    break
            b = bare.match(v, q, original=text)
            if b and not role.bare:
                role.bare, pos = b[1].key, b[0]
                role.party = role.bare != "party_standing_committee"
                lv = levels.match(v, _SPACES.match(text, pos).end(), original=text)
                if lv:  # "the provincial standing committee": the one of the level the text names most
                    role.level, pos = lv[1].key, lv[0]
                continue
            if b and role.bare == "party_standing_committee" and b[1].key == "party_committee":
                pos = b[0]  # "Ban Thường vụ Đảng ủy": the standing committee of the committee named by its bare word
                continue
            p = party_re.match(v, q) if party_re else None
            if p and not role.party:
                role.party, pos = True, p.end()
                continue
            if after_of and key in _SECRETARIES and not (role.bare or role.dept):
                owner = _committee_of_place(doc, levels, q)
                if owner is not None:  # "Party Secretary of Bac Giang Province"
                    role.org, role.end = owner[1], owner[0]
                    break
            inst = institutions.at(q)
            if inst:
                role.org, role.end = inst[1], inst[0]
                inst[1].evidence.append(doc.evidence(q, inst[0], "org:institution"))
                extra.append(Mention(q, inst[0], inst[1], "org:institution"))
                break
            u = units.match(v, q)
            dg = _DIGITS.match(text, u[0]) if u else None
            if u and dg:
                unit = f"{u[1].key.capitalize()} {dg.group(1)}"
                role.org = Organization(f"{unit} Party Cell", "party_cell", "village", unit)
                role.end = dg.end()
            elif after_of and key in _MINISTERS:
                ministry = _ministry(text, q)
                if ministry is not None:
                    role.org, role.end = ministry[1], ministry[0]
                    ministry[1].evidence.append(doc.evidence(q, ministry[0], "org:ministry"))
                    extra.append(Mention(q, ministry[0], ministry[1], "org:ministry"))
            break
        if role.org is None and body_first:
            _body_before(role)
        if role.org is None and not (role.bare or role.dept) and entry.get("fallback"):
            # "General Secretary To Lam": a title only the national body has names it when no body follows
            role.org = committee_at_level(orgs, str(entry.get("fallback")))
        if role.org is None:
            role.end = pos
            if entry.get("standing"):
                role.bare = "party_standing_committee"
            if entry.get("bound") and not (role.bare or role.dept):
                continue  # an abbreviation ("CT", "PBT") is a role only before the body it heads
        if role.org is not None and role.dept:
            if role.org.kind in ("party_committee", "party_standing_committee"):
                role.org = department_of(role.dept, role.org)
                role.dept = None
        if role.org is not None and (entry.get("standing") or role.bare == "party_standing_committee"):
            role.org = standing_of(role.org)
        if role.org is not None and role.party:
            org = role.party_of(role.org)
            if org is not role.org:
                role.org = org
                org.evidence.append(doc.evidence(s, role.end, "org:party_of"))
                extra.append(Mention(s, role.end, org, "org:party_of"))
        if role.org is not None and key == "deputy_secretary":
            after = _SPACES.match(text, role.end).end()
            if any(v.startswith(w, after) for w in standing):
                role.key = "standing_deputy_secretary"
        roles.append(role)
    return roles, extra
