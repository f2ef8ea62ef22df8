"""Importing the number allocation the Ministry of Finance gives the company (配號).

The file is what the MOF e-invoice platform (電子發票整合服務平台, 電子發票專用字軌號碼
取號 -> 查詢 -> 下載) hands out, usually named ``invnoapply*.csv``: comma-separated,
Big5 (cp950) or UTF-8 with or without a BOM, a header line and one line per range::

    營業人統編,發票類別代號,發票類別,發票期別,發票字軌名稱,發票起號,發票迄號
    04595257,7,一般稅額計算,115/01 ~ 115/02,AB,12345600,12345999

Columns are found by their header, so their order does not matter. Also accepted: a
``本數`` (or ``發票本數``, ``冊數``) column with the booklet count, which must then match
the range; the period as ``11502`` (ROC year + even month) as well as ``115/01 ~ 115/02``;
and the English names of the Turnkey E0501 message (``Ban, InvoiceType, YearMonth,
InvoiceTrack, InvoiceBeginNo, InvoiceEndNo, InvoiceBooklet``). ``發票類別`` (the type's
name) is not needed and is ignored.

A file is refused whole, naming the line and the field, when: it is empty or has no
data line; it is neither UTF-8 nor Big5; a required column is missing; a seller
統一編號 fails its check digits (the rule since 2023-04-01, divisible by 5, which also
accepts every number valid under the old divisible-by-10 rule); the invoice type is
not 07 (general) or 08 (special); the period is not a valid one; the track is not two
upper-case letters; begin/end are not 8-digit serials of whole booklets of 50; the
booklet count does not match; two lines of the file overlap; or a range overlaps one
already imported (both are named). Importing the same file again is therefore refused
as an overlap: nothing is ever imported twice.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, and_, select

from app.domain.codes import is_tax_id
from app.domain.einvoice import EInvoiceError, InvoiceNumber, Period, booklets
from hq import db, feed
from hq.errors import HQError
from hq.models import einvoice_allocations

INVOICE_TYPES = {"07": "general (一般稅額)", "08": "special (特種稅額)"}
MAX_BYTES = 5 * 1024 * 1024

# field -> the header names that mean it (compared without spaces, case-insensitively)
COLUMNS: dict[str, tuple[str, ...]] = {
    "seller_tax_id": ("營業人統編", "營業人統一編號", "統一編號", "ban"),
    "invoice_type": ("發票類別代號", "發票類別代碼", "invoicetype"),
    "period": ("發票期別", "期別", "yearmonth"),
    "track": ("發票字軌名稱", "發票字軌", "字軌", "invoicetrack"),
    "begin": ("發票起號", "起號", "invoicebeginno"),
    "end": ("發票迄號", "迄號", "invoiceendno"),
    "booklets": ("本數", "發票本數", "冊數", "invoicebooklet"),
}
OPTIONAL = {"booklets"}
_RANGE = re.compile(r"(\d{2,3})/(\d{1,2})\s*~\s*(\d{2,3})/(\d{1,2})", re.ASCII)


class AllocationError(HQError):
    """The file cannot be imported; nothing of it was."""

    def __init__(self, message: str) -> None:
        super().__init__(422, "bad_allocation", message)


@dataclass(frozen=True, slots=True)
class Allocation:
    seller_tax_id: str
    invoice_type: str
    period: Period
    track: str
    begin: int
    end: int
    booklets: int
    line: int

    @property
    def numbers(self) -> str:
        return f"{self.track}{self.begin:08d}-{self.track}{self.end:08d}"


def decode(raw: bytes, source: str) -> str:
    """UTF-8 (with or without a BOM) or Big5 (cp950, what the platform writes)."""
    if not raw.strip():
        raise AllocationError(f"{source}: the file is empty")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp950")
    except UnicodeDecodeError:
        raise AllocationError(f"{source}: neither UTF-8 nor Big5 text") from None


def _key(name: str) -> str:
    return re.sub(r"\s+", "", name).lower()


def _columns(header: list[str], source: str) -> dict[str, int]:
    names = {_key(h): i for i, h in enumerate(header)}
    found: dict[str, int] = {}
    for field, aliases in COLUMNS.items():
        for alias in aliases:
            if _key(alias) in names:
                found[field] = names[_key(alias)]
                break
        else:
            if field not in OPTIONAL:
                raise AllocationError(
                    f"{source} line 1: no {aliases[0]} column (the header must name "
                    f"{', '.join(a[0] for a in COLUMNS.values() if a[0] != '本數')})")
    return found


def _period(text: str) -> Period:
    """``115/01 ~ 115/02`` (the platform's CSV) or ``11502``."""
    found = _RANGE.fullmatch(text)
    if found:
        y1, m1, y2, m2 = (int(g) for g in found.groups())
        period = Period(y2 + 1911, m2)
        if (y1, m1) != (y2, m2 - 1):
            raise EInvoiceError("bad_period", text)
        return period
    return Period.parse(text)


def _serial(text: str) -> int:
    if not re.fullmatch(r"\d{8}", text, re.ASCII):
        raise ValueError(text)
    return int(text)


def parse(raw: bytes, source: str = "file") -> list[Allocation]:
    """Every range of the file, or :class:`AllocationError` naming the first bad line and
    field."""
    if len(raw) > MAX_BYTES:
        raise AllocationError(f"{source}: larger than {MAX_BYTES // 1024 // 1024} MB")
    rows = [r for r in csv.reader(io.StringIO(decode(raw, source)))]
    numbered = [(n, [c.strip() for c in r]) for n, r in enumerate(rows, start=1)
                if any(c.strip() for c in r)]
    if not numbered:
        raise AllocationError(f"{source}: the file is empty")
    header_line, header = numbered[0]
    cols = _columns(header, source)
    out: list[Allocation] = []
    for n, row in numbered[1:]:
        where = f"{source} line {n}"

        def cell(field: str, row: list[str] = row, where: str = where) -> str:
            i = cols[field]
            if i >= len(row) or not row[i]:
                raise AllocationError(f"{where}: {header[i]} is missing")
            return row[i]

        tax_id = cell("seller_tax_id")
        if not is_tax_id(tax_id):
            raise AllocationError(f"{where}: {header[cols['seller_tax_id']]} {tax_id!r} is not a "
                                  "valid 統一編號 (8 digits, check digits)")
        kind = cell("invoice_type")
        if not re.fullmatch(r"\d{1,2}", kind, re.ASCII) or f"{int(kind):02d}" not in INVOICE_TYPES:
            raise AllocationError(f"{where}: {header[cols['invoice_type']]} {kind!r} is not an "
                                  "invoice type this HQ knows (07 general, 08 special)")
        kind = f"{int(kind):02d}"
        try:
            period = _period(cell("period"))
        except EInvoiceError:
            raise AllocationError(f"{where}: {header[cols['period']]} {row[cols['period']]!r} is "
                                  "not a period (115/01 ~ 115/02 or 11502)") from None
        track = cell("track")
        if not re.fullmatch(r"[A-Z]{2}", track, re.ASCII):
            raise AllocationError(f"{where}: {header[cols['track']]} {track!r} is not two "
                                  "upper-case letters")
        serials = {}
        for field in ("begin", "end"):
            try:
                serials[field] = _serial(cell(field))
            except ValueError:
                raise AllocationError(f"{where}: {header[cols[field]]} {row[cols[field]]!r} is "
                                      "not an 8-digit number") from None
        try:
            count = booklets(InvoiceNumber(track, serials["begin"]),
                             InvoiceNumber(track, serials["end"]))
        except EInvoiceError:
            raise AllocationError(
                f"{where}: {header[cols['begin']]}/{header[cols['end']]} "
                f"{serials['begin']:08d}-{serials['end']:08d} is not whole booklets of 50 "
                "(begins at a multiple of 50, ends just before one)") from None
        if "booklets" in cols and cols["booklets"] < len(row) and row[cols["booklets"]]:
            given = row[cols["booklets"]]
            if not given.isdigit() or int(given) != count:
                raise AllocationError(f"{where}: {header[cols['booklets']]} {given!r} does not "
                                      f"match the range ({count} booklets of 50)")
        out.append(Allocation(tax_id, kind, period, track, serials["begin"], serials["end"],
                              count, n))
    if not out:
        raise AllocationError(f"{source}: no allocation after the header (line {header_line})")
    seen: list[Allocation] = []
    for a in out:
        for b in seen:
            if (a.period, a.track) == (b.period, b.track) and a.begin <= b.end and b.begin <= a.end:
                raise AllocationError(f"{source} line {a.line}: {a.numbers} overlaps line "
                                      f"{b.line} ({b.numbers})")
        seen.append(a)
    return out


def import_file(engine: Engine, raw: bytes, source: str) -> dict:
    """Parse and store every range of the file in one transaction, or nothing."""
    ranges = parse(raw, source)
    now = datetime.now(UTC)
    with db.write(engine) as conn:
        feed.lock_feed(conn)  # serialised with leasing, which reads the allocations
        for a in ranges:
            old = conn.execute(select(einvoice_allocations).where(and_(
                einvoice_allocations.c.period == a.period.code,
                einvoice_allocations.c.track == a.track,
                einvoice_allocations.c.begin_no <= a.end,
                einvoice_allocations.c.end_no >= a.begin,
            ))).first()  # fmt: skip
            if old is not None:
                raise AllocationError(
                    f"{source} line {a.line}: {a.numbers} of period {a.period.code} overlaps "
                    f"{old.track}{old.begin_no:08d}-{old.track}{old.end_no:08d} imported "
                    f"{old.imported_at:%Y-%m-%d} from {old.source}; nothing was imported")
        conn.execute(einvoice_allocations.insert(), [
            {"seller_tax_id": a.seller_tax_id, "invoice_type": a.invoice_type,
             "period": a.period.code, "track": a.track, "begin_no": a.begin, "end_no": a.end,
             "booklets": a.booklets, "next_no": a.begin, "imported_at": now,
             "source": f"{source} line {a.line}"[-300:]}
            for a in ranges
        ])  # fmt: skip
    return {"ranges": len(ranges), "booklets": sum(a.booklets for a in ranges),
            "periods": sorted({a.period.code for a in ranges})}


def allocations(engine: Engine, seller_tax_id: str | None = None) -> list[dict]:
    q = select(einvoice_allocations).order_by(einvoice_allocations.c.period,
                                              einvoice_allocations.c.track,
                                              einvoice_allocations.c.begin_no)
    if seller_tax_id:
        q = q.where(einvoice_allocations.c.seller_tax_id == seller_tax_id)
    with db.read(engine) as conn:
        return [dict(r._mapping) for r in conn.execute(q)]
