"""Liveness and readiness endpoints."""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import JSONResponse

from storage.errors import StorageError

logger = logging.getLogger(__name__)


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    try:
        await request.app.state.database.ping()
    except StorageError as exc:
        logger.warning("readiness check failed: %s", exc)
        return JSONResponse(
            {"status": "unavailable", "reason": "database unreachable"}, status_code=503
        )
    return JSONResponse({"status": "ready"})
