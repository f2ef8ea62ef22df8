"""Shared by the e-invoice tests: allocation files in the MOF layout, a store with
e-invoice settings and an enrolled terminal (in process, on the test database), and
invoice / void / allowance events built with sync/events."""

from __future__ import annotations

import itertools
import random
import uuid
from datetime import UTC, datetime

from sqlalchemy import Engine, update
from stdnum.tw import ubn

from app.domain.einvoice import Period
from app.domain.money import split_included_tax
from hq import admin, db, enrollment
from hq.einvoice import allocation, settings
from hq.models import terminals
from sync.events import AllowanceIssued, AllowanceItem, InvoiceIssued, InvoiceItem, InvoiceVoided
from tests.hq.conftest import unique

HEADER = "營業人統編,發票類別代號,發票類別,發票期別,發票字軌名稱,發票起號,發票迄號"
TEST_KEY = "F1A618ED8685B1A3B81E6CB6884617F4"  # the MOF's published test-vector key
SELLERS = ("04595257", "12345675", "24634102", "53212539")  # valid 統一編號


def roc_range(period: Period) -> str:
    return f"{period.roc_year}/{period.even_month - 1:02d} ~ {period.roc_year}/{period.even_month:02d}"


def line(seller: str, period: Period, track: str, begin: int, end: int, kind: str = "7") -> str:
    return f"{seller},{kind},一般稅額計算,{roc_range(period)},{track},{begin:08d},{end:08d}"


def csv_bytes(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\r\n".join([HEADER, *lines]) + "\r\n").encode(encoding)


_TRACKS = [a + b for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
random.Random(uuid.uuid4().int).shuffle(_TRACKS)
_NEXT_TRACK = itertools.cycle(_TRACKS)


def track() -> str:
    """A pair of upper-case letters no earlier call of this process returned (until all
    676 are used), in a random order: tests sharing a database import ranges starting
    at 0, and two of them on one track and period would overlap (a random pair each time
    did, once in a full run)."""
    return next(_NEXT_TRACK)


def store_with_terminals(engine: Engine, seller: str, *, terminals_n: int = 1,
                         lease_booklets: int = 1, threshold: int | None = None) -> tuple[str, list[str]]:
    """A store with e-invoice settings and ``terminals_n`` enrolled terminals."""
    store = unique("E")
    admin.create_store(engine, store, "電子發票門市", "台北市", seller)
    settings.save(engine, store, seller_tax_id=seller, qr_key=TEST_KEY,
                  lease_booklets=lease_booklets, threshold=threshold)
    ids = []
    for n in range(1, terminals_n + 1):
        code = enrollment.issue_pairing_code(engine, store, f"T{n:02d}")["code"]
        ids.append(enrollment.enroll(engine, code, "test")["terminal_id"])
    return store, ids


def import_range(engine: Engine, seller: str, period: Period, booklets: int = 10,
                 begin: int = 0, trk: str | None = None) -> str:
    trk = trk or track()
    allocation.import_file(engine, csv_bytes(line(seller, period, trk, begin,
                                                  begin + booklets * 50 - 1)), f"{trk}.csv")
    return trk


def fresh_seller(engine: Engine) -> str:
    """A valid 統一編號 no other test of this database uses (allocations are per seller)."""
    while True:
        body = f"{uuid.uuid4().int % 10_000_000:07d}"
        for last in "0123456789":
            cand = body + last
            if ubn.calc_checksum(cand) % 10 == 0:
                return cand


def revoke_status(engine: Engine, store: str, term: str) -> None:
    with db.write(engine) as conn:
        conn.execute(update(terminals).where(terminals.c.store_id == store,
                                             terminals.c.terminal_id == term)
                     .values(status="revoked"))


def invoice_event(store: str, term: str, block: dict, serial: int, *, seller: str,
                  total: int = 105, sale_id: str | None = None,
                  when: datetime | None = None, period: str | None = None,
                  number: str | None = None) -> dict:
    when = when or datetime.now(UTC)
    split = split_included_tax(total)
    p = InvoiceIssued(
        number=number or f"{block['track']}{serial:08d}", period=period or block["period"],
        block_id=block["block_id"], sale_id=sale_id or str(uuid.uuid4()), store_id=store,
        terminal_id=term, issued_at=when.isoformat(timespec="milliseconds"),
        random_code="0123", invoice_type="07", seller_tax_id=seller, buyer_tax_id=None,
        tax_type="1", tax_rate=5, untaxed=split.untaxed, tax=split.tax, total=total,
        carrier_type=None, carrier_id=None, donation_code=None, printed=True,
        items=(InvoiceItem(seq=1, description="乾電池", quantity=1, unit_price=total,
                           amount=total),))
    return {"event_id": str(uuid.uuid4()), "kind": InvoiceIssued.KIND,
            "created_at": p.issued_at, "payload": p.to_payload()}


def void_event(inv: dict, *, when: datetime | None = None, sale_id: str | None = None) -> dict:
    p = inv["payload"]
    at = (when or datetime.now(UTC)).isoformat(timespec="milliseconds")
    v = InvoiceVoided(number=p["number"], period=p["period"], sale_id=sale_id or p["sale_id"],
                      return_id=str(uuid.uuid4()), store_id=p["store_id"],
                      terminal_id=p["terminal_id"], voided_at=at, reason="退貨")
    return {"event_id": str(uuid.uuid4()), "kind": InvoiceVoided.KIND, "created_at": at,
            "payload": v.to_payload()}


def allowance_event(inv: dict, total: int, *, allowance_no: str | None = None,
                    when: datetime | None = None) -> dict:
    p = inv["payload"]
    at = (when or datetime.now(UTC)).isoformat(timespec="milliseconds")
    split = split_included_tax(total)
    a = AllowanceIssued(
        allowance_no=allowance_no or f"A{uuid.uuid4().hex[:10].upper()}",
        invoice_number=p["number"], invoice_period=p["period"], invoice_date=p["issued_at"],
        sale_id=p["sale_id"], return_id=str(uuid.uuid4()), store_id=p["store_id"],
        terminal_id=p["terminal_id"], issued_at=at, seller_tax_id=p["seller_tax_id"],
        buyer_tax_id=None, untaxed=split.untaxed, tax=split.tax, total=total,
        items=(AllowanceItem(seq=1, original_seq=1, description="乾電池", quantity=1,
                             amount=split.untaxed, tax=split.tax),))
    return {"event_id": str(uuid.uuid4()), "kind": AllowanceIssued.KIND, "created_at": at,
            "payload": a.to_payload()}
