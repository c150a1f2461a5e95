"""Section 1b: server time per request, without HTTP or a load generator.

The app runs in this process and requests go through `httpx.ASGITransport`
one at a time, so each figure is the time the app spends on a request
plus a fixed client cost, which the `/healthz` row shows. On a loaded or
small machine the load generator of section 1 can reach its own limit
before the server does, and this measurement is not limited that way.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

import httpx
import orjson

from api.app import create_app
from bench import queries
from bench.bare_routes import add_bare_routes
from bench.inprocess import bench_settings
from bench.sample_rules import sample_rule
from bench.stats import count_runs, format_table, median

# Each timed run sends requests until it has taken this long, or this many.
RUN_SECONDS = 1.0
MAX_REQUESTS_PER_RUN = 5_000
CUSTOMERS_PAGE_SIZE = 100

Request = Callable[[], Awaitable[httpx.Response]]


async def _mean_seconds(request: Request, repeats: int) -> list[float]:
    """Return the mean seconds per request of each run; a run fails on a non-200 response."""
    results = []
    for _ in range(repeats):
        count = 0
        started = time.perf_counter()
        elapsed = 0.0
        while elapsed < RUN_SECONDS and count < MAX_REQUESTS_PER_RUN:
            response = await request()
            if response.status_code != 200 or b'"errors"' in response.content:
                raise RuntimeError(
                    f"request failed: HTTP {response.status_code}: {response.text[:500]}"
                )
            count += 1
            elapsed = time.perf_counter() - started
        results.append(elapsed / count)
    return results


async def measure_server_time(customers: int, repeats: int) -> str:
    app = create_app(bench_settings(demo_customers=customers))
    add_bare_routes(app)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            variables = {"input": {"name": "Bench sample", "conditionGroups": sample_rule(5)}}
            created = await client.post(
                "/graphql", json={"query": queries.CREATE_SEGMENT, "variables": variables}
            )
            segment_id = created.json()["data"]["createSegment"]["segment"]["id"]
            headers = {"content-type": "application/json"}
            segment_body = orjson.dumps({"query": queries.SEGMENT, "variables": {"id": segment_id}})
            page_body = orjson.dumps(
                {"query": queries.CUSTOMERS_PAGE, "variables": {"first": CUSTOMERS_PAGE_SIZE}}
            )
            requests: dict[str, Request] = {
                "GET /healthz": lambda: client.get("/healthz"),
                "bare segment(id)": lambda: client.get(f"/bare/segment?id={segment_id}"),
                "GraphQL segment(id)": lambda: client.post(
                    "/graphql", content=segment_body, headers=headers
                ),
                f"bare customers page of {CUSTOMERS_PAGE_SIZE}": lambda: client.get(
                    f"/bare/customers?first={CUSTOMERS_PAGE_SIZE}"
                ),
                f"GraphQL customers page of {CUSTOMERS_PAGE_SIZE}": lambda: client.post(
                    "/graphql", content=page_body, headers=headers
                ),
            }
            times = {name: median(await _mean_seconds(r, repeats)) for name, r in requests.items()}

    rows: list[list[object]] = [[name, seconds * 1000] for name, seconds in times.items()]
    segment_ratio = times["bare segment(id)"] / times["GraphQL segment(id)"]
    page_ratio = (
        times[f"bare customers page of {CUSTOMERS_PAGE_SIZE}"]
        / times[f"GraphQL customers page of {CUSTOMERS_PAGE_SIZE}"]
    )
    ratios: list[list[object]] = [
        ["GraphQL segment(id)", segment_ratio],
        [f"GraphQL customers page of {CUSTOMERS_PAGE_SIZE}", page_ratio],
    ]
    intro = (
        f"one request at a time over ASGI in this process, {customers:,} customers, "
        f"medians of {count_runs(repeats)} of {RUN_SECONDS:g} s"
    )
    return (
        f"{intro}\n\n{format_table(['request', 'ms per request'], rows)}\n\n"
        f"{format_table(['bare route time / GraphQL time (throughput ratio)', 'ratio'], ratios)}"
    )
