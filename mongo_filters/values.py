"""Read a condition's value in the form the operator functions compare.

Each accessor returns one member of the one-of value and raises
`InvalidValueError` when that member is missing, so operator functions can
rely on it. Text is folded the way the `norm.*` shadows were folded on
write (`models.text`), so both sides of a comparison match.
"""

from __future__ import annotations

from collections.abc import Iterable

from models.text import fold_tag, fold_text
from mongo_filters.catalog import FieldSpec
from mongo_filters.conditions import Condition, DateRange, NumberRange, Period, ValueKind
from mongo_filters.errors import InvalidValueError


def _missing(spec: FieldSpec, condition: Condition, expected: ValueKind) -> InvalidValueError:
    return InvalidValueError(spec.key, condition.operator, condition.value, expected)


def text_of(spec: FieldSpec, condition: Condition) -> str:
    if condition.value.text is None:
        raise _missing(spec, condition, ValueKind.TEXT)
    return condition.value.text


def texts_of(spec: FieldSpec, condition: Condition) -> tuple[str, ...]:
    if condition.value.texts is None:
        raise _missing(spec, condition, ValueKind.TEXTS)
    return condition.value.texts


def number_of(spec: FieldSpec, condition: Condition) -> float:
    if condition.value.number is None:
        raise _missing(spec, condition, ValueKind.NUMBER)
    return condition.value.number


def number_range_of(spec: FieldSpec, condition: Condition) -> NumberRange:
    if condition.value.number_range is None:
        raise _missing(spec, condition, ValueKind.NUMBER_RANGE)
    return condition.value.number_range


def date_range_of(spec: FieldSpec, condition: Condition) -> DateRange:
    if condition.value.date_range is None:
        raise _missing(spec, condition, ValueKind.DATE_RANGE)
    return condition.value.date_range


def period_of(spec: FieldSpec, condition: Condition) -> Period:
    if condition.value.period is None:
        raise _missing(spec, condition, ValueKind.PERIOD)
    return condition.value.period


def month_of(spec: FieldSpec, condition: Condition) -> int:
    if condition.value.month is None:
        raise _missing(spec, condition, ValueKind.MONTH)
    return condition.value.month


def segment_id_of(spec: FieldSpec, condition: Condition) -> str:
    if condition.value.segment_id is None:
        raise _missing(spec, condition, ValueKind.SEGMENT_ID)
    return condition.value.segment_id


def folded_text(spec: FieldSpec, condition: Condition) -> str:
    """Return the value text as `norm.*` stores text: no case, no diacritics, trimmed."""
    return fold_text(text_of(spec, condition))


def folded_texts(spec: FieldSpec, condition: Condition) -> list[str]:
    """Return the folded value texts without duplicates, in the order given."""
    return _unique(fold_text(text) for text in texts_of(spec, condition))


def tag_keys(spec: FieldSpec, condition: Condition) -> list[str]:
    """Return the value texts as `norm.tags` stores tags: trimmed, case-folded, no duplicates."""
    return _unique(fold_tag(text) for text in texts_of(spec, condition))


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
