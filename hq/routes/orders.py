"""Web-shop orders imported by an admin: purchases and points for their members."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from hq import ingest, orders
from hq.errors import invalid
from hq.routes.deps import MAX_PUSH_BODY, AdminOnly, EngineDep, read_body
from sync.protocol import API_PREFIX

router = APIRouter(prefix=API_PREFIX, tags=["members"], dependencies=AdminOnly)


@router.post("/admin/orders")
async def import_orders(request: Request, engine: EngineDep) -> dict:
    """Online orders from the web shop: purchases and points for their members, each
    order once (``created``/``exists``/``conflict``/``refused`` per order)."""
    body = ingest.loads(await read_body(request, MAX_PUSH_BODY))
    if not isinstance(body, dict) or "orders" not in body:
        raise invalid('the body must be {"orders": [...]}', "malformed")
    try:
        return await run_in_threadpool(orders.import_orders, engine, body["orders"])
    except orders.BadOrder as exc:
        raise invalid(exc.detail, "malformed") from None
