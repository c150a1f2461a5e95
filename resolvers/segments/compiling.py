"""Compile segment rules with everything the compiler needs from storage."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from mongo_filters import compile_segment
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
    context = await compile_context(ctx, rules)
    filters = [compile_segment(rule, context) for rule in rules]
    for compiled in filters:
        logger.debug("compiled filter %s", compiled)
    return filters
