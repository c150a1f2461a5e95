from __future__ import annotations

import datetime as dt
import math
import unicodedata
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from models.customer_document import build_customer_document, build_customer_update
from models.problems import Problem
from mongo_filters.conditions import CustomFieldDefinition, FieldType

UTC = dt.UTC
SAIGON = ZoneInfo("Asia/Ho_Chi_Minh")
CUSTOM_FIELDS = {
    "score": CustomFieldDefinition("score", "Score", "Điểm", FieldType.NUMBER),
    "tier": CustomFieldDefinition("tier", "Tier", "Hạng", FieldType.SELECT, ("Vàng", "Bạc")),
    "since": CustomFieldDefinition("since", "Member since", "Thành viên từ", FieldType.DATE),
}


def build(values: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    return build_customer_document(values, custom_fields=CUSTOM_FIELDS, zone=SAIGON)


def document(values: dict[str, Any]) -> dict[str, Any]:
    built, problems = build(values)
    assert problems == []
    return built


def only_problem(values: dict[str, Any]) -> Problem:
    _, problems = build(values)
    assert len(problems) == 1, problems
    return problems[0]


def test_full_customer_document() -> None:
    built = document(
        {
            "fullName": unicodedata.normalize("NFD", "  Nguyễn  Thị Đào "),
            "email": " Dao.Nguyen@Example.COM ",
            "emailVerified": True,
            "phone": "0912 345 678",
            "gender": "Nữ",
            "birthday": dt.date(1985, 1, 21),
            "city": "Hà Nội",
            "tags": ["VIP", " vip ", "Khách mới"],
            "createdAt": dt.datetime(2026, 2, 17, 0, 30),
            "orderCount": 3,
            "totalSpent": 1500000,
            "customFields": {"score": 7.5, "tier": "vang", "since": "2000-02-29"},
        }
    )

    assert built == {
        "fullName": "Nguyễn Thị Đào",
        "email": "dao.nguyen@example.com",
        "emailVerified": True,
        "phone": "+84912345678",
        "phoneValid": True,
        "gender": "FEMALE",
        "birthday": dt.datetime(1985, 1, 21, tzinfo=UTC),
        "city": "Hà Nội",
        "tags": ["VIP", "Khách mới"],
        "createdAt": dt.datetime(2026, 2, 16, 17, 30, tzinfo=UTC),
        "orderCount": 3,
        "totalSpent": 1500000.0,
        "custom": {
            "score": 7.5,
            "tier": "Vàng",
            "since": dt.datetime(2000, 2, 29, tzinfo=UTC),
        },
        "norm": {
            "fullName": "nguyen thi dao",
            "email": "dao.nguyen@example.com",
            "phoneDigits": "84912345678",
            "gender": "female",
            "city": "ha noi",
            "tags": ["vip", "khách mới"],
            "custom": {"tier": "vang"},
        },
        "monthDay": {"birthday": 121, "createdAt": 217, "custom_since": 229},
        "lunarMonthDay": {"birthday": 101, "createdAt": 101, "custom_since": 125},
    }


def test_blank_and_empty_values_are_left_out() -> None:
    built = document(
        {
            "fullName": "   ",
            "email": "",
            "phone": None,
            "tags": ["", "  "],
            "birthday": None,
            "customFields": {"score": None, "tier": ""},
        }
    )

    assert built == {}


def test_invalid_phone_is_kept_and_flagged() -> None:
    built, problems = build({"phone": " 846-790-4623x4715 ", "fullName": "Andrew"})

    assert problems == []
    assert built["phone"] == "846-790-4623x4715"
    assert built["phoneValid"] is False
    assert built["norm"]["phoneDigits"] == "84679046234715"
    assert built["fullName"] == "Andrew"


@pytest.mark.parametrize(
    ("spelling", "gender"),
    [
        ("male", "MALE"),
        ("Nam", "MALE"),
        ("NỮ", "FEMALE"),
        ("nu", "FEMALE"),
        (unicodedata.normalize("NFD", "Nữ"), "FEMALE"),
        ("female", "FEMALE"),
        ("khác", "OTHER"),
        ("Khac", "OTHER"),
        ("OTHER", "OTHER"),
    ],
)
def test_gender_spellings(spelling: str, gender: str) -> None:
    assert document({"gender": spelling})["gender"] == gender


def test_unknown_gender_is_rejected() -> None:
    found = only_problem({"gender": "robot"})

    assert found.field == "gender"
    assert found.code == "INVALID_VALUE"
    assert "'robot'" in found.en


@pytest.mark.parametrize("email", ["no-at-sign", "@example.com", "name@", "a b@example.com"])
def test_email_without_a_valid_shape_is_rejected(email: str) -> None:
    found = only_problem({"email": email})

    assert found.field == "email"
    assert found.code == "INVALID_VALUE"


def test_text_over_1000_characters_is_rejected() -> None:
    assert document({"address": "x" * 1000})["address"] == "x" * 1000
    assert only_problem({"address": "x" * 1001}).code == "LIMIT_EXCEEDED"


def test_lone_surrogate_is_rejected() -> None:
    found = only_problem({"fullName": "Lan\udc80"})

    assert found.code == "INVALID_VALUE"
    assert "surrogate" in found.en


def test_tag_limits() -> None:
    assert len(document({"tags": [f"t{i}" for i in range(100)]})["tags"]) == 100
    assert only_problem({"tags": [f"t{i}" for i in range(101)]}).code == "LIMIT_EXCEEDED"
    assert only_problem({"tags": ["x" * 101]}).field == "tags.0"
    assert document({"tags": ["x" * 100]})["tags"] == ["x" * 100]


def test_duplicate_tags_do_not_count_twice() -> None:
    tags = [f"T{i}" for i in range(100)] + [f"t{i}" for i in range(100)]

    assert len(document({"tags": tags})["tags"]) == 100


@pytest.mark.parametrize("key", ["$where", "$set", "a.b", "."])
def test_custom_keys_with_dollar_or_dot_are_rejected(key: str) -> None:
    found = only_problem({"customFields": {key: 1}})

    assert found.code == "INVALID_VALUE"
    assert found.field == f"customFields.{key}"
    assert repr(key) in found.en


def test_unknown_custom_field() -> None:
    found = only_problem({"customFields": {"nickname": "Bé"}})

    assert found.code == "UNKNOWN_FIELD"
    assert found.field == "customFields.nickname"
    assert "score, since, tier" in found.en


def test_unknown_standard_field() -> None:
    assert only_problem({"nickname": "Bé"}).code == "UNKNOWN_FIELD"


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_total_spent_rejects_nan_and_infinity(value: float) -> None:
    assert only_problem({"totalSpent": value}).field == "totalSpent"


def test_order_count_rejects_booleans_and_fractions() -> None:
    assert only_problem({"orderCount": True}).code == "INVALID_VALUE"
    assert only_problem({"orderCount": 2.5}).code == "INVALID_VALUE"
    assert document({"orderCount": 2.0})["orderCount"] == 2


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("birthday", dt.date(1899, 12, 31)),
        ("birthday", dt.date(2201, 1, 1)),
        ("createdAt", dt.datetime(1899, 12, 31, 12, tzinfo=UTC)),
        ("lastOrderAt", dt.datetime(2201, 1, 1, tzinfo=UTC)),
    ],
)
def test_dates_outside_supported_years_are_rejected(key: str, value: dt.date) -> None:
    found = only_problem({key: value})

    assert found.field == key
    assert "1900 to 2200" in found.en


def test_datetime_month_day_uses_the_workspace_zone() -> None:
    built = document({"lastOrderAt": dt.datetime(2026, 2, 16, 17, 0, tzinfo=UTC)})

    assert built["monthDay"] == {"lastOrderAt": 217}
    assert built["lunarMonthDay"] == {"lastOrderAt": 101}


def test_every_problem_is_reported_at_once() -> None:
    _, problems = build({"email": "x", "gender": "?", "customFields": {"score": "1", "$x": 1}})

    assert [problem.field for problem in problems] == [
        "email",
        "gender",
        "customFields.score",
        "customFields.$x",
    ]


def test_update_writes_shadows_too() -> None:
    update = build_customer_update(
        {
            "phone": "abc",
            "city": None,
            "birthday": dt.date(2026, 2, 17),
            "customFields": {"score": None},
        },
        custom_fields=CUSTOM_FIELDS,
        zone=SAIGON,
    )

    assert update.problems == []
    assert update.as_update() == {
        "$set": {
            "phone": "abc",
            "phoneValid": False,
            "birthday": dt.datetime(2026, 2, 17, tzinfo=UTC),
            "monthDay.birthday": 217,
            "lunarMonthDay.birthday": 101,
        },
        "$unset": {
            "norm.phoneDigits": "",
            "city": "",
            "norm.city": "",
            "custom.score": "",
            "norm.custom.score": "",
            "monthDay.custom_score": "",
            "lunarMonthDay.custom_score": "",
        },
    }


def test_update_leaves_absent_fields_alone() -> None:
    update = build_customer_update(
        {"customFields": {"tier": "Bạc"}}, custom_fields=CUSTOM_FIELDS, zone=SAIGON
    )

    assert update.as_update() == {"$set": {"custom.tier": "Bạc", "norm.custom.tier": "bac"}}


def test_update_with_nothing_is_empty() -> None:
    update = build_customer_update({}, custom_fields=CUSTOM_FIELDS, zone=SAIGON)

    assert update.as_update() == {}


def test_update_reports_problems() -> None:
    update = build_customer_update({"email": "x"}, custom_fields=CUSTOM_FIELDS, zone=SAIGON)

    assert [problem.code for problem in update.problems] == ["INVALID_VALUE"]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("createdAt", dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=14)))),
        ("createdAt", dt.datetime(1, 1, 1)),
        ("createdAt", dt.date(1, 1, 1)),
        ("lastOrderAt", dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-12)))),
        ("birthday", dt.datetime(1, 1, 1)),
        ("birthday", dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-12)))),
    ],
)
def test_dates_without_a_utc_instant_are_rejected(key: str, value: dt.date) -> None:
    found = only_problem({key: value})

    assert found.field == key
    assert found.code == "INVALID_VALUE"
