"""The embedded demo workspace: seeded with sample Vietnamese customers."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from api.settings import Settings
from api.workspaces import WorkspaceRegistry, limits_from
from resolvers.context import RequestContext
from resolvers.customers.writes import import_customers
from storage.database import Database
from storage.demo_data import generate_demo_customers

logger = logging.getLogger(__name__)


async def seed_demo_workspace(
    workspaces: WorkspaceRegistry,
    database: Database,
    settings: Settings,
    clock: Callable[[], dt.datetime],
) -> None:
    """Fill the demo workspace with sample customers unless it has some already."""
    workspace = await workspaces.get(settings.demo_workspace)
    ctx = RequestContext(
        database=database,
        workspace=workspace,
        scope="write",
        clock=clock,
        language="en",
        request_id="startup",
        limits=limits_from(settings),
    )
    if settings.demo_customers == 0 or await ctx.collection("customers").count({}):
        return
    rows = generate_demo_customers(settings.demo_customers, clock())
    batch = settings.max_import_rows
    for start in range(0, len(rows), batch):
        await import_customers(ctx, rows[start : start + batch])
    logger.info(
        "serving demo workspace %r without an API key, seeded with %d sample customers",
        settings.demo_workspace,
        len(rows),
    )
