"""Alembic environment for the terminal ledger.

Run only through :func:`app.ledger.db.migrate`, which passes an open connection
in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from app.ledger.models import Base

connection = context.config.attributes["connection"]


def include_object(obj, name, type_, reflected, compare_to):
    """The FTS5 search index is made by hand in a migration: autogenerate must not drop it."""
    return not (type_ == "table" and name.startswith("products_fts"))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
