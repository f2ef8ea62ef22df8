"""The catalog and pricing: product CSV and pricing batch imports, withdrawing a
pricing document, and the admin price quote."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query, Request
from starlette.concurrency import run_in_threadpool

from hq import importers, ingest
from hq.errors import invalid
from hq.quote import quote
from hq.routes.deps import MAX_ADMIN_BODY, AdminOnly, EngineDep, read_body
from sync.protocol import API_PREFIX

router = APIRouter(prefix=API_PREFIX, dependencies=AdminOnly)


@router.post("/quote", tags=["pricing"])
def post_quote(engine: EngineDep, body: Annotated[dict, Body(examples=[{
    "store_id": "S001", "member_tier": "gold", "lines": [{"sku": "D0001", "qty": 3}],
    "coupons": []}])]) -> dict:  # fmt: skip
    """Price a cart with the counter's engine (admin token)."""
    return quote(engine, body)


@router.post(
    "/admin/products", tags=["admin"],
    openapi_extra={"requestBody": {"required": True, "content": {"text/csv": {
        "schema": {"type": "string"}}}}},
)  # fmt: skip
async def import_products(request: Request, engine: EngineDep) -> dict:
    """Import a product CSV (sku,barcode,name,category,brand,price): all or nothing."""
    raw = await read_body(request, MAX_ADMIN_BODY)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise invalid("the CSV must be UTF-8") from None
    return await run_in_threadpool(importers.import_products, engine, text)


@router.post("/admin/pricing", tags=["admin"])
async def import_pricing(
    request: Request,
    engine: EngineDep,
    stores: Annotated[str | None, Query(description="comma-separated store ids")] = None,
) -> dict:  # fmt: skip
    """Import a pricing batch (docs/pricing.md), validated all or nothing."""
    batch = ingest.loads(await read_body(request, MAX_ADMIN_BODY))
    scope = [s for s in (stores or "").split(",") if s.strip()] or None
    return await run_in_threadpool(importers.import_pricing, engine, batch, scope)


@router.delete("/admin/pricing/{kind}/{doc_id}", tags=["admin"])
def delete_pricing(kind: str, doc_id: str, engine: EngineDep) -> dict:
    return importers.delete_document(engine, kind, doc_id)
