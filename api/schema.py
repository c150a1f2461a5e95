"""Assembly of the GraphQL schema from each domain's queries and mutations."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import strawberry
from strawberry.extensions import ParserCache, SchemaExtension, ValidationCache

from api.errors import ServiceSchema
from resolvers.campaigns.mutations import CampaignMutation
from resolvers.campaigns.queries import CampaignQuery
from resolvers.custom_fields.mutations import CustomFieldMutation, CustomFieldQuery
from resolvers.customers.mutations import CustomerMutation
from resolvers.customers.queries import CustomerQuery
from resolvers.segments.fields import SegmentFieldQuery
from resolvers.segments.mutations import SegmentMutation
from resolvers.segments.queries import SegmentQuery


@strawberry.type(description="Read customers, segments, campaigns and the field catalog.")
class Query(SegmentQuery, SegmentFieldQuery, CustomerQuery, CustomFieldQuery, CampaignQuery):
    pass


@strawberry.type(description="Change customers, segments, custom fields and campaigns.")
class Mutation(SegmentMutation, CustomerMutation, CustomFieldMutation, CampaignMutation):
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
