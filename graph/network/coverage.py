"""Coverage: which provinces have evidence of implementing a document, and which have none, on a given day's map.

A province is covered when at least one body that implements the document
(``graph.network.implementers``: directly, through a programme, an event or,
on request, as a sub-organisation) is located in it. A body's province is
read from the graph first (its ``nq:place`` and that place's
``schema:containedInPlace`` chain, then its parent bodies), and from the
gazetteer when the graph stops short (a district whose province the article
never named; a body named after its province but given no place).

The province list is the one in force on ``as_of`` (``graph.network.provinces``):
63 before 1 July 2025, 34 after, old provinces counting for the new province
that absorbed them (a Tra Vinh committee covers Vinh Long as of August 2025).
Bodies with no province (central bodies, places the gazetteer cannot place)
are listed under ``unplaced`` rather than dropped.

    >>> coverage(G, [doc], as_of=date(2024, 1, 1))["covered"]        # doctest: +SKIP
    3
"""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx

from graph.iris import DEFAULT_BASE
from graph.network.implementers import implementers
from graph.network.lookup import summary
from graph.network.provinces import era_at, in_era, province_containing, province_named, provinces_in

MAX_HOPS = 6


def _up(G: nx.MultiDiGraph, node: str, predicate: str) -> list[str]:
    return sorted(v for _, v, key in G.out_edges(node, keys=True) if key == predicate)


def _names(G: nx.MultiDiGraph, node: str) -> list[str]:
    d = G.nodes[node]
    return list(dict.fromkeys([d["label"], *(f for forms in d.get("labels", {}).values() for f in forms)]))


def _place_province(G: nx.MultiDiGraph, place: str) -> str | None:
    chain, seen = [place], {place}
    while len(chain) <= MAX_HOPS:
        parents = [p for p in _up(G, chain[-1], "contained_in_place") if p not in seen]
        if not parents:
            break
        chain.append(parents[0])
        seen.add(parents[0])
    for node in reversed(chain):  # the widest place the graph knows, if it is a province
        for name in _names(G, node):
            if (found := province_named(name)) is not None:
                return found
    for node in chain:
        for name in _names(G, node):
            if (found := province_containing(name, G.nodes[node].get("place_type"))) is not None:
                return found
    return None


def _label_province(label: str) -> str | None:
    """A province named at the start of a body's name ("Quang Ninh Provincial Police Party Committee")."""
    words = label.split()
    for n in range(min(4, len(words)), 0, -1):
        if (found := province_named(" ".join(words[:n]))) is not None:
            return found
    return None


def body_province(G: nx.MultiDiGraph, body: str) -> str | None:
    """The province (canonical gazetteer name, either era) a body is located in, or ``None``."""
    frontier, seen = [body], {body}
    for _ in range(MAX_HOPS):
        for org in frontier:
            for place in _up(G, org, "place"):
                if (found := _place_province(G, place)) is not None:
                    return found
            if (found := _label_province(G.nodes[org]["label"])) is not None:
                return found
        frontier = [p for org in frontier for p in _up(G, org, "sub_organization_of") if p not in seen]
        seen.update(frontier)
        if not frontier:
            break
    return None


def coverage(G: nx.MultiDiGraph, documents: list[str], *, as_of: date, via_suborganizations: bool = False,
             covered: bool | None = None, offset: int = 0, limit: int | None = 100,
             base: str = DEFAULT_BASE) -> dict[str, Any]:
    """Every province in force on ``as_of``, covered or not, with the implementing bodies located in each."""
    era = era_at(as_of)
    names = provinces_in(era)
    bodies: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    unplaced: list[dict[str, Any]] = []
    for doc in documents:
        d = G.nodes[doc]
        if not d.get("code"):
            continue
        for group in implementers(G, d["code"], d.get("year"), via_suborganizations):
            if group["document"]["id"] != doc:
                continue
            for body in group["implementers"]:
                item = _body(G, body, doc, base)
                province = body_province(G, body["id"])
                current = in_era(province, era) if province else None
                if current is None:
                    unplaced.append(item)
                else:
                    bodies[current].append({**item, "located_in": province})
    rows = [{"province": name, "covered": bool(bodies[name]),
             "bodies": sorted(bodies[name], key=lambda b: (b["distance"], b["label"], b["id"]))} for name in names]
    rows.sort(key=lambda r: (not r["covered"], r["province"]))
    yes = [r["province"] for r in rows if r["covered"]]
    no = [r["province"] for r in rows if not r["covered"]]
    shown = [r for r in rows if covered is None or r["covered"] == covered]
    return {
        "documents": [summary(G, doc, base) for doc in documents], "as_of": as_of.isoformat(), "era": era,
        "provinces_total": len(names), "covered": len(yes), "not_covered": len(no),
        "covered_provinces": yes, "not_covered_provinces": no, "total": len(shown),
        "items": shown[offset:None if limit is None else offset + limit],
        "unplaced": sorted(unplaced, key=lambda b: (b["label"], b["id"])),
    }


def _body(G: nx.MultiDiGraph, body: dict[str, Any], doc: str, base: str) -> dict[str, Any]:
    """A covering body: who, how far from the document, how, and when it was first reported."""
    dates = [min(step["dates"]) for path in body["paths"] for step in path["steps"] if step["dates"]]
    return {**summary(G, body["id"], base), "document": doc, "distance": body["distance"], "via": body["via"],
            "evidence_count": len(body["evidence"]), "first_reported": min(dates) if dates else None}
