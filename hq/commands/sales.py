"""What terminals pushed: ``sales`` (one store's sales of a day) and ``quarantine``
(events HQ could not accept)."""

from __future__ import annotations

import argparse

from hq import admin
from hq.commands.common import Command, Context, dump


def _sales_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", required=True)
    p.add_argument("--day", required=True, help="YYYY-MM-DD (Taiwan business day)")
    p.add_argument("--json", action="store_true")


def sales(args: argparse.Namespace, ctx: Context) -> None:
    r = admin.sales_for_day(ctx.engine, args.store, admin.parse_day(args.day))
    if args.json:
        dump(r)
        return
    for s in r["sales"]:
        print(f"{s['created_at']}  {s['receipt_no']:<20} {s['terminal_id']:<6} "
              f"{s['line_count']:>3} lines  NT${s['total']:>8,}")
    t = r["totals"]
    print(f"{r['store_id']} {r['day']}: {t['count']} sales, total NT${t['total']:,} "
          f"(untaxed {t['untaxed']:,} + tax {t['tax']:,}, "
          f"discounts {t['discount_total']:,})")


def _quarantine_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--all", action="store_true", help="include resolved ones")
    p.add_argument("--json", action="store_true")


def quarantine(args: argparse.Namespace, ctx: Context) -> None:
    rows = admin.list_quarantine(ctx.engine, include_resolved=args.all)
    if args.json:
        dump(rows)
        return
    for q in rows:
        print(f"#{q['id']} {q['received_at']} {q['store_id']}/{q['terminal_id']} "
              f"{q['kind']} {q['event_id']} {q['reason']}: {q['detail']}")
    print(f"{len(rows)} quarantined event(s)")


COMMANDS = (
    Command("sales", "one store's sales of one day", sales, _sales_arguments),
    Command("quarantine", "list quarantined events", quarantine, _quarantine_arguments),
)
