"""scripts/screenshots.py (issue 8) takes its screenshots: one language, into a temp folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PNG = b"\x89PNG\r\n\x1a\n"


def test_screenshots_of_one_language(tmp_path):
    out = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--out", str(out),
         "--languages", "zh_TW"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (out / "en").exists()
    pngs = sorted((out / "zh_TW").glob("*.png"))
    names = [p.name for p in pngs]
    assert len(pngs) >= 30, names
    for wanted in ("wizard-language", "lock-login", "checkout-cart", "reports-1", "shortcut-help"):
        assert any(wanted in n for n in names), (wanted, names)
    for png in pngs:
        data = png.read_bytes()
        assert data.startswith(PNG), png.name
        assert len(data) > 5_000, png.name  # something drawn, not an empty window
    index = (out / "README.md").read_text(encoding="utf-8")
    assert all(f"zh_TW/{n}" in index for n in names)
