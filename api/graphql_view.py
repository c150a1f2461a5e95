"""The GraphQL endpoint, following the GraphQL over HTTP specification.

The endpoint is written on Starlette instead of strawberry's ASGI view
because the status code and media type of each response depend on the
`Accept` header, which that view does not negotiate:

- a body that is not JSON, or invalid parameters (`query`, `operationName`,
  `variables`, `extensions`), is HTTP 400 under any media type;
- `application/graphql-response+json`: a GraphQL request error (syntax,
  validation, variable coercion, a limit) is HTTP 400 and has no `data`;
- `application/json`, `*/*` or no `Accept`: the same errors are HTTP 200
  without `data`, as clients of that older media type expect.

GET runs queries only; a mutation over GET is HTTP 405. A key with read
scope gets HTTP 403 `FORBIDDEN` for a mutation, before anything runs.
GET from a browser (`Accept: text/html`, no `query`) serves GraphiQL
unless the `GRAPHIQL` setting is off.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
import strawberry
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.exceptions import MissingQueryError
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from api.auth import AuthenticationError, Principal
from api.errors import MASKED_MESSAGE, error_body, present_errors
from api.http_params import (
    GRAPHQL_RESPONSE,
    JSON,
    GraphQLParams,
    RequestError,
    negotiate,
    read_params,
)
from api.language import pick_language
from api.limits import limit_extensions
from api.operations import operation_kinds, selected_kind
from api.schema import build_schema
from api.settings import Settings
from api.web import graphiql_html
from api.workspaces import limits_from
from models.problems import Language
from resolvers.context import RequestContext
from storage.errors import StorageUnavailable

logger = logging.getLogger(__name__)

FORBIDDEN = {
    "en": "This API key has read scope; mutations need a key with write scope.",
    "vi": "Khóa API này chỉ có quyền đọc (read); thao tác thay đổi cần khóa có quyền ghi (write).",
}
UNAVAILABLE = {
    "en": "The database is unreachable; retry in a moment.",
    "vi": "Không kết nối được cơ sở dữ liệu; hãy thử lại sau ít phút.",
}
OPERATION_NAME_REQUIRED = {
    "en": "The document defines several operations; pass operationName to choose one.",
    "vi": "Tài liệu định nghĩa nhiều thao tác; hãy truyền operationName để chọn một thao tác.",
}
NO_SUBSCRIPTIONS = {
    "en": "This API has no subscriptions; send a query or a mutation.",
    "vi": "API này không hỗ trợ subscription; hãy gửi query hoặc mutation.",
}
MUTATION_OVER_GET = {
    "en": "Mutations are not allowed over GET; send them with POST.",
    "vi": "Không được gửi thao tác thay đổi (mutation) bằng GET; hãy dùng POST.",
}


def create_graphql_view(settings: Settings) -> GraphQLView:
    schema = build_schema(extensions=limit_extensions(settings))
    return GraphQLView(schema, graphiql=settings.graphiql)


class GraphQLView:
    """The ASGI app mounted at /graphql for GET and POST."""

    def __init__(self, schema: strawberry.Schema, *, graphiql: bool) -> None:
        self.schema = schema
        self.graphiql = graphiql

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        response = await self.handle(request)
        await response(scope, receive, send)

    async def handle(self, request: Request) -> Response:
        request_id: str = request.state.request_id
        language = pick_language(request.headers.get("accept-language"))
        if self.graphiql and _wants_graphiql(request):
            return HTMLResponse(graphiql_html())

        media_type = negotiate(request.headers.get("accept"))
        try:
            if media_type is None:
                raise RequestError(
                    406,
                    "NOT_ACCEPTABLE",
                    "Unsupported Accept header: accept application/graphql-response+json "
                    "or application/json.",
                )
            principal = await self._authenticate(request)
            params = await read_params(request)
            result = await self._execute(request, params, principal, language)
        except RequestError as error:
            logger.info(
                "request %s rejected with HTTP %d: %s%s",
                request_id,
                error.status,
                error.code,
                f" ({error.log_detail})" if error.log_detail else "",
            )
            return _error_response(error, request_id, media_type or JSON)
        except StorageUnavailable:
            logger.warning(
                "request %s failed: the database is unreachable", request_id, exc_info=True
            )
            unavailable = RequestError(503, "SERVICE_UNAVAILABLE", UNAVAILABLE[language])
            return _error_response(unavailable, request_id, media_type or JSON)
        except Exception:
            # Resolver errors are caught by the schema; this catches failures
            # around execution (authentication, building the context).
            logger.exception("request %s failed outside GraphQL execution", request_id)
            masked = RequestError(500, "INTERNAL_SERVER_ERROR", MASKED_MESSAGE[language])
            return _error_response(masked, request_id, media_type or JSON)
        return _result_response(result, media_type, request_id, language)

    async def _authenticate(self, request: Request) -> Principal:
        authenticator = request.app.state.authenticator
        try:
            principal: Principal = await authenticator.authenticate(
                request.headers.get("authorization")
            )
        except AuthenticationError as exc:
            raise RequestError(
                401,
                "UNAUTHENTICATED",
                str(exc),
                headers={"www-authenticate": 'Bearer realm="segments"'},
            ) from exc
        return principal

    async def _execute(
        self, request: Request, params: GraphQLParams, principal: Principal, language: Language
    ) -> ExecutionResult:
        kinds = operation_kinds(params.query) if params.query else None
        if kinds and len(kinds) > 1 and params.operation_name is None:
            raise RequestError(400, "BAD_REQUEST", OPERATION_NAME_REQUIRED[language])
        if selected_kind(params.query or "", params.operation_name) == "subscription":
            raise RequestError(400, "BAD_REQUEST", NO_SUBSCRIPTIONS[language])
        allowed = {OperationType.QUERY}
        if request.method == "POST" and principal.scope == "write":
            allowed.add(OperationType.MUTATION)
        context = await _build_context(request, principal, language)
        try:
            return await self.schema.execute(
                params.query,
                variable_values=params.variables,
                context_value=context,
                operation_name=params.operation_name,
                allowed_operation_types=allowed,
                operation_extensions=params.extensions,
            )
        except InvalidOperationTypeError as exc:
            if request.method == "GET":
                raise RequestError(
                    405,
                    "METHOD_NOT_ALLOWED",
                    MUTATION_OVER_GET[language],
                    headers={"allow": "POST"},
                ) from exc
            raise RequestError(
                403,
                "FORBIDDEN",
                FORBIDDEN[language],
                log_detail=f"read key {principal.key_id} of workspace {principal.workspace_id}",
            ) from exc
        except CannotGetOperationTypeError as exc:
            raise RequestError(400, "BAD_REQUEST", exc.as_http_error_reason()) from exc
        except MissingQueryError as exc:
            raise RequestError(400, "BAD_REQUEST", "The request has no GraphQL query.") from exc


def _wants_graphiql(request: Request) -> bool:
    return (
        request.method == "GET"
        and "text/html" in request.headers.get("accept", "")
        and "query" not in request.query_params
    )


async def _build_context(
    request: Request, principal: Principal, language: Language
) -> RequestContext:
    state = request.app.state
    workspace = await state.workspaces.get(principal.workspace_id)
    return RequestContext(
        database=state.database,
        workspace=workspace,
        scope=principal.scope,
        clock=state.clock,
        language=language,
        request_id=request.state.request_id,
        limits=limits_from(state.settings),
        request=request,
    )


def _is_request_error(result: ExecutionResult) -> bool:
    """Return whether execution never started: no data, and no error has a field path."""
    errors: list[GraphQLError] = result.errors or []
    return result.data is None and bool(errors) and all(e.path is None for e in errors)


def _result_response(
    result: ExecutionResult, media_type: str, request_id: str, language: Language
) -> Response:
    body: dict[str, Any] = {}
    request_error = _is_request_error(result)
    if not request_error:
        body["data"] = result.data
    if result.errors:
        errors = present_errors(result.errors, request_id, language)
        body["errors"] = [error.formatted for error in errors]
    status = 400 if request_error and media_type == GRAPHQL_RESPONSE else 200
    return Response(
        orjson.dumps(body), status_code=status, media_type=f"{media_type}; charset=utf-8"
    )


def _error_response(error: RequestError, request_id: str, media_type: str) -> Response:
    return Response(
        error_body(error.message, error.code, request_id, **error.extensions),
        status_code=error.status,
        media_type=f"{media_type}; charset=utf-8",
        headers=error.headers,
    )
