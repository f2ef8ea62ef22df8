"""The manager's report over a store-year ledger: a day and a month, p50 and p99.

Run: ``.venv/bin/python bench/report.py [--days 60] [--months 12] [--schema REV]``

The ledger (500,000 sales, about 2,000,000 lines, their payments, 30% member sales
with their points, returns, top-ups, registrations and one outbox row per document)
is generated once with bulk ``executemany`` into a ledger made by ``open_ledger`` and
cached in ``bench/.cache/report-year-v2``. Sales follow store hours (07:00-23:00 local,
busy at breakfast, lunch and after work) over 365 days. ``--schema 0011`` measures
the schema as it was before the report indexes (it downgrades the cached ledger,
measures, and upgrades it again).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.store_time import STORE_TZ  # noqa: E402
from app.ledger.db import migrate, open_ledger  # noqa: E402
from app.services.records.reports import store_report  # noqa: E402
from bench.common import CACHE, distribution, figure  # noqa: E402

SALES = 500_000
FIRST_DAY = date(2025, 12, 1)
DAYS = 365
PRODUCTS = 3_000
CATEGORIES = [f"類別{i:02d}" for i in range(25)]
MEMBERS = 20_000
CASHIERS = [f"C{i:02d}" for i in range(1, 9)]
TENDERS = (("cash", 55), ("card", 20), ("line_pay", 10), ("easycard", 7), ("jkopay", 5),
           ("stored_value", 2), ("other", 1))
LINES_PER_SALE = ((1, 8), (2, 14), (3, 20), (4, 20), (5, 16), (6, 10), (7, 7), (8, 5))
# weight of each local hour 07..22 (breakfast, lunch and evening peaks)
HOURS = {7: 9, 8: 12, 9: 6, 10: 5, 11: 8, 12: 12, 13: 8, 14: 4, 15: 4, 16: 5, 17: 8, 18: 11,
         19: 8, 20: 5, 21: 4, 22: 3}


def _ts(at: datetime) -> str:
    return at.isoformat(timespec="milliseconds")


def _untaxed(total: int) -> int:
    return (total * 200 + 105) // 210  # round(total / 1.05), half up


def generate(data_dir: Path) -> None:
    """Write the store year into a fresh ledger in ``data_dir`` (bulk, one transaction)."""
    rnd = random.Random(20261201)
    ledger = open_ledger(data_dir)
    path = ledger.path
    ledger.close()
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("BEGIN")
    products = [(f"P{i:05d}", f"商品 {i:05d} 號", rnd.choice(CATEGORIES), rnd.randint(15, 400))
                for i in range(PRODUCTS)]
    popularity = [1.0 / (i + 8) for i in range(PRODUCTS)]
    cum_pop = [0.0] * PRODUCTS
    acc = 0.0
    for i, w in enumerate(popularity):
        acc += w
        cum_pop[i] = acc
    con.executemany(
        "INSERT INTO users (user_id, name, role, pin_hash, discount_limit, active, source,"
        " updated_at) VALUES (?, ?, 'cashier', 'x', 0, 1, 'hq', '')",
        [(c, f"店員{c[1:]}") for c in CASHIERS[:-1]])  # the last one is not a known user
    members = [f"M{i:06d}" for i in range(MEMBERS)]
    con.executemany(
        "INSERT INTO members (member_id, phone, name, tier, points, stored_value, updated_at)"
        " VALUES (?, ?, ?, '', 0, 0, '')",
        [(m, f"09{i:08d}", f"會員{i}") for i, m in enumerate(members)])
    hours, hour_w = list(HOURS), list(HOURS.values())
    per_day = [SALES // DAYS + (1 if d < SALES % DAYS else 0) for d in range(DAYS)]
    tender_kinds, tender_w = zip(*TENDERS, strict=True)
    n_lines, n_lines_w = zip(*LINES_PER_SALE, strict=True)
    seq = 0
    sales, lines, payments, events, outbox = [], [], [], [], []
    sold: list[tuple[str, str, str, str, int, int, str | None]] = []  # sales that come back
    counts = dict.fromkeys(("sales", "lines", "payments"), 0)

    def flush() -> None:
        con.executemany(
            "INSERT INTO sales (id, receipt_no, store_id, terminal_id, seq, created_at, cashier,"
            " subtotal, discount_total, total, untaxed, tax, paid, change_due, line_count,"
            " member_id) VALUES (?, ?, 'S001', 'T01', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sales)
        con.executemany(
            "INSERT INTO sale_lines (sale_id, line_no, sku, barcode, name, category, qty,"
            " unit_price, discount, line_total) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)", lines)
        con.executemany(
            "INSERT INTO payments (sale_id, seq, tender, amount, tendered, reference)"
            " VALUES (?, ?, ?, ?, ?, '')", payments)
        con.executemany(
            "INSERT INTO member_events (event_id, member_id, type, amount, sale_id, at, offline)"
            " VALUES (?, ?, ?, ?, ?, ?, 0)", events)
        con.executemany(
            "INSERT INTO outbox (event_id, kind, payload, created_at, sent_at, status)"
            " VALUES (?, ?, '{}', ?, ?, 'sent')", outbox)
        counts["sales"] += len(sales)
        counts["lines"] += len(lines)
        counts["payments"] += len(payments)
        for rows in (sales, lines, payments, events, outbox):
            rows.clear()

    for d in range(DAYS):
        day = FIRST_DAY + timedelta(days=d)
        start = datetime(day.year, day.month, day.day, tzinfo=STORE_TZ).astimezone(UTC)
        offsets = sorted(rnd.choices(hours, hour_w, k=per_day[d]))
        offsets = sorted(h * 3600_000 + rnd.randrange(3600_000) for h in offsets)
        for ms in offsets:
            seq += 1
            at = _ts(start + timedelta(milliseconds=ms))
            sale_id = str(uuid.UUID(int=seq))
            member = rnd.choice(members) if rnd.random() < 0.3 else None
            subtotal = discount = 0
            picks = rnd.choices(products, cum_weights=cum_pop, k=rnd.choices(n_lines, n_lines_w)[0])
            for no, (sku, name, cat, price) in enumerate(picks, 1):
                qty = 1 if rnd.random() < 0.8 else rnd.randint(2, 4)
                off = price * qty // 10 if rnd.random() < 0.1 else 0
                subtotal += price * qty
                discount += off
                lines.append((sale_id, no, sku, name, cat, qty, price, off, price * qty - off))
            total = subtotal - discount
            untaxed = _untaxed(total)
            kind = rnd.choices(tender_kinds, tender_w)[0]
            if kind == "stored_value" and member is None:
                kind = "cash"
            change = rnd.choice((0, 0, 5, 50, 100)) if kind == "cash" else 0
            if total > 100 and rnd.random() < 0.08:  # split: part card, rest cash
                payments.append((sale_id, 1, "card", total // 2, total // 2))
                payments.append((sale_id, 2, "cash", total - total // 2, total - total // 2))
            else:
                payments.append((sale_id, 1, kind, total, total + change))
            sales.append((sale_id, f"S001-T01-{seq:06d}", seq, at, rnd.choice(CASHIERS),
                          subtotal, discount, total, untaxed, total - untaxed, total + change,
                          change, len(picks), member))
            outbox.append((sale_id, "sale.committed", at, at))
            if member:
                if total >= 100:
                    ev = str(uuid.UUID(int=(1 << 64) + seq))
                    events.append((ev, member, "PointsEarned", total // 100, sale_id, at))
                if rnd.random() < 0.05:
                    ev = str(uuid.UUID(int=(2 << 64) + seq))
                    events.append((ev, member, "PointsRedeemed", 100, sale_id, at))
            if rnd.random() < 0.005:  # a few come back within the week
                first = picks[0]
                first_line = lines[-len(picks)]
                sold.append((sale_id, at, first[0], first[1], first_line[5], first_line[8],
                             member))
            if rnd.random() < 0.01:  # a registration at the counter
                mid = str(uuid.UUID(int=(3 << 64) + seq))
                outbox.append((mid, "member.registered", at, at))
            if len(sales) >= 20_000:
                flush()
    flush()
    _returns_and_top_ups(con, rnd, sold, members)
    con.execute("COMMIT")
    con.close()
    print(f"# generated {counts['sales']:,} sales, {counts['lines']:,} lines, "
          f"{counts['payments']:,} payments, {len(sold):,} returns", file=sys.stderr)


def _returns_and_top_ups(con: sqlite3.Connection, rnd: random.Random, sold: list,
                         members: list[str]) -> None:
    returns, rlines, rpays = [], [], []
    for i, (sale_id, at, sku, name, qty, amount, member) in enumerate(sold, 1):
        day = datetime.fromisoformat(at).astimezone(STORE_TZ).date()
        day += timedelta(days=rnd.randint(0, 6))
        hour = max(rnd.choices(list(HOURS), list(HOURS.values()))[0], 8)
        when = datetime(day.year, day.month, day.day, hour, rnd.randrange(60), tzinfo=STORE_TZ)
        when = max(when, datetime.fromisoformat(at) + timedelta(minutes=5)).astimezone(UTC)
        rid = str(uuid.UUID(int=(4 << 64) + i))
        untaxed = _untaxed(amount)
        returns.append((rid, f"S001-T01-R{i:06d}", _ts(when), rnd.choice(CASHIERS), sale_id,
                        member, amount, untaxed, amount - untaxed))
        rlines.append((rid, 1, sku, name, qty, amount))
        if amount:
            rpays.append((rid, 1, "cash", amount))
    con.executemany(
        "INSERT INTO returns (id, receipt_no, store_id, terminal_id, created_at, cashier,"
        " approved_by, sale_id, member_id, total, untaxed, tax, points_reversed, reason)"
        " VALUES (?, ?, 'S001', 'T01', ?, ?, '', ?, ?, ?, ?, ?, 0, '')", returns)
    con.executemany("INSERT INTO return_lines (return_id, line_no, sku, name, qty, amount)"
                    " VALUES (?, ?, ?, ?, ?, ?)", rlines)
    con.executemany("INSERT INTO return_payments (return_id, seq, tender, amount, points,"
                    " reference) VALUES (?, ?, ?, ?, 0, '')", rpays)
    top_ups = []
    start = datetime(FIRST_DAY.year, FIRST_DAY.month, FIRST_DAY.day, 9, tzinfo=STORE_TZ)
    for i in range(5_000):
        at = start + timedelta(days=rnd.randrange(DAYS), minutes=rnd.randrange(12 * 60))
        amount = rnd.choice((500, 1000, 2000))
        top_ups.append((str(uuid.UUID(int=(5 << 64) + i)), f"S001-T01-V{i + 1:06d}",
                        _ts(at.astimezone(UTC)), rnd.choice(CASHIERS), rnd.choice(members),
                        amount, amount, amount))
    con.executemany(
        "INSERT INTO top_ups (id, receipt_no, store_id, terminal_id, created_at, cashier,"
        " member_id, amount, tender, tendered, change_due, reference, balance_after)"
        " VALUES (?, ?, 'S001', 'T01', ?, ?, ?, ?, 'cash', ?, 0, '', ?)", top_ups)


def ledger_dir() -> Path:
    """The cached store-year ledger (generated once, then upgraded like any ledger)."""
    data_dir = CACHE / "report-year-v2"  # v2: returns in store hours
    marker = data_dir / ".complete"
    if not marker.exists():
        print(f"# generating the store-year ledger in {data_dir} (once)", file=sys.stderr)
        if (data_dir / "ledger.sqlite3").exists():
            for f in data_dir.glob("ledger.sqlite3*"):
                f.unlink()
        t0 = time.perf_counter()
        generate(data_dir)
        print(f"# took {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        marker.touch()
    return data_dir


def _month_ranges() -> list[tuple[date, date]]:
    out = []
    for m in range(12):
        y, mo = FIRST_DAY.year + (FIRST_DAY.month - 1 + m) // 12, (FIRST_DAY.month - 1 + m) % 12 + 1
        first = date(y, mo, 1)
        nxt = date(y + (mo == 12), mo % 12 + 1, 1)
        out.append((first, nxt - timedelta(days=1)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=60, help="day reports to time")
    ap.add_argument("--months", type=int, default=12, help="month reports to time")
    ap.add_argument("--schema", default="head", help="measure at this migration revision")
    args = ap.parse_args()
    ledger = open_ledger(ledger_dir())
    try:
        if args.schema != "head":
            migrate(ledger, args.schema)
        rnd = random.Random(7)
        store_report(ledger, FIRST_DAY + timedelta(days=100))  # warm the page cache
        day_ms = []
        for _ in range(args.days):
            day = FIRST_DAY + timedelta(days=rnd.randrange(DAYS))
            t0 = time.perf_counter()
            report = store_report(ledger, day)
            day_ms.append((time.perf_counter() - t0) * 1000)
            assert report.totals.sale_count > 0
        month_ms = []
        for start, end in (_month_ranges() * 2)[:args.months]:
            t0 = time.perf_counter()
            store_report(ledger, start, end)
            month_ms.append((time.perf_counter() - t0) * 1000)
        distribution("report_day_ms", day_ms, "ms")
        distribution("report_month_ms", month_ms, "ms")
        figure("report_ledger_sales", SALES, "sales")
    finally:
        if args.schema != "head":
            migrate(ledger)
        ledger.close()


if __name__ == "__main__":
    main()
