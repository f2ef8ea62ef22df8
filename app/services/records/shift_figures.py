"""Shift and day figures read from the ledger: the open shift, what a drawer should
hold, the business of a period, the X report (a reading, nothing stored) and the Z
reports already committed.

What the drawer *should* hold is worked out from the ledger's own documents (sales,
returns, top-ups, cash movements) of this terminal between the shift's open and
close, so it can never disagree with the receipts. The functions taking a
``Connection`` read inside a write transaction too, so a write checks what it is
about to change.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection

from app.domain.store_time import utc_now
from app.domain.tenders import tender_order
from app.ledger.db import Ledger
from app.services.records.shift_values import (
    NO_OPEN_SHIFT,
    CashFlow,
    Figures,
    ShiftError,
    ShiftRow,
    ShiftSummary,
    XReport,
    ZReportDoc,
)
from app.services.runtime.terminal import TerminalInfo


def utc_iso_ms(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def after_last_document(conn: Connection, terminal_id: str, moment: datetime) -> str:
    """``moment``, or 1 ms after the terminal's latest committed document if that is not
    earlier: a closing boundary (``[from, to)``) then never leaves out a document
    stamped in the same millisecond, or by a clock that stepped back."""
    latest = conn.exec_driver_sql(
        "SELECT max(t) FROM ("
        " SELECT max(created_at) AS t FROM sales WHERE terminal_id = :t"
        " UNION ALL SELECT max(created_at) FROM returns WHERE terminal_id = :t"
        " UNION ALL SELECT max(created_at) FROM top_ups WHERE terminal_id = :t"
        " UNION ALL SELECT max(at) FROM drawer_opens WHERE terminal_id = :t"
        " UNION ALL SELECT max(coalesce(closed_at, opened_at)) FROM shifts WHERE terminal_id = :t"
        " UNION ALL SELECT max(m.at) FROM cash_movements m JOIN shifts s ON s.id = m.shift_id"
        "  WHERE s.terminal_id = :t)", {"t": terminal_id}).scalar_one_or_none()
    at = utc_iso_ms(moment)
    if latest is not None and latest >= at:
        return utc_iso_ms(datetime.fromisoformat(latest) + timedelta(milliseconds=1))
    return at




# --- reading the ledger (on a connection, so writes can check inside their transaction) --
def shift_row(row: Mapping | None) -> ShiftRow | None:
    if row is None:
        return None
    d = dict(row)
    close = d.pop("close", None)
    return ShiftRow(**d, close=json.loads(close) if close else None)


def open_shift_row(conn: Connection, terminal_id: str) -> ShiftRow | None:
    row = conn.exec_driver_sql(
        "SELECT * FROM shifts WHERE terminal_id = ? AND closed_at IS NULL", (terminal_id,)
    ).mappings().first()
    return shift_row(row)


def _by_tender(conn: Connection, sql: str, args: tuple) -> dict[str, int]:
    return {tender: int(amount) for tender, amount in conn.exec_driver_sql(sql, args).all()}


_PERIOD = "terminal_id = ? AND {col} >= ? AND {col} < ?"


def period_figures(conn: Connection, terminal_id: str, start: str, end: str) -> Figures:
    """Every document of the terminal in ``[start, end)``."""
    args = (terminal_id, start, end)
    sales = _PERIOD.format(col="created_at")
    count, gross, disc, tax = conn.exec_driver_sql(
        "SELECT count(*), coalesce(sum(subtotal), 0), coalesce(sum(discount_total), 0),"
        f" coalesce(sum(tax), 0) FROM sales WHERE {sales}", args).one()  # noqa: S608
    r_count, refunds, r_tax = conn.exec_driver_sql(
        "SELECT count(*), coalesce(sum(total), 0), coalesce(sum(tax), 0) FROM returns"
        f" WHERE {sales}", args).one()  # noqa: S608
    paid = _by_tender(conn, "SELECT p.tender, sum(p.amount) FROM payments p JOIN sales s"
                      " ON s.id = p.sale_id WHERE s.terminal_id = ? AND s.created_at >= ?"
                      " AND s.created_at < ? GROUP BY p.tender", args)
    back = _by_tender(conn, "SELECT p.tender, sum(p.amount) FROM return_payments p JOIN returns r"
                      " ON r.id = p.return_id WHERE r.terminal_id = ? AND r.created_at >= ?"
                      " AND r.created_at < ? GROUP BY p.tender", args)
    top_rows = conn.exec_driver_sql(
        "SELECT tender, count(*), sum(amount) FROM top_ups"
        f" WHERE {sales} GROUP BY tender", args).all()  # noqa: S608
    moves = dict(conn.exec_driver_sql(
        "SELECT m.kind, sum(m.amount) FROM cash_movements m JOIN shifts s ON s.id = m.shift_id"
        " WHERE s.terminal_id = ? AND m.at >= ? AND m.at < ? GROUP BY m.kind", args).all())
    opens = conn.exec_driver_sql(
        f"SELECT count(*) FROM drawer_opens WHERE {_PERIOD.format(col='at')}"  # noqa: S608
        " AND result = 'opened'", args).scalar_one()
    tenders = {t: paid.get(t, 0) - back.get(t, 0) for t in ordered_tenders({*paid, *back})}
    return Figures(
        period_from=start, period_to=end, sales_count=count, gross=gross, discounts=disc,
        returns_count=r_count, refunds=refunds, tax=tax - r_tax, tenders=tenders,
        refund_tenders={t: back[t] for t in ordered_tenders(set(back))},
        top_ups_count=sum(n for _t, n, _a in top_rows),
        top_ups={t: a for t, _n, a in sorted(top_rows, key=lambda r: tender_order(r[0]))},
        cash_in=int(moves.get("in", 0)), cash_out=int(moves.get("out", 0)), drawer_opens=opens,
    )  # fmt: skip


def ordered_tenders(tenders: set[str]) -> list[str]:
    return sorted(tenders, key=tender_order)


def summarise_shift(conn: Connection, shift: ShiftRow, until: str) -> ShiftSummary:
    """What the drawer and the other tenders should hold for ``shift`` up to ``until``."""
    end = shift.closed_at or until
    fig = period_figures(conn, shift.terminal_id, shift.opened_at, end)
    moves = dict(conn.exec_driver_sql(
        "SELECT kind, sum(amount) FROM cash_movements WHERE shift_id = ? GROUP BY kind",
        (shift.id,)).all())  # all of the shift's, whatever the clock said
    cash_refunds = fig.refund_tenders.get("cash", 0)
    flow = CashFlow(
        opening_float=shift.opening_float, sales=fig.tenders.get("cash", 0) + cash_refunds,
        top_ups=fig.top_ups.get("cash", 0), refunds=cash_refunds,
        cash_in=int(moves.get("in", 0)), cash_out=int(moves.get("out", 0)),
    )  # fmt: skip
    expected = {"cash": flow.expected}
    for tender, amount in fig.tenders.items():
        if tender != "cash":
            expected[tender] = amount
    for tender, amount in fig.top_ups.items():  # a card top-up is on the card batch too
        if tender != "cash":
            expected[tender] = expected.get(tender, 0) + amount
    expected = {t: expected[t] for t in ordered_tenders(set(expected))}
    close = shift.close or {}
    return ShiftSummary(
        shift=shift, cash=flow, expected=expected,
        counts={int(k): v for k, v in close.get("counts", {}).items()},
        counted=dict(close.get("counted", {})), difference=dict(close.get("difference", {})),
        figures=fig,
    )  # fmt: skip


def current_shift(ledger: Ledger, terminal_id: str) -> ShiftRow | None:
    """The terminal's open shift, or ``None``."""
    with ledger.read() as conn:
        return open_shift_row(conn, terminal_id)


def load_shift(ledger: Ledger, shift_id: str) -> ShiftRow | None:
    with ledger.read() as conn:
        return shift_row(conn.exec_driver_sql(
            "SELECT * FROM shifts WHERE id = ?", (shift_id,)).mappings().first())


def shift_summary(ledger: Ledger, shift: ShiftRow, *,
                  now: Callable[[], datetime] = utc_now) -> ShiftSummary:
    """``shift`` with its expected amounts (up to now while open) and its count."""
    with ledger.read() as conn:
        return summarise_shift(conn, shift, after_last_document(conn, shift.terminal_id, now()))


def expected(ledger: Ledger, shift: ShiftRow, *,
             now: Callable[[], datetime] = utc_now) -> dict[str, int]:
    """Per tender, what the shift should hold: cash = float + cash sales + cash top-ups
    - cash refunds + cash in - cash out; another tender = its sales (and top-ups) minus
    its refunds. Documents count from ``opened_at`` up to ``closed_at`` (or now)."""
    return shift_summary(ledger, shift, now=now).expected


# --- X and Z reports ---------------------------------------------------------------------
def _last_z_end(conn: Connection, terminal_id: str) -> str | None:
    return conn.exec_driver_sql(
        "SELECT period_to FROM z_reports WHERE terminal_id = ? ORDER BY z_no DESC LIMIT 1",
        (terminal_id,)).scalar_one_or_none()


def _first_document(conn: Connection, terminal_id: str, until: str) -> str | None:
    """The time of the terminal's first document before ``until`` (no Z made yet)."""
    return conn.exec_driver_sql(
        "SELECT min(t) FROM ("
        " SELECT min(created_at) AS t FROM sales WHERE terminal_id = :t"
        " UNION ALL SELECT min(created_at) FROM returns WHERE terminal_id = :t"
        " UNION ALL SELECT min(created_at) FROM top_ups WHERE terminal_id = :t"
        " UNION ALL SELECT min(opened_at) FROM shifts WHERE terminal_id = :t"
        " UNION ALL SELECT min(at) FROM drawer_opens WHERE terminal_id = :t"
        ") WHERE t < :until", {"t": terminal_id, "until": until}).scalar_one_or_none()


def period_start(conn: Connection, terminal_id: str, until: str) -> str:
    return _last_z_end(conn, terminal_id) or _first_document(conn, terminal_id, until) or until


def closed_shifts(conn: Connection, terminal_id: str, start: str, end: str) -> list[ShiftRow]:
    rows = conn.exec_driver_sql(
        "SELECT * FROM shifts WHERE terminal_id = ? AND closed_at IS NOT NULL"
        " AND closed_at >= ? AND closed_at < ? ORDER BY shift_no", (terminal_id, start, end),
    ).mappings().all()
    return [shift_row(r) for r in rows]


def x_report(ledger: Ledger, terminal: TerminalInfo, *, now: Callable[[], datetime] = utc_now,
             scope: str = "day") -> XReport:
    """A reading at any time, nothing stored: ``scope="day"`` since the last Z,
    ``"shift"`` since the open shift was opened (``no_open_shift`` if none). The open
    shift, if any, comes with what the drawer should hold now."""
    with ledger.read() as conn:
        at = after_last_document(conn, terminal.terminal_id, now())
        shift = open_shift_row(conn, terminal.terminal_id)
        if scope == "shift":
            if shift is None:
                raise ShiftError(NO_OPEN_SHIFT)
            start = shift.opened_at
        else:
            start = period_start(conn, terminal.terminal_id, at)
        figures = period_figures(conn, terminal.terminal_id, start, at)
        summary = summarise_shift(conn, shift, at) if shift is not None else None
    return XReport(at, "shift" if scope == "shift" else "day", figures, summary)


def _z_doc(row: Mapping) -> ZReportDoc:
    body = json.loads(row["body"])
    return ZReportDoc(row["id"], row["z_no"], row["store_id"], row["terminal_id"],
                      row["created_at"], row["created_by"], Figures.from_dict(body["figures"]),
                      tuple(ShiftSummary.from_dict(s) for s in body.get("shifts", ())))


def load_z(ledger: Ledger, z_id: str) -> ZReportDoc | None:
    with ledger.read() as conn:
        row = conn.exec_driver_sql("SELECT * FROM z_reports WHERE id = ?", (z_id,))
        row = row.mappings().first()
    return _z_doc(row) if row is not None else None


def find_z(ledger: Ledger, terminal_id: str, z_no: int) -> str | None:
    """The id of Z report number ``z_no`` of the terminal (for a reprint)."""
    with ledger.read() as conn:
        return conn.exec_driver_sql(
            "SELECT id FROM z_reports WHERE terminal_id = ? AND z_no = ?", (terminal_id, z_no)
        ).scalar_one_or_none()


def list_z(ledger: Ledger, terminal_id: str, limit: int = 50) -> list[dict]:
    """The terminal's Z reports, newest first: id, z_no, created_at, period_from/to."""
    with ledger.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, z_no, created_at, created_by, period_from, period_to FROM z_reports"
            " WHERE terminal_id = ? ORDER BY z_no DESC LIMIT ?", (terminal_id, limit),
        ).mappings().all()
    return [dict(r) for r in rows]
