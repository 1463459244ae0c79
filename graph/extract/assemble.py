"""Assemble one document's mentions into an :class:`Extraction`: one entity per canonical name.

Why here and not in each extractor: the same body or person is mentioned many
times, in several surface forms and scripts; the runner keeps one item per
canonical name, with every surface form in ``labels`` and every mention in
``evidence``, and derives the relations that mirror item fields
(``parent`` → ``sub_organization_of``, a place's ``parent`` → ``located_in``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.extract.mentions import Mention
from graph.extract.relations import Relations
from graph.model import Document, Event, Evidence, Extraction, Organization, Person, Place, Relation


def _merge_labels(into: dict[str, list[str]], labels: dict[str, list[str]]) -> None:
    for tag, forms in labels.items():
        for form in forms:
            if form not in into.setdefault(tag, []):
                into[tag].append(form)


def _add_new(into: list[Evidence], seen: set[Evidence], items: Sequence[Evidence]) -> None:
    """Append the items not yet in ``into`` (``seen`` mirrors it): a set test, as mentions of one place
    share one evidence list and a list test made merging them cubic in the number of mentions."""
    for e in items:
        if e not in seen:
            into.append(e)
            seen.add(e)


def _orgs(mentions: Sequence[Mention[Organization]]) -> list[Organization]:
    out: dict[str, Organization] = {}
    seen: dict[str, set[Evidence]] = {}
    for m in mentions:
        o = m.item
        have = out.get(o.name)
        if have is None:
            out[o.name] = Organization(o.name, o.kind, o.level, o.place, o.parent, list(o.aliases),
                                       {k: list(v) for k, v in o.labels.items()}, list(o.evidence))
            seen[o.name] = set(o.evidence)
            continue
        have.level = have.level or o.level
        have.place = have.place or o.place
        have.parent = have.parent or o.parent
        _merge_labels(have.labels, o.labels)
        _add_new(have.evidence, seen[o.name], o.evidence)
    return list(out.values())


def _people(mentions: Sequence[Mention[Person]]) -> list[Person]:
    out: dict[str, Person] = {}
    seen: dict[str, set[Evidence]] = {}
    for m in mentions:
        p = m.item
        have = out.setdefault(p.name, Person(p.name))
        for post in p.posts:
            have.add_post(post.role, post.organization)
        _merge_labels(have.labels, p.labels)
        _add_new(have.evidence, seen.setdefault(p.name, set()), p.evidence)
    for person in out.values():  # "Colonel X" alone repeats a rank the full mention gave with its force
        ranked = {p.role for p in person.posts if p.role.startswith("Rank: ") and p.organization}
        person.posts = [p for p in person.posts if p.organization or p.role not in ranked]
    return list(out.values())


def _documents(mentions: Sequence[Mention[Document]]) -> list[Document]:
    out: dict[str, Document] = {}
    seen: dict[str, set[Evidence]] = {}
    for m in mentions:
        d = m.item
        have = out.get(d.code)
        if have is None:
            out[d.code] = Document(d.code, d.type, d.issuer, d.date, d.title,
                                   {k: list(v) for k, v in d.labels.items()}, list(d.evidence))
            seen[d.code] = set(d.evidence)
            continue
        have.issuer = have.issuer or d.issuer
        have.date = have.date or d.date
        have.title = have.title or d.title
        if have.type == "other":
            have.type = d.type
        _merge_labels(have.labels, d.labels)
        _add_new(have.evidence, seen[d.code], d.evidence)
    return list(out.values())


def _places(mentions: Sequence[Mention[Place]]) -> list[Place]:
    out: dict[str, Place] = {}
    seen: dict[str, set[Evidence]] = {}
    for m in mentions:
        p = m.item
        have = out.get(p.name)
        if have is None:
            out[p.name] = Place(p.name, p.type, p.parent, {k: list(v) for k, v in p.labels.items()},
                                list(p.evidence))
            seen[p.name] = set(p.evidence)
            continue
        have.type = have.type or p.type
        have.parent = have.parent or p.parent
        _merge_labels(have.labels, p.labels)
        _add_new(have.evidence, seen[p.name], p.evidence)
    return list(out.values())


def _dedupe(rels: Sequence[Relation]) -> list[Relation]:
    out: dict[tuple[str, str], Relation] = {}
    for r in rels:
        have = out.get((r.subject, r.object))
        if have is None:
            out[(r.subject, r.object)] = r
        else:
            extra = tuple(e for e in r.evidence if e not in have.evidence)
            out[(r.subject, r.object)] = Relation(r.subject, r.object, have.evidence + extra)
    return list(out.values())


def assemble(doc: Any, meta: dict[str, Any], places: Sequence[Mention[Place]],
             orgs: Sequence[Mention[Organization]], documents: Sequence[Mention[Document]],
             people: Sequence[Mention[Person]], events: Sequence[Event], relations: Relations) -> Extraction:
    """One :class:`Extraction` from the mentions of every stage (see the module docstring)."""
    ext = Extraction(doc=meta.get("doc", ""), lang=doc.lang, source=meta.get("url") or "",
                     title=meta.get("title"), published=meta.get("published"))
    ext.organizations = _orgs(orgs)
    ext.people = _people(people)
    ext.documents = _documents(documents)
    ext.places = _places(places)
    ext.events = list(events)
    names = {o.name for o in ext.organizations}
    by_name = {m.item.name: m for m in orgs}
    subs = [Relation(o.name, o.parent, tuple(by_name[o.name].item.evidence[:1]))
            for o in ext.organizations if o.parent and o.parent in names and o.parent != o.name]
    located = [Relation(p.name, p.parent, tuple(p.evidence[:1])) for p in ext.places if p.parent]
    ext.relations["implements"] = _dedupe(relations.implements)
    ext.relations["sub_organization_of"] = _dedupe(subs)
    ext.relations["located_in"] = _dedupe(located)
    ext.implicit["implements"] = _dedupe(relations.implicit)
    return ext
