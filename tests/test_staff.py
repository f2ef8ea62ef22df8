"""Staff at the terminal: PIN login and lockout, HQ's users, overrides and the audit log."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.pins import hash_pin, verify_pin
from app.services import staff as st
from app.services.staff import StaffError
from sync import protocol


@pytest.fixture
def services(bare_services):
    """Nobody logged in, no users: each test makes the staff it needs."""
    return bare_services


def db(services) -> sqlite3.Connection:
    return sqlite3.connect(services.ledger.path)


def add_user(services, user_id, role, pin, *, card=None, limit=0, active=True):
    """A user as HQ publishes it: through a feed change, applied by the sync store."""
    from app.services.records.sync_store import _apply_user

    with services.ledger.write() as conn:
        _apply_user(conn, {"user_id": user_id, "name": f"{role} {user_id}", "role": role,
                           "pin_hash": hash_pin(pin, log2_n=12), "card_code": card,
                           "discount_limit": limit, "active": active,
                           "updated_at": "2026-12-01T00:00:00Z"}, set())


@pytest.fixture
def staffed(services):
    add_user(services, "C001", "cashier", "0000", limit=10)
    add_user(services, "V001", "supervisor", "2345", card="STAFF-V001", limit=20)
    add_user(services, "M001", "manager", "1234", card="STAFF-M001")
    return services


def audit_rows(services):
    return db(services).execute(
        "SELECT action, user_id, approved_by, method, doc_ref FROM audit_log ORDER BY id").fetchall()


def test_bootstrap_manager_only_on_a_terminal_without_users(services):
    staff = services.staff
    assert not staff.has_users()
    for args, code in ((("m 1", "店長", "1234", "1234"), st.BAD_USER_ID),
                       (("M001", "店長", "12", "12"), st.PIN_FORMAT),
                       (("M001", "店長", "12ab", "12ab"), st.PIN_FORMAT),
                       (("M001", "店長", "1234", "1235"), st.PIN_MISMATCH)):
        with pytest.raises(StaffError) as err:
            staff.bootstrap_manager(*args)
        assert err.value.code == code
    assert not staff.has_users()  # nothing written by a refused set-up
    user = staff.bootstrap_manager("m001", "林店長", "1234", "1234")
    assert (user.user_id, user.role, user.source) == ("M001", "manager", "local")
    stored = db(services).execute("SELECT pin_hash FROM users").fetchone()[0]
    assert "1234" not in stored and verify_pin("1234", stored)
    with pytest.raises(StaffError) as err:
        staff.bootstrap_manager("M002", "又一位", "5678", "5678")
    assert err.value.code == st.BOOTSTRAP_DONE


def test_login_names_the_cashier_on_the_documents(staffed):
    user = staffed.login("c001", "0000")
    assert user.role == "cashier" and staffed.staff.current == user
    assert staffed.terminal.cashier == "C001" and staffed.checkout.terminal.cashier == "C001"
    staffed.logout()
    assert staffed.staff.current is None
    actions = [r[:2] for r in audit_rows(staffed)]
    assert actions == [("login", "C001"), ("logout", "C001")]
    kinds = db(staffed).execute("SELECT kind FROM outbox").fetchall()
    assert kinds == [(protocol.AUDIT_RECORDED,)] * 2


@pytest.mark.allow_warnings  # the lock is logged as a warning
def test_wrong_pins_lock_the_user_and_a_lock_cannot_be_guessed_through(staffed):
    now = [datetime(2026, 12, 1, 2, 0, tzinfo=UTC)]
    staffed.staff._now = lambda: now[0]
    for left in (4, 3, 2, 1):
        with pytest.raises(StaffError) as err:
            staffed.login("C001", "9999")
        assert (err.value.code, err.value.detail) == (st.WRONG_PIN, str(left))
    with pytest.raises(StaffError) as err:
        staffed.login("C001", "9999")
    assert err.value.code == st.USER_LOCKED and err.value.detail == "10:15"  # Taipei time
    with pytest.raises(StaffError) as err:  # the right PIN does not get in while locked
        staffed.login("C001", "0000")
    assert err.value.code == st.USER_LOCKED
    assert staffed.staff.current is None
    now[0] += timedelta(minutes=16)
    assert staffed.login("C001", "0000").user_id == "C001"
    failures = db(staffed).execute("SELECT failures, locked_until FROM user_auth").fetchone()
    assert failures == (0, None)
    assert [r[0] for r in audit_rows(staffed)] == ["user_locked", "login"]


def test_unknown_and_inactive_users_are_refused(staffed):
    add_user(staffed, "C009", "cashier", "0000", active=False)
    for user_id, code in (("NOBODY", st.UNKNOWN_USER), ("C009", st.USER_INACTIVE)):
        with pytest.raises(StaffError) as err:
            staffed.login(user_id, "0000")
        assert err.value.code == code
    assert staffed.staff.current is None and audit_rows(staffed) == []


def test_roles_decide_who_needs_an_override(staffed):
    staffed.login("C001", "0000")
    staff = staffed.staff
    for action in st.REQUIRED_ROLE:
        assert staff.needs_override(action, percent=50)
    assert not staff.needs_override(st.DISCOUNT_OVER_LIMIT, percent=10)  # within C001's limit
    with pytest.raises(StaffError) as err:  # a cashier cannot approve for a cashier
        staff.approve(st.REPRINT, user_id="C001", pin="0000")
    assert err.value.code == st.NOT_ALLOWED
    with pytest.raises(StaffError) as err:  # refunds need a manager
        staff.approve(st.REFUND, user_id="V001", pin="2345")
    assert (err.value.code, err.value.detail) == (st.NOT_ALLOWED, "manager")
    with pytest.raises(StaffError) as err:  # beyond the supervisor's own discount limit
        staff.approve(st.DISCOUNT_OVER_LIMIT, card="STAFF-V001", percent=30)
    assert err.value.code == st.NOT_ALLOWED
    ok = staff.approve(st.DISCOUNT_OVER_LIMIT, card="STAFF-V001", percent=20)
    assert (ok.approver.user_id, ok.method, ok.user.user_id) == ("V001", "card", "C001")
    refund = staff.approve(st.REFUND, user_id="M001", pin="1234")
    assert refund.method == "pin" and refund.approver.role == "manager"
    with pytest.raises(StaffError) as err:
        staff.approve(st.REFUND, card="NOT-A-CARD")
    assert err.value.code == st.UNKNOWN_CARD
    with pytest.raises(StaffError) as err:
        staff.approve(st.REFUND, user_id="M001", pin="0000")
    assert (err.value.code, err.value.detail) == (st.WRONG_PIN, "4")


def test_every_override_is_in_the_audit_log_with_its_document(staffed, demo_products):
    from app.domain.cart import Cart, ProductInfo
    from app.services.documents.sales import record_sale

    staffed.login("C001", "0000")
    staff = staffed.staff
    p = demo_products[0]
    cart = Cart()
    cart.add(ProductInfo(p.sku, p.name, p.price, p.barcode, p.category), 2)
    cart.pay("cash", 1000)
    sale = staffed.writer.run(record_sale, staffed.ledger, staffed.terminal, cart)
    refund = staff.approve(st.REFUND, user_id="M001", pin="1234")
    done = staffed.writer.run(lambda: staffed.record_return(sale.sale_id, {1: 1}, approval=refund))
    reprint = staff.approve(st.REPRINT, card="STAFF-V001")
    assert staffed.reprint(sale.receipt_no, approval=reprint) == sale.receipt_no
    drawer = staff.approve(st.NO_SALE, user_id="V001", pin="2345")
    staffed.writer.run(staffed.open_drawer, "換零錢", drawer)
    void = staff.approve(st.VOID_AFTER_TENDER, card="STAFF-M001")
    staff.record(void, detail={"payments": [["cash", 500]]})
    rows = [r for r in audit_rows(staffed) if r[0] != "login"]
    drawer_id = db(staffed).execute("SELECT id FROM drawer_opens").fetchone()[0]
    assert rows == [
        ("refund", "C001", "M001", "pin", done.receipt_no),
        ("reprint", "C001", "V001", "card", sale.receipt_no),
        ("no_sale", "C001", "V001", "pin", drawer_id),
        ("void_after_tender", "C001", "M001", "card", ""),
    ]
    con = db(staffed)
    assert con.execute("SELECT cashier, approved_by FROM returns").fetchone() == ("C001", "M001")
    assert con.execute("SELECT cashier, approved_by FROM drawer_opens").fetchone() == ("C001", "V001")
    assert con.execute("SELECT cashier FROM sales").fetchone() == ("C001",)
    events = [json.loads(p) for (p,) in con.execute(
        "SELECT payload FROM outbox WHERE kind = ? ORDER BY id", (protocol.AUDIT_RECORDED,))]
    assert [e["action"] for e in events] == ["login", "refund", "reprint", "no_sale",
                                             "void_after_tender"]
    assert events[1]["detail"] == {"sale_id": sale.sale_id, "lines": {"1": 1}}


@pytest.mark.allow_warnings  # the ledger logs the refused write
def test_the_audit_log_is_append_only(staffed):
    from app.ledger.errors import LedgerError

    staffed.login("M001", "1234")
    for sql in ("UPDATE audit_log SET approved_by = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(LedgerError), staffed.ledger.write() as conn:
            conn.exec_driver_sql(sql)
    assert len(audit_rows(staffed)) == 1


def test_a_user_from_hq_with_an_unusable_hash_refuses_the_batch(services):
    from app.services.records.sync_store import _apply_user
    from sync.protocol import ProtocolError

    with pytest.raises(ProtocolError), services.ledger.write() as conn:
        _apply_user(conn, {"user_id": "C001", "name": "x", "role": "cashier",
                           "pin_hash": "plain:0000"}, set())
    assert not services.staff.has_users()
