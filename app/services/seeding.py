"""Filling an empty terminal with the demo catalog, or a large generated one."""

from __future__ import annotations

import itertools
import json
import logging
from importlib import resources

from app.services.demo_catalog import generate_products, load_demo_products
from app.services.records.catalog import Catalog, ProductRow

logger = logging.getLogger(__name__)

GENERATED_SKU_PREFIX = "G"


def seed_demo(catalog: Catalog) -> int:
    """Load the demo catalog if the terminal has no products yet."""
    if catalog.count():
        return 0
    rows = [
        ProductRow(p.sku, p.barcode, p.name, p.category, p.brand, p.price)
        for p in load_demo_products()
    ]
    n = catalog.import_products(rows)
    logger.info("seeded %d demo products", n)
    return n


def load_demo_promotions() -> dict:
    """The demo batch of price lists, promotions and coupons (every kind)."""
    return json.loads(
        resources.files("resources.demo").joinpath("promotions.json").read_text("utf-8")
    )


def seed_demo_pricing(services) -> dict[str, int]:
    """Store the demo promotions once, as HQ would publish them."""
    from sqlalchemy import text

    with services.ledger.read() as conn:
        if conn.execute(text("SELECT count(*) FROM pricing_documents")).scalar_one():
            return {}
    return services.import_pricing(load_demo_promotions())


def seed_generated(catalog: Catalog, total: int) -> int:
    """Top the catalog up with generated products until it holds ``total`` (benchmarks).

    The generator is deterministic, so an interrupted top-up resumes where it
    stopped instead of regenerating what is already there.
    """
    have = catalog.count()
    if have >= total:
        return 0
    generated = catalog.count(sku_prefix=GENERATED_SKU_PREFIX)
    wanted = total - (have - generated)
    rows = (
        ProductRow(p.sku, p.barcode, p.name, p.category, p.brand, p.price)
        for p in itertools.islice(generate_products(wanted), generated, None)
    )
    n = catalog.import_products(rows, batch=20000)
    logger.info("generated %d products", n)
    return n
