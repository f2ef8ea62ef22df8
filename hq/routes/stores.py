"""Stores and their terminals: create and list stores, issue pairing codes, list and
revoke terminals."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter

from hq import admin, enrollment
from hq.routes.deps import AdminOnly, EngineDep
from hq.routes.schemas import PairingRequest, StoreRequest
from sync.protocol import API_PREFIX

router = APIRouter(prefix=API_PREFIX, tags=["admin"], dependencies=AdminOnly)


@router.post("/admin/stores")
def create_store(body: StoreRequest, engine: EngineDep) -> dict:
    return admin.create_store(engine, body.store_id, body.name, body.address, body.tax_id)


@router.get("/admin/stores")
def list_stores(engine: EngineDep) -> dict:
    return {"stores": admin.list_stores(engine)}


@router.get("/admin/terminals")
def list_terminals(engine: EngineDep, store: str | None = None) -> dict:
    return {"terminals": admin.list_terminals(engine, store)}


@router.post("/admin/pairing-codes")
def pairing_code(body: PairingRequest, engine: EngineDep) -> dict:
    return enrollment.issue_pairing_code(
        engine, body.store_id, body.terminal_id, ttl=timedelta(hours=body.ttl_hours))


@router.post("/admin/terminals/{store_id}/{terminal_id}/revoke")
def revoke(store_id: str, terminal_id: str, engine: EngineDep) -> dict:
    return enrollment.revoke(engine, store_id, terminal_id)
