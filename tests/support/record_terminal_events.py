"""Record what today's terminal pushes: the compatibility reference of sync/events.py.

Drives the terminal's real services (app/services/*) on a temporary ledger and dumps
its outbox (``event_id``, ``kind``, ``created_at`` and the payload as a JSON object)
to ``tests/sync/fixtures/terminal_events_v1.json``. Produces at least one event of
every kind a terminal pushes; a sale with a member, a signed coupon, points and
stored value as payment, an e-invoice carrier, a buyer's 統一編號 and pricing
adjustments; each loyalty event type; an approved return and drawer open (audit
entries); a shift opened, cash in and out, the shift closed and a Z report.

Run it by hand, never from the tests (the recording is the reference, not regenerated):

    QT_QPA_PLATFORM=offscreen python -m tests.support.record_terminal_events [OUT.json]
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = Path(__file__).resolve().parents[1] / "sync" / "fixtures" / "terminal_events_v1.json"
RULES = {"schema": 1, "earn": {"spend_per_point": 100},
         "redeem": {"points_per_dollar": 10, "min_points": 100, "max_share_percent": 50},
         "stored_value": {"max_balance": 10000, "min_top_up": 100}}


def record(data_dir: Path) -> list[dict]:
    from app.domain.cart import CartMember
    from app.domain.member_codes import issue_coupon
    from app.domain.members import make_referral_code
    from app.services.documents import shifts as shift_docs
    from app.services.records import shift_figures
    from app.services.app_services import start_services
    from app.services.demo_catalog import load_demo_products
    from app.services.documents.members import register_member
    from app.services.printing import PrinterConfig
    from app.services.seeding import seed_demo, seed_demo_pricing
    from app.services.staff import Approval, StaffUser
    from sync.agent import Backoff
    from sync.protocol import SigningKey
    from tests.conftest import log_in

    printer = data_dir / "printer" / "receipts.escpos"
    printer.parent.mkdir(parents=True, exist_ok=True)
    svc = start_services(data_dir / "data", PrinterConfig(url=f"file:{printer}"),
                         print_retry_s=(0.05, 0.2),
                         sync_options={"long_poll_s": 1.0, "backoff": Backoff(0.02, 0.2)})
    try:
        seed_demo(svc.catalog)
        seed_demo_pricing(svc)
        manager = log_in(svc)  # M001, a manager
        hq_key = SigningKey.generate()
        tomorrow = (datetime.now(UTC) + timedelta(days=1)).isoformat()
        with svc.ledger.write() as conn:
            conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('loyalty.rules', ?)",
                                 (json.dumps(RULES),))
            conn.exec_driver_sql(
                "INSERT INTO settings (key, value) VALUES ('sync.public_key', ?)",
                (hq_key.public.hex(),))
            conn.exec_driver_sql(
                "INSERT INTO members (member_id, phone, name, tier, points, stored_value,"
                " updated_at) VALUES ('M1', '0912345678', '王小明', '', 5000, 3000, '')")
            conn.exec_driver_sql("INSERT INTO allowances VALUES ('A1', 'M1', 3000, 2000, ?)",
                                 (tomorrow,))
        ledger, terminal = svc.ledger, svc.terminal
        cashier = StaffUser("C001", "收銀員", "cashier", 0)
        approval = Approval("refund", cashier, manager, "pin")

        # shift.opened (+ the manager opens it: no approval needed)
        shift_docs.open_shift(ledger, terminal, manager.user_id, 5000)

        # sale.committed with member, coupon, points + stored value, carrier, 統一編號,
        # adjustments; loyalty.event PointsEarned/PointsRedeemed/StoredValueSpent;
        # coupon.used
        products = load_demo_products()
        checkout = svc.checkout
        for p in products[:8]:
            assert checkout.scan(p.barcode).ok
        milk = next(p for p in products if p.sku == "M0001")
        assert checkout.scan(milk.barcode).ok
        checkout.set_qty(checkout.cart.lines[0].line_id, 3)
        checkout.attach_member(CartMember("M1", "王小明"))
        later = int(datetime(2030, 1, 1, tzinfo=UTC).timestamp())
        coupon = checkout.scan(issue_coupon(hq_key.private, "CPN-0001", "DAIRY15", None, later))
        assert coupon.ok, coupon.error
        checkout.cart.set_buyer(carrier="/ABC1234", tax_id="12345675")
        checkout.pay_points(20)
        checkout.pay_stored_value(15)
        checkout.pay_exact_cash()
        checkout.begin_commit()
        sale = checkout.commit()
        checkout.end_commit(sale)
        assert sale.points_earned > 0

        # a plain cash sale to return later (no member)
        for p in products[:2]:
            assert checkout.scan(p.barcode).ok
        checkout.pay_exact_cash()
        checkout.begin_commit()
        plain = checkout.commit()
        checkout.end_commit(plain)

        # member.registered (with a birthday and a referral code)
        register_member(ledger, store_id=terminal.store_id, terminal_id=terminal.terminal_id,
                        phone="0933123456", name="陳小美", birthday="1990-05-01",
                        referral_code=make_referral_code(1))
        register_member(ledger, store_id=terminal.store_id, terminal_id=terminal.terminal_id,
                        phone="0955666777", name="林大同")

        # top_up.committed + loyalty.event StoredValueTopUp
        svc.top_up("M1", 1000, tender="cash", tendered=1200)

        # return.committed of the whole member sale, approved (audit.recorded);
        # loyalty.event PointsReversed / PointsRestored / StoredValueRefunded
        lines = {ln.line_no: ln.qty for ln in _returnable(ledger, sale.sale_id)}
        svc.record_return(sale.sale_id, lines, approval=approval, reason="瑕疵")
        svc.record_return(plain.sale_id, {1: 1})

        # drawer.opened, approved (audit.recorded)
        svc.open_drawer("找零", approval=Approval("no_sale", cashier, manager, "card"))

        # cash.moved in and out
        shift_docs.cash_move(ledger, terminal, manager.user_id, "in", 2000, "零錢補充")
        shift_docs.cash_move(ledger, terminal, manager.user_id, "out", 1000, "存入保險箱",
                         approved_by=manager.user_id)

        # shift.closed, then z_report.committed
        summary = shift_figures.expected(ledger, shift_figures.current_shift(ledger, terminal.terminal_id))
        cash = summary["cash"]
        shift_docs.close_shift(ledger, terminal, manager.user_id, _counts(cash - 5),
                           {k: v for k, v in summary.items() if k in ("card", "line_pay")})
        shift_docs.z_report(ledger, terminal, manager.user_id)

        con = sqlite3.connect(ledger.path)
        rows = con.execute("SELECT event_id, kind, created_at, payload FROM outbox ORDER BY id"
                           ).fetchall()
        con.close()
    finally:
        svc.close()
    return [{"event_id": e, "kind": k, "created_at": c, "payload": json.loads(p)}
            for e, k, c, p in rows]


def _returnable(ledger, sale_id):  # noqa: ANN001, ANN202
    from app.services.records.returns import returnable

    return returnable(ledger, sale_id).lines


def _counts(amount: int) -> dict[int, int]:
    """``amount`` in notes and coins (the drawer count of a close)."""
    out = {}
    for denom in (1000, 500, 100, 50, 10, 5, 1):
        out[denom], amount = divmod(amount, denom)
    return {d: n for d, n in out.items() if n}


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["HOME"] = str(Path(tmp) / "home")
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "home" / "data")
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "home" / "config")
        events = record(Path(tmp))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(events, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    kinds: dict[str, int] = {}
    for ev in events:
        kinds[ev["kind"]] = kinds.get(ev["kind"], 0) + 1
    print(f"{len(events)} events to {out}: {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
