"""``graph.network.search``: folding, the three ways of matching, and an index that follows the store."""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
import pytest

from graph.network import clear_cache, projection_for
from graph.network.search import SearchIndex, fold_text, script_of, search, search_index
from tests.fixtures.network.analytics import HAI_DUONG, HAI_DUONG_PLACE, THANG, analytics_store
from tests.fixtures.network.load import ID

LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
NQ = "https://w3id.org/nqgraph/ontology#"


@pytest.mark.parametrize(("text", "key"), [
    ("Tỉnh ủy Hải Dương", "tinh uy hai duong"),
    ("ĐẢNG ỦY  Cẩm-Xuyên", "dang uy cam xuyen"),
    ("លេខ ២១-NQ/TW", "លេខ 21 nq tw"),
    ("ไห่เซือง", "ไห่เซือง"),  # Thai vowel and tone signs are kept: they are letters of the word
    ("ត្រា\u200bវិញ", "ត្រាវិញ"),  # zero-width spaces dropped, the Khmer subscript kept
    ("เลขที่ ๒๑", "เลขที่ 21"),
])
def test_fold_text(text: str, key: str) -> None:
    assert fold_text(text) == key


def test_script_of() -> None:
    assert (script_of("ไห่เซือง"), script_of("ត្រាវិញ"), script_of("Hải Dương")) == ("th", "km", None)


def test_ranked_matches_and_how() -> None:
    G = projection_for(analytics_store())
    hits = search(G, "Hải Dương")["items"]
    assert [(h["id"], h["how"], h["score"]) for h in hits[:2]] == [(HAI_DUONG_PLACE, "exact", 100.0),
                                                                   (HAI_DUONG, "fuzzy", 90.0)]
    typo = search(G, "Hai Duogn")["items"][0]
    assert typo["id"] == HAI_DUONG_PLACE and typo["how"] == "fuzzy" and 80 <= typo["score"] < 100
    thai = search(G, "ไห่เซือง")["items"]
    assert [h["id"] for h in thai[:2]] == [HAI_DUONG_PLACE, HAI_DUONG] and thai[0]["how"] == "gazetteer"
    thai_label = search(G, "คณะกรรมการพรรคประจำจังหวัด")["items"][0]  # the graph's own Thai label
    assert thai_label["id"] == HAI_DUONG and thai_label["how"] == "exact"
    person = search(G, "เจิ่น ดึ๊ก ถั่ง")["items"]
    assert [h["id"] for h in person] == [THANG] and person[0]["how"] == "phonetic"
    short = search(G, "Ha")["items"]
    assert short and all(fold_text(h["match"]).split()[0].startswith("ha") for h in short)


def test_index_is_kept_with_the_projection_and_rebuilt_when_the_store_changes() -> None:
    clear_cache()
    store = analytics_store()
    G = projection_for(store)
    index = search_index(G)
    assert search_index(projection_for(store)) is index
    assert search(G, "Nam Sach")["total"] == 0
    graph = ID + "source/nam-sach-article"
    place, g = ox.NamedNode(ID + "place/nam-sach"), ox.NamedNode(graph)
    store.replace_graph(graph, [ox.Quad(place, TYPE, ox.NamedNode(NQ + "Place"), g),
                                ox.Quad(place, LABEL, ox.Literal("Nam Sách", language="vi"), g)])
    fresh = projection_for(store)
    assert fresh is not G and search_index(fresh) is not index
    assert [h["id"] for h in search(fresh, "Nam Sach")["items"]] == [ID + "place/nam-sach"]


def test_bigram_filter_keeps_every_key_wratio_accepts() -> None:
    """The pre-filter only skips keys that cannot reach the cutoff: scoring the candidates finds the same keys."""
    import random

    from rapidfuzz import fuzz, process

    from graph.network.search import FUZZY_CUTOFF, _BigramFilter

    rng = random.Random(7)
    words = ["tra", "vinh", "hai", "duong", "party", "committee", "cell", "commune", "ha", "noi", "p3", "d4",
             "programme", "54", "ctr", "tu", "thematic", "meeting", "person", "1391857", "dong", "nai", "ស្រុក"]
    keys = sorted({" ".join(rng.choice(words) for _ in range(rng.randint(1, 6))) for _ in range(3000)})
    index = _BigramFilter(keys)
    queries = ["tra vnh", "hai dong", "party committee", "commune prty", "p3 d4", "person 139185", "dog nai",
               "vinh", "committee cell tra", "ស្រុក"]
    for _ in range(60):
        chars = list(rng.choice(keys))
        if len(chars) > 4:
            del chars[rng.randrange(len(chars))]
        queries.append("".join(chars))
    for q in queries:
        accepted = {i for _, _, i in process.extract(q, keys, scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF,
                                                     limit=None)}
        assert accepted <= set(index.candidates(q, FUZZY_CUTOFF).tolist()), q


def test_bigram_filter_skips_unrelated_keys() -> None:
    from graph.network.search import FUZZY_CUTOFF, _BigramFilter

    index = _BigramFilter(["tra vinh", "cell party committee p3 d4", "person 1391857", "dong nai"])
    kept = {index.keys[i] for i in index.candidates("tra vnh", FUZZY_CUTOFF)}
    assert "tra vinh" in kept and not kept & {"cell party committee p3 d4", "person 1391857"}


def test_same_label_on_many_nodes_finds_every_node() -> None:
    """Keys are scored once per distinct spelling; every node with that spelling is still a hit."""
    G = nx.MultiDiGraph()
    for n in range(3):
        G.add_node(f"{ID}place/x{n}", type="place", label="Hai Duong", labels={}, aliases=[])
    hits = SearchIndex(nx.freeze(G)).query("Hai Dong")
    assert sorted(hits) == [f"{ID}place/x{n}" for n in range(3)]
