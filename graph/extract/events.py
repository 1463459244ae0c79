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
# A document's issue date follows its number closely; a date line sits in the first characters of the text.
_DOC_DATE_NEAR = 40
_DATELINE = 300
# A plural marker this close after an event noun makes it a kind of event ("đại hội đảng bộ các cấp").
_PLURAL_NEAR = 24


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
    if v[start:end].rstrip().endswith(tuple(lex.words("partner"))):
        return None  # "làm việc với X", "ทำงานร่วมกับ X": the body after a working session's "with" is the host
    if of_re is not None and after and after[0].start - end <= 20:
        gap = v[end:after[0].start].strip()
        if of_re.match(gap) or not gap or gap.startswith("dai bieu"):
            return after[0].item.name
    return None


def _document_dates(documents: Sequence[Mention[Document]], dates: Sequence[Mention[str]]) -> set[int]:
    """Starts of the dates that say when a cited document was issued ("Resolution 57-NQ/TW of 22 December
    2024"): they date the document, not the event of the sentence."""
    out: set[int] = set()
    for d in documents:
        if not d.item.date:
            continue
        for t in dates:
            if d.end <= t.start <= d.end + _DOC_DATE_NEAR and t.item == d.item.date:
                out.add(t.start)
    return out


def _article_year(dates: Sequence[Mention[str]]) -> int | None:
    """The year a day and month without a year belong to: the latest year the article writes, but not past
    the year after its latest full date, or after its median year when it writes none (a target "by 2030"
    is not when the article was written)."""
    years = sorted(int(d.item[:4]) for d in dates if d.item[:4].isdigit())
    if not years:
        return None
    full = [int(d.item[:4]) for d in dates if len(d.item) == 10 and d.item[:4].isdigit()]
    cap = (max(full) if full else years[len(years) // 2]) + 1
    return max([y for y in years if y <= cap] or years)


def _complete(date: str | None, year: int | None, cited: Sequence[str] = ()) -> str | None:
    """"--02-28" with the article's year; a partial date stays as it is when the year is unknown. An event
    held to carry out a document comes after it: a day that would fall before a cited document's date is
    in the next year."""
    if not (date and date.startswith("--") and year is not None):
        return date
    full = f"{year}{date[1:]}"
    if any(len(c) == 10 and c > full for c in cited):
        full = f"{year + 1}{date[1:]}"
    return full


def _date(sent: Sentence, dates: Sequence[Mention[str]], first: bool, lead: Sentence | None,
          skip: set[int], before: Sequence[Sentence] = (), complete: bool = True) -> str | None:
    """The event's date: the first in its sentence (a document's issue date aside), else for the article's
    first event the lead's or the date line's, else the last date of the two sentences before (a report
    goes on about the event it has just dated: "In early October 2023 ... The school party cell held ...").
    A day and month without a year count only when the article's year is known (``complete``)."""
    usable = [d for d in dates if d.start not in skip and not (d.item.startswith("--") and not complete)]
    inside = [d.item for d in usable if _in(sent, d)]
    if inside:
        return inside[0]
    if first and lead is not None:
        lead_dates = [d.item for d in usable if _in(lead, d) or d.start < _DATELINE]
        if lead_dates:
            return lead_dates[0]
    for prev in reversed(before):
        near = [d.item for d in usable if _in(prev, d) and not d.item.startswith("--")]
        if near:
            return near[-1]
    return None


def find_events(doc: TextDoc, orgs: Sequence[Mention[Organization]], people: Sequence[Mention[Person]],
                documents: Sequence[Mention[Document]], dates: Sequence[Mention[str]]) -> list[Event]:
    """Events held by a named body (see the module docstring); one per organiser and date."""
    lex = lexicon(doc.pack, "events")
    v = view(doc)
    org_list = sorted(orgs, key=lambda m: m.start)
    at_re, attend_re, plural_re = lex.word_regex("at_event"), lex.word_regex("attend"), lex.word_regex("plural")
    events: list[Event] = []
    seen: set[tuple[str | None, str | None]] = set()
    sentences = doc.sentences
    skip, year = _document_dates(documents, dates), _article_year(dates)
    for i, sent in enumerate(sentences):
        for s, e, entry in lex.get("events").finditer(v, sent.start, sent.end, original=doc.text):
            if plural_re is not None and plural_re.search(v, e, min(sent.end, e + _PLURAL_NEAR)):
                continue  # "party congresses at all levels" is a kind of event, not one held
            organizer = _organizer(doc, sent, (s, e), org_list)
            if organizer is None:
                continue
            cited = [d.item.date for d in documents if _in(sent, d) and d.item.date]
            date = _complete(_date(sent, dates, not events, sentences[0] if sentences else None, skip,
                                   sentences[max(0, i - 2):i], year is not None), year, cited)
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
