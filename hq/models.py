"""HQ's tables (SQLAlchemy Core). The schema itself is made by the Alembic
migrations in ``hq/migrations``; keep the two in step.

Money is ``int`` TWD. Times are UTC (``DateTime(timezone=True)``). Event payloads
are kept as their canonical JSON text (``sync.protocol.canonical_json``), exactly
the bytes their ``payload_hash`` was computed over.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()

Json = JSON().with_variant(JSONB(), "postgresql")
Time = DateTime(timezone=True)

stores = Table(
    "stores",
    metadata,
    Column("store_id", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("address", String(500), nullable=False, default=""),
    Column("tax_id", String(16), nullable=False, default=""),
    Column("created_at", Time, nullable=False),
)

terminals = Table(
    "terminals",
    metadata,
    Column("store_id", String(32), ForeignKey("stores.store_id"), primary_key=True),
    Column("terminal_id", String(32), primary_key=True),
    Column("device_name", String(200), nullable=False, default=""),
    Column("token_hash", String(64), unique=True, nullable=True),
    Column("status", String(16), nullable=False, default="pending"),  # pending/active/revoked
    Column("enrolled_at", Time, nullable=True),
    Column("revoked_at", Time, nullable=True),
    Column("last_seen_at", Time, nullable=True),
)

pairing_codes = Table(
    "pairing_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("store_id", String(32), nullable=False),
    Column("terminal_id", String(32), nullable=False),
    Column("created_at", Time, nullable=False),
    Column("expires_at", Time, nullable=False),
    Column("used_at", Time, nullable=True),
    ForeignKeyConstraint(
        ["store_id", "terminal_id"], ["terminals.store_id", "terminals.terminal_id"]
    ),
)

admin_tokens = Table(
    "admin_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("name", String(100), nullable=False, default="admin"),
    Column("created_at", Time, nullable=False),
)

signing_keys = Table(
    "signing_keys",
    metadata,
    Column("key_id", String(32), primary_key=True),
    Column("private_key", LargeBinary, nullable=False),
    Column("public_key", LargeBinary, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", Time, nullable=False),
)

products = Table(
    "products",
    metadata,
    Column("sku", String(64), primary_key=True),
    Column("barcode", String(64), unique=True, nullable=True),
    Column("name", String(300), nullable=False),
    Column("category", String(100), nullable=False, default=""),
    Column("brand", String(100), nullable=False, default=""),
    Column("price", Integer, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("updated_at", Time, nullable=False),
)

pricing_documents = Table(
    "pricing_documents",
    metadata,
    Column("kind", String(16), primary_key=True),  # promotion / coupon / price_list
    Column("doc_id", String(200), primary_key=True),
    Column("body", Json, nullable=False),
    Column("stores", Json, nullable=True),  # feed scope (None = every store)
    Column("updated_at", Time, nullable=False),
)

feed = Table(
    "feed",
    metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
           autoincrement=False),
    Column("store_id", String(32), nullable=True),  # None = every store
    Column("kind", String(32), nullable=False),
    Column("data", Json, nullable=False),
    Column("created_at", Time, nullable=False),
)

received_events = Table(
    "received_events",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("store_id", String(32), nullable=False),
    Column("terminal_id", String(32), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),  # as the terminal sent it
    Column("payload_hash", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("received_at", Time, nullable=False),
)

sales = Table(
    "sales",
    metadata,
    Column("sale_id", String(64), primary_key=True),
    Column("event_id", String(64), nullable=False),
    Column("store_id", String(32), nullable=False),
    Column("terminal_id", String(32), nullable=False),
    Column("receipt_no", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("created_at", Time, nullable=False),
    Column("business_day", Date, nullable=False),  # Taiwan local date of created_at
    Column("cashier", String(100), nullable=False, default=""),
    Column("subtotal", Integer, nullable=False),
    Column("discount_total", Integer, nullable=False),
    Column("total", Integer, nullable=False),
    Column("untaxed", Integer, nullable=False),
    Column("tax", Integer, nullable=False),
    Column("paid", Integer, nullable=False),
    Column("change_due", Integer, nullable=False),
    Column("line_count", Integer, nullable=False),
    Column("received_at", Time, nullable=False),
    # the member the sale was for, as the terminal pushed it (``sale.member_id``); may be a
    # provisional id that was later merged: resolve through ``members.merged_into``
    Column("member_id", String(64), nullable=True),
    # "store" (pushed by a terminal) or "online" (an order HQ imported: store_id ONLINE)
    Column("channel", String(16), nullable=False, server_default="store"),
    # the buyer's e-invoice mobile barcode and 統一編號, when the cashier scanned them
    Column("carrier", String(16), nullable=True),
    Column("buyer_tax_id", String(8), nullable=True),
    Index("ix_sales_store_day", "store_id", "business_day"),
    Index("ix_sales_member", "member_id"),
)

sale_lines = Table(
    "sale_lines",
    metadata,
    Column("sale_id", String(64), ForeignKey("sales.sale_id"), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("sku", String(64), nullable=False),
    Column("barcode", String(64), nullable=True),
    Column("name", String(300), nullable=False),
    Column("category", String(100), nullable=True),
    Column("qty", Integer, nullable=False),
    Column("unit_price", Integer, nullable=False),
    Column("discount", Integer, nullable=False),
    Column("line_total", Integer, nullable=False),
)

sale_payments = Table(
    "sale_payments",
    metadata,
    Column("sale_id", String(64), ForeignKey("sales.sale_id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("tender", String(32), nullable=False),
    Column("amount", Integer, nullable=False),
    Column("tendered", Integer, nullable=True),
    Column("reference", String(200), nullable=True),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(200), nullable=False),
    Column("store_id", String(32), nullable=False),
    Column("terminal_id", String(32), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("reason", String(32), nullable=False),  # conflict / wrong_terminal / malformed
    Column("detail", Text, nullable=False, default=""),
    Column("payload", Text, nullable=False),
    Column("payload_hash", String(64), nullable=False),
    Column("existing_hash", String(64), nullable=True),
    Column("received_at", Time, nullable=False),
    Column("resolved", Boolean, nullable=False, default=False),
    UniqueConstraint("event_id", "payload_hash", name="uq_quarantine_event_payload"),
)


# --- members (issue 5; migration 0002) -----------------------------------------------

members = Table(
    "members",
    metadata,
    Column("member_id", String(64), primary_key=True),  # the registering terminal's id
    Column("serial", BigInteger, unique=True, nullable=True),  # None for a merged record
    Column("phone", String(16), nullable=False),  # normalised 09XXXXXXXX
    Column("name", String(100), nullable=False, default=""),
    Column("birthday", Date, nullable=True),
    Column("tier", String(32), nullable=False, default=""),
    Column("card_number", String(16), unique=True, nullable=True),
    Column("referral_code", String(8), unique=True, nullable=True),  # this member's own code
    Column("referral_code_used", String(32), nullable=True),  # what they gave at registration
    Column("referred_by", String(64), nullable=True),
    Column("merged_into", String(64), nullable=True),
    Column("home_store", String(32), nullable=True),
    Column("registered_at_store", String(32), nullable=True),
    Column("registered_at_terminal", String(32), nullable=True),
    Column("registered_day", Date, nullable=False),  # Taiwan local date of created_at
    Column("created_at", Time, nullable=False),  # as the terminal registered it
    Column("received_at", Time, nullable=False),
    Column("updated_at", Time, nullable=False),
    Column("event_id", String(64), nullable=True),  # the member.registered event
    Index("uq_members_phone_live", "phone", unique=True,
          sqlite_where=text("merged_into IS NULL"),
          postgresql_where=text("merged_into IS NULL")),
    Index("ix_members_merged_into", "merged_into"),
    Index("ix_members_registered", "registered_at_store", "registered_day"),
)

member_events = Table(  # the loyalty ledger: append-only, balances are sums of it
    "member_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # arrival order
    Column("event_id", String(64), nullable=False, unique=True),
    Column("member_id", String(64), nullable=False),  # resolved to the survivor at arrival
    Column("pushed_member_id", String(64), nullable=False),  # as the terminal sent it
    Column("type", String(32), nullable=False),  # PointsEarned, StoredValueSpent, ...
    Column("amount", Integer, nullable=False),  # > 0; the type gives the sign
    Column("points_delta", Integer, nullable=False),
    Column("stored_value_delta", Integer, nullable=False),
    Column("store_id", String(32), nullable=True),  # None: made by HQ (referral rewards)
    Column("terminal_id", String(32), nullable=False),
    Column("at", Time, nullable=False),
    Column("sale_ref", String(64), nullable=True),
    Column("offline", Boolean, nullable=False, default=False),
    Column("allowance_id", String(64), nullable=True),
    Column("payload_hash", String(64), nullable=False),
    Column("source", String(16), nullable=False),  # terminal / referral
    Column("received_at", Time, nullable=False),
    Index("ix_member_events_member", "member_id"),
    Index("ix_member_events_allowance", "allowance_id"),
)

allowances = Table(
    "allowances",
    metadata,
    Column("allowance_id", String(64), primary_key=True),
    Column("member_id", String(64), nullable=False),
    Column("store_id", String(32), nullable=False),
    Column("terminal_id", String(32), nullable=False),
    Column("points", Integer, nullable=False),
    Column("stored_value", Integer, nullable=False),
    Column("valid_until", Time, nullable=False),
    Column("status", String(16), nullable=False),  # granted / settled
    Column("granted_at", Time, nullable=False),
    Column("settled_at", Time, nullable=True),
    Column("settled_reason", String(32), nullable=True),  # synced_after_expiry/used_up/admin
    Index("ix_allowances_terminal", "store_id", "terminal_id", "status"),
    Index("ix_allowances_member", "member_id", "status"),
)

coupons = Table(
    "coupons",
    metadata,
    Column("instance_id", String(64), primary_key=True),
    Column("terms_code", String(64), nullable=False),
    Column("member_id", String(64), nullable=True),
    Column("expires_at", Time, nullable=True),
    Column("code", Text, nullable=True),  # the signed OMOC1 text; None if HQ never issued it
    Column("issued_at", Time, nullable=True),
    Column("used_by_sale", String(64), nullable=True),
    Column("used_at", Time, nullable=True),
    Column("used_store", String(32), nullable=True),
    Column("used_terminal", String(32), nullable=True),
    Column("used_event_id", String(64), nullable=True),
    Index("ix_coupons_member", "member_id"),
)

coupon_conflicts = Table(  # a second use of one coupon instance: flagged, never refused
    "coupon_conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("instance_id", String(64), nullable=False),
    Column("reason", String(32), nullable=False),  # second_use / unknown_coupon
    Column("first_sale", String(64), nullable=True),
    Column("first_store", String(32), nullable=True),
    Column("first_terminal", String(32), nullable=True),
    Column("first_at", Time, nullable=True),
    Column("second_sale", String(64), nullable=False),
    Column("second_store", String(32), nullable=False),
    Column("second_terminal", String(32), nullable=False),
    Column("second_at", Time, nullable=True),
    Column("event_id", String(64), nullable=False),
    Column("detected_at", Time, nullable=False),
    Column("resolved", Boolean, nullable=False, default=False),
    UniqueConstraint("instance_id", "second_sale", "reason", name="uq_coupon_conflict"),
)

loyalty_rules = Table(  # every imported document; the newest is current
    "loyalty_rules",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("body", Json, nullable=False),
    Column("referral_points", Integer, nullable=False),
    Column("imported_at", Time, nullable=False),
)


# --- store management (issue 7; migration 0004) ----------------------------------------

users = Table(  # staff who may log in at the terminals; published as ``user`` changes
    "users",
    metadata,
    Column("user_id", String(32), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("role", String(16), nullable=False),  # cashier / supervisor / manager
    Column("pin_hash", Text, nullable=False),  # app.domain.pins scrypt text; never the PIN
    Column("card_code", String(64), unique=True, nullable=True),  # the staff card's barcode
    Column("discount_limit", Integer, nullable=False, default=0),  # percent 0-100
    Column("active", Boolean, nullable=False, default=True),
    Column("stores", Json, nullable=True),  # None = every store, else a list of store ids
    Column("created_at", Time, nullable=False),
    Column("updated_at", Time, nullable=False),
    CheckConstraint("role IN ('cashier', 'supervisor', 'manager')", name="ck_users_role"),
    CheckConstraint("discount_limit >= 0 AND discount_limit <= 100", name="ck_users_limit"),
)

# what terminals pushed, one row per event (the payload as sent is in received_events)
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", String(64), primary_key=True),  # the terminal's row id
    Column("event_id", String(64), nullable=False),
    Column("store_id", String(32), nullable=False),
    Column("terminal_id", String(32), nullable=False),
    Column("at", Time, nullable=False),
    Column("business_day", Date, nullable=False),  # Taiwan local date of ``at``
    Column("action", String(32), nullable=False),
    Column("user_id", String(32), nullable=False),
    Column("approved_by", String(32), nullable=False, default=""),
    Column("method", String(8), nullable=False, default=""),  # role / pin / card
    Column("doc_ref", String(64), nullable=False, default=""),
    Column("detail", Text, nullable=False, default="{}"),  # canonical JSON
    Column("received_at", Time, nullable=False),
    Index("ix_audit_log_store_at", "store_id", "at"),
)

shifts = Table(  # one row per shift: shift.opened makes it, shift.closed completes it
    "shifts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("event_id", String(64), nullable=False),  # the first event that made the row
    Column("close_event_id", String(64), nullable=True),
    Column("store_id", String(32), nullable=False),
    Column("terminal_id", String(32), nullable=False),
    Column("shift_no", Integer, nullable=False),
    Column("opened_at", Time, nullable=False),
    Column("business_day", Date, nullable=False),  # Taiwan local date of opened_at
    Column("opened_by", String(32), nullable=False),
    Column("opening_float", Integer, nullable=False),
    Column("closed_at", Time, nullable=True),
    Column("closed_by", String(32), nullable=True),
    Column("expected_cash", Integer, nullable=True),  # from close.expected, when given
    Column("counted_cash", Integer, nullable=True),  # close.counted
    Column("cash_difference", Integer, nullable=True),  # close.difference
    Column("close", Text, nullable=True),  # canonical JSON of close
    Column("received_at", Time, nullable=False),
    Index("ix_shifts_store_day", "store_id", "business_day"),
)

cash_movements = Table(
    "cash_movements",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("event_id", String(64), nullable=False),
    Column("shift_id", String(64), nullable=False),
    Column("store_id", String(32), nullable=False),
    Column("terminal_id", String(32), nullable=False),
    Column("at", Time, nullable=False),
    Column("business_day", Date, nullable=False),
    Column("kind", String(8), nullable=False),  # in / out
    Column("amount", Integer, nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("user_id", String(32), nullable=False),
    Column("approved_by", String(32), nullable=False, default=""),
    Column("received_at", Time, nullable=False),
    Index("ix_cash_movements_shift", "shift_id"),
    Index("ix_cash_movements_store_day", "store_id", "business_day"),
)

z_reports = Table(
    "z_reports",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("event_id", String(64), nullable=False),
    Column("store_id", String(32), nullable=False),
    Column("terminal_id", String(32), nullable=False),
    Column("z_no", Integer, nullable=False),
    Column("created_at", Time, nullable=False),
    Column("business_day", Date, nullable=False),  # Taiwan local date of created_at
    Column("created_by", String(32), nullable=False),
    Column("period_from", Time, nullable=False),
    Column("period_to", Time, nullable=False),
    Column("net_sales", Integer, nullable=True),  # from the body, when it names them
    Column("cash_difference", Integer, nullable=True),
    Column("body", Text, nullable=False),  # canonical JSON: the figures
    Column("received_at", Time, nullable=False),
    Index("ix_z_reports_store_day", "store_id", "business_day"),
    Index("ix_z_reports_terminal_no", "store_id", "terminal_id", "z_no"),
)

drawer_opens = Table(  # no-sale drawer opens (the attempt counts, also when it failed)
    "drawer_opens",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("event_id", String(64), nullable=False),
    Column("store_id", String(32), nullable=False),
    Column("terminal_id", String(32), nullable=False),
    Column("at", Time, nullable=False),
    Column("business_day", Date, nullable=False),
    Column("cashier", String(64), nullable=False, default=""),
    Column("approved_by", String(64), nullable=False, default=""),
    Column("reason", Text, nullable=False, default=""),
    Column("result", String(32), nullable=False),  # "opened" or a printer error code
    Column("received_at", Time, nullable=False),
    Index("ix_drawer_opens_store_day", "store_id", "business_day"),
)


# --- e-invoice numbers (issue 14; migration 0005) --------------------------------------

einvoice_settings = Table(  # per store; published as an ``einvoice`` change
    "einvoice_settings",
    metadata,
    Column("store_id", String(32), ForeignKey("stores.store_id"), primary_key=True),
    Column("enabled", Boolean, nullable=False),
    Column("seller_tax_id", String(8), nullable=False),  # the seller's 統一編號
    Column("invoice_type", String(2), nullable=False),  # 07 (general)
    Column("qr_key", String(32), nullable=False),  # a secret: never shown, logged or answered
    Column("member_carrier_type", String(6), nullable=False, default=""),
    Column("lease_booklets", Integer, nullable=False),  # a lease's size, in booklets of 50
    Column("threshold", Integer, nullable=True),  # None: automatic (two days of sales)
    Column("when_exhausted", String(8), nullable=False),  # refuse / receipt
    Column("updated_at", Time, nullable=False),
    CheckConstraint("lease_booklets >= 1", name="ck_einvoice_lease_booklets"),
)

einvoice_allocations = Table(  # what the MOF allocated, as imported from its file
    "einvoice_allocations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("seller_tax_id", String(8), nullable=False),
    Column("invoice_type", String(2), nullable=False),
    Column("period", String(5), nullable=False),  # 11502
    Column("track", String(2), nullable=False),  # 字軌
    Column("begin_no", Integer, nullable=False),  # serials, inclusive
    Column("end_no", Integer, nullable=False),
    Column("booklets", Integer, nullable=False),
    Column("next_no", Integer, nullable=False),  # the first serial never leased (only grows)
    Column("imported_at", Time, nullable=False),
    Column("source", String(300), nullable=False),  # file name and line
    UniqueConstraint("period", "track", "begin_no", name="uq_einvoice_allocation"),
    Index("ix_einvoice_allocations_seller", "seller_tax_id", "invoice_type", "period"),
)

invoice_blocks = Table(  # a run of whole booklets leased to one terminal
    "invoice_blocks",
    metadata,
    Column("block_id", String(64), primary_key=True),
    Column("allocation_id", Integer, ForeignKey("einvoice_allocations.id"), nullable=False),
    Column("store_id", String(32), nullable=False),
    Column("terminal_id", String(32), nullable=False),
    Column("period", String(5), nullable=False),
    Column("track", String(2), nullable=False),
    Column("begin_no", Integer, nullable=False),
    Column("end_no", Integer, nullable=False),
    Column("leased_at", Time, nullable=False),
    Column("returned_at", Time, nullable=True),  # the terminal was revoked
    Column("returned_from", Integer, nullable=True),  # first serial given back (> end_no: none)
    Index("ix_invoice_blocks_terminal", "store_id", "terminal_id", "period"),
)

invoice_booklets = Table(  # one row per leased booklet: the database refuses a second lease
    "invoice_booklets",
    metadata,
    Column("period", String(5), primary_key=True),
    Column("track", String(2), primary_key=True),
    Column("begin_no", Integer, primary_key=True),
    Column("block_id", String(64), ForeignKey("invoice_blocks.block_id"), nullable=False),
)

einvoices = Table(  # invoice.issued as received: a number once per period
    "einvoices",
    metadata,
    Column("period", String(5), primary_key=True),
    Column("number", String(10), primary_key=True),
    Column("track", String(2), nullable=False),
    Column("serial", Integer, nullable=False),
    Column("event_id", String(64), nullable=False, unique=True),
    Column("block_id", String(64), nullable=False),
    Column("sale_id", String(64), nullable=False),
    Column("store_id", String(32), nullable=False),
    Column("terminal_id", String(32), nullable=False),
    Column("issued_at", Time, nullable=False),
    Column("random_code", String(4), nullable=False),
    Column("invoice_type", String(2), nullable=False),
    Column("seller_tax_id", String(8), nullable=False),
    Column("buyer_tax_id", String(8), nullable=True),
    Column("tax_type", String(1), nullable=False),
    Column("tax_rate", Integer, nullable=False),
    Column("untaxed", Integer, nullable=False),
    Column("tax", Integer, nullable=False),
    Column("total", Integer, nullable=False),
    Column("carrier_type", String(6), nullable=True),
    Column("carrier_id", String(64), nullable=True),
    Column("donation_code", String(7), nullable=True),
    Column("printed", Boolean, nullable=False),
    Column("items", Text, nullable=False),  # canonical JSON
    Column("received_at", Time, nullable=False),
    Index("ix_einvoices_block", "block_id", "serial"),
    Index("ix_einvoices_sale", "sale_id"),
)

einvoice_voids = Table(  # invoice.voided: at most one per invoice
    "einvoice_voids",
    metadata,
    Column("period", String(5), primary_key=True),
    Column("number", String(10), primary_key=True),
    Column("event_id", String(64), nullable=False, unique=True),
    Column("sale_id", String(64), nullable=False),
    Column("return_id", String(64), nullable=False),
    Column("store_id", String(32), nullable=False),
    Column("terminal_id", String(32), nullable=False),
    Column("voided_at", Time, nullable=False),
    Column("reason", Text, nullable=False),
    Column("received_at", Time, nullable=False),
)

einvoice_allowances = Table(  # allowance.issued (折讓)
    "einvoice_allowances",
    metadata,
    Column("store_id", String(32), primary_key=True),
    Column("allowance_no", String(16), primary_key=True),
    Column("event_id", String(64), nullable=False, unique=True),
    Column("terminal_id", String(32), nullable=False),
    Column("invoice_period", String(5), nullable=False),
    Column("invoice_number", String(10), nullable=False),
    Column("sale_id", String(64), nullable=False),
    Column("return_id", String(64), nullable=False),
    Column("issued_at", Time, nullable=False),
    Column("seller_tax_id", String(8), nullable=False),
    Column("buyer_tax_id", String(8), nullable=True),
    Column("untaxed", Integer, nullable=False),
    Column("tax", Integer, nullable=False),
    Column("total", Integer, nullable=False),
    Column("items", Text, nullable=False),  # canonical JSON
    Column("received_at", Time, nullable=False),
    Index("ix_einvoice_allowances_invoice", "invoice_period", "invoice_number"),
)
