"""Checks a rule must pass before it is saved or previewed."""

from __future__ import annotations

from mongo_filters import RuleLimits, validate_rule
from mongo_filters.conditions import Rule
from models.problems import Problem
from resolvers.context import RequestContext
from resolvers.custom_fields.store import load_custom_fields
from resolvers.segments.store import MAX_REFERENCE_DEPTH, _references, load_referenced_rules


def _reference_paths(rule: Rule) -> dict[str, str]:
    """Map each referenced segment id to the input path of its first use."""
    paths: dict[str, str] = {}
    for g, group in enumerate(rule):
        for i, condition in enumerate(group):
            segment_id = condition.value.segment_id
            if segment_id is not None:
                paths.setdefault(segment_id, f"conditionGroups.{g}.conditions.{i}.value.segmentId")
    return paths


def _depth(segment_id: str, rules: dict[str, Rule], seen: frozenset[str]) -> int:
    """Return how deep references go below `segment_id`; a cycle counts as too deep."""
    if segment_id in seen:
        return MAX_REFERENCE_DEPTH + 1
    children = _references(rules.get(segment_id, []))
    if not children:
        return 1
    return 1 + max(_depth(child, rules, seen | {segment_id}) for child in children)


async def check_rule(ctx: RequestContext, rule: Rule, *, segment_id: str | None = None) -> list[Problem]:
    """Return every problem of `rule`; `segment_id` is the segment being edited."""
    custom_fields = await load_custom_fields(ctx)
    limits = RuleLimits(
        max_groups=ctx.limits.max_groups, max_conditions_per_group=ctx.limits.max_conditions_per_group
    )
    problems = validate_rule(rule, custom_fields, limits)
    paths = _reference_paths(rule)
    if not paths:
        return problems

    rules = await load_referenced_rules(ctx, sorted(paths))
    for referenced, path in paths.items():
        if referenced not in rules:
            problems.append(
                Problem(
                    path,
                    "NOT_FOUND",
                    f"No segment with id {referenced!r} exists in this workspace.",
                    f"Không tìm thấy phân khúc có mã {referenced!r} trong không gian làm việc này.",
                )
            )
        elif segment_id is not None and (referenced == segment_id or segment_id in _closure(referenced, rules)):
            problems.append(
                Problem(
                    path,
                    "REFERENCE_CYCLE",
                    f"Segment {referenced!r} refers back to this segment, which would make a cycle.",
                    f"Phân khúc {referenced!r} tham chiếu ngược lại phân khúc này, tạo thành vòng lặp.",
                )
            )
        elif _depth(referenced, rules, frozenset()) > MAX_REFERENCE_DEPTH:
            problems.append(
                Problem(
                    path,
                    "LIMIT_EXCEEDED",
                    f"Segments may be nested at most {MAX_REFERENCE_DEPTH} levels deep; "
                    f"segment {referenced!r} would exceed that.",
                    f"Phân khúc chỉ được lồng nhau tối đa {MAX_REFERENCE_DEPTH} cấp; "
                    f"phân khúc {referenced!r} sẽ vượt quá giới hạn này.",
                )
            )
    return problems


def _closure(segment_id: str, rules: dict[str, Rule]) -> set[str]:
    found: set[str] = set()
    pending = [segment_id]
    while pending:
        for child in _references(rules.get(pending.pop(), [])):
            if child not in found:
                found.add(child)
                pending.append(child)
    return found
