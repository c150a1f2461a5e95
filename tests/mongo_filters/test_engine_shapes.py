"""Compiled filters run on mongomock and montydb: the same customers must match on both.

Customers are built with the service's own document builder, so the
layout is the one the compiler targets. A few raw documents add the null,
blank and empty-list values that other writers may store.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from models.customer_document import build_customer_document
from mongo_filters import compile_segment
from mongo_filters.conditions import (
    Calendar,
    Condition,
    ConditionValue,
    NumberRange,
    Operator,
    Period,
    PeriodUnit,
    Rule,
)
from tests.mongo_filters.engines import ENGINES, Document
from tests.mongo_filters.samples import (
    CUSTOM_FIELDS,
    WORKSPACE_ID,
    ZONE,
    make_context,
    sample_conditions,
)

Op = Operator


def customer(customer_id: str, **values: Any) -> Document:
    document, problems = build_customer_document(values, custom_fields=CUSTOM_FIELDS, zone=ZONE)
    assert problems == []
    return {"_id": customer_id, "workspaceId": WORKSPACE_ID, **document}


def raw(customer_id: str, **fields: Any) -> Document:
    return {"_id": customer_id, "workspaceId": WORKSPACE_ID, **fields}


CUSTOMERS: list[Document] = [
    customer(
        "dao",
        fullName="Nguyễn Thị Đào",
        email="Dao.Nguyen@Gmail.com",
        emailVerified=True,
        phone="0912 345 678",
        gender="FEMALE",
        birthday=dt.date(1992, 2, 29),
        city="Hà Nội",
        tags=["VIP", "Sỉ"],
        createdAt=dt.datetime(2026, 3, 19, 20, 0, tzinfo=dt.UTC),
        orderCount=4,
        totalSpent=2_500_000.0,
        customFields={"tier": "Vàng", "interests": ["Trà"], "points": 12, "vip": True},
    ),
    customer(
        "binh",
        fullName="Trần Văn Bình",
        email="binh@example.vn",
        emailVerified=False,
        phone="+84 987 654 321",
        gender="MALE",
        birthday=dt.date(1985, 3, 21),
        city="Đà Nẵng",
        tags=["khách lẻ"],
        createdAt=dt.datetime(2025, 12, 1, tzinfo=dt.UTC),
        orderCount=0,
        customFields={"anniversary": "2015-03-20", "nickname": "Bình"},
    ),
    customer("lan", fullName="Lê Lan", phone="0912 034 567", tags=["vip"]),
    customer("invalid_phone", fullName="Số lạ", phone="12345"),
    customer("bare"),
    raw("nulls", fullName=None, email=None, phone=None, tags=None, orderCount=None),
    raw("blanks", fullName="", email="   ", phone="", tags=[], orderCount=""),
    raw("other_workspace", workspaceId="w2", fullName="Nguyễn Thị Đào"),
]
ALL_IDS = {document["_id"] for document in CUSTOMERS if document["workspaceId"] == WORKSPACE_ID}


def condition(field: str, operator: Operator, **value: Any) -> Condition:
    calendar = value.pop("calendar", Calendar.GREGORIAN)
    return Condition(field, operator, ConditionValue(**value), calendar)


CASES: list[tuple[str, Condition, set[str]]] = [
    ("text ignores diacritics", condition("fullName", Op.CONTAINS, text="nguyen thi"), {"dao"}),
    ("text starts with", condition("fullName", Op.STARTS_WITH, text="TRẦN"), {"binh"}),
    ("text escapes user text", condition("email", Op.CONTAINS, text=".vn"), {"binh"}),
    ("dot is not a wildcard", condition("email", Op.CONTAINS, text="binh.example"), set()),
    ("city is any of", condition("city", Op.IS_ANY_OF, texts=("ha noi", "Huế")), {"dao"}),
    (
        "is not matches empty",
        condition("fullName", Op.IS_NOT, text="Lê Lan"),
        ALL_IDS - {"lan"},
    ),
    (
        "not contains matches empty",
        condition("fullName", Op.NOT_CONTAINS, text="nguyen"),
        ALL_IDS - {"dao"},
    ),
    (
        "is none of matches empty",
        condition("city", Op.IS_NONE_OF, texts=("Hà Nội",)),
        ALL_IDS - {"dao"},
    ),
    ("is empty", condition("fullName", Op.IS_EMPTY), {"bare", "nulls", "blanks"}),
    (
        "is not empty",
        condition("fullName", Op.IS_NOT_EMPTY),
        {"dao", "binh", "lan", "invalid_phone"},
    ),
    ("blank email is empty", condition("email", Op.IS_EMPTY), ALL_IDS - {"dao", "binh"}),
    ("empty list is empty", condition("tags", Op.IS_EMPTY), ALL_IDS - {"dao", "binh", "lan"}),
    ("tags not empty", condition("tags", Op.IS_NOT_EMPTY), {"dao", "binh", "lan"}),
    ("tags ignore case", condition("tags", Op.HAS_ANY_OF, texts=(" vip ",)), {"dao", "lan"}),
    (
        "tags keep diacritics",
        condition("tags", Op.HAS_ANY_OF, texts=("khach le",)),
        set(),
    ),
    ("tags all of", condition("tags", Op.HAS_ALL_OF, texts=("VIP", "sỉ")), {"dao"}),
    (
        "tags none of matches empty",
        condition("tags", Op.HAS_NONE_OF, texts=("vip",)),
        ALL_IDS - {"dao", "lan"},
    ),
    ("phone is", condition("phone", Op.IS, text="+84912345678"), {"dao"}),
    ("phone national contains", condition("phone", Op.CONTAINS, text="0912"), {"dao", "lan"}),
    (
        "phone international contains",
        condition("phone", Op.CONTAINS, text="84912"),
        {"dao", "lan"},
    ),
    ("phone national inner zero", condition("phone", Op.CONTAINS, text="0345"), {"lan"}),
    ("phone ends with", condition("phone", Op.ENDS_WITH, text="654 321"), {"binh"}),
    (
        "phone starts with raw digits",
        condition("phone", Op.STARTS_WITH, text="123"),
        {"invalid_phone"},
    ),
    (
        "phone not contains matches empty",
        condition("phone", Op.NOT_CONTAINS, text="0912"),
        ALL_IDS - {"dao", "lan"},
    ),
    (
        "phone not empty",
        condition("phone", Op.IS_NOT_EMPTY),
        {"dao", "binh", "lan", "invalid_phone"},
    ),
    (
        "number compares",
        condition("orderCount", Op.GREATER_THAN_OR_EQUAL, number=0),
        {"dao", "binh"},
    ),
    (
        "number is not matches empty",
        condition("orderCount", Op.IS_NOT, number=0),
        ALL_IDS - {"binh"},
    ),
    ("number blank is empty", condition("orderCount", Op.IS_EMPTY), ALL_IDS - {"dao", "binh"}),
    ("boolean true", condition("emailVerified", Op.IS_TRUE), {"dao"}),
    ("boolean false matches empty", condition("emailVerified", Op.IS_FALSE), ALL_IDS - {"dao"}),
    # NOW is 10:00 on 20 March in Ho Chi Minh City; dao was created at 03:00 that day there.
    ("datetime on local day", condition("createdAt", Op.ON, date=dt.date(2026, 3, 20)), {"dao"}),
    (
        "datetime before local day",
        condition("createdAt", Op.BEFORE, date=dt.date(2026, 3, 20)),
        {"binh"},
    ),
    (
        "datetime in last days",
        condition("createdAt", Op.IN_LAST, period=Period(14, PeriodUnit.DAYS)),
        {"dao"},
    ),
    (
        "datetime more than ago never empty",
        condition("createdAt", Op.MORE_THAN_AGO, period=Period(1, PeriodUnit.MONTHS)),
        {"binh"},
    ),
    ("date on day", condition("birthday", Op.ON, date=dt.date(1985, 3, 21)), {"binh"}),
    ("date after day", condition("birthday", Op.AFTER, date=dt.date(1985, 3, 21)), {"dao"}),
    (
        "anniversary tomorrow",
        condition("birthday", Op.ANNIVERSARY_IN_NEXT, period=Period(1, PeriodUnit.DAYS)),
        {"binh"},
    ),
    ("anniversary in month", condition("birthday", Op.ANNIVERSARY_IN_MONTH, month=2), {"dao"}),
    (
        "custom date anniversary today",
        condition("custom.anniversary", Op.ANNIVERSARY_IS_TODAY),
        {"binh"},
    ),
    ("select ignores case", condition("custom.tier", Op.IS, text="vàng"), {"dao"}),
    ("multi select", condition("custom.interests", Op.HAS_ANY_OF, texts=("trà",)), {"dao"}),
    (
        "custom number",
        condition(
            "custom.points",
            Op.BETWEEN,
            number_range=NumberRange(10, 12),
        ),
        {"dao"},
    ),
    ("segment inlined", condition("segment", Op.IN_SEGMENT, segment_id="s-vip"), {"dao", "lan"}),
    (
        "not in segment matches empty",
        condition("segment", Op.NOT_IN_SEGMENT, segment_id="s-vip"),
        ALL_IDS - {"dao", "lan"},
    ),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("case", "rule_condition", "expected"), CASES, ids=[c[0] for c in CASES])
async def test_condition_matches_expected_customers(
    engine: str, case: str, rule_condition: Condition, expected: set[str]
) -> None:
    find = await ENGINES[engine](CUSTOMERS)
    compiled = compile_segment([[rule_condition]], make_context())

    assert await find(compiled) == expected


@pytest.mark.parametrize("engine", ENGINES)
async def test_empty_rule_matches_nothing(engine: str) -> None:
    find = await ENGINES[engine](CUSTOMERS)

    assert await find(compile_segment([], make_context())) == set()


@pytest.mark.parametrize("engine", ENGINES)
async def test_groups_are_or_conditions_are_and(engine: str) -> None:
    find = await ENGINES[engine](CUSTOMERS)
    rule = [
        [condition("tags", Op.HAS_ANY_OF, texts=("vip",)), condition("city", Op.IS_NOT_EMPTY)],
        [condition("gender", Op.IS, text="MALE")],
    ]

    assert await find(compile_segment(rule, make_context())) == {"dao", "binh"}


async def test_every_sample_condition_matches_alike_on_both_engines() -> None:
    finders = {name: await make(CUSTOMERS) for name, make in ENGINES.items()}
    context = make_context()
    for sample in sample_conditions():
        compiled = compile_segment([[sample]], context)
        results = {name: await find(compiled) for name, find in finders.items()}

        assert results["mongomock"] == results["montydb"], sample
        assert "other_workspace" not in results["mongomock"], sample


@pytest.mark.parametrize("engine", ENGINES)
async def test_unreadable_phone_has_no_national_form(engine: str) -> None:
    # "8412" is not a valid number, so its digits are not read as +84 12...
    documents = [customer("raw", phone="8412"), customer("valid", phone="0912 345 678")]
    find = await ENGINES[engine](documents)
    rule = [[condition("phone", Op.CONTAINS, text="012")]]

    assert await find(compile_segment(rule, make_context())) == set()
    assert await find(
        compile_segment([[condition("phone", Op.CONTAINS, text="0912")]], make_context())
    ) == {"valid"}


def not_empty(field: str) -> Condition:
    return condition(field, Op.IS_NOT_EMPTY)


# The six default segments of every workspace, as rules.
DEFAULT_SEGMENTS: dict[str, tuple[Rule, set[str]]] = {
    "new_subscribers": (
        [[condition("createdAt", Op.IN_LAST, period=Period(14, PeriodUnit.DAYS))]],
        {"dao"},
    ),
    "sms_subscribers": ([[not_empty("phone")]], {"dao", "binh", "lan", "invalid_phone"}),
    "email_subscribers": ([[not_empty("email"), condition("emailVerified", Op.IS_TRUE)]], {"dao"}),
    "zalo_subscribers": ([[not_empty("zaloInteractedAt")]], {"lan"}),
    "facebook_subscribers": ([[not_empty("facebookInteractedAt")]], {"binh"}),
    "email_complaint_subscribers": ([[not_empty("emailComplainedAt")]], {"binh"}),
}
INTERACTIONS: dict[str, dict[str, dt.datetime]] = {
    "lan": {"zaloInteractedAt": dt.datetime(2026, 3, 1, tzinfo=dt.UTC)},
    "binh": {
        "facebookInteractedAt": dt.datetime(2026, 2, 1, tzinfo=dt.UTC),
        "emailComplainedAt": dt.datetime(2026, 1, 5, tzinfo=dt.UTC),
    },
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("default_key", DEFAULT_SEGMENTS)
async def test_default_segment_matches_expected(engine: str, default_key: str) -> None:
    documents = [{**document, **INTERACTIONS.get(document["_id"], {})} for document in CUSTOMERS]
    find = await ENGINES[engine](documents)
    rule, expected = DEFAULT_SEGMENTS[default_key]

    assert await find(compile_segment(rule, make_context())) == expected
