"""Assembly of the GraphQL schema from each domain's queries and mutations."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import strawberry
from strawberry.extensions import ParserCache, SchemaExtension, ValidationCache

from api.errors import ServiceSchema
from resolvers.custom_fields.mutations import CustomFieldMutation, CustomFieldQuery
from resolvers.customers.mutations import CustomerMutation
from resolvers.customers.queries import CustomerQuery
from resolvers.segments.fields import SegmentFieldQuery
from resolvers.segments.mutations import SegmentMutation
from resolvers.segments.queries import SegmentQuery


@strawberry.type(description="Read customers, segments and the field catalog.")
class Query(SegmentQuery, SegmentFieldQuery, CustomerQuery, CustomFieldQuery):
    pass


@strawberry.type(description="Change customers, segments and custom fields.")
class Mutation(SegmentMutation, CustomerMutation, CustomFieldMutation):
    pass


def build_schema(extensions: Sequence[Callable[[], SchemaExtension]] = ()) -> strawberry.Schema:
    """Build the schema; `extensions` (error policy, limits) run before the parser caches."""
    return ServiceSchema(
        query=Query,
        mutation=Mutation,
        extensions=[
            *extensions,
            lambda: ParserCache(maxsize=512),
            lambda: ValidationCache(maxsize=512),
        ],
    )
