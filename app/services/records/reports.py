"""The store manager's report over the local ledger: a day or a range of store days.

Store days are local (Asia/Taipei) calendar days; the ledger keeps UTC ISO-8601 text
(``2026-11-22T03:04:05.123+00:00``), so the local range is turned into one UTC text
range and every query compares ``created_at`` with it: the ``created_at`` indexes are
used and no row is converted one by one. Every figure is one SQL aggregation over the
period; Python only reshapes the few aggregated rows (24 hours, 10 products, ...).

Returns and refunds count on the day they happen (a return today of last week's sale
lowers today's net), the way the drawer and the Z report see them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from app.domain.store_time import STORE_TZ, utc_range
from app.ledger.db import Ledger
from sync.protocol import MEMBER_REGISTERED

TOP_N = 10
POINT_TYPES = ("PointsEarned", "PointsRedeemed", "PointsReversed", "PointsRestored")


# --- the report ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Totals:
    gross: int  # sum of sales.subtotal (before discounts)
    discounts: int
    sales_total: int  # what the sales took (gross - discounts)
    refunds: int  # sum of returns.total
    net: int  # sales_total - refunds
    tax: int  # sales tax - returns tax
    sale_count: int
    return_count: int
    average_basket: int  # sales_total / sale_count, rounded half up


@dataclass(frozen=True, slots=True)
class HourBucket:
    hour: int  # 0..23, local store time
    sales: int
    net: int  # sales total - refunds made in that hour


@dataclass(frozen=True, slots=True)
class ProductRow:
    sku: str
    name: str
    units: int  # sold - returned
    revenue: int  # line totals - refunded amounts


@dataclass(frozen=True, slots=True)
class CategoryRow:
    category: str
    units: int
    revenue: int


@dataclass(frozen=True, slots=True)
class TenderRow:
    tender: str  # code: cash, card, line_pay, ... (label: tender_label)
    taken: int  # payments.amount of the period's sales
    refunded: int  # return_payments.amount of the period's returns
    net: int


@dataclass(frozen=True, slots=True)
class CashierRow:
    cashier: str  # sales.cashier as recorded
    name: str  # users.name when the id is a known user, else ""
    sales: int
    sales_total: int
    refunds: int  # returns this cashier made
    net: int


@dataclass(frozen=True, slots=True)
class MemberShare:
    member_sales: int
    all_sales: int
    member_net: int  # member sales total - refunds of member sales
    all_net: int

    @property
    def count_percent(self) -> float:
        return 100.0 * self.member_sales / self.all_sales if self.all_sales else 0.0

    @property
    def net_percent(self) -> float:
        return 100.0 * self.member_net / self.all_net if self.all_net else 0.0


@dataclass(frozen=True, slots=True)
class PointsSummary:
    earned: int
    redeemed: int
    reversed: int  # earned points taken back by returns
    restored: int  # redeemed points given back by returns

    @property
    def issued_net(self) -> int:
        return self.earned - self.reversed

    @property
    def redeemed_net(self) -> int:
        return self.redeemed - self.restored


@dataclass(frozen=True, slots=True)
class StoreReport:
    start: date
    end: date  # inclusive
    utc_from: str  # the UTC text range queried: [utc_from, utc_to)
    utc_to: str
    totals: Totals
    by_hour: tuple[HourBucket, ...]  # 24, hour 0 first
    top_by_revenue: tuple[ProductRow, ...]
    top_by_units: tuple[ProductRow, ...]
    top_categories: tuple[CategoryRow, ...]
    by_tender: tuple[TenderRow, ...]
    by_cashier: tuple[CashierRow, ...]
    members: MemberShare
    new_members: int
    points: PointsSummary
    top_up_count: int
    top_up_total: int  # stored value sold (prepaid money, not sales)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


# --- the queries (each one aggregation over [:a, :b)) ---------------------------------
_IN = "created_at >= :a AND created_at < :b"

_TOTALS = f"""
SELECT s.n, s.gross, s.discounts, s.total, s.tax, s.member_n, s.member_total,
       r.n, r.total, r.tax, r.member_total
FROM (SELECT count(*) AS n, coalesce(sum(subtotal), 0) AS gross,
             coalesce(sum(discount_total), 0) AS discounts, coalesce(sum(total), 0) AS total,
             coalesce(sum(tax), 0) AS tax, count(member_id) AS member_n,
             coalesce(sum(CASE WHEN member_id IS NOT NULL THEN total END), 0) AS member_total
      FROM sales WHERE {_IN}) AS s,
     (SELECT count(*) AS n, coalesce(sum(total), 0) AS total, coalesce(sum(tax), 0) AS tax,
             coalesce(sum(CASE WHEN member_id IS NOT NULL THEN total END), 0) AS member_total
      FROM returns WHERE {_IN}) AS r
"""

# grouped by UTC hour (text prefix); the local hour is worked out per group, which is
# right in any zone with whole-hour offsets, summer time included
_BY_HOUR = f"""
SELECT substr(created_at, 1, 13) AS h, count(*), sum(total) FROM sales WHERE {_IN} GROUP BY h
UNION ALL
SELECT substr(created_at, 1, 13) AS h, 0, -sum(total) FROM returns WHERE {_IN} GROUP BY h
"""

_MOVES = f"""
WITH s AS (SELECT id FROM sales WHERE {_IN}),
     r AS (SELECT id, sale_id FROM returns WHERE {_IN}),
     moves AS (
       SELECT l.sku AS sku, l.name AS name, l.category AS category, l.qty AS units,
              l.line_total AS revenue
       FROM s JOIN sale_lines AS l ON l.sale_id = s.id
       UNION ALL
       SELECT rl.sku, rl.name, coalesce(sl.category, ''), -rl.qty, -rl.amount
       FROM r JOIN return_lines AS rl ON rl.return_id = r.id
       LEFT JOIN sale_lines AS sl ON sl.sale_id = r.sale_id AND sl.line_no = rl.line_no)
"""

_TOP_PRODUCTS = _MOVES + f"""
, agg AS (SELECT sku, max(name) AS name, sum(units) AS units, sum(revenue) AS revenue
          FROM moves GROUP BY sku),
  ranked AS (SELECT sku, name, units, revenue,
                    row_number() OVER (ORDER BY revenue DESC, sku) AS by_revenue,
                    row_number() OVER (ORDER BY units DESC, sku) AS by_units FROM agg)
SELECT sku, name, units, revenue, by_revenue, by_units FROM ranked
WHERE by_revenue <= {TOP_N} OR by_units <= {TOP_N}
"""

_TOP_CATEGORIES = _MOVES + f"""
SELECT category, sum(units) AS units, sum(revenue) AS revenue FROM moves
GROUP BY category ORDER BY revenue DESC, category LIMIT {TOP_N}
"""

_BY_TENDER = """
SELECT tender, sum(taken), sum(refunded) FROM (
  SELECT p.tender AS tender, p.amount AS taken, 0 AS refunded
  FROM sales AS s JOIN payments AS p ON p.sale_id = s.id
  WHERE s.created_at >= :a AND s.created_at < :b
  UNION ALL
  SELECT rp.tender, 0, rp.amount
  FROM returns AS r JOIN return_payments AS rp ON rp.return_id = r.id
  WHERE r.created_at >= :a AND r.created_at < :b)
GROUP BY tender ORDER BY sum(taken) - sum(refunded) DESC, tender
"""

_BY_CASHIER = f"""
SELECT c.cashier, coalesce(u.name, ''), sum(c.n), sum(c.total), sum(c.refunds) FROM (
  SELECT cashier, count(*) AS n, sum(total) AS total, 0 AS refunds
  FROM sales WHERE {_IN} GROUP BY cashier
  UNION ALL
  SELECT cashier, 0, 0, sum(total) FROM returns WHERE {_IN} GROUP BY cashier) AS c
LEFT JOIN users AS u ON u.user_id = c.cashier
GROUP BY c.cashier ORDER BY sum(c.total) - sum(c.refunds) DESC, c.cashier
"""

# a registration at this terminal writes its member row and this outbox row in one
# transaction; the outbox row keeps its time and is never rewritten, while the member
# row is replaced when HQ sends its own copy (or merges the phone into another member)
_NEW_MEMBERS = f"SELECT count(*) FROM outbox WHERE kind = '{MEMBER_REGISTERED}' AND {_IN}"

_POINTS = f"""
SELECT type, sum(amount) FROM member_events
WHERE at >= :a AND at < :b AND type IN ({", ".join(f"'{t}'" for t in POINT_TYPES)})
GROUP BY type
"""

_TOP_UPS = f"SELECT count(*), coalesce(sum(amount), 0) FROM top_ups WHERE {_IN}"


def _half_up(num: int, den: int) -> int:
    return (2 * num + den) // (2 * den) if den else 0


def _local_hour(utc_hour_prefix: str, store_tz: tzinfo) -> int:
    at = datetime.fromisoformat(utc_hour_prefix + ":00:00+00:00")
    return at.astimezone(store_tz).hour


def store_report(ledger: Ledger, start: date, end: date | None = None, *,
                 store_tz: tzinfo = STORE_TZ) -> StoreReport:
    """The report for local store days ``start``..``end`` (inclusive; one day when
    ``end`` is None), read in one snapshot of the ledger. Raises ``LedgerError``."""
    end = start if end is None else end
    a, b = utc_range(start, end, store_tz)
    p = {"a": a, "b": b}
    with ledger.read() as conn:
        def q(sql: str) -> list:
            return conn.exec_driver_sql(sql, p).all()

        t = q(_TOTALS)[0]
        hours = q(_BY_HOUR)
        products = q(_TOP_PRODUCTS)
        categories = q(_TOP_CATEGORIES)
        tenders = q(_BY_TENDER)
        cashiers = q(_BY_CASHIER)
        new_members = q(_NEW_MEMBERS)[0][0]
        points = dict(q(_POINTS))
        top_ups = q(_TOP_UPS)[0]
    (n, gross, discounts, total, tax, member_n, member_total,
     rn, refunds, rtax, member_refunds) = t
    totals = Totals(gross=gross, discounts=discounts, sales_total=total, refunds=refunds,
                    net=total - refunds, tax=tax - rtax, sale_count=n, return_count=rn,
                    average_basket=_half_up(total, n))
    counts, nets = [0] * 24, [0] * 24
    for prefix, count, amount in hours:  # at most 48 groups a day
        h = _local_hour(prefix, store_tz)
        counts[h] += count
        nets[h] += amount
    rows = [(ProductRow(sku, name, units, revenue), rr, ru)
            for sku, name, units, revenue, rr, ru in products]
    return StoreReport(
        start=start, end=end, utc_from=a, utc_to=b, totals=totals,
        by_hour=tuple(HourBucket(h, counts[h], nets[h]) for h in range(24)),
        top_by_revenue=tuple(r for r, rr, _ in sorted(rows, key=lambda x: x[1]) if rr <= TOP_N),
        top_by_units=tuple(r for r, _, ru in sorted(rows, key=lambda x: x[2]) if ru <= TOP_N),
        top_categories=tuple(CategoryRow(c, u, r) for c, u, r in categories),
        by_tender=tuple(TenderRow(k, tk, rf, tk - rf) for k, tk, rf in tenders),
        by_cashier=tuple(CashierRow(c, nm, cnt, tot, rf, tot - rf)
                         for c, nm, cnt, tot, rf in cashiers),
        members=MemberShare(member_n, n, member_total - member_refunds, total - refunds),
        new_members=new_members,
        points=PointsSummary(*(points.get(k, 0) for k in POINT_TYPES)),
        top_up_count=top_ups[0], top_up_total=top_ups[1],
    )  # fmt: skip
