"""`condition_filters` against the compiler, and the warnings against real engines.

Customers are built with the service's document builder and stored in the
embedded engines, so a fragment is checked on the documents it will meet.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from models.customer_document import build_customer_document
from mongo_filters import CompileError, compile_segment
from mongo_filters.analysis import condition_filters, find_warnings
from mongo_filters.conditions import (
    CompileContext,
    Condition,
    ConditionValue,
    Operator,
    Rule,
)
from tests.mongo_filters.engines import ENGINES, Document
from tests.mongo_filters.samples import make_context, sample_conditions
from tests.mongo_filters.test_analysis import CONTRADICTIONS, CUSTOM_FIELDS, FIELD_TYPES

Op = Operator
WORKSPACE_ID = "w1"
NOW = dt.datetime(2026, 3, 20, 3, 0, tzinfo=dt.UTC)
CONTEXT = CompileContext(
    workspace_id=WORKSPACE_ID,
    now=NOW,
    zone=make_context().zone,
    custom_fields={definition.key: definition for definition in CUSTOM_FIELDS},
    segments={
        "s1": [[Condition("tags", Op.HAS_ANY_OF, ConditionValue(texts=("vip",)))]],
    },
)


def customer(customer_id: str, **values: Any) -> Document:
    document, problems = build_customer_document(
        values, custom_fields=CONTEXT.custom_fields, zone=CONTEXT.zone
    )
    assert problems == []
    return {"_id": customer_id, "workspaceId": WORKSPACE_ID, **document}


CUSTOMERS: list[Document] = [
    customer(
        "dao",
        fullName="Nguyễn Thị Đào",
        email="dao@example.vn",
        emailVerified=True,
        phone="0912 345 678",
        gender="FEMALE",
        birthday=dt.date(1990, 3, 2),
        city="Hà Nội",
        source="Facebook",
        tags=["VIP", "gold"],
        createdAt=dt.datetime(2024, 1, 15, 2, 0, tzinfo=dt.UTC),
        lastOrderAt=NOW - dt.timedelta(days=20),
        orderCount=12,
        totalSpent=1500.5,
        customFields={"level": "Gold", "interests": ["Golf"]},
    ),
    customer(
        "binh",
        fullName="Trần Văn Bình",
        phone="+84 987 654 321",
        gender="MALE",
        birthday=dt.date(1991, 1, 1),
        city="Huế",
        source="Zalo",
        tags=["khách lẻ"],
        createdAt=dt.datetime(2024, 3, 1, 18, 0, tzinfo=dt.UTC),
        lastOrderAt=NOW - dt.timedelta(days=45),
        orderCount=3,
        totalSpent=5,
        customFields={"level": "Silver", "interests": ["Tennis"]},
    ),
    customer("bare"),
]

# Group 1: VIP customers in Hà Nội. Group 2: fewer than 5 orders and a verified email.
RULE: Rule = [
    [
        Condition("tags", Op.HAS_ANY_OF, ConditionValue(texts=("vip",))),
        Condition("city", Op.IS, ConditionValue(text="ha noi")),
        Condition("segment", Op.IN_SEGMENT, ConditionValue(segment_id="s1")),
    ],
    [
        Condition("orderCount", Op.LESS_THAN, ConditionValue(number=5)),
        Condition("emailVerified", Op.IS_TRUE),
    ],
]


def test_condition_filters_rebuild_compiled_segment() -> None:
    filters = condition_filters(RULE, CONTEXT)

    assert [len(group) for group in filters] == [3, 2]
    assert compile_segment(RULE, CONTEXT) == {
        "workspaceId": WORKSPACE_ID,
        "$or": [{"$and": group} for group in filters],
    }


def test_condition_filters_cover_every_operator() -> None:
    context = make_context()
    rule = [[sample] for sample in sample_conditions()]

    filters = condition_filters(rule, context)

    assert compile_segment(rule, context) == {
        "workspaceId": context.workspace_id,
        "$or": [{"$and": group} for group in filters],
    }


def test_condition_filters_reject_unknown_field() -> None:
    rule = [[Condition("shoeSize", Op.IS_NOT_EMPTY)]]

    with pytest.raises(CompileError):
        condition_filters(rule, CONTEXT)


@pytest.mark.parametrize("engine", ENGINES)
async def test_condition_filters_explain_one_customer(engine: str) -> None:
    find = await ENGINES[engine](CUSTOMERS)
    filters = condition_filters(RULE, CONTEXT)

    met: dict[str, list[list[bool]]] = {}
    for document in CUSTOMERS:
        scoped = {"workspaceId": WORKSPACE_ID, "_id": document["_id"]}
        met[document["_id"]] = [
            [await find({"$and": [scoped, fragment]}) == {document["_id"]} for fragment in group]
            for group in filters
        ]

    assert met["dao"] == [[True, True, True], [False, True]]
    assert met["binh"] == [[False, False, False], [True, False]]
    assert met["bare"] == [[False, False, False], [False, False]]


@pytest.mark.parametrize("engine", ENGINES)
async def test_group_matches_when_every_condition_does(engine: str) -> None:
    find = await ENGINES[engine](CUSTOMERS)
    filters = condition_filters(RULE, CONTEXT)

    for index, group in enumerate(filters):
        members = await find(compile_segment([RULE[index]], CONTEXT))
        meeting_all = set.intersection(
            *[await find({"workspaceId": WORKSPACE_ID, **fragment}) for fragment in group]
        )
        assert members == meeting_all


@pytest.mark.parametrize("engine", ENGINES)
async def test_reported_contradictions_match_no_customer(engine: str) -> None:
    find = await ENGINES[engine](CUSTOMERS)
    conditions_met = 0

    for name, conditions in CONTRADICTIONS.items():
        assert find_warnings([conditions], FIELD_TYPES), name
        assert await find(compile_segment([conditions], CONTEXT)) == set(), name
        for condition in conditions:
            conditions_met += bool(await find(compile_segment([[condition]], CONTEXT)))

    # The customers meet most single conditions, so the empty results
    # above come from the combinations, not from a customer set that
    # matches nothing.
    total = sum(len(conditions) for conditions in CONTRADICTIONS.values())
    assert conditions_met > total // 2
