"""Segment counts, cached on the segment document so every process agrees.

A count is reused while it is younger than `count_cache_seconds` and was
taken for the segment's current version; otherwise it is recounted. A page
of segments is counted concurrently, in one batch per request.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from typing import Any

from resolvers.common import as_utc
from resolvers.context import RequestContext
from resolvers.segments.compiling import compile_rules
from resolvers.segments.rules import rule_from_document

SEGMENTS = "segments"


@dataclass(frozen=True)
class SegmentCount:
    value: int
    counted_at: dt.datetime


def cached_count(document: dict[str, Any], now: dt.datetime, max_age: float) -> SegmentCount | None:
    cache = document.get("countCache")
    if not cache or cache.get("version") != document.get("version"):
        return None
    counted_at = as_utc(cache.get("countedAt"))
    if counted_at is None or (now - counted_at).total_seconds() > max_age:
        return None
    return SegmentCount(int(cache["value"]), counted_at)


async def count_segments(
    ctx: RequestContext, documents: list[dict[str, Any]], *, force: bool = False
) -> list[SegmentCount]:
    """Return a count for each document, recounting stale ones concurrently."""
    now = ctx.now()
    results: list[SegmentCount | None] = [
        None if force else cached_count(d, now, ctx.limits.count_cache_seconds) for d in documents
    ]
    stale = [i for i, result in enumerate(results) if result is None]
    if not stale:
        return [r for r in results if r is not None]

    rules = [rule_from_document(documents[i]["conditionGroups"]) for i in stale]
    filters = await compile_rules(ctx, rules)
    customers = ctx.collection("customers")
    values = await asyncio.gather(*(customers.count(f) for f in filters))

    segments = ctx.collection(SEGMENTS)
    writes = []
    for index, value in zip(stale, values, strict=True):
        document = documents[index]
        results[index] = SegmentCount(value, now)
        cache = {"value": value, "countedAt": now, "version": document.get("version")}
        document["countCache"] = cache
        writes.append(
            segments.update_one(
                {"_id": document["_id"], "version": document.get("version")},
                {"$set": {"countCache": cache}},
            )
        )
    await asyncio.gather(*writes)
    return [r for r in results if r is not None]
