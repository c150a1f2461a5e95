"""Keyset pages of campaigns (newest first) and of a campaign's recipients (by seq)."""

from __future__ import annotations

import json
from typing import Any

import strawberry

from resolvers.campaigns import store
from resolvers.campaigns.types import (
    CampaignConnection,
    CampaignEdge,
    CampaignRecipient,
    CampaignRecipientConnection,
    CampaignRecipientEdge,
)
from resolvers.common import PageInfo, cursor_object_id, cursor_parts, encode_cursor
from resolvers.context import RequestContext


def _page_info(cursors: list[str], has_next: bool, after: str | None) -> PageInfo:
    return PageInfo(
        has_next_page=has_next,
        has_previous_page=after is not None,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )


async def list_campaigns(
    ctx: RequestContext, *, first: int, after: str | None, base: dict[str, Any] | None = None
) -> CampaignConnection:
    """Return a page of campaigns matching `base`, newest first (by `_id`, descending)."""
    from resolvers.campaigns.campaign import Campaign

    base = base or {}
    page_filter = dict(base)
    if after:
        (last_id,) = cursor_parts(after, str)
        page_filter["_id"] = {"$lt": cursor_object_id(after, last_id)}

    campaigns = ctx.collection(store.CAMPAIGNS)
    documents = await campaigns.find(page_filter, sort=[("_id", -1)], limit=first + 1)
    total = await campaigns.count(base)
    edges = [
        CampaignEdge(
            cursor=encode_cursor(json.dumps([str(d["_id"])])), node=Campaign.from_document(d)
        )
        for d in documents[:first]
    ]
    return CampaignConnection(
        edges=edges,
        page_info=_page_info([e.cursor for e in edges], len(documents) > first, after),
        total_count=total,
    )


async def list_recipients(
    ctx: RequestContext, campaign: dict[str, Any], *, first: int, after: str | None
) -> CampaignRecipientConnection:
    """Return a page of a completed campaign's recipients in seq order.

    `totalCount` is the count stored when the run completed, which the
    recipients can no longer change, so no count query is needed.
    """
    after_seq = 0
    if after:
        (after_seq,) = cursor_parts(after, int)

    documents = (
        await store.find_recipients(ctx, campaign["_id"], after_seq, first + 1) if first else []
    )
    edges = [
        CampaignRecipientEdge(
            cursor=encode_cursor(json.dumps([d["seq"]])),
            node=CampaignRecipient(
                seq=d["seq"], customer_id=strawberry.ID(str(d["customerId"])), contact=d["contact"]
            ),
        )
        for d in documents[:first]
    ]
    has_next = len(documents) > first if first else after_seq < int(campaign["recipientCount"])
    return CampaignRecipientConnection(
        edges=edges,
        page_info=_page_info([e.cursor for e in edges], has_next, after),
        total_count=int(campaign["recipientCount"]),
    )
