"""What terminals report about their tills (:mod:`hq.till`): ``z-reports``, ``audit``
and ``shifts``."""

from __future__ import annotations

import argparse
import json

from hq import admin, till
from hq.commands.common import Command, Context, dump, money


def _z_reports_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", required=True)
    p.add_argument("--day", default=None, help="YYYY-MM-DD (Taiwan business day)")
    p.add_argument("--json", action="store_true")


def z_reports(args: argparse.Namespace, ctx: Context) -> None:
    day = admin.parse_day(args.day) if args.day else None
    rows = till.z_report_list(ctx.engine, args.store, day)
    if args.json:
        dump(rows)
        return
    for z in rows:
        print(f"{z['terminal_id']:<6} Z{z['z_no']:04d}  {z['period_from']} .. "
              f"{z['period_to']}  net sales {money(z['net_sales'])}  "
              f"cash difference {money(z['cash_difference'])}  by {z['created_by']}")
    print(f"{len(rows)} Z report(s)")


def _audit_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", required=True)
    p.add_argument("--from", dest="start", default=None, help="YYYY-MM-DD (inclusive)")
    p.add_argument("--to", dest="end", default=None, help="YYYY-MM-DD (inclusive)")
    p.add_argument("--action", default=None, help="e.g. refund, void, price_override")
    p.add_argument("--json", action="store_true")


def audit(args: argparse.Namespace, ctx: Context) -> None:
    rows = till.audit_list(ctx.engine, args.store,
                           admin.parse_day(args.start) if args.start else None,
                           admin.parse_day(args.end) if args.end else None, args.action)
    if args.json:
        dump(rows)
        return
    for a in rows:
        detail = json.dumps(a["detail"], ensure_ascii=False, sort_keys=True)
        print(f"{a['at']}  {a['terminal_id']:<6} {a['action']:<16} user {a['user_id']}"
              f"  approved by {a['approved_by'] or '-'} ({a['method'] or '-'})  "
              f"ref {a['doc_ref'] or '-'}  {detail}")
    print(f"{len(rows)} audit record(s)")


def _shifts_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", required=True)
    p.add_argument("--day", required=True, help="YYYY-MM-DD (Taiwan business day)")
    p.add_argument("--json", action="store_true")


def shifts(args: argparse.Namespace, ctx: Context) -> None:
    rows = till.shift_list(ctx.engine, args.store, admin.parse_day(args.day))
    if args.json:
        dump(rows)
        return
    for sh in rows:
        state = (f"closed {sh['closed_at']} by {sh['closed_by']}" if sh["closed_at"]
                 else "open")
        print(f"{sh['terminal_id']:<6} shift {sh['shift_no']}  opened {sh['opened_at']}"
              f" by {sh['opened_by']}  float {money(sh['opening_float'])}  in "
              f"{money(sh['cash_in'])}  out {money(sh['cash_out'])}  expected "
              f"{money(sh['expected'])}  counted {money(sh['counted'])}  difference "
              f"{money(sh['difference'])}  {state}")
    print(f"{len(rows)} shift(s)")


COMMANDS = (
    Command("z-reports", "a store's Z reports", z_reports, _z_reports_arguments),
    Command("audit", "a store's audit log", audit, _audit_arguments),
    Command("shifts", "a store's shifts of one day: expected, counted, difference", shifts,
            _shifts_arguments),
)
