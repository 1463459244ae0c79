"""``LiveIngest``: identity, replacement, removal, and writes from many threads at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from graph.ingest import InputProblem, LiveIngest, SourceInput
from graph.store import open_store
from graph.store.oxigraph import OxigraphStore

BASE = "https://w3id.org/nqgraph/id/"


def article(n: int) -> bytes:
    return f"Ngày {n % 28 + 1}/3, Ban Thường vụ Tỉnh ủy Trà Vinh ban hành Kế hoạch số {n}-KH/TU.\n".encode()


@pytest.fixture
def live() -> LiveIngest:
    return LiveIngest(open_store(":memory:"), base=BASE)


def sources(live: LiveIngest) -> dict[str, str]:
    return {r.graph.removeprefix(BASE + "source/"): r.name for r in live.store.sources()}


def test_a_name_that_gains_a_url_moves_and_leaves_nothing_behind(live: LiveIngest) -> None:
    live.ingest([SourceInput("a.txt", article(1))])
    (outcome,) = live.ingest([SourceInput("a.txt", article(1), meta={"url": "https://e.org/a"})])
    assert outcome.status == "replaced" and sources(live) == {"e-org-a": "a.txt"}


def test_another_url_with_the_same_file_name_is_another_source(live: LiveIngest) -> None:
    live.ingest([SourceInput("index.html", article(1), meta={"url": "https://e.org/1"})])
    (outcome,) = live.ingest([SourceInput("index.html", article(2), meta={"url": "https://e.org/2"})])
    assert outcome.status == "added"
    assert sources(live) == {"e-org-1": "index.html", "e-org-2": "index.html"}


def test_a_bad_source_in_a_request_stops_it_before_any_write(live: LiveIngest) -> None:
    with pytest.raises(InputProblem):
        live.ingest([SourceInput("a.txt", article(1)), SourceInput("b.txt", b"\xff")])
    assert sources(live) == {} and live.store.named_graphs() == []


def test_remove_takes_only_that_graph(live: LiveIngest) -> None:
    live.ingest([SourceInput("a.txt", article(1)), SourceInput("b.txt", article(2))])
    graphs = set(live.store.named_graphs())
    assert live.remove("a-txt") and not live.remove("a-txt") and not live.remove("no such id")
    assert not live.remove("../graph/ontology") and not live.remove("x y>")
    assert set(live.store.named_graphs()) == graphs - {BASE + "source/a-txt"}


def test_listing_pages_through_sources_with_their_sizes(live: LiveIngest) -> None:
    live.ingest([SourceInput(f"s{i}.txt", article(i)) for i in range(4)])
    total, page = live.list(limit=2, offset=1)
    assert total == 4 and [s.name for s in page] == ["s1.txt", "s2.txt"]
    assert all(s.triples == sum(1 for _ in live.store.quads(s.graph)) for s in page)


def test_many_threads_ingesting_at_once_all_land(tmp_path: object) -> None:
    store = OxigraphStore(tmp_path / "db")  # type: ignore[operator]
    live = LiveIngest(store, base=BASE)
    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(lambda n: live.ingest([SourceInput(f"s{n}.txt", article(n))])[0], range(16)))
        same = list(pool.map(lambda _: live.ingest([SourceInput("same.txt", article(99))])[0].status, range(6)))
    assert {o.status for o in outcomes} == {"added"} and len(sources(live)) == 17
    assert sorted(same) == ["added"] + ["unchanged"] * 5  # the check is repeated under the write lock
    for o in outcomes:
        assert o.counts["triples"] == sum(1 for _ in store.quads(o.graph))
    store.close()
