"""The window's side of staff: the lock screen, logging in and out, and overrides.

:meth:`StaffFlow.authorize` is the one door to an action that may need a supervisor or
manager: when the person logged in may do it, it goes on at once (approved by their
role); otherwise the override dialog asks for a PIN or a staff card. Either way the
caller gets an :class:`app.services.staff.Approval` to write into the audit log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial

from PySide6.QtCore import QObject, Signal

from app.ledger.errors import LedgerError
from app.services.app_services import TerminalServices
from app.services.staff import Approval, StaffError, StaffUser
from app.ui.login_screen import LoginScreen
from app.ui.messages import message_for
from app.ui.ops import run_op
from app.ui.override_dialog import OverrideDialog, role_words

logger = logging.getLogger(__name__)


def staff_message(exc: Exception) -> str:
    """Words for a StaffError or a LedgerError met while checking a PIN."""
    if isinstance(exc, StaffError):
        detail = role_words(exc.detail) if exc.code == "not_allowed" else exc.detail
        return message_for(exc.code, detail)
    if isinstance(exc, LedgerError):
        return message_for(exc.code, exc.detail)
    logger.error("staff check failed: %r", exc)
    return message_for("unknown", str(exc))


class StaffFlow(QObject):
    sig_logged_in = Signal(object)
    """(StaffUser): someone logged in at the till."""
    sig_logged_out = Signal()
    """The till is locked; nobody is logged in."""
    sig_failed = Signal(str, str)
    """(code, detail): an approved action could not be audited, so it was not done."""

    def __init__(self, services: TerminalServices, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.screen = LoginScreen()
        self.screen.sig_login.connect(self.on_screen_login)
        self.screen.sig_bootstrap.connect(self.on_screen_bootstrap)

    @property
    def user(self) -> StaffUser | None:
        return self.services.staff.current

    # --- the lock screen ------------------------------------------------------------------
    def prepare_screen(self) -> None:
        """Before showing the lock screen: first run asks for the first manager."""
        self.screen.set_bootstrap(not self.services.staff.has_users())
        self.screen.reset()

    def on_screen_login(self, user_id: str, pin: str) -> None:
        run_op(self, partial(self.services.login, user_id, pin), self.on_login_done,
               on_error=self.on_login_failed, errors=(StaffError, LedgerError))

    def on_screen_bootstrap(self, user_id: str, name: str, pin: str, pin_again: str) -> None:
        def create() -> StaffUser:
            user = self.services.staff.bootstrap_manager(user_id, name, pin, pin_again)
            return self.services.login(user.user_id, pin)

        run_op(self, create, self.on_login_done, on_error=self.on_login_failed,
               errors=(StaffError, LedgerError))

    def on_login_done(self, user: StaffUser) -> None:
        self.sig_logged_in.emit(user)

    def on_login_failed(self, exc: Exception) -> None:
        """Wrong PIN, unknown user...: said on the lock screen, which stays."""
        self.screen.show_error(staff_message(exc))
        if isinstance(exc, StaffError) and exc.code == "bootstrap_done":
            self.prepare_screen()

    def on_scan(self, code: str) -> None:
        """A scan on the lock screen: a staff card (or a staff number) fills in who is
        logging in; the PIN is still asked for."""
        user_id = self.services.staff.user_for_code(code)
        if user_id is None:
            self.screen.show_error(message_for("unknown_card"))
            return
        self.screen.reset(user_id)

    def logout(self) -> None:
        """Lock the till (quick cashier switch): the next person logs in."""
        run_op(self, self.services.logout, self.on_logout_done,
               on_error=self.on_logout_failed, errors=(LedgerError,))

    def on_logout_done(self, _none: None = None) -> None:
        self.sig_logged_out.emit()

    def on_logout_failed(self, exc: Exception) -> None:
        logger.error("logout not audited: %s", exc)  # the audit entry was not written
        self.on_logout_done()  # still locked

    # --- overrides -------------------------------------------------------------------------
    def record(self, approval: Approval, detail: dict, then: Callable[[], None],
               on_fail: Callable[[], None] | None = None) -> None:
        """Audit an approved action that is not a ledger document (payments cancelled, a
        price or discount in the open cart), then ``then()``: nothing is done unless its
        audit entry is written. ``on_fail`` undoes what was done ahead (and the window's
        message line says why)."""
        def failed(exc: LedgerError) -> None:
            logger.error("%s not audited, not done: %s", approval.action, exc)
            if on_fail is not None:
                on_fail()
            self.sig_failed.emit(exc.code, exc.detail)

        run_op(self, partial(self.services.staff.record, approval, detail=detail),
               lambda _entry: then(), on_error=failed, errors=(LedgerError,))

    def authorize(self, action: str, then: Callable[[Approval], None], *, detail: str = "",
                  percent: int = 0, parent=None) -> bool:
        """Run ``then(approval)`` if the user at the till may do ``action`` or someone who
        may approves it now. Returns False if nobody approved (nothing happens)."""
        staff = self.services.staff
        if not staff.needs_override(action, percent=percent):
            then(staff.own_approval(action, percent=percent))
            return True

        def approve(**credentials) -> Future:
            return self.services.writer.submit(staff.approve, action, percent=percent,
                                               **credentials)

        dialog = OverrideDialog(action, staff.required_role(action), detail, approve,
                                staff_message, parent)
        if not dialog.exec() or dialog.approval is None:
            return False
        then(dialog.approval)
        return True
