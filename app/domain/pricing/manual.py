"""Counter-side price changes: a manager's price override (改價) and the cashier's
manual discount (手動折扣). Pure, no I/O, no float.

Both show as adjustments with ``source`` :data:`MANUAL_SOURCE`, so the screen, the
receipt's 折扣 block, ``sale_adjustments`` and returns (which refund each line's real
``line_total``) follow without knowing about them.

- **Price override** (kind and rule id :data:`PRICE_OVERRIDE`, name 改價). The
  override is the line's final price per unit: price lists do not replace it, and
  the line takes no part in promotions (not even by counting toward a bundle or a
  spend threshold) nor in coupons. Below the product's own price the line keeps its
  own price as ``unit_price`` and the difference x qty is a 改價 adjustment (so the
  receipt shows it under 折扣); at or above it, the override is the unit price and
  there is no adjustment. Either way ``price_source`` is :data:`OVERRIDE_PRICE_SOURCE`.
- **Manual discount** (kind :data:`MANUAL_DISCOUNT`, rule id :data:`LINE_RULE` on a
  line or :data:`SALE_RULE` on the whole sale, name 手動折扣 or 手動折扣 10%). Applied
  after promotions and coupons to what is left: line discounts first (canonical line
  order), then the sale-wide one over every line (overridden ones included), spread
  by largest remainder weighted by each unit's net. A percent rounds half up once;
  an amount is never more than the net it applies to (the caller refuses a bigger
  one, see :func:`manual_room`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

from app.domain.money import div_round_half_up
from app.domain.pricing.model import CartLine, ManualDiscount
from app.domain.pricing.offers import CartState, Outcome, spread_groups
from app.domain.pricing.result import PricedCart

MANUAL_SOURCE = "manual"
PRICE_OVERRIDE = "price_override"  # adjustment kind and rule id
OVERRIDE_NAME = "改價"
OVERRIDE_PRICE_SOURCE = "override"  # PricedLine.price_source of an overridden line
MANUAL_DISCOUNT = "manual_discount"  # adjustment kind
LINE_RULE = "manual_line"  # rule id of a manual discount on one line
SALE_RULE = "manual_sale"  # rule id of the sale-wide manual discount


def override_prices(
    lines: Sequence[CartLine], resolved: list[tuple[int, str]], fixed: Sequence[int]
) -> tuple[list[tuple[int, str]], list[int], list[tuple[int, int]]]:
    """Apply the overrides of lines ``fixed`` (indices into canonical ``lines``).

    Returns ``(resolved, unit_nets, shares)``: the ``(unit_price, price_source)`` per
    line, each line's starting net per unit, and the 改價 ``(line index, amount)``.
    """
    resolved = list(resolved)
    nets = [price for price, _ in resolved]
    shares: list[tuple[int, int]] = []
    for i in fixed:
        line = lines[i]
        override = line.price_override
        assert override is not None
        base = line.base_unit_price
        nets[i] = override
        if override < base:
            resolved[i] = (base, OVERRIDE_PRICE_SOURCE)
            shares.append((i, (base - override) * line.qty))
        else:
            resolved[i] = (override, OVERRIDE_PRICE_SOURCE)
    return resolved, nets, shares


def run_manual(
    state: CartState, discounts: Iterable[ManualDiscount]
) -> list[tuple[ManualDiscount, Outcome]]:
    """Apply manual discounts to ``state`` (after coupons); returns what each did.

    Raises ``ValueError`` for a discount on an unknown line, two on one line, or
    two sale-wide ones. A discount that finds nothing to take is left out.
    """
    lines = state.lines
    index_of = {line.line_id: i for i, line in enumerate(lines)}
    per_line: dict[int, ManualDiscount] = {}
    sale: ManualDiscount | None = None
    for d in discounts:
        if d.line_id is None:
            if sale is not None:
                raise ValueError("more than one sale-wide manual discount")
            sale = d
            continue
        i = index_of.get(d.line_id)
        if i is None:
            raise ValueError(f"manual discount on unknown line {d.line_id!r}")
        if i in per_line:
            raise ValueError(f"more than one manual discount on line {d.line_id!r}")
        per_line[i] = d
    done: list[tuple[ManualDiscount, Outcome]] = []
    for i in sorted(per_line):
        outcome = _apply(state, per_line[i], (i,))
        if outcome is not None:
            done.append((per_line[i], outcome))
    if sale is not None:
        outcome = _apply(state, sale, range(len(lines)))
        if outcome is not None:
            done.append((sale, outcome))
    return done


def _apply(state: CartState, d: ManualDiscount, line_idx: Iterable[int]) -> Outcome | None:
    """One manual discount over the units of ``line_idx`` with something left."""
    net, line_units = state.net, state.line_units
    groups: list[tuple[int, Sequence[int]]] = []
    for i in line_idx:
        by_net: dict[int, list[int]] = {}
        for u in line_units[i]:
            n = net[u]
            if n > 0:
                by_net.setdefault(n, []).append(u)
        groups += by_net.items()
    base = sum([n * len(members) for n, members in groups])
    if base <= 0:
        return None
    if d.percent is not None:
        amount = div_round_half_up(base * d.percent, 100)
    else:
        amount = min(d.amount or 0, base)
    if amount <= 0:
        return None
    discounts = spread_groups(groups, amount)
    for u, share in discounts:
        net[u] -= share
    used = tuple(u for _, members in groups for u in members)
    return Outcome(tuple(discounts), used, 1, amount)


# ------------------------------------------------------------ reading a priced cart


def manual_discount_total(priced: PricedCart) -> int:
    """What every manual discount (not 改價) took off the sale."""
    return sum(a.amount for a in priced.adjustments if a.kind == MANUAL_DISCOUNT)


def discount_percent_of(priced: PricedCart | int, before: int | None = None) -> Fraction:
    """The manual discount as an exact percent of what the sale cost before it.

    ``discount_percent_of(priced_cart)``, or ``discount_percent_of(amount, before)``
    for plain amounts. A ``Fraction`` (never a float): compare it with a cashier's
    whole-percent limit directly (``discount_percent_of(p) <= 10``); NT$11 off NT$100
    is 11, NT$1 off NT$3 is 100/3. Nothing to discount gives 0.
    """
    if isinstance(priced, PricedCart):
        amount = manual_discount_total(priced)
        before = priced.total + amount
    else:
        amount = priced
        if before is None:
            raise TypeError("discount_percent_of(amount, before): before is required")
    if before <= 0 or amount <= 0:
        return Fraction(0)
    return Fraction(amount * 100, before)


def manual_room(priced: PricedCart, line_id: str | None = None) -> int:
    """The most a manual amount discount may take: the line's net before any manual
    discount (``line_id``), or the sale's total after the line discounts (None)."""
    if line_id is None:
        return priced.total + sum(
            a.amount for a in priced.adjustments
            if a.kind == MANUAL_DISCOUNT and a.rule_id == SALE_RULE
        )
    room = priced.line(line_id).net
    for a in priced.adjustments:
        if a.kind == MANUAL_DISCOUNT:
            room += sum(s.amount for s in a.shares if s.line_id == line_id)
    return room


def short_discounts(priced: PricedCart, discounts: Iterable[ManualDiscount]) -> list[ManualDiscount]:
    """Amount discounts the engine could not give in full (more than was left)."""
    given: dict[str | None, int] = {}
    for a in priced.adjustments:
        if a.kind != MANUAL_DISCOUNT:
            continue
        if a.rule_id == SALE_RULE:
            given[None] = a.amount
        elif a.shares:
            given[a.shares[0].line_id] = a.amount
    return [
        d for d in discounts if d.amount is not None and given.get(d.line_id, 0) < d.amount
    ]
