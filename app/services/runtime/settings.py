"""The terminal's preferences, each declared once: key, type, default, allowed values and
a description. No Qt.

Values live in the ledger's ``settings`` table as text under ``pref.<key>``, so they
stay with the terminal's data (one file to back up). Reading never fails: a missing
value is the default, a stored value that no longer passes its check is the default
too, with a warning logged once. Writing checks every value first: a bad one raises
:class:`SettingError` with a code and nothing is stored. A change emits
``setting_did_change(key=..., value=...)`` on :class:`app.services.events.Events`.

The descriptions are Chinese source text for Qt Linguist: the UI shows
``QCoreApplication.translate("Settings", pref.description)``; the local
``QT_TRANSLATE_NOOP`` marks them for ``pyside6-lupdate`` (app/ui/i18n_tool.py reads
this file too).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from app.config import DEFAULT_LANGUAGE, LANGUAGES
from app.domain.pins import LOCKOUT, MAX_FAILURES
from app.ledger.db import Ledger
from app.services.runtime.events import Event, Events
from hardware.config import (
    BAD_TEXT,
    BAD_TYPE,
    NOT_ALLOWED,
    OUT_OF_RANGE,
    TOO_LONG,
    UNKNOWN_KEY,
    SettingError,
)

logger = logging.getLogger(__name__)

PREFIX = "pref."
CHANGED = Event.SETTING_DID_CHANGE  # the event: key=..., value=...



def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's name)
    """Marks ``text`` for lupdate; translated where it is shown."""
    return text


@dataclass(frozen=True, slots=True)
class Pref:
    """One setting. ``kind`` is ``int`` or ``str``; ints have ``low``..``high``, a str
    with ``choices`` is one of them (``choice_words``: how the screen names each), other
    strs hold at most ``max_length`` printable characters."""

    key: str
    kind: type
    default: Any
    description: str  # Chinese source text, context "Settings"
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()
    choice_words: tuple[str, ...] = ()
    max_length: int = 0

    def check(self, value: Any) -> Any:
        """``value`` as this setting holds it; raises :class:`SettingError`."""
        if self.kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise SettingError(self.key, BAD_TYPE)
            if not self.low <= value <= self.high:
                raise SettingError(self.key, OUT_OF_RANGE, f"{self.low}-{self.high}")
            return value
        if not isinstance(value, str):
            raise SettingError(self.key, BAD_TYPE)
        if self.choices:
            if value not in self.choices:
                raise SettingError(self.key, NOT_ALLOWED, value)
            return value
        value = value.strip()
        if len(value) > self.max_length:
            raise SettingError(self.key, TOO_LONG, str(self.max_length))
        if not value.isprintable():
            raise SettingError(self.key, BAD_TEXT)
        return value

    def parse(self, text: str) -> Any:
        """A stored text back to a value; raises :class:`SettingError`."""
        if self.kind is int:
            try:
                return self.check(int(text.strip()))
            except ValueError:
                raise SettingError(self.key, BAD_TYPE) from None
        return self.check(text)

    def dump(self, value: Any) -> str:
        return str(value)


PREFS: tuple[Pref, ...] = (
    Pref("language", str, DEFAULT_LANGUAGE,
         QT_TRANSLATE_NOOP("Settings", "畫面語言 (下次啟動時生效；命令列 --language 優先)"),
         choices=LANGUAGES,
         choice_words=(QT_TRANSLATE_NOOP("Settings", "繁體中文"), "English")),
    Pref("auto_lock_minutes", int, 0,
         QT_TRANSLATE_NOOP("Settings", "閒置幾分鐘後自動鎖定收銀機 (0 = 不自動鎖定)"),
         low=0, high=240),
    Pref("usual_float", int, 0,
         QT_TRANSLATE_NOOP("Settings", "開班時預設的零用金 (元，0 = 不預填)"),
         low=0, high=100_000),
    Pref("receipt_footer", str, "謝謝光臨",
         QT_TRANSLATE_NOOP("Settings", "收據底部的文字 (空白 = 不印)"),
         max_length=40),
    Pref("print_language", str, DEFAULT_LANGUAGE,
         QT_TRANSLATE_NOOP("Settings", "收據、報表與匯出檔的語言 (立即生效)"),
         choices=LANGUAGES,
         choice_words=(QT_TRANSLATE_NOOP("Settings", "繁體中文"), "English")),
    Pref("lockout_failures", int, MAX_FAILURES,
         QT_TRANSLATE_NOOP("Settings", "PIN 連續輸入錯誤幾次後鎖定該員工"),
         low=3, high=10),
    Pref("lockout_minutes", int, int(LOCKOUT.total_seconds() // 60),
         QT_TRANSLATE_NOOP("Settings", "PIN 錯誤鎖定的分鐘數"),
         low=1, high=1440),
)
BY_KEY: dict[str, Pref] = {p.key: p for p in PREFS}


def pref(key: str) -> Pref:
    try:
        return BY_KEY[key]
    except KeyError:
        raise SettingError(key, UNKNOWN_KEY) from None


_warned: set[tuple[str, str]] = set()
_warned_lock = threading.Lock()


def _value(p: Pref, raw: str | None, where: str = "") -> Any:
    """The stored text as a value; the default when missing or bad (warned once per
    ledger ``where``, key and text)."""
    if raw is None:
        return p.default
    try:
        return p.parse(raw)
    except SettingError as exc:
        with _warned_lock:
            first = (where, p.key, raw) not in _warned
            _warned.add((where, p.key, raw))
        if first:
            logger.warning("stored setting %s ignored (%s), the default is used", p.key, exc.code)
        return p.default


def _stored(conn: Connection) -> dict[str, str]:
    rows = conn.exec_driver_sql("SELECT key, value FROM settings WHERE key LIKE 'pref.%'").all()
    return {k.removeprefix(PREFIX): v for k, v in rows}


def read_setting(ledger: Ledger, key: str) -> Any:
    """One setting straight from the ledger (for code that has the ledger, not the
    services: receipts, the staff check)."""
    p = pref(key)
    with ledger.read() as conn:
        raw = conn.exec_driver_sql("SELECT value FROM settings WHERE key = ?",
                                   (PREFIX + key,)).scalar_one_or_none()
    return _value(p, raw, str(ledger.path))


class Settings:
    """The terminal's preferences over its ledger. Reads from any thread; writes
    (:meth:`set`, :meth:`set_many`) on the ledger writer."""

    def __init__(self, ledger: Ledger, events: Events | None = None) -> None:
        self._ledger = ledger
        self._events = events

    def get(self, key: str) -> Any:
        return read_setting(self._ledger, key)

    def values(self) -> dict[str, Any]:
        """Every declared setting, by key, in declaration order."""
        with self._ledger.read() as conn:
            stored = _stored(conn)
        where = str(self._ledger.path)
        return {p.key: _value(p, stored.get(p.key), where) for p in PREFS}

    def set(self, key: str, value: Any) -> Any:
        """Check and store one value (see :meth:`set_many`)."""
        return self.set_many({key: value})[key]

    def set_many(self, values: Mapping[str, Any], *,
                 audit: Callable[[Connection, dict[str, Any]], Any] | None = None
                 ) -> dict[str, Any]:
        """Check every value, then store them in one transaction (a value equal to its
        default is kept as no row, so it follows the default). ``audit(conn, changed)``
        runs in that transaction when a value changed. Returns the checked values; emits
        ``setting_did_change`` per changed key after the commit. Raises
        :class:`SettingError` (the first bad value) with nothing stored."""
        checked = {key: pref(key).check(value) for key, value in values.items()}
        with self._ledger.write() as conn:
            stored = _stored(conn)
            changed = {}
            for key, value in checked.items():
                p = BY_KEY[key]
                if value != _value(p, stored.get(key), str(self._ledger.path)):
                    changed[key] = value
                if value == p.default:
                    if key in stored:
                        conn.exec_driver_sql("DELETE FROM settings WHERE key = ?",
                                             (PREFIX + key,))
                elif stored.get(key) != p.dump(value):
                    conn.exec_driver_sql(
                        "INSERT INTO settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        (PREFIX + key, p.dump(value)))
            if changed and audit is not None:
                audit(conn, changed)
        for key, value in changed.items():
            logger.info("setting %s changed to %r", key, value)
            if self._events is not None:
                self._events.emit(CHANGED, key=key, value=value)
        return checked
