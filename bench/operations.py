"""Section 4: the storage calls each typical request makes.

`Database.counter` records every call of the storage layer while it is
enabled. The same requests are asserted in tests/api/test_operation_counts.py,
which fails when one of them makes more calls.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

from bench import queries
from bench.inprocess import InProcessClient
from bench.sample_rules import PREVIEW_RULE
from bench.stats import format_table
from storage.database import Database


async def count_calls(
    database: Database, request: Callable[[], Awaitable[Any]]
) -> list[tuple[str, str]]:
    """Run `request` and return the storage calls it made, as (collection, operation)."""
    counter = database.counter
    counter.reset()
    counter.enabled = True
    try:
        await request()
    finally:
        counter.enabled = False
    calls = list(counter.calls)
    counter.reset()
    return calls


def describe_calls(calls: list[tuple[str, str]]) -> str:
    """Return the calls grouped, such as `customers.count x50, segments.find x1`."""
    grouped = Counter(f"{collection}.{operation}" for collection, operation in calls)
    return ", ".join(f"{name} x{count}" for name, count in sorted(grouped.items()))


def typical_requests(
    client: InProcessClient, *, page_size: int, customer_id: str
) -> dict[str, Callable[[], Awaitable[Any]]]:
    """Return the typical requests by name, ready to run in this order.

    The warm page follows the cold one, so it finds the counts that the
    cold page cached.
    """
    return {
        f"segments page of {page_size} with counts, cold": lambda: client(
            queries.SEGMENTS_PAGE, {"first": page_size}
        ),
        f"segments page of {page_size} with counts, warm": lambda: client(
            queries.SEGMENTS_PAGE, {"first": page_size}
        ),
        "customer with its segments": lambda: client(
            queries.CUSTOMER_WITH_SEGMENTS, {"id": customer_id}
        ),
        f"preview of {len(PREVIEW_RULE)} groups": lambda: client(
            queries.PREVIEW, {"groups": PREVIEW_RULE, "first": 20}
        ),
    }


async def measure_operations(
    client: InProcessClient,
    database: Database,
    *,
    page_size: int,
    customer_id: str,
    clear_counts: Callable[[], Awaitable[None]],
) -> str:
    """Return a table of the storage calls of each typical request."""
    rows: list[list[object]] = []
    requests = typical_requests(client, page_size=page_size, customer_id=customer_id)
    for name, request in requests.items():
        if name.endswith("cold"):
            await clear_counts()
        calls = await count_calls(database, request)
        rows.append([name, len(calls), describe_calls(calls)])
    return format_table(["request", "storage calls", "calls by collection and operation"], rows)
