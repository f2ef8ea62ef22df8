"""Canonical JSON: the one byte string a document is signed and hashed as.

Sorted keys, no spaces, UTF-8, no NaN or infinities. HQ signs feed batches and
coupons over it, the terminal verifies them, and an event's identity (its payload
hash) is taken over it; ``sync.protocol`` re-exports it for the wire.
"""

from __future__ import annotations

import json
from typing import Any


def canonical_json(obj: Any) -> bytes:
    """The one byte string a document signs as: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")
