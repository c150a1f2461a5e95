"""Section 1: the cost of the GraphQL layer, against bare routes serving the same data.

One uvicorn worker serves both the GraphQL endpoint and the bare routes
of `bare_routes.py`; the load generator runs in this process. Phases
alternate (bare, GraphQL, bare, GraphQL...) and are repeated, so the
ratios compare runs made minutes apart at most, on the same server.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import httpx
import orjson

from bench import queries
from bench.loadgen import LoadResult, PlannedRequest, graphql_request, run_load
from bench.sample_rules import sample_rule
from bench.server import free_port, running_server, uvicorn_command
from bench.stats import count_runs, format_table, median

logger = logging.getLogger(__name__)

CUSTOMERS_PAGE_SIZE = 100
WARM_UP_SECONDS = 1.0
# NOTE: at about 400 requests per second (bare segment(id) on two idle
# cores) the httpx client used 78 % of a core, so the bare phases may be
# limited by the client and the ratios overstate GraphQL's share. The
# "client CPU %" column shows how close each phase came.


@dataclass(frozen=True)
class OverheadOptions:
    customers: int
    connections: int
    duration: float
    repeats: int
    max_requests: int


@dataclass
class PhaseResults:
    """Every repeat of one request: throughput in requests per second, latencies in ms."""

    throughput: list[float] = field(default_factory=list)
    p50: list[float] = field(default_factory=list)
    p99: list[float] = field(default_factory=list)
    client_cpu: list[float] = field(default_factory=list)

    def add(self, result: LoadResult) -> None:
        self.throughput.append(result.throughput)
        self.p50.append(result.p50_ms())
        self.p99.append(result.p99_ms())
        self.client_cpu.append(result.client_cpu_percent)


def _create_sample_segment(base_url: str) -> str:
    body = {
        "query": queries.CREATE_SEGMENT,
        "variables": {"input": {"name": "Bench sample", "conditionGroups": sample_rule(5)}},
    }
    response = httpx.post(f"{base_url}/graphql", json=body, timeout=30.0)
    payload = response.json()["data"]["createSegment"]
    if payload["userErrors"]:
        raise RuntimeError(f"failed to create the sample segment: {payload['userErrors']!r}")
    segment_id: str = payload["segment"]["id"]
    return segment_id


def _check_same_body(base_url: str, bare: PlannedRequest, graphql: PlannedRequest) -> None:
    """Raise RuntimeError unless the bare route returns exactly what the GraphQL query does."""
    with httpx.Client(base_url=base_url, timeout=30.0) as client:
        from_bare = orjson.loads(client.get(bare.path).content)
        from_graphql = orjson.loads(
            client.post(
                graphql.path, content=graphql.body, headers={"content-type": "application/json"}
            ).content
        )
    if from_bare != from_graphql:
        message = (
            f"{bare.path} returns other data than {graphql.name}:\n{from_bare!r}\n{from_graphql!r}"
        )
        raise RuntimeError(message[:3000])


async def measure_overhead(options: OverheadOptions) -> str:
    """Run the phases and return the result table with the throughput ratios."""
    port = free_port()
    settings = {"DEMO_CUSTOMERS": str(options.customers), "LOG_LEVEL": "WARNING"}
    command = uvicorn_command("bench.bare_routes:create_bench_app", port)
    with running_server(command, port, settings) as base_url:
        segment_id = _create_sample_segment(base_url)
        pairs = [
            (
                PlannedRequest("bare segment(id)", f"/bare/segment?id={segment_id}", graphql=False),
                graphql_request("GraphQL segment(id)", queries.SEGMENT, {"id": segment_id}),
            ),
            (
                PlannedRequest(
                    f"bare customers page of {CUSTOMERS_PAGE_SIZE}",
                    f"/bare/customers?first={CUSTOMERS_PAGE_SIZE}",
                    graphql=False,
                ),
                graphql_request(
                    f"GraphQL customers page of {CUSTOMERS_PAGE_SIZE}",
                    queries.CUSTOMERS_PAGE,
                    {"first": CUSTOMERS_PAGE_SIZE},
                ),
            ),
        ]
        for bare, graphql in pairs:
            _check_same_body(base_url, bare, graphql)

        cheapest = PhaseResults()
        phases = {planned.name: PhaseResults() for pair in pairs for planned in pair}
        health = PlannedRequest("GET /healthz (cheapest request)", "/healthz", graphql=False)
        everything = [health, *(planned for pair in pairs for planned in pair)]
        for planned in everything:
            await _run(base_url, planned, options, WARM_UP_SECONDS)
        for repeat in range(options.repeats):
            logger.info("overhead: repeat %d of %d", repeat + 1, options.repeats)
            for planned in everything:
                result = await _run(base_url, planned, options, options.duration)
                (cheapest if planned is health else phases[planned.name]).add(result)

    rows: list[list[object]] = [
        [name, median(r.throughput), median(r.p50), median(r.p99), median(r.client_cpu)]
        for name, r in [(health.name, cheapest), *phases.items()]
    ]
    table = format_table(["request", "req/s", "p50 ms", "p99 ms", "client CPU %"], rows)
    # Each repeat's GraphQL phase is divided by the bare phase just before
    # it, so a change of machine load between repeats cancels out.
    ratios = [
        [graphql.name, median(_paired_ratios(phases[graphql.name], phases[bare.name]))]
        for bare, graphql in pairs
    ]
    ratio_table = format_table(
        ["GraphQL throughput / bare route throughput (median of repeats)", "ratio"], ratios
    )
    intro = (
        f"{options.connections} connections on 127.0.0.1, one uvicorn worker, "
        f"{options.customers:,} customers, "
        f"medians of {count_runs(options.repeats)} of {options.duration:g} s per request"
    )
    return f"{intro}\n\n{table}\n\n{ratio_table}"


def _paired_ratios(numerator: PhaseResults, denominator: PhaseResults) -> list[float]:
    return [
        top / bottom
        for top, bottom in zip(numerator.throughput, denominator.throughput, strict=True)
        if bottom
    ]


async def _run(
    base_url: str, planned: PlannedRequest, options: OverheadOptions, duration: float
) -> LoadResult:
    result = await run_load(
        base_url,
        [planned],
        connections=options.connections,
        duration=duration,
        max_requests=options.max_requests,
    )
    if result.non_200 or result.graphql_errors:
        raise RuntimeError(f"{planned.name} failed during the benchmark: {result.error_samples!r}")
    return result
