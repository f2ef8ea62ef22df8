"""``omo-pos --self-check``: does this installation (above all the packaged bundle) have
everything the terminal loads at run time? Used by ``scripts/build.sh`` after PyInstaller.

Checks, one ``SELF-CHECK <name> ok|FAIL|warn <detail>`` line each, then ``SELF-CHECK OK``
(exit 0) or ``SELF-CHECK FAILED`` (exit 1):

- zbar: a QR code made with ``qrcode`` is decoded by pyzbar (libzbar found and loaded);
- qt: a QApplication starts on the platform plugin asked for (``QT_QPA_PLATFORM``);
- i18n: the English ``omo_pos_en.qm`` and Qt's own ``qtbase_zh_TW.qm`` load, and the
  printed words' English is read from ``omo_pos_en.ts``;
- style: the stylesheet is there;
- pdf: a QtCharts chart is drawn into a PDF with QPdfWriter (the reports screen's export);
- escpos: python-escpos loads its printer capability profiles and lays out a receipt;
- ledger: the Alembic migrations (with their ``.mako`` template) are there;
- font: a Traditional Chinese font is installed (a warning only: the bundle uses the
  system's, Noto Sans CJK on Linux, Microsoft JhengHei on Windows).

Needs no display (run with ``QT_QPA_PLATFORM=offscreen``), no network and no data folder.
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

_PAYLOAD = "OMO-SELF-CHECK-會員"


def _zbar() -> str:
    import numpy as np
    import qrcode

    from hardware.camera import QR_ONLY, decode_frame, zbar_status

    ok, reason = zbar_status()
    if not ok:
        raise RuntimeError(reason)
    image = qrcode.make(_PAYLOAD, box_size=4).get_image().convert("L")
    reads = decode_frame(np.array(image), symbologies=QR_ONLY)
    texts = [r.text for r in reads]
    if texts != [_PAYLOAD]:
        raise RuntimeError(f"decoded {texts!r}")
    return f"decoded a QR code with {_loaded('libzbar')}"


def _loaded(stem: str) -> str:
    """Where the shared library ``stem`` was loaded from (Linux), else its name."""
    try:
        maps = Path("/proc/self/maps").read_text().splitlines()
    except OSError:
        return stem
    paths = {line.split()[-1] for line in maps if stem in line.rsplit("/", 1)[-1]}
    return ", ".join(sorted(paths)) or stem


def _qt() -> str:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    return f"platform {app.platformName()}"


def _i18n() -> str:
    from PySide6.QtWidgets import QApplication

    from app.ui.i18n import install_translator, remove_translators

    app = QApplication.instance()
    en = install_translator(app, "en")
    zh = install_translator(app, "zh_TW")
    remove_translators(app)
    names = [Path(f).name for f in en + zh]
    for needed in ("omo_pos_en.qm", "qtbase_zh_TW.qm"):
        if needed not in names:
            raise RuntimeError(f"{needed} not loaded (loaded: {names})")
    from hardware.print_text import load_catalog

    printed = load_catalog("en")  # the receipts' English words, read from the .ts
    if not printed:
        raise RuntimeError("no English printed words in omo_pos_en.ts")
    return ", ".join(names) + f", {len(printed)} printed words"


def _style() -> str:
    from importlib import resources

    text = resources.files("app.ui").joinpath("style.qss").read_text("utf-8")
    if not text.strip():
        raise RuntimeError("style.qss is empty")
    return f"style.qss {len(text)} chars"


def _pdf() -> str:
    from PySide6.QtCharts import QBarSeries, QBarSet, QChart
    from PySide6.QtCore import QRectF, QSizeF
    from PySide6.QtGui import QPainter, QPdfWriter

    from app.ui.report_charts import paint_chart

    chart = QChart()
    bars = QBarSet("銷售")
    bars.append([3, 1, 4, 1, 5])
    series = QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "check.pdf"
        writer = QPdfWriter(str(path))
        painter = QPainter()
        if not painter.begin(writer):
            raise RuntimeError("QPdfWriter refused to start")
        paint_chart(painter, chart, QRectF(0, 0, 2000, 1200), QSizeF(600, 360))
        painter.drawText(100, 1400, "營業報表 self-check")
        painter.end()
        size = path.stat().st_size
    if size < 500:
        raise RuntimeError(f"PDF of {size} bytes")
    return f"chart to PDF, {size} bytes"


def _escpos() -> str:
    from escpos.printer import Dummy

    printer = Dummy(profile="TM-T88V")
    printer.text("OMO self-check\n")
    printer.qr("S001-T01-000001", native=True)
    printer.cut()
    return f"profile TM-T88V, {len(printer.output)} bytes"


def _ledger() -> str:
    from app.ledger.db import MIGRATIONS

    versions = sorted(p.name for p in (MIGRATIONS / "versions").glob("[0-9]*.py"))
    missing = [n for n in ("env.py", "script.py.mako") if not (MIGRATIONS / n).is_file()]
    if missing or not versions:
        raise RuntimeError(f"migrations incomplete in {MIGRATIONS}: missing {missing or 'versions'}")
    return f"{len(versions)} migrations, last {versions[-1]}"


def _font() -> str:
    from PySide6.QtGui import QFontDatabase

    families = set(QFontDatabase.families())
    for family in ("Noto Sans CJK TC", "Microsoft JhengHei", "PingFang TC"):
        if family in families:
            return family
    raise LookupError("no Traditional Chinese font installed (Debian: fonts-noto-cjk)")


CHECKS: list[tuple[str, Callable[[], str], bool]] = [  # name, check, required
    ("zbar", _zbar, True),
    ("qt", _qt, True),
    ("i18n", _i18n, True),
    ("style", _style, True),
    ("pdf", _pdf, True),
    ("escpos", _escpos, True),
    ("ledger", _ledger, True),
    ("font", _font, False),
]


def run() -> int:
    failed = False
    for name, check, required in CHECKS:
        try:
            detail = check()
        except Exception as exc:  # every check reports, whatever breaks
            status = "FAIL" if required else "warn"
            failed = failed or required
            detail = f"{type(exc).__name__}: {exc}"
            if required:
                traceback.print_exc(file=sys.stderr)
        else:
            status = "ok"
        print(f"SELF-CHECK {name} {status} {detail}", flush=True)
    print("SELF-CHECK FAILED" if failed else "SELF-CHECK OK", flush=True)
    return 1 if failed else 0
