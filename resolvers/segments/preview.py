"""Previews of unsaved rules: totals, counts per group, a first page, warnings."""

from __future__ import annotations

import asyncio

from mongo_filters import field_catalog
from mongo_filters.analysis import field_labels, find_warnings
from mongo_filters.conditions import FieldType, Rule
from mongo_filters.references import referenced_segment_ids
from resolvers.common import user_errors
from resolvers.context import RequestContext
from resolvers.custom_fields.store import load_custom_fields
from resolvers.customers.types import Customer
from resolvers.segments.checks import check_rule
from resolvers.segments.compiling import compile_rules
from resolvers.segments.store import load_referenced_rules, loaded_segment_name
from resolvers.segments.types import RuleWarning, SegmentPreview


async def rule_warnings(ctx: RequestContext, rule: Rule) -> list[RuleWarning]:
    custom_fields = await load_custom_fields(ctx)
    catalog = field_catalog(custom_fields)
    field_types: dict[str, FieldType] = {spec.key: spec.type for spec in catalog}
    # check_rule has usually read the referenced segments already, so this
    # costs no query then.
    referenced = await load_referenced_rules(ctx, referenced_segment_ids(rule))
    warnings = find_warnings(
        rule,
        field_types,
        labels=field_labels(catalog),
        segment_names={
            segment_id: loaded_segment_name(ctx, segment_id) for segment_id in referenced
        },
    )
    return [
        RuleWarning(field=w.field, code=w.code, message=w.message(ctx.language)) for w in warnings
    ]


async def preview(ctx: RequestContext, rule: Rule, first: int) -> SegmentPreview:
    problems = await check_rule(ctx, rule)
    if problems:
        return SegmentPreview(
            total_count=0,
            group_counts=[],
            customers=[],
            warnings=[],
            user_errors=user_errors(problems, ctx.language),
        )

    whole, *groups = await compile_rules(ctx, [rule, *([group] for group in rule)])
    customers = ctx.collection("customers")
    total, *group_counts = await asyncio.gather(
        customers.count(whole), *(customers.count(g) for g in groups)
    )
    sample = await customers.find(whole, sort=[("_id", 1)], limit=first) if first else []
    return SegmentPreview(
        total_count=total,
        group_counts=group_counts,
        customers=[Customer.from_document(d) for d in sample],
        warnings=await rule_warnings(ctx, rule),
        user_errors=[],
    )
