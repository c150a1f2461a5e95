"""Segment membership of customers, decided by the database in one query.

A page of customers requesting their segments is served by one
aggregation: the page's customers are matched first, then a `$facet`
stage evaluates every segment's filter on just those customers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bson import ObjectId
from strawberry.dataloader import DataLoader

from resolvers.context import RequestContext
from resolvers.segments.compiling import compile_rules
from resolvers.segments.rules import rule_from_document

if TYPE_CHECKING:
    from resolvers.segments.segment import Segment

_LOADER_KEY = "segment_membership_loader"


async def matching_facets(
    ctx: RequestContext, customer_ids: list[Any], filters: dict[str, dict[str, Any]]
) -> dict[str, set[Any]]:
    """Return, for each key of `filters`, the ids among `customer_ids` that match it."""
    if not filters or not customer_ids:
        return {key: set() for key in filters}
    facets = {key: [{"$match": f}, {"$project": {"_id": 1}}] for key, f in filters.items()}
    rows = await ctx.collection("customers").aggregate(
        [{"$match": {"_id": {"$in": customer_ids}}}, {"$facet": facets}]
    )
    result = rows[0] if rows else {}
    return {key: {d["_id"] for d in result.get(key, [])} for key in filters}


def membership_loader(ctx: RequestContext) -> DataLoader[ObjectId, list[Segment]]:
    """Return the request's loader of customers' segments, batched per page."""
    loader: DataLoader[ObjectId, list[Segment]] | None = ctx.cache.get(_LOADER_KEY)
    if loader is None:

        async def load(customer_ids: list[ObjectId]) -> list[list[Segment]]:
            return await _segments_of(ctx, customer_ids)

        loader = DataLoader(load_fn=load)
        ctx.cache[_LOADER_KEY] = loader
    return loader


async def _segments_of(ctx: RequestContext, customer_ids: list[ObjectId]) -> list[list[Segment]]:
    from resolvers.segments.segment import Segment

    documents = await ctx.collection("segments").find({}, sort=[("nameKey", 1)])
    filters = await compile_rules(
        ctx, [rule_from_document(d["conditionGroups"]) for d in documents]
    )
    keys = {f"s{d['_id']}": f for d, f in zip(documents, filters, strict=True)}
    members = await matching_facets(ctx, list(customer_ids), keys)
    segments = [(members[f"s{d['_id']}"], Segment.from_document(ctx, d)) for d in documents]
    return [
        [segment for ids, segment in segments if customer_id in ids] for customer_id in customer_ids
    ]
