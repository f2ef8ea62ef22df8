"""Three terminals in two stores go offline and online in random order while members
earn, redeem, top up, spend and return goods. HQ grants offline allowances (and holds
them in escrow) whenever a terminal goes offline and settles them when it syncs.

Checked at every step: stored value is never below zero, not at HQ, not in truth (all
events made anywhere), not on any terminal's screen, and HQ never holds more escrow
than the member has. At the end, with everything synced: every balance is the sum of
its events, no point came from nothing, refunds never exceed their sale, nothing was
dropped, and reconciliation flags exactly the overdrafts there are.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from app.domain import stored_value as sv
from app.domain.loyalty import (
    Balances,
    EarnLine,
    LoyaltyEvent,
    OfflineAllowance,
    PointsEarned,
    PointsRedeemed,
    PointsRestored,
    PointsReversed,
    SaleLoyalty,
    StoredValueError,
    StoredValueRefunded,
    StoredValueSpent,
    StoredValueTopUp,
    balance,
    check_offline,
    earn_points,
    escrow_outstanding,
    offline_usage,
    parse_loyalty_rules,
    plan_refund,
    reconcile,
    redeem,
    redeemable,
)

RULES = parse_loyalty_rules(
    {
        "schema": 1,
        "earn": {
            "spend_per_point": 20,
            "excluded_categories": ["菸酒", "儲值"],
            "promotions": [{"id": "PP", "name": "雙倍", "categories": ["麵包"], "multiplier": 2}],
            "tier_multipliers": {"gold": 3},
        },
        "redeem": {"points_per_dollar": 2, "min_points": 10, "max_share_percent": 50},
        "stored_value": {"max_balance": 3000},
    }
)
PPD = RULES.redeem.points_per_dollar
TERMINALS = {"S1-T1": "S1", "S1-T2": "S1", "S2-T1": "S2"}  # terminal -> store
MEMBERS = {"M1": None, "M2": "gold", "M3": "silver"}
START = datetime(2025, 6, 5, 9, 0)
ITEMS = [("D0001", "飲料"), ("B0001", "麵包"), ("C0001", "菸酒"), ("X0001", None)]

terminal_ids = st.sampled_from(sorted(TERMINALS))
member_ids = st.sampled_from(sorted(MEMBERS))
shares = st.sampled_from([50, 100, 0, 30])  # percent of what HQ could grant


def pick(data: st.DataObject, most: int, within: int, label: str) -> int:
    """None, all the cashier may, or all there is (which may be refused offline)."""
    most = max(0, most)
    choice = data.draw(st.sampled_from(["none", "within", "all", "some"]), label=label)
    if choice == "within":
        return min(most, max(0, within))
    if choice == "all":
        return most
    if choice == "some":
        return data.draw(st.integers(0, most), label=label)
    return 0


@dataclass
class Terminal:
    online: bool = True
    outbox: list[LoyaltyEvent] = field(default_factory=list)
    snapshot: dict[str, Balances] = field(default_factory=dict)  # HQ's view at last sync
    allowances: dict[str, OfflineAllowance] = field(default_factory=dict)


@dataclass
class Sale:
    terminal_id: str
    member_id: str
    record: SaleLoyalty
    refunded: dict[str, int] = field(default_factory=dict)
    stored_value_back: int = 0


class LoyaltyMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = START
        self.seq = 0
        self.sale_seq = 0
        self.hq_events: list[LoyaltyEvent] = []  # arrival order, repeats included
        self.granted: list[OfflineAllowance] = []
        self.held: dict[str, OfflineAllowance] = {}  # escrow not yet settled
        self.terminals = {t: Terminal() for t in TERMINALS}
        self.created: list[LoyaltyEvent] = []  # every event made anywhere
        self.tally: dict[str, Counter[str]] = {m: Counter() for m in MEMBERS}
        self.per_sale: dict[str, Counter[str]] = {}
        self.sales: dict[str, Sale] = {}
        self.rogue: list[LoyaltyEvent] = []
        self.reversed_any = False

    # ------------------------------------------------------------------ helpers

    def record(self, terminal_id: str, cls: type, member_id: str, amount: int, **kw: Any) -> None:
        self.seq += 1
        term = self.terminals.get(terminal_id)
        offline = term is not None and not term.online
        event = cls(f"ev-{self.seq:04d}", member_id, amount, terminal_id, self.now,
                    offline=offline, **kw)  # fmt: skip
        self.created.append(event)
        self.tally[member_id][event.kind] += amount
        if event.sale_ref:
            self.per_sale.setdefault(event.sale_ref, Counter())[event.kind] += amount
        if offline:
            term.outbox.append(event)  # type: ignore[union-attr]
        else:
            self.hq_events.append(event)

    def hq_balance(self, member_id: str) -> Balances:
        return balance(self.hq_events, member_id)

    def available(self, member_id: str) -> Balances:
        """What HQ lets an online debit use: balance minus escrow held for terminals."""
        held = escrow_outstanding(self.held.values(), self.hq_events)
        return self.hq_balance(member_id) - held.get(member_id, Balances())

    def known(self, terminal_id: str, member_id: str) -> Balances:
        term = self.terminals[terminal_id]
        if term.online:
            return self.hq_balance(member_id)
        return term.snapshot[member_id] + balance(term.outbox, member_id)

    def sync(self, terminal_id: str, data: st.DataObject | None) -> None:
        term = self.terminals[terminal_id]
        batch = list(term.outbox)
        if data is not None and batch:  # at-least-once: some events arrive twice
            batch += data.draw(st.lists(st.sampled_from(term.outbox), max_size=3), label="resent")
        self.hq_events.extend(batch)
        for allowance in term.allowances.values():
            del self.held[allowance.allowance_id]  # settled: unused escrow released
        term.outbox.clear()
        term.allowances.clear()
        term.online = True

    # -------------------------------------------------------------------- rules

    @initialize()
    def welcome(self) -> None:
        for member_id in MEMBERS:
            self.record("HQ", PointsEarned, member_id, 300)
            self.record("HQ", StoredValueTopUp, member_id, 500)

    @rule(terminal_id=terminal_ids, data=st.data())
    def go_offline(self, terminal_id: str, data: st.DataObject) -> None:
        term = self.terminals[terminal_id]
        if not term.online:
            return
        hours = data.draw(st.integers(1, 6), label="valid hours")
        for member_id in sorted(MEMBERS):
            free = self.available(member_id)
            allowance = OfflineAllowance(
                f"A-{len(self.granted) + 1:03d}", member_id, terminal_id,
                points=max(0, free.points) * data.draw(shares, label="points share") // 100,
                stored_value=max(0, free.stored_value) * data.draw(shares, label="escrow") // 100,
                valid_until=self.now + timedelta(hours=hours),
            )  # fmt: skip
            self.granted.append(allowance)
            self.held[allowance.allowance_id] = allowance
            term.allowances[member_id] = allowance
            term.snapshot[member_id] = self.hq_balance(member_id)
        term.online = False

    @rule(terminal_id=terminal_ids, data=st.data())
    def go_online(self, terminal_id: str, data: st.DataObject) -> None:
        if not self.terminals[terminal_id].online:
            self.sync(terminal_id, data)

    @rule(minutes=st.integers(1, 180))
    def tick(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    @rule(terminal_id=terminal_ids, member_id=member_ids, data=st.data())
    def sale(self, terminal_id: str, member_id: str, data: st.DataObject) -> None:
        term = self.terminals[terminal_id]
        nets = data.draw(st.lists(st.integers(0, 800), min_size=1, max_size=4), label="nets")
        lines = [
            EarnLine(f"L{i}", *data.draw(st.sampled_from(ITEMS), label="item"), net)
            for i, net in enumerate(nets)
        ]
        due = sum(nets)
        self.sale_seq += 1
        sale_ref = f"SALE-{self.sale_seq:04d}"
        points, value, spent = 0, 0, 0
        # points: what the screen offers (balance, share of the bill), capped offline by
        # what is left of the allowance unless the cashier tries for more
        have = self.available(member_id) if term.online else self.known(terminal_id, member_id)
        left = self.allowance_left(terminal_id, member_id)
        offer = redeemable(have.points, due, RULES.redeem)
        dollars = pick(data, offer.value, left.points // PPD, "redeem")
        if dollars * PPD >= RULES.redeem.min_points:
            points = dollars * PPD
            value = redeem(points, RULES.redeem, balance=have.points, due=due)
            if not term.online and not self.offline_ok(terminal_id, member_id, points=points):
                points = value = 0
        # stored value for (part of) the rest
        want = pick(data, min(due - value, have.stored_value), left.stored_value, "stored value")
        if want:
            sv.spend(have.stored_value, want)
            if term.online or self.offline_ok(terminal_id, member_id, stored_value=want):
                spent = want
        allowance = None if term.online else term.allowances[member_id].allowance_id
        if points:
            self.record(terminal_id, PointsRedeemed, member_id, points, sale_ref=sale_ref,
                        allowance_id=allowance)  # fmt: skip
        if spent:
            self.record(terminal_id, StoredValueSpent, member_id, spent, sale_ref=sale_ref,
                        allowance_id=allowance)  # fmt: skip
        earned = earn_points(lines, RULES.earn, tier=MEMBERS[member_id], at=self.now)
        if earned.points:
            self.record(terminal_id, PointsEarned, member_id, earned.points, sale_ref=sale_ref)
        record = SaleLoyalty.of(sale_ref, lines, earned, points_redeemed=points,
                                points_value=value, stored_value_spent=spent)  # fmt: skip
        self.sales[sale_ref] = Sale(terminal_id, member_id, record)

    def allowance_left(self, terminal_id: str, member_id: str) -> Balances:
        term = self.terminals[terminal_id]
        if term.online:
            return Balances(10**9, 10**9)
        allowance = term.allowances[member_id]
        return allowance.amounts - offline_usage(allowance, term.outbox)

    def offline_ok(self, terminal_id: str, member_id: str, **amounts: int) -> bool:
        term = self.terminals[terminal_id]
        allowance = term.allowances[member_id]
        verdict = check_offline(
            allowance, used=offline_usage(allowance, term.outbox),
            known=self.known(terminal_id, member_id), at=self.now, **amounts,
        )  # fmt: skip
        event(f"offline check: {verdict.reason or 'ok'} {verdict.what or ''}")
        return verdict.ok

    @precondition(lambda self: any(not t.online for t in self.terminals.values()))
    @rule(data=st.data())
    def rogue_redemption(self, data: st.DataObject) -> None:
        """An old build skips the offline check: reconciliation must catch any overdraft."""
        if data.draw(st.booleans(), label="honest after all"):
            return  # most runs stay honest
        terminal_id = data.draw(
            st.sampled_from(sorted(t for t, term in self.terminals.items() if not term.online))
        )
        member_id = data.draw(member_ids)
        allowance = self.terminals[terminal_id].allowances[member_id]
        self.record(terminal_id, PointsRedeemed, member_id, data.draw(st.integers(1, 400)),
                    sale_ref=f"ROGUE-{self.seq}", allowance_id=allowance.allowance_id)
        self.rogue.append(self.created[-1])

    @rule(terminal_id=terminal_ids, member_id=member_ids, amount=st.integers(1, 1500))
    def top_up(self, terminal_id: str, member_id: str, amount: int) -> None:
        try:
            sv.top_up(self.known(terminal_id, member_id).stored_value, amount, RULES.stored_value)
        except StoredValueError:
            return
        self.record(terminal_id, StoredValueTopUp, member_id, amount)

    @precondition(lambda self: bool(self.sales))
    @rule(data=st.data())
    def refund(self, data: st.DataObject) -> None:
        sale = self.sales[data.draw(st.sampled_from(sorted(self.sales)), label="sale")]
        open_lines = {k: v - sale.refunded.get(k, 0) for k, v in sale.record.line_nets.items()}
        open_lines = {k: v for k, v in open_lines.items() if v > 0}
        if not open_lines:
            return
        chosen = data.draw(st.lists(st.sampled_from(sorted(open_lines)), min_size=1, unique=True))
        returning = {k: data.draw(st.integers(1, open_lines[k]), label="amount") for k in chosen}
        plan = plan_refund(sale.record, returning, sale.refunded)
        sale.refunded = dict(plan.refunded)
        ref, who, where = sale.record.sale_ref, sale.member_id, sale.terminal_id
        if plan.points_reversed:
            self.reversed_any = True
            self.record(where, PointsReversed, who, plan.points_reversed, sale_ref=ref)
        if plan.points_restored:
            self.record(where, PointsRestored, who, plan.points_restored, sale_ref=ref)
        if plan.stored_value_refunded:
            sv.refund(0, plan.stored_value_refunded, spent_on_sale=sale.record.stored_value_spent,
                      already_refunded=sale.stored_value_back)  # fmt: skip
            sale.stored_value_back += plan.stored_value_refunded
            self.record(where, StoredValueRefunded, who, plan.stored_value_refunded, sale_ref=ref)

    # --------------------------------------------------------------- invariants

    @invariant()
    def stored_value_never_below_zero(self) -> None:
        held = escrow_outstanding(self.held.values(), self.hq_events)
        for member_id in MEMBERS:
            assert balance(self.created, member_id).stored_value >= 0
            hq = self.hq_balance(member_id)
            assert hq.stored_value >= held.get(member_id, Balances()).stored_value >= 0
            for terminal_id in TERMINALS:
                assert self.known(terminal_id, member_id).stored_value >= 0

    def teardown(self) -> None:
        for terminal_id, term in self.terminals.items():
            if not term.online:
                self.sync(terminal_id, None)
        rec = reconcile(self.hq_events, self.granted)
        # nothing dropped, nothing doubled
        assert rec.received == len(self.hq_events) and not rec.quarantined
        assert [e.event_id for e in rec.applied] != [] and len(rec.applied) == len(self.created)
        assert {e.event_id for e in rec.applied} == {e.event_id for e in self.created}
        for member_id in MEMBERS:
            t = self.tally[member_id]
            points = (t["points_earned"] - t["points_redeemed"] + t["points_restored"]
                      - t["points_reversed"])  # fmt: skip
            stored = t["stored_value_top_up"] - t["stored_value_spent"] + t[
                "stored_value_refunded"
            ]
            assert rec.balances[member_id] == balance(self.created, member_id)
            assert rec.balances[member_id] == Balances(points, stored)
            assert stored >= 0
        for counts in self.per_sale.values():
            assert counts["points_reversed"] <= counts["points_earned"]
            assert counts["points_restored"] <= counts["points_redeemed"]
            assert counts["stored_value_refunded"] <= counts["stored_value_spent"]
        # reconciliation flags exactly the overdrafts there are
        flagged = {(f.code, f.ref or f.member_id) for f in rec.overdrafts}
        expected = {("negative_points", m) for m, b in rec.balances.items() if b.points < 0}
        for allowance in self.granted:
            used = offline_usage(allowance, self.created)
            if used.points > allowance.points or used.stored_value > allowance.stored_value:
                expected.add(("exceeds_allowance", allowance.allowance_id))
        for rogue in self.rogue:
            allowance = next(a for a in self.granted if a.allowance_id == rogue.allowance_id)
            if rogue.at >= allowance.valid_until:
                expected.add(("allowance_expired", allowance.allowance_id))
        assert flagged == expected
        event("overdraft kinds: " + ",".join(sorted({code for code, _ in flagged})))
        honest = sorted({e.kind for e in self.created if e.is_offline_debit and e not in self.rogue})
        event("honest offline debits: " + ",".join(honest))
        event(f"rogue: {bool(self.rogue)}")
        event(f"refunds: {sum(bool(s.refunded) for s in self.sales.values()) > 0}")
        assert not [f for f in rec.findings if not f.is_overdraft]
        if not self.rogue:
            assert {code for code, _ in flagged} <= {"negative_points"}
        if not self.rogue and not self.reversed_any:
            assert rec.findings == ()


LoyaltyMachine.TestCase.settings = settings(
    max_examples=50,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestLoyaltyOfflineOnline = LoyaltyMachine.TestCase
