"""Points, stored value, offline allowances, refunds and reconciliation: worked
examples (hand-computed), validation and Hypothesis properties (docs/loyalty.md)."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import stored_value as sv
from app.domain.loyalty import (
    Balances,
    EarnLine,
    EventConflictError,
    LoyaltyRulesError,
    OfflineAllowance,
    PointsEarned,
    PointsRedeemed,
    PointsRestored,
    PointsReversed,
    RedemptionError,
    SaleLoyalty,
    StoredValueError,
    StoredValueRefunded,
    StoredValueSpent,
    StoredValueTopUp,
    balance,
    balances_by_member,
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

RULES_DOC: dict[str, Any] = {
    "schema": 1,
    "meta": {"published_by": "HQ"},
    "earn": {
        "spend_per_point": 100,
        "excluded_categories": ["菸酒", "儲值"],
        "promotions": [
            {"id": "PP-TEA", "name": "茶飲雙倍點", "skus": ["D0006"], "multiplier": 2,
             "from": "2025-06-01T00:00:00+08:00", "to": "2025-07-01T00:00:00+08:00"},
            {"id": "PP-BREAD", "name": "麵包日三倍", "categories": ["麵包"], "skus": ["D0006"],
             "multiplier": 3, "from": "2025-06-10T00:00:00", "to": "2025-06-11T00:00:00"},
        ],
        "tier_multipliers": {"gold": 2, "silver": 1},
    },
    "redeem": {"points_per_dollar": 10, "min_points": 100, "max_share_percent": 50},
    "stored_value": {"max_balance": 10000, "min_top_up": 100},
}  # fmt: skip
RULES = parse_loyalty_rules(RULES_DOC)
JUNE_5 = datetime(2025, 6, 5, 12, 0)
MAY_20 = datetime(2025, 5, 20, 12, 0)


def line(line_id: str, net: int, sku: str = "D0001", category: str | None = "飲料") -> EarnLine:
    return EarnLine(line_id, sku, category, net)


# ---------------------------------------------------------------------- earning


def test_base_rate_floors_per_sale_and_skips_excluded_categories() -> None:
    lines = [line("L1", 150), line("L2", 120, "C0001", "菸酒"), line("L3", 99, "S0001", "零食")]
    r = earn_points(lines, RULES.earn, tier=None, at=MAY_20)
    # eligible 150 + 99 = 249 -> 2 points; allocate(2, [150, 99]) = [1, 1]
    assert (r.points, r.eligible_amount) == (2, 249)
    assert [(p.rule, p.points) for p in r.breakdown] == [("base", 2)]
    assert [(lp.line_id, lp.points, lp.excluded) for lp in r.lines] == [
        ("L1", 1, None), ("L2", 0, "category"), ("L3", 1, None)
    ]


def test_stored_value_top_up_line_earns_nothing() -> None:
    r = earn_points([line("L1", 1000, "TOPUP", "儲值")], RULES.earn, tier="gold", at=JUNE_5)
    assert (r.points, r.eligible_amount, r.breakdown) == (0, 0, ())


def test_promotion_and_tier_multipliers_add_on_the_base() -> None:
    lines = [line("L1", 300, "D0006"), line("L2", 200)]
    plain = earn_points(lines, RULES.earn, tier=None, at=JUNE_5)
    # base 5 -> [3, 2]; tea 2x adds 3 more on L1
    assert plain.points == 8
    assert [(p.rule, p.points) for p in plain.breakdown] == [("base", 5), ("promotion:PP-TEA", 3)]
    gold = earn_points(lines, RULES.earn, tier="gold", at=JUNE_5)
    assert gold.points == 13  # + base 5 for gold
    assert [(p.rule, p.points) for p in gold.breakdown][-1] == ("tier:gold", 5)
    assert (gold.line("L1").points, gold.line("L2").points) == (9, 4)
    assert gold.line("L1").promotion_id == "PP-TEA"


def test_best_promotion_wins_and_windows_are_half_open() -> None:
    lines = [line("L1", 300, "D0006")]
    bread_day = earn_points(lines, RULES.earn, tier=None, at=datetime(2025, 6, 10, 9, 0))
    assert bread_day.points == 9 and bread_day.line("L1").promotion_id == "PP-BREAD"
    ended = earn_points(lines, RULES.earn, tier=None, at=datetime(2025, 7, 1, 0, 0))
    assert ended.points == 3 and ended.line("L1").promotion_id is None
    unknown_tier = earn_points(lines, RULES.earn, tier="platinum", at=MAY_20)
    assert unknown_tier.points == 3


def test_duplicate_line_ids_and_negative_nets_are_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        earn_points([line("L1", 1), line("L1", 2)], RULES.earn, tier=None, at=JUNE_5)
    with pytest.raises(ValueError, match="net"):
        earn_points([line("L1", -1)], RULES.earn, tier=None, at=JUNE_5)


# ------------------------------------------------------------------- redemption


@pytest.mark.parametrize(
    ("balance_", "due", "expected"),
    [(1234, 500, (1230, 123)), (2000, 301, (1500, 150)), (95, 1000, (0, 0)), (5000, 1, (0, 0)),
     (0, 100, (0, 0)), (1000, 0, (0, 0))],
)  # fmt: skip
def test_redeemable(balance_: int, due: int, expected: tuple[int, int]) -> None:
    r = redeemable(balance_, due, RULES.redeem)
    assert (r.points, r.value) == expected


def test_redeem_converts_whole_dollars_only() -> None:
    assert redeem(250, RULES.redeem) == 25
    assert redeem(1500, RULES.redeem, balance=1500, due=300) == 150


@pytest.mark.parametrize(
    ("points", "kwargs", "code"),
    [(105, {}, "not_a_multiple"), (90, {}, "below_minimum"), (0, {}, "not_positive"),
     (-10, {}, "not_positive"), (200, {"balance": 150}, "insufficient_balance"),
     (200, {"due": 30}, "exceeds_share")],
)  # fmt: skip
def test_redeem_refusals_have_codes(points: int, kwargs: dict[str, int], code: str) -> None:
    with pytest.raises(RedemptionError) as info:
        redeem(points, RULES.redeem, **kwargs)
    assert info.value.code == code


# ---------------------------------------------------------------- stored value


def test_stored_value_top_up_spend_refund() -> None:
    rules = RULES.stored_value
    assert sv.top_up(9800, 200, rules) == 10000
    assert sv.spend(300, 300) == 0
    assert sv.refund(0, 120, spent_on_sale=200, already_refunded=80) == 120


@pytest.mark.parametrize(
    ("call", "code"),
    [(lambda: sv.top_up(9900, 200, RULES.stored_value), "exceeds_max_balance"),
     (lambda: sv.top_up(0, 50, RULES.stored_value), "below_min_top_up"),
     (lambda: sv.top_up(0, 0, RULES.stored_value), "not_positive"),
     (lambda: sv.spend(100, 101), "insufficient_balance"),
     (lambda: sv.spend(100, -5), "not_positive"),
     (lambda: sv.refund(0, 121, spent_on_sale=200, already_refunded=80), "exceeds_spent")],
)  # fmt: skip
def test_stored_value_refusals_have_codes(call: Any, code: str) -> None:
    with pytest.raises(StoredValueError) as info:
        call()
    assert info.value.code == code


# ---------------------------------------------------------------------- events

T0 = datetime(2025, 6, 5, 9, 0)


def ev(cls: type, event_id: str, amount: int, member: str = "M1", **kw: Any) -> Any:
    kw.setdefault("terminal_id", "S1-T1")
    kw.setdefault("at", T0)
    if cls in (PointsReversed, PointsRestored, StoredValueRefunded):
        kw.setdefault("sale_ref", "SALE-1")
    return cls(event_id, member, amount, **kw)


def test_balance_is_the_sum_of_events_and_ids_count_once() -> None:
    events = [
        ev(PointsEarned, "e1", 500), ev(PointsRedeemed, "e2", 200), ev(PointsReversed, "e3", 30),
        ev(PointsRestored, "e4", 100), ev(StoredValueTopUp, "e5", 1000),
        ev(StoredValueSpent, "e6", 250), ev(StoredValueRefunded, "e7", 50),
        ev(PointsEarned, "e8", 7, member="M2"),
    ]  # fmt: skip
    assert balance(events, "M1") == Balances(370, 800)
    assert balance(events + events[:3]) == Balances(377, 800)
    assert balances_by_member(events) == {"M1": Balances(370, 800), "M2": Balances(7, 0)}


def test_same_id_different_payload_is_a_conflict() -> None:
    with pytest.raises(EventConflictError):
        balance([ev(PointsEarned, "e1", 500), ev(PointsEarned, "e1", 501)])


@pytest.mark.parametrize(
    ("kw", "match"),
    [({"amount": 0}, "amount"), ({"amount": 1.5}, "amount"), ({"member_id": ""}, "member_id"),
     ({"sale_ref": None}, "sale_ref")],
)  # fmt: skip
def test_bad_events_are_refused(kw: dict[str, Any], match: str) -> None:
    base = {"event_id": "e1", "member_id": "M1", "amount": 5, "terminal_id": "T", "at": T0,
            "sale_ref": "S"}  # fmt: skip
    with pytest.raises(ValueError, match=match):
        PointsReversed(**(base | kw))


# ---------------------------------------------------------- offline allowances

A1 = OfflineAllowance("A1", "M1", "S1-T1", points=500, stored_value=300,
                      valid_until=datetime(2025, 6, 5, 12, 0))  # fmt: skip


def test_offline_check_reasons() -> None:
    known = Balances(800, 1000)
    ok = check_offline(A1, points=500, used=Balances(), known=known, at=T0)
    assert ok.ok and ok.reason is None
    over = check_offline(A1, points=100, used=Balances(450, 0), known=known, at=T0)
    assert (over.ok, over.reason, over.what) == (False, "exceeds_allowance", "points")
    sv_over = check_offline(A1, stored_value=301, used=Balances(), known=known, at=T0)
    assert (sv_over.reason, sv_over.what) == ("exceeds_allowance", "stored_value")
    poor = check_offline(A1, stored_value=100, used=Balances(), known=Balances(800, 99), at=T0)
    assert (poor.reason, poor.what) == ("insufficient_balance", "stored_value")
    late = check_offline(A1, points=1, used=Balances(), known=known, at=A1.valid_until)
    assert late.reason == "allowance_expired"
    assert check_offline(None, points=1, used=Balances(), known=known, at=T0).reason == (
        "no_allowance"
    )
    with pytest.raises(ValueError):
        check_offline(A1, used=Balances(), known=known, at=T0)


def test_offline_usage_and_escrow() -> None:
    events = [
        ev(PointsRedeemed, "r1", 200, offline=True, allowance_id="A1"),
        ev(StoredValueSpent, "s1", 120, offline=True, allowance_id="A1"),
        ev(StoredValueSpent, "s1", 120, offline=True, allowance_id="A1"),  # resent
        ev(PointsRedeemed, "r2", 999, allowance_id="A1"),  # online: not the allowance's
    ]
    assert offline_usage(A1, events) == Balances(200, 120)
    assert escrow_outstanding([A1], events) == {"M1": Balances(300, 180)}


# -------------------------------------------------------------------- refunds


def refund_sale() -> SaleLoyalty:
    lines = [line("L1", 300, "D0006"), line("L2", 200), line("L3", 120, "C0001", "菸酒")]
    earned = earn_points(lines, RULES.earn, tier="gold", at=JUNE_5)
    assert earned.points == 13  # L1 9 (=3 x (2 + 2 - 1)), L2 4, L3 0 (excluded)
    # total 620 paid: 1000 points (NT$100), NT$200 stored value, NT$320 cash
    return SaleLoyalty.of("SALE-1", lines, earned, points_redeemed=1000, points_value=100,
                          stored_value_spent=200)  # fmt: skip


def test_refund_in_three_returns_gives_back_exactly_what_the_sale_took() -> None:
    sale = refund_sale()
    p1 = plan_refund(sale, {"L2": 200})
    # value 100 x 200/620 = 32.3 -> 32 (NT$320 in points); rest 168 to stored value
    assert (p1.points_reversed, p1.points_restored, p1.points_restored_value) == (4, 320, 32)
    assert (p1.stored_value_refunded, p1.other_refunded, p1.refund_total) == (168, 0, 200)
    p2 = plan_refund(sale, {"L1": 300}, p1.refunded)
    # cumulative 500: value 80.6 -> 81 (+49), stored value min(200, 419) (+32), cash 219
    assert (p2.points_reversed, p2.points_restored_value, p2.stored_value_refunded) == (9, 49, 32)
    assert p2.other_refunded == 219
    p3 = plan_refund(sale, {"L3": 120}, p2.refunded)
    assert (p3.points_reversed, p3.points_restored_value, p3.stored_value_refunded) == (0, 19, 0)
    assert p3.other_refunded == 101
    plans = [p1, p2, p3]
    assert sum(p.points_reversed for p in plans) == sale.points_earned == 13
    assert sum(p.points_restored for p in plans) == 1000
    assert sum(p.stored_value_refunded for p in plans) == 200
    assert sum(p.other_refunded for p in plans) == 320


def test_partial_quantity_refund_of_a_line() -> None:
    sale = refund_sale()
    p1 = plan_refund(sale, {"L1": 100})  # a third of L1 -> a third of its 9 points
    p2 = plan_refund(sale, {"L1": 100}, p1.refunded)
    p3 = plan_refund(sale, {"L1": 100}, p2.refunded)
    assert [p.points_reversed for p in (p1, p2, p3)] == [3, 3, 3]
    with pytest.raises(ValueError, match="more than"):
        plan_refund(sale, {"L1": 1}, p3.refunded)
    with pytest.raises(ValueError, match="not in sale"):
        plan_refund(sale, {"L9": 1})


# -------------------------------------------------------------- reconciliation


def test_reconcile_flags_overdrafts_and_names_events() -> None:
    a2 = OfflineAllowance("A2", "M2", "S1-T2", points=0, stored_value=100,
                          valid_until=datetime(2025, 6, 6))  # fmt: skip
    events = [
        ev(PointsEarned, "e1", 1000, terminal_id="S2-T1"),
        ev(PointsRedeemed, "r1", 300, offline=True, allowance_id="A1"),
        ev(PointsRedeemed, "r2", 300, offline=True, allowance_id="A1"),  # 600 > 500
        ev(PointsRedeemed, "r3", 100, offline=True, allowance_id="A1",
           at=datetime(2025, 6, 5, 12, 0)),  # at valid_until: expired, and still over
        ev(PointsRedeemed, "r4", 100, offline=True),  # no allowance at all
        ev(StoredValueTopUp, "t1", 100, member="M2", terminal_id="S1-T2"),
        ev(StoredValueSpent, "s1", 100, member="M2", terminal_id="S1-T2", offline=True,
           allowance_id="A2"),
        ev(StoredValueSpent, "s2", 50, member="M2", terminal_id="S2-T1"),  # online, late
        ev(PointsEarned, "e1", 1000, terminal_id="S2-T1"),  # resent: a repeat
        ev(PointsEarned, "e1", 999, terminal_id="S2-T1"),  # same id, other payload
    ]  # fmt: skip
    rec = reconcile(events, [A1, a2])
    assert rec.received == len(events)
    assert [e.event_id for e in rec.repeats] == ["e1"] and rec.quarantined[0].amount == 999
    assert rec.balances == {"M1": Balances(200, 0), "M2": Balances(0, -50)}
    found = {(f.code, f.member_id, f.event_ids, f.amount, f.ref) for f in rec.findings}
    assert found == {
        ("conflicting_duplicate", "M1", ("e1",), 0, None),
        ("allowance_expired", "M1", ("r3",), 100, "A1"),
        ("no_allowance", "M1", ("r4",), 100, None),
        ("exceeds_allowance", "M1", ("r2", "r3"), 200, "A1"),
        ("negative_stored_value", "M2", ("s2",), 50, None),
    }
    assert {f.code for f in rec.overdrafts} == found_codes(found) - {"conflicting_duplicate"}


def found_codes(found: set[tuple[Any, ...]]) -> set[str]:
    return {f[0] for f in found}


def test_reconcile_flags_refunds_beyond_their_sale() -> None:
    events = [
        ev(PointsEarned, "e1", 10, sale_ref="SALE-1"),
        ev(PointsReversed, "v1", 8), ev(PointsReversed, "v2", 8),
        ev(PointsRedeemed, "r1", 100, sale_ref="SALE-1"), ev(PointsRestored, "p1", 100),
        ev(StoredValueTopUp, "t1", 500), ev(StoredValueRefunded, "f1", 20),
    ]  # fmt: skip
    rec = reconcile(events, [])
    found = {(f.code, f.event_ids, f.amount, f.ref) for f in rec.findings}
    assert found == {
        ("reversal_exceeds_earned", ("v1", "v2"), 6, "SALE-1"),
        ("refund_exceeds_spent", ("f1",), 20, "SALE-1"),
        ("negative_points", ("v2",), 6, None),  # 10 - 100 + 100 - 16
    }


def test_clean_history_has_no_findings() -> None:
    events = [
        ev(PointsEarned, "e1", 600),
        ev(PointsRedeemed, "r1", 500, offline=True, allowance_id="A1"),
        ev(StoredValueTopUp, "t1", 300),
        ev(StoredValueSpent, "s1", 300, offline=True, allowance_id="A1"),
    ]
    rec = reconcile(list(reversed(events)), [A1])
    assert rec.findings == () and rec.balances == {"M1": Balances(100, 0)}


# ------------------------------------------------------------------ validation


def rules_with(path: str, value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(RULES_DOC)
    *parents, last = path.split(".")
    node: Any = doc
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if value is _DROP:
        del node[last]
    else:
        node[last] = value
    return doc


_DROP = object()


@pytest.mark.parametrize(
    ("path", "value", "error_path", "message"),
    [
        ("schema", 2, "schema", "unsupported schema version"),
        ("schema", _DROP, "schema", "unsupported schema version"),
        ("earn.spend_per_point", 0, "earn.spend_per_point", "between 1"),
        ("earn.spend_per_point", 100.0, "earn.spend_per_point", "integer"),
        ("earn.spend_per_point", _DROP, "earn.spend_per_point", "missing required field"),
        ("earn.excluded_categories", "菸酒", "earn.excluded_categories", "list"),
        ("earn.promotions.0.multiplier", 0, "earn.promotions[0].multiplier", "between 1 and 100"),
        ("earn.promotions.0.multiplier", "2", "earn.promotions[0].multiplier", "integer"),
        ("earn.promotions.0.to", "2025-05-01T00:00:00+08:00", "earn.promotions[0].to",
         "after from"),
        ("earn.promotions.0.from", "yesterday", "earn.promotions[0].from", "ISO 8601"),
        ("earn.promotions.1.id", "PP-TEA", "earn.promotions[1].id", "duplicate"),
        ("earn.promotions.0.skus", _DROP, "earn.promotions[0].skus", "at least one"),
        ("earn.promotions.0.mutliplier", 2, "earn.promotions[0].mutliplier", "unknown field"),
        ("earn.tier_multipliers", {"gold": 0}, "earn.tier_multipliers.gold", "between"),
        ("redeem.points_per_dollar", -1, "redeem.points_per_dollar", "between"),
        ("redeem.max_share_percent", 150, "redeem.max_share_percent", "between 1 and 100"),
        ("redeem.min_points", True, "redeem.min_points", "integer"),
        ("stored_value.max_balance", _DROP, "stored_value.max_balance", "missing"),
        ("stored_value", _DROP, "stored_value", "missing required field"),
        ("earn", [], "earn", "must be an object"),
        ("bonus", {}, "bonus", "unknown field"),
    ],
)  # fmt: skip
def test_validation_errors_name_the_field(path: str, value: Any, error_path: str,
                                          message: str) -> None:  # fmt: skip
    with pytest.raises(LoyaltyRulesError) as info:
        parse_loyalty_rules(rules_with(path, value))
    assert info.value.path == error_path
    assert str(info.value).startswith(f"{error_path}: ")
    assert message in str(info.value)


def test_every_problem_is_listed() -> None:
    doc = rules_with("redeem.points_per_dollar", 0)
    doc["stored_value"] = {"max_balance": -1}
    with pytest.raises(LoyaltyRulesError) as info:
        parse_loyalty_rules(doc)
    assert [e.split(":")[0] for e in info.value.errors] == [
        "redeem.points_per_dollar", "stored_value.max_balance"
    ]
    assert "(+1 more)" in str(info.value)


# ------------------------------------------------------------------ properties

CATEGORIES = ["飲料", "麵包", "菸酒", "儲值", None]
SKUS = ["D0001", "D0006", "C0001", "B0001"]


@st.composite
def sale_lines(draw: st.DrawFn, min_size: int = 0) -> list[EarnLine]:
    n = draw(st.integers(min_size, 8))
    return [
        EarnLine(f"L{i:02d}", draw(st.sampled_from(SKUS)), draw(st.sampled_from(CATEGORIES)),
                 draw(st.integers(0, 2000)))
        for i in range(n)
    ]  # fmt: skip


moments = st.datetimes(datetime(2025, 5, 25), datetime(2025, 7, 5))
tiers = st.sampled_from([None, "gold", "silver", "platinum"])


@settings(max_examples=150, deadline=None)
@given(sale_lines(), st.data(), tiers, moments)
def test_earning_is_line_order_independent(lines: list[EarnLine], data: st.DataObject,
                                           tier: str | None, at: datetime) -> None:  # fmt: skip
    shuffled = data.draw(st.permutations(lines))
    a = earn_points(lines, RULES.earn, tier=tier, at=at)
    b = earn_points(shuffled, RULES.earn, tier=tier, at=at)
    assert a == b
    assert a.points == sum(p.points for p in a.breakdown) == sum(lp.points for lp in a.lines)
    assert a.eligible_amount // 100 == sum(lp.base for lp in a.lines)
    assert all(lp.points == 0 for lp in a.lines if lp.excluded)


@st.composite
def sales(draw: st.DrawFn) -> SaleLoyalty:
    lines = draw(sale_lines(min_size=1))
    earned = earn_points(lines, RULES.earn, tier=draw(tiers), at=draw(moments))
    total = sum(ln.net for ln in lines)
    value = draw(st.integers(0, total))
    spent = draw(st.integers(0, total - value))
    return SaleLoyalty.of("S", lines, earned, points_redeemed=value * 10, points_value=value,
                          stored_value_spent=spent)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(sales(), st.data())
def test_refunds_never_give_back_more_than_the_sale_took(sale: SaleLoyalty,
                                                          data: st.DataObject) -> None:  # fmt: skip
    left = {k: v for k, v in sale.line_nets.items() if v}
    done: dict[str, int] = {}
    plans = []
    while left:
        line_id = data.draw(st.sampled_from(sorted(left)))
        amount = data.draw(st.integers(1, left[line_id]))
        plan = plan_refund(sale, {line_id: amount}, done)
        plans.append(plan)
        done = dict(plan.refunded)
        left[line_id] -= amount
        if not left[line_id]:
            del left[line_id]
        assert min(plan.points_reversed, plan.points_restored, plan.stored_value_refunded,
                   plan.other_refunded) >= 0  # fmt: skip
        assert plan.refund_total == (plan.points_restored_value + plan.stored_value_refunded
                                     + plan.other_refunded)  # fmt: skip
        assert sum(p.points_reversed for p in plans) <= sale.points_earned
        assert sum(p.points_restored for p in plans) <= sale.points_redeemed
        assert sum(p.stored_value_refunded for p in plans) <= sale.stored_value_spent
        if data.draw(st.booleans()):
            break
    if not left:  # everything returned: exactly what the sale earned and took
        assert sum(p.points_reversed for p in plans) == sale.points_earned
        assert sum(p.points_restored for p in plans) == sale.points_redeemed
        assert sum(p.stored_value_refunded for p in plans) == sale.stored_value_spent


EVENT_TYPES = [PointsEarned, PointsRedeemed, PointsReversed, PointsRestored, StoredValueTopUp,
               StoredValueSpent, StoredValueRefunded]  # fmt: skip
SIGNS = {PointsEarned: (1, 0), PointsRedeemed: (-1, 0), PointsReversed: (-1, 0),
         PointsRestored: (1, 0), StoredValueTopUp: (0, 1), StoredValueSpent: (0, -1),
         StoredValueRefunded: (0, 1)}  # fmt: skip


@st.composite
def event_lists(draw: st.DrawFn) -> list[Any]:
    n = draw(st.integers(0, 25))
    return [
        draw(st.sampled_from(EVENT_TYPES))(
            f"e{i}", draw(st.sampled_from(["M1", "M2"])), draw(st.integers(1, 5000)),
            draw(st.sampled_from(["S1-T1", "S1-T2", "S2-T1"])),
            T0 + timedelta(minutes=draw(st.integers(0, 600))), sale_ref="SALE",
            offline=draw(st.booleans()),
        )
        for i in range(n)
    ]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(event_lists(), st.data())
def test_balance_is_the_sum_of_events_and_resending_changes_nothing(
    events: list[Any], data: st.DataObject
) -> None:
    expected: dict[str, Balances] = {}
    for e in events:
        p, s = SIGNS[type(e)]
        expected[e.member_id] = expected.get(e.member_id, Balances()) + Balances(
            p * e.amount, s * e.amount
        )
    assert balances_by_member(events) == dict(sorted(expected.items()))
    assert balance(events) == sum(expected.values(), Balances())
    resent = data.draw(st.lists(st.sampled_from(events), max_size=10)) if events else []
    arrival = data.draw(st.permutations(events + resent))
    assert balances_by_member(arrival) == balances_by_member(events)
    rec = reconcile(arrival, [])
    assert rec.received == len(arrival) and len(rec.applied) == len(events)
    assert rec.balances == balances_by_member(events)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 100_000), st.integers(0, 100_000))
def test_what_redeemable_offers_redeem_accepts(balance_: int, due: int) -> None:
    r = redeemable(balance_, due, RULES.redeem)
    assert r.points <= balance_ and r.value * 2 <= due
    if r.points:
        assert redeem(r.points, RULES.redeem, balance=balance_, due=due) == r.value
        more = r.points + RULES.redeem.points_per_dollar
        with pytest.raises(RedemptionError):
            redeem(more, RULES.redeem, balance=balance_, due=due)


def test_an_allowance_id_names_one_grant() -> None:
    other = OfflineAllowance("A1", "M1", "S1-T1", points=1, stored_value=0, valid_until=T0)
    with pytest.raises(ValueError, match="granted twice"):
        reconcile([], [A1, other])
    assert reconcile([], [A1, A1]).findings == ()
