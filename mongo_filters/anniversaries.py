"""Anniversary operators: month and day compared, the year ignored.

On write the service keeps `month * 100 + day` of each DATE and DATETIME
value under `monthDay.<field>` (Gregorian) and `lunarMonthDay.<field>`
(Vietnamese lunar). Each operator computes the matching keys here and
compares with `$in`, which an index on the key serves. "Today" is the
calendar day of `context.now` in the workspace zone.

Short months, by calendar:

- Gregorian: a 29 February anniversary falls on 28 February in other
  years, so the keys of 28 February in a non-leap year contain 229 as well.
- Lunar (`calendar: LUNAR`): a leap month counts as the month of the same
  number, because the stored key ignores the leap flag. An anniversary on
  day 30 falls on day 29 of a 29-day month, so the keys of day 29 of such
  a month contain day 30 as well.
"""

from __future__ import annotations

import calendar as gregorian
import datetime as dt
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from models.dates import local_day, month_day
from models.lunar import lunar_month_length, to_lunar
from mongo_filters.catalog import FieldSpec
from mongo_filters.conditions import Calendar, Condition, Operator
from mongo_filters.scope import Filter, OperatorCompiler, Scope
from mongo_filters.values import month_of, period_of

LEAP_DAY = 229
LUNAR_LONG_MONTH_DAYS = 30


def gregorian_keys(days: Iterable[dt.date]) -> list[int]:
    """Return the sorted `monthDay` keys whose anniversary falls on one of `days`."""
    keys: set[int] = set()
    for day in days:
        keys.add(month_day(day))
        if (day.month, day.day) == (2, 28) and not gregorian.isleap(day.year):
            keys.add(LEAP_DAY)
    return sorted(keys)


def lunar_keys(days: Iterable[dt.date]) -> list[int]:
    """Return the sorted `lunarMonthDay` keys whose lunar anniversary falls on one of `days`."""
    keys: set[int] = set()
    for day in days:
        lunar = to_lunar(day)
        keys.add(lunar.month * 100 + lunar.day)
        short_month_end = lunar.day == LUNAR_LONG_MONTH_DAYS - 1 and (
            lunar_month_length(lunar.year, lunar.month, lunar.leap) == lunar.day
        )
        if short_month_end:
            keys.add(lunar.month * 100 + LUNAR_LONG_MONTH_DAYS)
    return sorted(keys)


def _keys_on(spec: FieldSpec, condition: Condition, days: list[dt.date]) -> Filter:
    if condition.calendar is Calendar.LUNAR:
        return {spec.lunar_month_day_path: {"$in": lunar_keys(days)}}
    return {spec.month_day_path: {"$in": gregorian_keys(days)}}


def _today(scope: Scope) -> dt.date:
    return local_day(scope.context.now, scope.context.zone)


def anniversary_is_today(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match anniversaries that fall today.

    `{field: "birthday", operator: ANNIVERSARY_IS_TODAY}` on 28 February 2026 ->
    `{"monthDay.birthday": {"$in": [228, 229]}}`; with `calendar: LUNAR` on
    17 February 2026 (lunar 1/1) -> `{"lunarMonthDay.birthday": {"$in": [101]}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/in/
    """
    return _keys_on(spec, condition, [_today(scope)])


def anniversary_in_next(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match anniversaries from today through today plus the period's days, across the year end.

    `{field: "birthday", operator: ANNIVERSARY_IN_NEXT, value: {period: {amount: 3, unit: DAYS}}}`
    on 30 December 2026 -> `{"monthDay.birthday": {"$in": [101, 102, 1230, 1231]}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/in/
    """
    # Validation allows DAYS only, at most 366, so the list has at most 367 keys.
    amount = period_of(spec, condition).amount
    today = _today(scope)
    days = [today + dt.timedelta(days=offset) for offset in range(amount + 1)]
    return _keys_on(spec, condition, days)


def anniversary_in_month(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match anniversaries in the month, whatever today is.

    `{field: "birthday", operator: ANNIVERSARY_IN_MONTH, value: {month: 2}}` ->
    `{"monthDay.birthday": {"$in": [201, 202, ..., 228, 229]}}`; with
    `calendar: LUNAR` the lunar month's days 1 to 30 (`[1201, ..., 1230]` for month 12).

    https://www.mongodb.com/docs/manual/reference/operator/query/in/
    """
    month = month_of(spec, condition)
    if condition.calendar is Calendar.LUNAR:
        keys = [month * 100 + day for day in range(1, LUNAR_LONG_MONTH_DAYS + 1)]
        return {spec.lunar_month_day_path: {"$in": keys}}

    # 2000 is a leap year, so February lists its 29th.
    last_day = gregorian.monthrange(2000, month)[1]
    keys = [month * 100 + day for day in range(1, last_day + 1)]
    return {spec.month_day_path: {"$in": keys}}


OPERATORS: Mapping[Operator, OperatorCompiler] = MappingProxyType(
    {
        Operator.ANNIVERSARY_IS_TODAY: anniversary_is_today,
        Operator.ANNIVERSARY_IN_NEXT: anniversary_in_next,
        Operator.ANNIVERSARY_IN_MONTH: anniversary_in_month,
    }
)
