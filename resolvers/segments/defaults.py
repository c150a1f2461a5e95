"""The six default segments every workspace starts with."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from mongo_filters.conditions import Condition, ConditionValue, Operator, Period, PeriodUnit
from resolvers.context import RequestContext
from resolvers.segments.documents import new_segment_document
from storage.errors import DuplicateKeyError
from storage.workspaces import mark_defaults_seeded

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DefaultSegment:
    key: str
    name: str
    rule: list[list[Condition]]


def _present(field: str) -> Condition:
    return Condition(field, Operator.IS_NOT_EMPTY)


DEFAULT_SEGMENTS: tuple[DefaultSegment, ...] = (
    DefaultSegment(
        "new_subscribers",
        "New subscribers",
        [
            [
                Condition(
                    "createdAt",
                    Operator.IN_LAST,
                    ConditionValue(period=Period(14, PeriodUnit.DAYS)),
                )
            ]
        ],
    ),
    DefaultSegment("sms_subscribers", "SMS subscribers", [[_present("phone")]]),
    DefaultSegment(
        "email_subscribers",
        "Email subscribers",
        [[_present("email"), Condition("emailVerified", Operator.IS_TRUE)]],
    ),
    DefaultSegment("zalo_subscribers", "Zalo subscribers", [[_present("zaloInteractedAt")]]),
    DefaultSegment(
        "facebook_subscribers", "Facebook subscribers", [[_present("facebookInteractedAt")]]
    ),
    DefaultSegment(
        "email_complaint_subscribers",
        "Email complaint subscribers",
        [[_present("emailComplainedAt")]],
    ),
)


async def create_default(ctx: RequestContext, default: DefaultSegment) -> bool:
    """Create one default segment unless it exists; return whether it was created.

    The upsert on `defaultKey` and the unique name index together make
    concurrent first requests create each default once.
    """
    document = new_segment_document(default.name, default.rule, ctx.now(), default.key)
    segments = ctx.collection("segments")
    try:
        changed = await segments.update_one(
            {"defaultKey": default.key}, {"$setOnInsert": document}, upsert=True
        )
    except DuplicateKeyError:
        # Another request created it first, or a user segment has its name.
        logger.info(
            "workspace %s: default segment %s not created, name taken",
            ctx.workspace.id,
            default.key,
        )
        return False
    return changed > 0


async def ensure_default_segments(ctx: RequestContext) -> None:
    """Create the defaults once per workspace; deleted ones stay deleted."""
    if ctx.workspace.defaults_seeded:
        return
    created = [d.key for d in DEFAULT_SEGMENTS if await create_default(ctx, d)]
    await mark_defaults_seeded(ctx.database, ctx.workspace.id, ctx.now())
    logger.info("workspace %s: created default segments %s", ctx.workspace.id, created)
