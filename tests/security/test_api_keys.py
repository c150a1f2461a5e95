"""API keys: how a request is authenticated, and what a key may do."""

from __future__ import annotations

import hashlib
import logging

import pytest
from pydantic import ValidationError

from api.auth import ApiKeyVerifier
from api.settings import Settings
from storage.api_keys import create_api_key, find_active_key, list_api_keys, revoke_api_key
from tests.conftest import Clock, make_settings
from tests.security.conftest import ALPHA, BETA, SecureService, running_service, security_settings

CREATE_SEGMENT = """
mutation Create($name: String!) {
  createSegment(input: {name: $name, conditionGroups: [{conditions: [
    {field: "city", operator: IS, value: {text: "Hà Nội"}}]}]}) {
    segment { id name }
    userErrors { code message }
  }
}
"""
SEGMENT_NAMES = "{ segments(first: 100) { edges { node { id name } } } }"


def segment_names(caller_data: dict[str, object]) -> list[str]:
    edges = caller_data["segments"]["edges"]  # type: ignore[index]
    return [edge["node"]["name"] for edge in edges]


async def test_missing_key_gets_401_graphql_error(service: SecureService) -> None:
    response = await service.caller(None).post("{ segments { totalCount } }")

    body = response.json()
    assert response.status_code == 401
    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert "Authorization: Bearer KEY" in body["errors"][0]["message"]
    assert body["errors"][0]["extensions"]["requestId"] == response.headers["x-request-id"]
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header",
    [
        "Bearer sk_this-key-was-never-created-by-the-service",
        "Bearer not-a-key",
        "Basic dXNlcjpwYXNzd29yZA==",
        "Bearer",
        "sk_missing_the_scheme_word_entirely_0000",
    ],
)
async def test_wrong_key_gets_401(service: SecureService, header: str) -> None:
    response = await service.client.post(
        "/graphql", json={"query": "{ segments { totalCount } }"}, headers={"authorization": header}
    )

    body = response.json()
    assert response.status_code == 401
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert "data" not in body


async def test_key_selects_its_workspace(service: SecureService) -> None:
    created = await service.alpha_write.data(CREATE_SEGMENT, {"name": "Khách Hà Nội của alpha"})
    assert created["createSegment"]["userErrors"] == []

    alpha_names = segment_names(await service.alpha_read.data(SEGMENT_NAMES))
    beta_names = segment_names(await service.beta_read.data(SEGMENT_NAMES))

    assert "Khách Hà Nội của alpha" in alpha_names
    assert "Khách Hà Nội của alpha" not in beta_names
    stored = await service.database.collection("segments").find({"name": "Khách Hà Nội của alpha"})
    assert [d["workspaceId"] for d in stored] == [ALPHA]


async def test_read_key_mutation_is_forbidden(service: SecureService) -> None:
    await service.alpha_read.data(SEGMENT_NAMES)  # the first request creates the default segments
    before = await service.database.collection("segments").count({"workspaceId": ALPHA})

    response = await service.alpha_read.post(CREATE_SEGMENT, {"name": "Không được tạo"})

    body = response.json()
    assert response.status_code == 403
    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "read scope" in body["errors"][0]["message"]
    assert await service.database.collection("segments").count({"workspaceId": ALPHA}) == before


async def test_read_key_forbidden_message_in_vietnamese(service: SecureService) -> None:
    response = await service.alpha_read.post(
        CREATE_SEGMENT, {"name": "Không được tạo"}, **{"accept-language": "vi"}
    )

    assert response.status_code == 403
    assert "quyền đọc" in response.json()["errors"][0]["message"]


async def test_read_key_runs_queries(service: SecureService) -> None:
    data = await service.alpha_read.data("{ segments { totalCount } }")

    assert data["segments"]["totalCount"] == 6  # the default segments


async def test_revoked_key_gets_401(service: SecureService, clock: Clock) -> None:
    record, key = await create_api_key(service.database, ALPHA, "read", "to revoke", clock())
    caller = service.caller(key)
    assert (await caller.post("{ segments { totalCount } }")).status_code == 200

    await revoke_api_key(service.database, record.id, clock())

    assert (await caller.post("{ segments { totalCount } }")).status_code == 401


async def test_database_keeps_only_key_hash(service: SecureService, clock: Clock) -> None:
    record, key = await create_api_key(service.database, BETA, "write", "CRM sync", clock())

    stored = await service.database.collection("apiKeys").find_one(
        {"workspaceId": BETA, "name": "CRM sync"}
    )

    assert stored is not None
    assert key not in str(stored)
    assert stored["keyHash"] == hashlib.sha256(key.encode()).hexdigest()
    assert key.startswith(stored["prefix"])
    assert record.shown_prefix == stored["prefix"]


async def test_generated_key_has_prefix_and_entropy(service: SecureService, clock: Clock) -> None:
    keys = [
        (await create_api_key(service.database, ALPHA, "read", None, clock()))[1] for _ in range(20)
    ]

    assert all(key.startswith("sk_") for key in keys)
    # 32 random bytes in URL-safe base64 are 43 characters.
    assert all(len(key) == len("sk_") + 43 for key in keys)
    assert len(set(keys)) == len(keys)


async def test_list_keys_shows_revocation(service: SecureService, clock: Clock) -> None:
    record, _ = await create_api_key(service.database, BETA, "read", "listed", clock())
    await revoke_api_key(service.database, record.id, clock())

    listed = {r.id: r for r in await list_api_keys(service.database, BETA)}

    assert listed[record.id].revoked_at is not None
    assert listed[record.id].name == "listed"
    assert all(r.workspace_id == BETA for r in listed.values())


async def test_revoke_unknown_key_returns_none(service: SecureService, clock: Clock) -> None:
    assert await revoke_api_key(service.database, "0123456789abcdef01234567", clock()) is None
    assert await revoke_api_key(service.database, "not-an-id", clock()) is None


async def test_verifier_cache_delays_revocation(service: SecureService, clock: Clock) -> None:
    record, key = await create_api_key(service.database, ALPHA, "write", None, clock())
    ticks = [100.0]
    verifier = ApiKeyVerifier(service.database, ttl_seconds=30, monotonic=lambda: ticks[0])
    assert await verifier.verify(key) is not None

    await revoke_api_key(service.database, record.id, clock())
    ticks[0] += 29
    still_cached = await verifier.verify(key)
    ticks[0] += 2
    after_expiry = await verifier.verify(key)

    assert still_cached is not None
    assert still_cached.workspace_id == ALPHA
    assert after_expiry is None
    assert await find_active_key(service.database, key) is None


async def test_verifier_cache_avoids_lookups(service: SecureService, clock: Clock) -> None:
    _, key = await create_api_key(service.database, ALPHA, "read", None, clock())
    verifier = ApiKeyVerifier(service.database, ttl_seconds=30)
    service.database.counter.enabled = True
    service.database.counter.reset()

    for _ in range(5):
        assert await verifier.verify(key) is not None

    assert service.database.counter.calls == [("apiKeys", "find_one")]
    service.database.counter.enabled = False


async def test_embedded_demo_mode_serves_keyless_requests(clock: Clock) -> None:
    settings = make_settings()
    if not settings.embedded:
        pytest.skip("demo mode exists only without MONGODB_URI")

    async with running_service(settings, clock) as running:
        response = await running.caller(None).post("{ segments { totalCount } }")
        workspaces = await running.database.collection("workspaces").find({})

    assert response.status_code == 200
    assert settings.demo_workspace in {w["_id"] for w in workspaces}


async def test_demo_mode_is_logged_at_startup(
    clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings()
    if not settings.embedded:
        pytest.skip("demo mode exists only without MONGODB_URI")
    caplog.set_level(logging.INFO, logger="api.auth")

    async with running_service(settings, clock):
        pass

    assert "without an API key are served the demo workspace 'demo'" in caplog.text


async def test_required_keys_are_logged_at_startup(
    clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="api.auth")

    async with running_service(security_settings(), clock):
        pass

    assert "every request needs an API key" in caplog.text


def test_uri_setting_forbids_keyless_mode() -> None:
    with pytest.raises(
        ValidationError, match="REQUIRE_API_KEY=false is allowed only in embedded mode"
    ):
        Settings(_env_file=None, mongodb_uri="mongodb://127.0.0.1:27017", require_api_key=False)  # type: ignore[call-arg]


def test_uri_setting_requires_keys_by_default() -> None:
    settings = Settings(_env_file=None, mongodb_uri="mongodb://127.0.0.1:27017")  # type: ignore[call-arg]

    assert settings.api_key_required
    assert not make_settings(mongodb_uri=None).api_key_required


async def test_forbidden_mutation_logs_key_and_workspace(
    service: SecureService, caplog: pytest.LogCaptureFixture
) -> None:
    assert service.alpha_read.key is not None
    record = await find_active_key(service.database, service.alpha_read.key)
    assert record is not None
    caplog.set_level(logging.INFO, logger="api.graphql_view")

    response = await service.alpha_read.post(CREATE_SEGMENT, {"name": "Không được tạo"})

    line = next(r.getMessage() for r in caplog.records if "FORBIDDEN" in r.getMessage())
    assert response.headers["x-request-id"] in line
    assert f"read key {record.id} of workspace {ALPHA}" in line
    assert service.alpha_read.key not in caplog.text
