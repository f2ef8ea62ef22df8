"""Every kind of paper and export in English: real ledger documents (a member sale with
a promotion, a coupon, the counter's own changes and points; its reprint; a top-up; a
return; X, shift and Z slips; the report slip and CSV; the test receipt) rendered with
``print_language`` en carry no Chinese but the documents' own data, and fit the roll."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

import pytest

from app.domain.cart import CartMember
from app.domain.store_time import STORE_TZ
from app.services.documents import shifts as shift_docs
from app.services.printing import PrinterConfig, print_test_receipt
from app.services.printouts import shift_slips
from app.services.printouts.paper import printable
from app.services.printouts.receipts import member_label
from app.services.printouts.reports import report_csv, report_slip
from app.services.records import shift_figures
from app.services.records.reports import store_report
from hardware.print_text import load_catalog, set_print_language
from hardware.receipt import SUPPORTED_WIDTHS, display_width, layout_text
from hardware.slip import layout_slip
from tests.test_top_ups_and_returns import seed_member

CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+")
GLYPH_SAMPLE = "中文字"  # the test receipt's sample of Chinese glyphs, in any language


@pytest.fixture
def store(demo_pricing, demo_products):
    """The demo terminal with its promotions, a member with points and stored value, and
    one of each document; returns (services, {kind: doc id})."""
    services = demo_pricing
    seed_member(services)
    p = {prod.sku: prod for prod in demo_products}
    checkout = services.checkout
    checkout.scan(p["D0006"].barcode)
    checkout.scan(p["D0006"].barcode)  # 茶裏王 x2: the demo promotion
    tea = checkout.scan(p["D0007"].barcode).line
    checkout.scan(p["M0001"].barcode)  # milk: the dairy coupon
    snack = checkout.scan(p["S0001"].barcode).line
    checkout.attach_member(CartMember("M1", "王小明"))
    checkout.add_coupon("DAIRY15")
    checkout.override_price(tea.line_id, 20)  # 改價
    checkout.set_manual_discount(amount=5, line_id=snack.line_id)  # 手動折扣
    checkout.set_manual_discount(percent=5)  # 手動折扣 5%
    checkout.cart.set_buyer(carrier="/ABC1234", tax_id="04595257")
    checkout.pay_points(10)
    checkout.pay("cash", 1000)
    checkout.begin_commit()
    sale = checkout.commit()
    checkout.end_commit(sale)
    top_up = services.top_up("M1", 1000, tender="cash", tendered=1200)
    back = services.record_return(sale.sale_id, {1: 1, 3: 1}, reason="包裝破損")
    return services, {"sale": sale.sale_id, "top_up": top_up.top_up_id,
                      "return": back.return_id}


def _data(services) -> list[str]:
    """The documents' own words, printed as stored in any language: products, HQ's
    promotion and coupon names, categories, the store, members, staff, return reasons."""
    t = services.terminal
    words = {t.store_name, t.store_address, GLYPH_SAMPLE, member_label(services.ledger, "M1")}
    with services.ledger.read() as conn:
        for sql in ("SELECT name FROM sale_lines", "SELECT category FROM sale_lines",
                    "SELECT name FROM return_lines", "SELECT reason FROM returns",
                    "SELECT name FROM sale_adjustments WHERE source != 'manual'",
                    "SELECT name FROM members", "SELECT name FROM users"):
            words |= {row[0] for row in conn.exec_driver_sql(sql) if row[0]}
    return sorted(words, key=len, reverse=True)


def _untranslated(lines: list[str], data: list[str]) -> list[str]:
    """The Chinese left on ``lines`` once the data is taken out. A piece of a data string
    (a long name wrapped or cut at the edge) is data too, unless it is a printed word."""
    sources = set(load_catalog("en"))
    left = []
    for line in lines:
        rest = line
        for word in data:
            rest = rest.replace(word, " ")
        for run in CJK.findall(rest):
            if run in sources or not any(run in word for word in data):
                left.append(f"{run!r} in {line!r}")
    return left


def _check(name: str, lines: list[str], width: int, data: list[str]) -> None:
    assert lines, name
    too_wide = [ln for ln in lines if display_width(ln) > width]
    assert not too_wide, f"{name} @{width}: {too_wide}"
    left = _untranslated(lines, data)
    assert not left, f"{name} @{width}: untranslated {left}"


def _papers(services, ids: dict[str, str], width: int) -> dict[str, list[str]]:
    ledger, terminal = services.ledger, services.terminal

    def doc(kind: str, reprint: bool = False) -> list[str]:
        return printable(ledger, terminal, kind, ids[kind], reprint=reprint).lines(width)

    return {"sale": doc("sale"), "reprint": doc("sale", reprint=True),
            "top_up": doc("top_up"), "return": doc("return"),
            **{k: layout_slip(slip, width) for k, slip in ids["slips"].items()}}


def _slips(services) -> dict:
    ledger, terminal = services.ledger, services.terminal
    shift_docs.cash_move(ledger, terminal, terminal.cashier, "in", 500, "零錢補充")
    x = shift_slips.x_slip(shift_figures.x_report(ledger, terminal, scope="shift"), terminal,
                      printed_by=terminal.cashier)
    summary = shift_docs.close_shift(ledger, terminal, terminal.cashier, {1000: 1, 100: 3},
                                 {"card": 0})
    z = shift_docs.z_report(ledger, terminal, terminal.cashier, print_job=False)
    today = datetime.now(STORE_TZ).date()
    return {"x": x, "shift": shift_slips.shift_slip(summary, terminal),
            "z": printable(ledger, terminal, "z_report", z.id).slip,
            "z_reprint": printable(ledger, terminal, "z_report", z.id, reprint=True).slip,
            "report": report_slip(store_report(ledger, today), terminal)}


def test_every_paper_in_english_has_only_data_in_chinese_and_fits(store):
    services, ids = store
    data = _data(services)
    set_print_language("en")
    ids["slips"] = _slips(services)
    for width in SUPPORTED_WIDTHS:
        papers = _papers(services, ids, width)
        for name, lines in papers.items():
            _check(name, lines, width, data)
        text = {k: "\n".join(v) for k, v in papers.items()}
        for word in ("Receipt no.", "Terminal", "Cashier", "Subtotal", "Discount", "TOTAL",
                     "Incl. 5% VAT", "Before tax", "Change", "Price change", "Manual discount",
                     "Manual discount 5%", "Points", "Member", "Points balance", "You saved",
                     "Carrier", "Buyer tax ID", "Tax ID", "Thank you"):
            assert word in text["sale"], word
        assert "** REPRINT **" in text["reprint"] and "** REPRINT **" not in text["sale"]
        for word in ("STORED VALUE TOP-UP", "Top-up amount", "Stored value balance", "prepaid"):
            assert word in text["top_up"], word
        for word in ("RETURN RECEIPT", "Original receipt", "Reason", "Refund total",
                     "Cash refund", "Points taken back"):
            assert word in text["return"], word
        for name, words in (("x", ("X REPORT", "Gross sales", "Expected cash", "This shift")),
                            ("shift", ("SHIFT REPORT", "Counted cash", "Difference")),
                            ("z", ("Z REPORT", "Day closed", "Shifts")),
                            ("z_reprint", ("** REPRINT **",)),
                            ("report", ("SALES REPORT", "Net sales", "Best sellers"))):
            for word in words:
                assert word in text[name], (name, word)

    # the same documents in Chinese, as before (the receipt and slip tests check the rest)
    set_print_language("zh_TW")
    chinese = "\n".join(printable(services.ledger, services.terminal, "sale",
                                  ids["sale"]).lines(32))
    assert "小計" in chinese and "謝謝光臨" in chinese and "Subtotal" not in chinese


def test_the_report_csv_in_english(store):
    services, _ids = store
    data = _data(services)
    set_print_language("en")
    text = report_csv(store_report(services.ledger, datetime.now(STORE_TZ).date()))
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    cells = [cell for row in rows for cell in row]
    left = _untranslated(cells, data)
    assert not left, left
    titles = [row[0] for i, row in enumerate(rows) if row and (i == 0 or not rows[i - 1])]
    assert titles == ["Report period", "Totals", "By hour", "Best sellers (revenue)",
                      "Best sellers (units)", "Categories", "Payment method", "Cashier",
                      "Member", "Members and points"]
    assert ["Net sales"] == [c for c in cells if c == "Net sales"]


def test_the_test_receipt_in_english(services, monkeypatch):
    printed = []
    monkeypatch.setattr("app.services.printing.print_receipt",
                        lambda url, receipt, **kw: printed.append(receipt))
    set_print_language("en")
    print_test_receipt(services.terminal, PrinterConfig(url="dummy:"))
    data = _data(services)
    for width in SUPPORTED_WIDTHS:
        lines = layout_text(printed[0], width)
        _check("test receipt", lines, width, data)
        text = "\n".join(lines)
        assert "Test print" in text and GLYPH_SAMPLE in text and "The printer is working" in text
        assert "prepaid" not in text  # a test print sells no stored value


def test_a_manager_typed_footer_is_printed_as_typed(store):
    services, ids = store
    services.settings.set("receipt_footer", "歡迎再來")
    set_print_language("en")
    text = "\n".join(printable(services.ledger, services.terminal, "sale", ids["sale"]).lines())
    assert "歡迎再來" in text and "Thank you" not in text
