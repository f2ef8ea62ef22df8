"""Staff users: create or update (published to their stores, never the PIN), list,
deactivate, reset a PIN."""

from __future__ import annotations

from fastapi import APIRouter

from hq import staff
from hq.routes.deps import AdminOnly, EngineDep
from hq.routes.schemas import PinRequest, UserRequest
from sync.protocol import API_PREFIX

router = APIRouter(prefix=API_PREFIX, tags=["staff"], dependencies=AdminOnly)


@router.post("/admin/users")
def save_user(body: UserRequest, engine: EngineDep) -> dict:
    """Create or update a staff user and publish it to its stores (never the PIN)."""
    given = {f: getattr(body, f) for f in body.model_fields_set if f != "user_id"}
    for f in ("name", "role", "pin", "discount_limit"):
        if f in given and given[f] is None:
            del given[f]
    return staff.save_user(engine, body.user_id, **given)


@router.get("/admin/users")
def list_users(engine: EngineDep, store: str | None = None) -> dict:
    return {"users": staff.list_users(engine, store)}


@router.post("/admin/users/{user_id}/deactivate")
def deactivate_user(user_id: str, engine: EngineDep) -> dict:
    return staff.deactivate_user(engine, user_id)


@router.post("/admin/users/{user_id}/reset-pin")
def reset_pin(user_id: str, body: PinRequest, engine: EngineDep) -> dict:
    return staff.reset_pin(engine, user_id, body.pin)
