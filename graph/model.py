"""The facts one document yields, independent of RDF, storage or HTTP.

Every later stage (resolve, rdf, store, network, api) reads these classes; the
extractors write them. The JSON form is the gold format of FORMAT.md plus the
evidence and labels that DESIGN.md adds, so `nqgraph extract` output can be
scored directly and stored without loss.

Names are canonical English, ASCII-folded ("Cam Xuyen District Party
Committee"); the surface forms seen in the text are kept in ``labels`` keyed
by BCP 47 tag ("km", "vi-Khmr", "th", "vi", "en").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence and the code-point span of the mention.

    ``start``/``end`` index the decoded source text *before* normalisation, so a
    reader can highlight the mention in the original article.
    """

    sentence: str
    start: int
    end: int
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"sentence": self.sentence, "start": self.start, "end": self.end}
        if self.rule:
            data["rule"] = self.rule
        return data


def _add_label(labels: dict[str, list[str]], tag: str, form: str) -> None:
    form = form.strip()
    if form and form not in labels.setdefault(tag, []):
        labels[tag].append(form)


@dataclass
class Organization:
    name: str
    kind: str = "other"
    level: str | None = None
    place: str | None = None
    parent: str | None = None
    aliases: list[str] = field(default_factory=list)
    labels: dict[str, list[str]] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def add_label(self, tag: str, form: str) -> None:
        _add_label(self.labels, tag, form)


@dataclass
class Post:
    role: str
    organization: str | None


@dataclass
class Person:
    name: str
    posts: list[Post] = field(default_factory=list)
    labels: dict[str, list[str]] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def add_label(self, tag: str, form: str) -> None:
        _add_label(self.labels, tag, form)

    def add_post(self, role: str, organization: str | None) -> None:
        if not any(p.role == role and p.organization == organization for p in self.posts):
            self.posts.append(Post(role, organization))


@dataclass
class Document:
    """A legal document cited by its number. ``code`` keeps the official spelling."""

    code: str
    type: str = "other"
    issuer: str | None = None
    date: str | None = None
    title: str | None = None
    labels: dict[str, list[str]] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def add_label(self, tag: str, form: str) -> None:
        _add_label(self.labels, tag, form)


@dataclass
class Place:
    name: str
    type: str | None = None
    parent: str | None = None
    labels: dict[str, list[str]] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def add_label(self, tag: str, form: str) -> None:
        _add_label(self.labels, tag, form)


@dataclass
class Event:
    label: str
    date: str | None = None
    organizer: str | None = None
    participants: list[str] = field(default_factory=list)
    implements: list[str] = field(default_factory=list)
    labels: dict[str, list[str]] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class Relation:
    """A binary link between two canonical names (or document codes)."""

    subject: str
    object: str
    evidence: tuple[Evidence, ...] = ()

    def to_list(self) -> list[Any]:
        if not self.evidence:
            return [self.subject, self.object]
        return [self.subject, self.object, {"evidence": [e.to_dict() for e in self.evidence]}]


RELATION_KINDS = ("implements", "sub_organization_of", "located_in")


@dataclass
class Extraction:
    """Everything extracted from one document."""

    doc: str
    lang: str
    source: str = ""
    title: str | None = None
    published: str | None = None
    organizations: list[Organization] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: dict[str, list[Relation]] = field(default_factory=lambda: {k: [] for k in RELATION_KINDS})
    implicit: dict[str, list[Relation]] = field(default_factory=lambda: {"implements": []})

    def to_dict(self) -> dict[str, Any]:
        """The gold format of FORMAT.md, plus ``evidence`` and ``labels`` per item."""

        def item(obj: Any) -> dict[str, Any]:
            data = asdict(obj)
            data["evidence"] = [e.to_dict() for e in obj.evidence]
            return data

        return {
            "doc": self.doc,
            "lang": self.lang,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "organizations": [item(o) for o in self.organizations],
            "people": [item(p) for p in self.people],
            "documents": [item(d) for d in self.documents],
            "places": [item(p) for p in self.places],
            "events": [item(e) for e in self.events],
            "relations": {k: [r.to_list() for r in v] for k, v in self.relations.items()},
            "implicit": {k: [r.to_list() for r in v] for k, v in self.implicit.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """Inverse of :meth:`to_dict`; also reads gold files (which carry no evidence)."""

        def ev(items: list[dict[str, Any]] | None) -> list[Evidence]:
            return [Evidence(e["sentence"], e["start"], e["end"], e.get("rule", "")) for e in items or []]

        def rel(items: list[Any] | None) -> list[Relation]:
            out = []
            for r in items or []:
                extra = r[2] if len(r) > 2 and isinstance(r[2], dict) else {}
                out.append(Relation(r[0], r[1], tuple(ev(extra.get("evidence")))))
            return out

        ext = cls(
            doc=data["doc"],
            lang=data.get("lang", "und"),
            source=data.get("source", ""),
            title=data.get("title"),
            published=data.get("published"),
        )
        for o in data.get("organizations", []):
            ext.organizations.append(
                Organization(
                    name=o["name"], kind=o.get("kind") or "other", level=o.get("level"),
                    place=o.get("place"), parent=o.get("parent"), aliases=list(o.get("aliases") or []),
                    labels={k: list(v) for k, v in (o.get("labels") or {}).items()}, evidence=ev(o.get("evidence")),
                )
            )
        for p in data.get("people", []):
            ext.people.append(
                Person(
                    name=p["name"],
                    posts=[Post(x.get("role", ""), x.get("organization")) for x in p.get("posts") or []],
                    labels={k: list(v) for k, v in (p.get("labels") or {}).items()}, evidence=ev(p.get("evidence")),
                )
            )
        for d in data.get("documents", []):
            ext.documents.append(
                Document(
                    code=d["code"], type=d.get("type") or "other", issuer=d.get("issuer"), date=d.get("date"),
                    title=d.get("title"), labels={k: list(v) for k, v in (d.get("labels") or {}).items()},
                    evidence=ev(d.get("evidence")),
                )
            )
        for p in data.get("places", []):
            ext.places.append(
                Place(name=p["name"], type=p.get("type"), parent=p.get("parent"),
                      labels={k: list(v) for k, v in (p.get("labels") or {}).items()}, evidence=ev(p.get("evidence")))
            )
        for e in data.get("events", []):
            ext.events.append(
                Event(label=e.get("label") or "", date=e.get("date"), organizer=e.get("organizer"),
                      participants=list(e.get("participants") or []), implements=list(e.get("implements") or []),
                      labels={k: list(v) for k, v in (e.get("labels") or {}).items()}, evidence=ev(e.get("evidence")))
            )
        for kind in RELATION_KINDS:
            ext.relations[kind] = rel((data.get("relations") or {}).get(kind))
        ext.implicit["implements"] = rel((data.get("implicit") or {}).get("implements"))
        return ext
