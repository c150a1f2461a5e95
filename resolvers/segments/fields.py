"""The `segmentFields` query: the field catalog for condition editors."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from mongo_filters import FieldSpec, field_catalog
from resolvers.context import RequestContext
from resolvers.custom_fields.store import load_custom_fields
from resolvers.segments.types import FieldType, Operator, ValueKind


@strawberry.type(description="An operator a field allows, and the value member it takes.")
class FieldOperator:
    operator: Operator  # type: ignore[valid-type]
    value_kind: ValueKind  # type: ignore[valid-type]
    takes_calendar: bool = strawberry.field(description="Whether `calendar: LUNAR` may be set.")


@strawberry.type(description="A field that conditions can name.")
class SegmentField:
    key: str = strawberry.field(
        description="Value of `field` in a condition, e.g. fullName or custom.tier."
    )
    type: FieldType  # type: ignore[valid-type]
    label: str = strawberry.field(description="Label in the language of Accept-Language.")
    label_vi: str
    label_en: str
    operators: list[FieldOperator]
    options: list[str] = strawberry.field(
        description="Allowed values of SELECT and MULTI_SELECT fields."
    )
    is_custom: bool


def _to_type(spec: FieldSpec, language: str) -> SegmentField:
    return SegmentField(
        key=spec.key,
        type=spec.type,
        label=spec.label_vi if language == "vi" else spec.label_en,
        label_vi=spec.label_vi,
        label_en=spec.label_en,
        operators=[
            FieldOperator(
                operator=op, value_kind=spec.value_kind(op), takes_calendar=spec.takes_calendar(op)
            )
            for op in spec.operators
        ],
        options=list(spec.options),
        is_custom=spec.is_custom,
    )


@strawberry.type
class SegmentFieldQuery:
    @strawberry.field(
        description="Every field a condition can name, with its operators and labels."
    )
    async def segment_fields(self, info: Info[RequestContext, None]) -> list[SegmentField]:
        ctx = info.context
        return [
            _to_type(spec, ctx.language) for spec in field_catalog(await load_custom_fields(ctx))
        ]
