"""Customer mutations."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.common import limit_exceeded, user_errors
from resolvers.context import RequestContext
from resolvers.customers import writes
from resolvers.customers.types import (
    Customer,
    CustomerInput,
    CustomerPayload,
    DeleteCustomersPayload,
    ImportCustomersPayload,
    ImportRowResult,
    ImportStatus,
    input_values,
)


@strawberry.type
class CustomerMutation:
    @strawberry.mutation(description="Add one customer.")
    async def create_customer(
        self, info: Info[RequestContext, None], input: CustomerInput
    ) -> CustomerPayload:
        document, problems = await writes.create_customer(info.context, input_values(input))
        return CustomerPayload(
            customer=Customer.from_document(document) if document else None,
            user_errors=user_errors((p.under("input") for p in problems), info.context.language),
        )

    @strawberry.mutation(description="Change the given fields of a customer; null clears a field.")
    async def update_customer(
        self, info: Info[RequestContext, None], id: strawberry.ID, input: CustomerInput
    ) -> CustomerPayload:
        document, problems = await writes.update_customer(
            info.context, str(id), input_values(input)
        )
        return CustomerPayload(
            customer=Customer.from_document(document) if document else None,
            user_errors=user_errors(problems, info.context.language),
        )

    @strawberry.mutation(description="Delete customers by id; unknown ids are reported, not fatal.")
    async def delete_customers(
        self, info: Info[RequestContext, None], ids: list[strawberry.ID]
    ) -> DeleteCustomersPayload:
        ctx = info.context
        if len(ids) > ctx.limits.max_batch_ids:
            problem = limit_exceeded(
                "ids", "ids", "mã", ctx.limits.max_batch_ids, len(ids), "MAX_BATCH_IDS"
            )
            return DeleteCustomersPayload(
                deleted_ids=[], not_found_ids=[], user_errors=user_errors([problem], ctx.language)
            )
        deleted, missing = await writes.delete_customers(ctx, [str(i) for i in ids])
        return DeleteCustomersPayload(
            deleted_ids=[strawberry.ID(i) for i in deleted],
            not_found_ids=[strawberry.ID(i) for i in missing],
            user_errors=[],
        )

    @strawberry.mutation(
        description="Create or update customers, matched on email, then phone. Valid rows are "
        "stored even when others are rejected."
    )
    async def import_customers(
        self, info: Info[RequestContext, None], customers: list[CustomerInput]
    ) -> ImportCustomersPayload:
        ctx = info.context
        outcome = await writes.import_customers(ctx, [input_values(c) for c in customers])
        results = [
            ImportRowResult(
                index=index,
                status=ImportStatus(status),
                customer=Customer.from_document(document) if document else None,
            )
            for index, (status, document) in enumerate(
                zip(outcome.statuses, outcome.documents, strict=True)
            )
        ]
        return ImportCustomersPayload(
            created_count=outcome.statuses.count("CREATED"),
            updated_count=outcome.statuses.count("UPDATED"),
            rejected_count=outcome.statuses.count("REJECTED")
            or (len(customers) if not results else 0),
            results=results,
            user_errors=user_errors(outcome.problems, ctx.language),
        )
