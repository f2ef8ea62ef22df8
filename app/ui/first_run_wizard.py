"""The first-run wizard of a new counter PC: language, store, devices, first manager.

``python -m app`` shows it before the checkout window on a brand-new terminal (or one
whose wizard was left half way: :func:`app.services.first_run.wizard_wanted`). Pages:

1. language (applies at once, kept in the ledger for the next starts),
2. pair with HQ, or demo mode (the demo catalog and promotions, loaded locally),
3. devices with test buttons (:mod:`app.ui.wizard_devices_page`),
4. the first manager, skipped when HQ's staff already arrived.

Each page saves its own step when Next succeeds; Cancel quits and leaves what was
saved, and the next start resumes after the last finished step.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from app.config import DEFAULT_LANGUAGE
from app.services import first_run
from app.ui.i18n import install_translator
from app.ui.ops import log_failure
from app.ui.wizard_devices_page import DevicesPage
from app.ui.wizard_pages import LanguagePage, ManagerPage, StepPage
from app.ui.wizard_store_page import StorePage

logger = logging.getLogger(__name__)


class FirstRunWizard(QWizard):
    LANGUAGE, STORE, DEVICES, MANAGER = range(4)  # page ids, in first_run.STEPS order

    def __init__(self, services, language: str = DEFAULT_LANGUAGE, parent=None, *,
                 i18n_dir: Path | None = None) -> None:
        """``language``: the one installed now; ``i18n_dir``: where the ``.qm`` files
        are read (tests; default the packaged ones)."""
        super().__init__(parent)
        # the checkout's large, touch-friendly look from the first screen on (before the
        # pages are built, so their sizes follow it)
        self.setStyleSheet(resources.files("app.ui").joinpath("style.qss").read_text("utf-8"))
        self.setObjectName("firstRunWizard")
        self.services = services
        self.language = language
        self._i18n_dir = i18n_dir
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="wizard-bg")
        self.language_page = LanguagePage(services, self._pool, language)
        self.language_page.sig_language_chosen.connect(self.on_language_chosen)
        self.store_page = StorePage(services, self._pool)
        self.devices_page = DevicesPage(services, self._pool)
        self.manager_page = ManagerPage(services, self._pool)
        for page_id, page in enumerate(self.step_pages()):
            self.setPage(page_id, page)
        self.setStartId(self._resume_at())
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.finished.connect(self.on_finished)
        self.resize(920, 780)  # fits a 1280x800 counter screen
        self.retranslate()

    def step_pages(self) -> list[StepPage]:
        return [self.language_page, self.store_page, self.devices_page, self.manager_page]

    def _resume_at(self) -> int:
        """After the last finished step; the manager page only if nobody is there yet."""
        done = first_run.progress(self.services.ledger)
        start = min(first_run.STEPS.index(done) + 1, self.MANAGER) if done in first_run.STEPS else 0
        if start == self.MANAGER and self.services.staff.has_users():
            start = self.DEVICES
        return start

    def nextId(self) -> int:  # noqa: N802 (Qt name)
        if self.currentId() == self.DEVICES and self.services.staff.has_users():
            return -1  # HQ's staff arrived: no first manager to create
        return super().nextId()

    # --- language ------------------------------------------------------------------------
    def on_language_chosen(self, language: str) -> None:
        """Switch every text now; the language page saves it on Next."""
        install_translator(QApplication.instance(), language, self._i18n_dir)
        self.language = language

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("收銀機首次設定"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步 >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成，開始使用"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- leaving -------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel (or Esc) quits the wizard, but not in the middle of a step's work: what
        a step started finishes, so nothing is left half done."""
        if any(page.busy for page in self.step_pages()):
            return
        super().reject()

    def on_finished(self, result: int) -> None:
        self.devices_page.close_camera()
        self._pool.shutdown(wait=False, cancel_futures=True)
        if result == QDialog.DialogCode.Accepted:
            future = self.services.writer.submit(first_run.record_step, self.services.ledger,
                                                 first_run.DONE)
            log_failure(future, logger, "first-run wizard end not saved")
        logger.info("first-run wizard %s", "finished" if result else "cancelled")
