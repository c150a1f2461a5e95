"""Creating, updating and duplicating segments.

Name uniqueness is enforced by the unique index on `(workspaceId, nameKey)`,
not by reading first, so two concurrent saves of one name give one segment.
Updates are conditional on the version read, so a concurrent save is
reported as VERSION_CONFLICT instead of being overwritten.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from models.problems import Problem
from mongo_filters.conditions import Rule
from resolvers.common import not_found
from resolvers.context import RequestContext
from resolvers.segments.checks import check_rule
from resolvers.segments.defaults import DEFAULT_SEGMENTS
from resolvers.segments.documents import name_fields, new_segment_document, rule_fields
from resolvers.segments.names import check_name, name_key, name_taken
from resolvers.segments.preview import rule_warnings
from resolvers.segments.rules import rule_from_document
from resolvers.segments.store import get_segment
from resolvers.segments.types import RuleWarning
from storage.errors import DuplicateKeyError

logger = logging.getLogger(__name__)

SEGMENTS = "segments"


@dataclass
class SaveResult:
    document: dict[str, Any] | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[RuleWarning] = field(default_factory=list)


def missing_segment(field_path: str, segment_id: str) -> Problem:
    return not_found(field_path, "segment", segment_id)


def version_conflict(segment_id: str, expected: int, current: int) -> Problem:
    return Problem(
        "expectedVersion",
        "VERSION_CONFLICT",
        f"Segment {segment_id} was saved by someone else (version {current}, you edited version "
        f"{expected}); reload it and apply your change again.",
        f"Phân khúc {segment_id} đã được người khác lưu (phiên bản {current}, bạn sửa phiên bản "
        f"{expected}); hãy tải lại và sửa lại.",
    )


async def _name_taken(ctx: RequestContext, name: str) -> Problem:
    existing = await ctx.collection(SEGMENTS).find_one({"nameKey": name_key(name)})
    return name_taken(
        existing["name"] if existing else name, str(existing["_id"]) if existing else "?"
    )


async def create(ctx: RequestContext, name: str, rule: Rule) -> SaveResult:
    cleaned, problems = check_name(name, "input.name")
    problems += [p.under("input") for p in await check_rule(ctx, rule)]
    if problems:
        return SaveResult(problems=problems)

    document = new_segment_document(cleaned, rule, ctx.now())
    try:
        document["_id"] = await ctx.collection(SEGMENTS).insert_one(document)
    except DuplicateKeyError:
        logger.info(
            "request %s: segment name %r taken in workspace %s",
            ctx.request_id,
            cleaned,
            ctx.workspace.id,
        )
        return SaveResult(problems=[(await _name_taken(ctx, cleaned)).under("input")])
    logger.info("workspace %s: created segment %s", ctx.workspace.id, document["_id"])
    return SaveResult(document=document, warnings=await rule_warnings(ctx, rule))


async def update(
    ctx: RequestContext,
    segment_id: str,
    name: str | None,
    rule: Rule | None,
    expected_version: int | None,
) -> SaveResult:
    existing = await get_segment(ctx, segment_id)
    if existing is None:
        return SaveResult(problems=[missing_segment("id", segment_id)])
    current = int(existing.get("version", 1))
    if expected_version is not None and expected_version != current:
        return SaveResult(problems=[version_conflict(segment_id, expected_version, current)])

    changes: dict[str, Any] = {}
    problems: list[Problem] = []
    if name is not None:
        cleaned, name_problems = check_name(name, "input.name")
        problems += name_problems
        changes.update(name_fields(cleaned))
    if rule is not None:
        problems += [p.under("input") for p in await check_rule(ctx, rule, segment_id=segment_id)]
        changes.update(rule_fields(rule))
    if problems:
        return SaveResult(problems=problems)

    changes["updatedAt"] = ctx.now()
    try:
        document = await ctx.collection(SEGMENTS).find_one_and_update(
            {"_id": existing["_id"], "version": current}, {"$set": changes, "$inc": {"version": 1}}
        )
    except DuplicateKeyError:
        logger.info(
            "request %s: renaming segment %s failed, name taken", ctx.request_id, segment_id
        )
        return SaveResult(problems=[(await _name_taken(ctx, changes["name"])).under("input")])
    if document is None:
        logger.info("request %s: segment %s changed during the update", ctx.request_id, segment_id)
        latest = await get_segment(ctx, segment_id)
        if latest is None:
            return SaveResult(problems=[missing_segment("id", segment_id)])
        return SaveResult(
            problems=[version_conflict(segment_id, current, int(latest.get("version", 1)))]
        )
    logger.info(
        "workspace %s: updated segment %s to version %d", ctx.workspace.id, segment_id, current + 1
    )
    saved_rule = rule if rule is not None else rule_from_document(document["conditionGroups"])
    return SaveResult(document=document, warnings=await rule_warnings(ctx, saved_rule))


async def duplicate(ctx: RequestContext, segment_id: str, name: str) -> SaveResult:
    existing = await get_segment(ctx, segment_id)
    if existing is None:
        return SaveResult(problems=[missing_segment("id", segment_id)])
    return await create(ctx, name, rule_from_document(existing["conditionGroups"]))


async def default_name_conflicts(ctx: RequestContext, restored_keys: list[str]) -> list[Problem]:
    """Report the missing defaults that could not be restored because a segment took the name."""
    present = {
        d.get("defaultKey")
        for d in await ctx.collection(SEGMENTS).find({"defaultKey": {"$exists": True}})
    }
    problems = []
    for default in DEFAULT_SEGMENTS:
        if default.key in present or default.key in restored_keys:
            continue
        taken = await _name_taken(ctx, default.name)
        problems.append(Problem(f"defaults.{default.key}", taken.code, taken.en, taken.vi))
    return problems
