"""End-to-end sync fixtures: a real HQ process and real terminals on loopback."""

from __future__ import annotations

import pytest

from app.services.printing import PrinterConfig
from sync.agent import Backoff
from tests.support.hq_server import HQ, hq_database

ROOT_DEMO = "resources/demo/products.csv"
FAST_SYNC = {"long_poll_s": 2.0, "backoff": Backoff(0.02, 0.3)}


@pytest.fixture(params=["sqlite", "postgresql"])
def hq_db(request, tmp_path):
    with hq_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def hq(hq_db, tmp_path):
    (tmp_path / "hqdata").mkdir()
    server = HQ(hq_db, tmp_path / "hqdata")
    server.store("S001", name="OMO 總部測試門市", address="台北市中正區", tax_id="04595257")
    yield server
    server.stop()


@pytest.fixture
def make_terminal(tmp_path):
    """Start terminals (their own ledger each); closed at the end of the test."""
    from app.services.app_services import start_services

    started = []

    def make(name: str = "t1", **sync):
        folder = tmp_path / name
        svc = start_services(
            folder,
            PrinterConfig(url=f"file:{folder / 'receipts.escpos'}"),
            print_retry_s=(0.05, 0.2),
            sync_options={**FAST_SYNC, **sync},
        )
        started.append(svc)
        return svc

    yield make
    for svc in started:
        svc.close()
