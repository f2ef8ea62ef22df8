"""HQ schema version 4 (issue 7, store management): staff users published to the
terminals, and what terminals push about their tills: the audit log, shifts, cash
movements, Z reports and no-sale drawer opens.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")
Time = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("user_id", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("pin_hash", sa.Text, nullable=False),
        sa.Column("card_code", sa.String(64), nullable=True, unique=True),
        sa.Column("discount_limit", sa.Integer, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("stores", Json, nullable=True),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("updated_at", Time, nullable=False),
        sa.CheckConstraint("role IN ('cashier', 'supervisor', 'manager')", name="ck_users_role"),
        sa.CheckConstraint("discount_limit >= 0 AND discount_limit <= 100",
                           name="ck_users_limit"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("store_id", sa.String(32), nullable=False),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("at", Time, nullable=False),
        sa.Column("business_day", sa.Date, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("approved_by", sa.String(32), nullable=False),
        sa.Column("method", sa.String(8), nullable=False),
        sa.Column("doc_ref", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("received_at", Time, nullable=False),
    )
    op.create_index("ix_audit_log_store_at", "audit_log", ["store_id", "at"])
    op.create_table(
        "shifts",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("close_event_id", sa.String(64), nullable=True),
        sa.Column("store_id", sa.String(32), nullable=False),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("shift_no", sa.Integer, nullable=False),
        sa.Column("opened_at", Time, nullable=False),
        sa.Column("business_day", sa.Date, nullable=False),
        sa.Column("opened_by", sa.String(32), nullable=False),
        sa.Column("opening_float", sa.Integer, nullable=False),
        sa.Column("closed_at", Time, nullable=True),
        sa.Column("closed_by", sa.String(32), nullable=True),
        sa.Column("expected_cash", sa.Integer, nullable=True),
        sa.Column("counted_cash", sa.Integer, nullable=True),
        sa.Column("cash_difference", sa.Integer, nullable=True),
        sa.Column("close", sa.Text, nullable=True),
        sa.Column("received_at", Time, nullable=False),
    )
    op.create_index("ix_shifts_store_day", "shifts", ["store_id", "business_day"])
    op.create_table(
        "cash_movements",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("shift_id", sa.String(64), nullable=False),
        sa.Column("store_id", sa.String(32), nullable=False),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("at", Time, nullable=False),
        sa.Column("business_day", sa.Date, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("approved_by", sa.String(32), nullable=False),
        sa.Column("received_at", Time, nullable=False),
    )
    op.create_index("ix_cash_movements_shift", "cash_movements", ["shift_id"])
    op.create_index("ix_cash_movements_store_day", "cash_movements", ["store_id", "business_day"])
    op.create_table(
        "z_reports",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("store_id", sa.String(32), nullable=False),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("z_no", sa.Integer, nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("business_day", sa.Date, nullable=False),
        sa.Column("created_by", sa.String(32), nullable=False),
        sa.Column("period_from", Time, nullable=False),
        sa.Column("period_to", Time, nullable=False),
        sa.Column("net_sales", sa.Integer, nullable=True),
        sa.Column("cash_difference", sa.Integer, nullable=True),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("received_at", Time, nullable=False),
    )
    op.create_index("ix_z_reports_store_day", "z_reports", ["store_id", "business_day"])
    op.create_index("ix_z_reports_terminal_no", "z_reports", ["store_id", "terminal_id", "z_no"])
    op.create_table(
        "drawer_opens",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("store_id", sa.String(32), nullable=False),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("at", Time, nullable=False),
        sa.Column("business_day", sa.Date, nullable=False),
        sa.Column("cashier", sa.String(64), nullable=False),
        sa.Column("approved_by", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("result", sa.String(32), nullable=False),
        sa.Column("received_at", Time, nullable=False),
    )
    op.create_index("ix_drawer_opens_store_day", "drawer_opens", ["store_id", "business_day"])


def downgrade() -> None:
    op.drop_index("ix_drawer_opens_store_day", table_name="drawer_opens")
    op.drop_table("drawer_opens")
    op.drop_index("ix_z_reports_terminal_no", table_name="z_reports")
    op.drop_index("ix_z_reports_store_day", table_name="z_reports")
    op.drop_table("z_reports")
    op.drop_index("ix_cash_movements_store_day", table_name="cash_movements")
    op.drop_index("ix_cash_movements_shift", table_name="cash_movements")
    op.drop_table("cash_movements")
    op.drop_index("ix_shifts_store_day", table_name="shifts")
    op.drop_table("shifts")
    op.drop_index("ix_audit_log_store_at", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("users")
