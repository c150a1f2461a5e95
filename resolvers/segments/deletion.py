"""Deleting segments in a batch, refusing those that other segments still use."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from models.problems import Problem
from resolvers.common import not_found
from resolvers.context import RequestContext
from resolvers.segments.store import get_segments

logger = logging.getLogger(__name__)


def segment_in_use(field: str, name: str, dependents: list[dict[str, Any]]) -> Problem:
    names = ", ".join(repr(d["name"]) for d in dependents)
    return Problem(
        field,
        "SEGMENT_IN_USE",
        f"Segment {name!r} is used by {names}; delete or edit those first, "
        "or delete them in the same call.",
        f"Phân khúc {name!r} đang được dùng bởi {names}; hãy xóa hoặc sửa các phân khúc đó trước, "
        "hoặc xóa chúng trong cùng một lần gọi.",
    )


@dataclass(frozen=True)
class DeleteOutcome:
    """Outcome of one requested id."""

    segment_id: str
    status: str
    document: dict[str, Any] | None = None
    dependents: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


async def delete_segments(ctx: RequestContext, ids: list[str]) -> list[DeleteOutcome]:
    """Delete what can be deleted and return one outcome per requested id.

    A segment referenced by another segment is deleted only when every
    referencing segment is deleted in the same call. Campaigns keep their
    own copy of the rule, so they are not touched. Each id is reported
    once, in the order first given.
    """
    first_positions: dict[str, int] = {}
    for position, segment_id in enumerate(ids):
        first_positions.setdefault(segment_id, position)
    ids = list(first_positions)
    found = await get_segments(ctx, ids)
    segments = ctx.collection("segments")
    referencing = await segments.find({"references": {"$in": list(found)}}) if found else []

    # A segment stays when a segment outside the deleted set references it.
    # Removing one refusal can expose another, so repeat until stable.
    deleting = set(found)
    dependents: dict[str, list[dict[str, Any]]] = {}
    changed = True
    while changed:
        changed = False
        for segment_id in list(deleting):
            outside = [
                d
                for d in referencing
                if segment_id in d["references"] and str(d["_id"]) not in deleting
            ]
            if outside:
                deleting.discard(segment_id)
                dependents[segment_id] = outside
                changed = True

    if deleting:
        await segments.delete_many({"_id": {"$in": [found[i]["_id"] for i in deleting]}})
        logger.info("workspace %s: deleted segments %s", ctx.workspace.id, sorted(deleting))

    results = []
    for segment_id in ids:
        path = f"ids.{first_positions[segment_id]}"
        document = found.get(segment_id)
        if document is None:
            results.append(
                DeleteOutcome(
                    segment_id, "NOT_FOUND", problems=[not_found(path, "segment", segment_id)]
                )
            )
        elif segment_id in deleting:
            results.append(DeleteOutcome(segment_id, "DELETED", document))
        else:
            users = dependents[segment_id]
            problem = segment_in_use(path, document["name"], users)
            results.append(DeleteOutcome(segment_id, "REFUSED", document, users, [problem]))
    return results
