"""The terminal's settings: declared once, stored with its data, checked on write, and
followed by the receipt and the PIN lockout."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from app.services import staff
from app.services.runtime import settings as st
from app.services.runtime.settings import PREFS, SettingError, Settings
from app.services.staff import StaffError
from tests.support.waiting import wait_for
from tests.test_staff import add_user


def stored(services) -> dict[str, str]:
    return dict(sqlite3.connect(services.ledger.path).execute(
        "SELECT key, value FROM settings WHERE key LIKE 'pref.%'").fetchall())


def corrupt(services, key: str, raw: str) -> None:
    with services.ledger.write() as conn:
        conn.exec_driver_sql("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                             (f"pref.{key}", raw))


def test_every_setting_is_declared_once_with_a_default_it_accepts():
    keys = [p.key for p in PREFS]
    assert len(keys) == len(set(keys))
    assert {"language", "auto_lock_minutes", "usual_float", "receipt_footer",
            "lockout_failures", "lockout_minutes"} <= set(keys)
    for p in PREFS:
        assert type(p.default) is p.kind, p.key
        assert p.check(p.default) == p.default, p.key  # within its range or choices
        assert p.parse(p.dump(p.default)) == p.default, p.key
        assert p.description.strip(), p.key
        if p.kind is int:
            assert p.low is not None and p.high is not None and p.low <= p.high
        if p.choices:
            assert len(p.choice_words) == len(p.choices)
    assert st.BY_KEY["lockout_failures"].default == staff.MAX_FAILURES
    assert st.BY_KEY["lockout_minutes"].default * 60 == staff.LOCKOUT.total_seconds()
    assert st.BY_KEY["receipt_footer"].default == "謝謝光臨"


def test_defaults_until_set_then_the_stored_value_round_trips(bare_services):
    settings = bare_services.settings
    assert settings.values() == {p.key: p.default for p in PREFS}
    assert stored(bare_services) == {}  # a default is not written down
    settings.set_many({"language": "en", "auto_lock_minutes": 5, "usual_float": 3000,
                       "receipt_footer": "  歡迎再來 OMO  "})
    assert stored(bare_services) == {"pref.language": "en", "pref.auto_lock_minutes": "5",
                                     "pref.usual_float": "3000",
                                     "pref.receipt_footer": "歡迎再來 OMO"}
    again = Settings(bare_services.ledger)  # as after a restart
    assert again.get("language") == "en" and again.get("auto_lock_minutes") == 5
    assert again.get("receipt_footer") == "歡迎再來 OMO"
    settings.set("usual_float", 0)  # back to the default: it follows the default again
    assert "pref.usual_float" not in stored(bare_services)
    assert again.get("usual_float") == 0


@pytest.mark.parametrize(("key", "value", "code"), [
    ("language", "fr", st.NOT_ALLOWED),
    ("language", 1, st.BAD_TYPE),
    ("auto_lock_minutes", -1, st.OUT_OF_RANGE),
    ("auto_lock_minutes", 241, st.OUT_OF_RANGE),
    ("auto_lock_minutes", "5", st.BAD_TYPE),
    ("auto_lock_minutes", True, st.BAD_TYPE),
    ("lockout_failures", 2, st.OUT_OF_RANGE),
    ("usual_float", 1.5, st.BAD_TYPE),
    ("receipt_footer", "謝" * 41, st.TOO_LONG),
    ("receipt_footer", "謝謝\n光臨", st.BAD_TEXT),
    ("no_such_setting", 1, st.UNKNOWN_KEY),
])
def test_a_bad_value_is_refused_with_a_code_and_nothing_is_stored(bare_services, key, value,
                                                                 code):
    seen = []
    bare_services.events.subscribe(st.CHANGED, lambda **kw: seen.append(kw))
    with pytest.raises(SettingError) as err:  # good values with it are not stored either
        bare_services.settings.set_many({"usual_float": 2000, key: value})
    assert (err.value.key, err.value.code) == (key, code)
    assert stored(bare_services) == {} and seen == []


@pytest.mark.allow_warnings  # the corrupt value is logged as a warning
def test_a_corrupt_stored_value_falls_back_to_the_default_with_a_warning(bare_services,
                                                                        caplog):
    corrupt(bare_services, "lockout_minutes", "fifteen")
    corrupt(bare_services, "language", "klingon")
    settings = bare_services.settings
    assert settings.get("lockout_minutes") == 15
    assert settings.values()["language"] == "zh_TW"
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("lockout_minutes" in w and "bad_type" in w for w in warnings)
    assert any("language" in w and "not_allowed" in w for w in warnings)
    settings.get("lockout_minutes")
    assert len([r for r in caplog.records if "lockout_minutes" in r.getMessage()]) == 1  # once
    settings.set("lockout_minutes", 30)  # a good value replaces the bad one
    assert settings.get("lockout_minutes") == 30


def test_a_change_is_an_event_and_an_unchanged_value_is_not(bare_services):
    seen = []
    bare_services.events.subscribe(st.CHANGED, lambda **kw: seen.append(kw))
    settings = bare_services.settings
    settings.set_many({"auto_lock_minutes": 3, "language": "zh_TW"})  # the language is as it was
    assert seen == [{"key": "auto_lock_minutes", "value": 3}]
    settings.set("auto_lock_minutes", 3)
    assert len(seen) == 1


def test_the_audit_hook_runs_in_the_same_transaction_only_for_a_change(bare_services):
    calls = []
    settings = bare_services.settings
    settings.set_many({"usual_float": 500}, audit=lambda conn, changed: calls.append(changed))
    settings.set_many({"usual_float": 500}, audit=lambda conn, changed: calls.append(changed))
    assert calls == [{"usual_float": 500}]

    def fail(conn, changed):
        raise RuntimeError("audit failed")

    with pytest.raises(RuntimeError):
        settings.set_many({"usual_float": 900}, audit=fail)
    assert settings.get("usual_float") == 500  # rolled back with it


def test_the_receipt_footer_is_printed_on_sale_receipts(services, demo_products, printer_file):
    services.settings.set("receipt_footer", "歡迎再來 OMO")
    checkout = services.checkout
    checkout.scan(demo_products[0].barcode)
    checkout.pay_exact_cash()
    checkout.begin_commit()
    sale = checkout.commit()
    checkout.end_commit(sale)
    services.sale_did_commit()
    text = services.receipt_text(sale.sale_id)
    assert text.rstrip().splitlines()[-1].strip() == "歡迎再來 OMO" and "謝謝光臨" not in text
    wait_for(lambda: printer_file.exists()
             and "歡迎再來 OMO".encode("cp950") in printer_file.read_bytes())
    services.settings.set("receipt_footer", "")  # empty: no footer at all
    assert "歡迎再來" not in services.receipt_text(sale.sale_id)


@pytest.mark.allow_warnings  # the lock is logged as a warning
def test_lockout_follows_the_settings(bare_services):
    add_user(bare_services, "C001", "cashier", "0000")
    bare_services.settings.set_many({"lockout_failures": 3, "lockout_minutes": 60})
    now = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    bare_services.staff._now = lambda: now
    for left in ("2", "1"):
        with pytest.raises(StaffError) as err:
            bare_services.login("C001", "9999")
        assert (err.value.code, err.value.detail) == (staff.WRONG_PIN, left)
    with pytest.raises(StaffError) as err:
        bare_services.login("C001", "9999")
    assert (err.value.code, err.value.detail) == (staff.USER_LOCKED, "11:00")  # Taipei, +60 min


def test_the_language_setting_is_used_at_start_unless_the_command_line_says_otherwise(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from app.config import build_parser

    assert build_parser().parse_args([]).language is None  # None: the setting decides
    data = tmp_path / "data"
    root = Path(__file__).resolve().parent.parent

    def start(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data), *args],
                              cwd=root, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        log = (data / "logs" / "terminal.log").read_text(encoding="utf-8")
        return [ln for ln in log.splitlines() if "app.ui.i18n: language" in ln][-1]

    assert "language zh_TW" in start("--quit-when-ready")
    with sqlite3.connect(data / "ledger.sqlite3") as con:
        con.execute("INSERT INTO settings (key, value) VALUES ('pref.language', 'en')")
    assert "language en" in start("--quit-when-ready")
    assert "language zh_TW" in start("--quit-when-ready", "--language", "zh_TW")
