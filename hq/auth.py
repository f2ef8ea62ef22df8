"""Bearer tokens: terminals and admins. Only SHA-256 hashes of tokens are stored.

Tokens are 32 random bytes (URL-safe base64), so a plain SHA-256 is enough: there
is nothing to brute-force the way there would be for a password.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select, update

from hq import db
from hq.errors import HQError, unauthorized
from hq.models import admin_tokens, terminals

LAST_SEEN_RESOLUTION = timedelta(seconds=30)  # do not write on every poll


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def bearer(header: str | None) -> str:
    if not header:
        raise unauthorized()
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise unauthorized()
    return value.strip()


@dataclass(frozen=True, slots=True)
class TerminalIdentity:
    store_id: str
    terminal_id: str
    status: str


def as_utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def authenticate_terminal(engine: Engine, header: str | None, *, touch: bool = False) -> TerminalIdentity:
    """The terminal behind a bearer token; 401 if unknown, 403 if revoked."""
    digest = token_hash(bearer(header))
    with db.read(engine) as conn:
        row = conn.execute(
            select(terminals.c.store_id, terminals.c.terminal_id, terminals.c.status,
                   terminals.c.last_seen_at).where(terminals.c.token_hash == digest)
        ).first()
    if row is None:
        raise unauthorized()
    if row.status == "revoked":
        raise HQError(403, "terminal_revoked", "this terminal has been revoked by HQ")
    now = datetime.now(UTC)
    last = as_utc(row.last_seen_at)
    if touch and (last is None or now - last > LAST_SEEN_RESOLUTION):
        with db.write(engine) as conn:
            conn.execute(
                update(terminals)
                .where(terminals.c.store_id == row.store_id,
                       terminals.c.terminal_id == row.terminal_id)
                .values(last_seen_at=now)
            )
    return TerminalIdentity(row.store_id, row.terminal_id, row.status)


def authenticate_admin(engine: Engine, header: str | None) -> None:
    digest = token_hash(bearer(header))
    with db.read(engine) as conn:
        found = conn.execute(
            select(admin_tokens.c.token_hash).where(admin_tokens.c.token_hash == digest)
        ).first()
    if found is None:
        raise unauthorized("an admin token is required")


def create_admin_token(engine: Engine, name: str = "admin") -> str:
    token = new_token()
    with db.write(engine) as conn:
        conn.execute(
            admin_tokens.insert().values(
                token_hash=token_hash(token), name=name, created_at=datetime.now(UTC)
            )
        )
    return token


def has_admin_token(engine: Engine) -> bool:
    with db.read(engine) as conn:
        return conn.execute(select(admin_tokens.c.token_hash).limit(1)).first() is not None
