"""HQ schema version 3: ``sales.channel`` (store or online), and the buyer's e-invoice
carrier and 統一編號 when the terminal recorded them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sales", sa.Column("channel", sa.String(16), nullable=False,
                                     server_default="store"))
    op.add_column("sales", sa.Column("carrier", sa.String(16), nullable=True))
    op.add_column("sales", sa.Column("buyer_tax_id", sa.String(8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sales") as batch:
        batch.drop_column("buyer_tax_id")
        batch.drop_column("carrier")
        batch.drop_column("channel")
