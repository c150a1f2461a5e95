"""Payload types of segment mutations."""

from __future__ import annotations

from enum import Enum

import strawberry

from resolvers.common import UserError
from resolvers.segments.segment import Segment
from resolvers.segments.types import RuleWarning


@strawberry.type
class SegmentPayload:
    segment: Segment | None
    user_errors: list[UserError]
    warnings: list[RuleWarning]


@strawberry.enum
class DeleteStatus(Enum):
    DELETED = "DELETED"
    NOT_FOUND = "NOT_FOUND"
    REFUSED = "REFUSED"


@strawberry.type(description="What happened to one id of a delete.")
class DeleteSegmentResult:
    id: strawberry.ID
    status: DeleteStatus
    name: str | None = strawberry.field(description="Name of the segment, when it existed.")
    dependents: list[Segment] = strawberry.field(
        description="Segments that still reference this one, when the delete was refused."
    )
    user_errors: list[UserError]


@strawberry.type
class DeleteSegmentsPayload:
    results: list[DeleteSegmentResult]
    deleted_ids: list[strawberry.ID]
    user_errors: list[UserError]


@strawberry.type
class RestoreDefaultSegmentsPayload:
    restored: list[Segment] = strawberry.field(description="Default segments created by this call.")
    user_errors: list[UserError]


@strawberry.type
class RefreshSegmentCountsPayload:
    segments: list[Segment]
    user_errors: list[UserError]
