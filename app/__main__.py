"""Start the store terminal: ``python -m app [--demo] [--data-dir DIR] [--printer URL]``."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import time
from pathlib import Path

_T0 = time.perf_counter()


def setup_logging(data_dir: Path) -> None:
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        log_dir / "terminal.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    root.addHandler(console)


def main(argv: list[str] | None = None) -> int:
    from app.config import build_parser, default_data_dir

    args = build_parser().parse_args(argv)
    if args.self_check:  # the packaged build's smoke test (scripts/build.sh)
        from app.ui.self_check import run

        return run()
    data_dir: Path = (args.data_dir or default_data_dir()).expanduser().resolve()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        setup_logging(data_dir)
    except OSError as exc:
        return _show_fatal(f"無法使用資料夾 {data_dir}：{exc.strerror or exc}", gui=_gui(args))
    log = logging.getLogger("app")
    fallback_printer = f"file:{data_dir / 'printer' / 'receipts.escpos'}"
    for url in (args.printer or "", fallback_printer):
        if url.startswith("file:"):
            Path(url.removeprefix("file:").removeprefix("//")).parent.mkdir(
                parents=True, exist_ok=True
            )

    from app.ledger.errors import LedgerError
    from app.services.app_services import start_services

    # the device settings (Ctrl+Shift+D) choose the devices; command-line options win
    overrides = {"url": args.printer, "width_cols": args.paper_width, "encoding": args.encoding}
    try:
        services = start_services(data_dir, printer_overrides=overrides,
                                  fallback_printer_url=fallback_printer)
    except LedgerError as exc:
        log.error("cannot open the ledger in %s: %s", data_dir, exc)
        return _show_fatal(
            f"無法開啟資料庫 ({exc.code})：{data_dir}\n{exc.detail}", gui=_gui(args)
        )

    if args.demo or args.products:
        from app.services.seeding import seed_demo, seed_demo_pricing, seed_generated

        if args.demo:
            seed_demo(services.catalog)
            seed_demo_pricing(services)
        if args.products:
            seed_generated(services.catalog, args.products)
    if args.pair:
        code = _pair(services, *args.pair)
        if code:
            services.close()
            return code
    if args.import_pricing:
        code = _import_pricing(services, args.import_pricing)
        if code:
            services.close()
            return code
    if args.seed_only:
        services.close()
        return 0

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.checkout_window import CheckoutWindow
    from app.ui.i18n import install_translator
    from app.ui.messages import setting_message
    from app.ui.scan_filter import ScanFilter

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("omo-pos")
    # before any widget is built; --language wins over the language setting
    language = args.language or services.settings.get("language")
    install_translator(app, language)
    from app.ui import crash_dialog  # an unexpected exception: logged, a calm message, go on

    crash_dialog.install(data_dir / "logs" / "terminal.log", app)
    from app.services.first_run import wizard_wanted

    if wizard_wanted(services, args):  # a brand-new terminal: set it up first
        from app.ui.first_run_wizard import FirstRunWizard

        wizard = FirstRunWizard(services, language)
        if wizard.exec() != FirstRunWizard.DialogCode.Accepted:
            services.close()  # cancelled: what the finished steps saved stays
            return 0
    window = CheckoutWindow(services)
    scan_filter = ScanFilter(services.devices.devices.scanner.wedge_config(), parent=app)
    scan_filter.sig_scan.connect(window.on_scanner_scan)
    app.installEventFilter(scan_filter)
    window.scan_filter = scan_filter  # the device page changes its timing
    if services.device_errors:  # stored settings that were refused: defaults are used
        window.say("\n".join(setting_message(e.key, e.code) for e in services.device_errors),
                   "error")
    window.resize(1280, 800)
    window.show()

    def ready() -> None:
        if args.report_ready:
            print(f"READY {time.perf_counter() - _T0:.3f}", flush=True)
        if args.quit_when_ready:
            window.close()

    QTimer.singleShot(0, ready)
    code = app.exec()
    services.close()
    return code


def _pair(services, hq_url: str, pairing_code: str) -> int:
    from sync.client import HQRefused, HQUnavailable
    from sync.protocol import ProtocolError

    try:
        e = services.pair(hq_url, pairing_code)
    except HQUnavailable as exc:
        print(f"無法連線到總部 {hq_url}：{exc}", file=sys.stderr)
        return 2
    except HQRefused as exc:
        print(f"總部拒絕配對 ({exc.code})：{exc.message}", file=sys.stderr)
        return 2
    except ProtocolError as exc:
        print(f"總部回應無法驗證 ({exc.code})：{exc.detail}", file=sys.stderr)
        return 2
    print(f"已與總部配對：門市 {e.store_id} 機台 {e.terminal_id}")
    return 0


def _import_pricing(services, path: Path) -> int:
    import json

    from app.domain.pricing import PricingSchemaError
    from app.ledger.errors import LedgerError

    try:
        batch = json.loads(path.read_text(encoding="utf-8"))
        counts = services.import_pricing(batch)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        print(f"無法讀取價格檔 {path}: {exc}", file=sys.stderr)
        return 2
    except PricingSchemaError as exc:
        print(f"價格檔格式錯誤，整批未匯入：{exc}", file=sys.stderr)
        return 2
    except LedgerError as exc:
        print(f"無法寫入資料庫 ({exc.code})：{exc.detail}", file=sys.stderr)
        return 2
    print(
        f"已匯入 {counts['promotions']} 個促銷、{counts['coupons']} 張優惠券、"
        f"{counts['price_lists']} 個價目表"
    )
    return 0


def _gui(args) -> bool:
    """A dialog only where someone can see it (not for batch runs or offscreen)."""
    import os

    headless = os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal")
    return not (args.seed_only or args.quit_when_ready or headless)


def _show_fatal(text: str, *, gui: bool) -> int:
    print(text, file=sys.stderr)
    if gui:
        try:
            from PySide6.QtWidgets import QApplication, QMessageBox

            _app = QApplication.instance() or QApplication(sys.argv[:1])
            QMessageBox.critical(None, "收銀機無法啟動", text)
        except Exception:  # no display: stderr and the log carry the message
            logging.getLogger("app").exception("could not show the start-up error")
    return 2


if __name__ == "__main__":
    sys.exit(main())
