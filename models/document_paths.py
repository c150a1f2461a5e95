"""Paths of a value and its shadows in the stored customer document.

A field write is a mapping of dotted paths to values, where None means
"remove this path": the document builder nests the values that are set,
and the update builder turns them into `$set` and `$unset`. Writing every
path of a field each time (its value, its `norm.` shadow, its `monthDay.`
and `lunarMonthDay.` keys) keeps the shadows from going stale.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.dates import month_day
from models.lunar import lunar_month_day

FieldWrite = dict[str, Any]


def anniversary_key(field_key: str) -> str:
    """Return the `monthDay`/`lunarMonthDay` key of a condition field key.

    `custom.vip_since` becomes `custom_vip_since`, one path segment, so it is
    never read as a nested document.
    """
    return field_key.replace(".", "_")


def anniversary_write(field_key: str, day: dt.date | None) -> FieldWrite:
    """Return the Gregorian and lunar month-day paths of `day` (both removed when None)."""
    key = anniversary_key(field_key)
    return {
        f"monthDay.{key}": None if day is None else month_day(day),
        f"lunarMonthDay.{key}": None if day is None else lunar_month_day(day),
    }


def nest(write: FieldWrite) -> dict[str, Any]:
    """Turn dotted paths into nested documents, leaving out the None values."""
    document: dict[str, Any] = {}
    for path, value in write.items():
        if value is None:
            continue
        *parents, leaf = path.split(".")
        target = document
        for part in parents:
            target = target.setdefault(part, {})
        target[leaf] = value
    return document
