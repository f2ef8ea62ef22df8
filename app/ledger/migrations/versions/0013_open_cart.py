"""the open cart: what is on screen, saved after every change, restored after a crash

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01

One row (``id`` 1: a ledger belongs to one terminal) holding the cart being rung up
as JSON, its tenders included, so a crash or a power cut never loses it and a card
already charged is not charged twice. Not a business document: it is replaced on
every change and deleted in the transaction of the sale that sells it (and when the
cart is parked or cleared).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('open_cart',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('terminal_id', sa.String(length=32), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('saved_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint('id = 1', name='ck_open_cart_one_row'),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('open_cart')
