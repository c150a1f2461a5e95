"""Shared fixtures: the real ASGI app on the embedded engine, driven over HTTP.

When `MONGODB_URI` is set the same app runs against that server, in a
database of its own per test, and tests marked `mongodb` run too.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from api.app import create_app
from api.settings import Settings

# Thursday 3 December 2026, 10:00 in Hanoi.
PINNED_NOW = dt.datetime(2026, 12, 3, 3, 0, tzinfo=dt.UTC)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("MONGODB_URI"):
        return
    skip = pytest.mark.skip(reason="needs a MongoDB server: set MONGODB_URI")
    for item in items:
        if "mongodb" in item.keywords:
            item.add_marker(skip)


class Clock:
    """A clock that tests can move."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


class Api:
    """A GraphQL client of the app under test."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def post(
        self, query: str, variables: dict[str, Any] | None = None, **headers: str
    ) -> httpx.Response:
        return await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )

    async def __call__(
        self, query: str, variables: dict[str, Any] | None = None, **headers: str
    ) -> dict[str, Any]:
        """Run `query` and return its data; fail the test on any top-level error."""
        response = await self.post(query, variables, **headers)
        body = response.json()
        assert response.status_code == 200, body
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data


def make_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {"demo_customers": 0, "count_cache_seconds": 0.0}
    uri = os.environ.get("MONGODB_URI")
    if uri:
        values["mongodb_uri"] = uri
        values["database"] = f"segments_test_{uuid.uuid4().hex[:12]}"
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
def clock() -> Clock:
    return Clock(PINNED_NOW)


@pytest.fixture
def settings() -> Settings:
    return make_settings()


AppFactory = Callable[..., Any]


@pytest.fixture
async def api(settings: Settings, clock: Clock) -> AsyncIterator[Api]:
    app = create_app(settings, clock=clock)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield Api(client)
