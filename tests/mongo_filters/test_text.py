"""TEXT and SELECT conditions compile to exact fragments on the `norm.*` shadows."""

from __future__ import annotations

import pytest

from mongo_filters.conditions import Condition, ConditionValue, Operator
from mongo_filters.errors import InvalidValueError
from mongo_filters.scope import Filter
from tests.mongo_filters.samples import compile_one

Op = Operator
BLANK = r"^\s*$"


def text(field: str, operator: Operator, value: str) -> Condition:
    return Condition(field, operator, ConditionValue(text=value))


def texts(field: str, operator: Operator, *values: str) -> Condition:
    return Condition(field, operator, ConditionValue(texts=values))


CASES: list[tuple[Condition, Filter]] = [
    (text("city", Op.IS, " Hà  Nội "), {"norm.city": "ha noi"}),
    (text("fullName", Op.IS_NOT, "Đào"), {"norm.fullName": {"$ne": "dao"}}),
    (text("email", Op.CONTAINS, ".com"), {"norm.email": {"$regex": r"\.com"}}),
    (text("fullName", Op.NOT_CONTAINS, "Thị"), {"norm.fullName": {"$not": {"$regex": "thi"}}}),
    (text("fullName", Op.STARTS_WITH, "Trần"), {"norm.fullName": {"$regex": "^tran"}}),
    (text("email", Op.ENDS_WITH, "@gmail.com"), {"norm.email": {"$regex": r"@gmail\.com$"}}),
    (
        texts("city", Op.IS_ANY_OF, "Huế", "Đà Nẵng", "HUE"),
        {"norm.city": {"$in": ["hue", "da nang"]}},
    ),
    (texts("source", Op.IS_NONE_OF, "Facebook"), {"norm.source": {"$nin": ["facebook"]}}),
    (
        Condition("address", Op.IS_EMPTY),
        {"$or": [{"address": None}, {"address": {"$regex": BLANK}}, {"address": {"$size": 0}}]},
    ),
    (
        Condition("address", Op.IS_NOT_EMPTY),
        {
            "$and": [
                {"address": {"$ne": None}},
                {"address": {"$not": {"$regex": BLANK}}},
                {"address": {"$not": {"$size": 0}}},
            ]
        },
    ),
    (text("gender", Op.IS, "FEMALE"), {"norm.gender": "female"}),
    (texts("gender", Op.IS_NONE_OF, "MALE", "OTHER"), {"norm.gender": {"$nin": ["male", "other"]}}),
    (text("custom.nickname", Op.STARTS_WITH, "Bé"), {"norm.custom.nickname": {"$regex": "^be"}}),
    (text("custom.tier", Op.IS_NOT, "Vàng"), {"norm.custom.tier": {"$ne": "vang"}}),
]


@pytest.mark.parametrize(("condition", "expected"), CASES)
def test_text_condition_compiles_to_fragment(condition: Condition, expected: Filter) -> None:
    assert compile_one(condition) == expected


@pytest.mark.parametrize(
    ("value", "pattern"),
    [
        ("a.b", r"a\.b"),
        ("(vip)", r"\(vip\)"),
        ("1+1*2?", r"1\+1\*2\?"),
        ("$^|[]{}", r"\$\^\|\[\]\{\}"),
        ("back\\slash", r"back\\slash"),
    ],
)
def test_contains_escapes_pattern_characters(value: str, pattern: str) -> None:
    assert compile_one(text("fullName", Op.CONTAINS, value)) == {
        "norm.fullName": {"$regex": pattern}
    }


def test_starts_with_escapes_after_anchor() -> None:
    assert compile_one(text("fullName", Op.STARTS_WITH, ".*")) == {
        "norm.fullName": {"$regex": r"^\.\*"}
    }


def test_contains_without_text_raises() -> None:
    with pytest.raises(InvalidValueError) as raised:
        compile_one(Condition("fullName", Op.CONTAINS, ConditionValue(number=3)))

    assert raised.value.field == "fullName"
    assert raised.value.operator is Op.CONTAINS
