"""GraphQL types of custom field definitions."""

from __future__ import annotations

import strawberry

from resolvers.common import UserError
from resolvers.segments.segment import Segment
from resolvers.segments.types import FieldType


@strawberry.type(description="A workspace-defined customer field, stored under customFields.")
class CustomField:
    key: str
    label: str
    label_vi: str
    type: FieldType  # type: ignore[valid-type]
    options: list[str]


@strawberry.input
class CreateCustomFieldInput:
    key: str = strawberry.field(description="Lower-case key matching ^[a-z][a-z0-9_]{0,63}$.")
    label: str
    label_vi: str | None = None
    type: FieldType  # type: ignore[valid-type]
    options: list[str] | None = strawberry.field(
        default=None, description="For SELECT and MULTI_SELECT."
    )


@strawberry.input
class UpdateCustomFieldInput:
    label: str | None = None
    label_vi: str | None = None
    options: list[str] | None = strawberry.field(
        default=None,
        description="New option list; options still used by segments cannot be removed.",
    )


@strawberry.type
class CustomFieldPayload:
    custom_field: CustomField | None
    user_errors: list[UserError]


@strawberry.type
class DeleteCustomFieldPayload:
    deleted_key: str | None
    blocking_segments: list[Segment] = strawberry.field(description="Segments that use the field.")
    user_errors: list[UserError]
