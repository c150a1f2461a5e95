"""GraphQL over HTTP requests: media type negotiation and request parameters.

Request bodies and GET parameters are read with orjson, which rejects what
Python's `json` module accepts but JSON does not allow: `NaN`, `Infinity`,
numbers too large for a double and unpaired surrogate escapes (`"\\ud800"`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson
from starlette.requests import Request

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"

# Media ranges a client may accept, mapped to the media type of the response
# and its preference when the client ranks several equally.
_ANSWERS = {
    GRAPHQL_RESPONSE: (GRAPHQL_RESPONSE, 3),
    JSON: (JSON, 2),
    "application/*": (JSON, 1),
    "*/*": (JSON, 1),
}


class RequestError(Exception):
    """A request rejected before execution; `status` is its HTTP status code."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        log_detail: str = "",
        **extensions: Any,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        # Ids for the log line only, such as the key and workspace; never sent.
        self.log_detail = log_detail
        self.extensions = extensions


@dataclass(frozen=True)
class GraphQLParams:
    query: str
    operation_name: str | None = None
    variables: dict[str, Any] | None = None
    extensions: dict[str, Any] | None = field(default=None)


def negotiate(accept: str | None) -> str | None:
    """Return the media type of the response, or None when the client accepts neither.

    No `Accept` header, `*/*` and `application/*` get `application/json`.
    """
    if accept is None or not accept.strip():
        return JSON
    best: tuple[float, int, str] | None = None
    for media_range in accept.split(","):
        media_type, *parameters = (part.strip() for part in media_range.split(";"))
        answer = _ANSWERS.get(media_type.lower())
        if answer is None:
            continue
        weight = _quality(parameters)
        if weight <= 0:
            continue
        candidate = (weight, answer[1], answer[0])
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best[2] if best else None


def _quality(parameters: list[str]) -> float:
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


async def read_params(request: Request) -> GraphQLParams:
    """Return the query, operation name, variables and extensions of `request`."""
    if request.method == "GET":
        query_params = request.query_params
        data: dict[str, Any] = {
            "query": query_params.get("query"),
            "operationName": query_params.get("operationName"),
            "variables": _decode_json_param(query_params.get("variables"), "variables"),
            "extensions": _decode_json_param(query_params.get("extensions"), "extensions"),
        }
    else:
        data = await _read_json_body(request)
    return _params_from(data)


async def _read_json_body(request: Request) -> dict[str, Any]:
    content_type = request.headers.get("content-type", "")
    media_type, *parameters = (part.strip().lower() for part in content_type.split(";"))
    charset = next(
        (p.partition("=")[2].strip('"') for p in parameters if p.startswith("charset=")), "utf-8"
    )
    if media_type != JSON or charset not in ("utf-8", "utf8"):
        raise RequestError(
            415,
            "UNSUPPORTED_MEDIA_TYPE",
            f"Unsupported Content-Type {content_type!r}: send 'application/json' encoded in UTF-8.",
        )
    body = await request.body()
    if not body.strip():
        raise RequestError(
            400, "BAD_REQUEST", "The request body is empty; send a JSON object with a query."
        )
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise RequestError(
            400,
            "BAD_REQUEST",
            f"The request body is not valid JSON ({exc}); NaN, Infinity and unpaired "
            "surrogate escapes such as \\ud800 are not JSON.",
        ) from exc
    if isinstance(data, list):
        raise RequestError(
            400,
            "BAD_REQUEST",
            "Batched requests are not supported; send one operation per request.",
        )
    if not isinstance(data, dict):
        raise RequestError(
            400, "BAD_REQUEST", "The request body must be a JSON object with a query."
        )
    return data


def _decode_json_param(value: str | None, name: str) -> Any:
    if value is None:
        return None
    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        raise RequestError(
            400, "BAD_REQUEST", f"The {name} parameter is not valid JSON ({exc})."
        ) from exc


def _params_from(data: dict[str, Any]) -> GraphQLParams:
    query = data.get("query")
    if query is None:
        raise RequestError(400, "BAD_REQUEST", "The request has no query parameter.")
    if not isinstance(query, str):
        raise RequestError(
            400, "BAD_REQUEST", f"The query parameter must be a string, got {_kind(query)}."
        )
    operation_name = data.get("operationName")
    if operation_name is not None and not isinstance(operation_name, str):
        raise RequestError(
            400,
            "BAD_REQUEST",
            f"The operationName parameter must be a string or null, got {_kind(operation_name)}.",
        )
    for name in ("variables", "extensions"):
        value = data.get(name)
        if value is not None and not isinstance(value, dict):
            raise RequestError(
                400,
                "BAD_REQUEST",
                f"The {name} parameter must be an object or null, got {_kind(value)}.",
            )
    return GraphQLParams(query, operation_name, data.get("variables"), data.get("extensions"))


def _kind(value: Any) -> str:
    kinds = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "an object",
    }
    return kinds.get(type(value), type(value).__name__)
