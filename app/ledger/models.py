"""Tables of the local ledger (SQLAlchemy 2 declarative models).

Business documents (sales, their lines and payments) are append-only: SQLite
triggers created by the migrations refuse UPDATE and DELETE on them. Voids and
refunds will be new documents referencing the original.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Setting(Base):
    """Terminal identity and settings as key/value text."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class Product(Base):
    __tablename__ = "products"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    barcode: Mapped[str | None] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    category: Mapped[str] = mapped_column(Text, nullable=False, default="")
    brand: Mapped[str] = mapped_column(Text, nullable=False, default="")
    price: Mapped[int] = mapped_column(Integer, nullable=False)
    active: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __table_args__ = (CheckConstraint("price >= 0", name="ck_products_price"),)


class ReceiptCounter(Base):
    """Last receipt sequence per terminal; bumped in the sale's transaction (gapless)."""

    __tablename__ = "receipt_counters"
    terminal_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, nullable=False)


class Sale(Base):
    __tablename__ = "sales"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7
    receipt_no: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    store_id: Mapped[str] = mapped_column(String(32), nullable=False)
    terminal_id: Mapped[str] = mapped_column(String(32), nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[str] = mapped_column(String(40), nullable=False)  # ISO 8601, UTC
    cashier: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    subtotal: Mapped[int] = mapped_column(Integer, nullable=False)
    discount_total: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    total: Mapped[int] = mapped_column(Integer, nullable=False)
    untaxed: Mapped[int] = mapped_column(Integer, nullable=False)
    tax: Mapped[int] = mapped_column(Integer, nullable=False)
    paid: Mapped[int] = mapped_column(Integer, nullable=False)
    change_due: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    line_count: Mapped[int] = mapped_column(Integer, nullable=False)
    member_id: Mapped[str | None] = mapped_column(String(64))  # attached member, if any
    # the buyer, scanned during the sale: e-invoice mobile-barcode carrier and 統一編號
    carrier: Mapped[str | None] = mapped_column(String(16))
    buyer_tax_id: Mapped[str | None] = mapped_column(String(8))
    __table_args__ = (
        UniqueConstraint("terminal_id", "seq", name="uq_sales_terminal_seq"),
        CheckConstraint("total >= 0 AND paid >= total AND change_due >= 0", name="ck_sales_amounts"),
        Index("ix_sales_created_at", "created_at"),
    )


class SaleLine(Base):
    __tablename__ = "sale_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), nullable=False)
    line_no: Mapped[int] = mapped_column(Integer, nullable=False)
    sku: Mapped[str] = mapped_column(String(32), nullable=False)
    barcode: Mapped[str | None] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text, nullable=False)
    category: Mapped[str] = mapped_column(Text, nullable=False, default="")
    qty: Mapped[int] = mapped_column(Integer, nullable=False)
    unit_price: Mapped[int] = mapped_column(Integer, nullable=False)
    discount: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    line_total: Mapped[int] = mapped_column(Integer, nullable=False)
    __table_args__ = (
        UniqueConstraint("sale_id", "line_no", name="uq_sale_lines_no"),
        CheckConstraint("qty > 0 AND unit_price >= 0 AND line_total >= 0", name="ck_sale_lines"),
    )


class Payment(Base):
    __tablename__ = "payments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    tender: Mapped[str] = mapped_column(String(16), nullable=False)
    amount: Mapped[int] = mapped_column(Integer, nullable=False)  # applied to the sale
    tendered: Mapped[int] = mapped_column(Integer, nullable=False)  # handed over (cash)
    reference: Mapped[str] = mapped_column(Text, nullable=False, default="")
    __table_args__ = (
        UniqueConstraint("sale_id", "seq", name="uq_payments_seq"),
        CheckConstraint("amount > 0 AND tendered >= amount", name="ck_payments_amounts"),
    )


class OutboxEvent(Base):
    """Events waiting to be pushed to HQ; written in the same transaction as their effect."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True, nullable=False)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[str] = mapped_column(String(40), nullable=False)
    sent_at: Mapped[str | None] = mapped_column(String(40))  # when HQ answered for it
    # pending -> sent (HQ: created/exists) or conflict (HQ quarantined it: the operator is told)
    status: Mapped[str] = mapped_column(String(12), nullable=False, server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    last_error: Mapped[str] = mapped_column(Text, nullable=False, server_default="")
    __table_args__ = (Index("ix_outbox_unsent", "id", sqlite_where=sent_at.is_(None)),)


class SuspendedCart(Base):
    """A parked cart (not a business document): deleted when resumed."""

    __tablename__ = "suspended_carts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[str] = mapped_column(String(40), nullable=False)
    label: Mapped[str] = mapped_column(Text, nullable=False, default="")
    payload: Mapped[str] = mapped_column(Text, nullable=False)


class PrintJob(Base):
    """A queued receipt print; survives restarts until printed."""

    __tablename__ = "print_jobs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # what to print: a sale (``sale_id``) or another document by ``doc_kind`` + ``doc_id``
    sale_id: Mapped[str | None] = mapped_column(ForeignKey("sales.id"))
    doc_kind: Mapped[str] = mapped_column(String(12), nullable=False, server_default="sale")
    doc_id: Mapped[str | None] = mapped_column(String(36))
    reprint: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="pending")
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_error: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[str] = mapped_column(String(40), nullable=False)
    printed_at: Mapped[str | None] = mapped_column(String(40))
    __table_args__ = (
        Index("ix_print_jobs_pending", "id", sqlite_where=status == "pending"),
        CheckConstraint("(doc_kind = 'sale' AND sale_id IS NOT NULL) OR "
                        "(doc_kind <> 'sale' AND doc_id IS NOT NULL)", name="ck_print_jobs_doc"),
    )


class PricingDocument(Base):
    """A promotion, coupon or price-list header as HQ published it (validated JSON)."""

    __tablename__ = "pricing_documents"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # promotion/coupon/price_list
    doc_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    received_at: Mapped[str] = mapped_column(String(40), nullable=False)


class PriceEntryRow(Base):
    """One SKU's price in one price list, with the list's scope copied in.

    Looked up only for the SKUs in the cart, so a reprice never reads a whole list.
    """

    __tablename__ = "price_entries"
    list_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sku: Mapped[str] = mapped_column(String(32), primary_key=True)
    price: Mapped[int] = mapped_column(Integer, nullable=False)
    stores: Mapped[str] = mapped_column(Text, nullable=False, default="")  # JSON list, "" = all
    tier: Mapped[str | None] = mapped_column(String(32))
    effective_from: Mapped[str | None] = mapped_column(String(40))
    effective_to: Mapped[str | None] = mapped_column(String(40))
    priority: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    __table_args__ = (
        Index("ix_price_entries_sku", "sku"),
        CheckConstraint("price >= 0", name="ck_price_entries_price"),
    )


class SaleAdjustment(Base):
    """Why a sale's price is what it is: each promotion or coupon applied (append-only)."""

    __tablename__ = "sale_adjustments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    source: Mapped[str] = mapped_column(String(16), nullable=False)  # promotion / coupon
    rule_id: Mapped[str] = mapped_column(String(64), nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    amount: Mapped[int] = mapped_column(Integer, nullable=False)
    lines: Mapped[str] = mapped_column(Text, nullable=False)  # JSON [[line_no, share], ...]
    __table_args__ = (UniqueConstraint("sale_id", "seq", name="uq_sale_adjustments_seq"),)


class HeldChange(Base):
    """A feed change this build cannot apply yet (a newer HQ): kept, never skipped,
    so an upgraded terminal applies it without pulling the whole feed again."""

    __tablename__ = "held_changes"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    data: Mapped[str] = mapped_column(Text, nullable=False)
    received_at: Mapped[str] = mapped_column(String(40), nullable=False)


class MemberRow(Base):
    """What HQ last told this terminal about a member (its snapshot of the balances)."""

    __tablename__ = "members"
    member_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    phone: Mapped[str] = mapped_column(String(16), nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False, default="")
    tier: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    card_number: Mapped[str | None] = mapped_column(String(32))
    points: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    stored_value: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    merged_into: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    # purchases HQ knows of, in every store and online (0: a first-purchase coupon applies)
    purchases: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    __table_args__ = (
        Index("ix_members_phone", "phone"),
        Index("ix_members_card", "card_number"),
        CheckConstraint("stored_value >= 0", name="ck_members_stored_value"),
    )


class AllowanceRow(Base):
    """What HQ lets this terminal spend for a member while offline."""

    __tablename__ = "allowances"
    allowance_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    points: Mapped[int] = mapped_column(Integer, nullable=False)
    stored_value: Mapped[int] = mapped_column(Integer, nullable=False)
    valid_until: Mapped[str] = mapped_column(String(40), nullable=False)


class MemberCouponRow(Base):
    """A coupon in a member's wallet, as HQ issued it (the signed code text)."""

    __tablename__ = "member_coupons"
    instance_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    code: Mapped[str] = mapped_column(Text, nullable=False)
    terms_code: Mapped[str] = mapped_column(String(64), nullable=False)
    expires_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    used: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class MemberEventRow(Base):
    """Points and stored-value events made on this terminal (append-only), pushed to HQ
    through the outbox; a member's balance here = HQ's snapshot + events not yet sent."""

    __tablename__ = "member_events"
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    type: Mapped[str] = mapped_column(String(32), nullable=False)
    amount: Mapped[int] = mapped_column(Integer, nullable=False)
    sale_id: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[str] = mapped_column(String(40), nullable=False)
    offline: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    allowance_id: Mapped[str | None] = mapped_column(String(64))  # the limit it was checked against
    __table_args__ = (CheckConstraint("amount > 0", name="ck_member_events_amount"),)


class CouponUse(Base):
    """A signed coupon used in a sale on this terminal: the primary key makes a second
    use here impossible; HQ catches one at another store when both sync."""

    __tablename__ = "coupon_uses"
    instance_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    terms_code: Mapped[str] = mapped_column(String(64), nullable=False)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), nullable=False)
    at: Mapped[str] = mapped_column(String(40), nullable=False)


class SaleMemberBalance(Base):
    """What the member had after a sale, as printed on its receipt (reprints show the same)."""

    __tablename__ = "sale_member_balances"
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), primary_key=True)
    points_earned: Mapped[int] = mapped_column(Integer, nullable=False)
    points: Mapped[int] = mapped_column(Integer, nullable=False)
    stored_value: Mapped[int] = mapped_column(Integer, nullable=False)
    # JSON {line_no: points}: what each line earned, so a return reverses exactly that
    line_points: Mapped[str] = mapped_column(Text, nullable=False, default="{}")


class TopUp(Base):
    """Stored value bought at the counter: a document of its own (prepaid money, not a
    sale: no tax until it is spent). Append-only."""

    __tablename__ = "top_ups"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7
    receipt_no: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    store_id: Mapped[str] = mapped_column(String(32), nullable=False)
    terminal_id: Mapped[str] = mapped_column(String(32), nullable=False)
    created_at: Mapped[str] = mapped_column(String(40), nullable=False)
    cashier: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    member_id: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    amount: Mapped[int] = mapped_column(Integer, nullable=False)
    tender: Mapped[str] = mapped_column(String(16), nullable=False)
    tendered: Mapped[int] = mapped_column(Integer, nullable=False)
    change_due: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    reference: Mapped[str] = mapped_column(Text, nullable=False, default="")
    balance_after: Mapped[int] = mapped_column(Integer, nullable=False)
    __table_args__ = (
        CheckConstraint("amount > 0 AND tendered >= amount AND change_due = tendered - amount"
                        " AND balance_after >= amount", name="ck_top_ups_amounts"),
        Index("ix_top_ups_created_at", "created_at"),
    )


class Return(Base):
    """Goods brought back: a document referencing the original sale (append-only)."""

    __tablename__ = "returns"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7
    receipt_no: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    store_id: Mapped[str] = mapped_column(String(32), nullable=False)
    terminal_id: Mapped[str] = mapped_column(String(32), nullable=False)
    created_at: Mapped[str] = mapped_column(String(40), nullable=False)
    cashier: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    approved_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), nullable=False, index=True)
    member_id: Mapped[str | None] = mapped_column(String(64))
    total: Mapped[int] = mapped_column(Integer, nullable=False)  # what the customer gets back
    untaxed: Mapped[int] = mapped_column(Integer, nullable=False)
    tax: Mapped[int] = mapped_column(Integer, nullable=False)
    points_reversed: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    __table_args__ = (
        CheckConstraint("total >= 0 AND tax >= 0 AND untaxed + tax = total", name="ck_returns"),
        Index("ix_returns_created_at", "created_at"),
    )


class ReturnLine(Base):
    __tablename__ = "return_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.id"), nullable=False)
    line_no: Mapped[int] = mapped_column(Integer, nullable=False)  # the sale's line number
    sku: Mapped[str] = mapped_column(String(32), nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    qty: Mapped[int] = mapped_column(Integer, nullable=False)
    amount: Mapped[int] = mapped_column(Integer, nullable=False)  # refunded for these units
    __table_args__ = (
        UniqueConstraint("return_id", "line_no", name="uq_return_lines_no"),
        CheckConstraint("qty > 0 AND amount >= 0", name="ck_return_lines"),
    )


class ReturnPayment(Base):
    """How the money went back: to the original tender, cash, points or stored value."""

    __tablename__ = "return_payments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.id"), nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    tender: Mapped[str] = mapped_column(String(16), nullable=False)
    amount: Mapped[int] = mapped_column(Integer, nullable=False)
    points: Mapped[int] = mapped_column(Integer, nullable=False, default=0)  # points restored
    reference: Mapped[str] = mapped_column(Text, nullable=False, default="")
    __table_args__ = (
        UniqueConstraint("return_id", "seq", name="uq_return_payments_seq"),
        CheckConstraint("amount > 0", name="ck_return_payments"),
    )


class DrawerOpen(Base):
    """A no-sale cash-drawer open: who, when, why (append-only audit log; the drawer
    kicks of cash sales are not logged here, their sale is the record)."""

    __tablename__ = "drawer_opens"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7
    store_id: Mapped[str] = mapped_column(String(32), nullable=False)
    terminal_id: Mapped[str] = mapped_column(String(32), nullable=False)
    cashier: Mapped[str] = mapped_column(String(64), nullable=False)
    approved_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    at: Mapped[str] = mapped_column(String(40), nullable=False)
    result: Mapped[str] = mapped_column(String(32), nullable=False)  # "opened" or an error code
    __table_args__ = (Index("ix_drawer_opens_at", "at"),)


# --- staff, audit, shifts (migration 0011) ------------------------------------------------
class User(Base):
    """Someone who may log in here: from HQ (``source='hq'``) or the local bootstrap
    manager made on first run (``'local'``). The PIN is kept only as a salted scrypt hash."""

    __tablename__ = "users"
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)  # cashier/supervisor/manager
    pin_hash: Mapped[str] = mapped_column(Text, nullable=False)
    card_code: Mapped[str | None] = mapped_column(String(64), unique=True)  # staff card barcode
    discount_limit: Mapped[int] = mapped_column(Integer, nullable=False, default=0)  # percent
    active: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    source: Mapped[str] = mapped_column(String(8), nullable=False, default="hq")
    updated_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    __table_args__ = (
        CheckConstraint("role IN ('cashier', 'supervisor', 'manager')", name="ck_users_role"),
        CheckConstraint("discount_limit >= 0 AND discount_limit <= 100", name="ck_users_limit"),
    )


class UserAuth(Base):
    """Failed PIN attempts and lockout, kept apart from ``users`` (which HQ overwrites)."""

    __tablename__ = "user_auth"
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    locked_until: Mapped[str | None] = mapped_column(String(40))
    last_login_at: Mapped[str | None] = mapped_column(String(40))


class AuditEntry(Base):
    """Who did what, approved by whom, when (append-only; pushed to HQ)."""

    __tablename__ = "audit_log"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7
    at: Mapped[str] = mapped_column(String(40), nullable=False)
    store_id: Mapped[str] = mapped_column(String(32), nullable=False)
    terminal_id: Mapped[str] = mapped_column(String(32), nullable=False)
    action: Mapped[str] = mapped_column(String(32), nullable=False)
    user_id: Mapped[str] = mapped_column(String(32), nullable=False)  # logged in at the till
    approved_by: Mapped[str] = mapped_column(String(32), nullable=False)
    method: Mapped[str] = mapped_column(String(8), nullable=False)  # role / pin / card
    doc_ref: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="{}")  # JSON
    __table_args__ = (Index("ix_audit_log_at", "at"),)


class Shift(Base):
    """A till shift: opened with a counted float, closed once with the count."""

    __tablename__ = "shifts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7
    shift_no: Mapped[int] = mapped_column(Integer, nullable=False)
    store_id: Mapped[str] = mapped_column(String(32), nullable=False)
    terminal_id: Mapped[str] = mapped_column(String(32), nullable=False)
    opened_at: Mapped[str] = mapped_column(String(40), nullable=False)
    opened_by: Mapped[str] = mapped_column(String(32), nullable=False)
    opening_float: Mapped[int] = mapped_column(Integer, nullable=False)
    closed_at: Mapped[str | None] = mapped_column(String(40))
    closed_by: Mapped[str | None] = mapped_column(String(32))
    close: Mapped[str | None] = mapped_column(Text)  # JSON: counts, expected, counted, difference
    __table_args__ = (
        UniqueConstraint("terminal_id", "shift_no", name="uq_shifts_no"),
        CheckConstraint("opening_float >= 0", name="ck_shifts_float"),
    )


class CashMovement(Base):
    """Cash put into or taken out of the drawer during a shift, with a reason."""

    __tablename__ = "cash_movements"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    shift_id: Mapped[str] = mapped_column(ForeignKey("shifts.id"), nullable=False)
    at: Mapped[str] = mapped_column(String(40), nullable=False)
    kind: Mapped[str] = mapped_column(String(8), nullable=False)  # in / out
    amount: Mapped[int] = mapped_column(Integer, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    user_id: Mapped[str] = mapped_column(String(32), nullable=False)
    approved_by: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    __table_args__ = (
        CheckConstraint("kind IN ('in', 'out') AND amount > 0", name="ck_cash_movements"),
        Index("ix_cash_movements_shift", "shift_id"),
    )


class ZReport(Base):
    """The end-of-day report: numbered per terminal, immutable, printed, sent to HQ."""

    __tablename__ = "z_reports"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    z_no: Mapped[int] = mapped_column(Integer, nullable=False)
    store_id: Mapped[str] = mapped_column(String(32), nullable=False)
    terminal_id: Mapped[str] = mapped_column(String(32), nullable=False)
    created_at: Mapped[str] = mapped_column(String(40), nullable=False)
    created_by: Mapped[str] = mapped_column(String(32), nullable=False)
    period_from: Mapped[str] = mapped_column(String(40), nullable=False)
    period_to: Mapped[str] = mapped_column(String(40), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)  # JSON: the figures
    __table_args__ = (UniqueConstraint("terminal_id", "z_no", name="uq_z_reports_no"),)


class OpenCart(Base):
    """The cart on screen (lines, coupons, member, buyer, tenders taken) as JSON, saved
    after every change and restored at start; not a business document. One row: the
    sale that sells the cart deletes it in its own transaction."""

    __tablename__ = "open_cart"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    terminal_id: Mapped[str] = mapped_column(String(32), nullable=False)
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    saved_at: Mapped[str] = mapped_column(String(40), nullable=False)
    __table_args__ = (CheckConstraint("id = 1", name="ck_open_cart_one_row"),)


# --- e-invoices (migration 0014) ------------------------------------------------------------
class InvoiceBlock(Base):
    """A block of invoice numbers HQ leased to this terminal. ``next_serial`` is the next
    number to issue (``end + 1``: used up); it only ever moves forward by one, in the
    transaction of the sale that takes the number (a trigger refuses anything else)."""

    __tablename__ = "invoice_blocks"
    block_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    period: Mapped[str] = mapped_column(String(5), nullable=False)  # 11502
    track: Mapped[str] = mapped_column(String(2), nullable=False)  # AB
    begin: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)  # inclusive
    next_serial: Mapped[int] = mapped_column(Integer, nullable=False)
    leased_at: Mapped[str] = mapped_column(String(40), nullable=False)
    received_at: Mapped[str] = mapped_column(String(40), nullable=False)
    __table_args__ = (
        UniqueConstraint("period", "track", "begin", name="uq_invoice_blocks_range"),
        CheckConstraint("begin <= \"end\" AND next_serial >= begin AND next_serial <= \"end\" + 1",
                        name="ck_invoice_blocks_range"),
        # period only: next_serial moves on every sale, an index on it would be written too
        Index("ix_invoice_blocks_period", "period"),
    )


class Invoice(Base):
    """The e-invoice a sale issued, in the sale's own transaction (append-only)."""

    __tablename__ = "invoices"
    period: Mapped[str] = mapped_column(String(5), primary_key=True)
    number: Mapped[str] = mapped_column(String(10), primary_key=True)  # AB12345678
    block_id: Mapped[str] = mapped_column(ForeignKey("invoice_blocks.block_id"), nullable=False)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), nullable=False, unique=True)
    issued_at: Mapped[str] = mapped_column(String(40), nullable=False)  # the sale's created_at
    random_code: Mapped[str] = mapped_column(String(4), nullable=False)
    invoice_type: Mapped[str] = mapped_column(String(2), nullable=False)
    seller_tax_id: Mapped[str] = mapped_column(String(8), nullable=False)
    buyer_tax_id: Mapped[str | None] = mapped_column(String(8))  # None: a consumer
    tax_type: Mapped[str] = mapped_column(String(1), nullable=False)
    tax_rate: Mapped[int] = mapped_column(Integer, nullable=False)
    untaxed: Mapped[int] = mapped_column(Integer, nullable=False)
    tax: Mapped[int] = mapped_column(Integer, nullable=False)
    total: Mapped[int] = mapped_column(Integer, nullable=False)
    carrier_type: Mapped[str | None] = mapped_column(String(6))
    carrier_id: Mapped[str | None] = mapped_column(String(64))
    donation_code: Mapped[str | None] = mapped_column(String(7))
    printed: Mapped[int] = mapped_column(Integer, nullable=False)  # 1: a paper proof
    __table_args__ = (
        CheckConstraint("untaxed + tax = total AND total >= 0", name="ck_invoices_amounts"),
        CheckConstraint("NOT (carrier_id IS NOT NULL AND donation_code IS NOT NULL)",
                        name="ck_invoices_carrier_or_donation"),
        # one b-tree keyed by (period, number) instead of a rowid table and an index on
        # it: a sale writes one index page fewer
        {"sqlite_with_rowid": False},
    )


class InvoiceVoid(Base):
    """An invoice withdrawn (作廢) by a whole return inside its period (append-only)."""

    __tablename__ = "invoice_voids"
    period: Mapped[str] = mapped_column(String(5), primary_key=True)
    number: Mapped[str] = mapped_column(String(10), primary_key=True)
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.id"), nullable=False, unique=True)
    voided_at: Mapped[str] = mapped_column(String(40), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)


class InvoiceAllowance(Base):
    """Part of an invoice given back (折讓) by a partial or later return (append-only)."""

    __tablename__ = "invoice_allowances"
    allowance_no: Mapped[str] = mapped_column(String(16), primary_key=True)
    period: Mapped[str] = mapped_column(String(5), nullable=False)  # the invoice's
    number: Mapped[str] = mapped_column(String(10), nullable=False)  # the invoice's
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.id"), nullable=False, unique=True)
    issued_at: Mapped[str] = mapped_column(String(40), nullable=False)
    untaxed: Mapped[int] = mapped_column(Integer, nullable=False)
    tax: Mapped[int] = mapped_column(Integer, nullable=False)
    total: Mapped[int] = mapped_column(Integer, nullable=False)
    items: Mapped[str] = mapped_column(Text, nullable=False)  # JSON: the AllowanceItems
    __table_args__ = (
        CheckConstraint("untaxed + tax = total AND total >= 0 AND tax >= 0",
                        name="ck_invoice_allowances_amounts"),
        Index("ix_invoice_allowances_invoice", "period", "number"),
    )
