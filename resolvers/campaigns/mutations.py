"""Campaign mutations: create a campaign, and run it once."""

from __future__ import annotations

import logging

import strawberry
from strawberry.types import Info

from resolvers.campaigns import store
from resolvers.campaigns.campaign import Campaign
from resolvers.campaigns.problems import check_name
from resolvers.campaigns.running import run_campaign
from resolvers.campaigns.types import CampaignPayload, CreateCampaignInput
from resolvers.common import not_found, user_errors
from resolvers.context import RequestContext
from resolvers.segments.store import get_segment

logger = logging.getLogger(__name__)


@strawberry.type
class CampaignMutation:
    @strawberry.mutation(description="Create a DRAFT campaign that sends a segment on a channel.")
    async def create_campaign(
        self, info: Info[RequestContext, None], input: CreateCampaignInput
    ) -> CampaignPayload:
        ctx = info.context
        name, problems = check_name(input.name)
        segment = await get_segment(ctx, str(input.segment_id))
        if segment is None:
            problems.append(not_found("input.segmentId", "segment", str(input.segment_id)))
        if problems or segment is None:
            return CampaignPayload(campaign=None, user_errors=user_errors(problems, ctx.language))

        document = store.new_campaign_document(name, segment, input.channel.name, ctx.now())
        await store.insert_campaign(ctx, document)
        logger.info(
            "workspace %s: created campaign %s on segment %s",
            ctx.workspace.id,
            document["_id"],
            segment["_id"],
        )
        return CampaignPayload(campaign=Campaign.from_document(document), user_errors=[])

    @strawberry.mutation(
        description="Resolve and store the campaign's audience: the segment's members reachable on "
        "its channel, now. A campaign runs once; running it again returns ALREADY_RUN, except "
        "after a FAILED run, whose recipients were discarded."
    )
    async def run_campaign(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> CampaignPayload:
        ctx = info.context
        result = await run_campaign(ctx, str(id))
        return CampaignPayload(
            campaign=Campaign.from_document(result.document) if result.document else None,
            user_errors=user_errors(result.problems, ctx.language),
        )
