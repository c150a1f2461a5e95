"""Calendar days, instants and the month-day numbers kept for anniversaries.

A DATE value (a birthday) is a calendar day with no time zone; it is stored
as the aware UTC midnight of that day (`utc_midnight`) and read back with
`stored_date`. A DATETIME value is an instant stored in UTC. Day-level
conditions turn a calendar day of the workspace zone into the UTC range
`[start, end)` that it covers (`day_bounds`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TypeVar
from zoneinfo import ZoneInfo

_Day = TypeVar("_Day", dt.date, dt.datetime)

UTC = dt.UTC

MIN_YEAR = 1900
MAX_YEAR = 2200


def month_day(value: dt.date) -> int:
    """Return `month * 100 + day`, the key of anniversary conditions (`0229` is 229)."""
    return value.month * 100 + value.day


def utc_midnight(value: dt.date) -> dt.datetime:
    """Return the stored form of a DATE: aware midnight UTC of that calendar day."""
    return dt.datetime(value.year, value.month, value.day, tzinfo=UTC)


def stored_date(value: dt.datetime | dt.date) -> dt.date:
    """Return the calendar day of a stored DATE value (the inverse of `utc_midnight`).

    Drivers return naive datetimes unless asked for aware ones; a naive value
    is read as UTC.
    """
    if not isinstance(value, dt.datetime):
        return value
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.date()


def to_utc(value: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """Return `value` as an aware UTC instant; a naive value is wall time in `zone`."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(UTC)


def local_day(value: dt.datetime, zone: ZoneInfo) -> dt.date:
    """Return the calendar day of `zone` on which the instant `value` falls.

    A naive `value` is read as UTC, the way stored instants come back.
    """
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(zone).date()


def day_start(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """Return the UTC instant at which `day` starts in `zone`."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(UTC)


def day_bounds(day: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """Return the UTC range `[start, end)` covered by calendar `day` in `zone`.

    Computed from the two midnights, so a day of 23 or 25 hours (a daylight
    saving change) is covered exactly.
    """
    return day_start(day, zone), day_start(day + dt.timedelta(days=1), zone)


def add_months(value: _Day, months: int) -> _Day:
    """Add calendar months to `value`, clamping the day to the month's last.

    `31 Jan + 1 month` is 28 February (29 in a leap year); the time of day
    and the time zone are kept.
    """
    index = value.year * 12 + (value.month - 1) + months
    year, month = divmod(index, 12)
    day = min(value.day, calendar.monthrange(year, month + 1)[1])
    return value.replace(year=year, month=month + 1, day=day)


def in_supported_range(value: dt.date) -> bool:
    """Tell whether `value` falls in the years that dates may take (1900..2200)."""
    return MIN_YEAR <= value.year <= MAX_YEAR
