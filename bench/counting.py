"""Counting, the limits of the embedded store and storage calls, in one growing workspace.

The workspace contains the six default segments and enough sample segments
to fill a page. Customers are added size by size (1,000, then 10,000...).
At each size the benchmark sends requests through the whole app, without
HTTP, and times them. It times a page of segments with counts, both cold
(no cached count) and warm, the count of one default segment, a preview
and an import of new customers. Storage calls per request are counted at
the first size.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bench import queries
from bench.dataset import customer_documents, import_rows, insert_customers, tagged_email_pattern
from bench.inprocess import InProcessClient, bench_settings, running_app
from bench.operations import measure_operations
from bench.sample_rules import PREVIEW_RULE, sample_rule
from bench.stats import count_runs, format_table, median
from storage.database import Database, open_database

logger = logging.getLogger(__name__)

DEFAULT_SEGMENT_KEY = "sms_subscribers"
PREVIEW_SAMPLE = 20
# Long enough that warm pages always find their counts cached.
COUNT_CACHE_SECONDS = 3600.0


@dataclass(frozen=True)
class CountingOptions:
    sizes: list[int]
    page_size: int
    repeats: int
    import_rows: int
    budget_seconds: float


@dataclass(frozen=True)
class Workspace:
    client: InProcessClient
    database: Database
    workspace_id: str

    async def clear_counts(self) -> None:
        await self.database.collection("segments").update_many(
            {"workspaceId": self.workspace_id}, {"$unset": {"countCache": ""}}
        )


async def _timed(
    options: CountingOptions,
    request: Callable[[], Awaitable[Any]],
    before: Callable[[], Awaitable[None]] | None = None,
) -> list[float]:
    """Return the seconds each run of `request` took; `before` runs untimed before each.

    It makes `options.repeats` runs, but no new run once the runs so far
    took `options.budget_seconds`, so one slow measurement (a cold page at
    100,000 customers takes minutes) cannot stretch the whole benchmark.
    """
    results: list[float] = []
    while len(results) < options.repeats and sum(results) < options.budget_seconds:
        if before is not None:
            await before()
        started = time.perf_counter()
        await request()
        results.append(time.perf_counter() - started)
    return results


def _median_ms(results: list[float]) -> str:
    return f"{median(results) * 1000:,.0f} ({count_runs(len(results))})"


async def _create_segments(workspace: Workspace, page_size: int) -> str:
    """Add sample segments until the workspace has `page_size`; return the default segment's id."""
    data = await workspace.client(queries.SEGMENTS_PAGE, {"first": 100})
    existing = data["segments"]["edges"]
    for index in range(page_size - len(existing)):
        created = await workspace.client(
            queries.CREATE_SEGMENT,
            {
                "input": {
                    "name": f"Bench segment {index:03d}",
                    "conditionGroups": sample_rule(index),
                }
            },
        )
        if created["createSegment"]["userErrors"]:
            raise RuntimeError(
                f"failed to create a sample segment: {created['createSegment']['userErrors']!r}"
            )
    default_id: str = next(
        e["node"]["id"] for e in existing if e["node"]["defaultKey"] == DEFAULT_SEGMENT_KEY
    )
    return default_id


async def _import_rate(workspace: Workspace, options: CountingOptions, size: int) -> list[float]:
    """Return the rows per second of each import; the imported customers are deleted afterwards."""
    rates: list[float] = []
    spent = 0.0
    for repeat in range(options.repeats):
        if spent >= options.budget_seconds:
            break
        tag = f"import-{size}-{repeat}"
        rows = import_rows(options.import_rows, dt.datetime.now(dt.UTC), tag=tag)
        started = time.perf_counter()
        data = await workspace.client(queries.IMPORT_CUSTOMERS, {"customers": rows})
        elapsed = time.perf_counter() - started
        spent += elapsed
        rates.append(len(rows) / elapsed)
        if data["importCustomers"]["rejectedCount"]:
            raise RuntimeError(
                f"the import rejected rows: {data['importCustomers']['userErrors'][:3]!r}"
            )
        await workspace.database.collection("customers").delete_many(
            {"workspaceId": workspace.workspace_id, "email": {"$regex": tagged_email_pattern(tag)}}
        )
    return rates


async def measure_counting(options: CountingOptions) -> dict[str, str]:
    """Return the result tables by section name: counting, embedded store limits, storage calls."""
    settings = bench_settings(count_cache_seconds=COUNT_CACHE_SECONDS)
    database = open_database(None, "bench")
    counting_rows: list[list[object]] = []
    scaling_rows: list[list[object]] = []
    tables: dict[str, str] = {}

    async with running_app(settings, database) as client:
        workspace = Workspace(client, database, settings.demo_workspace)
        default_id = await _create_segments(workspace, options.page_size)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        started = time.perf_counter()
        documents = customer_documents(max(options.sizes), now)
        logger.info("built %d customers in %.1f s", len(documents), time.perf_counter() - started)

        stored = 0
        for size in sorted(options.sizes):
            started = time.perf_counter()
            await insert_customers(database, workspace.workspace_id, documents[stored:size])
            stored = size
            logger.info(
                "counting: %d customers stored in %.1f s", size, time.perf_counter() - started
            )

            def page() -> Awaitable[Any]:
                return client(queries.SEGMENTS_PAGE, {"first": options.page_size})

            def default_count() -> Awaitable[Any]:
                return client(
                    "query($id: ID!) { segment(id: $id) { customerCount } }", {"id": default_id}
                )

            def preview() -> Awaitable[Any]:
                return client(queries.PREVIEW, {"groups": PREVIEW_RULE, "first": PREVIEW_SAMPLE})

            cold = await _timed(options, page, workspace.clear_counts)
            warm = await _timed(options, page)
            counting_rows.append([size, _median_ms(cold), _median_ms(warm)])

            count = await _timed(options, default_count, workspace.clear_counts)
            previews = await _timed(options, preview)
            imports = await _import_rate(workspace, options, size)
            rate = f"{median(imports):,.0f} ({count_runs(len(imports))})"
            scaling_rows.append([size, _median_ms(count), _median_ms(previews), rate])

            if "operations" not in tables:
                first_customer = await client(queries.CUSTOMERS_PAGE, {"first": 1})
                customer_id = first_customer["customers"]["edges"][0]["node"]["id"]
                tables["operations"] = await measure_operations(
                    client,
                    database,
                    page_size=options.page_size,
                    customer_id=customer_id,
                    clear_counts=workspace.clear_counts,
                )

    await database.close()
    tables["counting"] = format_table(
        ["customers", f"page of {options.page_size} segments with counts, cold (ms)", "warm (ms)"],
        counting_rows,
    )
    tables["limits"] = format_table(
        [
            "customers",
            "count of SMS subscribers (ms)",
            f"preview of {len(PREVIEW_RULE)} groups (ms)",
            f"import of {options.import_rows:,} customers (rows/s)",
        ],
        scaling_rows,
    )
    return tables
