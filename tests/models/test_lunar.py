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
    dt.date(1968, 1, 29),  # China: 30 January (the first Tết reckoned at UTC+7)
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


# Tết of every year from 1926 to 2174 (month and day), from Hồ Ngọc Đức's
# published tables of the Vietnamese calendar, computed with a more precise
# ephemeris than ours.
_TET_TABLE = (
    "0213 0202 0123 0210 0130 0217 0206 0126 0214 0204 0124 0211 0131 0219 0208 0127 "
    "0215 0205 0125 0213 0202 0122 0210 0129 0217 0206 0127 0214 0203 0124 0212 0131 "
    "0218 0208 0128 0215 0205 0125 0213 0202 0121 0209 0129 0216 0206 0127 0215 0203 "
    "0123 0211 0131 0218 0207 0128 0216 0205 0125 0213 0202 0121 0209 0129 0217 0206 "
    "0127 0215 0204 0123 0210 0131 0219 0207 0128 0216 0205 0124 0212 0201 0122 0209 "
    "0129 0217 0207 0126 0214 0203 0123 0210 0131 0219 0208 0128 0216 0205 0125 0212 "
    "0201 0122 0210 0129 0217 0206 0126 0213 0202 0123 0211 0131 0219 0208 0128 0215 "
    "0204 0124 0212 0201 0122 0210 0130 0217 0206 0126 0214 0202 0123 0211 0201 0218 "
    "0208 0128 0215 0204 0124 0212 0202 0121 0209 0129 0217 0205 0126 0214 0203 0123 "
    "0211 0131 0219 0207 0127 0215 0205 0124 0212 0202 0122 0209 0129 0217 0206 0126 "
    "0214 0203 0124 0210 0130 0218 0207 0127 0215 0205 0125 0212 0201 0121 0209 0129 "
    "0217 0207 0128 0215 0204 0124 0212 0131 0219 0208 0129 0216 0206 0126 0214 0202 "
    "0122 0210 0130 0217 0207 0127 0215 0203 0123 0211 0201 0219 0208 0129 0217 0205 "
    "0125 0213 0202 0122 0210 0130 0218 0207 0127 0215 0204 0123 0211 0201 0121 0208 "
    "0129 0216 0205 0124 0212 0202 0123 0210 0130 0218 0207 0126 0214 0203 0124 0211 "
    "0201 0220 0209 0128 0216 0205 0125 0212 0202"
)
TET_1926_TO_2174 = _TET_TABLE.split()


def test_tet_dates_1926_to_2174() -> None:
    for year, month_day in enumerate(TET_1926_TO_2174, start=1926):
        tet = dt.date(year, int(month_day[:2]), int(month_day[2:]))
        assert to_lunar(tet) == LunarDate(year, 1, 1), tet
        assert to_lunar(tet - dt.timedelta(days=1)).year == year - 1, tet


def test_before_1968_uses_utc_plus_8() -> None:
    # Month 11 of 1967 began on 2 December by the UTC+8 reckoning then in
    # force (1 December at UTC+7) and month 12 on 31 December by either.
    assert to_lunar(dt.date(1967, 12, 2)) == LunarDate(1967, 11, 1)
    assert lunar_month_length(1967, 11) == 29
    assert to_lunar(dt.date(1967, 12, 31)) == LunarDate(1967, 12, 1)
    assert from_lunar(LunarDate(1967, 12, 1)) == dt.date(1967, 12, 31)
    assert lunar_month_length(1967, 12) == 29


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


def test_leap_month_counts_as_its_number() -> None:
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
