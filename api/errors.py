"""Top-level GraphQL errors: masking, logging and the request id.

Three kinds of error reach a client:

- request errors (syntax, validation, variable coercion, a limit of
  `api.limits`): shown as graphql-core words them, with a limit named by its
  setting;
- `resolvers.common.ClientError`: raised by a resolver for a bad request,
  shown as is;
- anything else raised while resolving a field: masked as "Unexpected
  error", and logged once, with its traceback and the request id.

Every error carries the request id in `extensions.requestId`, the same id
as the `x-request-id` response header.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
import strawberry
from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.types import ExecutionContext

from api.limits import describe_limit_error
from models.problems import Language

logger = logging.getLogger(__name__)

MASKED_MESSAGE = {
    "en": "Unexpected error; report the request id to the service operator.",
    "vi": "Lỗi không mong đợi; hãy gửi mã yêu cầu (request id) cho người vận hành dịch vụ.",
}


def is_unexpected(error: GraphQLError) -> bool:
    """Return whether `error` comes from a bug or an outage rather than the request.

    A variable coercion error also wraps a Python exception, but it has the
    variable's node and no path. An exception raised while resolving a field
    has a path, and one raised outside execution has neither.
    """
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return False
    return error.path is not None or not error.nodes


def _request_context(execution_context: ExecutionContext | None) -> tuple[str, Language]:
    context = execution_context.context if execution_context else None
    request_id = getattr(context, "request_id", None) or "-"
    language: Language = getattr(context, "language", "en")
    return request_id, language


class ServiceSchema(strawberry.Schema):
    """The schema, logging each error once, before `present_errors` rewrites it."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        request_id, _ = _request_context(execution_context)
        workspace = getattr(getattr(execution_context, "context", None), "workspace", None)
        workspace_id = getattr(workspace, "id", "-")
        for error in errors:
            if is_unexpected(error):
                logger.error(
                    "request %s (workspace %s): unexpected error at %s",
                    request_id,
                    workspace_id,
                    ".".join(str(p) for p in error.path or []) or "(no path)",
                    exc_info=error.original_error,
                )
            else:
                # The message may quote variable values, which can be personal
                # data, so only the kind of error is logged.
                code = (error.extensions or {}).get("code") or type(
                    error.original_error or error
                ).__name__
                logger.info(
                    "request %s (workspace %s): rejected with %s", request_id, workspace_id, code
                )


def present_errors(
    errors: list[GraphQLError], request_id: str, language: Language
) -> list[GraphQLError]:
    """Return the errors as the client sees them: masked, limits named, request id added.

    The view applies this to every result. A schema extension could not,
    because strawberry 0.341 does not resume `on_operation` after a syntax
    error.
    """
    return [_present(error, request_id, language) for error in errors]


def _present(error: GraphQLError, request_id: str, language: Language) -> GraphQLError:
    if is_unexpected(error):
        return GraphQLError(
            MASKED_MESSAGE[language],
            nodes=error.nodes,
            path=error.path,
            extensions={"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
        )
    error = describe_limit_error(error, language) or error
    code = _request_error_code(error)
    extensions = {**({"code": code} if code else {}), **(error.extensions or {})}
    # A copy, because the validation cache shares error objects between requests.
    return GraphQLError(
        error.message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=error.original_error,
        extensions={**extensions, "requestId": request_id},
    )


def _request_error_code(error: GraphQLError) -> str | None:
    """Return a stable code for a request error that graphql-core raised without one."""
    if isinstance(error, GraphQLSyntaxError):
        return "GRAPHQL_PARSE_FAILED"
    if error.path is not None:
        return None
    if error.original_error is not None:
        return "BAD_USER_INPUT"
    return "GRAPHQL_VALIDATION_FAILED"


def error_body(message: str, code: str, request_id: str, **extensions: Any) -> bytes:
    """Return a GraphQL response body with one request error and no `data` entry."""
    extensions = {"code": code, **extensions, "requestId": request_id}
    return orjson.dumps({"errors": [{"message": message, "extensions": extensions}]})
