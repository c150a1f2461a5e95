"""Checks of a condition's value against what its operator takes.

Every problem here sits at the path `value` of the condition, and
`validation` places it under the condition's own path. Texts are checked
in `text_checks`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from models.dates import MAX_YEAR, MIN_YEAR, in_supported_range
from models.problems import Problem
from mongo_filters.catalog import FieldSpec
from mongo_filters.conditions import Condition, ConditionValue, Operator, PeriodUnit, ValueKind
from mongo_filters.problem_messages import invalid_value as _invalid
from mongo_filters.text_checks import check_text, check_texts

MAX_ANNIVERSARY_DAYS = 366
# About a hundred years in each unit: far past any useful period, and far
# from the dates that Python's datetime cannot represent.
MAX_PERIOD_AMOUNT = {PeriodUnit.DAYS: 36_525, PeriodUnit.WEEKS: 5_218, PeriodUnit.MONTHS: 1_200}

# Attribute of `ConditionValue` and its name in the GraphQL input, per kind.
_MEMBERS: dict[ValueKind, tuple[str, str]] = {
    ValueKind.TEXT: ("text", "text"),
    ValueKind.TEXTS: ("texts", "texts"),
    ValueKind.NUMBER: ("number", "number"),
    ValueKind.NUMBER_RANGE: ("number_range", "numberRange"),
    ValueKind.DATE: ("date", "date"),
    ValueKind.DATE_RANGE: ("date_range", "dateRange"),
    ValueKind.PERIOD: ("period", "period"),
    ValueKind.MONTH: ("month", "month"),
    ValueKind.BOOLEAN: ("boolean", "boolean"),
    ValueKind.SEGMENT_ID: ("segment_id", "segmentId"),
}

Check = Callable[[FieldSpec, Condition, int], list[Problem]]


def _set_members(value: ConditionValue) -> list[str]:
    """Return the GraphQL names of the members set on `value`."""
    return [api for attribute, api in _MEMBERS.values() if getattr(value, attribute) is not None]


def check_value(spec: FieldSpec, condition: Condition, max_texts: int) -> list[Problem]:
    """Return the problems of the condition's value; the operator must be allowed on the field."""
    expected = spec.value_kind(condition.operator)
    members = _set_members(condition.value)
    if len(members) > 1:
        return [
            _invalid(
                spec,
                condition,
                f"the value sets {members!r}, but exactly one member may be set. "
                f"Keep only {_member(expected)}.",
                f"giá trị đặt {members!r}, nhưng chỉ được đặt đúng một thành phần. "
                f"Chỉ giữ {_member(expected)}.",
            )
        ]
    if condition.value.kind is not expected:
        return [_wrong_kind(spec, condition, expected)]
    return _CHECKS[expected](spec, condition, max_texts)


def _member(kind: ValueKind, nothing: str = "no value") -> str:
    return nothing if kind is ValueKind.NONE else f"value.{_MEMBERS[kind][1]}"


def _wrong_kind(spec: FieldSpec, condition: Condition, expected: ValueKind) -> Problem:
    kind = condition.value.kind
    received = _member(kind)
    received_vi = _member(kind, "không có giá trị")
    if expected is ValueKind.NONE:
        given = getattr(condition.value, _MEMBERS[kind][0])
        return _invalid(
            spec,
            condition,
            f"the operator takes no value, got {received} = {given!r}. Remove the value.",
            f"toán tử này không nhận giá trị, nhưng nhận {received} = {given!r}. Hãy bỏ giá trị.",
        )
    return _invalid(
        spec,
        condition,
        f"expected {_member(expected)}, got {received}. Set {_member(expected)} instead.",
        f"cần {_member(expected)}, nhưng nhận {received_vi}. Hãy đặt {_member(expected)}.",
    )


def _check_nothing(spec: FieldSpec, condition: Condition, max_texts: int) -> list[Problem]:
    return []


def _not_finite(spec: FieldSpec, condition: Condition, number: float) -> Problem:
    return _invalid(
        spec,
        condition,
        f"{number!r} is not a finite number. Enter a number such as 100.",
        f"{number!r} không phải là một số hữu hạn. Hãy nhập một số, ví dụ 100.",
    )


def _check_number(spec: FieldSpec, condition: Condition, max_texts: int) -> list[Problem]:
    number = condition.value.number
    if number is not None and not math.isfinite(number):
        return [_not_finite(spec, condition, number)]
    return []


def _check_number_range(spec: FieldSpec, condition: Condition, max_texts: int) -> list[Problem]:
    bounds = condition.value.number_range
    if bounds is None:
        return []
    for number in (bounds.min, bounds.max):
        if not math.isfinite(number):
            return [_not_finite(spec, condition, number)]
    if bounds.min > bounds.max:
        return [
            _invalid(
                spec,
                condition,
                f"min {bounds.min!r} is greater than max {bounds.max!r}. Swap them.",
                f"min {bounds.min!r} lớn hơn max {bounds.max!r}. Hãy đổi chỗ hai giá trị.",
            )
        ]
    return []


def _date_problem(spec: FieldSpec, condition: Condition, day: dt.date) -> Problem | None:
    if in_supported_range(day):
        return None
    return _invalid(
        spec,
        condition,
        f"the date {day.isoformat()!r} is outside the years {MIN_YEAR} to {MAX_YEAR}. "
        "Enter a date in that range.",
        f"ngày {day.isoformat()!r} nằm ngoài khoảng năm {MIN_YEAR} đến {MAX_YEAR}. "
        "Hãy nhập một ngày trong khoảng đó.",
    )


def _check_date(spec: FieldSpec, condition: Condition, max_texts: int) -> list[Problem]:
    day = condition.value.date
    found = _date_problem(spec, condition, day) if day is not None else None
    return [found] if found else []


def _check_date_range(spec: FieldSpec, condition: Condition, max_texts: int) -> list[Problem]:
    days = condition.value.date_range
    if days is None:
        return []
    for day in (days.from_, days.to):
        found = _date_problem(spec, condition, day)
        if found:
            return [found]
    if days.from_ > days.to:
        start, end = days.from_.isoformat(), days.to.isoformat()
        return [
            _invalid(
                spec,
                condition,
                f"from {start!r} is after to {end!r}. Swap them.",
                f"ngày bắt đầu {start!r} sau ngày kết thúc {end!r}. Hãy đổi chỗ hai ngày.",
            )
        ]
    return []


def _check_period(spec: FieldSpec, condition: Condition, max_texts: int) -> list[Problem]:
    period = condition.value.period
    if period is None:
        return []
    amount, unit = period.amount, period.unit.value
    if condition.operator is Operator.ANNIVERSARY_IN_NEXT:
        if period.unit is not PeriodUnit.DAYS or not 1 <= amount <= MAX_ANNIVERSARY_DAYS:
            return [
                _invalid(
                    spec,
                    condition,
                    f"got {amount!r} {unit}, but anniversaries take 1 to "
                    f"{MAX_ANNIVERSARY_DAYS} DAYS. Enter a number of days in that range.",
                    f"nhận {amount!r} {unit}, nhưng ngày kỷ niệm chỉ nhận từ 1 đến "
                    f"{MAX_ANNIVERSARY_DAYS} ngày (DAYS). Hãy nhập số ngày trong khoảng đó.",
                )
            ]
        return []

    maximum = MAX_PERIOD_AMOUNT[period.unit]
    if not 1 <= amount <= maximum:
        return [
            _invalid(
                spec,
                condition,
                f"the period amount {amount!r} {unit} is outside 1 to {maximum}. "
                "Enter a whole number in that range.",
                f"độ dài khoảng thời gian {amount!r} {unit} nằm ngoài khoảng 1 đến {maximum}. "
                "Hãy nhập một số nguyên trong khoảng đó.",
            )
        ]
    return []


def _check_month(spec: FieldSpec, condition: Condition, max_texts: int) -> list[Problem]:
    month = condition.value.month
    if month is not None and not 1 <= month <= 12:
        return [
            _invalid(
                spec,
                condition,
                f"month {month!r} is outside 1 to 12. Enter a month number, 1 for January.",
                f"tháng {month!r} nằm ngoài khoảng 1 đến 12. Hãy nhập số tháng, 1 là tháng Giêng.",
            )
        ]
    return []


def _check_segment_id(spec: FieldSpec, condition: Condition, max_texts: int) -> list[Problem]:
    segment_id = condition.value.segment_id
    if segment_id is not None and not segment_id.strip():
        return [
            _invalid(
                spec,
                condition,
                f"the segment id {segment_id!r} is blank. Pick a segment of this workspace.",
                f"mã phân khúc {segment_id!r} đang trống. "
                "Hãy chọn một phân khúc của không gian làm việc này.",
            )
        ]
    return []


def _check_boolean(spec: FieldSpec, condition: Condition, max_texts: int) -> list[Problem]:
    # NOTE: no operator takes a boolean value today (IS_TRUE and IS_FALSE take
    # none); the entry keeps the table complete for the one-of input.
    return []


_CHECKS: dict[ValueKind, Check] = {
    ValueKind.NONE: _check_nothing,
    ValueKind.TEXT: check_text,
    ValueKind.TEXTS: check_texts,
    ValueKind.NUMBER: _check_number,
    ValueKind.NUMBER_RANGE: _check_number_range,
    ValueKind.DATE: _check_date,
    ValueKind.DATE_RANGE: _check_date_range,
    ValueKind.PERIOD: _check_period,
    ValueKind.MONTH: _check_month,
    ValueKind.BOOLEAN: _check_boolean,
    ValueKind.SEGMENT_ID: _check_segment_id,
}
