"""A bounded HTTP load generator: a fixed number of connections, a time limit and a request limit.

Each connection is one asyncio task that sends its next request as soon
as the previous response has arrived (a closed loop), so at most
`connections` requests are in flight. A run stops at whichever comes
first: `duration` seconds or `max_requests` requests.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import httpx
import orjson

from bench.stats import percentile

REQUEST_TIMEOUT_SECONDS = 30.0
MAX_ERROR_SAMPLES = 5


@dataclass(frozen=True)
class PlannedRequest:
    """One request of a mix; `body` is sent as JSON with POST, or GET when it is None."""

    name: str
    path: str
    body: bytes | None = None
    graphql: bool = True


def graphql_request(
    name: str, query: str, variables: dict[str, object] | None = None
) -> PlannedRequest:
    return PlannedRequest(
        name, "/graphql", orjson.dumps({"query": query, "variables": variables or {}})
    )


@dataclass
class LoadResult:
    """Measurements of one run; latencies are in seconds, by request name."""

    elapsed: float = 0.0
    # CPU time of this process: near `elapsed`, the client itself was the limit.
    client_cpu_seconds: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    non_200: int = 0
    graphql_errors: int = 0
    error_samples: list[str] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return sum(len(values) for values in self.latencies.values())

    @property
    def client_cpu_percent(self) -> float:
        return 100 * self.client_cpu_seconds / self.elapsed if self.elapsed else 0.0

    @property
    def throughput(self) -> float:
        return self.requests / self.elapsed if self.elapsed else 0.0

    def all_latencies(self) -> list[float]:
        return [value for values in self.latencies.values() for value in values]

    def p50_ms(self, name: str | None = None) -> float:
        values = self.latencies[name] if name else self.all_latencies()
        return percentile(values, 0.50) * 1000

    def p99_ms(self, name: str | None = None) -> float:
        values = self.latencies[name] if name else self.all_latencies()
        return percentile(values, 0.99) * 1000

    def note_error(self, message: str) -> None:
        if len(self.error_samples) < MAX_ERROR_SAMPLES:
            self.error_samples.append(message[:300])


async def run_load(
    base_url: str,
    mix: Sequence[PlannedRequest],
    *,
    connections: int,
    duration: float,
    max_requests: int,
    headers: dict[str, str] | None = None,
) -> LoadResult:
    """Send the requests of `mix` in turn over `connections` connections and measure them."""
    if not mix:
        raise ValueError("the request mix is empty")
    result = LoadResult()
    sequence = itertools.count()
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    headers = {"content-type": "application/json", **(headers or {})}
    started = time.perf_counter()
    cpu_started = time.process_time()
    deadline = started + duration

    async with httpx.AsyncClient(
        base_url=base_url, limits=limits, timeout=REQUEST_TIMEOUT_SECONDS
    ) as client:

        async def connection() -> None:
            while time.perf_counter() < deadline:
                number = next(sequence)
                if number >= max_requests:
                    return
                planned = mix[number % len(mix)]
                await _send(client, planned, headers, result)

        async with asyncio.TaskGroup() as group:
            for _ in range(connections):
                group.create_task(connection())

    result.elapsed = time.perf_counter() - started
    result.client_cpu_seconds = time.process_time() - cpu_started
    return result


async def _send(
    client: httpx.AsyncClient, planned: PlannedRequest, headers: dict[str, str], result: LoadResult
) -> None:
    sent = time.perf_counter()
    try:
        if planned.body is None:
            response = await client.get(planned.path, headers=headers)
        else:
            response = await client.post(planned.path, content=planned.body, headers=headers)
    except httpx.HTTPError as exc:
        result.latencies[planned.name].append(time.perf_counter() - sent)
        result.non_200 += 1
        result.note_error(f"{planned.name}: {type(exc).__name__}: {exc}")
        return
    result.latencies[planned.name].append(time.perf_counter() - sent)

    if response.status_code != 200:
        result.non_200 += 1
        result.note_error(f"{planned.name}: HTTP {response.status_code}: {response.text}")
    # Parsing every body would make the client the bottleneck, so only
    # bodies that contain the key are parsed to confirm the error.
    elif (
        planned.graphql
        and b'"errors"' in response.content
        and orjson.loads(response.content).get("errors")
    ):
        result.graphql_errors += 1
        result.note_error(f"{planned.name}: {response.text}")
