"""Checks a rule must pass before it is saved or previewed."""

from __future__ import annotations

from collections.abc import Callable

from models.problems import Problem
from mongo_filters import RuleLimits, validate_rule
from mongo_filters.conditions import Rule
from mongo_filters.references import find_cycle, nesting_depth
from mongo_filters.scope import MAX_SEGMENT_DEPTH
from resolvers.context import RequestContext
from resolvers.custom_fields.store import load_custom_fields
from resolvers.segments.store import load_referenced_rules, loaded_segment_name


def _reference_paths(rule: Rule) -> dict[str, str]:
    """Map each referenced segment id to the input path of its first use."""
    paths: dict[str, str] = {}
    for g, group in enumerate(rule):
        for i, condition in enumerate(group):
            segment_id = condition.value.segment_id
            if segment_id is not None:
                paths.setdefault(segment_id, f"conditionGroups.{g}.conditions.{i}.value.segmentId")
    return paths


async def check_rule(
    ctx: RequestContext, rule: Rule, *, segment_id: str | None = None
) -> list[Problem]:
    """Return every problem of `rule`; `segment_id` is the segment being edited."""
    custom_fields = await load_custom_fields(ctx)
    limits = RuleLimits(
        max_groups=ctx.limits.max_groups,
        max_conditions_per_group=ctx.limits.max_conditions_per_group,
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
            continue
        name = loaded_segment_name(ctx, referenced)
        if segment_id is not None and (
            referenced == segment_id or find_cycle(segment_id, rules[referenced], rules.get)
        ):
            problems.append(
                Problem(
                    path,
                    "REFERENCE_CYCLE",
                    f"Segment {name!r} refers back to this segment, which would make a cycle.",
                    f"Phân khúc {name!r} tham chiếu ngược lại phân khúc này, tạo thành vòng lặp.",
                )
            )
        elif 1 + nesting_depth(rules[referenced], rules.get) > MAX_SEGMENT_DEPTH:
            problems.append(
                Problem(
                    path,
                    "LIMIT_EXCEEDED",
                    f"A rule may inline at most {MAX_SEGMENT_DEPTH} levels of segments; using "
                    f"{name!r}, which inlines others in turn, would exceed that.",
                    f"Một quy tắc chỉ được lồng tối đa {MAX_SEGMENT_DEPTH} cấp phân khúc; dùng "
                    f"{name!r}, vốn lồng các phân khúc khác, sẽ vượt quá giới hạn này.",
                )
            )
    size = inlined_size(rule, rules.get)
    if size > ctx.limits.max_inlined_conditions:
        problems.append(
            Problem(
                "conditionGroups",
                "LIMIT_EXCEEDED",
                f"With the segments it uses inlined, the rule has {size} conditions; at most "
                f"{ctx.limits.max_inlined_conditions} are allowed "
                "(setting MAX_INLINED_CONDITIONS). "
                "Use fewer IN_SEGMENT conditions or smaller segments.",
                f"Khi lồng các phân khúc được dùng vào, quy tắc có {size} điều kiện; tối đa "
                f"{ctx.limits.max_inlined_conditions} (thiết lập MAX_INLINED_CONDITIONS). "
                "Hãy dùng ít điều kiện IN_SEGMENT hơn hoặc phân khúc nhỏ hơn.",
            )
        )
    return problems


def inlined_size(rule: Rule, lookup: Callable[[str], Rule | None]) -> int:
    """Return how many conditions `rule` holds once every referenced segment is inlined.

    Nesting depth alone does not bound this: 400 references to a segment of
    400 conditions compile to 160,000 conditions. Each segment is sized once.
    """
    sizes: dict[str, int] = {}

    def size(current: Rule, depth: int) -> int:
        total = 0
        for group in current:
            for condition in group:
                referenced = condition.value.segment_id
                referenced_rule = lookup(referenced) if referenced else None
                if referenced is None or referenced_rule is None or depth > MAX_SEGMENT_DEPTH:
                    total += 1
                    continue
                if referenced not in sizes:
                    sizes[referenced] = size(referenced_rule, depth + 1)
                total += sizes[referenced]
        return total

    return size(rule, 1)
