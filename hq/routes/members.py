"""Members and CRM queries: look a member up, edit the profile, purchase history,
who bought a product, and new/repeat member statistics (JSON or ``?format=csv``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from hq import crm, member_admin
from hq.routes.deps import AdminOnly, EngineDep, Format, From, To
from hq.routes.schemas import MemberUpdateRequest
from sync.protocol import API_PREFIX

router = APIRouter(prefix=API_PREFIX, tags=["members"], dependencies=AdminOnly)


def _table(result: dict, fmt: str) -> Any:
    """A CRM answer as JSON, or its ``rows`` as CSV (``?format=csv``)."""
    if fmt == "csv":
        return Response(crm.to_csv(result["rows"], result["columns"]),
                        media_type="text/csv; charset=utf-8")
    return result


@router.get("/admin/members/lookup")
def member_lookup(engine: EngineDep, phone: str | None = None, card: str | None = None,
                  id: str | None = None, recent: int = 10) -> dict:  # noqa: A002
    """One member by phone, card number or id: profile, balances, wallet, purchases."""
    return crm.lookup(engine, phone=phone, card=card, member_id=id, recent=recent)


@router.patch("/admin/members/{member_id}")
def member_update(member_id: str, body: MemberUpdateRequest, engine: EngineDep) -> dict:
    return member_admin.update_member(engine, member_id, tier=body.tier, name=body.name,
                                      birthday=body.birthday)


@router.get("/admin/members/{member_id}/purchases")
def member_purchases(member_id: str, engine: EngineDep,
                     start: Annotated[str | None, Query(alias="from")] = None,
                     end: Annotated[str | None, Query(alias="to")] = None,
                     format: Format = "json") -> Any:  # noqa: A002
    return _table(crm.purchases(engine, member_id, start, end), format)


@router.get("/admin/members/bought")
def members_bought(sku: str, start: From, end: To, engine: EngineDep,
                   format: Format = "json") -> Any:  # noqa: A002
    """Members who bought a product in a period."""
    return _table(crm.bought(engine, sku, start, end), format)


@router.get("/admin/members/stats")
def member_stats(start: From, end: To, engine: EngineDep, store: str | None = None,
                 format: Format = "json") -> Any:  # noqa: A002
    """New members and repeat rate per store and period."""
    return _table(crm.stats(engine, start, end, store), format)
