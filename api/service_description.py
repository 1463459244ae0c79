"""The SPARQL 1.1 Service Description a bare ``GET /sparql`` answers with.

Why generated per request: ``sd:endpoint`` must be the URL the client used
(the W3C test checks it matches), and what is advertised follows the
settings: SPARQL Update only when an update token is configured, federated
queries only when ``SERVICE`` is allowed.
"""

from __future__ import annotations

import pyoxigraph as ox

from api.media import MediaFormat

SD_PREFIXES = {"sd": "http://www.w3.org/ns/sparql-service-description#", "fmt": "http://www.w3.org/ns/formats/"}

_DESCRIPTION = """
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix fmt: <http://www.w3.org/ns/formats/> .
[] a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query{update} ;
  sd:feature sd:UnionDefaultGraph{federated} ;
  sd:resultFormat fmt:SPARQL_Results_JSON, fmt:SPARQL_Results_XML, fmt:SPARQL_Results_CSV, fmt:SPARQL_Results_TSV,
    fmt:Turtle, fmt:N-Triples, fmt:RDF_XML, fmt:JSON-LD ;
  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""


def describe(endpoint: str, fmt: MediaFormat, *, update: bool, federated: bool) -> bytes:
    """The description of the endpoint at ``endpoint`` in ``fmt`` (an RDF format).

    >>> from api.media import GRAPH_FORMATS
    >>> b"sd:SPARQL11Update" in describe("http://x/sparql", GRAPH_FORMATS[0], update=True, federated=False)
    True
    """
    text = _DESCRIPTION.format(endpoint=ox.NamedNode(endpoint).value, update=", sd:SPARQL11Update" if update else "",
                               federated=", sd:BasicFederatedQuery" if federated else "")
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(text, format=ox.RdfFormat.TURTLE)]
    prefixes = SD_PREFIXES if fmt.oxigraph in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return ox.serialize(triples, format=fmt.oxigraph, prefixes=prefixes)  # type: ignore[arg-type]
