"""Adding sources to a store that is being served: validate everything, then write one source at a time.

Why this order: a request is checked whole (every source decoded, every page
reduced to its main text, none empty) before anything is written, so a bad
input leaves the store untouched. Extraction then runs outside any lock, so
two requests extract side by side, and only the short critical section -- is
this still new? resolve against the store, one ``replace_graph`` -- is
serialised: RocksDB has one writer, the "unchanged?" check must see the last
write, and resolution reads the documents already stored.

A source is acknowledged only after its transaction committed, so a crash
(even SIGKILL) leaves the store holding every acknowledged source whole, plus
at most the ones in flight, also whole or absent.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from graph.ingest.extraction import Prepared, extract_prepared, language_warnings, prepare
from graph.ingest.inputs import SourceInput
from graph.ingest.write import (
    Outcome,
    QueriedSources,
    is_unchanged,
    load_rdf,
    load_shared,
    previous_record,
    resolver_for,
    stored_counts,
    write_source,
)
from graph.iris import normalize_base
from graph.store import Store
from graph.store.base import SourceRecord
from graph.store.oxigraph import OxigraphStore


@dataclass(frozen=True)
class SourceSummary:
    """A stored source as ``GET /api/sources`` lists it."""

    graph: str
    name: str
    sha256: str
    lang: str | None
    title: str | None
    url: str | None
    published: str | None
    triples: int


class LiveIngest:
    """Ingest into, list and remove sources of one open store, safely from many threads.

    >>> from graph.store import open_store
    >>> live = LiveIngest(open_store(":memory:"), base="https://w3id.org/nqgraph/id/")
    >>> [o.status for o in live.ingest([SourceInput("a.txt", "Tỉnh ủy Trà Vinh ban hành Nghị quyết.".encode())])]
    ['added']
    >>> [o.status for o in live.ingest([SourceInput("a.txt", "Tỉnh ủy Trà Vinh ban hành Nghị quyết.".encode())])]
    ['unchanged']
    """

    def __init__(self, store: Store, *, base: str, rdf: Any = None,
                 extract: Callable[[Prepared], Any] = extract_prepared) -> None:
        self.store = store
        self.base = normalize_base(base)
        self.rdf = rdf
        self.extract = extract
        self._write = threading.Lock()
        self._shared_loaded = False
        self._listed: Listing | None = None

    @property
    def prefix(self) -> str:
        """Every source graph's IRI starts with this; the rest is the source's id in the API."""
        return self.base + "source/"

    def _rdf(self) -> Any:
        if self.rdf is None:
            self.rdf = load_rdf()
        return self.rdf

    def ingest(self, sources: list[SourceInput]) -> list[Outcome]:
        """Validate all of ``sources`` (raises :class:`InputProblem` before any write), then add each."""
        prepared = [prepare(s) for s in sources]
        return [self._one(p) for p in prepared]

    def _one(self, prepared: Prepared) -> Outcome:
        source, index = prepared.source, QueriedSources(self.store)
        record = previous_record(index, source, self.base)
        if record is not None and is_unchanged(record, source, self.base):  # no extraction for bytes already stored
            return self._unchanged(source, record)
        extraction = self.extract(prepared)
        rdf = self._rdf()
        with self._write:
            record = previous_record(index, source, self.base)  # again: another request may have written it
            if record is not None and is_unchanged(record, source, self.base):
                return self._unchanged(source, record)
            if not self._shared_loaded:
                load_shared(self.store, rdf.shared_quads(self.base))
                self._shared_loaded = True
            fresh = not self.store.ask("ASK { GRAPH ?g { ?g nq:sha256 ?sha ; nq:fileName ?name } }")
            resolver = resolver_for([extraction], self.store, self.base, fresh=fresh)
            outcome = write_source(self.store, source, prepared.text, extraction, rdf=rdf, base=self.base,
                                   resolver=resolver, previous=record)
        outcome.warnings = language_warnings(outcome.lang)
        return outcome

    def _unchanged(self, source: SourceInput, record: SourceRecord) -> Outcome:
        return Outcome(source.name, record.graph, "unchanged", source.sha256, source.meta.get("url"), record.lang,
                       stored_counts(self.store, record.graph), language_warnings(record.lang))

    def remove(self, source_id: str) -> bool:
        """Drop the graph of the source ``source_id`` (and nothing else); ``False`` if there is no such source."""
        graph = self.prefix + source_id
        try:
            ox.NamedNode(graph)
        except ValueError:
            return False
        with self._write:
            if QueriedSources(self.store).by_graph(graph) is None:
                return False
            self.store.remove_graph(graph)
        return True

    def _listing(self) -> Listing:
        """The sources under the base, listed again only when the embedded store has changed.

        Listing is O(number of sources) and describing a page counts its
        triples; the embedded store's ``generation`` is a counter that moves on
        every write, so it tells for free when both must be done again. A remote
        store's generation can cost as much as the listing: it is never cached.
        """
        generation = self.store.generation if isinstance(self.store, OxigraphStore) else None
        listing = self._listed
        if generation is None or listing is None or listing.generation != generation:
            records = [r for r in self.store.sources() if r.graph.startswith(self.prefix)]
            listing = Listing(generation, records)
            if generation is not None:
                self._listed = listing
        return listing

    def cached_page(self, *, limit: int, offset: int) -> tuple[int, list[SourceSummary]] | None:
        """:meth:`list` if it can be answered without querying the store, else ``None`` (cheap: no I/O)."""
        listing = self._listed
        if listing is None or not isinstance(self.store, OxigraphStore) or listing.generation != self.store.generation:
            return None
        page = listing.records[offset:offset + limit]
        if any(r.graph not in listing.summaries for r in page):
            return None
        return len(listing.records), [listing.summaries[r.graph] for r in page]

    def list(self, *, limit: int, offset: int) -> tuple[int, list[SourceSummary]]:
        """One page of the stored sources, ordered by name, and how many there are in all."""
        listing = self._listing()
        page = listing.records[offset:offset + limit]
        missing = [r for r in page if r.graph not in listing.summaries]
        if missing:
            listing.summaries.update(self._describe(missing))
        return len(listing.records), [listing.summaries[r.graph] for r in page]

    def _describe(self, records: list[SourceRecord]) -> dict[str, SourceSummary]:
        values = " ".join(str(ox.NamedNode(r.graph)) for r in records)
        rows = self.store.select(
            f"SELECT ?g ?n ?url ?date WHERE {{ {{ SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
            "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g } OPTIONAL { GRAPH ?g { ?g schema:url ?url } } "
            "OPTIONAL { GRAPH ?g { ?g dcterms:issued ?date } } }")
        details: dict[str, dict[str, Any]] = {}
        for row in rows:
            details.setdefault(str(row["g"]), row)
        out = {}
        for r in records:
            d = details.get(r.graph, {})
            url, date = d.get("url"), d.get("date")
            out[r.graph] = SourceSummary(r.graph, r.name, r.sha256, r.lang, r.title, None if url is None else str(url),
                                         None if date is None else str(date), int(d.get("n") or 0))
        return out


@dataclass
class Listing:
    """The sources as listed at one store generation, and the pages described so far."""

    generation: int | None
    records: list[SourceRecord]
    summaries: dict[str, SourceSummary] = field(default_factory=dict)
