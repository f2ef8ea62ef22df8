"""Staff roles and their rank: a role may do what any lower role may.

One definition for the terminal's approvals, HQ's staff admin and the feed's
``user`` change.
"""

from __future__ import annotations

CASHIER = "cashier"
SUPERVISOR = "supervisor"
MANAGER = "manager"

ROLES = (CASHIER, SUPERVISOR, MANAGER)
"""Every role, lowest first."""

RANK = {CASHIER: 0, SUPERVISOR: 1, MANAGER: 2}


def may(role: str, need: str | None) -> bool:
    """Whether ``role`` covers an action that needs ``need`` (None: anyone)."""
    return need is None or RANK.get(role, -1) >= RANK[need]
