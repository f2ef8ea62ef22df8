"""What terminals pushed, as an admin sees it: one store's sales of a day and the
quarantined events."""

from __future__ import annotations

from fastapi import APIRouter

from hq import admin
from hq.routes.deps import AdminOnly, EngineDep
from sync.protocol import API_PREFIX

router = APIRouter(prefix=API_PREFIX, tags=["admin"], dependencies=AdminOnly)


@router.get("/admin/sales")
def list_sales(store: str, day: str, engine: EngineDep) -> dict:
    return admin.sales_for_day(engine, store, admin.parse_day(day))


@router.get("/admin/quarantine")
def list_quarantine(engine: EngineDep, all: bool = False) -> dict:  # noqa: A002
    return {"quarantine": admin.list_quarantine(engine, include_resolved=all)}
