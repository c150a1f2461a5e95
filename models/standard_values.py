"""The standard customer fields: each value checked and converted for storage.

`values` come from the GraphQL layer already typed (str, bool, int, float,
`datetime.date` for `birthday`, `datetime.datetime` for the DATETIME fields,
a list of str for `tags`). Each converter returns the paths it writes (see
`models.document_paths`) or the problem found; None and blank values remove
the field and all of its shadows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from models.custom_values import stored_instant
from models.dates import local_day, utc_midnight
from models.document_paths import FieldWrite, anniversary_write
from models.phones import normalize_phone
from models.problems import Problem
from models.text import fold_tag, fold_text
from models.value_checks import (
    MAX_TAG_LENGTH,
    MAX_TAGS,
    FieldName,
    check_number,
    check_year,
    clean_checked_text,
    invalid_value,
    limit_exceeded,
)

TEXT_FIELDS = ("fullName", "city", "address", "source")
DATETIME_FIELDS = (
    "createdAt",
    "lastOrderAt",
    "emailComplainedAt",
    "zaloInteractedAt",
    "facebookInteractedAt",
)

# Folded spellings of each gender, English and Vietnamese.
_GENDERS = {
    "MALE": {"male", "m", "man", "nam", "trai"},
    "FEMALE": {"female", "f", "woman", "nu", "gai"},
    "OTHER": {"other", "o", "khac"},
}
_GENDER_BY_SPELLING = {
    spelling: gender for gender, spellings in _GENDERS.items() for spelling in spellings
}

Converter = Callable[[str, Any, ZoneInfo], FieldWrite | Problem]


def _text(key: str, value: Any, zone: ZoneInfo) -> FieldWrite | Problem:
    write: FieldWrite = {key: None, f"norm.{key}": None}
    text = clean_checked_text(FieldName.standard(key), value)
    if isinstance(text, Problem):
        return text
    if text is None:
        return write
    return {key: text, f"norm.{key}": fold_text(text)}


def _email(key: str, value: Any, zone: ZoneInfo) -> FieldWrite | Problem:
    write: FieldWrite = {key: None, f"norm.{key}": None}
    text = clean_checked_text(FieldName.standard(key), value)
    if isinstance(text, Problem):
        return text
    if text is None:
        return write
    email = text.lower()
    local, at, domain = email.rpartition("@")
    if not at or not local or not domain or " " in email:
        return invalid_value(
            FieldName.standard(key),
            value,
            "an email address such as name@example.com",
            "một địa chỉ email, ví dụ ten@example.com",
        )
    return {key: email, f"norm.{key}": fold_text(email)}


def _phone(key: str, value: Any, zone: ZoneInfo) -> FieldWrite | Problem:
    write: FieldWrite = {"phone": None, "phoneValid": None, "norm.phoneDigits": None}
    text = clean_checked_text(FieldName.standard(key), value)
    if isinstance(text, Problem):
        return text
    if text is None:
        return write
    phone = normalize_phone(text)
    # An unreadable number is stored as written and flagged, never rejected.
    return {
        "phone": phone.value,
        "phoneValid": phone.valid,
        "norm.phoneDigits": phone.digits or None,
    }


def _gender(key: str, value: Any, zone: ZoneInfo) -> FieldWrite | Problem:
    write: FieldWrite = {key: None, f"norm.{key}": None}
    text = clean_checked_text(FieldName.standard(key), value)
    if isinstance(text, Problem):
        return text
    if text is None:
        return write
    gender = _GENDER_BY_SPELLING.get(fold_text(text))
    if gender is None:
        return invalid_value(
            FieldName.standard(key),
            value,
            "MALE, FEMALE or OTHER (Nam, Nữ or Khác)",
            "MALE, FEMALE hoặc OTHER (Nam, Nữ hoặc Khác)",
        )
    return {key: gender, f"norm.{key}": fold_text(gender)}


def _boolean(key: str, value: Any, zone: ZoneInfo) -> FieldWrite | Problem:
    if value is None:
        return {key: None}
    if not isinstance(value, bool):
        return invalid_value(FieldName.standard(key), value, "true or false", "true hoặc false")
    return {key: value}


def _integer(key: str, value: Any, zone: ZoneInfo) -> FieldWrite | Problem:
    if value is None:
        return {key: None}
    problem = check_number(FieldName.standard(key), value)
    if problem:
        return problem
    if isinstance(value, float) and not value.is_integer():
        return invalid_value(FieldName.standard(key), value, "a whole number", "một số nguyên")
    return {key: int(value)}


def _float(key: str, value: Any, zone: ZoneInfo) -> FieldWrite | Problem:
    if value is None:
        return {key: None}
    problem = check_number(FieldName.standard(key), value)
    if problem:
        return problem
    return {key: float(value)}


def _date(key: str, value: Any, zone: ZoneInfo) -> FieldWrite | Problem:
    if value is None:
        return {key: None, **anniversary_write(key, None)}
    field = FieldName.standard(key)
    if not isinstance(value, dt.date):
        return invalid_value(field, value, "a date", "một ngày")
    problem = _check_year_before_conversion(field, value)
    if problem:
        return problem

    day = local_day(stored_instant(value, zone), zone) if isinstance(value, dt.datetime) else value
    problem = check_year(field, value, day)
    if problem:
        return problem
    return {key: utc_midnight(day), **anniversary_write(key, day)}


def _datetime(key: str, value: Any, zone: ZoneInfo) -> FieldWrite | Problem:
    if value is None:
        return {key: None, **anniversary_write(key, None)}
    field = FieldName.standard(key)
    if not isinstance(value, dt.date):
        return invalid_value(field, value, "a date and time", "một ngày giờ")
    problem = _check_year_before_conversion(field, value)
    if problem:
        return problem

    if not isinstance(value, dt.datetime):
        # A bare day is the start of that day in the workspace zone.
        value = dt.datetime.combine(value, dt.time())
    instant = stored_instant(value, zone)
    day = local_day(instant, zone)
    problem = check_year(field, value, day)
    if problem:
        return problem
    return {key: instant, **anniversary_write(key, day)}


def _check_year_before_conversion(field: FieldName, value: dt.date) -> Problem | None:
    # A value near year 1 or 9999 has no UTC instant (0001-01-01T00:00+14:00
    # would fall in year 0), so the year is checked before any conversion.
    day = value.date() if isinstance(value, dt.datetime) else value
    return check_year(field, value, day)


def _tags(key: str, value: Any, zone: ZoneInfo) -> FieldWrite | Problem:
    field = FieldName.standard(key)
    if value is None:
        return {key: None, f"norm.{key}": None}
    if not isinstance(value, list | tuple) or not all(isinstance(tag, str) for tag in value):
        return invalid_value(field, value, "a list of tags", "một danh sách thẻ")

    tags: dict[str, str] = {}
    for index, raw in enumerate(value):
        tag_field = FieldName(
            f"{key}.{index}", f"tag {index} of {field.en}", f"thẻ {index} của {field.vi}"
        )
        tag = clean_checked_text(tag_field, raw, MAX_TAG_LENGTH)
        if isinstance(tag, Problem):
            return tag
        if tag is not None:
            tags.setdefault(fold_tag(tag), tag)
    if len(tags) > MAX_TAGS:
        return limit_exceeded(
            field,
            value,
            f"{len(tags)} tags, at most {MAX_TAGS}",
            f"{len(tags)} thẻ, tối đa {MAX_TAGS}",
        )
    if not tags:
        return {key: None, f"norm.{key}": None}
    return {key: list(tags.values()), f"norm.{key}": list(tags)}


STANDARD_CONVERTERS: dict[str, Converter] = {
    **dict.fromkeys(TEXT_FIELDS, _text),
    "email": _email,
    "phone": _phone,
    "gender": _gender,
    "emailVerified": _boolean,
    "birthday": _date,
    **dict.fromkeys(DATETIME_FIELDS, _datetime),
    "orderCount": _integer,
    "totalSpent": _float,
    "tags": _tags,
}
