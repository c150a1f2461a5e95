"""`make bench`: print the benchmark tables, the command and the machine.

A full run took 5 minutes on a two-core machine (11 while other
processes kept it busy), most of it counting 100,000 customers in the
embedded store. `--quick` took 3 minutes on the busy machine.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
from collections.abc import Sequence

from bench.compiling import measure_compile
from bench.counting import CountingOptions, measure_counting
from bench.machine import header
from bench.overhead import OverheadOptions, measure_overhead
from bench.server_time import measure_server_time

logger = logging.getLogger(__name__)

SECTIONS = ("overhead", "counting", "compile")


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"invalid sizes {text!r}; expected numbers such as 10000,100000"
        ) from exc
    if not sizes or sizes[0] < 1 or sizes[-1] > 1_000_000:
        raise argparse.ArgumentTypeError(
            f"invalid sizes {text!r}; each must be from 1 to 1,000,000"
        )
    return sizes


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(
            f"invalid value {text!r}; expected a whole number of 1 or more"
        )
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sections",
        default=",".join(SECTIONS),
        help=f"Comma-separated sections to run (default: {','.join(SECTIONS)}).",
    )
    parser.add_argument(
        "--quick", action="store_true", help="Short run: sizes 1000,10000, 2 s phases."
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=None,
        help="Customer counts for counting (default: 1000,10000,100000).",
    )

    parser.add_argument(
        "--repeats",
        type=_positive,
        default=3,
        help="Runs per measurement; medians are quoted (default: 3).",
    )
    parser.add_argument(
        "--duration", type=float, default=None, help="Seconds per HTTP phase (default: 5)."
    )
    parser.add_argument(
        "--connections",
        type=_positive,
        default=16,
        help="Concurrent HTTP connections (default: 16).",
    )
    parser.add_argument(
        "--server-customers",
        type=_positive,
        default=1000,
        help="Customers in the HTTP server's store (default: 1000).",
    )
    parser.add_argument(
        "--max-requests",
        type=_positive,
        default=200_000,
        help="Request limit of each HTTP phase (default: 200000).",
    )

    parser.add_argument(
        "--budget",
        type=float,
        default=30.0,
        help="Seconds after which a counting measurement makes no further runs (default: 30).",
    )
    parser.add_argument(
        "--page-size", type=_positive, default=50, help="Segments per counted page (default: 50)."
    )
    parser.add_argument(
        "--import-rows",
        type=_positive,
        default=1000,
        help="Customers per timed import, at most 1000 (default: 1000).",
    )
    return parser


async def run(args: argparse.Namespace) -> None:
    sections = {s.strip() for s in args.sections.split(",") if s.strip()}
    unknown = sections - set(SECTIONS)
    if unknown:
        raise SystemExit(
            f"unknown sections {sorted(unknown)}; expected some of {', '.join(SECTIONS)}"
        )
    sizes = args.sizes or ([1000, 10_000] if args.quick else [1000, 10_000, 100_000])
    duration = args.duration or (2.0 if args.quick else 5.0)

    print(header("Benchmarks of the customer segments service"), flush=True)
    if "overhead" in sections:
        options = OverheadOptions(
            args.server_customers, args.connections, duration, args.repeats, args.max_requests
        )
        _print_section("1. GraphQL overhead against bare routes", await measure_overhead(options))
        server_time = await measure_server_time(args.server_customers, args.repeats)
        _print_section("1b. Server time per request, in process", server_time)
    if "counting" in sections:
        counting = CountingOptions(
            sizes, args.page_size, args.repeats, min(args.import_rows, 1000), args.budget
        )
        tables = await measure_counting(counting)
        _print_section(
            "2. Counting: a page of segments with counts, embedded store", tables["counting"]
        )
        _print_section("3. Embedded store limits", tables["limits"])
        _print_section("4. Storage calls per request", tables["operations"])
    if "compile" in sections:
        _print_section("5. Compiling a 20 x 20 rule", measure_compile(20, 20, max(args.repeats, 5)))


def _print_section(title: str, body: str) -> None:
    print(f"\n## {title}\n\n{body}", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # The service logs a line per request and per write, which would bury
    # the progress messages.
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("bench").setLevel(logging.INFO)
    started = time.perf_counter()
    asyncio.run(run(args))
    print(f"\nfinished in {time.perf_counter() - started:.0f} s", flush=True)
    return 0
