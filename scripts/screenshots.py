"""Screenshots of every screen and dialog of the terminal, in each language (issue 8).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
        [--languages zh_TW en]

Builds a throw-away terminal in a temporary folder (the demo catalog and promotions, a
manager logged in, a shift open, a few sales), then for each language installs the
translator before building the widgets, shows every screen at a realistic size (the
checkout window at 1280x800, dialogs at their own size) and saves
``<out>/<language>/<NN>-<name>.png``, plus ``<out>/README.md`` listing them. Dialogs
that normally run with ``exec()`` are shown, grabbed and closed instead.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

LANGUAGES = ("zh_TW", "en")
TITLES = {"zh_TW": "繁體中文 (zh_TW)", "en": "English (en)"}
MANAGER = ("M001", "王店長", "1234")


def pump(seconds: float = 0.05) -> None:
    """Process events for a while (layouts, timers, results coming back from workers)."""
    end = time.monotonic() + seconds
    while True:
        QCoreApplication.processEvents()
        if time.monotonic() >= end:
            break
        time.sleep(0.005)


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    print(f"  (gave up waiting after {timeout}s)", file=sys.stderr)
    return False


class Shots:
    """Numbers and saves the screenshots of one language."""

    def __init__(self, out: Path, language: str) -> None:
        self.dir = out / language
        self.dir.mkdir(parents=True, exist_ok=True)
        for old in self.dir.glob("*.png"):
            old.unlink()
        self.language = language
        self.taken: list[tuple[str, str]] = []  # (file name, what it shows)

    def grab(self, widget: QWidget, name: str, what: str, *,
             wait: Callable[[], bool] | None = None, close: bool = True) -> None:
        if not widget.isVisible():
            widget.show()
        pump(0.1)
        if wait is not None:
            wait_for(wait)
        pump(0.1)
        file = f"{len(self.taken) + 1:02d}-{name}.png"
        if not widget.grab().save(str(self.dir / file)):
            raise RuntimeError(f"could not save {file}")
        self.taken.append((file, what))
        print(f"  {self.language}/{file}")
        if close and widget.isWindow():
            widget.close()
            pump(0.02)


# --- the throw-away terminal -------------------------------------------------------------
def new_services(data_dir: Path):
    from app.services.app_services import start_services
    from app.services.printing import PrinterConfig

    return start_services(data_dir, PrinterConfig(url="dummy:"), start_sync=False)


def run_on_writer(svc, fn, *args, **kw):
    return svc.writer.submit(fn, *args, **kw).result(timeout=30)


def staffed_services(data_dir: Path):
    """The demo terminal: catalog and promotions, a manager logged in, a shift open, a
    registered member."""
    from app.services.documents import shifts as shift_docs
    from app.services.documents.members import register_member
    from app.services.seeding import seed_demo, seed_demo_pricing

    svc = new_services(data_dir)
    seed_demo(svc.catalog)
    seed_demo_pricing(svc)
    user_id, name, pin = MANAGER
    run_on_writer(svc, svc.staff.bootstrap_manager, user_id, name, pin, pin)
    run_on_writer(svc, svc.login, user_id, pin)
    run_on_writer(svc, shift_docs.open_shift, svc.ledger, svc.terminal, user_id, 3000)
    term = svc.terminal
    run_on_writer(svc, register_member, svc.ledger, store_id=term.store_id,
                  terminal_id=term.terminal_id, phone="0912345678", name="林小美")
    return svc


def receipt_in_full(window) -> QWidget:
    """The window's receipt preview, as a pane tall enough for the whole receipt."""
    from PySide6.QtWidgets import QPlainTextEdit

    preview = window.receipt_preview
    pane = QPlainTextEdit(preview.toPlainText())
    pane.setObjectName(preview.objectName())
    pane.setReadOnly(True)
    pane.setStyleSheet(window.styleSheet())
    pane.setFont(preview.font())
    pane.ensurePolished()
    metrics = pane.fontMetrics()
    lines = preview.toPlainText().splitlines() or [""]
    width = max(metrics.horizontalAdvance(line) for line in lines) + 40
    height = min(int(len(lines) * metrics.lineSpacing() * 1.25) + 30, 1400)  # CJK lines are taller
    pane.resize(width, height)
    return pane


def product(products, sku):
    return next(p for p in products if p.sku == sku)


def sell(window, codes: list[str], tender: str = "exact") -> object:
    """Ring up ``codes`` and pay as the cashier would; returns the sale."""
    before = window.checkout.last_sale
    for code in codes:
        window.add_code(code)
    if tender == "card":
        window.pay("card", window.checkout.cart.totals().total, "VISA 4242 A12345")
    else:
        window.on_exact_triggered()
    wait_for(lambda: window.checkout.last_sale is not before and not window.checkout.committing)
    wait_for(lambda: bool(window.receipt_preview.toPlainText().strip()))
    return window.checkout.last_sale


# --- one language ------------------------------------------------------------------------
def capture(language: str, out: Path, work: Path) -> Shots:
    from app.config import SOURCE_LANGUAGE
    from app.ui.i18n import install_translator, remove_translators
    from hardware.print_text import set_print_language

    app = QApplication.instance()
    remove_translators(app)
    install_translator(app, language)  # before any widget is built
    set_print_language(language)  # the receipt preview and slips, as a store in it prints
    shots = Shots(out, language)
    try:
        first_run_screens(shots, language, work / f"{language}-new")
        terminal_screens(shots, work / f"{language}-demo", language)
    finally:
        remove_translators(app)
        set_print_language(SOURCE_LANGUAGE)
    return shots


def first_run_screens(shots: Shots, language: str, data_dir: Path) -> None:
    from app.ui.checkout_window import CheckoutWindow
    from app.ui.first_run_wizard import FirstRunWizard

    svc = new_services(data_dir)
    try:
        wizard = FirstRunWizard(svc, language)
        wizard.show()
        names = ["wizard-language", "wizard-store", "wizard-devices", "wizard-manager"]
        whats = ["First-run wizard: language", "First-run wizard: store (HQ or demo)",
                 "First-run wizard: devices", "First-run wizard: first manager"]
        for page_id, (name, what) in enumerate(zip(names, whats)):
            wizard.setStartId(page_id)
            wizard.restart()
            shots.grab(wizard, name, what, wait=lambda p=page_id: wizard.currentId() == p,
                       close=False)
        wizard.done(0)
        pump(0.05)

        window = CheckoutWindow(svc)  # nobody at all yet: the first manager's lock screen
        window.resize(1280, 800)
        shots.grab(window, "lock-first-manager", "Lock screen of a new terminal: first manager")
        window.close()
        window._pool.shutdown(wait=True)
    finally:
        svc.close()


def terminal_screens(shots: Shots, data_dir: Path, language: str) -> None:
    from app.domain.money import format_twd
    from app.services import staff
    from app.services.demo_catalog import load_demo_products
    from app.services.printouts import shift_slips
    from app.services.records import shift_figures
    from app.ui.cash_count_dialog import CashCountDialog
    from app.ui.cash_move_dialog import CashMoveDialog
    from app.ui.checkout_window import CheckoutWindow
    from app.ui.crash_dialog import CrashDialog
    from app.ui.device_settings_dialog import DeviceSettingsDialog
    from app.ui.discount_dialog import DiscountDialog
    from app.ui.member_dialog import MemberDialog
    from app.ui.override_dialog import OverrideDialog
    from app.ui.pairing_dialog import PairingDialog
    from app.ui.parked_dialog import ParkedDialog
    from app.ui.reports_window import ReportsWindow
    from app.ui.return_dialog import ReturnDialog
    from app.ui.search_dialog import SearchDialog
    from app.ui.settings_dialog import SettingsDialog
    from app.ui.shift_open_dialog import ShiftOpenDialog
    from app.ui.shift_report_dialog import ShiftReportDialog
    from app.ui.staff_flow import staff_message
    from app.ui.store_ops import StoreMenu
    from app.ui.tender_dialog import TenderDialog
    from app.ui.top_up_dialog import TopUpDialog

    svc = staffed_services(data_dir)
    svc.settings.set("print_language", language)  # a store that prints in it
    products = load_demo_products()
    juice, guai = product(products, "D0009"), product(products, "S0001")  # two promotions
    others = [p for p in products if p.sku not in ("D0009", "S0001")]
    window = CheckoutWindow(svc)
    window.resize(1280, 800)
    window.show()
    pump(0.2)
    try:
        # the lock screen, as after Ctrl+L (the manager logs back in)
        window.on_lock_triggered()  # Ctrl+L: logged out, locked
        wait_for(lambda: window.locked and svc.staff.current is None)
        shots.grab(window, "lock-login", "Lock screen: staff number and PIN", close=False)
        window.staff_flow.on_screen_login(MANAGER[0], MANAGER[2])  # as typed on it
        wait_for(lambda: not window.locked)
        user = svc.staff.current

        # a few sales, so reports and receipts have content
        sell(window, [juice.barcode] * 3 + [others[0].barcode, others[1].barcode])
        sell(window, [guai.barcode] * 3 + [others[2].barcode], tender="card")
        sale = sell(window, [others[3].barcode, others[4].barcode, others[4].barcode,
                             juice.barcode])
        shots.grab(window, "checkout-receipt", "Checkout after a sale: the receipt preview",
                   close=False)
        shots.grab(receipt_in_full(window), "receipt-preview",
                   "The receipt preview's text in full (the window shows its top)")

        # a parked cart for the parked-carts dialog
        window.add_code(others[5].barcode)
        window.add_code(others[6].barcode)
        window.on_suspend_triggered()
        wait_for(lambda: not window.checkout.cart.lines)
        pump(0.1)

        # the cart of several lines, with promotions and a member
        for code in [juice.barcode] * 3 + [guai.barcode] * 3 + [
                others[7].barcode, others[8].barcode, others[8].barcode]:
            window.add_code(code)
        dialog = MemberDialog(svc, window)
        dialog.query.setText("0912345678")
        dialog.on_ok_clicked()  # found: shown with the points and stored value
        shots.grab(dialog, "member", "Member dialog: a member found by mobile number")
        if dialog._found is not None:  # attached as the dialog's Enter would
            window._set_member(dialog._directory.cart_member(dialog._found))
        window.refresh()
        shots.grab(window, "checkout-cart", "Checkout: a cart with promotions and a member",
                   close=False)

        search = SearchDialog(svc.catalog, window._pool, "茶", window)
        shots.grab(search, "search", "Product search", wait=lambda: search.results.count() > 0)

        remaining = window.checkout.cart.totals().total
        shots.grab(TenderDialog("card", remaining, window, member=True), "tender-card",
                   "Tender dialog: card")
        shots.grab(TenderDialog("other", remaining, window, member=True), "tender-other",
                   "Tender dialog: other tenders (with a member)")
        shots.grab(TopUpDialog("林小美", 1200, window), "top-up", "Stored-value top-up")

        returns = ReturnDialog(svc, window, receipt_no=sale.receipt_no)
        shots.grab(returns, "return", "Return dialog with a sale loaded")

        parked = window.checkout.parked()
        shots.grab(ParkedDialog(parked, window), "parked", "Suspended (parked) carts")
        shots.grab(PairingDialog(svc, window._pool, window), "pairing", "Pairing with HQ")

        devices = DeviceSettingsDialog(svc, window._pool, window)
        devices.show()
        for i in range(devices.tabs.count()):
            devices.tabs.setCurrentIndex(i)
            shots.grab(devices, f"device-settings-{i + 1}",
                       f"Device settings, tab {i + 1}", close=i == devices.tabs.count() - 1)

        override = OverrideDialog(
            staff.REFUND, svc.staff.required_role(staff.REFUND),
            window.member_flow.tr("收據 {0}，退款 {1}").format(sale.receipt_no, format_twd(99)),
            lambda **kw: None, staff_message, window)
        shots.grab(override, "override", "Supervisor approval")
        line = window.checkout.cart.lines[-1] if window.checkout.cart.lines else None
        shots.grab(DiscountDialog(line.product.name if line else "", 100, window),
                   "discount", "Manual discount")

        entries = [(window.actions_by_name[name].shortcut().toString(), label,
                    window.actions_by_name[name])
                   for name, label, _keys, _slot in window.store_entries]
        shots.grab(StoreMenu(entries, window), "store-menu", "Store menu (店務)")

        shots.grab(ShiftOpenDialog(window, user_name=user.label, usual_float=3000),
                   "shift-open", "Open the shift: count the float")
        current = shift_figures.current_shift(svc.ledger, svc.terminal.terminal_id)
        drawer = shift_figures.expected(svc.ledger, current).get("cash", 0)
        shots.grab(CashMoveDialog(window, expected_cash=drawer), "cash-move",
                   "Cash in / cash out")
        summary = shift_figures.shift_summary(svc.ledger, current)
        shots.grab(CashCountDialog(summary.expected, window, shift_no=current.shift_no),
                   "cash-count", "Close the shift: count the drawer")
        report = shift_figures.x_report(svc.ledger, svc.terminal)
        slip = shift_slips.x_slip(report, svc.terminal, printed_by=user.user_id)
        x = ShiftReportDialog.for_slip(slip, svc.print_queue.printer.width_cols, window)
        x.print_button.setEnabled(True)
        shots.grab(x, "shift-report", "X report (shift report) slip")

        reports = ReportsWindow(svc, window._pool, window)
        reports.resize(1280, 860)  # its own size (the offscreen screen is small)
        reports.show()
        wait_for(lambda: reports.report is not None)
        for i in range(reports.tabs.count()):
            reports.tabs.setCurrentIndex(i)
            shots.grab(reports, f"reports-{i + 1}", f"Reports window, tab {i + 1}: "
                       f"{reports.tabs.tabText(i)}", close=i == reports.tabs.count() - 1)

        shots.grab(SettingsDialog(svc.settings.values(), lambda values: None, window),
                   "settings", "Settings")
        shots.grab(CrashDialog("data/demo/logs/terminal.log", window), "crash",
                   "Unexpected error message")

        help_box = window.shortcut_box()  # as on F1
        shots.grab(help_box, "shortcut-help", "Shortcut help (F1)")
    finally:
        window.close()
        window._pool.shutdown(wait=True)
        svc.close()


# --- the index -----------------------------------------------------------------------------
def write_index(out: Path, all_shots: list[Shots]) -> None:
    lines = ["# Screenshots", "",
             "Every screen and dialog of the terminal, in each language, taken by",
             "`QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py` on a",
             "throw-away demo terminal (do not edit: the script writes this file).", ""]
    for shots in all_shots:
        lines += [f"## {TITLES.get(shots.language, shots.language)}", "",
                  "| File | Screen |", "| --- | --- |"]
        lines += [f"| [{f}]({shots.language}/{f}) | {what} |" for f, what in shots.taken]
        lines.append("")
    (out / "README.md").write_text("\n".join(lines), encoding="utf-8")


def _quiet(mode, context, message) -> None:  # noqa: ANN001 (Qt's message handler)
    if "propagateSizeHints" not in message:  # the offscreen platform says it at every dialog
        sys.stderr.write(message + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES), choices=LANGUAGES)
    args = parser.parse_args(argv)
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_quiet)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("omo-pos")
    args.out.mkdir(parents=True, exist_ok=True)
    all_shots = []
    with tempfile.TemporaryDirectory(prefix="omo-screenshots-") as work:
        for language in args.languages:
            print(language)
            all_shots.append(capture(language, args.out, Path(work)))
    write_index(args.out, all_shots)
    total = sum(p.stat().st_size for s in all_shots for p in s.dir.glob("*.png"))
    print(f"{sum(len(s.taken) for s in all_shots)} screenshots, {total / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
