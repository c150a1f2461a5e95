"""Number and calendar-day intervals that range conditions allow.

A NUMBER condition such as `orderCount > 10` allows an open or closed
interval of real numbers. A day-level DATE or DATETIME condition (ON,
BEFORE, AFTER, BETWEEN) allows a closed interval of calendar days in the
workspace time zone, counted as `date.toordinal()`. Days are whole units,
so `AFTER 2024-03-01 AND BEFORE 2024-03-02` is empty even though the open
real interval between those days is not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from mongo_filters.conditions import Condition, Operator


@dataclass(frozen=True)
class Bound:
    value: float
    inclusive: bool


@dataclass(frozen=True)
class Interval:
    """A set of numbers between two bounds, where a missing bound sets no limit."""

    lower: Bound | None = None
    upper: Bound | None = None

    def intersect(self, other: Interval) -> Interval:
        return Interval(
            _tighter_lower(self.lower, other.lower), _tighter_upper(self.upper, other.upper)
        )

    def is_empty(self) -> bool:
        if self.lower is None or self.upper is None:
            return False
        if self.lower.value != self.upper.value:
            return self.lower.value > self.upper.value
        return not (self.lower.inclusive and self.upper.inclusive)

    def single_point(self) -> float | None:
        """Return the only number in the interval, or None when it contains zero or many."""
        if self.lower is None or self.upper is None or self.is_empty():
            return None
        return self.lower.value if self.lower.value == self.upper.value else None


UNBOUNDED = Interval()


def _tighter_lower(first: Bound | None, second: Bound | None) -> Bound | None:
    if first is None or second is None:
        return second if first is None else first
    if first.value != second.value:
        return first if first.value > second.value else second
    return first if not first.inclusive else second


def _tighter_upper(first: Bound | None, second: Bound | None) -> Bound | None:
    if first is None or second is None:
        return second if first is None else first
    if first.value != second.value:
        return first if first.value < second.value else second
    return first if not first.inclusive else second


def number_interval(condition: Condition) -> Interval | None:
    """Return the numbers that a NUMBER condition allows, or None for other operators.

    BETWEEN includes both ends, as `$gte` and `$lte` do in the compiled filter.
    """
    value = condition.value
    if condition.operator is Operator.BETWEEN:
        if value.number_range is None:
            return None
        low, high = value.number_range.min, value.number_range.max
        return Interval(Bound(low, True), Bound(high, True))

    number = value.number
    if number is None:
        return None
    match condition.operator:
        case Operator.IS:
            return Interval(Bound(number, True), Bound(number, True))
        case Operator.GREATER_THAN:
            return Interval(lower=Bound(number, False))
        case Operator.GREATER_THAN_OR_EQUAL:
            return Interval(lower=Bound(number, True))
        case Operator.LESS_THAN:
            return Interval(upper=Bound(number, False))
        case Operator.LESS_THAN_OR_EQUAL:
            return Interval(upper=Bound(number, True))
        case _:
            return None


def day_interval(condition: Condition) -> Interval | None:
    """Return the calendar days that a day-level date condition allows, or None.

    ON d is day d, BEFORE d ends on the day before d, AFTER d starts on the
    day after d, and BETWEEN includes both of its days. Relative operators
    (IN_LAST, IN_NEXT, MORE_THAN_AGO) depend on the clock and return None.
    """
    value = condition.value
    if condition.operator is Operator.BETWEEN:
        if value.date_range is None:
            return None
        return _days(value.date_range.from_, value.date_range.to)

    day = value.date
    if day is None:
        return None
    match condition.operator:
        case Operator.ON:
            return _days(day, day)
        case Operator.BEFORE:
            return Interval(upper=Bound(day.toordinal() - 1, True))
        case Operator.AFTER:
            return Interval(lower=Bound(day.toordinal() + 1, True))
        case _:
            return None


def allowed_days(conditions: Sequence[Condition]) -> Interval:
    """Return the calendar days that all day-level conditions among `conditions` allow."""
    allowed = UNBOUNDED
    for condition in conditions:
        interval = day_interval(condition)
        if interval is not None:
            allowed = allowed.intersect(interval)
    return allowed


def _days(first: dt.date, last: dt.date) -> Interval:
    return Interval(Bound(first.toordinal(), True), Bound(last.toordinal(), True))
