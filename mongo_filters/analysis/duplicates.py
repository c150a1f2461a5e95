"""Groups and conditions that repeat others in the same rule.

Two conditions count as the same when field, operator, calendar and value
are equal, with the texts of a list value (IS_ANY_OF, HAS_ALL_OF...) taken
in any order. Text is compared as typed apart from surrounding whitespace,
so `"VIP"` and `"vip"` are different here even where matching would treat
them alike: a warning then says only what is plainly true.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from mongo_filters.conditions import Condition, ConditionGroup, ConditionValue, Rule


@dataclass(frozen=True)
class RepeatedCondition:
    """Condition `position` of a group is the same as the earlier condition `first`."""

    position: int
    first: int


@dataclass(frozen=True)
class DuplicateGroup:
    """Group `position` has the same conditions as the earlier group `first`."""

    position: int
    first: int


def condition_key(condition: Condition) -> Hashable:
    """Return a key that is equal for conditions that are the same."""
    return (condition.field, condition.operator, condition.calendar, _value_key(condition.value))


def _value_key(value: ConditionValue) -> Hashable:
    if value.texts is not None:
        return ("texts", frozenset(text.strip() for text in value.texts))
    if value.text is not None:
        return ("text", value.text.strip())
    return value


def repeated_conditions(group: ConditionGroup) -> list[RepeatedCondition]:
    first_positions: dict[Hashable, int] = {}
    repeats: list[RepeatedCondition] = []
    for position, condition in enumerate(group):
        key = condition_key(condition)
        if key in first_positions:
            repeats.append(RepeatedCondition(position, first_positions[key]))
        else:
            first_positions[key] = position
    return repeats


def duplicate_groups(rule: Rule) -> list[DuplicateGroup]:
    """Find groups whose set of conditions equals an earlier group's, in any order."""
    first_positions: dict[frozenset[Hashable], int] = {}
    duplicates: list[DuplicateGroup] = []
    for position, group in enumerate(rule):
        key = _group_key(group)
        if key in first_positions:
            duplicates.append(DuplicateGroup(position, first_positions[key]))
        else:
            first_positions[key] = position
    return duplicates


def _group_key(group: Sequence[Condition]) -> frozenset[Hashable]:
    # A set, because a condition repeated inside a group changes nothing.
    return frozenset(condition_key(condition) for condition in group)
