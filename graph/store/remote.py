"""The remote backend: any SPARQL 1.1 Protocol endpoint, spoken to over HTTP.

Used for graphs that outgrow one machine (Virtuoso, Fuseki, QLever, ...) and
for a store that a running ``nqgraph serve`` holds: then the CLI talks to that
server instead of opening RocksDB a second time. Results are parsed back into
pyoxigraph objects so callers cannot tell the backends apart.

Standard prefixes (and a ``BASE`` when one is given) are prepended to the
text on one line of its own (the protocol has no other way to pass them), so
a parser's "line:column" positions are off by exactly one line, which
:func:`shift_positions` undoes for Oxigraph's messages. Whether the default
graph is the union of named graphs is the endpoint's choice: ``nqgraph
serve`` does so, Virtuoso includes all its graphs (system ones too), Fuseki
needs ``unionDefaultGraph``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import time
from collections.abc import Iterator, Sequence

import httpx
import pyoxigraph as ox

from graph.store.base import STANDARD_PREFIXES, BadQuery, QueryCancelled, QueryOutcome, ReadOnlyStore, StoreError
from graph.store.common import SparqlStore
from graph.store.stream import ResponseReader

_ACCEPT_RESULTS = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
_ACCEPT_GRAPH = "application/n-triples, text/turtle;q=0.9, text/plain;q=0.5"
_SKIP = re.compile(r"<[^<>\s]*>|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*")
_FORM = re.compile(r"(?<![\w:?$.-])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:.-])", re.IGNORECASE)
_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_PROLOGUE = " ".join(f"PREFIX {p}: <{iri}>" for p, iri in STANDARD_PREFIXES.items())
_POSITION = re.compile(r"\berror at (\d+):(\d+)")


@functools.lru_cache(maxsize=64)
def prologue(base_iri: str | None) -> str:
    """The line put before every request text: the standard prefixes, and the base IRI if any."""
    base = f"BASE {ox.NamedNode(base_iri)} " if base_iri else ""
    return base + _PROLOGUE + "\n"


def shift_positions(message: str) -> str:
    """Oxigraph's "error at LINE:COLUMN" as the client counts it, without the prologue line.

    >>> shift_positions("error at 2:17: expected one of ...")
    'error at 1:17: expected one of ...'
    """
    return _POSITION.sub(lambda m: f"error at {max(int(m.group(1)) - 1, 1)}:{m.group(2)}", message, count=1)


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword outside IRIs, strings and comments.

    Needed to ask for the right media type: endpoints such as Virtuoso answer a
    CONSTRUCT with SPARQL JSON results when that is what ``Accept`` prefers.

    >>> query_form('PREFIX ex: <http://ex/select#> CONSTRUCT { ?s ex:p "ASK" } WHERE { ?s ?p ?o }')
    'CONSTRUCT'
    >>> query_form('PREFIX ask: <http://ex/> CONSTRUCT { ?select ask:p ex:describe } WHERE { ?select ?p ?o }')
    'CONSTRUCT'
    """
    found = _FORM.search(_SKIP.sub(" ", sparql))
    return found.group(1).upper() if found else "SELECT"


def _valid_blank_nodes(body: bytes) -> bytes:
    """Rewrite blank node ids pyoxigraph cannot read (Virtuoso sends ``nodeID://b1001``) into valid labels."""
    data = json.loads(body)
    for row in data.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("type") == "bnode":
                term["value"] = re.sub(r"[^A-Za-z0-9]", "_", term["value"])
    return json.dumps(data).encode()


def _triples(quads: Iterator[ox.Quad]) -> Iterator[ox.Triple]:
    """A graph answer's quads (all in the default graph) as triples, lazily."""
    for q in quads:
        yield ox.Triple(q.subject, q.predicate, q.object)


def _group(form: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Form fields with repeated names (``default-graph-uri``) as httpx wants them."""
    grouped: dict[str, list[str]] = {}
    for key, value in form:
        grouped.setdefault(key, []).append(value)
    return grouped


def _error_detail(response: httpx.Response) -> str:
    try:
        data = response.json()
        return str(data.get("detail") or data.get("error") or data)
    except ValueError:
        return response.text.strip()[:2000] or response.reason_phrase


class RemoteStore(SparqlStore):
    """A store behind a SPARQL endpoint; ``health_url`` (an nqgraph server's ``/healthz``) gives ``generation``."""

    stage_replacements = True

    def __init__(
        self,
        endpoint: str,
        *,
        update_endpoint: str | None = None,
        token: str | None = None,
        read_only: bool = False,
        timeout: float = 120.0,
        health_url: str | None = None,
        client: httpx.Client | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or endpoint
        self.location = endpoint
        self.health_url = health_url
        self._token = token
        self._read_only = read_only
        self._writes = 0  # this object's own writes always count, whatever the data looks like after
        self._client = client or httpx.Client(timeout=timeout, follow_redirects=True)

    #: Read answers as they arrive instead of whole (see ``graph.store.stream``); off for endpoints whose answers
    #: need repair before pyoxigraph can read them (Virtuoso's blank node ids).
    stream_results: bool = False
    #: The text an endpoint ends a cut-off answer with, when it has one (Oxigraph's server).
    cancelled_notice: bytes | None = None
    #: Whether the endpoint's parser messages give Oxigraph's "line:column" (undo the prologue line).
    oxigraph_messages: bool = False
    #: Seconds an update may take, when it differs from the client's timeout for queries.
    update_timeout: float | None = None
    #: Seconds after which a streamed answer is no longer read (closing the connection stops the engine's work).
    read_deadline: float | None = None

    def _detail(self, response: httpx.Response) -> str:
        detail = _error_detail(response)
        return shift_positions(detail) if self.oxigraph_messages else detail

    @property
    def generation(self) -> int:
        if self.health_url:
            response = self._client.get(self.health_url)
            if response.status_code == 200 and "generation" in response.json():
                return int(response.json()["generation"])
        # Any endpoint: triple counts per graph, the checksums replace_graph records (a source replaced by as many
        # triples as before still changes the number) and this object's own writes.
        counts = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
        sums = self.select("SELECT ?g ?sha WHERE { GRAPH ?g { ?g nq:sha256 ?sha } } ORDER BY ?g ?sha")
        digest = hashlib.sha256(repr((counts, sums, self._writes)).encode()).digest()
        return int.from_bytes(digest[:8], "big")

    def _post(self, url: str, form: list[tuple[str, str]], headers: dict[str, str],
              timeout: float | None = None) -> httpx.Response:
        """POST an urlencoded form: the one request shape every SPARQL 1.1 endpoint accepts for both operations."""
        limit = httpx.Timeout(timeout, connect=10.0) if timeout else httpx.USE_CLIENT_DEFAULT
        try:
            return self._client.post(url, data=_group(form), headers=headers, timeout=limit)
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {exc}") from exc

    def query(
        self, sparql: str, *, default_graph: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None,
        base_iri: str | None = None,
    ) -> QueryOutcome:
        form = [("query", prologue(base_iri) + sparql)]
        form += [("default-graph-uri", g) for g in default_graph or ()]
        form += [("named-graph-uri", g) for g in named_graphs or ()]
        graph_form = query_form(sparql) in ("CONSTRUCT", "DESCRIBE")
        headers = {"Accept": _ACCEPT_GRAPH if graph_form else _ACCEPT_RESULTS}
        request = self._client.build_request("POST", self.endpoint, data=_group(form), headers=headers)
        try:
            response = self._client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise QueryCancelled(f"{self.endpoint} did not answer in time ({exc or 'timeout'})") from exc
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {self.endpoint}: {exc}") from exc
        if response.status_code != 200:
            self._raise_for(response)
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if self.stream_results:
            deadline = time.monotonic() + self.read_deadline if self.read_deadline else None
            reader = ResponseReader(response, notice=self.cancelled_notice, deadline=deadline)
            return self._parse(media, reader, response)
        try:
            body = response.read()
        finally:
            response.close()
        if media in _RESULT_TYPES and _RESULT_TYPES[media] is ox.QueryResultsFormat.JSON and b'"bnode"' in body:
            body = _valid_blank_nodes(body)
        return self._parse(media, body, response)

    def _raise_for(self, response: httpx.Response) -> None:
        try:
            response.read()
        finally:
            response.close()
        if self.cancelled_notice and response.content.strip().endswith(self.cancelled_notice):
            raise QueryCancelled("the query was stopped at the timeout")
        if response.status_code == 400:
            raise BadQuery(self._detail(response))
        raise StoreError(f"{self.endpoint} answered {response.status_code}: {self._detail(response)}")

    def _parse(self, media: str, data: bytes | ResponseReader, response: httpx.Response) -> QueryOutcome:
        if media in _RESULT_TYPES:
            return ox.parse_query_results(data, format=_RESULT_TYPES[media])
        rdf_format = ox.RdfFormat.N_TRIPLES if media == "text/plain" else ox.RdfFormat.from_media_type(media)
        if rdf_format is None:
            response.close()
            raise StoreError(f"{self.endpoint} answered with an unexpected media type {media!r}")
        if isinstance(data, bytes):
            return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=rdf_format)]
        return _triples(ox.parse(data, format=rdf_format))

    def update(self, sparql: str, *, base_iri: str | None = None, using_graphs: Sequence[str] = (),
               using_named_graphs: Sequence[str] = ()) -> None:
        if self._read_only:
            raise ReadOnlyStore(f"the store at {self.location} was opened read-only")
        headers = {"Authorization": f"Bearer {self._token}"} if self._token else {}
        self._writes += 1
        form = [("update", prologue(base_iri) + sparql)]
        form += [("using-graph-uri", g) for g in using_graphs] + [("using-named-graph-uri", g)
                                                                 for g in using_named_graphs]
        response = self._post(self.update_endpoint, form, headers, self.update_timeout)
        if response.status_code == 400:
            raise BadQuery(self._detail(response))
        if response.status_code in (401, 403):
            raise StoreError(
                f"{self.update_endpoint} refused the update ({response.status_code}: {_error_detail(response)}); "
                "set NQGRAPH_TOKEN (or NQGRAPH_TOKEN_FILE) to the server's update token"
            )
        if response.status_code >= 300:
            raise StoreError(f"{self.update_endpoint} answered {response.status_code}: {self._detail(response)}")

    def close(self) -> None:
        self._client.close()
