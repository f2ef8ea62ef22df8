"""Loyalty administration (:mod:`hq.member_admin`): ``import-loyalty-rules``,
offline allowances (``grant-allowance``, ``allowances``, ``settle-allowance``),
coupons (``issue-coupon``, ``issue-coupons``, ``coupon-conflicts``) and
``loyalty-findings``."""

from __future__ import annotations

import argparse

from hq import member_admin
from hq.commands.common import Command, Context, dump, json_file, write_csv


def _file_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")


def import_loyalty_rules(args: argparse.Namespace, ctx: Context) -> None:
    r = member_admin.import_loyalty_rules(ctx.engine, json_file(args.file))
    print("loyalty rules " + ("imported and published" if r["changed"] else "unchanged")
          + f" (referral reward {r['referral_points']} points)")


def _grant_allowance_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--member", required=True)
    p.add_argument("--terminal", required=True, help="STORE/TERMINAL, e.g. S001/T01")
    p.add_argument("--points", type=int, default=0)
    p.add_argument("--stored-value", type=int, default=0)
    p.add_argument("--hours", type=float, default=24.0)


def grant_allowance(args: argparse.Namespace, ctx: Context) -> None:
    r = member_admin.grant_allowance(ctx.engine, args.member, args.terminal,
                                     points=args.points, stored_value=args.stored_value,
                                     hours=args.hours)
    print(f"allowance {r['allowance_id']} for member {r['member_id']} at "
          f"{r['store_id']}/{r['terminal_id']}: {r['points']} points, NT${r['stored_value']} "
          f"stored value, valid until {r['valid_until']}")


def _allowances_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--member", default=None)
    p.add_argument("--all", action="store_true", help="include settled ones")
    p.add_argument("--json", action="store_true")


def allowances(args: argparse.Namespace, ctx: Context) -> None:
    rows = member_admin.list_allowances(ctx.engine, args.member, include_settled=args.all)
    if args.json:
        dump(rows)
        return
    for a in rows:
        print(f"{a['allowance_id']}  {a['member_id']}  {a['store_id']}/{a['terminal_id']}"
              f"  {a['points']} pts  NT${a['stored_value']}  until {a['valid_until']}"
              f"  {a['status']}")
    print(f"{len(rows)} allowance(s)")


def _settle_allowance_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("allowance_id")


def settle_allowance(args: argparse.Namespace, ctx: Context) -> None:
    r = member_admin.settle_allowance(ctx.engine, args.allowance_id)
    print(f"allowance {r['allowance_id']} {r['status']}")


def _issue_coupon_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--terms", required=True, help="the pricing coupon's code, e.g. DAIRY15")
    p.add_argument("--member", default=None, help="bind it to this member")
    p.add_argument("--days", type=int, default=30)


def issue_coupon(args: argparse.Namespace, ctx: Context) -> None:
    r = member_admin.issue_coupon(ctx.engine, args.terms, args.member, args.days)
    c = r["coupons"][0]
    print(f"coupon {c['instance_id']} ({r['terms_code']}"
          + (f", member {c['member_id']}" if c["member_id"] else ", unbound")
          + f", until {r['expires_at']}):")
    print(c["code"])


def _issue_coupons_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--terms", required=True)
    p.add_argument("--filter", required=True,
                   help="tier=TIER or bought=SKU:YYYY-MM-DD:YYYY-MM-DD")
    p.add_argument("--days", type=int, default=30)
    p.add_argument("--csv", default=None, metavar="FILE", help="write the codes to FILE")


def issue_coupons(args: argparse.Namespace, ctx: Context) -> None:
    r = member_admin.issue_coupons(ctx.engine, args.terms, args.filter, args.days)
    print(f"{r['issued']} coupon(s) {r['terms_code']} issued, valid until {r['expires_at']}")
    if args.csv:
        write_csv(args.csv, r["coupons"], ("instance_id", "member_id", "code"))


def _coupon_conflicts_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--all", action="store_true", help="include resolved ones")
    p.add_argument("--json", action="store_true")


def coupon_conflicts(args: argparse.Namespace, ctx: Context) -> None:
    rows = member_admin.list_coupon_conflicts(ctx.engine, include_resolved=args.all)
    if args.json:
        dump(rows)
        return
    for c in rows:
        print(f"#{c['id']} {c['instance_id']} {c['reason']}: first sale "
              f"{c['first_sale']} ({c['first_store']}/{c['first_terminal']}), second sale "
              f"{c['second_sale']} ({c['second_store']}/{c['second_terminal']})")
    print(f"{len(rows)} coupon conflict(s)")


def _loyalty_findings_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--member", default=None)
    p.add_argument("--json", action="store_true")


def loyalty_findings(args: argparse.Namespace, ctx: Context) -> None:
    rows = member_admin.loyalty_findings(ctx.engine, args.member)
    if args.json:
        dump(rows)
        return
    for f in rows:
        print(f"{f['code']}  member {f['member_id']}  amount {f['amount']}  "
              f"ref {f['ref'] or '-'}  events {', '.join(f['event_ids'])}")
    print(f"{len(rows)} finding(s)")


COMMANDS = (
    Command("import-loyalty-rules", "import the loyalty rules JSON (docs/loyalty.md)",
            import_loyalty_rules, _file_argument),
    Command("grant-allowance", "let a terminal debit a member offline", grant_allowance,
            _grant_allowance_arguments),
    Command("allowances", "list offline allowances", allowances, _allowances_arguments),
    Command("settle-allowance", "release an allowance", settle_allowance,
            _settle_allowance_arguments),
    Command("issue-coupon", "issue one signed coupon", issue_coupon, _issue_coupon_arguments),
    Command("issue-coupons", "issue one coupon to every member a filter selects",
            issue_coupons, _issue_coupons_arguments),
    Command("coupon-conflicts", "coupons used twice", coupon_conflicts,
            _coupon_conflicts_arguments),
    Command("loyalty-findings", "overdrafts and other findings in the loyalty ledger",
            loyalty_findings, _loyalty_findings_arguments),
)
