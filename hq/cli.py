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

from hq import admin, config, crm, enrollment, importers, member_admin, orders, staff, till
from hq.db import make_engine
from hq.errors import HQError

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo"
DEMO_STORE = ("S001", "OMO 示範門市 信義店", "台北市信義區松高路 11 號", "04595257")
# (user id, name, role, PIN, staff card, discount limit %): the demo store's staff
DEMO_USERS = (
    ("M001", "林店長", "manager", "1234", "STAFF-M001", 100),
    ("V001", "陳副店長", "supervisor", "2345", "STAFF-V001", 30),
    ("C001", "王小明", "cashier", "0000", "STAFF-C001", 10),
    ("C002", "李美玲", "cashier", "1111", "STAFF-C002", 0),
)


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
    _member_commands(sub, common)
    _staff_commands(sub, common)
    return p


def _staff_commands(sub, common) -> None:  # noqa: ANN001
    """Staff users (hq/staff.py) and what the terminals report about their tills."""
    s = sub.add_parser("create-user", parents=[common],
                       help="create or update a staff user (published to its stores)")
    s.add_argument("user_id")
    s.add_argument("--name", default=None, help="required for a new user")
    s.add_argument("--role", default=None, help="cashier, supervisor or manager "
                   "(required for a new user)")
    s.add_argument("--pin", default=None, help="4 to 8 digits (required for a new user; "
                   "HQ keeps only its hash)")
    s.add_argument("--card", default=None, help="staff card barcode ('' removes it)")
    s.add_argument("--discount-limit", type=int, default=None, help="percent 0-100 (default 0)")
    s.add_argument("--stores", default=None, help="comma-separated store ids, or all "
                   "(default for a new user: all)")
    s = sub.add_parser("users", parents=[common], help="list staff users (never their PINs)")
    s.add_argument("--store", default=None, help="only those who may work at this store")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("deactivate-user", parents=[common],
                       help="a user may no longer log in anywhere")
    s.add_argument("user_id")
    s = sub.add_parser("reset-pin", parents=[common], help="give a user a new PIN")
    s.add_argument("user_id")
    s.add_argument("--pin", required=True)
    s = sub.add_parser("z-reports", parents=[common], help="a store's Z reports")
    s.add_argument("--store", required=True)
    s.add_argument("--day", default=None, help="YYYY-MM-DD (Taiwan business day)")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("audit", parents=[common], help="a store's audit log")
    s.add_argument("--store", required=True)
    s.add_argument("--from", dest="start", default=None, help="YYYY-MM-DD (inclusive)")
    s.add_argument("--to", dest="end", default=None, help="YYYY-MM-DD (inclusive)")
    s.add_argument("--action", default=None, help="e.g. refund, void, price_override")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("shifts", parents=[common],
                       help="a store's shifts of one day: expected, counted, difference")
    s.add_argument("--store", required=True)
    s.add_argument("--day", required=True, help="YYYY-MM-DD (Taiwan business day)")
    s.add_argument("--json", action="store_true")


def _money(value: int | None) -> str:
    return "-" if value is None else f"NT${value:,}"


def _user_line(u: dict) -> str:
    return (f"{u['user_id']:<8} {u['name']}  {u['role']:<10} card {u['card_code'] or '-'}  "
            f"discount limit {u['discount_limit']}%  stores "
            f"{','.join(u['stores']) if u['stores'] else 'all'}  "
            f"{'active' if u['active'] else 'inactive'}")


def _staff_run(args, engine) -> bool:  # noqa: ANN001, C901, PLR0912
    """The staff and till commands; False if ``args.command`` is not one of them."""
    cmd = args.command
    if cmd == "create-user":
        given = {k: v for k, v in (("name", args.name), ("role", args.role), ("pin", args.pin),
                                   ("card_code", args.card),
                                   ("discount_limit", args.discount_limit),
                                   ("stores", args.stores)) if v is not None}
        r = staff.save_user(engine, args.user_id, **given)
        state = "created" if r["created"] else "saved" if r["changed"] else "unchanged"
        print(f"user {r['user_id']} {r['name']} ({r['role']}) {state}"
              + (f", published to {','.join(r['stores']) if r['stores'] else 'every store'}"
                 if r["changed"] else ""))
    elif cmd == "users":
        rows = staff.list_users(engine, args.store)
        if args.json:
            _dump(rows)
        else:
            for u in rows:
                print(_user_line(u))
            print(f"{len(rows)} user(s)")
    elif cmd == "deactivate-user":
        r = staff.deactivate_user(engine, args.user_id)
        print(f"user {r['user_id']} {r['name']} "
              + ("deactivated" if r["changed"] else "was already inactive"))
    elif cmd == "reset-pin":
        r = staff.reset_pin(engine, args.user_id, args.pin)
        print(f"user {r['user_id']} {r['name']}: new PIN saved"
              + ("" if r["active"] else " (the user is inactive)"))
    elif cmd == "z-reports":
        day = admin.parse_day(args.day) if args.day else None
        rows = till.z_report_list(engine, args.store, day)
        if args.json:
            _dump(rows)
        else:
            for z in rows:
                print(f"{z['terminal_id']:<6} Z{z['z_no']:04d}  {z['period_from']} .. "
                      f"{z['period_to']}  net sales {_money(z['net_sales'])}  "
                      f"cash difference {_money(z['cash_difference'])}  by {z['created_by']}")
            print(f"{len(rows)} Z report(s)")
    elif cmd == "audit":
        rows = till.audit_list(engine, args.store,
                               admin.parse_day(args.start) if args.start else None,
                               admin.parse_day(args.end) if args.end else None, args.action)
        if args.json:
            _dump(rows)
        else:
            for a in rows:
                detail = json.dumps(a["detail"], ensure_ascii=False, sort_keys=True)
                print(f"{a['at']}  {a['terminal_id']:<6} {a['action']:<16} user {a['user_id']}"
                      f"  approved by {a['approved_by'] or '-'} ({a['method'] or '-'})  "
                      f"ref {a['doc_ref'] or '-'}  {detail}")
            print(f"{len(rows)} audit record(s)")
    elif cmd == "shifts":
        rows = till.shift_list(engine, args.store, admin.parse_day(args.day))
        if args.json:
            _dump(rows)
        else:
            for sh in rows:
                state = (f"closed {sh['closed_at']} by {sh['closed_by']}" if sh["closed_at"]
                         else "open")
                print(f"{sh['terminal_id']:<6} shift {sh['shift_no']}  opened {sh['opened_at']}"
                      f" by {sh['opened_by']}  float {_money(sh['opening_float'])}  in "
                      f"{_money(sh['cash_in'])}  out {_money(sh['cash_out'])}  expected "
                      f"{_money(sh['expected'])}  counted {_money(sh['counted'])}  difference "
                      f"{_money(sh['difference'])}  {state}")
            print(f"{len(rows)} shift(s)")
    else:
        return False
    return True


def _demo_users(engine, store_id: str) -> None:  # noqa: ANN001
    """The demo store's staff, made once (a user already there is left as it is)."""
    have = {u["user_id"] for u in staff.list_users(engine)}
    print(f"demo users for {store_id} (log in with the user id or staff card, and the PIN):")
    for user_id, name, role, pin, card, limit in DEMO_USERS:
        if user_id not in have:
            staff.save_user(engine, user_id, name=name, role=role, pin=pin, card_code=card,
                            discount_limit=limit, stores=[store_id])
        print(f"  {user_id}  {name}  {role:<10} PIN {pin}  card {card}  discount limit {limit}%"
              + ("" if user_id not in have else "  (already there, left as it is)"))


def _member_commands(sub, common) -> None:  # noqa: ANN001
    """Members, loyalty, allowances, coupons and CRM queries (docs in hq/member_admin.py)."""
    s = sub.add_parser("import-orders", parents=[common],
                       help="import online orders (JSON list, hq/orders.py): purchases and "
                            "points for the members; an order already imported is skipped")
    s.add_argument("file")
    s = sub.add_parser("import-loyalty-rules", parents=[common],
                       help="import the loyalty rules JSON (docs/loyalty.md)")
    s.add_argument("file")
    s = sub.add_parser("grant-allowance", parents=[common],
                       help="let a terminal debit a member offline")
    s.add_argument("--member", required=True)
    s.add_argument("--terminal", required=True, help="STORE/TERMINAL, e.g. S001/T01")
    s.add_argument("--points", type=int, default=0)
    s.add_argument("--stored-value", type=int, default=0)
    s.add_argument("--hours", type=float, default=24.0)
    s = sub.add_parser("allowances", parents=[common], help="list offline allowances")
    s.add_argument("--member", default=None)
    s.add_argument("--all", action="store_true", help="include settled ones")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("settle-allowance", parents=[common], help="release an allowance")
    s.add_argument("allowance_id")
    s = sub.add_parser("issue-coupon", parents=[common], help="issue one signed coupon")
    s.add_argument("--terms", required=True, help="the pricing coupon's code, e.g. DAIRY15")
    s.add_argument("--member", default=None, help="bind it to this member")
    s.add_argument("--days", type=int, default=30)
    s = sub.add_parser("issue-coupons", parents=[common],
                       help="issue one coupon to every member a filter selects")
    s.add_argument("--terms", required=True)
    s.add_argument("--filter", required=True,
                   help="tier=TIER or bought=SKU:YYYY-MM-DD:YYYY-MM-DD")
    s.add_argument("--days", type=int, default=30)
    s.add_argument("--csv", default=None, metavar="FILE", help="write the codes to FILE")
    s = sub.add_parser("coupon-conflicts", parents=[common], help="coupons used twice")
    s.add_argument("--all", action="store_true", help="include resolved ones")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("member", parents=[common], help="look a member up")
    who = s.add_mutually_exclusive_group(required=True)
    who.add_argument("--phone")
    who.add_argument("--card")
    who.add_argument("--id")
    s.add_argument("--recent", type=int, default=10)
    s.add_argument("--json", action="store_true")
    s.add_argument("--csv", default=None, metavar="FILE", help="write the purchases to FILE")
    s = sub.add_parser("member-update", parents=[common], help="change tier, name, birthday")
    s.add_argument("member_id")
    s.add_argument("--tier", default=None)
    s.add_argument("--name", default=None)
    s.add_argument("--birthday", default=None)
    s = sub.add_parser("member-purchases", parents=[common], help="a member's purchases")
    s.add_argument("member_id")
    s.add_argument("--from", dest="start", default=None)
    s.add_argument("--to", dest="end", default=None)
    s.add_argument("--channel", choices=["all", "store", "online"], default="all",
                   help="store sales, imported online orders, or both (default)")
    s.add_argument("--json", action="store_true")
    s.add_argument("--csv", default=None, metavar="FILE")
    s = sub.add_parser("members-bought", parents=[common],
                       help="members who bought a product in a period")
    s.add_argument("--sku", required=True)
    s.add_argument("--from", dest="start", required=True)
    s.add_argument("--to", dest="end", required=True)
    s.add_argument("--json", action="store_true")
    s.add_argument("--csv", default=None, metavar="FILE")
    s = sub.add_parser("member-stats", parents=[common],
                       help="new members and repeat rate per store")
    s.add_argument("--from", dest="start", required=True)
    s.add_argument("--to", dest="end", required=True)
    s.add_argument("--store", default=None)
    s.add_argument("--json", action="store_true")
    s.add_argument("--csv", default=None, metavar="FILE")
    s = sub.add_parser("loyalty-findings", parents=[common],
                       help="overdrafts and other findings in the loyalty ledger")
    s.add_argument("--member", default=None)
    s.add_argument("--json", action="store_true")


def _write_csv(path: str, rows, columns) -> None:  # noqa: ANN001
    try:
        Path(path).write_text(crm.to_csv(rows, columns), encoding="utf-8", newline="")
    except OSError as exc:
        raise UserError(f"{path}: {exc.strerror}") from None
    print(f"{len(list(rows))} row(s) written to {path}")


def _dump(obj) -> None:  # noqa: ANN001
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def _members_run(args, engine) -> bool:  # noqa: ANN001, C901, PLR0912
    """The member commands; False if ``args.command`` is not one of them."""
    cmd = args.command
    if cmd == "import-orders":
        try:
            r = orders.import_orders(engine, _json_file(args.file))
        except orders.BadOrder as exc:
            raise UserError(f"nothing imported: {exc.detail}") from None
        counts: dict[str, int] = {}
        for res in r["results"]:
            counts[res["status"]] = counts.get(res["status"], 0) + 1
            if res["status"] in ("refused", "conflict"):
                print(f"order {res['order_id']}: {res['status']} {res.get('detail', '')}",
                      file=sys.stderr)
        print("orders: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
        if counts.get("refused") or counts.get("conflict"):
            raise UserError("some orders were not imported (listed above); the others were")
    elif cmd == "import-loyalty-rules":
        r = member_admin.import_loyalty_rules(engine, _json_file(args.file))
        print("loyalty rules " + ("imported and published" if r["changed"] else "unchanged")
              + f" (referral reward {r['referral_points']} points)")
    elif cmd == "grant-allowance":
        r = member_admin.grant_allowance(engine, args.member, args.terminal, points=args.points,
                                         stored_value=args.stored_value, hours=args.hours)
        print(f"allowance {r['allowance_id']} for member {r['member_id']} at "
              f"{r['store_id']}/{r['terminal_id']}: {r['points']} points, NT${r['stored_value']} "
              f"stored value, valid until {r['valid_until']}")
    elif cmd == "allowances":
        rows = member_admin.list_allowances(engine, args.member, include_settled=args.all)
        if args.json:
            _dump(rows)
        else:
            for a in rows:
                print(f"{a['allowance_id']}  {a['member_id']}  {a['store_id']}/{a['terminal_id']}"
                      f"  {a['points']} pts  NT${a['stored_value']}  until {a['valid_until']}"
                      f"  {a['status']}")
            print(f"{len(rows)} allowance(s)")
    elif cmd == "settle-allowance":
        r = member_admin.settle_allowance(engine, args.allowance_id)
        print(f"allowance {r['allowance_id']} {r['status']}")
    elif cmd == "issue-coupon":
        r = member_admin.issue_coupon(engine, args.terms, args.member, args.days)
        c = r["coupons"][0]
        print(f"coupon {c['instance_id']} ({r['terms_code']}"
              + (f", member {c['member_id']}" if c["member_id"] else ", unbound")
              + f", until {r['expires_at']}):")
        print(c["code"])
    elif cmd == "issue-coupons":
        r = member_admin.issue_coupons(engine, args.terms, args.filter, args.days)
        print(f"{r['issued']} coupon(s) {r['terms_code']} issued, valid until {r['expires_at']}")
        if args.csv:
            _write_csv(args.csv, r["coupons"], ("instance_id", "member_id", "code"))
    elif cmd == "coupon-conflicts":
        rows = member_admin.list_coupon_conflicts(engine, include_resolved=args.all)
        if args.json:
            _dump(rows)
        else:
            for c in rows:
                print(f"#{c['id']} {c['instance_id']} {c['reason']}: first sale "
                      f"{c['first_sale']} ({c['first_store']}/{c['first_terminal']}), second sale "
                      f"{c['second_sale']} ({c['second_store']}/{c['second_terminal']})")
            print(f"{len(rows)} coupon conflict(s)")
    elif cmd == "member":
        r = crm.lookup(engine, phone=args.phone, card=args.card, member_id=args.id,
                       recent=args.recent)
        if args.json:
            _dump(r)
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
            p = crm.purchases(engine, r["member"]["member_id"])
            _write_csv(args.csv, p["rows"], p["columns"])
    elif cmd == "member-update":
        r = member_admin.update_member(engine, args.member_id, tier=args.tier, name=args.name,
                                       birthday=args.birthday)
        print(f"member {r['member_id']} saved (tier {r['tier'] or '-'})")
    elif cmd in ("member-purchases", "members-bought", "member-stats"):
        if cmd == "member-purchases":
            r = crm.purchases(engine, args.member_id, args.start, args.end)
            if args.channel != "all":
                r["rows"] = [row for row in r["rows"] if row["channel"] == args.channel]
        elif cmd == "members-bought":
            r = crm.bought(engine, args.sku, args.start, args.end)
        else:
            r = crm.stats(engine, args.start, args.end, args.store)
        if args.json:
            _dump(r["rows"])
        elif not args.csv:
            for row in r["rows"]:
                print("  ".join(str(row.get(c, "")) for c in r["columns"]))
            print(f"{len(r['rows'])} row(s)")
        if args.csv:
            _write_csv(args.csv, r["rows"], r["columns"])
    elif cmd == "loyalty-findings":
        rows = member_admin.loyalty_findings(engine, args.member)
        if args.json:
            _dump(rows)
        else:
            for f in rows:
                print(f"{f['code']}  member {f['member_id']}  amount {f['amount']}  "
                      f"ref {f['ref'] or '-'}  events {', '.join(f['event_ids'])}")
            print(f"{len(rows)} finding(s)")
    else:
        return False
    return True


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
        if _members_run(args, engine) or _staff_run(args, engine):
            return 0
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
            member_admin.import_loyalty_rules(engine, _json_file(str(DEMO / "loyalty.json")))
            _demo_users(engine, store_id)
            r = enrollment.issue_pairing_code(engine, store_id, "T01")
            print(f"demo store {store_id} {name}: {p['rows']} products, "
                  f"{q['documents']} pricing documents, loyalty rules")
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
