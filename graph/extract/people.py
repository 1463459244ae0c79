"""People and their posts: names, honorifics and ranks, and chains of roles with the bodies they name.

Why chains: Vietnamese news introduces a person with every post at once —
"Tran Duc Thang สมาชิกคณะกรรมการกลางพรรค เลขาธิการคณะกรรมการพรรคประจำจังหวัด",
"đồng chí X - Ủy viên BTV Tỉnh ủy, Phó Bí thư Thường trực Đảng ủy ...",
"Mr. X, member of CPVCC cum Secretary of Provincial Party committee". A role is a
lexicon word followed by an organisation mention (found by the organisation
stage); roles joined by commas, dashes or "and/cum" form one chain, and the chain
belongs to the name right before it, or else to the name right after it
("Standing Member of the Secretariat Tran Cam Tu", "ប្រធាន... លោក Nguyen Van Bich").

Names: capitalised Latin runs (family name first, ASCII-folded) that start with a
Vietnamese family name or follow an honorific; names written in Khmer or Thai
script are read back to Latin by ``graph.extract.translit`` when an honorific or
role marks them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from graph.extract.lexicon import lexicon, view
from graph.extract.mentions import Mention
from graph.extract.names import MIDDLE_NAMES, SURNAMES, name_run
from graph.extract.people_roles import Role, find_roles
from graph.extract.translit import script_name_at
from graph.model import Organization, Person, Post
from graph.text import TextDoc, fold

# Capitalised runs that look like names but name an ideology, a place or a holiday in this domain.
NOT_PEOPLE = frozenset({"ho chi minh", "ho chi minh city", "dien bien phu", "hai ba trung", "quang trung"})
# The start of a capitalised Latin word (Vietnamese capitals included); other scripts never start a name run.
_CAP = re.compile(r"(?<![\w'’])[A-Z\u00C0-\u00DE\u0100-\u024F\u1E00-\u1EFF]")
_FORCES = ("police", "military")


@dataclass
class _Name:
    start: int
    end: int
    name: str
    tag: str
    hstart: int
    honorific: bool = False
    rank: str | None = None
    strong: bool = False
    roles: list[Role] = field(default_factory=list)


def _honorifics(doc: TextDoc) -> list[tuple[int, int, str, str | None]]:
    """(start, end, kind, rank) for every honorific or rank word."""
    lex = lexicon(doc.pack, "honorifics")
    v = view(doc)
    out = [(s, e, en.key, None) for s, e, en in lex.get("honorifics").finditer(v, original=doc.text)]
    out += [(s, e, "rank", en.key) for s, e, en in lex.get("ranks").finditer(v, original=doc.text)]
    return sorted(out)


_Hon = tuple[int, int, str, str | None]


def _honorific_before(hons: list[_Hon], text: str, pos: int) -> tuple[int, str | None] | None:
    """The honorific (start, rank) ending right before ``pos`` (spaces and ':' allowed), chained ranks included."""
    found: tuple[int, str | None] | None = None
    cur = pos
    for s, e, _kind, rank in reversed(hons):
        if e > cur:
            continue
        if text[e:cur].strip(" :：") != "":
            break
        found = (s, rank or (found[1] if found else None))
        cur = s
    return found


def _latin_names(doc: TextDoc, spans: list[tuple[int, int]], hons) -> list[_Name]:
    text = doc.text
    v = view(doc)
    stoppers = [lexicon(doc.pack, "roles").get("roles"), lexicon(doc.pack, "organizations").get("heads"),
                lexicon(doc.pack, "organizations").get("central")]

    def stop(i: int) -> bool:
        return any(c.match(v, i) for c in stoppers)

    tag = doc.lang if doc.lang in ("vi", "en") else "vi"
    out: list[_Name] = []
    for sent in doc.sentences:
        pos = sent.start
        while True:
            m = _CAP.search(text, pos, sent.end)
            if not m:
                break
            run = name_run(text, m.start(), 5, stop)
            pos = m.end()
            if not run or any(a <= run[0] < b for a, b in spans):
                continue
            s, e = run
            surface = text[s:e].rstrip("'’s") if text[s:e].endswith(("'s", "’s")) else text[s:e]
            name = fold(surface)
            words = name.split()
            if len(words) < 2 or len(words) > 5 or name.lower() in NOT_PEOPLE:
                continue
            h = _honorific_before(hons, text, s)
            surname = words[0].lower() in SURNAMES or (len(words) >= 3 and words[1].lower() in MIDDLE_NAMES)
            if not (surname or h):
                continue
            pos = e
            out.append(_Name(s, s + len(surface), name, tag, h[0] if h else s, bool(h), h[1] if h else None,
                             strong=bool(h) or (surname and len(words) >= 3)))
    return out


def _script_names(doc: TextDoc, hons, roles: list[Role]) -> list[_Name]:
    """Names in Khmer or Thai script right after an honorific ("សមមិត្តហាថាញ់វ៉ូ")."""
    out: list[_Name] = []
    tag = str(doc.pack.meta.get("vietnamese_tag", doc.lang))
    for s, _e, _kind, rank in hons:
        found = script_name_at(doc, _e)
        if found:
            start, end, name = found
            out.append(_Name(start, end, name, tag, s, True, rank, strong=True))
    return out


def _gap(text: str, a: int, b: int, allowed: str) -> bool:
    return 0 <= b - a <= 6 and text[a:b].strip(allowed) == ""


def _attach(doc: TextDoc, names: list[_Name], chains: list[list[Role]]) -> None:
    """Give each chain of roles to the name right before it, else to the name right after it."""
    text = doc.text
    for chain in chains:
        start, end = chain[0].start, chain[-1].end
        before = [n for n in names if n.end <= start and _gap(text, n.end, start, " -–,:(（\n")]
        after = [n for n in names if n.hstart >= end and _gap(text, end, n.hstart, " ")]
        if before:
            before[-1].roles.extend(chain)
        elif after:
            after[0].roles.extend(chain)


def _chains(doc: TextDoc, roles: list[Role]) -> list[list[Role]]:
    joiners = lexicon(doc.pack, "roles").words("joiners")
    v = view(doc)
    chains: list[list[Role]] = []
    for r in roles:
        if chains:
            prev = chains[-1][-1]
            gap = v[prev.end:r.start].strip()
            if prev.end <= r.start and (gap == "" or gap in joiners) and r.start - prev.end <= 12:
                chains[-1].append(r)
                continue
        chains.append([r])
    for chain in chains:  # a role without a body shares the next one's ("Deputy Minister, Vice Chairman of X")
        for i in range(len(chain) - 2, -1, -1):
            nxt = chain[i + 1]
            if chain[i].org is None and nxt.org is not None:
                chain[i].org = chain[i].party_of(nxt.org) if chain[i].party else nxt.org
    return chains


def find_people(doc: TextDoc, orgs: Sequence[Mention[Organization]]) -> tuple[list[Mention[Person]],
                                                                             list[Mention[Organization]]]:
    """People mentioned in ``doc`` with their posts, and the bodies only their roles name."""
    spans = [(m.start, m.end) for m in orgs]
    hons = _honorifics(doc)
    roles, extra_orgs = find_roles(doc, orgs)
    role_spans = [(r.start, r.end) for r in roles]
    names = [n for n in _latin_names(doc, spans + role_spans, hons)]
    names += _script_names(doc, hons, roles)
    names.sort(key=lambda n: n.start)
    _attach(doc, names, _chains(doc, roles))
    out: list[Mention[Person]] = []
    for n in names:
        if not (n.strong or n.roles):
            continue
        person = Person(n.name)
        for r in n.roles:
            if r.org is not None and r.english(doc):
                person.add_post(r.english(doc), r.org.name)
        if n.rank:
            force = next((r.org.name for r in n.roles if r.org is not None and r.org.kind in _FORCES), None)
            if force:
                person.posts.insert(0, Post(f"Rank: {n.rank}", force))
        person.add_label(n.tag, doc.text[n.start:n.end])
        person.evidence.append(doc.evidence(n.start, n.end, "person"))
        out.append(Mention(n.start, n.end, person, "person"))
    return out, extra_orgs
