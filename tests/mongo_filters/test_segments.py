"""IN_SEGMENT inlines the referenced rule; NOT_IN_SEGMENT negates it."""

from __future__ import annotations

import pytest

from mongo_filters import compile_segment
from mongo_filters.conditions import Condition, ConditionValue, Operator, Rule
from mongo_filters.errors import SegmentDepthError, SegmentNotFoundError
from mongo_filters.scope import MAX_SEGMENT_DEPTH
from tests.mongo_filters.samples import compile_one, make_context

Op = Operator
VIP_FRAGMENT = {"$or": [{"$and": [{"norm.tags": {"$in": ["vip"]}}]}]}


def in_segment(segment_id: str, operator: Operator = Op.IN_SEGMENT) -> Condition:
    return Condition("segment", operator, ConditionValue(segment_id=segment_id))


def chain(length: int) -> dict[str, Rule]:
    """Return segments s1..s<length> where each uses the next and the last uses tags."""
    segments: dict[str, Rule] = {}
    for index in range(1, length):
        segments[f"s{index}"] = [[in_segment(f"s{index + 1}")]]
    segments[f"s{length}"] = [[Condition("tags", Op.IS_NOT_EMPTY)]]
    return segments


def test_in_segment_inlines_rule() -> None:
    assert compile_one(in_segment("s-vip")) == VIP_FRAGMENT


def test_not_in_segment_negates_rule() -> None:
    assert compile_one(in_segment("s-vip", Op.NOT_IN_SEGMENT)) == {"$nor": [VIP_FRAGMENT]}


def test_inlined_rule_has_no_workspace_id() -> None:
    compiled = compile_segment([[in_segment("s-vip")]], make_context())

    assert compiled == {"workspaceId": "w1", "$or": [{"$and": [VIP_FRAGMENT]}]}


def test_nesting_up_to_limit_compiles() -> None:
    context = make_context(segments=chain(MAX_SEGMENT_DEPTH))

    compiled = compile_segment([[in_segment("s1")]], context)

    assert "tags" in repr(compiled)


def test_nesting_past_limit_raises() -> None:
    context = make_context(segments=chain(MAX_SEGMENT_DEPTH + 1))

    with pytest.raises(SegmentDepthError) as raised:
        compile_segment([[in_segment("s1")]], context)

    assert raised.value.segment_id == f"s{MAX_SEGMENT_DEPTH + 1}"
    assert raised.value.limit == MAX_SEGMENT_DEPTH


def test_cycle_raises_depth_error() -> None:
    context = make_context(segments={"a": [[in_segment("b")]], "b": [[in_segment("a")]]})

    with pytest.raises(SegmentDepthError):
        compile_segment([[in_segment("a")]], context)


def test_missing_segment_raises() -> None:
    with pytest.raises(SegmentNotFoundError) as raised:
        compile_one(in_segment("gone"))

    assert raised.value.segment_id == "gone"
    assert "gone" in str(raised.value)
