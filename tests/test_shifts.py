"""Shifts, cash in the drawer, X and Z reports: expected against counted, worked out by
hand over real sales, returns and top-ups; bad counts change nothing; Z numbers are
gapless and immutable, and a Z is written with its outbox event and print job at once."""

from __future__ import annotations

import json
import sqlite3

import pytest

from app.domain.cart import Cart, ProductInfo
from app.ledger.errors import LedgerError
from app.services import printing
from app.services.documents import shifts as shift_docs
from app.services.documents.sales import record_sale
from app.services.documents.top_ups import record_top_up
from app.services.printouts import shift_slips
from app.services.printouts.paper import printable
from app.services.records import shift_figures
from app.services.records.shift_values import ShiftError
from hardware.slip import layout_slip
from tests.support.waiting import wait_for
from tests.test_member_payments import RULES


@pytest.fixture
def services(staffed_services):
    """These tests open and close the shifts themselves."""
    return staffed_services

@pytest.fixture
def till(services):
    """A terminal with a member who may top up stored value."""
    with services.ledger.write() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('loyalty.rules', ?)",
                             (json.dumps(RULES),))
        conn.exec_driver_sql(
            "INSERT INTO members (member_id, phone, name, tier, points, stored_value, updated_at)"
            " VALUES ('M1', '0912345678', '王小明', '', 0, 0, '')")
    return services


def _sell(services, items, tender="cash", tendered=None, reference=""):
    cart = Cart()
    for i, (price, qty) in enumerate(items):
        cart.add(ProductInfo(f"SKU{price}-{i}", f"商品{price}", price), qty)
    total = cart.totals().total
    cart.pay(tender, tendered or total, reference)
    return record_sale(services.ledger, services.terminal, cart)


def _db(services) -> sqlite3.Connection:
    return sqlite3.connect(services.ledger.path)


def _outbox(services, kind) -> list[dict]:
    rows = _db(services).execute("SELECT payload FROM outbox WHERE kind = ? ORDER BY id",
                                 (kind,)).fetchall()
    return [json.loads(r[0]) for r in rows]


def _printed(printer_file) -> bytes:
    return printer_file.read_bytes() if printer_file.exists() else b""


def _busy_shift(services):
    """Float 5,000; cash, card and LINE Pay sales; a cash and a card top-up; a cash and a
    card refund; NT$2,000 in, NT$3,000 out. Returns the open shift."""
    ledger, terminal = services.ledger, services.terminal
    shift = shift_docs.open_shift(ledger, terminal, "U01", 5000)
    a = _sell(services, [(100, 2), (35, 1)], "cash", tendered=500)  # 235, change 265
    b = _sell(services, [(120, 1)], "card", reference="VISA 4242 A1B2C3")
    _sell(services, [(80, 1)], "line_pay")
    record_top_up(ledger, terminal, "M1", 1000, tender="cash", tendered=1000)
    record_top_up(ledger, terminal, "M1", 500, tender="card", reference="MC 1111")
    services.record_return(a.sale_id, {1: 1})  # one unit of NT$100, back in cash
    services.record_return(b.sale_id, {1: 1})  # NT$120 back to the card
    shift_docs.cash_move(ledger, terminal, "U01", "in", 2000, "零錢補充")
    shift_docs.cash_move(ledger, terminal, "U01", "out", 3000, "存入保險箱", approved_by="M01")
    return shift


def test_open_cash_in_out_and_close_against_hand_computed_figures(till):
    services = till
    ledger, terminal = services.ledger, services.terminal
    shift = _busy_shift(services)
    assert shift.shift_no == 1 and shift_figures.current_shift(ledger, "T01").id == shift.id
    # 5,000 float + 235 cash sale + 1,000 cash top-up - 100 cash refund + 2,000 - 3,000
    exp = shift_figures.expected(ledger, shift)
    assert exp == {"cash": 5135, "card": 120 - 120 + 500, "line_pay": 80}

    counts = {1000: 3, 500: 3, 100: 6, 10: 3}  # 5,130: NT$5 short
    done = shift_docs.close_shift(ledger, terminal, "U02", counts, {"card": 500, "line_pay": 70})
    assert done.counted == {"cash": 5130, "card": 500, "line_pay": 70}
    assert done.difference == {"cash": -5, "card": 0, "line_pay": -10}
    assert done.cash.sales == 235 and done.cash.refunds == 100 and done.cash.top_ups == 1000
    assert shift_figures.current_shift(ledger, "T01") is None

    con = _db(services)
    closed_at, closed_by, close = con.execute(
        "SELECT closed_at, closed_by, close FROM shifts WHERE id = ?", (shift.id,)).fetchone()
    assert closed_by == "U02" and closed_at > shift.opened_at
    close = json.loads(close)
    assert close["counts"] == {"1000": 3, "500": 3, "100": 6, "10": 3}
    assert close["expected"]["cash"] == 5135 and close["difference"]["cash"] == -5
    # a document after the close belongs to no closed shift
    _sell(services, [(999, 1)])
    assert shift_figures.expected(ledger, shift_figures.load_shift(ledger, shift.id))["cash"] == 5135

    kinds = [k for (k,) in con.execute("SELECT kind FROM outbox WHERE kind LIKE 'shift.%'"
                                       " OR kind = 'cash.moved' ORDER BY id")]
    assert kinds == ["shift.opened", "cash.moved", "cash.moved", "shift.closed"]
    opened, = _outbox(services, "shift.opened")
    assert opened == {"id": shift.id, "shift_no": 1, "store_id": "S001", "terminal_id": "T01",
                      "opened_at": shift.opened_at, "opened_by": "U01", "opening_float": 5000}
    moved = _outbox(services, "cash.moved")[1]
    assert (moved["kind"], moved["amount"], moved["reason"], moved["approved_by"],
            moved["store_id"]) == ("out", 3000, "存入保險箱", "M01", "S001")
    closed, = _outbox(services, "shift.closed")
    assert closed["closed_by"] == "U02" and closed["close"]["difference"]["line_pay"] == -10


@pytest.mark.parametrize("counts", [
    {1000: -1}, {1000: 1.5}, {1000: "3"}, {3: 1}, {"1000": 1}, {1000: True}, [1, 2],
])
def test_a_bad_count_is_refused_and_changes_nothing(till, counts):
    services = till
    shift = shift_docs.open_shift(services.ledger, services.terminal, "U01", 1000)
    before = _db(services).execute("SELECT count(*) FROM outbox").fetchone()
    with pytest.raises(ShiftError) as err:
        shift_docs.close_shift(services.ledger, services.terminal, "U01", counts)
    assert err.value.code == "bad_count"
    assert shift_figures.current_shift(services.ledger, "T01") == shift
    assert _db(services).execute("SELECT count(*) FROM outbox").fetchone() == before


@pytest.mark.parametrize("other", [{"card": -1}, {"points": 10}, {"bitcoin": 1}, {"card": "5"}])
def test_a_bad_slip_total_is_refused(till, other):
    shift_docs.open_shift(till.ledger, till.terminal, "U01", 0)
    with pytest.raises(ShiftError) as err:
        shift_docs.close_shift(till.ledger, till.terminal, "U01", {100: 1}, other)
    assert err.value.code == "bad_count"
    assert shift_figures.current_shift(till.ledger, "T01").closed_at is None


def test_the_2000_note_counts(till):
    shift_docs.open_shift(till.ledger, till.terminal, "U01", 2000)
    done = shift_docs.close_shift(till.ledger, till.terminal, "U01", {2000: 1})
    assert done.difference == {"cash": 0}


def test_one_open_shift_per_terminal_and_gapless_numbers(till):
    ledger, terminal = till.ledger, till.terminal
    first = shift_docs.open_shift(ledger, terminal, "U01", 1000)
    with pytest.raises(ShiftError) as err:
        shift_docs.open_shift(ledger, terminal, "U02", 500)
    assert (err.value.code, err.value.detail) == ("shift_already_open", "1")
    for value in (-1, 1.0, "100"):
        with pytest.raises(ShiftError) as err:
            shift_docs.open_shift(ledger, terminal, "U01", value)
    shift_docs.close_shift(ledger, terminal, "U01", {1000: 1})
    second = shift_docs.open_shift(ledger, terminal, "U02", 500)
    assert (first.shift_no, second.shift_no) == (1, 2)
    assert second.opened_at >= first.opened_at


@pytest.mark.parametrize("kind, amount, reason, code", [
    ("out", 1001, "存入保險箱", "cash_out_exceeds_drawer"),
    ("in", 0, "零錢", "bad_amount"), ("in", -5, "零錢", "bad_amount"),
    ("in", 10.5, "零錢", "bad_amount"), ("sideways", 10, "零錢", "bad_cash_kind"),
    ("in", 10, "  ", "reason_required"),
])
def test_cash_moves_are_checked(till, kind, amount, reason, code):
    ledger, terminal = till.ledger, till.terminal
    shift_docs.open_shift(ledger, terminal, "U01", 1000)
    with pytest.raises(ShiftError) as err:
        shift_docs.cash_move(ledger, terminal, "U01", kind, amount, reason)
    assert err.value.code == code
    assert _db(till).execute("SELECT count(*) FROM cash_movements").fetchone() == (0,)
    ok = shift_docs.cash_move(ledger, terminal, "U01", "out", 1000, "存入保險箱")
    assert ok.expected_cash == 0


def test_no_cash_move_or_close_without_a_shift(till):
    with pytest.raises(ShiftError) as err:
        shift_docs.cash_move(till.ledger, till.terminal, "U01", "in", 100, "零錢")
    assert err.value.code == "no_open_shift"
    with pytest.raises(ShiftError) as err:
        shift_docs.close_shift(till.ledger, till.terminal, "U01", {100: 1})
    assert err.value.code == "no_open_shift"
    with pytest.raises(ShiftError) as err:
        shift_figures.x_report(till.ledger, till.terminal, scope="shift")
    assert err.value.code == "no_open_shift"


def test_x_report_reads_the_open_shift_and_stores_nothing(till):
    services = till
    _busy_shift(services)
    outbox = _db(services).execute("SELECT count(*) FROM outbox").fetchone()
    x = shift_figures.x_report(services.ledger, services.terminal)
    fig = x.figures
    assert (fig.sales_count, fig.gross, fig.discounts) == (3, 435, 0)
    assert (fig.returns_count, fig.refunds, fig.net) == (2, 220, 215)
    assert fig.tenders == {"cash": 135, "card": 0, "line_pay": 80}
    assert fig.top_ups == {"cash": 1000, "card": 500} and fig.top_ups_count == 2
    assert (fig.cash_in, fig.cash_out) == (2000, 3000)
    assert x.shift.cash.expected == 5135 and x.shift.counted == {}
    assert _db(services).execute("SELECT count(*) FROM outbox").fetchone() == outbox
    lines = "\n".join(layout_slip(shift_slips.x_slip(x, services.terminal), 32))
    for text in ("X 報表", "銷售總額", "NT$435", "退貨 2 筆", "-NT$220", "淨額", "NT$215",
                 "應有現金", "NT$5,135", "取出現金", "-NT$3,000"):
        assert text in lines, text


def test_z_report_covers_the_day_numbers_gapless_and_prints(till, printer_file):
    services = till
    ledger, terminal = services.ledger, services.terminal
    with pytest.raises(ShiftError) as err:
        shift_docs.z_report(ledger, terminal, "M01")
    assert err.value.code == "z_empty"  # nothing ever happened here
    _busy_shift(services)
    with pytest.raises(ShiftError) as err:
        shift_docs.z_report(ledger, terminal, "M01")
    assert err.value.code == "shift_open"
    shift_docs.close_shift(ledger, terminal, "U02", {1000: 3, 500: 3, 100: 6, 10: 3},
                       {"card": 500})
    z1 = shift_docs.z_report(ledger, terminal, "M01")
    assert z1.z_no == 1 and [s.difference for s in z1.shifts] == [{"cash": -5, "card": 0}]
    assert z1.figures.net == 215 and z1.figures.tax == z1.figures.to_dict()["tax"]
    with pytest.raises(ShiftError) as err:
        shift_docs.z_report(ledger, terminal, "M01")
    assert err.value.code == "z_empty"  # nothing since the last Z: no Z No. 2 for nothing

    _sell(services, [(50, 2)])
    z2 = shift_docs.z_report(ledger, terminal, "M01")
    assert z2.z_no == 2 and z2.figures.period_from == z1.figures.period_to
    assert (z2.figures.sales_count, z2.figures.gross, z2.shifts) == (1, 100, ())
    assert [z["z_no"] for z in shift_figures.list_z(ledger, "T01")] == [2, 1]
    assert shift_figures.find_z(ledger, "T01", 1) == z1.id
    assert shift_figures.load_z(ledger, z1.id).body() == z1.body()  # the stored body reads back

    services.print_queue.wake()
    wait_for(lambda: _printed(printer_file).count("日結完成".encode("cp950")) == 2,
             what="both Z slips printed")
    paper = _printed(printer_file).decode("cp950", errors="replace")  # Big5 text mode
    for expected in ("Z 報表", "No. 000001", "No. 000002", "銷售總額", "NT$435", "應有現金",
                     "NT$5,135", "實點現金", "NT$5,130", "差額", "-NT$5", "列印人員"):
        assert expected in paper, expected
    assert "補印" not in paper
    text = "\n".join(printable(ledger, terminal, "z_report", z1.id).lines(32))
    for expected in ("Z 報表", "No. 000001", "銷售總額", "NT$435", "淨額", "NT$215", "稅額",
                     "班別 1", "應有現金", "NT$5,135", "實點現金", "NT$5,130", "差額",
                     "-NT$5", "現金差額合計", "信用卡 差額"):
        assert expected in text, expected

    services.print_queue.reprint(z1.id, "z_report")
    wait_for(lambda: "補印".encode("cp950") in _printed(printer_file), what="the reprint")
    assert "補印" in "\n".join(printable(ledger, terminal, "z_report", z1.id,
                                         reprint=True).lines(48))


@pytest.mark.allow_warnings  # the ledger logs the refused writes
def test_z_reports_are_immutable(till):
    services = till
    _sell(services, [(100, 1)])
    shift_docs.z_report(services.ledger, services.terminal, "M01")
    for sql in ("UPDATE z_reports SET body = '{}'", "DELETE FROM z_reports"):
        with pytest.raises(LedgerError) as err, services.ledger.write() as conn:
            conn.exec_driver_sql(sql)
        assert err.value.code == "immutable"


@pytest.mark.allow_warnings  # the ledger logs the failed write
def test_z_event_and_print_job_are_one_transaction(till):
    services = till
    _sell(services, [(100, 1)])
    con = _db(services)
    con.execute("CREATE TRIGGER no_jobs BEFORE INSERT ON print_jobs WHEN NEW.doc_kind = 'z_report'"
                " BEGIN SELECT RAISE(ABORT, 'print_jobs broken'); END")
    con.commit()
    with pytest.raises(LedgerError):
        shift_docs.z_report(services.ledger, services.terminal, "M01")
    assert con.execute("SELECT count(*) FROM z_reports").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM outbox WHERE kind = 'z_report.committed'"
                       ).fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM receipt_counters WHERE terminal_id = 'T01:Z'"
                       ).fetchone() == (0,)
    con.execute("DROP TRIGGER no_jobs")
    con.commit()
    z = shift_docs.z_report(services.ledger, services.terminal, "M01")
    assert z.z_no == 1  # the failed try used no number
    row = con.execute("SELECT z_reports.created_at, outbox.created_at, print_jobs.created_at"
                      " FROM z_reports JOIN outbox ON outbox.event_id = z_reports.id"
                      " JOIN print_jobs ON print_jobs.doc_id = z_reports.id").fetchone()
    assert len(set(row)) == 1
    payload, = _outbox(services, "z_report.committed")
    assert payload["z_no"] == 1 and payload["body"]["figures"]["gross"] == 100
    assert payload["period_to"] == z.created_at


@pytest.mark.allow_warnings  # the ledger logs the refused write
def test_a_closed_shift_cannot_change(till):
    ledger, terminal = till.ledger, till.terminal
    shift = shift_docs.open_shift(ledger, terminal, "U01", 100)
    shift_docs.close_shift(ledger, terminal, "U01", {100: 1})
    with pytest.raises(LedgerError), ledger.write() as conn:
        conn.exec_driver_sql("UPDATE shifts SET close = '{}' WHERE id = ?", (shift.id,))


def test_x_report_prints_directly(till, printer_file):
    from app.services.printing import PrinterConfig

    shift_docs.open_shift(till.ledger, till.terminal, "U01", 300)
    slip = shift_slips.x_slip(shift_figures.x_report(till.ledger, till.terminal, scope="shift"),
                         till.terminal)
    out = printer_file.parent / "x.escpos"
    printing.print_x_report(PrinterConfig(url=f"file:{out}"), slip)
    assert "X 報表".encode("cp950") in out.read_bytes()
    assert "NT$300".encode() in out.read_bytes()


def test_hq_reads_the_headline_figures_of_every_till_event(till):
    """The payloads as HQ's ingest parses them (the wire contract, sync/protocol.py)."""
    from datetime import UTC, datetime

    from hq.auth import TerminalIdentity
    from hq.till import parse

    services = till
    _busy_shift(services)
    shift_docs.close_shift(services.ledger, services.terminal, "U02", {1000: 3, 500: 3, 100: 6, 10: 3})
    shift_docs.z_report(services.ledger, services.terminal, "M01")
    who = TerminalIdentity("S001", "T01", "active")
    rows = _db(services).execute(
        "SELECT event_id, kind, payload FROM outbox WHERE kind IN ('shift.opened',"
        " 'shift.closed', 'cash.moved', 'z_report.committed') ORDER BY id").fetchall()
    parsed = {kind: parse({"event_id": eid, "kind": kind, "payload": json.loads(payload)},
                          who, datetime.now(UTC)).row for eid, kind, payload in rows}
    assert len(rows) == 5
    closed = parsed["shift.closed"]
    assert (closed["expected_cash"], closed["counted_cash"], closed["cash_difference"]) == (
        5135, 5130, -5)
    z = parsed["z_report.committed"]
    assert (z["z_no"], z["net_sales"], z["cash_difference"]) == (1, 215, -5)
    assert parsed["cash.moved"]["amount"] == 3000
    assert parsed["shift.opened"]["opening_float"] == 5000


@pytest.mark.parametrize("user", ["", "   ", "U" * 33, None])
def test_who_did_it_must_be_named(till, user):
    with pytest.raises(ShiftError) as err:
        shift_docs.open_shift(till.ledger, till.terminal, user, 1000)
    assert err.value.code == "no_user"
    assert shift_figures.current_shift(till.ledger, "T01") is None


def test_the_shift_slip_shows_its_own_business_and_the_count(till):
    services = till
    _busy_shift(services)
    done = shift_docs.close_shift(services.ledger, services.terminal, "U02",
                              {1000: 3, 500: 3, 100: 6, 10: 3}, {"card": 500})
    again = shift_figures.shift_summary(services.ledger,
                                 shift_figures.load_shift(services.ledger, done.shift.id))
    assert again.to_dict() == done.to_dict()  # read back from the stored close
    text = "\n".join(layout_slip(shift_slips.shift_slip(again, services.terminal), 48))
    for expected in ("交班報表", "班別 No. 000001", "交易筆數", "銷售總額", "NT$435",
                     "開班零用金", "NT$5,000", "現金銷售", "NT$235", "現金儲值", "NT$1,000",
                     "現金退款", "-NT$100", "應有現金", "NT$5,135", "實點現金", "NT$5,130",
                     "-NT$5", "NT$1,000 x 3", "信用卡 應有", "信用卡 實點", "LINE Pay 應有"):
        assert expected in text, expected


@pytest.mark.allow_warnings  # the queue logs the failed tries
def test_a_z_waits_for_a_missing_printer_and_prints_when_it_is_back(till, printer_file):
    services = till
    queue = services.print_queue
    good = queue.printer
    queue.set_printer(good.with_url("tcp://127.0.0.1:9"))  # nothing listens: refused
    _sell(services, [(100, 1)])
    z = shift_docs.z_report(services.ledger, services.terminal, "M01")
    queue.wake()
    wait_for(lambda: _db(services).execute(
        "SELECT max(attempts) FROM print_jobs").fetchone()[0] >= 1, what="a failed try")
    assert _db(services).execute("SELECT status FROM print_jobs WHERE doc_id = ?",
                                 (z.id,)).fetchone() == ("pending",)
    queue.set_printer(good)
    wait_for(lambda: "日結完成".encode("cp950") in _printed(printer_file), what="the Z slip")
    wait_for(lambda: _db(services).execute("SELECT status FROM print_jobs WHERE doc_id = ?",
                                           (z.id,)).fetchone() == ("done",))


def test_a_z_report_is_reprinted_by_its_number_like_a_receipt(till, printer_file):
    services = till
    _sell(services, [(100, 1)])
    z = shift_docs.z_report(services.ledger, services.terminal, "M01")
    assert services.reprint("Z000001") == "Z000001"
    assert services.reprint("z1") == "Z000001"
    assert services.reprint("Z000002") is None
    wait_for(lambda: "補印".encode("cp950") in _printed(printer_file), what="the reprint")
    jobs = _db(services).execute("SELECT doc_kind, reprint FROM print_jobs WHERE doc_id = ?"
                                 " ORDER BY id", (z.id,)).fetchall()
    assert jobs == [("z_report", 0), ("z_report", 1), ("z_report", 1)]


@pytest.mark.allow_warnings  # the ledger logs the failed write
def test_an_approval_is_audited_in_the_cash_moves_own_transaction(till):
    from app.services.documents.audit import write_audit

    ledger, terminal = till.ledger, till.terminal
    shift_docs.open_shift(ledger, terminal, "U01", 5000)

    def audit(conn, doc_ref, at):
        write_audit(conn, terminal, "cash_out", user_id="U01", approved_by="M01",
                    method="pin", doc_ref=doc_ref, at=at)

    move = shift_docs.cash_move(ledger, terminal, "U01", "out", 3000, "存入保險箱", "M01",
                            audit=audit)
    con = _db(till)
    assert con.execute("SELECT action, approved_by, doc_ref, at FROM audit_log").fetchall() == [
        ("cash_out", "M01", move.id, move.at)]

    def broken(conn, doc_ref, at):
        conn.exec_driver_sql("INSERT INTO no_such_table VALUES (1)")

    with pytest.raises(LedgerError):
        shift_docs.cash_move(ledger, terminal, "U01", "out", 100, "零用金支出", "M01", audit=broken)
    assert con.execute("SELECT count(*) FROM cash_movements").fetchone() == (1,)
    z_audit = []
    shift_docs.close_shift(ledger, terminal, "U01", {1000: 2}, audit=lambda c, r, a: z_audit.append(r))
    shift_docs.z_report(ledger, terminal, "M01", audit=lambda c, r, a: z_audit.append(r))
    assert z_audit == ["S001-T01-SHIFT000001", "S001-T01-Z000001"]
