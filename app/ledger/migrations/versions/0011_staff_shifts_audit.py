"""staff (users, PIN lockout), the audit log, shifts, cash movements and Z reports

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

# written once, never changed
APPEND_ONLY = ("audit_log", "cash_movements", "z_reports")


def upgrade() -> None:
    op.create_table('users',
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('pin_hash', sa.Text(), nullable=False),
    sa.Column('card_code', sa.String(length=64), nullable=True),
    sa.Column('discount_limit', sa.Integer(), nullable=False),
    sa.Column('active', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.CheckConstraint("role IN ('cashier', 'supervisor', 'manager')", name='ck_users_role'),
    sa.CheckConstraint('discount_limit >= 0 AND discount_limit <= 100', name='ck_users_limit'),
    sa.PrimaryKeyConstraint('user_id'),
    sa.UniqueConstraint('card_code')
    )
    op.create_table('user_auth',
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.String(length=40), nullable=True),
    sa.Column('last_login_at', sa.String(length=40), nullable=True),
    sa.PrimaryKeyConstraint('user_id')
    )
    op.create_table('audit_log',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('store_id', sa.String(length=32), nullable=False),
    sa.Column('terminal_id', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('approved_by', sa.String(length=32), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('doc_ref', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_at', ['at'], unique=False)

    op.create_table('shifts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('shift_no', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.String(length=32), nullable=False),
    sa.Column('terminal_id', sa.String(length=32), nullable=False),
    sa.Column('opened_at', sa.String(length=40), nullable=False),
    sa.Column('opened_by', sa.String(length=32), nullable=False),
    sa.Column('opening_float', sa.Integer(), nullable=False),
    sa.Column('closed_at', sa.String(length=40), nullable=True),
    sa.Column('closed_by', sa.String(length=32), nullable=True),
    sa.Column('close', sa.Text(), nullable=True),
    sa.CheckConstraint('opening_float >= 0', name='ck_shifts_float'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('terminal_id', 'shift_no', name='uq_shifts_no')
    )
    # at most one open shift per terminal (the drawer is counted by one shift at a time)
    op.execute("CREATE UNIQUE INDEX ux_shifts_open ON shifts (terminal_id) WHERE closed_at IS NULL")
    op.create_table('cash_movements',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('shift_id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('approved_by', sa.String(length=32), nullable=False),
    sa.CheckConstraint("kind IN ('in', 'out') AND amount > 0", name='ck_cash_movements'),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cash_movements', schema=None) as batch_op:
        batch_op.create_index('ix_cash_movements_shift', ['shift_id'], unique=False)
    op.create_table('z_reports',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('z_no', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.String(length=32), nullable=False),
    sa.Column('terminal_id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('created_by', sa.String(length=32), nullable=False),
    sa.Column('period_from', sa.String(length=40), nullable=False),
    sa.Column('period_to', sa.String(length=40), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('terminal_id', 'z_no', name='uq_z_reports_no')
    )

    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    # a shift is closed once: after that its row never changes, and none is deleted
    op.execute(
        "CREATE TRIGGER shifts_closed_once BEFORE UPDATE ON shifts WHEN OLD.closed_at IS NOT NULL "
        "BEGIN SELECT RAISE(ABORT, 'shift is closed'); END"
    )
    op.execute(
        "CREATE TRIGGER shifts_no_reopen BEFORE UPDATE ON shifts WHEN NEW.closed_at IS NULL "
        "OR NEW.id != OLD.id OR NEW.opened_at != OLD.opened_at "
        "OR NEW.opening_float != OLD.opening_float OR NEW.opened_by != OLD.opened_by "
        "BEGIN SELECT RAISE(ABORT, 'a shift changes only by closing'); END"
    )
    op.execute(
        "CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts "
        "BEGIN SELECT RAISE(ABORT, 'shifts is append-only'); END"
    )


def downgrade() -> None:
    for table in (*APPEND_ONLY, "shifts"):
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
    op.execute("DROP TRIGGER IF EXISTS shifts_closed_once")
    op.execute("DROP TRIGGER IF EXISTS shifts_no_reopen")
    op.drop_table('z_reports')
    with op.batch_alter_table('cash_movements', schema=None) as batch_op:
        batch_op.drop_index('ix_cash_movements_shift')
    op.drop_table('cash_movements')
    op.execute("DROP INDEX IF EXISTS ux_shifts_open")
    op.drop_table('shifts')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_at')
    op.drop_table('audit_log')
    op.drop_table('user_auth')
    op.drop_table('users')
