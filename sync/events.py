"""The events a terminal pushes to HQ, as typed payloads: one definition for both sides.

Every kind a terminal pushes (``POST /events``, see :mod:`sync.protocol`) has a
dataclass here describing its ``payload`` exactly as it travels today, its kind name
next to it (``KIND``), and a short description of each field (``FIELD_DOCS`` / the
comments). Both sides use them:

- the terminal builds a payload with the class and sends ``instance.to_payload()``
  (a plain JSON-able dict, today's exact shape);
- HQ reads a pushed payload with ``Class.parse(payload)`` (or :func:`parse_payload`
  by kind): the instance, or one :class:`PayloadError` ``(reason, detail)`` whose
  detail names the field path (``payload.sale.total: expected an integer``). HQ
  quarantines such an event (answer ``conflict``), it never drops it.

Only what a payload is made of is checked here. Checks that depend on who pushed the
event (another store's or terminal's event), on what HQ already holds (duplicates) or
on HQ's own rules (an e-invoice carrier's form, a member's phone already known) stay
in HQ.

Versions
--------
Today's payloads carry no version field: they are **version 1**. The rule:

- a payload may declare ``"version": N`` at its top level; absent means 1;
- fields this side does not know are ignored when parsing (HQ keeps the raw payload it
  received, unknown fields included), so a newer terminal may add fields freely;
- a change an older reader could misread (a field removed, renamed or given another
  meaning) needs a new version number, and a payload declaring a version this side
  does not know (:data:`SUPPORTED_VERSIONS`) is refused with reason
  ``unsupported_version``: HQ quarantines it until it is upgraded, never drops it;
- ``to_payload()`` writes version 1 without a ``version`` field (today's shape), so
  an HQ that predates this module reads it unchanged.

Times are ISO 8601 text as the terminal wrote them (kept verbatim, so a payload
round-trips exactly); :func:`moment` reads one (a time without a zone is the
store's local time, Asia/Taipei). JSON sub-documents a ledger keeps as text
(``detail``, ``close``, ``body``) are accepted as objects or as the JSON text of one
and are objects after parsing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime
from typing import Any, ClassVar, TypeVar

from app.domain.loyalty import (
    PointsEarned,
    PointsRedeemed,
    PointsRestored,
    PointsReversed,
    StoredValueRefunded,
    StoredValueSpent,
    StoredValueTopUp,
)
from app.domain.loyalty import LoyaltyEvent as _DomainLoyaltyEvent
from app.domain.errors import CodedError
from app.domain.members import MemberError, normalise_phone
from app.domain.store_time import parse_store_time

# --- event kinds a terminal pushes (re-exported by sync.protocol) -------------------------
SALE_COMMITTED = "sale.committed"  # SaleCommitted: {sale: {...}, lines, payments, adjustments}
MEMBER_REGISTERED = "member.registered"  # MemberRegistered: {member_id (the terminal's
#                       provisional id), phone, name, birthday, referral_code, store_id,
#                       terminal_id, created_at}
LOYALTY_EVENT = "loyalty.event"  # LoyaltyRecorded: {type: PointsEarned|PointsRedeemed|
#                       PointsReversed|PointsRestored|StoredValueTopUp|StoredValueSpent|
#                       StoredValueRefunded, member_id, amount, terminal_id, at, sale_ref,
#                       offline, allowance_id}
TOP_UP_COMMITTED = "top_up.committed"  # TopUpCommitted: {id, receipt_no, store_id,
#                       terminal_id, created_at, cashier, member_id, amount, tender, tendered,
#                       change_due, reference, balance_after}: the money document; the
#                       balance moves by its StoredValueTopUp loyalty.event
RETURN_COMMITTED = "return.committed"  # ReturnCommitted: {return: {...}, lines: [...],
#                       payments: [...]}: goods back against a sale; points/stored value
#                       move by loyalty.events
COUPON_USED = "coupon.used"  # CouponUsed: {instance_id, terms_code, member_id, sale_id,
#                       store_id, terminal_id, at}
DRAWER_OPENED = "drawer.opened"  # DrawerOpened: the drawer_opens row: a no-sale open
# store management (issue 7): each payload is the terminal's ledger row as written
AUDIT_RECORDED = "audit.recorded"  # AuditRecorded: {id, at, store_id, terminal_id, action,
#                       user_id, approved_by, method: role|pin|card|local (the first-run
#                       manager), doc_ref, detail: {...}}
SHIFT_OPENED = "shift.opened"  # ShiftOpened: {id, shift_no, store_id, terminal_id,
#                       opened_at, opened_by, opening_float}
SHIFT_CLOSED = "shift.closed"  # ShiftClosed: the same plus closed_at, closed_by,
#                       close: {...} (counts)
CASH_MOVED = "cash.moved"  # CashMoved: {id, shift_id, store_id, terminal_id, at,
#                       kind: in|out, amount, reason, user_id, approved_by}
Z_REPORT_COMMITTED = "z_report.committed"  # ZReportCommitted: {id, z_no, store_id,
#                       terminal_id, created_at, created_by, period_from, period_to,
#                       body: {...} (the figures)}
# e-invoice (issue 14): pushed with the sale or return that caused them, exactly once
INVOICE_ISSUED = "invoice.issued"  # InvoiceIssued: the invoice a sale issued at the counter
INVOICE_VOIDED = "invoice.voided"  # InvoiceVoided: a whole return inside the period (作廢)
ALLOWANCE_ISSUED = "allowance.issued"  # AllowanceIssued: a partial or later return (折讓)

# --- versions and refusal reasons ---------------------------------------------------------
PAYLOAD_VERSION = 1  # what to_payload() writes (without a version field)
SUPPORTED_VERSIONS = frozenset({1})
VERSION_FIELD = "version"
MALFORMED = "malformed"
UNSUPPORTED_VERSION = "unsupported_version"

MAX_ID = 64
MAX_MEMBER_NAME = 100
MAX_REFERRAL_CODE = 32
LOYALTY_TYPES: dict[str, type[_DomainLoyaltyEvent]] = {
    cls.__name__: cls
    for cls in (PointsEarned, PointsRedeemed, PointsReversed, PointsRestored,
                StoredValueTopUp, StoredValueSpent, StoredValueRefunded)
}  # fmt: skip


class PayloadError(CodedError):
    """A payload that cannot be read as its kind: ``reason`` (its ``code``) is a
    quarantine reason (``malformed``, ``unsupported_version``, or one of HQ's own),
    ``detail`` names the field path and what was expected."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(reason, detail)

    @property
    def reason(self) -> str:
        return self.code


def moment(text: str) -> datetime:
    """A payload time (validated by ``parse``) as an aware UTC datetime; a time without
    a zone is the store's local time."""
    return parse_store_time(text)


# --- field specifications -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Spec:
    kind: str  # text | id | int | time | bool | doc | choice | obj | list | json
    doc: str
    key: str = ""  # the wire name when it is not the attribute's (``return``)
    min_len: int = 0
    max_len: int | None = None
    minimum: int | None = None
    nullable: bool = False  # null (or absent) is allowed and kept as None
    choices: tuple[str, ...] = ()
    of: Any = None  # the nested payload class of obj / list


def _field(spec: _Spec, default: Any = MISSING) -> Any:
    if default is MISSING and spec.nullable:
        default = None
    return field(default=default, metadata={"spec": spec})


def text(doc: str, *, max_len: int | None = None, min_len: int = 0,
         nullable: bool = False) -> Any:
    """Text; ``nullable``: null allowed (kept as None)."""
    return _field(_Spec("text", doc, min_len=min_len, max_len=max_len, nullable=nullable))


def ident(doc: str, *, nullable: bool = False) -> Any:
    """An id: 1..64 printable characters, no surrounding spaces."""
    return _field(_Spec("id", doc, min_len=1, max_len=MAX_ID, nullable=nullable))


def whole(doc: str, *, minimum: int | None = None, nullable: bool = False) -> Any:
    return _field(_Spec("int", doc, minimum=minimum, nullable=nullable))


def when(doc: str) -> Any:
    return _field(_Spec("time", doc))


def flag(doc: str, default: bool = False) -> Any:
    return _field(_Spec("bool", doc), default)


def document(doc: str) -> Any:
    return _field(_Spec("doc", doc))


def choice(doc: str, *choices: str) -> Any:
    return _field(_Spec("choice", doc, choices=choices))


def nested(doc: str, of: type, *, key: str = "") -> Any:
    return _field(_Spec("obj", doc, key=key, of=of))


def many(doc: str, of: type) -> Any:
    """A list of ``of`` objects; absent means none."""
    return _field(_Spec("list", doc, of=of), ())


def any_json(doc: str) -> Any:
    return _field(_Spec("json", doc))


_NEED = {"int": "expected an integer", "time": "expected an ISO 8601 time",
         "bool": "true or false", "doc": "an object (or the JSON text of one)",
         "obj": "must be an object", "list": "must be a list"}


def _bad(path: str, need: str) -> PayloadError:
    return PayloadError(MALFORMED, f"{path}: {need}")


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def _read(spec: _Spec, raw: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in raw:
        if spec.kind == "list":
            return ()
        if spec.kind == "bool":
            return False
    value = raw.get(key)
    if value is None and spec.nullable:
        return None
    kind = spec.kind
    if kind in ("text", "id"):
        if not isinstance(value, str) or len(value) < spec.min_len or (
                spec.max_len is not None and len(value) > spec.max_len) or (
                kind == "id" and (value != value.strip() or not value.isprintable())):
            if kind == "id":
                need = f"text of 1..{MAX_ID} printable characters"
            elif spec.max_len is None:
                need = "expected text" if not spec.min_len else "expected non-empty text"
            else:
                need = f"text of {spec.min_len}..{spec.max_len} characters"
            raise _bad(path, need + (" or null" if spec.nullable else ""))
        return value
    if kind == "int":
        if type(value) is not int:
            raise _bad(path, _NEED["int"] + (" or null" if spec.nullable else ""))
        if spec.minimum is not None and value < spec.minimum:
            raise _bad(path, f"at least {spec.minimum}")
        return value
    if kind == "time":
        if not isinstance(value, str):
            raise _bad(path, _NEED["time"])
        try:
            moment(value)
        except ValueError:
            raise _bad(path, f"not an ISO 8601 time: {value!r}") from None
        return value
    if kind == "bool":
        if type(value) is not bool:
            raise _bad(path, _NEED["bool"])
        return value
    if kind == "doc":
        if isinstance(value, str):
            try:
                value = json.loads(value, parse_constant=_no_constant)
            except ValueError:
                raise _bad(path, _NEED["doc"]) from None
        if not isinstance(value, Mapping):
            raise _bad(path, _NEED["doc"])
        return dict(value)
    if kind == "choice":
        if value not in spec.choices:
            raise _bad(path, "one of " + ", ".join(spec.choices))
        return value
    if kind == "obj":
        return spec.of._parse_object(value, path)
    if kind == "list":
        if not isinstance(value, list):
            raise _bad(path, _NEED["list"])
        return tuple(spec.of._parse_object(v, f"{path}[{i}]") for i, v in enumerate(value))
    return value  # json: any JSON value, kept as it is


def _write(spec: _Spec, value: Any) -> Any:
    if spec.kind == "obj":
        return value.to_payload()
    if spec.kind == "list":
        return [v.to_payload() for v in value]
    if spec.kind == "doc":
        return dict(value)
    return value


P = TypeVar("P", bound="_Object")
_plans: dict[type, tuple[tuple[str, str, str | None], ...]] = {}


def _plan(cls: type) -> tuple[tuple[str, str, str | None], ...]:
    """How ``cls`` writes itself: (attribute, wire key, how: None as it is, obj, list, doc)."""
    plan = _plans.get(cls)
    if plan is None:
        plan = _plans[cls] = tuple(
            (f.name, f.metadata["spec"].key or f.name,
             f.metadata["spec"].kind if f.metadata["spec"].kind in ("obj", "list", "doc")
             else None)
            for f in fields(cls))
    return plan


class _Object:
    """A JSON object of a payload: parsed field by field, written back the same."""

    __slots__ = ()

    @classmethod
    def _parse_object(cls: type[P], raw: Any, where: str) -> P:
        if not isinstance(raw, Mapping):
            raise _bad(where, _NEED["obj"])
        values = {}
        for f in fields(cls):  # type: ignore[arg-type]
            spec: _Spec = f.metadata["spec"]
            key = spec.key or f.name
            values[f.name] = _read(spec, raw, key, f"{where}.{key}")
        obj = cls(**values)
        obj._check(where)
        return obj

    def _check(self, where: str) -> None:
        """Checks across fields (after each field's own)."""

    def to_payload(self) -> dict[str, Any]:
        """The JSON object exactly as the terminal sends it today."""
        out = {}
        for attr, key, kind in _plan(type(self)):  # built on every sale: kept lean
            value = getattr(self, attr)
            if kind is None:
                out[key] = value
            elif kind == "obj":
                out[key] = value.to_payload()
            elif kind == "list":
                out[key] = [v.to_payload() for v in value]
            else:  # doc
                out[key] = dict(value)
        return out

    @classmethod
    def field_docs(cls) -> dict[str, str]:
        """Each wire field and what it is."""
        return {(f.metadata["spec"].key or f.name): f.metadata["spec"].doc
                for f in fields(cls)}  # type: ignore[arg-type]


class EventPayload(_Object):
    """The payload of one event kind (``KIND``)."""

    __slots__ = ()
    KIND: ClassVar[str] = ""
    WHERE: ClassVar[str] = "payload"  # the path HQ's messages name fields under

    @classmethod
    def parse(cls: type[P], payload: Any, where: str | None = None) -> P:
        """The payload checked field by field, or :class:`PayloadError`."""
        where = where or cls.WHERE  # type: ignore[attr-defined]
        if not isinstance(payload, Mapping):
            raise _bad(where, "required object")
        check_version(payload, where)
        return cls._parse_object(payload, where)

    def checked(self: P) -> P:
        """This payload as HQ will read it, or :class:`PayloadError` (building does not
        check; a builder calls this where a bad value must fail at once, e.g. in tests)."""
        return type(self).parse(self.to_payload())  # type: ignore[attr-defined]


def check_version(payload: Mapping[str, Any], where: str = "payload") -> int:
    """The payload's version (absent: 1), or ``unsupported_version``."""
    version = payload.get(VERSION_FIELD, PAYLOAD_VERSION)
    if type(version) is not int or version not in SUPPORTED_VERSIONS:
        raise PayloadError(UNSUPPORTED_VERSION,
                           f"{where}.{VERSION_FIELD}: {version!r}; this side reads version "
                           + ", ".join(map(str, sorted(SUPPORTED_VERSIONS))))
    return version


# --- sale.committed ---------------------------------------------------------------------------


@dataclass(slots=True, kw_only=True)
class Sale(_Object):
    """The ``sales`` row of a sale as the terminal wrote it."""

    id: str = text("the sale's id (UUIDv7)", min_len=1, max_len=MAX_ID)
    receipt_no: str = text("printed receipt number, e.g. S001-T01-000001")
    store_id: str = text("the store that sold")
    terminal_id: str = text("the terminal that sold")
    seq: int = whole("the terminal's receipt counter")
    created_at: str = when("when the sale committed")
    cashier: str | None = text("the user at the till", nullable=True)
    subtotal: int = whole("sum of qty x unit price (NT$)")
    discount_total: int = whole("all discounts (NT$)")
    total: int = whole("to pay (NT$, tax included)")
    untaxed: int = whole("total without tax")
    tax: int = whole("the tax included in total")
    paid: int = whole("tendered in all")
    change_due: int = whole("change given")
    line_count: int = whole("number of lines")
    member_id: str | None = text("the member's id, or null", min_len=1, max_len=MAX_ID,
                                 nullable=True)
    carrier: str | None = text("e-invoice mobile barcode (/ and 7 characters) or null",
                               nullable=True)
    buyer_tax_id: str | None = text("the buyer's 統一編號 or null", nullable=True)


@dataclass(slots=True, kw_only=True)
class SaleLine(_Object):
    sale_id: str | None = text("the sale's id", nullable=True)
    line_no: int = whole("1, 2, ... unique in the sale")
    sku: str = text("the product's SKU")
    barcode: str | None = text("the scanned barcode", nullable=True)
    name: str = text("the product's name at the time")
    category: str | None = text("the product's category", nullable=True)
    qty: int = whole("quantity")
    unit_price: int = whole("price of one (NT$)")
    discount: int = whole("discount on the line (NT$)")
    line_total: int = whole("qty x unit_price - discount")


@dataclass(slots=True, kw_only=True)
class SalePayment(_Object):
    sale_id: str | None = text("the sale's id", nullable=True)
    seq: int = whole("1, 2, ... unique in the sale")
    tender: str = text("cash | card | line_pay | points | stored_value | ...")
    amount: int = whole("what the tender pays of the total (NT$)")
    tendered: int | None = whole("what was handed over (cash: before change)", nullable=True)
    reference: str | None = text("card slip / wallet reference", nullable=True)


@dataclass(slots=True, kw_only=True)
class SaleAdjustment(_Object):
    """Why the price is what it is: one promotion, coupon or manual discount."""

    sale_id: str | None = text("the sale's id", nullable=True)
    seq: int = whole("1, 2, ... in the order applied")
    source: str = text("promotion | coupon | manual")
    rule_id: str | None = text("the rule's id (or the manual kind)", nullable=True)
    name: str | None = text("the rule's name as printed", nullable=True)
    kind: str | None = text("the kind of discount", nullable=True)
    amount: int = whole("the discount (NT$)")
    lines: Any = any_json("JSON text [[line_no, share], ...]")


@dataclass(slots=True, kw_only=True)
class SaleCommitted(EventPayload):
    """A sale: the row, its lines, payments and adjustments (app/services/documents/sales.py)."""

    KIND: ClassVar[str] = SALE_COMMITTED
    sale: Sale = nested("the sale row", Sale)
    lines: tuple[SaleLine, ...] = many("the lines", SaleLine)
    payments: tuple[SalePayment, ...] = many("the payments", SalePayment)
    adjustments: tuple[SaleAdjustment, ...] = many("pricing adjustments", SaleAdjustment)

    def _check(self, where: str) -> None:
        if len({ln.line_no for ln in self.lines}) != len(self.lines):
            raise _bad(f"{where}.lines", "duplicate line_no")
        if len({p.seq for p in self.payments}) != len(self.payments):
            raise _bad(f"{where}.payments", "duplicate seq")


# --- members ----------------------------------------------------------------------------------


@dataclass(slots=True, kw_only=True)
class MemberRegistered(EventPayload):
    """A registration at the counter (app/services/documents/members.py)."""

    KIND: ClassVar[str] = MEMBER_REGISTERED
    WHERE: ClassVar[str] = "member"
    member_id: str = ident("the terminal's provisional id (UUIDv7); HQ keeps it")
    phone: str = text("Taiwan mobile number (any common spelling)")
    name: str | None = text(f"name, at most {MAX_MEMBER_NAME} characters", nullable=True)
    birthday: str | None = text("YYYY-MM-DD, or empty / null", nullable=True)
    referral_code: str | None = text("another member's referral code, or empty / null",
                                     max_len=MAX_REFERRAL_CODE, nullable=True)
    store_id: str = text("the registering store")
    terminal_id: str = text("the registering terminal")
    created_at: str = when("when the member registered")

    def _check(self, where: str) -> None:
        try:
            normalise_phone(self.phone)
        except MemberError as exc:
            raise _bad(f"{where}.phone", f"{exc.code} ({exc.detail})") from None
        if len((self.name or "").strip()) > MAX_MEMBER_NAME:
            raise _bad(f"{where}.name", f"text of at most {MAX_MEMBER_NAME} characters")
        if self.birthday_date is MISSING:
            raise _bad(f"{where}.birthday", "YYYY-MM-DD or null")

    @property
    def phone_number(self) -> str:
        """The phone normalised (``09XXXXXXXX``)."""
        return normalise_phone(self.phone)

    @property
    def birthday_date(self) -> Any:
        """The birthday as a date, None if not given (MISSING if unreadable)."""
        if not self.birthday:
            return None
        try:
            return date.fromisoformat(self.birthday)
        except ValueError:
            return MISSING


@dataclass(slots=True, kw_only=True)
class LoyaltyRecorded(EventPayload):
    """One change of a member's points or stored value (app.domain.loyalty)."""

    KIND: ClassVar[str] = LOYALTY_EVENT
    WHERE: ClassVar[str] = "loyalty"
    type: str = choice("the event type", *LOYALTY_TYPES)
    member_id: str = ident("the member's id as the terminal knows it")
    amount: int = whole("positive; the type gives the sign", minimum=1)
    terminal_id: str = text("the terminal that recorded it")
    at: str = when("when")
    sale_ref: str | None = ident("the sale / return / top-up it belongs to", nullable=True)
    offline: bool = flag("a debit checked against an allowance, not online")
    allowance_id: str | None = ident("the allowance an offline debit used", nullable=True)

    def _check(self, where: str) -> None:
        try:  # the domain's own checks (e.g. a debit names its sale)
            self.domain_event("-", "-")
        except (TypeError, ValueError) as exc:
            raise PayloadError(MALFORMED, f"{where}: {exc}") from None

    def domain_event(self, event_id: str, terminal_key: str) -> _DomainLoyaltyEvent:
        """The event as :mod:`app.domain.loyalty` reckons with it."""
        return LOYALTY_TYPES[self.type](
            event_id=event_id, member_id=self.member_id, amount=self.amount,
            terminal_id=terminal_key, at=moment(self.at), sale_ref=self.sale_ref,
            offline=self.offline, allowance_id=self.allowance_id)


@dataclass(slots=True, kw_only=True)
class CouponUsed(EventPayload):
    """One use of an HQ-signed coupon instance at a sale."""

    KIND: ClassVar[str] = COUPON_USED
    WHERE: ClassVar[str] = "coupon"
    instance_id: str = ident("the coupon instance")
    terms_code: str = ident("the coupon's terms (pricing coupon code)")
    member_id: str | None = ident("the sale's member, or null", nullable=True)
    sale_id: str = ident("the sale it was used at")
    store_id: str = text("the store")
    terminal_id: str = text("the terminal")
    at: str = when("when")


# --- top-ups and returns ---------------------------------------------------------------------


@dataclass(slots=True, kw_only=True)
class TopUpCommitted(EventPayload):
    """A stored-value top-up's money document (app/services/documents/top_ups.py)."""

    KIND: ClassVar[str] = TOP_UP_COMMITTED
    id: str = text("the top-up's id", min_len=1, max_len=MAX_ID)
    receipt_no: str = text("receipt number, e.g. S001-T01-V000001")
    store_id: str = text("the store")
    terminal_id: str = text("the terminal")
    created_at: str = when("when")
    cashier: str | None = text("the user at the till", nullable=True)
    member_id: str = text("the member topped up", min_len=1, max_len=MAX_ID)
    amount: int = whole("added to the stored value (NT$)")
    tender: str = text("how it was paid")
    tendered: int | None = whole("handed over", nullable=True)
    change_due: int = whole("change given")
    reference: str | None = text("card slip / wallet reference", nullable=True)
    balance_after: int = whole("the stored value after it, as the terminal knew it")


@dataclass(slots=True, kw_only=True)
class ReturnDoc(_Object):
    id: str = text("the return's id", min_len=1, max_len=MAX_ID)
    receipt_no: str = text("receipt number, e.g. S001-T01-R000001")
    store_id: str = text("the store")
    terminal_id: str = text("the terminal")
    created_at: str = when("when")
    cashier: str | None = text("the user at the till", nullable=True)
    approved_by: str | None = text("who approved the refund, or empty", nullable=True)
    sale_id: str = text("the sale the goods came from")
    member_id: str | None = text("the sale's member, or null", nullable=True)
    total: int = whole("refunded in all (NT$)")
    untaxed: int = whole("total without tax")
    tax: int = whole("the tax included in total")
    points_reversed: int = whole("points the sale had earned, taken back")
    reason: str | None = text("why", nullable=True)


@dataclass(slots=True, kw_only=True)
class ReturnLine(_Object):
    return_id: str | None = text("the return's id", nullable=True)
    line_no: int = whole("the sale's line")
    sku: str = text("the product's SKU")
    name: str = text("the product's name")
    qty: int = whole("units back")
    amount: int = whole("refunded for them (NT$)")


@dataclass(slots=True, kw_only=True)
class ReturnPayment(_Object):
    return_id: str | None = text("the return's id", nullable=True)
    seq: int = whole("1, 2, ...")
    tender: str = text("how it is refunded")
    amount: int = whole("NT$")
    points: int = whole("points restored (tender points)")
    reference: str | None = text("card / wallet reference", nullable=True)


@dataclass(slots=True, kw_only=True)
class ReturnCommitted(EventPayload):
    """Goods back against a sale (app/services/documents/returns.py)."""

    KIND: ClassVar[str] = RETURN_COMMITTED
    return_: ReturnDoc = nested("the return row", ReturnDoc, key="return")
    lines: tuple[ReturnLine, ...] = many("the lines returned", ReturnLine)
    payments: tuple[ReturnPayment, ...] = many("the refunds", ReturnPayment)


# --- the till (issue 7): each payload is the terminal's ledger row ---------------------------

MAX_USER = 32


@dataclass(slots=True, kw_only=True)
class AuditRecorded(EventPayload):
    KIND: ClassVar[str] = AUDIT_RECORDED
    id: str = text("the audit row's id", min_len=1, max_len=MAX_ID)
    at: str = when("when")
    store_id: str = text("the store")
    terminal_id: str = text("the terminal")
    action: str = text("what was done (refund, no_sale, discount, ...)", min_len=1,
                       max_len=32)
    user_id: str = text("who did it", min_len=1, max_len=MAX_USER)
    approved_by: str | None = text("who approved it", max_len=MAX_USER, nullable=True)
    method: str | None = text("role | pin | card | local", max_len=8, nullable=True)
    doc_ref: str | None = text("the document it concerns", max_len=MAX_ID, nullable=True)
    detail: dict[str, Any] = document("more about it")


@dataclass(slots=True, kw_only=True)
class ShiftOpened(EventPayload):
    KIND: ClassVar[str] = SHIFT_OPENED
    id: str = text("the shift's id", min_len=1, max_len=MAX_ID)
    shift_no: int = whole("the terminal's shift number")
    store_id: str = text("the store")
    terminal_id: str = text("the terminal")
    opened_at: str = when("when")
    opened_by: str = text("who", min_len=1, max_len=MAX_USER)
    opening_float: int = whole("cash counted into the drawer (NT$)", minimum=0)


@dataclass(slots=True, kw_only=True)
class ShiftClosed(EventPayload):
    KIND: ClassVar[str] = SHIFT_CLOSED
    id: str = text("the shift's id", min_len=1, max_len=MAX_ID)
    shift_no: int = whole("the terminal's shift number")
    store_id: str = text("the store")
    terminal_id: str = text("the terminal")
    opened_at: str = when("when it opened")
    opened_by: str = text("who opened it", min_len=1, max_len=MAX_USER)
    opening_float: int = whole("cash counted into the drawer (NT$)", minimum=0)
    closed_at: str = when("when it closed")
    closed_by: str = text("who closed it", min_len=1, max_len=MAX_USER)
    close: dict[str, Any] = document("the count: counts, expected, counted, difference")


@dataclass(slots=True, kw_only=True)
class CashMoved(EventPayload):
    KIND: ClassVar[str] = CASH_MOVED
    id: str = text("the movement's id", min_len=1, max_len=MAX_ID)
    shift_id: str = text("the open shift", min_len=1, max_len=MAX_ID)
    at: str = when("when")
    kind: str = choice("in (float top-up) or out (safe drop, petty cash)", "in", "out")
    amount: int = whole("NT$", minimum=1)
    reason: str | None = text("why", max_len=500, nullable=True)
    user_id: str = text("who", min_len=1, max_len=MAX_USER)
    approved_by: str | None = text("who approved it", max_len=MAX_USER, nullable=True)
    store_id: str = text("the store")
    terminal_id: str = text("the terminal")


@dataclass(slots=True, kw_only=True)
class ZReportCommitted(EventPayload):
    KIND: ClassVar[str] = Z_REPORT_COMMITTED
    id: str = text("the Z report's id", min_len=1, max_len=MAX_ID)
    z_no: int = whole("the terminal's Z number", minimum=1)
    store_id: str = text("the store")
    terminal_id: str = text("the terminal")
    created_at: str = when("when")
    created_by: str = text("who", min_len=1, max_len=MAX_USER)
    period_from: str = when("the period's start")
    period_to: str = when("the period's end")
    body: dict[str, Any] = document("the figures")


@dataclass(slots=True, kw_only=True)
class DrawerOpened(EventPayload):
    KIND: ClassVar[str] = DRAWER_OPENED
    id: str = text("the drawer open's id", min_len=1, max_len=MAX_ID)
    store_id: str = text("the store")
    terminal_id: str = text("the terminal")
    cashier: str | None = text("the user at the till", max_len=MAX_ID, nullable=True)
    approved_by: str | None = text("who approved it", max_len=MAX_ID, nullable=True)
    reason: str | None = text("why", max_len=500, nullable=True)
    at: str = when("when")
    result: str = text("opened, or the printer's error code", min_len=1, max_len=32)


# --- e-invoices (issue 14) -----------------------------------------------------------------------


@dataclass(slots=True, kw_only=True)
class InvoiceItem(_Object):
    seq: int = whole("1, 2, ... in the invoice (the sale's line number)", minimum=1)
    description: str = text("the product's name as printed", min_len=1, max_len=256)
    quantity: int = whole("quantity", minimum=1)
    unit_price: int = whole("price of one (NT$, tax included)", minimum=0)
    amount: int = whole("what the line costs after discounts (NT$, tax included)")


@dataclass(slots=True, kw_only=True)
class InvoiceIssued(EventPayload):
    """An e-invoice issued at the counter in the sale's own transaction
    (app/services/documents/invoices.py)."""

    KIND: ClassVar[str] = INVOICE_ISSUED
    number: str = text("the invoice number, AB12345678", min_len=10, max_len=10)
    period: str = text("its period, 11502", min_len=5, max_len=5)
    block_id: str = ident("the leased block it came from")
    sale_id: str = ident("the sale it was issued for")
    store_id: str = text("the store")
    terminal_id: str = text("the terminal")
    issued_at: str = when("when (the sale's commit time)")
    random_code: str = text("the 4-digit random code", min_len=4, max_len=4)
    invoice_type: str = text("07 (general)", min_len=2, max_len=2)
    seller_tax_id: str = text("the seller's 統一編號", min_len=8, max_len=8)
    buyer_tax_id: str | None = text("the buyer's 統一編號, null for a consumer", min_len=8,
                                    max_len=8, nullable=True)
    tax_type: str = text("1: taxable", min_len=1, max_len=1)
    tax_rate: int = whole("business tax in percent", minimum=0)
    untaxed: int = whole("sales amount without tax (NT$)")
    tax: int = whole("the tax (NT$)")
    total: int = whole("total, tax included (NT$)")
    carrier_type: str | None = text("3J0002 | CQ0001 | the chain's member carrier type",
                                    max_len=6, nullable=True)
    carrier_id: str | None = text("the carrier's id", max_len=64, nullable=True)
    donation_code: str | None = text("愛心碼 (3-7 digits)", max_len=7, nullable=True)
    printed: bool = flag("a paper proof was printed (no carrier, no donation)")
    items: tuple[InvoiceItem, ...] = many("the items", InvoiceItem)

    def _check(self, where: str) -> None:
        if self.carrier_id and self.donation_code:
            raise _bad(f"{where}.donation_code", "a carrier and a donation exclude each other")
        if self.untaxed + self.tax != self.total:
            raise _bad(f"{where}.total", "untaxed + tax")


@dataclass(slots=True, kw_only=True)
class InvoiceVoided(EventPayload):
    """A whole return inside the invoice's period withdraws the invoice (作廢)."""

    KIND: ClassVar[str] = INVOICE_VOIDED
    number: str = text("the invoice voided", min_len=10, max_len=10)
    period: str = text("its period", min_len=5, max_len=5)
    sale_id: str = ident("its sale")
    return_id: str = ident("the return that voided it")
    store_id: str = text("the store")
    terminal_id: str = text("the terminal")
    voided_at: str = when("when")
    reason: str = text("why (the return's reason, or 退貨)", min_len=1, max_len=200)


@dataclass(slots=True, kw_only=True)
class AllowanceItem(_Object):
    seq: int = whole("1, 2, ...", minimum=1)
    original_seq: int = whole("the invoice item it gives back part of", minimum=1)
    description: str = text("the product's name", min_len=1, max_len=256)
    quantity: int = whole("units back", minimum=1)
    amount: int = whole("refunded for them, without tax (NT$)", minimum=0)
    tax: int = whole("the tax of amount (NT$)", minimum=0)


@dataclass(slots=True, kw_only=True)
class AllowanceIssued(EventPayload):
    """A partial return, or a return in a later period, gives back part of an invoice (折讓)."""

    KIND: ClassVar[str] = ALLOWANCE_ISSUED
    allowance_no: str = text("the allowance's number, e.g. T01A00000001", min_len=1,
                             max_len=16)
    invoice_number: str = text("the invoice", min_len=10, max_len=10)
    invoice_period: str = text("the invoice's period", min_len=5, max_len=5)
    invoice_date: str = when("when the invoice was issued")
    sale_id: str = ident("the invoice's sale")
    return_id: str = ident("the return")
    store_id: str = text("the store")
    terminal_id: str = text("the terminal")
    issued_at: str = when("when")
    seller_tax_id: str = text("the seller's 統一編號", min_len=8, max_len=8)
    buyer_tax_id: str | None = text("the buyer's 統一編號, null for a consumer", min_len=8,
                                    max_len=8, nullable=True)
    untaxed: int = whole("refunded without tax (NT$)", minimum=0)
    tax: int = whole("the tax refunded (NT$)", minimum=0)
    total: int = whole("refunded in all (NT$)", minimum=0)
    items: tuple[AllowanceItem, ...] = many("the items", AllowanceItem)

    def _check(self, where: str) -> None:
        if self.untaxed + self.tax != self.total:
            raise _bad(f"{where}.total", "untaxed + tax")


# --- the registry -------------------------------------------------------------------------------

PAYLOADS: dict[str, type[EventPayload]] = {
    cls.KIND: cls
    for cls in (SaleCommitted, MemberRegistered, LoyaltyRecorded, TopUpCommitted,
                ReturnCommitted, CouponUsed, DrawerOpened, AuditRecorded, ShiftOpened,
                ShiftClosed, CashMoved, ZReportCommitted, InvoiceIssued, InvoiceVoided,
                AllowanceIssued)
}  # fmt: skip
EVENT_KINDS = tuple(PAYLOADS)


def parse_payload(kind: str, payload: Any, where: str | None = None) -> EventPayload:
    """The payload of a known kind, parsed (``KeyError`` for a kind not listed here)."""
    return PAYLOADS[kind].parse(payload, where)


__all__ = [
    "ALLOWANCE_ISSUED", "INVOICE_ISSUED", "INVOICE_VOIDED", "AllowanceIssued",
    "AllowanceItem", "InvoiceIssued", "InvoiceItem", "InvoiceVoided",
    "AUDIT_RECORDED", "CASH_MOVED", "COUPON_USED", "DRAWER_OPENED", "EVENT_KINDS",
    "LOYALTY_EVENT", "LOYALTY_TYPES", "MALFORMED", "MEMBER_REGISTERED", "PAYLOADS",
    "PAYLOAD_VERSION", "RETURN_COMMITTED", "SALE_COMMITTED", "SHIFT_CLOSED", "SHIFT_OPENED",
    "SUPPORTED_VERSIONS", "TOP_UP_COMMITTED", "UNSUPPORTED_VERSION", "Z_REPORT_COMMITTED",
    "AuditRecorded", "CashMoved", "CouponUsed", "DrawerOpened", "EventPayload",
    "LoyaltyRecorded", "MemberRegistered", "PayloadError", "ReturnCommitted", "ReturnDoc",
    "ReturnLine", "ReturnPayment", "Sale", "SaleAdjustment", "SaleCommitted", "SaleLine",
    "SalePayment", "ShiftClosed", "ShiftOpened", "TopUpCommitted", "ZReportCommitted",
    "check_version", "moment", "parse_payload",
]  # fmt: skip
