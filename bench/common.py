"""Helpers shared by the benchmarks: figures in ``name value unit`` lines, cached catalogs."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def figure(name: str, value: float, unit: str) -> None:
    print(f"{name} {value:.3f} {unit}", flush=True)


def distribution(name: str, values: list[float], unit: str) -> None:
    figure(f"{name}_p50", statistics.median(values), unit)
    figure(f"{name}_p99", percentile(values, 99), unit)


def catalog_dir(products: int) -> Path:
    """A data directory whose catalog holds ``products`` products (built once, then cached)."""
    data_dir = CACHE / f"catalog-{products}"
    marker = data_dir / ".complete"
    if not marker.exists():
        print(f"# building a {products:,}-product catalog in {data_dir} (once)", file=sys.stderr)
        subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(data_dir),
             "--products", str(products), "--seed-only"],
            cwd=ROOT, check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        marker.touch()
    return data_dir
