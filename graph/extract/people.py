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
Vietnamese family name, a highland name ("Y ...", "H'...", "Ksor ...") or follow an
honorific, rank or academic title ("PGS.TS.", "Assoc. Prof. Dr."); a run next to
a level word or an institution head is a place or a body named after a person
("huyện Trần Văn Thời", "Thai Nguyen University"), and a headline run keeps only
its Vietnamese syllables. Names written in Khmer or Thai script are read back to
Latin by ``graph.extract.translit`` after an honorific, or right before a role.

A name and its chain may be joined by "was elected / được bầu làm /
ត្រូវបានជាប់ឆ្នោតជា / ได้รับเลือกเป็น" (``linkers``). A role whose body is a bare head
word ("Bí thư Chi bộ") refers to the body the text has just named. A rank is a
post "Rank: X" in the force among the person's posts, or with no body when the
text names none.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from graph.extract import people_roles as pr
from graph.extract import places_api
from graph.extract.lexicon import lexicon, starts_any, view
from graph.extract.mentions import Mention
from graph.extract.names import _WORD, MIDDLE_NAMES, SURNAMES, ethnic_name, name_run, vietnamese_syllable
from graph.extract.people_roles import Role, find_roles
from graph.extract.translit import script_name_after, script_name_at, script_name_before
from graph.model import Organization, Person, Post
from graph.text import TextDoc, fold

# Capitalised runs that look like names but name an ideology, a place or a holiday in this domain.
NOT_PEOPLE = frozenset({"ho chi minh", "ho chi minh city", "dien bien phu", "hai ba trung", "quang trung"})
# The start of a capitalised Latin word (Vietnamese capitals included); other scripts never start a name run.
# after the first word of a run of two or more: a space, then no space (what name_run tests to go on)
_NEXT_WORD = re.compile(r" [^ ]")
# "(?<![\w'’])" written after the capital (it tests the same character) so the engine can skip to capitals
_CAP = re.compile(r"[A-Z\u00C0-\u00DE\u0100-\u024F\u1E00-\u1EFF](?<![\w'’].)")


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
    out += [(s, e, "title", None) for s, e, en in lex.get("titles").finditer(v, original=doc.text)]
    out += [(s, e, "rank", en.key) for s, e, en in lex.get("ranks").finditer(v, original=doc.text)]
    return sorted(out)


_Hon = tuple[int, int, str, str | None]


def _honorific_before(hons: list[_Hon], text: str, pos: int) -> tuple[int, str | None] | None:
    """The honorific (start, rank) ending right before ``pos`` (spaces and ':' allowed), chained ranks included."""
    found: tuple[int, str | None] | None = None
    cur = pos
    # hons is sorted by start; those starting at or after pos cannot end before it, so start below them
    for i in range(bisect_left(hons, (pos,)) - 1, -1, -1):
        s, e, _kind, rank = hons[i]
        if e > cur:
            continue
        if text[e:cur].strip(" :：.,") != "" or cur - e > 3:
            break
        found = (s, rank or (found[1] if found else None))
        cur = s
    return found


class _PlaceWords:
    """Level words and institution heads next to a capitalised run make it a place or a body, not a person.

    Why: districts and streets are named after people ("huyện Trần Văn Thời", "Tran Van Thoi district"),
    hamlets follow their level word ("ភូមិ ..."), and "Thai Nguyen University" starts like a name."""

    def __init__(self, doc: TextDoc) -> None:
        self.v = view(doc)
        self.text, self.lang = doc.text, doc.lang
        self.levels = lexicon(doc.pack, "levels").get("levels")
        self.after = [self.levels, lexicon(doc.pack, "roles").get("institutions"),
                      lexicon(doc.pack, "organizations").get("heads")]
        self.before_forms = sorted(self.levels.forms, key=len, reverse=True)

    def around(self, s: int, e: int, person_like: bool = False) -> bool:
        """Whether the run at s:e is a place or a body. ``person_like`` (three or more words after a family
        name): after a level word it is still a holder's name unless the gazetteer knows it — "Chủ tịch UBND
        tỉnh Nguyễn Văn Sơn" names the chairman, "huyện Trần Văn Thời" the district."""
        pre = self.v[max(0, s - 24):s].rstrip()
        for f in self.before_forms:
            if pre.endswith(f) and not (len(pre) > len(f) and pre[-len(f) - 1].isalpha() and f[:1].isascii()):
                return not person_like or places_api.resolve(self.text[s:e], self.lang) is not None
        q = e
        while q < len(self.v) and self.v[q] == " ":
            q += 1
        return q > e and any(c.regex is not None and c.match(self.v, q) for c in self.after)


def _latin_names(doc: TextDoc, spans: list[tuple[int, int]], hons) -> list[_Name]:
    text = doc.text
    v = view(doc)
    stoppers = [lexicon(doc.pack, "roles").get("roles"), lexicon(doc.pack, "organizations").get("heads"),
                lexicon(doc.pack, "organizations").get("central"), lexicon(doc.pack, "roles").get("institutions")]
    places = _PlaceWords(doc)

    stops_at = starts_any(stoppers)
    stopped: dict[int, bool] = {}  # runs are read from each of their capitals: test each position once

    def stop(i: int) -> bool:
        hit = stopped.get(i)
        if hit is None:
            hit = stopped[i] = stops_at(v, i)
        return hit

    tag = doc.lang if doc.lang in ("vi", "en") else "vi"
    covered = bytearray(len(text) + 1)  # 1 inside a span: a position test instead of a scan of every span
    for a, b in spans:
        b = min(b, len(text))
        if b > a:
            covered[a:b] = b"\x01" * (b - a)
    caps = [m.start() for m in _CAP.finditer(text)]  # found once: a search from each capital costs more
    ends: dict[int, int] = {}
    out: list[_Name] = []
    for sent in doc.sentences:
        pos = sent.start
        while True:
            k = bisect_left(caps, pos)  # the first capital at or after pos, as _CAP.search(text, pos) finds
            if k == len(caps) or caps[k] >= sent.end:
                break
            cap = caps[k]
            pos = cap + 1
            if covered[cap]:
                continue  # inside an organisation or role mention (where a run would start)
            first = _WORD.match(text, cap)
            if first is None or not _NEXT_WORD.match(text, first.end()):
                continue  # one capitalised word: a run of it names no one (a name has two words or more)
            run = _run_from(text, cap, stop, ends)
            if not run or covered[run[0]]:
                continue
            s, e = run
            surface = text[s:e].rstrip("'’s") if text[s:e].endswith(("'s", "’s")) else text[s:e]
            name = fold(surface)
            words = name.split()
            if len(words) < 2 or len(words) > 5 or name.lower() in NOT_PEOPLE:
                continue
            h = _honorific_before(hons, text, s)
            low = [w.lower() for w in words]
            ethnic = ethnic_name(low)
            if not (h or ethnic) and not all(vietnamese_syllable(w) for w in low):
                # a headline ("Ha Tinh Reviews Resolution"): keep the leading syllables only
                k = next(i for i, w in enumerate(low) if not vietnamese_syllable(w))
                if k < 2:
                    continue
                words, low = words[:k], low[:k]
                surface = " ".join(surface.split()[:k])
                name = " ".join(words)
            surname = low[0] in SURNAMES or (len(low) >= 3 and low[1] in MIDDLE_NAMES) or ethnic
            if not (surname or h):
                continue
            pos = e
            if not h and places.around(s, e, surname and len(words) >= 3 and low[0] in SURNAMES):
                continue
            out.append(_Name(s, s + len(surface), name, tag, h[0] if h else s, bool(h), h[1] if h else None,
                             strong=bool(h) or (surname and len(words) >= 3)))
    return out


def _run_from(text: str, pos: int, stop: Callable[[int], bool], ends: dict[int, int]) -> tuple[int, int] | None:
    """``name_run(text, pos, 5, stop)``, reusing a run read before from an earlier word of it.

    A run that stopped by itself before five words stops at the same place when read from any of its
    later words, so those words are remembered in ``ends`` (word start: run end) and not read again.
    """
    end = ends.get(pos)
    if end is not None:
        return pos, end
    run = name_run(text, pos, 5, stop)
    if run:
        words = text[run[0]:run[1]].split(" ")  # a run's words are one space apart
        if len(words) < 5:
            start = run[0]
            for word in words[:-1]:
                start += len(word) + 1
                ends[start] = run[1]
    return run


def _script_names(doc: TextDoc, hons, roles: list[Role]) -> list[_Name]:
    """Names in Khmer or Thai script right after an honorific ("សមមិត្តហាថាញ់វ៉ូ"), or right before or after
    a chain of roles when they read as three or more Vietnamese syllables ("จิ่ง มิงห์ ดึ๊ก เลขาธิการ...")."""
    out: list[_Name] = []
    tag = str(doc.pack.meta.get("vietnamese_tag", doc.lang))
    taken: set[int] = set()
    for s, _e, _kind, rank in hons:
        if any(r.start < s < r.end for r in roles):
            continue  # an honorific's letters inside a role's body ("ด่งนาย" Đồng Nai holds นาย)
        found = script_name_at(doc, _e)
        if found:
            start, end, name = found
            out.append(_Name(start, end, name, tag, s, True, rank, strong=True))
            taken.add(start)
    for r in roles:
        found = script_name_before(doc, r.start)
        if found and found[0] not in taken:
            start, end, name = found
            out.append(_Name(start, end, name, tag, start, False, None, strong=True))
            taken.add(start)
    starts = {r.start for r in roles}
    for r in roles:
        found = script_name_after(doc, r.end) if r.end + 1 not in starts else None
        if found and found[0] not in taken:
            start, end, name = found
            out.append(_Name(start, end, name, tag, start, False, None, strong=True))
            taken.add(start)
    return out


def _gap(text: str, a: int, b: int, allowed: str) -> bool:
    return 0 <= b - a <= 6 and text[a:b].strip(allowed) == ""


def _linked(doc: TextDoc, a: int, b: int, linkers: re.Pattern[str] | None) -> bool:
    """Between a name and its role: punctuation, or a word that says "was elected / appointed as"."""
    if _gap(doc.text, a, b, " -–,:(（\n"):
        return True
    if linkers is None or not 0 < b - a <= 48:
        return False
    v = view(doc)
    i = a
    while i < b and v[i] in " ,-–:":
        i += 1
    m = linkers.match(v, i, b)
    return bool(m) and v[m.end():b].strip(" :") == ""


def _opens_sentence(doc: TextDoc, pos: int) -> bool:
    """Whether only an article or nothing stands between the sentence start and ``pos``."""
    sent = doc.sentence_at(pos)
    if sent is None:
        return False
    return doc.text[sent.start:pos].strip().lower() in ("", "the")


def _listed(doc: TextDoc, names: list[_Name], first: _Name, and_words: tuple[str, ...]) -> list[_Name]:
    """The names listed after ``first``, one comma or "and" apart ("Phó Bí thư Tỉnh ủy: A, B và C")."""
    out = [first]
    for n in names:
        if n.hstart <= out[-1].end:
            continue
        gap = view(doc)[out[-1].end:n.hstart].strip()
        if n.hstart - out[-1].end > 8 or gap not in {",", ";"} | set(and_words) | {f", {w}" for w in and_words}:
            break
        out.append(n)
    return out


def _attach(doc: TextDoc, names: list[_Name], chains: list[list[Role]]) -> None:
    """Give each chain of roles to the name right before it, else to the name right after it: with a colon,
    to every name of the list that follows ("các đồng chí Phó Bí thư Tỉnh ủy: A, B"); a chain that opens its
    sentence also to a name set off by a comma ("Secretary of X and Chairwoman of Y, Hoang Duy Chinh, said")."""
    text = doc.text
    linkers = lexicon(doc.pack, "roles").word_regex("linkers")
    and_words = tuple(lexicon(doc.pack, "organizations").words("and"))
    taken = {id(n) for n in names if n.roles}
    owner: dict[int, _Name] = {}  # end of an attached chain -> its holder
    for chain in chains:
        start, end = chain[0].start, chain[-1].end
        before = [n for n in names if n.end <= start and _linked(doc, n.end, start, linkers)]
        # the tests are pure, so the cheap ones go first: the scan of every name only for a holder near enough
        held = [n for e, n in owner.items() if e <= start and linkers is not None
                and not _gap(text, e, start, " -–,:(（\n") and _linked(doc, e, start, linkers)
                and not any(m.start >= e and m.end <= start for m in names)]
        if not before and held:  # "X, Secretary of Y, was elected Chairman of Z": the holder of the posts just named
            before = held[-1:]
        opening = not before and _opens_sentence(doc, start)
        after = [n for n in names if n.hstart >= end and (_gap(text, end, n.hstart, " ")
                                                          or ((n.honorific or opening or ":" in text[end:n.hstart])
                                                              and _gap(text, end, n.hstart, " ,:")))]
        if before:
            before[-1].roles.extend(chain)
            owner[end] = before[-1]
        elif after:
            listed = _listed(doc, names, after[0], and_words) if ":" in text[end:after[0].hstart] else after[:1]
            for n in listed:
                if n is after[0] or id(n) not in taken:
                    n.roles.extend(chain)


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
            if chain[i].org is None and chain[i].dept is None and chain[i].level is None and nxt.org is not None:
                if chain[i].bare == "party_standing_committee":  # "member of the Standing Committee, head of X"
                    chain[i].org = pr.standing_of(pr.territorial_of(pr.owner_of(nxt.org)))
                else:
                    chain[i].org = chain[i].party_of(nxt.org) if chain[i].party else nxt.org
        for i, r in enumerate(chain):  # a department without its owner belongs to a neighbour's committee
            if r.org is None and r.dept is not None:
                near = list(reversed(chain[:i])) + chain[i + 1:]
                owner = next((o.org for o in near if o.org is not None
                              and o.org.kind in ("party_committee", "party_standing_committee")), None)
                if owner is not None:
                    r.org, r.dept = pr.department_of(r.dept, owner), None
    return chains


def _resolve_bare(roles: list[Role], orgs: Sequence[Mention[Organization]]) -> None:
    """A role naming a bare "party committee", "party cell" or "standing committee" refers to the one the text
    has just named; with a level word ("the provincial standing committee"), to the one of that level the text
    names most (the nearest before it on a tie)."""
    ordered = sorted(orgs, key=lambda m: m.start)
    for r in roles:
        if r.org is not None or not (r.bare or r.dept):
            continue
        kind = r.bare or "party_committee"
        r.org = _referent(ordered, kind, r.level, r.start)
        if r.org is None and kind == "party_cell":  # the cell of the school the text has just named
            school = _referent(ordered, "school", None, r.start)
            r.org = r.party_of(school) if school is not None else None
        if r.org is None and r.level is not None and kind != "party_cell":
            owner = pr.committee_at_level(orgs, r.level)
            r.org = pr.standing_of(owner) if kind == "party_standing_committee" else owner
        elif r.org is None and kind == "party_standing_committee":
            owner = _referent(ordered, "party_committee", r.level, r.start)
            r.org = pr.standing_of(owner) if owner is not None else None
        if r.org is not None and r.dept:
            r.org, r.dept = pr.department_of(r.dept, r.org), None


def _referent(ordered: list[Mention[Organization]], kind: str, level: str | None, pos: int) -> Organization | None:
    cands = [m for m in ordered if m.item.kind == kind and m.item.level != "central" and m.item.place
             and (level is None or m.item.level == level)]
    if not cands:
        return None
    if level is not None:
        counts = Counter(m.item.name for m in cands)
        top = max(counts.values())
        cands = [m for m in cands if counts[m.item.name] == top]
    before = [m for m in cands if m.end <= pos]
    return before[-1].item if before else cands[0].item


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
    chains = _chains(doc, roles)
    _resolve_bare(roles, orgs)
    _attach(doc, names, chains)
    known = {m.item.name for m in orgs} | {m.item.name for m in extra_orgs}
    for r in roles:  # bodies a role names indirectly (a standing committee, a department) become mentions too
        if r.org is not None and r.org.name not in known:
            known.add(r.org.name)
            r.org.evidence.append(doc.evidence(r.start, r.end, "org:role"))
            extra_orgs.append(Mention(r.start, r.end, r.org, "org:role"))
    out: list[Mention[Person]] = []
    for n in names:
        if not (n.strong or n.roles):
            continue
        person = Person(n.name)
        for r in n.roles:
            if r.org is not None and r.english(doc):
                person.add_post(r.english(doc), r.org.name)
        if n.rank:  # the force the officer serves in, or none when the text does not name it
            force = next((f for r in n.roles if r.org is not None and (f := pr.force_of(r.org))), None)
            person.posts.insert(0, Post(f"Rank: {n.rank}", force))
        person.add_label(n.tag, doc.text[n.start:n.end])
        person.evidence.append(doc.evidence(n.start, n.end, "person"))
        out.append(Mention(n.start, n.end, person, "person"))
    return out, extra_orgs
