"""Workspaces: created on first use, with their time zone."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from storage.database import Database

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkspaceRecord:
    id: str
    time_zone: ZoneInfo
    defaults_seeded: bool


async def ensure_workspace(
    database: Database, workspace_id: str, default_zone: str, now: dt.datetime
) -> WorkspaceRecord:
    """Return the workspace, creating it with `default_zone` when it is new.

    The upsert with `$setOnInsert` makes concurrent first requests agree on
    one workspace document.
    """
    document = await database.collection("workspaces").find_one_and_update(
        {"_id": workspace_id},
        {"$setOnInsert": {"timeZone": default_zone, "createdAt": now}},
        upsert=True,
    )
    assert document is not None  # an upsert always returns the document
    return WorkspaceRecord(
        id=workspace_id,
        time_zone=ZoneInfo(document.get("timeZone", default_zone)),
        defaults_seeded=bool(document.get("defaultsSeededAt")),
    )


async def mark_defaults_seeded(database: Database, workspace_id: str, now: dt.datetime) -> None:
    await database.collection("workspaces").update_one(
        {"_id": workspace_id}, {"$set": {"defaultsSeededAt": now}}
    )
