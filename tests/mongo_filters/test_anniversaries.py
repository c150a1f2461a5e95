"""Anniversary conditions compile to `$in` lists of month-day keys, Gregorian or lunar."""

from __future__ import annotations

import datetime as dt

import pytest

from mongo_filters.conditions import (
    Calendar,
    Condition,
    ConditionValue,
    Operator,
    Period,
    PeriodUnit,
)
from tests.mongo_filters.samples import compile_one, make_context

Op = Operator
LUNAR = Calendar.LUNAR


def at_local_morning(day: dt.date) -> dt.datetime:
    """Return 10:00 of `day` in Ho Chi Minh City (UTC+7) as a UTC instant."""
    return dt.datetime(day.year, day.month, day.day, 3, 0, tzinfo=dt.UTC)


def today(day: dt.date, field: str = "birthday", calendar: Calendar = Calendar.GREGORIAN) -> object:
    condition = Condition(field, Op.ANNIVERSARY_IS_TODAY, calendar=calendar)
    return compile_one(condition, make_context(now=at_local_morning(day)))


def in_next(day: dt.date, days: int, calendar: Calendar = Calendar.GREGORIAN) -> object:
    value = ConditionValue(period=Period(days, PeriodUnit.DAYS))
    condition = Condition("birthday", Op.ANNIVERSARY_IN_NEXT, value, calendar)
    return compile_one(condition, make_context(now=at_local_morning(day)))


def in_month(month: int, calendar: Calendar = Calendar.GREGORIAN) -> object:
    condition = Condition(
        "birthday", Op.ANNIVERSARY_IN_MONTH, ConditionValue(month=month), calendar
    )
    return compile_one(condition)


def test_today_lists_todays_key() -> None:
    assert today(dt.date(2026, 3, 20)) == {"monthDay.birthday": {"$in": [320]}}


def test_today_adds_leap_day_in_common_year() -> None:
    assert today(dt.date(2026, 2, 28)) == {"monthDay.birthday": {"$in": [228, 229]}}


def test_today_keeps_leap_day_apart_in_leap_year() -> None:
    assert today(dt.date(2028, 2, 28)) == {"monthDay.birthday": {"$in": [228]}}
    assert today(dt.date(2028, 2, 29)) == {"monthDay.birthday": {"$in": [229]}}


def test_today_uses_workspace_zone() -> None:
    # 18:00 UTC on 27 February is 01:00 on 28 February in Ho Chi Minh City.
    context = make_context(now=dt.datetime(2026, 2, 27, 18, 0, tzinfo=dt.UTC))

    compiled = compile_one(Condition("birthday", Op.ANNIVERSARY_IS_TODAY), context)

    assert compiled == {"monthDay.birthday": {"$in": [228, 229]}}


def test_today_on_custom_field_reads_its_key() -> None:
    compiled = today(dt.date(2026, 3, 20), field="custom.anniversary")

    assert compiled == {"monthDay.custom_anniversary": {"$in": [320]}}


def test_today_on_datetime_field_reads_its_key() -> None:
    compiled = today(dt.date(2026, 3, 20), field="createdAt")

    assert compiled == {"monthDay.createdAt": {"$in": [320]}}


def test_in_next_days_wraps_year_end() -> None:
    assert in_next(dt.date(2026, 12, 30), 3) == {
        "monthDay.birthday": {"$in": [101, 102, 1230, 1231]}
    }


def test_in_next_days_crosses_common_february() -> None:
    assert in_next(dt.date(2027, 2, 27), 2) == {"monthDay.birthday": {"$in": [227, 228, 229, 301]}}


def test_in_next_full_year_lists_every_day() -> None:
    compiled = in_next(dt.date(2026, 3, 20), 366)

    assert compiled["monthDay.birthday"]["$in"] == sorted(  # type: ignore[index]
        {month * 100 + day for month in range(1, 13) for day in range(1, 32)}
        - {230, 231, 431, 631, 931, 1131}
    )


@pytest.mark.parametrize(
    ("month", "keys"),
    [
        (2, list(range(201, 230))),
        (4, list(range(401, 431))),
        (12, list(range(1201, 1232))),
    ],
)
def test_in_month_lists_month_days(month: int, keys: list[int]) -> None:
    assert in_month(month) == {"monthDay.birthday": {"$in": keys}}


def test_lunar_today_reads_lunar_key() -> None:
    # 17 February 2026 is lunar new year's day (1/1).
    assert today(dt.date(2026, 2, 17), calendar=LUNAR) == {"lunarMonthDay.birthday": {"$in": [101]}}


def test_lunar_short_month_adds_day_30() -> None:
    # 16 February 2026 is day 29 of lunar month 12, which has 29 days.
    assert today(dt.date(2026, 2, 16), calendar=LUNAR) == {
        "lunarMonthDay.birthday": {"$in": [1229, 1230]}
    }


def test_lunar_long_month_keeps_day_29() -> None:
    # 17 January 2026 is day 29 of lunar month 11, which has 30 days.
    assert today(dt.date(2026, 1, 17), calendar=LUNAR) == {
        "lunarMonthDay.birthday": {"$in": [1129]}
    }


def test_lunar_leap_month_counts_as_same_number() -> None:
    # 22 August 2025 is day 29 of the leap month 6 of 2025, which has 29 days.
    assert today(dt.date(2025, 8, 22), calendar=LUNAR) == {
        "lunarMonthDay.birthday": {"$in": [629, 630]}
    }


def test_lunar_in_next_crosses_lunar_new_year() -> None:
    assert in_next(dt.date(2026, 2, 15), 2, calendar=LUNAR) == {
        "lunarMonthDay.birthday": {"$in": [101, 1228, 1229, 1230]}
    }


def test_lunar_in_month_lists_thirty_days() -> None:
    assert in_month(12, calendar=LUNAR) == {
        "lunarMonthDay.birthday": {"$in": list(range(1201, 1231))}
    }
