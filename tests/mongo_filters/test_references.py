"""Segment references, cycles, nesting depth and custom fields used by a rule."""

from __future__ import annotations

from mongo_filters.conditions import Condition, ConditionValue, Operator, Rule
from mongo_filters.references import (
    RuleLookup,
    find_cycle,
    nesting_depth,
    referenced_segment_ids,
    used_custom_field_keys,
)
from mongo_filters.scope import MAX_SEGMENT_DEPTH

Op = Operator
PLAIN: Rule = [[Condition("tags", Op.IS_NOT_EMPTY)]]


def uses(*segment_ids: str, operator: Operator = Op.IN_SEGMENT) -> Rule:
    return [[Condition("segment", operator, ConditionValue(segment_id=sid)) for sid in segment_ids]]


def lookup_in(segments: dict[str, Rule]) -> RuleLookup:
    return segments.get


def test_referenced_ids_in_first_use_order() -> None:
    rule = [*uses("b", "a"), *uses("b", "c", operator=Op.NOT_IN_SEGMENT), *PLAIN]

    assert referenced_segment_ids(rule) == ["b", "a", "c"]


def test_rule_without_segments_references_nothing() -> None:
    assert referenced_segment_ids(PLAIN) == []


def test_used_custom_field_keys_sorted_without_prefix() -> None:
    rule: Rule = [
        [Condition("custom.tier", Op.IS_EMPTY), Condition("fullName", Op.IS_EMPTY)],
        [Condition("custom.points", Op.IS_EMPTY), Condition("custom.tier", Op.IS_NOT_EMPTY)],
    ]

    assert used_custom_field_keys(rule) == ["points", "tier"]


def test_self_reference_is_cycle() -> None:
    assert find_cycle("a", uses("a"), lookup_in({})) == ["a", "a"]


def test_indirect_cycle_names_chain() -> None:
    segments = {"b": uses("c"), "c": uses("a")}

    assert find_cycle("a", uses("b"), lookup_in(segments)) == ["a", "b", "c", "a"]


def test_cycle_through_not_in_segment_found() -> None:
    segments = {"b": uses("a", operator=Op.NOT_IN_SEGMENT)}

    assert find_cycle("a", uses("b"), lookup_in(segments)) == ["a", "b", "a"]


def test_shared_reference_is_not_cycle() -> None:
    segments = {"b": uses("d"), "c": uses("d"), "d": PLAIN}

    assert find_cycle("a", uses("b", "c"), lookup_in(segments)) is None


def test_cycle_elsewhere_does_not_hang() -> None:
    # b and c reference each other, but not a.
    segments = {"b": uses("c"), "c": uses("b")}

    assert find_cycle("a", uses("b"), lookup_in(segments)) is None


def test_missing_segment_ends_walk() -> None:
    assert find_cycle("a", uses("gone"), lookup_in({})) is None


def test_depth_of_plain_rule_is_zero() -> None:
    assert nesting_depth(PLAIN, lookup_in({})) == 0


def test_depth_counts_longest_chain() -> None:
    segments = {"b": uses("c"), "c": PLAIN, "d": PLAIN}

    assert nesting_depth(uses("b", "d"), lookup_in(segments)) == 2


def test_depth_stops_past_limit() -> None:
    segments = {f"s{index}": uses(f"s{index + 1}") for index in range(1, 10)}

    assert nesting_depth(uses("s1"), lookup_in(segments)) == MAX_SEGMENT_DEPTH + 1


def test_depth_of_cycle_exceeds_limit() -> None:
    segments = {"b": uses("c"), "c": uses("b")}

    assert nesting_depth(uses("b"), lookup_in(segments), limit=3) == 4


def test_missing_segment_counts_one_level() -> None:
    assert nesting_depth(uses("gone"), lookup_in({})) == 1
