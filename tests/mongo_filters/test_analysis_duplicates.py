from __future__ import annotations

from mongo_filters.analysis import DUPLICATE_GROUP, REPEATED_CONDITION, find_warnings
from mongo_filters.catalog import field_catalog
from mongo_filters.conditions import Calendar, Condition, ConditionValue, Operator

Op = Operator
FIELD_TYPES = {spec.key: spec.type for spec in field_catalog()}

VIP = Condition("tags", Op.HAS_ANY_OF, ConditionValue(texts=("VIP", "gold")))
LOYAL = Condition("orderCount", Op.GREATER_THAN_OR_EQUAL, ConditionValue(number=5))
HANOI = Condition("city", Op.IS, ConditionValue(text="Hà Nội"))


def test_same_conditions_in_another_order_is_duplicate_group() -> None:
    rule = [[VIP, LOYAL], [HANOI], [LOYAL, VIP]]

    (warning,) = find_warnings(rule, FIELD_TYPES)

    assert warning.code == DUPLICATE_GROUP
    assert warning.field == "conditionGroups.2"
    assert warning.en == (
        "Group 3 has the same conditions as group 1, so it adds no customers. "
        "Remove one of the two groups."
    )
    assert warning.vi == (
        "Nhóm 3 có các điều kiện giống hệt nhóm 1 nên không thêm khách hàng nào. "
        "Hãy xóa một trong hai nhóm."
    )


def test_list_values_in_another_order_are_the_same() -> None:
    reordered = Condition("tags", Op.HAS_ANY_OF, ConditionValue(texts=("gold", " VIP ")))

    warnings = find_warnings([[VIP], [reordered]], FIELD_TYPES)

    assert [warning.code for warning in warnings] == [DUPLICATE_GROUP]


def test_each_later_copy_of_a_group_is_reported() -> None:
    warnings = find_warnings([[HANOI], [HANOI], [LOYAL], [HANOI]], FIELD_TYPES)

    assert [warning.field for warning in warnings] == ["conditionGroups.1", "conditionGroups.3"]
    assert all("as group 1," in warning.en for warning in warnings)


def test_groups_differing_in_value_are_distinct() -> None:
    other_city = Condition("city", Op.IS, ConditionValue(text="Huế"))
    fewer_orders = Condition("orderCount", Op.GREATER_THAN_OR_EQUAL, ConditionValue(number=4))

    rule = [[HANOI, LOYAL], [other_city, LOYAL], [HANOI, fewer_orders], [HANOI]]

    assert find_warnings(rule, FIELD_TYPES) == []


def test_calendar_tells_conditions_apart() -> None:
    gregorian = Condition("birthday", Op.ANNIVERSARY_IN_MONTH, ConditionValue(month=3))
    lunar = Condition("birthday", Op.ANNIVERSARY_IN_MONTH, ConditionValue(month=3), Calendar.LUNAR)

    assert find_warnings([[gregorian], [lunar]], FIELD_TYPES) == []
    assert find_warnings([[gregorian, lunar]], FIELD_TYPES) == []


def test_repeated_condition_in_a_group() -> None:
    rule = [[HANOI], [LOYAL, VIP, LOYAL]]

    (warning,) = find_warnings(rule, FIELD_TYPES)

    assert warning.code == REPEATED_CONDITION
    assert warning.field == "conditionGroups.1.conditions.2"
    assert warning.en == (
        "Condition 3 of group 2 (order count >= 5) repeats condition 1, "
        "so it changes nothing. Remove it."
    )
    assert warning.vi == (
        "Điều kiện 3 của nhóm 2 (số đơn hàng >= 5) lặp lại điều kiện 1 "
        "nên không có tác dụng. Hãy xóa điều kiện này."
    )


def test_repeat_ignores_surrounding_spaces() -> None:
    spaced = Condition("city", Op.IS, ConditionValue(text="  Hà Nội "))

    (warning,) = find_warnings([[HANOI, spaced]], FIELD_TYPES)

    assert warning.code == REPEATED_CONDITION
    assert warning.field == "conditionGroups.0.conditions.1"


def test_group_with_repeat_is_duplicate() -> None:
    warnings = find_warnings([[HANOI], [HANOI, HANOI]], FIELD_TYPES)

    assert [(warning.code, warning.field) for warning in warnings] == [
        (DUPLICATE_GROUP, "conditionGroups.1"),
        (REPEATED_CONDITION, "conditionGroups.1.conditions.1"),
    ]
