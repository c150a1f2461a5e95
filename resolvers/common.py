"""GraphQL types shared by every domain: user errors, page info, cursors, ids."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import strawberry
from bson import ObjectId
from bson.errors import InvalidId
from graphql import GraphQLError

from models.problems import Language, Problem


@strawberry.type(description="An expected failure of a mutation, with a stable code.")
class UserError:
    field: str | None = strawberry.field(description="Dotted path of the input concerned.")
    code: str = strawberry.field(description="Stable upper-case code, e.g. NAME_TAKEN.")
    message: str = strawberry.field(description="Message in the language of Accept-Language.")


def user_errors(problems: Iterable[Problem], language: Language) -> list[UserError]:
    return [
        UserError(field=p.field or None, code=p.code, message=p.message(language)) for p in problems
    ]


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


def encode_cursor(payload: str) -> str:
    return base64.urlsafe_b64encode(payload.encode()).decode()


def decode_cursor(cursor: str) -> str | None:
    """Return the cursor's payload, or None when the cursor is not one of ours."""
    try:
        return base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


def cursor_parts(cursor: str, *types: type) -> list[Any]:
    """Return the parts of a cursor this service issued, checked against `types`.

    A cursor comes back from the client, so it is decoded defensively. Any
    payload that is not a JSON list of exactly those types is an
    INVALID_VALUE error, never an exception. Such payloads include an object
    that could carry a query operator, a deep nesting and a float overflow.
    """
    invalid = ClientError(
        f"Invalid cursor {cursor!r}; pass an endCursor from a previous page.", "INVALID_VALUE"
    )
    try:
        parts = json.loads(decode_cursor(cursor) or "")
    except (ValueError, RecursionError) as exc:
        raise invalid from exc
    if not isinstance(parts, list) or len(parts) != len(types):
        raise invalid
    if not all(
        isinstance(part, kind) and not isinstance(part, bool)
        for part, kind in zip(parts, types, strict=True)
    ):
        raise invalid
    return parts


def cursor_object_id(cursor: str, value: str) -> ObjectId:
    object_id = parse_object_id(value)
    if object_id is None:
        raise ClientError(
            f"Invalid cursor {cursor!r}; pass an endCursor from a previous page.", "INVALID_VALUE"
        )
    return object_id


def parse_object_id(value: str) -> ObjectId | None:
    """Return the ObjectId behind an API id, or None when it cannot be one.

    Only the canonical lower-case form is accepted, so an id maps to one
    spelling and batch results can be matched back to the ids requested.
    """
    if not isinstance(value, str) or value != value.lower():
        return None
    try:
        return ObjectId(value)
    except (InvalidId, TypeError):
        return None


def as_utc(value: Any) -> dt.datetime | None:
    """Return a stored datetime as an aware UTC datetime.

    The embedded engine returns naive datetimes (UTC without tzinfo), as
    PyMongo does unless `tz_aware` is set; both mean UTC.
    """
    if not isinstance(value, dt.datetime):
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def not_found(field: str, kind: str, value: str) -> Problem:
    return Problem(
        field,
        "NOT_FOUND",
        f"No {kind} with id {value!r} exists in this workspace.",
        f"Không tìm thấy {_KIND_VI.get(kind, kind)} có mã {value!r} trong không gian làm việc này.",
    )


_KIND_VI = {
    "segment": "phân khúc",
    "customer": "khách hàng",
    "custom field": "trường tùy chỉnh",
    "campaign": "chiến dịch",
}


def limit_exceeded(
    field: str, what: str, what_vi: str, limit: int, got: int, setting: str
) -> Problem:
    return Problem(
        field,
        "LIMIT_EXCEEDED",
        f"Too many {what}: {got} given, at most {limit} allowed (setting {setting}).",
        f"Quá nhiều {what_vi}: đã gửi {got}, tối đa {limit} (thiết lập {setting}).",
    )


class ClientError(GraphQLError):
    """A top-level GraphQL error caused by the request, shown to the client as is.

    Error masking lets these through; every other exception is masked.
    """

    def __init__(self, message: str, code: str, **extensions: Any) -> None:
        super().__init__(message, extensions={"code": code, **extensions})


def page_size(first: int | None, maximum: int, default: int = 50) -> int:
    """Return the page size to use, rejecting sizes above the configured maximum."""
    if first is None:
        return min(default, maximum)
    if first < 0:
        raise ClientError(f"first must be 0 or more, got {first}.", "INVALID_VALUE")
    if first > maximum:
        raise ClientError(
            f"first={first} exceeds the maximum page size {maximum} (setting MAX_PAGE_SIZE).",
            "LIMIT_EXCEEDED",
            setting="MAX_PAGE_SIZE",
            limit=maximum,
        )
    return first
