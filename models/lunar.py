"""The Vietnamese lunar calendar (âm lịch).

The Vietnamese calendar follows the same rules as the Chinese one but has
reckoned new moons and solar terms at UTC+7 since 1968 (UTC+8, the Chinese
calendar, before), so the two differ when a new moon falls between 16:00
and 17:00 UTC: Tết 1985 was 21 January in Vietnam and 20 February in China,
Tết 2007 17 and 18 February, Tết 2030 is 2 February in Vietnam and 3
February in China.

Choice of implementation: this module implements Hồ Ngọc Đức's published
astronomical algorithm ("Thuật toán tính âm lịch": new moons and the sun's
longitude after Jean Meeus, "Astronomical Algorithms"), the reference that
Vietnamese calendar software builds on. The PyPI candidates, checked first:

- `lunar-vn` 1.4.0 (MIT, typed with `py.typed`, no dependencies, recent
  releases): a faithful port of the same algorithm at UTC+7 for every year,
  so it gives the Chinese-calendar dates the country actually used before
  1968 wrongly (about 840 days of 1900..1967 differ from the calendars
  then printed), and it stops at 2100.
- `vnlunar` 1.0.5 (MIT by its classifier, no license field, "Beta",
  untyped dict results, a broad almanac/astrology scope): carries Hồ Ngọc
  Đức's precomputed tables for 1800..2199 but falls back to UTC+7 astronomy
  whenever a zone is passed.

Neither fits well enough to be a dependency on the write path of every
customer and in the compiler, so we keep our own ~200 lines, typed under
mypy strict, with two corrections to the published code: the month start is
searched for instead of guessed from the mean lunation (the published code
yields "day 0" on 7 May 2054), and days before 1968 are reckoned at UTC+8.
Checked day by day against Hồ Ngọc Đức's tables for 1900..2199, the result
agrees everywhere except within five months before 1929 (China then used
Beijing local time, UTC+7:46) and nine months after 2053, where a new moon
falls within minutes of local midnight and our lower-precision series
decides the other way. `tests/models/test_lunar.py` pins every Tết from
1926 to 2174.

Only the years 1900..2200 that dates may take are supported (the Gregorian
calendar throughout).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache

# Vietnam reckons its calendar at UTC+7 since 1968 (government decision of
# 8 August 1967); before that it followed the Chinese calendar, at UTC+8.
TIME_ZONE_HOURS = 7.0
FORMER_TIME_ZONE_HOURS = 8.0
CHANGE_OF_MERIDIAN = dt.date(1968, 1, 1)

# Julian day number of 0001-01-01 minus its proleptic Gregorian ordinal.
_JD_OFFSET = 1721425
# Julian day of the new moon of 1900-01-01, and the mean synodic month.
_EPOCH_NEW_MOON = 2415021.076998695
_SYNODIC_MONTH = 29.530588853


@dataclass(frozen=True, order=True)
class LunarDate:
    """A day of the Vietnamese lunar calendar; `leap` marks the leap month (tháng nhuận)."""

    year: int
    month: int
    day: int
    leap: bool = False


def to_lunar(day: dt.date) -> LunarDate:
    """Return the Vietnamese lunar date of the Gregorian calendar `day`.

    >>> to_lunar(dt.date(2026, 2, 17))
    LunarDate(year=2026, month=1, day=1, leap=False)
    """
    tz = TIME_ZONE_HOURS if day >= CHANGE_OF_MERIDIAN else FORMER_TIME_ZONE_HOURS
    jdn = _jdn(day)
    # The mean lunation only estimates which new moon starts the month: step
    # back until the true one is on or before `jdn`. (The published code
    # tries two candidates only and yields day 0 on 7 May 2054.)
    k = math.floor((jdn - _EPOCH_NEW_MOON) / _SYNODIC_MONTH) + 2
    month_start = _new_moon_day(k, tz)
    while month_start > jdn:
        k -= 1
        month_start = _new_moon_day(k, tz)

    a11 = _lunar_month_11(day.year, tz)
    b11 = a11
    if a11 >= month_start:
        lunar_year = day.year
        a11 = _lunar_month_11(day.year - 1, tz)
    else:
        lunar_year = day.year + 1
        b11 = _lunar_month_11(day.year + 1, tz)

    lunar_day = jdn - month_start + 1
    diff = math.floor((month_start - a11) / 29)
    leap = False
    lunar_month = diff + 11
    if b11 - a11 > 365:
        leap_diff = _leap_month_offset(a11, tz)
        if diff >= leap_diff:
            lunar_month = diff + 10
            leap = diff == leap_diff
    if lunar_month > 12:
        lunar_month -= 12
    if lunar_month >= 11 and diff < 4:
        lunar_year -= 1
    return LunarDate(lunar_year, lunar_month, lunar_day, leap)


def from_lunar(value: LunarDate) -> dt.date:
    """Return the Gregorian day of a lunar date.

    Raises `ValueError` when the month is not in that lunar year (a leap
    month the year does not have) or the day is past the month's end.
    """
    tz = _zone_hours_of_month(value.year, value.month)
    start = _month_start(value.year, value.month, value.leap, tz)
    length = _month_length_from(start, tz)
    if not 1 <= value.day <= length:
        raise ValueError(f"lunar month {value.month} of {value.year} has {length} days")
    return _date(start + value.day - 1)


def lunar_month_length(lunar_year: int, month: int, leap: bool = False) -> int:
    """Return the number of days (29 or 30) of a lunar month."""
    tz = _zone_hours_of_month(lunar_year, month)
    return _month_length_from(_month_start(lunar_year, month, leap, tz), tz)


def lunar_month_day(day: dt.date) -> int:
    """Return the lunar `month * 100 + day` of `day`.

    A day of a leap month counts as the month of the same number, so an
    anniversary in month 4 also falls in the leap month 4.
    """
    lunar = to_lunar(day)
    return lunar.month * 100 + lunar.day


def leap_month(lunar_year: int) -> int | None:
    """Return the number of the leap month of `lunar_year`, or None when it has none."""
    for month in range(1, 13):
        try:
            _month_start(lunar_year, month, True, _zone_hours_of_month(lunar_year, month))
        except ValueError:
            continue
        return month
    return None


def _zone_hours_of_month(lunar_year: int, month: int) -> float:
    # Month 12 of the lunar year 1967 started on 31 December 1967 by either
    # reckoning; it is the first month of the UTC+7 calendar.
    if (lunar_year, month) >= (1967, 12):
        return TIME_ZONE_HOURS
    return FORMER_TIME_ZONE_HOURS


def _month_start(lunar_year: int, month: int, leap: bool, tz: float) -> int:
    if not 1 <= month <= 12:
        raise ValueError(f"lunar month must be 1..12, got {month!r}")
    if month < 11:
        a11 = _lunar_month_11(lunar_year - 1, tz)
        b11 = _lunar_month_11(lunar_year, tz)
    else:
        a11 = _lunar_month_11(lunar_year, tz)
        b11 = _lunar_month_11(lunar_year + 1, tz)
    k = math.floor(0.5 + (a11 - _EPOCH_NEW_MOON) / _SYNODIC_MONTH)
    offset = month - 11
    if offset < 0:
        offset += 12
    if b11 - a11 > 365:
        leap_offset = _leap_month_offset(a11, tz)
        # Offset 1 from month 11 is a leap month 11, offset 2 a leap 12, 3 a leap 1...
        leap_number = (leap_offset + 9) % 12 + 1
        if leap and month != leap_number:
            raise ValueError(f"lunar year {lunar_year} has no leap month {month}")
        if leap or offset >= leap_offset:
            offset += 1
    elif leap:
        raise ValueError(f"lunar year {lunar_year} has no leap month")
    return _new_moon_day(k + offset, tz)


def _month_length_from(start: int, tz: float) -> int:
    k = math.floor(0.5 + (start - _EPOCH_NEW_MOON) / _SYNODIC_MONTH)
    for candidate in (k, k + 1, k + 2):
        following = _new_moon_day(candidate, tz)
        if following > start:
            return following - start
    raise AssertionError(f"no new moon found after Julian day {start}")


def _jdn(day: dt.date) -> int:
    return day.toordinal() + _JD_OFFSET


def _date(jdn: int) -> dt.date:
    return dt.date.fromordinal(jdn - _JD_OFFSET)


@lru_cache(maxsize=4096)
def _new_moon_day(k: int, tz: float) -> int:
    """Return the local Julian day number of the k-th new moon after 1900-01-01."""
    return math.floor(_new_moon(k) + 0.5 + tz / 24)


def _new_moon(k: int) -> float:
    """Return the Julian day (TT corrected to UT) of the k-th new moon (Meeus, ch. 49)."""
    t = k / 1236.85
    t2 = t * t
    t3 = t2 * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (
        (0.1734 - 0.000393 * t) * math.sin(m * dr)
        + 0.0021 * math.sin(2 * dr * m)
        - 0.4068 * math.sin(mpr * dr)
        + 0.0161 * math.sin(dr * 2 * mpr)
        - 0.0004 * math.sin(dr * 3 * mpr)
        + 0.0104 * math.sin(dr * 2 * f)
        - 0.0051 * math.sin(dr * (m + mpr))
        - 0.0074 * math.sin(dr * (m - mpr))
        + 0.0004 * math.sin(dr * (2 * f + m))
        - 0.0004 * math.sin(dr * (2 * f - m))
        - 0.0006 * math.sin(dr * (2 * f + mpr))
        + 0.0010 * math.sin(dr * (2 * f - mpr))
        + 0.0005 * math.sin(dr * (2 * mpr + m))
    )
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta_t


def _sun_longitude_sector(jdn: int, tz: float) -> int:
    """Return which twelfth of the ecliptic (0..11) the sun is in at local midnight of `jdn`."""
    return math.floor(_sun_longitude(jdn - 0.5 - tz / 24) / math.pi * 6)


def _sun_longitude(jd: float) -> float:
    """Return the sun's apparent longitude in radians, 0..2π (Meeus, ch. 25, low precision)."""
    t = (jd - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    longitude = (l0 + dl) * dr
    return longitude - math.pi * 2 * math.floor(longitude / (math.pi * 2))


@lru_cache(maxsize=512)
def _lunar_month_11(year: int, tz: float) -> int:
    """Return the local Julian day that starts lunar month 11 (the solstice month) of `year`."""
    offset = _jdn(dt.date(year, 12, 31)) - 2415021
    k = math.floor(offset / _SYNODIC_MONTH)
    new_moon = _new_moon_day(k, tz)
    if _sun_longitude_sector(new_moon, tz) >= 9:
        new_moon = _new_moon_day(k - 1, tz)
    return new_moon


@lru_cache(maxsize=512)
def _leap_month_offset(a11: int, tz: float) -> int:
    """Return the offset from month 11 (at `a11`) of the first month with no solar term."""
    k = math.floor((a11 - _EPOCH_NEW_MOON) / _SYNODIC_MONTH + 0.5)
    i = 1
    arc = _sun_longitude_sector(_new_moon_day(k + i, tz), tz)
    while True:
        last = arc
        i += 1
        arc = _sun_longitude_sector(_new_moon_day(k + i, tz), tz)
        if arc == last or i >= 14:
            break
    return i - 1
