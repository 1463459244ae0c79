"""Cross-document merging: documents by code/issuer/year, bodies and people by folded names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.iris import DEFAULT_BASE, document_iri
from graph.model import Document, Extraction, Organization, Person, Relation
from graph.resolve import (
    DocumentKey,
    document_mentions,
    is_generic_org,
    resolve,
    resolve_against,
    store_documents,
)

ID = DEFAULT_BASE


def no_registry(code: str) -> list[Any]:
    return []


@dataclass(frozen=True)
class Entry:
    code: str
    date: str | None

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None


def ext(doc: str, *documents: Document, orgs: tuple[Organization, ...] = (), source: str = "") -> Extraction:
    return Extraction(doc=doc, lang="km", source=source, documents=list(documents), organizations=list(orgs))


def test_yearless_mention_merges_with_the_single_dated_candidate() -> None:
    a = ext("a.txt", Document("21-NQ/TW", date="2022-06-16"))
    b = ext("b.txt", Document("21 - NQ/TW"))
    res = resolve([a, b], registry=no_registry)
    assert res.document(b, "21-NQ/TW") == res.document(a, "21-NQ/TW") == ID + "document/21-nq-tw-2022"


def test_yearless_mention_with_two_dated_candidates_stays_apart() -> None:
    a = ext("a.txt", Document("21-NQ/TW", date="2022-06-16"))
    b = ext("b.txt", Document("21-NQ/TW", date="2017-10-25"))
    c = ext("c.txt", Document("21-NQ/TW"))
    res = resolve([a, b, c], registry=no_registry)
    assert res.document(c, "21-NQ/TW") == ID + "document/21-nq-tw"
    assert res.document(a, "21-NQ/TW") != res.document(b, "21-NQ/TW")


def test_registry_supplies_the_year_only_when_it_knows_one_document() -> None:
    one = ext("a.txt", Document("39-KL/TW"))
    two = ext("b.txt", Document("21-NQ/TW"))
    registry = {"39-KL/TW": [Entry("39-KL/TW", "2022-10-18")],
                "21-NQ/TW": [Entry("21-NQ/TW", "2022-06-16"), Entry("21-NQ/TW", "2017-10-25")]}
    res = resolve([one, two], registry=lambda code: registry.get(code, []))
    assert res.document(one, "39-KL/TW") == ID + "document/39-kl-tw-2022"
    assert res.document(two, "21-NQ/TW") == ID + "document/21-nq-tw"


def test_local_codes_carry_the_issuer_place() -> None:
    tv = Organization("Tra Vinh Provincial Party Committee", kind="party_committee", place="Tra Vinh")
    qn = Organization("Quang Ninh Provincial Party Committee", kind="party_committee", place="Quang Ninh")
    a = ext("a.txt", Document("39-CTr/TU", issuer=tv.name, date="2022-10-19"), orgs=(tv,))
    b = ext("b.txt", Document("39-CTr/TU", issuer=qn.name, date="2022-03-01"), orgs=(qn,))
    c = ext("c.txt", Document("39-CTr/TU", issuer="Tra Vinh Provincial Party Committee"))  # not described: name
    res = resolve([a, b, c], registry=no_registry)
    assert res.document(a, "39-CTr/TU") == ID + "document/39-ctr-tu-tra-vinh-2022"
    assert res.document(b, "39-CTr/TU") == ID + "document/39-ctr-tu-quang-ninh-2022"
    assert res.document(c, "39-CTr/TU") == res.document(a, "39-CTr/TU")


def test_local_code_without_issuer_merges_only_when_unambiguous() -> None:
    tv = Organization("Tra Vinh Provincial Party Committee", place="Tra Vinh")
    a = ext("a.txt", Document("39-CTr/TU", issuer=tv.name, date="2022-10-19"), orgs=(tv,))
    b = ext("b.txt")
    b.relations["implements"].append(Relation("39-CTr/TU", "21-NQ/TW"))
    res = resolve([a, b], registry=no_registry)
    assert res.document(b, "39-CTr/TU") == ID + "document/39-ctr-tu-tra-vinh-2022"
    qn = Organization("Quang Ninh Provincial Party Committee", place="Quang Ninh")
    c = ext("c.txt", Document("39-CTr/TU", issuer=qn.name, date="2022-03-01"), orgs=(qn,))
    res = resolve([a, b, c], registry=no_registry)
    assert res.document(b, "39-CTr/TU") == ID + "document/39-ctr-tu"


def test_mentions_cover_relations_implicit_links_and_events() -> None:
    e = ext("a.txt", Document("39-CTr/TU", date="2022-10-19"))
    e.relations["implements"].append(Relation("39-CTr/TU", "21-NQ/TW"))
    e.implicit["implements"].append(Relation("Quang Ninh Provincial Party Committee", "12-NQ/TW"))
    mentions = document_mentions(e, no_registry)
    assert set(mentions) == {"39-ctr-tu", "21-nq-tw", "12-nq-tw"}
    assert mentions["39-ctr-tu"] == DocumentKey("39-ctr-tu", None, 2022)


def test_organisations_and_people_merge_by_folded_name() -> None:
    a = Extraction(doc="a.txt", lang="vi", organizations=[Organization("Cẩm Xuyên District Party Committee")],
                   people=[Person("Nguyễn Siêu Cường")])
    b = Extraction(doc="b.txt", lang="km", organizations=[Organization("Cam Xuyen District Party Committee")],
                   people=[Person("Nguyen Sieu Cuong")])
    c = Extraction(doc="c.txt", lang="th", organizations=[Organization("Cam Xuyen District Party Committee")])
    res = resolve([a, b, c])
    assert res.org(a, "Cẩm Xuyên District Party Committee") == res.org(b, "cam xuyen district party committee")
    assert res.person("Nguyễn Siêu Cường") == res.person("Nguyen Sieu Cuong") == ID + "person/nguyen-sieu-cuong"
    # the most common spelling is the canonical label, whatever the input order
    assert res.label("org", "cam xuyen district party committee") == "Cam Xuyen District Party Committee"
    assert resolve([c, b, a]).label("org", "CAM XUYEN district party committee") == "Cam Xuyen District Party Committee"


def test_generic_bodies_stay_per_article() -> None:
    a, b = Extraction(doc="a.txt", lang="km"), Extraction(doc="b.txt", lang="km")
    res = resolve([a, b])
    assert res.org(a, "Provincial Party Committee") != res.org(b, "Provincial Party Committee")
    assert res.org(a, "Ha Tinh Provincial Party Committee") == res.org(b, "Ha Tinh Provincial Party Committee")
    assert is_generic_org("Standing Committee of Provincial Party Committee")
    assert not is_generic_org("Provincial Party Committee", place="Tra Vinh")
    assert not is_generic_org("Propaganda Department of Cam Xuyen District Party Committee")
    assert not is_generic_org("Central Committee of the Communist Party of Vietnam")
    assert not is_generic_org("Party Central Committee")


def test_resolve_against_store_iris() -> None:
    stored = [document_iri("21-NQ/TW", year=2022), document_iri("211-NQ/TW", year=2020)]

    def existing(code: str) -> list[str]:
        return [i for i in stored if code.startswith("21")]

    new = ext("n.txt", Document("21-NQ/TW"))
    res = resolve_against(new, existing, registry=no_registry)
    assert res.document(new, "21-NQ/TW") == ID + "document/21-nq-tw-2022"
    # nothing stored: the mention keeps its own IRI
    assert resolve_against(new, lambda code: [], registry=no_registry).document(new, "21-NQ/TW") == (
        ID + "document/21-nq-tw")


def test_store_documents_queries_by_iri_prefix() -> None:
    queries: list[str] = []

    def select(query: str) -> list[dict[str, Any]]:
        queries.append(query)
        return [{"d": document_iri("1-PA/BCA", year=2023)}]

    existing = store_documents(select)
    assert existing("01/PA-BCA") == [ID + "document/1-pa-bca-2023"]
    assert f'STRSTARTS(STR(?d), "{ID}document/1-pa-bca")' in queries[0]
