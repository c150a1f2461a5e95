from __future__ import annotations

import datetime as dt

import pytest

from models.lunar import (
    LunarDate,
    from_lunar,
    leap_month,
    lunar_month_day,
    lunar_month_length,
    to_lunar,
)

# Tết Nguyên Đán (lunar 1/1) in Vietnam. Where China's Spring Festival falls
# on another day, it is given in the comment: the two calendars reckon the
# new moon at UTC+7 and UTC+8.
VIETNAMESE_NEW_YEARS = [
    dt.date(1900, 1, 31),
    dt.date(1910, 2, 10),
    dt.date(1920, 2, 20),
    dt.date(1930, 1, 30),
    dt.date(1940, 2, 8),
    dt.date(1950, 2, 17),
    dt.date(1960, 1, 28),
    dt.date(1968, 1, 29),  # China: 30 January
    dt.date(1970, 2, 6),
    dt.date(1975, 2, 11),
    dt.date(1980, 2, 16),
    dt.date(1985, 1, 21),  # China: 20 February
    dt.date(1990, 1, 27),
    dt.date(1995, 1, 31),
    dt.date(2000, 2, 5),
    dt.date(2007, 2, 17),  # China: 18 February
    dt.date(2010, 2, 14),
    dt.date(2015, 2, 19),
    dt.date(2020, 1, 25),
    dt.date(2023, 1, 22),
    dt.date(2024, 2, 10),
    dt.date(2025, 1, 29),
    dt.date(2026, 2, 17),
    dt.date(2027, 2, 6),
    dt.date(2030, 2, 2),  # China: 3 February
    dt.date(2050, 1, 23),
    dt.date(2100, 2, 9),
]


@pytest.mark.parametrize("tet", VIETNAMESE_NEW_YEARS, ids=str)
def test_vietnamese_new_year(tet: dt.date) -> None:
    assert to_lunar(tet) == LunarDate(tet.year, 1, 1)
    assert to_lunar(tet - dt.timedelta(days=1)).year == tet.year - 1
    assert to_lunar(tet - dt.timedelta(days=1)).month == 12
    assert from_lunar(LunarDate(tet.year, 1, 1)) == tet


def test_tet_1985_is_a_month_before_china() -> None:
    assert to_lunar(dt.date(1985, 2, 20)) == LunarDate(1985, 2, 1)


def test_tet_2030_is_a_day_before_china() -> None:
    assert to_lunar(dt.date(2030, 2, 3)) == LunarDate(2030, 1, 2)


def test_lunar_month_day_around_tet_2026() -> None:
    assert lunar_month_day(dt.date(2026, 2, 17)) == 101
    assert lunar_month_day(dt.date(2026, 2, 16)) == 1229


def test_leap_month_counts_as_the_month_of_its_number() -> None:
    # 2025 has a leap sixth month (25 July to 22 August 2025).
    assert leap_month(2025) == 6
    assert to_lunar(dt.date(2025, 7, 25)) == LunarDate(2025, 6, 1, leap=True)
    assert lunar_month_day(dt.date(2025, 7, 25)) == 601
    assert to_lunar(dt.date(2025, 6, 25)) == LunarDate(2025, 6, 1)


def test_leap_eleventh_month_of_2033() -> None:
    assert leap_month(2033) == 11
    assert to_lunar(dt.date(2033, 12, 22)) == LunarDate(2033, 11, 1, leap=True)
    assert to_lunar(dt.date(2034, 1, 20)) == LunarDate(2033, 12, 1)


def test_years_without_a_leap_month() -> None:
    assert leap_month(2026) is None
    with pytest.raises(ValueError, match="no leap month"):
        from_lunar(LunarDate(2026, 6, 1, leap=True))


@pytest.mark.parametrize(
    ("year", "month", "leap", "length"),
    [(2025, 12, False, 29), (2026, 1, False, 30), (2025, 6, True, 29), (2025, 6, False, 30)],
)
def test_lunar_month_length(year: int, month: int, leap: bool, length: int) -> None:
    assert lunar_month_length(year, month, leap) == length


def test_round_trip_and_continuity_over_the_supported_range() -> None:
    day = dt.date(1900, 2, 1)
    previous = to_lunar(day)
    step = dt.timedelta(days=1)
    while day < dt.date(2200, 12, 31):
        day += step
        lunar = to_lunar(day)
        if lunar.day == 1:
            length = lunar_month_length(previous.year, previous.month, previous.leap)
            assert previous.day == length, (day, previous)
            assert length in (29, 30)
        else:
            assert (lunar.year, lunar.month, lunar.leap) == (
                previous.year,
                previous.month,
                previous.leap,
            )
            assert lunar.day == previous.day + 1
        if lunar.day in (1, 15):
            assert from_lunar(lunar) == day
        previous = lunar


def test_day_past_the_month_end_is_rejected() -> None:
    with pytest.raises(ValueError, match="has 29 days"):
        from_lunar(LunarDate(2026, 2, 30))
