"""The service in this process, driven over ASGI without a network.

Measurements that are about database work (counting, storage calls) use
this, so HTTP and the load generator add nothing to them.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import httpx
import orjson

from api.app import create_app
from api.settings import Settings
from storage.database import Database


def bench_settings(**overrides: Any) -> Settings:
    """Return settings of the embedded store with no demo customers and no `.env` file."""
    values: dict[str, Any] = {"demo_customers": 0, "log_level": "WARNING"}
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


class GraphQLError(RuntimeError):
    """A benchmark request returned a non-200 status or GraphQL errors."""


class InProcessClient:
    """Sends GraphQL requests to an app in this process and returns their data."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def __call__(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = await self._client.post(
            "/graphql", json={"query": query, "variables": variables or {}}
        )
        body = orjson.loads(response.content)
        if response.status_code != 200 or body.get("errors"):
            raise GraphQLError(f"HTTP {response.status_code}: {body!r}"[:2000])
        data: dict[str, Any] = body["data"]
        return data


@contextlib.asynccontextmanager
async def running_app(settings: Settings, database: Database) -> AsyncIterator[InProcessClient]:
    """Start the app on `database` (which outlives it) and yield a client of it."""
    app = create_app(settings, database=database)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            yield InProcessClient(client)
