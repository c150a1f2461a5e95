"""Compile segment rules with everything the compiler needs from storage."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from mongo_filters import CompileError, compile_segment
from mongo_filters.conditions import CompileContext, Rule
from mongo_filters.references import referenced_segment_ids
from resolvers.context import RequestContext
from resolvers.custom_fields.store import load_custom_fields
from resolvers.segments.store import load_referenced_rules

logger = logging.getLogger(__name__)


async def compile_context(ctx: RequestContext, rules: Sequence[Rule]) -> CompileContext:
    """Build one compile context for `rules`, loading shared inputs once."""
    references: set[str] = set()
    for rule in rules:
        references.update(referenced_segment_ids(rule))
    segments = await load_referenced_rules(ctx, sorted(references)) if references else {}
    return CompileContext(
        workspace_id=ctx.workspace.id,
        now=ctx.now(),
        zone=ctx.workspace.time_zone,
        custom_fields=await load_custom_fields(ctx),
        segments=segments,
    )


async def compile_rules(ctx: RequestContext, rules: Sequence[Rule]) -> list[dict[str, Any]]:
    """Compile each rule. A stored rule that no longer compiles matches no customer.

    Saving checks every rule, but a concurrent edit on another process can
    still leave a reference to a deleted segment or a removed custom field.
    One broken segment then counts zero instead of failing a whole page.
    """
    context = await compile_context(ctx, rules)
    filters = []
    for rule in rules:
        try:
            compiled = compile_segment(rule, context)
        except CompileError as exc:
            logger.warning(
                "request %s: a stored rule failed to compile and matches no customer: %s",
                ctx.request_id,
                exc,
            )
            compiled = {"workspaceId": ctx.workspace.id, "_id": {"$in": []}}
        logger.debug("compiled filter %s", compiled)
        filters.append(compiled)
    return filters
