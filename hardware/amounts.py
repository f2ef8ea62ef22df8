"""How paper writes an amount of New Taiwan dollars: ``NT$1,234``, ``-NT$50``, or
without the symbol ``1,234`` in a column of figures.

Kept here so the printing code needs nothing of the app's (hardware never imports
``app``); the screens use ``app.domain.money.format_twd``, and
tests/hardware/test_receipt.py checks the two write every amount alike.
"""

from __future__ import annotations


def format_twd(amount: int, *, symbol: bool = True) -> str:
    """``1234 -> 'NT$1,234'``; negative amounts as ``-NT$50``."""
    sign = "-" if amount < 0 else ""
    body = f"{abs(amount):,}"
    return f"{sign}NT${body}" if symbol else f"{sign}{body}"
