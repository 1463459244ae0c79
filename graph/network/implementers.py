"""Who implements a document: every body, every distinct path, shortest first, with its evidence.

A body (an organisation) implements a document when a chain of links leads
from it to the document, read forward:

- ``implements``: the body, a programme/plan, or an event ``nq:implements`` the next document;
- ``issued``: the body passed a document in the chain (``doc eli:passed_by body``), e.g.
  Tra Vinh Provincial Party Committee issued Programme 39-CTr/TU, which implements 21-NQ/TW;
- ``organised``: the body organised an event in the chain (``event schema:organizer body``);
- ``sub_organization_of`` (opt-in): the body is a sub-organisation of an implementing body,
  so implementation is inherited downward, never upward.

The search runs backwards from the document over the per-relation graphs
breadth-first, so paths come out shortest first; paths are simple (no node
twice) and capped in length and number, because a real corpus has chains of
a few links and a runaway search must not hold a request.

    >>> implementers(G, "21-NQ/TW", 2022)[0]["implementers"][0]["label"]      # doctest: +SKIP
    'Tra Vinh Provincial Party Committee'
"""

from __future__ import annotations

import threading
import unicodedata
from collections import OrderedDict, deque
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.network import schema as s
from graph.network.build import relation_graphs
from graph.network.derived import derived

MAX_PATH_LENGTH = 8
MAX_PATHS_PER_BODY = 20
MAX_EXPANSIONS = 200_000
CACHED_SEARCHES = 64  # documents whose implementer paths are kept per projection

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


@dataclass(frozen=True)
class _Step:
    """One forward link of a path and the stored edge (u, v, key) that states it."""

    source: str
    relation: str
    target: str
    edge: tuple[str, str, str]


def normalise_code(code: str) -> str:
    """Compare document codes across spellings: ``21–nq/tw`` and ``21-NQ/TW`` match."""
    folded = unicodedata.normalize("NFKC", code).translate(_DASHES).replace("Đ", "D").replace("đ", "d")
    return "".join(folded.split()).upper()


def documents_with_code(G: nx.MultiDiGraph, code: str, year: int | None = None) -> list[str]:
    """Document nodes with this code (and year), newest first.

    Read from an index of normalised codes built once per projection: scanning every node per request
    cost more than the rest of a small answer on a large graph. A graph that can still change (not frozen,
    as a projection is) is scanned instead, so no index outlives an edit.
    """
    index = _code_index(G) if nx.is_frozen(G) else _build_code_index(G)
    found = index.get(normalise_code(code), [])
    return [n for n in found if year is None or G.nodes[n].get("year") == year]


def _build_code_index(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for n, d in G.nodes(data=True):
        if d.get("type") == s.DOCUMENT and d.get("code"):
            index.setdefault(normalise_code(d["code"]), []).append(n)
    for docs in index.values():
        docs.sort(key=lambda n: (-(G.nodes[n].get("year") or 0), G.nodes[n]["label"], n))
    return index


def _code_index(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    return derived(G, "documents_by_code", lambda: _build_code_index(G))


def implementers(G: nx.MultiDiGraph, code: str, year: int | None = None, via_suborganizations: bool = False, *,
                 offset: int = 0, limit: int | None = None) -> list[dict[str, Any]]:
    """The bodies implementing each document with ``code`` (and ``year``), grouped by document.

    Returns ``[{"document": {...}, "total": n, "implementers": [body, ...]}, ...]``, one group
    per matching document (newest first; an empty list when none matches). Bodies come
    nearest first; each carries its ``paths`` (shortest first), ``via`` (how: direct,
    carried_out, issued, event, suborganization) and the ``evidence`` for every link of
    those paths. ``offset``/``limit`` page over the (document, body) pairs in that order;
    ``total`` counts a group's bodies over all pages. Only the page's bodies are
    described, so a small page of a large answer stays cheap.
    """
    groups, start = [], 0
    for doc in documents_with_code(G, code, year):
        found, order = _search(G, doc, via_suborganizations)
        lo = max(0, offset - start)
        hi = None if limit is None else max(0, offset + limit - start)
        groups.append({"document": document_summary(G, doc), "total": len(order),
                       "implementers": [_body(G, b, found[b]) for b in order[lo:hi]]})
        start += len(order)
    return groups


def document_summary(G: nx.MultiDiGraph, doc: str) -> dict[str, Any]:
    d = G.nodes[doc]
    return {"id": doc, "label": d["label"], "code": d.get("code"), "year": d.get("year"), "date": d.get("date"),
            "class": d.get("class"), "title": d.get("title"), "issuer": d.get("issuer")}


class _Adjacency:
    """Sorted neighbour tuples per relation, read by the path search instead of networkx views.

    Why: the search asks for the same few neighbour lists thousands of times per document; plain dicts
    of pre-sorted tuples (organisations only where only organisations can come next) skip the view
    objects, the sorting and the type checks of every request.
    """

    def __init__(self, G: nx.MultiDiGraph) -> None:
        relations = G.graph.get("relations") or relation_graphs(G)
        types = {n: d["type"] for n, d in G.nodes(data=True)}
        self.types = types

        def table(name: str, forward: bool, only: str | None = None) -> dict[str, tuple[str, ...]]:
            R = relations.get(name)
            if R is None:
                return {}
            adjacency = R.succ if forward else R.pred
            out: dict[str, tuple[str, ...]] = {}
            for node, nbrs in adjacency.items():
                kept = sorted(x for x in nbrs if only is None or types.get(x) == only)
                if kept:
                    out[node] = tuple(kept)
            return out

        self.implemented_by = table("implements", False)
        self.issuers = table("passed_by", True, s.ORGANIZATION)
        self.organisers = table("organizer", True, s.ORGANIZATION)
        self.suborganizations = table("sub_organization_of", False)


def _adjacency(G: nx.MultiDiGraph) -> _Adjacency:
    """The adjacency of a frozen projection, built once with it."""
    return derived(G, "implementers_adjacency", lambda: _Adjacency(G))


def _predecessors(A: _Adjacency, node: str, root: str, via_sub: bool) -> list[_Step]:
    """The links that can precede ``node`` on a path ending at ``root``."""
    node_type = A.types[node]
    steps = [_Step(x, "implements", node, (x, node, "implements")) for x in A.implemented_by.get(node, ())]
    if node_type == s.DOCUMENT and node != root:
        steps += [_Step(o, "issued", node, (node, o, "passed_by")) for o in A.issuers.get(node, ())]
    if node_type == s.EVENT:
        steps += [_Step(o, "organised", node, (node, o, "organizer")) for o in A.organisers.get(node, ())]
    if via_sub and node_type == s.ORGANIZATION:
        steps += [_Step(x, "sub_organization_of", node, (x, node, "sub_organization_of"))
                  for x in A.suborganizations.get(node, ())]
    return steps


class _Recent:
    """The path searches of the last few documents asked for, kept with the projection (it is frozen,
    so they stay valid until the store changes): paging through one document's implementers, or asking
    for it again, does not walk the graph again."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: OrderedDict[tuple[str, bool], tuple[dict[str, list[tuple[_Step, ...]]], list[str]]] = (
            OrderedDict())


def _search(G: nx.MultiDiGraph, doc: str, via_sub: bool) -> tuple[dict[str, list[tuple[_Step, ...]]], list[str]]:
    """The paths to ``doc`` per body and the bodies in answer order (nearest, then label).

    Kept only for a frozen graph (a projection); a graph that can change is searched afresh every time.
    """
    if not nx.is_frozen(G):
        found = _paths(_Adjacency(G), doc, via_sub)
        return found, sorted(found, key=lambda b: (len(found[b][0]), G.nodes[b]["label"], b))
    recent = derived(G, "implementers_recent", _Recent)
    key = (doc, via_sub)
    with recent.lock:
        if key in recent.items:
            recent.items.move_to_end(key)
            return recent.items[key]
    found = _paths(_adjacency(G), doc, via_sub)
    order = sorted(found, key=lambda b: (len(found[b][0]), G.nodes[b]["label"], b))
    with recent.lock:
        recent.items[key] = (found, order)
        while len(recent.items) > CACHED_SEARCHES:
            recent.items.popitem(last=False)
    return found, order


def _paths(A: _Adjacency, root: str, via_sub: bool) -> dict[str, list[tuple[_Step, ...]]]:
    """Every simple path from an organisation to ``root``, breadth-first (so shortest first)."""
    found: dict[str, list[tuple[_Step, ...]]] = {}
    queue: deque[tuple[str, tuple[_Step, ...], frozenset[str]]] = deque([(root, (), frozenset([root]))])
    expansions = 0
    types = A.types
    while queue and expansions < MAX_EXPANSIONS:
        node, path, seen = queue.popleft()
        for step in _predecessors(A, node, root, via_sub):
            expansions += 1
            if step.source in seen:
                continue
            new = (step, *path)
            if types[step.source] == s.ORGANIZATION:
                bucket = found.setdefault(step.source, [])
                if len(bucket) >= MAX_PATHS_PER_BODY:
                    # Its shortest paths were extended already; detours through it would only lengthen
                    # the lists of the bodies below it.
                    continue
                bucket.append(new)
            if len(new) < MAX_PATH_LENGTH:
                queue.append((step.source, new, seen | {step.source}))
    return found


def _via(path: tuple[_Step, ...], G: nx.MultiDiGraph) -> str:
    first = path[0]
    if len(path) == 1 and first.relation == "implements":
        return "direct"
    if first.relation == "sub_organization_of":
        return "suborganization"
    if first.relation == "organised":
        return "event"
    if first.relation == "issued":
        return "issued"
    return "event" if G.nodes[first.target]["type"] == s.EVENT else "carried_out"


def _path_record(G: nx.MultiDiGraph, path: tuple[_Step, ...]) -> dict[str, Any]:
    label = G.nodes
    steps = []
    for st in path:
        edge = G.edges[st.edge]
        steps.append({"source": st.source, "source_label": label[st.source]["label"], "relation": st.relation,
                      "target": st.target, "target_label": label[st.target]["label"],
                      "target_type": label[st.target]["type"], "predicate": st.edge[2],
                      "evidence_count": edge["evidence_count"], "dates": list(edge["dates"])})
    text = label[path[0].source]["label"] + "".join(f" —{st.relation}→ {label[st.target]['label']}" for st in path)
    return {"length": len(path), "via": _via(path, G), "text": text, "steps": steps}


def _body(G: nx.MultiDiGraph, body: str, paths: list[tuple[_Step, ...]]) -> dict[str, Any]:
    # Breadth-first search found the paths shortest first, ties in IRI order: already sorted and deterministic.
    records = [_path_record(G, p) for p in paths]
    evidence: dict[tuple[Any, ...], dict[str, Any]] = {}
    for path in paths:
        for st in path:
            for ev in G.edges[st.edge]["evidence"]:
                key = (ev["source"], ev["sentence"], ev["start"], st.edge)
                evidence.setdefault(key, {**ev, "supports": {"source": st.edge[0], "predicate": st.edge[2],
                                                             "target": st.edge[1]}})
    d = G.nodes[body]
    return {
        "id": body, "label": d["label"], "type": d["type"], "class": d.get("class"), "level": d.get("level"),
        "kind": d.get("kind"), "place": d.get("place"), "distance": len(paths[0]),
        "via": list(dict.fromkeys(r["via"] for r in records)), "paths": records,
        "evidence": sorted(evidence.values(), key=lambda e: (e["date"] or "", e["source"], e["start"] or 0)),
    }
