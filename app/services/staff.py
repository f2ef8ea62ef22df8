"""Who is at the till: staff users, PIN login with lockout, manager overrides, the audit log.

Users come from HQ (feed changes of kind ``user``, applied by the sync store) or, on
a terminal with no users at all, from the first-run bootstrap manager. PINs are
only ever kept as scrypt hashes (:mod:`app.domain.pins`). Five wrong PINs lock a
user for 15 minutes (the settings ``lockout_failures`` and ``lockout_minutes``); while locked, no PIN is even checked, so the lock cannot be
used to guess.

Some actions need a higher role than a cashier's (:data:`REQUIRED_ROLE`): when the
person logged in has it, they approve it themselves (method ``role``); otherwise a
supervisor or manager approves it with their PIN or by scanning their staff card
(methods ``pin``, ``card``). Every approved action is written to the append-only
``audit_log`` with who was logged in, who approved, how, when and on what, together
with an outbox event for HQ; where the action is itself a ledger write (a return, a
reprint, a no-sale drawer open), in the same transaction (:func:`write_audit`).

Errors are :class:`StaffError` with a code; the UI turns codes into words.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from app.domain.errors import CodedError
from app.domain.pins import LOCKOUT, MAX_FAILURES, PinError, check_pin, hash_pin, verify_pin
from app.domain.roles import CASHIER, MANAGER, SUPERVISOR, may
from app.domain.store_time import STORE_TZ, utc_now
from app.ledger.db import Ledger
from app.services.documents.audit import write_audit
from app.services.runtime.terminal import TerminalInfo

logger = logging.getLogger(__name__)


# actions that need approval above a cashier, and the role that may approve them
VOID_AFTER_TENDER = "void_after_tender"  # cancel payments already taken
REFUND = "refund"
PRICE_OVERRIDE = "price_override"
DISCOUNT_OVER_LIMIT = "discount_over_limit"  # a manual discount beyond the cashier's limit
NO_SALE = "no_sale"  # open the drawer without a sale
REPRINT = "reprint"
CASH_OUT = "cash_out"  # take cash out of the drawer during a shift
Z_REPORT = "z_report"  # close the day
SETTINGS = "settings"  # change the terminal's settings (app/services/runtime/settings.py)
REQUIRED_ROLE = {
    VOID_AFTER_TENDER: SUPERVISOR,
    PRICE_OVERRIDE: SUPERVISOR,
    NO_SALE: SUPERVISOR,
    REPRINT: SUPERVISOR,
    DISCOUNT_OVER_LIMIT: SUPERVISOR,  # and within the approver's own limit (managers: any)
    REFUND: MANAGER,
    CASH_OUT: SUPERVISOR,
    Z_REPORT: SUPERVISOR,
    SETTINGS: MANAGER,
}
# audit-only actions (no approval needed): who was at the till
LOGIN, LOGOUT = "login", "logout"


# StaffError codes
UNKNOWN_USER = "unknown_user"
WRONG_PIN = "wrong_pin"  # detail: attempts left before the lock
USER_LOCKED = "user_locked"  # detail: local time the lock ends, HH:MM
USER_INACTIVE = "user_inactive"
PIN_FORMAT = "pin_format"
PIN_MISMATCH = "pin_mismatch"  # the two PINs typed at set-up differ
BAD_USER_ID = "bad_user_id"
BOOTSTRAP_DONE = "bootstrap_done"  # users exist: the first-run manager is not offered again
NOT_ALLOWED = "not_allowed"  # detail: the role it needs
UNKNOWN_CARD = "unknown_card"
NOT_LOGGED_IN = "not_logged_in"
BAD_HASH = "bad_pin_hash"  # the stored hash is unusable: nobody can log in with it


class StaffError(CodedError):
    """A login, approval or staff change refused: ``code`` says why."""


@dataclass(frozen=True, slots=True)
class StaffUser:
    user_id: str
    name: str
    role: str
    discount_limit: int = 0  # percent of a sale this user may take off without approval
    source: str = "hq"

    @property
    def label(self) -> str:
        """How the screen names them: ``王小明 (C001)``."""
        return f"{self.name} ({self.user_id})" if self.name else self.user_id

    def may(self, action: str, *, percent: int = 0) -> bool:
        """Whether this user's role covers ``action`` (for a discount, also their limit)."""
        if action == DISCOUNT_OVER_LIMIT:
            return self.role == MANAGER or percent <= self.discount_limit
        need = REQUIRED_ROLE.get(action)
        return may(self.role, need)


@dataclass(frozen=True, slots=True)
class Approval:
    """An action allowed for the person at the till, by ``approver``."""

    action: str
    user: StaffUser  # logged in at the till
    approver: StaffUser
    method: str  # role / pin / card
    percent: int = 0  # a discount's size, for the record


_SELECT_USER = (
    "SELECT u.user_id, u.name, u.role, u.discount_limit, u.source, u.pin_hash, u.active,"
    " a.failures, a.locked_until FROM users u LEFT JOIN user_auth a ON a.user_id = u.user_id"
)
_UPSERT_AUTH = (
    "INSERT INTO user_auth (user_id, failures, locked_until, last_login_at)"
    " VALUES (:user_id, :failures, :locked_until, :last_login_at)"
    " ON CONFLICT(user_id) DO UPDATE SET failures = excluded.failures,"
    " locked_until = excluded.locked_until,"
    " last_login_at = coalesce(excluded.last_login_at, user_auth.last_login_at)"
)


def audit_approval(conn: Connection, terminal: TerminalInfo, approval: Approval, *,
                   doc_ref: str = "", detail: Mapping[str, Any] | None = None,
                   at: str = "") -> str:
    """The audit entry of an approved action, inside the action's own transaction."""
    more = dict(detail or {})
    if approval.percent:
        more.setdefault("percent", approval.percent)
    return write_audit(conn, terminal, approval.action, user_id=approval.user.user_id,
                       approved_by=approval.approver.user_id, method=approval.method,
                       doc_ref=doc_ref, detail=more, at=at)


def _user(row: Mapping) -> StaffUser:
    return StaffUser(row["user_id"], row["name"], row["role"], row["discount_limit"],
                     row["source"])


class Staff:
    """The users of this terminal and who is logged in now.

    Writes (failures, lockout, audit) run on the caller's thread: call from the ledger
    writer. ``current`` is read by the UI thread; it changes only through this object.
    """

    def __init__(self, ledger: Ledger, terminal: Callable[[], TerminalInfo], *,
                 now: Callable[[], datetime] = utc_now, settings=None) -> None:  # noqa: ANN001
        self._ledger = ledger
        self._settings = settings  # app.services.settings.Settings: the lockout policy
        self._terminal = terminal
        self._now = now
        self._lock = threading.Lock()
        self.current: StaffUser | None = None

    # --- users ---------------------------------------------------------------------------
    def users(self, *, active_only: bool = True) -> list[StaffUser]:
        sql = _SELECT_USER + (" WHERE u.active = 1" if active_only else "") + " ORDER BY u.user_id"
        with self._ledger.read() as conn:
            return [_user(r) for r in conn.exec_driver_sql(sql).mappings()]

    def has_users(self) -> bool:
        with self._ledger.read() as conn:
            return conn.exec_driver_sql("SELECT 1 FROM users LIMIT 1").first() is not None

    def bootstrap_manager(self, user_id: str, name: str, pin: str, pin_again: str) -> StaffUser:
        """The first manager of a terminal that has no users yet (first run, offline or
        before HQ's users arrive). Kept as a local user; HQ's record of the same id wins."""
        user_id = user_id.strip().upper()
        if not user_id or len(user_id) > 32 or not user_id.isascii() or not user_id.isalnum():
            raise StaffError(BAD_USER_ID, user_id)
        try:
            check_pin(pin)
        except PinError as exc:
            raise StaffError(PIN_FORMAT) from exc
        if pin != pin_again:
            raise StaffError(PIN_MISMATCH)
        pin_hash = hash_pin(pin)  # slow: outside the transaction
        user = StaffUser(user_id, name.strip() or user_id, MANAGER, 100, "local")
        with self._ledger.write() as conn:
            if conn.exec_driver_sql("SELECT 1 FROM users LIMIT 1").first() is not None:
                raise StaffError(BOOTSTRAP_DONE)
            conn.exec_driver_sql(
                "INSERT INTO users (user_id, name, role, pin_hash, card_code, discount_limit,"
                " active, source, updated_at) VALUES (?, ?, ?, ?, NULL, ?, 1, 'local', ?)",
                (user.user_id, user.name, MANAGER, pin_hash, 100, self._iso()))
            write_audit(conn, self._terminal(), "bootstrap_manager", user_id=user.user_id,
                        approved_by=user.user_id, method="local")
        logger.info("first-run manager %s created", user.user_id)
        return user

    def user_for_code(self, code: str) -> str | None:
        """The active user whose staff card (or staff number) this scan is."""
        code = code.strip()
        with self._ledger.read() as conn:
            row = conn.exec_driver_sql(
                "SELECT user_id FROM users WHERE active = 1 AND (card_code = ? OR user_id = ?)",
                (code, code.upper())).first()
        return row[0] if row else None

    # --- login ---------------------------------------------------------------------------
    def login(self, user_id: str, pin: str) -> StaffUser:
        """Check the PIN (lockout after :data:`MAX_FAILURES`) and make them the user at
        the till. Raises :class:`StaffError`; a wrong PIN is counted, nothing else changes."""
        user = self._check_pin(user_id, pin)
        with self._ledger.write() as conn:
            write_audit(conn, self._terminal(), LOGIN, user_id=user.user_id,
                        approved_by=user.user_id, method="pin")
        with self._lock:
            self.current = user
        logger.info("%s logged in", user.user_id)
        return user

    def logout(self) -> None:
        with self._lock:
            user, self.current = self.current, None
        if user is not None:
            with self._ledger.write() as conn:
                write_audit(conn, self._terminal(), LOGOUT, user_id=user.user_id,
                            approved_by=user.user_id, method="role")
            logger.info("%s logged out", user.user_id)

    def _row(self, conn: Connection, where: str, value: str) -> Mapping | None:
        return conn.exec_driver_sql(_SELECT_USER + f" WHERE {where} = ?", (value,)).mappings().first()

    def _check_pin(self, user_id: str, pin: str) -> StaffUser:
        user_id = (user_id or "").strip().upper()
        now = self._now()
        with self._ledger.read() as conn:
            row = self._row(conn, "u.user_id", user_id)
        if row is None:
            raise StaffError(UNKNOWN_USER, user_id)
        if not row["active"]:
            raise StaffError(USER_INACTIVE, user_id)
        locked = row["locked_until"]
        if locked and datetime.fromisoformat(locked) > now:
            raise StaffError(USER_LOCKED, self._local_hhmm(locked))
        try:
            ok = verify_pin(pin, row["pin_hash"])
        except PinError as exc:
            logger.error("user %s has an unusable PIN hash", user_id)
            raise StaffError(BAD_HASH, user_id) from exc
        failures = 0 if locked else (row["failures"] or 0)  # a lock that ran out starts anew
        if not ok:
            failures += 1
            max_failures, lockout = self._lockout_policy()
            until = (now + lockout).isoformat() if failures >= max_failures else None
            with self._ledger.write() as conn:
                conn.exec_driver_sql(_UPSERT_AUTH, {
                    "user_id": user_id, "failures": 0 if until else failures,
                    "locked_until": until, "last_login_at": None})
                if until:
                    write_audit(conn, self._terminal(), "user_locked", user_id=user_id,
                                approved_by="", method="pin", detail={"until": until})
            if until:
                logger.warning("user %s locked after %d wrong PINs", user_id, max_failures)
                raise StaffError(USER_LOCKED, self._local_hhmm(until))
            raise StaffError(WRONG_PIN, str(max_failures - failures))
        with self._ledger.write() as conn:
            conn.exec_driver_sql(_UPSERT_AUTH, {"user_id": user_id, "failures": 0,
                                                "locked_until": None,
                                                "last_login_at": now.isoformat()})
        return _user(row)

    # --- overrides -----------------------------------------------------------------------
    def required_role(self, action: str) -> str:
        return REQUIRED_ROLE.get(action, CASHIER)

    def needs_override(self, action: str, *, percent: int = 0) -> bool:
        """Whether the person logged in needs someone else's approval for ``action``."""
        user = self.current
        return user is None or not user.may(action, percent=percent)

    def own_approval(self, action: str, *, percent: int = 0) -> Approval:
        """The logged-in user approves ``action`` by their role (they may)."""
        user = self.current
        if user is None:
            raise StaffError(NOT_LOGGED_IN)
        if not user.may(action, percent=percent):
            raise StaffError(NOT_ALLOWED, self.required_role(action))
        return Approval(action, user, user, "role", percent)

    def approve(self, action: str, *, user_id: str = "", pin: str = "", card: str = "",
                percent: int = 0) -> Approval:
        """A supervisor or manager approves ``action`` for the person at the till, by
        PIN (counted towards their lockout like a login) or by their staff card."""
        at_till = self.current
        if at_till is None:
            raise StaffError(NOT_LOGGED_IN)
        if card:
            with self._ledger.read() as conn:
                row = self._row(conn, "u.card_code", card.strip())
            if row is None:
                raise StaffError(UNKNOWN_CARD)
            if not row["active"]:
                raise StaffError(USER_INACTIVE, row["user_id"])
            approver, method = _user(row), "card"
        else:
            approver, method = self._check_pin(user_id, pin), "pin"
        if not approver.may(action, percent=percent) or (
                action in REQUIRED_ROLE and approver.role == CASHIER):
            raise StaffError(NOT_ALLOWED, self.required_role(action))
        logger.info("%s approved %s for %s (%s)", approver.user_id, action, at_till.user_id, method)
        return Approval(action, at_till, approver, method, percent)

    def record(self, approval: Approval, *, doc_ref: str = "",
               detail: Mapping[str, Any] | None = None) -> str:
        """Write the audit entry of an action that is not a ledger document (payments
        cancelled, a price overridden in the open cart)."""
        with self._ledger.write() as conn:
            return audit_approval(conn, self._terminal(), approval, doc_ref=doc_ref,
                                  detail=detail)

    def audit_log(self, *, limit: int = 200) -> list[dict]:
        """The newest audit entries first (for the manager and the tests)."""
        with self._ledger.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?", (limit,)
            ).mappings().all()
        return [{**r, "detail": json.loads(r["detail"])} for r in rows]

    # --- helpers -------------------------------------------------------------------------
    def _lockout_policy(self) -> tuple[int, timedelta]:
        """How many wrong PINs lock a user, and for how long (the settings, else the
        defaults above)."""
        if self._settings is None:
            return MAX_FAILURES, LOCKOUT
        return (self._settings.get("lockout_failures"),
                timedelta(minutes=self._settings.get("lockout_minutes")))

    def _iso(self) -> str:
        return self._now().isoformat(timespec="milliseconds")

    @staticmethod
    def _local_hhmm(iso: str) -> str:
        return datetime.fromisoformat(iso).astimezone(STORE_TZ).strftime("%H:%M")
