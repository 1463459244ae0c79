"""The graph routes are on the OpenAPI page, with an example answer and their 404/422 errors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store.oxigraph import OxigraphStore

ROUTES = ["/api/documents", "/api/documents/{slug}", "/api/entities", "/api/entities/{id}", "/api/search",
          "/api/paths", "/api/rankings", "/api/communities", "/api/timeline", "/api/coverage"]


@pytest.fixture(scope="module")
def spec() -> dict:
    with TestClient(create_app(Settings(store=":memory:"), store=OxigraphStore(path=None))) as client:
        return client.get("/openapi.json").json()


def _schema(spec: dict, ref: str) -> dict:
    return spec["components"]["schemas"][ref.rsplit("/", 1)[-1]]


@pytest.mark.parametrize("path", ROUTES)
def test_documented_with_an_example_and_errors(spec: dict, path: str) -> None:
    operation = spec["paths"][path]["get"]
    assert operation["summary"] and operation["description"]
    assert {"404", "422"} <= set(operation["responses"])
    schema = _schema(spec, operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"])
    assert schema.get("examples"), f"{path} has no example answer"
    assert "total" in schema["properties"] or "id" in schema["properties"]


def test_paged_routes_take_limit_and_offset(spec: dict) -> None:
    for path in ROUTES:
        if "{" in path:
            continue
        names = {p["name"] for p in spec["paths"][path]["get"]["parameters"]}
        assert {"limit", "offset"} <= names, path

