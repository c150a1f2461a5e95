"""Errors raised when a rule cannot be compiled.

The compiler expects rules that `validate_rule` accepted, so these errors
mean a caller skipped validation or a referenced segment is missing:

    CompileError                  any rule the compiler cannot turn into a filter
    ├── UnknownFieldError         the condition names no field of the catalog
    ├── OperatorNotAllowedError   the field's type does not take the operator
    ├── InvalidValueError         the value member does not fit the operator
    ├── SegmentNotFoundError      IN_SEGMENT names a segment missing from the context
    └── SegmentDepthError         segments nest deeper than `MAX_SEGMENT_DEPTH`

Each error carries the offending field, operator, value or segment id as
attributes so callers can report them without parsing the message.
"""

from __future__ import annotations

from mongo_filters.conditions import ConditionValue, Operator, ValueKind


class CompileError(Exception):
    """A rule that the compiler cannot turn into a MongoDB filter."""


class UnknownFieldError(CompileError):
    def __init__(self, field: str) -> None:
        super().__init__(f"unknown field {field!r}: validate the rule with validate_rule first")
        self.field = field


class OperatorNotAllowedError(CompileError):
    def __init__(self, field: str, operator: Operator) -> None:
        super().__init__(
            f"operator {operator.value} is not allowed on field {field!r}: "
            "validate the rule with validate_rule first"
        )
        self.field = field
        self.operator = operator


class InvalidValueError(CompileError):
    def __init__(
        self, field: str, operator: Operator, value: ConditionValue, expected: ValueKind
    ) -> None:
        super().__init__(
            f"operator {operator.value} on field {field!r} expects a {expected.value} value, "
            f"got {value!r}: validate the rule with validate_rule first"
        )
        self.field = field
        self.operator = operator
        self.value = value
        self.expected = expected


class SegmentNotFoundError(CompileError):
    def __init__(self, segment_id: str) -> None:
        super().__init__(
            f"segment {segment_id!r} is referenced but its rule is not in "
            "CompileContext.segments: load every referenced segment before compiling"
        )
        self.segment_id = segment_id


class SegmentDepthError(CompileError):
    def __init__(self, segment_id: str, limit: int) -> None:
        super().__init__(
            f"segment {segment_id!r} is nested more than {limit} levels deep "
            "(or the segments reference each other in a cycle)"
        )
        self.segment_id = segment_id
        self.limit = limit
