"""The fuzz run against the app served by uvicorn on 127.0.0.1.

The documents of `test_fuzz` also go through a real HTTP server here, so
the checks cover uvicorn's request handling and the middleware as
deployed. The server runs in keyless demo mode, which gives write access
to the demo workspace, seeded with sample customers.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, seed
from hypothesis import settings as hypothesis_settings
from hypothesis_graphql import from_schema
from hypothesis_graphql.strategies import Mode

from tests.live_server import LiveServer
from tests.security.test_fuzz import CUSTOM_SCALARS, FUZZ_SEED, SCHEMA, check_response

LIVE_EXAMPLES = int(os.environ.get("FUZZ_LIVE_EXAMPLES", "100"))


@pytest.fixture(scope="module")
def live_server() -> Iterator[LiveServer]:
    server = LiveServer(demo_customers=30)
    server.start()
    yield server
    server.stop()


@pytest.mark.parametrize("mode", [Mode.POSITIVE, Mode.NEGATIVE])
def test_live_fuzz_never_fails_server(live_server: LiveServer, mode: Mode) -> None:
    strategy = from_schema(SCHEMA, custom_scalars=CUSTOM_SCALARS, mode=mode)
    sent: list[int] = []

    with httpx.Client(base_url=live_server.url, timeout=30) as client:

        @seed(FUZZ_SEED)
        @hypothesis_settings(
            max_examples=LIVE_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(document=strategy)
        def send(document: str) -> None:
            response = client.post("/graphql", json={"query": document})
            sent.append(response.status_code)
            check_response(response)

        send()

    assert len(sent) >= min(LIVE_EXAMPLES, 10)
