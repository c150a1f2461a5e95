"""Who is calling: the workspace and scope of each GraphQL request."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from starlette.requests import Request

from api.settings import Settings
from resolvers.context import Scope

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Principal:
    workspace_id: str
    scope: Scope
    key_id: str | None = None


class AuthenticationError(Exception):
    """The request carries no usable credentials; the response is HTTP 401."""


async def authenticate(request: Request, settings: Settings) -> Principal:
    """Return the caller's principal, or raise AuthenticationError.

    Without `MONGODB_URI` the embedded demo workspace is served to callers
    that send no key; with it, every request needs a key.
    """
    header = request.headers.get("authorization")
    if header is None and settings.embedded:
        return Principal(settings.demo_workspace, "write")
    # TODO: verify API keys; until then only the keyless demo mode is served.
    raise AuthenticationError("Missing or invalid API key; send 'Authorization: Bearer KEY'.")
