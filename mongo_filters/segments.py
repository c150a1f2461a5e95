"""IN_SEGMENT and NOT_IN_SEGMENT: the referenced segment's rule, inlined.

The referenced rule comes from `context.segments` and is compiled in
place, so membership is always current and the query needs no second
round trip. Inlining nests at most `MAX_SEGMENT_DEPTH` levels; a deeper
chain, or a cycle that slipped past the save-time check, raises
`SegmentDepthError` instead of recursing without end.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from mongo_filters import logic
from mongo_filters.catalog import FieldSpec
from mongo_filters.conditions import Condition, Operator
from mongo_filters.errors import SegmentDepthError, SegmentNotFoundError
from mongo_filters.scope import MAX_SEGMENT_DEPTH, Filter, OperatorCompiler, Scope
from mongo_filters.values import segment_id_of


def _inline(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    segment_id = segment_id_of(spec, condition)
    if scope.depth >= MAX_SEGMENT_DEPTH:
        raise SegmentDepthError(segment_id, MAX_SEGMENT_DEPTH)

    rule = scope.context.segments.get(segment_id)
    if rule is None:
        raise SegmentNotFoundError(segment_id)
    return scope.compile_rule(rule, scope.deeper())


def in_segment(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match the members of the referenced segment.

    `{field: "segment", operator: IN_SEGMENT, value: {segmentId: "s1"}}`, where `s1` is
    "tags has any of vip" -> `{"$or": [{"$and": [{"norm.tags": {"$in": ["vip"]}}]}]}`

    https://www.mongodb.com/docs/manual/reference/operator/query/or/
    """
    return _inline(spec, condition, scope)


def not_in_segment(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match everyone outside the referenced segment.

    `{field: "segment", operator: NOT_IN_SEGMENT, value: {segmentId: "s1"}}`, where `s1` is
    "tags has any of vip" -> `{"$nor": [{"$or": [{"$and": [{"norm.tags": {"$in": ["vip"]}}]}]}]}`

    https://www.mongodb.com/docs/manual/reference/operator/query/nor/
    """
    return logic.negate(_inline(spec, condition, scope))


OPERATORS: Mapping[Operator, OperatorCompiler] = MappingProxyType(
    {Operator.IN_SEGMENT: in_segment, Operator.NOT_IN_SEGMENT: not_in_segment}
)
