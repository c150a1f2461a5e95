"""Cell text of a customer CSV read into the JSON values that `CustomerInput` takes.

Values are checked here, before sending, so that a bad cell is reported with
its line number. A value that the GraphQL scalars reject (a malformed date,
an `Int` over 2**31 - 1) would otherwise fail the whole request instead of
one row. Text, phones and genders are sent as written because the service
normalises them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

import phonenumbers

from models.dates import in_supported_range
from models.text import clean_text, fold_text

# GraphQL `Int` is a signed 32-bit integer.
MAX_GRAPHQL_INT = 2**31 - 1

_DAY_FIRST_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DAY_FIRST_DATETIME = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$"
)
_DIGIT_GROUPS = {
    ".": re.compile(r"^\d{1,3}(\.\d{3})+$"),
    ",": re.compile(r"^\d{1,3}(,\d{3})+$"),
}
_CURRENCY = re.compile(r"(?i)\s*(₫|vnd|vnđ|đ|\$|usd)\s*")
_TAG_SEPARATORS = re.compile(r"[,;]")

_TRUE_WORDS = {"true", "yes", "y", "1", "x", "co", "dung", "roi", "da xac thuc"}
_FALSE_WORDS = {"false", "no", "n", "0", "khong", "sai", "chua", "chua xac thuc"}


class CellError(ValueError):
    """Raised when a cell cannot be read; carries the reason in English and Vietnamese."""

    def __init__(self, en: str, vi: str) -> None:
        super().__init__(en)
        self.en = en
        self.vi = vi


def parse_text(text: str) -> str:
    return clean_text(text)


def parse_date(text: str) -> str:
    """Read `YYYY-MM-DD` or the day-first `DD/MM/YYYY` used in Vietnam; return `YYYY-MM-DD`."""
    value = _read_date(text.strip())
    if value is None:
        raise CellError(
            f"invalid date {text!r}: expected YYYY-MM-DD or DD/MM/YYYY",
            f"ngày {text!r} không hợp lệ: cần dạng YYYY-MM-DD hoặc DD/MM/YYYY",
        )
    _check_year(value, text)
    return value.isoformat()


def parse_datetime(text: str) -> str:
    """Read an ISO 8601 instant or a date, and return ISO 8601 text.

    A value without an offset is sent without one, so the service reads it
    in the workspace time zone. A date alone becomes midnight of that day.
    """
    stripped = text.strip()
    value = _read_datetime(stripped)
    if value is None:
        day = _read_date(stripped)
        value = None if day is None else dt.datetime(day.year, day.month, day.day)
    if value is None:
        raise CellError(
            f"invalid date and time {text!r}: expected ISO 8601 (2024-05-31T14:30:00+07:00),"
            " YYYY-MM-DD, DD/MM/YYYY or DD/MM/YYYY HH:MM",
            f"ngày giờ {text!r} không hợp lệ: cần dạng ISO 8601 (2024-05-31T14:30:00+07:00),"
            " YYYY-MM-DD, DD/MM/YYYY hoặc DD/MM/YYYY HH:MM",
        )
    _check_year(value.date(), text)
    return value.isoformat()


def parse_integer(text: str) -> int:
    number = parse_number(text)
    if not number.is_integer() or not 0 <= number <= MAX_GRAPHQL_INT:
        raise CellError(
            f"invalid count {text!r}: expected a whole number from 0 to {MAX_GRAPHQL_INT}",
            f"số lượng {text!r} không hợp lệ: cần số nguyên từ 0 đến {MAX_GRAPHQL_INT}",
        )
    return int(number)


def parse_number(text: str) -> float:
    """Read a number written with Vietnamese or English digit grouping.

    A `.` or `,` followed by exactly three digits, repeated to the end, groups
    thousands, so `150.000` and `150,000` are both 150000. Otherwise either
    sign is the decimal mark. When both appear, the last one is the decimal
    mark (`1.234,5` and `1,234.5`). A currency sign (₫, đ, VND, $, USD) is
    dropped.
    """
    cleaned = _CURRENCY.sub("", text).replace(" ", "").replace("\u00a0", "")
    normalized = _normalize_number(cleaned)
    try:
        number = float(normalized)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise CellError(
            f"invalid number {text!r}: expected digits such as 1500000, 1.500.000 or 1,500.50",
            f"số {text!r} không hợp lệ: cần chữ số như 1500000, 1.500.000 hoặc 1,500.50",
        )
    return number


def parse_boolean(text: str) -> bool:
    word = fold_text(text)
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise CellError(
        f"invalid yes/no value {text!r}: expected true/false, yes/no, 1/0 or có/không",
        f"giá trị có/không {text!r} không hợp lệ: cần true/false, yes/no, 1/0 hoặc có/không",
    )


def parse_tags(text: str) -> list[str]:
    """Split on `,` and `;`, dropping blank entries."""
    return [tag for tag in (clean_text(part) for part in _TAG_SEPARATORS.split(text)) if tag]


def international_phone(text: str, region: str) -> str:
    """Return `text` in international form when it is a valid number of `region`.

    Other numbers are returned as written, and the service reads them with
    its own default region (Vietnam). An extension is kept (`ext. 4715`).
    """
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return text
    if not phonenumbers.is_valid_number(number):
        return text
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def is_phone_region(region: str) -> bool:
    return region in phonenumbers.SUPPORTED_REGIONS


PARSERS: dict[str, Callable[[str], Any]] = {
    "emailVerified": parse_boolean,
    "emailComplainedAt": parse_datetime,
    "birthday": parse_date,
    "tags": parse_tags,
    "createdAt": parse_datetime,
    "lastOrderAt": parse_datetime,
    "orderCount": parse_integer,
    "totalSpent": parse_number,
    "zaloInteractedAt": parse_datetime,
    "facebookInteractedAt": parse_datetime,
}


def parse_custom_number(text: str) -> int | float:
    """Read a number for a custom NUMBER field, as an `int` when it has no fraction."""
    number = parse_number(text)
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


# Readers of custom field values by the field's type; TEXT and SELECT go as text.
CUSTOM_PARSERS: dict[str, Callable[[str], Any]] = {
    "NUMBER": parse_custom_number,
    "BOOLEAN": parse_boolean,
    "DATE": parse_date,
    "DATETIME": parse_datetime,
    "MULTI_SELECT": parse_tags,
}


def parser_for(target: str, custom_types: Mapping[str, str] | None = None) -> Callable[[str], Any]:
    """Return the reader of a field; text fields go as cleaned text.

    `custom_types` maps custom field keys to their types. A custom field of
    unknown type is read as text, and the service checks it.
    """
    if target.startswith("custom."):
        kind = (custom_types or {}).get(target.removeprefix("custom."), "TEXT")
        return CUSTOM_PARSERS.get(kind, parse_text)
    return PARSERS.get(target, parse_text)


def _normalize_number(text: str) -> str:
    for separator, groups in _DIGIT_GROUPS.items():
        if groups.match(text.lstrip("-+")):
            return text.replace(separator, "")
    if "." in text and "," in text:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        grouping = "," if decimal == "." else "."
        return text.replace(grouping, "").replace(decimal, ".")
    return text.replace(",", ".")


def _read_date(text: str) -> dt.date | None:
    match = _DAY_FIRST_DATE.match(text)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _read_datetime(text: str) -> dt.datetime | None:
    match = _DAY_FIRST_DATETIME.match(text)
    try:
        if match:
            day, month, year, hour, minute = (int(part) for part in match.groups()[:5])
            second = int(match.group(6) or 0)
            return dt.datetime(year, month, day, hour, minute, second)
        if len(text) <= 10:  # a date alone is read by `_read_date`
            return None
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _check_year(value: dt.date, text: str) -> None:
    if not in_supported_range(value):
        raise CellError(
            f"date {text!r} is out of range: the year must be from 1900 to 2200",
            f"ngày {text!r} nằm ngoài phạm vi: năm phải từ 1900 đến 2200",
        )
