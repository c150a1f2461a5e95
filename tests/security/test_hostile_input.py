"""Hostile input: each case gets a clear error, and nothing is stored.

A case is one request. Its expected code must appear among the top-level
error codes or the `userErrors` codes of the response, its expected text
among the messages, and the workspace's stored documents must be the same
afterwards as before.
"""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from tests.conftest import Clock
from tests.security.conftest import (
    ALPHA,
    SecureService,
    running_service,
    security_settings,
    workspace_snapshot,
)

# Lower than the defaults so that the cases stay small and fast.
MAX_BODY_BYTES = 262_144
MAX_QUERY_DEPTH = 6

USER_ERRORS = "userErrors { code field message }"
CREATE_CUSTOMER = (
    "mutation($input: CustomerInput!) { createCustomer(input: $input) "
    f"{{ customer {{ id }} {USER_ERRORS} }} }}"
)
IMPORT_CUSTOMERS = (
    "mutation($rows: [CustomerInput!]!) { importCustomers(customers: $rows) "
    f"{{ createdCount {USER_ERRORS} }} }}"
)
CREATE_SEGMENT = (
    "mutation($input: CreateSegmentInput!) { createSegment(input: $input) "
    f"{{ segment {{ id }} {USER_ERRORS} }} }}"
)


@dataclass(frozen=True)
class Case:
    """One hostile request and the error it must get."""

    id: str
    code: str
    text: str
    status: int = 200
    json: Any = None
    content: bytes | None = None
    method: str = "POST"
    params: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


def customer(values: dict[str, Any], **expect: Any) -> dict[str, Any]:
    return {"json": {"query": CREATE_CUSTOMER, "variables": {"input": values}}, **expect}


def segment(groups: list[dict[str, Any]], name: str = "Hostile", **expect: Any) -> dict[str, Any]:
    variables = {"input": {"name": name, "conditionGroups": groups}}
    return {"json": {"query": CREATE_SEGMENT, "variables": variables}, **expect}


def condition(
    field_key: str, operator: str, value: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    return [{"conditions": [{"field": field_key, "operator": operator, "value": value}]}]


def raw(query: str, variables_json: str) -> bytes:
    """Return a body with `variables_json` spliced in as written, as `json.dumps` cannot."""
    escaped = query.replace('"', '\\"')
    return f'{{"query": "{escaped}", "variables": {variables_json}}}'.encode()


def forged_cursor(payload: Any) -> str:
    """Return a cursor in the service's encoding whose payload the client chose."""
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()


def batch_ids(mutation: str, selection: str) -> dict[str, Any]:
    query = f"mutation($ids: [ID!]!) {{ {mutation}(ids: $ids) {{ {selection} }} }}"
    return {"query": query, "variables": {"ids": ["0" * 24] * 101}}


NAME_VARIABLE = "mutation($n: String) { createCustomer(input: {fullName: $n}) { customer { id } } }"
SPENT_VARIABLE = (
    "mutation($v: Float) { createCustomer(input: {totalSpent: $v}) { customer { id } } }"
)
DEEP_QUERY = (
    "{ segments { edges { node { conditionGroups { conditions { value "
    "{ numberRange { min } } } } } } } }"
)


def cases() -> Iterator[Case]:
    # The JSON body and the HTTP request itself.
    yield Case(
        "nan_in_variables",
        "BAD_REQUEST",
        "not valid JSON",
        400,
        content=raw(SPENT_VARIABLE, '{"v": NaN}'),
    )
    yield Case(
        "infinity_in_variables",
        "BAD_REQUEST",
        "not valid JSON",
        400,
        content=raw(SPENT_VARIABLE, '{"v": Infinity}'),
    )
    yield Case(
        "minus_infinity_in_variables",
        "BAD_REQUEST",
        "not valid JSON",
        400,
        content=raw(SPENT_VARIABLE, '{"v": -Infinity}'),
    )
    yield Case(
        "number_beyond_double",
        "BAD_REQUEST",
        "not valid JSON",
        400,
        content=raw(SPENT_VARIABLE, '{"v": 1e400}'),
    )
    yield Case(
        "lone_high_surrogate_json",
        "BAD_REQUEST",
        "surrogate",
        400,
        content=raw(NAME_VARIABLE, '{"n": "Nguy\\ud800n"}'),
    )
    yield Case(
        "lone_low_surrogate_json",
        "BAD_REQUEST",
        "not valid JSON",
        400,
        content=raw(NAME_VARIABLE, '{"n": "\\udc00"}'),
    )
    yield Case(
        "lone_surrogate_graphql_literal",
        "GRAPHQL_PARSE_FAILED",
        "Invalid Unicode escape sequence",
        json={
            "query": 'mutation { createCustomer(input: {fullName: "\\ud800"}) { customer { id } } }'
        },
    )
    yield Case(
        "invalid_utf8_body",
        "BAD_REQUEST",
        "not valid JSON",
        400,
        content=b'{"query": "{ segments { totalCount } }\xff"}',
    )
    yield Case(
        "body_over_limit",
        "PAYLOAD_TOO_LARGE",
        "MAX_BODY_BYTES",
        413,
        json={"query": "{ __typename }", "pad": "x" * MAX_BODY_BYTES},
    )
    yield Case(
        "batch_of_operations",
        "BAD_REQUEST",
        "Batched requests are not supported",
        400,
        json=[{"query": "{ __typename }"}] * 2,
    )
    yield Case(
        "huge_batch_of_mutations",
        "BAD_REQUEST",
        "Batched requests are not supported",
        400,
        json=[
            {"query": CREATE_CUSTOMER, "variables": {"input": {"fullName": f"Khách {i}"}}}
            for i in range(500)
        ],
    )
    yield Case(
        "body_not_an_object",
        "BAD_REQUEST",
        "must be a JSON object",
        400,
        json="mutation { restoreDefaultSegments { restored { id } } }",
    )
    yield Case(
        "unsupported_content_type",
        "UNSUPPORTED_MEDIA_TYPE",
        "application/json",
        415,
        content=b"mutation { restoreDefaultSegments { restored { id } } }",
        headers={"content-type": "application/graphql"},
    )
    yield Case(
        "mutation_over_get",
        "METHOD_NOT_ALLOWED",
        "POST",
        405,
        method="GET",
        params={
            "query": 'mutation { createCustomer(input: {fullName: "GET"}) { customer { id } } }'
        },
    )

    # Oversized and deeply nested documents.
    yield Case(
        "deeply_nested_query", "LIMIT_EXCEEDED", "MAX_QUERY_DEPTH", json={"query": DEEP_QUERY}
    )
    yield Case(
        "alias_flooding",
        "LIMIT_EXCEEDED",
        "MAX_ALIASES",
        json={
            "query": "{ " + " ".join(f"a{i}: segments {{ totalCount }}" for i in range(200)) + " }"
        },
    )
    yield Case(
        "token_flooding",
        "LIMIT_EXCEEDED",
        "MAX_QUERY_TOKENS",
        json={"query": "{ " + "__typename " * 12_000 + "}"},
    )
    yield Case(
        "fragment_cycle",
        "GRAPHQL_VALIDATION_FAILED",
        "Cannot spread fragment",
        json={"query": "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }"},
    )
    yield Case(
        "directive_flooding",
        "GRAPHQL_VALIDATION_FAILED",
        "can only be used once",
        json={"query": "{ __typename " + "@skip(if: false) " * 500 + "}"},
    )

    # Customer data: keys MongoDB would read as operators or paths, sizes, types, dates.
    yield Case(
        "custom_key_with_dollar",
        "INVALID_VALUE",
        "may not start with '$'",
        **customer({"customFields": {"$where": "1"}}),
    )
    yield Case(
        "custom_key_with_dot",
        "INVALID_VALUE",
        "contain '.'",
        **customer({"customFields": {"tier.name": "x"}}),
    )
    yield Case(
        "custom_value_operator_object",
        "INVALID_VALUE",
        "custom field 'tier'",
        **customer({"customFields": {"tier": {"$gt": ""}}}),
    )
    yield Case(
        "custom_set_workspace",
        "INVALID_VALUE",
        "may not start with '$'",
        **customer({"customFields": {"$set": {"workspaceId": "beta"}}}),
    )
    yield Case(
        "custom_fields_not_object",
        "INVALID_VALUE",
        "customFields",
        **customer({"customFields": "tier=vip"}),
    )
    yield Case(
        "full_name_over_limit", "LIMIT_EXCEEDED", "1,000", **customer({"fullName": "N" * 1001})
    )
    yield Case(
        "custom_text_over_limit",
        "LIMIT_EXCEEDED",
        "1,000",
        **customer({"customFields": {"tier": "v" * 1001}}),
    )
    yield Case(
        "too_many_tags",
        "LIMIT_EXCEEDED",
        "at most 100",
        **customer({"tags": [f"tag{i}" for i in range(101)]}),
    )
    yield Case("tag_over_limit", "LIMIT_EXCEEDED", "at most 100", **customer({"tags": ["t" * 101]}))
    yield Case(
        "birthday_before_1900",
        "INVALID_VALUE",
        "1900 to 2200",
        **customer({"birthday": "0001-01-01"}),
    )
    yield Case(
        "created_at_after_2200",
        "INVALID_VALUE",
        "1900 to 2200",
        **customer({"createdAt": "9999-12-31T00:00:00"}),
    )
    yield Case(
        "custom_date_out_of_range",
        "INVALID_VALUE",
        "1900 to 2200",
        **customer({"customFields": {"joined": "0001-01-01"}}),
    )
    yield Case(
        "custom_number_as_text",
        "INVALID_VALUE",
        "never read as a number",
        **customer({"customFields": {"points": "12"}}),
    )
    yield Case(
        "custom_number_as_boolean",
        "INVALID_VALUE",
        "expected a number",
        **customer({"customFields": {"points": True}}),
    )
    yield Case(
        "order_count_over_int32", "BAD_USER_INPUT", "orderCount", **customer({"orderCount": 2**40})
    )
    yield Case(
        "total_spent_as_text", "BAD_USER_INPUT", "totalSpent", **customer({"totalSpent": "1e3"})
    )
    yield Case(
        "import_row_with_operator_key",
        "INVALID_VALUE",
        "may not start with '$'",
        json={
            "query": IMPORT_CUSTOMERS,
            "variables": {"rows": [{"fullName": "A", "customFields": {"$inc": {"points": 1}}}]},
        },
    )
    yield Case(
        "import_too_many_rows",
        "LIMIT_EXCEEDED",
        "MAX_IMPORT_ROWS",
        json={"query": IMPORT_CUSTOMERS, "variables": {"rows": [{"fullName": "A"}] * 1001}},
    )

    # Segment rules and list arguments.
    yield Case(
        "segment_name_over_limit",
        "LIMIT_EXCEEDED",
        "at most 100",
        **segment(condition("city", "IS", {"text": "Huế"}), name="S" * 101),
    )
    yield Case(
        "too_many_groups",
        "LIMIT_EXCEEDED",
        "MAX_GROUPS",
        **segment(condition("city", "IS", {"text": "Huế"}) * 21),
    )
    yield Case(
        "preview_too_many_groups",
        "LIMIT_EXCEEDED",
        "MAX_GROUPS",
        json={
            "query": "query($groups: [ConditionGroupInput!]!) { "
            f"previewSegment(conditionGroups: $groups) {{ totalCount {USER_ERRORS} }} }}",
            "variables": {"groups": condition("city", "IS", {"text": "Huế"}) * 21},
        },
    )
    yield Case(
        "too_many_conditions",
        "LIMIT_EXCEEDED",
        "MAX_CONDITIONS_PER_GROUP",
        **segment(
            [{"conditions": [{"field": "city", "operator": "IS", "value": {"text": "Huế"}}] * 21}]
        ),
    )
    yield Case(
        "too_many_texts",
        "LIMIT_EXCEEDED",
        "100",
        **segment(condition("city", "IS_ANY_OF", {"texts": [f"c{i}" for i in range(101)]})),
    )
    yield Case(
        "operator_as_field",
        "UNKNOWN_FIELD",
        "$where",
        **segment(condition("$where", "IS", {"text": "1"})),
    )
    yield Case(
        "dotted_custom_field",
        "UNKNOWN_FIELD",
        "custom.tier.$ne",
        **segment(condition("custom.tier.$ne", "IS", {"text": "1"})),
    )
    yield Case(
        "condition_date_out_of_range",
        "INVALID_VALUE",
        "1900 to 2200",
        **segment(condition("birthday", "ON", {"date": "0001-01-01"})),
    )
    yield Case(
        "condition_text_over_limit",
        "INVALID_VALUE",
        "maximum is 1000",
        **segment(condition("fullName", "CONTAINS", {"text": "x" * 1001})),
    )
    yield Case(
        "period_too_long",
        "INVALID_VALUE",
        "36525",
        **segment(condition("createdAt", "IN_LAST", {"period": {"amount": 10**6, "unit": "DAYS"}})),
    )
    yield Case(
        "delete_segments_too_many_ids",
        "LIMIT_EXCEEDED",
        "MAX_BATCH_IDS",
        json=batch_ids("deleteSegments", f"deletedIds {USER_ERRORS}"),
    )
    yield Case(
        "delete_customers_too_many_ids",
        "LIMIT_EXCEEDED",
        "MAX_BATCH_IDS",
        json=batch_ids("deleteCustomers", f"deletedIds {USER_ERRORS}"),
    )
    yield Case(
        "refresh_counts_too_many_ids",
        "LIMIT_EXCEEDED",
        "MAX_BATCH_IDS",
        json=batch_ids("refreshSegmentCounts", USER_ERRORS),
    )
    yield Case(
        "page_size_over_limit",
        "LIMIT_EXCEEDED",
        "MAX_PAGE_SIZE",
        json={"query": "{ customers(first: 101) { totalCount } }"},
    )
    yield Case(
        "negative_page_size",
        "INVALID_VALUE",
        "first must be 0 or more",
        json={"query": "{ customers(first: -1) { totalCount } }"},
    )
    yield Case(
        "customer_cursor_with_object",
        "INVALID_VALUE",
        "Invalid cursor",
        json={
            "query": "query($after: String) { customers(after: $after) { totalCount } }",
            "variables": {"after": forged_cursor({"$gt": 1})},
        },
    )
    yield Case(
        "segment_cursor_with_operator",
        "INVALID_VALUE",
        "Invalid cursor",
        json={
            "query": "query($after: String) { segments(after: $after) { totalCount } }",
            "variables": {"after": forged_cursor(["nameKey", {"$gt": ""}, "0" * 24])},
        },
    )
    yield Case(
        "segment_date_cursor_with_operator",
        "INVALID_VALUE",
        "Invalid cursor",
        json={
            "query": "query($after: String) { segments(after: $after, "
            "orderBy: {field: CREATED_AT}) { totalCount } }",
            "variables": {"after": forged_cursor(["createdAt", {"$gt": ""}, "0" * 24])},
        },
    )
    yield Case(
        "custom_field_key_operator",
        "INVALID_VALUE",
        "lower-case letter",
        json={
            "query": 'mutation { createCustomField(input: {key: "$where", label: "x", type: TEXT}) '
            f"{{ {USER_ERRORS} }} }}"
        },
    )


CASES = list(cases())


@pytest.fixture
async def hostile(clock: Clock) -> AsyncIterator[SecureService]:
    settings = security_settings(max_body_bytes=MAX_BODY_BYTES, max_query_depth=MAX_QUERY_DEPTH)
    async with running_service(settings, clock) as running:
        for key, field_type in (("tier", "TEXT"), ("points", "NUMBER"), ("joined", "DATE")):
            created = await running.alpha_write.data(
                "mutation($key: String!, $type: FieldType!) { createCustomField(input: "
                '{key: $key, label: "Field", type: $type}) { userErrors { code } } }',
                {"key": key, "type": field_type},
            )
            assert created["createCustomField"]["userErrors"] == []
        yield running


def collect_errors(body: Any) -> tuple[list[str], list[str]]:
    """Return the codes and messages of every top-level error and user error in `body`."""
    codes: list[str] = []
    messages: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for name, item in value.items():
                if name in ("errors", "userErrors") and isinstance(item, list):
                    for error in item:
                        codes.append(
                            error.get("code") or error.get("extensions", {}).get("code", "")
                        )
                        messages.append(error.get("message", ""))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(body)
    return codes, messages


async def send(service: SecureService, case: Case) -> httpx.Response:
    headers = service.alpha_write.headers(**case.headers)
    if case.method == "GET":
        return await service.client.get("/graphql", params=case.params, headers=headers)
    if case.content is not None:
        headers.setdefault("content-type", "application/json")
        return await service.client.post("/graphql", content=case.content, headers=headers)
    return await service.client.post("/graphql", json=case.json, headers=headers)


def test_suite_has_thirty_cases() -> None:
    assert len(CASES) >= 30
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_hostile_request_rejected_and_nothing_stored(
    hostile: SecureService, case: Case
) -> None:
    before = await workspace_snapshot(hostile.database, ALPHA)

    response = await send(hostile, case)

    body = response.json()
    codes, messages = collect_errors(body)
    assert response.status_code == case.status, body
    assert case.code in codes, body
    assert any(case.text in message for message in messages), messages
    assert await workspace_snapshot(hostile.database, ALPHA) == before


async def test_chunked_body_over_limit_gets_413(hostile: SecureService) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query": "{ __typename }", "pad": "'
        for _ in range(MAX_BODY_BYTES // 1024 + 1):
            yield b"x" * 1024
        yield b'"}'

    headers = hostile.alpha_write.headers(**{"content-type": "application/json"})
    response = await hostile.client.post("/graphql", content=chunks(), headers=headers)

    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["setting"] == "MAX_BODY_BYTES"
