"""The SPARQL queries every engine answers, over the synthetic graphs of :mod:`bench.rdf_graphs`.

They are the questions nqgraph is for: describe one body (point lookup), who
implements a resolution directly, who implements it through sub-organisations,
programmes and plans (``org:subOrganizationOf*/nq:implements+``), how many of
each class (GROUP BY), and who holds posts in bodies of one province (a
three-way join). Prefixes are declared in each query, so every engine gets the
same text.

The point lookup and the join are ``DISTINCT``: an entity is described again in
every source graph that mentions it, and Oxigraph's union default graph keeps
one row per graph while rdflib's Dataset keeps one per distinct triple, so
without ``DISTINCT`` the engines would not return the same answer.
"""

from __future__ import annotations

import random

from bench.rdf_graphs import TARGET_DOCUMENT, org_iri, province_iri

PREFIXES = """PREFIX nq: <https://w3id.org/nqgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
"""


def first_province(seed: int) -> int:
    """The province of article 0, present in every generated graph whatever its size."""
    return random.Random(f"rdf:{seed}:0").randrange(63)


def queries(seed: int = 0) -> dict[str, str]:
    p = first_province(seed)
    return {
        "point lookup": f"SELECT DISTINCT ?p ?o WHERE {{ <{org_iri(p)}> ?p ?o }}",
        "implementers, direct": f"SELECT DISTINCT ?body WHERE {{ ?body nq:implements <{TARGET_DOCUMENT}> }}",
        "three-way join": (f"SELECT DISTINCT ?person ?org WHERE {{ ?m org:member ?person ; org:organization ?org . "
                           f"?org nq:place <{province_iri(p)}> }}"),
        "GROUP BY count": "SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n)",
        "implementers, transitive": (
            f"SELECT DISTINCT ?body WHERE {{ ?body org:subOrganizationOf*/nq:implements+ <{TARGET_DOCUMENT}> }}"),
    }


def full_text(query: str) -> str:
    return PREFIXES + query


QUICK_HTTP = ("point lookup", "implementers, transitive")
