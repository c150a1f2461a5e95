"""`make load`: a mix of segment manager requests against a local service.

Without `--url` it starts the service as `make run` does (`segments
serve`, embedded store, demo customers) on a free port of 127.0.0.1 and
stops it afterwards. It sends the mix for `--duration` seconds over
`--connections` connections, prints throughput, p50, p99, non-200
responses and GraphQL errors, and exits with status 1 when any request
failed.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import logging
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from bench import queries
from bench.loadgen import LoadResult, PlannedRequest, graphql_request, run_load
from bench.machine import header
from bench.sample_rules import PREVIEW_RULE
from bench.server import HOST, free_port, running_server
from bench.stats import format_table

# Named in full, because `python -m bench.load` runs this module as __main__.
logger = logging.getLogger("bench.load")

SEGMENTS_PAGE_SIZE = 20
CUSTOMERS_PAGE_SIZE = 50


def check_local_url(url: str) -> str:
    """Return `url` without a trailing slash.

    Raises ArgumentTypeError unless the host is a loopback address or localhost.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if parts.scheme not in ("http", "https") or not loopback:
        raise argparse.ArgumentTypeError(
            f"invalid URL {url!r}: the load test only runs against this machine, such as http://127.0.0.1:8000"
        )
    return url.rstrip("/")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--url",
        type=check_local_url,
        help="Base URL of a running service on 127.0.0.1 (default: start one on a free port).",
    )
    parser.add_argument(
        "--api-key",
        default=os.environ.get("SEGMENTS_API_KEY"),
        help="API key sent as a bearer token, for a --url service that requires keys "
        "(default: SEGMENTS_API_KEY).",
    )
    parser.add_argument(
        "--duration", type=float, default=30.0, help="Seconds of load (default: 30)."
    )
    parser.add_argument(
        "--connections", type=int, default=64, help="Concurrent connections (default: 64)."
    )
    parser.add_argument(
        "--max-requests",
        type=int,
        default=500_000,
        help="Request limit of the run (default: 500000).",
    )
    return parser


def request_mix(base_url: str, headers: dict[str, str]) -> list[PlannedRequest]:
    """Return the requests of the segment manager screen, each as often as the screen sends it.

    Raises RuntimeError when the service does not list its segments.
    """
    response = httpx.post(
        f"{base_url}/graphql",
        json={"query": queries.SEGMENTS_PAGE, "variables": {"first": SEGMENTS_PAGE_SIZE}},
        headers=headers,
        timeout=120.0,
    )
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise RuntimeError(
            f"the segments query failed at {base_url}: HTTP {response.status_code}: {body!r}"[:1000]
        )
    segment_ids = [edge["node"]["id"] for edge in body["data"]["segments"]["edges"]]
    if not segment_ids:
        raise RuntimeError(f"the service at {base_url} has no segments to request")

    mix = [
        graphql_request(
            "segments page with counts", queries.SEGMENTS_PAGE, {"first": SEGMENTS_PAGE_SIZE}
        ),
        graphql_request("segmentFields", queries.SEGMENT_FIELDS),
    ]
    # NOTE: the weights are an estimate, not measured from real sessions:
    # opening a segment and previewing an edit are taken to be the most
    # frequent actions of the screen.
    for segment_id in segment_ids[:4]:
        mix.append(graphql_request("segment", queries.SEGMENT, {"id": segment_id}))
    for _ in range(2):
        mix.append(
            graphql_request("preview", queries.PREVIEW, {"groups": PREVIEW_RULE, "first": 20})
        )
    mix.append(
        graphql_request("customers page", queries.CUSTOMERS_PAGE, {"first": CUSTOMERS_PAGE_SIZE})
    )
    return mix


def report(result: LoadResult, args: argparse.Namespace) -> str:
    rows: list[list[object]] = [
        [name, len(values), result.p50_ms(name), result.p99_ms(name)]
        for name, values in sorted(result.latencies.items())
    ]
    rows.append(["all", result.requests, result.p50_ms(), result.p99_ms()])
    summary = format_table(
        ["duration (s)", "connections", "requests", "req/s", "non-200", "GraphQL errors"],
        [
            [
                result.elapsed,
                args.connections,
                result.requests,
                result.throughput,
                result.non_200,
                result.graphql_errors,
            ]
        ],
    )
    return f"{summary}\n\n{format_table(['request', 'count', 'p50 ms', 'p99 ms'], rows)}"


async def run(args: argparse.Namespace, base_url: str) -> LoadResult:
    headers = {"authorization": f"Bearer {args.api_key}"} if args.api_key else {}
    mix = request_mix(base_url, headers)
    logger.info("sending a mix of %d requests to %s for %g s", len(mix), base_url, args.duration)
    return await run_load(
        base_url,
        mix,
        connections=args.connections,
        duration=args.duration,
        max_requests=args.max_requests,
        headers=headers,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # The service logs a line per request and per write, which would bury
    # the progress messages.
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("bench").setLevel(logging.INFO)
    print(header("Load test of the customer segments service"), flush=True)

    try:
        if args.url:
            result = asyncio.run(run(args, args.url))
        else:
            port = free_port()
            serve = shutil.which("segments", path=str(Path(sys.executable).parent)) or "segments"
            command = [serve, "serve", "--host", HOST, "--port", str(port)]
            with running_server(command, port, {"LOG_LEVEL": "WARNING"}) as base_url:
                result = asyncio.run(run(args, base_url))
    except (httpx.HTTPError, RuntimeError) as exc:
        target = args.url or "the service this command started"
        print(f"FAILED: the load test against {target} stopped: {exc}", file=sys.stderr)
        return 1

    print(f"\n{report(result, args)}", flush=True)
    for sample in result.error_samples:
        print(f"error: {sample}", file=sys.stderr)
    if result.non_200 or result.graphql_errors or not result.requests:
        print("FAILED: every request must return HTTP 200 without GraphQL errors", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
