"""Taiwan e-invoice numbers (issue 14): ``einvoice import FILE``, ``einvoice settings
STORE ...``, ``einvoice status`` and ``einvoice lease STORE/TERMINAL``.

The QR key is read from a file (``--qr-key-file``, ``-`` for stdin) or typed at a
prompt that does not echo (``--ask-qr-key``); it is never printed back.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from app.domain.einvoice import EInvoiceError, Period
from hq import db
from hq.commands.common import Command, Context, UserError, dump
from hq.einvoice import allocation, leasing
from hq.einvoice import settings as einvoice_settings
from hq.einvoice.status import status as einvoice_status
from hq.models import terminals


def _common(p: argparse.ArgumentParser) -> None:
    """--db and --data-dir after the subcommand too, as every other command takes them."""
    p.add_argument("--db", default=argparse.SUPPRESS, help="database URL")
    p.add_argument("--data-dir", default=argparse.SUPPRESS, help="HQ data directory")


def _arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="einvoice_command", required=True, metavar="SUBCOMMAND")
    imp = sub.add_parser("import", help="import the MOF's number allocation file (CSV)")
    imp.add_argument("file")
    s = sub.add_parser("settings", help="set a store's e-invoice settings")
    s.add_argument("store")
    s.add_argument("--seller-tax-id", help="the seller's 統一編號")
    key = s.add_mutually_exclusive_group()
    key.add_argument("--qr-key-file", metavar="FILE",
                     help="read the QR AES key (32 hex digits) from FILE (- for stdin)")
    key.add_argument("--ask-qr-key", action="store_true",
                     help="type the QR key at a prompt that does not echo")
    s.add_argument("--member-carrier-type", help="the chain's member carrier type, e.g. EJ0113")
    s.add_argument("--lease-booklets", type=int, help="booklets of 50 per lease (default 2)")
    s.add_argument("--threshold", help="numbers a terminal keeps unused: a number, or auto "
                   "(two days of its sales, at least 50; the default)")
    s.add_argument("--when-exhausted", choices=("refuse", "receipt"),
                   help="with no number left: refuse the sale (default) or sell on a receipt")
    on = s.add_mutually_exclusive_group()
    on.add_argument("--enable", dest="enabled", action="store_const", const=True)
    on.add_argument("--disable", dest="enabled", action="store_const", const=False)
    st = sub.add_parser("status", help="numbers leased, used and left per store and terminal")
    st.add_argument("--store", default=None)
    st.add_argument("--json", action="store_true")
    le = sub.add_parser("lease", help="lease a terminal what is due now")
    le.add_argument("terminal", help="STORE/TERMINAL, e.g. S001/T01")
    le.add_argument("--period", help="lease this period's numbers now: the next period "
                    "before the 20th, for a terminal that will be offline over the turn "
                    "(e.g. 11602)")
    for parser in (imp, s, st, le):
        _common(parser)


def _read_key(args: argparse.Namespace) -> str | object:
    if args.qr_key_file:
        if args.qr_key_file == "-":
            return sys.stdin.readline().strip()
        try:
            return Path(args.qr_key_file).read_text(encoding="utf-8-sig").strip()
        except FileNotFoundError:
            raise UserError(f"no such file: {args.qr_key_file}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"{args.qr_key_file}: cannot read the key ({type(exc).__name__})") \
                from None
    if args.ask_qr_key:
        first = getpass.getpass("QR AES key (32 hex digits, not shown): ")
        if getpass.getpass("the same key again: ") != first:
            raise UserError("the two keys typed differ; nothing was changed")
        return first
    return einvoice_settings.KEEP


def import_file(args: argparse.Namespace, ctx: Context) -> None:
    try:
        raw = Path(args.file).read_bytes()
    except FileNotFoundError:
        raise UserError(f"no such file: {args.file}") from None
    except OSError as exc:
        raise UserError(f"{args.file}: {exc.strerror}") from None
    r = allocation.import_file(ctx.engine, raw, Path(args.file).name)
    print(f"imported {r['ranges']} range(s), {r['booklets']} booklet(s) of 50, "
          f"period(s) {', '.join(r['periods'])}")


def _threshold(text: str | None) -> int | None | object:
    if text is None:
        return einvoice_settings.KEEP
    if text.strip().lower() in ("auto", "automatic"):
        return None
    try:
        return int(text)
    except ValueError:
        raise UserError(f"--threshold {text!r}: a whole number or auto") from None


def settings(args: argparse.Namespace, ctx: Context) -> None:
    keep = einvoice_settings.KEEP
    r = einvoice_settings.save(
        ctx.engine, args.store,
        seller_tax_id=keep if args.seller_tax_id is None else args.seller_tax_id,
        qr_key=_read_key(args),
        enabled=keep if args.enabled is None else args.enabled,
        member_carrier_type=keep if args.member_carrier_type is None
        else args.member_carrier_type,
        lease_booklets=keep if args.lease_booklets is None else args.lease_booklets,
        threshold=_threshold(args.threshold),
        when_exhausted=keep if args.when_exhausted is None else args.when_exhausted,
    )  # fmt: skip
    print(f"e-invoice settings of {r['store_id']} "
          + ("saved and published to its terminals" if r["changed"] else "unchanged"))
    _print_settings(r)


def _print_settings(r: dict) -> None:
    print(f"  {'enabled' if r['enabled'] else 'DISABLED'}  seller {r['seller_tax_id']}  "
          f"type {r['invoice_type']}  QR key {r['qr_key']}  member carrier "
          f"{r['member_carrier_type'] or '-'}  lease {r['lease_booklets']} booklet(s)  "
          f"threshold {r['threshold']}  when exhausted: {r['when_exhausted']}")


def status(args: argparse.Namespace, ctx: Context) -> None:
    rows = einvoice_status(ctx.engine, args.store)
    if args.json:
        dump(rows)
        return
    if not rows:
        print("no store has e-invoice settings" + (f" ({args.store})" if args.store else ""))
        return
    for r in rows:
        left = r["allocation_left"]
        print(f"store {r['store_id']}  period {r['period']}  "
              f"(allocation left: {left[r['period']]} now, {left[r['next_period']]} of "
              f"{r['next_period']})")
        _print_settings(r)
        for t in r["terminals"]:
            print(f"  {t['terminal_id']:<6} {t['status']:<8} {t['period']}: leased {t['leased']}"
                  f"  used {t['used']}  left {t['left']}   {t['next_period']}: {t['next']}")
        for w in r["warnings"]:
            print(f"  warning: {w}")


def lease(args: argparse.Namespace, ctx: Context) -> None:
    store_id, _, terminal_id = args.terminal.partition("/")
    if not store_id or not terminal_id:
        raise UserError(f"{args.terminal!r}: STORE/TERMINAL, e.g. S001/T01")
    with db.read(ctx.engine) as conn:
        state = conn.execute(select(terminals.c.status).where(
            terminals.c.store_id == store_id, terminals.c.terminal_id == terminal_id)).scalar()
    if state is None:
        raise UserError(f"unknown terminal {store_id}/{terminal_id}")
    if state != "active":
        raise UserError(f"terminal {store_id}/{terminal_id} is {state}: numbers are leased "
                        "only to enrolled terminals")
    periods = None
    if args.period:
        try:
            period = Period.parse(args.period)
            leasing.check_lease_period(period, datetime.now(UTC))
        except (EInvoiceError, ValueError) as exc:
            raise UserError(f"--period {args.period}: {exc}") from exc
        periods = [period]
    blocks = leasing.ensure_leases(ctx.engine, store_id, terminal_id, periods=periods)
    for b in blocks:
        print(f"leased {b['track']}{b['begin']:08d}-{b['track']}{b['end']:08d} "
              f"({(b['end'] - b['begin'] + 1) // 50} booklet(s), period {b['period']}) "
              f"to {store_id}/{terminal_id}")
    rows = einvoice_status(ctx.engine, store_id)
    if not rows:
        raise UserError(f"store {store_id} has no e-invoice settings "
                        "(python -m hq einvoice settings)")
    if not blocks:
        print(f"nothing due for {store_id}/{terminal_id}")
    for t in rows[0]["terminals"]:
        if t["terminal_id"] == terminal_id:
            print(f"  {t['period']}: leased {t['leased']}  used {t['used']}  left {t['left']}"
                  f"   {t['next_period']}: {t['next']}")
    for w in rows[0]["warnings"]:
        print(f"  warning: {w}")


_RUN = {"import": import_file, "settings": settings, "status": status, "lease": lease}


def run(args: argparse.Namespace, ctx: Context) -> None:
    _RUN[args.einvoice_command](args, ctx)


COMMANDS = (
    Command("einvoice", "Taiwan e-invoice numbers: import, settings, status, lease", run,
            _arguments),
)
