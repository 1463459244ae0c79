"""``GET /id/{path}``: resource IRIs dereference, as HTML for people and as RDF for programs.

Why: the graph's IRIs live under ``https://w3id.org/nqgraph/id/``, which
redirects to this server's ``/id/``; following an IRI should tell what the
graph says about it. The answer is the triples with the IRI as subject or as
object, read from the store with one CONSTRUCT (any backend), as Turtle,
N-Triples, RDF/XML or JSON-LD by ``Accept`` (``format=`` overrides), or as an
HTML page when the client prefers ``text/html`` (a browser).
"""

from __future__ import annotations

import html
from typing import Any

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from api.deps import SettingsDep, StoreDep
from api.errors import ApiError
from api.media import GRAPH_FORMATS, negotiate, parse_accept
from graph.network.schema import PREFIXES
from graph.store.base import Store

router = APIRouter(tags=["linked data"])

_HTML = ("text/html", "application/xhtml+xml")


def describe(store: Store, iri: str) -> list[ox.Triple]:
    """Every triple with ``iri`` as subject or object, over the union of the named graphs."""
    node = ox.NamedNode(iri)
    result = store.query(f"CONSTRUCT {{ {node} ?p ?o . ?s ?q {node} }} "
                         f"WHERE {{ {{ {node} ?p ?o }} UNION {{ ?s ?q {node} }} }}")
    triples = [t for t in result if isinstance(t, ox.Triple)]  # type: ignore[union-attr]
    return sorted(triples, key=lambda t: (t.subject != node, str(t.predicate), str(t.subject), str(t.object)))


def wants_html(accept: str | None, format_name: str | None) -> bool:
    if format_name:
        return format_name.lower() == "html"
    ranges = parse_accept(accept)
    return bool(ranges) and ranges[0] in _HTML


@router.get("/id/{path:path}", summary="Dereference a resource IRI (HTML, Turtle, N-Triples, RDF/XML, JSON-LD)",
            responses={200: {"content": {"text/html": {}, **{f.media_type: {} for f in GRAPH_FORMATS}}},
                       404: {"description": "nothing is said about this IRI"},
                       406: {"description": "no acceptable format"}})
def dereference(path: str, request: Request, store: StoreDep, settings: SettingsDep,
                format: str | None = None) -> Response:
    """The triples about ``<base>/{path}``: HTML when ``text/html`` is preferred, else RDF by ``Accept``."""
    iri = settings.base + path
    try:
        ox.NamedNode(iri)
    except ValueError:
        raise ApiError(404, "not found", f"not a resource IRI: {path}") from None
    accept = request.headers.get("accept")
    html_wanted = wants_html(accept, format)
    fmt = None if html_wanted else negotiate(accept, GRAPH_FORMATS, format)
    if not html_wanted and fmt is None:
        offers = ", ".join(f.media_type for f in GRAPH_FORMATS)
        raise ApiError(406, "not acceptable", f"available as text/html, {offers}")
    triples = describe(store, iri)
    if not triples:
        raise ApiError(404, "not found", f"the graph says nothing about <{iri}>")
    headers = {"Vary": "Accept"}
    if html_wanted:
        return HTMLResponse(page(iri, triples, settings.base, english_labels(store, triples)), headers=headers)
    assert fmt is not None
    prefixes = {**PREFIXES, "id": settings.base} if fmt.oxigraph in (ox.RdfFormat.TURTLE,) else None
    body = ox.serialize(triples, format=fmt.oxigraph, prefixes=prefixes)
    return Response(body, media_type=fmt.content_type, headers=headers)


def _compact(iri: str, base: str) -> str:
    for prefix, ns in (("id", base), *PREFIXES.items()):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _term(term: Any, base: str, labels: dict[str, str]) -> str:
    if isinstance(term, ox.NamedNode):
        text = html.escape(labels.get(term.value) or _compact(term.value, base))
        href = "/id/" + term.value[len(base):] if term.value.startswith(base) else term.value
        return f'<a href="{html.escape(href, quote=True)}">{text}</a>'
    if isinstance(term, ox.Literal):
        tag = f' <small lang="en">@{html.escape(term.language)}</small>' if term.language else ""
        lang = f' lang="{html.escape(term.language, quote=True)}"' if term.language else ""
        return f"<span{lang}>{html.escape(term.value)}</span>{tag}"
    return html.escape(str(term))


def english_labels(store: Store, triples: list[ox.Triple]) -> dict[str, str]:
    """The English label of every IRI in ``triples`` that has one, so the page names what it links to."""
    iris = sorted({term.value for t in triples for term in (t.subject, t.object) if isinstance(term, ox.NamedNode)})
    labels: dict[str, str] = {}
    for start in range(0, len(iris), 500):
        values = " ".join(str(ox.NamedNode(i)) for i in iris[start:start + 500])
        for row in store.select(f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s rdfs:label ?l "
                                f"FILTER(LANGMATCHES(LANG(?l), \"en\")) }}"):
            labels.setdefault(str(row["s"]), str(row["l"]))
    return labels


def page(iri: str, triples: list[ox.Triple], base: str, labels: dict[str, str]) -> str:
    """A plain HTML page: the English label as title, then outgoing and incoming triples as tables."""
    title = labels.get(iri) or _compact(iri, base)
    node = ox.NamedNode(iri)
    rows_out = "".join(f"<tr><td>{_term(t.predicate, base, {})}</td><td>{_term(t.object, base, labels)}</td></tr>"
                       for t in triples if t.subject == node)
    rows_in = "".join(f"<tr><td>{_term(t.subject, base, labels)}</td><td>{_term(t.predicate, base, {})}</td></tr>"
                      for t in triples if t.subject != node)
    incoming = (f"<h2>Referred to by</h2><table><tr><th>subject</th><th>property</th></tr>{rows_in}</table>"
                if rows_in else "")
    short = html.escape(iri[len(base):] if iri.startswith(base) else iri)
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)} — nqgraph</title>"
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}td,th{padding:.2em .6em;"
        "vertical-align:top;text-align:left}tr:nth-child(even){background:#f4f4f4}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p><code>{html.escape(iri)}</code></p>"
        f"<p>As data: <a href=\"?format=ttl\">Turtle</a> · <a href=\"?format=jsonld\">JSON-LD</a> · "
        f"<a href=\"/api/entities/{short}\">JSON (API)</a></p>"
        f"<table><tr><th>property</th><th>value</th></tr>{rows_out}</table>{incoming}</body></html>"
    )
