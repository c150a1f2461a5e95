"""Checks shared by standard and custom customer values, and the problems they report.

Every check returns a `Problem` (or None when the value passes) instead of
raising, so one write can report every bad value at once. Messages name the
field, show the value with `!r` (cut to 60 characters) and say what was
expected, in English and Vietnamese.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from models.dates import MAX_YEAR, MIN_YEAR
from models.problems import Problem
from models.text import clean_text

INVALID_VALUE = "INVALID_VALUE"
LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
UNKNOWN_FIELD = "UNKNOWN_FIELD"

MAX_TEXT_LENGTH = 1_000
MAX_TAGS = 100
MAX_TAG_LENGTH = 100
# BSON stores integers as signed 64-bit numbers.
MIN_INT64 = -(2**63)
MAX_INT64 = 2**63 - 1

_SHOWN_VALUE_LENGTH = 60


@dataclass(frozen=True)
class FieldName:
    """A field as problems name it: its input path and how to say it in each language."""

    path: str
    en: str
    vi: str

    @classmethod
    def standard(cls, key: str) -> FieldName:
        return cls(key, f"field {key!r}", f"trường {key!r}")

    @classmethod
    def custom(cls, key: str) -> FieldName:
        return cls(f"customFields.{key}", f"custom field {key!r}", f"trường tùy chỉnh {key!r}")


def shown(value: Any) -> str:
    """Return `repr(value)`, cut to a readable length."""
    text = repr(value)
    if len(text) <= _SHOWN_VALUE_LENGTH:
        return text
    return text[: _SHOWN_VALUE_LENGTH - 1] + "…"


def invalid_value(field: FieldName, value: Any, expected_en: str, expected_vi: str) -> Problem:
    return Problem(
        field.path,
        INVALID_VALUE,
        f"Invalid value {shown(value)} for {field.en}: expected {expected_en}.",
        f"Giá trị {shown(value)} của {field.vi} không hợp lệ: cần {expected_vi}.",
    )


def limit_exceeded(field: FieldName, value: Any, limit_en: str, limit_vi: str) -> Problem:
    return Problem(
        field.path,
        LIMIT_EXCEEDED,
        f"Value {shown(value)} of {field.en} is too long: {limit_en}.",
        f"Giá trị {shown(value)} của {field.vi} quá dài: {limit_vi}.",
    )


def unknown_field(field: FieldName, known: list[str]) -> Problem:
    names = ", ".join(known) if known else "none"
    names_vi = ", ".join(known) if known else "không có"
    return Problem(
        field.path,
        UNKNOWN_FIELD,
        f"Unknown {field.en}: the workspace defines no such field (defined: {names}).",
        f"Không có {field.vi} trong không gian làm việc (đã định nghĩa: {names_vi}).",
    )


def forbidden_key(field: FieldName, key: Any) -> Problem:
    # MongoDB reads a leading `$` as an operator and `.` as a path separator.
    return Problem(
        field.path,
        INVALID_VALUE,
        f"Invalid key {shown(key)} in customFields: a key may not start with '$' or contain '.'.",
        f"Khóa {shown(key)} trong customFields không hợp lệ: khóa không được bắt đầu bằng '$' "
        "hoặc chứa '.'.",
    )


def check_unicode(field: FieldName, value: str) -> Problem | None:
    """Check that `value` can be encoded as UTF-8: no lone surrogate code points."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return invalid_value(
            field,
            value,
            "valid Unicode text (it contains a lone surrogate code point)",
            "văn bản Unicode hợp lệ (có một ký tự surrogate đơn lẻ)",
        )
    return None


def check_length(field: FieldName, value: str, max_length: int = MAX_TEXT_LENGTH) -> Problem | None:
    if len(value) <= max_length:
        return None
    return limit_exceeded(
        field,
        value,
        f"{len(value):,} characters, at most {max_length:,} allowed",
        f"{len(value):,} ký tự, tối đa {max_length:,}",
    )


def clean_checked_text(
    field: FieldName, value: Any, max_length: int = MAX_TEXT_LENGTH
) -> str | Problem | None:
    """Return the cleaned text of `value`, None when it is blank, or the problem found.

    The length limit applies to the cleaned text, so padding does not count.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        return invalid_value(field, value, "text", "văn bản")
    problem = check_unicode(field, value)
    if problem:
        return problem
    text = clean_text(value)
    return check_length(field, text, max_length) or text or None


def check_number(field: FieldName, value: Any) -> Problem | None:
    """Check that `value` is a finite int or float (not bool, not text) that BSON can store."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        expected_en, expected_vi = "a number", "một số"
        if isinstance(value, str):
            expected_en += " (text is never read as a number)"
            expected_vi += " (văn bản không được đọc thành số)"
        return invalid_value(field, value, expected_en, expected_vi)
    if isinstance(value, float) and not math.isfinite(value):
        return invalid_value(field, value, "a finite number", "một số hữu hạn")
    if isinstance(value, int) and not MIN_INT64 <= value <= MAX_INT64:
        return invalid_value(
            field, value, "an integer that fits in 64 bits", "một số nguyên vừa 64 bit"
        )
    return None


def check_year(field: FieldName, value: Any, day: dt.date) -> Problem | None:
    """Check that the calendar `day` of `value` falls in the supported years."""
    if MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    return invalid_value(
        field,
        value,
        f"a date in the years {MIN_YEAR} to {MAX_YEAR}",
        f"một ngày trong các năm {MIN_YEAR} đến {MAX_YEAR}",
    )
