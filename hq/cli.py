"""``python -m hq COMMAND``: the admin CLI. Works directly on the database.

User errors print one line ``error: ...`` on stderr and exit with status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from sqlalchemy.exc import OperationalError

from hq import admin, config, enrollment, importers
from hq.db import make_engine
from hq.errors import HQError

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo"
DEMO_STORE = ("S001", "OMO 示範門市 信義店", "台北市信義區松高路 11 號", "04595257")


class UserError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS,
                        help=f"database URL (default: ${config.ENV_DB} or an SQLite file "
                        "in the data dir)")
    common.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help="HQ data directory (default: the platform's user data dir)")
    p = argparse.ArgumentParser(prog="python -m hq", parents=[common],
                                description="OMO POS headquarters service and admin CLI")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("init", parents=[common], help="create the schema, key and admin token")
    s.add_argument("--new-admin-token", action="store_true", help="issue another admin token")
    s = sub.add_parser("serve", parents=[common], help="run the HTTP API (uvicorn)")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8765)
    s.add_argument("--workers", type=int, default=1)
    s.add_argument("--no-access-log", action="store_true")
    s = sub.add_parser("create-store", parents=[common], help="create or update a store")
    s.add_argument("store_id")
    s.add_argument("--name", required=True)
    s.add_argument("--address", default="")
    s.add_argument("--tax-id", default="")
    s = sub.add_parser("pairing-code", parents=[common], help="issue a one-time pairing code")
    s.add_argument("--store", required=True)
    s.add_argument("--terminal", default=None, help="terminal id (default: next free T01, T02...)")
    s.add_argument("--hours", type=float, default=24.0, help="validity (default 24)")
    s = sub.add_parser("revoke", parents=[common], help="revoke a terminal")
    s.add_argument("--store", required=True)
    s.add_argument("--terminal", required=True)
    s = sub.add_parser("import-products", parents=[common], help="import a product CSV")
    s.add_argument("file")
    s = sub.add_parser("import-pricing", parents=[common], help="import a pricing JSON batch")
    s.add_argument("file")
    s.add_argument("--stores", default=None, help="comma-separated store ids (default: all)")
    s = sub.add_parser("delete-promotion", parents=[common], help="withdraw a promotion")
    s.add_argument("promotion_id")
    s = sub.add_parser("sales", parents=[common], help="one store's sales of one day")
    s.add_argument("--store", required=True)
    s.add_argument("--day", required=True, help="YYYY-MM-DD (Taiwan business day)")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("quarantine", parents=[common], help="list quarantined events")
    s.add_argument("--all", action="store_true", help="include resolved ones")
    s.add_argument("--json", action="store_true")
    sub.add_parser("stores", parents=[common], help="list stores")
    s = sub.add_parser("terminals", parents=[common], help="list terminals")
    s.add_argument("--store", default=None)
    sub.add_parser("demo", parents=[common], help="init + demo store, catalog, promotions, code")
    return p


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"no such file: {path}") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise UserError(f"{path}: {exc.strerror}") from None


def _json_file(path: str):  # noqa: ANN202
    try:
        return json.loads(_read(path))
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None


def _serve(args, url: str) -> int:  # noqa: ANN001
    import uvicorn

    engine = make_engine(url)
    admin.prepare(engine)
    engine.dispose()
    os.environ[config.ENV_DB] = url
    print(f"HQ listening on http://{args.host}:{args.port} ({args.workers} worker(s)); "
          f"API docs at /docs", flush=True)
    uvicorn.run("hq.api:app_from_env", factory=True, host=args.host, port=args.port,
                workers=args.workers if args.workers > 1 else None,
                access_log=not args.no_access_log, log_level="info")
    return 0


def run(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    data_dir = config.data_dir(getattr(args, "data_dir", None))
    url = config.database_url(getattr(args, "db", None), data_dir)
    if args.command == "serve":
        return _serve(args, url)
    engine = make_engine(url)
    try:
        cmd = args.command
        if cmd == "init":
            token = admin.initialise(engine, data_dir, new_admin_token=args.new_admin_token)
            print(f"HQ database ready: {engine.url.render_as_string(hide_password=True)}")
            if token:
                print(f"admin token (shown once, also in {data_dir / 'admin-token'}): {token}")
            else:
                print("an admin token already exists (use --new-admin-token for another)")
            return 0
        admin.prepare(engine)
        if cmd == "create-store":
            r = admin.create_store(engine, args.store_id, args.name, args.address, args.tax_id)
            print(f"store {r['store_id']} {r['name']} " + ("saved" if r["changed"] else "unchanged"))
        elif cmd == "pairing-code":
            r = enrollment.issue_pairing_code(engine, args.store, args.terminal,
                                              ttl=timedelta(hours=args.hours))
            print(f"pairing code for {r['store_id']}/{r['terminal_id']}: {r['code']} "
                  f"(valid until {r['expires_at']}, one use)")
        elif cmd == "revoke":
            enrollment.revoke(engine, args.store, args.terminal)
            print(f"terminal {args.store}/{args.terminal} revoked")
        elif cmd == "import-products":
            r = importers.import_products(engine, _read(args.file))
            print(f"{r['rows']} products read, {r['changed']} new or changed")
        elif cmd == "import-pricing":
            stores = args.stores.split(",") if args.stores else None
            r = importers.import_pricing(engine, _json_file(args.file), stores)
            print(f"{r['documents']} pricing documents read, {r['changed']} new or changed")
        elif cmd == "delete-promotion":
            importers.delete_document(engine, "promotion", args.promotion_id)
            print(f"promotion {args.promotion_id} deleted")
        elif cmd == "sales":
            r = admin.sales_for_day(engine, args.store, admin.parse_day(args.day))
            if args.json:
                print(json.dumps(r, ensure_ascii=False, indent=2))
            else:
                for s in r["sales"]:
                    print(f"{s['created_at']}  {s['receipt_no']:<20} {s['terminal_id']:<6} "
                          f"{s['line_count']:>3} lines  NT${s['total']:>8,}")
                t = r["totals"]
                print(f"{r['store_id']} {r['day']}: {t['count']} sales, total NT${t['total']:,} "
                      f"(untaxed {t['untaxed']:,} + tax {t['tax']:,}, "
                      f"discounts {t['discount_total']:,})")
        elif cmd == "quarantine":
            rows = admin.list_quarantine(engine, include_resolved=args.all)
            if args.json:
                print(json.dumps(rows, ensure_ascii=False, indent=2))
            else:
                for q in rows:
                    print(f"#{q['id']} {q['received_at']} {q['store_id']}/{q['terminal_id']} "
                          f"{q['kind']} {q['event_id']} {q['reason']}: {q['detail']}")
                print(f"{len(rows)} quarantined event(s)")
        elif cmd == "stores":
            for s in admin.list_stores(engine):
                print(f"{s['store_id']}  {s['name']}  {s['address']}  {s['tax_id']}")
        elif cmd == "terminals":
            for t in admin.list_terminals(engine, args.store):
                print(f"{t['store_id']}/{t['terminal_id']}  {t['status']}  "
                      f"{t['device_name']}  last seen {t['last_seen_at']}")
        elif cmd == "demo":
            token = admin.initialise(engine, data_dir)
            if token:
                print(f"admin token (shown once, also in {data_dir / 'admin-token'}): {token}")
            store_id, name, address, tax_id = DEMO_STORE
            admin.create_store(engine, store_id, name, address, tax_id)
            p = importers.import_products(engine, _read(str(DEMO / "products.csv")))
            q = importers.import_pricing(engine, _json_file(str(DEMO / "promotions.json")))
            r = enrollment.issue_pairing_code(engine, store_id, "T01")
            print(f"demo store {store_id} {name}: {p['rows']} products, "
                  f"{q['documents']} pricing documents")
            print(f"pairing code for {store_id}/T01: {r['code']} (valid until {r['expires_at']})")
        return 0
    finally:
        engine.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(argv)
    except HQError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except OperationalError as exc:
        print(f"error: cannot use the database: {str(exc.orig).strip().splitlines()[0]}",
              file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    return 2
