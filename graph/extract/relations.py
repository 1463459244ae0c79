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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from graph.extract.lexicon import lexicon, view
from graph.extract.mentions import Mention
from graph.model import Document, Event, Organization, Relation
from graph.text import Sentence, TextDoc

_IMPLEMENTING_TYPES = ("programme", "plan", "project")
_ISSUER_WINDOW = 160
_VERB_WINDOW = 60
_FRONTED = 40  # "Implementing X, the City Standing Committee ...": a verb this close to the clause start


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
        after_role = any(before.endswith(f) for f in roles.forms)
        if issuer or after_role or m.item.level == "central":
            out.add(m.start)
            for n in ordered[i + 1:]:
                if n.start - ordered[i].end > 6:
                    break
                out.add(n.start)
    return out


class _Linker:
    def __init__(self, doc: TextDoc, orgs: Sequence[Mention[Organization]], refs: list[_Ref]) -> None:
        self.doc = doc
        lex = lexicon(doc.pack, "verbs")
        self.verb_re = lex.word_regex("implement")
        self.breaks = lex.words("clause_breaks")
        self.continues = bool(lex.raw.get("list_continues_across_sentences"))
        self.orgs = sorted((m for m in orgs), key=lambda m: m.start)
        self.refs = refs
        self.excluded = _excluded(doc, refs, orgs)
        self.view = view(doc)
        self.carry: tuple[Organization, int] | None = None

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

    def subject(self, lo: int, hi: int, verb: int, after: int) -> Mention[Organization] | None:
        cands = [m for m in self.orgs if lo <= m.start and m.end <= hi and m.start not in self.excluded]
        before = [m for m in cands if m.end <= verb]
        if before:
            return before[-1]
        if verb - lo > _FRONTED:
            return None
        later = [m for m in cands if m.start >= after]
        return later[0] if later else None

    def links(self, sent: Sentence, index: int, refs: list[_Ref]) -> list[tuple[str, str, int, int]]:
        """(subject, code, start, end) links in one sentence."""
        out: list[tuple[str, str, int, int]] = []
        if self.verb_re is None:
            return out
        inside = [r for r in refs if sent.start <= r.start < sent.end]
        verbs = list(self.verb_re.finditer(self.view, sent.start, sent.end))
        for k, v in enumerate(verbs):
            targets = [r for r in inside if r.start >= v.end()]
            if not targets or targets[0].start - v.end() > _VERB_WINDOW:
                continue
            lo, hi = self.clause(sent, v.start())
            prior = [r for r in inside if lo <= r.start and r.end <= v.start()]
            first = targets[0]
            stop = verbs[k + 1].start() if k + 1 < len(verbs) else sent.end
            objects = [first] + [r for r in targets[1:] if r.start < min(hi, stop)]
            if prior and v.start() - prior[-1].end <= _ISSUER_WINDOW:
                x = prior[-1]
                out.append((x.code, first.code, x.start, first.end))
                if x.type in _IMPLEMENTING_TYPES and x.issuer:
                    out.append((x.issuer, first.code, x.start, first.end))
                objects = [first]
            subj = self.subject(lo, hi, v.start(), objects[-1].end)
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


def find_relations(doc: TextDoc, orgs: Sequence[Mention[Organization]], documents: Sequence[Mention[Document]],
                   events: Sequence[Event], implicit: Sequence[Mention[str]] = ()) -> Relations:
    """Explicit and implicit ``implements`` links with their evidence (see the module docstring)."""
    refs = _refs(documents)
    rel = Relations()
    linker = _Linker(doc, orgs, refs)
    for i, sent in enumerate(doc.sentences):
        for subj, code, s, e in linker.links(sent, i, refs):
            if subj != code:
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
        linker = _Linker(doc, orgs, imp_refs)
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

