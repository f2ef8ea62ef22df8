"""Pairing codes and enrollment.

A pairing code looks like ``ABCD-2345``: eight characters from an alphabet
without look-alikes (no I, O, 0, 1), 40 bits, valid once and for 24 hours by
default. Only its SHA-256 is stored. Codes are compared case-insensitively and
ignoring spaces and dashes. Issuing a new code for a terminal withdraws that
terminal's earlier unused codes; enrolling with it issues a new bearer token and
so invalidates the terminal's old one.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select, update

from hq import db
from hq.auth import as_utc, new_token, token_hash
from hq.einvoice import leasing
from hq.errors import HQError, invalid, not_found
from hq.keys import active_key
from hq.models import pairing_codes, stores, terminals
from sync.protocol import b64, key_proof, normalise_pairing_code

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
DEFAULT_TTL = timedelta(hours=24)
TERMINAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")


normalise_code = normalise_pairing_code  # one spelling rule for HQ and terminal


def code_hash(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode("ascii", "replace")).hexdigest()


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def issue_pairing_code(
    engine: Engine, store_id: str, terminal_id: str | None = None, *,
    ttl: timedelta = DEFAULT_TTL,
) -> dict:
    """A one-time code for ``terminal_id`` at ``store_id`` (next free id if omitted)."""
    now = datetime.now(UTC)
    code = new_code()
    with db.write(engine) as conn:
        if conn.execute(select(stores.c.store_id).where(stores.c.store_id == store_id)).first() is None:
            raise not_found(f"unknown store {store_id!r}")
        if terminal_id is None:
            taken = set(conn.execute(
                select(terminals.c.terminal_id).where(terminals.c.store_id == store_id)
            ).scalars())  # fmt: skip
            n = 1
            while f"T{n:02d}" in taken:
                n += 1
            terminal_id = f"T{n:02d}"
        if not TERMINAL_ID.match(terminal_id):
            raise invalid(f"terminal id {terminal_id!r}: letters, digits, - and _ (max 32)")
        exists = conn.execute(
            select(terminals.c.terminal_id).where(
                terminals.c.store_id == store_id, terminals.c.terminal_id == terminal_id)
        ).first()  # fmt: skip
        if exists is None:
            conn.execute(terminals.insert().values(
                store_id=store_id, terminal_id=terminal_id, device_name="", status="pending"))
        conn.execute(  # older unused codes for this terminal are withdrawn
            update(pairing_codes)
            .where(pairing_codes.c.store_id == store_id,
                   pairing_codes.c.terminal_id == terminal_id,
                   pairing_codes.c.used_at.is_(None))
            .values(used_at=now)
        )
        conn.execute(pairing_codes.insert().values(
            code_hash=code_hash(code), store_id=store_id, terminal_id=terminal_id,
            created_at=now, expires_at=now + ttl))  # fmt: skip
    return {"code": code, "store_id": store_id, "terminal_id": terminal_id,
            "expires_at": (now + ttl).isoformat(timespec="seconds")}


def enroll(engine: Engine, pairing_code: str, device_name: str) -> dict:
    """Spend a pairing code: the terminal's new token plus HQ's public key and its proof."""
    if not isinstance(pairing_code, str) or not normalise_code(pairing_code):
        raise invalid("pairing_code: required text", "malformed")
    key = active_key(engine)
    now = datetime.now(UTC)
    digest = code_hash(pairing_code)
    token = new_token()
    with db.write(engine) as conn:
        row = conn.execute(
            select(pairing_codes.c.store_id, pairing_codes.c.terminal_id,
                   pairing_codes.c.expires_at, pairing_codes.c.used_at)
            .where(pairing_codes.c.code_hash == digest)
        ).first()
        if row is None:
            raise HQError(403, "invalid_pairing_code", "this pairing code is not known to HQ")
        if row.used_at is not None:
            raise HQError(403, "pairing_code_used",
                          "this pairing code was already used or withdrawn; ask HQ for a new one")
        if as_utc(row.expires_at) <= now:
            raise HQError(403, "pairing_code_expired",
                          "this pairing code has expired; ask HQ for a new one")
        spent = conn.execute(
            update(pairing_codes)
            .where(pairing_codes.c.code_hash == digest, pairing_codes.c.used_at.is_(None))
            .values(used_at=now)
        ).rowcount
        if spent != 1:  # a concurrent enrollment won the race
            raise HQError(403, "pairing_code_used", "this pairing code was already used")
        conn.execute(
            update(terminals)
            .where(terminals.c.store_id == row.store_id,
                   terminals.c.terminal_id == row.terminal_id)
            .values(token_hash=token_hash(token), status="active", enrolled_at=now,
                    revoked_at=None, last_seen_at=now, device_name=(device_name or "")[:200])
        )
        store = conn.execute(select(stores).where(stores.c.store_id == row.store_id)).one()
    return {
        "terminal_id": row.terminal_id,
        "store_id": row.store_id,
        "store_name": store.name,
        "store_address": store.address,
        "store_tax_id": store.tax_id,
        "token": token,
        "hq_public_key": b64(key.public),
        "key_id": key.key_id,
        "key_proof": key_proof(pairing_code, key.public),
    }


def revoke(engine: Engine, store_id: str, terminal_id: str) -> dict:
    now = datetime.now(UTC)
    with db.write(engine) as conn:
        done = conn.execute(
            update(terminals)
            .where(terminals.c.store_id == store_id, terminals.c.terminal_id == terminal_id)
            .values(status="revoked", revoked_at=now)
        ).rowcount
        if not done:
            raise not_found(f"unknown terminal {store_id}/{terminal_id}")
        conn.execute(  # and any code still waiting for it
            update(pairing_codes)
            .where(pairing_codes.c.store_id == store_id,
                   pairing_codes.c.terminal_id == terminal_id,
                   pairing_codes.c.used_at.is_(None))
            .values(used_at=now)
        )
        returned = leasing.return_blocks(conn, store_id, terminal_id, now)
    return {"store_id": store_id, "terminal_id": terminal_id, "status": "revoked",
            "returned_numbers": returned}
