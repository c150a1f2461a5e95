"""Segment counts: cached on the segment, shared by processes, refreshed on demand."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import httpx
import pytest

from api.app import create_app
from storage.database import Database, open_database
from tests.api.documents import CREATE_CUSTOMER, CREATE_SEGMENT, condition, group
from tests.conftest import Api, Clock, make_settings

COUNT = "query($id: ID!) { segment(id: $id) { customerCount countedAt } }"
REFRESH = "mutation($ids: [ID!]!) { refreshSegmentCounts(ids: $ids) { segments { customerCount countedAt } userErrors { code } } }"


@pytest.fixture
async def shared_database() -> AsyncIterator[Database]:
    database = open_database(None, "counts")
    yield database
    await database.close()


async def start(database: Database, clock: Clock) -> tuple[object, Api]:
    app = create_app(make_settings(count_cache_seconds=60), clock=clock, database=database)
    return app, Api(httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t"))


async def test_processes_share_cached_counts(shared_database: Database, clock: Clock) -> None:
    first_app, first = await start(shared_database, clock)
    second_app, second = await start(shared_database, clock)
    async with (
        first_app.router.lifespan_context(first_app),
        second_app.router.lifespan_context(second_app),
    ):  # type: ignore[attr-defined]
        await first(CREATE_CUSTOMER, {"input": {"fullName": "An", "tags": ["vip"]}})
        groups = [group(condition("tags", "HAS_ANY_OF", texts=["VIP"]))]
        segment = (await first(CREATE_SEGMENT, {"name": "VIP", "groups": groups}))["createSegment"][
            "segment"
        ]
        counted = (await first(COUNT, {"id": segment["id"]}))["segment"]

        clock.now += dt.timedelta(seconds=30)
        await second(CREATE_CUSTOMER, {"input": {"fullName": "Bình", "tags": ["VIP"]}})
        cached = (await second(COUNT, {"id": segment["id"]}))["segment"]
        assert cached == counted
        assert cached["customerCount"] == 1

        refreshed = (await second(REFRESH, {"ids": [segment["id"]]}))["refreshSegmentCounts"][
            "segments"
        ][0]
        assert refreshed["customerCount"] == 2
        assert refreshed["countedAt"] != counted["countedAt"]

        clock.now += dt.timedelta(seconds=61)
        await first(CREATE_CUSTOMER, {"input": {"fullName": "Chi", "tags": ["vip"]}})
        expired = (await first(COUNT, {"id": segment["id"]}))["segment"]
        assert expired["customerCount"] == 3


async def test_edit_invalidates_cached_count(shared_database: Database, clock: Clock) -> None:
    app, api = await start(shared_database, clock)
    async with app.router.lifespan_context(app):  # type: ignore[attr-defined]
        await api(CREATE_CUSTOMER, {"input": {"fullName": "An", "orderCount": 3}})
        groups = [group(condition("orderCount", "GREATER_THAN", number=5))]
        segment = (await api(CREATE_SEGMENT, {"name": "Buyers", "groups": groups}))[
            "createSegment"
        ]["segment"]
        assert segment["customerCount"] == 0
        update = """mutation($id: ID!, $groups: [ConditionGroupInput!]!) {
            updateSegment(id: $id, input: {conditionGroups: $groups}) { segment { customerCount } } }"""
        lower = [group(condition("orderCount", "GREATER_THAN", number=1))]
        data = await api(update, {"id": segment["id"], "groups": lower})
        assert data["updateSegment"]["segment"]["customerCount"] == 1


async def test_refresh_reports_unknown_ids(api: Api) -> None:
    data = await api(REFRESH, {"ids": ["5f0000000000000000000000"]})
    assert [e["code"] for e in data["refreshSegmentCounts"]["userErrors"]] == ["NOT_FOUND"]
