"""Which segments one customer is in, decided by the database in one query."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resolvers.context import RequestContext
from resolvers.segments.compiling import compile_rules
from resolvers.segments.rules import rule_from_document

if TYPE_CHECKING:
    from resolvers.segments.segment import Segment


async def matching_facets(
    ctx: RequestContext, customer_id: Any, filters: dict[str, dict[str, Any]]
) -> set[str]:
    """Return the keys of `filters` that the customer matches.

    One `$facet` stage evaluates every filter on the single customer, so
    the cost is one query however many filters there are.
    """
    if not filters:
        return set()
    facets = {key: [{"$match": f}, {"$limit": 1}, {"$count": "n"}] for key, f in filters.items()}
    rows = await ctx.collection("customers").aggregate([{"$match": {"_id": customer_id}}, {"$facet": facets}])
    if not rows:
        return set()
    return {key for key, result in rows[0].items() if result and result[0].get("n", 0) > 0}


async def segments_of_customer(ctx: RequestContext, customer: dict[str, Any]) -> list[Segment]:
    from resolvers.segments.segment import Segment

    documents = await ctx.collection("segments").find({}, sort=[("nameKey", 1)])
    if not documents:
        return []
    filters = await compile_rules(ctx, [rule_from_document(d["conditionGroups"]) for d in documents])
    keys = {f"s{d['_id']}": f for d, f in zip(documents, filters, strict=True)}
    matched = await matching_facets(ctx, customer["_id"], keys)
    return [Segment.from_document(ctx, d) for d in documents if f"s{d['_id']}" in matched]
