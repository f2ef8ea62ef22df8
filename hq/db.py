"""Engine and transactions for SQLite (embedded default) and PostgreSQL (production).

SQLite connections run with ``journal_mode=WAL``, ``synchronous=FULL``,
``foreign_keys=ON`` and a busy timeout. The driver's own transaction handling is
switched off so that we issue ``BEGIN`` ourselves: plain ``BEGIN`` for readers and
``BEGIN IMMEDIATE`` for writers (:func:`write`), so a writer takes the write lock
up front instead of failing half-way with "database is locked".

Nothing in this module keeps state that matters between requests: several
stateless uvicorn workers may share one PostgreSQL database.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    Integer,
    create_engine,
    event,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url

BUSY_TIMEOUT_MS = 10_000


def is_sqlite(engine_or_conn: Engine | Connection) -> bool:
    return engine_or_conn.dialect.name == "sqlite"


def make_engine(url: str, *, pool_size: int = 5) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _sqlite_setup(engine)
        return engine
    return create_engine(
        url, pool_size=pool_size, max_overflow=10, pool_pre_ping=True, pool_recycle=1800
    )


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # noqa: ANN001
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """One write transaction: ``BEGIN IMMEDIATE`` on SQLite; commit or roll back."""
    with engine.connect() as conn:
        if is_sqlite(engine):
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            yield conn


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """One read-only transaction (a consistent snapshot on SQLite)."""
    with engine.connect() as conn, conn.begin():
        yield conn


# --- writing many rows (the push path: hq.ingest, hq.till) -----------------------------


def insert_ignore(conn: Connection, table, keys: Sequence[str]):  # noqa: ANN001, ANN202
    """``INSERT ... ON CONFLICT (keys) DO NOTHING`` in the connection's dialect."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing(index_elements=list(keys))


def _pg_type(column) -> str:  # noqa: ANN001
    t = column.type
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, Integer):
        return "int8" if isinstance(t, BigInteger) else "int4"
    if isinstance(t, DateTime):
        return "timestamptz"
    if isinstance(t, Date):
        return "date"
    return "text"


def bulk_insert(conn: Connection, table, rows: list[dict[str, Any]], *,  # noqa: ANN001
                ignore: Sequence[str] = (), returning: str | None = None) -> list[Any]:
    """Insert many rows in one statement; returns the ``returning`` column of new rows.

    PostgreSQL: ``INSERT ... SELECT * FROM unnest(%s::type[], ...)`` with one array
    per column: one round trip and almost no per-row Python work, whatever the
    batch size. SQLite: SQLAlchemy's multi-row insert.
    """
    if not rows:
        return []
    if conn.dialect.name != "postgresql":
        stmt = insert_ignore(conn, table, ignore) if ignore else table.insert()
        if returning:
            return list(conn.execute(stmt.returning(table.c[returning]), rows).scalars())
        conn.execute(stmt, rows)
        return []
    names = list(rows[0])
    arrays = {f"a{i}": [r[n] for r in rows] for i, n in enumerate(names)}
    sql = (
        f"INSERT INTO {table.name} ({', '.join(names)}) SELECT * FROM unnest("
        + ", ".join(f"%(a{i})s::{_pg_type(table.c[n])}[]" for i, n in enumerate(names))
        + ")"
    )
    if ignore:
        sql += f" ON CONFLICT ({', '.join(ignore)}) DO NOTHING"
    if returning:
        sql += f" RETURNING {returning}"
        return list(conn.exec_driver_sql(sql, arrays).scalars())
    conn.exec_driver_sql(sql, arrays)
    return []
