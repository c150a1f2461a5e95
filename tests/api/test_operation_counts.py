"""Storage calls of the typical requests of the segment manager screen.

Each request must make a fixed number of storage calls, whatever the
number of segments and customers in the workspace: a call per segment
or per customer would be an N+1 query. The requests are those that
`make bench` measures (bench/queries.py).
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx

from api.app import create_app
from bench import queries
from bench.dataset import import_rows
from bench.operations import count_calls
from bench.sample_rules import PREVIEW_RULE, sample_rule
from storage.database import Database
from tests.conftest import PINNED_NOW, Api, Clock, make_settings

PAGE_SIZE = 5


@dataclass
class Workspace:
    api: Api
    database: Database

    async def calls(self, query: str, variables: dict[str, Any]) -> Counter[tuple[str, str]]:
        return Counter(await count_calls(self.database, lambda: self.api(query, variables)))

    async def clear_counts(self) -> None:
        await self.database.collection("segments").update_many({}, {"$unset": {"countCache": ""}})

    async def add_segments(self, count: int, start: int) -> None:
        for index in range(start, start + count):
            variables = {
                "input": {"name": f"Sample {index}", "conditionGroups": sample_rule(index)}
            }
            data = await self.api(queries.CREATE_SEGMENT, variables)
            assert data["createSegment"]["userErrors"] == []

    async def add_customers(self, count: int, tag: str) -> None:
        data = await self.api(
            queries.IMPORT_CUSTOMERS, {"customers": import_rows(count, PINNED_NOW, tag=tag)}
        )
        assert data["importCustomers"]["createdCount"] == count

    async def first_customer_id(self) -> str:
        data = await self.api(queries.CUSTOMERS_PAGE, {"first": 1})
        customer_id: str = data["customers"]["edges"][0]["node"]["id"]
        return customer_id


@contextlib.asynccontextmanager
async def open_workspace(clock: Clock) -> AsyncIterator[Workspace]:
    # A long count cache, so a second page finds the counts of the first.
    app = create_app(make_settings(count_cache_seconds=3600.0), clock=clock)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield Workspace(Api(client), app.state.database)


def cold_page_calls(page_size: int) -> Counter[tuple[str, str]]:
    """One count and one cache write per segment on the page, plus three shared calls."""
    return Counter(
        {
            ("segments", "find"): 1,
            ("segments", "count"): 1,
            ("customFields", "find"): 1,
            ("customers", "count"): page_size,
            ("segments", "update_one"): page_size,
        }
    )


WARM_PAGE_CALLS = Counter({("segments", "find"): 1, ("segments", "count"): 1})
CUSTOMER_WITH_SEGMENTS_CALLS = Counter(
    {
        ("customers", "find_one"): 1,
        ("segments", "find"): 1,
        ("customFields", "find"): 1,
        ("customers", "aggregate"): 1,
    }
)
# The whole rule and each group are counted, and one page of customers is read.
PREVIEW_CALLS = Counter(
    {
        ("customFields", "find"): 1,
        ("customers", "count"): 1 + len(PREVIEW_RULE),
        ("customers", "find"): 1,
    }
)


async def test_segments_page_cold_calls_per_page(clock: Clock) -> None:
    async with open_workspace(clock) as workspace:
        await workspace.add_segments(4, start=0)
        await workspace.add_customers(5, tag="small")
        await workspace.clear_counts()
        small = await workspace.calls(queries.SEGMENTS_PAGE, {"first": PAGE_SIZE})

        await workspace.add_segments(12, start=4)
        await workspace.add_customers(40, tag="large")
        await workspace.clear_counts()
        large = await workspace.calls(queries.SEGMENTS_PAGE, {"first": PAGE_SIZE})

    assert small == cold_page_calls(PAGE_SIZE)
    assert large == cold_page_calls(PAGE_SIZE)
    assert sum(large.values()) == 3 + 2 * PAGE_SIZE


async def test_segments_page_warm_reads_cached_counts(clock: Clock) -> None:
    async with open_workspace(clock) as workspace:
        await workspace.add_segments(12, start=0)
        await workspace.add_customers(20, tag="warm")
        await workspace.api(queries.SEGMENTS_PAGE, {"first": PAGE_SIZE})
        warm = await workspace.calls(queries.SEGMENTS_PAGE, {"first": PAGE_SIZE})

    assert warm == WARM_PAGE_CALLS
    assert sum(warm.values()) == 2


async def test_customer_segments_one_query_for_all(clock: Clock) -> None:
    async with open_workspace(clock) as workspace:
        await workspace.add_customers(5, tag="few")
        few = await workspace.calls(
            queries.CUSTOMER_WITH_SEGMENTS, {"id": await workspace.first_customer_id()}
        )

        await workspace.add_segments(20, start=0)
        await workspace.add_customers(30, tag="many")
        many = await workspace.calls(
            queries.CUSTOMER_WITH_SEGMENTS, {"id": await workspace.first_customer_id()}
        )

    assert few == CUSTOMER_WITH_SEGMENTS_CALLS
    assert many == CUSTOMER_WITH_SEGMENTS_CALLS
    assert sum(many.values()) == 4


async def test_preview_calls_independent_of_workspace_size(clock: Clock) -> None:
    variables = {"groups": PREVIEW_RULE, "first": 20}
    async with open_workspace(clock) as workspace:
        await workspace.add_customers(5, tag="few")
        few = await workspace.calls(queries.PREVIEW, variables)

        await workspace.add_segments(10, start=0)
        await workspace.add_customers(40, tag="many")
        many = await workspace.calls(queries.PREVIEW, variables)

    assert few == PREVIEW_CALLS
    assert many == PREVIEW_CALLS
