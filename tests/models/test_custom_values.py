from __future__ import annotations

import datetime as dt
import math
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from models.custom_values import convert_custom_value
from models.problems import Problem
from mongo_filters.conditions import CustomFieldDefinition, FieldType

UTC = dt.UTC
SAIGON = ZoneInfo("Asia/Ho_Chi_Minh")


def definition(field_type: FieldType, *options: str, key: str = "extra") -> CustomFieldDefinition:
    return CustomFieldDefinition(key, "Extra", "Thêm", field_type, tuple(options))


def stored(field_type: FieldType, raw: Any, *options: str) -> dict[str, Any]:
    result = convert_custom_value(definition(field_type, *options), raw, SAIGON)
    assert not isinstance(result, Problem), result
    return {path: value for path, value in result.items() if value is not None}


def problem(field_type: FieldType, raw: Any, *options: str) -> Problem:
    result = convert_custom_value(definition(field_type, *options), raw, SAIGON)
    assert isinstance(result, Problem), result
    return result


def test_text_is_cleaned_and_folded() -> None:
    assert stored(FieldType.TEXT, "  Hà  Nội ") == {
        "custom.extra": "Hà Nội",
        "norm.custom.extra": "ha noi",
    }


@pytest.mark.parametrize("raw", [12, 12.5, -3, 0, 2**62])
def test_number_is_stored_as_given(raw: float) -> None:
    assert stored(FieldType.NUMBER, raw) == {"custom.extra": raw}


@pytest.mark.parametrize("raw", ["12", "12.5", True, False, [1], {"n": 1}])
def test_number_rejects_everything_but_numbers(raw: Any) -> None:
    found = problem(FieldType.NUMBER, raw)

    assert found.code == "INVALID_VALUE"
    assert found.field == "customFields.extra"
    assert repr(raw) in found.en
    assert repr(raw) in found.vi
    assert "'extra'" in found.en


def test_number_text_message_says_text_is_not_read() -> None:
    found = problem(FieldType.NUMBER, "12")

    assert found.en == (
        "Invalid value '12' for custom field 'extra': "
        "expected a number (text is never read as a number)."
    )
    assert found.vi == (
        "Giá trị '12' của trường tùy chỉnh 'extra' không hợp lệ: "
        "cần một số (văn bản không được đọc thành số)."
    )


@pytest.mark.parametrize("raw", [math.nan, math.inf, -math.inf, 2**63])
def test_number_rejects_nan_infinity_and_huge_integers(raw: float) -> None:
    assert problem(FieldType.NUMBER, raw).code == "INVALID_VALUE"


def test_date_writes_midnight_utc_and_month_days() -> None:
    assert stored(FieldType.DATE, "2026-02-17") == {
        "custom.extra": dt.datetime(2026, 2, 17, tzinfo=UTC),
        "monthDay.custom_extra": 217,
        "lunarMonthDay.custom_extra": 101,
    }


@pytest.mark.parametrize(
    "raw", ["17/02/2026", "2026-2-17", "2026-02-30", "2026-02-17T00:00", 20260217]
)
def test_date_rejects_other_forms(raw: Any) -> None:
    assert "YYYY-MM-DD" in problem(FieldType.DATE, raw).en


@pytest.mark.parametrize("raw", ["1899-12-31", "2201-01-01"])
def test_date_outside_supported_years_is_rejected(raw: str) -> None:
    assert "1900 to 2200" in problem(FieldType.DATE, raw).en


def test_datetime_with_offset_is_stored_in_utc() -> None:
    assert stored(FieldType.DATETIME, "2026-02-17T06:30:00+07:00") == {
        "custom.extra": dt.datetime(2026, 2, 16, 23, 30, tzinfo=UTC),
        "monthDay.custom_extra": 217,
        "lunarMonthDay.custom_extra": 101,
    }


def test_datetime_without_offset_is_workspace_wall_time() -> None:
    written = stored(FieldType.DATETIME, "2026-02-17T06:30:00")

    assert written["custom.extra"] == dt.datetime(2026, 2, 16, 23, 30, tzinfo=UTC)


def test_datetime_month_day_is_the_workspace_day() -> None:
    written = stored(FieldType.DATETIME, "2026-02-16T17:00:00Z")

    assert written["monthDay.custom_extra"] == 217


def test_datetime_is_cut_to_the_millisecond() -> None:
    written = stored(FieldType.DATETIME, "2026-02-16T10:00:00.123999Z")

    assert written["custom.extra"] == dt.datetime(2026, 2, 16, 10, 0, 0, 123000, tzinfo=UTC)


@pytest.mark.parametrize("raw", ["yesterday", 1760000000, "2026-13-01T00:00:00Z"])
def test_datetime_rejects_other_forms(raw: Any) -> None:
    assert "ISO 8601" in problem(FieldType.DATETIME, raw).en


def test_boolean_takes_only_booleans() -> None:
    assert stored(FieldType.BOOLEAN, False) == {"custom.extra": False}
    assert problem(FieldType.BOOLEAN, "true").code == "INVALID_VALUE"
    assert problem(FieldType.BOOLEAN, 1).code == "INVALID_VALUE"


def test_select_stores_the_option_as_defined() -> None:
    assert stored(FieldType.SELECT, " vàng ", "Vàng", "Bạc") == {
        "custom.extra": "Vàng",
        "norm.custom.extra": "vang",
    }
    assert stored(FieldType.SELECT, "BAC", "Vàng", "Bạc")["custom.extra"] == "Bạc"


def test_select_rejects_other_values_and_lists_options() -> None:
    found = problem(FieldType.SELECT, "Đồng", "Vàng", "Bạc")

    assert found.en == (
        "Invalid value 'Đồng' for custom field 'extra': expected one of 'Vàng', 'Bạc'."
    )


def test_select_ambiguous_fold_needs_exact() -> None:
    assert stored(FieldType.SELECT, "Khách", "Khách", "Khach")["custom.extra"] == "Khách"
    assert problem(FieldType.SELECT, "khach", "Khách", "Khach").code == "INVALID_VALUE"


def test_multi_select_deduplicates_and_folds() -> None:
    assert stored(
        FieldType.MULTI_SELECT, ["du lịch", "Du Lịch", "Đọc sách"], "Đọc sách", "Du lịch"
    ) == {
        "custom.extra": ["Du lịch", "Đọc sách"],
        "norm.custom.extra": ["du lịch", "đọc sách"],
    }


def test_multi_select_rejects_an_unknown_option() -> None:
    assert problem(FieldType.MULTI_SELECT, ["Bơi"], "Đọc sách").code == "INVALID_VALUE"
    assert problem(FieldType.MULTI_SELECT, "Đọc sách", "Đọc sách").code == "INVALID_VALUE"


@pytest.mark.parametrize("raw", [None, "", "   ", []])
@pytest.mark.parametrize(
    "field_type",
    [FieldType.TEXT, FieldType.NUMBER, FieldType.BOOLEAN, FieldType.DATE, FieldType.MULTI_SELECT],
)
def test_empty_values_remove_every_path(raw: Any, field_type: FieldType) -> None:
    result = convert_custom_value(definition(field_type, "a"), raw, SAIGON)

    assert result == {
        "custom.extra": None,
        "norm.custom.extra": None,
        "monthDay.custom_extra": None,
        "lunarMonthDay.custom_extra": None,
    }


def test_lone_surrogate_in_text_is_rejected() -> None:
    assert "surrogate" in problem(FieldType.TEXT, "a\ud800b").en


def test_text_over_the_limit_is_rejected() -> None:
    found = problem(FieldType.TEXT, "x" * 1001)

    assert found.code == "LIMIT_EXCEEDED"
    assert "1,001 characters, at most 1,000" in found.en


@pytest.mark.parametrize(
    "raw", ["0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00", "9999-12-31T23:00:00-12:00"]
)
def test_datetime_without_a_utc_instant_is_rejected(raw: str) -> None:
    assert "1900 to 2200" in problem(FieldType.DATETIME, raw).en
