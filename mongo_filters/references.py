"""References of a rule to other segments and to custom fields.

The segment store saves these lists with each segment (`references`,
`customFieldKeys`), so deleting a segment or a custom field can find its
dependents. Before saving, it calls `find_cycle` and `nesting_depth` to
reject a rule that references itself, directly or through others, or that
nests deeper than the compiler inlines.
"""

from __future__ import annotations

from collections.abc import Callable

from mongo_filters.catalog import CUSTOM_PREFIX
from mongo_filters.conditions import Operator, Rule
from mongo_filters.scope import MAX_SEGMENT_DEPTH

RuleLookup = Callable[[str], Rule | None]

_SEGMENT_OPERATORS = (Operator.IN_SEGMENT, Operator.NOT_IN_SEGMENT)


def referenced_segment_ids(rule: Rule) -> list[str]:
    """Return the ids that IN_SEGMENT and NOT_IN_SEGMENT conditions name, first use first."""
    ids: dict[str, None] = {}
    for group in rule:
        for condition in group:
            segment_id = condition.value.segment_id
            if condition.operator in _SEGMENT_OPERATORS and segment_id is not None:
                ids.setdefault(segment_id, None)
    return list(ids)


def used_custom_field_keys(rule: Rule) -> list[str]:
    """Return the sorted keys (without `custom.`) of the custom fields that conditions name."""
    keys = {
        condition.field.removeprefix(CUSTOM_PREFIX)
        for group in rule
        for condition in group
        if condition.field.startswith(CUSTOM_PREFIX)
    }
    return sorted(keys)


def find_cycle(segment_id: str, rule: Rule, lookup: RuleLookup) -> list[str] | None:
    """Return the chain of ids by which `rule`, saved as `segment_id`, would reach itself.

    The chain starts and ends with `segment_id`: `["a", "b", "a"]` when the
    new rule of `a` uses `b` and `b` uses `a`. `lookup` returns the stored
    rule of another segment, or None when it does not exist. Returns None
    when there is no cycle.
    """
    visited: set[str] = set()

    def walk(current: Rule, chain: list[str]) -> list[str] | None:
        for referenced in referenced_segment_ids(current):
            if referenced == segment_id:
                return [*chain, referenced]
            if referenced in visited:
                continue
            visited.add(referenced)
            referenced_rule = lookup(referenced)
            if referenced_rule is not None:
                found = walk(referenced_rule, [*chain, referenced])
                if found:
                    return found
        return None

    return walk(rule, [segment_id])


def nesting_depth(rule: Rule, lookup: RuleLookup, limit: int = MAX_SEGMENT_DEPTH) -> int:
    """Return how many levels of segments inlining `rule` takes: 0 without IN_SEGMENT.

    The walk stops one level past `limit` and returns `limit + 1`, so a
    cycle, which would nest without end, also returns `limit + 1`. A
    segment that `lookup` cannot find counts as one level.
    """

    # Shared segments are walked once per level, not once per path to them.
    memo: dict[tuple[str, int], int] = {}

    def depth(current: Rule, level: int) -> int:
        if level > limit:
            return level
        deepest = level
        for referenced in referenced_segment_ids(current):
            key = (referenced, level + 1)
            if key not in memo:
                referenced_rule = lookup(referenced)
                below = level + 1 if referenced_rule is None else depth(referenced_rule, level + 1)
                memo[key] = below
            deepest = max(deepest, memo[key])
        return min(deepest, limit + 1)

    return depth(rule, 0)
