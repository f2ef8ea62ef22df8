"""The member panel in the real window: not found, register offline, attach, earn."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import Qt

from app.ui import checkout_member

RULES = {"schema": 1, "earn": {"spend_per_point": 10},
         "redeem": {"points_per_dollar": 10, "min_points": 100, "max_share_percent": 50},
         "stored_value": {"max_balance": 10000, "min_top_up": 100}}


def test_register_attach_and_earn(qtbot, window, services, demo_products, monkeypatch):
    with services.ledger.write() as conn:  # HQ's rules, as the feed would deliver them
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('loyalty.rules', ?)",
                             (json.dumps(RULES),))
    window.add_code(next(p for p in demo_products if p.sku == "D0009").barcode)

    seen = {}

    def drive(dialog):
        dialog.query.setText("0912abc")
        dialog.on_ok_clicked()
        seen["bad"] = dialog.info.text()
        dialog.query.setText("0912-345-678")
        dialog.on_ok_clicked()  # not found: asks for a name
        seen["ask"] = dialog.info.text()
        dialog.name.setText("王小明")
        dialog.on_ok_clicked()  # registers, offline, and attaches
        qtbot.waitUntil(lambda: dialog.chosen is not None)
        return 1

    monkeypatch.setattr(checkout_member.MemberDialog, "exec", drive)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert "手機號碼格式不正確" in seen["bad"] and "輸入姓名" in seen["ask"]
    assert window.totals.member.text() == "王小明"

    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.checkout.last_sale is not None)
    sale = window.checkout.last_sale
    assert sale.points_earned == sale.total // 10
    assert window.totals.member.text() != "王小明"  # the next sale starts without a member
    con = sqlite3.connect(services.ledger.path)
    member_id = con.execute("SELECT member_id FROM members WHERE phone = '0912345678'").fetchone()[0]
    assert con.execute("SELECT member_id FROM sales").fetchone()[0] == member_id
    assert con.execute("SELECT type, amount FROM member_events").fetchall() == [
        ("PointsEarned", sale.points_earned)]

    # a known member is found by phone and shows their points (HQ's + not yet sent)
    def find(dialog):
        dialog.query.setText("0912345678")
        dialog.on_ok_clicked()
        seen["found"] = dialog.info.text()
        dialog.on_ok_clicked()
        return 1

    monkeypatch.setattr(checkout_member.MemberDialog, "exec", find)
    window.add_code(next(p for p in demo_products if p.sku == "D0001").barcode)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert f"點數 {sale.points_earned}" in seen["found"]
    assert window.checkout.cart.member.member_id == member_id


def test_wallet_coupon_and_recent_purchases(qtbot, window, services, demo_pricing, demo_products,
                                            monkeypatch):
    from datetime import UTC, datetime

    from app.domain.member_codes import issue_coupon
    from sync.protocol import SigningKey

    hq = SigningKey.generate()
    later = int(datetime(2030, 1, 1, tzinfo=UTC).timestamp())
    code = issue_coupon(hq.private, "W1", "DAIRY15", "M1", later)
    with services.ledger.write() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('sync.public_key', ?)",
                             (hq.public.hex(),))
        conn.exec_driver_sql(
            "INSERT INTO members (member_id, phone, name, tier, points, stored_value, updated_at)"
            " VALUES ('M1', '0912345678', '王小明', '', 0, 0, '')")
        conn.exec_driver_sql(
            "INSERT INTO member_coupons VALUES ('W1', 'M1', ?, 'DAIRY15', '2030-01-01T00:00:00Z', 0)",
            (code,))
    milk = next(p for p in demo_products if p.sku == "M0001")
    window.add_code(milk.barcode)
    seen = {}

    def pick(dialog):
        dialog.query.setText("0912345678")
        dialog.on_ok_clicked()
        seen["wallet"] = [dialog.wallet.item(i).text() for i in range(dialog.wallet.count())]
        dialog.wallet.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.on_ok_clicked()
        return 1

    monkeypatch.setattr(checkout_member.MemberDialog, "exec", pick)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert seen["wallet"] and "乳品85折券" in seen["wallet"][0]
    assert window.checkout.cart.coupon_instances == [("W1", "DAIRY15")]
    assert window.totals.total.text() == f"NT${milk.price - 14}"

    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.checkout.last_sale is not None)
    window.add_code(milk.barcode)

    def look(dialog):
        dialog.query.setText("0912345678")
        dialog.on_ok_clicked()
        seen["info"] = dialog.info.text()
        seen["left"] = dialog.wallet.count()
        dialog.reject()
        return 0

    monkeypatch.setattr(checkout_member.MemberDialog, "exec", look)
    window.checkout.attach_member(None)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.checkout.last_sale.receipt_no in seen["info"]  # recent purchase shown
    assert seen["left"] == 0  # the used coupon left the wallet


def test_member_qr_read_by_the_camera_attaches_the_member(qtbot, window, services,
                                                         monkeypatch):
    """The member app's rotating QR held to the camera in the member dialog: verified
    offline and attached; a coupon shown instead is not taken there."""
    from datetime import UTC, datetime

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.domain.member_codes import issue_coupon, issue_credential, member_qr
    from sync.protocol import SigningKey

    hq, device = SigningKey.generate(), Ed25519PrivateKey.generate()
    with services.ledger.write() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('sync.public_key', ?)",
                             (hq.public.hex(),))
        conn.exec_driver_sql(
            "INSERT INTO members (member_id, phone, name, tier, points, stored_value, updated_at)"
            " VALUES ('M7', '0912000777', '林小華', '', 0, 0, '')")
    now = int(datetime.now(UTC).timestamp())
    cred, sig = issue_credential(hq.private, "M7", device.public_key().public_bytes_raw(),
                                 now + 86400)
    qr = member_qr(cred, sig, device.private_bytes_raw(), now)
    coupon = issue_coupon(hq.private, "C1", "DAIRY15", None, now + 86400)
    seen = {}

    def drive(dialog):
        assert dialog.camera.isHidden()  # shown by its button (F8)
        assert dialog.camera.start("fake:")  # a stand-in camera we can hold codes to
        dialog.camera.camera.show(coupon)
        qtbot.waitUntil(lambda: "會員卡" in dialog.info.text())
        seen["coupon"] = dialog.info.text()
        dialog.camera.camera.show(qr)
        qtbot.waitUntil(lambda: dialog.chosen is not None)
        return 1

    monkeypatch.setattr(checkout_member.MemberDialog, "exec", drive)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert "QR" in seen["coupon"]
    assert window.checkout.cart.member.member_id == "M7"
    assert window.totals.member.text() == "林小華"


def test_a_changed_number_is_a_new_look_up(qtbot, window, services, demo_products, monkeypatch):
    from app.services.documents.members import register_member

    term = services.terminal
    for phone, name in (("0912000111", "陳一"), ("0912000222", "李二")):
        register_member(services.ledger, store_id=term.store_id, terminal_id=term.terminal_id,
                        phone=phone, name=name)
    window.add_code(next(p for p in demo_products if p.sku == "D0001").barcode)
    ok = {}

    def drive(dialog):
        button = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        ok["before"] = button.text()
        dialog.query.setText("0912000111")
        dialog.on_ok_clicked()  # finds 陳一
        ok["found"], ok["info"] = button.text(), dialog.info.text()
        dialog.show()  # typed keys reach a shown dialog only
        dialog.activateWindow()
        dialog.query.setFocus()
        dialog.query.selectAll()
        qtbot.keyClicks(dialog.query, "0912000222", delay=60)  # the cashier corrects the number
        ok["edited"], ok["info2"] = button.text(), dialog.info.text()
        dialog.on_ok_clicked()  # looks up 李二, does not attach 陳一
        dialog.on_ok_clicked()  # attaches 李二
        return 1

    monkeypatch.setattr(checkout_member.MemberDialog, "exec", drive)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert ok["before"] == "查詢 / 加入 (Enter)"
    assert ok["found"] == "加入本筆交易 (Enter)" and "陳一" in ok["info"]
    assert ok["edited"] == "查詢 / 加入 (Enter)" and "陳一" not in ok["info2"]
    assert window.totals.member.text() == "李二"
