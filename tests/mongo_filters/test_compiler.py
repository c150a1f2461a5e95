"""The compiler entry point: rule shape, workspace scoping, errors and logging."""

from __future__ import annotations

import logging

import pytest

from mongo_filters import compile_segment
from mongo_filters.conditions import Condition, ConditionValue, Operator
from mongo_filters.errors import InvalidValueError, OperatorNotAllowedError, UnknownFieldError
from tests.mongo_filters.samples import WORKSPACE_ID, make_context

Op = Operator
VIP = Condition("tags", Op.HAS_ANY_OF, ConditionValue(texts=("vip",)))
HUE = Condition("city", Op.IS, ConditionValue(text="Huế"))
VERIFIED = Condition("emailVerified", Op.IS_TRUE)


def test_groups_compile_to_or_of_and() -> None:
    compiled = compile_segment([[VIP, HUE], [VERIFIED]], make_context())

    assert compiled == {
        "workspaceId": WORKSPACE_ID,
        "$or": [
            {"$and": [{"norm.tags": {"$in": ["vip"]}}, {"norm.city": "hue"}]},
            {"$and": [{"emailVerified": True}]},
        ],
    }


def test_workspace_id_is_first_key() -> None:
    compiled = compile_segment([[VIP]], make_context())

    assert next(iter(compiled)) == "workspaceId"


def test_empty_rule_matches_nothing() -> None:
    compiled = compile_segment([], make_context())

    assert compiled == {"workspaceId": WORKSPACE_ID, "_id": {"$in": []}}


def test_empty_group_matches_everyone_in_workspace() -> None:
    compiled = compile_segment([[]], make_context())

    assert compiled == {"workspaceId": WORKSPACE_ID, "$or": [{}]}


def test_unknown_field_raises() -> None:
    with pytest.raises(UnknownFieldError) as raised:
        compile_segment([[Condition("custom.missing", Op.IS_EMPTY)]], make_context())

    assert raised.value.field == "custom.missing"


def test_operator_not_allowed_raises() -> None:
    # SELECT shares the text functions but does not allow CONTAINS.
    condition = Condition("gender", Op.CONTAINS, ConditionValue(text="MALE"))

    with pytest.raises(OperatorNotAllowedError) as raised:
        compile_segment([[condition]], make_context())

    assert raised.value.field == "gender"
    assert raised.value.operator is Op.CONTAINS


def test_wrong_value_member_raises() -> None:
    condition = Condition("orderCount", Op.IS, ConditionValue(text="3"))

    with pytest.raises(InvalidValueError) as raised:
        compile_segment([[condition]], make_context())

    assert raised.value.expected.value == "NUMBER"


def test_compiled_filter_logged_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="mongo_filters.compiler"):
        compile_segment([[VIP]], make_context())

    assert [record.levelno for record in caplog.records] == [logging.DEBUG]
    assert "norm.tags" in caplog.records[0].getMessage()


def test_compiling_twice_gives_same_filter() -> None:
    context = make_context()

    assert compile_segment([[VIP, HUE]], context) == compile_segment([[VIP, HUE]], context)
