"""The Campaign GraphQL type."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from resolvers.campaigns.listing import list_recipients
from resolvers.campaigns.problems import run_failed
from resolvers.campaigns.snapshot import snapshot_to_output
from resolvers.campaigns.types import (
    CampaignRecipientConnection,
    CampaignRunError,
    CampaignStatus,
    Channel,
    RuleSnapshot,
)
from resolvers.common import as_utc, page_size
from resolvers.context import RequestContext
from resolvers.segments.store import get_segments

if TYPE_CHECKING:
    from resolvers.segments.segment import Segment

_SEGMENT_LOADER_KEY = "campaign_segment_loader"


def segment_loader(ctx: RequestContext) -> DataLoader[str, dict[str, Any] | None]:
    """Return the request's segment loader, which reads the segments of a page in one query."""
    loader: DataLoader[str, dict[str, Any] | None] | None = ctx.cache.get(_SEGMENT_LOADER_KEY)
    if loader is None:

        async def load(ids: list[str]) -> list[dict[str, Any] | None]:
            found = await get_segments(ctx, ids)
            return [found.get(i) for i in ids]

        loader = DataLoader(load_fn=load)
        ctx.cache[_SEGMENT_LOADER_KEY] = loader
    return loader


@strawberry.type(
    description="A segment sent on a channel; its audience is resolved once, when it runs."
)
class Campaign:
    id: strawberry.ID
    name: str
    channel: Channel
    status: CampaignStatus
    segment_id: strawberry.ID = strawberry.field(
        description="Id of the segment, kept after it is deleted."
    )
    segment_name: str = strawberry.field(
        description="Name of the segment when the campaign ran, or when it was created "
        "if it has not run."
    )
    recipient_count: int = strawberry.field(
        description="Recipients written so far while RUNNING; the whole audience once COMPLETED."
    )
    created_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    rule_snapshot: RuleSnapshot | None = strawberry.field(
        description="The segment's rule as the run used it; null before the first run."
    )
    document: strawberry.Private[dict[str, Any]]

    @strawberry.field(description="The segment as it is now; null once it has been deleted.")
    async def segment(
        self, info: Info[RequestContext, None]
    ) -> Annotated[Segment, strawberry.lazy("resolvers.segments.segment")] | None:
        from resolvers.segments.segment import Segment

        document = await segment_loader(info.context).load(str(self.segment_id))
        return Segment.from_document(info.context, document) if document else None

    @strawberry.field(description="Why the last run failed; null unless the status is FAILED.")
    def error(self, info: Info[RequestContext, None]) -> CampaignRunError | None:
        stored = self.document.get("error")
        if self.status != CampaignStatus.FAILED or not stored:
            return None
        problem = run_failed(int(stored.get("written", 0)), str(stored.get("requestId", "")))
        return CampaignRunError(
            code=str(stored.get("code", problem.code)),
            message=problem.message(info.context.language),
            request_id=str(stored.get("requestId", "")),
        )

    @strawberry.field(
        description="The stored audience in seq order; null until the run has COMPLETED, so a "
        "partial audience is never read."
    )
    async def recipients(
        self, info: Info[RequestContext, None], first: int | None = None, after: str | None = None
    ) -> CampaignRecipientConnection | None:
        ctx = info.context
        size = page_size(first, ctx.limits.max_page_size)
        if self.status != CampaignStatus.COMPLETED:
            return None
        return await list_recipients(ctx, self.document, first=size, after=after)

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> Campaign:
        snapshot = document.get("snapshot")
        return cls(
            id=strawberry.ID(str(document["_id"])),
            name=document["name"],
            channel=Channel(document["channel"]),
            status=CampaignStatus(document["status"]),
            segment_id=strawberry.ID(document["segmentId"]),
            segment_name=document["segmentName"],
            recipient_count=int(document.get("recipientCount", 0)),
            created_at=as_utc(document["createdAt"]) or document["createdAt"],
            started_at=as_utc(document.get("startedAt")),
            finished_at=as_utc(document.get("finishedAt")),
            rule_snapshot=snapshot_to_output(snapshot) if snapshot else None,
            document=document,
        )
