"""Phone numbers: read once on write, stored in E.164 when possible.

Numbers are read with the `phonenumbers` package (a port of Google's
libphonenumber) with Vietnam as the default region, so `0912 345 678`,
`+84 912 345 678` and `84912345678` are the same number. A number that cannot
be read as a valid number is kept as written and flagged; that is never an
error. An extension (`846-790-4623x4715`) is not part of the E.164 form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

DEFAULT_REGION = "VN"

_NON_DIGITS = re.compile(r"[^0-9]+")


@dataclass(frozen=True)
class PhoneNumber:
    """A phone number as stored.

    `value` is the E.164 form when the number is valid, else the trimmed raw
    text; `digits` is the E.164 form without `+` when valid, else the digits
    of the raw text (possibly empty).
    """

    value: str
    valid: bool
    digits: str


def only_digits(value: str) -> str:
    """Return the ASCII digits of `value`, in order."""
    return _NON_DIGITS.sub("", value)


def normalize_phone(raw: str, region: str = DEFAULT_REGION) -> PhoneNumber:
    """Read `raw` as a phone number of `region` unless it names its own."""
    text = raw.strip()
    number = _parse(text, region)
    if number is None or not phonenumbers.is_valid_number(number):
        return PhoneNumber(value=text, valid=False, digits=only_digits(text))

    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return PhoneNumber(value=e164, valid=True, digits=e164.removeprefix("+"))


def _parse(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    # The library already reads `84912345678` as the international form
    # without its `+` when the national reading is not valid.
    try:
        return phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
