"""The receipt print queue: persisted jobs, printed in a worker, retried.

A sale's print job is written in the sale's own transaction, so a receipt is
never forgotten, even if the power fails right after the sale. A missing or
failing printer never blocks a sale: the job waits, the cashier is told
(``print_did_fail``), and printing resumes by itself when the printer is back.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from sqlalchemy import func, insert, select, update

from app.ledger.db import Ledger
from app.ledger.models import PrintJob
from app.services.events import Events
from app.services.receipts import printable
from app.services.sales import utc_now
from app.services.terminal import TerminalInfo
from app.services.writer import LedgerWriter
from hardware.printers import PrinterError, print_receipt

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PrinterConfig:
    url: str
    width_cols: int = 32
    encoding: str = "cp950"
    drawer_kick: bool = True


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

    def reprint(self, sale_id: str, kind: str = "sale") -> int:
        """Queue a reprint of any document in the ledger (marked 補印 on paper)."""

        def write() -> int:
            with self._ledger.write() as conn:
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
                print_receipt(
                    cfg.url,
                    doc.receipt,
                    width_cols=cfg.width_cols,
                    encoding=cfg.encoding,
                    drawer_kick=cfg.drawer_kick and not reprint and doc.has_cash,
                )
            except PrinterError as exc:
                logger.warning("print job %s failed: %s", job_id, exc)
                self._writer.run(self._mark, job_id, "pending", str(exc))
                self._events.emit(
                    "print_did_fail", job_id=job_id, reason=str(exc), pending=self.pending()
                )
                return True
            self._writer.run(self._mark, job_id, "done", "")
            self._events.emit(
                "print_did_finish",
                job_id=job_id,
                receipt_no=doc.receipt_no,
                pending=self.pending(),
            )
        return False

    def _mark(self, job_id: int, status: str, error: str) -> None:
        values = {"status": status, "attempts": PrintJob.attempts + 1, "last_error": error}
        if status == "done":
            values["printed_at"] = utc_now().isoformat(timespec="milliseconds")
        with self._ledger.write() as conn:
            conn.execute(update(PrintJob).where(PrintJob.id == job_id).values(**values))

