"""Shared fixtures: every test gets its own data directory, never a real home."""

from __future__ import annotations

import contextlib
import functools
import logging
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app.services.printing import PrinterConfig


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_warnings: the test expects WARNING+ log records")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """platformdirs and anything else that looks at $HOME land in tmp_path."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / "config"))


@pytest.fixture(autouse=True)
def _chinese_paper():
    """Paper is printed in Chinese unless a test says otherwise, and the print language
    one test chose (a process-wide setting) never leaks into the next."""
    from hardware.print_text import set_print_language

    set_print_language("zh_TW")
    yield
    set_print_language("zh_TW")


@pytest.fixture(autouse=True)
def _fail_on_unexpected_warning_logs(request, caplog):
    """A WARNING or worse in the log fails the test, unless it is marked allow_warnings."""
    caplog.set_level(logging.INFO)
    yield
    if request.node.get_closest_marker("allow_warnings"):
        return
    bad = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    if bad:
        pytest.fail("unexpected log records: " + "; ".join(
            f"{r.levelname} {r.name}: {r.getMessage()}" for r in bad))


@pytest.fixture
def printer_file(tmp_path):
    return tmp_path / "printer" / "receipts.escpos"


@pytest.fixture
def bare_services(tmp_path, printer_file):
    """A terminal with the demo catalog and nobody logged in (no users at all)."""
    from app.services.app_services import start_services
    from app.services.seeding import seed_demo
    from sync.agent import Backoff

    printer_file.parent.mkdir(parents=True, exist_ok=True)
    svc = start_services(
        tmp_path / "data",
        PrinterConfig(url=f"file:{printer_file}"),
        print_retry_s=(0.05, 0.2),
        sync_options={"long_poll_s": 1.0, "backoff": Backoff(0.02, 0.2)},
    )
    seed_demo(svc.catalog)
    yield svc
    svc.close()


@pytest.fixture
def staffed_services(bare_services):
    """The demo terminal with a manager logged in, no shift open yet."""
    log_in(bare_services)
    return bare_services


@pytest.fixture
def services(staffed_services):
    """The demo terminal with a manager logged in and a shift open."""
    open_shift(staffed_services)
    return staffed_services


TEST_MANAGER = ("M001", "測試店長", "1234")


@functools.lru_cache(maxsize=None)
def _test_hash(pin: str) -> str:
    from app.domain.pins import MIN_LOG2_N, hash_pin

    return hash_pin(pin, log2_n=MIN_LOG2_N)  # the weakest the terminal accepts: fast tests


def log_in(svc, user=TEST_MANAGER, role="manager", limit=100):
    """A manager at the till, as after a login (the login itself is tested in
    tests/test_staff.py and tests/ui/test_login_and_overrides.py): stored like an HQ
    user, made current without an audit entry so tests see only their own events."""
    from app.services.staff import StaffUser

    user_id, name, pin = user
    with svc.ledger.write() as conn:
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO users (user_id, name, role, pin_hash, card_code,"
            " discount_limit, active, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, 'hq', '')",
            (user_id, name, role, _test_hash(pin), f"STAFF-{user_id}", limit))
    svc.staff.current = StaffUser(user_id, name, role, limit)
    svc.reload_terminal()
    return svc.staff.current


def open_shift(svc, opening_float=0):
    """An open shift, as after 開班 (tested in tests/test_shifts.py), with no outbox event."""
    with svc.ledger.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO shifts (id, shift_no, store_id, terminal_id, opened_at, opened_by,"
            " opening_float) VALUES ('test-shift', 1, ?, ?, '2000-01-01T00:00:00.000+00:00', ?, ?)",
            (svc.terminal.store_id, svc.terminal.terminal_id, svc.terminal.cashier, opening_float))


@contextlib.contextmanager
def shown_window(qtbot, services):
    """The real checkout window, shown and active, with the keyboard-wedge filter."""
    from PySide6.QtWidgets import QApplication

    from app.ui.checkout_window import CheckoutWindow
    from app.ui.scan_filter import ScanFilter

    win = CheckoutWindow(services)
    qtbot.addWidget(win)
    scan_filter = ScanFilter()
    scan_filter.sig_scan.connect(win.on_scanner_scan)
    QApplication.instance().installEventFilter(scan_filter)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.scan_filter = scan_filter
    try:
        yield win
    finally:
        QApplication.instance().removeEventFilter(scan_filter)


@pytest.fixture
def window(qtbot, services):
    with shown_window(qtbot, services) as win:
        yield win


@pytest.fixture
def demo_products():
    from app.services.demo_catalog import load_demo_products

    return load_demo_products()


@pytest.fixture
def demo_pricing(services):
    """The demo promotions, coupons and price lists, stored as HQ would publish them."""
    from app.services.seeding import seed_demo_pricing

    seed_demo_pricing(services)
    return services
