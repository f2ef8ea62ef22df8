"""Catalog and pricing imports: validated whole, applied all-or-nothing, published.

Products come as CSV with the header ``sku,barcode,name,category,brand,price``
(an optional ``active`` column takes 1/0/true/false). A bad row is reported as
``line N, field F: reason`` and nothing is imported. Only products that actually
changed are written and published to the feed, so re-importing the same file is a
no-op.

Pricing comes as one batch document (docs/pricing.md), validated with the same
``parse_documents`` the terminals run. ``stores`` narrows every price list and
promotion to those stores (their ``stores`` field) and publishes the batch to those
stores only; without it the documents keep their own scope and the batch goes to
every store.
"""

from __future__ import annotations

import copy
import csv
import io
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, select, update

from app.domain.pricing import PricingSchemaError, parse_documents
from hq import db, feed
from hq.errors import HQError, invalid, not_found
from hq.models import pricing_documents, products, stores
from sync.protocol import PRICING, PRICING_DELETE, PRODUCT

REQUIRED = ("sku", "barcode", "name", "category", "brand", "price")
OPTIONAL = ("active",)
MAX_PRICE = 1_000_000_000
_SECTIONS = {"price_lists": ("price_list", "id"), "promotions": ("promotion", "id"),
             "coupons": ("coupon", "code")}
DOC_KINDS = ("promotion", "coupon", "price_list")


def parse_products_csv(text: str) -> list[dict[str, Any]]:
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise invalid("the CSV file is empty") from None
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c not in REQUIRED + OPTIONAL]
    if missing or unknown:
        raise invalid(
            f"line 1: header must be {','.join(REQUIRED)}[,active]"
            + (f"; missing {', '.join(missing)}" if missing else "")
            + (f"; unknown {', '.join(unknown)}" if unknown else "")
        )
    rows: list[dict[str, Any]] = []
    skus: dict[str, int] = {}
    barcodes: dict[str, int] = {}
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            raise invalid(f"line {line}: expected {len(header)} fields, found {len(record)}")
        cells = {h: v.strip() for h, v in zip(header, record, strict=True)}

        def bad(field: str, why: str, line: int = line) -> HQError:
            return invalid(f"line {line}, field {field}: {why}")

        sku = cells["sku"]
        if not sku or len(sku) > 64:
            raise bad("sku", "required, at most 64 characters")
        if sku in skus:
            raise bad("sku", f"duplicate sku {sku!r} (also on line {skus[sku]})")
        skus[sku] = line
        if not cells["name"]:
            raise bad("name", "required")
        barcode = cells["barcode"] or None
        if barcode is not None:
            if not re.fullmatch(r"[0-9A-Za-z]{1,64}", barcode):
                raise bad("barcode", f"{barcode!r} is not a barcode")
            if barcode in barcodes:
                raise bad("barcode", f"duplicate barcode {barcode} (also on line {barcodes[barcode]})")
            barcodes[barcode] = line
        price_text = cells["price"]
        if not re.fullmatch(r"[0-9]+", price_text) or int(price_text) > MAX_PRICE:
            raise bad("price", f"{price_text!r} is not a whole number of dollars (0..{MAX_PRICE})")
        active = True
        if "active" in cells and cells["active"]:
            flag = cells["active"].lower()
            if flag not in ("1", "0", "true", "false", "yes", "no"):
                raise bad("active", f"{cells['active']!r}: use 1 or 0")
            active = flag in ("1", "true", "yes")
        rows.append({"sku": sku, "barcode": barcode, "name": cells["name"][:300],
                     "category": cells["category"], "brand": cells["brand"],
                     "price": int(price_text), "active": active, "_line": line})
    if not rows:
        raise invalid("the CSV file has no products")
    return rows


def _product_data(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("sku", "barcode", "name", "category", "brand", "price", "active")}


def import_products(engine: Engine, text: str) -> dict[str, int]:
    rows = parse_products_csv(text)
    now = datetime.now(UTC)
    with db.write(engine) as conn:
        current = {r.sku: r for r in conn.execute(select(products))}
        owner = {r.barcode: r.sku for r in current.values() if r.barcode}
        for row in rows:  # the barcode must not belong to another product kept as is
            other = owner.get(row["barcode"]) if row["barcode"] else None
            if other and other != row["sku"]:
                reassigned = any(r["sku"] == other and r["barcode"] != row["barcode"] for r in rows)
                if not reassigned:
                    raise invalid(f"line {row['_line']}, field barcode: {row['barcode']} "
                                  f"already belongs to {other}")
        changed = [r for r in rows if r["sku"] not in current
                   or _product_data(current[r["sku"]]._mapping) != _product_data(r)]
        if not changed:
            return {"rows": len(rows), "changed": 0}
        moving = [r["sku"] for r in changed if r["sku"] in current
                  and current[r["sku"]].barcode != r["barcode"]]
        if moving:  # free the barcodes first so swaps do not trip the unique index
            conn.execute(update(products).where(products.c.sku.in_(moving)).values(barcode=None))
        new = [r for r in changed if r["sku"] not in current]
        old = [r for r in changed if r["sku"] in current]
        if new:
            conn.execute(products.insert(), [{**_product_data(r), "updated_at": now} for r in new])
        for r in old:
            conn.execute(update(products).where(products.c.sku == r["sku"])
                         .values(**_product_data(r), updated_at=now))
        feed.publish(conn, [(None, PRODUCT, _product_data(r)) for r in changed])
    return {"rows": len(rows), "changed": len(changed)}


def _known_stores(conn, wanted: Sequence[str]) -> None:  # noqa: ANN001
    found = set(conn.execute(select(stores.c.store_id).where(stores.c.store_id.in_(wanted))).scalars())
    missing = [s for s in wanted if s not in found]
    if missing:
        raise not_found(f"unknown store {', '.join(missing)}")


def import_pricing(engine: Engine, batch: Any, store_ids: Sequence[str] | None = None) -> dict:
    if not isinstance(batch, Mapping):
        raise invalid("the pricing batch must be a JSON object", "pricing_schema")
    scoped = [s.strip() for s in store_ids or () if s.strip()] or None
    doc = copy.deepcopy(dict(batch))
    if scoped:
        for section in ("price_lists", "promotions"):
            for item in doc.get(section) or []:
                if isinstance(item, dict):
                    item["stores"] = list(scoped)
    try:
        parse_documents(doc)
    except PricingSchemaError as exc:
        raise HQError(422, "pricing_schema", f"nothing imported: {exc}") from None
    now = datetime.now(UTC)
    with db.write(engine) as conn:
        if scoped:
            _known_stores(conn, scoped)
        current = {(r.kind, r.doc_id): (r.body, r.stores)
                   for r in conn.execute(select(pricing_documents))}
        changed = 0
        for section, (kind, id_key) in _SECTIONS.items():
            for item in doc.get(section) or []:
                key = (kind, item[id_key])
                if current.get(key) == (item, scoped):
                    continue
                changed += 1
                if key in current:
                    conn.execute(update(pricing_documents)
                                 .where(pricing_documents.c.kind == kind,
                                        pricing_documents.c.doc_id == key[1])
                                 .values(body=item, stores=scoped, updated_at=now))
                else:
                    conn.execute(pricing_documents.insert().values(
                        kind=kind, doc_id=key[1], body=item, stores=scoped, updated_at=now))
        if changed:
            targets = scoped or [None]
            feed.publish(conn, [(store, PRICING, doc) for store in targets])
    return {"documents": sum(len(doc.get(s) or []) for s in _SECTIONS), "changed": changed}


def delete_document(engine: Engine, kind: str, doc_id: str) -> dict:
    if kind not in DOC_KINDS:
        raise invalid(f"kind must be one of {', '.join(DOC_KINDS)}")
    with db.write(engine) as conn:
        done = conn.execute(delete(pricing_documents).where(
            pricing_documents.c.kind == kind, pricing_documents.c.doc_id == doc_id)).rowcount
        if not done:
            raise not_found(f"unknown {kind} {doc_id!r}")
        feed.publish(conn, [(None, PRICING_DELETE, {"kind": kind, "id": doc_id})])
    return {"kind": kind, "id": doc_id, "deleted": True}
