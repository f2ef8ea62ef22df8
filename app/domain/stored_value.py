"""Stored value (儲值金): money the member paid in advance (docs/loyalty.md).

Pure balance arithmetic with reasons: a top-up is positive and never lifts the
balance over ``max_balance``; a spend never takes it below zero; a refund puts back
at most what that sale took from stored value. The caller records the matching
event (``app.domain.loyalty``) only when the function returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.errors import CodedError
from app.domain.pricing import fields as f
from app.domain.pricing.fields import Obj


@dataclass(frozen=True, slots=True)
class StoredValueRules:
    max_balance: int
    min_top_up: int = 1


def read_stored_value_rules(value: Any, path: str) -> StoredValueRules:
    obj = Obj(value, path, frozenset({"max_balance", "min_top_up"}))
    return StoredValueRules(
        max_balance=obj.req("max_balance", f.positive_money),
        min_top_up=obj.get("min_top_up", f.positive_money, 1),
    )


class StoredValueError(CodedError, ValueError):
    """Codes: ``not_positive``, ``below_min_top_up``, ``exceeds_max_balance``,
    ``insufficient_balance``, ``exceeds_spent``."""


def _positive(amount: int) -> None:
    if type(amount) is not int or amount <= 0:
        raise StoredValueError("not_positive", f"amount must be a positive int, not {amount!r}")


def top_up(balance: int, amount: int, rules: StoredValueRules) -> int:
    """The balance after adding ``amount``; refuses to exceed ``rules.max_balance``."""
    _positive(amount)
    if amount < rules.min_top_up:
        raise StoredValueError("below_min_top_up", f"top up at least NT${rules.min_top_up}")
    if balance + amount > rules.max_balance:
        raise StoredValueError(
            "exceeds_max_balance",
            f"NT${balance} + NT${amount} is over the NT${rules.max_balance} limit",
        )
    return balance + amount


def spend(balance: int, amount: int) -> int:
    """The balance after paying ``amount``; never below zero."""
    _positive(amount)
    if amount > balance:
        raise StoredValueError("insufficient_balance", f"NT${amount} > balance NT${balance}")
    return balance - amount


def refund(balance: int, amount: int, *, spent_on_sale: int, already_refunded: int = 0) -> int:
    """The balance after refunding ``amount`` of a sale back to stored value.

    At most what the sale took from stored value, over all its refunds
    (``exceeds_spent``). ``max_balance`` does not apply: it is the member's money.
    """
    _positive(amount)
    if already_refunded + amount > spent_on_sale:
        raise StoredValueError(
            "exceeds_spent",
            f"refunding NT${amount} after NT${already_refunded} is more than the "
            f"NT${spent_on_sale} this sale took from stored value",
        )
    return balance + amount
