"""The Store contract, run on every backend (see conftest.py)."""

from __future__ import annotations

import socket

import pyoxigraph as ox
import pytest

from graph.store import BadQuery, Store
from graph.store import common as store_common

G = "https://example.org/test/graph/"  # as in conftest.py
EX = "https://example.org/test/"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
P = ox.NamedNode(EX + "p")
XSD = "http://www.w3.org/2001/XMLSchema#"


def t(s: str, o: ox.NamedNode | ox.Literal | ox.BlankNode, p: ox.NamedNode = P) -> ox.Triple:
    return ox.Triple(ox.NamedNode(EX + s), p, o)


def objects(store: Store, subject: str, graph: str | None = None) -> set[object]:
    where = f"GRAPH <{graph}> {{ <{EX}{subject}> ?p ?o }}" if graph else f"<{EX}{subject}> ?p ?o"
    return {row["o"] for row in store.select(f"SELECT ?o WHERE {{ {where} }}")}


def ours(store: Store) -> list[str]:
    return [g for g in store.named_graphs() if g.startswith(G)]


def test_replace_graph_replaces_only_that_graph(store: Store) -> None:
    store.replace_graph(G + "a", [t("x", ox.Literal("old"))])
    store.replace_graph(G + "b", [t("y", ox.Literal("kept"))])
    store.replace_graph(G + "a", [t("x", ox.Literal("new")), t("z", ox.Literal("added"))])
    assert objects(store, "x") == {"new"}
    assert objects(store, "z") == {"added"}
    assert objects(store, "y", G + "b") == {"kept"}
    assert ours(store) == [G + "a", G + "b"]


def test_replace_graph_ignores_the_quads_own_graph_names(store: Store) -> None:
    elsewhere = ox.NamedNode(G + "elsewhere")
    store.replace_graph(G + "a", [ox.Quad(ox.NamedNode(EX + "x"), P, ox.Literal("v"), elsewhere)])
    assert objects(store, "x", G + "a") == {"v"}
    assert ours(store) == [G + "a"]


def test_a_failed_replacement_leaves_the_graph_as_it_was(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the replacement fail just before its last operation, after the old content was dropped or the new
    content staged: the graph must still hold the old facts."""
    store.replace_graph(G + "a", [t("x", ox.Literal("before"))])
    original = store_common.replace_operations
    with socket.socket() as closed:  # a loopback port nobody listens on: LOAD fails when it runs
        closed.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{closed.getsockname()[1]}/missing.ttl"

    def failing(*args: object, **kwargs: object) -> list[str]:
        operations = original(*args, **kwargs)  # type: ignore[arg-type]
        return [*operations[:-1], f"LOAD <{nowhere}>", operations[-1]]

    monkeypatch.setattr(store_common, "replace_operations", failing)
    with pytest.raises(Exception):  # noqa: B017 - each backend words the failure its own way
        store.replace_graph(G + "a", [t("x", ox.Literal("after"))])
    monkeypatch.undo()
    assert objects(store, "x") == {"before"}
    assert [g for g in store.named_graphs() if "staging" in g] == []


def test_terms_survive_the_round_trip(store: Store) -> None:
    tricky = 'quote " backslash \\ newline\n tab\t ខេត្ត ตำบล Đảng'
    node = ox.BlankNode()
    store.replace_graph(G + "a", [
        t("x", ox.Literal(tricky, language="vi-Khmr")),
        t("x", node),
        ox.Triple(node, LABEL, ox.Literal("the same blank node")),
        t("n", ox.Literal("42", datatype=ox.NamedNode(XSD + "integer"))),
        t("n", ox.Literal("2.5", datatype=ox.NamedNode(XSD + "double"))),
        t("n", ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean"))),
        t("n", ox.Literal("2024-02", datatype=ox.NamedNode(XSD + "gYearMonth"))),
    ])
    rows = store.select(f"SELECT ?l ?lang WHERE {{ <{EX}x> ?p ?l FILTER(isLiteral(?l)) BIND(LANG(?l) AS ?lang) }}")
    assert [(r["l"], str(r["lang"]).lower()) for r in rows] == [(tricky, "vi-khmr")]
    linked = store.select(f"SELECT ?label WHERE {{ <{EX}x> ?p ?b . ?b rdfs:label ?label }}")
    assert [r["label"] for r in linked] == ["the same blank node"]
    values = objects(store, "n")
    assert {42, 2.5, True, "2024-02"} == values
    assert {type(v) for v in values} == {int, float, bool, str}


def test_select_leaves_unbound_variables_out(store: Store) -> None:
    store.replace_graph(G + "a", [t("x", ox.Literal("v"))])
    rows = store.select(f"SELECT ?o ?missing WHERE {{ <{EX}x> ?p ?o OPTIONAL {{ ?o ?q ?missing }} }}")
    assert rows == [{"o": "v"}] or rows == [{"o": "v", "missing": None}]


def test_default_graph_is_the_union_and_can_be_narrowed(store: Store) -> None:
    store.replace_graph(G + "a", [t("x", ox.Literal("in a"))])
    store.replace_graph(G + "b", [t("x", ox.Literal("in b"))])
    assert objects(store, "x") == {"in a", "in b"}
    narrowed = store.query(f"SELECT ?o WHERE {{ <{EX}x> ?p ?o }}", default_graph=[G + "b"])
    assert isinstance(narrowed, ox.QuerySolutions)
    assert [row["o"].value for row in narrowed] == ["in b"]
    by_graph = store.select(f"SELECT ?g ?o WHERE {{ GRAPH ?g {{ <{EX}x> ?p ?o }} }} ORDER BY ?g")
    assert [(r["g"], r["o"]) for r in by_graph] == [(G + "a", "in a"), (G + "b", "in b")]


def test_ask_and_construct(store: Store) -> None:
    store.replace_graph(G + "a", [t("x", ox.Literal("v"))])
    assert store.ask(f"ASK {{ <{EX}x> ?p \"v\" }}") is True
    assert store.ask(f"ASK {{ <{EX}x> ?p \"w\" }}") is False
    triples = list(store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G}a> {{ ?s ?p ?o }} }}"))
    assert [(str(x.subject), str(x.object)) for x in triples] == [(f"<{EX}x>", '"v"')]


def test_bad_query_raises_with_the_parsers_message(store: Store) -> None:
    with pytest.raises(BadQuery) as info:
        store.select("SELECT ?x WHERE { ?x ?y }")
    assert str(info.value)


def test_remove_graph(store: Store) -> None:
    store.replace_graph(G + "a", [t("x", ox.Literal("v"))])
    store.replace_graph(G + "b", [t("y", ox.Literal("w"))])
    store.remove_graph(G + "a")
    assert ours(store) == [G + "b"]
    assert objects(store, "x") == set()
    store.remove_graph(G + "never-existed")  # removing a missing graph is not an error


def test_quads_of_one_graph_and_of_all(store: Store) -> None:
    store.replace_graph(G + "a", [t("x", ox.Literal("1"))])
    store.replace_graph(G + "b", [t("y", ox.Literal("2"))])
    assert [(q.subject.value, q.object.value, q.graph_name.value) for q in store.quads(G + "a")] == [
        (EX + "x", "1", G + "a")
    ]
    everything = {(q.subject.value, q.graph_name.value) for q in store.quads() if q.graph_name.value.startswith(G)}
    assert everything == {(EX + "x", G + "a"), (EX + "y", G + "b")}


def test_checksums_and_sources_are_kept_in_the_graph(store: Store) -> None:
    store.replace_graph(G + "a", [
        ox.Triple(ox.NamedNode(G + "a"), ox.NamedNode("http://purl.org/dc/terms/language"), ox.Literal("km")),
        ox.Triple(ox.NamedNode(G + "a"), ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal("ចំណងជើង")),
    ], sha256="aa" * 32, name="b.txt")
    store.replace_graph(G + "b", [t("y", ox.Literal("w"))], sha256="bb" * 32, name="a.txt")
    store.replace_graph(G + "shared", [t("z", ox.Literal("s"))], sha256="cc" * 32)
    assert store.graph_sha256(G + "a") == "aa" * 32
    assert store.graph_sha256(G + "shared") == "cc" * 32
    assert store.graph_sha256(G + "missing") is None
    sources = [s for s in store.sources() if s.graph.startswith(G)]
    assert [(s.name, s.graph, s.sha256) for s in sources] == [("a.txt", G + "b", "bb" * 32),
                                                               ("b.txt", G + "a", "aa" * 32)]
    assert (sources[1].lang, sources[1].title) == ("km", "ចំណងជើង")
    store.replace_graph(G + "a", [t("x", ox.Literal("v"))], sha256="dd" * 32, name="b.txt")
    assert store.graph_sha256(G + "a") == "dd" * 32  # replaced together with the data


def test_generation_changes_with_writes_only(store: Store) -> None:
    first = store.generation
    store.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert store.generation == first
    store.replace_graph(G + "a", [t("x", ox.Literal("v"))])
    second = store.generation
    assert second != first
    store.replace_graph(G + "a", [t("x", ox.Literal("same size, new value"))])
    third = store.generation
    assert third != second
    store.remove_graph(G + "a")
    assert store.generation != third


def test_standard_prefixes_need_no_declaration(store: Store) -> None:
    store.replace_graph(G + "a", [ox.Triple(ox.NamedNode(EX + "org"), LABEL, ox.Literal("Org", language="en")),
                                  ox.Triple(ox.NamedNode(EX + "org"), ox.NamedNode("http://www.w3.org/1999/02/"
                                            "22-rdf-syntax-ns#type"), ox.NamedNode("https://w3id.org/nqgraph/"
                                                                                   "ontology#PartyCommittee"))])
    rows = store.select("SELECT ?l WHERE { ?o a nq:PartyCommittee ; rdfs:label ?l }")
    assert [r["l"] for r in rows] == ["Org"]
