"""NUMBER conditions compile to comparisons on the stored value."""

from __future__ import annotations

import pytest

from mongo_filters.conditions import Condition, ConditionValue, NumberRange, Operator
from mongo_filters.scope import Filter
from tests.mongo_filters.samples import compile_one

Op = Operator


def number(field: str, operator: Operator, value: float) -> Condition:
    return Condition(field, operator, ConditionValue(number=value))


CASES: list[tuple[Condition, Filter]] = [
    (number("orderCount", Op.IS, 3), {"orderCount": 3}),
    (number("orderCount", Op.IS_NOT, 0), {"orderCount": {"$ne": 0}}),
    (number("totalSpent", Op.GREATER_THAN, 1_000_000), {"totalSpent": {"$gt": 1_000_000}}),
    (number("orderCount", Op.GREATER_THAN_OR_EQUAL, 2), {"orderCount": {"$gte": 2}}),
    (number("orderCount", Op.LESS_THAN, 2), {"orderCount": {"$lt": 2}}),
    (number("totalSpent", Op.LESS_THAN_OR_EQUAL, 99.5), {"totalSpent": {"$lte": 99.5}}),
    (
        Condition("orderCount", Op.BETWEEN, ConditionValue(number_range=NumberRange(2, 5))),
        {"orderCount": {"$gte": 2, "$lte": 5}},
    ),
    (number("custom.points", Op.GREATER_THAN, -1.5), {"custom.points": {"$gt": -1.5}}),
    (
        Condition("totalSpent", Op.IS_EMPTY),
        {
            "$or": [
                {"totalSpent": None},
                {"totalSpent": {"$regex": r"^\s*$"}},
                {"totalSpent": {"$size": 0}},
            ]
        },
    ),
]


@pytest.mark.parametrize(("condition", "expected"), CASES)
def test_number_condition_compiles_to_fragment(condition: Condition, expected: Filter) -> None:
    assert compile_one(condition) == expected
