"""Setting HQ up: ``init`` (schema, signing key, admin token) and ``demo`` (init plus
a demo store with its catalog, promotions, loyalty rules, staff, e-invoice settings with
a TEST QR key and demo numbers for this period and the next, and a pairing code)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from app.domain.einvoice import Period
from hq import admin, db, enrollment, importers, member_admin, staff
from hq.einvoice import allocation
from hq.einvoice import settings as einvoice_settings
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


# e-invoice for the demo store (issue 14). The QR key is the MOF's published TEST vector key
# (shared/TAIWAN.md): a TEST KEY, public, never to be used for a real company.
DEMO_QR_TEST_KEY = "F1A618ED8685B1A3B81E6CB6884617F4"
DEMO_TRACKS = ("DM", "DN")  # demo tracks of the current and the next period
DEMO_BOOKLETS = 100  # per period: 5,000 numbers


def demo_allocation_csv(seller_tax_id: str, periods: list[Period]) -> bytes:
    """A demo allocation in the MOF platform's CSV layout (hq.einvoice.allocation)."""
    lines = ["營業人統編,發票類別代號,發票類別,發票期別,發票字軌名稱,發票起號,發票迄號,本數"]
    for period in periods:
        track = DEMO_TRACKS[(period.even_month // 2) % 2]  # neighbouring periods differ
        lines.append(f"{seller_tax_id},07,一般稅額計算,{period.roc_year}/{period.even_month - 1:02d}"
                     f" ~ {period.roc_year}/{period.even_month:02d},{track},00000000,"
                     f"{DEMO_BOOKLETS * 50 - 1:08d},{DEMO_BOOKLETS}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _demo_einvoice(engine: Engine, store_id: str, seller_tax_id: str) -> None:
    """E-invoice on for the demo store, with the TEST key and demo numbers for this period
    and the next (only what is not there yet, so ``demo`` can run again)."""
    with db.read(engine) as conn:
        configured = einvoice_settings.read(conn, store_id) is not None
    if not configured:
        einvoice_settings.save(engine, store_id, seller_tax_id=seller_tax_id,
                               qr_key=DEMO_QR_TEST_KEY, lease_booklets=2)
    current = Period.of(datetime.now(UTC))
    have = {a["period"] for a in allocation.allocations(engine, seller_tax_id)}
    missing = [p for p in (current, current.next()) if p.code not in have]
    if missing:
        allocation.import_file(engine, demo_allocation_csv(seller_tax_id, missing),
                               "demo allocation (test numbers)")
    print(f"e-invoice on for {store_id}: seller {seller_tax_id}, the MOF's public TEST QR key "
          f"(not for a real company), demo numbers for {current.code} and "
          f"{current.next().code}"
          + ("" if not configured else " (settings already there, left as they are)"))


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
    _demo_einvoice(engine, store_id, tax_id)
    r = enrollment.issue_pairing_code(engine, store_id, "T01")
    print(f"demo store {store_id} {name}: {p['rows']} products, "
          f"{q['documents']} pricing documents, loyalty rules")
    print(f"pairing code for {store_id}/T01: {r['code']} (valid until {r['expires_at']})")


COMMANDS = (
    Command("init", "create the schema, key and admin token", init, _init_arguments,
            prepare=False),
    Command("demo", "init + demo store, catalog, promotions, code", demo),
)
