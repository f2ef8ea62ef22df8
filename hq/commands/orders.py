"""``import-orders``: online orders from the web shop (:mod:`hq.orders`), each order
once; refused or conflicting ones are listed on stderr and make the exit status 2."""

from __future__ import annotations

import argparse
import sys

from hq import orders
from hq.commands.common import Command, Context, UserError, json_file


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")


def import_orders(args: argparse.Namespace, ctx: Context) -> None:
    try:
        r = orders.import_orders(ctx.engine, json_file(args.file))
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


COMMANDS = (
    Command("import-orders", "import online orders (JSON list, hq/orders.py): purchases and "
            "points for the members; an order already imported is skipped",
            import_orders, _arguments),
)
