"""Error masking: unexpected errors are hidden and logged once; client errors pass through."""

from __future__ import annotations

import logging

import pytest
from bson import ObjectId

from storage.api_keys import hash_key
from tests.conftest import Clock
from tests.security.conftest import ALPHA, SecureService

SEGMENT_RULE = (
    "query($id: ID!) { segment(id: $id) { name conditionGroups { conditions { field } } } }"
)


async def insert_corrupt_segment(service: SecureService, clock: Clock) -> str:
    """Store a segment whose rule names an operator the service does not know.

    Another tool writing to the database could leave such a document; reading
    it fails inside a resolver, which is the path an unexpected error takes.
    """
    await service.alpha_write.data("{ segments { totalCount } }")
    segment_id = ObjectId()
    await service.database.collection("segments").insert_one(
        {
            "_id": segment_id,
            "workspaceId": ALPHA,
            "name": "Corrupt",
            "nameKey": "corrupt",
            "nameSearch": "corrupt",
            "version": 1,
            "conditionGroups": [
                {"conditions": [{"field": "city", "operator": "BOGUS_OPERATOR", "value": {}}]}
            ],
            "references": [],
            "customFieldKeys": [],
            "createdAt": clock(),
            "updatedAt": clock(),
        }
    )
    return str(segment_id)


async def test_unexpected_error_is_masked(service: SecureService, clock: Clock) -> None:
    segment_id = await insert_corrupt_segment(service, clock)

    response = await service.alpha_read.post(SEGMENT_RULE, {"id": segment_id})

    body = response.json()
    error = body["errors"][0]
    assert response.status_code == 200
    assert error["message"].startswith("Unexpected error")
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    assert error["path"][0] == "segment"
    assert "BOGUS_OPERATOR" not in response.text
    assert "ValueError" not in response.text
    assert "Traceback" not in response.text


async def test_unexpected_error_masked_in_vietnamese(service: SecureService, clock: Clock) -> None:
    segment_id = await insert_corrupt_segment(service, clock)

    response = await service.alpha_read.post(
        SEGMENT_RULE, {"id": segment_id}, **{"accept-language": "vi"}
    )

    assert response.json()["errors"][0]["message"].startswith("Lỗi không mong đợi")


async def test_unexpected_error_logged_once(
    service: SecureService, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    segment_id = await insert_corrupt_segment(service, clock)
    caplog.set_level(logging.INFO)

    response = await service.alpha_read.post(SEGMENT_RULE, {"id": segment_id})

    request_id = response.headers["x-request-id"]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert request_id in errors[0].getMessage()
    assert ALPHA in errors[0].getMessage()
    assert errors[0].exc_info is not None
    assert "BOGUS_OPERATOR" in caplog.text  # the traceback is in the log, not the response


async def test_client_error_passes_unmasked(service: SecureService) -> None:
    response = await service.alpha_read.post("{ customers(first: 5000) { totalCount } }")

    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert "MAX_PAGE_SIZE" in error["message"]
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]


async def test_syntax_error_passes_unmasked(service: SecureService) -> None:
    response = await service.alpha_read.post("{ segments { totalCount ")

    body = response.json()
    assert response.status_code == 200
    assert "data" not in body
    assert body["errors"][0]["message"].startswith("Syntax Error")
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"
    assert body["errors"][0]["extensions"]["requestId"] == response.headers["x-request-id"]


async def test_validation_error_passes_unmasked(service: SecureService) -> None:
    response = await service.alpha_read.post("{ segments { notAField } }")

    error = response.json()["errors"][0]
    assert "Cannot query field 'notAField'" in error["message"]
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_null_variable_passes_unmasked(service: SecureService) -> None:
    response = await service.alpha_read.post(
        "query($id: ID!) { segment(id: $id) { id } }", {"id": None}
    )

    error = response.json()["errors"][0]
    assert "$id" in error["message"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


async def test_unparsable_variable_passes_unmasked(service: SecureService) -> None:
    response = await service.alpha_write.post(
        "mutation($d: Date) { createCustomer(input: {birthday: $d}) { customer { id } } }",
        {"d": "31/12/1990"},
    )

    error = response.json()["errors"][0]
    assert "31/12/1990" in error["message"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


async def test_client_request_id_is_kept(service: SecureService) -> None:
    response = await service.alpha_read.post("{ nope }", **{"x-request-id": "partner-trace-0001"})

    assert response.headers["x-request-id"] == "partner-trace-0001"
    assert response.json()["errors"][0]["extensions"]["requestId"] == "partner-trace-0001"


async def test_unsafe_request_id_is_replaced(service: SecureService) -> None:
    response = await service.alpha_read.post("{ nope }", **{"x-request-id": "<script>"})

    assert response.headers["x-request-id"] != "<script>"
    assert len(response.headers["x-request-id"]) == 32


async def test_logs_contain_no_key_or_customer_data(
    service: SecureService, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    email = "bi.mat@khach.example"

    await service.alpha_write.post(
        'mutation($e: String!) { createCustomer(input: {email: $e, orderCount: "x"}) '
        "{ customer { id } } }",
        {"e": email},
    )
    await service.alpha_write.post(
        "mutation($e: String!) { importCustomers(customers: [{email: $e}]) { createdCount } }",
        {"e": email},
    )
    await service.caller("sk_wrong_key_that_should_never_be_logged_000000").post("{ __typename }")

    assert service.alpha_write.key is not None
    assert service.alpha_write.key not in caplog.text
    assert "sk_wrong_key" not in caplog.text
    assert email not in caplog.text


async def test_failure_outside_execution_is_masked(
    service: SecureService, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    # A key document without its scope, as a hand edit of the database could leave it.
    key = "sk_" + "k" * 43
    await service.database.collection("apiKeys").insert_one(
        {"workspaceId": ALPHA, "keyHash": hash_key(key), "prefix": key[:9], "createdAt": clock()}
    )
    caplog.set_level(logging.INFO)

    response = await service.caller(key).post("{ segments { totalCount } }")

    error = response.json()["errors"][0]
    assert response.status_code == 500
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    assert "scope" not in error["message"]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert response.headers["x-request-id"] in errors[0].getMessage()
