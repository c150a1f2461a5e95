"""Shared inputs of the compiler tests: a context, custom fields and sample conditions.

`sample_conditions` yields one valid condition for every operator of every
field of the catalog, including a custom field of each type, so that tests
can walk every compiled shape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from zoneinfo import ZoneInfo

from mongo_filters.catalog import FieldSpec, field_catalog
from mongo_filters.compiler import compile_condition, compile_rule
from mongo_filters.conditions import (
    Calendar,
    CompileContext,
    Condition,
    ConditionValue,
    CustomFieldDefinition,
    DateRange,
    FieldType,
    NumberRange,
    Operator,
    Period,
    PeriodUnit,
    Rule,
    ValueKind,
)
from mongo_filters.scope import Filter, Scope

WORKSPACE_ID = "w1"
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
# 10:00 on 20 March 2026 in Ho Chi Minh City.
NOW = dt.datetime(2026, 3, 20, 3, 0, tzinfo=dt.UTC)

CUSTOM_FIELDS: dict[str, CustomFieldDefinition] = {
    definition.key: definition
    for definition in (
        CustomFieldDefinition("nickname", "Nickname", "Biệt danh", FieldType.TEXT),
        CustomFieldDefinition("points", "Points", "Điểm", FieldType.NUMBER),
        CustomFieldDefinition("anniversary", "Wedding day", "Ngày cưới", FieldType.DATE),
        CustomFieldDefinition("last_visit", "Last visit", "Lần ghé gần nhất", FieldType.DATETIME),
        CustomFieldDefinition("vip", "VIP", "Khách VIP", FieldType.BOOLEAN),
        CustomFieldDefinition("tier", "Tier", "Hạng", FieldType.SELECT, ("Vàng", "Bạc", "Đồng")),
        CustomFieldDefinition(
            "interests", "Interests", "Sở thích", FieldType.MULTI_SELECT, ("Trà", "Cà phê")
        ),
    )
}

# The rule of segment "s-vip", which sample IN_SEGMENT conditions reference.
VIP_RULE: Rule = [[Condition("tags", Operator.HAS_ANY_OF, ConditionValue(texts=("vip",)))]]


def make_context(
    now: dt.datetime = NOW,
    zone: ZoneInfo = ZONE,
    segments: Mapping[str, Rule] | None = None,
) -> CompileContext:
    return CompileContext(
        workspace_id=WORKSPACE_ID,
        now=now,
        zone=zone,
        custom_fields=CUSTOM_FIELDS,
        segments={"s-vip": VIP_RULE} if segments is None else segments,
    )


def compile_one(condition: Condition, context: CompileContext | None = None) -> Filter:
    """Compile one condition to its fragment, as it appears inside the rule's `$and`."""
    scope = Scope(context=context or make_context(), compile_rule=compile_rule)
    return compile_condition(condition, scope)


def sample_value(spec: FieldSpec, operator: Operator) -> ConditionValue:
    """Return a valid value for `operator` on the field."""
    kind = spec.value_kind(operator)
    text = "0912" if spec.is_phone else "Nguyễn"
    if spec.options:
        text = spec.options[0]
    texts = spec.options if spec.options else (text, "Trần")
    values = {
        ValueKind.NONE: ConditionValue(),
        ValueKind.TEXT: ConditionValue(text=text),
        ValueKind.TEXTS: ConditionValue(texts=tuple(texts)),
        ValueKind.NUMBER: ConditionValue(number=3),
        ValueKind.NUMBER_RANGE: ConditionValue(number_range=NumberRange(2, 5)),
        ValueKind.DATE: ConditionValue(date=dt.date(2026, 3, 5)),
        ValueKind.DATE_RANGE: ConditionValue(
            date_range=DateRange(dt.date(2026, 3, 1), dt.date(2026, 3, 5))
        ),
        ValueKind.PERIOD: ConditionValue(period=Period(7, PeriodUnit.DAYS)),
        ValueKind.MONTH: ConditionValue(month=2),
        ValueKind.SEGMENT_ID: ConditionValue(segment_id="s-vip"),
    }
    return values[kind]


def sample_conditions() -> Iterator[Condition]:
    """Yield a valid condition for every operator of every field, both calendars where allowed."""
    for spec in field_catalog(CUSTOM_FIELDS):
        for operator in spec.operators:
            value = sample_value(spec, operator)
            yield Condition(spec.key, operator, value)
            if spec.takes_calendar(operator):
                yield Condition(spec.key, operator, value, Calendar.LUNAR)
