"""Initial catalog sync: a new terminal pulls HQ's whole catalog: ``catalog_sync_s``.

Run: ``.venv/bin/python bench/catalog_sync.py [--products 1000000]``

HQ (SQLite, the embedded default) is filled once with the generated catalog and
cached in bench/.cache (several minutes for 1,000,000 products). Each run pairs a
fresh terminal and stops the clock when the terminal has verified and applied every
signed batch and holds the whole catalog; the terminal keeps selling meanwhile
(the pull runs on the sync agent's thread).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import CACHE, figure  # noqa: E402


def hq_with_catalog(products: int) -> Path:
    folder = CACHE / f"hq-catalog-{products}"
    marker = folder / ".complete"
    if marker.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    from app.services.demo_catalog import generate_products
    from hq import admin, importers
    from hq.db import make_engine

    print(f"# filling HQ with {products:,} products (once)", file=sys.stderr)
    engine = make_engine(f"sqlite:///{folder / 'hq.sqlite3'}")
    admin.initialise(engine, folder)
    step = 100_000
    gen = generate_products(products)
    done = 0
    while done < products:
        buf = io.StringIO()
        buf.write("sku,barcode,name,category,brand,price\n")
        for _, p in zip(range(step), gen, strict=False):
            buf.write(f"{p.sku},{p.barcode},{p.name},{p.category},{p.brand},{p.price}\n")
        importers.import_products(engine, buf.getvalue())
        done += step
        print(f"#   {min(done, products):,}", file=sys.stderr)
    engine.dispose()
    marker.touch()
    return folder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=1_000_000)
    args = parser.parse_args()
    from app.services.app_services import start_services
    from app.services.printing import PrinterConfig
    from tests.support.hq_server import HQ

    source = hq_with_catalog(args.products)
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        folder = Path(tmp)
        shutil.copy(source / "hq.sqlite3", folder / "hq.sqlite3")
        shutil.copy(source / "admin-token", folder / "admin-token")
        hq = HQ(f"sqlite:///{folder / 'hq.sqlite3'}", folder)
        terminal = None
        try:
            hq.store("S001", name="Bench")
            terminal = start_services(folder / "terminal", PrinterConfig(url="dummy:"))
            code = hq.pairing_code("S001", "T01")
            t0 = time.perf_counter()
            terminal.pair(hq.base, code)
            while terminal.catalog.count() < args.products or terminal.agent.status.catching_up:
                time.sleep(0.1)
                if time.perf_counter() - t0 > 3600:
                    raise RuntimeError("catalog sync did not finish in an hour")
            elapsed = time.perf_counter() - t0
            figure("catalog_sync_s", elapsed, "s")
            figure("catalog_sync_products_per_s", args.products / elapsed, "products/s")
        finally:
            if terminal is not None:
                terminal.close()
            hq.stop()


if __name__ == "__main__":
    main()
