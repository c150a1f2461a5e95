"""Fixtures of the security suite: an app that requires API keys, two workspaces and their keys.

The app shares its database with the test, so a test can create keys with
`storage.api_keys` and read what was stored without going through the API.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from api.app import create_app
from api.settings import Settings
from storage.api_keys import create_api_key
from storage.database import Database, open_database
from tests.conftest import Clock, make_settings

ALPHA = "alpha"
BETA = "beta"
# Collections whose documents carry `workspaceId`; `workspaces` is keyed by `_id`.
SCOPED_COLLECTIONS = (
    "customers",
    "segments",
    "customFields",
    "campaigns",
    "campaignRecipients",
    "apiKeys",
)


@dataclass
class Caller:
    """An HTTP client of the app that sends one API key."""

    client: httpx.AsyncClient
    key: str | None

    def headers(self, **extra: str) -> dict[str, str]:
        headers = {"authorization": f"Bearer {self.key}"} if self.key else {}
        return {**headers, **extra}

    async def post(
        self, query: str, variables: dict[str, Any] | None = None, **headers: str
    ) -> httpx.Response:
        body = {"query": query, "variables": variables or {}}
        return await self.client.post("/graphql", json=body, headers=self.headers(**headers))

    async def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """Run `query` and return its data; fail the test on any top-level error."""
        response = await self.post(query, variables)
        body = response.json()
        assert response.status_code == 200, body
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data


@dataclass
class SecureService:
    """The app under test, its database and one caller per workspace and scope."""

    database: Database
    client: httpx.AsyncClient
    settings: Settings
    alpha_read: Caller
    alpha_write: Caller
    beta_read: Caller
    beta_write: Caller

    def caller(self, key: str | None) -> Caller:
        return Caller(self.client, key)


async def workspace_snapshot(
    database: Database, workspace_id: str
) -> dict[str, list[dict[str, Any]]]:
    """Return every stored document of `workspace_id`, by collection, in a stable order."""
    snapshot: dict[str, list[dict[str, Any]]] = {}
    for name in SCOPED_COLLECTIONS:
        snapshot[name] = await database.collection(name).find(
            {"workspaceId": workspace_id}, sort=[("_id", 1)]
        )
    snapshot["workspaces"] = await database.collection("workspaces").find({"_id": workspace_id})
    return snapshot


def security_settings(**overrides: Any) -> Settings:
    return make_settings(require_api_key=True, api_key_cache_seconds=0.0, **overrides)


async def open_test_database(settings: Settings) -> Database:
    uri = settings.mongodb_uri.get_secret_value() if settings.mongodb_uri else None
    return open_database(uri, settings.database)


@contextlib.asynccontextmanager
async def running_service(settings: Settings, clock: Clock) -> AsyncIterator[SecureService]:
    """Run the app with `settings`, with a read and a write key for each workspace."""
    database = await open_test_database(settings)
    app = create_app(settings, clock=clock, database=database)
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://testserver"
            ) as client:
                keys = {}
                for workspace in (ALPHA, BETA):
                    for scope in ("read", "write"):
                        _, keys[workspace, scope] = await create_api_key(
                            database, workspace, scope, None, clock()
                        )
                yield SecureService(
                    database=database,
                    client=client,
                    settings=settings,
                    alpha_read=Caller(client, keys[ALPHA, "read"]),
                    alpha_write=Caller(client, keys[ALPHA, "write"]),
                    beta_read=Caller(client, keys[BETA, "read"]),
                    beta_write=Caller(client, keys[BETA, "write"]),
                )
    finally:
        await database.close()


@pytest.fixture
async def service(clock: Clock) -> AsyncIterator[SecureService]:
    async with running_service(security_settings(), clock) as running:
        yield running
