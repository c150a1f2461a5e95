"""The GraphQL HTTP endpoint: builds each request's context."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from strawberry.asgi import GraphQL

from api.language import pick_language
from api.workspaces import limits_from
from resolvers.context import RequestContext


class GraphQLView(GraphQL[RequestContext, None]):
    async def get_context(self, request: Any, response: Any) -> RequestContext:
        state = request.app.state
        principal = request.state.principal
        workspace = await state.workspaces.get(principal.workspace_id)
        return RequestContext(
            database=state.database,
            workspace=workspace,
            scope=principal.scope,
            clock=state.clock,
            language=pick_language(request.headers.get("accept-language")),
            request_id=request.state.request_id,
            limits=limits_from(state.settings),
            request=request,
            response=response,
        )

    def encode_json(self, data: object) -> bytes:
        import orjson

        return orjson.dumps(data)

    async def render_graphql_ide(self, request: Request) -> Response:
        return await super().render_graphql_ide(request)
