"""HQ's HTTP API (FastAPI), exactly the endpoints ``sync/protocol.py`` documents,
plus admin endpoints. ``create_app(db_url)`` builds an app; ``app_from_env`` is
the factory uvicorn workers import (it reads ``HQ_DATABASE_URL``).

The routes live in :mod:`hq.routes`, one router per area; this module builds the
app: the engine, the error handlers and the routers.

Workers are stateless: everything that matters is in the database (tokens, the
signing key, the feed); the in-process caches (signing key, parsed pricing) are
keyed so they can only be stale by their TTL or not at all.

Every error body is JSON ``{"error": code, "message": text}``.
"""

from __future__ import annotations

import logging
import os

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from hq.config import ENV_DB
from hq.db import make_engine
from hq.errors import HQError
from hq.routes import (
    catalog,
    loyalty,
    members,
    ops,
    orders,
    sales,
    staff,
    stores,
    terminal,
    till,
)

logger = logging.getLogger(__name__)

# the order routes are matched in (no two of them match the same path and method)
ROUTERS = (terminal.router, orders.router, catalog.router, stores.router, sales.router,
           members.router, loyalty.router, staff.router, till.router, ops.router)


def _error(status: int, error: str, message: str) -> JSONResponse:
    return JSONResponse({"error": error, "message": message}, status_code=status)


async def _hq_error(_request: Request, exc: HQError) -> JSONResponse:
    return _error(exc.status, exc.error, exc.message)


async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        parts.append(f"{where or 'body'}: {err.get('msg')}")
    return _error(422, "malformed", "; ".join(parts) or "malformed request")


async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return _error(exc.status_code, code, str(exc.detail))


async def _crash(_request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error")
    return _error(500, "internal", "HQ failed to handle the request; it was logged")


def create_app(db_url: str) -> FastAPI:
    app = FastAPI(
        title="OMO POS HQ",
        version="1",
        description="Reference headquarters service: enrollment, signed change feed, "
        "event ingest, price quotes and admin.",
    )
    app.state.engine = make_engine(db_url)
    app.add_exception_handler(HQError, _hq_error)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(Exception, _crash)
    for router in ROUTERS:
        app.include_router(router)
    return app


def app_from_env() -> FastAPI:
    """uvicorn factory for ``--workers``: the database URL comes from HQ_DATABASE_URL."""
    url = os.environ.get(ENV_DB)
    if not url:
        raise RuntimeError(f"{ENV_DB} is not set")
    return create_app(url)
