"""The Segment GraphQL type."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from resolvers.common import as_utc, page_size
from resolvers.context import RequestContext
from resolvers.segments.counting import SegmentCount, count_segments
from resolvers.segments.rules import rule_from_document, rule_to_output
from resolvers.segments.types import ConditionGroup

if TYPE_CHECKING:
    from resolvers.campaigns.types import CampaignConnection

_LOADER_KEY = "segment_count_loader"
_DOCUMENTS_KEY = "segment_documents"


def count_loader(ctx: RequestContext) -> DataLoader[str, SegmentCount]:
    """Return the request's count loader, which batches every count of a page."""
    loader: DataLoader[str, SegmentCount] | None = ctx.cache.get(_LOADER_KEY)
    if loader is None:
        documents: dict[str, dict[str, Any]] = ctx.cache.setdefault(_DOCUMENTS_KEY, {})

        async def load(ids: list[str]) -> list[SegmentCount]:
            return await count_segments(ctx, [documents[i] for i in ids])

        loader = DataLoader(load_fn=load)
        ctx.cache[_LOADER_KEY] = loader
    return loader


@strawberry.type(description="A named rule that picks customers of the workspace.")
class Segment:
    id: strawberry.ID
    name: str
    default_key: str | None = strawberry.field(
        description="Stable key of a default segment, such as sms_subscribers; null otherwise."
    )
    version: int = strawberry.field(
        description="Increases on every save; pass it as expectedVersion."
    )
    created_at: dt.datetime
    updated_at: dt.datetime
    condition_groups: list[ConditionGroup] = strawberry.field(
        description="A customer matches when any group matches; a group when all its conditions do."
    )
    document: strawberry.Private[dict[str, Any]]

    @strawberry.field(description="True for the six segments every workspace starts with.")
    def is_default(self) -> bool:
        return self.default_key is not None

    @strawberry.field(description="Customers in the segment now, or as of countedAt when cached.")
    async def customer_count(self, info: Info[RequestContext, None]) -> int:
        return (await count_loader(info.context).load(str(self.id))).value

    @strawberry.field(description="When customerCount was computed.")
    async def counted_at(self, info: Info[RequestContext, None]) -> dt.datetime:
        return (await count_loader(info.context).load(str(self.id))).counted_at

    @strawberry.field(description="Campaigns created on this segment, newest first.")
    async def campaigns(
        self, info: Info[RequestContext, None], first: int | None = None, after: str | None = None
    ) -> Annotated[CampaignConnection, strawberry.lazy("resolvers.campaigns.types")]:
        from resolvers.campaigns.listing import list_campaigns

        ctx = info.context
        size = page_size(first, ctx.limits.max_page_size)
        return await list_campaigns(ctx, first=size, after=after, base={"segmentId": str(self.id)})

    @classmethod
    def from_document(cls, ctx: RequestContext, document: dict[str, Any]) -> Segment:
        segment_id = str(document["_id"])
        ctx.cache.setdefault(_DOCUMENTS_KEY, {})[segment_id] = document
        return cls(
            id=strawberry.ID(segment_id),
            name=document["name"],
            default_key=document.get("defaultKey"),
            version=int(document.get("version", 1)),
            created_at=as_utc(document["createdAt"]) or document["createdAt"],
            updated_at=as_utc(document["updatedAt"]) or document["updatedAt"],
            condition_groups=rule_to_output(rule_from_document(document["conditionGroups"])),
            document=document,
        )
