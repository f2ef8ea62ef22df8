"""The till's lock screen: staff number + PIN, or the first manager on a new terminal.

It only collects what was typed; the window checks it on the ledger writer (PINs are
slow hashes) and calls :meth:`show_error` or moves on. Enter in the staff-number field
goes to the PIN; Enter in the PIN logs in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LoginScreen(QWidget):
    sig_login = Signal(str, str)
    """(staff number, PIN): someone asks to log in."""
    sig_bootstrap = Signal(str, str, str, str)
    """(staff number, name, PIN, PIN again): the first manager of a terminal without users."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("loginScreen")
        self.title = QLabel(self.tr("收銀機已鎖定"))
        self.title.setObjectName("loginTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.hint = QLabel(self.tr("請輸入員工編號與密碼 (PIN) 登入"))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)

        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("loginUser")
        self.user_edit.setPlaceholderText(self.tr("員工編號，例如 C001"))
        self.name_edit = QLineEdit()  # first run only
        self.name_edit.setObjectName("loginName")
        self.name_edit.setPlaceholderText(self.tr("姓名"))
        self.pin_edit = self._pin_field("loginPin", self.tr("4 到 8 位數字"))
        self.pin_again = self._pin_field("loginPinAgain", self.tr("再輸入一次密碼"))
        self.user_edit.returnPressed.connect(self._next_field)
        self.name_edit.returnPressed.connect(self.pin_edit.setFocus)
        self.pin_edit.returnPressed.connect(self.on_submit)
        self.pin_again.returnPressed.connect(self.on_submit)

        self.form = QFormLayout()
        self.form.addRow(self.tr("員工編號"), self.user_edit)
        self.form.addRow(self.tr("姓名"), self.name_edit)
        self.form.addRow(self.tr("密碼"), self.pin_edit)
        self.form.addRow(self.tr("確認密碼"), self.pin_again)
        self.submit = QPushButton()
        self.submit.setObjectName("loginSubmit")
        self.submit.clicked.connect(self.on_submit)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)

        box = QFrame()
        box.setObjectName("loginBox")
        box.setFixedWidth(620)  # room for the words: wrapped labels squeeze the fields
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.hint)
        inner.addLayout(self.form)
        inner.addWidget(self.submit)
        inner.addWidget(self.message)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.bootstrap = False
        self.set_bootstrap(False)

    def _pin_field(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(8)
        edit.setPlaceholderText(placeholder)
        return edit

    def set_bootstrap(self, bootstrap: bool) -> None:
        """First run (no users on this terminal): set up the first manager instead."""
        self.bootstrap = bootstrap
        for widget in (self.name_edit, self.pin_again):
            widget.setVisible(bootstrap)
            self.form.labelForField(widget).setVisible(bootstrap)
        if bootstrap:
            self.title.setText(self.tr("首次使用：建立店長帳號"))
            self.hint.setText(self.tr("這台收銀機還沒有任何員工帳號。請建立第一位店長；"
                                      "總部的員工資料同步後也能登入。"))
            self.submit.setText(self.tr("建立並登入 (Enter)"))
        else:
            self.title.setText(self.tr("收銀機已鎖定"))
            self.hint.setText(self.tr("請輸入員工編號與密碼 (PIN) 登入"))
            self.submit.setText(self.tr("登入 (Enter)"))

    def reset(self, user_id: str = "") -> None:
        """Ready for the next person: fields empty (or the staff number kept), focus set."""
        self.user_edit.setText(user_id)
        for edit in (self.name_edit, self.pin_edit, self.pin_again):
            edit.clear()
        self.message.clear()
        self.submit.setEnabled(True)
        (self.pin_edit if user_id else self.user_edit).setFocus()

    def _next_field(self) -> None:
        (self.name_edit if self.bootstrap else self.pin_edit).setFocus()

    def on_submit(self) -> None:
        user_id = self.user_edit.text().strip()
        if not user_id:
            self.show_error(self.tr("請輸入員工編號"))
            self.user_edit.setFocus()
            return
        self.submit.setEnabled(False)  # until the window answers
        self.message.setText(self.tr("驗證中…"))
        if self.bootstrap:
            self.sig_bootstrap.emit(user_id, self.name_edit.text(), self.pin_edit.text(),
                                    self.pin_again.text())
        else:
            self.sig_login.emit(user_id, self.pin_edit.text())

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setProperty("level", "error")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.submit.setEnabled(True)
        self.pin_edit.clear()
        self.pin_again.clear()
        if self.user_edit.text().strip():
            self.pin_edit.setFocus()
