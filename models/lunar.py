"""The Vietnamese lunar calendar (âm lịch), computed for UTC+7.

The Vietnamese calendar follows the same rules as the Chinese one but
reckons new moons and solar terms at the meridian of UTC+7 instead of
UTC+8, so the two differ when a new moon falls between 16:00 and 17:00 UTC:
Tết 1985 was 21 January in Vietnam and 20 February in China, Tết 2030 is
2 February in Vietnam and 3 February in China.

Choice of implementation: this module implements Hồ Ngọc Đức's published
astronomical algorithm ("Thuật toán tính âm lịch": new moons after Jean
Meeus, "Astronomical Algorithms", 1998, solar longitude to decide month 11
and the leap month), which is the reference that Vietnamese calendars and
both PyPI candidates build on. We looked at the packages first:

- `lunar-vn` (typed, dependency-free, recent releases) and `vnlunar`
  (recent releases, broader scope: can chi, festivals, horoscope) both wrap
  the same algorithm. Taking either would add a dependency, and its release
  cadence, for about 150 lines of arithmetic that never change; the
  conversion is on the write path of every customer and in the compiler, so
  we want it small, typed under our own mypy strict run and fully tested
  here. The tests in `tests/models/test_lunar.py` pin Tết dates from 1900
  to 2100, including the years where Vietnam and China differ.

Only the years 1900..2200 that dates may take are supported (the Gregorian
calendar throughout).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache

TIME_ZONE_HOURS = 7.0

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
    jdn = _jdn(day)
    # The mean lunation only estimates which new moon starts the month: step
    # back until the true one is on or before `jdn`. (The published code
    # tries two candidates only and yields day 0 on 7 May 2054.)
    k = math.floor((jdn - _EPOCH_NEW_MOON) / _SYNODIC_MONTH) + 2
    month_start = _new_moon_day(k)
    while month_start > jdn:
        k -= 1
        month_start = _new_moon_day(k)

    a11 = _lunar_month_11(day.year)
    b11 = a11
    if a11 >= month_start:
        lunar_year = day.year
        a11 = _lunar_month_11(day.year - 1)
    else:
        lunar_year = day.year + 1
        b11 = _lunar_month_11(day.year + 1)

    lunar_day = jdn - month_start + 1
    diff = math.floor((month_start - a11) / 29)
    leap = False
    lunar_month = diff + 11
    if b11 - a11 > 365:
        leap_diff = _leap_month_offset(a11)
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
    start = _month_start(value.year, value.month, value.leap)
    length = _month_length_from(start, value.year, value.month, value.leap)
    if not 1 <= value.day <= length:
        raise ValueError(f"lunar month {value.month} of {value.year} has {length} days")
    return _date(start + value.day - 1)


def lunar_month_length(lunar_year: int, month: int, leap: bool = False) -> int:
    """Return the number of days (29 or 30) of a lunar month."""
    start = _month_start(lunar_year, month, leap)
    return _month_length_from(start, lunar_year, month, leap)


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
            _month_start(lunar_year, month, True)
        except ValueError:
            continue
        return month
    return None


def _month_start(lunar_year: int, month: int, leap: bool) -> int:
    if not 1 <= month <= 12:
        raise ValueError(f"lunar month must be 1..12, got {month!r}")
    if month < 11:
        a11 = _lunar_month_11(lunar_year - 1)
        b11 = _lunar_month_11(lunar_year)
    else:
        a11 = _lunar_month_11(lunar_year)
        b11 = _lunar_month_11(lunar_year + 1)
    k = math.floor(0.5 + (a11 - _EPOCH_NEW_MOON) / _SYNODIC_MONTH)
    offset = month - 11
    if offset < 0:
        offset += 12
    if b11 - a11 > 365:
        leap_offset = _leap_month_offset(a11)
        # Offset 1 from month 11 is a leap month 11, offset 2 a leap 12, 3 a leap 1...
        leap_number = (leap_offset + 9) % 12 + 1
        if leap and month != leap_number:
            raise ValueError(f"lunar year {lunar_year} has no leap month {month}")
        if leap or offset >= leap_offset:
            offset += 1
    elif leap:
        raise ValueError(f"lunar year {lunar_year} has no leap month")
    return _new_moon_day(k + offset)


def _month_length_from(start: int, lunar_year: int, month: int, leap: bool) -> int:
    k = math.floor(0.5 + (start - _EPOCH_NEW_MOON) / _SYNODIC_MONTH)
    for candidate in (k, k + 1, k + 2):
        following = _new_moon_day(candidate)
        if following > start:
            return following - start
    raise AssertionError(f"no new moon after lunar {lunar_year}/{month} leap={leap}")


def _jdn(day: dt.date) -> int:
    return day.toordinal() + _JD_OFFSET


def _date(jdn: int) -> dt.date:
    return dt.date.fromordinal(jdn - _JD_OFFSET)


@lru_cache(maxsize=4096)
def _new_moon_day(k: int) -> int:
    """Return the local Julian day number of the k-th new moon after 1900-01-01."""
    return math.floor(_new_moon(k) + 0.5 + TIME_ZONE_HOURS / 24)


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


def _sun_longitude_sector(jdn: int) -> int:
    """Return which twelfth of the ecliptic (0..11) the sun is in at local midnight of `jdn`."""
    return math.floor(_sun_longitude(jdn - 0.5 - TIME_ZONE_HOURS / 24) / math.pi * 6)


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
def _lunar_month_11(year: int) -> int:
    """Return the local Julian day starting the lunar month 11 that holds the solstice of `year`."""
    offset = _jdn(dt.date(year, 12, 31)) - 2415021
    k = math.floor(offset / _SYNODIC_MONTH)
    new_moon = _new_moon_day(k)
    if _sun_longitude_sector(new_moon) >= 9:
        new_moon = _new_moon_day(k - 1)
    return new_moon


@lru_cache(maxsize=512)
def _leap_month_offset(a11: int) -> int:
    """Return the offset from month 11 (at `a11`) of the first month with no solar term."""
    k = math.floor((a11 - _EPOCH_NEW_MOON) / _SYNODIC_MONTH + 0.5)
    i = 1
    arc = _sun_longitude_sector(_new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = _sun_longitude_sector(_new_moon_day(k + i))
        if arc == last or i >= 14:
            break
    return i - 1
