"""``/ontology``: the nqgraph OWL ontology, as Turtle (the file itself) or another RDF syntax by Accept.

Why serve it: ``nq:`` IRIs should resolve to their definitions, and clients
building queries want the class and property list without cloning the repo.
The Turtle answer is the file's bytes, comments included; other syntaxes are
converted by pyoxigraph.
"""

from __future__ import annotations

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response

from api.deps import SettingsDep
from api.errors import ApiError
from api.media import GRAPH_FORMATS, negotiate

ONTOLOGY_BASE = "https://w3id.org/nqgraph/ontology"

router = APIRouter(tags=["ontology"])


@router.get("/ontology", summary="The nqgraph ontology (Turtle, N-Triples, RDF/XML or JSON-LD by Accept)",
            responses={200: {"content": {f.media_type: {} for f in GRAPH_FORMATS}}})
def ontology(request: Request, settings: SettingsDep, format: str | None = None) -> Response:
    fmt = negotiate(request.headers.get("accept"), GRAPH_FORMATS, format)
    if fmt is None:
        raise ApiError(406, "not acceptable", "the ontology is available as: "
                       + ", ".join(f.media_type for f in GRAPH_FORMATS))
    path = settings.ontology
    if not path.is_file():
        raise ApiError(404, "not found", f"no ontology file at {path.name}")
    data = path.read_bytes()
    headers = {"Vary": "Accept"}
    if fmt.oxigraph is ox.RdfFormat.TURTLE:
        return Response(data, media_type=fmt.content_type, headers=headers)
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=ox.RdfFormat.TURTLE,
                                                                              base_iri=ONTOLOGY_BASE)]
    return Response(ox.serialize(triples, format=fmt.oxigraph), media_type=fmt.content_type, headers=headers)
