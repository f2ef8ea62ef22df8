"""Members across several stores, offline and online in random order (issue 5).

Hypothesis drives three real terminals (two stores) against one real HQ process on
loopback. Terminals sync only when a step says so, so everything else happens
offline: registrations (the same phone at two stores is merged by HQ), sales that
earn points and pay with points and stored value within HQ's allowances, top-ups,
returns, and signed coupons used at two stores. After everything syncs:

- every member's balance at HQ equals what the steps did (points earned as each
  terminal reported them, minus redeemed and reversed, plus restored; stored value
  topped up minus spent plus refunded): no point was created from nothing;
- HQ's balance is the sum of its event ledger, and every terminal's snapshot of it
  agrees;
- stored value never went below zero, neither at a terminal nor at HQ in the order
  HQ received the events;
- each coupon was used once, or its second use is flagged at HQ.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pytest
import requests
from hypothesis import HealthCheck, settings
from hypothesis import event as hypothesis_event
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from sqlalchemy import text

from app.domain.cart import CartError
from app.services.app_services import start_services
from app.services.documents.members import register_member
from app.services.printing import PrinterConfig
from app.services.records.member_payments import known_balances
from app.services.records.members import MemberDirectory
from app.services.records.returns import returnable
from tests.support.hq_server import HQ, hq_database
from tests.sync.test_end_to_end import DEMO_CSV

RULES = {"schema": 1, "earn": {"spend_per_point": 2},
         "redeem": {"points_per_dollar": 1, "min_points": 5, "max_share_percent": 50},
         "stored_value": {"max_balance": 3000, "min_top_up": 100}}
COUPONS = {"schema": 1, "coupons": [
    {"code": "OFF10", "name": "折10元", "amount": 10, "expires_at": "2031-01-01T00:00:00+08:00"}]}
PRODUCTS = "\n".join(DEMO_CSV.splitlines()[:13]) + "\n"  # header + 12 products
SIGNS = {"PointsEarned": (1, 0), "PointsRedeemed": (-1, 0), "PointsReversed": (-1, 0),
         "PointsRestored": (1, 0), "StoredValueTopUp": (0, 1), "StoredValueSpent": (0, -1),
         "StoredValueRefunded": (0, 1)}
_runs = itertools.count(1)
SEEN: Counter[str] = Counter()  # what the examples exercised, over the whole run


def event(what: str) -> None:
    SEEN[what] += 1
    hypothesis_event(what)


@dataclass
class Expected:
    points: int = 0
    stored_value: int = 0


@dataclass
class World:
    hq: HQ
    folder: object
    barcodes: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("members_stateful")
    with hq_database("sqlite", folder) as url:
        (folder / "hqdata").mkdir()
        hq = HQ(url, folder / "hqdata")
        try:
            assert hq.import_products(PRODUCTS).status_code == 200
            assert hq.import_pricing(COUPONS).status_code == 200
            r = requests.post(f"{hq.api}/admin/loyalty/rules", headers=hq.admin_headers,
                              json=RULES)
            assert r.status_code == 200, r.text
            barcodes = [line.split(",")[1] for line in PRODUCTS.splitlines()[1:]]
            yield World(hq, folder, barcodes)
        finally:
            hq.stop()


class MembersAcrossStores(RuleBasedStateMachine):
    world: World

    def __init__(self) -> None:
        super().__init__()
        run = next(_runs)
        hq = self.world.hq
        self.phones = [f"09{run:02d}{i:06d}" for i in range(3)]
        stores = [hq.store(f"R{run:02d}A"), hq.store(f"R{run:02d}B")]
        self.terminals = []
        for store, tid in ((stores[0], "T01"), (stores[0], "T02"), (stores[1], "T01")):
            folder = self.world.folder / f"run{run}" / f"{store}-{tid}"
            svc = start_services(folder, PrinterConfig(url=f"file:{folder / 'r.escpos'}"),
                                 start_sync=False)
            svc.pair(hq.base, hq.pairing_code(store, tid))
            svc.agent.sync_now()
            self.terminals.append(svc)
        issued = [requests.post(f"{hq.api}/admin/coupons", headers=hq.admin_headers,
                                json={"terms": "OFF10"}).json()["coupons"][0]["code"]
                  for _ in range(2)]
        self.coupons = issued
        self.expected: dict[str, Expected] = {}  # by phone
        self.sales: list[tuple[int, str, str]] = []  # (terminal, sale id, phone)
        self.member_paid: list[tuple[int, str, str]] = []  # sales paid with points/stored value
        self.coupon_uses: dict[str, list[str]] = defaultdict(list)  # code -> sale ids

    def teardown(self) -> None:
        try:
            if self.expected:
                self._check_after_full_sync()
        finally:
            for t in self.terminals:
                t.close()

    # --- helpers -----------------------------------------------------------------------
    def _member(self, t: int, phone: str):
        return MemberDirectory(self.terminals[t].ledger).find(phone)

    def _hq_member(self, phone: str) -> dict | None:
        r = requests.get(f"{self.world.hq.api}/admin/members/lookup",
                         headers=self.world.hq.admin_headers, params={"phone": phone})
        return r.json() if r.status_code == 200 else None

    # --- rules -------------------------------------------------------------------------
    @initialize(where=st.lists(st.integers(0, 2), min_size=3, max_size=3),
                twice=st.lists(st.integers(0, 2), max_size=2),
                top_ups=st.lists(st.sampled_from([0, 100, 500, 1000]), min_size=3, max_size=3))
    def members_join(self, where, twice, top_ups):
        """Yesterday: each phone registered somewhere (some at a second store too, offline:
        HQ merges them), topped up and bought something; everyone synced overnight."""
        for p, t in enumerate(where):
            self.register(t, p)
        for p in twice:
            self.register((where[p] + 2) % 3, p)  # the other store's terminal
        for t in range(3):
            self.sync(t)
        for p, (t, amount) in enumerate(zip(where, top_ups, strict=True)):
            if amount:
                self.top_up(t, p, amount, online=False)
            self.sell(t, p, [p, p + 3, p + 6], 0, 0, None)
        for _ in range(2):
            for t in range(3):
                self.sync(t)

    @rule(t=st.integers(0, 2), p=st.integers(0, 2))
    def register(self, t, p):
        svc, phone = self.terminals[t], self.phones[p]
        register_member(svc.ledger, store_id=svc.terminal.store_id,
                        terminal_id=svc.terminal.terminal_id, phone=phone, name=f"會員{p}")
        self.expected.setdefault(phone, Expected())

    @rule(t=st.integers(0, 2))
    def sync(self, t):
        self.terminals[t].agent.sync_now()

    @rule(p=st.integers(0, 2), share=st.integers(3, 100))
    def grant_allowances(self, p, share):
        """HQ lets each terminal spend a third of ``share`` % of what the member has free,
        and the terminals, online at that moment, receive it."""
        found = self._hq_member(self.phones[p])
        if found is None:
            event("allowance: member unknown at HQ")
            return  # HQ has not heard of this member yet
        bal = found["balances"]
        points = max(0, bal["free_points"]) * share // 300
        stored = max(0, bal["free_stored_value"]) * share // 300
        if not (points or stored):
            return
        for svc in self.terminals:
            r = requests.post(f"{self.world.hq.api}/admin/allowances",
                              headers=self.world.hq.admin_headers,
                              json={"member_id": found["member"]["member_id"],
                                    "terminal": f"{svc.terminal.store_id}/"
                                                f"{svc.terminal.terminal_id}",
                                    "points": points, "stored_value": stored})
            if r.status_code == 422 and r.json()["error"] == "exceeds_free_balance":
                # the terminal synced just before pushed a return's reversal: less is free
                event("allowance refused: exceeds_free_balance")
                continue
            assert r.status_code == 200, r.text
            svc.agent.sync_now()
            event("allowance granted")

    @rule(t=st.integers(0, 2), p=st.integers(0, 2), amount=st.sampled_from([50, 100, 500, 2500]),
          online=st.booleans())
    def top_up(self, t, p, amount, online):
        member = self._member(t, self.phones[p])
        if member is None:
            return
        try:
            self.terminals[t].top_up(member.member_id, amount)
        except CartError as exc:
            assert exc.code in ("top_up_below_min_top_up", "top_up_exceeds_max_balance")
            return
        self.expected[self.phones[p]].stored_value += amount
        if online:  # HQ hears of it at once (else at the terminal's next sync)
            self.sync(t)

    @rule(t=st.integers(0, 2), p=st.integers(0, 2), items=st.lists(st.integers(0, 11),
          min_size=1, max_size=4), points=st.integers(0, 30), stored=st.integers(0, 200),
          coupon=st.sampled_from([None, 0, 1]))
    def sell(self, t, p, items, points, stored, coupon):
        svc, phone = self.terminals[t], self.phones[p]
        member = self._member(t, phone)
        if member is None:
            return
        checkout = svc.checkout
        for i in items:
            assert checkout.scan(self.world.barcodes[i]).ok
        checkout.attach_member(MemberDirectory(svc.ledger).cart_member(member))
        code = self.coupons[coupon] if coupon is not None else None
        if code is not None and not checkout.scan(code).ok:
            code = None  # used here before: refused at once, nothing applied
        redeemed = spent = 0
        # the cashier offers what the member has (the terminal still checks the allowance)
        known = known_balances(svc.ledger, member.member_id)
        points = min(points, known.points, checkout.cart.totals().remaining // 2)
        stored = min(stored, known.stored_value)
        if points:
            try:
                tender = checkout.pay_points(points)
                redeemed = tender.points
            except CartError as exc:  # no allowance, beyond it, over HQ's share: told why
                event(f"points refused: {exc.code}")
        if stored:
            try:
                spent = checkout.pay_stored_value(min(stored, checkout.cart.totals().remaining))
                spent = spent.amount
            except CartError as exc:
                event(f"stored value refused: {exc.code}")
                spent = 0
        if not checkout.cart.is_paid:
            checkout.pay_exact_cash()
        checkout.begin_commit()
        sale = checkout.commit()
        checkout.end_commit(sale)
        exp = self.expected[phone]
        exp.points += sale.points_earned - redeemed
        exp.stored_value -= spent
        event(f"sale paid with points: {bool(redeemed)}, stored value: {bool(spent)}")
        self.sales.append((t, sale.sale_id, phone))
        if redeemed or spent:
            self.member_paid.append((t, sale.sale_id, phone))
        if code is not None:
            self.coupon_uses[code].append(sale.sale_id)

    @rule(t=st.integers(0, 2), p=st.integers(0, 2), items=st.lists(st.integers(0, 11),
          min_size=1, max_size=4), points=st.integers(0, 60), stored=st.integers(0, 200))
    def sell_again(self, t, p, items, points, stored):
        """Sales are most of a day: a second rule makes them twice as likely."""
        self.sell(t, p, items, points, stored, None)

    @precondition(lambda self: self.sales)
    @rule(data=st.data())
    def return_sale(self, data):
        self._return(data, self.sales)

    @precondition(lambda self: self.member_paid)
    @rule(data=st.data())
    def return_member_paid_sale(self, data):
        """Returns of sales paid with points or stored value: what comes back, and where."""
        self._return(data, self.member_paid)

    def _return(self, data, sales) -> None:
        t, sale_id, phone = data.draw(st.sampled_from(sales))
        svc = self.terminals[t]
        info = returnable(svc.ledger, sale_id)
        wanted = {ln.line_no: ln.left for ln in info.lines if ln.left}
        if not wanted:
            return
        wanted = dict(list(wanted.items())[: data.draw(st.integers(1, len(wanted)))])
        done = svc.record_return(sale_id, wanted)
        exp = self.expected[phone]
        exp.points += done.points_restored - done.points_reversed
        exp.stored_value += dict(done.payments).get("stored_value", 0)
        event(f"return restored points: {bool(done.points_restored)}, "
              f"stored value: {'stored_value' in dict(done.payments)}")

    @invariant()
    def stored_value_never_below_zero_at_a_terminal(self):
        if not getattr(self, "terminals", None):
            return
        for svc in self.terminals:
            with svc.ledger.read() as conn:
                ids = [r[0] for r in conn.exec_driver_sql(
                    "SELECT member_id FROM members WHERE merged_into IS NULL")]
            for mid in ids:
                assert known_balances(svc.ledger, mid).stored_value >= 0

    # --- after everything syncs --------------------------------------------------------
    def _check_after_full_sync(self) -> None:
        for _ in range(2):  # push everything; then every terminal hears what others pushed
            for svc in self.terminals:
                svc.agent.sync_now()
        hq = self.world.hq
        for svc in self.terminals:
            assert svc.sync_store.pending_count() == 0
        for phone, exp in self.expected.items():
            found = self._hq_member(phone)
            assert found is not None, phone
            mid = found["member"]["member_id"]
            bal = found["balances"]
            assert (bal["points"], bal["stored_value"]) == (exp.points, exp.stored_value), phone
            ids = [mid, *found.get("merged_ids", [])]
            with hq.engine.connect() as conn:  # in the order HQ received them
                rows = conn.execute(text(
                    "SELECT type, amount, member_id FROM member_events ORDER BY id")).all()
            points = stored = 0
            for kind, amount, who in rows:
                if who not in ids:
                    continue
                dp, ds = SIGNS[kind]
                points += dp * amount
                stored += ds * amount
                assert stored >= 0, f"{phone}: stored value below zero at HQ"
            assert (points, stored) == (exp.points, exp.stored_value)
            for svc in self.terminals:  # every terminal's snapshot agrees with HQ
                with svc.ledger.read() as conn:
                    snap = conn.exec_driver_sql(
                        "SELECT points, stored_value FROM members WHERE member_id = ?", (mid,)
                    ).first()
                if snap is not None:
                    assert tuple(snap) == (exp.points, exp.stored_value), (phone, svc.terminal)
        conflicts = requests.get(f"{hq.api}/admin/coupons/conflicts",
                                 headers=hq.admin_headers).json()["conflicts"]
        merged = sum(bool(self._hq_member(p)["merged_ids"]) for p in self.expected)
        event(f"members merged at HQ: {merged}")
        for code, sale_ids in self.coupon_uses.items():
            event(f"coupon used {len(sale_ids)} times")
            flagged = [c for c in conflicts if {c["first_sale"], c["second_sale"]} <= set(sale_ids)]
            assert len(flagged) == len(sale_ids) - 1, (code, sale_ids, conflicts)


@pytest.mark.slow
def test_members_across_stores_offline_and_online(world):
    MembersAcrossStores.world = world
    machine = MembersAcrossStores.TestCase
    # derandomized: CI runs the same examples every time, and the check below stays true
    machine.settings = settings(max_examples=10, stateful_step_count=50, deadline=None,
                                derandomize=True, database=None,
                                suppress_health_check=[HealthCheck.too_slow,
                                                       HealthCheck.function_scoped_fixture])
    SEEN.clear()
    machine().runTest()
    # the examples did reach what the invariants are about (else this test proves little)
    seen = " | ".join(f"{n} x {what}" for what, n in sorted(SEEN.items()))
    print("members stateful coverage:", seen)  # shown with pytest -s
    for wanted in ("allowance granted", "sale paid with points: True",
                   "stored value: True", "return restored points: True",
                   "coupon used 2 times", "members merged at HQ: 1"):
        assert any(wanted in what for what in SEEN), f"no example with {wanted!r}: {seen}"
