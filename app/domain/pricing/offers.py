"""How each promotion kind computes its discount on the cart's units (internal).

The engine expands the cart into units (one per item of quantity) in canonical
order, each with its current net amount. An evaluator looks at the units it may use,
and returns an ``Outcome``: the discount per unit, the units it consumed, and how
many applications it made. Evaluators never mutate; ``CartState.apply`` does.
Amounts of one application are spread over its units with ``allocate`` weighted by
their current net, so no unit ever goes below zero.

Unit choice is deterministic: "most expensive first" sorts by (-net, unit index),
"cheapest first" by (net, unit index); unit index follows the canonical line order
(``available`` yields units in ascending index order and the sorts are stable).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.money import allocate, div_round_half_up
from app.domain.pricing.model import (
    AmountOff,
    Bundle,
    BuyGet,
    CartLine,
    MixMatch,
    Offer,
    PercentOff,
    SpendThreshold,
    Target,
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one promotion would do: per-unit discounts, consumed units, applications."""

    discounts: tuple[tuple[int, int], ...]  # (unit index, discount > 0)
    used: tuple[int, ...]
    applications: int
    amount: int


class CartState:
    """Mutable per-reprice unit state: net per unit, and which units are taken."""

    __slots__ = (
        "lines", "unit_line", "net", "claimed", "touched", "line_units", "line_claimed",
        "line_touched", "_match", "_keys",
    )  # fmt: skip

    def __init__(self, lines: Sequence[CartLine], unit_prices: Sequence[int]) -> None:
        self.lines = lines
        unit_line: list[int] = []
        net: list[int] = []
        line_units: list[range] = []
        start = 0
        for i, (line, price) in enumerate(zip(lines, unit_prices, strict=True)):
            qty = line.qty
            unit_line += [i] * qty
            net += [price] * qty
            line_units.append(range(start, start + qty))
            start += qty
        self.unit_line = unit_line
        self.net = net
        self.line_units = line_units
        self.claimed = [False] * start  # taken by an exclusive promotion
        self.touched = [False] * start  # discounted by any promotion
        # per line: does any of its units have the flag (lets ``available`` skip units)
        self.line_claimed = [False] * len(lines)
        self.line_touched = [False] * len(lines)
        self._match: dict[Target, tuple[int, ...]] = {}
        # (field, value) -> line indices: matching a target is a few dict probes
        by_sku: dict[str, list[int]] = {}
        by_category: dict[str, list[int]] = {}
        by_brand: dict[str, list[int]] = {}
        for i, line in enumerate(lines):
            by_sku.setdefault(line.sku, []).append(i)
            by_category.setdefault(line.category, []).append(i)
            by_brand.setdefault(line.brand, []).append(i)
        self._keys: tuple[dict[str, list[int]], ...] = (by_sku, by_category, by_brand)

    def sku_lines(self, sku: str) -> list[int]:
        """Indices of lines selling ``sku``."""
        return self._keys[0].get(sku, [])

    def match(self, target: Target, *, empty_is_all: bool = False) -> tuple[int, ...]:
        """Indices of lines ``target`` matches (cached for this reprice)."""
        hit = self._match.get(target)
        if hit is not None:
            return hit
        if target.empty:
            return tuple(range(len(self.lines))) if empty_is_all else ()
        found: set[int] = set()
        for wanted, table in zip(
            (target.skus, target.categories, target.brands), self._keys, strict=True
        ):
            if len(wanted) <= len(table):
                for key in wanted:
                    idx = table.get(key)
                    if idx is not None:
                        found.update(idx)
            else:
                for key, idx in table.items():
                    if key in wanted:
                        found.update(idx)
        hit = tuple(sorted(found))
        self._match[target] = hit
        return hit

    def available(self, line_idx: Sequence[int], exclusive: bool) -> list[int]:
        """Units on those lines a promotion may use: unclaimed, and untouched if exclusive."""
        line_units, line_claimed, line_touched = (
            self.line_units, self.line_claimed, self.line_touched
        )  # fmt: skip
        out: list[int] = []
        for i in line_idx:
            if line_claimed[i] or (exclusive and line_touched[i]):
                claimed, touched = self.claimed, self.touched
                if exclusive:
                    out += [u for u in line_units[i] if not (claimed[u] or touched[u])]
                else:
                    out += [u for u in line_units[i] if not claimed[u]]
            else:
                out += line_units[i]
        return out

    def apply(self, outcome: Outcome, exclusive: bool) -> None:
        net, touched, unit_line, line_touched = (
            self.net, self.touched, self.unit_line, self.line_touched
        )  # fmt: skip
        for u, d in outcome.discounts:
            net[u] -= d
            touched[u] = True
            line_touched[unit_line[u]] = True
        if exclusive:
            claimed, line_claimed = self.claimed, self.line_claimed
            for u in outcome.used:
                claimed[u] = True
                line_claimed[unit_line[u]] = True


def _allocate(amount: int, weights: list[int]) -> list[int]:
    """``money.allocate`` for the engine's case (amount >= 0, weights >= 0), faster.

    Largest remainder, ties to the earlier weight: identical results to
    ``money.allocate`` (which it defers to for the degenerate zero-weight case).
    """
    total = sum(weights)
    if total <= 0 or amount < 0:
        return allocate(amount, weights)
    parts = [amount * w // total for w in weights]
    short = amount - sum(parts)
    if short:
        rems = [amount * w % total for w in weights]
        # stable sort: equal remainders keep ascending index (ties to the earlier weight)
        for i in sorted(range(len(weights)), key=rems.__getitem__, reverse=True)[:short]:
            parts[i] += 1
    return parts


def spread(state: CartState, units: Sequence[int], amount: int) -> list[tuple[int, int]]:
    """Allocate ``amount`` over ``units`` by their net (largest remainder); drop zeros.

    Identical units (same line, same net) are allocated as one weight and then
    split evenly, earlier units taking the odd dollars: same fairness, fewer weights.
    """
    if len(units) == 1:
        return [(units[0], amount)] if amount else []
    if not amount:
        return []
    net, unit_line = state.net, state.unit_line
    groups: dict[tuple[int, int], list[int]] = {}
    for u in units:
        key = (unit_line[u], net[u])
        members = groups.get(key)
        if members is None:
            groups[key] = [u]
        else:
            members.append(u)
    if len(groups) == len(units):  # every unit its own weight
        shares = _allocate(amount, [net[u] for u in units])
        return [(u, d) for u, d in zip(units, shares) if d]
    keys = list(groups)
    shares = _allocate(amount, [n * len(groups[key]) for key in keys for n in (key[1],)])
    out: list[tuple[int, int]] = []
    for key, share in zip(keys, shares, strict=True):
        if not share:
            continue
        members = groups[key]
        if len(members) == 1:
            out.append((members[0], share))
            continue
        q, r = divmod(share, len(members))
        for k, u in enumerate(members):
            d = q + 1 if k < r else q
            if d:
                out.append((u, d))
    return out


def _outcome(
    discounts: list[tuple[int, int]], used: Sequence[int], applications: int
) -> Outcome | None:
    amount = sum(d for _, d in discounts)
    if amount <= 0:
        return None
    return Outcome(tuple(discounts), tuple(used), applications, amount)


def evaluate(offer: Offer, state: CartState, exclusive: bool, cap: int | None) -> Outcome | None:
    """Dispatch to the kind's evaluator; ``cap`` limits applications (None = no limit)."""
    if cap is not None and cap <= 0:
        return None
    return _EVALUATORS[type(offer)](offer, state, exclusive, cap)  # type: ignore[operator]


def _dearest_first(state: CartState, units: list[int]) -> list[int]:
    """Units by net, dearest first; equal nets keep ascending unit order (stable sort)."""
    return sorted(units, key=state.net.__getitem__, reverse=True)


def _cheapest_first(state: CartState, units: list[int]) -> list[int]:
    return sorted(units, key=state.net.__getitem__)


def _percent_off(o: PercentOff, s: CartState, excl: bool, cap: int | None) -> Outcome | None:
    units = [u for u in s.available(s.match(o.target), excl) if s.net[u] > 0]
    if cap is not None and len(units) > cap:
        units = sorted(_dearest_first(s, units)[:cap])
    if not units:
        return None
    # one rounding per promotion, not per unit: 3 x NT$35 at 10% off = NT$11 off
    amount = div_round_half_up(sum(s.net[u] for u in units) * o.percent, 100)
    return _outcome(spread(s, units, amount), units, len(units))


def _amount_off(o: AmountOff, s: CartState, excl: bool, cap: int | None) -> Outcome | None:
    units = [u for u in s.available(s.match(o.target), excl) if s.net[u] > 0]
    if cap is not None and len(units) > cap:
        units = sorted(_dearest_first(s, units)[:cap])
    discounts = [(u, min(o.amount, s.net[u])) for u in units]
    return _outcome(discounts, units, len(units))


def _bundle(o: Bundle, s: CartState, excl: bool, cap: int | None) -> Outcome | None:
    pools = []
    for sku, qty in o.items:
        pools.append((_dearest_first(s, s.available(s.sku_lines(sku), excl)), qty))
    sets = min(len(pool) // qty for pool, qty in pools)
    if cap is not None:
        sets = min(sets, cap)
    discounts: list[tuple[int, int]] = []
    used: list[int] = []
    done = 0
    for k in range(sets):
        group = [u for pool, qty in pools for u in pool[k * qty : (k + 1) * qty]]
        saving = sum(s.net[u] for u in group) - o.price
        if saving <= 0:
            break  # later sets are no dearer, so no saving there either
        discounts.extend(spread(s, group, saving))
        used.extend(group)
        done += 1
    return _outcome(discounts, used, done)


def _mix_match(o: MixMatch, s: CartState, excl: bool, cap: int | None) -> Outcome | None:
    pool = _dearest_first(s, s.available(s.match(o.target), excl))
    groups = len(pool) // o.qty
    if cap is not None:
        groups = min(groups, cap)
    discounts: list[tuple[int, int]] = []
    used: list[int] = []
    done = 0
    for k in range(groups):
        group = pool[k * o.qty : (k + 1) * o.qty]
        saving = sum(s.net[u] for u in group) - o.price
        if saving <= 0:
            break
        discounts.extend(spread(s, group, saving))
        used.extend(group)
        done += 1
    return _outcome(discounts, used, done)


def _buy_get(o: BuyGet, s: CartState, excl: bool, cap: int | None) -> Outcome | None:
    """Each application: the dearest ``buy_qty`` buy units qualify, the cheapest
    ``get_qty`` other get units are discounted (retail convention: the cheaper item free)."""
    buy = _dearest_first(s, s.available(s.match(o.buy), excl))
    net = s.net
    get = _cheapest_first(s, s.available(s.match(o.get), excl))
    taken: set[int] = set()
    bi = gi = 0
    discounts: list[tuple[int, int]] = []
    used: list[int] = []
    done = 0
    while cap is None or done < cap:
        bought: list[int] = []
        while len(bought) < o.buy_qty and bi < len(buy):
            if buy[bi] not in taken:
                bought.append(buy[bi])
            bi += 1
        if len(bought) < o.buy_qty:
            break
        taken.update(bought)
        got: list[int] = []
        while len(got) < o.get_qty and gi < len(get):
            if get[gi] not in taken:
                got.append(get[gi])
            gi += 1
        if len(got) < o.get_qty:
            break
        taken.update(got)
        amount = div_round_half_up(sum(net[u] for u in got) * o.percent, 100)
        if amount <= 0:
            break  # the cheapest remaining get units are already free
        discounts.extend(spread(s, got, amount))
        used.extend(bought + got)
        done += 1
    return _outcome(discounts, used, done)


def _threshold(o: SpendThreshold, s: CartState, excl: bool, cap: int | None) -> Outcome | None:
    units = [u for u in s.available(s.match(o.target, empty_is_all=True), excl) if s.net[u] > 0]
    spend = sum(s.net[u] for u in units)
    if spend < o.threshold or spend <= 0:
        return None
    if o.percent is not None:
        times = 1
        amount = div_round_half_up(spend * o.percent, 100)
    else:
        assert o.amount is not None
        times = spend // o.threshold if o.repeat else 1
        if cap is not None:
            times = min(times, cap)
        amount = min(o.amount * times, spend)
    return _outcome(spread(s, units, amount), units, times)


_EVALUATORS = {
    PercentOff: _percent_off,
    AmountOff: _amount_off,
    Bundle: _bundle,
    MixMatch: _mix_match,
    BuyGet: _buy_get,
    SpendThreshold: _threshold,
}
