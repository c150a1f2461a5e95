"""Storage access for segments: reads, writes and the rules they reference."""

from __future__ import annotations

from typing import Any

from bson import ObjectId

from mongo_filters.conditions import Rule
from mongo_filters.references import referenced_segment_ids
from mongo_filters.scope import MAX_SEGMENT_DEPTH
from resolvers.common import parse_object_id
from resolvers.context import RequestContext
from resolvers.segments.rules import rule_from_document

SEGMENTS = "segments"


async def get_segment(ctx: RequestContext, segment_id: str) -> dict[str, Any] | None:
    object_id = parse_object_id(segment_id)
    if object_id is None:
        return None
    return await ctx.collection(SEGMENTS).find_one({"_id": object_id})


async def get_segments(ctx: RequestContext, segment_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Return the segments among `segment_ids` that exist, by id, in one query."""
    object_ids = [oid for oid in map(parse_object_id, segment_ids) if oid is not None]
    if not object_ids:
        return {}
    documents = await ctx.collection(SEGMENTS).find({"_id": {"$in": object_ids}})
    return {str(d["_id"]): d for d in documents}


async def load_referenced_rules(ctx: RequestContext, rule_ids: list[str]) -> dict[str, Rule]:
    """Return the rules of `rule_ids` and of every segment they reference in turn.

    One query per nesting level; the depth is bounded, so a malformed stored
    cycle cannot loop forever.
    """
    cache: dict[str, Rule] = ctx.cache.setdefault("segment_rules", {})
    names: dict[str, str] = ctx.cache.setdefault("segment_names", {})
    found: dict[str, Rule] = {}
    pending = set(rule_ids)
    for _ in range(MAX_SEGMENT_DEPTH + 2):
        missing = [i for i in pending if i not in cache]
        if missing:
            for segment_id, document in (await get_segments(ctx, missing)).items():
                cache[segment_id] = rule_from_document(document["conditionGroups"])
                names[segment_id] = document["name"]
        next_pending: set[str] = set()
        for segment_id in pending:
            if segment_id in cache and segment_id not in found:
                found[segment_id] = cache[segment_id]
                next_pending.update(referenced_segment_ids(cache[segment_id]))
        pending = next_pending - found.keys()
        if not pending:
            break
    return found


def loaded_segment_name(ctx: RequestContext, segment_id: str) -> str:
    """Return the name of a segment read by `load_referenced_rules`, or its id."""
    name: str = ctx.cache.get("segment_names", {}).get(segment_id, segment_id)
    return name


def new_object_id() -> ObjectId:
    return ObjectId()
