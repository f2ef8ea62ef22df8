"""Product look-up and import over the ledger.

Look-ups go through indexes only (barcode, SKU, FTS5 trigram on names), so
their cost does not grow with the catalog; the catalog is never loaded whole.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import text

from app.domain.cart import ProductInfo
from app.domain.codes import SKU, ScannedCode
from app.ledger.db import Ledger

logger = logging.getLogger(__name__)

_COLUMNS = "sku, name, price, barcode, category, brand"
_BY_BARCODE = text(f"SELECT {_COLUMNS} FROM products WHERE barcode = :code AND active = 1")
_BY_SKU = text(f"SELECT {_COLUMNS} FROM products WHERE sku = :code AND active = 1")
_SEARCH_FTS = text(
    f"SELECT {_COLUMNS} FROM products WHERE active = 1 AND id IN "
    "(SELECT rowid FROM products_fts WHERE products_fts MATCH :q LIMIT :scan) "
    "ORDER BY name LIMIT :limit"
)
_SEARCH_LIKE = text(
    f"SELECT {_COLUMNS} FROM products WHERE active = 1 AND name LIKE :q ESCAPE '\\' "
    "LIMIT :limit"
)
_INSERT = text(
    "INSERT INTO products (sku, barcode, name, category, brand, price, active) "
    "VALUES (:sku, :barcode, :name, :category, :brand, :price, 1) "
    "ON CONFLICT(sku) DO UPDATE SET barcode = excluded.barcode, name = excluded.name, "
    "category = excluded.category, brand = excluded.brand, price = excluded.price, active = 1"
)


@dataclass(frozen=True, slots=True)
class ProductRow:
    sku: str
    barcode: str | None
    name: str
    category: str
    brand: str
    price: int


def _info(row) -> ProductInfo:
    return ProductInfo(
        sku=row[0], name=row[1], price=row[2], barcode=row[3], category=row[4], brand=row[5]
    )


class Catalog:
    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    def find(self, scanned: ScannedCode) -> ProductInfo | None:
        """The product a valid scan or typed code names, or ``None``."""
        with self._ledger.reader.connect() as conn:
            if scanned.kind != SKU:
                row = conn.execute(_BY_BARCODE, {"code": scanned.code}).first()
                if row is not None:
                    return _info(row)
            row = conn.execute(_BY_SKU, {"code": scanned.code.upper()}).first()
            return _info(row) if row is not None else None

    def search(self, query: str, limit: int = 50) -> list[ProductInfo]:
        """Products whose name contains ``query`` (any script), SKU or barcode matches first."""
        q = query.strip()
        if not q:
            return []
        with self._ledger.reader.connect() as conn:
            exact = [
                _info(r)
                for stmt in (_BY_SKU, _BY_BARCODE)
                for r in conn.execute(stmt, {"code": q.upper() if stmt is _BY_SKU else q})
            ]
            if len(q) >= 3:  # the trigram index needs three characters
                phrase = '"' + q.replace('"', '""') + '"'
                rows = conn.execute(_SEARCH_FTS, {"q": phrase, "scan": limit * 4, "limit": limit})
            else:
                escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                rows = conn.execute(_SEARCH_LIKE, {"q": f"%{escaped}%", "limit": limit})
            found = exact + [_info(r) for r in rows]
        seen: set[str] = set()
        unique = []
        for p in found:
            if p.sku not in seen:
                seen.add(p.sku)
                unique.append(p)
        return unique[:limit]

    def import_products(self, rows: Iterable[ProductRow], batch: int = 5000) -> int:
        """Insert or update products by SKU, in batches; returns how many were written."""
        count = 0
        chunk: list[dict] = []
        for row in rows:
            chunk.append(
                {
                    "sku": row.sku,
                    "barcode": row.barcode,
                    "name": row.name,
                    "category": row.category,
                    "brand": row.brand,
                    "price": row.price,
                }
            )
            if len(chunk) >= batch:
                count += self._write_chunk(chunk)
                chunk = []
        if chunk:
            count += self._write_chunk(chunk)
        return count

    def _write_chunk(self, chunk: list[dict]) -> int:
        with self._ledger.write() as conn:
            conn.execute(_INSERT, chunk)
        return len(chunk)

    def count(self, sku_prefix: str = "") -> int:
        with self._ledger.reader.connect() as conn:
            if sku_prefix:
                # SKUs are upper-case ASCII: a range scan on the unique SKU index
                return conn.execute(
                    text("SELECT count(*) FROM products WHERE sku >= :lo AND sku < :hi"),
                    {"lo": sku_prefix, "hi": sku_prefix[:-1] + chr(ord(sku_prefix[-1]) + 1)},
                ).scalar_one()
            return conn.execute(text("SELECT count(*) FROM products")).scalar_one()
