"""Receipt document and its fixed-width layout."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from dataclasses import FrozenInstanceError, replace
from datetime import datetime
from pathlib import Path

import pytest

from hardware.receipt import (
    Receipt,
    ReceiptLine,
    ReceiptPayment,
    display_width,
    fit,
    layout,
    layout_text,
    two_cols,
    wrap,
)

WIDTHS = (32, 48)


def make_receipt(**changes: object) -> Receipt:
    lines = (
        ReceiptLine("御茶園特上紅茶", 2, 25, 50),
        ReceiptLine(
            "義美小泡芙(巧克力口味)家庭號超值分享包 Extra Large Family Pack",
            1,
            129,
            99,
            discount=30,
            note="第二件六折",
        ),
        ReceiptLine("光泉鮮乳 936ml", 1, 92, 92),
    )
    receipt = Receipt(
        store_name="全家便利商店 台北信義門市",
        store_address="台北市信義區松高路11號1樓",
        store_tax_id="12345675",
        terminal_id="T01",
        receipt_no="T01-20250801-000123",
        issued_at=datetime(2025, 8, 1, 14, 3, 22),
        cashier="王小明",
        lines=lines,
        subtotal=271,
        discount_total=30,
        total=241,
        untaxed=230,
        tax=11,
        tax_rate=5,
        payments=(ReceiptPayment("現金", 500),),
        change=259,
    )
    return replace(receipt, **changes)


def strict_width(text: str) -> int:
    """Width by the brief's rule (W/F = 2), independent of the module under test."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_line_fits(width: int) -> None:
    long_name = "超長商品名稱" * 10 + " with some English words at the very end"
    receipt = make_receipt(
        lines=(ReceiptLine(long_name, 12, 1_234_567, 14_814_804, discount=1, note="備註" * 30),),
        payments=(ReceiptPayment("信用卡 VISA **** **** **** 1234 分期付款零利率", 99_999_999),),
        adjustments=(("會員點數折抵" * 5, -120),),
        store_name="很長的店名" * 8,
        footer="謝謝光臨\n歡迎再度光臨本店，祝您有美好的一天！" * 2,
        reprint=True,
        title="交易明細",
    )
    for line in layout_text(receipt, width):
        assert display_width(line) <= width, line
        assert strict_width(line) <= width, line


@pytest.mark.parametrize("width", WIDTHS)
def test_amounts_right_aligned_with_cjk_labels(width: int) -> None:
    text = layout_text(make_receipt(), width)
    for label, amount in (("小計", "NT$271"), ("合計", "NT$241"), ("找零", "NT$259")):
        (line,) = [t for t in text if t.startswith(label)]
        assert line.endswith(amount)
        assert display_width(line) == width
    qty_lines = [t for t in text if t.startswith("  2 x 25")]
    assert qty_lines and display_width(qty_lines[0]) == width
    assert qty_lines[0].endswith(" 50")


def test_content_and_labels() -> None:
    text = "\n".join(layout_text(make_receipt(), 32))
    for needle in (
        "全家便利商店",
        "統一編號: 12345675",
        "收據號碼",
        "T01-20250801-000123",
        "2025-08-01 14:03:22",
        "收銀員 王小明",
        "御茶園特上紅茶",
        "2 x 25",
        "-30",
        "第二件六折",
        "小計",
        "折扣",
        "合計",
        "含稅 5% (營業稅)",
        "未稅金額",
        "稅額",
        "現金",
        "找零",
        "本次共省 NT$30",
        "謝謝光臨",
    ):
        assert needle in text, needle
    assert "補印" not in text


def test_no_discount_means_no_savings_line() -> None:
    text = "\n".join(layout_text(make_receipt(discount_total=0), 32))
    assert "本次共省" not in text
    assert "\n折扣" not in text


def test_reprint_marker() -> None:
    text = layout_text(make_receipt(reprint=True), 48)
    assert sum("** 補印 **" in t for t in text) == 2


def test_total_line_is_marked_for_big_print() -> None:
    styled = layout(make_receipt(), 32)
    (total,) = [line for line in styled if line.style == "total"]
    assert total.text.startswith("合計") and total.text.endswith("NT$241")


def test_long_name_wraps_without_losing_text() -> None:
    name = "義美小泡芙(巧克力口味)家庭號超值分享包"
    parts = wrap(name, 10)
    assert "".join(parts) == name
    assert all(display_width(p) <= 10 for p in parts)


def test_wide_char_never_straddles_the_edge() -> None:
    assert fit("紅茶紅茶", 5) == "紅茶"
    assert display_width(two_cols("紅茶紅茶紅茶", "NT$10", 11)) == 11


def test_control_characters_are_neutralised() -> None:
    receipt = make_receipt(lines=(ReceiptLine("紅茶\x1b@\x1dV\n綠茶", 1, 20, 20),))
    text = "\n".join(layout_text(receipt, 32))
    assert "\x1b" not in text and "\x1d" not in text
    assert "紅茶 @ V 綠茶" in text


def test_unsupported_width_rejected() -> None:
    with pytest.raises(ValueError):
        layout_text(make_receipt(), 40)


def test_money_must_be_int() -> None:
    with pytest.raises(TypeError):
        ReceiptLine("紅茶", 1, 25.0, 25)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        make_receipt(total=241.5)
    with pytest.raises(FrozenInstanceError):
        make_receipt().total = 1  # type: ignore[misc]


def test_hardware_does_not_import_qt() -> None:
    code = (
        "import sys, hardware.receipt, hardware.printers;"
        "sys.exit(any(m.startswith(('PySide6', 'PyQt')) for m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root, check=False).returncode == 0


def test_paper_writes_amounts_as_the_screens_do():
    from app.domain.money import format_twd as screen
    from hardware.amounts import format_twd as paper

    for amount in (0, 1, -1, 999, 1000, -1234, 10**9, -(10**12)):
        for symbol in (True, False):
            assert paper(amount, symbol=symbol) == screen(amount, symbol=symbol)
