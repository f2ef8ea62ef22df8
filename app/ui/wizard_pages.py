"""The first-run wizard's pages: what they share, the language and the first manager.

Each page's Next runs its work off the GUI thread (:meth:`StepPage.work`: pairing on a
worker, ledger writes on the ledger writer) and moves on only once it succeeded; a
failure is said on the page and nothing moves. Every text is set in ``retranslate``,
which runs again when the language changes. The store page is in
:mod:`app.ui.wizard_store_page`, the device page in :mod:`app.ui.wizard_devices_page`.
"""

from __future__ import annotations

import logging
from concurrent.futures import Executor, Future

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.ledger.errors import LedgerError
from app.services import first_run
from app.services.staff import BOOTSTRAP_DONE, StaffError, StaffUser
from app.ui.messages import message_for
from app.ui.ops import log_failure, watch_op
from app.ui.staff_flow import staff_message

logger = logging.getLogger(__name__)


class StepPage(QWizardPage):
    """A page whose Next runs :meth:`work` in the background, then records the step."""

    step = ""  # its name in app.services.first_run.STEPS

    def __init__(self, services, pool: Executor, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self._pool = pool
        self.busy = False
        self._passed = False  # the work succeeded: the next validatePage lets us go
        self.status = QLabel()
        self.status.setObjectName(f"{self.step}Status")
        self.status.setWordWrap(True)

    # --- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every visible text (again after a language change)."""

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def say(self, text: str, level: str = "info") -> None:
        self.status.setText(text)
        self.status.setProperty("level", level)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    # --- Next ------------------------------------------------------------------------------
    def work(self) -> Future | bool:
        """What Next does: a Future to wait for, True to go on at once, False to stay
        (the page said why)."""
        return True

    def on_work_done(self, result: object) -> None:
        """The work succeeded (GUI thread)."""

    def error_text(self, exc: BaseException) -> str:
        if isinstance(exc, LedgerError):
            return message_for(exc.code, exc.detail)
        logger.error("first-run step %s failed: %r", self.step, exc)
        return message_for("unknown", str(exc))

    def isComplete(self) -> bool:  # noqa: N802 (Qt name)
        return not self.busy and super().isComplete()

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        if self._passed:
            self._passed = False
            return True
        if self.busy:
            return False
        job = self.work()
        if isinstance(job, bool):
            if job:
                self._record_step()
            return job
        self._set_busy(True)
        watch_op(self, job, self.on_job_done, on_error=self.on_job_failed,
                 errors=(Exception,))  # every failure is said on the page
        return False

    def _set_busy(self, busy: bool) -> None:
        """While the work runs, Next waits and Cancel is off (the wizard ignores Esc)."""
        self.busy = busy
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)

    def on_job_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.say(self.error_text(exc), "error")

    def on_job_done(self, result: object) -> None:
        """The work of Next succeeded: record the step and go on."""
        self._set_busy(False)
        self.on_work_done(result)
        self._record_step()
        wizard = self.wizard()
        if wizard is None or wizard.currentPage() is not self:
            return
        self._passed = True
        if wizard.nextId() == -1:
            wizard.accept()
        else:
            wizard.next()
        self._passed = False

    def _record_step(self) -> None:
        future = self.services.writer.submit(first_run.record_step, self.services.ledger,
                                             self.step)
        log_failure(future, logger, "first-run progress not saved")


# --- 1. language ---------------------------------------------------------------------------
class LanguagePage(StepPage):
    step = "language"
    sig_language_chosen = Signal(str)
    """A language code (app.config.LANGUAGES) picked: the wizard switches to it at once."""

    def __init__(self, services, pool: Executor, language: str, parent=None) -> None:
        super().__init__(services, pool, parent)
        # each language named in itself, as language pickers do: not translated
        self.chinese = QRadioButton("繁體中文")
        self.chinese.setObjectName("languageZhTw")
        self.english = QRadioButton("English")
        self.english.setObjectName("languageEn")
        self.group = QButtonGroup(self)
        for button in (self.chinese, self.english):
            self.group.addButton(button)
        (self.english if language == "en" else self.chinese).setChecked(True)
        self.group.buttonToggled.connect(self.on_language_toggled)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.chinese)
        layout.addWidget(self.english)
        layout.addStretch(1)
        layout.addWidget(self.status)
        self.retranslate()

    def language(self) -> str:
        return "en" if self.english.isChecked() else "zh_TW"

    def retranslate(self) -> None:
        self.setTitle(self.tr("歡迎使用 OMO 門市收銀機"))
        self.setSubTitle(self.tr("第一次啟動：幾個步驟就能開始收銀。先選擇畫面語言。"))
        self.hint.setText(self.tr("畫面語言（之後每次啟動都會使用）"))

    def on_language_toggled(self, button, checked: bool) -> None:
        if checked:
            self.sig_language_chosen.emit(self.language())

    def work(self) -> Future:
        return self.services.writer.submit(self.services.settings.set, "language",
                                           self.language())


# --- 4. the first manager ---------------------------------------------------------------------
class ManagerPage(StepPage):
    step = "manager"

    def __init__(self, services, pool: Executor, parent=None) -> None:
        super().__init__(services, pool, parent)
        self.user_id = QLineEdit()
        self.user_id.setObjectName("managerId")
        self.user_id.setPlaceholderText("M001")
        self.name = QLineEdit()
        self.name.setObjectName("managerName")
        self.pin = self._pin_field("managerPin")
        self.pin_again = self._pin_field("managerPinAgain")
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.user_id, self.name, self.pin, self.pin_again),
                                strict=True):
            form.addRow(label, field)
        self.user_id.returnPressed.connect(self.name.setFocus)
        self.name.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.pin_again.setFocus)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.status)
        self.retranslate()

    @staticmethod
    def _pin_field(name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(8)
        return edit

    def retranslate(self) -> None:
        self.setTitle(self.tr("第一位店長"))
        self.setSubTitle(self.tr("建立這台收銀機的第一位店長帳號；總部的員工資料同步後也能登入。"))
        self.hint.setText(self.tr("密碼 (PIN) 為 4 到 8 位數字，登入與核准時使用。"))
        for label, text in zip(self.labels, (self.tr("員工編號"), self.tr("姓名"),
                                             self.tr("密碼"), self.tr("確認密碼")), strict=True):
            label.setText(text)
        self.pin.setPlaceholderText(self.tr("4 到 8 位數字"))
        self.pin_again.setPlaceholderText(self.tr("再輸入一次密碼"))

    def initializePage(self) -> None:  # noqa: N802 (Qt name)
        self.user_id.setFocus()

    def work(self) -> Future | bool:
        if self.services.staff.has_users():  # HQ's staff arrived meanwhile
            return True
        self.say(self.tr("建立中…"))
        return self.services.writer.submit(self._bootstrap, self.user_id.text(),
                                           self.name.text(), self.pin.text(),
                                           self.pin_again.text())

    def _bootstrap(self, user_id: str, name: str, pin: str, pin_again: str) -> StaffUser | None:
        """On the ledger writer. None: HQ's staff arrived first, nothing to create."""
        try:
            return self.services.staff.bootstrap_manager(user_id, name, pin, pin_again)
        except StaffError as exc:
            if exc.code == BOOTSTRAP_DONE:
                return None
            raise

    def error_text(self, exc: BaseException) -> str:
        self.pin.clear()
        self.pin_again.clear()
        self.pin.setFocus()
        return staff_message(exc)

    def on_work_done(self, result: object) -> None:
        if isinstance(result, StaffUser):
            self.say(self.tr("已建立店長 {0}").format(result.label), "ok")
