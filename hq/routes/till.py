"""What terminals report about their tills: Z reports, the audit log and shifts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from hq import admin, till
from hq.routes.deps import AdminOnly, EngineDep
from sync.protocol import API_PREFIX

router = APIRouter(prefix=API_PREFIX, tags=["staff"], dependencies=AdminOnly)


@router.get("/admin/z-reports")
def z_reports(store: str, engine: EngineDep, day: str | None = None) -> dict:
    return {"z_reports": till.z_report_list(
        engine, store, admin.parse_day(day) if day else None)}


@router.get("/admin/audit")
def audit(store: str, engine: EngineDep,
          start: Annotated[str | None, Query(alias="from")] = None,
          end: Annotated[str | None, Query(alias="to")] = None,
          action: str | None = None) -> dict:
    return {"audit": till.audit_list(engine, store,
                                     admin.parse_day(start) if start else None,
                                     admin.parse_day(end) if end else None, action)}


@router.get("/admin/shifts")
def list_shifts(store: str, day: str, engine: EngineDep) -> dict:
    return {"shifts": till.shift_list(engine, store, admin.parse_day(day))}
