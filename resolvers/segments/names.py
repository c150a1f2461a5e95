"""Segment names: how they are cleaned, compared and checked."""

from __future__ import annotations

import unicodedata

from models.problems import Problem
from models.text import clean_text, fold_text

MAX_NAME_LENGTH = 100


def name_key(name: str) -> str:
    """Return the uniqueness key: trimmed, collapsed, NFC, case-folded.

    Diacritics stay significant, so `Khách VIP` and `Khach VIP` differ.
    """
    return unicodedata.normalize("NFC", clean_text(name).casefold())


def name_search_key(name: str) -> str:
    """Return the key that the diacritic-insensitive name search matches."""
    return fold_text(name)


def check_name(name: str, field: str = "name") -> tuple[str, list[Problem]]:
    """Return the cleaned name and the problems that reject it."""
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
                "The segment name is empty; enter a name.",
                "Tên phân khúc đang trống; hãy nhập tên.",
            )
        ]
    if len(cleaned) > MAX_NAME_LENGTH:
        return cleaned, [
            Problem(
                field,
                "LIMIT_EXCEEDED",
                f"The segment name is {len(cleaned)} characters long; "
                f"at most {MAX_NAME_LENGTH} are allowed.",
                f"Tên phân khúc dài {len(cleaned)} ký tự; tối đa {MAX_NAME_LENGTH} ký tự.",
            )
        ]
    return cleaned, []


def name_taken(name: str, existing_id: str, field: str = "name") -> Problem:
    return Problem(
        field,
        "NAME_TAKEN",
        f"A segment named {name!r} already exists (id {existing_id}); choose another name.",
        f"Đã có phân khúc tên {name!r} (mã {existing_id}); hãy chọn tên khác.",
    )
