"""Members and CRM queries (:mod:`hq.crm`): ``member`` (look one up),
``member-update``, ``member-purchases``, ``members-bought`` and ``member-stats``;
the lists print as text, ``--json`` or ``--csv FILE``."""

from __future__ import annotations

import argparse
from typing import Any

from hq import crm, member_admin
from hq.commands.common import Command, Context, dump, write_csv


def _member_arguments(p: argparse.ArgumentParser) -> None:
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--phone")
    who.add_argument("--card")
    who.add_argument("--id")
    p.add_argument("--recent", type=int, default=10)
    p.add_argument("--json", action="store_true")
    p.add_argument("--csv", default=None, metavar="FILE", help="write the purchases to FILE")


def member(args: argparse.Namespace, ctx: Context) -> None:
    r = crm.lookup(ctx.engine, phone=args.phone, card=args.card, member_id=args.id,
                   recent=args.recent)
    if args.json:
        dump(r)
    else:
        m, b = r["member"], r["balances"]
        print(f"{m['member_id']}  {m['name']}  {m['phone']}  card {m['card_number']}  "
              f"tier {m['tier'] or '-'}  referral code {m['referral_code']}")
        if r["merged_ids"]:
            print(f"merged records: {', '.join(r['merged_ids'])}")
        print(f"points {b['points']} (free {b['free_points']}), stored value NT$"
              f"{b['stored_value']} (free NT${b['free_stored_value']})")
        for p in r["recent_purchases"]:
            print(f"  {p['business_day']} {p['store_id']}/{p['terminal_id']} "
                  f"{p['receipt_no']} NT${p['total']:,} ({p['channel']})")
        for f in r["findings"]:
            print(f"  finding {f['code']}: {f['amount']} ({', '.join(f['event_ids'])})")
    if args.csv:
        p = crm.purchases(ctx.engine, r["member"]["member_id"])
        write_csv(args.csv, p["rows"], p["columns"])


def _member_update_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("member_id")
    p.add_argument("--tier", default=None)
    p.add_argument("--name", default=None)
    p.add_argument("--birthday", default=None)


def member_update(args: argparse.Namespace, ctx: Context) -> None:
    r = member_admin.update_member(ctx.engine, args.member_id, tier=args.tier, name=args.name,
                                   birthday=args.birthday)
    print(f"member {r['member_id']} saved (tier {r['tier'] or '-'})")


def _table(args: argparse.Namespace, r: dict[str, Any]) -> None:
    """A CRM answer's rows: JSON, text (one line per row and a count) and/or CSV."""
    if args.json:
        dump(r["rows"])
    elif not args.csv:
        for row in r["rows"]:
            print("  ".join(str(row.get(c, "")) for c in r["columns"]))
        print(f"{len(r['rows'])} row(s)")
    if args.csv:
        write_csv(args.csv, r["rows"], r["columns"])


def _output_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")
    p.add_argument("--csv", default=None, metavar="FILE")


def _member_purchases_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("member_id")
    p.add_argument("--from", dest="start", default=None)
    p.add_argument("--to", dest="end", default=None)
    p.add_argument("--channel", choices=["all", "store", "online"], default="all",
                   help="store sales, imported online orders, or both (default)")
    _output_arguments(p)


def member_purchases(args: argparse.Namespace, ctx: Context) -> None:
    r = crm.purchases(ctx.engine, args.member_id, args.start, args.end)
    if args.channel != "all":
        r["rows"] = [row for row in r["rows"] if row["channel"] == args.channel]
    _table(args, r)


def _members_bought_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sku", required=True)
    p.add_argument("--from", dest="start", required=True)
    p.add_argument("--to", dest="end", required=True)
    _output_arguments(p)


def members_bought(args: argparse.Namespace, ctx: Context) -> None:
    _table(args, crm.bought(ctx.engine, args.sku, args.start, args.end))


def _member_stats_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="start", required=True)
    p.add_argument("--to", dest="end", required=True)
    p.add_argument("--store", default=None)
    _output_arguments(p)


def member_stats(args: argparse.Namespace, ctx: Context) -> None:
    _table(args, crm.stats(ctx.engine, args.start, args.end, args.store))


COMMANDS = (
    Command("member", "look a member up", member, _member_arguments),
    Command("member-update", "change tier, name, birthday", member_update,
            _member_update_arguments),
    Command("member-purchases", "a member's purchases", member_purchases,
            _member_purchases_arguments),
    Command("members-bought", "members who bought a product in a period", members_bought,
            _members_bought_arguments),
    Command("member-stats", "new members and repeat rate per store", member_stats,
            _member_stats_arguments),
)
