"""What of the RDF becomes a node and what becomes an edge: the one table every graph view reads.

Why a table: the REST graph endpoints, the implementers query and the Gephi
export must agree on what a "relation" is, so it is written down once, here,
from the ontology's object properties (ontology/README.md). N-ary resources
are not nodes: an ``org:Membership`` is folded into a direct person → body
``holds_post`` edge carrying the role, and an ``nq:Evidence`` node is folded
into the attributes of the edge it supports, so centrality and paths are about
bodies, people and documents.
"""

from __future__ import annotations

from dataclasses import dataclass

NQ = "https://w3id.org/nqgraph/ontology#"
ORG = "http://www.w3.org/ns/org#"
ELI = "http://data.europa.eu/eli/ontology#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF = "http://xmlns.com/foaf/0.1/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIXES = {
    "nq": NQ, "org": ORG, "eli": ELI, "schema": SCHEMA, "prov": PROV, "skos": SKOS, "foaf": FOAF,
    "rdf": RDF, "rdfs": RDFS, "dcterms": DCTERMS, "xsd": XSD,
}

ORGANIZATION, PERSON, DOCUMENT, EVENT, PLACE = "organization", "person", "document", "event", "place"
NODE_TYPES = (ORGANIZATION, PERSON, DOCUMENT, EVENT, PLACE)

# Root classes per node type; subclasses declared in the stored ontology are found
# through rdfs:subClassOf, and the nq: subclasses below work even before the
# ontology graph is loaded.
ROOT_CLASSES: dict[str, tuple[str, ...]] = {
    ORGANIZATION: (NQ + "Organization", ORG + "FormalOrganization", ORG + "Organization",
                   ORG + "OrganizationalUnit", FOAF + "Organization"),
    PERSON: (NQ + "Person", FOAF + "Person"),
    DOCUMENT: (NQ + "LegalDocument", ELI + "LegalResource"),
    EVENT: (NQ + "Event", SCHEMA + "Event"),
    PLACE: (NQ + "Place", SCHEMA + "AdministrativeArea", SCHEMA + "Place"),
}
KNOWN_SUBCLASSES: dict[str, tuple[str, ...]] = {
    ORGANIZATION: tuple(NQ + c for c in ("PartyCommittee", "PartyCell", "StateBody", "PartyDepartment",
                                         "PartyStandingCommittee", "MassOrganization")),
    DOCUMENT: tuple(NQ + c for c in ("Resolution", "Conclusion", "Programme", "Plan", "Directive", "Decision",
                                     "OfficialLetter", "Project", "Regulation", "Instruction")),
}
# Resources that are never nodes, whatever else they are typed as.
NOT_NODES = (NQ + "Evidence", ORG + "Membership", NQ + "SourceDocument")

# The IRI scheme's path segment names the type when a resource has no usable rdf:type
# (ontology/README.md: id:org/..., id:person/..., under any base).
IRI_SEGMENTS = {"org": ORGANIZATION, "person": PERSON, "document": DOCUMENT, "event": EVENT, "place": PLACE}


@dataclass(frozen=True)
class EdgeSpec:
    """One projected object property.

    ``name`` is the edge key in the MultiDiGraph and its ``predicate`` attribute;
    ``source``/``target`` give the node type of an end that has no rdf:type of its
    own (a place named only as an object), ``None`` when the ontology allows several.
    """

    name: str
    iri: str
    label: str
    source: str | None = None
    target: str | None = None


EDGES: tuple[EdgeSpec, ...] = (
    EdgeSpec("implements", NQ + "implements", "implements", None, DOCUMENT),
    EdgeSpec("sub_organization_of", ORG + "subOrganizationOf", "is a sub-organisation of", ORGANIZATION, ORGANIZATION),
    EdgeSpec("passed_by", ELI + "passed_by", "passed by", DOCUMENT, ORGANIZATION),
    EdgeSpec("place", NQ + "place", "located in", ORGANIZATION, PLACE),
    EdgeSpec("organizer", SCHEMA + "organizer", "organised by", EVENT, None),
    EdgeSpec("attendee", SCHEMA + "attendee", "attended by", EVENT, None),
    EdgeSpec("location", SCHEMA + "location", "held at", EVENT, PLACE),
    EdgeSpec("contained_in_place", SCHEMA + "containedInPlace", "contained in", PLACE, PLACE),
)
# Folded from org:Membership (member, organization, role): person → organisation.
HOLDS_POST = EdgeSpec("holds_post", ORG + "memberOf", "holds post in", PERSON, ORGANIZATION)
ALL_EDGES: tuple[EdgeSpec, ...] = (*EDGES, HOLDS_POST)
EDGE_BY_IRI = {e.iri: e for e in EDGES}
# ⊑ nq:implements, always stated beside it: marks the implements edge as implicit (named without its code).
IMPLICITLY_IMPLEMENTS = NQ + "implicitlyImplements"
# The evidence node's own links; an evidence node becomes attributes of the edge it names.
EVIDENCE_LINKS = frozenset({NQ + "subject", NQ + "predicate", NQ + "object"})
EDGE_BY_NAME = {e.name: e for e in ALL_EDGES}
# Predicates an evidence node may name for a post; all support the holds_post edge.
MEMBERSHIP_PREDICATES = frozenset(
    ORG + p for p in ("memberOf", "hasMembership", "member", "organization", "role", "holds", "headOf")
)

# Scalar node attributes read straight from one property each.
NODE_PROPERTIES = {
    NQ + "level": "level",
    NQ + "kind": "kind",
    NQ + "placeType": "place_type",
    NQ + "documentType": "document_type",
    ELI + "id_local": "code",
    ELI + "date_document": "date",
    ELI + "title": "title",
    NQ + "plenum": "plenum",
    NQ + "term": "term",
    SCHEMA + "startDate": "date",
}
# Values that are SKOS concepts in nq: vocabularies; the node keeps the concept's local name.
CONCEPT_ATTRIBUTES = frozenset({"level", "kind", "document_type"})


def local_name(iri: str) -> str:
    """The last path or fragment segment: ``nq:level/district`` → ``district``."""
    return iri.rstrip("/#").replace("#", "/").rsplit("/", 1)[-1]


def iri_segment_type(iri: str) -> str | None:
    """The node type named by the IRI scheme (``.../id/org/x`` → ``organization``)."""
    parts = iri.rstrip("/").split("/")
    return IRI_SEGMENTS.get(parts[-2]) if len(parts) >= 2 else None
