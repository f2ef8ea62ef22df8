"""The wire protocol between a store terminal and HQ (version 1).

Shared by both sides so they cannot drift: canonical JSON, Ed25519 signing of
what HQ publishes, the signed feed batch, the push request and its answers,
and the validators the terminal runs before it applies anything. No network,
no database and no Qt here.

Endpoints (all under ``/api/v1``; JSON bodies; times ISO 8601 UTC):

- ``POST /enroll`` ``{"pairing_code", "device_name"}`` -> :class:`Enrollment` fields.
  The code is one-time; the answer carries the terminal's bearer token, HQ's
  Ed25519 public key and ``key_proof = HMAC-SHA256(pairing_code, public_key)`` so
  the terminal can check the key came from the HQ that issued its code.
- ``GET /feed?cursor=N&limit=M&wait=S`` (terminal token) -> signed batch envelope
  ``{"batch": {...}, "signature": b64, "key_id": str}``; waits up to ``S`` seconds
  (long poll) when nothing is newer than ``N``.
- ``POST /events`` (terminal token) ``{"events": [{"event_id", "kind", "created_at",
  "payload"}]}`` -> ``{"results": [{"event_id", "status"}]}`` with status
  ``created`` / ``exists`` / ``conflict`` per event.
- ``GET /terminal`` (terminal token) -> ``{"terminal_id", "store_id", "status"}``.
- ``POST /quote`` (admin token; the online shop's back end holds one) -> the pricing
  engine's result for a cart.

``payload`` of each event kind: :mod:`sync.events` (typed payloads and their checks).

Feed changes: ``product`` upserts one product by SKU; ``pricing`` carries a pricing
batch (docs/pricing.md) whose documents are upserted by id (a price list's entries
are replaced whole); ``pricing_delete`` withdraws one document; ``store`` updates the
receipt header; ``einvoice`` a store's e-invoice settings; ``invoice_block`` a block of
invoice numbers leased to one terminal of the store. A terminal applies every change of a batch and the batch's
``to_cursor`` in one transaction, or nothing.

A revoked terminal gets HTTP 403 with ``{"error": "terminal_revoked"}``; a bad or
missing token 401 ``{"error": "unauthorized"}``; a malformed body 422.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.domain.canonical import canonical_json
from app.domain.einvoice import EInvoiceError, InvoiceNumber, Period, booklets
from app.domain.errors import CodedError
from app.domain.roles import ROLES
from sync.events import (  # noqa: F401  (the event kinds are re-exported from here)
    ALLOWANCE_ISSUED,
    INVOICE_ISSUED,
    INVOICE_VOIDED,
    AUDIT_RECORDED,
    CASH_MOVED,
    COUPON_USED,
    DRAWER_OPENED,
    LOYALTY_EVENT,
    MALFORMED,
    MEMBER_REGISTERED,
    RETURN_COMMITTED,
    SALE_COMMITTED,
    SHIFT_CLOSED,
    SHIFT_OPENED,
    TOP_UP_COMMITTED,
    Z_REPORT_COMMITTED,
)

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"

MAX_PUSH_EVENTS = 500
MAX_FEED_LIMIT = 5000
MAX_BODY_BYTES = 32 * 1024 * 1024  # a terminal refuses a larger response
BATCH_TTL_SECONDS = 15 * 60

# push answers
CREATED = "created"
EXISTS = "exists"
CONFLICT = "conflict"
PUSH_STATUSES = (CREATED, EXISTS, CONFLICT)

# feed change kinds
PRODUCT = "product"  # data: {sku, barcode, name, category, brand, price, active}
PRICING = "pricing"  # data: a pricing batch (docs/pricing.md), validated whole
PRICING_DELETE = "pricing_delete"  # data: {kind: promotion|coupon|price_list, id}
STORE = "store"  # data: {store_id, name, address, tax_id}: the receipt header
# members (issue 5): what every terminal of a store needs to serve a member offline
MEMBER = "member"  # data: {member_id, phone, name, tier, card_number, points, stored_value,
#                          merged_into (null or the surviving member_id), updated_at,
#                          purchases (sales HQ holds for the member, all ids merged into it)}
LOYALTY_RULES = "loyalty_rules"  # data: a loyalty rules document (docs/loyalty.md)
ALLOWANCE = "allowance"  # data: {allowance_id, member_id, terminal_id, points, stored_value,
#                                valid_until}: what that terminal may spend offline
MEMBER_COUPON = "member_coupon"  # data: {member_id, instance_id, code (signed text),
#                                    terms_code, expires_at, used}
# staff (issue 7): who may log in at the store's terminals
USER = "user"  # data: {user_id, name, role: cashier|supervisor|manager, pin_hash (scrypt, see
#                     app/domain/pins.py; never the PIN), card_code (null or the staff card's
#                     barcode), discount_limit (percent 0-100), active, updated_at}
# e-invoice (issue 14): a store's settings, and the number blocks HQ leases to one terminal
EINVOICE = "einvoice"  # data: {store_id, enabled (false: print receipts, issue nothing),
#                        seller_tax_id (8 digits), invoice_type ("07"), qr_key (32 hex digits:
#                        the company's QR AES key; a secret, never shown), member_carrier_type
#                        (text, "" when the chain has none), threshold (null: automatic, or the
#                        numbers to keep unused), when_exhausted ("refuse" | "receipt"),
#                        updated_at}
INVOICE_BLOCK = "invoice_block"  # data: {block_id, terminal_id (only that terminal uses it),
#                        period ("11502"), track ("AB"), begin, end (8-digit serials, inclusive,
#                        whole booklets of 50), leased_at}
CHANGE_KINDS = (PRODUCT, PRICING, PRICING_DELETE, STORE, MEMBER, LOYALTY_RULES, ALLOWANCE,
                MEMBER_COUPON, USER, EINVOICE, INVOICE_BLOCK)
WHEN_EXHAUSTED = ("refuse", "receipt")  # no number left: refuse the sale, or sell on a receipt

# event kinds a terminal pushes (SALE_COMMITTED, ..., Z_REPORT_COMMITTED): defined next
# to their typed payloads in sync/events.py and imported above, so both names work

# error codes in ProtocolError (the UI turns them into words); MALFORMED is imported above
BAD_SIGNATURE = "bad_signature"
WRONG_KEY = "wrong_key"
EXPIRED = "expired"
ROLLBACK = "rollback"
WRONG_STORE = "wrong_store"
CURSOR_MISMATCH = "cursor_mismatch"
KEY_PROOF_FAILED = "key_proof_failed"


class ProtocolError(CodedError):
    """Something HQ sent cannot be trusted or understood; nothing of it is applied."""


# --- encoding ---------------------------------------------------------------------


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise ProtocolError(MALFORMED, "bad base64") from exc


def utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def parse_time(text: Any, field: str) -> datetime:
    if not isinstance(text, str):
        raise ProtocolError(MALFORMED, f"{field}: expected a time")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ProtocolError(MALFORMED, f"{field}: not a time: {text!r}") from exc
    if moment.tzinfo is None:
        raise ProtocolError(MALFORMED, f"{field}: time without a zone")
    return moment


def payload_hash(payload: Any) -> str:
    """Identity of an event's content: same id + different hash = conflict."""
    return hashlib.sha256(canonical_json(payload)).hexdigest()


# --- keys and signatures -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SigningKey:
    """HQ's Ed25519 key pair (raw 32-byte keys)."""

    private: bytes
    public: bytes

    @classmethod
    def generate(cls) -> SigningKey:
        key = Ed25519PrivateKey.generate()
        return cls(private=key.private_bytes_raw(), public=key.public_key().public_bytes_raw())

    @property
    def key_id(self) -> str:
        return key_id(self.public)

    def sign(self, message: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.private).sign(message)


def key_id(public: bytes) -> str:
    return hashlib.sha256(public).hexdigest()[:16]


def verify_signature(public: bytes, message: bytes, signature: bytes) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError) as exc:
        raise ProtocolError(BAD_SIGNATURE, "the signature does not match") from exc


def normalise_pairing_code(code: str) -> str:
    """``abcd 2345`` and ``ABCD-2345`` are the same code: letters and digits, upper case."""
    return "".join(ch for ch in code.upper() if ch.isascii() and ch.isalnum())


def key_proof(pairing_code: str, public: bytes) -> str:
    """Binds HQ's public key to the one-time pairing code the cashier typed."""
    code = normalise_pairing_code(pairing_code).encode()
    return hmac.new(code, public, hashlib.sha256).hexdigest()


def check_key_proof(pairing_code: str, public: bytes, proof: str) -> None:
    if not hmac.compare_digest(key_proof(pairing_code, public), str(proof)):
        raise ProtocolError(KEY_PROOF_FAILED, "HQ's key does not match the pairing code")


# --- the feed batch ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    seq: int
    kind: str
    data: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class FeedBatch:
    """A verified batch: apply ``changes`` and store ``to_cursor`` in one transaction."""

    store_id: str
    from_cursor: int
    to_cursor: int
    has_more: bool
    issued_at: datetime
    expires_at: datetime
    changes: tuple[Change, ...]


def build_batch(
    *,
    store_id: str,
    from_cursor: int,
    to_cursor: int,
    has_more: bool,
    changes: Sequence[Mapping[str, Any]],
    issued_at: datetime,
    ttl_seconds: int = BATCH_TTL_SECONDS,
) -> dict[str, Any]:
    """HQ side: the unsigned batch document (``changes`` as ``{seq, kind, data}``)."""
    return {
        "protocol": PROTOCOL_VERSION,
        "store_id": store_id,
        "from_cursor": from_cursor,
        "to_cursor": to_cursor,
        "has_more": has_more,
        "issued_at": utc_iso(issued_at),
        "expires_at": utc_iso(datetime.fromtimestamp(issued_at.timestamp() + ttl_seconds, UTC)),
        "changes": list(changes),
    }


def sign_batch(batch: Mapping[str, Any], key: SigningKey) -> dict[str, Any]:
    """HQ side: the envelope a terminal receives."""
    return {"batch": batch, "signature": b64(key.sign(canonical_json(batch))), "key_id": key.key_id}


def open_batch(
    envelope: Any,
    *,
    public_key: bytes,
    store_id: str,
    cursor: int,
    now: datetime,
) -> FeedBatch:
    """Terminal side: verify and parse an envelope, or raise :class:`ProtocolError`.

    Refused: a wrong key or bad signature (tampering), another store's batch, a
    batch that does not start at our cursor or goes backwards (rollback/replay),
    an expired batch, or any malformed change. Nothing is returned unless all of
    the batch is acceptable.
    """
    if not isinstance(envelope, Mapping):
        raise ProtocolError(MALFORMED, "envelope must be an object")
    batch, signature, kid = envelope.get("batch"), envelope.get("signature"), envelope.get("key_id")
    if not isinstance(batch, Mapping) or not isinstance(signature, str):
        raise ProtocolError(MALFORMED, "envelope needs batch and signature")
    if kid != key_id(public_key):
        raise ProtocolError(WRONG_KEY, f"signed with key {kid!r}, pinned {key_id(public_key)}")
    verify_signature(public_key, canonical_json(batch), unb64(signature))
    if batch.get("protocol") != PROTOCOL_VERSION:
        raise ProtocolError(MALFORMED, f"protocol {batch.get('protocol')!r}")
    if batch.get("store_id") != store_id:
        raise ProtocolError(WRONG_STORE, f"batch for {batch.get('store_id')!r}")
    from_cursor, to_cursor = _int(batch, "from_cursor"), _int(batch, "to_cursor")
    if to_cursor < cursor:
        raise ProtocolError(ROLLBACK, f"batch ends at {to_cursor}, we are at {cursor}")
    if from_cursor != cursor:
        raise ProtocolError(CURSOR_MISMATCH, f"batch starts at {from_cursor}, we are at {cursor}")
    issued = parse_time(batch.get("issued_at"), "issued_at")
    expires = parse_time(batch.get("expires_at"), "expires_at")
    if now >= expires:
        raise ProtocolError(EXPIRED, f"expired at {utc_iso(expires)}")
    raw_changes = batch.get("changes")
    if not isinstance(raw_changes, list):
        raise ProtocolError(MALFORMED, "changes must be a list")
    changes = []
    last = from_cursor
    for i, raw in enumerate(raw_changes):
        change = _change(raw, f"changes[{i}]")
        if not last < change.seq <= to_cursor:
            raise ProtocolError(MALFORMED, f"changes[{i}].seq {change.seq} out of order")
        last = change.seq
        changes.append(change)
    has_more = batch.get("has_more")
    if not isinstance(has_more, bool):
        raise ProtocolError(MALFORMED, "has_more must be true or false")
    return FeedBatch(store_id, from_cursor, to_cursor, has_more, issued, expires, tuple(changes))


def _int(doc: Mapping[str, Any], field: str) -> int:
    value = doc.get(field)
    if type(value) is not int or value < 0:
        raise ProtocolError(MALFORMED, f"{field}: expected a non-negative integer")
    return value


def _change(raw: Any, path: str) -> Change:
    if not isinstance(raw, Mapping):
        raise ProtocolError(MALFORMED, f"{path}: must be an object")
    kind, data = raw.get("kind"), raw.get("data")
    if kind not in CHANGE_KINDS:
        raise ProtocolError(MALFORMED, f"{path}.kind: unknown {kind!r}")
    if not isinstance(data, Mapping):
        raise ProtocolError(MALFORMED, f"{path}.data: must be an object")
    seq = raw.get("seq")
    if type(seq) is not int or seq <= 0:
        raise ProtocolError(MALFORMED, f"{path}.seq: expected a positive integer")
    _CHECKS[kind](data, f"{path}.data")
    return Change(seq, kind, data)


def _check_product(d: Mapping[str, Any], path: str) -> None:
    for field in ("sku", "name"):
        if not isinstance(d.get(field), str) or not d[field].strip():
            raise ProtocolError(MALFORMED, f"{path}.{field}: required text")
    for field in ("barcode", "category", "brand"):
        if d.get(field) is not None and not isinstance(d.get(field), str):
            raise ProtocolError(MALFORMED, f"{path}.{field}: must be text")
    if type(d.get("price")) is not int or d["price"] < 0:
        raise ProtocolError(MALFORMED, f"{path}.price: a non-negative whole number")
    if type(d.get("active", True)) is not bool:
        raise ProtocolError(MALFORMED, f"{path}.active: true or false")


def _check_pricing(d: Mapping[str, Any], path: str) -> None:
    if d.get("schema") is None:
        raise ProtocolError(MALFORMED, f"{path}.schema: required")
    # the pricing engine validates the documents themselves, all or nothing


def _check_pricing_delete(d: Mapping[str, Any], path: str) -> None:
    if d.get("kind") not in ("promotion", "coupon", "price_list"):
        raise ProtocolError(MALFORMED, f"{path}.kind: promotion, coupon or price_list")
    if not isinstance(d.get("id"), str):
        raise ProtocolError(MALFORMED, f"{path}.id: required text")


def _check_store(d: Mapping[str, Any], path: str) -> None:
    for field in ("store_id", "name"):
        if not isinstance(d.get(field), str):
            raise ProtocolError(MALFORMED, f"{path}.{field}: required text")


def _check_member(d: Mapping[str, Any], path: str) -> None:
    for field in ("member_id", "phone"):
        if not isinstance(d.get(field), str) or not d[field]:
            raise ProtocolError(MALFORMED, f"{path}.{field}: required text")
    for field in ("points", "stored_value"):
        if type(d.get(field)) is not int:
            raise ProtocolError(MALFORMED, f"{path}.{field}: a whole number")
    if d.get("stored_value", 0) < 0:
        raise ProtocolError(MALFORMED, f"{path}.stored_value: never below zero")
    if d.get("merged_into") is not None and not isinstance(d.get("merged_into"), str):
        raise ProtocolError(MALFORMED, f"{path}.merged_into: a member id or null")


def _check_loyalty_rules(d: Mapping[str, Any], path: str) -> None:
    if d.get("schema") is None:
        raise ProtocolError(MALFORMED, f"{path}.schema: required")
    # app.domain.loyalty validates the document itself, all or nothing


def _check_allowance(d: Mapping[str, Any], path: str) -> None:
    for field in ("allowance_id", "member_id", "terminal_id", "valid_until"):
        if not isinstance(d.get(field), str) or not d[field]:
            raise ProtocolError(MALFORMED, f"{path}.{field}: required text")
    for field in ("points", "stored_value"):
        if type(d.get(field)) is not int or d[field] < 0:
            raise ProtocolError(MALFORMED, f"{path}.{field}: a non-negative whole number")
    parse_time(d["valid_until"], f"{path}.valid_until")


def _check_member_coupon(d: Mapping[str, Any], path: str) -> None:
    for field in ("member_id", "instance_id", "code", "terms_code"):
        if not isinstance(d.get(field), str) or not d[field]:
            raise ProtocolError(MALFORMED, f"{path}.{field}: required text")
    if type(d.get("used", False)) is not bool:
        raise ProtocolError(MALFORMED, f"{path}.used: true or false")


def _check_user(d: Mapping[str, Any], path: str) -> None:
    for field in ("user_id", "name", "pin_hash"):
        if not isinstance(d.get(field), str) or not d[field]:
            raise ProtocolError(MALFORMED, f"{path}.{field}: required text")
    if d.get("role") not in ROLES:
        raise ProtocolError(MALFORMED, f"{path}.role: cashier, supervisor or manager")
    limit = d.get("discount_limit", 0)
    if type(limit) is not int or not 0 <= limit <= 100:
        raise ProtocolError(MALFORMED, f"{path}.discount_limit: a percent, 0 to 100")
    if d.get("card_code") is not None and not isinstance(d.get("card_code"), str):
        raise ProtocolError(MALFORMED, f"{path}.card_code: text or null")
    if type(d.get("active", True)) is not bool:
        raise ProtocolError(MALFORMED, f"{path}.active: true or false")


def _check_einvoice(d: Mapping[str, Any], path: str) -> None:
    if not isinstance(d.get("store_id"), str) or not d["store_id"]:
        raise ProtocolError(MALFORMED, f"{path}.store_id: required text")
    if type(d.get("enabled")) is not bool:
        raise ProtocolError(MALFORMED, f"{path}.enabled: true or false")
    if not d["enabled"]:
        return
    tax_id = d.get("seller_tax_id")
    if not (isinstance(tax_id, str) and len(tax_id) == 8 and tax_id.isascii() and tax_id.isdigit()):
        raise ProtocolError(MALFORMED, f"{path}.seller_tax_id: 8 digits")
    if d.get("invoice_type") != "07":
        raise ProtocolError(MALFORMED, f"{path}.invoice_type: 07 (general)")
    key = d.get("qr_key")
    if not (isinstance(key, str) and len(key) == 32 and all(c in "0123456789abcdefABCDEF"
                                                            for c in key)):
        raise ProtocolError(MALFORMED, f"{path}.qr_key: 32 hex digits")
    if not isinstance(d.get("member_carrier_type", ""), str):
        raise ProtocolError(MALFORMED, f"{path}.member_carrier_type: text")
    threshold = d.get("threshold")
    if threshold is not None and (type(threshold) is not int or threshold < 0):
        raise ProtocolError(MALFORMED, f"{path}.threshold: null or a non-negative whole number")
    if d.get("when_exhausted", "refuse") not in WHEN_EXHAUSTED:
        raise ProtocolError(MALFORMED, f"{path}.when_exhausted: refuse or receipt")


def _check_invoice_block(d: Mapping[str, Any], path: str) -> None:
    for field in ("block_id", "terminal_id", "period", "track", "leased_at"):
        if not isinstance(d.get(field), str) or not d[field]:
            raise ProtocolError(MALFORMED, f"{path}.{field}: required text")
    for field in ("begin", "end"):
        if type(d.get(field)) is not int:
            raise ProtocolError(MALFORMED, f"{path}.{field}: an 8-digit serial")
    try:
        Period.parse(d["period"])
        booklets(InvoiceNumber(d["track"], d["begin"]), InvoiceNumber(d["track"], d["end"]))
    except EInvoiceError as exc:
        raise ProtocolError(MALFORMED, f"{path}: {exc.code} {exc.detail}") from exc
    parse_time(d["leased_at"], f"{path}.leased_at")


_CHECKS = {
    PRODUCT: _check_product,
    PRICING: _check_pricing,
    PRICING_DELETE: _check_pricing_delete,
    STORE: _check_store,
    MEMBER: _check_member,
    LOYALTY_RULES: _check_loyalty_rules,
    ALLOWANCE: _check_allowance,
    MEMBER_COUPON: _check_member_coupon,
    USER: _check_user,
    EINVOICE: _check_einvoice,
    INVOICE_BLOCK: _check_invoice_block,
}


# --- enrollment and push -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Enrollment:
    """What a terminal keeps after pairing."""

    hq_url: str
    terminal_id: str
    store_id: str
    token: str
    public_key: bytes
    store_name: str = ""
    store_address: str = ""
    store_tax_id: str = ""


def parse_enrollment(hq_url: str, pairing_code: str, body: Any) -> Enrollment:
    if not isinstance(body, Mapping):
        raise ProtocolError(MALFORMED, "enrollment answer must be an object")
    try:
        public = unb64(body["hq_public_key"])
        result = Enrollment(
            hq_url=hq_url.rstrip("/"),
            terminal_id=str(body["terminal_id"]),
            store_id=str(body["store_id"]),
            token=str(body["token"]),
            public_key=public,
            store_name=str(body.get("store_name", "")),
            store_address=str(body.get("store_address", "")),
            store_tax_id=str(body.get("store_tax_id", "")),
        )
    except KeyError as exc:
        raise ProtocolError(MALFORMED, f"enrollment answer lacks {exc}") from exc
    if len(public) != 32:
        raise ProtocolError(MALFORMED, "hq_public_key must be 32 bytes")
    check_key_proof(pairing_code, public, body.get("key_proof", ""))
    return result


def parse_push_results(body: Any, sent_ids: Sequence[str]) -> dict[str, str]:
    """``{event_id: status}`` for the events we sent; anything else is malformed."""
    if not isinstance(body, Mapping) or not isinstance(body.get("results"), list):
        raise ProtocolError(MALFORMED, "push answer needs results")
    wanted = set(sent_ids)
    out: dict[str, str] = {}
    for item in body["results"]:
        if not isinstance(item, Mapping):
            raise ProtocolError(MALFORMED, "push result must be an object")
        event_id, status = item.get("event_id"), item.get("status")
        if event_id not in wanted or status not in PUSH_STATUSES:
            raise ProtocolError(MALFORMED, f"unexpected push result {event_id!r}: {status!r}")
        out[event_id] = status
    return out
