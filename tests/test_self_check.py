"""``omo-pos --self-check``, the packaged build's smoke test (scripts/build.sh), passes
from the source tree too, as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_self_check_passes_from_source():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "app", "--self-check"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines[-1] == "SELF-CHECK OK"
    for name in ("zbar", "qt", "i18n", "style", "pdf", "escpos", "ledger"):
        assert any(line.startswith(f"SELF-CHECK {name} ok") for line in lines), lines
