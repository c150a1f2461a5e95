"""A bounded fuzz run: generated queries and mutations must never fail the server.

hypothesis-graphql builds documents from the schema: valid ones, and ones
with a single schema violation. Each is sent with a write key of a
workspace that contains customers, segments and custom fields, over
`httpx.ASGITransport`. A response must not be HTTP 5xx, and every error in
it must have passed the error policy (a code and the request id) without
Python internals in its message. `FUZZ_EXAMPLES` sets the number of
documents per test: 100 by default, so `make test` sends 200, and 2500 in
`make fuzz-long`. The seed is fixed, so a failure replays the same way.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from typing import Any

import graphql
import httpx
from hypothesis import HealthCheck, given, seed
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis_graphql import from_schema, nodes
from hypothesis_graphql.strategies import Mode

from api.errors import MASKED_MESSAGE
from api.schema import build_schema
from tests.conftest import Clock
from tests.security.conftest import SecureService, running_service, security_settings

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
FUZZ_SEED = 20261204
SCHEMA = build_schema()._schema
# Text of Python tracebacks and exception reprs, which no message of the service contains.
INTERNAL_MARKERS = ("Traceback", 'File "', "KeyError", "AttributeError", "TypeError:", "NoneType")

_NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
_JSON_LEAF = st.one_of(
    st.text(max_size=20).map(nodes.String),
    st.integers(min_value=-(2**31), max_value=2**31 - 1).map(nodes.Int),
    st.booleans().map(lambda value: graphql.BooleanValueNode(value=value)),
    st.just(graphql.NullValueNode()),
)
CUSTOM_SCALARS = {
    "Date": st.dates().map(lambda day: nodes.String(day.isoformat())),
    "DateTime": st.datetimes(timezones=st.sampled_from([None, dt.UTC])).map(
        lambda moment: nodes.String(moment.isoformat())
    ),
    "JSON": st.dictionaries(_NAMES, _JSON_LEAF, max_size=4).map(
        lambda fields: nodes.Object(
            [
                graphql.ObjectFieldNode(name=graphql.NameNode(value=key), value=value)
                for key, value in fields.items()
            ]
        )
    ),
}


async def seed_workspace(service: SecureService) -> None:
    """Give the fuzzed workspace documents for the generated operations to find."""
    writer = service.alpha_write
    await writer.data(
        'mutation { createCustomField(input: {key: "tier", label: "Tier", type: SELECT, '
        'options: ["vip", "regular"]}) { userErrors { code } } }'
    )
    await writer.data(
        "mutation { importCustomers(customers: ["
        '{fullName: "Nguyễn Thị Đào", email: "dao@example.com", phone: "0912345678", '
        'tags: ["vip"], customFields: {tier: "vip"}}, '
        '{fullName: "Trần Văn An", city: "Hà Nội", orderCount: 3, totalSpent: 1500000}'
        "]) { createdCount } }"
    )


def check_response(response: httpx.Response) -> None:
    assert response.status_code < 500, response.text
    if response.headers.get("content-type", "").startswith("text/html"):
        return
    body: dict[str, Any] = response.json()
    for error in body.get("errors", []):
        extensions = error.get("extensions", {})
        assert extensions.get("requestId") == response.headers["x-request-id"], error
        assert extensions.get("code"), error
        if extensions["code"] == "INTERNAL_SERVER_ERROR":
            assert error["message"] in MASKED_MESSAGE.values(), error
        for marker in INTERNAL_MARKERS:
            assert marker not in error["message"], error


def fuzz(clock: Clock, mode: Mode) -> None:
    """Send FUZZ_EXAMPLES generated documents of `mode` to one running app."""
    loop = asyncio.new_event_loop()
    service_context = running_service(security_settings(), clock)
    try:
        service = loop.run_until_complete(service_context.__aenter__())
        loop.run_until_complete(seed_workspace(service))
        strategy = from_schema(SCHEMA, custom_scalars=CUSTOM_SCALARS, mode=mode)

        @seed(FUZZ_SEED)
        @hypothesis_settings(
            max_examples=FUZZ_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(document=strategy)
        def send(document: str) -> None:
            response = loop.run_until_complete(service.alpha_write.post(document))
            check_response(response)

        send()
    finally:
        loop.run_until_complete(service_context.__aexit__(None, None, None))
        loop.close()


def test_fuzz_valid_documents(clock: Clock) -> None:
    fuzz(clock, Mode.POSITIVE)


def test_fuzz_invalid_documents(clock: Clock) -> None:
    fuzz(clock, Mode.NEGATIVE)
