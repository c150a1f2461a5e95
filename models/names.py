"""Display names of things users create (segments, campaigns): cleaning and limits."""

from __future__ import annotations

from models.problems import Problem
from models.text import clean_text

MAX_NAME_LENGTH = 100


def check_display_name(
    name: str, field: str, kind_en: str, kind_vi: str
) -> tuple[str, list[Problem]]:
    """Return the trimmed, collapsed name and the problems that reject it.

    `kind_en` and `kind_vi` name the thing in messages ("segment", "phân khúc").
    """
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in name):
        return name, [
            Problem(
                field,
                "INVALID_VALUE",
                "The name contains invalid Unicode.",
                "Tên chứa ký tự Unicode không hợp lệ.",
            )
        ]
    cleaned = clean_text(name)
    if not cleaned:
        return cleaned, [
            Problem(
                field,
                "INVALID_VALUE",
                f"The {kind_en} name is empty; enter a name.",
                f"Tên {kind_vi} đang trống; hãy nhập tên.",
            )
        ]
    if len(cleaned) > MAX_NAME_LENGTH:
        return cleaned, [
            Problem(
                field,
                "LIMIT_EXCEEDED",
                f"The {kind_en} name is {len(cleaned)} characters long; "
                f"at most {MAX_NAME_LENGTH} are allowed.",
                f"Tên {kind_vi} dài {len(cleaned)} ký tự; tối đa {MAX_NAME_LENGTH} ký tự.",
            )
        ]
    return cleaned, []
