"""e-invoices: the number blocks HQ leased, the invoices sales issued, voids, allowances

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02

Invoices, voids and allowances are business documents: append-only (triggers refuse
UPDATE and DELETE). A block changes only by its ``next_serial`` moving forward by one
(the number a sale took, in that sale's transaction): never back, never skipping, and
a block is never deleted, so a number is never issued twice.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

APPEND_ONLY = ("invoices", "invoice_voids", "invoice_allowances")


def upgrade() -> None:
    op.create_table('invoice_blocks',
    sa.Column('block_id', sa.String(length=64), nullable=False),
    sa.Column('period', sa.String(length=5), nullable=False),
    sa.Column('track', sa.String(length=2), nullable=False),
    sa.Column('begin', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('next_serial', sa.Integer(), nullable=False),
    sa.Column('leased_at', sa.String(length=40), nullable=False),
    sa.Column('received_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint('begin <= "end" AND next_serial >= begin AND next_serial <= "end" + 1',
                       name='ck_invoice_blocks_range'),
    sa.PrimaryKeyConstraint('block_id'),
    sa.UniqueConstraint('period', 'track', 'begin', name='uq_invoice_blocks_range')
    )
    # by period only: next_serial moves on every sale, an index on it would be written too
    op.create_index('ix_invoice_blocks_period', 'invoice_blocks', ['period'], unique=False)
    op.create_table('invoices',
    sa.Column('period', sa.String(length=5), nullable=False),
    sa.Column('number', sa.String(length=10), nullable=False),
    sa.Column('block_id', sa.String(length=64), nullable=False),
    sa.Column('sale_id', sa.String(length=36), nullable=False),
    sa.Column('issued_at', sa.String(length=40), nullable=False),
    sa.Column('random_code', sa.String(length=4), nullable=False),
    sa.Column('invoice_type', sa.String(length=2), nullable=False),
    sa.Column('seller_tax_id', sa.String(length=8), nullable=False),
    sa.Column('buyer_tax_id', sa.String(length=8), nullable=True),
    sa.Column('tax_type', sa.String(length=1), nullable=False),
    sa.Column('tax_rate', sa.Integer(), nullable=False),
    sa.Column('untaxed', sa.Integer(), nullable=False),
    sa.Column('tax', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('carrier_type', sa.String(length=6), nullable=True),
    sa.Column('carrier_id', sa.String(length=64), nullable=True),
    sa.Column('donation_code', sa.String(length=7), nullable=True),
    sa.Column('printed', sa.Integer(), nullable=False),
    sa.CheckConstraint('NOT (carrier_id IS NOT NULL AND donation_code IS NOT NULL)',
                       name='ck_invoices_carrier_or_donation'),
    sa.CheckConstraint('untaxed + tax = total AND total >= 0', name='ck_invoices_amounts'),
    sa.ForeignKeyConstraint(['block_id'], ['invoice_blocks.block_id'], ),
    sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], ),
    sa.PrimaryKeyConstraint('period', 'number'),
    sa.UniqueConstraint('sale_id'),
    sqlite_with_rowid=False,  # one b-tree keyed by (period, number): a page fewer per sale
    )
    op.create_table('invoice_voids',
    sa.Column('period', sa.String(length=5), nullable=False),
    sa.Column('number', sa.String(length=10), nullable=False),
    sa.Column('return_id', sa.String(length=36), nullable=False),
    sa.Column('voided_at', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['return_id'], ['returns.id'], ),
    sa.PrimaryKeyConstraint('period', 'number'),
    sa.UniqueConstraint('return_id')
    )
    op.create_table('invoice_allowances',
    sa.Column('allowance_no', sa.String(length=16), nullable=False),
    sa.Column('period', sa.String(length=5), nullable=False),
    sa.Column('number', sa.String(length=10), nullable=False),
    sa.Column('return_id', sa.String(length=36), nullable=False),
    sa.Column('issued_at', sa.String(length=40), nullable=False),
    sa.Column('untaxed', sa.Integer(), nullable=False),
    sa.Column('tax', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('items', sa.Text(), nullable=False),
    sa.CheckConstraint('untaxed + tax = total AND total >= 0 AND tax >= 0',
                       name='ck_invoice_allowances_amounts'),
    sa.ForeignKeyConstraint(['return_id'], ['returns.id'], ),
    sa.PrimaryKeyConstraint('allowance_no'),
    sa.UniqueConstraint('return_id')
    )
    op.create_index('ix_invoice_allowances_invoice', 'invoice_allowances', ['period', 'number'],
                    unique=False)

    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    # a block changes only by issuing its next number; it is never deleted
    op.execute(
        "CREATE TRIGGER invoice_blocks_forward_only BEFORE UPDATE ON invoice_blocks "
        "WHEN NEW.next_serial != OLD.next_serial + 1 OR NEW.block_id != OLD.block_id "
        "OR NEW.period != OLD.period OR NEW.track != OLD.track OR NEW.begin != OLD.begin "
        "OR NEW.\"end\" != OLD.\"end\" OR NEW.leased_at != OLD.leased_at "
        "OR NEW.received_at != OLD.received_at "
        "BEGIN SELECT RAISE(ABORT, 'an invoice block only moves forward by one'); END"
    )
    op.execute(
        "CREATE TRIGGER invoice_blocks_no_delete BEFORE DELETE ON invoice_blocks "
        "BEGIN SELECT RAISE(ABORT, 'invoice_blocks is append-only'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS invoice_blocks_forward_only")
    op.execute("DROP TRIGGER IF EXISTS invoice_blocks_no_delete")
    for table in APPEND_ONLY:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
    op.drop_index('ix_invoice_allowances_invoice', table_name='invoice_allowances')
    op.drop_table('invoice_allowances')
    op.drop_table('invoice_voids')
    op.drop_table('invoices')
    op.drop_index('ix_invoice_blocks_period', table_name='invoice_blocks')
    op.drop_table('invoice_blocks')
