from __future__ import annotations

import datetime as dt

import pytest

from mongo_filters.analysis import (
    GROUP_NEVER_MATCHES,
    FieldLabel,
    RuleWarning,
    field_labels,
    find_warnings,
)
from mongo_filters.catalog import field_catalog
from mongo_filters.conditions import (
    Calendar,
    Condition,
    ConditionValue,
    CustomFieldDefinition,
    DateRange,
    FieldType,
    NumberRange,
    Operator,
    Period,
    PeriodUnit,
)

Op = Operator
CUSTOM_FIELDS = (
    CustomFieldDefinition("level", "Level", "Hạng", FieldType.SELECT, ("Gold", "Silver")),
    CustomFieldDefinition(
        "interests", "Interests", "Sở thích", FieldType.MULTI_SELECT, ("Golf", "Tennis")
    ),
)
FIELD_TYPES = {spec.key: spec.type for spec in field_catalog(CUSTOM_FIELDS)}


def number(field: str, operator: Operator, value: float) -> Condition:
    return Condition(field, operator, ConditionValue(number=value))


def number_range(field: str, low: float, high: float) -> Condition:
    return Condition(field, Op.BETWEEN, ConditionValue(number_range=NumberRange(low, high)))


def text(field: str, operator: Operator, value: str) -> Condition:
    return Condition(field, operator, ConditionValue(text=value))


def texts(field: str, operator: Operator, *values: str) -> Condition:
    return Condition(field, operator, ConditionValue(texts=values))


def day(field: str, operator: Operator, value: str) -> Condition:
    return Condition(field, operator, ConditionValue(date=dt.date.fromisoformat(value)))


def days(field: str, first: str, last: str) -> Condition:
    span = DateRange(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    return Condition(field, Op.BETWEEN, ConditionValue(date_range=span))


def period(field: str, operator: Operator, amount: int, unit: PeriodUnit) -> Condition:
    return Condition(field, operator, ConditionValue(period=Period(amount, unit)))


def month(field: str, value: int, calendar: Calendar = Calendar.GREGORIAN) -> Condition:
    return Condition(field, Op.ANNIVERSARY_IN_MONTH, ConditionValue(month=value), calendar)


def segment(operator: Operator, segment_id: str) -> Condition:
    return Condition("segment", operator, ConditionValue(segment_id=segment_id))


def bare(field: str, operator: Operator) -> Condition:
    return Condition(field, operator)


def never_matches(warnings: list[RuleWarning]) -> list[RuleWarning]:
    return [warning for warning in warnings if warning.code == GROUP_NEVER_MATCHES]


CONTRADICTIONS: dict[str, list[Condition]] = {
    "greater and less": [
        number("orderCount", Op.GREATER_THAN, 10),
        number("orderCount", Op.LESS_THAN, 5),
    ],
    "between and is": [number_range("orderCount", 1, 3), number("orderCount", Op.IS, 7)],
    "greater and at most the same": [
        number("orderCount", Op.GREATER_THAN, 5),
        number("orderCount", Op.LESS_THAN_OR_EQUAL, 5),
    ],
    "at least and below the same": [
        number("totalSpent", Op.GREATER_THAN_OR_EQUAL, 5),
        number("totalSpent", Op.LESS_THAN, 5),
    ],
    "two different numbers": [number("orderCount", Op.IS, 3), number("orderCount", Op.IS, 4)],
    "between reversed": [number_range("totalSpent", 10, 1)],
    "single point excluded": [
        number("totalSpent", Op.GREATER_THAN_OR_EQUAL, 5),
        number("totalSpent", Op.LESS_THAN_OR_EQUAL, 5),
        number("totalSpent", Op.IS_NOT, 5),
    ],
    "is and is not the same number": [
        number("orderCount", Op.IS, 2),
        number("orderCount", Op.IS_NOT, 2.0),
    ],
    "empty and contains": [bare("email", Op.IS_EMPTY), text("email", Op.CONTAINS, "@")],
    "empty and not empty": [bare("email", Op.IS_EMPTY), bare("email", Op.IS_NOT_EMPTY)],
    "empty number and comparison": [
        bare("orderCount", Op.IS_EMPTY),
        number("orderCount", Op.GREATER_THAN, 0),
    ],
    "empty date and relative period": [
        bare("lastOrderAt", Op.IS_EMPTY),
        period("lastOrderAt", Op.MORE_THAN_AGO, 3, PeriodUnit.MONTHS),
    ],
    "empty tags and has any": [bare("tags", Op.IS_EMPTY), texts("tags", Op.HAS_ANY_OF, "vip")],
    "true and false": [bare("emailVerified", Op.IS_TRUE), bare("emailVerified", Op.IS_FALSE)],
    "two different texts": [text("city", Op.IS, "Hà Nội"), text("city", Op.IS, "Huế")],
    "is and is not after folding": [
        text("city", Op.IS, "Hà Nội"),
        text("city", Op.IS_NOT, "  ha NOI "),
    ],
    "any of inside none of": [
        texts("city", Op.IS_ANY_OF, "Huế", "Đà Nẵng"),
        texts("city", Op.IS_NONE_OF, "hue", "da nang", "ha noi"),
    ],
    "any of split across none of": [
        texts("city", Op.IS_ANY_OF, "Huế", "Đà Nẵng"),
        texts("city", Op.IS_NONE_OF, "Huế"),
        texts("city", Op.IS_NONE_OF, "Đà Nẵng"),
    ],
    "is outside any of": [
        text("source", Op.IS, "Facebook"),
        texts("source", Op.IS_ANY_OF, "Zalo", "Website"),
    ],
    "is and contains another text": [
        text("city", Op.IS, "Hà Nội"),
        text("city", Op.CONTAINS, "Huế"),
    ],
    "any of and starts with": [
        texts("city", Op.IS_ANY_OF, "Huế", "Hà Nội"),
        text("city", Op.STARTS_WITH, "Đà"),
    ],
    "is and ends with": [
        text("email", Op.IS, "lan@example.vn"),
        text("email", Op.ENDS_WITH, "@gmail.com"),
    ],
    "is and not contains after folding": [
        text("fullName", Op.IS, "Lê Lan"),
        text("fullName", Op.NOT_CONTAINS, "LAN"),
    ],
    "contains and not contains a part": [
        text("address", Op.CONTAINS, "Quận 1"),
        text("address", Op.NOT_CONTAINS, "quan"),
    ],
    "starts with two prefixes": [
        text("fullName", Op.STARTS_WITH, "Nguyễn"),
        text("fullName", Op.STARTS_WITH, "Trần"),
    ],
    "ends with two suffixes": [
        text("email", Op.ENDS_WITH, "@gmail.com"),
        text("email", Op.ENDS_WITH, ".vn"),
    ],
    "select options": [text("gender", Op.IS, "MALE"), text("gender", Op.IS, "FEMALE")],
    "custom select options": [
        texts("custom.level", Op.IS_ANY_OF, "Gold"),
        text("custom.level", Op.IS_NOT, "gold"),
    ],
    "same phone in two forms": [
        text("phone", Op.IS, "0912 345 678"),
        text("phone", Op.IS_NOT, "+84912345678"),
    ],
    "two different phones": [
        text("phone", Op.IS, "0912 345 678"),
        text("phone", Op.IS, "0987 654 321"),
    ],
    "after and before the next day": [
        day("birthday", Op.AFTER, "2024-03-01"),
        day("birthday", Op.BEFORE, "2024-03-02"),
    ],
    "after and before the same day": [
        day("createdAt", Op.AFTER, "2024-03-01"),
        day("createdAt", Op.BEFORE, "2024-03-01"),
    ],
    "on and before the same day": [
        day("birthday", Op.ON, "2024-03-05"),
        day("birthday", Op.BEFORE, "2024-03-05"),
    ],
    "two different days": [
        day("lastOrderAt", Op.ON, "2024-03-05"),
        day("lastOrderAt", Op.ON, "2024-03-06"),
    ],
    "between and after its last day": [
        days("createdAt", "2024-01-01", "2024-01-31"),
        day("createdAt", Op.AFTER, "2024-01-31"),
    ],
    "two ranges apart": [
        days("birthday", "1990-01-01", "1990-12-31"),
        days("birthday", "1991-01-01", "1991-12-31"),
    ],
    "more than ago and in last": [
        period("lastOrderAt", Op.MORE_THAN_AGO, 30, PeriodUnit.DAYS),
        period("lastOrderAt", Op.IN_LAST, 2, PeriodUnit.WEEKS),
    ],
    "more than ago and in last the same": [
        period("birthday", Op.MORE_THAN_AGO, 3, PeriodUnit.MONTHS),
        period("birthday", Op.IN_LAST, 3, PeriodUnit.MONTHS),
    ],
    "more than ago and in next": [
        period("createdAt", Op.MORE_THAN_AGO, 1, PeriodUnit.DAYS),
        period("createdAt", Op.IN_NEXT, 1, PeriodUnit.MONTHS),
    ],
    "in segment and not in it": [
        segment(Op.IN_SEGMENT, "s1"),
        segment(Op.NOT_IN_SEGMENT, "s1"),
    ],
    "all of and none of share a tag": [
        texts("tags", Op.HAS_ALL_OF, "VIP", "gold"),
        texts("tags", Op.HAS_NONE_OF, " vip "),
    ],
    "any of inside none of tags": [
        texts("custom.interests", Op.HAS_ANY_OF, "Golf"),
        texts("custom.interests", Op.HAS_NONE_OF, "golf", "tennis"),
    ],
    "two gregorian months": [month("birthday", 3), month("birthday", 4)],
    "range outside the month": [
        days("birthday", "1990-01-01", "1990-01-31"),
        month("birthday", 3),
    ],
    "day outside the lunar month": [
        day("birthday", Op.ON, "2024-02-10"),
        month("birthday", 2, Calendar.LUNAR),
    ],
    "two lunar months": [
        month("birthday", 1, Calendar.LUNAR),
        month("birthday", 12, Calendar.LUNAR),
    ],
}


@pytest.mark.parametrize("conditions", CONTRADICTIONS.values(), ids=CONTRADICTIONS.keys())
def test_contradiction_warns_group_never_matches(conditions: list[Condition]) -> None:
    warnings = find_warnings([conditions], FIELD_TYPES)

    assert [warning.code for warning in warnings] == [GROUP_NEVER_MATCHES]
    assert warnings[0].field == "conditionGroups.0"
    assert warnings[0].en.startswith("Group 1 can never match: ")
    assert warnings[0].vi.startswith("Nhóm 1 không bao giờ khớp: ")


@pytest.mark.parametrize("conditions", CONTRADICTIONS.values(), ids=CONTRADICTIONS.keys())
def test_contradiction_found_among_other_conditions(conditions: list[Condition]) -> None:
    unrelated = [text("fullName", Op.CONTAINS, "Nguyễn"), bare("phone", Op.IS_NOT_EMPTY)]
    group = [unrelated[0], *conditions, unrelated[1]]

    warnings = find_warnings([[bare("email", Op.IS_NOT_EMPTY)], group], FIELD_TYPES)

    assert [warning.field for warning in never_matches(warnings)] == ["conditionGroups.1"]


SATISFIABLE: dict[str, list[Condition]] = {
    "greater and less overlap": [
        number("orderCount", Op.GREATER_THAN, 5),
        number("orderCount", Op.LESS_THAN, 10),
    ],
    "at least and at most the same": [
        number("orderCount", Op.GREATER_THAN_OR_EQUAL, 5),
        number("orderCount", Op.LESS_THAN_OR_EQUAL, 5),
    ],
    "open interval without integers": [
        number("totalSpent", Op.GREATER_THAN, 5),
        number("totalSpent", Op.LESS_THAN, 6),
    ],
    "point excluded from a wider range": [
        number("totalSpent", Op.GREATER_THAN, 4),
        number("totalSpent", Op.LESS_THAN, 6),
        number("totalSpent", Op.IS_NOT, 5),
    ],
    "between and is inside": [number_range("orderCount", 1, 3), number("orderCount", Op.IS, 3)],
    "not empty and contains": [bare("email", Op.IS_NOT_EMPTY), text("email", Op.CONTAINS, "@")],
    "empty and negative operators": [
        bare("email", Op.IS_EMPTY),
        text("email", Op.NOT_CONTAINS, "@"),
        text("email", Op.IS_NOT, "a@b.vn"),
        texts("email", Op.IS_NONE_OF, "c@d.vn"),
    ],
    "empty tags and has none": [bare("tags", Op.IS_EMPTY), texts("tags", Op.HAS_NONE_OF, "vip")],
    "empty and not in segment": [bare("city", Op.IS_EMPTY), segment(Op.NOT_IN_SEGMENT, "s1")],
    "different fields": [
        number("orderCount", Op.GREATER_THAN, 10),
        number("totalSpent", Op.LESS_THAN, 5),
    ],
    "false twice": [bare("emailVerified", Op.IS_FALSE), bare("emailVerified", Op.IS_FALSE)],
    "same text after folding": [text("city", Op.IS, "Hà Nội"), text("city", Op.IS, "ha noi")],
    "is and is not another text": [text("city", Op.IS, "Hà Nội"), text("city", Op.IS_NOT, "Huế")],
    "any of partly excluded": [
        texts("city", Op.IS_ANY_OF, "Huế", "Đà Nẵng"),
        texts("city", Op.IS_NONE_OF, "Huế"),
    ],
    "same phone in two forms": [
        text("phone", Op.IS, "0912 345 678"),
        text("phone", Op.IS, "+84 912 345 678"),
    ],
    "is and contains a part": [text("city", Op.IS, "Hà Nội"), text("city", Op.CONTAINS, "noi")],
    "starts with nested prefixes": [
        text("fullName", Op.STARTS_WITH, "Nguyễn"),
        text("fullName", Op.STARTS_WITH, "nguyen thi"),
    ],
    "starts and ends differently": [
        text("fullName", Op.STARTS_WITH, "Nguyễn"),
        text("fullName", Op.ENDS_WITH, "Lan"),
    ],
    "contains and not contains another": [
        text("address", Op.CONTAINS, "Quận 1"),
        text("address", Op.NOT_CONTAINS, "Quận 10"),
    ],
    "phone patterns not compared": [
        text("phone", Op.STARTS_WITH, "0912"),
        text("phone", Op.STARTS_WITH, "84912"),
    ],
    "phone is and contains national digits": [
        text("phone", Op.IS, "0912 345 678"),
        text("phone", Op.CONTAINS, "0912"),
    ],
    "after and before with a day between": [
        day("birthday", Op.AFTER, "2024-03-01"),
        day("birthday", Op.BEFORE, "2024-03-03"),
    ],
    "on inside between": [
        day("createdAt", Op.ON, "2024-03-05"),
        days("createdAt", "2024-03-05", "2024-03-10"),
    ],
    "in last longer than more than ago": [
        period("lastOrderAt", Op.MORE_THAN_AGO, 7, PeriodUnit.DAYS),
        period("lastOrderAt", Op.IN_LAST, 30, PeriodUnit.DAYS),
    ],
    "months and days not compared": [
        period("lastOrderAt", Op.MORE_THAN_AGO, 1, PeriodUnit.MONTHS),
        period("lastOrderAt", Op.IN_LAST, 30, PeriodUnit.DAYS),
    ],
    "in last and in next": [
        period("createdAt", Op.IN_LAST, 7, PeriodUnit.DAYS),
        period("createdAt", Op.IN_NEXT, 7, PeriodUnit.DAYS),
    ],
    "gregorian and lunar months": [month("birthday", 3), month("birthday", 4, Calendar.LUNAR)],
    "same month twice": [month("birthday", 3), month("birthday", 3)],
    "range covers the month": [
        days("birthday", "1990-02-20", "1990-03-05"),
        month("birthday", 3),
    ],
    "day in the lunar month": [
        day("birthday", Op.ON, "2024-02-10"),
        month("birthday", 1, Calendar.LUNAR),
    ],
    "datetime day and month not compared": [
        day("createdAt", Op.ON, "2024-01-15"),
        month("createdAt", 3),
    ],
    "long range not compared with month": [
        day("birthday", Op.AFTER, "1990-01-01"),
        day("birthday", Op.BEFORE, "1991-06-01"),
        month("birthday", 7),
    ],
    "two different segments": [segment(Op.IN_SEGMENT, "s1"), segment(Op.NOT_IN_SEGMENT, "s2")],
    "tags differ in diacritics": [
        texts("tags", Op.HAS_ALL_OF, "Khách VIP"),
        texts("tags", Op.HAS_NONE_OF, "khach vip"),
    ],
    "has any of partly excluded": [
        texts("tags", Op.HAS_ANY_OF, "vip", "gold"),
        texts("tags", Op.HAS_NONE_OF, "VIP"),
    ],
}


@pytest.mark.parametrize("conditions", SATISFIABLE.values(), ids=SATISFIABLE.keys())
def test_satisfiable_group_has_no_warning(conditions: list[Condition]) -> None:
    assert never_matches(find_warnings([conditions], FIELD_TYPES)) == []


def test_conflict_across_groups_is_not_a_contradiction() -> None:
    rule = [[number("orderCount", Op.GREATER_THAN, 10)], [number("orderCount", Op.LESS_THAN, 5)]]

    assert find_warnings(rule, FIELD_TYPES) == []


def test_field_without_a_type_is_not_analysed() -> None:
    group = [number("custom.age", Op.GREATER_THAN, 10), number("custom.age", Op.LESS_THAN, 5)]

    assert find_warnings([group], FIELD_TYPES) == []
    assert len(find_warnings([group], {"custom.age": FieldType.NUMBER})) == 1


def test_value_of_the_wrong_kind_is_not_analysed() -> None:
    group = [bare("email", Op.IS_EMPTY), Condition("email", Op.CONTAINS, ConditionValue(number=1))]

    assert find_warnings([group], FIELD_TYPES) == []


def test_warning_names_the_group_by_number() -> None:
    rule = [
        [bare("email", Op.IS_NOT_EMPTY)],
        [bare("phone", Op.IS_NOT_EMPTY)],
        [number("orderCount", Op.GREATER_THAN, 10), number("orderCount", Op.LESS_THAN, 5)],
    ]

    (warning,) = find_warnings(rule, FIELD_TYPES)

    assert warning.field == "conditionGroups.2"
    assert warning.en.startswith("Group 3 ")
    assert warning.vi.startswith("Nhóm 3 ")


def test_numeric_warning_message_in_both_languages() -> None:
    group = [number("orderCount", Op.GREATER_THAN, 10), number("orderCount", Op.LESS_THAN, 5)]

    (warning,) = find_warnings([group], FIELD_TYPES)

    assert warning.en == (
        "Group 1 can never match: order count > 10 and order count < 5 cannot both hold. "
        "Change or remove one of these conditions."
    )
    assert warning.vi == (
        "Nhóm 1 không bao giờ khớp: số đơn hàng > 10 và số đơn hàng < 5 không thể cùng đúng. "
        "Hãy sửa hoặc xóa một trong các điều kiện này."
    )
    assert warning.message("vi") == warning.vi
    assert warning.message("en") == warning.en


def test_message_names_only_the_conflicting_conditions() -> None:
    group = [
        number("totalSpent", Op.GREATER_THAN_OR_EQUAL, 1500.5),
        number("totalSpent", Op.IS_NOT, 7),
        number("totalSpent", Op.LESS_THAN_OR_EQUAL, 1500.5),
        number("totalSpent", Op.IS_NOT, 1500.5),
    ]

    (warning,) = find_warnings([group], FIELD_TYPES)

    assert "total spent >= 1,500.5, total spent <= 1,500.5 and total spent is not 1,500.5 " in (
        warning.en
    )
    assert "cannot all hold" in warning.en
    assert "is not 7" not in warning.en
    assert "tổng chi tiêu >= 1.500,5, tổng chi tiêu <= 1.500,5 và tổng chi tiêu khác 1.500,5 " in (
        warning.vi
    )


def test_message_writes_dates_per_language() -> None:
    group = [day("birthday", Op.AFTER, "2024-03-01"), day("birthday", Op.BEFORE, "2024-03-02")]

    (warning,) = find_warnings([group], FIELD_TYPES)

    assert "birthday is after 2024-03-01 and birthday is before 2024-03-02" in warning.en
    assert "ngày sinh sau ngày 01/03/2024 và ngày sinh trước ngày 02/03/2024" in warning.vi


def test_message_uses_given_labels_and_segment_names() -> None:
    group = [segment(Op.IN_SEGMENT, "s1"), segment(Op.NOT_IN_SEGMENT, "s1")]
    labels = {"custom.level": FieldLabel("VIP level", "Hạng VIP")}
    level = [text("custom.level", Op.IS, "Gold"), text("custom.level", Op.IS, "Silver")]

    segments, levels = find_warnings(
        [group, level], FIELD_TYPES, labels=labels, segment_names={"s1": "Khách VIP"}
    )

    assert 'the customer is in segment "Khách VIP"' in segments.en
    assert 'khách hàng không thuộc phân khúc "Khách VIP"' in segments.vi
    assert 'VIP level is "Gold" and VIP level is "Silver"' in levels.en
    assert 'Hạng VIP là "Gold" và Hạng VIP là "Silver"' in levels.vi


def test_field_labels_name_catalog_fields() -> None:
    labels = field_labels(field_catalog(CUSTOM_FIELDS))
    level = [text("custom.level", Op.IS, "Gold"), text("custom.level", Op.IS, "Silver")]
    orders = [number("orderCount", Op.IS, 1), number("orderCount", Op.IS, 2)]

    levels, order_counts = find_warnings([level, orders], FIELD_TYPES, labels=labels)

    assert labels["city"] == FieldLabel("city", "tỉnh/thành phố")
    assert labels["custom.level"] == FieldLabel("Level", "Hạng")
    assert 'Level is "Gold" and Level is "Silver"' in levels.en
    assert 'Hạng là "Gold" và Hạng là "Silver"' in levels.vi
    assert "order count is 1 and order count is 2" in order_counts.en
    assert "số đơn hàng bằng 1 và số đơn hàng bằng 2" in order_counts.vi


def test_custom_field_without_label_is_named_by_key() -> None:
    level = [text("custom.level", Op.IS, "Gold"), text("custom.level", Op.IS, "Silver")]

    (warning,) = find_warnings([level], FIELD_TYPES)

    assert 'level is "Gold" and level is "Silver"' in warning.en


def test_message_writes_list_values_in_brackets() -> None:
    group = [
        texts("city", Op.IS_ANY_OF, "Huế", "Đà Nẵng"),
        texts("city", Op.IS_NONE_OF, "hue", "da nang"),
    ]

    (warning,) = find_warnings([group], FIELD_TYPES)

    assert 'city is one of ["Huế", "Đà Nẵng"] and city is none of ["hue", "da nang"]' in (
        warning.en
    )
    assert 'tỉnh/thành phố là một trong ["Huế", "Đà Nẵng"]' in warning.vi


def test_message_for_one_impossible_condition() -> None:
    (warning,) = find_warnings([[number_range("totalSpent", 10, 1)]], FIELD_TYPES)

    assert warning.en.startswith(
        "Group 1 can never match: total spent is between 10 and 1 can never hold."
    )
    assert warning.vi.startswith(
        "Nhóm 1 không bao giờ khớp: điều kiện tổng chi tiêu từ 10 đến 1 không bao giờ đúng."
    )


def test_message_names_lunar_months() -> None:
    group = [month("birthday", 1, Calendar.LUNAR), month("birthday", 12, Calendar.LUNAR)]

    (warning,) = find_warnings([group], FIELD_TYPES)

    assert "birthday is in lunar month 1 of any year" in warning.en
    assert "ngày sinh thuộc tháng 12 âm lịch của bất kỳ năm nào" in warning.vi


def test_one_warning_per_group_with_several_conflicts() -> None:
    group = [
        number("orderCount", Op.GREATER_THAN, 10),
        number("orderCount", Op.LESS_THAN, 5),
        bare("emailVerified", Op.IS_TRUE),
        bare("emailVerified", Op.IS_FALSE),
    ]

    warnings = find_warnings([group], FIELD_TYPES)

    assert len(warnings) == 1
    assert "order count" in warnings[0].en
