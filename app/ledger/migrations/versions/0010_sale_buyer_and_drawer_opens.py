"""sale buyer (e-invoice carrier, 統一編號) and drawer opens

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # native ALTER TABLE (no batch copy): recreating sales would drop its append-only triggers
    op.add_column('sales', sa.Column('carrier', sa.String(length=16), nullable=True))
    op.add_column('sales', sa.Column('buyer_tax_id', sa.String(length=8), nullable=True))

    op.create_table('drawer_opens',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=32), nullable=False),
    sa.Column('terminal_id', sa.String(length=32), nullable=False),
    sa.Column('cashier', sa.String(length=64), nullable=False),
    sa.Column('approved_by', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('result', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('drawer_opens', schema=None) as batch_op:
        batch_op.create_index('ix_drawer_opens_at', ['at'], unique=False)

    # an audit log: written once, never changed
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER drawer_opens_no_{verb.lower()} BEFORE {verb} ON drawer_opens "
            "BEGIN SELECT RAISE(ABORT, 'drawer_opens is append-only'); END"
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS drawer_opens_no_update")
    op.execute("DROP TRIGGER IF EXISTS drawer_opens_no_delete")
    with op.batch_alter_table('drawer_opens', schema=None) as batch_op:
        batch_op.drop_index('ix_drawer_opens_at')
    op.drop_table('drawer_opens')
    op.drop_column('sales', 'buyer_tax_id')  # SQLite >= 3.35: native, keeps the triggers
    op.drop_column('sales', 'carrier')
