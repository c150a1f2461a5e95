"""Keyset pagination of segments with a stable order and opaque cursors."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from models.text import fold_text
from resolvers.common import ClientError, PageInfo, cursor_object_id, cursor_parts, encode_cursor
from resolvers.context import RequestContext
from resolvers.segments.segment import Segment
from resolvers.segments.types import (
    OrderDirection,
    SegmentConnection,
    SegmentEdge,
    SegmentOrder,
    SegmentOrderField,
)

# Longer than any segment name, so a longer search could never match.
MAX_SEARCH_LENGTH = 200

SORT_KEYS = {
    SegmentOrderField.NAME: "nameKey",
    SegmentOrderField.CREATED_AT: "createdAt",
    SegmentOrderField.UPDATED_AT: "updatedAt",
}


def _cursor_for(document: dict[str, Any], key: str) -> str:
    value = document.get(key)
    if isinstance(value, dt.datetime):
        value = value.replace(tzinfo=None).isoformat()
    return encode_cursor(json.dumps([key, value, str(document["_id"])]))


def _after_filter(cursor: str, key: str, descending: bool) -> dict[str, Any]:
    """Return the filter of the rows after `cursor`.

    Each decoded part is type-checked by `cursor_parts`, so a forged cursor
    cannot place an operator object such as `{"$gt": ""}` into the filter.
    """
    cursor_key, text, last_id = cursor_parts(cursor, str, str, str)
    if cursor_key != key:
        raise ClientError(
            "The cursor belongs to another ordering; start again without `after`.", "INVALID_VALUE"
        )
    value: Any = text
    if key != "nameKey":
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError as exc:
            raise ClientError(
                f"Invalid cursor {cursor!r}; pass an endCursor from a previous page.",
                "INVALID_VALUE",
            ) from exc
    beyond = "$lt" if descending else "$gt"
    object_id = cursor_object_id(cursor, last_id)
    return {"$or": [{key: {beyond: value}}, {key: value, "_id": {beyond: object_id}}]}


async def list_segments(
    ctx: RequestContext,
    *,
    first: int,
    after: str | None,
    search: str | None,
    order: SegmentOrder,
) -> SegmentConnection:
    key = SORT_KEYS[order.field]
    descending = order.direction == OrderDirection.DESC
    direction = -1 if descending else 1
    segments = ctx.collection("segments")

    base: dict[str, Any] = {}
    if search and len(search) > MAX_SEARCH_LENGTH:
        raise ClientError(
            f"search is {len(search)} characters long; at most {MAX_SEARCH_LENGTH} are allowed.",
            "LIMIT_EXCEEDED",
            limit=MAX_SEARCH_LENGTH,
        )
    if search and search.strip():
        base["nameSearch"] = {"$regex": re.escape(fold_text(search))}
    page_filter = dict(base)
    if after:
        page_filter.update(_after_filter(after, key, descending))

    documents = await segments.find(
        page_filter, sort=[(key, direction), ("_id", direction)], limit=first + 1
    )
    total = await segments.count(base)
    has_next = len(documents) > first
    documents = documents[:first]

    edges = [
        SegmentEdge(cursor=_cursor_for(d, key), node=Segment.from_document(ctx, d))
        for d in documents
    ]
    return SegmentConnection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )
