"""Counter devices: scanners, receipt printers, cash drawer, QR camera. No Qt here."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir

# python-escpos makes a new temporary folder on every import unless told where to
# keep its capabilities cache; keep one per user instead of littering /tmp.
if "ESCPOS_CAPABILITIES_PICKLE_DIR" not in os.environ:
    _cache = Path(user_cache_dir("omo-pos", appauthor=False)) / "escpos"
    _cache.mkdir(parents=True, exist_ok=True)
    os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(_cache)
