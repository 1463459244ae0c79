"""Namespaces, classes and the SKOS concepts the extraction's strings map to.

Why here and not in the extractor: the extractor speaks the gold format's
strings ("party_committee", "Secretary", "resolution"); the RDF speaks the
ontology's terms. This table is the one place where the two meet, and the
vocabulary files under ``ontology/vocab/`` are the source of truth for which
concepts exist (a value missing there is declared in the article's own graph).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from graph.iris import parse_code, slugify

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"

NQ = "https://w3id.org/nqgraph/ontology#"
ORG = "http://www.w3.org/ns/org#"
ELI = "http://data.europa.eu/eli/ontology#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF = "http://xmlns.com/foaf/0.1/"
SCHEMA = "https://schema.org/"
TIME = "http://www.w3.org/2006/time#"
DCTERMS = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"

PREFIXES = {
    "nq": NQ, "org": ORG, "eli": ELI, "prov": PROV, "skos": SKOS, "foaf": FOAF, "schema": SCHEMA,
    "time": TIME, "dcterms": DCTERMS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL,
}


def nq(local: str) -> ox.NamedNode:
    return ox.NamedNode(NQ + local)


def iri(namespace: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(namespace + local)


A = iri(RDF, "type")
LABEL = iri(RDFS, "label")
ALT_LABEL = iri(SKOS, "altLabel")
PREF_LABEL = iri(SKOS, "prefLabel")
IN_SCHEME = iri(SKOS, "inScheme")
CONCEPT = iri(SKOS, "Concept")
DERIVED_FROM = iri(PROV, "wasDerivedFrom")

# Organisation kind (gold format) → the most specific nq: class. Every organisation is
# also typed nq:Organization, so queries need no reasoner.
KIND_CLASS = {
    "party_committee": "PartyCommittee",
    "party_cell": "PartyCell",
    "party_department": "PartyDepartment",
    "party_standing_committee": "PartyStandingCommittee",
    "peoples_committee": "StateBody",
    "peoples_council": "StateBody",
    "police": "StateBody",
    "military": "StateBody",
    "ministry": "StateBody",
    "fatherland_front": "MassOrganization",
    "mass_organization": "MassOrganization",
}

DOCTYPE_CLASS = {
    "resolution": "Resolution",
    "conclusion": "Conclusion",
    "programme": "Programme",
    "plan": "Plan",
    "directive": "Directive",
    "decision": "Decision",
    "official_letter": "OfficialLetter",
    "project": "Project",
    "regulation": "Regulation",
    "instruction": "Instruction",
}

DOCTYPE_LABEL = {
    "resolution": "Resolution", "conclusion": "Conclusion", "programme": "Programme", "plan": "Plan",
    "directive": "Directive", "decision": "Decision", "official_letter": "Official Letter", "project": "Project",
    "regulation": "Regulation", "instruction": "Instruction", "other": "Document",
}

# Type abbreviations of Vietnamese document codes (ASCII-folded, upper case).
CODE_TYPE = {
    "NQ": "resolution", "KL": "conclusion", "CTR": "programme", "CT": "directive", "KH": "plan", "PA": "plan",
    "QD": "decision", "CV": "official_letter", "DA": "project", "QDI": "regulation", "HD": "instruction",
}


def doctype_of(code: str, declared: str | None) -> str:
    """The document type: as extracted, else from the code's abbreviation ("NQ" → resolution)."""
    if declared and declared != "other":
        return declared
    parts = parse_code(code)
    return CODE_TYPE.get(parts.type, "other") if parts else "other"


def concept_value(value: str) -> str:
    """"Deputy Secretary" → "deputy_secretary"; "Rank: Colonel" → "rank_colonel"."""
    return slugify(value).replace("-", "_") or "other"


def concept(scheme: str, value: str) -> ox.NamedNode:
    """``nq:<scheme>/<value>``, e.g. ``nq:kind/party_committee``, ``nq:role/secretary``."""
    return nq(f"{scheme}/{concept_value(value)}")


SCHEMES = {"kind": "organizationKinds", "level": "levels", "role": "roles", "doctype": "documentTypes"}


@lru_cache(maxsize=1)
def known_concepts() -> frozenset[str]:
    """IRIs of the concepts the vocabulary files declare."""
    found: set[str] = set()
    for path in sorted((ONTOLOGY_DIR / "vocab").glob("*.ttl")):
        for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            if triple.predicate == A and triple.object == CONCEPT:
                found.add(triple.subject.value)
    return frozenset(found)
