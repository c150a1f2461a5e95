"""GraphQL types of customers."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, cast

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from resolvers.common import PageInfo, UserError, as_utc
from resolvers.context import RequestContext

if TYPE_CHECKING:
    from resolvers.segments.explain import SegmentMatch
    from resolvers.segments.segment import Segment


@strawberry.input(description="Customer data; every field is optional. Blank values clear a field.")
class CustomerInput:
    full_name: str | None = strawberry.UNSET
    email: str | None = strawberry.UNSET
    email_verified: bool | None = strawberry.UNSET
    email_complained_at: dt.datetime | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET
    gender: str | None = strawberry.field(
        default=strawberry.UNSET,
        description="MALE, FEMALE or OTHER; Nam, Nữ and Khác are accepted.",
    )
    birthday: dt.date | None = strawberry.UNSET
    city: str | None = strawberry.UNSET
    address: str | None = strawberry.UNSET
    source: str | None = strawberry.UNSET
    tags: list[str] | None = strawberry.UNSET
    created_at: dt.datetime | None = strawberry.field(
        default=strawberry.UNSET, description="Without an offset, read in the workspace time zone."
    )
    last_order_at: dt.datetime | None = strawberry.UNSET
    order_count: int | None = strawberry.UNSET
    total_spent: float | None = strawberry.UNSET
    zalo_interacted_at: dt.datetime | None = strawberry.UNSET
    facebook_interacted_at: dt.datetime | None = strawberry.UNSET
    custom_fields: JSON | None = strawberry.field(
        default=strawberry.UNSET, description="Object of custom field key to value."
    )


INPUT_FIELDS = {
    "full_name": "fullName",
    "email": "email",
    "email_verified": "emailVerified",
    "email_complained_at": "emailComplainedAt",
    "phone": "phone",
    "gender": "gender",
    "birthday": "birthday",
    "city": "city",
    "address": "address",
    "source": "source",
    "tags": "tags",
    "created_at": "createdAt",
    "last_order_at": "lastOrderAt",
    "order_count": "orderCount",
    "total_spent": "totalSpent",
    "zalo_interacted_at": "zaloInteractedAt",
    "facebook_interacted_at": "facebookInteractedAt",
    "custom_fields": "customFields",
}


def input_values(value: CustomerInput) -> dict[str, Any]:
    """Return the given fields of `value` by their camelCase names; UNSET ones are left out."""
    return {
        camel: getattr(value, attribute)
        for attribute, camel in INPUT_FIELDS.items()
        if getattr(value, attribute) is not strawberry.UNSET
    }


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        aware = as_utc(value)
        return aware.isoformat() if aware else None
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    return value


@strawberry.type(description="A customer of the workspace.")
class Customer:
    id: strawberry.ID
    full_name: str | None
    email: str | None
    email_verified: bool
    email_complained_at: dt.datetime | None
    phone: str | None = strawberry.field(description="E.164 when valid, else as written.")
    phone_valid: bool | None = strawberry.field(
        description="False when the phone could not be read."
    )
    gender: str | None
    birthday: dt.date | None
    city: str | None
    address: str | None
    source: str | None
    tags: list[str]
    created_at: dt.datetime | None
    last_order_at: dt.datetime | None
    order_count: int | None
    total_spent: float | None
    zalo_interacted_at: dt.datetime | None
    facebook_interacted_at: dt.datetime | None
    updated_at: dt.datetime | None
    document: strawberry.Private[dict[str, Any]]

    @strawberry.field(description="Custom field values by key; dates as ISO 8601.")
    def custom_fields(self) -> JSON:
        values = {key: _json_value(v) for key, v in (self.document.get("custom") or {}).items()}
        return cast(JSON, values)

    @strawberry.field(description="The segments this customer is in now.")
    async def segments(
        self, info: Info[RequestContext, None]
    ) -> list[Annotated[Segment, strawberry.lazy("resolvers.segments.segment")]]:
        from resolvers.segments.membership import membership_loader

        return await membership_loader(info.context).load(self.document["_id"])

    @strawberry.field(description="Which groups and conditions of a segment this customer meets.")
    async def segment_match(
        self, info: Info[RequestContext, None], segment_id: strawberry.ID
    ) -> Annotated[SegmentMatch, strawberry.lazy("resolvers.segments.explain")] | None:
        from resolvers.segments.explain import explain_match

        return await explain_match(info.context, self.document, str(segment_id))

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> Customer:
        birthday = document.get("birthday")
        return cls(
            id=strawberry.ID(str(document["_id"])),
            full_name=document.get("fullName"),
            email=document.get("email"),
            email_verified=bool(document.get("emailVerified")),
            email_complained_at=as_utc(document.get("emailComplainedAt")),
            phone=document.get("phone"),
            phone_valid=document.get("phoneValid") if "phone" in document else None,
            gender=document.get("gender"),
            birthday=birthday.date() if isinstance(birthday, dt.datetime) else None,
            city=document.get("city"),
            address=document.get("address"),
            source=document.get("source"),
            tags=list(document.get("tags") or []),
            created_at=as_utc(document.get("createdAt")),
            last_order_at=as_utc(document.get("lastOrderAt")),
            order_count=document.get("orderCount"),
            total_spent=document.get("totalSpent"),
            zalo_interacted_at=as_utc(document.get("zaloInteractedAt")),
            facebook_interacted_at=as_utc(document.get("facebookInteractedAt")),
            updated_at=as_utc(document.get("updatedAt")),
            document=document,
        )


@strawberry.type
class CustomerEdge:
    cursor: str
    node: Customer


@strawberry.type
class CustomerConnection:
    edges: list[CustomerEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class CustomerPayload:
    customer: Customer | None
    user_errors: list[UserError]


@strawberry.enum
class ImportStatus(Enum):
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    REJECTED = "REJECTED"


@strawberry.type
class ImportRowResult:
    index: int = strawberry.field(description="Position of the row in the `customers` argument.")
    status: ImportStatus
    customer: Customer | None


@strawberry.type
class ImportCustomersPayload:
    created_count: int
    updated_count: int
    rejected_count: int
    results: list[ImportRowResult]
    user_errors: list[UserError] = strawberry.field(
        description="Per-row errors; `field` starts with `customers.<index>`."
    )


@strawberry.type
class DeleteCustomersPayload:
    deleted_ids: list[strawberry.ID]
    not_found_ids: list[strawberry.ID]
    user_errors: list[UserError]
