"""Devices in the real window: the no-sale drawer, printer status in the status bar,
the device page (Ctrl+Shift+D) and the QR camera."""

from __future__ import annotations

import json
import sqlite3
import sys

import cv2
import numpy as np
import pytest
import qrcode
from PySide6.QtCore import Qt

from app.services import printing
from app.ui import camera_preview, checkout_devices, device_settings_dialog
from app.ui.camera_preview import CameraPreview
from hardware import camera as cam
from hardware.config import CameraSettings
from hardware.printer_status import PrinterStatus
from hardware.printers import drawer_kick_job

W, H = 640, 480


def db(services) -> sqlite3.Connection:
    return sqlite3.connect(services.ledger.path)


# --- cash drawer -----------------------------------------------------------------------
def test_no_sale_drawer_open_is_logged_sent_to_hq_and_kicks_the_drawer(
        qtbot, window, services, printer_file, monkeypatch):
    monkeypatch.setattr(checkout_devices.QInputDialog, "getItem",
                        lambda *a, **k: ("換零錢", True))
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "錢櫃已開啟" in window.message.text())
    con = db(services)
    rows = con.execute("SELECT store_id, terminal_id, cashier, reason, result, at"
                       " FROM drawer_opens").fetchall()
    assert len(rows) == 1 and rows[0][:5] == ("S001", "T01", "M001", "換零錢", "opened")
    event = json.loads(con.execute(
        "SELECT payload FROM outbox WHERE kind = 'drawer.opened'").fetchone()[0])
    assert event["reason"] == "換零錢" and event["cashier"] == "M001"
    assert printer_file.read_bytes() == drawer_kick_job(2)  # the kick, nothing printed
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("DELETE FROM drawer_opens")


def test_cancelled_drawer_prompt_opens_nothing(qtbot, window, services, printer_file,
                                               monkeypatch):
    monkeypatch.setattr(checkout_devices.QInputDialog, "getItem", lambda *a, **k: ("", False))
    window.devices_flow.on_drawer_triggered()
    assert db(services).execute("SELECT count(*) FROM drawer_opens").fetchone() == (0,)
    assert not printer_file.exists()


@pytest.mark.allow_warnings  # the failed kick is logged as a warning
def test_drawer_open_that_fails_is_still_logged(qtbot, window, services, monkeypatch):
    services.print_queue.printer = services.print_queue.printer.with_url("tcp://127.0.0.1:1")
    monkeypatch.setattr(checkout_devices.QInputDialog, "getItem",
                        lambda *a, **k: ("其他", True))
    window.devices_flow.on_drawer_triggered()
    qtbot.waitUntil(lambda: "錢櫃未開啟" in window.message.text(), timeout=10000)
    assert db(services).execute("SELECT result FROM drawer_opens").fetchall() == [
        ("unavailable",)]


# --- printer status --------------------------------------------------------------------
def test_printer_status_poll_reaches_the_status_bar(qtbot, window, services, monkeypatch):
    state = {"status": PrinterStatus(True, online=True, paper="out", cover_open=True)}
    monkeypatch.setattr(printing, "query_printer", lambda cfg: state["status"])
    services.printer_monitor.check_now()  # the monitor's own thread polls
    qtbot.waitUntil(lambda: "缺紙" in window.printer_status.text())
    assert "上蓋開啟" in window.printer_status.text()
    assert window.printer_status.property("level") == "error"

    state["status"] = PrinterStatus(False, reason="unavailable")
    services.printer_monitor.check_now()
    qtbot.waitUntil(lambda: window.printer_status.text() == "印表機：離線")

    state["status"] = PrinterStatus(True, online=True, paper="ok", cover_open=False,
                                    error=False)
    services.printer_monitor.check_now()
    qtbot.waitUntil(lambda: window.printer_status.text() == "印表機：正常")


# --- the device page ---------------------------------------------------------------------
def test_device_settings_dialog_refuses_bad_values_then_saves_and_reloads(
        qtbot, window, services, monkeypatch):
    seen = {}

    def drive(dialog):
        dialog.serial_url.setText("http://not-a-scanner")
        dialog.vm_item_digits.setValue(10)
        dialog.vm_skip_digits.setValue(2)  # 1 + 10 + 2 + 0 + 1: no room for a value
        dialog.on_save_clicked()
        seen["refused"] = dialog.info.text()
        dialog.serial_url.setText("")
        dialog.vm_item_digits.setValue(5)
        dialog.vm_skip_digits.setValue(0)
        dialog.vm_kind.setCurrentIndex(dialog.vm_kind.findData("weight"))
        dialog.vm_decimals.setValue(3)
        dialog.gap.setValue(30)
        dialog.end_tab.setChecked(False)
        dialog.width_cols.setCurrentIndex(dialog.width_cols.findData(48))
        dialog.mode.setCurrentIndex(dialog.mode.findData("raster"))
        dialog.camera_source.setText("fake:")
        dialog.test_scan.setText("/ABC1234")
        qtbot.keyClick(dialog.test_scan, Qt.Key.Key_Return)  # tests, does not save
        seen["test_scan"] = dialog.test_scan_result.text()
        seen["open"] = dialog.saved is None
        dialog.on_save_clicked()
        qtbot.waitUntil(lambda: dialog.saved is not None)
        return dialog.result()

    monkeypatch.setattr(device_settings_dialog.DeviceSettingsDialog, "exec", drive)
    qtbot.keyClick(window, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "序列埠掃描器：位址不正確" in seen["refused"]
    assert "13 碼" in seen["refused"]
    assert seen["test_scan"] == "種類：einvoice_carrier  內容：/ABC1234" and seen["open"]
    assert "設備設定已儲存" in window.message.text()

    stored = json.loads(db(services).execute(
        "SELECT value FROM settings WHERE key = 'devices'").fetchone()[0])
    assert stored["printer"]["width_cols"] == 48 and stored["scanner"]["terminators"] == ["enter"]
    assert stored["variable_measure"]["value_digits"] == 6
    # applied at once: the printer, the scan filter and the checkout's layout
    assert services.print_queue.printer.width_cols == 48
    assert services.print_queue.printer.mode == "raster"
    assert window.scan_filter.config.max_gap_ms == 30
    assert window.checkout.scan_config.variable_measure.value_kind == "weight"

    from app.services.runtime.terminal import load_devices
    from app.ui.device_settings_dialog import DeviceSettingsDialog

    devices, errors = load_devices(services.ledger)
    assert errors == [] and devices == services.devices
    again = DeviceSettingsDialog(services, window._pool, window)  # reloads what was saved
    qtbot.addWidget(again)
    assert again.width_cols.currentData() == 48 and again.mode.currentData() == "raster"
    assert again.gap.value() == 30 and not again.end_tab.isChecked()
    assert again.vm_kind.currentData() == "weight" and again.vm_item_digits.value() == 5
    assert again.camera_source.text() == "fake:"


def test_device_page_test_print_and_status_check(qtbot, window, services, printer_file):
    from app.ui.device_settings_dialog import DeviceSettingsDialog

    dialog = DeviceSettingsDialog(services, window._pool, window)
    qtbot.addWidget(dialog)
    dialog.on_test_print_clicked()
    qtbot.waitUntil(lambda: dialog.printer_result.text() == "測試收據已送出", timeout=5000)
    data = printer_file.read_bytes()
    assert "測試列印".encode("cp950") in data and b"\x1dV" in data  # text, then the cut
    assert b"\x1bp" not in data  # a test print never opens the drawer
    dialog.on_check_printer_clicked()
    qtbot.waitUntil(lambda: dialog.printer_result.text() == "這台印表機不回報狀態")


# --- the QR camera ---------------------------------------------------------------------------
def qr_frame(data: str) -> np.ndarray:
    code = qrcode.QRCode(box_size=4, border=4)
    code.add_data(data)
    code.make(fit=True)
    symbol = np.array(code.make_image().get_image().convert("L"))
    grey = np.full((H, W), 255, np.uint8)
    h, w = symbol.shape
    grey[(H - h) // 2:(H - h) // 2 + h, (W - w) // 2:(W - w) // 2 + w] = symbol
    return cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)


@pytest.fixture(scope="module")
def qr_video(tmp_path_factory):
    blank = np.full((H, W, 3), 255, np.uint8)
    frames = [blank] * 2 + [qr_frame("CPN-TEST-0001")] * 8 + [blank] * 2
    path = tmp_path_factory.mktemp("video") / "coupon.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, (W, H))
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


def test_camera_preview_decodes_a_qr_from_a_video_file_once(qtbot, qr_video):
    preview = CameraPreview(CameraSettings(source=str(qr_video), preview_fps=60, decode_fps=60))
    qtbot.addWidget(preview)
    preview.show()
    codes = []
    preview.sig_code.connect(codes.append)
    with qtbot.waitSignal(preview.sig_status, timeout=20000,
                          check_params_cb=lambda status, _detail: status == "ended"):
        preview.start()
    assert codes == ["CPN-TEST-0001"]  # eight frames with the code: one event
    assert preview.frames_shown > 0 and not preview.picture.pixmap().isNull()
    assert preview.status.text() == "影片已播放完畢"
    preview.stop()


def test_camera_preview_from_a_fake_camera_refuses_binary_payloads(qtbot):
    preview = CameraPreview(CameraSettings(source="fake:"))
    qtbot.addWidget(preview)
    preview.show()
    assert preview.start()
    with qtbot.waitSignal(preview.sig_rejected) as refused:
        preview.camera.show(b"\xff\xfe\x00binary")
    assert refused.args == ["binary"]
    with qtbot.waitSignal(preview.sig_code) as read:
        preview.camera.show(qr_frame("MEMBER-QR-1"))  # a frame, decoded with zbar
    assert read.args == ["MEMBER-QR-1"]
    preview.hide()  # hiding stops the camera
    assert preview.camera is None


def test_camera_without_a_source_says_where_to_set_one(qtbot):
    preview = CameraPreview(CameraSettings(source=""))
    qtbot.addWidget(preview)
    assert not preview.start()
    assert "Ctrl+Shift+D" in preview.status.text()


@pytest.fixture
def no_zbar(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyzbar", None)
    monkeypatch.setitem(sys.modules, "pyzbar.pyzbar", None)
    cam._load_zbar.cache_clear()
    yield
    cam._load_zbar.cache_clear()


def test_camera_without_zbar_says_so_and_still_previews(qtbot, no_zbar, qr_video):
    preview = CameraPreview(CameraSettings(source=str(qr_video), preview_fps=60))
    qtbot.addWidget(preview)
    statuses = []
    preview.sig_status.connect(lambda status, _d: statuses.append(status))
    with qtbot.waitSignal(preview.sig_status, timeout=20000,
                          check_params_cb=lambda status, _detail: status == "ended"):
        preview.start()
    assert statuses == ["started", "zbar_missing", "ended"]
    assert preview.frames_shown > 0


def test_camera_button_sends_codes_to_the_scan_handler(qtbot, window, services, demo_products,
                                                       monkeypatch):
    from app.services.runtime.terminal import TerminalDevices
    from hardware.config import DeviceSettings

    services.apply_devices(TerminalDevices(DeviceSettings(camera=CameraSettings(source="fake:"))))
    tea = demo_products[0]
    seen = {}

    def drive(dialog):
        dialog.preview.camera.show(tea.barcode)  # as if the camera read it
        seen["result"] = dialog.result.text()
        dialog.preview.camera.show(tea.barcode)  # held in view: once
        return 0

    monkeypatch.setattr(camera_preview.CameraDialog, "exec", drive)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert window.model.rowCount() == 1 and window.checkout.cart.lines[0].qty == 1
    assert tea.name in seen["result"]
