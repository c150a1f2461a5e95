"""ASGI middleware: a request id on every response, and a bound on request bodies.

The body is counted as it streams in and buffered up to `MAX_BODY_BYTES`;
a larger body gets HTTP 413 before anything parses it. A `Content-Length`
above the limit is rejected without reading the body at all.
"""

from __future__ import annotations

import logging
import re
import uuid

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_body
from api.language import pick_language

logger = logging.getLogger(__name__)

REQUEST_ID_HEADER = "x-request-id"
# A client may pass its own id for tracing; anything else is replaced.
_CLIENT_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")

TOO_LARGE = {
    "en": "The request body is larger than {limit} bytes (setting MAX_BODY_BYTES); "
    "send fewer rows or ids per request.",
    "vi": "Nội dung yêu cầu lớn hơn {limit} byte (thiết lập MAX_BODY_BYTES); "
    "hãy gửi ít dòng hoặc ít mã hơn trong mỗi yêu cầu.",
}


class BodyTooLarge(Exception):
    pass


class RequestMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        headers = Headers(scope=scope)
        client_id = headers.get(REQUEST_ID_HEADER, "")
        request_id = client_id if _CLIENT_ID.fullmatch(client_id) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                response_headers = list(message.get("headers", []))
                response_headers.append((REQUEST_ID_HEADER.encode(), request_id.encode()))
                message = {**message, "headers": response_headers}
            await send(message)

        limit: int = scope["app"].state.settings.max_body_bytes
        try:
            body = await _read_body(headers, receive, limit)
        except BodyTooLarge:
            logger.info("request %s rejected with HTTP 413: body over %d bytes", request_id, limit)
            language = pick_language(headers.get("accept-language"))
            await _payload_too_large(
                TOO_LARGE[language].format(limit=limit), limit, request_id, send_with_id
            )
            return

        await self.app(scope, _replay(body, receive), send_with_id)


async def _read_body(headers: Headers, receive: Receive, limit: int) -> bytes:
    """Read the whole request body, raising BodyTooLarge once it passes `limit` bytes."""
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            # The client disconnected, so the app reads an empty body, then the disconnect.
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """Return a `receive` that yields the buffered body once, then waits on the client."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


async def _payload_too_large(message: str, limit: int, request_id: str, send: Send) -> None:
    body = error_body(
        message, "PAYLOAD_TOO_LARGE", request_id, setting="MAX_BODY_BYTES", limit=limit
    )
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
