"""Run one SPARQL query to a serialised answer, within a row cap and a deadline.

Why rows are read here rather than handed to ``QuerySolutions.serialize``:
pyoxigraph evaluates SELECT and CONSTRUCT lazily, so reading row by row lets
us stop a runaway query at the deadline (and at the row cap) instead of
letting it run on. A query that must finish before its first row (ORDER BY,
GROUP BY) cannot be interrupted in-process; that is why ``nqgraph serve`` runs
a data directory's queries in a managed Oxigraph server whose own timeout
stops them (``graph/store/managed.py``); its cancellations arrive here as
``QueryCancelled`` while rows are read.

SELECT rows are written once as SPARQL JSON; XML, CSV and TSV are produced
by pyoxigraph from that JSON, so escaping rules live in one tested place.
"""

from __future__ import annotations

import json
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from api.media import GRAPH_FORMATS, RESULT_FORMATS, MediaFormat, negotiate
from graph.store import STANDARD_PREFIXES, Store
from graph.store.remote import query_form


class QueryTimeout(Exception):
    """The deadline passed while reading results."""


class NotAcceptable(Exception):
    """No serialisation the client accepts exists for this query form; ``args[0]`` lists what does."""


@dataclass(frozen=True)
class Answer:
    body: bytes
    format: MediaFormat
    truncated: bool


def json_term(term: Any) -> dict[str, Any]:
    """One RDF term as a SPARQL 1.1 JSON results binding (with SPARQL-star triples)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": json_term(term.subject),
                                            "predicate": json_term(term.predicate), "object": json_term(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def _offers(table: tuple[MediaFormat, ...]) -> str:
    return ", ".join(f.media_type for f in table)


def _pick(accept: str | None, format_name: str | None, table: tuple[MediaFormat, ...]) -> MediaFormat:
    chosen = negotiate(accept, table, format_name)
    if chosen is None:
        raise NotAcceptable(_offers(table))
    return chosen


def forward_format(sparql: str, accept: str | None, format_name: str | None) -> MediaFormat | None:
    """The results format to ask the engine for when its bytes can be forwarded as they are, else ``None``.

    Only SELECT and ASK (results formats are Oxigraph's own writers, the same
    ones the general path ends in); graphs are re-serialised with the
    standard prefixes, so they take the general path. A wrong guess of the
    query form costs a second request, not a wrong answer: the engine then
    answers another media type (or 406), and the general path decides.
    """
    if query_form(sparql) not in ("SELECT", "ASK"):
        return None
    return negotiate(accept, RESULT_FORMATS, format_name)


def execute(
    store: Store,
    sparql: str,
    *,
    accept: str | None,
    format_name: str | None = None,
    default_graph: Sequence[str] = (),
    named_graphs: Sequence[str] = (),
    base_iri: str | None = None,
    row_cap: int,
    timeout: float,
) -> Answer:
    """Blocking: run ``sparql`` and serialise it as the client asked. Call from a worker thread.

    Without ``default_graph`` and ``named_graphs`` the default graph is the
    union of the named graphs; with either, the dataset is what they name.
    pyoxigraph result objects must be dropped on the thread that made them
    ("unsendable"), so the outcome is deleted here even when serialising
    fails, before the exception (and its frame) travels to the event loop.
    """
    deadline = time.monotonic() + timeout
    dataset = bool(default_graph or named_graphs)
    outcome = store.query(sparql, default_graph=list(default_graph) if dataset else None,
                          named_graphs=list(named_graphs) if dataset else None, base_iri=base_iri)
    try:
        return _serialise(outcome, accept, format_name, row_cap, deadline)
    except Exception as exc:
        traceback.clear_frames(exc.__traceback__)  # the finished frames it holds reference the outcome and its rows
        exc.__traceback__ = None
        raise
    finally:
        del outcome


def _serialise(outcome: Any, accept: str | None, format_name: str | None, row_cap: int, deadline: float) -> Answer:
    if isinstance(outcome, ox.QueryBoolean):
        fmt = _pick(accept, format_name, RESULT_FORMATS)
        return Answer(outcome.serialize(format=fmt.oxigraph), fmt, False)  # type: ignore[arg-type]
    if isinstance(outcome, ox.QuerySolutions):
        fmt = _pick(accept, format_name, RESULT_FORMATS)
        names = [v.value for v in outcome.variables]
        bindings, truncated = [], False
        for row in outcome:
            if len(bindings) >= row_cap:
                truncated = True
                break
            if time.monotonic() > deadline:
                raise QueryTimeout()
            bindings.append({n: json_term(row[n]) for n in names if row[n] is not None})
        body = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
        if fmt.oxigraph is not ox.QueryResultsFormat.JSON:
            parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            body = parsed.serialize(format=fmt.oxigraph)  # type: ignore[union-attr,arg-type]
        return Answer(body, fmt, truncated)
    fmt = _pick(accept, format_name, GRAPH_FORMATS)
    triples, truncated = [], False
    for triple in outcome:
        if len(triples) >= row_cap:
            truncated = True
            break
        if time.monotonic() > deadline:
            raise QueryTimeout()
        triples.append(triple)
    prefixes = STANDARD_PREFIXES if fmt.oxigraph in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return Answer(ox.serialize(triples, format=fmt.oxigraph, prefixes=prefixes), fmt, truncated)  # type: ignore[arg-type]
