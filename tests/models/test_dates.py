from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from models.dates import (
    add_months,
    day_bounds,
    local_day,
    month_day,
    stored_date,
    to_utc,
    utc_midnight,
)

UTC = dt.UTC
SAIGON = ZoneInfo("Asia/Ho_Chi_Minh")


def test_month_day() -> None:
    assert month_day(dt.date(1990, 2, 28)) == 228
    assert month_day(dt.date(2000, 12, 31)) == 1231


def test_day_bounds_in_saigon_start_at_17_utc_the_day_before() -> None:
    start, end = day_bounds(dt.date(2026, 2, 17), SAIGON)

    assert start == dt.datetime(2026, 2, 16, 17, tzinfo=UTC)
    assert end == dt.datetime(2026, 2, 17, 17, tzinfo=UTC)
    assert start.tzinfo is UTC


def test_day_bounds_cover_a_daylight_saving_day_exactly() -> None:
    start, end = day_bounds(dt.date(2026, 3, 8), ZoneInfo("America/New_York"))

    assert end - start == dt.timedelta(hours=23)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.datetime(2026, 1, 31, 9, tzinfo=UTC), 1, dt.datetime(2026, 2, 28, 9, tzinfo=UTC)),
        (dt.datetime(2024, 1, 31, 9, tzinfo=UTC), 1, dt.datetime(2024, 2, 29, 9, tzinfo=UTC)),
        (dt.datetime(2026, 3, 31, tzinfo=UTC), -1, dt.datetime(2026, 2, 28, tzinfo=UTC)),
        (dt.datetime(2026, 1, 15, tzinfo=UTC), -13, dt.datetime(2024, 12, 15, tzinfo=UTC)),
        (dt.datetime(2026, 11, 30, tzinfo=UTC), 3, dt.datetime(2027, 2, 28, tzinfo=UTC)),
    ],
)
def test_add_months_clamps_the_day(start: dt.datetime, months: int, expected: dt.datetime) -> None:
    assert add_months(start, months) == expected


def test_add_months_takes_dates_too() -> None:
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)


def test_utc_midnight_round_trips() -> None:
    stored = utc_midnight(dt.date(2000, 2, 29))

    assert stored == dt.datetime(2000, 2, 29, tzinfo=UTC)
    assert stored_date(stored) == dt.date(2000, 2, 29)
    assert stored_date(stored.replace(tzinfo=None)) == dt.date(2000, 2, 29)


def test_naive_datetime_is_wall_time_of_the_zone() -> None:
    assert to_utc(dt.datetime(2026, 1, 1, 6), SAIGON) == dt.datetime(2025, 12, 31, 23, tzinfo=UTC)


def test_local_day_of_an_instant() -> None:
    assert local_day(dt.datetime(2025, 12, 31, 17, tzinfo=UTC), SAIGON) == dt.date(2026, 1, 1)
    assert local_day(dt.datetime(2025, 12, 31, 16, 59, 59), SAIGON) == dt.date(2025, 12, 31)
