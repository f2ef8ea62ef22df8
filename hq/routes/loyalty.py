"""Loyalty administration: the rules document, ledger findings, offline allowances
and coupons (single, batch, and coupons used twice)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from hq import ingest, member_admin
from hq.routes.deps import MAX_ADMIN_BODY, AdminOnly, EngineDep, read_body
from hq.routes.schemas import AllowanceRequest, CouponBatchRequest, CouponRequest
from sync.protocol import API_PREFIX

router = APIRouter(prefix=API_PREFIX, tags=["members"], dependencies=AdminOnly)


@router.get("/admin/loyalty/findings")
def loyalty_findings(engine: EngineDep, member: str | None = None) -> dict:
    """Overdrafts and other reconciliation findings over the loyalty ledger."""
    return {"findings": member_admin.loyalty_findings(engine, member)}


@router.post("/admin/loyalty/rules")
async def import_loyalty_rules(request: Request, engine: EngineDep) -> dict:
    """Import the loyalty rules document (docs/loyalty.md), all or nothing."""
    doc = ingest.loads(await read_body(request, MAX_ADMIN_BODY))
    return await run_in_threadpool(member_admin.import_loyalty_rules, engine, doc)


@router.get("/admin/loyalty/rules")
def loyalty_rules(engine: EngineDep) -> dict:
    return member_admin.current_loyalty_rules(engine)


@router.post("/admin/allowances")
def grant_allowance(body: AllowanceRequest, engine: EngineDep) -> dict:
    """Let one terminal debit one member offline, within the member's free balance."""
    return member_admin.grant_allowance(engine, body.member_id, body.terminal,
                                        points=body.points, stored_value=body.stored_value,
                                        hours=body.hours)


@router.get("/admin/allowances")
def list_allowances(engine: EngineDep, member: str | None = None,
                    all: bool = False) -> dict:  # noqa: A002
    return {"allowances": member_admin.list_allowances(engine, member, include_settled=all)}


@router.post("/admin/allowances/{allowance_id}/settle")
def settle_allowance(allowance_id: str, engine: EngineDep) -> dict:
    return member_admin.settle_allowance(engine, allowance_id)


@router.post("/admin/coupons")
def issue_coupon(body: CouponRequest, engine: EngineDep) -> dict:
    """Issue one signed coupon (bound to a member or not)."""
    return member_admin.issue_coupon(engine, body.terms, body.member_id, body.days)


@router.post("/admin/coupons/batch")
def issue_coupons(body: CouponBatchRequest, engine: EngineDep) -> dict:
    """One member-bound coupon per member the filter selects."""
    return member_admin.issue_coupons(engine, body.terms, body.filter, body.days)


@router.get("/admin/coupons/conflicts")
def coupon_conflicts(engine: EngineDep, all: bool = False) -> dict:  # noqa: A002
    """Coupons used by more than one sale (first use wins; the others are listed)."""
    return {"conflicts": member_admin.list_coupon_conflicts(engine, include_resolved=all)}
