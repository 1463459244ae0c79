"""Find organisations: parse phrases (orgparse), resolve generic mentions and owners, name them.

Why resolution is separate from parsing: a phrase such as "គណៈកម្មាធិការបក្សខេត្ត"
("the provincial party committee") names a body only once the document's subject
province is known, and "Standing Committee of the city party committee" only once
its owner is named. Within a document a generic provincial mention refers to the
province the article is about (the most-mentioned one); a lower-level one to the
nearest body or place of that level named before it. When the article names no
place of that level, the body stays generic ("Provincial Party Committee"), as the
gold does.

Example:
    >>> from graph.text import prepare
    >>> [m.item.name for m in find_organizations(prepare("Ban Thường vụ Tỉnh ủy Yên Bái họp.", "vi"))]
    ['Standing Committee of Yen Bai Provincial Party Committee', 'Yen Bai Provincial Party Committee']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz

from graph.extract import places_api
from graph.extract.mentions import Mention
from graph.extract.names import canonical_latin, name_run_before
from graph.extract.orglinks import infer_parents, link_owners
from graph.extract.orgparse import Grammar, Parse
from graph.extract.orgtypes import CENTRAL, LEVEL_PLACE_TYPE, PLACE_TYPE_LEVEL, TYPES, build_name
from graph.model import Organization, Place
from graph.text import TextDoc

_LOCAL = {"district", "town", "commune", "ward"}
# Capitalised words that open a sentence or phrase before a level word and name no place ("The provincial ...").
_ARTICLES = frozenset({"The", "A", "An", "At", "In", "On", "By", "For", "From", "With", "To", "Its", "Their", "This"})


def _place_index(places: Sequence[Mention[Place]]) -> dict[int, tuple[int, str, str | None, bool]]:
    """Place mentions by start; ``curated`` when read from the gazetteer's list of spellings, not by sound."""
    return {m.start: (m.end, m.item.name, m.item.type, m.rule.endswith("_name")) for m in places}


class Resolver:
    """Document-level knowledge for naming: place levels and the anchors generic mentions refer to."""

    def __init__(self, g: Grammar, parses: list[Parse], places: Sequence[Mention[Place]]) -> None:
        self.g = g
        self.place_level: dict[str, str] = {}
        self.anchors: list[tuple[int, str, str]] = []  # (position, level, place)
        for m in places:
            lvl = PLACE_TYPE_LEVEL.get(m.item.type or "")
            latin = m.item.name[:1].isascii() and g.text[m.start:m.start + 1].isascii()
            if lvl and (latin or m.rule.endswith("_name")):
                self.place_level.setdefault(m.item.name, lvl)
                self.anchors.append((m.start, lvl, m.item.name))
        self._level_word_places()
        for p in parses:
            if p.place and p.level and not p.central and p.level_from_text:
                self.place_level.setdefault(p.place, p.level)
                self.anchors.append((p.start, p.level, p.place))
        self.canon = self._canonical_places(parses)
        for p in parses:
            if p.place:
                p.place = self.canon.get(p.place, p.place)
        self.anchors = sorted((a[0], a[1], self.canon.get(a[2], a[2])) for a in self.anchors)
        for name, lvl in list(self.place_level.items()):
            self.place_level.setdefault(self.canon.get(name, name), lvl)

    def _canonical_places(self, parses: list[Parse]) -> dict[str, str]:
        """Map a place spelt two ways to one name: a cut run ("Dan" → "Dan Chu"), a typo ("Quang Nih")."""
        counts = Counter(a[2] for a in self.anchors)
        counts.update(p.place for p in parses if p.place and p.explicit_place)
        names = sorted(counts, key=lambda n: (-counts[n], -len(n)))
        out: dict[str, str] = {}
        for name in names:
            for better in names:
                if better == name or out.get(better):
                    continue
                words, bwords = name.split(), better.split()
                prefix = len(words) == 1 < len(bwords) and bwords[0] == words[0]
                typo = (counts[better] > counts[name] and len(words) == len(bwords) and words[0] == bwords[0]
                        and fuzz.ratio(name, better) >= 85)
                if prefix or typo:
                    out[name] = better
                    break
        return out

    def _level_word_places(self) -> None:
        """"ស្រុក Cam Xuyen", "tỉnh Yên Bái", "Binh Duong province": a level word names a place's type."""
        g = self.g
        english = g.doc.pack.code == "en"
        for start, end, entry in g.levels.finditer(g.view):
            if entry.key == "central":
                continue
            if english:
                run = name_run_before(g.text, start, 3, g._stop_left)
                words = g.text[run[0]:run[1]].split() if run else []
                if words and words[0] in _ARTICLES:  # "The provincial ...": a capital that opens a sentence
                    words = words[1:]
                    run = (run[1] - len(" ".join(words)), run[1]) if words and run else None
                if run and words:
                    name = canonical_latin(g.text[run[0]:run[1]])
                    self.place_level.setdefault(name, entry.key)
                    self.anchors.append((run[0], entry.key, name))
                continue
            pl = g.place_at(end, entry.key)
            if pl and (g.text[end:g.skip(end)] in ("", " ")):
                self.place_level.setdefault(pl[1], entry.key)
                self.anchors.append((end, entry.key, pl[1]))

    def subject(self, level: str, pos: int) -> str | None:
        """The place a generic mention of ``level`` at ``pos`` refers to, or None."""
        same = [a for a in self.anchors if a[1] == level]
        if not same:
            return None
        if level == "provincial":
            counts = Counter(a[2] for a in same)
            best = max(counts.values())
            return next(a[2] for a in same if counts[a[2]] == best)
        counts = Counter(a[2] for a in same)
        best = max(counts.values())
        top = [a for a in same if counts[a[2]] == best]
        before = [a for a in top if a[0] < pos]
        return (before[-1] if before else top[0])[2]

    def settle_level(self, p: Parse) -> None:
        """Fill the level from the place; tell a city or town from the province or district of the same name."""
        if not p.place:
            return
        known = PLACE_TYPE_LEVEL.get(p.place_type or "") or self.place_level.get(p.place)
        if p.place.endswith((" Town", " City")):
            p.level = "town" if p.place.endswith(" Town") else "city"
        elif p.level is None:
            p.level = known
        elif (p.level != known and {p.level, known} <= _LOCAL and p.place_type
              and not places_api.has_unit(p.place, LEVEL_PLACE_TYPE.get(p.level, ""))):
            p.level = known  # the gazetteer knows no unit of the text's level by that name
        elif p.level == "city" and known == "provincial" and not p.place.endswith(" City"):
            p.place = f"{p.place} City"
        elif p.level in ("city", "town") and known == "district" and not p.place.endswith(" Town"):
            p.level, p.place = "town", f"{p.place} Town"


def resolve(g: Grammar, parses: list[Parse], r: Resolver) -> None:
    """Give every parse a place (explicit, inherited or the subject's) and a name, or drop it (name None)."""
    for p in parses:
        if p.style == "sub" and p.owner is None and p.level and p.level != "central" and not p.plural:
            # "คณะกรรมการประจำพรรคประจำจังหวัด": the standing committee of the provincial party committee
            # "คณะกรรมการประจำพรรคอำเภอ X": the place after the level word is the owner's
            p.owner = Parse(p.start, p.end, "party_committee", level=p.level, level_from_text=True,
                            place_type=p.place_type, explicit_place=p.explicit_place)
            p.owner.place = p.place if p.explicit_place else r.subject(p.level, p.start)
            p.owner_rule = "level"
            if p.owner.place:
                r.settle_level(p.owner)
                _name(p.owner)
        if p.central or p.plural:
            continue
        if p.type == "party_cell" and p.number and p.owner is None and not p.place:
            _grassroots_owner(p, r)
        if p.owner and p.owner_rule == "apposition" and p.type == "party_committee" and not p.place:
            continue  # named after its owner below
        if p.place:
            r.settle_level(p)
        elif p.level and p.level != "central" and p.style in ("territorial", "dept", "cell"):
            p.place = r.subject(p.level, p.start)
            if p.place is None and p.level != "provincial" and not (p.unit or p.number):
                p.plural = True  # "the commune police" with no commune named: a category, not a body
            r.settle_level(p)
        if p.type == "party_cell" and not (p.unit or p.number) and p.level in ("provincial", "city", "district"):
            p.plural = True  # "party cells in X district": cells sit in villages and units, not districts
    for p in parses:
        _name(p)
    for p in parses:  # apposition and ownership need the owner's name first
        if p.name is None and not p.plural:
            _name(p)
    for p in parses:  # "the bloc's party committee": the agency committee the article names in full
        if p.name is None and not p.plural and p.type == "party_committee" and p.quals:
            same = [q.name for q in parses if q.name and q.type == p.type and q.quals == p.quals]
            if len(set(same)) == 1:
                p.name, p.level, p.place = same[0], next(q.level for q in parses if q.name == same[0]), None


def _grassroots_owner(p: Parse, r: Resolver) -> None:
    """"Chi bộ 10" with no committee beside it: a numbered cell of the ward, commune or town the article is about."""
    for level in ("ward", "commune", "town"):
        place = r.subject(level, p.start)
        if place:
            p.owner = Parse(p.start, p.start, "party_committee", level=level, place=place, level_from_text=True)
            p.owner_rule = "subject"
            _name(p.owner)
            return


def _name(p: Parse) -> None:
    if p.plural:
        return
    if p.central:
        p.name = CENTRAL[p.type.split(":", 1)[1]][0]
        return
    style = p.style
    if style == "same":
        p.name = p.owner.name if p.owner else None
    elif style == "sub":
        owner = p.owner
        central_name = TYPES[p.type].central_name
        if owner is None and p.level == "central" and central_name:
            p.name = central_name  # "គណៈកម្មាធិការរៀបចំមជ្ឈិម": the central commission itself
            return
        if owner is None or owner.name is None:
            return
        p.level, p.place = owner.level, owner.place
        p.name = build_name(p.type, owner=owner.name, owner_central=owner.type == "central:central_committee")
    elif style == "cell":
        unit = p.unit
        if not unit and p.place:
            unit = build_name("party_committee", place=p.place, level=p.level).removesuffix(" Party Committee")
        if unit:
            p.name = build_name(p.type, unit=unit)
        elif p.number and p.owner and p.owner.name:
            p.place, p.level = p.owner.place, "village"
            p.name = f"{p.owner.name.removesuffix(' Party Committee')} Party Cell {p.number}"
    elif p.type == "party_committee" and p.quals and p.owner and p.owner.name and not p.place and not p.proper:
        o = p.owner
        p.place, p.level = o.place, o.level
        p.name = build_name(p.type, place=o.place, level=o.level, quals=tuple(p.quals))
    elif p.place or p.proper or (p.level and style == "territorial" and p.level != "central"):
        quals = tuple(p.quals)
        level = p.level if (not quals or not p.explicit_place or p.level_from_text) else None
        p.name = build_name(p.type, place=p.place, level=level, quals=quals, proper=p.proper)


def _generic_lists(g: Grammar, parses: list[Parse]) -> None:
    """"leaders of district, town and city party committees": a run of placeless mentions of different levels."""
    for p, q in zip(parses, parses[1:], strict=False):
        if p.explicit_place or q.explicit_place or not p.level or not q.level or p.level == q.level:
            continue
        if p.central or p.type != q.type:
            continue
        gap = g.view[p.end:q.start].strip(" ,;")
        if gap == "" or (g.and_re is not None and g.and_re.fullmatch(gap)):
            p.plural = q.plural = True


def _shared_levels(g: Grammar, parses: list[Parse]) -> None:
    """"ក្រុមប្រឹក្សាប្រជាជន និងគណៈកម្មាធិការប្រជាជនខេត្ត": a body listed beside a leveled one shares its level."""
    for i, p in enumerate(parses):
        if p.level or p.explicit_place or p.owner or p.style != "territorial" or p.quals:
            continue
        for q in parses[i + 1:i + 4] + parses[max(0, i - 1):i][::-1]:
            lo, hi = (p.end, q.start) if q.start >= p.end else (q.end, p.start)
            gap = g.view[lo:hi].strip(" ,;")
            if gap and not (g.and_re is not None and g.and_re.fullmatch(gap)):
                break
            if q.level and q.level_from_text and q.style == "territorial":
                p.level, p.level_from_text = q.level, True
                if q.explicit_place:
                    p.place, p.place_type, p.explicit_place = q.place, q.place_type, True
                break


def find_organizations(doc: TextDoc, places: Sequence[Mention[Place]] = ()) -> list[Mention[Organization]]:
    """Every organisation mention in ``doc``, each with a resolved canonical name (duplicates kept)."""
    g = Grammar(doc, _place_index(places))
    parses = g.parse_all()
    _generic_lists(g, parses)
    _shared_levels(g, parses)
    link_owners(g, parses)
    r = Resolver(g, parses, places)
    resolve(g, parses, r)
    infer_parents(parses)
    out: list[Mention[Organization]] = []
    for p in parses:
        if not p.name or p.plural or (p.style == "same"):
            continue
        kind = CENTRAL[p.type.split(":", 1)[1]][1] if p.central else TYPES[p.type].kind
        parent = p.owner.name if p.owner and p.owner.name and p.owner_rule not in ("unit", "subject") else None
        org = Organization(name=p.name, kind=kind, level=p.level if p.level else None, place=p.place,
                           parent=p.parent or parent)
        end = p.owner.end if p.owner and p.owner.start >= p.end and p.owner_rule != "unit" else p.end
        org.add_label(doc.lang, doc.text[p.start:end])
        org.evidence.append(doc.evidence(p.start, end, f"org:{p.type}"))
        out.append(Mention(p.start, end, org, f"org:{p.type}"))
        o = p.owner
        if p.owner_rule == "level" and o is not None and o.name and o.place and p.explicit_place:
            # "the Standing Committee of the X provincial party": the committee it names is a body of the text too
            owner = Organization(name=o.name, kind="party_committee", level=o.level, place=o.place)
            owner.evidence.append(doc.evidence(p.start, end, "org:owner"))
            # an inner span, so the organ stays the outer mention a role or a verb attaches to
            out.append(Mention(min(p.start + 1, end), end, owner, "org:owner"))
    return out
