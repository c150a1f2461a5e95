"""Customer queries: one customer, and a page of customers."""

from __future__ import annotations

import json

import strawberry
from bson import ObjectId
from strawberry.types import Info

from resolvers.common import (
    PageInfo,
    cursor_object_id,
    cursor_parts,
    encode_cursor,
    page_size,
    parse_object_id,
)
from resolvers.context import RequestContext
from resolvers.customers.types import Customer, CustomerConnection, CustomerEdge


def _after_id(cursor: str) -> ObjectId:
    (last_id,) = cursor_parts(cursor, str)
    return cursor_object_id(cursor, last_id)


@strawberry.type
class CustomerQuery:
    @strawberry.field(description="One customer by id, or null when it does not exist.")
    async def customer(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> Customer | None:
        object_id = parse_object_id(str(id))
        if object_id is None:
            return None
        document = await info.context.collection("customers").find_one({"_id": object_id})
        return Customer.from_document(document) if document else None

    @strawberry.field(description="Customers in the order they were added.")
    async def customers(
        self, info: Info[RequestContext, None], first: int | None = None, after: str | None = None
    ) -> CustomerConnection:
        ctx = info.context
        size = page_size(first, ctx.limits.max_page_size)
        customers = ctx.collection("customers")
        page_filter = {"_id": {"$gt": _after_id(after)}} if after else {}
        documents = await customers.find(page_filter, sort=[("_id", 1)], limit=size + 1)
        total = await customers.count({})
        has_next = len(documents) > size
        edges = [
            CustomerEdge(
                cursor=encode_cursor(json.dumps([str(d["_id"])])), node=Customer.from_document(d)
            )
            for d in documents[:size]
        ]
        return CustomerConnection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=has_next,
                has_previous_page=after is not None,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
            total_count=total,
        )
