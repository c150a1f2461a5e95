"""Check a segment rule against the field catalog and the limits before it is saved.

`validate_rule` returns every problem it finds, each with a stable code
(UNKNOWN_FIELD, OPERATOR_NOT_ALLOWED, INVALID_VALUE, LIMIT_EXCEEDED), the
input path it concerns (`conditionGroups.0.conditions.1.value`) and a
message in English and Vietnamese. A rule with no problems compiles.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.problems import Problem
from mongo_filters.catalog import CustomFields, FieldSpec, find_field
from mongo_filters.conditions import Calendar, Condition, Rule
from mongo_filters.problem_messages import problem
from mongo_filters.value_checks import check_value

GROUPS_PATH = "conditionGroups"


@dataclass(frozen=True)
class RuleLimits:
    """Size limits of a rule; the service's settings may change the defaults."""

    max_groups: int = 20
    max_conditions_per_group: int = 20
    max_texts: int = 100


def validate_rule(
    rule: Rule, custom_fields: CustomFields = (), limits: RuleLimits | None = None
) -> list[Problem]:
    """Return the problems of `rule`, in input order; an empty list means it is valid."""
    limits = limits or RuleLimits()
    problems = _check_groups(rule, limits)
    for group_index, group in enumerate(rule):
        conditions_path = f"{GROUPS_PATH}.{group_index}.conditions"
        problems += _check_conditions(conditions_path, len(group), limits)
        for index, condition in enumerate(group):
            found = validate_condition(condition, custom_fields, limits)
            problems += [p.under(f"{conditions_path}.{index}") for p in found]
    return problems


def _check_groups(rule: Rule, limits: RuleLimits) -> list[Problem]:
    if not rule:
        return [
            problem(
                GROUPS_PATH,
                "INVALID_VALUE",
                "The rule has no condition groups. Add at least one group with one condition.",
                "Quy tắc chưa có nhóm điều kiện nào. Hãy thêm ít nhất một nhóm có một điều kiện.",
            )
        ]
    if len(rule) > limits.max_groups:
        return [
            problem(
                GROUPS_PATH,
                "LIMIT_EXCEEDED",
                f"The rule has {len(rule)} condition groups; the maximum is {limits.max_groups} "
                "(setting MAX_GROUPS). Merge or remove groups.",
                f"Quy tắc có {len(rule)} nhóm điều kiện; tối đa là {limits.max_groups} "
                "(thiết lập MAX_GROUPS). Hãy gộp hoặc bớt nhóm.",
            )
        ]
    return []


def _check_conditions(path: str, count: int, limits: RuleLimits) -> list[Problem]:
    if count == 0:
        return [
            problem(
                path,
                "INVALID_VALUE",
                "The condition group is empty. Add a condition or remove the group.",
                "Nhóm điều kiện đang trống. Hãy thêm một điều kiện hoặc xóa nhóm này.",
            )
        ]
    if count > limits.max_conditions_per_group:
        maximum = limits.max_conditions_per_group
        return [
            problem(
                path,
                "LIMIT_EXCEEDED",
                f"The group has {count} conditions; the maximum is {maximum} "
                "(setting MAX_CONDITIONS_PER_GROUP). "
                "Split it into several groups or remove conditions.",
                f"Nhóm có {count} điều kiện; tối đa là {maximum} "
                "(thiết lập MAX_CONDITIONS_PER_GROUP). "
                "Hãy tách thành nhiều nhóm hoặc bớt điều kiện.",
            )
        ]
    return []


def validate_condition(
    condition: Condition, custom_fields: CustomFields = (), limits: RuleLimits | None = None
) -> list[Problem]:
    """Return the problems of one condition, with paths relative to it (`field`, `value`...)."""
    limits = limits or RuleLimits()
    spec = find_field(condition.field, custom_fields)
    if spec is None:
        return [_unknown_field(condition.field)]
    if condition.operator not in spec.operators:
        return [_operator_not_allowed(spec, condition)]

    problems: list[Problem] = []
    if condition.calendar is not Calendar.GREGORIAN and not spec.takes_calendar(condition.operator):
        problems.append(_calendar_not_allowed(spec, condition))
    problems += check_value(spec, condition, limits.max_texts)
    return problems


def _unknown_field(key: str) -> Problem:
    return problem(
        "field",
        "UNKNOWN_FIELD",
        f"Field {key!r} does not exist. Use a standard field such as 'email', 'segment', "
        "or 'custom.<key>' for a custom field of this workspace (the segmentFields query "
        "lists them all).",
        f"Trường {key!r} không tồn tại. Hãy dùng một trường chuẩn như 'email', 'segment', "
        "hoặc 'custom.<khóa>' cho một trường tùy chỉnh của không gian làm việc này (truy vấn "
        "segmentFields liệt kê tất cả các trường).",
    )


def _operator_not_allowed(spec: FieldSpec, condition: Condition) -> Problem:
    allowed = ", ".join(operator.value for operator in spec.operators)
    operator = condition.operator.value
    return problem(
        "operator",
        "OPERATOR_NOT_ALLOWED",
        f"Operator {operator} cannot be used on field {spec.key!r} of type {spec.type.value}. "
        f"Use one of: {allowed}.",
        f"Không dùng được toán tử {operator} cho trường {spec.key!r} kiểu {spec.type.value}. "
        f"Hãy dùng một trong các toán tử: {allowed}.",
    )


def _calendar_not_allowed(spec: FieldSpec, condition: Condition) -> Problem:
    calendar = condition.calendar.value
    operator = condition.operator.value
    return problem(
        "calendar",
        "INVALID_VALUE",
        f"Calendar {calendar} does not apply to operator {operator} on field {spec.key!r}. "
        "Only anniversary operators on DATE and DATETIME fields take a calendar; "
        "remove the calendar or use GREGORIAN.",
        f"Lịch {calendar} không áp dụng cho toán tử {operator} của trường {spec.key!r}. "
        "Chỉ các toán tử ngày kỷ niệm trên trường DATE và DATETIME mới chọn lịch; "
        "hãy bỏ lịch hoặc dùng GREGORIAN.",
    )
