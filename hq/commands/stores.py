"""Stores and their terminals: ``create-store``, ``pairing-code``, ``revoke``,
``stores`` and ``terminals``."""

from __future__ import annotations

import argparse
from datetime import timedelta

from hq import admin, enrollment
from hq.commands.common import Command, Context


def _create_store_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("store_id")
    p.add_argument("--name", required=True)
    p.add_argument("--address", default="")
    p.add_argument("--tax-id", default="")


def create_store(args: argparse.Namespace, ctx: Context) -> None:
    r = admin.create_store(ctx.engine, args.store_id, args.name, args.address, args.tax_id)
    print(f"store {r['store_id']} {r['name']} " + ("saved" if r["changed"] else "unchanged"))


def _pairing_code_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", required=True)
    p.add_argument("--terminal", default=None, help="terminal id (default: next free T01, T02...)")
    p.add_argument("--hours", type=float, default=24.0, help="validity (default 24)")


def pairing_code(args: argparse.Namespace, ctx: Context) -> None:
    r = enrollment.issue_pairing_code(ctx.engine, args.store, args.terminal,
                                      ttl=timedelta(hours=args.hours))
    print(f"pairing code for {r['store_id']}/{r['terminal_id']}: {r['code']} "
          f"(valid until {r['expires_at']}, one use)")


def _revoke_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", required=True)
    p.add_argument("--terminal", required=True)


def revoke(args: argparse.Namespace, ctx: Context) -> None:
    r = enrollment.revoke(ctx.engine, args.store, args.terminal)
    print(f"terminal {args.store}/{args.terminal} revoked")
    for b in r["returned_numbers"]:  # its unused e-invoice numbers, never leased again
        print(f"  e-invoice numbers returned (blank): {b['track']}{b['begin']:08d}-"
              f"{b['track']}{b['end']:08d} of {b['period']} ({b['end'] - b['begin'] + 1})")


def list_stores(_args: argparse.Namespace, ctx: Context) -> None:
    for s in admin.list_stores(ctx.engine):
        print(f"{s['store_id']}  {s['name']}  {s['address']}  {s['tax_id']}")


def _terminals_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", default=None)


def list_terminals(args: argparse.Namespace, ctx: Context) -> None:
    for t in admin.list_terminals(ctx.engine, args.store):
        print(f"{t['store_id']}/{t['terminal_id']}  {t['status']}  "
              f"{t['device_name']}  last seen {t['last_seen_at']}")


COMMANDS = (
    Command("create-store", "create or update a store", create_store, _create_store_arguments),
    Command("pairing-code", "issue a one-time pairing code", pairing_code,
            _pairing_code_arguments),
    Command("revoke", "revoke a terminal", revoke, _revoke_arguments),
    Command("stores", "list stores", list_stores),
    Command("terminals", "list terminals", list_terminals, _terminals_arguments),
)
