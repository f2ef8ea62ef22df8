"""HQ's Ed25519 signing key. It lives in the database, so every worker signs with
the same key; the in-process copy is only a cache."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from hq import db
from hq.errors import HQError
from hq.models import signing_keys
from sync.protocol import SigningKey

_CACHE_SECONDS = 60.0
_cache: dict[str, tuple[float, SigningKey]] = {}
_lock = threading.Lock()


def ensure_signing_key(engine: Engine) -> SigningKey:
    """The active key, created on first use."""
    with db.write(engine) as conn:
        row = conn.execute(
            select(signing_keys.c.private_key, signing_keys.c.public_key)
            .where(signing_keys.c.active.is_(True))
            .order_by(signing_keys.c.created_at.desc())
            .limit(1)
        ).first()
        if row is not None:
            return SigningKey(bytes(row.private_key), bytes(row.public_key))
        key = SigningKey.generate()
        conn.execute(
            signing_keys.insert().values(
                key_id=key.key_id, private_key=key.private, public_key=key.public, active=True,
                created_at=datetime.now(UTC),
            )
        )
        return key


def active_key(engine: Engine) -> SigningKey:
    url = str(engine.url)
    now = time.monotonic()
    with _lock:
        hit = _cache.get(url)
    if hit and now - hit[0] < _CACHE_SECONDS:
        return hit[1]
    with db.read(engine) as conn:
        row = conn.execute(
            select(signing_keys.c.private_key, signing_keys.c.public_key)
            .where(signing_keys.c.active.is_(True))
            .order_by(signing_keys.c.created_at.desc())
            .limit(1)
        ).first()
    if row is None:
        raise HQError(503, "not_initialised", "HQ has no signing key: run `python -m hq init`")
    key = SigningKey(bytes(row.private_key), bytes(row.public_key))
    with _lock:
        _cache[url] = (now, key)
    return key
