"""Links between organisation phrases: owners stated in the text, and parents the text clearly implies.

Why two steps: an owner is grammar ("Standing Committee *of* the City Party
Committee", Vietnamese apposition "Ban Thường vụ Tỉnh ủy", English possessive
"the provincial Party Committee's Standing Board") and is needed to *name* the
body; a parent is a fact drawn after naming, from the levels of the bodies the
article names (a commune party committee sits under the one district party
committee the article names; the police party committee under the provincial
party committee), as the gold README allows for "clearly implied" links.
"""

from __future__ import annotations

import re

from graph.extract import places_api
from graph.extract.orgparse import Grammar, Parse
from graph.extract.orgtypes import CENTRAL_PARENT, LEVEL_RANK, QUALIFIERS

# Bodies that own standing committees and departments by plain apposition ("Ban Thường vụ Tỉnh ủy").
_OWNERS = {"party_committee", "central:central_committee", "peoples_committee", "standing_committee"}
_POSSESSIVE = re.compile(r"['’]s?\s+$")


def _joined(g: Grammar, p: Parse, nxt: Parse) -> str | None:
    """How ``p`` and the next phrase are joined: "of", "at", "apposition", "possessive" or None."""
    gap = g.text[p.end:nxt.start]
    if g.doc.pack.code == "en" and (_POSSESSIVE.fullmatch(gap) or (
            gap == " " and nxt.style == "sub" and p.type in _OWNERS and p.style != "sub")):
        return "possessive"  # "the Provincial Party Committee Standing Board" owns like "Committee's" does
    of_end = g.of_at(p.end)
    if of_end is not None and g.skip(of_end) == nxt.start:
        return "of"
    if g.at_re is not None:
        m = g.at_re.match(g.view, g.skip(p.end))
        if m and g.skip(m.end()) == nxt.start:
            return "at"
    if len(gap) <= 3 and gap.strip(" ,") == "":
        return "apposition"
    return None


def link_owners(g: Grammar, parses: list[Parse]) -> None:
    """Set ``owner`` where the text joins two phrases (see the module docstring)."""
    for p, nxt in zip(parses, parses[1:], strict=False):
        if _agency_of(g, p, nxt):
            continue
        how = _joined(g, p, nxt)
        if how is None:
            continue
        if how == "possessive":
            if nxt.owner is None and nxt.style in ("sub", "same"):
                nxt.owner, nxt.owner_rule = p, how
        elif (p.style in ("sub", "same") and p.owner is None and how != "at"
              and (how != "apposition" or nxt.type in _OWNERS)):
            p.owner, p.owner_rule = nxt, how
        elif p.type == "party_cell" and p.owner is None and not p.unit and nxt.style == "unit":
            p.owner, p.owner_rule = nxt, "unit"
        elif p.type == "party_cell" and p.owner is None and nxt.type == "party_committee" and not nxt.plural:
            p.owner, p.owner_rule = nxt, how
        elif (p.type == "party_committee" and p.quals and not p.explicit_place and not p.level and not p.proper
              and how == "apposition" and nxt.type == "party_committee" and not nxt.quals):
            p.owner, p.owner_rule = nxt, how
        elif p.style == "unit" and nxt.type == "party_cell" and not nxt.unit and how == "apposition":
            nxt.owner, nxt.owner_rule = p, "unit"


def _agency_of(g: Grammar, p: Parse, nxt: Parse) -> bool:
    """English "the Party Committee of the X provincial police": the committee is the police's party committee."""
    if (g.doc.pack.code != "en" or p.type != "party_committee" or p.quals or nxt.type not in ("police", "military")
            or g.of_at(p.head_end) is None or nxt.start > g.skip(p.end)):
        return False
    p.quals = [nxt.type]
    p.place, p.place_type, p.explicit_place = nxt.place, nxt.place_type, nxt.explicit_place
    p.level, p.level_from_text = nxt.level, nxt.level_from_text
    return True


def _named(parses: list[Parse]) -> list[Parse]:
    return [p for p in parses if p.name and not p.plural]


def infer_parents(parses: list[Parse]) -> None:
    """Set ``parent`` (a name) on each parse where the text states or clearly implies it."""
    named = _named(parses)
    pcs = {p.name: p for p in named if p.type == "party_committee" and not p.quals and p.level}
    centrals = {p.type.split(":", 1)[1]: p.name for p in named if p.central}
    for p in named:
        parent = None
        if (p.owner is not None and p.owner.name and p.owner_rule not in ("unit", "subject")
                and p.owner.name != p.name):
            parent = p.owner.name
        elif p.central:
            parent = centrals.get(CENTRAL_PARENT.get(p.type.split(":", 1)[1], ""))
        elif p.type == "police" and p.level == "provincial":
            parent = centrals.get("ministry_public_security")
        elif p.type == "party_committee" and p.quals:
            if all(QUALIFIERS.get(q, ("", False))[1] for q in p.quals):
                parent = _territorial(pcs, p.level, p.place)
        elif p.type == "party_committee" and p.level:
            parent = _higher(pcs, p)
        elif p.type == "party_cell":
            lower = {n for n, q in pcs.items() if LEVEL_RANK.get(q.level or "", 0) == 3}
            same_place = [n for n in lower if pcs[n].place == p.place]
            if same_place or len(lower) == 1:
                parent = (same_place or sorted(lower))[0]
        p.parent = parent


def _territorial(pcs: dict[str, Parse], level: str | None, place: str | None) -> str | None:
    """The plain party committee of the same place and level (an agency committee's parent)."""
    for name, q in pcs.items():
        if level and q.level == level and q.place == place:
            return name
    return None


def _higher(pcs: dict[str, Parse], p: Parse) -> str | None:
    """The one party committee a level up (commune → district or city; district or city → province)."""
    rank = LEVEL_RANK.get(p.level or "", 0)
    if rank <= 1:
        return None
    want = rank - 1
    cands = sorted(n for n, q in pcs.items() if LEVEL_RANK.get(q.level or "", 0) == want and q.place
                   and q.place != p.place)
    if len(cands) > 1 and p.place:  # several a level up: the one the gazetteer puts the place in
        cands = [n for n in cands if places_api.lies_in(p.place, pcs[n].place or "")]
    if not cands and rank == 3 and p.place:  # no district named: a commune right under its province (since 2025)
        cands = sorted(n for n, q in pcs.items() if LEVEL_RANK.get(q.level or "", 0) == 1 and q.place
                       and places_api.directly_in(p.place, q.place))
    return cands[0] if len(cands) == 1 else None
