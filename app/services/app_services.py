"""Everything a running terminal needs, wired once at start-up."""

from __future__ import annotations

import logging
import platform
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import func, select

from app.ledger.db import Ledger, open_ledger
from app.ledger.models import OutboxEvent
from app.services.checkout import Checkout
from app.services.documents.returns import CommittedReturn, record_return
from app.services.documents.top_ups import CommittedTopUp, record_top_up
from app.services.printing import (
    DrawerOpened,
    PrinterConfig,
    PrinterMonitor,
    PrintQueue,
    open_drawer_no_sale,
    print_test_receipt,
    query_printer,
)
from app.services.printouts.paper import find_document, printable
from app.services.records.catalog import Catalog
from app.services.records.open_cart import OpenCartStore
from app.services.records.pricing import Pricer, import_pricing_batch
from app.services.records.sales import last_sale_id
from app.services.records.sync_store import Applied, LedgerSyncStore
from app.services.runtime.events import Event, Events
from app.services.runtime.settings import CHANGED as SETTING_CHANGED
from app.services.runtime.settings import Settings
from app.services.runtime.terminal import (
    TerminalDevices,
    TerminalInfo,
    load_devices,
    load_terminal,
    save_devices,
)
from app.services.runtime.writer import LedgerWriter
from app.services.staff import Approval, Staff, StaffUser, audit_approval
from hardware.config import SettingError
from hardware.print_text import set_print_language
from hardware.printer_status import PrinterStatus
from sync.agent import SyncAgent
from sync.client import HQClient
from sync.protocol import Enrollment, parse_enrollment

logger = logging.getLogger(__name__)


@dataclass
class TerminalServices:
    ledger: Ledger
    writer: LedgerWriter
    events: Events
    terminal: TerminalInfo
    catalog: Catalog
    checkout: Checkout
    print_queue: PrintQueue
    pricer: Pricer
    sync_store: LedgerSyncStore
    agent: SyncAgent
    staff: Staff = None  # type: ignore[assignment]  # set by start_services
    settings: Settings = None  # type: ignore[assignment]  # set by start_services
    devices: TerminalDevices = field(default_factory=TerminalDevices)
    device_errors: list[SettingError] = field(default_factory=list)  # found when loading
    printer_monitor: PrinterMonitor | None = None
    # command-line printer options (--printer, --paper-width, --encoding): PrinterConfig
    # fields that win over the stored device settings
    printer_overrides: dict = field(default_factory=dict)
    fallback_printer_url: str = ""  # used when no printer URL is stored

    def sale_did_commit(self) -> None:
        """A sale is in the ledger: print its receipt and send it to HQ, both in the background."""
        self.print_queue.wake()
        self.agent.wake()

    def pair(self, hq_url: str, pairing_code: str, device_name: str = "") -> Enrollment:
        """Enrol with HQ using a one-time code; pins HQ's key. Raises HQRefused,
        HQUnavailable or ProtocolError with nothing saved."""
        client = HQClient(hq_url)
        try:
            body = client.enroll(pairing_code, device_name or platform.node())
        finally:
            client.close()
        enrollment = parse_enrollment(hq_url, pairing_code, body)
        self.sync_store.save_enrollment(enrollment)
        self.reload_terminal()
        self.agent.wake()
        return enrollment

    def reload_terminal(self) -> None:
        """The store header or identity changed (pairing, or HQ published it)."""
        terminal = load_terminal(self.ledger)
        user = self.staff.current if self.staff else None
        self._use_terminal(replace(terminal, cashier=user.user_id) if user else terminal)

    def _use_terminal(self, terminal: TerminalInfo) -> None:
        self.terminal = terminal
        self.checkout.terminal = terminal
        self.print_queue.set_terminal(terminal)
        self.pricer.set_store(terminal.store_id)

    # --- who is at the till ---------------------------------------------------------------
    def login(self, user_id: str, pin: str) -> StaffUser:
        """Log in at the till (run on the ledger writer); documents from now on name them
        as the cashier. Raises ``StaffError``."""
        user = self.staff.login(user_id, pin)
        self._use_terminal(replace(self.terminal, cashier=user.user_id))
        self.agent.wake()
        return user

    def logout(self) -> None:
        self.staff.logout()
        self.agent.wake()

    def audit_hook(self, approval: Approval | None, **detail):  # noqa: ANN202
        """An ``audit(conn, doc_ref, at)`` hook writing ``approval`` in the action's own
        transaction (None: nothing to record)."""
        if approval is None:
            return None
        terminal = self.terminal
        return lambda conn, doc_ref, at: audit_approval(conn, terminal, approval,
                                                        doc_ref=doc_ref, detail=detail, at=at)

    def on_sync_applied(self, applied: Applied) -> None:
        """Runs on the sync thread after a feed batch was applied."""
        if applied.pricing:
            self.pricer.reload()
        if applied.store:
            self.reload_terminal()
        self.events.emit(Event.SYNC_DID_APPLY, products=applied.products, pricing=applied.pricing)

    def import_pricing(self, batch) -> dict[str, int]:
        """Store a batch of price lists, promotions and coupons and use it from now on."""
        counts = import_pricing_batch(self.ledger, batch)
        self.pricer.reload()
        return counts

    def receipt_text(self, doc_id: str, *, reprint: bool = False, kind: str = "sale") -> str:
        doc = printable(self.ledger, self.terminal, kind, doc_id, reprint=reprint)
        if doc is None:
            return ""
        return "\n".join(doc.lines(self.print_queue.printer.width_cols))

    def top_up(self, member_id: str, amount: int, **kw) -> CommittedTopUp:
        """Record a stored-value top-up (see :func:`record_top_up`); prints its receipt."""
        done = record_top_up(self.ledger, self.terminal, member_id, amount, **kw)
        self.print_queue.wake()
        self.agent.wake()
        return done

    def record_return(self, sale_id: str, quantities, *, approval: Approval | None = None,
                      **kw) -> CommittedReturn:
        """Record a return (see :func:`app.services.returns.record_return`); prints it.
        ``approval``: the refund's approval, audited in the return's transaction."""
        if approval is not None:
            kw["approved_by"] = approval.approver.user_id
            kw["audit"] = self.audit_hook(approval, sale_id=sale_id,
                                      lines={str(k): v for k, v in quantities.items()})
        done = record_return(self.ledger, self.terminal, sale_id, quantities, **kw)
        self.print_queue.wake()
        self.agent.wake()
        self.events.emit(Event.RETURN_DID_COMMIT, return_id=done.return_id,
                         receipt_no=done.receipt_no)
        return done

    def unsent_count(self) -> int:
        with self.ledger.read() as conn:
            return conn.execute(
                select(func.count()).select_from(OutboxEvent).where(OutboxEvent.sent_at.is_(None))
            ).scalar_one()

    def reprint(self, receipt_no: str | None = None, *,
                approval: Approval | None = None) -> str | None:
        """Queue a reprint of the named receipt (a sale, top-up or return), or of the last
        sale. Returns its number. ``approval`` is audited with the print job."""
        if receipt_no:
            found = find_document(self.ledger, receipt_no)
            if found is None:
                return None
            kind, doc_id = found
        else:
            kind, doc_id = "sale", last_sale_id(self.ledger)
            if doc_id is None:
                return None
        doc = printable(self.ledger, self.terminal, kind, doc_id)
        if doc is None:
            return None
        hook = self.audit_hook(approval, kind=kind)
        self.print_queue.reprint(
            doc_id, kind, audit=(lambda conn, at: hook(conn, doc.receipt_no, at)) if hook else None)
        return doc.receipt_no

    # --- devices ------------------------------------------------------------------------
    def printer_for(self, devices: TerminalDevices) -> PrinterConfig:
        """The receipt printer these settings describe (``--printer`` wins)."""
        cfg = replace(PrinterConfig.from_settings(devices.devices.printer), **self.printer_overrides)
        return cfg if cfg.url else cfg.with_url(self.fallback_printer_url)

    @property
    def printer_url_override(self) -> str | None:
        return self.printer_overrides.get("url")

    def apply_devices(self, devices: TerminalDevices) -> None:
        """Use these device settings from now on (scan layout, printer); the UI hears
        ``devices_did_change`` and restarts the scanners and camera it owns."""
        self.devices = devices
        self.checkout.scan_config = devices.scan_config()
        self.print_queue.set_printer(self.printer_for(devices))
        if self.printer_monitor is not None:
            self.printer_monitor.check_now()
        self.events.emit(Event.DEVICES_DID_CHANGE, devices=devices)

    def save_devices(self, devices: TerminalDevices) -> None:
        """Store the device page's settings in the ledger and apply them."""
        save_devices(self.ledger, devices)
        self.apply_devices(devices)

    def print_test_receipt(self, printer: PrinterConfig | None = None) -> None:
        """A short test receipt on ``printer`` (default: the current one); raises
        ``PrinterError``. Slow: run off the GUI thread."""
        print_test_receipt(self.terminal, printer or self.print_queue.printer)

    def check_printer(self, printer: PrinterConfig | None = None) -> PrinterStatus:
        """Ask ``printer`` (default: the current one) for its status now. Slow: run off
        the GUI thread. Never raises."""
        return query_printer(printer or self.print_queue.printer)

    def open_drawer(self, reason: str = "", approval: Approval | None = None) -> DrawerOpened:
        """The no-sale drawer open: kick, log (``drawer_opens``) and tell HQ, with the
        approval in the audit log in the same transaction. Run on the ledger writer."""
        done = open_drawer_no_sale(
            self.ledger, self.terminal, self.print_queue.printer, reason=reason,
            approved_by=approval.approver.user_id if approval else "",
            audit=self.audit_hook(approval, reason=reason))
        self.agent.wake()
        self.events.emit(Event.DRAWER_DID_OPEN, open_id=done.open_id, error=done.error)
        return done

    def close(self) -> None:
        self.agent.stop()
        if self.printer_monitor is not None:
            self.printer_monitor.stop()
        self.print_queue.stop()
        self.writer.close()
        self.ledger.close()


def _follow_print_language(key: str, value: object) -> None:
    if key == "print_language":
        set_print_language(str(value))


def start_services(
    data_dir: Path,
    printer: PrinterConfig | None = None,
    *,
    printer_overrides: dict | None = None,
    fallback_printer_url: str = "",
    terminal_defaults: TerminalInfo | None = None,
    print_retry_s: tuple[float, float] = (1.0, 30.0),
    printer_status_s: float = 15.0,
    start_sync: bool = True,
    sync_options: dict | None = None,
) -> TerminalServices:
    """Open the ledger (migrating it), and start the writer, the print queue, the
    printer-status monitor and the sync agent (which idles until the terminal is
    paired with HQ).

    The printer is ``printer`` if given (tests); otherwise the stored device settings,
    with ``printer_overrides`` (``PrinterConfig`` fields from the command line, e.g.
    ``{"url": ...}`` for ``--printer``) winning and ``fallback_printer_url`` used when
    no URL is stored."""
    ledger = open_ledger(data_dir)
    writer = LedgerWriter()
    events = Events()
    terminal = load_terminal(ledger, terminal_defaults)
    devices, device_errors = load_devices(ledger)
    for error in device_errors:
        logger.warning("stored device setting %s ignored: %s", error.key, error.code)
    catalog = Catalog(ledger)
    pricer = Pricer(ledger, terminal.store_id)
    fixed = printer is not None
    overrides = {k: v for k, v in (printer_overrides or {}).items() if v is not None}
    if printer is None:
        printer = replace(PrinterConfig.from_settings(devices.devices.printer), **overrides)
        if not printer.url:
            printer = printer.with_url(fallback_printer_url)
    queue = PrintQueue(
        ledger,
        writer,
        terminal,
        printer,
        events,
        retry_min_s=print_retry_s[0],
        retry_max_s=print_retry_s[1],
    )
    queue.start()
    sync_store = LedgerSyncStore(ledger)
    services = TerminalServices(
        ledger=ledger,
        writer=writer,
        events=events,
        terminal=terminal,
        catalog=catalog,
        checkout=Checkout(ledger, catalog, terminal, pricer=pricer),
        print_queue=queue,
        pricer=pricer,
        sync_store=sync_store,
        agent=None,  # type: ignore[arg-type]  # set below: it calls back into services
        devices=devices,
        device_errors=device_errors,
        printer_overrides=overrides,
        fallback_printer_url=printer.url if fixed else fallback_printer_url,
    )
    services.settings = Settings(ledger, events)
    # paper speaks the store's print language, whatever the screens speak
    set_print_language(services.settings.get("print_language"))
    events.subscribe(SETTING_CHANGED, _follow_print_language)
    services.staff = Staff(ledger, lambda: services.terminal, settings=services.settings)
    services.checkout.scan_config = devices.scan_config()
    # the cart on screen is saved after every change; the one a crash left comes back
    services.checkout.keep_open_cart(OpenCartStore(ledger, writer.submit))
    services.printer_monitor = PrinterMonitor(lambda: queue.printer, events,
                                              interval_s=printer_status_s)
    services.printer_monitor.start()
    services.agent = SyncAgent(
        sync_store,
        on_status=lambda status: events.emit(Event.SYNC_DID_CHANGE, status=status),
        on_applied=services.on_sync_applied,
        **(sync_options or {}),
    )
    if start_sync:
        services.agent.start()
    return services
