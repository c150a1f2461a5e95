"""DATE and DATETIME operators on calendar days and relative periods.

A DATETIME is an instant stored in UTC; a calendar day of the condition is
read in the workspace time zone, so ON 5 March in Asia/Ho_Chi_Minh is
`[4 March 17:00 UTC, 5 March 17:00 UTC)`. A DATE (a birthday) has no time
zone and is stored as UTC midnight of its calendar day, so its day `d` is
`[d 00:00 UTC, d+1 00:00 UTC)` whatever the workspace zone.

Relative periods count from `context.now`. For DATETIME fields the period
is added to the workspace's wall-clock time, so "in the last 1 month" on
31 March starts on 28 or 29 February (`models.dates.add_months` clamps the
day). For DATE fields it is added to today's date in the workspace zone
and compared by whole days. Every comparison is a range, so no operator
here matches an empty field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import TypeVar
from zoneinfo import ZoneInfo

from models.dates import UTC, add_months, day_bounds, local_day, utc_midnight
from mongo_filters import anniversaries, logic
from mongo_filters.catalog import FieldSpec
from mongo_filters.conditions import Condition, FieldType, Operator, Period, PeriodUnit, ValueKind
from mongo_filters.errors import InvalidValueError
from mongo_filters.scope import Filter, OperatorCompiler, Scope
from mongo_filters.values import date_range_of, period_of

_Moment = TypeVar("_Moment", dt.date, dt.datetime)

ONE_DAY = dt.timedelta(days=1)


def _day_range(spec: FieldSpec, day: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """Return the stored values `[start, end)` that fall on calendar `day`."""
    if spec.type is FieldType.DATE:
        return utc_midnight(day), utc_midnight(day + ONE_DAY)
    return day_bounds(day, zone)


def _day_of(spec: FieldSpec, condition: Condition) -> dt.date:
    if condition.value.date is None:
        raise InvalidValueError(spec.key, condition.operator, condition.value, ValueKind.DATE)
    return condition.value.date


def _shift(moment: _Moment, period: Period, sign: int) -> _Moment:
    """Move `moment` by `period` forward (`sign` 1) or back (`sign` -1)."""
    if period.unit is PeriodUnit.MONTHS:
        return add_months(moment, sign * period.amount)
    days = period.amount * (7 if period.unit is PeriodUnit.WEEKS else 1)
    return moment + sign * dt.timedelta(days=days)


def _ceil_ms(instant: dt.datetime) -> dt.datetime:
    extra = instant.microsecond % 1000
    return instant + dt.timedelta(microseconds=1000 - extra) if extra else instant


def _floor_ms(instant: dt.datetime) -> dt.datetime:
    return instant.replace(microsecond=instant.microsecond - instant.microsecond % 1000)


def _period_range(spec: FieldSpec, condition: Condition, scope: Scope, sign: int) -> Filter:
    """Return the range from now to now moved by the condition's period, ends included."""
    period = period_of(spec, condition)
    context = scope.context
    if spec.type is FieldType.DATE:
        today = local_day(context.now, context.zone)
        start, end = sorted((today, _shift(today, period, sign)))
        return {spec.path: {"$gte": utc_midnight(start), "$lt": utc_midnight(end + ONE_DAY)}}

    now = context.now.astimezone(UTC)
    # Aware arithmetic in the workspace zone moves the wall clock, so a day
    # stays a calendar day across a daylight saving change.
    moved = _shift(now.astimezone(context.zone), period, sign).astimezone(UTC)
    start_instant, end_instant = sorted((now, moved))
    # BSON stores instants to the millisecond and PyMongo drops the
    # microseconds of a bound, so bounds are rounded inward to whole
    # milliseconds here. Then every engine compares the same way.
    return {spec.path: {"$gte": _ceil_ms(start_instant), "$lte": _floor_ms(end_instant)}}


def on(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match values within the calendar day.

    `{field: "createdAt", operator: ON, value: {date: "2026-03-05"}}` in Asia/Ho_Chi_Minh ->
    `{"createdAt": {"$gte": datetime(2026, 3, 4, 17, 0, tzinfo=UTC),
    "$lt": datetime(2026, 3, 5, 17, 0, tzinfo=UTC)}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/gte/
    https://www.mongodb.com/docs/manual/reference/operator/query/lt/
    """
    start, end = _day_range(spec, _day_of(spec, condition), scope.context.zone)
    return {spec.path: {"$gte": start, "$lt": end}}


def before(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match values before the start of the calendar day.

    `{field: "birthday", operator: BEFORE, value: {date: "2000-01-01"}}` ->
    `{"birthday": {"$lt": datetime(2000, 1, 1, tzinfo=UTC)}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/lt/
    """
    start, _ = _day_range(spec, _day_of(spec, condition), scope.context.zone)
    return {spec.path: {"$lt": start}}


def after(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match values after the end of the calendar day.

    `{field: "lastOrderAt", operator: AFTER, value: {date: "2026-03-05"}}` in Asia/Ho_Chi_Minh ->
    `{"lastOrderAt": {"$gte": datetime(2026, 3, 5, 17, 0, tzinfo=UTC)}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/gte/
    """
    _, end = _day_range(spec, _day_of(spec, condition), scope.context.zone)
    return {spec.path: {"$gte": end}}


def between(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match values from the start of the first day to the end of the last, both days included.

    `{field: "birthday", operator: BETWEEN, value: {dateRange: {from: "1990-01-01",
    to: "1999-12-31"}}}` ->
    `{"birthday": {"$gte": datetime(1990, 1, 1, tzinfo=UTC),
    "$lt": datetime(2000, 1, 1, tzinfo=UTC)}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/gte/
    https://www.mongodb.com/docs/manual/reference/operator/query/lt/
    """
    days = date_range_of(spec, condition)
    start, _ = _day_range(spec, days.from_, scope.context.zone)
    _, end = _day_range(spec, days.to, scope.context.zone)
    return {spec.path: {"$gte": start, "$lt": end}}


def in_last(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match values from now minus the period up to now.

    `{field: "createdAt", operator: IN_LAST, value: {period: {amount: 14, unit: DAYS}}}` at
    `now = 2026-03-20T03:00Z` -> `{"createdAt": {"$gte": datetime(2026, 3, 6, 3, 0, tzinfo=UTC),
    "$lte": datetime(2026, 3, 20, 3, 0, tzinfo=UTC)}}`

    On a DATE field the range is whole days: from today minus the period to
    today, in the workspace zone.

    https://www.mongodb.com/docs/manual/reference/operator/query/gte/
    """
    return _period_range(spec, condition, scope, sign=-1)


def in_next(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match values from now up to now plus the period.

    `{field: "lastOrderAt", operator: IN_NEXT, value: {period: {amount: 1, unit: WEEKS}}}` at
    `now = 2026-03-20T03:00Z` -> `{"lastOrderAt": {"$gte": datetime(2026, 3, 20, 3, 0, tzinfo=UTC),
    "$lte": datetime(2026, 3, 27, 3, 0, tzinfo=UTC)}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/lte/
    """
    return _period_range(spec, condition, scope, sign=1)


def more_than_ago(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match values before now minus the period; never empty values.

    `{field: "lastOrderAt", operator: MORE_THAN_AGO, value: {period: {amount: 3, unit: MONTHS}}}`
    at `now = 2026-05-31T03:00Z` in Asia/Ho_Chi_Minh ->
    `{"lastOrderAt": {"$lt": datetime(2026, 2, 28, 3, 0, tzinfo=UTC)}}`

    On a DATE field: before today minus the period, in whole days.

    https://www.mongodb.com/docs/manual/reference/operator/query/lt/
    """
    period = period_of(spec, condition)
    context = scope.context
    if spec.type is FieldType.DATE:
        today = local_day(context.now, context.zone)
        return {spec.path: {"$lt": utc_midnight(_shift(today, period, -1))}}

    local_now = context.now.astimezone(context.zone)
    bound = _shift(local_now, period, -1).astimezone(UTC)
    return {spec.path: {"$lt": _ceil_ms(bound)}}


OPERATORS: Mapping[Operator, OperatorCompiler] = MappingProxyType(
    {
        Operator.ON: on,
        Operator.BEFORE: before,
        Operator.AFTER: after,
        Operator.BETWEEN: between,
        Operator.IN_LAST: in_last,
        Operator.MORE_THAN_AGO: more_than_ago,
        Operator.IN_NEXT: in_next,
        **anniversaries.OPERATORS,
        Operator.IS_EMPTY: logic.is_empty,
        Operator.IS_NOT_EMPTY: logic.is_not_empty,
    }
)
