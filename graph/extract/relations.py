"""Implementation links: which body (or programme, or event) carries out which document.

Why clause-level rules: the implementing verb sits next to the document it
governs ("ដើម្បីអនុវត្តសេចក្តីសម្រេចចិត្តលេខ ២១-NQ/TW", "เพื่อเผยแพร่และปฏิบัติตามคำสั่งหมายเลข
35-CT/TW", "thực hiện Kết luận số 100-KL/TW", "implement Directive 26-CT/TW"); its
subject is the nearest body before the verb in the same clause, or — when the
implementing phrase is fronted ("Implementing Letter 128-CV/TU of ..., the City
Standing Committee chose ...") — the first body after the documents. A body
named as a document's issuer ("... of the Politburo") is never the subject.

A document followed by an implementing phrase and another document implements
that document ("Programme 39-CTr/TU on implementing Resolution 21-NQ/TW"), and a
programme or plan's issuer implements it too. An event's implemented documents
are implemented by its organiser. Documents named without a code (``implicit``)
follow the same rules, falling back on the article's top party committee.

A purpose clause may come first: "To realise Resolution R, the committee issued
Programme P" (Vietnamese "Để triển khai ..., Tỉnh ủy ban hành ...", Khmer
"ដើម្បីអនុវត្ត ... បានចេញ ...", Thai "เพื่อดำเนินการตาม ... ได้ออก ...") makes P
implement R and the issuing body implement R; "the action programme" without
a number refers to the last programme named before it. In a request ("X,
Secretary of Y, asked ... to implement R") the body is the speaker's. Of
nested mentions ("Standing Committee of | the Provincial Party Committee") the
whole one acts, and of "ward X, city Y" the ward. A body is never linked to
the programme or plan it issued itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from graph.extract.lexicon import lexicon, view
from graph.extract.mentions import Mention
from graph.extract.orgtypes import LEVEL_RANK
from graph.model import Document, Event, Organization, Relation
from graph.text import Sentence, TextDoc

_IMPLEMENTING_TYPES = ("programme", "plan", "project")
# A local decision or directive "on implementing" a document carries it out like a programme does; the
# issuer of such a document implements what it implements (a national body's never does: it issues).
_CARRYING_TYPES = _IMPLEMENTING_TYPES + ("decision", "directive")
_ISSUER_WINDOW = 160
_VERB_WINDOW = 60
_FRONTED = 40  # "Implementing X, the City Standing Committee ...": a verb this close to the clause start
_ISSUED_WINDOW = 70  # from an issuing verb to the number of the document it issues
_ANAPHOR_WINDOW = 24  # from an implementing verb to "the action programme" it governs
_APPOSITION = 10  # "Ward X, Y City": a higher-level body this close after a lower one only locates it
# The marks between an owner and its organ ("the Provincial Party Committee's Standing Board").
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
# National bodies issue documents rather than carry them out.
_NATIONAL = frozenset({"Central Committee of the Communist Party of Vietnam", "Politburo", "Secretariat", "Government",
                       "Prime Minister", "National Assembly"})


@dataclass
class Relations:
    implements: list[Relation] = field(default_factory=list)
    implicit: list[Relation] = field(default_factory=list)


@dataclass(frozen=True, order=True)
class _Ref:
    start: int
    end: int
    code: str
    type: str = "other"
    issuer: str | None = None


def _verbs_of(doc: TextDoc) -> dict[tuple[int, int], list[re.Match[str]]]:
    """The per-document store of :meth:`_Linker.links`' verb matches, keyed by sentence span."""
    found = getattr(doc, "_implement_verbs", None)
    if found is None:
        found = doc._implement_verbs = {}  # type: ignore[attr-defined]
    return found


def _refs(documents: Sequence[Mention[Document]]) -> list[_Ref]:
    return sorted(_Ref(m.start, m.end, m.item.code, m.item.type, m.item.issuer) for m in documents)


def _excluded(doc: TextDoc, refs: list[_Ref], orgs: Sequence[Mention[Organization]]) -> set[int]:
    """Starts of org mentions that cannot be an implementing subject.

    A document's issuer named in the same sentence (and the bodies chained to it:
    "Standing Committee of | the Provincial Party Committee"), a body named as a
    person's post ("Nguyen Tan Phong, chairman of the association"), and the
    national bodies, which issue rather than carry out.
    """
    out: set[int] = set()
    ordered = sorted(orgs, key=lambda m: m.start)
    roles = lexicon(doc.pack, "roles").get("roles")
    v = view(doc)
    for i, m in enumerate(ordered):
        sent = doc.sentence_at(m.start)
        issuer = any(r.issuer == m.item.name and sent is not None and sent.start <= r.start < sent.end for r in refs)
        before = v[max(0, m.start - 24):m.start].rstrip(" :")
        after_role = before.endswith(roles.form_tuple)
        if issuer or after_role or m.item.level == "central":
            out.add(m.start)
            gap = v[ordered[i - 1].end:m.start].strip() if i > 0 else None
            if gap in _POSSESSIVE or (gap == "" and m.item.kind in ("party_standing_committee", "party_department")):
                out.add(ordered[i - 1].start)  # "the X Party Committee's Standing Board": the owner is chained too
            for n in ordered[i + 1:]:
                if (n.start - ordered[i].end > 6 or any(c in v[ordered[i].end:n.start] for c in ",;:")
                        or doc.sentence_at(n.start) is not sent):
                    break  # a comma or a sentence end closes the issuer's name: the body after it is a subject
                out.add(n.start)
    return out


def _party_first(posts: list[Mention[Organization]]) -> Mention[Organization]:
    """Of a speaker's posts, the party committee (the last one written), else the last body."""
    party = [m for m in posts if m.item.kind in ("party_committee", "party_standing_committee")]
    return party[-1] if party else posts[-1]


def _outermost(cands: list[Mention[Organization]]) -> list[Mention[Organization]]:
    """Drop mentions that start inside another ("the Provincial Party Committee" in "its Standing Committee")."""
    return [m for m in cands if not any(o is not m and o.start <= m.start < o.end
                                        and (o.start, -o.end) < (m.start, -m.end) for o in cands)]


class _Linker:
    def __init__(self, doc: TextDoc, orgs: Sequence[Mention[Organization]], refs: list[_Ref],
                 all_refs: list[_Ref] | None = None) -> None:
        self.doc = doc
        lex = lexicon(doc.pack, "verbs")
        self.verb_re = lex.word_regex("implement")
        self.issue_re = lex.word_regex("issue")
        self.request_re = lex.word_regex("request")
        self.agent_re = lex.word_regex("passive_agent")
        self.determiners = lex.word_regex("determiners")
        self.types = lexicon(doc.pack, "doctypes").get("types")
        hon = lexicon(doc.pack, "honorifics")
        self.honorifics = [hon.get("honorifics"), hon.get("titles"), hon.get("ranks")]
        bare = lexicon(doc.pack, "roles").get("bare_bodies")
        self.bare = bare if bare.regex is not None else None
        self.breaks = lex.words("clause_breaks")
        self.continues = bool(lex.raw.get("list_continues_across_sentences"))
        self.orgs = sorted((m for m in orgs), key=lambda m: m.start)
        self.refs = refs
        self.all_refs = all_refs if all_refs is not None else refs
        self.excluded = _excluded(doc, self.all_refs, orgs)
        self.view = view(doc)
        self.carry: tuple[Organization, int] | None = None
        self.central = {m.item.name for m in orgs if m.item.level == "central"} | _NATIONAL
        self._ref_starts: dict[int, tuple[list[_Ref], list[int] | None]] = {}
        # the implementing verbs of each sentence, shared by the explicit and the implicit linker of a document
        self._verbs: dict[tuple[int, int], list[re.Match[str]]] = _verbs_of(doc)

    def clause(self, sent: Sentence, pos: int) -> tuple[int, int]:
        """The clause of ``sent`` around ``pos``: bounded by reported-speech marks and semicolons."""
        lo, hi = sent.start, sent.end
        for b in self.breaks:
            i = self.doc.text.rfind(b, sent.start, pos)
            if i >= 0:
                lo = max(lo, i + len(b))
            j = self.doc.text.find(b, pos, sent.end)
            if j >= 0:
                hi = min(hi, j)
        return lo, hi

    def _nearest(self, cands: list[Mention[Organization]]) -> Mention[Organization] | None:
        """The last of ``cands``, unless it only locates the lower-level body just before it ("Ward X, Y City")."""
        cands = _outermost(cands)
        if not cands:
            return None
        last = cands[-1]
        if len(cands) >= 2:
            prev = cands[-2]
            gap = self.view[prev.end:last.start]
            if (0 <= len(gap) <= _APPOSITION and not any(c.isalnum() for c in gap.replace("of", "").replace(
                    "thuoc", "").replace("cua", ""))
                    and LEVEL_RANK.get(last.item.level or "", 9) < LEVEL_RANK.get(prev.item.level or "", 9)):
                return prev
        return last

    def party_body(self, m: Mention[Organization]) -> Mention[Organization]:
        """"Chi bộ | Trường THCS X", "សាខាបក្ស | សាលា X": a bare party word before a school or agency the
        organisation stage named alone makes the subject that body's party cell or committee."""
        if m.item.kind.startswith("party_") or self.bare is None or m.item.level == "central":
            return m
        i = m.start
        while i > 0 and self.view[i - 1] == " ":
            i -= 1
        for s, e, entry in self.bare.finditer(self.view, max(0, i - 30), i):
            if e == i and entry.key in ("party_cell", "party_committee"):
                cell = entry.key == "party_cell" or m.item.kind == "school"
                name = f"{m.item.name} Party Cell" if cell else f"{m.item.name} Party Committee"
                org = Organization(name, "party_cell" if cell else "party_committee", m.item.level, m.item.place)
                return Mention(s, m.end, org, "org:party_of")
        return m

    def subject(self, lo: int, hi: int, verb: int, after: int) -> Mention[Organization] | None:
        cands = [m for m in self.orgs if lo <= m.start and m.end <= hi and m.start not in self.excluded]
        before = self._nearest([m for m in cands if m.end <= verb])
        if before is not None:
            return self.party_body(before)
        if verb - lo > _FRONTED:
            return None
        later = _outermost([m for m in cands if m.start >= after])
        return self.party_body(later[0]) if later else None

    def passive_agent(self, pos: int, hi: int) -> Mention[Organization] | None:
        """The body after "by" that follows a verb ("implemented by the provincial party committee")."""
        if self.agent_re is None:
            return None
        i = pos
        while i < hi and self.view[i] == " ":
            i += 1
        a = self.agent_re.match(self.view, i)
        if a is None:
            return None
        j = a.end()
        while j < hi and self.view[j] == " ":
            j += 1
        found = _outermost([m for m in self.orgs if j <= m.start <= j + 4 and m.end <= hi
                            and m.start not in self.excluded])
        return self.party_body(found[0]) if found else None

    def speaker(self, lo: int, verb: int) -> Mention[Organization] | None:
        """In "X, Secretary of Y, asked ... to implement R", the body Y of the one who asks; when only the name
        is written ("đồng chí X đề nghị ..."), Y is read from where the text first gave X's posts."""
        if self.request_re is None:
            return None
        asks = list(self.request_re.finditer(self.view, lo, verb))
        if not asks:
            return None
        ask = asks[-1].start()
        addressed = [m for m in self.orgs if ask <= m.start and m.end <= verb and m.start not in self.excluded]
        posts = [m for m in self.orgs if lo <= m.start and m.end <= ask and m.item.level != "central"]
        if posts:
            speaker = _party_first(_outermost(posts))
            return speaker if speaker.start in self.excluded or not addressed else None
        if addressed:
            return None
        return self.posts_of_name(lo, ask)

    def posts_of_name(self, lo: int, ask: int) -> Mention[Organization] | None:
        """The body among the posts written after an earlier mention of the name that stands before ``ask``."""
        text = self.doc.text
        start = max(lo, ask - 60)
        cut = start
        for m in self.honorifics:
            if m.regex is not None:
                for h in m.regex.finditer(self.view, start, ask):
                    cut = max(cut, h.end())
        comma = max(text.rfind(",", start, ask), text.rfind("，", start, ask))
        cut = max(cut, comma + 1)
        words = text[cut:ask].strip(" ,:").split(" ")
        while words and words[-1][:1].islower():  # "X also asked": the name ends at its last capitalised word
            words.pop()
        name = " ".join(words)
        if len(name) < 4:
            return None
        i = text.rfind(name, 0, lo)
        while i >= 0:
            sent = self.doc.sentence_at(i)
            end = min(i + len(name) + 160, sent.end if sent else len(text))
            posts = [m for m in self.orgs if i + len(name) <= m.start and m.end <= end and m.start in self.excluded
                     and m.item.level != "central"]
            if posts:
                return _party_first(_outermost(posts))
            i = text.rfind(name, 0, i)
        return None

    def anaphor(self, pos: int, sent: Sentence) -> tuple[_Ref, bool] | None:
        """"the resolution", "the action programme" right after a verb: the last document of that type numbered
        before it, and whether a determiner marked it as a reference back. Without a determiner (Vietnamese,
        Khmer and Thai have none before the noun) it is read only when a programme or plan issued later in the
        sentence carries it out (see :meth:`links`), since a bare "thực hiện nghị quyết" is often generic."""
        i = pos
        while i < sent.end and self.view[i] == " ":
            i += 1
        determined = False
        if self.determiners is not None:
            d = self.determiners.match(self.view, i)
            if d:
                i, determined = d.end(), True
                while i < sent.end and self.view[i] == " ":
                    i += 1
        if i - pos > _ANAPHOR_WINDOW or self.types.regex is None:
            return None
        t = self.types.match(self.view, i, original=self.doc.text)
        if t is None or any(t[0] <= r.start <= t[0] + _ANAPHOR_WINDOW for r in self.all_refs):
            return None  # a type word with its number is a citation, not a reference back
        form = self.view[i:t[0]]
        if form.endswith("s") and form[:-1] in self.types.forms:
            return None  # "the resolutions of the Party": a plural is no one document
        kind = t[1].key
        prior = [r for r in self.all_refs if r.type == kind and r.end <= pos]
        if not prior:
            return None
        x = prior[-1]
        return _Ref(i, t[0], x.code, x.type, x.issuer), determined

    def issued(self, pos: int, end: int, inside: list[_Ref]) -> tuple[int, _Ref] | None:
        """A programme or plan issued later in the clause ("..., X issued Plan P"): (verb start, P)."""
        if self.issue_re is None:
            return None
        for m in self.issue_re.finditer(self.view, pos, end):
            docs = [r for r in inside if r.start >= m.end() and r.start - m.end() <= _ISSUED_WINDOW]
            if docs and docs[0].type in _IMPLEMENTING_TYPES:
                return m.start(), docs[0]
        return None

    def issuer_subject(self, pos: int, verb: int, issued: _Ref) -> Organization | None:
        """The body that issues a programme: named before the issuing verb, else the programme's issuer."""
        cands = [m for m in self.orgs if pos <= m.start and m.end <= verb and m.item.level != "central"
                 and (m.start not in self.excluded or m.item.name == issued.issuer)]
        near = self._nearest(cands)
        if near is not None:
            return near.item
        if issued.issuer:
            named = next((m.item for m in self.orgs if m.item.name == issued.issuer), None)
            if named is None:  # the issuer read from the number's letters or a phrase the body stage left out
                return Organization(issued.issuer, "party_committee")
            return named if named.level != "central" else None
        return None

    def _starting_in(self, refs: list[_Ref], lo: int, hi: int) -> list[_Ref]:
        """``[r for r in refs if lo <= r.start < hi]``: a slice when ``refs`` ascend by start (they are
        sorted), since every sentence asks and a filter of all references per sentence adds up."""
        known = self._ref_starts.get(id(refs))
        if known is None or known[0] is not refs:
            starts = [r.start for r in refs]
            ascending = all(a <= b for a, b in zip(starts, starts[1:], strict=False))
            known = self._ref_starts[id(refs)] = (refs, starts if ascending else None)
        starts = known[1]
        if starts is None:
            return [r for r in refs if lo <= r.start < hi]
        return refs[bisect_left(starts, lo):bisect_left(starts, hi)]

    def links(self, sent: Sentence, index: int, refs: list[_Ref]) -> list[tuple[str, str, int, int]]:
        """(subject, code, start, end) links in one sentence."""
        out: list[tuple[str, str, int, int]] = []
        if self.verb_re is None:
            return out
        inside = self._starting_in(refs, sent.start, sent.end)
        every = self._starting_in(self.all_refs, sent.start, sent.end)
        verbs = self._verbs.get((sent.start, sent.end))
        if verbs is None:
            verbs = self._verbs[sent.start, sent.end] = list(self.verb_re.finditer(self.view, sent.start, sent.end))
        for k, v in enumerate(verbs):
            targets = [r for r in inside if r.start >= v.end()]
            lo, hi = self.clause(sent, v.start())
            found = self.anaphor(v.end(), sent) if refs is self.all_refs else None
            ref = found[0] if found else None
            if ref is not None and (found[1] or (v.start() - lo <= _FRONTED
                                                 and self.issued(ref.end, sent.end, every) is not None)):
                targets = [ref] + [r for r in targets if r.start > ref.end]  # "To concretise the programme, X issued P"
            elif not targets or targets[0].start - v.end() > _VERB_WINDOW:
                agent = self.passive_agent(v.end(), hi)
                earlier = [r for r in inside if lo <= r.start and r.end <= v.start()]
                if agent is not None and earlier:  # "Resolution R has been implemented by X"
                    out.append((agent.item.name, earlier[-1].code, earlier[-1].start, agent.end))
                    self.carry = (agent.item, index)
                continue
            prior = [r for r in inside if lo <= r.start and r.end <= v.start()]
            first = targets[0]
            stop = verbs[k + 1].start() if k + 1 < len(verbs) else sent.end
            objects = [first] + [r for r in targets[1:] if r.start < min(hi, stop)]
            if prior and v.start() - prior[-1].end <= _ISSUER_WINDOW:
                x = prior[-1]
                out.append((x.code, first.code, x.start, first.end))
                if x.type in _CARRYING_TYPES and x.issuer and x.issuer not in self.central:
                    out.append((x.issuer, first.code, x.start, first.end))
                objects = [first]
            elif v.start() - lo <= _FRONTED:
                # "To realise R, X issued P": P implements R, and so does X
                found = self.issued(first.end, sent.end, every)
                if found is not None:
                    verb_at, issued = found
                    objects = [r for r in objects if r.end <= verb_at]
                    for r in objects:
                        if r.code != issued.code:
                            out.append((issued.code, r.code, issued.start, r.end))
                    body = self.issuer_subject(objects[-1].end if objects else v.end(), verb_at, issued)
                    if body is not None:
                        out += [(body.name, r.code, v.start(), r.end) for r in objects if r.code != issued.code]
                        self.carry = (body, index)
                    continue
            speaker = self.speaker(lo, v.start())
            subj = speaker or self.subject(lo, hi, v.start(), objects[-1].end)
            if subj is None and self.carry and index - self.carry[1] <= 2:
                subj_org = self.carry[0]
            elif subj is not None:
                subj_org = subj.item
            else:
                subj_org = None
            if subj_org is not None:
                for r in objects:
                    out.append((subj_org.name, r.code, v.start(), r.end))
                self.carry = (subj_org, index)
        if not out and self.continues and inside and self.carry and self.carry[1] == index - 1:
            lead = self.doc.text[sent.start:inside[0].start]
            if len(lead) <= 40 and not any(m for m in self.orgs if sent.start <= m.start < inside[0].start):
                out += [(self.carry[0].name, r.code, r.start, r.end) for r in inside]
        return out


def _top_committee(orgs: Sequence[Mention[Organization]]) -> str | None:
    """The highest-level local party committee the article names (the fallback for implicit links)."""
    rank = {"provincial": 0, "city": 1, "district": 1, "town": 2, "commune": 2, "ward": 2}
    cands = [m.item for m in orgs if m.item.kind == "party_committee" and m.item.level in rank and m.item.place]
    if not cands:
        return None
    counts = Counter(o.name for o in cands)
    best = min(cands, key=lambda o: (rank[o.level or ""], -counts[o.name]))
    return best.name


def _issued_by(own: set[tuple[str, str]], subject: str, code: str) -> bool:
    """Whether ``subject`` (or the committee whose standing committee it is, or vice versa) issued ``code``."""
    forms = {subject, f"Standing Committee of {subject}"}
    if subject.startswith("Standing Committee of "):
        forms.add(subject[len("Standing Committee of "):])
    return any((f, code) in own for f in forms)


def find_relations(doc: TextDoc, orgs: Sequence[Mention[Organization]], documents: Sequence[Mention[Document]],
                   events: Sequence[Event], implicit: Sequence[Mention[str]] = ()) -> Relations:
    """Explicit and implicit ``implements`` links with their evidence (see the module docstring)."""
    refs = _refs(documents)
    rel = Relations()
    linker = _Linker(doc, orgs, refs)
    own = {(r.issuer, r.code) for r in refs if r.issuer and r.type in _CARRYING_TYPES}
    for i, sent in enumerate(doc.sentences):
        for subj, code, s, e in linker.links(sent, i, refs):
            if subj != code and not _issued_by(own, subj, code):
                rel.implements.append(Relation(subj, code, (doc.evidence(s, e, "implements:verb"),)))
    central = {m.item.name for m in orgs if m.item.level == "central"}
    for ev in events:
        if ev.organizer and ev.organizer not in central:
            for code in ev.implements:
                rel.implements.append(Relation(ev.organizer, code, tuple(ev.evidence[:1])))
    known = {r.code for r in refs}
    imp_refs = sorted(_Ref(m.start, m.end, m.item) for m in implicit if m.item not in known)
    if imp_refs:
        top = _top_committee(orgs)
        linker = _Linker(doc, orgs, imp_refs, refs)
        linked: set[str] = set()
        for i, sent in enumerate(doc.sentences):
            for subj, code, s, e in linker.links(sent, i, imp_refs):
                rel.implicit.append(Relation(subj, code, (doc.evidence(s, e, "implicit:verb"),)))
                linked.add(code)
        for r in imp_refs:
            if r.code not in linked and top:
                rel.implicit.append(Relation(top, r.code, (doc.evidence(r.start, r.end, "implicit:article"),)))
                linked.add(r.code)
    return rel

