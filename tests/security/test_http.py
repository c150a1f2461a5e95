"""GraphQL over HTTP: media types, methods, CORS, GraphiQL, introspection and document limits."""

from __future__ import annotations

import pytest

from tests.conftest import Clock
from tests.security.conftest import SecureService, running_service, security_settings

GRAPHQL_RESPONSE = "application/graphql-response+json"


async def test_graphql_response_parse_error_is_400_without_data(service: SecureService) -> None:
    response = await service.alpha_read.post("{", accept=GRAPHQL_RESPONSE)

    assert response.status_code == 400
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert "data" not in response.json()


async def test_graphql_response_validation_error_is_400(service: SecureService) -> None:
    response = await service.alpha_read.post("{ notAField }", accept=GRAPHQL_RESPONSE)

    assert response.status_code == 400
    assert "data" not in response.json()


async def test_json_parse_error_is_200_without_data(service: SecureService) -> None:
    response = await service.alpha_read.post("{", accept="application/json")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert "data" not in response.json()


async def test_graphql_response_success_keeps_media_type(service: SecureService) -> None:
    response = await service.alpha_read.post("{ segments { totalCount } }", accept=GRAPHQL_RESPONSE)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert response.json()["data"]["segments"]["totalCount"] == 6


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("*/*", "application/json"),
        ("application/*", "application/json"),
        (f"application/json;q=0.5, {GRAPHQL_RESPONSE}", GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE};q=0.2, application/json", "application/json"),
        ("text/html, application/json;q=0.9", "application/json"),
    ],
)
async def test_accept_header_picks_media_type(
    service: SecureService, accept: str, media_type: str
) -> None:
    response = await service.alpha_read.post("{ __typename }", accept=accept)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)


async def test_unacceptable_media_type_gets_406(service: SecureService) -> None:
    response = await service.alpha_read.post("{ __typename }", accept="text/plain")

    assert response.status_code == 406
    assert response.json()["errors"][0]["extensions"]["code"] == "NOT_ACCEPTABLE"


async def test_get_runs_query(service: SecureService) -> None:
    response = await service.client.get(
        "/graphql",
        params={"query": "{ segments { totalCount } }"},
        headers=service.alpha_read.headers(),
    )

    assert response.status_code == 200
    assert response.json()["data"]["segments"]["totalCount"] == 6


async def test_get_mutation_gets_405(service: SecureService) -> None:
    await service.alpha_write.data("{ segments { totalCount } }")  # creates the default segments
    before = await service.database.collection("segments").count({})

    response = await service.client.get(
        "/graphql",
        params={"query": "mutation { restoreDefaultSegments { restored { id } } }"},
        headers=service.alpha_write.headers(),
    )

    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"
    assert await service.database.collection("segments").count({}) == before


async def test_other_methods_get_405(service: SecureService) -> None:
    response = await service.client.put("/graphql", json={"query": "{ __typename }"})

    assert response.status_code == 405


async def test_graphiql_served_to_browsers(service: SecureService) -> None:
    response = await service.client.get(
        "/graphql", headers={"accept": "text/html,application/xhtml+xml"}
    )

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "graphiql" in response.text.lower()


async def test_graphiql_can_be_switched_off(clock: Clock) -> None:
    async with running_service(security_settings(graphiql=False), clock) as running:
        response = await running.client.get("/graphql", headers={"accept": "text/html"})

    assert response.status_code == 406
    assert "text/html" not in response.headers["content-type"]


async def test_introspection_can_be_switched_off(clock: Clock) -> None:
    async with running_service(security_settings(graphql_introspection=False), clock) as running:
        response = await running.alpha_read.post("{ __schema { queryType { name } } }")
        typename = await running.alpha_read.data("{ __typename }")

    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "INTROSPECTION_DISABLED"
    assert error["extensions"]["setting"] == "GRAPHQL_INTROSPECTION"
    assert "GRAPHQL_INTROSPECTION" in error["message"]
    assert typename == {"__typename": "Query"}


async def test_introspection_on_by_default(service: SecureService) -> None:
    data = await service.alpha_read.data("{ __schema { queryType { name } } }")

    assert data["__schema"]["queryType"]["name"] == "Query"


async def test_cors_allows_configured_origin(clock: Clock) -> None:
    settings = security_settings(cors_origins=["https://app.example.com"])
    async with running_service(settings, clock) as running:
        preflight = await running.client.options(
            "/graphql",
            headers={
                "origin": "https://app.example.com",
                "access-control-request-method": "POST",
                "access-control-request-headers": "authorization, content-type",
            },
        )
        allowed = await running.alpha_read.post("{ __typename }", origin="https://app.example.com")
        other = await running.alpha_read.post("{ __typename }", origin="https://evil.example")

    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://app.example.com"
    assert allowed.headers["access-control-allow-origin"] == "https://app.example.com"
    assert "access-control-allow-origin" not in other.headers


async def test_cors_allows_no_origin_by_default(service: SecureService) -> None:
    response = await service.alpha_read.post("{ __typename }", origin="https://app.example.com")

    assert "access-control-allow-origin" not in response.headers


@pytest.mark.parametrize(
    ("setting", "value", "query", "named"),
    [
        ("max_query_depth", 2, "{ segments { edges { node { id } } } }", "MAX_QUERY_DEPTH"),
        ("max_aliases", 2, "{ a: __typename b: __typename c: __typename }", "MAX_ALIASES"),
        ("max_query_tokens", 100, "{ " + "__typename " * 120 + "}", "MAX_QUERY_TOKENS"),
    ],
)
async def test_document_limit_names_its_setting(
    clock: Clock, setting: str, value: int, query: str, named: str
) -> None:
    async with running_service(security_settings(**{setting: value}), clock) as running:
        response = await running.alpha_read.post(query, accept=GRAPHQL_RESPONSE)
        vietnamese = await running.alpha_read.post(query, **{"accept-language": "vi"})

    error = response.json()["errors"][0]
    assert response.status_code == 400
    assert error["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert error["extensions"]["setting"] == named
    assert error["extensions"]["limit"] == value
    assert named in error["message"]
    assert str(value) in error["message"]
    assert "thiết lập" in vietnamese.json()["errors"][0]["message"]


async def test_document_within_limits_runs(clock: Clock) -> None:
    settings = security_settings(max_query_depth=2, max_aliases=2, max_query_tokens=100)
    async with running_service(settings, clock) as running:
        data = await running.alpha_read.data(
            "{ a: segments { totalCount } b: segments { totalCount } }"
        )

    assert data["a"] == data["b"]


async def test_body_limit_names_its_setting(clock: Clock) -> None:
    async with running_service(security_settings(max_body_bytes=2048), clock) as running:
        response = await running.alpha_read.post("{ __typename }", {"pad": "x" * 4096})
        accepted = await running.alpha_read.post("{ __typename }", {"pad": "x" * 1024})

    error = response.json()["errors"][0]
    assert response.status_code == 413
    assert error["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert error["extensions"]["limit"] == 2048
    assert "MAX_BODY_BYTES" in error["message"]
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    assert accepted.status_code == 200
