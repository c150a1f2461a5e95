"""Rules for custom field definitions."""

from __future__ import annotations

import re

from models.problems import Problem
from models.text import clean_text
from mongo_filters.conditions import FieldType

KEY_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,63}")
MAX_OPTIONS = 200
MAX_LABEL = 100
CHOICE_TYPES = {FieldType.SELECT, FieldType.MULTI_SELECT}
ALLOWED_TYPES = {
    FieldType.TEXT,
    FieldType.NUMBER,
    FieldType.DATE,
    FieldType.DATETIME,
    FieldType.BOOLEAN,
    FieldType.SELECT,
    FieldType.MULTI_SELECT,
}


def check_key(key: str) -> list[Problem]:
    if KEY_PATTERN.fullmatch(key):
        return []
    return [
        Problem(
            "input.key",
            "INVALID_VALUE",
            f"Custom field key {key!r} is invalid: use a lower-case letter, then up to 63 "
            "lower-case "
            "letters, digits or underscores.",
            f"Khóa trường tùy chỉnh {key!r} không hợp lệ: bắt đầu bằng chữ thường, "
            "tiếp theo tối đa 63 "
            "chữ thường, chữ số hoặc dấu gạch dưới.",
        )
    ]


def check_label(label: str, field: str) -> tuple[str, list[Problem]]:
    cleaned = clean_text(label)
    if not cleaned or len(cleaned) > MAX_LABEL:
        return cleaned, [
            Problem(
                field,
                "INVALID_VALUE",
                f"The label must be 1 to {MAX_LABEL} characters long, got {len(cleaned)}.",
                f"Nhãn phải dài từ 1 đến {MAX_LABEL} ký tự, nhận được {len(cleaned)}.",
            )
        ]
    return cleaned, []


def check_options(
    field_type: FieldType, options: list[str] | None
) -> tuple[list[str], list[Problem]]:
    if field_type not in CHOICE_TYPES:
        if options:
            return [], [
                Problem(
                    "input.options",
                    "INVALID_VALUE",
                    f"Only SELECT and MULTI_SELECT fields take options, not {field_type}.",
                    f"Chỉ trường SELECT và MULTI_SELECT mới có lựa chọn, không phải {field_type}.",
                )
            ]
        return [], []
    cleaned = list(dict.fromkeys(clean_text(o) for o in options or [] if clean_text(o)))
    if not cleaned or len(cleaned) > MAX_OPTIONS:
        return cleaned, [
            Problem(
                "input.options",
                "INVALID_VALUE",
                f"A {field_type} field needs 1 to {MAX_OPTIONS} distinct options, "
                f"got {len(cleaned)}.",
                f"Trường {field_type} cần từ 1 đến {MAX_OPTIONS} lựa chọn khác nhau, "
                f"nhận được {len(cleaned)}.",
            )
        ]
    return cleaned, []
