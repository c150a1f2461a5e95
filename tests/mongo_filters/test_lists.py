"""TAGS and MULTI_SELECT conditions compare tag keys on the `norm.*` lists."""

from __future__ import annotations

import pytest

from mongo_filters.conditions import Condition, ConditionValue, Operator
from mongo_filters.scope import Filter
from tests.mongo_filters.samples import compile_one

Op = Operator


def tags(field: str, operator: Operator, *values: str) -> Condition:
    return Condition(field, operator, ConditionValue(texts=values))


CASES: list[tuple[Condition, Filter]] = [
    (tags("tags", Op.HAS_ANY_OF, " VIP ", "Sỉ", "vip"), {"norm.tags": {"$in": ["vip", "sỉ"]}}),
    (tags("tags", Op.HAS_ALL_OF, "VIP", "Hà Nội"), {"norm.tags": {"$all": ["vip", "hà nội"]}}),
    (tags("tags", Op.HAS_NONE_OF, "Spam"), {"norm.tags": {"$nin": ["spam"]}}),
    (
        tags("custom.interests", Op.HAS_ANY_OF, "Trà"),
        {"norm.custom.interests": {"$in": ["trà"]}},
    ),
    (
        Condition("tags", Op.IS_EMPTY),
        {"$or": [{"tags": None}, {"tags": {"$regex": r"^\s*$"}}, {"tags": {"$size": 0}}]},
    ),
    (
        Condition("custom.interests", Op.IS_NOT_EMPTY),
        {
            "$and": [
                {"custom.interests": {"$ne": None}},
                {"custom.interests": {"$not": {"$regex": r"^\s*$"}}},
                {"custom.interests": {"$not": {"$size": 0}}},
            ]
        },
    ),
]


@pytest.mark.parametrize(("condition", "expected"), CASES)
def test_list_condition_compiles_to_fragment(condition: Condition, expected: Filter) -> None:
    assert compile_one(condition) == expected


def test_tags_keep_diacritics() -> None:
    compiled = compile_one(tags("tags", Op.HAS_ANY_OF, "Khách lẻ"))

    assert compiled == {"norm.tags": {"$in": ["khách lẻ"]}}
