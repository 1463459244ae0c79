"""The SELECT queries the projection is built from, one kind of fact each.

Why generated from ``schema``: the predicates asked for are exactly the ones the
edge and property tables name, so adding a projected property is one table row.
All run on the union of named graphs (the Store contract); those that need to
know which source said something ask ``GRAPH ?g``.
"""

from __future__ import annotations

from graph.network import schema as s

HEAD = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in s.PREFIXES.items())


def _values(iris: tuple[str, ...] | list[str] | frozenset[str]) -> str:
    return " ".join(f"<{i}>" for i in sorted(iris))


ROOTS = [c for classes in s.ROOT_CLASSES.values() for c in classes]
SUBCLASSES = HEAD + f"""
SELECT DISTINCT ?c ?root WHERE {{ VALUES ?root {{ {_values(ROOTS)} }} ?c rdfs:subClassOf+ ?root }}"""
TYPES = HEAD + f"""
SELECT DISTINCT ?s ?t ?g WHERE {{
  GRAPH ?g {{ ?s a ?t }}
  FILTER(isIRI(?s) && ?t NOT IN ({", ".join(f"<{c}>" for c in s.NOT_NODES)}))
}}"""
LABELS = HEAD + """
SELECT DISTINCT ?s ?p ?label (LANG(?label) AS ?lang) WHERE {
  VALUES ?p { rdfs:label skos:altLabel skos:prefLabel } ?s ?p ?label FILTER(isLiteral(?label))
}"""
PROPERTIES = HEAD + f"""
SELECT DISTINCT ?s ?p (STR(?o) AS ?v) (LANG(?o) AS ?lang) WHERE {{
  VALUES ?p {{ {_values(list(s.NODE_PROPERTIES))} }} ?s ?p ?o
}}"""
EDGES = HEAD + f"""
SELECT DISTINCT ?s ?p ?o ?g WHERE {{
  VALUES ?p {{ {_values([*s.EDGE_BY_IRI, s.IMPLICITLY_IMPLEMENTS])} }}
  GRAPH ?g {{ ?s ?p ?o }} FILTER(isIRI(?s) && isIRI(?o))
}}"""
POSTS = HEAD + """
SELECT DISTINCT ?m ?person ?org ?role ?g WHERE {
  GRAPH ?g { ?m org:member ?person ; org:organization ?org . OPTIONAL { ?m org:role ?role } }
}"""
EVIDENCE = HEAD + """
SELECT DISTINCT ?e ?s ?p ?o ?sentence ?lang ?src ?rule ?start ?end ?implicit ?g WHERE {
  GRAPH ?g {
    ?e a nq:Evidence ; nq:subject ?s ; nq:predicate ?p .
    OPTIONAL { ?e nq:object ?o } OPTIONAL { ?e nq:sentence ?sentence } OPTIONAL { ?e nq:language ?lang }
    OPTIONAL { ?e prov:wasDerivedFrom ?src } OPTIONAL { ?e nq:rule ?rule }
    OPTIONAL { ?e nq:start ?start } OPTIONAL { ?e nq:end ?end } OPTIONAL { ?e nq:implicit ?implicit }
  }
}"""
MENTIONS = HEAD + """
SELECT ?s (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a nq:Evidence ; nq:subject ?s . FILTER NOT EXISTS { ?e nq:predicate ?p }
} GROUP BY ?s"""
SOURCES = HEAD + """
SELECT ?src (SAMPLE(?l) AS ?lang) (SAMPLE(STR(?i)) AS ?issued) (SAMPLE(STR(?t)) AS ?title) (SAMPLE(STR(?u)) AS ?url)
WHERE {
  ?src a nq:SourceDocument .
  OPTIONAL { ?src dcterms:language ?l } OPTIONAL { ?src dcterms:issued ?i }
  OPTIONAL { ?src dcterms:title ?t } OPTIONAL { ?src schema:url ?u }
} GROUP BY ?src"""
