"""The terminal protocol (``sync/protocol.py``): enroll, who am I, the signed feed,
event push, and a member's recent purchases for the counter's member panel.

Terminals authenticate in the handler, after the request was validated.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from hq import crm, enrollment, feed, ingest, keys
from hq.einvoice import leasing
from hq.routes.deps import (
    MAX_PUSH_BODY,
    AuthHeader,
    CanonicalJSONResponse,
    EngineDep,
    read_body,
    terminal,
)
from hq.routes.schemas import EnrollRequest
from sync.protocol import API_PREFIX, MAX_FEED_LIMIT, build_batch, sign_batch

MAX_WAIT_SECONDS = 30.0
POLL_INTERVAL = 0.2

router = APIRouter(prefix=API_PREFIX, tags=["terminal"])


@router.post("/enroll")
def enroll(body: EnrollRequest, engine: EngineDep) -> dict:
    return enrollment.enroll(engine, body.pairing_code, body.device_name)


@router.get("/terminal")
def whoami(engine: EngineDep, authorization: AuthHeader = None) -> dict:
    who = terminal(engine, authorization, touch=True)
    return {"terminal_id": who.terminal_id, "store_id": who.store_id, "status": who.status}


@router.get("/feed", response_class=CanonicalJSONResponse)
async def get_feed(
    engine: EngineDep,
    authorization: AuthHeader = None,
    cursor: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1)] = 1000,
    wait: Annotated[float, Query(ge=0)] = 0,
) -> Any:
    """Signed batch of changes after ``cursor``; long-polls up to ``wait`` s (max 30)."""
    who = await run_in_threadpool(terminal, engine, authorization, touch=True)
    # e-invoice numbers due to this terminal are leased first, so this batch carries them
    await run_in_threadpool(leasing.ensure_leases_quietly, engine, who.store_id,
                            who.terminal_id)
    limit = min(limit, MAX_FEED_LIMIT)
    deadline = time.monotonic() + min(wait, MAX_WAIT_SECONDS)
    while True:
        page = await run_in_threadpool(feed.read, engine, who.store_id, cursor, limit)
        if page.changes or time.monotonic() >= deadline:
            break
        await asyncio.sleep(min(POLL_INTERVAL, max(0.0, deadline - time.monotonic())))
    key = await run_in_threadpool(keys.active_key, engine)
    batch = build_batch(
        store_id=who.store_id, from_cursor=cursor, to_cursor=max(cursor, page.to_cursor),
        has_more=page.has_more, changes=page.changes, issued_at=datetime.now(UTC),
    )  # fmt: skip
    return CanonicalJSONResponse(sign_batch(batch, key))


@router.post(
    "/events",
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
        "schema": {"type": "object", "properties": {"events": {"type": "array", "items": {
            "type": "object", "required": ["event_id", "kind", "created_at", "payload"]}}}}}}}},
)  # fmt: skip
async def push(request: Request, engine: EngineDep,
               authorization: AuthHeader = None) -> JSONResponse:
    """Store pushed events; one transaction per request; per-event created/exists/conflict."""
    who = await run_in_threadpool(terminal, engine, authorization, touch=True)
    raw = await read_body(request, MAX_PUSH_BODY)
    events = ingest.parse_events(ingest.loads(raw))
    results = await run_in_threadpool(ingest.ingest, engine, who, events)
    # the invoices just received may have used up the terminal's numbers: refill now
    await run_in_threadpool(leasing.ensure_leases_quietly, engine, who.store_id,
                            who.terminal_id)
    return JSONResponse({"results": results})


@router.get("/members/{member_id}/purchases")
def terminal_member_purchases(member_id: str, engine: EngineDep,
                              authorization: AuthHeader = None,
                              limit: Annotated[int, Query(ge=1, le=20)] = 5) -> dict:
    """A member's latest purchases in every store and online, for the counter's member
    panel (totals only: no lines, no payments)."""
    terminal(engine, authorization, touch=True)
    return crm.recent_purchases(engine, member_id, limit)
