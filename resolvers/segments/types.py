"""GraphQL types of segments and their condition rules."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from mongo_filters import conditions as c
from resolvers.common import PageInfo, UserError

if TYPE_CHECKING:
    from resolvers.customers.types import Customer

Operator = strawberry.enum(c.Operator, description="Condition operator; see segmentFields.")
PeriodUnit = strawberry.enum(c.PeriodUnit)
Calendar = strawberry.enum(c.Calendar, description="Calendar used by anniversary operators.")
FieldType = strawberry.enum(c.FieldType)
ValueKind = strawberry.enum(
    c.ValueKind, description="Member of ConditionValueInput an operator takes."
)


@strawberry.input
class NumberRangeInput:
    min: float
    max: float


@strawberry.input
class DateRangeInput:
    from_: dt.date = strawberry.field(name="from")
    to: dt.date


@strawberry.input
class PeriodInput:
    amount: int
    unit: PeriodUnit  # type: ignore[valid-type]


@strawberry.input(one_of=True, description="A condition value: set exactly one member.")
class ConditionValueInput:
    text: str | None = strawberry.UNSET
    texts: list[str] | None = strawberry.UNSET
    number: float | None = strawberry.UNSET
    number_range: NumberRangeInput | None = strawberry.UNSET
    date: dt.date | None = strawberry.UNSET
    date_range: DateRangeInput | None = strawberry.UNSET
    period: PeriodInput | None = strawberry.UNSET
    month: int | None = strawberry.UNSET
    boolean: bool | None = strawberry.UNSET
    segment_id: strawberry.ID | None = strawberry.UNSET


@strawberry.input
class ConditionInput:
    field: str
    operator: Operator  # type: ignore[valid-type]
    value: ConditionValueInput | None = None
    calendar: Calendar = c.Calendar.GREGORIAN  # type: ignore[valid-type]


@strawberry.input
class ConditionGroupInput:
    conditions: list[ConditionInput]


@strawberry.type
class NumberRange:
    min: float
    max: float


@strawberry.type
class DateRange:
    from_: dt.date = strawberry.field(name="from")
    to: dt.date


@strawberry.type
class Period:
    amount: int
    unit: PeriodUnit  # type: ignore[valid-type]


@strawberry.type(description="The value of a saved condition; mirrors ConditionValueInput.")
class ConditionValue:
    text: str | None = None
    texts: list[str] | None = None
    number: float | None = None
    number_range: NumberRange | None = None
    date: dt.date | None = None
    date_range: DateRange | None = None
    period: Period | None = None
    month: int | None = None
    boolean: bool | None = None
    segment_id: strawberry.ID | None = None


@strawberry.type
class Condition:
    field: str
    operator: Operator  # type: ignore[valid-type]
    value: ConditionValue | None
    calendar: Calendar  # type: ignore[valid-type]


@strawberry.type
class ConditionGroup:
    conditions: list[Condition]


@strawberry.type(
    description="A rule that cannot be what the user meant. It does not prevent saving."
)
class RuleWarning:
    field: str | None
    code: str
    message: str


@strawberry.enum
class SegmentOrderField(Enum):
    NAME = "NAME"
    CREATED_AT = "CREATED_AT"
    UPDATED_AT = "UPDATED_AT"


@strawberry.enum
class OrderDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.input
class SegmentOrder:
    field: SegmentOrderField = SegmentOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input
class CreateSegmentInput:
    name: str
    condition_groups: list[ConditionGroupInput]


@strawberry.input
class UpdateSegmentInput:
    name: str | None = strawberry.UNSET
    condition_groups: list[ConditionGroupInput] | None = strawberry.UNSET


@strawberry.type
class SegmentPreview:
    total_count: int
    group_counts: list[int] = strawberry.field(description="Members of each group, in order.")
    customers: list[Annotated[Customer, strawberry.lazy("resolvers.customers.types")]]
    warnings: list[RuleWarning]
    user_errors: list[UserError]


@strawberry.type
class SegmentEdge:
    cursor: str
    node: Annotated[Segment, strawberry.lazy("resolvers.segments.segment")]


@strawberry.type
class SegmentConnection:
    edges: list[SegmentEdge]
    page_info: PageInfo
    total_count: int


if TYPE_CHECKING:
    from resolvers.segments.segment import Segment
