"""API keys: created once, stored only as a hash, looked up by that hash.

A key is `sk_` followed by 32 random bytes in URL-safe base64 (256 bits of
entropy). The database keeps its SHA-256 digest, never the key. A fast hash
is enough here: password hashes such as bcrypt or Argon2 are slow on purpose
to protect guessable secrets, but 2**256 random keys cannot be enumerated,
and a slow hash would add its cost to every request.

The `apiKeys` collection is not workspace-scoped, because a key is how a
request finds its workspace. Each document still carries `workspaceId`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from typing import Any, Literal

from bson import ObjectId
from bson.errors import InvalidId

from storage.database import Database

logger = logging.getLogger(__name__)

ApiKeyScope = Literal["read", "write"]
SCOPES: tuple[ApiKeyScope, ...] = ("read", "write")

COLLECTION = "apiKeys"
KEY_PREFIX = "sk_"
# Characters of the key kept in clear for listing; 6 of 43 random characters
# reveal 36 bits, which still leaves 220 bits unknown.
SHOWN_LENGTH = len(KEY_PREFIX) + 6
WORKSPACE_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_NAME_LENGTH = 100


@dataclass(frozen=True)
class ApiKeyRecord:
    """An API key as stored, without the key itself."""

    id: str
    workspace_id: str
    scope: ApiKeyScope
    name: str | None
    shown_prefix: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> ApiKeyRecord:
        return cls(
            id=str(document["_id"]),
            workspace_id=document["workspaceId"],
            scope=document["scope"],
            name=document.get("name"),
            shown_prefix=document["prefix"],
            created_at=document["createdAt"],
            revoked_at=document.get("revokedAt"),
        )


class InvalidApiKeyRequest(ValueError):
    """A key cannot be created with the given workspace, scope or name."""


def generate_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    """Return the SHA-256 hex digest stored in place of `key`."""
    return hashlib.sha256(key.encode()).hexdigest()


def looks_like_key(key: str) -> bool:
    """Return whether `key` has the shape of a key this module makes, before any lookup."""
    return key.startswith(KEY_PREFIX) and 20 <= len(key) <= 100 and key.isascii()


async def ensure_api_key_indexes(database: Database) -> None:
    keys = database.collection(COLLECTION)
    await keys.create_index([("keyHash", 1)], name="key_hash", unique=True)
    await keys.create_index([("workspaceId", 1), ("createdAt", 1)], name="workspace_created")


def check_request(workspace_id: str, scope: str, name: str | None) -> None:
    """Raise InvalidApiKeyRequest naming the first invalid argument."""
    if not WORKSPACE_ID_PATTERN.fullmatch(workspace_id):
        raise InvalidApiKeyRequest(
            f"invalid workspace id {workspace_id!r}: use 1 to 64 letters, digits, '_' or '-'"
        )
    if scope not in SCOPES:
        raise InvalidApiKeyRequest(f"invalid scope {scope!r}: expected 'read' or 'write'")
    if name is not None and not 1 <= len(name.strip()) <= MAX_NAME_LENGTH:
        raise InvalidApiKeyRequest(f"the key name must be 1 to {MAX_NAME_LENGTH} characters long")


async def create_api_key(
    database: Database, workspace_id: str, scope: str, name: str | None, now: dt.datetime
) -> tuple[ApiKeyRecord, str]:
    """Store a new key of `workspace_id` and return its record and the key.

    The key is returned only here; the database keeps its hash.
    """
    check_request(workspace_id, scope, name)
    key = generate_key()
    document: dict[str, Any] = {
        "_id": ObjectId(),
        "workspaceId": workspace_id,
        "scope": scope,
        "keyHash": hash_key(key),
        "prefix": key[:SHOWN_LENGTH],
        "createdAt": now,
    }
    if name is not None:
        document["name"] = name.strip()
    await database.collection(COLLECTION).insert_one(document)
    logger.info("created %s API key %s for workspace %s", scope, document["_id"], workspace_id)
    return ApiKeyRecord.from_document(document), key


async def find_active_key(database: Database, key: str) -> ApiKeyRecord | None:
    """Return the record of `key` unless it is unknown or revoked."""
    if not looks_like_key(key):
        return None
    document = await database.collection(COLLECTION).find_one(
        {"keyHash": hash_key(key), "revokedAt": {"$exists": False}}
    )
    return ApiKeyRecord.from_document(document) if document else None


async def list_api_keys(database: Database, workspace_id: str | None = None) -> list[ApiKeyRecord]:
    """Return every key, revoked ones included, oldest first."""
    query = {"workspaceId": workspace_id} if workspace_id is not None else {}
    documents = await database.collection(COLLECTION).find(
        query, sort=[("workspaceId", 1), ("createdAt", 1)], projection={"keyHash": 0}
    )
    return [ApiKeyRecord.from_document(d) for d in documents]


async def revoke_api_key(database: Database, key_id: str, now: dt.datetime) -> ApiKeyRecord | None:
    """Mark the key `key_id` revoked and return it; None when no such key exists.

    Revoking a revoked key keeps its first revocation time.
    """
    try:
        object_id = ObjectId(key_id)
    except (InvalidId, TypeError):
        return None
    keys = database.collection(COLLECTION)
    await keys.update_one(
        {"_id": object_id, "revokedAt": {"$exists": False}}, {"$set": {"revokedAt": now}}
    )
    document = await keys.find_one({"_id": object_id})
    if document is None:
        return None
    logger.info("revoked API key %s of workspace %s", key_id, document["workspaceId"])
    return ApiKeyRecord.from_document(document)
