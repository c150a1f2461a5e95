"""Segment names: how they are cleaned, compared and checked."""

from __future__ import annotations

import unicodedata

from models.names import check_display_name
from models.problems import Problem
from models.text import clean_text, fold_text


def name_key(name: str) -> str:
    """Return the uniqueness key: trimmed, collapsed, NFC, case-folded.

    Diacritics stay significant, so `Khách VIP` and `Khach VIP` differ.
    """
    return unicodedata.normalize("NFC", clean_text(name).casefold())


def name_search_key(name: str) -> str:
    """Return the key that the diacritic-insensitive name search matches."""
    return fold_text(name)


def check_name(name: str, field: str = "name") -> tuple[str, list[Problem]]:
    return check_display_name(name, field, "segment", "phân khúc")


def name_taken(name: str, existing_id: str, field: str = "name") -> Problem:
    return Problem(
        field,
        "NAME_TAKEN",
        f"A segment named {name!r} already exists (id {existing_id}); choose another name.",
        f"Đã có phân khúc tên {name!r} (mã {existing_id}); hãy chọn tên khác.",
    )
