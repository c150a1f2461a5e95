"""Segment queries."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from resolvers.common import page_size
from resolvers.context import RequestContext
from resolvers.segments.listing import list_segments
from resolvers.segments.preview import preview
from resolvers.segments.rules import rule_from_input
from resolvers.segments.segment import Segment
from resolvers.segments.store import get_segment
from resolvers.segments.types import (
    ConditionGroupInput,
    SegmentConnection,
    SegmentOrder,
    SegmentPreview,
)


@strawberry.type
class SegmentQuery:
    @strawberry.field(description="Segments of the workspace, searched by name and ordered.")
    async def segments(
        self,
        info: Info[RequestContext, None],
        first: int | None = None,
        after: str | None = None,
        search: Annotated[
            str | None,
            strawberry.argument(description="Part of the name; case and diacritics are ignored."),
        ] = None,
        order_by: SegmentOrder | None = None,
    ) -> SegmentConnection:
        ctx = info.context
        return await list_segments(
            ctx,
            first=page_size(first, ctx.limits.max_page_size),
            after=after,
            search=search,
            order=order_by or SegmentOrder(),
        )

    @strawberry.field(description="One segment by id, or null when it does not exist.")
    async def segment(self, info: Info[RequestContext, None], id: strawberry.ID) -> Segment | None:
        document = await get_segment(info.context, str(id))
        return Segment.from_document(info.context, document) if document else None

    @strawberry.field(description="Count and sample an unsaved rule, with warnings about it.")
    async def preview_segment(
        self,
        info: Info[RequestContext, None],
        condition_groups: list[ConditionGroupInput],
        first: Annotated[
            int, strawberry.argument(description="Customers to return, at most the page size.")
        ] = 20,
    ) -> SegmentPreview:
        ctx = info.context
        return await preview(
            ctx, rule_from_input(condition_groups), page_size(first, ctx.limits.max_page_size)
        )
