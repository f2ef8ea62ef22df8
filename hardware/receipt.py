"""The receipt as a plain document, and its fixed-width text layout.

A :class:`Receipt` holds everything printed on a sale receipt; it knows nothing
about printers. :func:`layout` turns it into lines for a 32-column (58 mm) or
48-column (80 mm) roll; the same lines are the on-screen preview and, encoded in
Big5, the printed text (see :mod:`hardware.printers`).

Column widths follow the Big5 printer: a character is 2 columns when Unicode
calls it Wide, Fullwidth or Ambiguous (``東``, ``１``, ``×``, ``①`` all print as
two-byte glyphs), 0 for combining and format characters, 1 otherwise.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from hardware.amounts import format_twd
from hardware.print_text import translate

__all__ = [
    "SUPPORTED_WIDTHS",
    "LayoutLine",
    "Receipt",
    "ReceiptLine",
    "ReceiptPayment",
    "char_width",
    "clean",
    "display_width",
    "fit",
    "layout",
    "layout_text",
    "reprint_mark",
    "total_text",
    "two_cols",
    "wrap",
]

SUPPORTED_WIDTHS = (32, 48)
# The source (Chinese) words; what is printed is their translation, looked up when the
# paper is laid out (the print language may change at any time).
REPRINT_MARK = "** 補印 **"
TOTAL_LABEL = "合計"
CHANGE_LABEL = "找零"
DEFAULT_FOOTER = "謝謝光臨"  # also the receipt_footer setting's default


def _require_int(owner: str, name: str, value: object) -> None:
    # bool is an int subclass; a True price is always a bug.
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{owner}.{name} must be an int of NT dollars, got {value!r}")


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    """One sold item. ``discount`` is the money taken off this line (shown as minus)."""

    name: str
    qty: int
    unit_price: int
    line_total: int
    discount: int = 0
    note: str = ""

    def __post_init__(self) -> None:
        for field_name in ("qty", "unit_price", "line_total", "discount"):
            _require_int("ReceiptLine", field_name, getattr(self, field_name))


@dataclass(frozen=True, slots=True)
class ReceiptPayment:
    """One tender, e.g. ``ReceiptPayment("現金", 500)`` or ``("悠遊卡", 120)``."""

    label: str
    amount: int

    def __post_init__(self) -> None:
        _require_int("ReceiptPayment", "amount", self.amount)


@dataclass(frozen=True, slots=True)
class Receipt:
    """Everything printed on one receipt. Money is whole NT dollars (``int``)."""

    store_name: str
    store_address: str
    store_tax_id: str
    terminal_id: str
    receipt_no: str
    issued_at: datetime
    cashier: str
    lines: tuple[ReceiptLine, ...]
    subtotal: int
    discount_total: int
    total: int
    untaxed: int
    tax: int
    tax_rate: int  # business tax in percent, printed as 含稅 5% (the caller's rule)
    payments: tuple[ReceiptPayment, ...]
    change: int
    title: str = ""
    footer: str = DEFAULT_FOOTER
    reprint: bool = False
    adjustments: tuple[tuple[str, int], ...] = ()
    # other documents: a top-up is not taxed at the counter; a return names its sale
    total_label: str = TOTAL_LABEL
    taxable: bool = True
    prepaid_note: bool = True  # untaxed: say why (stored value is prepaid); off for a test print
    references: tuple[tuple[str, str], ...] = ()  # under the header, e.g. ("原收據", "S001-...")
    change_label: str = CHANGE_LABEL
    # the buyer: e-invoice carrier and/or 統一編號, printed under the header
    carrier: str = ""
    buyer_tax_id: str = ""
    # the member's block at the bottom: (label, value) pairs, e.g. ("點數餘額", "1,234")
    member: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        for field_name in ("subtotal", "discount_total", "total", "untaxed", "tax", "change"):
            _require_int("Receipt", field_name, getattr(self, field_name))
        for label, amount in self.adjustments:
            _require_int("Receipt", f"adjustments[{label!r}]", amount)


# --- column arithmetic -------------------------------------------------------


def char_width(ch: str) -> int:
    """Printer columns taken by one character (see module docstring)."""
    if " " <= ch <= "~":
        return 1
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1


def display_width(text: str) -> int:
    """Columns ``text`` takes on the receipt."""
    if text.isascii():
        return len(text)
    return sum(char_width(ch) for ch in text)


def clean(text: str) -> str:
    """Make ``text`` safe to print: control characters (ESC, newline...) become spaces.

    Product names come from HQ data; a stray ``\\x1b`` must never reach the
    printer as a command.
    """
    if text.isascii() and text.isprintable():
        return text
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Zl", "Zp", "Cs"):
            out.append(" ")
        elif cat == "Cf":
            continue
        else:
            out.append(ch)
    return "".join(out)


def fit(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns (a wide char never straddles the edge)."""
    if display_width(text) <= width:
        return text
    used = 0
    for i, ch in enumerate(text):
        w = char_width(ch)
        if used + w > width:
            return text[:i]
        used += w
    return text


def wrap(text: str, width: int) -> list[str]:
    """Break ``text`` into lines of at most ``width`` columns.

    Chinese breaks anywhere; a run of Latin text prefers to break at a space.
    Always returns at least one line.
    """
    text = clean(text)
    if width <= 0:
        raise ValueError("width must be positive")
    lines: list[str] = []
    rest = text.strip()
    while display_width(rest) > width:
        head = fit(rest, width)
        if not head:  # width 1 and a wide char: drop it rather than loop forever
            rest = rest[1:]
            continue
        cut = len(head)
        if rest[cut] != " " and " " in head:
            # Break at the last space if the text near the edge is Latin words.
            space = head.rfind(" ")
            if space > 0 and head[space + 1 :].isascii():
                cut = space
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    lines.append(rest)
    return lines


def rjust(text: str, width: int) -> str:
    return " " * max(0, width - display_width(text)) + text


def center(text: str, width: int) -> str:
    pad = max(0, width - display_width(text))
    return " " * (pad // 2) + text


def two_cols(left: str, right: str, width: int) -> str:
    """``left`` then ``right`` flush right on one ``width``-column line.

    The left part is truncated if both do not fit; the right part (an amount)
    is kept whole as long as it fits the line at all.
    """
    left, right = clean(left), clean(right)
    right = fit(right, width)
    room = width - display_width(right) - 1
    left = fit(left, room) if room > 0 else ""
    gap = width - display_width(left) - display_width(right)
    return left + " " * gap + right


# --- layout ------------------------------------------------------------------

Style = Literal["normal", "total"]


@dataclass(frozen=True, slots=True)
class LayoutLine:
    """One laid-out line. ``style="total"`` is the 合計 line, printed big."""

    text: str
    style: Style = "normal"


def reprint_mark() -> str:
    """``** 補印 **`` in the print language, on the top and bottom of a reprint."""
    return translate("Print", "** 補印 **")


def _own_word(text: str) -> str:
    """``text`` in the print language if it is one of the receipt's default words
    (合計, 找零, 謝謝光臨); anything else (the caller's words, a footer a manager typed)
    as it is. A footer equal to the setting's default is that default, so it is
    translated too."""
    if text == TOTAL_LABEL:
        return translate("Print", "合計")
    if text == CHANGE_LABEL:
        return translate("Print", "找零")
    if text == DEFAULT_FOOTER:
        return translate("Print", "謝謝光臨")
    return text


def _kv(label: str, value: str, width: int) -> list[str]:
    """``label  value`` on one line, or the value flush right on the next one."""
    label, value = clean(label), clean(value)
    if display_width(label) + 1 + display_width(value) <= width:
        return [two_cols(label, value, width)]
    return [fit(label, width)] + [rjust(part, width) for part in wrap(value, width)]


def _center_block(text: str, width: int) -> list[str]:
    out: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        out.extend(center(part, width) for part in wrap(paragraph, width) if part)
    return out


def total_text(receipt: Receipt, width: int) -> str:
    """The 合計 line laid out for ``width`` columns (the printer passes half width
    when it prints it double size). When the label and the amount do not both fit
    whole, the line comes back wider than ``width``: the printer then prints the
    normal line double height, rather than a cut label (``Refund total``)."""
    label, amount = clean(_own_word(receipt.total_label)), format_twd(receipt.total)
    if display_width(label) + 1 + display_width(amount) > width:
        return f"{label} {amount}"
    return two_cols(label, amount, width)


def layout(receipt: Receipt, width_cols: int = 32) -> list[LayoutLine]:
    """The receipt as styled fixed-width lines; every line fits ``width_cols``."""
    if width_cols not in SUPPORTED_WIDTHS:
        raise ValueError(f"width_cols must be one of {SUPPORTED_WIDTHS}, got {width_cols}")
    w = width_cols
    rule = "-" * w
    out: list[str] = []

    if receipt.reprint:
        out.append(center(reprint_mark(), w))
    out.extend(_center_block(receipt.store_name, w))
    if receipt.store_address:
        out.extend(_center_block(receipt.store_address, w))
    if receipt.store_tax_id:
        tax_id = translate("Print", "統一編號: {0}").format(receipt.store_tax_id)
        out.append(center(fit(clean(tax_id), w), w))
    if receipt.title:
        out.extend(_center_block(receipt.title, w))
    out.append(rule)

    out.extend(_kv(translate("Print", "收據號碼"), receipt.receipt_no, w))
    out.extend(_kv(translate("Print", "日期"), receipt.issued_at.strftime("%Y-%m-%d %H:%M:%S"), w))
    terminal_word, cashier_word = translate("Print", "機號"), translate("Print", "收銀員")
    terminal = f"{terminal_word} {receipt.terminal_id}"
    cashier = f"{cashier_word} {receipt.cashier}"
    if display_width(clean(terminal)) + 1 + display_width(clean(cashier)) <= w:
        out.append(two_cols(terminal, cashier, w))
    else:
        out.extend(_kv(terminal_word, receipt.terminal_id, w))
        out.extend(_kv(cashier_word, receipt.cashier, w))
    for label, value in receipt.references:
        out.extend(_kv(label, value, w))
    if receipt.carrier:
        out.extend(_kv(translate("Print", "載具"), receipt.carrier, w))
    if receipt.buyer_tax_id:
        out.extend(_kv(translate("Print", "買方統編"), receipt.buyer_tax_id, w))
    out.append(rule)

    discount_word = translate("Print", "折扣")
    for item in receipt.lines:
        out.extend(wrap(item.name, w))
        qty = f"  {item.qty} x {format_twd(item.unit_price, symbol=False)}"
        out.append(two_cols(qty, format_twd(item.line_total, symbol=False), w))
        if item.discount:
            out.append(two_cols("  " + discount_word, format_twd(-abs(item.discount), symbol=False),
                                w))
        if item.note:
            out.extend("  " + part for part in wrap(item.note, w - 2))
    out.append(rule)

    out.append(two_cols(translate("Print", "小計"), format_twd(receipt.subtotal), w))
    if receipt.discount_total:
        out.append(two_cols(discount_word, format_twd(-abs(receipt.discount_total)), w))
    for label, amount in receipt.adjustments:
        out.append(two_cols(label, format_twd(amount), w))
    out.append("=" * w)
    total_at = len(out)
    out.append(two_cols(_own_word(receipt.total_label), format_twd(receipt.total), w))
    out.append("=" * w)

    if receipt.taxable:
        out.extend(wrap(translate("Print", "含稅 {0}% (營業稅)").format(receipt.tax_rate), w))
        out.append(two_cols("  " + translate("Print", "未稅金額"), format_twd(receipt.untaxed), w))
        out.append(two_cols("  " + translate("Print", "稅額"), format_twd(receipt.tax), w))
    elif receipt.prepaid_note:
        out.extend(wrap(translate("Print", "儲值金為預收款，消費時開立發票"), w))
    out.append(rule)
    for payment in receipt.payments:
        out.append(two_cols(payment.label, format_twd(payment.amount), w))
    if receipt.change_label:
        out.append(two_cols(_own_word(receipt.change_label), format_twd(receipt.change), w))
    if receipt.member:
        out.append(rule)
        for label, value in receipt.member:
            out.extend(_kv(label, value, w))

    if receipt.discount_total > 0:
        out.append("")
        saved = translate("Print", "本次共省 {0}").format(format_twd(receipt.discount_total))
        out.extend(_center_block(saved, w))
    if receipt.footer:
        out.append("")
        out.extend(_center_block(_own_word(receipt.footer), w))
    if receipt.reprint:
        out.append(center(reprint_mark(), w))

    return [
        LayoutLine(text.rstrip(), "total" if i == total_at else "normal")
        for i, text in enumerate(out)
    ]


def layout_text(receipt: Receipt, width_cols: int = 32) -> list[str]:
    """The receipt as plain fixed-width lines (on-screen preview and printed text)."""
    return [line.text for line in layout(receipt, width_cols)]
