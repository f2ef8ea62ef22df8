"""The terminal's command line, run as a real process."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from app.services.seeding import load_demo_promotions

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_import_pricing_file(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(load_demo_promotions(), ensure_ascii=False), encoding="utf-8")
    bad_batch = load_demo_promotions()
    bad_batch["promotions"][0]["percent"] = 150
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(bad_batch, ensure_ascii=False), encoding="utf-8")
    data = tmp_path / "data"

    done = run("--data-dir", str(data), "--import-pricing", str(bad), "--seed-only")
    assert done.returncode == 2
    assert "promotions[0].percent" in done.stderr and "整批未匯入" in done.stderr
    con = sqlite3.connect(data / "ledger.sqlite3")
    assert con.execute("SELECT count(*) FROM pricing_documents").fetchone()[0] == 0

    done = run("--data-dir", str(data), "--import-pricing", str(good), "--seed-only")
    assert done.returncode == 0, done.stderr
    assert "已匯入" in done.stdout
    assert con.execute("SELECT count(*) FROM pricing_documents WHERE kind = 'promotion'").fetchone()[0] == len(
        bad_batch["promotions"]
    )

    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    done = run("--data-dir", str(data), "--import-pricing", str(tmp_path / "broken.json"), "--seed-only")
    assert done.returncode == 2 and "無法讀取" in done.stderr
    con.close()


def test_unopenable_data_dir_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    done = run("--data-dir", str(blocker / "data"), "--seed-only")
    assert done.returncode == 2
    assert "無法使用資料夾" in done.stderr and "Traceback" not in done.stderr
