"""Resolution of the caller's workspace, created with its defaults on first use."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable

from api.settings import Settings
from resolvers.context import Limits, RequestContext
from resolvers.segments.defaults import ensure_default_segments
from storage.database import Database
from storage.workspaces import WorkspaceRecord, ensure_workspace


def limits_from(settings: Settings) -> Limits:
    return Limits(
        max_page_size=settings.max_page_size,
        max_import_rows=settings.max_import_rows,
        max_groups=settings.max_groups,
        max_conditions_per_group=settings.max_conditions_per_group,
        max_batch_ids=settings.max_batch_ids,
        max_inlined_conditions=settings.max_inlined_conditions,
        count_cache_seconds=settings.count_cache_seconds,
    )


class WorkspaceRegistry:
    """Workspaces this process has prepared, so each request costs no extra query."""

    def __init__(
        self, database: Database, settings: Settings, clock: Callable[[], dt.datetime]
    ) -> None:
        self._database = database
        self._settings = settings
        self._clock = clock
        self._ready: dict[str, WorkspaceRecord] = {}
        self._lock = asyncio.Lock()

    async def get(self, workspace_id: str) -> WorkspaceRecord:
        record = self._ready.get(workspace_id)
        if record is not None:
            return record
        async with self._lock:
            record = self._ready.get(workspace_id)
            if record is None:
                record = await self._prepare(workspace_id)
                self._ready[workspace_id] = record
        return record

    async def _prepare(self, workspace_id: str) -> WorkspaceRecord:
        record = await ensure_workspace(
            self._database, workspace_id, self._settings.default_time_zone, self._clock()
        )
        if not record.defaults_seeded:
            ctx = RequestContext(
                database=self._database,
                workspace=record,
                scope="write",
                clock=self._clock,
                language="en",
                request_id="startup",
                limits=limits_from(self._settings),
            )
            await ensure_default_segments(ctx)
            record = WorkspaceRecord(record.id, record.time_zone, defaults_seeded=True)
        return record
