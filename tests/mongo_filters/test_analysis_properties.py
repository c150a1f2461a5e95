"""Property tests: the analysis agrees with evaluating the conditions directly.

Numeric values are small integers, and the tests sample every half step
over a wider range plus an empty value. A non-empty interval between
distinct integer bounds always contains a half step that no IS_NOT value
equals, so the sample finds a witness for any group that some number meets.
Text tests only check that a warned group has no witness among short
strings, because real text has more letters than the sample.
"""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from models.text import fold_text
from mongo_filters.analysis import GROUP_NEVER_MATCHES, find_warnings
from mongo_filters.analysis.contradictions import find_conflict
from mongo_filters.conditions import (
    Condition,
    ConditionValue,
    DateRange,
    FieldType,
    NumberRange,
    Operator,
)

Op = Operator
FIELD = "custom.score"
FIELD_TYPES = {FIELD: FieldType.NUMBER, "birthday": FieldType.DATE, "city": FieldType.TEXT}
SAMPLED_NUMBERS = [step / 2 for step in range(-20, 21)]
BASE_DAY = dt.date(2024, 2, 27)
SAMPLED_DAYS = [BASE_DAY + dt.timedelta(days=offset) for offset in range(-10, 11)]

COMPARISONS = (
    Op.IS,
    Op.IS_NOT,
    Op.GREATER_THAN,
    Op.GREATER_THAN_OR_EQUAL,
    Op.LESS_THAN,
    Op.LESS_THAN_OR_EQUAL,
)
small_numbers = st.integers(min_value=-5, max_value=5)


@st.composite
def number_conditions(draw: st.DrawFn) -> Condition:
    operator = draw(st.sampled_from([*COMPARISONS, Op.BETWEEN, Op.IS_EMPTY, Op.IS_NOT_EMPTY]))
    if operator is Op.BETWEEN:
        low, high = draw(small_numbers), draw(small_numbers)
        return Condition(FIELD, operator, ConditionValue(number_range=NumberRange(low, high)))
    if operator in (Op.IS_EMPTY, Op.IS_NOT_EMPTY):
        return Condition(FIELD, operator)
    return Condition(FIELD, operator, ConditionValue(number=draw(small_numbers)))


def number_holds(condition: Condition, value: float | None) -> bool:
    operator, given_value = condition.operator, condition.value
    if value is None:
        return operator in (Op.IS_EMPTY, Op.IS_NOT)
    if operator is Op.BETWEEN:
        assert given_value.number_range is not None
        return given_value.number_range.min <= value <= given_value.number_range.max
    if operator in (Op.IS_EMPTY, Op.IS_NOT_EMPTY):
        return operator is Op.IS_NOT_EMPTY

    number = given_value.number
    assert number is not None
    checks = {
        Op.IS: value == number,
        Op.IS_NOT: value != number,
        Op.GREATER_THAN: value > number,
        Op.GREATER_THAN_OR_EQUAL: value >= number,
        Op.LESS_THAN: value < number,
        Op.LESS_THAN_OR_EQUAL: value <= number,
    }
    return checks[operator]


def some_number_meets(conditions: list[Condition]) -> bool:
    candidates: list[float | None] = [None, *SAMPLED_NUMBERS]
    return any(all(number_holds(c, value) for c in conditions) for value in candidates)


def warns_never_matches(conditions: list[Condition]) -> bool:
    warnings = find_warnings([conditions], FIELD_TYPES)
    return any(warning.code == GROUP_NEVER_MATCHES for warning in warnings)


@settings(max_examples=300)
@given(st.lists(number_conditions(), min_size=1, max_size=5))
def test_numeric_warning_means_no_number_matches(conditions: list[Condition]) -> None:
    if warns_never_matches(conditions):
        assert not some_number_meets(conditions)


@settings(max_examples=300)
@given(st.lists(number_conditions(), min_size=1, max_size=5))
def test_numeric_unsatisfiable_group_is_reported(conditions: list[Condition]) -> None:
    if not some_number_meets(conditions):
        assert warns_never_matches(conditions)


@settings(max_examples=300)
@given(st.lists(number_conditions(), min_size=1, max_size=6))
def test_reported_conditions_are_a_minimal_conflict(conditions: list[Condition]) -> None:
    conflict = find_conflict(conditions, FieldType.NUMBER)
    if conflict is None:
        return

    named = [conditions[i] for i in conflict]
    assert not some_number_meets(named)
    for left_out in range(len(named)):
        rest = named[:left_out] + named[left_out + 1 :]
        assert some_number_meets(rest)


@st.composite
def day_conditions(draw: st.DrawFn, max_offset: int = 5, months: bool = False) -> Condition:
    operators = [Op.ON, Op.BEFORE, Op.AFTER, Op.BETWEEN]
    if months:
        operators.append(Op.ANNIVERSARY_IN_MONTH)
    operator = draw(st.sampled_from(operators))
    if operator is Op.ANNIVERSARY_IN_MONTH:
        month = draw(st.integers(min_value=1, max_value=4))
        return Condition("birthday", operator, ConditionValue(month=month))

    offsets = st.integers(min_value=-max_offset, max_value=max_offset)
    first = BASE_DAY + dt.timedelta(days=draw(offsets))
    if operator is Op.BETWEEN:
        last = BASE_DAY + dt.timedelta(days=draw(offsets))
        return Condition("birthday", operator, ConditionValue(date_range=DateRange(first, last)))
    return Condition("birthday", operator, ConditionValue(date=first))


def day_holds(condition: Condition, value: dt.date) -> bool:
    given_value = condition.value
    if condition.operator is Op.BETWEEN:
        assert given_value.date_range is not None
        return given_value.date_range.from_ <= value <= given_value.date_range.to
    if condition.operator is Op.ANNIVERSARY_IN_MONTH:
        return value.month == given_value.month
    assert given_value.date is not None
    checks = {
        Op.ON: value == given_value.date,
        Op.BEFORE: value < given_value.date,
        Op.AFTER: value > given_value.date,
    }
    return checks[condition.operator]


def some_day_meets(conditions: list[Condition], days: list[dt.date]) -> bool:
    return any(all(day_holds(c, day) for c in conditions) for day in days)


@given(st.lists(day_conditions(), min_size=1, max_size=4))
def test_day_warning_matches_direct_evaluation(conditions: list[Condition]) -> None:
    assert warns_never_matches(conditions) is not some_day_meets(conditions, SAMPLED_DAYS)


# Bounds lie within 40 days of BASE_DAY and every month recurs within 366
# days, so when some day meets a group, one lies within 420 days of BASE_DAY.
WIDE_SAMPLED_DAYS = [BASE_DAY + dt.timedelta(days=offset) for offset in range(-420, 421)]


@settings(max_examples=300)
@given(st.lists(day_conditions(max_offset=40, months=True), min_size=1, max_size=4))
def test_month_warning_matches_direct_evaluation(conditions: list[Condition]) -> None:
    assert warns_never_matches(conditions) is not some_day_meets(conditions, WIDE_SAMPLED_DAYS)


# Stored text is folded, so `A` and `á` in a condition read as `a`.
TEXT_LETTERS = ("a", "b", "A", "á")
SAMPLED_TEXTS = [
    "".join(letters) for length in range(1, 6) for letters in itertools.product("ab", repeat=length)
]
TEXT_OPERATORS = (
    Op.IS,
    Op.IS_NOT,
    Op.CONTAINS,
    Op.NOT_CONTAINS,
    Op.STARTS_WITH,
    Op.ENDS_WITH,
)
short_texts = st.text(alphabet=TEXT_LETTERS, min_size=1, max_size=3)


ALL_TEXT_OPERATORS = (*TEXT_OPERATORS, Op.IS_ANY_OF, Op.IS_NONE_OF, Op.IS_EMPTY, Op.IS_NOT_EMPTY)
PATTERN_AND_IS_OPERATORS = (Op.IS, Op.CONTAINS, Op.NOT_CONTAINS, Op.STARTS_WITH, Op.ENDS_WITH)


@st.composite
def text_conditions(
    draw: st.DrawFn, operators: tuple[Operator, ...] = ALL_TEXT_OPERATORS
) -> Condition:
    operator = draw(st.sampled_from(operators))
    if operator in (Op.IS_ANY_OF, Op.IS_NONE_OF):
        values = tuple(draw(st.lists(short_texts, min_size=1, max_size=3)))
        return Condition("city", operator, ConditionValue(texts=values))
    if operator in (Op.IS_EMPTY, Op.IS_NOT_EMPTY):
        return Condition("city", operator)
    return Condition("city", operator, ConditionValue(text=draw(short_texts)))


def text_holds(condition: Condition, value: str | None) -> bool:
    operator = condition.operator
    folded = [fold_text(text) for text in condition.value.texts or ()]
    pattern = fold_text(condition.value.text or "")
    if value is None:
        return operator in (Op.IS_EMPTY, Op.IS_NOT, Op.NOT_CONTAINS, Op.IS_NONE_OF)

    checks = {
        Op.IS: value == pattern,
        Op.IS_NOT: value != pattern,
        Op.CONTAINS: pattern in value,
        Op.NOT_CONTAINS: pattern not in value,
        Op.STARTS_WITH: value.startswith(pattern),
        Op.ENDS_WITH: value.endswith(pattern),
        Op.IS_ANY_OF: value in folded,
        Op.IS_NONE_OF: value not in folded,
        Op.IS_EMPTY: False,
        Op.IS_NOT_EMPTY: True,
    }
    return checks[operator]


def some_text_meets(conditions: list[Condition]) -> bool:
    candidates: list[str | None] = [None, *SAMPLED_TEXTS]
    return any(all(text_holds(c, value) for c in conditions) for value in candidates)


@settings(max_examples=300)
@given(st.lists(text_conditions(), min_size=1, max_size=4))
def test_text_warning_means_no_text_matches(conditions: list[Condition]) -> None:
    if warns_never_matches(conditions):
        assert not some_text_meets(conditions)


@settings(max_examples=300)
@given(st.lists(text_conditions(PATTERN_AND_IS_OPERATORS), min_size=2, max_size=3))
def test_pattern_warning_means_no_text_matches(conditions: list[Condition]) -> None:
    if warns_never_matches(conditions):
        assert not some_text_meets(conditions)
