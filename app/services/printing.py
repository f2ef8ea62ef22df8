"""The receipt print queue: persisted jobs, printed in a worker, retried.

A sale's print job is written in the sale's own transaction, so a receipt is
never forgotten, even if the power fails right after the sale. A missing or
failing printer never blocks a sale: the job waits, the cashier is told
(``print_did_fail``), and printing resumes by itself when the printer is back.

Also here: :class:`PrinterMonitor`, a worker that polls the printer's status
(``printer_status_did_change``), and :func:`open_drawer_no_sale`, the logged
no-sale drawer open.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Connection, func, insert, select, update

from app.domain.money import TAX_RATE_NUM
from app.domain.store_time import STORE_TZ, utc_now
from app.ledger.db import Ledger
from app.ledger.models import PrintJob
from app.services.documents.drawer import record_drawer_open
from app.services.printouts.paper import printable
from app.services.printouts.receipts import tender_label
from app.services.runtime.events import Event, Events
from app.services.runtime.terminal import TerminalInfo
from app.services.runtime.writer import LedgerWriter
from hardware.config import PrinterSettings
from hardware.print_text import translate
from hardware.printer_status import PrinterStatus, printer_status
from hardware.invoice_paper import build_allowance_job, print_invoice
from hardware.printers import (
    PrinterError,
    build_receipt_job,
    deliver,
    open_drawer,
    print_receipt,
    write_job,
)
from hardware.printer_backends import describe_printer, reason_of
from hardware.receipt import Receipt, ReceiptLine, ReceiptPayment
from hardware.slip import Slip, print_slip
from sync.protocol import DRAWER_OPENED

logger = logging.getLogger(__name__)

DRAWER_EVENT = DRAWER_OPENED


@dataclass(frozen=True, slots=True)
class PrinterConfig:
    """How receipts are printed. ``mode``: ``text`` (the printer's Big5 font) or
    ``raster`` (drawn, for printers without Chinese fonts). ``qr_payload`` is a
    template filled with the receipt's ``{receipt_no}`` (empty: no QR code)."""

    url: str
    width_cols: int = 32
    encoding: str = "cp950"
    drawer_kick: bool = True
    mode: str = "text"
    logo_path: str = ""
    qr_payload: str = "{receipt_no}"
    drawer_pin: int = 2
    timeout_s: float = 5.0

    @classmethod
    def from_settings(cls, settings: PrinterSettings) -> PrinterConfig:
        """The printer the device page describes."""
        return cls(
            url=settings.url,
            width_cols=settings.width_cols,
            encoding=settings.encoding,
            drawer_kick=settings.drawer_kick_on_cash,
            mode=settings.mode,
            logo_path=settings.logo_path,
            drawer_pin=settings.drawer_pin,
            timeout_s=settings.timeout_s,
        )

    def qr_for(self, receipt_no: str) -> str | None:
        return self.qr_payload.replace("{receipt_no}", receipt_no) or None

    def with_url(self, url: str) -> PrinterConfig:
        return replace(self, url=url)


class PrintQueue:
    """Events: ``print_did_finish(job_id, receipt_no, pending)``,
    ``print_did_fail(job_id, reason, pending)``."""

    def __init__(
        self,
        ledger: Ledger,
        writer: LedgerWriter,
        terminal: TerminalInfo,
        printer: PrinterConfig,
        events: Events,
        *,
        retry_min_s: float = 1.0,
        retry_max_s: float = 30.0,
    ) -> None:
        self._ledger = ledger
        self._writer = writer
        self._terminal = terminal
        self.printer = printer
        self._events = events
        self._retry_min = retry_min_s
        self._retry_max = retry_max_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="print-queue", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def set_terminal(self, terminal: TerminalInfo) -> None:
        """The receipt header changed (HQ published it, or the terminal was paired)."""
        self._terminal = terminal

    def set_printer(self, printer: PrinterConfig) -> None:
        """Use another printer from now on (settings changed); queued jobs go there."""
        self.printer = printer
        self.wake()

    def wake(self) -> None:
        """A job was added or the printer setting changed: try now."""
        self._wake.set()

    def reprint(self, sale_id: str, kind: str = "sale", *,
                audit: Callable[[Connection, str], object] | None = None) -> int:
        """Queue a reprint of any document in the ledger (marked 補印 on paper).
        ``audit(conn, at)`` runs in the job's transaction (who approved the reprint)."""

        def write() -> int:
            with self._ledger.write() as conn:
                if audit is not None:
                    audit(conn, utc_now().isoformat(timespec="milliseconds"))
                return conn.execute(
                    insert(PrintJob).returning(PrintJob.id),
                    {
                        "sale_id": sale_id if kind == "sale" else None,
                        "doc_kind": kind,
                        "doc_id": None if kind == "sale" else sale_id,
                        "reprint": 1,
                        "status": "pending",
                        "created_at": utc_now().isoformat(timespec="milliseconds"),
                    },
                ).scalar_one()

        job_id = self._writer.run(write)
        self.wake()
        return job_id

    def pending(self) -> int:
        with self._ledger.read() as conn:
            return conn.execute(
                select(func.count()).select_from(PrintJob).where(PrintJob.status == "pending")
            ).scalar_one()

    # --- worker ----------------------------------------------------------------
    def _run(self) -> None:
        delay = self._retry_min
        while not self._stop.is_set():
            self._wake.clear()
            try:
                failed = self._print_pending()
            except Exception:  # never let the worker die; log and retry later
                logger.exception("print queue pass failed")
                failed = True
            if failed:
                self._wake.wait(delay)
                delay = min(delay * 2, self._retry_max)
            else:
                delay = self._retry_min
                self._wake.wait(5.0)

    def _print_pending(self) -> bool:
        """Print every pending job in order; True if one failed (stop and retry later)."""
        with self._ledger.read() as conn:
            jobs = conn.execute(
                select(PrintJob.id, PrintJob.doc_kind, PrintJob.sale_id, PrintJob.doc_id,
                       PrintJob.reprint)
                .where(PrintJob.status == "pending")
                .order_by(PrintJob.id)
                .limit(50)
            ).all()
        for job_id, kind, sale_id, doc_id, reprint in jobs:
            if self._stop.is_set():
                return False
            doc = printable(self._ledger, self._terminal, kind, sale_id or doc_id,
                            reprint=bool(reprint))
            if doc is None:  # nothing to print (cannot happen with the ledger's FKs)
                logger.error("print job %s names no document (%s %s)", job_id, kind,
                             sale_id or doc_id)
                self._writer.run(self._mark, job_id, "failed", "no such document")
                continue
            cfg = self.printer
            try:
                if doc.slip is not None:  # a report (Z): no drawer, no QR code
                    print_slip(cfg.url, doc.slip, timeout=cfg.timeout_s,
                               width_cols=cfg.width_cols, encoding=cfg.encoding, mode=cfg.mode)
                else:
                    self._print_receipt(cfg, doc, reprint)
            except PrinterError as exc:
                logger.warning("print job %s failed: %s", job_id, exc)
                self._writer.run(self._mark, job_id, "pending", str(exc))
                self._events.emit(
                    Event.PRINT_DID_FAIL, job_id=job_id, reason=str(exc), pending=self.pending()
                )
                return True
            self._writer.run(self._mark, job_id, "done", "")
            self._events.emit(
                Event.PRINT_DID_FINISH,
                job_id=job_id,
                receipt_no=doc.receipt_no,
                pending=self.pending(),
            )
        return False

    @staticmethod
    def _print_receipt(cfg: PrinterConfig, doc, reprint: int) -> None:  # noqa: ANN001
        kick = cfg.drawer_kick and not reprint and doc.has_cash
        if doc.invoice is not None:  # the proof (or notice), a cut, then the detail
            print_invoice(cfg.url, doc.invoice, detail=doc.receipt, timeout=cfg.timeout_s,
                          width_cols=cfg.width_cols, encoding=cfg.encoding, mode=cfg.mode,
                          logo=cfg.logo_path or None, drawer_kick=kick)
            return
        if doc.allowance is not None:  # the return's receipt and its allowance slip: one job
            def render(printer) -> None:  # noqa: ANN001 (an Escpos printer)
                try:
                    job = build_receipt_job(
                        doc.receipt, width_cols=cfg.width_cols, encoding=cfg.encoding,
                        drawer_kick=kick, profile=printer.profile, mode=cfg.mode,
                        logo=cfg.logo_path or None) + build_allowance_job(
                        doc.allowance, width_cols=cfg.width_cols, encoding=cfg.encoding,
                        mode=cfg.mode, profile=printer.profile)
                except Exception as exc:
                    raise PrinterError("write_failed", describe_printer(printer),
                                       reason_of(exc)) from exc
                write_job(printer, job)

            deliver(cfg.url, render, timeout=cfg.timeout_s)
            return
        print_receipt(
            cfg.url,
            doc.receipt,
            timeout=cfg.timeout_s,
            width_cols=cfg.width_cols,
            encoding=cfg.encoding,
            drawer_kick=kick,
            mode=cfg.mode,
            logo=cfg.logo_path or None,
            qr_payload=cfg.qr_for(doc.receipt_no),
        )

    def _mark(self, job_id: int, status: str, error: str) -> None:
        values = {"status": status, "attempts": PrintJob.attempts + 1, "last_error": error}
        if status == "done":
            values["printed_at"] = utc_now().isoformat(timespec="milliseconds")
        with self._ledger.write() as conn:
            conn.execute(update(PrintJob).where(PrintJob.id == job_id).values(**values))



# --- printer status ------------------------------------------------------------------
def query_printer(cfg: PrinterConfig) -> PrinterStatus:
    """The printer's status; file and dummy printers cannot say (and are not asked:
    the query bytes would land in the file). Never raises."""
    if cfg.url.split(":", 1)[0].lower() in ("file", "dummy"):
        return PrinterStatus(True, reason="not_supported")
    return printer_status(cfg.url, timeout=min(cfg.timeout_s, 2.0))


class PrinterMonitor:
    """Polls the printer's status on its own thread every ``interval_s``.

    Event: ``printer_status_did_change(status: PrinterStatus, problems: tuple[str])``,
    emitted on the first poll and whenever the problems change (``problems`` as in
    :attr:`PrinterStatus.problems`; empty: all is well, or the printer cannot say).
    """

    def __init__(self, get_printer: Callable[[], PrinterConfig], events: Events,
                 *, interval_s: float = 15.0) -> None:
        self._get_printer = get_printer
        self._events = events
        self.interval_s = interval_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last: tuple[str, ...] | None = None
        self.status: PrinterStatus | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="printer-status", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def check_now(self) -> None:
        """Poll at once (a print failed, the settings changed, the cashier asked)."""
        self._last = None  # report even when nothing changed
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self.poll()
            except Exception:  # never let the worker die
                logger.exception("printer status poll failed")
            self._wake.wait(self.interval_s)

    def poll(self) -> PrinterStatus | None:
        cfg = self._get_printer()
        if not cfg.url:
            return None
        status = query_printer(cfg)
        self.status = status
        if status.problems != self._last:
            self._last = status.problems
            if status.problems:
                logger.info("printer %s: %s", cfg.url, ", ".join(status.problems))
            self._events.emit(Event.PRINTER_STATUS_DID_CHANGE, status=status,
                              problems=status.problems)
        return status


# --- no-sale drawer open ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DrawerOpened:
    open_id: str
    at: datetime
    error: str = ""  # a PrinterError code when the drawer did not open

    @property
    def ok(self) -> bool:
        return not self.error


def open_drawer_no_sale(ledger: Ledger, terminal: TerminalInfo, printer: PrinterConfig, *,
                        reason: str = "", approved_by: str = "",
                        now: Callable[[], datetime] = utc_now,
                        audit: Callable[[Connection, str, str], object] | None = None,
                        ) -> DrawerOpened:
    """Kick the cash drawer with no sale, and log it: a ``drawer_opens`` row and a
    ``drawer.opened`` outbox event, also when the kick failed (the attempt counts).
    Runs on the ledger writer. Raises ``LedgerError`` if the log cannot be written."""
    error = ""
    try:
        open_drawer(printer.url, pin=printer.drawer_pin, timeout=printer.timeout_s)
    except PrinterError as exc:
        logger.warning("no-sale drawer open failed: %s", exc)
        error = exc.code
    at = now()
    open_id = record_drawer_open(ledger, terminal, at.isoformat(timespec="milliseconds"),
                                 error or "opened", reason=reason, approved_by=approved_by,
                                 audit=audit)
    return DrawerOpened(open_id, at, error)


def print_test_receipt(terminal: TerminalInfo, printer: PrinterConfig, *,
               now: Callable[[], datetime] = utc_now) -> None:
    """Print a short test receipt (no sale, no drawer kick), in the print language.
    Raises ``PrinterError``."""

    # the line keeps Chinese glyphs in any language: product names print in Chinese,
    # so the test shows whether the printer's font (or raster mode) can print them
    sample = translate("Print", "測試列印") + " 中文字 ABC 123"

    receipt = Receipt(
        store_name=terminal.store_name, store_address=terminal.store_address,
        store_tax_id=terminal.store_tax_id, terminal_id=terminal.terminal_id,
        receipt_no=f"{terminal.store_id}-{terminal.terminal_id}-TEST",
        issued_at=now().astimezone(STORE_TZ), cashier=terminal.cashier,
        lines=(ReceiptLine(sample, 1, 0, 0),),
        subtotal=0, discount_total=0, total=0, untaxed=0, tax=0, tax_rate=TAX_RATE_NUM,
        payments=(ReceiptPayment(tender_label("cash"), 0),), change=0,
        title=translate("Print", "測試列印"), taxable=False, prepaid_note=False,
        footer=translate("Print", "印表機設定正常"),
    )  # fmt: skip
    print_receipt(printer.url, receipt, timeout=printer.timeout_s,
                  width_cols=printer.width_cols, encoding=printer.encoding, mode=printer.mode,
                  logo=printer.logo_path or None, qr_payload=printer.qr_for(receipt.receipt_no))


def print_x_report(printer: PrinterConfig, slip: Slip) -> None:
    """Print a slip (an X report, a shift report) now, not queued: it is a reading and
    can always be printed again. Slow: run off the GUI thread. Raises ``PrinterError``."""
    print_slip(printer.url, slip, timeout=printer.timeout_s, width_cols=printer.width_cols,
               encoding=printer.encoding, mode=printer.mode)
