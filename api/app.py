"""The Starlette application: routes, start-up and shutdown."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator, Callable

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Route

from api.auth import start_authenticator
from api.demo import seed_demo_workspace
from api.graphql_view import create_graphql_view
from api.health import healthz, readyz
from api.middleware import RequestMiddleware
from api.settings import Settings, get_settings
from api.web import web_routes
from api.workspaces import WorkspaceRegistry
from storage.database import Database, open_database
from storage.indexes import create_indexes

logger = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def create_app(
    settings: Settings | None = None,
    *,
    clock: Clock | None = None,
    database: Database | None = None,
) -> Starlette:
    """Build the app; tests pass a pinned `clock` and may share a `database`."""
    settings = settings or get_settings()
    clock = clock or system_clock

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        logger.info("starting segments service with settings %s", settings.describe())
        db = database or open_database(
            settings.mongodb_uri.get_secret_value() if settings.mongodb_uri else None,
            settings.database,
        )
        await create_indexes(db)
        app.state.database = db
        app.state.workspaces = WorkspaceRegistry(db, settings, clock)
        app.state.authenticator = await start_authenticator(settings, db)
        if settings.embedded:
            await seed_demo_workspace(app.state.workspaces, db, settings, clock)
        logger.info("segments service ready")
        try:
            yield
        finally:
            if database is None:
                await db.close()
            logger.info("segments service stopped")

    app = Starlette(
        routes=[
            Route("/graphql", create_graphql_view(settings), methods=["GET", "POST"]),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            *web_routes(),
        ],
        middleware=[
            # CORS is outermost so that preflight requests need no API key.
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "POST"],
                allow_headers=["authorization", "content-type", "accept-language", "x-request-id"],
                expose_headers=["x-request-id"],
            ),
            Middleware(RequestMiddleware),
        ],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.clock = clock
    return app
