"""``/api/sources``: ingest over HTTP, listing, removal, and every refusal leaving the store untouched."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store import open_store
from graph.store.oxigraph import OxigraphStore

BASE = "https://w3id.org/nqgraph/id/"
TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = {**AUTH, "Content-Type": "text/plain"}
SEED = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))[0].read_bytes()
TRA_VINH = "Ngày 28/2, Ban Thường vụ Tỉnh ủy Trà Vinh quán triệt Nghị quyết số 21-NQ/TW.\n".encode()
HA_TINH = "Ngày 3/3, Ban Thường vụ Tỉnh ủy Hà Tĩnh ban hành Kế hoạch số 39-KH/TU.\n".encode()


@pytest.fixture
def store() -> Iterator[OxigraphStore]:
    s = open_store(":memory:")
    assert isinstance(s, OxigraphStore)
    yield s
    s.close()


@pytest.fixture
def client(store: OxigraphStore) -> TestClient:
    return TestClient(create_app(Settings(store=":memory:", token=TOKEN, upload_limit=65536), store=store))


def snapshot(store: OxigraphStore) -> set[str]:
    return {str(q) for q in store.quads()}


def labels(store: OxigraphStore, graph: str) -> set[str]:
    rows = store.select(f"SELECT ?l WHERE {{ GRAPH <{graph}> {{ ?p a nq:Place ; rdfs:label ?l }} "
                        "FILTER(lang(?l) = 'en') }")
    return {str(r["l"]) for r in rows}


def test_text_is_ingested_and_answered_with_iri_language_and_counts(client: TestClient,
                                                                   store: OxigraphStore) -> None:
    response = client.post("/api/sources", params={"name": "tv.txt"}, content=TRA_VINH, headers=TEXT)
    assert response.status_code == 201, response.text
    (source,) = response.json()["sources"]
    assert source["iri"] == BASE + "source/tv-txt" and source["id"] == "tv-txt"
    assert source["lang"] == "vi" and source["status"] == "added" and source["warnings"] == []
    assert source["counts"]["documents"] == 1 and source["counts"]["organizations"] >= 1
    assert source["counts"]["triples"] == sum(1 for _ in store.quads(source["iri"]))
    assert "Tra Vinh" in labels(store, source["iri"])
    listed = client.get("/api/sources").json()
    assert listed["total"] == 1 and listed["items"][0]["triples"] == source["counts"]["triples"]
    assert listed["items"][0]["lang"] == "vi" and listed["items"][0]["name"] == "tv.txt"


def test_the_same_bytes_twice_change_nothing(client: TestClient, store: OxigraphStore) -> None:
    first = client.post("/api/sources", params={"name": "a.txt"}, content=SEED, headers=TEXT).json()["sources"][0]
    before, generation = snapshot(store), store.generation
    again = client.post("/api/sources", params={"name": "a.txt"}, content=SEED, headers=TEXT)
    assert again.status_code == 200
    assert again.json()["sources"][0]["status"] == "unchanged"
    assert again.json()["sources"][0]["counts"] == first["counts"]
    assert snapshot(store) == before and store.generation == generation  # not even a no-op write


def test_new_bytes_replace_the_sources_graph_and_only_it(client: TestClient, store: OxigraphStore) -> None:
    client.post("/api/sources", params={"name": "other.txt"}, content=SEED, headers=TEXT)
    client.post("/api/sources", params={"name": "a.txt"}, content=TRA_VINH, headers=TEXT)
    other = {str(q) for q in store.quads(BASE + "source/other-txt")}
    response = client.post("/api/sources", params={"name": "a.txt"}, content=HA_TINH, headers=TEXT)
    assert response.status_code == 201 and response.json()["sources"][0]["status"] == "replaced"
    assert labels(store, BASE + "source/a-txt") == {"Ha Tinh"}  # nothing of the old text is left
    assert {str(q) for q in store.quads(BASE + "source/other-txt")} == other
    assert store.graph_sha256(BASE + "source/a-txt") == response.json()["sources"][0]["sha256"]


def test_url_identity_charset_and_metadata(client: TestClient, store: OxigraphStore) -> None:
    text = "Tỉnh ủy Hòa Bình ban hành Nghị quyết số 05-NQ/TU."
    params = {"url": "https://baohoabinh.vn/a/1.htm", "title": "Hoa Binh", "published": "2024-03-02"}
    response = client.post("/api/sources", params=params, content=text.encode("utf-16"),
                           headers={**AUTH, "Content-Type": "text/plain; charset=UTF-16"})
    assert response.status_code == 201, response.text
    iri = response.json()["sources"][0]["iri"]
    assert iri == BASE + "source/baohoabinh-vn-a-1-htm"
    item = client.get("/api/sources").json()["items"][0]
    assert (item["url"], item["title"], item["published"]) == (params["url"], "Hoa Binh", "2024-03-02")


def test_json_batches_and_multipart_files(client: TestClient, store: OxigraphStore) -> None:
    batch = [{"text": TRA_VINH.decode(), "url": "https://e.org/1", "lang": "vi"},
             {"html": "<html><body><p>" + HA_TINH.decode() + "</p></body></html>", "doc": "ht.html"}]
    response = client.post("/api/sources", json=batch, headers=AUTH)
    assert response.status_code == 201, response.text
    assert [s["id"] for s in response.json()["sources"]] == ["e-org-1", "ht-html"]
    files = [("file", ("x.txt", SEED, "text/plain")),
             ("file", ("y.html", b"<html><body><p>" + HA_TINH + b"</p></body></html>", "text/html")),
             ("file", ("z.jsonl", json.dumps({"text": "Tỉnh ủy Trà Vinh.", "doc": "z1"}).encode() + b"\n",
                       "application/octet-stream"))]
    response = client.post("/api/sources", files=files, headers=AUTH)
    assert response.status_code == 201, response.text
    assert [s["name"] for s in response.json()["sources"]] == ["x.txt", "y.html", "z1"]
    assert client.get("/api/sources", params={"limit": 2, "offset": 1}).json()["total"] == 5


def test_a_language_without_a_pack_is_accepted_with_a_warning(client: TestClient) -> None:
    body = "Le comité provincial applique la résolution 21-NQ/TW du 16 juin 2022.".encode()
    response = client.post("/api/sources", params={"name": "fr.txt", "lang": "fr"}, content=body, headers=TEXT)
    assert response.status_code == 201
    (source,) = response.json()["sources"]
    assert source["lang"] == "fr" and "no language pack for 'fr'" in source["warnings"][0]
    assert source["counts"]["documents"] == 1  # document numbers are language-independent


def _chunks(size: int) -> Iterator[bytes]:
    for _ in range(size // 512):
        yield b"x" * 512


@pytest.mark.parametrize(("kwargs", "status", "error", "says"), [
    ({"content": b"Tinh uy \xff ok", "headers": TEXT, "params": {"name": "a.txt"}}, 422, "undecodable text",
     "byte 8 (0xff)"),
    ({"content": b" \n\t", "headers": TEXT, "params": {"name": "a.txt"}}, 422, "empty source", "white space"),
    ({"content": b"", "headers": TEXT, "params": {"name": "a.txt"}}, 422, "empty source", "no text"),
    ({"content": b"x" * 70_000, "headers": TEXT, "params": {"name": "a.txt"}}, 413, "body too large", "65536"),
    ({"content": _chunks(140_000), "headers": TEXT, "params": {"name": "a.txt"}}, 413, "body too large", "65536"),
    ({"content": b"%PDF-1.4", "headers": {**AUTH, "Content-Type": "application/pdf"}}, 415,
     "unsupported media type", "application/pdf"),
    ({"content": b"text", "headers": AUTH}, 415, "unsupported media type", "without Content-Type"),
    ({"content": b"x", "headers": {**AUTH, "Content-Type": "text/plain; charset=klingon"}, "params": {"name": "a"}},
     415, "unsupported charset", "klingon"),
    ({"files": [("file", ("big.txt", b"x" * 70_000, "text/plain"))], "headers": AUTH}, 413, "body too large", "65536"),
    ({"files": [("file", ("a.pdf", b"%PDF", "application/pdf"))], "headers": AUTH}, 415, "unsupported media type",
     "a.pdf"),
    ({"content": TRA_VINH, "headers": TEXT}, 422, "missing source identity", "?name="),
    ({"content": TRA_VINH, "headers": TEXT, "params": {"url": "file:///etc/passwd"}}, 422, "invalid metadata", "url"),
    ({"content": b"[{\"text\": \"x\"", "headers": {**AUTH, "Content-Type": "application/json"}}, 422,
     "invalid JSON", "line 1"),
    ({"json": [{"text": "Tỉnh ủy Trà Vinh", "doc": "a"}, {"text": "  ", "doc": "b"}], "headers": AUTH}, 422,
     "empty source", "b: no text"),
    ({"json": [], "headers": AUTH}, 422, "no sources", "no article"),
    ({"json": [{"text": "x", "doc": "a"}, {"text": "y", "doc": "a"}], "headers": AUTH}, 422,
     "duplicate sources", "'a'"),
])
def test_bad_input_is_refused_clearly_and_writes_nothing(client: TestClient, store: OxigraphStore,
                                                         kwargs: dict[str, object], status: int, error: str,
                                                         says: str) -> None:
    client.post("/api/sources", params={"name": "kept.txt"}, content=SEED, headers=TEXT)
    before = snapshot(store)
    response = client.post("/api/sources", **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == error and says in body["detail"]
    assert snapshot(store) == before


def test_writes_need_the_update_token(store: OxigraphStore) -> None:
    closed = TestClient(create_app(Settings(store=":memory:"), store=store))
    response = closed.post("/api/sources", params={"name": "a.txt"}, content=TRA_VINH, headers=TEXT)
    assert response.status_code == 403
    assert "NQGRAPH_TOKEN" in response.json()["detail"] and "NQGRAPH_TOKEN_FILE" in response.json()["detail"]
    assert closed.delete("/api/sources/a-txt").status_code == 403
    assert closed.get("/api/sources").status_code == 200  # reading needs no token
    open_ = TestClient(create_app(Settings(store=":memory:", token=TOKEN), store=store))
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        response = open_.post("/api/sources", params={"name": "a.txt"}, content=TRA_VINH,
                              headers={**headers, "Content-Type": "text/plain"})
        assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert store.sources() == []


def test_the_token_file_enables_ingest(store: OxigraphStore, tmp_path: Path) -> None:
    (tmp_path / "token").write_text(TOKEN + "\n")
    client = TestClient(create_app(Settings(store=":memory:", token_file=tmp_path / "token"), store=store))
    assert client.post("/api/sources", params={"name": "a.txt"}, content=TRA_VINH, headers=TEXT).status_code == 201


def test_delete_removes_one_sources_graph_and_nothing_else(client: TestClient, store: OxigraphStore) -> None:
    for name, body in (("a.txt", TRA_VINH), ("b.txt", HA_TINH)):
        client.post("/api/sources", params={"name": name}, content=body, headers=TEXT)
    graphs = set(store.named_graphs())
    kept = {str(q) for q in store.quads() if q.graph_name.value != BASE + "source/a-txt"}
    assert client.delete("/api/sources/a-txt", headers=AUTH).status_code == 204
    assert set(store.named_graphs()) == graphs - {BASE + "source/a-txt"}
    assert snapshot(store) == kept
    assert BASE + "graph/ontology" in graphs and BASE + "graph/registry" in graphs
    missing = client.delete("/api/sources/a-txt", headers=AUTH)
    assert missing.status_code == 404 and missing.json()["error"] == "not found"
    assert client.delete("/api/sources/..%2Fgraph%2Fontology", headers=AUTH).status_code in (404, 422)
    assert BASE + "graph/ontology" in store.named_graphs()


def test_listing_is_paginated(client: TestClient) -> None:
    for i in range(5):
        client.post("/api/sources", params={"name": f"s{i}.txt"}, content=TRA_VINH + str(i).encode(), headers=TEXT)
    page = client.get("/api/sources", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 5 and (page["limit"], page["offset"]) == (2, 2)
    assert [i["name"] for i in page["items"]] == ["s2.txt", "s3.txt"]
    assert client.get("/api/sources", params={"offset": 9}).json()["items"] == []
    bad = client.get("/api/sources", params={"limit": 0})
    assert bad.status_code == 422 and bad.json()["error"] == "invalid request"


def test_the_limit_holds_while_streaming_a_multipart_body(client: TestClient, store: OxigraphStore) -> None:
    body = (b'--XX\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n'
            + b"y" * 70_000 + b"\r\n--XX--\r\n")
    chunks = (body[i:i + 4096] for i in range(0, len(body), 4096))  # no Content-Length: sent chunked
    response = client.post("/api/sources", content=chunks,
                           headers={**AUTH, "Content-Type": "multipart/form-data; boundary=XX"})
    assert response.status_code == 413 and store.sources() == []


def test_a_content_disposition_file_name_names_a_text_body(client: TestClient) -> None:
    headers = {**TEXT, "Content-Disposition": 'attachment; filename="report 5.txt"'}
    response = client.post("/api/sources", content=TRA_VINH, headers=headers)
    assert response.status_code == 201 and response.json()["sources"][0]["name"] == "report 5.txt"
    assert response.json()["sources"][0]["id"] == "report-5-txt"


def test_json_lines_bodies_and_json_in_another_charset(client: TestClient) -> None:
    lines = "".join(json.dumps({"text": TRA_VINH.decode() + str(i), "doc": f"l{i}"}) + "\n" for i in range(3))
    response = client.post("/api/sources", content=lines.encode(), params={"lang": "vi"},
                           headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert response.status_code == 201 and [s["lang"] for s in response.json()["sources"]] == ["vi"] * 3
    body = json.dumps({"text": HA_TINH.decode(), "doc": "u16"}, ensure_ascii=False).encode("utf-16")
    response = client.post("/api/sources", content=body,
                           headers={**AUTH, "Content-Type": "application/json; charset=utf-16"})
    assert response.status_code == 201 and response.json()["sources"][0]["name"] == "u16"
