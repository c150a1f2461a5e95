"""validate_rule reports every problem with a code, an input path and two languages."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from models.problems import Problem
from mongo_filters import RuleLimits, validate_rule
from mongo_filters.conditions import (
    Calendar,
    Condition,
    ConditionValue,
    DateRange,
    NumberRange,
    Operator,
    Period,
    PeriodUnit,
)
from tests.mongo_filters.samples import CUSTOM_FIELDS, sample_conditions

Op = Operator
VALID = Condition("tags", Op.HAS_ANY_OF, ConditionValue(texts=("vip",)))
VALUE_PATH = "conditionGroups.0.conditions.0.value"


def problems_of(condition: Condition) -> list[Problem]:
    return validate_rule([[condition]], CUSTOM_FIELDS)


def only_problem(condition: Condition) -> Problem:
    problems = problems_of(condition)
    assert len(problems) == 1, problems
    return problems[0]


@pytest.mark.parametrize("condition", list(sample_conditions()), ids=str)
def test_sample_condition_is_valid(condition: Condition) -> None:
    assert problems_of(condition) == []


def test_rule_without_groups_is_invalid() -> None:
    problems = validate_rule([], CUSTOM_FIELDS)

    assert [(p.field, p.code) for p in problems] == [("conditionGroups", "INVALID_VALUE")]


def test_empty_group_is_invalid() -> None:
    problems = validate_rule([[VALID], []], CUSTOM_FIELDS)

    assert [(p.field, p.code) for p in problems] == [
        ("conditionGroups.1.conditions", "INVALID_VALUE")
    ]


def test_too_many_groups_exceed_limit() -> None:
    problems = validate_rule([[VALID]] * 21, CUSTOM_FIELDS)

    assert [(p.field, p.code) for p in problems] == [("conditionGroups", "LIMIT_EXCEEDED")]
    assert "21" in problems[0].en
    assert "20" in problems[0].vi


def test_too_many_conditions_exceed_limit() -> None:
    problems = validate_rule([[VALID] * 21], CUSTOM_FIELDS)

    assert [(p.field, p.code) for p in problems] == [
        ("conditionGroups.0.conditions", "LIMIT_EXCEEDED")
    ]


def test_limits_come_from_caller() -> None:
    limits = RuleLimits(max_groups=2, max_conditions_per_group=3, max_texts=2)
    many_texts = Condition("tags", Op.HAS_ANY_OF, ConditionValue(texts=("a", "b", "c")))

    problems = validate_rule([[VALID] * 4, [many_texts], [VALID]], CUSTOM_FIELDS, limits)

    assert [(p.field, p.code) for p in problems] == [
        ("conditionGroups", "LIMIT_EXCEEDED"),
        ("conditionGroups.0.conditions", "LIMIT_EXCEEDED"),
        ("conditionGroups.1.conditions.0.value", "LIMIT_EXCEEDED"),
    ]


def test_unknown_field_names_field() -> None:
    unknown = Condition("emial", Op.IS_EMPTY)

    problems = validate_rule([[VALID, unknown]], CUSTOM_FIELDS)

    assert [(p.field, p.code) for p in problems] == [
        ("conditionGroups.0.conditions.1.field", "UNKNOWN_FIELD")
    ]
    assert "'emial'" in problems[0].en
    assert "'emial'" in problems[0].vi
    assert "không tồn tại" in problems[0].vi


def test_undefined_custom_field_is_unknown() -> None:
    problem = only_problem(Condition("custom.size", Op.IS_EMPTY))

    assert (problem.field, problem.code) == (
        "conditionGroups.0.conditions.0.field",
        "UNKNOWN_FIELD",
    )


def test_operator_not_allowed_lists_allowed() -> None:
    problem = only_problem(Condition("gender", Op.CONTAINS, ConditionValue(text="MALE")))

    assert (problem.field, problem.code) == (
        "conditionGroups.0.conditions.0.operator",
        "OPERATOR_NOT_ALLOWED",
    )
    assert "CONTAINS" in problem.en
    assert "IS_ANY_OF" in problem.en
    assert "IS_ANY_OF" in problem.vi


def test_problems_of_all_groups_reported() -> None:
    bad_month = Condition("birthday", Op.ANNIVERSARY_IN_MONTH, ConditionValue(month=13))
    unknown = Condition("nope", Op.IS_EMPTY)

    problems = validate_rule([[bad_month], [VALID, unknown]], CUSTOM_FIELDS)

    assert [(p.field, p.code) for p in problems] == [
        ("conditionGroups.0.conditions.0.value", "INVALID_VALUE"),
        ("conditionGroups.1.conditions.1.field", "UNKNOWN_FIELD"),
    ]


def period(
    operator: Operator, amount: int, unit: PeriodUnit, field: str = "createdAt"
) -> Condition:
    return Condition(field, operator, ConditionValue(period=Period(amount, unit)))


def text(field: str, operator: Operator, value: str) -> Condition:
    return Condition(field, operator, ConditionValue(text=value))


def texts(field: str, operator: Operator, *values: str) -> Condition:
    return Condition(field, operator, ConditionValue(texts=values))


INVALID_VALUES: list[tuple[str, Condition, str]] = [
    ("wrong member", Condition("orderCount", Op.IS, ConditionValue(text="3")), "value.number"),
    (
        "two members",
        Condition("orderCount", Op.IS, ConditionValue(number=3, text="3")),
        "'text'",
    ),
    ("missing value", Condition("fullName", Op.IS), "value.text"),
    (
        "value where none taken",
        Condition("phone", Op.IS_EMPTY, ConditionValue(text="x")),
        "value.text",
    ),
    (
        "month 13",
        Condition("birthday", Op.ANNIVERSARY_IN_MONTH, ConditionValue(month=13)),
        "13",
    ),
    ("month 0", Condition("birthday", Op.ANNIVERSARY_IN_MONTH, ConditionValue(month=0)), "0"),
    ("period zero", period(Op.IN_LAST, 0, PeriodUnit.DAYS), "0"),
    ("period negative", period(Op.IN_NEXT, -3, PeriodUnit.WEEKS), "-3"),
    ("period absurd", period(Op.MORE_THAN_AGO, 5_000, PeriodUnit.MONTHS), "5000"),
    (
        "anniversary in weeks",
        period(Op.ANNIVERSARY_IN_NEXT, 2, PeriodUnit.WEEKS, "birthday"),
        "WEEKS",
    ),
    (
        "anniversary over a year",
        period(Op.ANNIVERSARY_IN_NEXT, 367, PeriodUnit.DAYS, "birthday"),
        "367",
    ),
    (
        "min above max",
        Condition("orderCount", Op.BETWEEN, ConditionValue(number_range=NumberRange(5, 2))),
        "5",
    ),
    ("nan", Condition("totalSpent", Op.GREATER_THAN, ConditionValue(number=math.nan)), "nan"),
    ("infinity", Condition("totalSpent", Op.LESS_THAN, ConditionValue(number=math.inf)), "inf"),
    (
        "infinite range end",
        Condition("orderCount", Op.BETWEEN, ConditionValue(number_range=NumberRange(1, math.inf))),
        "inf",
    ),
    (
        "from after to",
        Condition(
            "birthday",
            Op.BETWEEN,
            ConditionValue(date_range=DateRange(dt.date(2000, 1, 2), dt.date(2000, 1, 1))),
        ),
        "2000-01-02",
    ),
    (
        "date out of range",
        Condition("createdAt", Op.ON, ConditionValue(date=dt.date(1, 1, 1))),
        "0001-01-01",
    ),
    ("empty texts", texts("city", Op.IS_ANY_OF), "IS_ANY_OF"),
    ("blank text", text("fullName", Op.CONTAINS, "   "), "'   '"),
    ("blank item", texts("tags", Op.HAS_ANY_OF, "vip", " "), "' '"),
    ("lone diacritic", text("fullName", Op.CONTAINS, "\u0301"), "'\u0301'"),
    ("long text", text("address", Op.IS, "x" * 1_001), "1001"),
    ("select option", text("gender", Op.IS, "MAN"), "'MAN'"),
    ("custom select option", texts("custom.tier", Op.IS_ANY_OF, "Vàng", "Kim cương"), "Kim cương"),
    ("multi select option", texts("custom.interests", Op.HAS_ALL_OF, "Bia"), "'Bia'"),
    ("phone without digits", text("phone", Op.CONTAINS, "abc"), "'abc'"),
    (
        "blank segment id",
        Condition("segment", Op.IN_SEGMENT, ConditionValue(segment_id=" ")),
        "' '",
    ),
]


@pytest.mark.parametrize(
    ("case", "condition", "mentioned"), INVALID_VALUES, ids=[case[0] for case in INVALID_VALUES]
)
def test_invalid_value_reported(case: str, condition: Condition, mentioned: str) -> None:
    problem = only_problem(condition)

    assert (problem.field, problem.code) == (VALUE_PATH, "INVALID_VALUE")
    assert mentioned in problem.en
    assert mentioned in problem.vi
    assert repr(condition.field) in problem.en
    assert condition.operator.value in problem.vi


def test_select_option_ignores_case_and_diacritics() -> None:
    assert problems_of(text("custom.tier", Op.IS, "vang")) == []


def test_phone_is_accepts_unreadable_number() -> None:
    # Unreadable numbers are stored as written, so they can be searched as written.
    assert problems_of(text("phone", Op.IS, "12345")) == []


def test_too_many_texts_exceed_limit() -> None:
    many = tuple(f"tag{index}" for index in range(101))

    problem = only_problem(texts("tags", Op.HAS_ANY_OF, *many))

    assert (problem.field, problem.code) == (VALUE_PATH, "LIMIT_EXCEEDED")
    assert "101" in problem.en


def test_lunar_calendar_rejected_on_non_anniversary() -> None:
    condition = Condition(
        "birthday", Op.ON, ConditionValue(date=dt.date(2000, 1, 1)), Calendar.LUNAR
    )

    problem = only_problem(condition)

    assert (problem.field, problem.code) == (
        "conditionGroups.0.conditions.0.calendar",
        "INVALID_VALUE",
    )
    assert "LUNAR" in problem.en
    assert "LUNAR" in problem.vi


def test_lunar_calendar_accepted_on_anniversary() -> None:
    condition = Condition("birthday", Op.ANNIVERSARY_IS_TODAY, calendar=Calendar.LUNAR)

    assert problems_of(condition) == []


def test_anniversary_accepts_full_year() -> None:
    assert problems_of(period(Op.ANNIVERSARY_IN_NEXT, 366, PeriodUnit.DAYS, "birthday")) == []
