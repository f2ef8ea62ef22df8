"""``python -m hq COMMAND``: the admin CLI. Works directly on the database.

The commands live in :mod:`hq.commands`, one module per group; this module builds
the parser from them and runs the chosen one.

User errors print one line ``error: ...`` on stderr and exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sqlalchemy.exc import OperationalError

from hq import admin, config
from hq.commands import (
    catalog,
    einvoice,
    loyalty,
    members,
    orders,
    sales,
    serve,
    setup,
    staff,
    stores,
    till,
)
from hq.commands.common import Command, Context, UserError
from hq.errors import HQError

COMMANDS: dict[str, Command] = {
    c.name: c
    for group in (setup, serve, stores, catalog, sales, orders, loyalty, members, staff, till,
                  einvoice)
    for c in group.COMMANDS
}
# the order ``python -m hq --help`` lists them in
HELP_ORDER = (
    "init", "serve", "create-store", "pairing-code", "revoke", "import-products",
    "import-pricing", "delete-promotion", "sales", "quarantine", "stores", "terminals", "demo",
    "import-orders", "import-loyalty-rules", "grant-allowance", "allowances",
    "settle-allowance", "issue-coupon", "issue-coupons", "coupon-conflicts", "member",
    "member-update", "member-purchases", "members-bought", "member-stats", "loyalty-findings",
    "create-user", "users", "deactivate-user", "reset-pin", "z-reports", "audit", "shifts",
    "einvoice",
)
if sorted(HELP_ORDER) != sorted(COMMANDS):
    raise RuntimeError("hq.cli.HELP_ORDER must list every command of hq.commands once")

__all__ = ["COMMANDS", "UserError", "main", "run"]


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
    for name in HELP_ORDER:
        command = COMMANDS[name]
        command.arguments(sub.add_parser(name, parents=[common], help=command.help))
    return p


def run(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    data_dir = config.data_dir(getattr(args, "data_dir", None))
    url = config.database_url(getattr(args, "db", None), data_dir)
    command = COMMANDS[args.command]
    ctx = Context(url, data_dir)
    try:
        if command.prepare:
            admin.prepare(ctx.engine)
        command.run(args, ctx)
        return 0
    finally:
        ctx.close()


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
