"""HQ schema version 2: members, the loyalty ledger, offline allowances, coupons and
their conflicts, loyalty rules; ``sales.member_id``.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")
Time = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("sales", sa.Column("member_id", sa.String(64), nullable=True))
    op.create_index("ix_sales_member", "sales", ["member_id"])
    op.create_table(
        "members",
        sa.Column("member_id", sa.String(64), primary_key=True),
        sa.Column("serial", sa.BigInteger, nullable=True, unique=True),
        sa.Column("phone", sa.String(16), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("birthday", sa.Date, nullable=True),
        sa.Column("tier", sa.String(32), nullable=False),
        sa.Column("card_number", sa.String(16), nullable=True, unique=True),
        sa.Column("referral_code", sa.String(8), nullable=True, unique=True),
        sa.Column("referral_code_used", sa.String(32), nullable=True),
        sa.Column("referred_by", sa.String(64), nullable=True),
        sa.Column("merged_into", sa.String(64), nullable=True),
        sa.Column("home_store", sa.String(32), nullable=True),
        sa.Column("registered_at_store", sa.String(32), nullable=True),
        sa.Column("registered_at_terminal", sa.String(32), nullable=True),
        sa.Column("registered_day", sa.Date, nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("received_at", Time, nullable=False),
        sa.Column("updated_at", Time, nullable=False),
        sa.Column("event_id", sa.String(64), nullable=True),
    )
    # one live (not merged) member per phone; merged records keep their phone
    op.create_index("uq_members_phone_live", "members", ["phone"], unique=True,
                    sqlite_where=sa.text("merged_into IS NULL"),
                    postgresql_where=sa.text("merged_into IS NULL"))
    op.create_index("ix_members_merged_into", "members", ["merged_into"])
    op.create_index("ix_members_registered", "members", ["registered_at_store", "registered_day"])
    op.create_table(
        "member_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False, unique=True),
        sa.Column("member_id", sa.String(64), nullable=False),
        sa.Column("pushed_member_id", sa.String(64), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("points_delta", sa.Integer, nullable=False),
        sa.Column("stored_value_delta", sa.Integer, nullable=False),
        sa.Column("store_id", sa.String(32), nullable=True),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("at", Time, nullable=False),
        sa.Column("sale_ref", sa.String(64), nullable=True),
        sa.Column("offline", sa.Boolean, nullable=False),
        sa.Column("allowance_id", sa.String(64), nullable=True),
        sa.Column("payload_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("received_at", Time, nullable=False),
    )
    op.create_index("ix_member_events_member", "member_events", ["member_id"])
    op.create_index("ix_member_events_allowance", "member_events", ["allowance_id"])
    op.create_table(
        "allowances",
        sa.Column("allowance_id", sa.String(64), primary_key=True),
        sa.Column("member_id", sa.String(64), nullable=False),
        sa.Column("store_id", sa.String(32), nullable=False),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("stored_value", sa.Integer, nullable=False),
        sa.Column("valid_until", Time, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("granted_at", Time, nullable=False),
        sa.Column("settled_at", Time, nullable=True),
        sa.Column("settled_reason", sa.String(32), nullable=True),
    )
    op.create_index("ix_allowances_terminal", "allowances", ["store_id", "terminal_id", "status"])
    op.create_index("ix_allowances_member", "allowances", ["member_id", "status"])
    op.create_table(
        "coupons",
        sa.Column("instance_id", sa.String(64), primary_key=True),
        sa.Column("terms_code", sa.String(64), nullable=False),
        sa.Column("member_id", sa.String(64), nullable=True),
        sa.Column("expires_at", Time, nullable=True),
        sa.Column("code", sa.Text, nullable=True),
        sa.Column("issued_at", Time, nullable=True),
        sa.Column("used_by_sale", sa.String(64), nullable=True),
        sa.Column("used_at", Time, nullable=True),
        sa.Column("used_store", sa.String(32), nullable=True),
        sa.Column("used_terminal", sa.String(32), nullable=True),
        sa.Column("used_event_id", sa.String(64), nullable=True),
    )
    op.create_index("ix_coupons_member", "coupons", ["member_id"])
    op.create_table(
        "coupon_conflicts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("instance_id", sa.String(64), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("first_sale", sa.String(64), nullable=True),
        sa.Column("first_store", sa.String(32), nullable=True),
        sa.Column("first_terminal", sa.String(32), nullable=True),
        sa.Column("first_at", Time, nullable=True),
        sa.Column("second_sale", sa.String(64), nullable=False),
        sa.Column("second_store", sa.String(32), nullable=False),
        sa.Column("second_terminal", sa.String(32), nullable=False),
        sa.Column("second_at", Time, nullable=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("detected_at", Time, nullable=False),
        sa.Column("resolved", sa.Boolean, nullable=False),
        sa.UniqueConstraint("instance_id", "second_sale", "reason", name="uq_coupon_conflict"),
    )
    op.create_table(
        "loyalty_rules",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("body", Json, nullable=False),
        sa.Column("referral_points", sa.Integer, nullable=False),
        sa.Column("imported_at", Time, nullable=False),
    )


def downgrade() -> None:
    for table in ("loyalty_rules", "coupon_conflicts", "coupons", "allowances",
                  "member_events", "members"):
        op.drop_table(table)
    op.drop_index("ix_sales_member", table_name="sales")
    with op.batch_alter_table("sales") as batch:
        batch.drop_column("member_id")
