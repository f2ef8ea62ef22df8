"""Staff users (:mod:`hq.staff`): ``create-user``, ``users``, ``deactivate-user`` and
``reset-pin``. HQ publishes users to their stores and never shows a PIN."""

from __future__ import annotations

import argparse
from typing import Any

from hq import staff
from hq.commands.common import Command, Context, dump


def _create_user_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("user_id")
    p.add_argument("--name", default=None, help="required for a new user")
    p.add_argument("--role", default=None, help="cashier, supervisor or manager "
                   "(required for a new user)")
    p.add_argument("--pin", default=None, help="4 to 8 digits (required for a new user; "
                   "HQ keeps only its hash)")
    p.add_argument("--card", default=None, help="staff card barcode ('' removes it)")
    p.add_argument("--discount-limit", type=int, default=None, help="percent 0-100 (default 0)")
    p.add_argument("--stores", default=None, help="comma-separated store ids, or all "
                   "(default for a new user: all)")


def create_user(args: argparse.Namespace, ctx: Context) -> None:
    given = {k: v for k, v in (("name", args.name), ("role", args.role), ("pin", args.pin),
                               ("card_code", args.card),
                               ("discount_limit", args.discount_limit),
                               ("stores", args.stores)) if v is not None}
    r = staff.save_user(ctx.engine, args.user_id, **given)
    state = "created" if r["created"] else "saved" if r["changed"] else "unchanged"
    print(f"user {r['user_id']} {r['name']} ({r['role']}) {state}"
          + (f", published to {','.join(r['stores']) if r['stores'] else 'every store'}"
             if r["changed"] else ""))


def _user_line(u: dict[str, Any]) -> str:
    return (f"{u['user_id']:<8} {u['name']}  {u['role']:<10} card {u['card_code'] or '-'}  "
            f"discount limit {u['discount_limit']}%  stores "
            f"{','.join(u['stores']) if u['stores'] else 'all'}  "
            f"{'active' if u['active'] else 'inactive'}")


def _users_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", default=None, help="only those who may work at this store")
    p.add_argument("--json", action="store_true")


def users(args: argparse.Namespace, ctx: Context) -> None:
    rows = staff.list_users(ctx.engine, args.store)
    if args.json:
        dump(rows)
        return
    for u in rows:
        print(_user_line(u))
    print(f"{len(rows)} user(s)")


def _user_id_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("user_id")


def deactivate_user(args: argparse.Namespace, ctx: Context) -> None:
    r = staff.deactivate_user(ctx.engine, args.user_id)
    print(f"user {r['user_id']} {r['name']} "
          + ("deactivated" if r["changed"] else "was already inactive"))


def _reset_pin_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("user_id")
    p.add_argument("--pin", required=True)


def reset_pin(args: argparse.Namespace, ctx: Context) -> None:
    r = staff.reset_pin(ctx.engine, args.user_id, args.pin)
    print(f"user {r['user_id']} {r['name']}: new PIN saved"
          + ("" if r["active"] else " (the user is inactive)"))


COMMANDS = (
    Command("create-user", "create or update a staff user (published to its stores)",
            create_user, _create_user_arguments),
    Command("users", "list staff users (never their PINs)", users, _users_arguments),
    Command("deactivate-user", "a user may no longer log in anywhere", deactivate_user,
            _user_id_argument),
    Command("reset-pin", "give a user a new PIN", reset_pin, _reset_pin_arguments),
)
