"""Cross-document identity: which mentions in different articles are the same resource.

Extraction already gives canonical English names within one article; here
mentions are merged *across* articles by canonical keys rather than string
equality:

- organisations, people and places by their folded name (diacritics, case,
  apostrophes and punctuation do not count). A generic body whose place the
  article never names ("Provincial Party Committee") stays per article, since
  two articles' "Provincial Party Committee" are usually different bodies;
- documents by (code, issuer place for local codes, year). The year comes from
  the mention's date, else from the code (``35/2024/NĐ-CP``), else from the
  registry when it knows exactly one document with that code. A mention that
  still lacks the year (or, for a local code, the issuer's place) merges with
  the one more complete candidate of the same code, if there is exactly one;
  with none or several it keeps an IRI of its own.

>>> from graph.model import Extraction, Document
>>> a = Extraction(doc="a.txt", lang="km", documents=[Document("21-NQ/TW", date="2022-06-16")])
>>> b = Extraction(doc="b.txt", lang="km", documents=[Document("21-NQ/TW")])
>>> r = resolve([a, b], registry=lambda code: [])
>>> r.document(b, "21-NQ/TW")
'https://w3id.org/nqgraph/id/document/21-nq-tw-2022'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from graph import registry as _registry
from graph.iris import (
    DEFAULT_BASE,
    code_slug,
    code_year,
    document_iri,
    is_national,
    normalize_base,
    normalize_code,
    org_iri,
    parse_code,
    parse_document_iri,
    person_iri,
    place_iri,
    slugify,
)
from graph.model import Extraction

Registry = Callable[[str], Sequence[Any]]
"""``lookup(code)`` of :mod:`graph.registry`: entries with ``.year`` (and ``.issuer``)."""

ExistingDocuments = Callable[[str], Iterable[str]]
"""Given a document code, the IRIs of documents with that code already in a store."""

_GENERIC_HEADS = frozenset({
    "provincial", "province", "city", "district", "town", "commune", "ward", "village", "hamlet", "grassroots",
    "local", "the", "party", "standing", "peoples", "municipal", "residential",
})
_NAMED_PARTY_BODIES = ("party-building-commission", "party-central-committee")


@dataclass(frozen=True)
class DocumentKey:
    """What identifies a legal document: code, issuer place (local codes only), year."""

    code: str
    place: str | None = None
    year: int | None = None

    def specificity(self) -> int:
        return (self.place is not None) + (self.year is not None)

    def covers(self, other: DocumentKey) -> bool:
        """True when ``other`` could be this document with some facts missing."""
        return (self != other and self.code == other.code
                and other.place in (None, self.place) and other.year in (None, self.year))


def name_key(name: str) -> str:
    """The merge key of a canonical name: ``"Cam Xuyên  District"`` and ``"cam xuyen district"`` meet."""
    return slugify(name) or name.strip()


def source_key(ext: Extraction) -> str:
    """An article's identity: its URL when it has one, else its file name (as the store uses)."""
    return ext.source if ext.source.startswith(("http://", "https://")) else ext.doc


def is_generic_org(name: str, place: str | None = None) -> bool:
    """A body named only by its type and level, with no place: "Provincial Party Committee".

    The part after the last "of" counts ("Standing Committee of Provincial Party
    Committee" is generic, "Propaganda Department of Cam Xuyen District Party
    Committee" is not).
    """
    if place:
        return False
    key = name_key(name)
    if any(key.startswith(named) for named in _NAMED_PARTY_BODIES):
        return False
    tail = key.rsplit("-of-", 1)[-1]
    return tail.split("-", 1)[0] in _GENERIC_HEADS


def _place_from_org_name(name: str) -> str | None:
    """"Tra Vinh Provincial Party Committee" → "Tra Vinh", for issuers not described in the article."""
    tail = name.rsplit(" of ", 1)[-1]
    words = tail.split()
    for i, word in enumerate(words):
        if word.lower() in _GENERIC_HEADS or word.lower() in {"party", "police", "people's"}:
            return " ".join(words[:i]) or None
    return None


def _registry_year(code: str, registry: Registry) -> int | None:
    years = {e.year for e in registry(code) if getattr(e, "year", None)}
    return years.pop() if len(years) == 1 else None


def document_mentions(ext: Extraction, registry: Registry = _registry.lookup) -> dict[str, DocumentKey]:
    """Every document code mentioned in ``ext`` (listed, in relations or events) → its unmerged key.

    The dictionary is keyed by :func:`graph.iris.code_slug`, so two spellings of a
    code in one article are one document.
    """
    orgs = {name_key(o.name): o for o in ext.organizations}
    out: dict[str, DocumentKey] = {}

    def add(code: str, issuer: str | None = None, date: str | None = None) -> None:
        slug = code_slug(code)
        place = None
        if not is_national(code) and issuer:
            org = orgs.get(name_key(issuer))
            place = (org.place if org and org.place else None) or _place_from_org_name(issuer)
        year = int(date[:4]) if date and date[:4].isdigit() else code_year(code) or _registry_year(code, registry)
        key = DocumentKey(slug, slugify(place) if place else None, year)
        old = out.get(slug)
        if old is None or key.specificity() > old.specificity():
            out[slug] = key

    for doc in ext.documents:
        add(doc.code, doc.issuer, doc.date)
    for kind in ("implements",):
        for rel in [*ext.relations.get(kind, []), *ext.implicit.get(kind, [])]:
            add(rel.object)
            if parse_code(rel.subject):
                add(rel.subject)
    for event in ext.events:
        for code in event.implements:
            add(code)
    return out


def _merge(keys: Iterable[DocumentKey]) -> dict[DocumentKey, DocumentKey]:
    """Map each key to the most complete key it can only be; keys of one code at a time, most specific first."""
    by_code: dict[str, set[DocumentKey]] = {}
    for key in keys:
        by_code.setdefault(key.code, set()).add(key)
    final: dict[DocumentKey, DocumentKey] = {}
    for group in by_code.values():
        done: dict[DocumentKey, DocumentKey] = {}
        for key in sorted(group, key=lambda k: (-k.specificity(), k.place or "", k.year or 0)):
            targets = {done[other] for other in done if other.covers(key)}
            done[key] = targets.pop() if len(targets) == 1 else key
        final.update(done)
    return final


class Resolver(Protocol):
    """What :func:`graph.rdf.extraction_to_quads` asks of a resolver."""

    base: str

    def org(self, ext: Extraction, name: str, place: str | None = None) -> str: ...

    def person(self, name: str) -> str: ...

    def place(self, name: str) -> str: ...

    def document(self, ext: Extraction, code: str) -> str: ...

    def label(self, kind: str, name: str) -> str: ...


@dataclass
class Resolution:
    """The outcome of resolving a corpus: merged keys and the IRI of each.

    ``iris`` maps every key seen (``("org", key)``, ``("person", key)``,
    ``("place", key)``, :class:`DocumentKey`) to its IRI. Names never seen
    while resolving still get the IRI the same rules give, so a Resolution can
    serve a later article too.
    """

    base: str = DEFAULT_BASE
    registry: Registry = _registry.lookup
    iris: dict[Hashable, str] = field(default_factory=dict)
    doc_map: dict[DocumentKey, DocumentKey] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)
    _mentions: dict[int, tuple[Extraction, dict[str, DocumentKey]]] = field(default_factory=dict, repr=False)

    def org(self, ext: Extraction, name: str, place: str | None = None) -> str:
        scope = source_key(ext) if is_generic_org(name, place) else None
        key: Hashable = ("org", name_key(name), scope or "")
        return self.iris.setdefault(key, org_iri(self.label("org", name), self.base, scope=scope))

    def person(self, name: str) -> str:
        return self.iris.setdefault(("person", name_key(name)), person_iri(self.label("person", name), self.base))

    def place(self, name: str) -> str:
        return self.iris.setdefault(("place", name_key(name)), place_iri(self.label("place", name), self.base))

    def label(self, kind: str, name: str) -> str:
        """The canonical spelling of ``name`` chosen for the whole corpus (the most common one).

        ``kind`` is "org", "person", "place" or "document" (then ``name`` is a code
        and the answer its most common normalised spelling).
        """
        default = normalize_code(name) if kind == "document" else name.strip()
        return self.names.get((kind, _kind_key(kind, name)), default)

    def mentions(self, ext: Extraction) -> dict[str, DocumentKey]:
        """:func:`document_mentions` of ``ext``, computed once per extraction object."""
        cached = self._mentions.get(id(ext))
        if cached is None or cached[0] is not ext:
            cached = (ext, document_mentions(ext, self.registry))
            self._mentions[id(ext)] = cached
        return cached[1]

    def document_key(self, ext: Extraction, code: str) -> DocumentKey:
        mention = self.mentions(ext).get(code_slug(code))
        if mention is None:
            mention = DocumentKey(code_slug(code), None, code_year(code) or _registry_year(code, self.registry))
        if mention not in self.doc_map:
            same_code = [k for k in set(self.doc_map.values()) if k.code == mention.code]
            self.doc_map[mention] = _merge([mention, *same_code])[mention]
        return self.doc_map[mention]

    def document(self, ext: Extraction, code: str) -> str:
        key = self.document_key(ext, code)
        return self.iris.setdefault(key, _document_iri(key, self.base))


def _document_iri(key: DocumentKey, base: str) -> str:
    return document_iri(key.code, issuer_place=key.place, year=key.year, base=base)


def _kind_key(kind: str, name: str) -> str:
    return code_slug(name) if kind == "document" else name_key(name)


def _canonical_names(extractions: Sequence[Extraction]) -> dict[tuple[str, str], str]:
    """Per folded key, the most frequent spelling (ties: the smallest), so input order does not matter."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    for ext in extractions:
        named = [("org", o.name) for o in ext.organizations] + [("person", p.name) for p in ext.people]
        named += [("place", p.name) for p in ext.places] + [("document", d.code) for d in ext.documents]
        for kind, name in named:
            spelling = normalize_code(name) if kind == "document" else name.strip()
            counts.setdefault((kind, _kind_key(kind, name)), Counter())[spelling] += 1
    return {k: min(c, key=lambda n: (-c[n], n)) for k, c in counts.items()}


def resolve(extractions: Sequence[Extraction], *, base: str = DEFAULT_BASE,
            registry: Registry = _registry.lookup) -> Resolution:
    """Resolve a corpus: the key → IRI mapping that :mod:`graph.rdf` writes with."""
    res = Resolution(base=normalize_base(base), registry=registry, names=_canonical_names(extractions))
    mentions = [key for ext in extractions for key in document_mentions(ext, registry).values()]
    res.doc_map = _merge(mentions)
    for key in set(res.doc_map.values()):
        res.iris[key] = _document_iri(key, res.base)
    for ext in extractions:
        for org in ext.organizations:
            res.org(ext, org.name, org.place)
        for person in ext.people:
            res.person(person.name)
        for place in ext.places:
            res.place(place.name)
    return res


def resolve_against(ext: Extraction, existing: ExistingDocuments, *, base: str = DEFAULT_BASE,
                    registry: Registry = _registry.lookup) -> Resolution:
    """Resolve one new article against the documents already in a store.

    ``existing(code)`` lists stored document IRIs for a code (see
    :func:`store_documents`); those built by :func:`graph.iris.document_iri` are
    parsed back into keys, so a yearless mention joins the one dated document
    already stored.
    """
    res = resolve([ext], base=base, registry=registry)
    stored: list[DocumentKey] = []
    for slug, mention in document_mentions(ext, registry).items():
        code = next((c for c in _codes(ext) if code_slug(c) == slug), slug)
        for iri in existing(code):
            parsed = parse_document_iri(iri, code, res.base)
            if parsed is not None:
                key = DocumentKey(mention.code, *parsed)
                stored.append(key)
                res.iris[key] = iri
    if stored:
        res.doc_map = _merge([*res.doc_map, *stored])
    return res


def _codes(ext: Extraction) -> list[str]:
    codes = [d.code for d in ext.documents]
    for rel in [*ext.relations.get("implements", []), *ext.implicit.get("implements", [])]:
        codes += [rel.object, rel.subject]
    return codes + [c for e in ext.events for c in e.implements]


def store_documents(select: Callable[[str], list[dict[str, Any]]], base: str = DEFAULT_BASE) -> ExistingDocuments:
    """An :data:`ExistingDocuments` over a store's ``select`` (``graph.store.base.Store.select``).

    Matches on the IRI prefix the code gives, so spellings of the code that slug
    alike ("01/PA-BCA", "1-PA/BCA") find each other.
    """
    def existing(code: str) -> list[str]:
        prefix = f"{normalize_base(base)}document/{code_slug(code)}"
        query = (
            "SELECT DISTINCT ?d WHERE { ?d <http://data.europa.eu/eli/ontology#id_local> ?c . "
            f"FILTER(STRSTARTS(STR(?d), {_sparql_string(prefix)})) }}"
        )
        return sorted(str(row["d"]) for row in select(query) if row.get("d"))

    return existing


def _sparql_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
