"""`segments create-api-key`, `list-api-keys` and `revoke-api-key`.

The commands write to the database named by the `MONGODB_URI` and
`DATABASE` settings, not through a running server. Without `MONGODB_URI`
they can only use a fresh in-memory store that no server shares, so every
command prints a warning about it on standard error.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import sys
from collections.abc import Awaitable, Callable

from api.settings import Settings, get_settings
from storage.api_keys import (
    SCOPES,
    ApiKeyRecord,
    InvalidApiKeyRequest,
    create_api_key,
    ensure_api_key_indexes,
    list_api_keys,
    revoke_api_key,
)
from storage.database import Database, open_database
from storage.errors import StorageError

logger = logging.getLogger(__name__)

EMBEDDED_WARNING = (
    "warning: MONGODB_URI is not set, so this command used a new in-memory database that "
    "exists only while it runs. A running server cannot see it: keys created here work "
    "nowhere and keys revoked here stay valid. Set MONGODB_URI (and DATABASE) to the "
    "server's database."
)


def add_create_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workspace", required=True, help="Workspace id the key gives access to.")
    parser.add_argument(
        "--scope",
        required=True,
        choices=SCOPES,
        help="read: queries only; write: queries and mutations.",
    )
    parser.add_argument("--name", help="Label shown by list-api-keys, e.g. 'CRM sync'.")


def add_list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workspace", help="List only the keys of this workspace.")


def add_revoke_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="Key id, as list-api-keys prints it.")


def run_create(args: argparse.Namespace) -> int:
    async def create(database: Database, settings: Settings) -> int:
        try:
            record, key = await create_api_key(
                database, args.workspace, args.scope, args.name, dt.datetime.now(dt.UTC)
            )
        except InvalidApiKeyRequest as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(
            f"Created {record.scope} API key {record.id} for workspace {record.workspace_id!r}. "
            "The key is printed once, below; only its hash is stored.",
            file=sys.stderr,
        )
        print(key)
        return 0

    return _run(create)


def run_list(args: argparse.Namespace) -> int:
    async def show(database: Database, settings: Settings) -> int:
        records = await list_api_keys(database, args.workspace)
        if not records:
            print("No API keys.", file=sys.stderr)
            return 0
        print(_table(records))
        return 0

    return _run(show)


def run_revoke(args: argparse.Namespace) -> int:
    async def revoke(database: Database, settings: Settings) -> int:
        record = await revoke_api_key(database, args.id, dt.datetime.now(dt.UTC))
        if record is None:
            print(f"error: no API key with id {args.id!r}; see list-api-keys.", file=sys.stderr)
            return 1
        print(
            f"Revoked API key {record.id} of workspace {record.workspace_id!r}. Running servers "
            f"stop accepting it within {settings.api_key_cache_seconds:g} s "
            "(setting API_KEY_CACHE_SECONDS).",
            file=sys.stderr,
        )
        return 0

    return _run(revoke)


def _run(action: Callable[[Database, Settings], Awaitable[int]]) -> int:
    settings = get_settings()
    if settings.embedded:
        print(EMBEDDED_WARNING, file=sys.stderr)

    async def main() -> int:
        uri = settings.mongodb_uri.get_secret_value() if settings.mongodb_uri else None
        database = open_database(uri, settings.database)
        try:
            await ensure_api_key_indexes(database)
            return await action(database, settings)
        finally:
            await database.close()

    try:
        return asyncio.run(main())
    except StorageError as exc:
        print(f"error: the database failed: {exc}", file=sys.stderr)
        return 1


def _table(records: list[ApiKeyRecord]) -> str:
    header = ("ID", "WORKSPACE", "SCOPE", "KEY STARTS", "NAME", "CREATED (UTC)", "REVOKED (UTC)")
    rows = [header] + [
        (
            r.id,
            r.workspace_id,
            r.scope,
            r.shown_prefix + "…",
            r.name or "-",
            _time(r.created_at),
            _time(r.revoked_at) if r.revoked_at else "-",
        )
        for r in records
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )


def _time(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S")
