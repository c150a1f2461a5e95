"""The field catalog lists every field with its type, labels, operators and paths."""

from __future__ import annotations

import pytest

from mongo_filters import FieldSpec, field_catalog, find_field
from mongo_filters.conditions import CustomFieldDefinition, FieldType, Operator, ValueKind
from tests.mongo_filters.samples import CUSTOM_FIELDS

Op = Operator
T = FieldType

# The product's operator table, written out independently of the code.
PRODUCT_OPERATORS: dict[FieldType, set[str]] = {
    T.TEXT: {
        "IS",
        "IS_NOT",
        "CONTAINS",
        "NOT_CONTAINS",
        "STARTS_WITH",
        "ENDS_WITH",
        "IS_ANY_OF",
        "IS_NONE_OF",
        "IS_EMPTY",
        "IS_NOT_EMPTY",
    },
    T.NUMBER: {
        "IS",
        "IS_NOT",
        "GREATER_THAN",
        "GREATER_THAN_OR_EQUAL",
        "LESS_THAN",
        "LESS_THAN_OR_EQUAL",
        "BETWEEN",
        "IS_EMPTY",
        "IS_NOT_EMPTY",
    },
    T.DATE: {
        "ON",
        "BEFORE",
        "AFTER",
        "BETWEEN",
        "IN_LAST",
        "MORE_THAN_AGO",
        "IN_NEXT",
        "ANNIVERSARY_IS_TODAY",
        "ANNIVERSARY_IN_NEXT",
        "ANNIVERSARY_IN_MONTH",
        "IS_EMPTY",
        "IS_NOT_EMPTY",
    },
    T.BOOLEAN: {"IS_TRUE", "IS_FALSE"},
    T.SELECT: {"IS", "IS_NOT", "IS_ANY_OF", "IS_NONE_OF", "IS_EMPTY", "IS_NOT_EMPTY"},
    T.TAGS: {"HAS_ANY_OF", "HAS_ALL_OF", "HAS_NONE_OF", "IS_EMPTY", "IS_NOT_EMPTY"},
    T.SEGMENT: {"IN_SEGMENT", "NOT_IN_SEGMENT"},
}
PRODUCT_OPERATORS[T.DATETIME] = PRODUCT_OPERATORS[T.DATE]
PRODUCT_OPERATORS[T.MULTI_SELECT] = PRODUCT_OPERATORS[T.TAGS]

STANDARD_TYPES = {
    "fullName": T.TEXT,
    "email": T.TEXT,
    "emailVerified": T.BOOLEAN,
    "emailComplainedAt": T.DATETIME,
    "phone": T.TEXT,
    "gender": T.SELECT,
    "birthday": T.DATE,
    "city": T.TEXT,
    "address": T.TEXT,
    "source": T.TEXT,
    "tags": T.TAGS,
    "createdAt": T.DATETIME,
    "lastOrderAt": T.DATETIME,
    "orderCount": T.NUMBER,
    "totalSpent": T.NUMBER,
    "zaloInteractedAt": T.DATETIME,
    "facebookInteractedAt": T.DATETIME,
    "segment": T.SEGMENT,
}


def test_catalog_lists_standard_fields_with_types() -> None:
    types = {spec.key: spec.type for spec in field_catalog()}

    assert types == STANDARD_TYPES


@pytest.mark.parametrize("spec", field_catalog(CUSTOM_FIELDS), ids=lambda spec: spec.key)
def test_field_allows_product_operators(spec: FieldSpec) -> None:
    assert {operator.value for operator in spec.operators} == PRODUCT_OPERATORS[spec.type]


def test_every_operator_appears_in_catalog() -> None:
    listed = {operator for spec in field_catalog(CUSTOM_FIELDS) for operator in spec.operators}

    assert listed == set(Operator)


def test_standard_labels_are_vietnamese_and_english() -> None:
    labels = {spec.key: (spec.label_en, spec.label_vi) for spec in field_catalog()}

    assert labels["fullName"] == ("Full name", "Họ và tên")
    assert labels["phone"] == ("Phone number", "Số điện thoại")
    assert labels["birthday"] == ("Birthday", "Ngày sinh")
    assert all(english and vietnamese for english, vietnamese in labels.values())


def test_gender_lists_its_options() -> None:
    gender = find_field("gender")

    assert gender is not None
    assert gender.options == ("MALE", "FEMALE", "OTHER")


@pytest.mark.parametrize(
    ("field", "operator", "kind"),
    [
        ("birthday", Op.ANNIVERSARY_IN_NEXT, ValueKind.PERIOD),
        ("birthday", Op.ANNIVERSARY_IN_MONTH, ValueKind.MONTH),
        ("birthday", Op.ANNIVERSARY_IS_TODAY, ValueKind.NONE),
        ("birthday", Op.BETWEEN, ValueKind.DATE_RANGE),
        ("createdAt", Op.ON, ValueKind.DATE),
        ("createdAt", Op.IN_LAST, ValueKind.PERIOD),
        ("createdAt", Op.MORE_THAN_AGO, ValueKind.PERIOD),
        ("createdAt", Op.IN_NEXT, ValueKind.PERIOD),
        ("orderCount", Op.BETWEEN, ValueKind.NUMBER_RANGE),
        ("orderCount", Op.IS, ValueKind.NUMBER),
        ("fullName", Op.IS, ValueKind.TEXT),
        ("city", Op.IS_ANY_OF, ValueKind.TEXTS),
        ("tags", Op.HAS_ALL_OF, ValueKind.TEXTS),
        ("gender", Op.IS_NONE_OF, ValueKind.TEXTS),
        ("emailVerified", Op.IS_FALSE, ValueKind.NONE),
        ("phone", Op.IS_NOT_EMPTY, ValueKind.NONE),
        ("segment", Op.IN_SEGMENT, ValueKind.SEGMENT_ID),
    ],
)
def test_operator_takes_value_kind(field: str, operator: Operator, kind: ValueKind) -> None:
    spec = find_field(field)

    assert spec is not None
    assert spec.value_kind(operator) is kind


def test_calendar_applies_to_date_anniversaries_only() -> None:
    takes = {
        (spec.key, operator)
        for spec in field_catalog(CUSTOM_FIELDS)
        for operator in spec.operators
        if spec.takes_calendar(operator)
    }
    date_fields = [
        spec.key for spec in field_catalog(CUSTOM_FIELDS) if spec.type in (T.DATE, T.DATETIME)
    ]
    anniversaries = (Op.ANNIVERSARY_IS_TODAY, Op.ANNIVERSARY_IN_NEXT, Op.ANNIVERSARY_IN_MONTH)

    assert takes == {(key, operator) for key in date_fields for operator in anniversaries}


@pytest.mark.parametrize(
    ("field", "path", "norm_path"),
    [
        ("fullName", "fullName", "norm.fullName"),
        ("email", "email", "norm.email"),
        ("phone", "phone", "norm.phoneDigits"),
        ("gender", "gender", "norm.gender"),
        ("tags", "tags", "norm.tags"),
        ("orderCount", "orderCount", ""),
        ("custom.nickname", "custom.nickname", "norm.custom.nickname"),
        ("custom.tier", "custom.tier", "norm.custom.tier"),
        ("custom.interests", "custom.interests", "norm.custom.interests"),
        ("custom.points", "custom.points", ""),
    ],
)
def test_field_paths_follow_stored_layout(field: str, path: str, norm_path: str) -> None:
    spec = find_field(field, CUSTOM_FIELDS)

    assert spec is not None
    assert spec.path == path
    assert spec.norm_path == norm_path


def test_anniversary_paths_replace_dots() -> None:
    spec = find_field("custom.anniversary", CUSTOM_FIELDS)

    assert spec is not None
    assert spec.month_day_path == "monthDay.custom_anniversary"
    assert spec.lunar_month_day_path == "lunarMonthDay.custom_anniversary"


def test_custom_field_carries_definition() -> None:
    spec = find_field("custom.tier", CUSTOM_FIELDS)

    assert spec is not None
    assert spec.type is T.SELECT
    assert spec.options == ("Vàng", "Bạc", "Đồng")
    assert (spec.label_en, spec.label_vi) == ("Tier", "Hạng")
    assert spec.is_custom


def test_custom_fields_listed_between_standard_and_segment() -> None:
    keys = [spec.key for spec in field_catalog(CUSTOM_FIELDS)]

    assert keys[-1] == "segment"
    assert keys[len(STANDARD_TYPES) - 1 : -1] == [f"custom.{key}" for key in CUSTOM_FIELDS]


def test_custom_fields_accepted_as_sequence() -> None:
    definition = CustomFieldDefinition("shoe_size", "Shoe size", "Cỡ giày", T.NUMBER)

    spec = find_field("custom.shoe_size", [definition])

    assert spec is not None
    assert spec.type is T.NUMBER


def test_unknown_fields_not_found() -> None:
    assert find_field("nickname", CUSTOM_FIELDS) is None
    assert find_field("custom.unknown", CUSTOM_FIELDS) is None
    assert find_field("custom.fullName", CUSTOM_FIELDS) is None
