"""What HQ's routers share: the engine, terminal and admin authentication, the
canonical JSON response, the size-limited body reader and common parameter types.

The engine is the one :func:`hq.api.create_app` stores in ``app.state.engine``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Header, Query, Request
from fastapi.responses import Response
from sqlalchemy import Engine

from hq import auth
from hq.errors import HQError
from sync.protocol import canonical_json

MAX_PUSH_BODY = 16 * 1024 * 1024
MAX_ADMIN_BODY = 64 * 1024 * 1024


class CanonicalJSONResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return canonical_json(content)


def get_engine(request: Request) -> Engine:
    """The app's database engine."""
    return request.app.state.engine


AuthHeader = Annotated[str | None, Header(description="Bearer token")]
EngineDep = Annotated[Engine, Depends(get_engine)]
From = Annotated[str, Query(alias="from", description="YYYY-MM-DD (Taiwan business day)")]
To = Annotated[str, Query(alias="to", description="YYYY-MM-DD, inclusive")]
Format = Annotated[str, Query(pattern="^(json|csv)$")]


def terminal(engine: Engine, authorization: str | None, *,
             touch: bool = False) -> auth.TerminalIdentity:
    """The terminal a bearer token belongs to (called in the handler, after validation)."""
    return auth.authenticate_terminal(engine, authorization, touch=touch)


def need_admin(engine: EngineDep, authorization: AuthHeader = None) -> None:
    """Admin bearer token; runs before the body is validated."""
    auth.authenticate_admin(engine, authorization)


AdminOnly = [Depends(need_admin)]


async def read_body(request: Request, limit: int) -> bytes:
    """The raw body, refused with 413 as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HQError(413, "too_large", f"the body is larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HQError(413, "too_large", f"the body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
