"""Reading CSV cells into `CustomerInput` values."""

from __future__ import annotations

import pytest

from api.importer.values import (
    MAX_GRAPHQL_INT,
    CellError,
    international_phone,
    parse_boolean,
    parse_date,
    parse_datetime,
    parse_integer,
    parse_number,
    parse_tags,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-07-26", "2021-07-26"),
        ("26/07/2021", "2021-07-26"),
        ("6/7/2021", "2021-07-06"),
        ("29.02.2024", "2024-02-29"),
        (" 01-12-1990 ", "1990-12-01"),
    ],
)
def test_date_reads_iso_and_day_first(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["2021-13-01", "31/04/2021", "29/02/2023", "07/26", "yesterday", "1899-12-31"]
)
def test_date_invalid_is_rejected(text: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_date(text)

    assert repr(text) in caught.value.en
    assert repr(text) in caught.value.vi


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-07-26", "2021-07-26T00:00:00"),
        ("26/07/2021", "2021-07-26T00:00:00"),
        ("26/07/2021 14:05", "2021-07-26T14:05:00"),
        ("2021-07-26T14:05:09+07:00", "2021-07-26T14:05:09+07:00"),
        ("2021-07-26T07:05:09Z", "2021-07-26T07:05:09+00:00"),
        ("2021-07-26 14:05", "2021-07-26T14:05:00"),
    ],
)
def test_datetime_keeps_missing_offset_missing(text: str, expected: str) -> None:
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("text", ["2021/13/40", "26/07/2021 25:00", "not a date"])
def test_datetime_invalid_is_rejected(text: str) -> None:
    with pytest.raises(CellError):
        parse_datetime(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1500000", 1_500_000.0),
        ("1.500.000", 1_500_000.0),
        ("1,500,000", 1_500_000.0),
        ("150.000 ₫", 150_000.0),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("$ 99.90", 99.9),
        ("-2.000", -2000.0),
    ],
)
def test_number_reads_vietnamese_and_english_grouping(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["abc", "1.2.3", "inf", "nan", "1,2,3.4.5"])
def test_number_invalid_is_rejected(text: str) -> None:
    with pytest.raises(CellError):
        parse_number(text)


def test_integer_over_graphql_range_is_rejected() -> None:
    assert parse_integer(str(MAX_GRAPHQL_INT)) == MAX_GRAPHQL_INT

    with pytest.raises(CellError):
        parse_integer(str(MAX_GRAPHQL_INT + 1))


@pytest.mark.parametrize("text", ["2.5", "-1"])
def test_integer_fraction_or_negative_is_rejected(text: str) -> None:
    with pytest.raises(CellError):
        parse_integer(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Có", True), ("yes", True), ("1", True), ("KHÔNG", False), ("false", False)],
)
def test_boolean_reads_english_and_vietnamese_words(text: str, expected: bool) -> None:
    assert parse_boolean(text) is expected


def test_boolean_unknown_word_is_rejected() -> None:
    with pytest.raises(CellError):
        parse_boolean("maybe")


def test_tags_split_on_commas_and_semicolons() -> None:
    assert parse_tags(" VIP, khách sỉ ;; Khách  lẻ ") == ["VIP", "khách sỉ", "Khách lẻ"]


def test_international_phone_reads_number_of_region() -> None:
    assert international_phone("(217)474-0312", "US") == "+1 217-474-0312"


def test_international_phone_keeps_extension() -> None:
    assert international_phone("430-401-5228x35091", "US") == "+1 430-401-5228 ext. 35091"


@pytest.mark.parametrize("text", ["0912 345 678", "555-0103x9", "not a phone"])
def test_international_phone_leaves_other_numbers_as_written(text: str) -> None:
    assert international_phone(text, "US") == text
