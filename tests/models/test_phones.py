from __future__ import annotations

import pytest

from models.phones import PhoneNumber, normalize_phone


@pytest.mark.parametrize(
    "raw",
    [
        "0912 345 678",
        "+84 912 345 678",
        "84912345678",
        "0912.345.678",
        "(+84) 912-345-678",
        "0084912345678",
    ],
)
def test_vietnamese_forms_are_one_number(raw: str) -> None:
    assert normalize_phone(raw) == PhoneNumber("+84912345678", True, "84912345678")


def test_landline_is_read_with_its_area_code() -> None:
    assert normalize_phone("028 3823 4567").value == "+842838234567"


def test_foreign_number_with_its_country_code_is_valid() -> None:
    assert normalize_phone("+1 650-253-0000") == PhoneNumber("+16502530000", True, "16502530000")


@pytest.mark.parametrize(
    "raw", ["846-790-4623x4715", "(422)787-2331x71127", "124-597-8652x05682", "321.441.0588x6218"]
)
def test_foreign_national_formats_are_kept_as_written_and_flagged(raw: str) -> None:
    phone = normalize_phone(f"  {raw} ")

    assert phone.value == raw
    assert not phone.valid
    assert phone.digits == "".join(ch for ch in raw if ch.isdigit())


@pytest.mark.parametrize("raw", ["", "   ", "abc", "+", "12", "x" * 500, "9" * 300, "０９１２"])
def test_garbage_never_raises(raw: str) -> None:
    phone = normalize_phone(raw)

    assert not phone.valid
    assert phone.value == raw.strip()
    assert phone.digits.isascii()


def test_full_width_digits_are_read() -> None:
    assert normalize_phone("０９１２３４５６７８").value == "+84912345678"


def test_region_can_be_changed() -> None:
    assert normalize_phone("(650) 253-0000", region="US").value == "+16502530000"
