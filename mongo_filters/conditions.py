"""Validated segment rules: conditions, their typed values and groups.

A segment matches a customer when any group matches, and a group matches
when all of its conditions match. These types carry no behaviour beyond
construction; `mongo_filters.validation` checks them against the field
catalog and `mongo_filters.compiler` turns them into MongoDB filters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from zoneinfo import ZoneInfo


class FieldType(StrEnum):
    TEXT = "TEXT"
    NUMBER = "NUMBER"
    DATE = "DATE"
    DATETIME = "DATETIME"
    BOOLEAN = "BOOLEAN"
    SELECT = "SELECT"
    TAGS = "TAGS"
    MULTI_SELECT = "MULTI_SELECT"
    SEGMENT = "SEGMENT"


class Operator(StrEnum):
    IS = "IS"
    IS_NOT = "IS_NOT"
    CONTAINS = "CONTAINS"
    NOT_CONTAINS = "NOT_CONTAINS"
    STARTS_WITH = "STARTS_WITH"
    ENDS_WITH = "ENDS_WITH"
    IS_ANY_OF = "IS_ANY_OF"
    IS_NONE_OF = "IS_NONE_OF"
    IS_EMPTY = "IS_EMPTY"
    IS_NOT_EMPTY = "IS_NOT_EMPTY"
    GREATER_THAN = "GREATER_THAN"
    GREATER_THAN_OR_EQUAL = "GREATER_THAN_OR_EQUAL"
    LESS_THAN = "LESS_THAN"
    LESS_THAN_OR_EQUAL = "LESS_THAN_OR_EQUAL"
    BETWEEN = "BETWEEN"
    ON = "ON"
    BEFORE = "BEFORE"
    AFTER = "AFTER"
    IN_LAST = "IN_LAST"
    MORE_THAN_AGO = "MORE_THAN_AGO"
    IN_NEXT = "IN_NEXT"
    ANNIVERSARY_IS_TODAY = "ANNIVERSARY_IS_TODAY"
    ANNIVERSARY_IN_NEXT = "ANNIVERSARY_IN_NEXT"
    ANNIVERSARY_IN_MONTH = "ANNIVERSARY_IN_MONTH"
    IS_TRUE = "IS_TRUE"
    IS_FALSE = "IS_FALSE"
    HAS_ANY_OF = "HAS_ANY_OF"
    HAS_ALL_OF = "HAS_ALL_OF"
    HAS_NONE_OF = "HAS_NONE_OF"
    IN_SEGMENT = "IN_SEGMENT"
    NOT_IN_SEGMENT = "NOT_IN_SEGMENT"


class PeriodUnit(StrEnum):
    DAYS = "DAYS"
    WEEKS = "WEEKS"
    MONTHS = "MONTHS"


class Calendar(StrEnum):
    GREGORIAN = "GREGORIAN"
    LUNAR = "LUNAR"


class ValueKind(StrEnum):
    """The member of the one-of condition value that an operator takes."""

    NONE = "NONE"
    TEXT = "TEXT"
    TEXTS = "TEXTS"
    NUMBER = "NUMBER"
    NUMBER_RANGE = "NUMBER_RANGE"
    DATE = "DATE"
    DATE_RANGE = "DATE_RANGE"
    PERIOD = "PERIOD"
    MONTH = "MONTH"
    BOOLEAN = "BOOLEAN"
    SEGMENT_ID = "SEGMENT_ID"


@dataclass(frozen=True)
class NumberRange:
    min: float
    max: float


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of calendar days (`from_` is `from` in the API)."""

    from_: dt.date
    to: dt.date


@dataclass(frozen=True)
class Period:
    amount: int
    unit: PeriodUnit


@dataclass(frozen=True)
class ConditionValue:
    """The one-of condition value: exactly one member is set, or none.

    `date` is a calendar day. Day-level operators read it in the workspace
    time zone for DATETIME fields.
    """

    text: str | None = None
    texts: tuple[str, ...] | None = None
    number: float | None = None
    number_range: NumberRange | None = None
    date: dt.date | None = None
    date_range: DateRange | None = None
    period: Period | None = None
    month: int | None = None
    boolean: bool | None = None
    segment_id: str | None = None

    @property
    def kind(self) -> ValueKind:
        for kind, member in _KIND_MEMBERS.items():
            if getattr(self, member) is not None:
                return kind
        return ValueKind.NONE


_KIND_MEMBERS: dict[ValueKind, str] = {
    ValueKind.TEXT: "text",
    ValueKind.TEXTS: "texts",
    ValueKind.NUMBER: "number",
    ValueKind.NUMBER_RANGE: "number_range",
    ValueKind.DATE: "date",
    ValueKind.DATE_RANGE: "date_range",
    ValueKind.PERIOD: "period",
    ValueKind.MONTH: "month",
    ValueKind.BOOLEAN: "boolean",
    ValueKind.SEGMENT_ID: "segment_id",
}


@dataclass(frozen=True)
class Condition:
    field: str
    operator: Operator
    value: ConditionValue = dataclasses.field(default_factory=ConditionValue)
    calendar: Calendar = Calendar.GREGORIAN


ConditionGroup = Sequence[Condition]
Rule = Sequence[ConditionGroup]


@dataclass(frozen=True)
class CustomFieldDefinition:
    key: str
    label: str
    label_vi: str
    type: FieldType
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class CompileContext:
    """Inputs of the compiler besides the rule. The compiler reads no clock itself.

    `segments` maps a segment id to its rule, for every segment that the
    compiled rule references directly or through other segments.
    """

    workspace_id: str
    now: dt.datetime
    zone: ZoneInfo
    custom_fields: Mapping[str, CustomFieldDefinition] = field(default_factory=dict)
    segments: Mapping[str, Rule] = field(default_factory=dict)
