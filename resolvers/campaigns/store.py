"""Storage access for campaigns and their recipients.

A campaign document moves from DRAFT (or FAILED) to RUNNING, then to
COMPLETED or FAILED. Each move is a conditional update on the status it
leaves, so two callers racing for the same move cannot both make it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from bson import ObjectId

from resolvers.common import parse_object_id
from resolvers.context import RequestContext

CAMPAIGNS = "campaigns"
RECIPIENTS = "campaignRecipients"

DRAFT = "DRAFT"
RUNNING = "RUNNING"
COMPLETED = "COMPLETED"
FAILED = "FAILED"

# A FAILED run stored no recipients that anyone could read, so running it
# again gives the only audience the campaign will ever have.
RUNNABLE = (DRAFT, FAILED)


async def get_campaign(ctx: RequestContext, campaign_id: str) -> dict[str, Any] | None:
    object_id = parse_object_id(campaign_id)
    if object_id is None:
        return None
    return await ctx.collection(CAMPAIGNS).find_one({"_id": object_id})


async def insert_campaign(ctx: RequestContext, document: dict[str, Any]) -> None:
    await ctx.collection(CAMPAIGNS).insert_one(document)


async def claim_run(
    ctx: RequestContext, campaign_id: ObjectId, snapshot: dict[str, Any], segment_name: str
) -> dict[str, Any] | None:
    """Move a DRAFT or FAILED campaign to RUNNING; return it, or None when another call won.

    The status is part of the filter, so of two concurrent calls only one
    matches, whatever the engine.
    """
    now = snapshot["now"]
    return await ctx.collection(CAMPAIGNS).find_one_and_update(
        {"_id": campaign_id, "status": {"$in": list(RUNNABLE)}},
        {
            "$set": {
                "status": RUNNING,
                "startedAt": now,
                "updatedAt": now,
                "recipientCount": 0,
                "segmentName": segment_name,
                "snapshot": snapshot,
            },
            "$unset": {"finishedAt": "", "error": ""},
        },
    )


async def record_progress(ctx: RequestContext, campaign_id: ObjectId, written: int) -> None:
    await ctx.collection(CAMPAIGNS).update_one(
        {"_id": campaign_id, "status": RUNNING},
        {"$set": {"recipientCount": written, "updatedAt": ctx.now()}},
    )


async def finish_run(
    ctx: RequestContext, campaign_id: ObjectId, written: int
) -> dict[str, Any] | None:
    now = ctx.now()
    return await ctx.collection(CAMPAIGNS).find_one_and_update(
        {"_id": campaign_id, "status": RUNNING},
        {
            "$set": {
                "status": COMPLETED,
                "recipientCount": written,
                "finishedAt": now,
                "updatedAt": now,
            }
        },
    )


async def fail_run(
    ctx: RequestContext, campaign_id: ObjectId, error: dict[str, Any]
) -> dict[str, Any] | None:
    now = ctx.now()
    return await ctx.collection(CAMPAIGNS).find_one_and_update(
        {"_id": campaign_id, "status": RUNNING},
        {
            "$set": {
                "status": FAILED,
                "recipientCount": 0,
                "finishedAt": now,
                "updatedAt": now,
                "error": error,
            }
        },
    )


async def insert_recipients(ctx: RequestContext, recipients: Sequence[dict[str, Any]]) -> None:
    await ctx.collection(RECIPIENTS).insert_many(recipients)


async def delete_recipients(ctx: RequestContext, campaign_id: ObjectId) -> int:
    return await ctx.collection(RECIPIENTS).delete_many({"campaignId": campaign_id})


async def find_recipients(
    ctx: RequestContext, campaign_id: ObjectId, after_seq: int, limit: int
) -> list[dict[str, Any]]:
    """Return up to `limit` recipients with a seq above `after_seq`, in seq order."""
    return await ctx.collection(RECIPIENTS).find(
        {"seq": {"$gt": after_seq}, "campaignId": campaign_id},
        sort=[("seq", 1)],
        limit=limit,
        projection={"_id": 0, "seq": 1, "customerId": 1, "contact": 1},
    )


def new_campaign_document(
    name: str, segment: dict[str, Any], channel: str, now: dt.datetime
) -> dict[str, Any]:
    return {
        "_id": ObjectId(),
        "name": name,
        "segmentId": str(segment["_id"]),
        "segmentName": segment["name"],
        "channel": channel,
        "status": DRAFT,
        "recipientCount": 0,
        "createdAt": now,
        "updatedAt": now,
    }
