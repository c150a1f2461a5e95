"""Campaign runs under load and failure: large audiences, concurrent runs, a failure midway.

These tests build the app on a database they can reach and alter, always
the embedded engine (also when MONGODB_URI is set). Its wrapper can make
each storage call yield to the event loop first, as a networked driver
does, so that two requests interleave. It can also make the Nth recipient
insert fail.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
from collections.abc import AsyncIterator, Callable
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from bson import ObjectId
from mongomock_motor import AsyncMongoMockClient

from api.app import create_app
from models.customer_document import build_customer_document
from resolvers.campaigns.running import BATCH_SIZE
from storage.database import Collection, Database
from storage.errors import StorageError
from storage.scoped import ScopedCollection
from tests.api.test_campaigns import (
    all_recipients,
    create_campaign,
    create_segment,
    get_campaign,
    import_customers,
    run_campaign,
    tags_rule,
)
from tests.conftest import Api, Clock, make_settings

WORKSPACE = "demo"
COMPLAINED_AT = dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC)
RECIPIENTS = "campaignRecipients"


class _WrappedCollection:
    """A collection that may yield before each call and may fail one chosen call."""

    def __init__(self, inner: Collection, database: FaultyDatabase) -> None:
        self._inner = inner
        self._database = database
        self.name = inner.name

    def __getattr__(self, attribute: str) -> Any:
        method = getattr(self._inner, attribute)
        if not inspect.iscoroutinefunction(method):
            return method

        async def call(*args: Any, **kwargs: Any) -> Any:
            if self._database.yielding:
                await asyncio.sleep(0)
            self._database.check_failure(self.name, attribute)
            return await method(*args, **kwargs)

        return call


class FaultyDatabase(Database):
    """The embedded engine, with calls that can be made to yield or fail."""

    def __init__(self) -> None:
        super().__init__(AsyncMongoMockClient(), "segments_campaign_runs", embedded=True)
        self.yielding = False
        self.failure: tuple[str, str, int] | None = None
        self.calls_seen: dict[tuple[str, str], int] = {}

    def fail_on(self, collection: str, operation: str, nth: int) -> None:
        """Make the `nth` call of `operation` on `collection` from now on raise StorageError."""
        self.failure = (collection, operation, nth)
        self.calls_seen = {}

    def check_failure(self, collection: str, operation: str) -> None:
        key = (collection, operation)
        self.calls_seen[key] = self.calls_seen.get(key, 0) + 1
        if self.failure == (collection, operation, self.calls_seen[key]):
            raise StorageError(
                f"injected failure of {operation} call {self.calls_seen[key]} on {collection}"
            )

    def collection(self, name: str) -> Collection:
        return _WrappedCollection(super().collection(name), self)  # type: ignore[return-value]

    async def count_recipients(self) -> int:
        return await super().collection(RECIPIENTS).count({})


@pytest.fixture
def database() -> FaultyDatabase:
    return FaultyDatabase()


@pytest.fixture
async def runs_api(database: FaultyDatabase, clock: Clock) -> AsyncIterator[Api]:
    settings = make_settings(mongodb_uri=None, max_page_size=1000)
    app = create_app(settings, clock=clock, database=database)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://testserver", timeout=600
        ) as client:
            yield Api(client)


async def insert_customers(
    database: Database, count: int, make: Callable[[int], dict[str, Any]], clock: Clock
) -> None:
    """Insert customers through the storage layer, built as the API builds them.

    Importing 20,000 customers through `importCustomers` in batches of
    1,000 took 47 to 69 s on the embedded engine (2-core VM), because each
    batch looks up every existing customer by email; this takes about 1 s.
    """
    customers = ScopedCollection(database.collection("customers"), WORKSPACE)
    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    for start in range(0, count, BATCH_SIZE):
        batch = []
        for index in range(start, min(start + BATCH_SIZE, count)):
            document, problems = build_customer_document(make(index), custom_fields={}, zone=zone)
            assert problems == []
            batch.append(
                {**document, "_id": ObjectId(), "createdAt": clock.now, "updatedAt": clock.now}
            )
        await customers.insert_many(batch)


def vip_with_email(index: int) -> dict[str, Any]:
    return {"email": f"khach{index}@example.com", "tags": ["vip"]}


def vip_sometimes_unreachable(index: int) -> dict[str, Any]:
    """Return a VIP customer; every 41st has no email or has complained, so EMAIL skips it."""
    if index % 41 == 40:
        if index % 2:
            return {"phone": f"09123{index:05d}", "tags": ["vip"]}
        return {
            "email": f"khieu.nai{index}@example.com",
            "emailComplainedAt": COMPLAINED_AT,
            "tags": ["vip"],
        }
    return vip_with_email(index)


async def test_audience_of_20000_paged_completely(
    runs_api: Api, database: FaultyDatabase, clock: Clock
) -> None:
    await runs_api("{ segments(first: 1) { totalCount } }")  # creates the workspace first
    await insert_customers(database, 20_500, vip_sometimes_unreachable, clock)
    reachable = {f"khach{i}@example.com" for i in range(20_500) if i % 41 != 40}
    assert len(reachable) == 20_000
    campaign_id = await create_campaign(
        runs_api, await create_segment(runs_api, "VIP", tags_rule("vip"))
    )

    payload = await run_campaign(runs_api, campaign_id)
    assert payload["userErrors"] == []
    assert payload["campaign"]["status"] == "COMPLETED"
    assert payload["campaign"]["recipientCount"] == 20_000

    recipients = await all_recipients(runs_api, campaign_id, page=1000)
    assert len(recipients) == 20_000
    assert [r["seq"] for r in recipients] == list(range(1, 20_001))
    assert len({r["customerId"] for r in recipients}) == 20_000
    assert {r["contact"] for r in recipients} == reachable
    assert await database.count_recipients() == 20_000


async def test_concurrent_runs_give_one_audience(runs_api: Api, database: FaultyDatabase) -> None:
    await import_customers(runs_api, [vip_with_email(i) for i in range(30)])
    campaign_id = await create_campaign(
        runs_api, await create_segment(runs_api, "VIP", tags_rule("vip"))
    )
    database.yielding = True
    database.counter.enabled = True

    first, second = await asyncio.gather(
        run_campaign(runs_api, campaign_id), run_campaign(runs_api, campaign_id)
    )

    # Both calls reached the conditional claim: two claims and one finish.
    claims = [c for c in database.counter.calls if c == ("campaigns", "find_one_and_update")]
    assert len(claims) == 3
    codes = sorted(e["code"] for payload in (first, second) for e in payload["userErrors"])
    assert codes == ["ALREADY_RUN"]
    recipients = await all_recipients(runs_api, campaign_id, page=100)
    assert len(recipients) == 30
    assert len({r["customerId"] for r in recipients}) == 30
    assert await database.count_recipients() == 30


async def test_failure_midway_leaves_failed_without_recipients(
    runs_api: Api, database: FaultyDatabase, clock: Clock
) -> None:
    await runs_api("{ segments(first: 1) { totalCount } }")
    await insert_customers(database, 3500, vip_with_email, clock)
    campaign_id = await create_campaign(
        runs_api, await create_segment(runs_api, "VIP", tags_rule("vip"))
    )
    database.fail_on(RECIPIENTS, "insert_many", 3)

    payload = await run_campaign(runs_api, campaign_id)

    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [("id", "RUN_FAILED")]
    assert "after writing 2000 recipients" in payload["userErrors"][0]["message"]
    campaign = await get_campaign(runs_api, campaign_id)
    assert campaign["status"] == "FAILED"
    assert campaign["recipientCount"] == 0
    assert campaign["error"]["code"] == "RUN_FAILED"
    assert campaign["error"]["requestId"]
    assert campaign["finishedAt"] is not None
    assert (
        await runs_api(
            "query($id: ID!) { campaign(id: $id) { recipients { totalCount } } }",
            {"id": campaign_id},
        )
    )["campaign"]["recipients"] is None
    assert await database.count_recipients() == 0


async def test_failed_campaign_runs_again(runs_api: Api, database: FaultyDatabase) -> None:
    await import_customers(runs_api, [vip_with_email(i) for i in range(30)])
    campaign_id = await create_campaign(
        runs_api, await create_segment(runs_api, "VIP", tags_rule("vip"))
    )
    database.fail_on(RECIPIENTS, "insert_many", 1)
    failed = await run_campaign(runs_api, campaign_id)
    assert failed["campaign"]["status"] == "FAILED"

    database.failure = None
    again = await run_campaign(runs_api, campaign_id)
    assert again["userErrors"] == []
    assert again["campaign"]["status"] == "COMPLETED"
    assert again["campaign"]["error"] is None
    assert again["campaign"]["recipientCount"] == 30
    assert len(await all_recipients(runs_api, campaign_id, page=100)) == 30


async def test_campaign_list_loads_segments_once(runs_api: Api, database: FaultyDatabase) -> None:
    segment_ids = [
        await create_segment(runs_api, name, tags_rule(name)) for name in ("vip", "gold")
    ]
    for segment_id in segment_ids * 2:
        await create_campaign(runs_api, segment_id)
    database.counter.enabled = True

    data = await runs_api("{ campaigns { edges { node { segment { id } } } } }")

    listed = [edge["node"]["segment"]["id"] for edge in data["campaigns"]["edges"]]
    assert listed == list(reversed(segment_ids * 2))
    segment_reads = [call for call in database.counter.calls if call[0] == "segments"]
    assert segment_reads == [("segments", "find")]


async def test_run_writes_batches_with_progress(
    runs_api: Api, database: FaultyDatabase, clock: Clock
) -> None:
    await runs_api("{ segments(first: 1) { totalCount } }")
    await insert_customers(database, 2 * BATCH_SIZE + 500, vip_with_email, clock)
    campaign_id = await create_campaign(
        runs_api, await create_segment(runs_api, "VIP", tags_rule("vip"))
    )
    database.counter.enabled = True

    payload = await run_campaign(runs_api, campaign_id)

    assert payload["campaign"]["recipientCount"] == 2 * BATCH_SIZE + 500
    calls = database.counter.calls
    assert calls.count((RECIPIENTS, "insert_many")) == 3
    # One progress update per batch, on the campaign document.
    assert calls.count(("campaigns", "update_one")) == 3


async def test_failure_to_finish_leaves_failed(runs_api: Api, database: FaultyDatabase) -> None:
    await import_customers(runs_api, [vip_with_email(i) for i in range(30)])
    campaign_id = await create_campaign(
        runs_api, await create_segment(runs_api, "VIP", tags_rule("vip"))
    )
    # The first conditional update claims the run; the second would complete it.
    database.fail_on("campaigns", "find_one_and_update", 2)

    payload = await run_campaign(runs_api, campaign_id)

    assert [e["code"] for e in payload["userErrors"]] == ["RUN_FAILED"]
    assert payload["campaign"]["status"] == "FAILED"
    assert await database.count_recipients() == 0
