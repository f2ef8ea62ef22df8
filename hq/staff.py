"""Staff users at HQ, published to the terminals as ``user`` feed changes.

HQ keeps every user's PIN only as its scrypt hash (:func:`app.domain.pins.hash_pin`);
the PIN itself is never stored, logged or sent, and the terminal checks a login with
``verify_pin`` against the published hash.

Scope: a user works at every store (``stores`` None) or at the listed ones. Every
change publishes the user's snapshot once per store it concerns (``store_id`` None
for every store). A store that leaves the scope is told the user is inactive there;
narrowing "every store" to a list publishes ``active: false`` to every store first,
then the active snapshot to the listed ones (a terminal applies a batch's changes in
seq order, so the listed stores end active).

Every operation takes the feed lock before it reads (:func:`hq.feed.lock_feed`), so
two admins saving users at once cannot both take the same staff card.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from app.domain.pins import PinError, check_pin, hash_pin, verify_pin
from app.domain.roles import ROLES
from hq import db, feed
from hq.auth import as_utc
from hq.errors import HQError, invalid, not_found
from hq.models import stores as stores_table
from hq.models import users
from sync.protocol import USER, utc_iso

USER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
CARD_CODE = re.compile(r"^[\x21-\x7e]{1,64}$")  # printable ASCII, as a barcode scanner types
MAX_NAME = 100
KEEP: Any = object()  # "leave this field as it is" for an update


def normalise_id(user_id: Any) -> str:
    """User ids are upper case (``c001`` is ``C001``), as the terminal keeps them."""
    if not isinstance(user_id, str) or not USER_ID.match(user_id.strip()):
        raise invalid(f"user id {user_id!r}: letters, digits, - and _ (max 32)", "bad_user_id")
    return user_id.strip().upper()


def _check_pin(pin: str) -> str:
    try:
        return check_pin(pin)
    except PinError:
        raise invalid("PIN: 4 to 8 digits", "bad_pin") from None


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise invalid(f"role {role!r}: cashier, supervisor or manager", "bad_role")
    return role


def _check_limit(limit: Any) -> int:
    if type(limit) is not int or not 0 <= limit <= 100:
        raise invalid(f"discount limit {limit!r}: a whole percent, 0 to 100", "bad_discount_limit")
    return limit


def _check_card(card: str | None) -> str | None:
    if card is None or card.strip() == "":
        return None
    card = card.strip()
    if not CARD_CODE.match(card):
        raise invalid(f"card {card!r}: 1 to 64 printable ASCII characters", "bad_card")
    return card


def parse_stores(value: str | Sequence[str] | None) -> list[str] | None:
    """``None`` or ``"all"`` -> every store; ``"S001,S002"`` or a list -> those (sorted)."""
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    if not all(isinstance(s, str) for s in items):
        raise invalid("stores: a list of store ids, or all", "bad_stores")
    items = [s.strip() for s in items if s.strip()]
    if [s.lower() for s in items] == ["all"]:
        return None
    if not items:
        raise invalid("stores: at least one store id, or all", "bad_stores")
    return sorted(set(items))


def snapshot(row: Mapping[str, Any]) -> dict[str, Any]:
    """The ``user`` change's data (sync/protocol.py): no PIN, only its hash."""
    return {
        "user_id": row["user_id"], "name": row["name"], "role": row["role"],
        "pin_hash": row["pin_hash"], "card_code": row["card_code"],
        "discount_limit": row["discount_limit"], "active": bool(row["active"]),
        "updated_at": utc_iso(as_utc(row["updated_at"])),
    }  # fmt: skip


def _publish(conn: Connection, row: Mapping[str, Any], old_scope: list[str] | None | object) -> None:
    """Publish ``row`` to its scope; tell stores that left the scope it is inactive there."""
    data = snapshot(row)
    gone = {**data, "active": False}
    scope = row["stores"]
    changes: list[tuple[str | None, str, Mapping[str, Any]]] = []
    if scope is None:
        changes.append((None, USER, data))
    else:
        if old_scope is None:  # was every store: withdraw everywhere, then the listed ones
            changes.append((None, USER, gone))
        elif isinstance(old_scope, list):
            changes.extend((s, USER, gone) for s in old_scope if s not in scope)
        changes.extend((s, USER, data) for s in scope)
    feed.publish(conn, changes)


def _load(conn: Connection, user_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(users).where(users.c.user_id == user_id)).first()
    return dict(row._mapping) if row else None


def _card_holder(conn: Connection, card: str | None, user_id: str) -> str | None:
    if card is None:
        return None
    return conn.execute(
        select(users.c.user_id).where(users.c.card_code == card, users.c.user_id != user_id)
    ).scalar_one_or_none()


def _known_stores(conn: Connection, wanted: list[str] | None) -> None:
    if not wanted:
        return
    have = set(conn.execute(
        select(stores_table.c.store_id).where(stores_table.c.store_id.in_(wanted))).scalars())
    missing = [s for s in wanted if s not in have]
    if missing:
        raise invalid(f"unknown store {', '.join(missing)}", "unknown_store")


def save_user(engine: Engine, user_id: str, *, name: Any = KEEP, role: Any = KEEP,
              pin: Any = KEEP, card_code: Any = KEEP, discount_limit: Any = KEEP,
              stores: Any = KEEP) -> dict[str, Any]:
    """Create a user, or update one (fields left at :data:`KEEP` stay as they are; a new
    user needs a name, a role and a PIN). Saving a deactivated user makes it active again.
    Everything is checked before anything is written: a bad PIN, role or limit, an
    unknown store or a staff card another user holds changes nothing."""
    user_id = normalise_id(user_id)
    if name is not KEEP:
        if not isinstance(name, str) or not name.strip() or len(name.strip()) > MAX_NAME:
            raise invalid(f"name: required, at most {MAX_NAME} characters", "bad_name")
        name = name.strip()
    if role is not KEEP:
        _check_role(role)
    if pin is not KEEP:
        _check_pin(pin)
    if card_code is not KEEP:
        card_code = _check_card(card_code)
    if discount_limit is not KEEP:
        _check_limit(discount_limit)
    if stores is not KEEP:
        stores = parse_stores(stores)
    # the slow scrypt work is done before the write transaction (which holds the feed lock)
    kept_hash, fresh_hash = None, None
    if pin is not KEEP:
        with db.read(engine) as conn:
            stored = conn.execute(select(users.c.pin_hash)
                                  .where(users.c.user_id == user_id)).scalar_one_or_none()
        kept_hash = stored if stored is not None and _same_pin(pin, stored) else None
        fresh_hash = None if kept_hash else hash_pin(pin)
    now = datetime.now(UTC)
    with db.write(engine) as conn:
        feed.lock_feed(conn)
        old = _load(conn, user_id)
        if old is None:
            missing = [f for f, v in (("name", name), ("role", role), ("PIN", pin)) if v is KEEP]
            if missing:
                raise invalid(f"a new user needs {', '.join(missing)}", "incomplete_user")
        new = dict(old or {"user_id": user_id, "card_code": None, "discount_limit": 0,
                           "stores": None, "created_at": now})
        for field, value in (("name", name), ("role", role), ("card_code", card_code),
                             ("discount_limit", discount_limit), ("stores", stores)):
            if value is not KEEP:
                new[field] = value
        new["active"] = True
        if pin is not KEEP and not (old and old["pin_hash"] == kept_hash):
            new["pin_hash"] = fresh_hash or hash_pin(pin)  # (changed meanwhile: hash again)
        holder = _card_holder(conn, new["card_code"], user_id)
        if holder is not None:
            raise HQError(409, "card_in_use", f"card {new['card_code']} is already used by {holder}")
        _known_stores(conn, new["stores"] if stores is not KEEP else None)
        fields = ("name", "role", "pin_hash", "card_code", "discount_limit", "active", "stores")
        if old is not None and all(old[f] == new[f] for f in fields):
            return {**public(old), "changed": False, "created": False}
        new["updated_at"] = now
        if old is None:
            conn.execute(users.insert().values(**new))
        else:
            conn.execute(update(users).where(users.c.user_id == user_id)
                         .values(**{f: new[f] for f in (*fields, "updated_at")}))
        _publish(conn, new, old["stores"] if old and old["active"] else KEEP)
    return {**public(new), "changed": True, "created": old is None}


def _same_pin(pin: str, stored: str) -> bool:
    try:
        return verify_pin(pin, stored)
    except PinError:
        return False


def reset_pin(engine: Engine, user_id: str, pin: str) -> dict[str, Any]:
    """A new PIN for an existing user (a new salt even if the PIN is the same)."""
    user_id = str(user_id).strip().upper()
    _check_pin(pin)
    pin_hash = hash_pin(pin)
    with db.write(engine) as conn:
        feed.lock_feed(conn)
        row = _require(conn, user_id)
        row.update(pin_hash=pin_hash, updated_at=datetime.now(UTC))
        conn.execute(update(users).where(users.c.user_id == user_id)
                     .values(pin_hash=pin_hash, updated_at=row["updated_at"]))
        if row["active"]:
            _publish(conn, row, KEEP)
    return public(row)


def deactivate_user(engine: Engine, user_id: str) -> dict[str, Any]:
    """The user may no longer log in anywhere; published as ``active: false``. Idempotent."""
    user_id = str(user_id).strip().upper()
    with db.write(engine) as conn:
        feed.lock_feed(conn)
        row = _require(conn, user_id)
        if not row["active"]:
            return {**public(row), "changed": False}
        row.update(active=False, updated_at=datetime.now(UTC))
        conn.execute(update(users).where(users.c.user_id == user_id)
                     .values(active=False, updated_at=row["updated_at"]))
        _publish(conn, row, KEEP)
    return {**public(row), "changed": True}


def _require(conn: Connection, user_id: str) -> dict[str, Any]:
    row = _load(conn, user_id)
    if row is None:
        raise not_found(f"unknown user {user_id}")
    return row


def public(row: Mapping[str, Any]) -> dict[str, Any]:
    """A user for listings and answers: never the PIN hash."""
    return {
        "user_id": row["user_id"], "name": row["name"], "role": row["role"],
        "card_code": row["card_code"], "discount_limit": row["discount_limit"],
        "active": bool(row["active"]), "stores": row["stores"],
        "updated_at": utc_iso(as_utc(row["updated_at"])) if row.get("updated_at") else None,
    }  # fmt: skip


def list_users(engine: Engine, store_id: str | None = None, *,
               include_inactive: bool = True) -> list[dict[str, Any]]:
    """Users (of ``store_id``: those scoped to every store or to it), by id."""
    with db.read(engine) as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(users).order_by(users.c.user_id))]
    out = []
    for r in rows:
        if store_id and r["stores"] is not None and store_id not in r["stores"]:
            continue
        if not include_inactive and not r["active"]:
            continue
        out.append(public(r))
    return out
