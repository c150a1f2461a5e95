"""ASGI middleware: a request id on every request, and authentication of /graphql."""

from __future__ import annotations

import logging
import re
import uuid

import orjson
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth import AuthenticationError, authenticate

logger = logging.getLogger(__name__)

REQUEST_ID_HEADER = "x-request-id"
# A client may pass its own id for tracing; anything else is replaced.
_CLIENT_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestMiddleware:
    def __init__(self, app: ASGIApp, graphql_path: str = "/graphql") -> None:
        self.app = app
        self.graphql_path = graphql_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        request = Request(scope)
        given = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = given if _CLIENT_ID.fullmatch(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((REQUEST_ID_HEADER.encode(), request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        if scope["path"] == self.graphql_path:
            try:
                scope["state"]["principal"] = await authenticate(request, scope["app"].state.settings)
            except AuthenticationError as exc:
                logger.info("request %s rejected: %s", request_id, exc)
                await _unauthorized(str(exc), request_id, send_with_id)
                return

        await self.app(scope, receive, send_with_id)


async def _unauthorized(message: str, request_id: str, send: Send) -> None:
    body = orjson.dumps(
        {"errors": [{"message": message, "extensions": {"code": "UNAUTHENTICATED", "requestId": request_id}}]}
    )
    await send(
        {
            "type": "http.response.start",
            "status": 401,
            "headers": [
                (b"content-type", b"application/json"),
                (b"www-authenticate", b'Bearer realm="segments"'),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
