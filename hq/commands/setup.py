"""Setting HQ up: ``init`` (schema, signing key, admin token) and ``demo`` (init plus
a demo store with its catalog, promotions, loyalty rules, staff and a pairing code)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy import Engine

from hq import admin, enrollment, importers, member_admin, staff
from hq.commands.common import Command, Context, json_file, read_text

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo"
DEMO_STORE = ("S001", "OMO 示範門市 信義店", "台北市信義區松高路 11 號", "04595257")
# (user id, name, role, PIN, staff card, discount limit %): the demo store's staff
DEMO_USERS = (
    ("M001", "林店長", "manager", "1234", "STAFF-M001", 100),
    ("V001", "陳副店長", "supervisor", "2345", "STAFF-V001", 30),
    ("C001", "王小明", "cashier", "0000", "STAFF-C001", 10),
    ("C002", "李美玲", "cashier", "1111", "STAFF-C002", 0),
)


def _init_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--new-admin-token", action="store_true", help="issue another admin token")


def init(args: argparse.Namespace, ctx: Context) -> None:
    engine, data_dir = ctx.engine, ctx.data_dir
    token = admin.initialise(engine, data_dir, new_admin_token=args.new_admin_token)
    print(f"HQ database ready: {engine.url.render_as_string(hide_password=True)}")
    if token:
        print(f"admin token (shown once, also in {data_dir / 'admin-token'}): {token}")
    else:
        print("an admin token already exists (use --new-admin-token for another)")


def _demo_users(engine: Engine, store_id: str) -> None:
    """The demo store's staff, made once (a user already there is left as it is)."""
    have = {u["user_id"] for u in staff.list_users(engine)}
    print(f"demo users for {store_id} (log in with the user id or staff card, and the PIN):")
    for user_id, name, role, pin, card, limit in DEMO_USERS:
        if user_id not in have:
            staff.save_user(engine, user_id, name=name, role=role, pin=pin, card_code=card,
                            discount_limit=limit, stores=[store_id])
        print(f"  {user_id}  {name}  {role:<10} PIN {pin}  card {card}  discount limit {limit}%"
              + ("" if user_id not in have else "  (already there, left as it is)"))


def demo(_args: argparse.Namespace, ctx: Context) -> None:
    engine, data_dir = ctx.engine, ctx.data_dir
    token = admin.initialise(engine, data_dir)
    if token:
        print(f"admin token (shown once, also in {data_dir / 'admin-token'}): {token}")
    store_id, name, address, tax_id = DEMO_STORE
    admin.create_store(engine, store_id, name, address, tax_id)
    p = importers.import_products(engine, read_text(str(DEMO / "products.csv")))
    q = importers.import_pricing(engine, json_file(str(DEMO / "promotions.json")))
    member_admin.import_loyalty_rules(engine, json_file(str(DEMO / "loyalty.json")))
    _demo_users(engine, store_id)
    r = enrollment.issue_pairing_code(engine, store_id, "T01")
    print(f"demo store {store_id} {name}: {p['rows']} products, "
          f"{q['documents']} pricing documents, loyalty rules")
    print(f"pairing code for {store_id}/T01: {r['code']} (valid until {r['expires_at']})")


COMMANDS = (
    Command("init", "create the schema, key and admin token", init, _init_arguments,
            prepare=False),
    Command("demo", "init + demo store, catalog, promotions, code", demo),
)
