"""Schemathesis against the app's own OpenAPI schema, in process (ASGI): no request gets a 500.

The app has an update token, and every generated request carries it, so the
write paths (ingest, delete, SPARQL Update) are exercised too, not only their
401s. Only the "not a server error" check runs: the point is that any input,
however odd, gets a clear 4xx rather than a crash. Examples per operation are
capped to keep the suite fast.

The schema is loaded when the module is collected (schemathesis parametrises
one test per operation), so the app is built then; the ``fresh_store`` fixture
hands it a new in-memory store for every operation.
(``schemathesis.pytest.from_fixture`` would build the app inside a fixture, but
4.32 reads a pytest node attribute that pytest 9 no longer has.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from api.app import create_app
from api.settings import Settings
from graph.store import open_store

TOKEN = "fuzz-token"
app = create_app(Settings(store=":memory:", token=TOKEN, upload_limit=64 * 1024, query_timeout=10),
                 store=open_store(":memory:"))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(autouse=True)
def fresh_store() -> Iterator[None]:
    previous, app.state.store = app.state.store, open_store(":memory:")
    yield
    app.state.store.close()
    app.state.store = previous


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_no_input_makes_the_server_fail(case: Any) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=[not_a_server_error])
