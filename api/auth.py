"""Caller identification: the workspace and scope of each GraphQL request.

`Authorization: Bearer KEY` selects the workspace of the key and its scope.
Without the header, the embedded demo mode serves the demo workspace with
write scope, unless `REQUIRE_API_KEY` is true. With `MONGODB_URI` set,
every request needs a key.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from api.settings import Settings
from resolvers.context import Scope
from storage.api_keys import ensure_api_key_indexes, find_active_key, hash_key
from storage.database import Database

logger = logging.getLogger(__name__)

# Maximum number of verified keys kept in memory; the oldest entry is dropped first.
MAX_CACHED_KEYS = 10_000


@dataclass(frozen=True)
class Principal:
    workspace_id: str
    scope: Scope
    key_id: str | None = None


class AuthenticationError(Exception):
    """The request carries no usable credentials; the response is HTTP 401."""


class ApiKeyVerifier:
    """Looks keys up by hash, reusing a verified key for `ttl_seconds`.

    The cache makes a request cost no database query once its key was seen.
    A key revoked with `segments revoke-api-key` (another process) stops
    working here when its cache entry expires, after at most `ttl_seconds`.
    Only verified keys are cached, so a revoked or unknown key is looked up
    again on every request.
    """

    def __init__(
        self,
        database: Database,
        ttl_seconds: float,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._database = database
        self._ttl = ttl_seconds
        self._monotonic = monotonic
        self._cache: dict[str, tuple[Principal, float]] = {}

    async def verify(self, key: str) -> Principal | None:
        digest = hash_key(key)
        cached = self._cache.get(digest)
        now = self._monotonic()
        if cached is not None and cached[1] > now:
            return cached[0]

        record = await find_active_key(self._database, key)
        if record is None:
            self._cache.pop(digest, None)
            return None
        principal = Principal(record.workspace_id, record.scope, record.id)
        if self._ttl > 0:
            self._remember(digest, principal, now + self._ttl)
        return principal

    def _remember(self, digest: str, principal: Principal, expires: float) -> None:
        self._cache.pop(digest, None)
        if len(self._cache) >= MAX_CACHED_KEYS:
            del self._cache[next(iter(self._cache))]
        self._cache[digest] = (principal, expires)


class Authenticator:
    """Turns the Authorization header of a request into a principal."""

    def __init__(self, settings: Settings, verifier: ApiKeyVerifier) -> None:
        self._settings = settings
        self._verifier = verifier

    async def authenticate(self, authorization: str | None) -> Principal:
        """Return the caller's principal, or raise AuthenticationError."""
        if authorization is None:
            if not self._settings.api_key_required:
                return Principal(self._settings.demo_workspace, "write")
            raise AuthenticationError(
                "Missing API key: send the header 'Authorization: Bearer KEY'; "
                "create a key with 'segments create-api-key'."
            )

        scheme, _, key = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise AuthenticationError("Invalid Authorization header: expected 'Bearer KEY'.")
        principal = await self._verifier.verify(key.strip())
        if principal is None:
            raise AuthenticationError("Invalid or revoked API key.")
        return principal


async def start_authenticator(settings: Settings, database: Database) -> Authenticator:
    """Create the key index and the authenticator, and log how requests are authenticated."""
    await ensure_api_key_indexes(database)
    if settings.api_key_required:
        logger.info(
            "every request needs an API key; verified keys are cached for %.0f s",
            settings.api_key_cache_seconds,
        )
    else:
        logger.info(
            "embedded demo mode: requests without an API key are served the demo workspace %r "
            "with write access; set REQUIRE_API_KEY=true to require keys",
            settings.demo_workspace,
        )
    return Authenticator(settings, ApiKeyVerifier(database, settings.api_key_cache_seconds))
