"""DATE and DATETIME conditions compile to UTC ranges of workspace days and periods."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from mongo_filters.conditions import (
    Condition,
    ConditionValue,
    DateRange,
    Operator,
    Period,
    PeriodUnit,
)
from mongo_filters.scope import Filter
from tests.mongo_filters.samples import NOW, compile_one, make_context

Op = Operator
UTC = dt.UTC


def utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def on_day(field: str, operator: Operator, day: dt.date) -> Condition:
    return Condition(field, operator, ConditionValue(date=day))


def period(field: str, operator: Operator, amount: int, unit: PeriodUnit) -> Condition:
    return Condition(field, operator, ConditionValue(period=Period(amount, unit)))


def days_between(field: str, start: dt.date, end: dt.date) -> Condition:
    return Condition(field, Op.BETWEEN, ConditionValue(date_range=DateRange(start, end)))


# NOW is 2026-03-20 03:00 UTC, 10:00 in Asia/Ho_Chi_Minh (UTC+7).
CASES: list[tuple[Condition, Filter]] = [
    (
        on_day("createdAt", Op.ON, dt.date(2026, 3, 5)),
        {"createdAt": {"$gte": utc(2026, 3, 4, 17), "$lt": utc(2026, 3, 5, 17)}},
    ),
    (
        on_day("lastOrderAt", Op.BEFORE, dt.date(2026, 3, 5)),
        {"lastOrderAt": {"$lt": utc(2026, 3, 4, 17)}},
    ),
    (
        on_day("lastOrderAt", Op.AFTER, dt.date(2026, 3, 5)),
        {"lastOrderAt": {"$gte": utc(2026, 3, 5, 17)}},
    ),
    (
        days_between("createdAt", dt.date(2026, 3, 1), dt.date(2026, 3, 5)),
        {"createdAt": {"$gte": utc(2026, 2, 28, 17), "$lt": utc(2026, 3, 5, 17)}},
    ),
    (
        period("createdAt", Op.IN_LAST, 14, PeriodUnit.DAYS),
        {"createdAt": {"$gte": utc(2026, 3, 6, 3), "$lte": NOW}},
    ),
    (
        period("createdAt", Op.IN_LAST, 2, PeriodUnit.WEEKS),
        {"createdAt": {"$gte": utc(2026, 3, 6, 3), "$lte": NOW}},
    ),
    (
        period("lastOrderAt", Op.MORE_THAN_AGO, 1, PeriodUnit.MONTHS),
        {"lastOrderAt": {"$lt": utc(2026, 2, 20, 3)}},
    ),
    (
        period("custom.last_visit", Op.IN_NEXT, 1, PeriodUnit.WEEKS),
        {"custom.last_visit": {"$gte": NOW, "$lte": utc(2026, 3, 27, 3)}},
    ),
    (
        on_day("birthday", Op.ON, dt.date(1990, 5, 1)),
        {"birthday": {"$gte": utc(1990, 5, 1), "$lt": utc(1990, 5, 2)}},
    ),
    (on_day("birthday", Op.BEFORE, dt.date(2000, 1, 1)), {"birthday": {"$lt": utc(2000, 1, 1)}}),
    (on_day("birthday", Op.AFTER, dt.date(2000, 1, 1)), {"birthday": {"$gte": utc(2000, 1, 2)}}),
    (
        days_between("birthday", dt.date(1990, 1, 1), dt.date(1999, 12, 31)),
        {"birthday": {"$gte": utc(1990, 1, 1), "$lt": utc(2000, 1, 1)}},
    ),
    (
        period("custom.anniversary", Op.IN_LAST, 7, PeriodUnit.DAYS),
        {"custom.anniversary": {"$gte": utc(2026, 3, 13), "$lt": utc(2026, 3, 21)}},
    ),
    (
        period("custom.anniversary", Op.MORE_THAN_AGO, 1, PeriodUnit.MONTHS),
        {"custom.anniversary": {"$lt": utc(2026, 2, 20)}},
    ),
    (
        period("custom.anniversary", Op.IN_NEXT, 3, PeriodUnit.DAYS),
        {"custom.anniversary": {"$gte": utc(2026, 3, 20), "$lt": utc(2026, 3, 24)}},
    ),
]


@pytest.mark.parametrize(("condition", "expected"), CASES)
def test_date_condition_compiles_to_fragment(condition: Condition, expected: Filter) -> None:
    assert compile_one(condition) == expected


def test_in_last_days_uses_workspace_zone() -> None:
    # 01:00 on 20 March in Ho Chi Minh City is still 19 March in UTC.
    context = make_context(now=utc(2026, 3, 19, 18))

    compiled = compile_one(period("birthday", Op.IN_LAST, 1, PeriodUnit.DAYS), context)

    assert compiled == {"birthday": {"$gte": utc(2026, 3, 19), "$lt": utc(2026, 3, 21)}}


def test_on_day_follows_daylight_saving_change() -> None:
    # 8 March 2026 has 23 hours in New York: clocks go from EST to EDT.
    context = make_context(zone=ZoneInfo("America/New_York"))

    compiled = compile_one(on_day("createdAt", Op.ON, dt.date(2026, 3, 8)), context)

    assert compiled == {"createdAt": {"$gte": utc(2026, 3, 8, 5), "$lt": utc(2026, 3, 9, 4)}}


def test_in_last_day_across_daylight_saving() -> None:
    # 14:00 EDT on 8 March; one calendar day earlier is 14:00 EST, 23 hours before.
    now = utc(2026, 3, 8, 18)
    context = make_context(now=now, zone=ZoneInfo("America/New_York"))

    compiled = compile_one(period("createdAt", Op.IN_LAST, 1, PeriodUnit.DAYS), context)

    assert compiled == {"createdAt": {"$gte": utc(2026, 3, 7, 19), "$lte": now}}


def test_in_last_month_clamps_to_month_end() -> None:
    # 10:00 on 31 March local; one month earlier is 28 February (2026 is not a leap year).
    context = make_context(now=utc(2026, 3, 31, 3))

    compiled = compile_one(period("createdAt", Op.IN_LAST, 1, PeriodUnit.MONTHS), context)

    assert compiled == {"createdAt": {"$gte": utc(2026, 2, 28, 3), "$lte": utc(2026, 3, 31, 3)}}


def test_more_than_ago_months_counts_in_workspace_zone() -> None:
    # 02:00 on 1 June local is still 31 May in UTC: three months back is 1 March local.
    context = make_context(now=utc(2026, 5, 31, 19))

    compiled = compile_one(period("lastOrderAt", Op.MORE_THAN_AGO, 3, PeriodUnit.MONTHS), context)

    assert compiled == {"lastOrderAt": {"$lt": utc(2026, 2, 28, 19)}}


def test_date_bounds_ignore_workspace_zone() -> None:
    # A birthday is a calendar day stored at UTC midnight, whatever the zone.
    context = make_context(zone=ZoneInfo("Pacific/Auckland"))

    compiled = compile_one(on_day("birthday", Op.ON, dt.date(1990, 5, 1)), context)

    assert compiled == {"birthday": {"$gte": utc(1990, 5, 1), "$lt": utc(1990, 5, 2)}}


def test_period_bounds_round_inward_to_milliseconds() -> None:
    # Stored instants have whole milliseconds, so rounding inward keeps every comparison exact.
    now = dt.datetime(2026, 3, 20, 3, 0, 0, 123_456, tzinfo=UTC)
    context = make_context(now=now)

    in_last = compile_one(period("createdAt", Op.IN_LAST, 1, PeriodUnit.DAYS), context)
    ago = compile_one(period("createdAt", Op.MORE_THAN_AGO, 1, PeriodUnit.DAYS), context)

    start = dt.datetime(2026, 3, 19, 3, 0, 0, 124_000, tzinfo=UTC)
    end = dt.datetime(2026, 3, 20, 3, 0, 0, 123_000, tzinfo=UTC)
    assert in_last == {"createdAt": {"$gte": start, "$lte": end}}
    assert ago == {"createdAt": {"$lt": start}}
