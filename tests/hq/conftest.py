"""HQ test fixtures: a database per test module (SQLite file, and PostgreSQL when it
is reachable at 127.0.0.1:5432) and a real ``python -m hq serve`` process on it."""

from __future__ import annotations

import uuid

import pytest

from hq import enrollment
from tests.support.hq_server import HQ, PG_OK, PG_SERVER, drop_pg_database, fresh_pg_database, free_port

@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_url(request, tmp_path_factory):
    if request.param == "sqlite":
        folder = tmp_path_factory.mktemp("hqdb")
        yield f"sqlite:///{folder / 'hq.sqlite3'}"
        return
    if not PG_OK:
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    name = fresh_pg_database()
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        drop_pg_database(name)


@pytest.fixture(scope="module")
def hq(db_url, tmp_path_factory):
    server = HQ(db_url, tmp_path_factory.mktemp("hqdata"))
    yield server
    server.stop()


def unique(prefix: str = "S") -> str:
    return f"{prefix}{uuid.uuid4().hex[:8].upper()}"


__all__ = ["HQ", "enrollment", "free_port", "unique"]
