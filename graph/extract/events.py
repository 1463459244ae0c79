"""Events: conferences, congresses, ceremonies and meetings, with organiser, date, participants and documents.

Why sentence rules: news on party work opens with the event in one sentence —
"<body> organised <event> on <date> to implement <document>" ("คณะกรรมการพรรคเขต X
จัดการประชุมเพื่อ... 35-CT/TW", "Ngày 26/7, Đảng bộ xã X tổ chức Đại hội") or
"<event> of <body>" ("the 24th congress of the provincial police party committee") —
and follows with who attended and what was presented "at the conference". The
organiser is the body that holds the event; the documents in the event's
sentence after the event word, and those presented at it, are what it implements.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.extract.lexicon import lexicon, view
from graph.extract.mentions import Mention
from graph.model import Document, Event, Organization, Person
from graph.text import Sentence, TextDoc

_LABELS = {"conference": "Conference", "congress": "Congress", "ceremony": "Ceremony", "activity": "Activity",
           "working_session": "Working session"}
_NEAR = 80


def _outermost(cands: list[Mention[Organization]]) -> list[Mention[Organization]]:
    """Drop mentions nested in another: "the Standing Committee of the Provincial Party Committee" organises,
    not the committee inside its name."""
    return [m for m in cands if not any(o is not m and o.start <= m.start < o.end
                                        and (o.start, -o.end) < (m.start, -m.end) for o in cands)]


def _in(sent: Sentence, m: Mention) -> bool:
    return sent.start <= m.start < sent.end


def _organizer(doc: TextDoc, sent: Sentence, noun: tuple[int, int], orgs: list[Mention[Organization]]) -> str | None:
    """The body that holds the event: subject of "organise", agent after "organised by", or owner after "of"."""
    lex = lexicon(doc.pack, "events")
    v = view(doc)
    org_re, held_re, of_re = lex.word_regex("organize"), lex.word_regex("held"), lex.word_regex("of_body")
    start, end = noun
    partner = lex.word_regex("partner")
    before = [m for m in orgs if _in(sent, m) and m.end <= start
              and not (partner is not None and partner.search(v, max(sent.start, m.start - 16), m.start))]
    if org_re is not None:
        for verb in org_re.finditer(v, sent.start, start):
            subj = _outermost([m for m in before if m.end <= verb.start() and verb.start() - m.end <= _NEAR])
            if subj and start - verb.end() <= _NEAR:
                return subj[-1].item.name
    after = [m for m in orgs if _in(sent, m) and m.start >= end]
    if held_re is not None:
        h = held_re.search(v, end, sent.end)
        if h and after:
            agent = next((m for m in after if m.start >= h.end() and m.start - h.end() <= 12), None)
            if agent:
                return agent.item.name
    if of_re is not None and after and after[0].start - end <= 20:
        gap = v[end:after[0].start].strip()
        if of_re.match(gap) or not gap or gap.startswith("dai bieu"):
            return after[0].item.name
    return None


def _date(sent: Sentence, dates: Sequence[Mention[str]], first: bool,
          lead: Sentence | None) -> str | None:
    inside = [d.item for d in dates if _in(sent, d) and not d.item.startswith("--")]
    if inside:
        return inside[0]
    if first and lead is not None:
        lead_dates = [d.item for d in dates if _in(lead, d) and not d.item.startswith("--")]
        return lead_dates[0] if lead_dates else None
    return None


def find_events(doc: TextDoc, orgs: Sequence[Mention[Organization]], people: Sequence[Mention[Person]],
                documents: Sequence[Mention[Document]], dates: Sequence[Mention[str]]) -> list[Event]:
    """Events held by a named body (see the module docstring); one per organiser and date."""
    lex = lexicon(doc.pack, "events")
    v = view(doc)
    org_list = sorted(orgs, key=lambda m: m.start)
    at_re, attend_re = lex.word_regex("at_event"), lex.word_regex("attend")
    events: list[Event] = []
    seen: set[tuple[str | None, str | None]] = set()
    sentences = doc.sentences
    for i, sent in enumerate(sentences):
        for s, e, entry in lex.get("events").finditer(v, sent.start, sent.end, original=doc.text):
            organizer = _organizer(doc, sent, (s, e), org_list)
            if organizer is None:
                continue
            date = _date(sent, dates, not events, sentences[0] if sentences else None)
            if (organizer, date) in seen:
                break
            seen.add((organizer, date))
            ev = Event(label=f"{_LABELS.get(entry.key, 'Event')} of {organizer}", date=date, organizer=organizer)
            ev.implements = [d.item.code for d in documents if _in(sent, d) and d.start > e]
            context = [sent] + [t for t in sentences[i + 1:i + 4]
                                if at_re is not None and at_re.search(v, t.start, min(t.end, t.start + 40))]
            for t in sentences[i + 1:i + 4]:
                if t in context:
                    ev.implements += [d.item.code for d in documents if _in(t, d)]
                if attend_re is not None and attend_re.search(v, t.start, t.end):
                    context.append(t)
            for t in context:
                ev.participants += [p.item.name for p in people if _in(t, p)]
            ev.implements = list(dict.fromkeys(ev.implements))
            ev.participants = list(dict.fromkeys(ev.participants))
            ev.labels[doc.lang] = [doc.text[s:e]]
            ev.evidence.append(doc.evidence(s, e, f"event:{entry.key}"))
            events.append(ev)
            break
    return events
