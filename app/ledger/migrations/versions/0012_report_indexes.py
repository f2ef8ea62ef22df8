"""indexes for the manager's report: registrations and member events by time

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01

The report (app/services/reports.py) reads each figure over a UTC time range. Sales,
returns and top-ups already have their ``created_at`` index; registrations (outbox
rows of kind ``member.registered``) and points (``member_events.at``) were found by
scanning the whole table: 44 ms and 17 ms of a 70 ms day report on a store-year ledger
(bench/report.py). The outbox index is partial, so it stays as small as the number of
registrations; the member-events index covers the columns the report sums.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_outbox_member_registered', 'outbox', ['created_at'],
                    sqlite_where=sa.text("kind = 'member.registered'"))
    op.create_index('ix_member_events_at', 'member_events', ['at', 'type', 'amount'])


def downgrade() -> None:
    op.drop_index('ix_member_events_at', table_name='member_events')
    op.drop_index('ix_outbox_member_registered', table_name='outbox')
