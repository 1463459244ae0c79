"""The API tests' default client: the app over the hand-written analytics graph.

Most route tests ask questions of the same small graph (``tests/fixtures/network``),
so it is built once per module here; a module that tests another app (the SPARQL
protocol, ingest, health) defines its own ``client`` fixture, which takes precedence.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.fixtures.network.analytics import analytics_client


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with analytics_client() as c:
        yield c
