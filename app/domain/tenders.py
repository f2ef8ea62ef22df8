"""Tenders: the ways a customer pays, as codes (the screens and paper name them).

One list for the cart, the ledger's checks, shifts, returns and HQ. Card payments
keep only brand, last 4 and the auth code; e-wallet references are kept whole.
"""

from __future__ import annotations

CASH = "cash"
CARD = "card"
LINE_PAY = "line_pay"
JKOPAY = "jkopay"
EASYCARD = "easycard"
OTHER = "other"
POINTS = "points"  # the member's points, at HQ's rate (within the offline allowance)
STORED_VALUE = "stored_value"  # the member's prepaid wallet (within the offline escrow)

TENDERS = (CASH, CARD, LINE_PAY, JKOPAY, EASYCARD, OTHER, POINTS, STORED_VALUE)
"""Every tender, in the order screens and slips list them."""

MEMBER_TENDERS = (POINTS, STORED_VALUE)
"""Paid out of the member's own balances: returned to them, never in cash."""

COUNTABLE_TENDERS = (CARD, LINE_PAY, JKOPAY, EASYCARD, OTHER)
"""Counted at a shift's close besides cash (slips and e-wallet totals)."""

TOP_UP_TENDERS = (CASH, CARD)
"""What may pay for a stored-value top-up (stored value cannot buy stored value)."""


def tender_order(tender: str) -> tuple[int, str]:
    """Sort key: the known tenders in their order, then any other code by name."""
    return (TENDERS.index(tender) if tender in TENDERS else len(TENDERS), tender)
