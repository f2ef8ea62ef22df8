"""What the cashier sees of sync: pairing in the real dialog, online, revoked."""

from __future__ import annotations

import pytest
import requests

from app.ui.checkout_window import CheckoutWindow
from app.ui.pairing_dialog import PairingDialog
from tests.support.hq_server import HQ
from tests.sync.test_end_to_end import DEMO_CSV


@pytest.fixture
def hq(tmp_path):
    (tmp_path / "hq").mkdir()
    server = HQ(f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite3'}", tmp_path / "hq")
    server.store("S001", name="OMO 測試門市")
    assert server.import_products(DEMO_CSV).status_code == 200
    yield server
    server.stop()


@pytest.mark.allow_warnings
def test_pairing_dialog_then_revocation_on_screen(qtbot, hq, services):
    win = CheckoutWindow(services)
    qtbot.addWidget(win)
    win.show()

    dialog = PairingDialog(services, win._pool, win, hq_url=hq.base)
    qtbot.addWidget(dialog)
    dialog.code.setText("WRNG-CODE")
    dialog.on_pair_clicked()
    qtbot.waitUntil(lambda: "配對碼" in dialog.status.text() and dialog.buttons.isEnabled())
    assert dialog.enrollment is None

    dialog.code.setText(hq.pairing_code("S001", "T01").lower())  # case does not matter
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.on_pair_clicked()
    assert dialog.enrollment.store_id == "S001"

    qtbot.waitUntil(lambda: "總部：已連線" in win.sync_status.text(), timeout=10000)
    qtbot.waitUntil(lambda: services.catalog.count() >= 231, timeout=10000)
    win.status_view.show_identity()
    assert "OMO 測試門市" in win.windowTitle()

    r = requests.post(f"{hq.api}/admin/terminals/S001/T01/revoke", headers=hq.admin_headers)
    assert r.status_code == 200
    services.agent.wake()
    qtbot.waitUntil(lambda: "已被停用" in win.sync_status.text(), timeout=10000)
    assert win.sync_status.property("level") == "error"
    assert "停用" in win.message.text()
