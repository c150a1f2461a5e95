"""Running a campaign: resolve its audience once and store it in batches.

A run first claims the campaign: a conditional update moves it from DRAFT
or FAILED to RUNNING. It then reads the matching customers in `_id` order
one page at a time, writes their recipients in batches, records the count
so far, and finally marks the campaign COMPLETED. When anything fails
midway, the recipients written so far are deleted and the campaign is
marked FAILED, so a campaign is never COMPLETED with part of its audience.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

from bson import ObjectId

from models.problems import Problem
from resolvers.campaigns import store
from resolvers.campaigns.problems import already_run, invalid_rule, run_failed, segment_deleted
from resolvers.campaigns.reachability import contact_of, contact_projection
from resolvers.campaigns.snapshot import resolve_audience
from resolvers.common import not_found
from resolvers.context import RequestContext
from resolvers.segments.checks import check_rule
from resolvers.segments.rules import rule_from_document
from resolvers.segments.store import get_segment
from storage.errors import StorageError

logger = logging.getLogger(__name__)

# Recipients written per insert_many, and customers read per keyset page.
# A run keeps at most one page in memory, whatever the audience size. The
# embedded engine has no indexes and scans every customer for each page,
# so pages are larger than batches: a 20,000-customer run reads 4 pages
# instead of 20.
BATCH_SIZE = 1000
PAGE_SIZE = 5000


@dataclass
class RunResult:
    document: dict[str, Any] | None
    problems: list[Problem] = field(default_factory=list)


async def run_campaign(ctx: RequestContext, campaign_id: str) -> RunResult:
    """Resolve and store the audience of a campaign, unless it already has one.

    NOTE: the run happens inside the request, which a 20,000-recipient run
    keeps open for about 17 s on the embedded engine (2-core VM). Much
    larger audiences need a background worker, which the statuses allow.
    """
    campaign = await store.get_campaign(ctx, campaign_id)
    if campaign is None:
        return RunResult(None, [not_found("id", "campaign", campaign_id)])
    if campaign["status"] not in store.RUNNABLE:
        return RunResult(campaign, [already_run(campaign)])

    segment = await get_segment(ctx, campaign["segmentId"])
    if segment is None:
        return RunResult(campaign, [segment_deleted(campaign)])
    problems = await check_rule(ctx, rule_from_document(segment["conditionGroups"]))
    if problems:
        return RunResult(campaign, [invalid_rule(p) for p in problems])

    audience = await resolve_audience(ctx, segment, campaign["channel"])
    claimed = await store.claim_run(ctx, campaign["_id"], audience.snapshot, segment["name"])
    if claimed is None:
        current = await store.get_campaign(ctx, campaign_id) or campaign
        return RunResult(current, [already_run(current)])

    logger.info(
        "workspace %s: campaign %s run started on segment %s (%s)",
        ctx.workspace.id,
        campaign_id,
        campaign["segmentId"],
        campaign["channel"],
    )
    progress = _Progress()
    try:
        await _write_audience(ctx, claimed, audience.filter, progress)
        finished = await store.finish_run(ctx, claimed["_id"], progress.written)
    except (Exception, asyncio.CancelledError) as exc:
        # Any failure, whatever its type, must leave the campaign FAILED
        # rather than RUNNING forever or COMPLETED with part of its audience.
        result = await _fail(ctx, claimed["_id"], progress.written, exc)
        if isinstance(exc, asyncio.CancelledError):
            raise
        return result

    logger.info(
        "workspace %s: campaign %s run completed with %d recipients",
        ctx.workspace.id,
        campaign_id,
        progress.written,
    )
    return RunResult(finished or await store.get_campaign(ctx, campaign_id))


@dataclass
class _Progress:
    written: int = 0
    # Contacts already in the audience: two customer records that share an
    # email or phone get one message, sent to the first record in `_id` order.
    contacts: set[str] = field(default_factory=set)


async def _write_audience(
    ctx: RequestContext, campaign: dict[str, Any], audience: dict[str, Any], progress: _Progress
) -> None:
    campaign_id: ObjectId = campaign["_id"]
    channel: str = campaign["channel"]
    customers = ctx.collection("customers")
    projection = contact_projection(channel)

    # A FAILED run may have left recipients behind when its clean-up failed too.
    await store.delete_recipients(ctx, campaign_id)

    # NOTE: pages are read one after another, not from one snapshot of the
    # collection, so a customer changed during a run is judged by its state
    # when its page is read. Keyset paging on `_id` still reads each
    # customer at most once, so the audience has no duplicates.
    last_id: ObjectId | None = None
    while True:
        # `_id` comes first so that an engine evaluating the filter in order
        # (the embedded one) rejects customers of earlier pages cheaply.
        page_filter = audience if last_id is None else {"_id": {"$gt": last_id}, **audience}
        page = await customers.find(
            page_filter, sort=[("_id", 1)], limit=PAGE_SIZE, projection=projection
        )
        for start in range(0, len(page), BATCH_SIZE):
            await _write_batch(
                ctx, campaign_id, channel, page[start : start + BATCH_SIZE], progress
            )
        if len(page) < PAGE_SIZE:
            break
        last_id = page[-1]["_id"]


async def _write_batch(
    ctx: RequestContext,
    campaign_id: ObjectId,
    channel: str,
    customers: list[dict[str, Any]],
    progress: _Progress,
) -> None:
    recipients = []
    seq = progress.written
    for customer in customers:
        contact = contact_of(channel, customer)
        if contact is None or contact in progress.contacts:
            continue
        progress.contacts.add(contact)
        seq += 1
        recipients.append(
            {
                "campaignId": campaign_id,
                "seq": seq,
                "customerId": customer["_id"],
                "contact": contact,
            }
        )
    await store.insert_recipients(ctx, recipients)
    progress.written = seq
    await store.record_progress(ctx, campaign_id, seq)


async def _fail(
    ctx: RequestContext, campaign_id: ObjectId, written: int, exc: BaseException
) -> RunResult:
    logger.error(
        "workspace %s: campaign %s run failed after %d recipients (request %s)",
        ctx.workspace.id,
        campaign_id,
        written,
        ctx.request_id,
        exc_info=exc,
    )
    try:
        await store.delete_recipients(ctx, campaign_id)
    except StorageError:
        logger.exception(
            "workspace %s: campaign %s: deleting the partial recipients failed; "
            "the next run deletes them",
            ctx.workspace.id,
            campaign_id,
        )

    error = {
        "code": "RUN_FAILED",
        "requestId": ctx.request_id,
        "written": written,
        "exception": type(exc).__name__,
    }
    # NOTE: if this update fails too (the database is unreachable), the
    # campaign stays RUNNING and no call can run it again. Nothing expires
    # a stale RUNNING status yet.
    failed = await store.fail_run(ctx, campaign_id, error)
    return RunResult(failed, [run_failed(written, ctx.request_id)])
