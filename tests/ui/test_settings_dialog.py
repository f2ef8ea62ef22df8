"""The manager's settings screen in the real window, and the till's idle auto-lock."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.services.runtime.settings import PREFS
from app.ui import settings_dialog, staff_flow
from app.ui.settings_dialog import SettingsDialog
from tests.conftest import log_in, shown_window
from tests.test_staff import add_user

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def press_settings(qtbot, win):
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.keyClick(win, Qt.Key.Key_S, CTRL_SHIFT)


def audit(services):
    return sqlite3.connect(services.ledger.path).execute(
        "SELECT action, user_id, approved_by, method, detail FROM audit_log ORDER BY id"
    ).fetchall()


def stored(services):
    return dict(sqlite3.connect(services.ledger.path).execute(
        "SELECT key, value FROM settings WHERE key LIKE 'pref.%'").fetchall())


def shown(qtbot, dialog):
    """Show a dialog whose exec() the test replaced, so keys reach it as they would."""
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def test_a_cashier_needs_a_manager_to_open_the_settings(qtbot, window, services, monkeypatch):
    add_user(services, "V001", "supervisor", "2345")
    log_in(services, ("C001", "王小明", "0000"), role="cashier")
    window.on_staff_logged_in(services.staff.current)
    opened, seen = [], {}
    monkeypatch.setattr(SettingsDialog, "exec", lambda dialog: opened.append(dialog) or 0)

    def supervisor_then_esc(dialog):
        seen["title"] = dialog.findChild(QLabel, "overrideTitle").text()
        dialog.user_edit.setText("V001")  # a supervisor may not change the settings
        dialog.pin_edit.setText("2345")
        dialog.on_ok()
        qtbot.waitUntil(lambda: "店長" in dialog.message.text())
        return 0  # Esc

    monkeypatch.setattr(staff_flow.OverrideDialog, "exec", supervisor_then_esc)
    press_settings(qtbot, window)
    assert "修改收銀機設定" in seen["title"] and "店長" in seen["title"]
    assert opened == [] and [a[0] for a in audit(services)] == []

    def manager(dialog):
        dialog.user_edit.setText("M001")
        dialog.pin_edit.setText("1234")
        dialog.on_ok()
        qtbot.waitUntil(lambda: dialog.approval is not None)
        return 1

    monkeypatch.setattr(staff_flow.OverrideDialog, "exec", manager)
    press_settings(qtbot, window)
    assert len(opened) == 1  # approved by the manager: the screen opens for the cashier


def test_a_manager_edits_and_saves_with_the_keyboard(qtbot, window, services, monkeypatch):
    def edit(dialog):
        shown(qtbot, dialog)
        assert dialog.editors["language"].hasFocus()  # the first row
        assert dialog.findChild(QLabel, "default_receipt_footer").text().endswith("謝謝光臨")
        qtbot.keyClick(dialog.editors["language"], Qt.Key.Key_Down)  # 繁體中文 -> English
        qtbot.keyClick(dialog.editors["language"], Qt.Key.Key_Tab)  # its reset button
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        spin = dialog.editors["auto_lock_minutes"]
        assert spin.hasFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, "5", delay=60)  # a person typing (a fast burst is a scan)
        qtbot.waitUntil(lambda: spin.value() == 5)
        footer = dialog.editors["receipt_footer"]
        footer.setText("歡迎再來")  # an IME commits Chinese at once; QTest cannot type it
        dialog.editors["lockout_failures"].setValue(3)
        dialog.findChild(type(dialog.save_button), "reset_lockout_failures").click()
        qtbot.keyClick(spin, Qt.Key.Key_Return)  # Enter saves, from any row
        qtbot.waitUntil(lambda: dialog.saved is not None)
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", edit)
    press_settings(qtbot, window)
    qtbot.waitUntil(lambda: "設定已儲存" in window.message.text())
    assert stored(services) == {"pref.language": "en", "pref.auto_lock_minutes": "5",
                                "pref.receipt_footer": "歡迎再來"}
    assert services.settings.get("lockout_failures") == 5  # reset to its default
    (action, user, approver, method, detail), = audit(services)
    assert (action, user, approver, method) == ("settings", "M001", "M001", "role")
    assert "auto_lock_minutes" in detail and "lockout_failures" not in detail
    qtbot.waitUntil(lambda: window.idle_lock.minutes == 5)  # the window follows the change
    assert window.idle_lock.timer.isActive()


def test_a_bad_value_is_refused_with_a_message_and_nothing_is_stored(qtbot, window, services,
                                                                    monkeypatch):
    seen = {}

    def too_long_then_esc(dialog):
        shown(qtbot, dialog)
        footer = dialog.editors["receipt_footer"]
        footer.setText("謝" * 41)
        footer.setFocus()
        qtbot.keyClick(footer, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "最多 40 個字" in dialog.message.text())
        seen["message"] = dialog.message.text()
        assert dialog.isVisible() and dialog.saved is None and footer.hasFocus()
        qtbot.keyClick(footer, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", too_long_then_esc)
    press_settings(qtbot, window)
    assert "未儲存" in seen["message"] and "收據底部的文字" in seen["message"]
    assert stored(services) == {} and audit(services) == []
    assert "設定已儲存" not in window.message.text()


def test_the_dialog_has_one_row_per_declared_setting(qtbot, services):
    dialog = SettingsDialog(services.settings.values(), lambda values: None)
    qtbot.addWidget(dialog)
    assert list(dialog.editors) == [p.key for p in PREFS]
    assert {k: dialog.value(k) for k in dialog.editors} == {p.key: p.default for p in PREFS}
    assert settings_dialog.described(PREFS[0]) == PREFS[0].description  # source language


def test_the_descriptions_are_marked_for_translation():
    from app.ui import i18n_tool

    found = i18n_tool.extract()
    marked = {("Settings", p.description) for p in PREFS}
    marked |= {("Settings", w) for p in PREFS for w in p.choice_words if not w.isascii()}
    assert marked <= found, marked - found


def test_the_idle_till_locks_itself(qtbot, window, services):
    idle = window.idle_lock
    assert idle.minutes == 0 and not idle.timer.isActive()  # the default: never
    services.settings.set("auto_lock_minutes", 1)
    qtbot.waitUntil(lambda: idle.minutes == 1)
    assert idle.timer.isActive() and idle.timer.interval() == 60_000

    idle.timer.start(5_000)  # a key press counts the minute from now again
    qtbot.keyClick(window.item_edit, Qt.Key.Key_1)
    assert idle.timer.remainingTime() > 50_000

    window.checkout.committing = True  # a sale being saved is never interrupted
    idle.on_timer_timeout()
    assert not window.locked and idle.timer.isActive()
    window.checkout.committing = False

    idle.timer.start(10)  # a tiny timeout: idle now
    qtbot.waitUntil(lambda: window.locked)
    assert services.staff.current is None and not idle.timer.isActive()
    assert [a[0] for a in audit(services)] == ["logout"]

    window.staff_flow.sig_logged_in.emit(log_in(services))  # the next login counts again
    assert idle.timer.isActive()
    services.settings.set("auto_lock_minutes", 0)
    qtbot.waitUntil(lambda: not idle.timer.isActive())


def test_the_usual_float_is_offered_when_opening_a_shift(qtbot, staffed_services, monkeypatch):
    from app.ui.shift_open_dialog import ShiftOpenDialog

    staffed_services.settings.set("usual_float", 3000)
    seen = []
    monkeypatch.setattr(ShiftOpenDialog, "exec", lambda dialog: seen.append(dialog.amount.text()))
    with shown_window(qtbot, staffed_services) as win:
        win.store_ops.on_open_shift_triggered()
    assert seen == ["3000"]
