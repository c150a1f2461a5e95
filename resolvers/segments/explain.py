"""Explanations of one customer's membership: which groups and conditions held."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.scalars import JSON

from resolvers.common import as_utc
from resolvers.context import RequestContext
from resolvers.segments.compiling import compile_rules
from resolvers.segments.membership import matching_facets
from resolvers.segments.rules import rule_from_document
from resolvers.segments.segment import Segment
from resolvers.segments.store import get_segment


@strawberry.type
class ConditionMatch:
    field: str
    operator: str
    held: bool
    customer_value: JSON | None = strawberry.field(
        description="The customer's value that was checked."
    )


@strawberry.type
class GroupMatch:
    index: int
    matched: bool
    conditions: list[ConditionMatch]


@strawberry.type(description="Why a customer is or is not in a segment.")
class SegmentMatch:
    segment: Segment
    matched: bool
    groups: list[GroupMatch]


def _stored_value(customer: dict[str, Any], field: str) -> Any:
    if field.startswith("custom."):
        value = (customer.get("custom") or {}).get(field.removeprefix("custom."))
    else:
        value = customer.get(field)
    if isinstance(value, dt.datetime):
        return (as_utc(value) or value).isoformat()
    return value


async def explain_match(
    ctx: RequestContext, customer: dict[str, Any], segment_id: str
) -> SegmentMatch | None:
    document = await get_segment(ctx, segment_id)
    if document is None:
        return None
    rule = rule_from_document(document["conditionGroups"])
    singles = [[[condition]] for group in rule for condition in group]
    filters = await compile_rules(ctx, singles)
    keys = [f"g{g}c{c}" for g, group in enumerate(rule) for c in range(len(group))]
    matches = await matching_facets(ctx, [customer["_id"]], dict(zip(keys, filters, strict=True)))
    held = {key for key, ids in matches.items() if ids}

    groups = []
    for g, group in enumerate(rule):
        conditions = [
            ConditionMatch(
                field=condition.field,
                operator=str(condition.operator),
                held=f"g{g}c{c}" in held,
                customer_value=_stored_value(customer, condition.field),
            )
            for c, condition in enumerate(group)
        ]
        groups.append(
            GroupMatch(index=g, matched=all(x.held for x in conditions), conditions=conditions)
        )
    return SegmentMatch(
        segment=Segment.from_document(ctx, document),
        matched=any(group.matched for group in groups),
        groups=groups,
    )
