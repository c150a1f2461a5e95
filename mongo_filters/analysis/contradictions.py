"""Conditions on one field that no customer can meet together.

Every check here is sound for the product's matching rules: it reports a
conflict only when no stored value, including an empty one, meets all the
conditions. A condition the analysis cannot read (a value missing for its
operator, a blank text) is left out, which can only hide a conflict, never
invent one.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from models.text import fold_tag
from mongo_filters.analysis.anniversary_conflicts import anniversary_conflict
from mongo_filters.analysis.intervals import UNBOUNDED, allowed_days, number_interval
from mongo_filters.analysis.text_conflicts import text_conflict, text_values
from mongo_filters.conditions import Condition, FieldType, Operator, PeriodUnit
from mongo_filters.operators import NEGATIVE_OPERATORS, OPERATORS_BY_TYPE, value_kind

Op = Operator


def find_conflict(
    conditions: Sequence[Condition], field_type: FieldType, *, is_phone: bool = False
) -> list[int] | None:
    """Return the positions of conditions that cannot all hold, or None.

    `conditions` all name one field of type `field_type`. The result is as
    small as the search finds: a single condition or a pair when one
    exists, else a set from which no condition can be dropped.
    """
    readable = [i for i, condition in enumerate(conditions) if _is_readable(condition, field_type)]

    def cannot_hold(positions: Sequence[int]) -> bool:
        return _cannot_all_hold([conditions[i] for i in positions], field_type, is_phone)

    for size in (1, 2):
        for positions in itertools.combinations(readable, size):
            if cannot_hold(positions):
                return list(positions)

    if len(readable) < 3 or not cannot_hold(readable):
        return None

    # Adding a condition never makes a conflict go away, so dropping each
    # condition that the conflict does not need leaves a minimal set.
    needed = list(readable)
    for position in readable:
        rest = [kept for kept in needed if kept != position]
        if cannot_hold(rest):
            needed = rest
    return needed


def _is_readable(condition: Condition, field_type: FieldType) -> bool:
    """Tell whether the field type allows the operator and the value fits it."""
    if condition.operator not in OPERATORS_BY_TYPE[field_type]:
        return False
    if condition.value.kind is not value_kind(field_type, condition.operator):
        return False
    return condition.value.texts != ()


def _cannot_all_hold(
    conditions: Sequence[Condition], field_type: FieldType, is_phone: bool
) -> bool:
    if field_type is not FieldType.SEGMENT and _empty_and_present(conditions):
        return True

    match field_type:
        case FieldType.NUMBER:
            return _numbers_conflict(conditions)
        case FieldType.DATE | FieldType.DATETIME:
            return (
                _days_conflict(conditions)
                or _relative_periods_conflict(conditions)
                or anniversary_conflict(conditions, field_type)
            )
        case FieldType.TEXT | FieldType.SELECT:
            return text_conflict(conditions, is_phone=is_phone)
        case FieldType.TAGS | FieldType.MULTI_SELECT:
            return _tags_conflict(conditions)
        case FieldType.BOOLEAN:
            return _both_present(conditions, Op.IS_TRUE, Op.IS_FALSE)
        case FieldType.SEGMENT:
            return _segments_conflict(conditions)
    return False


def _empty_and_present(conditions: Sequence[Condition]) -> bool:
    # Negative operators match empty values, and every other operator
    # (IS_NOT_EMPTY included) needs a value, so only those clash with IS_EMPTY.
    # NOTE: this trusts documents as the service writes them. A list that
    # another writer stored with a blank element counts as empty to IS_EMPTY
    # (see `mongo_filters.logic.empty_checks`) and may still meet HAS_ANY_OF.
    wants_empty = any(c.operator is Op.IS_EMPTY for c in conditions)
    wants_value = any(
        c.operator is not Op.IS_EMPTY and c.operator not in NEGATIVE_OPERATORS for c in conditions
    )
    return wants_empty and wants_value


def _numbers_conflict(conditions: Sequence[Condition]) -> bool:
    allowed = UNBOUNDED
    for condition in conditions:
        interval = number_interval(condition)
        if interval is not None:
            allowed = allowed.intersect(interval)
    if allowed.is_empty():
        return True

    point = allowed.single_point()
    excluded = {c.value.number for c in conditions if c.operator is Op.IS_NOT}
    return point is not None and point in excluded


def _days_conflict(conditions: Sequence[Condition]) -> bool:
    return allowed_days(conditions).is_empty()


def _relative_periods_conflict(conditions: Sequence[Condition]) -> bool:
    """Tell whether MORE_THAN_AGO excludes every value that IN_LAST or IN_NEXT allow.

    MORE_THAN_AGO n allows values before now minus n. IN_NEXT starts at now,
    and IN_LAST m starts at now minus m, which is not earlier when m <= n.
    A month has no fixed number of days, so months compare only with months.
    """
    ago = [_period_length(c) for c in conditions if c.operator is Op.MORE_THAN_AGO]
    if not any(length is not None for length in ago):
        return False
    if any(c.operator is Op.IN_NEXT and _period_length(c) is not None for c in conditions):
        return True

    recent = [_period_length(c) for c in conditions if c.operator is Op.IN_LAST]
    return any(
        last is not None and before is not None and last[1] == before[1] and last[0] <= before[0]
        for last in recent
        for before in ago
    )


def _period_length(condition: Condition) -> tuple[int, PeriodUnit] | None:
    """Return the period as (amount, DAYS) or (amount, MONTHS), or None when it is negative."""
    period = condition.value.period
    if period is None or period.amount < 0:
        return None
    if period.unit is PeriodUnit.MONTHS:
        return period.amount, PeriodUnit.MONTHS
    days_per_unit = 7 if period.unit is PeriodUnit.WEEKS else 1
    return period.amount * days_per_unit, PeriodUnit.DAYS


def _tags_conflict(conditions: Sequence[Condition]) -> bool:
    required: set[str] = set()
    forbidden: set[str] = set()
    any_of_sets: list[set[str]] = []
    for condition in conditions:
        tags = {fold_tag(tag) for tag in text_values(condition)}
        match condition.operator:
            case Op.HAS_ALL_OF:
                required |= tags
            case Op.HAS_NONE_OF:
                forbidden |= tags
            case Op.HAS_ANY_OF:
                any_of_sets.append(tags)
    if required & forbidden:
        return True
    return any(tags and tags <= forbidden for tags in any_of_sets)


def _segments_conflict(conditions: Sequence[Condition]) -> bool:
    inside = {c.value.segment_id for c in conditions if c.operator is Op.IN_SEGMENT}
    outside = {c.value.segment_id for c in conditions if c.operator is Op.NOT_IN_SEGMENT}
    return bool(inside & outside)


def _both_present(conditions: Sequence[Condition], first: Operator, second: Operator) -> bool:
    operators = {condition.operator for condition in conditions}
    return first in operators and second in operators
