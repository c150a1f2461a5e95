"""The operator table: the operators each field type allows and the value each one takes.

This is the operator table of the product: the catalog, the validator and
the compiler all read it, so the three cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from mongo_filters.conditions import FieldType, Operator, ValueKind

Op = Operator

TEXT_OPERATORS = (
    Op.IS, Op.IS_NOT, Op.CONTAINS, Op.NOT_CONTAINS, Op.STARTS_WITH, Op.ENDS_WITH,
    Op.IS_ANY_OF, Op.IS_NONE_OF, Op.IS_EMPTY, Op.IS_NOT_EMPTY,
)  # fmt: skip
NUMBER_OPERATORS = (
    Op.IS, Op.IS_NOT, Op.GREATER_THAN, Op.GREATER_THAN_OR_EQUAL, Op.LESS_THAN,
    Op.LESS_THAN_OR_EQUAL, Op.BETWEEN, Op.IS_EMPTY, Op.IS_NOT_EMPTY,
)  # fmt: skip
ANNIVERSARY_OPERATORS = (Op.ANNIVERSARY_IS_TODAY, Op.ANNIVERSARY_IN_NEXT, Op.ANNIVERSARY_IN_MONTH)
DATE_OPERATORS = (
    Op.ON, Op.BEFORE, Op.AFTER, Op.BETWEEN, Op.IN_LAST, Op.MORE_THAN_AGO, Op.IN_NEXT,
    *ANNIVERSARY_OPERATORS, Op.IS_EMPTY, Op.IS_NOT_EMPTY,
)  # fmt: skip
BOOLEAN_OPERATORS = (Op.IS_TRUE, Op.IS_FALSE)
SELECT_OPERATORS = (Op.IS, Op.IS_NOT, Op.IS_ANY_OF, Op.IS_NONE_OF, Op.IS_EMPTY, Op.IS_NOT_EMPTY)
LIST_OPERATORS = (Op.HAS_ANY_OF, Op.HAS_ALL_OF, Op.HAS_NONE_OF, Op.IS_EMPTY, Op.IS_NOT_EMPTY)
SEGMENT_OPERATORS = (Op.IN_SEGMENT, Op.NOT_IN_SEGMENT)

OPERATORS_BY_TYPE: Mapping[FieldType, tuple[Operator, ...]] = MappingProxyType(
    {
        FieldType.TEXT: TEXT_OPERATORS,
        FieldType.NUMBER: NUMBER_OPERATORS,
        FieldType.DATE: DATE_OPERATORS,
        FieldType.DATETIME: DATE_OPERATORS,
        FieldType.BOOLEAN: BOOLEAN_OPERATORS,
        FieldType.SELECT: SELECT_OPERATORS,
        FieldType.TAGS: LIST_OPERATORS,
        FieldType.MULTI_SELECT: LIST_OPERATORS,
        FieldType.SEGMENT: SEGMENT_OPERATORS,
    }
)

# Operators whose value does not depend on the field type. IS, IS_NOT and
# BETWEEN are missing here because their value does (see `value_kind`).
_FIXED_VALUE_KINDS: Mapping[Operator, ValueKind] = MappingProxyType(
    {
        Op.CONTAINS: ValueKind.TEXT,
        Op.NOT_CONTAINS: ValueKind.TEXT,
        Op.STARTS_WITH: ValueKind.TEXT,
        Op.ENDS_WITH: ValueKind.TEXT,
        Op.IS_ANY_OF: ValueKind.TEXTS,
        Op.IS_NONE_OF: ValueKind.TEXTS,
        Op.HAS_ANY_OF: ValueKind.TEXTS,
        Op.HAS_ALL_OF: ValueKind.TEXTS,
        Op.HAS_NONE_OF: ValueKind.TEXTS,
        Op.GREATER_THAN: ValueKind.NUMBER,
        Op.GREATER_THAN_OR_EQUAL: ValueKind.NUMBER,
        Op.LESS_THAN: ValueKind.NUMBER,
        Op.LESS_THAN_OR_EQUAL: ValueKind.NUMBER,
        Op.ON: ValueKind.DATE,
        Op.BEFORE: ValueKind.DATE,
        Op.AFTER: ValueKind.DATE,
        Op.IN_LAST: ValueKind.PERIOD,
        Op.MORE_THAN_AGO: ValueKind.PERIOD,
        Op.IN_NEXT: ValueKind.PERIOD,
        Op.ANNIVERSARY_IN_NEXT: ValueKind.PERIOD,
        Op.ANNIVERSARY_IN_MONTH: ValueKind.MONTH,
        Op.ANNIVERSARY_IS_TODAY: ValueKind.NONE,
        Op.IS_EMPTY: ValueKind.NONE,
        Op.IS_NOT_EMPTY: ValueKind.NONE,
        Op.IS_TRUE: ValueKind.NONE,
        Op.IS_FALSE: ValueKind.NONE,
        Op.IN_SEGMENT: ValueKind.SEGMENT_ID,
        Op.NOT_IN_SEGMENT: ValueKind.SEGMENT_ID,
    }
)

# The product's negative operators: they match customers whose field is empty.
NEGATIVE_OPERATORS = frozenset(
    {Op.IS_NOT, Op.NOT_CONTAINS, Op.IS_NONE_OF, Op.HAS_NONE_OF, Op.NOT_IN_SEGMENT, Op.IS_FALSE}
)


def value_kind(field_type: FieldType, operator: Operator) -> ValueKind:
    """Return the member of the condition value that `operator` takes on `field_type`."""
    if operator in (Op.IS, Op.IS_NOT):
        return ValueKind.NUMBER if field_type is FieldType.NUMBER else ValueKind.TEXT
    if operator is Op.BETWEEN:
        return ValueKind.NUMBER_RANGE if field_type is FieldType.NUMBER else ValueKind.DATE_RANGE
    return _FIXED_VALUE_KINDS[operator]


def takes_calendar(field_type: FieldType, operator: Operator) -> bool:
    """Tell whether a condition may set `calendar: LUNAR` (DATE and DATETIME anniversaries)."""
    return field_type in (FieldType.DATE, FieldType.DATETIME) and operator in ANNIVERSARY_OPERATORS
