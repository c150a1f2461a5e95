"""Text as it is stored and as it is matched.

Three forms of one string:

- `clean_text`: what is stored and shown (NFC, trimmed, inner whitespace
  collapsed to one space);
- `fold_text`: the matching shadow kept under `norm.*` (no case, no
  diacritics, `đ` read as `d`), so `Nguyễn Thị Đào` matches `nguyen thi dao`;
- `fold_tag`: how tags and MULTI_SELECT values compare (trimmed, whitespace
  collapsed and case-folded; diacritics stay significant).
"""

from __future__ import annotations

import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")

# `đ` is a letter of its own, not `d` plus a mark, so NFKD leaves it alone.
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"đ": "d", "Đ": "d"})


def collapse_whitespace(value: str) -> str:
    """Trim `value` and replace each run of inner whitespace with one space."""
    return _WHITESPACE.sub(" ", value).strip()


def clean_text(value: str) -> str:
    """Return `value` in NFC, trimmed, with inner whitespace collapsed."""
    return collapse_whitespace(unicodedata.normalize("NFC", value))


def fold_text(value: str) -> str:
    """Return the matching shadow of `value`: no case, no diacritics.

    NFC and NFD spellings of the same text fold to the same string.

    >>> fold_text("  Nguyễn  Thị Đào ")
    'nguyen thi dao'
    """
    decomposed = unicodedata.normalize("NFKD", value.translate(_LETTERS_WITHOUT_DECOMPOSITION))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Case folding can produce new decomposable characters; fold once more
    # through NFKD so the result is stable.
    folded = unicodedata.normalize("NFKD", bare.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return collapse_whitespace(folded.translate(_LETTERS_WITHOUT_DECOMPOSITION))


def fold_tag(value: str) -> str:
    """Return the comparison key of a tag: NFC, trimmed, whitespace collapsed, case-folded.

    Diacritics stay significant (`Khách` and `Khach` are different tags).
    Inner whitespace is collapsed as `clean_text` does on write, so a rule's
    `khách  mới` finds the stored tag `Khách mới`.

    >>> fold_tag("  VIP ") == fold_tag("vip")
    True
    """
    # Case folding can leave text that is not NFC (`İ` folds to `i` plus a
    # combining dot), so compose once more to keep the key stable.
    return unicodedata.normalize("NFC", clean_text(value).casefold())
