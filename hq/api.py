"""HQ's HTTP API (FastAPI), exactly the endpoints ``sync/protocol.py`` documents,
plus admin endpoints. ``create_app(db_url)`` builds an app; ``app_from_env`` is
the factory uvicorn workers import (it reads ``HQ_DATABASE_URL``).

Workers are stateless: everything that matters is in the database (tokens, the
signing key, the feed); the in-process caches (signing key, parsed pricing) are
keyed so they can only be stale by their TTL or not at all.

Every error body is JSON ``{"error": code, "message": text}``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, StrictInt
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from hq import (
    admin,
    auth,
    crm,
    enrollment,
    feed,
    importers,
    ingest,
    keys,
    member_admin,
    orders,
    staff,
    till,
)
from hq.config import ENV_DB
from hq.db import make_engine
from hq.errors import HQError, invalid
from hq.quote import quote
from sync.protocol import API_PREFIX, MAX_FEED_LIMIT, build_batch, canonical_json, sign_batch

logger = logging.getLogger(__name__)

MAX_WAIT_SECONDS = 30.0
POLL_INTERVAL = 0.2
MAX_PUSH_BODY = 16 * 1024 * 1024
MAX_ADMIN_BODY = 64 * 1024 * 1024


class CanonicalJSONResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return canonical_json(content)


def _error(status: int, error: str, message: str) -> JSONResponse:
    return JSONResponse({"error": error, "message": message}, status_code=status)


class EnrollRequest(BaseModel):
    pairing_code: str = Field(min_length=1, max_length=64, examples=["ABCD-2345"])
    device_name: str = Field(default="", max_length=200)


class StoreRequest(BaseModel):
    store_id: str = Field(min_length=1, max_length=32, examples=["S001"])
    name: str = Field(min_length=1, max_length=200)
    address: str = Field(default="", max_length=500)
    tax_id: str = Field(default="", max_length=16)


class PairingRequest(BaseModel):
    store_id: str = Field(min_length=1, max_length=32)
    terminal_id: str | None = Field(default=None, max_length=32)
    ttl_hours: float = Field(default=24, gt=0, le=24 * 30)


class AllowanceRequest(BaseModel):
    member_id: str = Field(min_length=1, max_length=64)
    terminal: str = Field(min_length=3, max_length=65, examples=["S001/T01"])
    points: StrictInt = 0
    stored_value: StrictInt = 0
    hours: float = Field(default=24, gt=0)


class CouponRequest(BaseModel):
    terms: str = Field(min_length=1, max_length=64, examples=["DAIRY15"])
    member_id: str | None = Field(default=None, max_length=64)
    days: StrictInt = 30


class CouponBatchRequest(BaseModel):
    terms: str = Field(min_length=1, max_length=64)
    filter: str = Field(min_length=1, max_length=200,
                        examples=["tier=gold", "bought=D0001:2026-11-01:2026-11-30"])
    days: StrictInt = 30


class MemberUpdateRequest(BaseModel):
    tier: str | None = Field(default=None, max_length=32)
    name: str | None = Field(default=None, max_length=100)
    birthday: str | None = Field(default=None, max_length=10)


class UserRequest(BaseModel):
    """Create or update a staff user; a field left out keeps its value (a new user needs
    name, role and pin). ``card_code: null`` removes the card; ``stores: null`` or
    ``"all"`` means every store."""

    user_id: str = Field(min_length=1, max_length=32, examples=["C001"])
    name: str | None = Field(default=None, max_length=100, examples=["王小明"])
    role: str | None = Field(default=None, examples=["cashier"])
    pin: str | None = Field(default=None, max_length=64, examples=["1234"])
    card_code: str | None = Field(default=None, max_length=64, examples=["STAFF0001"])
    discount_limit: StrictInt | None = Field(default=None, examples=[10])
    stores: list[str] | str | None = Field(default=None, examples=[["S001", "S002"]])


class PinRequest(BaseModel):
    pin: str = Field(min_length=1, max_length=64, examples=["5678"])


AuthHeader = Annotated[str | None, Header(description="Bearer token")]
From = Annotated[str, Query(alias="from", description="YYYY-MM-DD (Taiwan business day)")]
To = Annotated[str, Query(alias="to", description="YYYY-MM-DD, inclusive")]
Format = Annotated[str, Query(pattern="^(json|csv)$")]


def _table(result: dict, fmt: str) -> Any:
    """A CRM answer as JSON, or its ``rows`` as CSV (``?format=csv``)."""
    if fmt == "csv":
        return Response(crm.to_csv(result["rows"], result["columns"]),
                        media_type="text/csv; charset=utf-8")
    return result


async def _body(request: Request, limit: int) -> bytes:
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


def create_app(db_url: str) -> FastAPI:
    engine = make_engine(db_url)
    app = FastAPI(
        title="OMO POS HQ",
        version="1",
        description="Reference headquarters service: enrollment, signed change feed, "
        "event ingest, price quotes and admin.",
    )
    app.state.engine = engine

    @app.exception_handler(HQError)
    async def _hq_error(_request: Request, exc: HQError) -> JSONResponse:
        return _error(exc.status, exc.error, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors()[:5]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            parts.append(f"{where or 'body'}: {err.get('msg')}")
        return _error(422, "malformed", "; ".join(parts) or "malformed request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _crash(_request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled error")
        return _error(500, "internal", "HQ failed to handle the request; it was logged")

    def terminal(authorization: str | None, *, touch: bool = False) -> auth.TerminalIdentity:
        return auth.authenticate_terminal(engine, authorization, touch=touch)

    def need_admin(authorization: AuthHeader = None) -> None:
        """Admin bearer token; runs before the body is validated."""
        auth.authenticate_admin(engine, authorization)

    AdminOnly = [Depends(need_admin)]

    # --- terminal endpoints --------------------------------------------------------

    @app.post(f"{API_PREFIX}/enroll", tags=["terminal"])
    def enroll(body: EnrollRequest) -> dict:
        return enrollment.enroll(engine, body.pairing_code, body.device_name)

    @app.get(f"{API_PREFIX}/terminal", tags=["terminal"])
    def whoami(authorization: AuthHeader = None) -> dict:
        who = terminal(authorization, touch=True)
        return {"terminal_id": who.terminal_id, "store_id": who.store_id, "status": who.status}

    @app.get(f"{API_PREFIX}/feed", tags=["terminal"], response_class=CanonicalJSONResponse)
    async def get_feed(
        authorization: AuthHeader = None,
        cursor: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1)] = 1000,
        wait: Annotated[float, Query(ge=0)] = 0,
    ) -> Any:
        """Signed batch of changes after ``cursor``; long-polls up to ``wait`` s (max 30)."""
        who = await run_in_threadpool(terminal, authorization, touch=True)
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

    @app.post(
        f"{API_PREFIX}/events", tags=["terminal"],
        openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
            "schema": {"type": "object", "properties": {"events": {"type": "array", "items": {
                "type": "object", "required": ["event_id", "kind", "created_at", "payload"]}}}}}}}},
    )  # fmt: skip
    async def push(request: Request, authorization: AuthHeader = None) -> JSONResponse:
        """Store pushed events; one transaction per request; per-event created/exists/conflict."""
        who = await run_in_threadpool(terminal, authorization, touch=True)
        raw = await _body(request, MAX_PUSH_BODY)
        events = ingest.parse_events(ingest.loads(raw))
        results = await run_in_threadpool(ingest.ingest, engine, who, events)
        return JSONResponse({"results": results})

    @app.get(f"{API_PREFIX}/members/{{member_id}}/purchases", tags=["terminal"])
    def terminal_member_purchases(member_id: str, authorization: AuthHeader = None,
                                  limit: Annotated[int, Query(ge=1, le=20)] = 5) -> dict:
        """A member's latest purchases in every store and online, for the counter's member
        panel (totals only: no lines, no payments)."""
        terminal(authorization, touch=True)
        return crm.recent_purchases(engine, member_id, limit)

    @app.post(f"{API_PREFIX}/admin/orders", tags=["members"], dependencies=AdminOnly)
    async def import_orders(request: Request) -> dict:
        """Online orders from the web shop: purchases and points for their members, each
        order once (``created``/``exists``/``conflict``/``refused`` per order)."""
        body = ingest.loads(await _body(request, MAX_PUSH_BODY))
        if not isinstance(body, dict) or "orders" not in body:
            raise invalid('the body must be {"orders": [...]}', "malformed")
        try:
            return await run_in_threadpool(orders.import_orders, engine, body["orders"])
        except orders.BadOrder as exc:
            raise invalid(exc.detail, "malformed") from None

    @app.post(f"{API_PREFIX}/quote", tags=["pricing"], dependencies=AdminOnly)
    def post_quote(body: Annotated[dict, Body(examples=[{
        "store_id": "S001", "member_tier": "gold", "lines": [{"sku": "D0001", "qty": 3}],
        "coupons": []}])]) -> dict:  # fmt: skip
        """Price a cart with the counter's engine (admin token)."""
        return quote(engine, body)

    # --- admin endpoints -----------------------------------------------------------

    @app.post(f"{API_PREFIX}/admin/stores", tags=["admin"], dependencies=AdminOnly)
    def create_store(body: StoreRequest) -> dict:
        return admin.create_store(engine, body.store_id, body.name, body.address, body.tax_id)

    @app.get(f"{API_PREFIX}/admin/stores", tags=["admin"], dependencies=AdminOnly)
    def list_stores() -> dict:
        return {"stores": admin.list_stores(engine)}

    @app.get(f"{API_PREFIX}/admin/terminals", tags=["admin"], dependencies=AdminOnly)
    def list_terminals(store: str | None = None) -> dict:
        return {"terminals": admin.list_terminals(engine, store)}

    @app.post(f"{API_PREFIX}/admin/pairing-codes", tags=["admin"], dependencies=AdminOnly)
    def pairing_code(body: PairingRequest) -> dict:
        return enrollment.issue_pairing_code(
            engine, body.store_id, body.terminal_id, ttl=timedelta(hours=body.ttl_hours))

    @app.post(f"{API_PREFIX}/admin/terminals/{{store_id}}/{{terminal_id}}/revoke", tags=["admin"],
              dependencies=AdminOnly)
    def revoke(store_id: str, terminal_id: str) -> dict:
        return enrollment.revoke(engine, store_id, terminal_id)

    @app.post(
        f"{API_PREFIX}/admin/products", tags=["admin"], dependencies=AdminOnly,
        openapi_extra={"requestBody": {"required": True, "content": {"text/csv": {
            "schema": {"type": "string"}}}}},
    )  # fmt: skip
    async def import_products(request: Request) -> dict:
        """Import a product CSV (sku,barcode,name,category,brand,price): all or nothing."""
        raw = await _body(request, MAX_ADMIN_BODY)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise invalid("the CSV must be UTF-8") from None
        return await run_in_threadpool(importers.import_products, engine, text)

    @app.post(f"{API_PREFIX}/admin/pricing", tags=["admin"], dependencies=AdminOnly)
    async def import_pricing(
        request: Request,
        stores: Annotated[str | None, Query(description="comma-separated store ids")] = None,
    ) -> dict:  # fmt: skip
        """Import a pricing batch (docs/pricing.md), validated all or nothing."""
        batch = ingest.loads(await _body(request, MAX_ADMIN_BODY))
        scope = [s for s in (stores or "").split(",") if s.strip()] or None
        return await run_in_threadpool(importers.import_pricing, engine, batch, scope)

    @app.delete(f"{API_PREFIX}/admin/pricing/{{kind}}/{{doc_id}}", tags=["admin"],
                dependencies=AdminOnly)
    def delete_pricing(kind: str, doc_id: str) -> dict:
        return importers.delete_document(engine, kind, doc_id)

    @app.get(f"{API_PREFIX}/admin/sales", tags=["admin"], dependencies=AdminOnly)
    def list_sales(store: str, day: str) -> dict:
        return admin.sales_for_day(engine, store, admin.parse_day(day))

    @app.get(f"{API_PREFIX}/admin/quarantine", tags=["admin"], dependencies=AdminOnly)
    def list_quarantine(all: bool = False) -> dict:  # noqa: A002
        return {"quarantine": admin.list_quarantine(engine, include_resolved=all)}

    # --- members (admin) -------------------------------------------------------------

    @app.get(f"{API_PREFIX}/admin/members/lookup", tags=["members"], dependencies=AdminOnly)
    def member_lookup(phone: str | None = None, card: str | None = None,
                      id: str | None = None, recent: int = 10) -> dict:  # noqa: A002
        """One member by phone, card number or id: profile, balances, wallet, purchases."""
        return crm.lookup(engine, phone=phone, card=card, member_id=id, recent=recent)

    @app.patch(f"{API_PREFIX}/admin/members/{{member_id}}", tags=["members"],
               dependencies=AdminOnly)
    def member_update(member_id: str, body: MemberUpdateRequest) -> dict:
        return member_admin.update_member(engine, member_id, tier=body.tier, name=body.name,
                                          birthday=body.birthday)

    @app.get(f"{API_PREFIX}/admin/members/{{member_id}}/purchases", tags=["members"],
             dependencies=AdminOnly)
    def member_purchases(member_id: str, start: Annotated[str | None, Query(alias="from")] = None,
                         end: Annotated[str | None, Query(alias="to")] = None,
                         format: Format = "json") -> Any:  # noqa: A002
        return _table(crm.purchases(engine, member_id, start, end), format)

    @app.get(f"{API_PREFIX}/admin/members/bought", tags=["members"], dependencies=AdminOnly)
    def members_bought(sku: str, start: From, end: To, format: Format = "json") -> Any:  # noqa: A002
        """Members who bought a product in a period."""
        return _table(crm.bought(engine, sku, start, end), format)

    @app.get(f"{API_PREFIX}/admin/members/stats", tags=["members"], dependencies=AdminOnly)
    def member_stats(start: From, end: To, store: str | None = None,
                     format: Format = "json") -> Any:  # noqa: A002
        """New members and repeat rate per store and period."""
        return _table(crm.stats(engine, start, end, store), format)

    @app.get(f"{API_PREFIX}/admin/loyalty/findings", tags=["members"], dependencies=AdminOnly)
    def loyalty_findings(member: str | None = None) -> dict:
        """Overdrafts and other reconciliation findings over the loyalty ledger."""
        return {"findings": member_admin.loyalty_findings(engine, member)}

    @app.post(f"{API_PREFIX}/admin/loyalty/rules", tags=["members"], dependencies=AdminOnly)
    async def import_loyalty_rules(request: Request) -> dict:
        """Import the loyalty rules document (docs/loyalty.md), all or nothing."""
        doc = ingest.loads(await _body(request, MAX_ADMIN_BODY))
        return await run_in_threadpool(member_admin.import_loyalty_rules, engine, doc)

    @app.get(f"{API_PREFIX}/admin/loyalty/rules", tags=["members"], dependencies=AdminOnly)
    def loyalty_rules() -> dict:
        return member_admin.current_loyalty_rules(engine)

    @app.post(f"{API_PREFIX}/admin/allowances", tags=["members"], dependencies=AdminOnly)
    def grant_allowance(body: AllowanceRequest) -> dict:
        """Let one terminal debit one member offline, within the member's free balance."""
        return member_admin.grant_allowance(engine, body.member_id, body.terminal,
                                            points=body.points, stored_value=body.stored_value,
                                            hours=body.hours)

    @app.get(f"{API_PREFIX}/admin/allowances", tags=["members"], dependencies=AdminOnly)
    def list_allowances(member: str | None = None, all: bool = False) -> dict:  # noqa: A002
        return {"allowances": member_admin.list_allowances(engine, member, include_settled=all)}

    @app.post(f"{API_PREFIX}/admin/allowances/{{allowance_id}}/settle", tags=["members"],
              dependencies=AdminOnly)
    def settle_allowance(allowance_id: str) -> dict:
        return member_admin.settle_allowance(engine, allowance_id)

    @app.post(f"{API_PREFIX}/admin/coupons", tags=["members"], dependencies=AdminOnly)
    def issue_coupon(body: CouponRequest) -> dict:
        """Issue one signed coupon (bound to a member or not)."""
        return member_admin.issue_coupon(engine, body.terms, body.member_id, body.days)

    @app.post(f"{API_PREFIX}/admin/coupons/batch", tags=["members"], dependencies=AdminOnly)
    def issue_coupons(body: CouponBatchRequest) -> dict:
        """One member-bound coupon per member the filter selects."""
        return member_admin.issue_coupons(engine, body.terms, body.filter, body.days)

    @app.get(f"{API_PREFIX}/admin/coupons/conflicts", tags=["members"], dependencies=AdminOnly)
    def coupon_conflicts(all: bool = False) -> dict:  # noqa: A002
        """Coupons used by more than one sale (first use wins; the others are listed)."""
        return {"conflicts": member_admin.list_coupon_conflicts(engine, include_resolved=all)}

    # --- staff and tills (admin) ----------------------------------------------------

    @app.post(f"{API_PREFIX}/admin/users", tags=["staff"], dependencies=AdminOnly)
    def save_user(body: UserRequest) -> dict:
        """Create or update a staff user and publish it to its stores (never the PIN)."""
        given = {f: getattr(body, f) for f in body.model_fields_set if f != "user_id"}
        for f in ("name", "role", "pin", "discount_limit"):
            if f in given and given[f] is None:
                del given[f]
        return staff.save_user(engine, body.user_id, **given)

    @app.get(f"{API_PREFIX}/admin/users", tags=["staff"], dependencies=AdminOnly)
    def list_users(store: str | None = None) -> dict:
        return {"users": staff.list_users(engine, store)}

    @app.post(f"{API_PREFIX}/admin/users/{{user_id}}/deactivate", tags=["staff"],
              dependencies=AdminOnly)
    def deactivate_user(user_id: str) -> dict:
        return staff.deactivate_user(engine, user_id)

    @app.post(f"{API_PREFIX}/admin/users/{{user_id}}/reset-pin", tags=["staff"],
              dependencies=AdminOnly)
    def reset_pin(user_id: str, body: PinRequest) -> dict:
        return staff.reset_pin(engine, user_id, body.pin)

    @app.get(f"{API_PREFIX}/admin/z-reports", tags=["staff"], dependencies=AdminOnly)
    def z_reports(store: str, day: str | None = None) -> dict:
        return {"z_reports": till.z_report_list(
            engine, store, admin.parse_day(day) if day else None)}

    @app.get(f"{API_PREFIX}/admin/audit", tags=["staff"], dependencies=AdminOnly)
    def audit(store: str, start: Annotated[str | None, Query(alias="from")] = None,
              end: Annotated[str | None, Query(alias="to")] = None,
              action: str | None = None) -> dict:
        return {"audit": till.audit_list(engine, store,
                                         admin.parse_day(start) if start else None,
                                         admin.parse_day(end) if end else None, action)}

    @app.get(f"{API_PREFIX}/admin/shifts", tags=["staff"], dependencies=AdminOnly)
    def list_shifts(store: str, day: str) -> dict:
        return {"shifts": till.shift_list(engine, store, admin.parse_day(day))}

    @app.get("/healthz", tags=["ops"])
    def health() -> dict:
        return {"ok": True, "feed_head": feed.head(engine)}

    return app


def app_from_env() -> FastAPI:
    """uvicorn factory for ``--workers``: the database URL comes from HQ_DATABASE_URL."""
    url = os.environ.get(ENV_DB)
    if not url:
        raise RuntimeError(f"{ENV_DB} is not set")
    return create_app(url)
