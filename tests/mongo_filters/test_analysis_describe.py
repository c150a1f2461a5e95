from __future__ import annotations

import datetime as dt

import pytest

from models.problems import Language
from mongo_filters.analysis import FieldLabel, describe_condition
from mongo_filters.analysis.describe import format_date, format_number
from mongo_filters.catalog import field_catalog
from mongo_filters.conditions import (
    Calendar,
    Condition,
    ConditionValue,
    FieldType,
    Operator,
    Period,
    PeriodUnit,
)
from tests.mongo_filters.samples import CUSTOM_FIELDS, sample_conditions

Op = Operator
FIELD_TYPES = {spec.key: spec.type for spec in field_catalog(CUSTOM_FIELDS)}
LABEL = FieldLabel("the field", "trường này")


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_sample_condition_is_described(language: Language) -> None:
    for condition in sample_conditions():
        field_type = FIELD_TYPES[condition.field]

        phrase = describe_condition(condition, LABEL, field_type, language)

        assert "{" not in phrase, phrase
        if condition.operator not in (Op.IN_SEGMENT, Op.NOT_IN_SEGMENT):
            assert LABEL.in_language(language) in phrase, phrase


@pytest.mark.parametrize(
    ("number", "english", "vietnamese"),
    [
        (10, "10", "10"),
        (2_500_000.0, "2,500,000", "2.500.000"),
        (1234.5, "1,234.5", "1.234,5"),
        (-0.25, "-0.25", "-0,25"),
    ],
)
def test_format_number_per_language(number: float, english: str, vietnamese: str) -> None:
    assert format_number(number, "en") == english
    assert format_number(number, "vi") == vietnamese


def test_format_date_per_language() -> None:
    day = dt.date(2024, 3, 5)

    assert format_date(day, "en") == "2024-03-05"
    assert format_date(day, "vi") == "05/03/2024"


def test_periods_in_both_languages() -> None:
    one_day = Condition("createdAt", Op.IN_LAST, ConditionValue(period=Period(1, PeriodUnit.DAYS)))
    weeks = Condition("createdAt", Op.IN_NEXT, ConditionValue(period=Period(2, PeriodUnit.WEEKS)))
    months = Condition(
        "lastOrderAt", Op.MORE_THAN_AGO, ConditionValue(period=Period(3, PeriodUnit.MONTHS))
    )
    label = FieldLabel("created at", "ngày tạo")

    assert describe_condition(one_day, label, FieldType.DATETIME, "en") == (
        "created at is in the last 1 day"
    )
    assert describe_condition(weeks, label, FieldType.DATETIME, "en") == (
        "created at is in the next 2 weeks"
    )
    assert describe_condition(weeks, label, FieldType.DATETIME, "vi") == "ngày tạo trong 2 tuần tới"
    assert describe_condition(months, label, FieldType.DATETIME, "vi") == (
        "ngày tạo cách đây hơn 3 tháng"
    )


def test_lunar_anniversary_says_its_calendar() -> None:
    today = Condition("birthday", Op.ANNIVERSARY_IS_TODAY, calendar=Calendar.LUNAR)
    label = FieldLabel("birthday", "ngày sinh")

    assert describe_condition(today, label, FieldType.DATE, "en") == (
        "birthday has its anniversary today (lunar calendar)"
    )
    assert describe_condition(today, label, FieldType.DATE, "vi") == (
        "ngày sinh có ngày kỷ niệm hôm nay (âm lịch)"
    )


def test_number_is_reads_without_quotes() -> None:
    condition = Condition("orderCount", Op.IS_NOT, ConditionValue(number=3))
    label = FieldLabel("order count", "số đơn hàng")

    assert describe_condition(condition, label, FieldType.NUMBER, "en") == "order count is not 3"
    assert describe_condition(condition, label, FieldType.NUMBER, "vi") == "số đơn hàng khác 3"
