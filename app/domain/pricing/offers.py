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

from app.domain.money import allocate
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


@dataclass(slots=True)
class Outcome:
    """What one promotion would do: per-unit discounts, consumed units, applications."""

    discounts: tuple[tuple[int, int], ...]  # (unit index, discount > 0), any order
    used: tuple[int, ...]  # a set of units: order carries no meaning
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
        # (field, value) -> line indices: matching a target is a few dict probes
        by_sku: dict[str, list[int]] = {}
        by_category: dict[str, list[int]] = {}
        by_brand: dict[str, list[int]] = {}
        start = 0
        for i, (line, price) in enumerate(zip(lines, unit_prices, strict=True)):
            qty = line.qty
            unit_line += [i] * qty
            net += [price] * qty
            line_units.append(range(start, start + qty))
            start += qty
            by_sku.setdefault(line.sku, []).append(i)
            by_category.setdefault(line.category, []).append(i)
            by_brand.setdefault(line.brand, []).append(i)
        self.unit_line = unit_line
        self.net = net
        self.line_units = line_units
        self.claimed = [False] * start  # taken by an exclusive promotion
        self.touched = [False] * start  # discounted by any promotion
        # per line: does any of its units have the flag (lets ``available`` skip units)
        self.line_claimed = [False] * len(lines)
        self.line_touched = [False] * len(lines)
        # id(target) -> (target, matching lines): an identity lookup, no dataclass hash
        self._match: dict[int, tuple[Target, tuple[int, ...]]] = {}
        self._keys: tuple[dict[str, list[int]], ...] = (by_sku, by_category, by_brand)

    def sku_lines(self, sku: str) -> list[int]:
        """Indices of lines selling ``sku``."""
        return self._keys[0].get(sku, [])

    def match(self, target: Target, *, empty_is_all: bool = False) -> tuple[int, ...]:
        """Indices of lines ``target`` matches (cached for this reprice)."""
        cached = self._match.get(id(target))
        if cached is not None:
            return cached[1]
        if target.empty:
            return tuple(range(len(self.lines))) if empty_is_all else ()
        hits: list[int] = []
        for wanted, table in (
            (target.skus, self._keys[0]),
            (target.categories, self._keys[1]),
            (target.brands, self._keys[2]),
        ):
            if not wanted:
                continue
            if len(wanted) <= len(table):
                for key in wanted:
                    idx = table.get(key)
                    if idx is not None:
                        hits += idx
            else:
                for key, idx in table.items():
                    if key in wanted:
                        hits += idx
        hit = tuple(sorted(set(hits)))
        self._match[id(target)] = (target, hit)  # holding the target keeps its id unique
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

    def usable(self, i: int, exclusive: bool) -> list[int]:
        """The units of line ``i`` a promotion may use (``available`` for one line)."""
        claimed = self.claimed
        if exclusive:
            touched = self.touched
            return [u for u in self.line_units[i] if not (claimed[u] or touched[u])]
        return [u for u in self.line_units[i] if not claimed[u]]

    def claim_lines(self, line_idx: Sequence[int]) -> None:
        """Take every unit of those lines out of promotions (price overrides)."""
        claimed, line_claimed = self.claimed, self.line_claimed
        for i in line_idx:
            for u in self.line_units[i]:
                claimed[u] = True
            line_claimed[i] = True

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
    if short == 1:  # the usual case: one odd dollar, to the first largest remainder
        rems = [amount * w % total for w in weights]
        parts[rems.index(max(rems))] += 1
    elif short:
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
    unit_keys = [(unit_line[u], net[u]) for u in units]
    distinct = len(set(unit_keys))
    if distinct == len(units):  # every unit its own weight
        shares = _allocate(amount, [n for _, n in unit_keys])
        return [(u, d) for u, d in zip(units, shares) if d]
    if distinct == 1 and unit_keys[0][1] > 0:  # identical units: just split evenly
        q, r = divmod(amount, len(units))
        out = [(u, q + 1) for u in units[:r]]
        if q:
            out += [(u, q) for u in units[r:]]
        return out
    groups: dict[tuple[int, int], list[int]] = {}
    for u, key in zip(units, unit_keys):
        members = groups.get(key)
        if members is None:
            groups[key] = [u]
        else:
            members.append(u)
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


def positive_groups(
    s: CartState, line_idx: Sequence[int], exclusive: bool
) -> list[tuple[int, Sequence[int]]]:
    """Available units with net > 0 on those lines, as ``spread`` would group them.

    Returns ``(net, members)`` per (line, net) in order of first unit (ascending
    unit order), so ``spread_groups(groups, amount) == spread(units, amount)`` for
    the same units in ascending order. Quantity-aware: a line no promotion touched
    or claimed still has every unit at its unit price, so it is one group without
    looking at its units one by one.
    """
    net, line_units = s.net, s.line_units
    line_claimed, line_touched = s.line_claimed, s.line_touched
    out: list[tuple[int, Sequence[int]]] = []
    for i in line_idx:
        units = line_units[i]
        if not (line_claimed[i] or line_touched[i]):
            n = net[units.start]
            if n > 0:
                out.append((n, units))
            continue
        by_net: dict[int, list[int]] = {}
        for u in s.usable(i, exclusive):
            n = net[u]
            if n > 0:
                members = by_net.get(n)
                if members is None:
                    by_net[n] = [u]
                else:
                    members.append(u)
        out += by_net.items()
    return out


def spread_groups(
    groups: Sequence[tuple[int, Sequence[int]]], amount: int
) -> list[tuple[int, int]]:
    """``spread`` over pre-grouped units: one weight per group (net x members), then
    split evenly inside a group, earlier units taking the odd dollars; drop zeros."""
    if not amount:
        return []
    shares = _allocate(amount, [n * len(members) for n, members in groups])
    out: list[tuple[int, int]] = []
    for (_, members), share in zip(groups, shares, strict=True):
        if not share:
            continue
        k = len(members)
        if k == 1:
            out.append((members[0], share))
            continue
        q, r = divmod(share, k)
        if r:
            out += [(u, q + 1) for u in members[:r]]
        if q:
            out += [(u, q) for u in members[r:]]
    return out


def _group_units(groups: Sequence[tuple[int, Sequence[int]]]) -> list[int]:
    return [u for _, members in groups for u in members]


def _outcome(
    discounts: list[tuple[int, int]], used: Sequence[int], applications: int
) -> Outcome | None:
    amount = 0
    for _, d in discounts:
        amount += d
    if amount <= 0:
        return None
    return Outcome(tuple(discounts), tuple(used), applications, amount)


def _percent_of(value: int, percent: int) -> int:
    """``div_round_half_up(value * percent, 100)`` for ``value >= 0``."""
    return (value * percent + 50) // 100


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


def _positive(s: CartState, target: Target, excl: bool, cap: int | None) -> list[int]:
    """Available units of ``target`` with something left to discount, capped dearest-first."""
    net = s.net
    units = [u for u in s.available(s.match(target), excl) if net[u] > 0]
    if cap is not None and len(units) > cap:
        units = sorted(_dearest_first(s, units)[:cap])
    return units


def _percent_off(o: PercentOff, s: CartState, excl: bool, cap: int | None) -> Outcome | None:
    if cap is None:
        groups = positive_groups(s, s.match(o.target), excl)
        if not groups:
            return None
        # one rounding per promotion, not per unit: 3 x NT$35 at 10% off = NT$11 off
        amount = _percent_of(sum([n * len(members) for n, members in groups]), o.percent)
        units = _group_units(groups)
        return _outcome(spread_groups(groups, amount), units, len(units))
    units = _positive(s, o.target, excl, cap)
    if not units:
        return None
    amount = _percent_of(sum(map(s.net.__getitem__, units)), o.percent)
    return _outcome(spread(s, units, amount), units, len(units))


def _amount_off(o: AmountOff, s: CartState, excl: bool, cap: int | None) -> Outcome | None:
    units = _positive(s, o.target, excl, cap)
    if not units:
        return None
    net, amount = s.net, o.amount
    discounts = [(u, amount if amount < net[u] else net[u]) for u in units]
    return _outcome(discounts, units, len(units))


def _bundle(o: Bundle, s: CartState, excl: bool, cap: int | None) -> Outcome | None:
    pools = []
    sets = -1
    for sku, qty in o.items:
        pool = s.available(s.sku_lines(sku), excl)
        n = len(pool) // qty
        if n == 0:
            return None
        if sets < 0 or n < sets:
            sets = n
        pools.append((pool, qty))
    if cap is not None:
        sets = min(sets, cap)
    pools = [(_dearest_first(s, pool), qty) for pool, qty in pools]
    net = s.net
    discounts: list[tuple[int, int]] = []
    used: list[int] = []
    done = 0
    for k in range(sets):
        group = [u for pool, qty in pools for u in pool[k * qty : (k + 1) * qty]]
        saving = sum(map(net.__getitem__, group)) - o.price
        if saving <= 0:
            break  # later sets are no dearer, so no saving there either
        discounts += spread(s, group, saving)
        used += group
        done += 1
    return _outcome(discounts, used, done)


def _mix_match(o: MixMatch, s: CartState, excl: bool, cap: int | None) -> Outcome | None:
    qty = o.qty
    pool = s.available(s.match(o.target), excl)
    groups = len(pool) // qty
    if cap is not None:
        groups = min(groups, cap)
    if groups <= 0:
        return None
    pool = _dearest_first(s, pool)
    net = s.net
    discounts: list[tuple[int, int]] = []
    done = 0
    for k in range(groups):
        group = pool[k * qty : (k + 1) * qty]
        saving = sum(map(net.__getitem__, group)) - o.price
        if saving <= 0:
            break
        discounts += spread(s, group, saving)
        done += 1
    return _outcome(discounts, pool[: done * qty], done)


def _buy_get(o: BuyGet, s: CartState, excl: bool, cap: int | None) -> Outcome | None:
    """Each application: the dearest ``buy_qty`` buy units qualify, the cheapest
    ``get_qty`` other get units are discounted (retail convention: the cheaper item free)."""
    buy_qty, get_qty, percent = o.buy_qty, o.get_qty, o.percent
    buy = s.available(s.match(o.buy), excl)
    if len(buy) < buy_qty:
        return None
    # ``get`` defaults to the very same target as ``buy`` (same units available)
    get = buy if o.get is o.buy else s.available(s.match(o.get), excl)
    if not get:
        return None
    buy = _dearest_first(s, buy)
    get = _cheapest_first(s, get)
    net = s.net
    n_buy, n_get = len(buy), len(get)
    discounts: list[tuple[int, int]] = []
    used: list[int] = []
    # Fast start: application j buys buy[j*bq:(j+1)*bq] and gets get[j*gq:(j+1)*gq]
    # for as long as those prefixes share no unit (then the scan below skips nothing).
    done = 0
    if buy_qty > 0 and get_qty > 0:
        k0 = min(n_buy // buy_qty, n_get // get_qty)
        if cap is not None and cap < k0:
            k0 = cap
        if k0 > 0:
            get_app = {u: j // get_qty for j, u in enumerate(get[: k0 * get_qty])}
            for j in range(min(n_buy, k0 * buy_qty)):
                if j >= k0 * buy_qty:
                    break
                app = get_app.get(buy[j])
                if app is not None:  # bought in application j // bq, got in ``app``
                    first = max(j // buy_qty, app)  # the first application holding both
                    if first < k0:
                        k0 = first
        if k0 > 0:
            # amounts never fall across applications (later get units are no cheaper),
            # so only the first can be zero, and then the scan below stops at once
            if get_qty == 1:
                first_amount = _percent_of(net[get[0]], percent)
            else:
                first_amount = _percent_of(sum(map(net.__getitem__, get[:get_qty])), percent)
            if first_amount > 0:
                if get_qty == 1:
                    discounts = [(u, _percent_of(net[u], percent)) for u in get[:k0]]
                else:
                    for j in range(k0):
                        got = get[j * get_qty : (j + 1) * get_qty]
                        amount = _percent_of(sum(map(net.__getitem__, got)), percent)
                        discounts += spread(s, got, amount)
                used = buy[: k0 * buy_qty] + get[: k0 * get_qty]
                done = k0
    bi, gi = done * buy_qty, done * get_qty
    taken: set[int] = set(used)
    while cap is None or done < cap:
        bought = buy[bi : bi + buy_qty]
        if len(bought) == buy_qty and taken.isdisjoint(bought):
            bi += buy_qty  # the next units, none taken: what the scan below would pick
        else:
            bought = []
            while len(bought) < buy_qty and bi < n_buy:
                u = buy[bi]
                bi += 1
                if u not in taken:
                    bought.append(u)
            if len(bought) < buy_qty:
                break
        taken.update(bought)
        got = get[gi : gi + get_qty]
        if len(got) == get_qty and taken.isdisjoint(got):
            gi += get_qty
        else:
            got = []
            while len(got) < get_qty and gi < n_get:
                u = get[gi]
                gi += 1
                if u not in taken:
                    got.append(u)
            if len(got) < get_qty:
                break
        taken.update(got)
        if get_qty == 1:
            u = got[0]
            amount = _percent_of(net[u], percent)
            if amount <= 0:
                break  # the cheapest remaining get units are already free
            discounts.append((u, amount))
        else:
            amount = _percent_of(sum(map(net.__getitem__, got)), percent)
            if amount <= 0:
                break  # the cheapest remaining get units are already free
            discounts += spread(s, got, amount)
        used += bought
        used += got
        done += 1
    return _outcome(discounts, used, done)


def _threshold(o: SpendThreshold, s: CartState, excl: bool, cap: int | None) -> Outcome | None:
    groups = positive_groups(s, s.match(o.target, empty_is_all=True), excl)
    spend = sum([n * len(members) for n, members in groups])
    if spend < o.threshold or spend <= 0:
        return None
    if o.percent is not None:
        times = 1
        amount = _percent_of(spend, o.percent)
    else:
        assert o.amount is not None
        times = spend // o.threshold if o.repeat else 1
        if cap is not None:
            times = min(times, cap)
        amount = min(o.amount * times, spend)
    return _outcome(spread_groups(groups, amount), _group_units(groups), times)


_EVALUATORS = {
    PercentOff: _percent_off,
    AmountOff: _amount_off,
    Bundle: _bundle,
    MixMatch: _mix_match,
    BuyGet: _buy_get,
    SpendThreshold: _threshold,
}
