"""Promotions applying in the real checkout window, on the receipt and in the ledger."""

from __future__ import annotations

import copy
import sqlite3

import pytest
from PySide6.QtCore import Qt

from app.domain.pricing import PricingSchemaError
from app.services.seeding import load_demo_promotions


def by_sku(products, sku):
    return next(p for p in products if p.sku == sku)


def scan(qtbot, widget, code):
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_promotions_show_per_line_and_in_total(qtbot, window, demo_pricing, demo_products, printer_file):
    juice, guai = by_sku(demo_products, "D0009"), by_sku(demo_products, "S0001")
    assert (juice.price, guai.price) == (35, 25)
    for _ in range(3):
        scan(qtbot, window.item_edit, juice.barcode)  # 統一飲料任選3件99元: 105 -> 99
    for _ in range(3):
        scan(qtbot, window.item_edit, guai.barcode)  # 乖乖買2送1: 75 -> 50
    assert window.totals.total.text() == "NT$149"
    assert window.totals.savings.text() == "NT$31"
    assert window.model.index(0, 4).data() == "-NT$6" and window.model.index(0, 5).data() == "NT$99"
    assert window.model.index(1, 4).data() == "-NT$25" and window.model.index(1, 5).data() == "NT$50"
    assert "統一飲料任選3件99元" in window.promo_label.text()
    assert "乖乖買2送1" in window.promo_label.text()
    assert "統一飲料任選3件99元" in window.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)

    # voiding a juice breaks the mix-and-match: the screen reprices at once
    window.cart_flow.set_qty(window.model.line_id_at(0), 2)
    assert window.model.index(0, 4).data() == "" and window.totals.total.text() == "NT$120"
    window.cart_flow.set_qty(window.model.line_id_at(0), 3)

    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.checkout.last_sale is not None)
    con = sqlite3.connect(demo_pricing.ledger.path)
    assert con.execute("SELECT subtotal, discount_total, total FROM sales").fetchone() == (180, 31, 149)
    assert con.execute("SELECT sku, qty, unit_price, discount, line_total FROM sale_lines ORDER BY line_no").fetchall() == [
        ("D0009", 3, 35, 6, 99),
        ("S0001", 3, 25, 25, 50),
    ]
    assert con.execute("SELECT rule_id, amount FROM sale_adjustments ORDER BY seq").fetchall() in (
        [("P-DRINK-3-99", 6), ("P-GUAIGUAI-B2G1", 25)],
        [("P-GUAIGUAI-B2G1", 25), ("P-DRINK-3-99", 6)],
    )
    qtbot.waitUntil(lambda: "本次共省" in window.receipt_preview.toPlainText())
    preview = window.receipt_preview.toPlainText()
    assert "本次共省 NT$31" in preview and "乖乖買2送1" in preview
    qtbot.waitUntil(lambda: printer_file.exists() and "本次共省".encode("cp950") in printer_file.read_bytes(), timeout=5000)


def test_coupon_applies_or_says_why_not(qtbot, window, demo_pricing, demo_products):
    milk = by_sku(demo_products, "M0001")
    window.add_code(milk.barcode)
    window.member_flow.apply_coupon("NOPE")
    assert "查無此優惠券" in window.message.text()
    window.member_flow.apply_coupon("WELCOME50")
    assert "限首次購物" in window.message.text()
    assert window.checkout.cart.coupon_codes == []
    window.member_flow.apply_coupon("DAIRY15")  # 15% of 95 = 14 (half up 14.25 -> 14), capped at 30
    assert "已套用優惠券" in window.message.text()
    assert window.totals.total.text() == "NT$81"
    assert "乳品85折券" in window.promo_label.text()
    window.member_flow.apply_coupon("DAIRY15")
    assert "已使用在本筆交易" in window.message.text()


def test_a_bad_batch_is_rejected_whole(services):
    batch = load_demo_promotions()
    bad = copy.deepcopy(batch)
    bad["promotions"][3]["price"] = -1
    with pytest.raises(PricingSchemaError) as err:
        services.import_pricing(bad)
    assert "promotions[3]" in str(err.value) and "P-DRINK-3-99" in str(err.value)
    con = sqlite3.connect(services.ledger.path)
    assert con.execute("SELECT count(*) FROM pricing_documents").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM price_entries").fetchone()[0] == 0
    counts = services.import_pricing(batch)
    assert counts["promotions"] == len(batch["promotions"])


def test_price_list_for_this_store_applies(qtbot, window, demo_pricing, demo_products):
    """PL-TPE-STATION sells D0022 for NT$20 at store S001 (this terminal)."""
    cola = by_sku(demo_products, "D0022")
    window.add_code(cola.barcode)
    assert cola.price != 20
    assert window.model.index(0, 3).data() == "NT$20"
    assert window.totals.total.text() == "NT$20"
