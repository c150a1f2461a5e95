"""Segment mutations."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.common import UserError, limit_exceeded, user_errors
from resolvers.context import RequestContext
from resolvers.segments import saving
from resolvers.segments.counting import count_segments
from resolvers.segments.defaults import DEFAULT_SEGMENTS, create_default
from resolvers.segments.deletion import delete_segments
from resolvers.segments.locks import rule_graph_lock
from resolvers.segments.payloads import (
    DeleteSegmentResult,
    DeleteSegmentsPayload,
    DeleteStatus,
    RefreshSegmentCountsPayload,
    RestoreDefaultSegmentsPayload,
    SegmentPayload,
)
from resolvers.segments.rules import rule_from_input
from resolvers.segments.segment import Segment
from resolvers.segments.store import get_segments
from resolvers.segments.types import CreateSegmentInput, UpdateSegmentInput


def _payload(ctx: RequestContext, result: saving.SaveResult) -> SegmentPayload:
    return SegmentPayload(
        segment=Segment.from_document(ctx, result.document) if result.document else None,
        user_errors=user_errors(result.problems, ctx.language),
        warnings=result.warnings,
    )


def _too_many_ids(ctx: RequestContext, ids: list[strawberry.ID]) -> list[UserError] | None:
    if len(ids) <= ctx.limits.max_batch_ids:
        return None
    problem = limit_exceeded(
        "ids", "ids", "mã", ctx.limits.max_batch_ids, len(ids), "MAX_BATCH_IDS"
    )
    return user_errors([problem], ctx.language)


@strawberry.type
class SegmentMutation:
    @strawberry.mutation(description="Save a new segment; warnings do not prevent the save.")
    async def create_segment(
        self, info: Info[RequestContext, None], input: CreateSegmentInput
    ) -> SegmentPayload:
        ctx = info.context
        async with rule_graph_lock(ctx):
            result = await saving.create(ctx, input.name, rule_from_input(input.condition_groups))
        return _payload(ctx, result)

    @strawberry.mutation(
        description="Change a segment's name or rule. With expectedVersion, the save fails with "
        "VERSION_CONFLICT when someone else saved first."
    )
    async def update_segment(
        self,
        info: Info[RequestContext, None],
        id: strawberry.ID,
        input: UpdateSegmentInput,
        expected_version: int | None = None,
    ) -> SegmentPayload:
        ctx = info.context
        name = input.name if isinstance(input.name, str) else None
        groups = input.condition_groups if isinstance(input.condition_groups, list) else None
        rule = rule_from_input(groups) if groups is not None else None
        async with rule_graph_lock(ctx):
            result = await saving.update(ctx, str(id), name, rule, expected_version)
        return _payload(ctx, result)

    @strawberry.mutation(description="Save a copy of a segment's rule under a new name.")
    async def duplicate_segment(
        self, info: Info[RequestContext, None], id: strawberry.ID, name: str
    ) -> SegmentPayload:
        ctx = info.context
        async with rule_graph_lock(ctx):
            result = await saving.duplicate(ctx, str(id), name)
        return _payload(ctx, result)

    @strawberry.mutation(description="Delete one segment unless another segment uses it.")
    async def delete_segment(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> DeleteSegmentsPayload:
        return await _delete(info.context, [id])

    @strawberry.mutation(
        description="Delete several segments; each id is reported as deleted, not found or refused."
    )
    async def delete_segments(
        self, info: Info[RequestContext, None], ids: list[strawberry.ID]
    ) -> DeleteSegmentsPayload:
        ctx = info.context
        errors = _too_many_ids(ctx, ids)
        if errors is not None:
            return DeleteSegmentsPayload(results=[], deleted_ids=[], user_errors=errors)
        return await _delete(ctx, ids)

    @strawberry.mutation(description="Create again the default segments that were deleted.")
    async def restore_default_segments(
        self, info: Info[RequestContext, None]
    ) -> RestoreDefaultSegmentsPayload:
        ctx = info.context
        restored_keys = [d.key for d in DEFAULT_SEGMENTS if await create_default(ctx, d)]
        documents = await ctx.collection("segments").find({"defaultKey": {"$in": restored_keys}})
        problems = await saving.default_name_conflicts(ctx, restored_keys)
        return RestoreDefaultSegmentsPayload(
            restored=[Segment.from_document(ctx, d) for d in documents],
            user_errors=user_errors(problems, ctx.language),
        )

    @strawberry.mutation(
        description="Recount segments now instead of waiting for the cache to expire."
    )
    async def refresh_segment_counts(
        self, info: Info[RequestContext, None], ids: list[strawberry.ID]
    ) -> RefreshSegmentCountsPayload:
        ctx = info.context
        errors = _too_many_ids(ctx, ids)
        if errors is not None:
            return RefreshSegmentCountsPayload(segments=[], user_errors=errors)
        found = await get_segments(ctx, [str(i) for i in ids])
        documents = [found[str(i)] for i in ids if str(i) in found]
        await count_segments(ctx, documents, force=True)
        missing = [
            saving.missing_segment(f"ids.{n}", str(i))
            for n, i in enumerate(ids)
            if str(i) not in found
        ]
        return RefreshSegmentCountsPayload(
            segments=[Segment.from_document(ctx, d) for d in documents],
            user_errors=user_errors(missing, ctx.language),
        )


async def _delete(ctx: RequestContext, ids: list[strawberry.ID]) -> DeleteSegmentsPayload:
    async with rule_graph_lock(ctx):
        outcomes = await delete_segments(ctx, [str(i) for i in ids])
    results = [
        DeleteSegmentResult(
            id=strawberry.ID(outcome.segment_id),
            status=DeleteStatus(outcome.status),
            name=outcome.document["name"] if outcome.document else None,
            dependents=[Segment.from_document(ctx, d) for d in outcome.dependents],
            user_errors=user_errors(outcome.problems, ctx.language),
        )
        for outcome in outcomes
    ]
    return DeleteSegmentsPayload(
        results=results,
        deleted_ids=[r.id for r in results if r.status == DeleteStatus.DELETED],
        user_errors=[e for r in results for e in r.user_errors],
    )
