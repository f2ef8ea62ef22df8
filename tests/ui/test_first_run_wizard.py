"""The first-run wizard, driven like a store owner would: demo mode end to end, pairing
with the real HQ on loopback, cancel and resume, and whether ``python -m app`` shows it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWizard

from app.config import build_parser
from app.services import first_run
from app.services.printing import PrinterConfig
from app.services.runtime.terminal import load_devices
from app.ui.first_run_wizard import FirstRunWizard
from app.ui.i18n import remove_translators
from app.ui.messages import message_for
from tests.support.hq_server import HQ
from tests.sync.test_end_to_end import DEMO_CSV

NEXT, FINISH = QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton

# the few English strings the test translation holds (the real .qm gets the wizard's
# strings when the translations are updated; this test does not depend on that)
ENGLISH = {
    "LanguagePage": {"歡迎使用 OMO 門市收銀機": "Welcome to the OMO store terminal"},
    "FirstRunWizard": {"下一步 >": "Next >", "取消": "Cancel",
                       "收銀機首次設定": "Terminal set-up"},
}


@pytest.fixture(autouse=True)
def _source_language_after():
    yield
    app = QApplication.instance()
    if app is not None:
        remove_translators(app)  # later tests see the source text


@pytest.fixture
def english_dir(tmp_path) -> Path:
    """A compiled English translation of a few wizard strings."""
    from xml.sax.saxutils import escape

    from app.ui.i18n_tool import _tool

    folder = tmp_path / "i18n"
    folder.mkdir()
    contexts = "".join(
        f"<context><name>{name}</name>" + "".join(
            f"<message><source>{escape(src)}</source><translation>{escape(dst)}</translation>"
            "</message>" for src, dst in texts.items()) + "</context>"
        for name, texts in ENGLISH.items())
    ts = folder / "omo_pos_en.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                  f'<TS version="2.1" language="en" sourcelanguage="zh_TW">{contexts}</TS>\n',
                  encoding="utf-8")
    subprocess.run([_tool("lrelease"), str(ts), "-qm", str(folder / "omo_pos_en.qm")],
                   check=True, capture_output=True)
    return folder


@pytest.fixture
def new_services(tmp_path, printer_file):
    """A terminal fresh out of the box: no products, no users, not paired."""
    from app.services.app_services import start_services
    from sync.agent import Backoff

    printer_file.parent.mkdir(parents=True, exist_ok=True)
    svc = start_services(
        tmp_path / "new", PrinterConfig(url=f"file:{printer_file}"), print_retry_s=(0.05, 0.2),
        sync_options={"long_poll_s": 1.0, "backoff": Backoff(0.02, 0.2)},
    )
    yield svc
    svc.close()


def open_wizard(qtbot, services, **kw) -> FirstRunWizard:
    wizard = FirstRunWizard(services, **kw)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def press(qtbot, wizard: FirstRunWizard, which=NEXT) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def choose(qtbot, radio) -> None:
    """Click a radio button on its circle (a click past its text is no click)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def go_next(qtbot, wizard: FirstRunWizard, to_page: int, timeout: int = 10000) -> None:
    press(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == to_page, timeout=timeout)


def test_demo_mode_end_to_end(qtbot, new_services, english_dir, tmp_path, demo_products):
    svc = new_services
    wizard = open_wizard(qtbot, svc, i18n_dir=english_dir)
    assert wizard.currentId() == wizard.LANGUAGE
    page = wizard.language_page
    assert page.title() == "歡迎使用 OMO 門市收銀機"
    assert wizard.button(NEXT).text() == "下一步 >"

    # 1. English: the wizard's texts change at once
    choose(qtbot, page.english)
    qtbot.waitUntil(lambda: page.title() == "Welcome to the OMO store terminal")
    assert wizard.button(NEXT).text() == "Next >"
    assert wizard.windowTitle() == "Terminal set-up"
    go_next(qtbot, wizard, wizard.STORE)
    qtbot.waitUntil(lambda: svc.settings.get("language") == "en")

    # 2. demo mode: the demo catalog and promotions, loaded locally
    store = wizard.store_page
    choose(qtbot, store.demo_mode)
    assert not store.url.isVisible() and store.demo_hint.isVisible()
    go_next(qtbot, wizard, wizard.DEVICES, timeout=30000)
    assert svc.catalog.count() == len(demo_products)
    with svc.ledger.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM pricing_documents").scalar_one() > 0
    assert svc.sync_store.enrollment() is None

    # 3. devices: a file printer prints a real ESC/POS test receipt
    devices = wizard.devices_page
    out = tmp_path / "counter-printer.escpos"
    devices.printer_url.setText(f"file:{out}")
    devices.width_cols.setCurrentIndex(devices.width_cols.findData(48))
    qtbot.mouseClick(devices.test_print, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: devices.test_print.isEnabled() and bool(devices.printer_result.text()))
    assert devices.printer_result.text() == devices.tr("測試收據已送出，請看印表機是否印出")
    data = out.read_bytes()
    assert data.startswith(b"\x1b@")  # ESC @: initialise
    assert b"\x1dV" in data  # GS V: cut

    # the keyboard-wedge test: what was read is shown, Enter does not leave the page
    barcode = demo_products[0].barcode
    devices.test_scan.setFocus()
    qtbot.keyClicks(devices.test_scan, barcode)
    qtbot.keyClick(devices.test_scan, Qt.Key.Key_Return)
    assert barcode in devices.scan_result.text()
    assert wizard.currentId() == wizard.DEVICES

    devices.camera_source.setText("")
    qtbot.mouseClick(devices.test_camera, Qt.MouseButton.LeftButton)
    assert devices.camera_result.text()  # says there is no camera set, or what is missing

    devices.serial_url.setText("ftp://nowhere")  # refused in words, nothing saved
    press(qtbot, wizard)
    assert wizard.currentId() == wizard.DEVICES
    assert devices.tr("序列埠掃描器") in devices.status.text()
    assert load_devices(svc.ledger)[0].devices.printer.url == ""
    devices.serial_url.setText("")
    go_next(qtbot, wizard, wizard.MANAGER)
    saved = load_devices(svc.ledger)[0].devices.printer
    assert (saved.url, saved.width_cols) == (f"file:{out}", 48)
    assert svc.print_queue.printer.url == f"file:{out}"

    # 4. the first manager; bad PINs are refused with a message
    manager = wizard.manager_page
    assert wizard.button(FINISH).isVisible()
    qtbot.keyClicks(manager.user_id, "m001", delay=60)
    manager.name.setText("林店長")
    for pin, again, code in (("12", "12", "pin_format"), ("1234", "4321", "pin_mismatch")):
        manager.pin.setText(pin)
        manager.pin_again.setText(again)
        press(qtbot, wizard, FINISH)
        qtbot.waitUntil(lambda c=code: manager.status.text() == message_for(c))
        assert wizard.isVisible() and not svc.staff.has_users()
        assert manager.pin.text() == ""  # typed again, not kept

    qtbot.keyClicks(manager.pin, "1234", delay=60)
    qtbot.keyClicks(manager.pin_again, "1234", delay=60)
    with qtbot.waitSignal(wizard.accepted, timeout=20000):
        press(qtbot, wizard, FINISH)
    [user] = svc.staff.users()
    assert (user.user_id, user.name, user.role, user.source) == ("M001", "林店長", "manager", "local")
    qtbot.waitUntil(lambda: first_run.progress(svc.ledger) == first_run.DONE)
    assert not first_run.wizard_wanted(svc, build_parser().parse_args([]))

    # then the checkout window opens on its lock screen, for a login (not a first manager)
    from app.ui.checkout_window import CheckoutWindow

    assert svc.staff.current is None
    win = CheckoutWindow(svc)
    qtbot.addWidget(win)
    assert win.locked and not win.staff_flow.screen.bootstrap


def test_cancel_keeps_what_was_saved_and_the_next_start_resumes(qtbot, new_services):
    svc = new_services
    wizard = open_wizard(qtbot, svc)
    go_next(qtbot, wizard, wizard.STORE)
    qtbot.waitUntil(lambda: first_run.progress(svc.ledger) == "language")
    with qtbot.waitSignal(wizard.rejected):
        press(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert svc.catalog.count() == 0 and not svc.staff.has_users()
    assert svc.settings.get("language") == "zh_TW"
    args = build_parser().parse_args([])
    assert first_run.wizard_wanted(svc, args)  # left half way: shown again

    again = open_wizard(qtbot, svc)
    assert again.currentId() == again.STORE  # resumes after the language


@pytest.fixture
def hq(tmp_path):
    (tmp_path / "hq").mkdir()
    server = HQ(f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite3'}", tmp_path / "hq")
    server.store("S001", name="OMO 測試門市")
    assert server.import_products(DEMO_CSV).status_code == 200
    r = requests.post(f"{server.api}/admin/users", headers=server.admin_headers, json={
        "user_id": "M900", "name": "總部店長", "role": "manager", "pin": "2468",
        "stores": ["S001"]})
    assert r.status_code == 200, r.text
    yield server
    server.stop()


def test_pairing_with_hq_skips_the_first_manager(qtbot, hq, new_services):
    svc = new_services
    wizard = open_wizard(qtbot, svc)
    go_next(qtbot, wizard, wizard.STORE)
    store = wizard.store_page
    assert store.pair_mode.isChecked()

    # test connection: nobody there, then HQ
    from tests.support.hq_server import free_port

    store.url.setText(f"http://127.0.0.1:{free_port()}")
    qtbot.mouseClick(store.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: store.test_button.isEnabled()
                    and "無法連線到總部" in store.status.text(), timeout=15000)
    store.url.setText(hq.base)
    qtbot.mouseClick(store.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: store.status.text() == store.tr("總部有回應，可以配對"))

    # a wrong code is refused in clear words; nothing is saved
    qtbot.keyClicks(store.code, "WRNG-CODE", delay=60)
    press(qtbot, wizard)
    qtbot.waitUntil(lambda: store.status.text() == "配對碼不正確", timeout=10000)
    assert wizard.button(QWizard.WizardButton.CancelButton).isEnabled()  # off while pairing
    assert wizard.currentId() == wizard.STORE and svc.sync_store.enrollment() is None

    store.code.setText(hq.pairing_code("S001", "T01").lower())
    go_next(qtbot, wizard, wizard.DEVICES)
    assert svc.sync_store.enrollment().store_id == "S001"
    assert svc.terminal.store_name == "OMO 測試門市"
    qtbot.waitUntil(lambda: svc.staff.has_users() and svc.catalog.count() >= 231, timeout=15000)

    # HQ's staff arrived: no first manager to create, the devices page is the last
    assert wizard.button(FINISH).isVisible() or wizard.nextId() == -1
    with qtbot.waitSignal(wizard.accepted, timeout=10000):
        press(qtbot, wizard, FINISH if wizard.button(FINISH).isVisible() else NEXT)
    assert wizard.MANAGER not in wizard.visitedIds()
    assert [u.user_id for u in svc.staff.users()] == ["M900"]
    qtbot.waitUntil(lambda: first_run.progress(svc.ledger) == first_run.DONE)


# --- does `python -m app` start with the wizard? --------------------------------------------
NEW = dict(paired=False, products=0, users=False, progress=None)


@pytest.mark.parametrize(("changes", "shown"), [
    ({}, True),  # brand new
    ({"paired": True}, False),
    ({"products": 231}, False),
    ({"users": True}, False),
    ({"demo": True}, False),
    ({"pair": True}, False),
    ({"seed_only": True}, False),
    ({"quit_when_ready": True}, False),
    ({"products": 231, "progress": "store"}, True),  # left half way: resumes
    ({"paired": True, "users": True, "progress": "devices"}, True),
    ({"progress": first_run.DONE}, False),  # finished once: never again
    ({"progress": "store", "quit_when_ready": True}, False),
])
def test_should_run_wizard(changes, shown):
    assert first_run.should_run_wizard(**{**NEW, **changes}) is shown


def test_wizard_wanted_reads_the_terminal(new_services, bare_services):
    parse = build_parser().parse_args
    assert first_run.wizard_wanted(new_services, parse([]))
    assert not first_run.wizard_wanted(new_services, parse(["--demo"]))
    assert not first_run.wizard_wanted(new_services, parse(["--pair", "http://x", "C"]))
    assert not first_run.wizard_wanted(new_services, parse(["--seed-only"]))
    assert not first_run.wizard_wanted(new_services, parse(["--quit-when-ready"]))
    assert not first_run.wizard_wanted(bare_services, parse([]))  # has products


MAIN = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog
import app.ui.checkout_window as cw
from app.ui.first_run_wizard import FirstRunWizard

real_exec, real_show = FirstRunWizard.exec, cw.CheckoutWindow.show

def run_wizard(self):
    print("WIZARD", self.startId(), flush=True)
    if sys.argv[2] == "finish":  # as if every page was done
        QTimer.singleShot(0, lambda: QDialog.done(self, QDialog.DialogCode.Accepted))
    else:
        QTimer.singleShot(0, self.reject)
    return real_exec(self)

def show_window(self):
    real_show(self)
    print("WINDOW locked", self.locked, flush=True)
    QTimer.singleShot(0, self.close)

FirstRunWizard.exec = run_wizard
cw.CheckoutWindow.show = show_window
from app.__main__ import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


@pytest.mark.parametrize("how", ["cancel", "finish"])
def test_python_m_app_starts_a_new_terminal_with_the_wizard(tmp_path, how):
    """``python -m app`` on a new data folder: the wizard comes first. Cancelled, the
    program ends (0) without a checkout window; finished, the window opens locked."""
    import os

    done = subprocess.run([sys.executable, "-c", MAIN, str(tmp_path / "data"), how],
                          capture_output=True, text=True, timeout=90,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert "WIZARD 0" in done.stdout
    assert ("WINDOW locked True" in done.stdout) is (how == "finish")
