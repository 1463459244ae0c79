"""Content negotiation: which serialisation a client asked for, from tables.

Why tables: adding a result format is one row here, not a branch in a route.
Browsers cannot set ``Accept``, so a ``format=`` short name (``json``, ``csv``,
``ttl``, ...) overrides it, as Virtuoso and Fuseki allow.

>>> negotiate("text/csv;q=0.9, application/sparql-results+xml", RESULT_FORMATS).name
'xml'
>>> negotiate(None, GRAPH_FORMATS).name
'turtle'
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox


@dataclass(frozen=True)
class MediaFormat:
    name: str
    media_type: str  # what we send in Content-Type
    accepts: tuple[str, ...]  # media types a client may ask for (first is the canonical one)
    oxigraph: ox.QueryResultsFormat | ox.RdfFormat

    @property
    def content_type(self) -> str:
        return self.media_type + "; charset=utf-8"


# The first row of each table is the default for */* or no Accept header.
RESULT_FORMATS: tuple[MediaFormat, ...] = (
    MediaFormat("json", "application/sparql-results+json", ("application/sparql-results+json", "application/json"),
                ox.QueryResultsFormat.JSON),
    MediaFormat("xml", "application/sparql-results+xml",
                ("application/sparql-results+xml", "application/xml", "text/xml"), ox.QueryResultsFormat.XML),
    MediaFormat("csv", "text/csv", ("text/csv",), ox.QueryResultsFormat.CSV),
    MediaFormat("tsv", "text/tab-separated-values", ("text/tab-separated-values",), ox.QueryResultsFormat.TSV),
)

GRAPH_FORMATS: tuple[MediaFormat, ...] = (
    MediaFormat("turtle", "text/turtle", ("text/turtle", "application/x-turtle"), ox.RdfFormat.TURTLE),
    MediaFormat("ntriples", "application/n-triples", ("application/n-triples", "text/plain"), ox.RdfFormat.N_TRIPLES),
    MediaFormat("rdfxml", "application/rdf+xml", ("application/rdf+xml", "application/xml", "text/xml"),
                ox.RdfFormat.RDF_XML),
    MediaFormat("jsonld", "application/ld+json", ("application/ld+json", "application/json"), ox.RdfFormat.JSON_LD),
)

# "n3": Turtle is N3's subset that every N3 reader takes (SPARQLWrapper asks for n3 graphs).
_ALIASES = {"ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples", "rdf": "rdfxml", "rdf+xml": "rdfxml",
            "json-ld": "jsonld", "srj": "json", "srx": "xml", "n3": "turtle", "text/n3": "turtle"}


def parse_accept(header: str | None) -> list[str]:
    """Media ranges in order of preference (q-value, then position); ``q=0`` ranges are dropped."""
    if not header:
        return []
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(header.split(",")):
        fields = [f.strip() for f in item.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, position, media))
    return [media for _, _, media in sorted(ranked)]


def by_name(name: str, table: tuple[MediaFormat, ...]) -> MediaFormat | None:
    key = _ALIASES.get(name.lower(), name.lower())
    for fmt in table:
        if fmt.name == key or key in fmt.accepts:
            return fmt
    return None


def negotiate(accept: str | None, table: tuple[MediaFormat, ...], format_name: str | None = None) -> MediaFormat | None:
    """The format to answer in, or ``None`` when nothing acceptable is on offer (406).

    A ``format=`` name this table knows wins over ``Accept``; one it does not
    know (a client library's name for another query form's format) is ignored.
    """
    if format_name and by_name(format_name, table) is not None:
        return by_name(format_name, table)
    ranges = parse_accept(accept)
    if not ranges:
        return table[0]
    for media in ranges:
        if media in ("*/*", "*"):
            return table[0]
        if media.endswith("/*"):
            major = media[:-1]
            for fmt in table:
                if any(a.startswith(major) for a in fmt.accepts):
                    return fmt
            continue
        for fmt in table:
            if media in fmt.accepts:
                return fmt
    return None
