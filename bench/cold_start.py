"""Cold start: process start to a usable checkout screen, with a 1,000,000-product catalog.

Run: ``.venv/bin/python bench/cold_start.py [--products 1000000] [--runs 7]``

Each run starts ``python -m app`` as a new process on the cached catalog
(offscreen) and stops the clock when the app prints ``READY``: the window is
shown, the ledger is open and migrated, the print queue is running, and the
event loop has started. The operating system's file cache is warm after the
first run, as it is on a counter PC that has run before.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, catalog_dir, distribution, figure  # noqa: E402


def one_start(data_dir: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "--printer", "dummy:",
         "--report-ready", "--quit-when-ready"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - t0
            break
    else:
        raise RuntimeError("the terminal exited without becoming ready")
    proc.stdout.close()
    proc.wait(30)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    data_dir = catalog_dir(args.products)
    first = one_start(data_dir)
    runs = [one_start(data_dir) for _ in range(args.runs)]
    figure("cold_start_first_s", first, "s")
    distribution("cold_start_s", runs, "s")


if __name__ == "__main__":
    main()
