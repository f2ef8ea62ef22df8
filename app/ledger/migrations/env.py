"""Alembic environment for the terminal ledger.

Run only through :func:`app.ledger.db.migrate`, which passes an open connection
in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from app.ledger.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
)
with context.begin_transaction():
    context.run_migrations()
