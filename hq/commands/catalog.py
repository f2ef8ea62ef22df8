"""The catalog and pricing: ``import-products`` (CSV), ``import-pricing`` (JSON batch)
and ``delete-promotion``."""

from __future__ import annotations

import argparse

from hq import importers
from hq.commands.common import Command, Context, json_file, read_text


def _file_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")


def import_products(args: argparse.Namespace, ctx: Context) -> None:
    r = importers.import_products(ctx.engine, read_text(args.file))
    print(f"{r['rows']} products read, {r['changed']} new or changed")


def _import_pricing_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")
    p.add_argument("--stores", default=None, help="comma-separated store ids (default: all)")


def import_pricing(args: argparse.Namespace, ctx: Context) -> None:
    stores = args.stores.split(",") if args.stores else None
    r = importers.import_pricing(ctx.engine, json_file(args.file), stores)
    print(f"{r['documents']} pricing documents read, {r['changed']} new or changed")


def _delete_promotion_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("promotion_id")


def delete_promotion(args: argparse.Namespace, ctx: Context) -> None:
    importers.delete_document(ctx.engine, "promotion", args.promotion_id)
    print(f"promotion {args.promotion_id} deleted")


COMMANDS = (
    Command("import-products", "import a product CSV", import_products, _file_argument),
    Command("import-pricing", "import a pricing JSON batch", import_pricing,
            _import_pricing_arguments),
    Command("delete-promotion", "withdraw a promotion", delete_promotion,
            _delete_promotion_arguments),
)
