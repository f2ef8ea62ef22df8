"""HQ test fixtures: a database per test module (SQLite file, and PostgreSQL when it
is reachable at 127.0.0.1:5432) and a real ``python -m hq serve`` process on it."""

from __future__ import annotations

import uuid

import pytest

from hq import enrollment
from tests.support.hq_server import HQ, free_port, hq_database


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_url(request, tmp_path_factory):
    with hq_database(request.param, tmp_path_factory.mktemp("hqdb")) as url:
        yield url


@pytest.fixture(scope="module")
def hq(db_url, tmp_path_factory):
    server = HQ(db_url, tmp_path_factory.mktemp("hqdata"))
    yield server
    server.stop()


def unique(prefix: str = "S") -> str:
    return f"{prefix}{uuid.uuid4().hex[:8].upper()}"


__all__ = ["HQ", "enrollment", "free_port", "unique"]
