"""Build the networkx projection of a store from a handful of SELECT queries.

Why SELECTs and not a walk over quads: the Store protocol guarantees ``select``
on every backend (embedded Oxigraph and remote SPARQL endpoints alike), and a
few set-at-a-time queries over the union graph are far cheaper than pulling
every quad into Python. Each query reads one kind of fact (types, labels,
scalar properties, object properties, posts, evidence, sources); the graph is
assembled from their rows, then frozen, because one projection is shared by
every request until the store changes.

    >>> G = build_projection(store)                                # doctest: +SKIP
    >>> G.nodes["https://w3id.org/nqgraph/id/org/tra-vinh-provincial-party-committee"]["level"]  # doctest: +SKIP
    'provincial'
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import networkx as nx

from graph.network import queries as q
from graph.network import schema as s
from graph.store.base import Store

Row = dict[str, Any]

_YEAR_SUFFIX = re.compile(r"-(\d{4})$")


def build_projection(store: Store) -> nx.MultiDiGraph:
    """A fresh, frozen MultiDiGraph of the store's entities and relations (see ``graph.network``)."""
    return _Builder(store).build()


class _Builder:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.G = nx.MultiDiGraph()
        self.sources: dict[str, Row] = {}
        self.labels: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.aliases: dict[str, list[str]] = defaultdict(list)

    def select(self, query: str) -> list[Row]:
        return self.store.select(query)

    def build(self) -> nx.MultiDiGraph:
        self._nodes()
        self._read_labels()
        self._properties()
        self._read_sources()
        self._edges()
        self._posts()
        self._evidence()
        self._finish_nodes()
        self._finish_edges()
        G = self.G
        G.graph["relations"] = relation_graphs(G)
        for R in G.graph["relations"].values():
            nx.freeze(R)
        return nx.freeze(G)

    # -- nodes ---------------------------------------------------------------------------------------
    def _class_map(self) -> dict[str, str]:
        classes = {c: t for t, roots in s.ROOT_CLASSES.items() for c in roots}
        classes.update({c: t for t, subs in s.KNOWN_SUBCLASSES.items() for c in subs})
        root_type = {c: t for t, roots in s.ROOT_CLASSES.items() for c in roots}
        for row in self.select(q.SUBCLASSES):
            classes.setdefault(str(row["c"]), root_type[str(row["root"])])
        return classes

    def _nodes(self) -> None:
        classes = self._class_map()
        roots = {c for cs in s.ROOT_CLASSES.values() for c in cs}
        types: dict[str, set[str]] = defaultdict(set)
        graphs: dict[str, set[str]] = defaultdict(set)
        for row in self.select(q.TYPES):
            subject = str(row["s"])
            types[subject].add(str(row["t"]))
            graphs[subject].add(str(row["g"]))
        for subject, ts in types.items():
            known = sorted(t for t in ts if t in classes)
            node_type = classes[known[0]] if known else s.iri_segment_type(subject)
            if node_type is None:
                continue
            specific = [t for t in known if t not in roots] or known
            self._add_node(subject, node_type, s.local_name(specific[0]) if specific else None)
            self.G.nodes[subject]["graphs"] = sorted(graphs[subject])

    def _add_node(self, iri: str, node_type: str, cls: str | None = None) -> None:
        if iri not in self.G:
            self.G.add_node(iri, type=node_type, **{"class": cls}, graphs=[], mentions=0)

    def _ensure_node(self, iri: str, fallback: str | None) -> bool:
        """Add an untyped edge end as a node when the IRI scheme or the property's range says what it is."""
        if iri in self.G:
            return True
        node_type = s.iri_segment_type(iri) or fallback
        if node_type is None:
            return False
        self._add_node(iri, node_type)
        return True

    def _read_labels(self) -> None:
        for row in self.select(q.LABELS):
            subject, label = str(row["s"]), " ".join(str(row["label"]).split())
            if str(row["p"]) == s.SKOS + "altLabel":
                if label not in self.aliases[subject]:
                    self.aliases[subject].append(label)
                continue
            forms = self.labels[subject][bcp47(str(row.get("lang") or "")) or "und"]
            if label not in forms:
                forms.append(label)

    def _properties(self) -> None:
        for row in self.select(q.PROPERTIES):
            subject = str(row["s"])
            if subject not in self.G:
                continue
            attr, value = s.NODE_PROPERTIES[str(row["p"])], str(row["v"])
            if attr in s.CONCEPT_ATTRIBUTES:
                value = s.local_name(value)
            data = self.G.nodes[subject]
            # A title in English wins over other languages; otherwise the first value read stays.
            if attr not in data or (attr == "title" and str(row.get("lang") or "").startswith("en")):
                data[attr] = value

    def _read_sources(self) -> None:
        for row in self.select(q.SOURCES):
            self.sources[str(row["src"])] = {
                "language": _opt(row.get("lang")), "date": _opt(row.get("issued")),
                "title": _opt(row.get("title")), "url": _opt(row.get("url")),
            }

    # -- edges ---------------------------------------------------------------------------------------
    def _edge(self, u: str, v: str, spec: s.EdgeSpec) -> dict[str, Any]:
        if not self.G.has_edge(u, v, key=spec.name):
            self.G.add_edge(u, v, key=spec.name, predicate=spec.name, iri=spec.iri, label=spec.label,
                            graphs=set(), evidence={})
        return self.G.edges[u, v, spec.name]

    def _edges(self) -> None:
        implicit: list[tuple[str, str, str]] = []
        for row in self.select(q.EDGES):
            u, v, g = str(row["s"]), str(row["o"]), str(row["g"])
            if str(row["p"]) == s.IMPLICITLY_IMPLEMENTS:
                implicit.append((u, v, g))
                continue
            spec = s.EDGE_BY_IRI[str(row["p"])]
            if u == v or not (self._ensure_node(u, spec.source) and self._ensure_node(v, spec.target)):
                continue
            self._edge(u, v, spec)["graphs"].add(g)
        for u, v, g in implicit:
            if self.G.has_edge(u, v, key="implements"):
                self.G.edges[u, v, "implements"].setdefault("implicit_graphs", set()).add(g)

    def _posts(self) -> None:
        role_labels = {iri: labels.get("en", [None])[0] for iri, labels in self.labels.items()}
        self.membership: dict[str, tuple[str, str]] = {}
        for row in self.select(q.POSTS):
            person, org = str(row["person"]), str(row["org"])
            if not (self._ensure_node(person, s.PERSON) and self._ensure_node(org, s.ORGANIZATION)):
                continue
            data = self._edge(person, org, s.HOLDS_POST)
            data["graphs"].add(str(row["g"]))
            role = _opt(row.get("role"))
            if role:
                name = role_labels.get(role) or s.local_name(role).replace("_", " ").replace("-", " ").title()
                roles = data.setdefault("roles", [])
                if name not in roles:
                    roles.append(name)
            self.membership[str(row["m"])] = (person, org)

    def _evidence(self) -> None:
        for row in self.select(q.EVIDENCE):
            target = self._evidence_edge(row)
            if target is None:
                continue
            src = _opt(row.get("src")) or str(row["g"])
            meta = self.sources.get(src, {})
            target["evidence"].setdefault(str(row["e"]), {
                "sentence": _opt(row.get("sentence")),
                "source": src,
                "source_title": meta.get("title"),
                "source_url": meta.get("url"),
                "language": _opt(row.get("lang")) or meta.get("language"),
                "date": meta.get("date"),
                "rule": _opt(row.get("rule")),
                "start": _int(row.get("start")),
                "end": _int(row.get("end")),
                "implicit": _bool(row.get("implicit")),
            })
        for row in self.select(q.MENTIONS):
            subject = str(row["s"])
            if subject in self.G:
                self.G.nodes[subject]["mentions"] = int(row["n"])

    def _evidence_edge(self, row: Row) -> dict[str, Any] | None:
        """The projected edge an evidence node supports, whichever way the writer named the post."""
        subject, predicate, obj = str(row["s"]), str(row["p"]), _opt(row.get("o"))
        if subject in self.membership:
            person, org = self.membership[subject]
            return self.G.edges[person, org, s.HOLDS_POST.name]
        if predicate in s.MEMBERSHIP_PREDICATES:
            name = s.HOLDS_POST.name
        elif predicate in s.EDGE_BY_IRI:
            name = s.EDGE_BY_IRI[predicate].name
        else:
            return None
        for u, v in ((subject, obj), (obj, subject)):
            if u is not None and v is not None and self.G.has_edge(u, v, key=name):
                return self.G.edges[u, v, name]
        return None

    # -- derived attributes --------------------------------------------------------------------------
    def _finish_nodes(self) -> None:
        G = self.G
        for iri, data in G.nodes(data=True):
            labels = {lang: list(forms) for lang, forms in sorted(self.labels.get(iri, {}).items())}
            data["labels"] = labels
            data["aliases"] = list(self.aliases.get(iri, []))
            data["label"] = _english(labels) or data.get("code") or s.local_name(iri)
            if data.get("date") and data["date"][:4].isdigit():
                data["year"] = int(data["date"][:4])
            elif data["type"] == s.DOCUMENT and (m := _YEAR_SUFFIX.search(iri)):
                data["year"] = int(m.group(1))
        for u, v, key in G.edges(keys=True):
            if key in ("place", "location"):
                G.nodes[u].setdefault("place", G.nodes[v]["label"])
                G.nodes[u].setdefault("place_id", v)
            elif key == "passed_by":
                G.nodes[u].setdefault("issuer", G.nodes[v]["label"])
                G.nodes[u].setdefault("issuer_id", v)

    def _finish_edges(self) -> None:
        G = self.G
        for u, _v, data in G.edges(data=True):
            evidence = sorted(data["evidence"].values(),
                              key=lambda e: (e["date"] or "", e["source"], e["start"] or 0, e["sentence"] or ""))
            data["evidence"] = evidence
            data["evidence_count"] = len(evidence)
            data["graphs"] = sorted(data["graphs"])
            dates = {e["date"] for e in evidence if e["date"]}
            dates |= {self.sources[g]["date"] for g in data["graphs"] if self.sources.get(g, {}).get("date")}
            if G.nodes[u]["type"] == s.EVENT and G.nodes[u].get("date"):
                dates.add(G.nodes[u]["date"])
            data["dates"] = sorted(dates)
            data["first_date"] = data["dates"][0] if dates else None
            # Implicit (the document named without its code) when every source stating the link says so.
            implicit_graphs = data.pop("implicit_graphs", set())
            data["implicit"] = (bool(implicit_graphs) and set(data["graphs"]) <= implicit_graphs) or (
                bool(evidence) and all(e["implicit"] for e in evidence))
            if "roles" in data:
                data["role"] = "; ".join(data["roles"])


def relation_graphs(G: nx.MultiDiGraph) -> dict[str, nx.DiGraph]:
    """One plain DiGraph per predicate, without attributes, for fast reachability.

    Why not ``nx.subgraph_view`` with an edge filter: every neighbour lookup then
    runs the filter, which made ancestor searches thousands of times slower than
    on a small graph built once.
    """
    graphs = {spec.name: nx.DiGraph() for spec in s.ALL_EDGES}
    for u, v, key in G.edges(keys=True):
        graphs.setdefault(key, nx.DiGraph()).add_edge(u, v)
    return graphs


def bcp47(tag: str) -> str:
    """Conventional case for a language tag (stores may lower-case it): ``vi-khmr`` → ``vi-Khmr``."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 else part.upper() if len(part) == 2 else part.lower())
    return "-".join(out) if tag else ""


def _english(labels: dict[str, list[str]]) -> str | None:
    for lang in ("en", *(tag for tag in labels if tag.startswith("en-")), "und"):
        if labels.get(lang):
            return labels[lang][0]
    return next((forms[0] for forms in labels.values() if forms), None)


def _opt(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _int(value: Any) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def _bool(value: Any) -> bool:
    return value is True or str(value).lower() in ("true", "1")
