"""HQ schema version 5 (issue 14, e-invoice numbers): each store's e-invoice settings,
the number allocations imported from the MOF's file, the blocks leased to terminals
(one row per leased booklet, so the database itself refuses a second lease), and the
invoices, voids and allowances the terminals push.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

Time = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "einvoice_settings",
        sa.Column("store_id", sa.String(32), sa.ForeignKey("stores.store_id"), primary_key=True),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("seller_tax_id", sa.String(8), nullable=False),
        sa.Column("invoice_type", sa.String(2), nullable=False),
        sa.Column("qr_key", sa.String(32), nullable=False),
        sa.Column("member_carrier_type", sa.String(6), nullable=False),
        sa.Column("lease_booklets", sa.Integer, nullable=False),
        sa.Column("threshold", sa.Integer, nullable=True),
        sa.Column("when_exhausted", sa.String(8), nullable=False),
        sa.Column("updated_at", Time, nullable=False),
        sa.CheckConstraint("lease_booklets >= 1", name="ck_einvoice_lease_booklets"),
    )
    op.create_table(
        "einvoice_allocations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("seller_tax_id", sa.String(8), nullable=False),
        sa.Column("invoice_type", sa.String(2), nullable=False),
        sa.Column("period", sa.String(5), nullable=False),
        sa.Column("track", sa.String(2), nullable=False),
        sa.Column("begin_no", sa.Integer, nullable=False),
        sa.Column("end_no", sa.Integer, nullable=False),
        sa.Column("booklets", sa.Integer, nullable=False),
        sa.Column("next_no", sa.Integer, nullable=False),
        sa.Column("imported_at", Time, nullable=False),
        sa.Column("source", sa.String(300), nullable=False),
        sa.UniqueConstraint("period", "track", "begin_no", name="uq_einvoice_allocation"),
    )
    op.create_index("ix_einvoice_allocations_seller", "einvoice_allocations",
                    ["seller_tax_id", "invoice_type", "period"])
    op.create_table(
        "invoice_blocks",
        sa.Column("block_id", sa.String(64), primary_key=True),
        sa.Column("allocation_id", sa.Integer, sa.ForeignKey("einvoice_allocations.id"),
                  nullable=False),
        sa.Column("store_id", sa.String(32), nullable=False),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("period", sa.String(5), nullable=False),
        sa.Column("track", sa.String(2), nullable=False),
        sa.Column("begin_no", sa.Integer, nullable=False),
        sa.Column("end_no", sa.Integer, nullable=False),
        sa.Column("leased_at", Time, nullable=False),
        sa.Column("returned_at", Time, nullable=True),
        sa.Column("returned_from", sa.Integer, nullable=True),
    )
    op.create_index("ix_invoice_blocks_terminal", "invoice_blocks",
                    ["store_id", "terminal_id", "period"])
    op.create_table(
        "invoice_booklets",
        sa.Column("period", sa.String(5), primary_key=True),
        sa.Column("track", sa.String(2), primary_key=True),
        sa.Column("begin_no", sa.Integer, primary_key=True),
        sa.Column("block_id", sa.String(64), sa.ForeignKey("invoice_blocks.block_id"),
                  nullable=False),
    )
    op.create_table(
        "einvoices",
        sa.Column("period", sa.String(5), primary_key=True),
        sa.Column("number", sa.String(10), primary_key=True),
        sa.Column("track", sa.String(2), nullable=False),
        sa.Column("serial", sa.Integer, nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False, unique=True),
        sa.Column("block_id", sa.String(64), nullable=False),
        sa.Column("sale_id", sa.String(64), nullable=False),
        sa.Column("store_id", sa.String(32), nullable=False),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("issued_at", Time, nullable=False),
        sa.Column("random_code", sa.String(4), nullable=False),
        sa.Column("invoice_type", sa.String(2), nullable=False),
        sa.Column("seller_tax_id", sa.String(8), nullable=False),
        sa.Column("buyer_tax_id", sa.String(8), nullable=True),
        sa.Column("tax_type", sa.String(1), nullable=False),
        sa.Column("tax_rate", sa.Integer, nullable=False),
        sa.Column("untaxed", sa.Integer, nullable=False),
        sa.Column("tax", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("carrier_type", sa.String(6), nullable=True),
        sa.Column("carrier_id", sa.String(64), nullable=True),
        sa.Column("donation_code", sa.String(7), nullable=True),
        sa.Column("printed", sa.Boolean, nullable=False),
        sa.Column("items", sa.Text, nullable=False),
        sa.Column("received_at", Time, nullable=False),
    )
    op.create_index("ix_einvoices_block", "einvoices", ["block_id", "serial"])
    op.create_index("ix_einvoices_sale", "einvoices", ["sale_id"])
    op.create_table(
        "einvoice_voids",
        sa.Column("period", sa.String(5), primary_key=True),
        sa.Column("number", sa.String(10), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False, unique=True),
        sa.Column("sale_id", sa.String(64), nullable=False),
        sa.Column("return_id", sa.String(64), nullable=False),
        sa.Column("store_id", sa.String(32), nullable=False),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("voided_at", Time, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("received_at", Time, nullable=False),
    )
    op.create_table(
        "einvoice_allowances",
        sa.Column("store_id", sa.String(32), primary_key=True),
        sa.Column("allowance_no", sa.String(16), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False, unique=True),
        sa.Column("terminal_id", sa.String(32), nullable=False),
        sa.Column("invoice_period", sa.String(5), nullable=False),
        sa.Column("invoice_number", sa.String(10), nullable=False),
        sa.Column("sale_id", sa.String(64), nullable=False),
        sa.Column("return_id", sa.String(64), nullable=False),
        sa.Column("issued_at", Time, nullable=False),
        sa.Column("seller_tax_id", sa.String(8), nullable=False),
        sa.Column("buyer_tax_id", sa.String(8), nullable=True),
        sa.Column("untaxed", sa.Integer, nullable=False),
        sa.Column("tax", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("items", sa.Text, nullable=False),
        sa.Column("received_at", Time, nullable=False),
    )
    op.create_index("ix_einvoice_allowances_invoice", "einvoice_allowances",
                    ["invoice_period", "invoice_number"])


def downgrade() -> None:
    op.drop_index("ix_einvoice_allowances_invoice", table_name="einvoice_allowances")
    op.drop_table("einvoice_allowances")
    op.drop_table("einvoice_voids")
    op.drop_index("ix_einvoices_sale", table_name="einvoices")
    op.drop_index("ix_einvoices_block", table_name="einvoices")
    op.drop_table("einvoices")
    op.drop_table("invoice_booklets")
    op.drop_index("ix_invoice_blocks_terminal", table_name="invoice_blocks")
    op.drop_table("invoice_blocks")
    op.drop_index("ix_einvoice_allocations_seller", table_name="einvoice_allocations")
    op.drop_table("einvoice_allocations")
    op.drop_table("einvoice_settings")
