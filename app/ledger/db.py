"""Opening the ledger: one SQLite file, durable settings, migrations on start.

Every connection runs with ``journal_mode=WAL``, ``synchronous=FULL`` and
``foreign_keys=ON``. The driver's own transaction handling is switched off so
that SQLAlchemy's ``begin`` emits exactly what we ask for: ``BEGIN IMMEDIATE``
on the write engine (the writer takes the lock up front, so a commit never fails
half-way on a lock upgrade) and ``BEGIN`` (deferred) on the read engine.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from app.ledger.errors import CANNOT_OPEN, LedgerError, classify

logger = logging.getLogger(__name__)

DB_FILENAME = "ledger.sqlite3"
BUSY_TIMEOUT_MS = 3000
MIGRATIONS = Path(__file__).with_name("migrations")


def _make_engine(path: Path, begin_sql: str) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(begin_sql)

    return engine


@dataclass
class Ledger:
    """The open ledger: a write engine (``BEGIN IMMEDIATE``) and a read engine."""

    path: Path
    writer: Engine
    reader: Engine

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction: committed on success, rolled back on any error.

        Errors come out as :class:`LedgerError` with a code (locked, read_only,
        disk_full, ...); nothing of the transaction remains.
        """
        try:
            with self.writer.begin() as conn:
                yield conn
        except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
            err = classify(exc)
            logger.error("ledger write failed (%s): %s", err.code, err.detail)
            raise err from exc

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot."""
        try:
            with self.reader.begin() as conn:
                yield conn
        except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
            err = classify(exc)
            logger.error("ledger read failed (%s): %s", err.code, err.detail)
            raise err from exc

    def close(self) -> None:
        self.writer.dispose()
        self.reader.dispose()


def _alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    logging.getLogger("alembic").setLevel(logging.WARNING)  # one line per step is noise
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def migrate(ledger: Ledger, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default the newest: an older database is upgraded).

    A revision older than the current one downgrades (used by tests and support).
    """
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    cfg = _alembic_config()
    with ledger.write() as conn:
        cfg.attributes["connection"] = conn
        current = MigrationContext.configure(conn).get_current_revision()
        target = head_revision() if revision == "head" else revision
        if current == target:
            return
        if revision == "head" or current is None:
            command.upgrade(cfg, revision)
        else:
            command.downgrade(cfg, revision)


def open_ledger(data_dir: Path, *, run_migrations: bool = True) -> Ledger:
    """Open (creating if needed) the ledger in ``data_dir`` and migrate it."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LedgerError(CANNOT_OPEN, f"{data_dir}: {exc}") from exc
    path = data_dir / DB_FILENAME
    ledger = Ledger(
        path=path,
        writer=_make_engine(path, "BEGIN IMMEDIATE"),
        reader=_make_engine(path, "BEGIN"),
    )
    try:
        if run_migrations:
            migrate(ledger)
        else:
            with ledger.read() as conn:
                conn.exec_driver_sql("SELECT 1")
    except LedgerError:
        ledger.close()
        raise
    except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
        ledger.close()
        raise classify(exc) from exc
    return ledger
