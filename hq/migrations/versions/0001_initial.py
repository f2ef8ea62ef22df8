"""HQ schema version 1: stores, terminals, enrollment, keys, catalog, pricing,
the change feed, received events, sales and the quarantine.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")
Time = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "stores",
        sa.Column("store_id", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address", sa.String(500), nullable=False),
        sa.Column("tax_id", sa.String(16), nullable=False),
        sa.Column("created_at", Time, nullable=False),
    )
    op.create_table(
        "terminals",
        sa.Column("store_id", sa.String(32), sa.ForeignKey("stores.store_id"), primary_key=True),
        sa.Column("terminal_id", sa.String(32), primary_key=True),
        sa.Column("device_name", sa.String(200), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=True, unique=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("enrolled_at", Time, nullable=True),
        sa.Column("revoked_at", Time, nullable=True),
        sa.Column("last_seen_at", Time, nullable=True),
    )
    op.create_table(
        "pairing_codes",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("store_id", sa.String(32), nullable=False),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("expires_at", Time, nullable=False),
        sa.Column("used_at", Time, nullable=True),
        sa.ForeignKeyConstraint(
            ["store_id", "terminal_id"], ["terminals.store_id", "terminals.terminal_id"]
        ),
    )
    op.create_table(
        "admin_tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("created_at", Time, nullable=False),
    )
    op.create_table(
        "signing_keys",
        sa.Column("key_id", sa.String(32), primary_key=True),
        sa.Column("private_key", sa.LargeBinary, nullable=False),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", Time, nullable=False),
    )
    op.create_table(
        "products",
        sa.Column("sku", sa.String(64), primary_key=True),
        sa.Column("barcode", sa.String(64), nullable=True, unique=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("category", sa.String(100), nullable=False),
        sa.Column("brand", sa.String(100), nullable=False),
        sa.Column("price", sa.Integer, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("updated_at", Time, nullable=False),
    )
    op.create_table(
        "pricing_documents",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("doc_id", sa.String(200), primary_key=True),
        sa.Column("body", Json, nullable=False),
        sa.Column("stores", Json, nullable=True),
        sa.Column("updated_at", Time, nullable=False),
    )
    op.create_table(
        "feed",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
                  autoincrement=False),
        sa.Column("store_id", sa.String(32), nullable=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("data", Json, nullable=False),
        sa.Column("created_at", Time, nullable=False),
    )
    op.create_table(
        "received_events",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("store_id", sa.String(32), nullable=False),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("payload_hash", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("received_at", Time, nullable=False),
    )
    op.create_table(
        "sales",
        sa.Column("sale_id", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("store_id", sa.String(32), nullable=False),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("receipt_no", sa.String(64), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("business_day", sa.Date, nullable=False),
        sa.Column("cashier", sa.String(100), nullable=False),
        sa.Column("subtotal", sa.Integer, nullable=False),
        sa.Column("discount_total", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("untaxed", sa.Integer, nullable=False),
        sa.Column("tax", sa.Integer, nullable=False),
        sa.Column("paid", sa.Integer, nullable=False),
        sa.Column("change_due", sa.Integer, nullable=False),
        sa.Column("line_count", sa.Integer, nullable=False),
        sa.Column("received_at", Time, nullable=False),
    )
    op.create_index("ix_sales_store_day", "sales", ["store_id", "business_day"])
    op.create_table(
        "sale_lines",
        sa.Column("sale_id", sa.String(64), sa.ForeignKey("sales.sale_id"), primary_key=True),
        sa.Column("line_no", sa.Integer, primary_key=True),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("barcode", sa.String(64), nullable=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("category", sa.String(100), nullable=True),
        sa.Column("qty", sa.Integer, nullable=False),
        sa.Column("unit_price", sa.Integer, nullable=False),
        sa.Column("discount", sa.Integer, nullable=False),
        sa.Column("line_total", sa.Integer, nullable=False),
    )
    op.create_table(
        "sale_payments",
        sa.Column("sale_id", sa.String(64), sa.ForeignKey("sales.sale_id"), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("tender", sa.String(32), nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("tendered", sa.Integer, nullable=True),
        sa.Column("reference", sa.String(200), nullable=True),
    )
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(200), nullable=False),
        sa.Column("store_id", sa.String(32), nullable=False),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("payload_hash", sa.String(64), nullable=False),
        sa.Column("existing_hash", sa.String(64), nullable=True),
        sa.Column("received_at", Time, nullable=False),
        sa.Column("resolved", sa.Boolean, nullable=False),
        sa.UniqueConstraint("event_id", "payload_hash", name="uq_quarantine_event_payload"),
    )


def downgrade() -> None:
    for table in (
        "quarantine", "sale_payments", "sale_lines", "sales", "received_events", "feed",
        "pricing_documents", "products", "signing_keys", "admin_tokens", "pairing_codes",
        "terminals", "stores",
    ):  # fmt: skip
        op.drop_table(table)
