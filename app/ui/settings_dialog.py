"""The manager's settings screen (設定), built from the declarations in
:mod:`app.services.settings`: one row per setting with its description, an editor by
type (a list for choices, a number box for a range, a line of text), its default and
a reset button.

Keyboard first: Tab walks the rows in order, Enter saves, Esc cancels. Saving runs on
the ledger writer through the ``save`` callable the caller gives; a refused value is
named on the screen, its editor gets the focus and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ledger.errors import LedgerError
from app.services.runtime import settings as st
from app.services.runtime.settings import PREFS, Pref, SettingError
from app.services.staff import Approval, audit_approval
from app.ui.cash_count_dialog import ERROR_STYLE
from app.ui.dialog_buttons import ok_cancel
from app.ui.messages import message_for
from app.ui.ops import watch_op


def described(p: Pref) -> str:
    """The setting's description in the screen language."""
    return QCoreApplication.translate("Settings", p.description)


def choice_word(p: Pref, value: str) -> str:
    if value in p.choices:
        return QCoreApplication.translate("Settings", p.choice_words[p.choices.index(value)])
    return value


class SettingsDialog(QDialog):
    """``values``: the settings now, by key; ``save(values)`` returns a Future of the
    stored values (or raises SettingError / LedgerError). ``saved`` holds them once
    accepted."""

    def __init__(self, values: Mapping[str, Any], save: Callable[[dict], Future],
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("設定"))
        self.resize(900, 120 + 70 * len(PREFS))
        self._save = save
        self._busy = False
        self.saved: dict[str, Any] | None = None
        self.editors: dict[str, QWidget] = {}

        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        for row, p in enumerate(PREFS):
            editor = self._editor(p)
            editor.setObjectName(f"setting_{p.key}")
            editor.setMinimumHeight(44)
            self._show(p, editor, values.get(p.key, p.default))
            label = QLabel(described(p))
            label.setWordWrap(True)
            label.setBuddy(editor)
            default = QLabel(self.tr("預設：{0}").format(self._words(p, p.default)))
            default.setObjectName(f"default_{p.key}")
            reset = QPushButton(self.tr("恢復預設"))
            reset.setObjectName(f"reset_{p.key}")
            reset.setAutoDefault(False)  # Enter saves, whichever row has the focus
            reset.clicked.connect(lambda _=False, p=p: self.on_reset_clicked(p))
            grid.addWidget(label, row, 0)
            grid.addWidget(editor, row, 1)
            grid.addWidget(default, row, 2)
            grid.addWidget(reset, row, 3)
            self.editors[p.key] = editor

        self.message = QLabel(self.tr("修改後按 Enter 儲存，Esc 取消"))
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.buttons = ok_cancel(self.tr("儲存"), self.on_save, self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.editors[PREFS[0].key].setFocus(Qt.FocusReason.OtherFocusReason)

    # --- editors ---------------------------------------------------------------------
    def _editor(self, p: Pref) -> QWidget:
        if p.choices:
            combo = QComboBox()
            for value in p.choices:
                combo.addItem(choice_word(p, value), value)
            return combo
        if p.kind is int:
            spin = QSpinBox()
            spin.setRange(p.low, p.high)
            spin.setGroupSeparatorShown(p.high >= 10_000)
            return spin
        return QLineEdit()

    def _show(self, p: Pref, editor: QWidget, value: Any) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QSpinBox):
            editor.setValue(value)
        else:
            editor.setText(value)

    def value(self, key: str) -> Any:
        """What the editor of ``key`` holds now."""
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QSpinBox):
            editor.interpretText()
            return editor.value()
        return editor.text()

    def _words(self, p: Pref, value: Any) -> str:
        if p.choices:
            return choice_word(p, value)
        if p.kind is int:
            return f"{value:,}" if p.high >= 10_000 else str(value)
        return value if value else self.tr("(空白)")

    def on_reset_clicked(self, p: Pref) -> None:
        self._show(p, self.editors[p.key], p.default)
        self.editors[p.key].setFocus()

    # --- saving ----------------------------------------------------------------------
    def on_save(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.save_button.setEnabled(False)
        self._set_message(self.tr("儲存中…"), error=False)
        watch_op(self, self._save({p.key: self.value(p.key) for p in PREFS}), self.on_saved,
                 on_error=self.on_save_failed, errors=(SettingError, LedgerError))

    def on_saved(self, saved: dict[str, Any]) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        self.saved = saved
        self.accept()

    def on_save_failed(self, exc: Exception) -> None:
        """A refused value (which one, what it allows) or a ledger error: nothing saved."""
        self._busy = False
        self.save_button.setEnabled(True)
        if isinstance(exc, SettingError):
            self._set_message(self.refusal(exc), error=True)
            if exc.key in self.editors:
                self.editors[exc.key].setFocus()
            return
        self._set_message(message_for(exc.code, exc.detail), error=True)

    def refusal(self, exc: SettingError) -> str:
        """Words for a refused value: which setting, and what it allows."""
        p = st.BY_KEY.get(exc.key)
        name = described(p) if p else exc.key
        if exc.code == st.OUT_OF_RANGE and p is not None:
            why = self.tr("須介於 {0} 與 {1} 之間").format(self._words(p, p.low),
                                                     self._words(p, p.high))
        elif exc.code == st.TOO_LONG:
            why = self.tr("最多 {0} 個字").format(exc.detail)
        elif exc.code == st.BAD_TEXT:
            why = self.tr("不可有換行或控制字元")
        elif exc.code == st.NOT_ALLOWED:
            why = self.tr("不是可選的項目")
        elif exc.code == st.UNKNOWN_KEY:
            why = self.tr("不認得的設定")
        else:
            why = self.tr("格式不正確")
        return self.tr("未儲存：「{0}」{1}").format(name, why)

    def _set_message(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")


def open_settings(window, approval: Approval) -> bool:  # noqa: ANN001 (the CheckoutWindow)
    """The settings screen for ``approval`` (a manager's); the change and who approved
    it go into the audit log in one transaction. Returns whether something was saved."""
    services = window.services

    def save(values: dict) -> Future:
        terminal = services.terminal

        def audit(conn, changed: dict) -> None:  # noqa: ANN001 (a Connection)
            audit_approval(conn, terminal, approval, detail={"changed": changed})

        return services.writer.submit(services.settings.set_many, values, audit=audit)

    dialog = SettingsDialog(services.settings.values(), save, window)
    if not dialog.exec() or dialog.saved is None:
        return False
    window.say(QCoreApplication.translate("SettingsDialog", "設定已儲存"), "ok")
    return True
