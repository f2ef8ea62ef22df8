"""Finding a member at the counter from what HQ published to this terminal.

Works offline: the terminal keeps every member's last snapshot from the feed.
A member HQ merged into another (a duplicate phone) is followed to the survivor.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from app.domain.members import MemberError, normalise_phone, parse_card_number
from app.ledger.db import Ledger

_COLUMNS = "member_id, phone, name, tier, card_number, points, stored_value, merged_into"
MAX_MERGE_HOPS = 8


@dataclass(frozen=True, slots=True)
class Member:
    member_id: str
    phone: str
    name: str
    tier: str
    card_number: str | None
    points: int  # HQ's last known balance
    stored_value: int


class MemberDirectory:
    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    def find(self, query: str) -> Member | None:
        """By mobile number, member card number, or member id. Raises ``MemberError``
        (``bad_phone``/``bad_card``) for input that is neither."""
        q = query.strip()
        if q.upper().startswith("MB"):
            return self._one("card_number = :v", parse_card_number(q))
        if any(ch.isdigit() for ch in q) and not q.startswith(("0", "+", "8", "９", "０")):
            return self._one("member_id = :v", q)
        try:
            return self._one("phone = :v AND merged_into IS NULL", normalise_phone(q))
        except MemberError:
            by_id = self._one("member_id = :v", q)
            if by_id is None:
                raise
            return by_id

    def by_id(self, member_id: str) -> Member | None:
        return self._one("member_id = :v", member_id)

    def _one(self, where: str, value: str) -> Member | None:
        with self._ledger.read() as conn:
            row = conn.execute(text(f"SELECT {_COLUMNS} FROM members WHERE {where}"), {"v": value}).first()
            hops = 0
            while row is not None and row[7] and hops < MAX_MERGE_HOPS:  # merged: the survivor
                row = conn.execute(
                    text(f"SELECT {_COLUMNS} FROM members WHERE member_id = :v"), {"v": row[7]}
                ).first()
                hops += 1
        if row is None:
            return None
        return Member(*row[:7])
