"""Section 3: compiling a rule of 20 groups of 20 conditions.

The compiler is pure, so this times it alone: no storage, no GraphQL.
Validation is timed separately, since every save and preview runs it
first.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from zoneinfo import ZoneInfo

import orjson

from bench.sample_rules import wide_rule
from bench.stats import format_table, median
from mongo_filters import compile_segment, validate_rule
from mongo_filters.conditions import CompileContext
from resolvers.segments.rules import rule_from_document

# Each timed run repeats the call until it has taken at least this long,
# so the clock's resolution does not matter.
MIN_RUN_SECONDS = 0.2
MAX_CALLS_PER_RUN = 10_000


def _time_call(call: Callable[[], object], repeats: int) -> list[float]:
    """Return the mean seconds per call of each of `repeats` runs."""
    results = []
    for _ in range(repeats):
        calls = 0
        started = time.perf_counter()
        elapsed = 0.0
        while elapsed < MIN_RUN_SECONDS and calls < MAX_CALLS_PER_RUN:
            call()
            calls += 1
            elapsed = time.perf_counter() - started
        results.append(elapsed / calls)
    return results


def measure_compile(groups: int, conditions: int, repeats: int) -> str:
    rule = rule_from_document(wide_rule(groups, conditions))
    context = CompileContext(
        workspace_id="bench", now=dt.datetime.now(dt.UTC), zone=ZoneInfo("Asia/Ho_Chi_Minh")
    )
    problems = validate_rule(rule)
    if problems:
        raise RuntimeError(f"the benchmark rule is invalid: {problems!r}")
    compiled = compile_segment(rule, context)

    compile_times = _time_call(lambda: compile_segment(rule, context), repeats)
    validate_times = _time_call(lambda: validate_rule(rule), repeats)
    rows: list[list[object]] = [
        ["compile_segment", median(compile_times) * 1000],
        ["validate_rule", median(validate_times) * 1000],
    ]
    size = len(orjson.dumps(compiled, default=str))
    intro = (
        f"a rule of {groups} groups of {conditions} conditions ({groups * conditions} conditions), "
        f"compiled filter of {size:,} bytes as JSON; medians of {repeats} runs"
    )
    return f"{intro}\n\n{format_table(['step', 'ms per call'], rows)}"
