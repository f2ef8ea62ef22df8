"""Alembic environment for HQ.

Run only through :func:`hq.migrations.upgrade`, which passes an open connection in
``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from hq.models import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
