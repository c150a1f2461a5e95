"""Conflicts between ANNIVERSARY_IN_MONTH and other date conditions on one field.

A date falls in one month of each calendar, so two different months of
the same calendar exclude each other, while a Gregorian and a lunar month
do not. On a DATE field a month also excludes a range of days (ON, BEFORE,
AFTER, BETWEEN) that contains no day of that month.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from models.lunar import lunar_month_day
from mongo_filters.analysis.intervals import allowed_days
from mongo_filters.conditions import Calendar, Condition, FieldType, Operator

# Any 400 consecutive days contain every month number of both calendars,
# because a lunar year has at most 385 days, so longer ranges need no check.
_MAX_SPAN_DAYS = 400


def anniversary_conflict(conditions: Sequence[Condition], field_type: FieldType) -> bool:
    """Tell whether the month conditions exclude each other or the field's range of days."""
    months: dict[Calendar, set[int]] = {}
    for condition in conditions:
        if condition.operator is Operator.ANNIVERSARY_IN_MONTH and condition.value.month:
            months.setdefault(condition.calendar, set()).add(condition.value.month)
    if any(len(found) > 1 for found in months.values()):
        return True

    # A DATETIME's month is read in the workspace zone when it is written,
    # so a later change of zone could move it. Only DATE months are certain.
    if field_type is not FieldType.DATE or not months:
        return False
    allowed = allowed_days(conditions)
    if allowed.lower is None or allowed.upper is None or allowed.is_empty():
        return False
    first, last = int(allowed.lower.value), int(allowed.upper.value)
    if last - first >= _MAX_SPAN_DAYS:
        return False

    for calendar, wanted in months.items():
        covered = _months_between(first, last, calendar)
        if covered is not None and not wanted <= covered:
            return True
    return False


@functools.lru_cache(maxsize=256)
def _months_between(first: int, last: int, calendar: Calendar) -> frozenset[int] | None:
    """Return the month numbers of the days `first` to `last` (ordinals), or None if unknown."""
    months: set[int] = set()
    for ordinal in range(first, last + 1):
        day = dt.date.fromordinal(ordinal)
        if calendar is Calendar.GREGORIAN:
            months.add(day.month)
            continue
        try:
            months.add(lunar_month_day(day) // 100)
        except ValueError:
            # `lunar_month_day` raises ValueError for years it cannot convert.
            return None
    return frozenset(months)
