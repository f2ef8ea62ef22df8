"""A real HQ server process for tests (``python -m hq serve``), on SQLite or PostgreSQL."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from hq import admin
from hq.db import make_engine
from tests.support.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"


def _pg_reachable() -> bool:
    try:
        import psycopg

        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres",
                             connect_timeout=2):
            return True
    except Exception:  # noqa: BLE001  (any failure means: skip the PostgreSQL variant)
        return False


PG_OK = _pg_reachable()


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres",
                         autocommit=True) as conn:
        conn.execute(sql)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class HQ:
    """A running HQ process plus an in-process engine on the same database."""

    def __init__(self, url: str, data_dir: Path) -> None:
        self.url = url
        self.data_dir = data_dir
        self.engine = make_engine(url)
        # a database that was initialised before keeps its token in the data folder
        self.admin_token = admin.initialise(self.engine, data_dir) or (
            (data_dir / "admin-token").read_text().strip()
        )
        self.admin_headers = {"Authorization": f"Bearer {self.admin_token}"}
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.api = f"{self.base}/api/v1"
        self.log = open(data_dir / "serve.log", "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "hq", "serve", "--db", url, "--data-dir", str(data_dir),
             "--port", str(self.port), "--no-access-log"],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        def healthy() -> bool:
            if self.proc.poll() is not None:
                raise RuntimeError("HQ exited:\n" + (data_dir / "serve.log").read_text())
            try:
                return requests.get(f"{self.base}/healthz", timeout=1).ok
            except requests.ConnectionError:
                return False

        try:
            wait_for(healthy, timeout=30, what="HQ to start")
        except (AssertionError, RuntimeError):
            self.stop()
            raise

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        self.engine.dispose()

    # helpers ---------------------------------------------------------------------

    def store(self, store_id: str, name: str = "測試門市", address: str = "台北市",
              tax_id: str = "") -> str:
        r = requests.post(f"{self.api}/admin/stores", headers=self.admin_headers, json={
            "store_id": store_id, "name": name, "address": address, "tax_id": tax_id})
        assert r.status_code == 200, r.text
        return store_id

    def pairing_code(self, store_id: str, terminal_id: str | None = None) -> str:
        r = requests.post(f"{self.api}/admin/pairing-codes", headers=self.admin_headers,
                          json={"store_id": store_id, "terminal_id": terminal_id})
        assert r.status_code == 200, r.text
        return r.json()["code"]

    def enroll(self, store_id: str, terminal_id: str | None = None) -> dict:
        code = self.pairing_code(store_id, terminal_id)
        r = requests.post(f"{self.api}/enroll", json={"pairing_code": code, "device_name": "t"})
        assert r.status_code == 200, r.text
        body = r.json()
        body["code"] = code
        body["headers"] = {"Authorization": f"Bearer {body['token']}"}
        return body

    def import_products(self, csv_text: str) -> requests.Response:
        return requests.post(f"{self.api}/admin/products", headers={
            **self.admin_headers, "Content-Type": "text/csv"}, data=csv_text.encode())

    def import_pricing(self, batch: dict, stores: str | None = None) -> requests.Response:
        params = {"stores": stores} if stores else None
        return requests.post(f"{self.api}/admin/pricing", headers=self.admin_headers,
                             json=batch, params=params)




def fresh_pg_database() -> str:
    """Create a uniquely named PostgreSQL database; returns its name (drop_pg_database it)."""
    name = f"hq_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    return name


def drop_pg_database(name: str) -> None:
    _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def hq_database(kind: str, folder: Path) -> Iterator[str]:
    """An empty HQ database URL: an SQLite file in ``folder``, or a fresh PostgreSQL
    database (dropped afterwards; the test is skipped if no server is reachable)."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'hq.sqlite3'}"
        return
    if not PG_OK:
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    name = fresh_pg_database()
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        drop_pg_database(name)
