"""Conversions of segment rules between the API, the compiler and storage.

A rule is stored as the API takes it (`{"field", "operator", "value",
"calendar"}` with a one-of `value` object), so a client can read a saved
segment back into its editor unchanged.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from mongo_filters import conditions as c
from resolvers.segments import types as t


def _given(value: Any) -> bool:
    return value is not None and value is not strawberry.UNSET


def value_from_input(value: t.ConditionValueInput | None) -> c.ConditionValue:
    if value is None:
        return c.ConditionValue()
    number_range = value.number_range if _given(value.number_range) else None
    date_range = value.date_range if _given(value.date_range) else None
    period = value.period if _given(value.period) else None
    return c.ConditionValue(
        text=value.text if _given(value.text) else None,
        texts=tuple(value.texts) if value.texts is not None and _given(value.texts) else None,
        number=value.number if _given(value.number) else None,
        number_range=c.NumberRange(number_range.min, number_range.max) if number_range else None,
        date=value.date if _given(value.date) else None,
        date_range=c.DateRange(date_range.from_, date_range.to) if date_range else None,
        period=c.Period(period.amount, c.PeriodUnit(period.unit)) if period else None,
        month=value.month if _given(value.month) else None,
        boolean=value.boolean if _given(value.boolean) else None,
        segment_id=str(value.segment_id) if _given(value.segment_id) else None,
    )


def rule_from_input(groups: list[t.ConditionGroupInput]) -> list[list[c.Condition]]:
    return [
        [
            c.Condition(
                field=condition.field,
                operator=c.Operator(condition.operator),
                value=value_from_input(condition.value),
                calendar=c.Calendar(condition.calendar),
            )
            for condition in group.conditions
        ]
        for group in groups
    ]


def _date(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def value_to_document(value: c.ConditionValue) -> dict[str, Any]:
    if value.text is not None:
        return {"text": value.text}
    if value.texts is not None:
        return {"texts": list(value.texts)}
    if value.number is not None:
        return {"number": value.number}
    if value.number_range is not None:
        return {"numberRange": {"min": value.number_range.min, "max": value.number_range.max}}
    if value.date is not None:
        return {"date": _date(value.date)}
    if value.date_range is not None:
        return {
            "dateRange": {"from": _date(value.date_range.from_), "to": _date(value.date_range.to)}
        }
    if value.period is not None:
        return {"period": {"amount": value.period.amount, "unit": str(value.period.unit)}}
    if value.month is not None:
        return {"month": value.month}
    if value.boolean is not None:
        return {"boolean": value.boolean}
    if value.segment_id is not None:
        return {"segmentId": value.segment_id}
    return {}


def value_from_document(document: dict[str, Any]) -> c.ConditionValue:
    number_range = document.get("numberRange")
    date_range = document.get("dateRange")
    period = document.get("period")
    texts = document.get("texts")
    date = document.get("date")
    return c.ConditionValue(
        text=document.get("text"),
        texts=tuple(texts) if texts is not None else None,
        number=document.get("number"),
        number_range=c.NumberRange(number_range["min"], number_range["max"])
        if number_range
        else None,
        date=dt.date.fromisoformat(date) if date else None,
        date_range=(
            c.DateRange(
                dt.date.fromisoformat(date_range["from"]), dt.date.fromisoformat(date_range["to"])
            )
            if date_range
            else None
        ),
        period=c.Period(period["amount"], c.PeriodUnit(period["unit"])) if period else None,
        month=document.get("month"),
        boolean=document.get("boolean"),
        segment_id=document.get("segmentId"),
    )


def rule_to_document(rule: list[list[c.Condition]]) -> list[dict[str, Any]]:
    return [
        {
            "conditions": [
                {
                    "field": condition.field,
                    "operator": str(condition.operator),
                    "value": value_to_document(condition.value),
                    "calendar": str(condition.calendar),
                }
                for condition in group
            ]
        }
        for group in rule
    ]


def rule_from_document(groups: list[dict[str, Any]]) -> list[list[c.Condition]]:
    return [
        [
            c.Condition(
                field=condition["field"],
                operator=c.Operator(condition["operator"]),
                value=value_from_document(condition.get("value") or {}),
                calendar=c.Calendar(condition.get("calendar", "GREGORIAN")),
            )
            for condition in group["conditions"]
        ]
        for group in groups
    ]


def value_to_output(value: c.ConditionValue) -> t.ConditionValue | None:
    if value.kind == c.ValueKind.NONE:
        return None
    return t.ConditionValue(
        text=value.text,
        texts=list(value.texts) if value.texts is not None else None,
        number=value.number,
        number_range=t.NumberRange(min=value.number_range.min, max=value.number_range.max)
        if value.number_range
        else None,
        date=value.date,
        date_range=t.DateRange(from_=value.date_range.from_, to=value.date_range.to)
        if value.date_range
        else None,
        period=t.Period(amount=value.period.amount, unit=value.period.unit)
        if value.period
        else None,
        month=value.month,
        boolean=value.boolean,
        segment_id=strawberry.ID(value.segment_id) if value.segment_id else None,
    )


def rule_to_output(rule: list[list[c.Condition]]) -> list[t.ConditionGroup]:
    return [
        t.ConditionGroup(
            conditions=[
                t.Condition(
                    field=condition.field,
                    operator=condition.operator,
                    value=value_to_output(condition.value),
                    calendar=condition.calendar,
                )
                for condition in group
            ]
        )
        for group in rule
    ]
