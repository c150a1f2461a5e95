"""The audience filter of a run and the copy of the segment's rule stored with it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import strawberry

from mongo_filters import compile_segment
from resolvers.campaigns.reachability import extra_filter, reachability_rule
from resolvers.campaigns.types import ReferencedRule, RuleSnapshot
from resolvers.common import as_utc
from resolvers.context import RequestContext
from resolvers.segments.compiling import compile_context
from resolvers.segments.rules import rule_from_document, rule_to_document, rule_to_output


@dataclass(frozen=True)
class Audience:
    """The filter a run reads customers with, and the rule snapshot it stores."""

    filter: dict[str, Any]
    snapshot: dict[str, Any]


async def resolve_audience(ctx: RequestContext, segment: dict[str, Any], channel: str) -> Audience:
    """Compile the segment's rule AND the channel's reachability, with one `now` for both.

    The snapshot keeps `conditionGroups` exactly as the segment stored them,
    the rules of the segments they reference (their later edits would
    otherwise change what the copy means), and the `now` that relative
    conditions were computed from.
    """
    rule = rule_from_document(segment["conditionGroups"])
    reachable = reachability_rule(channel)
    context = await compile_context(ctx, [rule])

    members = compile_segment(rule, context)
    reachable_filter = compile_segment(reachable, context)
    parts = [members, reachable_filter]
    extra = extra_filter(channel)
    if extra:
        parts.append(extra)

    snapshot = {
        "segmentName": segment["name"],
        "segmentVersion": int(segment.get("version", 1)),
        "conditionGroups": segment["conditionGroups"],
        "referencedRules": [
            {
                "segmentId": segment_id,
                "conditionGroups": rule_to_document([list(g) for g in referenced]),
            }
            for segment_id, referenced in sorted(context.segments.items())
        ],
        "now": context.now,
    }
    return Audience(filter={"$and": parts}, snapshot=snapshot)


def _groups(documents: list[dict[str, Any]]) -> list[Any]:
    return rule_to_output(rule_from_document(documents))


def snapshot_to_output(snapshot: dict[str, Any]) -> RuleSnapshot:
    resolved_at: dt.datetime = as_utc(snapshot["now"]) or snapshot["now"]
    return RuleSnapshot(
        segment_name=snapshot["segmentName"],
        segment_version=int(snapshot["segmentVersion"]),
        condition_groups=_groups(snapshot["conditionGroups"]),
        referenced_rules=[
            ReferencedRule(
                segment_id=strawberry.ID(r["segmentId"]),
                condition_groups=_groups(r["conditionGroups"]),
            )
            for r in snapshot.get("referencedRules", [])
        ],
        resolved_at=resolved_at,
    )
