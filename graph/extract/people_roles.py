"""Role mentions: a role word and the body it names, read from the organisation stage's mentions.

Why apart from people.py: roles are found without names (a chain may precede
or follow its holder), and some roles name their body indirectly — "party
secretary of Cam Vinh primary school" is secretary of the school's *party cell*,
"Tỉnh ủy viên" is a member of the provincial party committee, "ក្រុមទី ១៤"
after a role is the party cell of group 14.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from graph.extract.lexicon import lexicon, view
from graph.extract.mentions import Mention
from graph.extract.orgtypes import CENTRAL, build_name
from graph.extract.roles import english_role
from graph.model import Organization
from graph.text import TextDoc

_SPACES = re.compile(r"[ \t]*")
_DIGITS = re.compile(r"[ \t]*(\d+[A-Za-z]?)(?![\dA-Za-z])")


@dataclass
class Role:
    start: int
    end: int
    key: str
    org: Organization | None
    party: bool = False

    def party_of(self, org: Organization) -> Organization:
        """The party organisation of a body: a school's party cell, an agency's party committee."""
        if org.kind.startswith("party_"):
            return org
        if org.kind == "school":
            return Organization(f"{org.name} Party Cell", "party_cell", "unit", org.place)
        return Organization(f"{org.name} Party Committee", "party_committee", org.level, org.place)

    def english(self, doc: TextDoc) -> str | None:
        return english_role(self.key, self.org.kind if self.org else None, self.org.name if self.org else None)


def _committee_at_level(orgs: Sequence[Mention[Organization]], level: str) -> Organization:
    """The party committee of ``level`` the document names most ("Tỉnh ủy viên" → that committee)."""
    if level == "central":
        return Organization(CENTRAL["central_committee"][0], "party_committee", "central")
    cands = Counter(m.item.name for m in orgs if m.item.kind == "party_committee" and m.item.level == level
                    and " ".join(m.item.name.split()[-3:-2]) in ("Provincial", "City", "District", "Town"))
    if cands:
        name = cands.most_common(1)[0][0]
        return next(m.item for m in orgs if m.item.name == name)
    return Organization(build_name("party_committee", level=level), "party_committee", level)


def find_roles(doc: TextDoc, orgs: Sequence[Mention[Organization]]) -> tuple[list[Role], list[Mention[Organization]]]:
    """Every role mention with its body, and the bodies that only a role names (a school's party cell)."""
    lex = lexicon(doc.pack, "roles")
    orglex = lexicon(doc.pack, "organizations")
    v, text = view(doc), doc.text
    fillers, party_re = lex.word_regex("fillers"), lex.word_regex("party_words")
    standing = lex.words("standing_suffix")
    units = orglex.get("units")
    by_start: dict[int, Mention[Organization]] = {}
    for m in orgs:
        if m.start not in by_start or m.end > by_start[m.start].end:
            by_start[m.start] = m
    spans = [(m.start, m.end) for m in orgs]
    roles: list[Role] = []
    extra: list[Mention[Organization]] = []
    for s, e, entry in lex.get("roles").finditer(v, original=text):
        if any(a <= s < b for a, b in spans) or (roles and s < roles[-1].end):
            continue
        key = str(entry.get("role", entry.key))
        role = Role(s, e, key, None)
        if entry.get("level"):
            role.org = _committee_at_level(orgs, str(entry.get("level")))
        pos = e
        for _ in range(4):
            if role.org is not None:
                break
            q = _SPACES.match(text, pos).end()
            if q - pos > 1 and doc.pack.spaces_between_words is False and q not in by_start:
                break
            if q in by_start:
                m = by_start[q]
                role.org, role.end = m.item, m.end
                break
            f = fillers.match(v, q) if fillers else None
            if f:
                pos = f.end()
                continue
            p = party_re.match(v, q) if party_re else None
            if p and not role.party:
                role.party, pos = True, p.end()
                continue
            u = units.match(v, q)
            d = _DIGITS.match(text, u[0]) if u else None
            if u and d:
                unit = f"{u[1].key.capitalize()} {d.group(1)}"
                role.org = Organization(f"{unit} Party Cell", "party_cell", "village", unit)
                role.end = d.end()
            break
        if role.org is None:
            role.end = pos
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
