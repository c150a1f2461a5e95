"""Phone conditions compare normalised numbers and digits in both forms."""

from __future__ import annotations

import pytest

from mongo_filters.conditions import Condition, ConditionValue, Operator
from mongo_filters.errors import InvalidValueError
from mongo_filters.scope import Filter
from tests.mongo_filters.samples import compile_one

Op = Operator


def phone(operator: Operator, value: str) -> Condition:
    return Condition("phone", operator, ConditionValue(text=value))


def phones(operator: Operator, *values: str) -> Condition:
    return Condition("phone", operator, ConditionValue(texts=values))


CASES: list[tuple[Condition, Filter]] = [
    (phone(Op.IS, "0912 345 678"), {"phone": "+84912345678"}),
    (phone(Op.IS, "84912345678"), {"phone": "+84912345678"}),
    (phone(Op.IS, "+84 912 345 678"), {"phone": "+84912345678"}),
    (phone(Op.IS, " 12345 "), {"phone": "12345"}),
    (phone(Op.IS_NOT, "0912345678"), {"phone": {"$ne": "+84912345678"}}),
    (
        phones(Op.IS_ANY_OF, "0912345678", "+84 912 345 678", "0987 654 321"),
        {"phone": {"$in": ["+84912345678", "+84987654321"]}},
    ),
    (phones(Op.IS_NONE_OF, "0912345678"), {"phone": {"$nin": ["+84912345678"]}}),
    (
        phone(Op.CONTAINS, "0912"),
        {
            "$or": [
                {"norm.phoneDigits": {"$regex": "0912"}},
                {"phoneValid": True, "norm.phoneDigits": {"$regex": "^84912"}},
            ]
        },
    ),
    (phone(Op.CONTAINS, "84912"), {"norm.phoneDigits": {"$regex": "84912"}}),
    (phone(Op.CONTAINS, "345-678"), {"norm.phoneDigits": {"$regex": "345678"}}),
    (phone(Op.NOT_CONTAINS, "912"), {"$nor": [{"norm.phoneDigits": {"$regex": "912"}}]}),
    (
        phone(Op.NOT_CONTAINS, "0912"),
        {
            "$nor": [
                {
                    "$or": [
                        {"norm.phoneDigits": {"$regex": "0912"}},
                        {"phoneValid": True, "norm.phoneDigits": {"$regex": "^84912"}},
                    ]
                }
            ]
        },
    ),
    (
        phone(Op.STARTS_WITH, "0912"),
        {
            "$or": [
                {"norm.phoneDigits": {"$regex": "^0912"}},
                {"phoneValid": True, "norm.phoneDigits": {"$regex": "^84912"}},
            ]
        },
    ),
    (phone(Op.STARTS_WITH, "+84 9"), {"norm.phoneDigits": {"$regex": "^849"}}),
    (phone(Op.ENDS_WITH, "345 678"), {"norm.phoneDigits": {"$regex": "345678$"}}),
    (
        phone(Op.ENDS_WITH, "0912345678"),
        {
            "$or": [
                {"norm.phoneDigits": {"$regex": "0912345678$"}},
                {"phoneValid": True, "norm.phoneDigits": {"$regex": "^84912345678$"}},
            ]
        },
    ),
]


@pytest.mark.parametrize(("condition", "expected"), CASES)
def test_phone_condition_compiles_to_fragment(condition: Condition, expected: Filter) -> None:
    assert compile_one(condition) == expected


def test_phone_emptiness_reads_stored_number() -> None:
    assert compile_one(Condition("phone", Op.IS_EMPTY)) == {
        "$or": [{"phone": None}, {"phone": {"$regex": r"^\s*$"}}, {"phone": {"$size": 0}}]
    }


@pytest.mark.parametrize("operator", [Op.CONTAINS, Op.STARTS_WITH, Op.ENDS_WITH])
def test_phone_digits_without_digit_raise(operator: Operator) -> None:
    # An empty pattern would match every number.
    with pytest.raises(InvalidValueError):
        compile_one(phone(operator, "abc"))
