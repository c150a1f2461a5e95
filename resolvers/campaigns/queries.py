"""Campaign queries."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.campaigns.campaign import Campaign
from resolvers.campaigns.listing import list_campaigns
from resolvers.campaigns.store import get_campaign
from resolvers.campaigns.types import CampaignConnection
from resolvers.common import page_size
from resolvers.context import RequestContext


@strawberry.type
class CampaignQuery:
    @strawberry.field(description="Campaigns of the workspace, newest first.")
    async def campaigns(
        self, info: Info[RequestContext, None], first: int | None = None, after: str | None = None
    ) -> CampaignConnection:
        ctx = info.context
        return await list_campaigns(
            ctx, first=page_size(first, ctx.limits.max_page_size), after=after
        )

    @strawberry.field(description="One campaign by id, or null when it does not exist.")
    async def campaign(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> Campaign | None:
        document = await get_campaign(info.context, str(id))
        return Campaign.from_document(document) if document else None
