"""Taiwan e-invoice (電子發票) rules that need no I/O: periods, numbers, carriers.

Sources: docs of the MOF e-invoice platform as summarised in shared/TAIWAN.md.

- **Periods** (期別) are two months, odd month first, named by ROC year (Gregorian
  year - 1911) and the even month: ``11502`` is 2026 January-February, printed
  ``115年01-02月``. Which period a sale belongs to is decided by the store's clock
  (Asia/Taipei) at the sale.
- **Numbers** are two upper-case letters (字軌, the track) and 8 digits
  (``AB12345678``, printed ``AB-12345678``), valid only inside their period. The MOF
  allocates them in booklets of 50 (a booklet begins at a serial divisible by 50).
- **Random code** (隨機碼): 4 digits from a CSPRNG, printed on the proof.
- **Carriers** (載具): the mobile barcode (``/`` + 7 of ``0-9A-Z.+-``, type
  ``3J0002``), the citizen digital certificate (2 upper-case letters + 14 digits,
  type ``CQ0001``) or the chain's member carrier; or a **donation code** (愛心碼, 3-7
  digits). A carrier and a donation exclude each other; a B2B invoice (the buyer gave
  a 統一編號) is never donated.

Errors are :class:`EInvoiceError` with a code; the UI turns codes into words.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.errors import CodedError
from app.domain.store_time import STORE_TZ, business_day

ROC_OFFSET = 1911  # ROC year = Gregorian year - 1911
BOOKLET = 50  # numbers in a booklet the MOF allocates
MOBILE_BARCODE = "3J0002"  # carrier type of the mobile barcode (手機條碼)
CITIZEN_CERTIFICATE = "CQ0001"  # carrier type of the citizen digital certificate (自然人憑證)

# EInvoiceError codes
BAD_PERIOD = "bad_period"
BAD_INVOICE_NUMBER = "bad_invoice_number"
BAD_CARRIER = "bad_carrier"
BAD_DONATION_CODE = "bad_donation_code"
CARRIER_AND_DONATION = "carrier_and_donation"  # both given: they exclude each other
B2B_DONATION = "b2b_donation"  # an invoice with the buyer's 統一編號 cannot be donated
BAD_BOOKLETS = "bad_booklets"  # a range that is not whole booklets

_NUMBER = re.compile(r"([A-Z]{2})-?(\d{8})", re.ASCII)  # ASCII: no full-width digits
_MOBILE = re.compile(r"/[0-9A-Z.+\-]{7}", re.ASCII)
_CITIZEN = re.compile(r"[A-Z]{2}\d{14}", re.ASCII)
_DONATION = re.compile(r"\d{3,7}", re.ASCII)


class EInvoiceError(CodedError):
    """An e-invoice value that must not be used: ``code`` says why, ``detail`` shows it."""


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A two-month invoice period, e.g. ``Period(2026, 2)`` = 2026 January-February."""

    year: int  # Gregorian
    even_month: int  # 2, 4, ..., 12

    def __post_init__(self) -> None:
        if self.even_month not in (2, 4, 6, 8, 10, 12) or not 1912 <= self.year <= 2910:
            raise EInvoiceError(BAD_PERIOD, f"{self.year}-{self.even_month}")

    @classmethod
    def of(cls, moment: datetime | date) -> Period:
        """The period of ``moment`` on the store's clock (a naive datetime is store time;
        a date is a store day)."""
        day = moment if type(moment) is date else business_day(moment)
        return cls(day.year, day.month + day.month % 2)

    @classmethod
    def parse(cls, code: str) -> Period:
        """``"11502"`` -> 2026 January-February; anything else: ``bad_period``."""
        text = str(code).strip()
        if not re.fullmatch(r"\d{4,5}", text, re.ASCII):
            raise EInvoiceError(BAD_PERIOD, text)
        return cls(int(text[:-2]) + ROC_OFFSET, int(text[-2:]))

    @property
    def roc_year(self) -> int:
        return self.year - ROC_OFFSET

    @property
    def code(self) -> str:
        """ROC year and even month, as the MOF names the period: ``11502``."""
        return f"{self.roc_year:03d}{self.even_month:02d}"

    @property
    def label(self) -> str:
        """As printed on the proof: ``115年01-02月``."""
        return f"{self.roc_year}年{self.even_month - 1:02d}-{self.even_month:02d}月"

    @property
    def first_day(self) -> date:
        return date(self.year, self.even_month - 1, 1)

    @property
    def starts_at(self) -> datetime:
        """Midnight of its first day, store time."""
        return datetime(self.year, self.even_month - 1, 1, tzinfo=STORE_TZ)

    @property
    def ends_at(self) -> datetime:
        """Midnight of the next period's first day, store time (the period is before it)."""
        return self.next().starts_at

    def next(self) -> Period:
        return Period(self.year + 1, 2) if self.even_month == 12 else Period(
            self.year, self.even_month + 2)

    def contains(self, moment: datetime) -> bool:
        return Period.of(moment) == self


@dataclass(frozen=True, slots=True, order=True)
class InvoiceNumber:
    """``AB12345678``: the track (字軌) and the 8-digit serial."""

    track: str
    serial: int

    def __post_init__(self) -> None:
        if not (len(self.track) == 2 and self.track.isascii() and self.track.isupper()
                and self.track.isalpha()) or not 0 <= self.serial <= 99_999_999:
            raise EInvoiceError(BAD_INVOICE_NUMBER, f"{self.track}{self.serial}")

    @classmethod
    def parse(cls, text: str) -> InvoiceNumber:
        """``AB12345678`` or ``AB-12345678`` (as printed); anything else is refused."""
        found = _NUMBER.fullmatch(str(text).strip())
        if found is None:
            raise EInvoiceError(BAD_INVOICE_NUMBER, str(text))
        return cls(found.group(1), int(found.group(2)))

    @property
    def text(self) -> str:
        """``AB12345678``, as recorded and sent."""
        return f"{self.track}{self.serial:08d}"

    @property
    def printed(self) -> str:
        """``AB-12345678``, as the proof prints it."""
        return f"{self.track}-{self.serial:08d}"

    def __str__(self) -> str:
        return self.text


def booklets(begin: InvoiceNumber, end: InvoiceNumber) -> int:
    """How many whole booklets ``begin``..``end`` (inclusive) holds; ``bad_booklets`` when
    the range is not whole booklets of one track."""
    size = end.serial - begin.serial + 1
    if (begin.track != end.track or size <= 0 or begin.serial % BOOKLET
            or size % BOOKLET):
        raise EInvoiceError(BAD_BOOKLETS, f"{begin.text}-{end.text}")
    return size // BOOKLET


def random_code() -> str:
    """The invoice's 4-digit random code (隨機碼), from the operating system's CSPRNG."""
    return f"{secrets.randbelow(10_000):04d}"


def barcode_text(period: Period, number: InvoiceNumber, code: str) -> str:
    """The 19 characters of the proof's Code39: period + number + random code,
    e.g. ``11502AB123456780123``."""
    if not re.fullmatch(r"\d{4}", code, re.ASCII):
        raise EInvoiceError(BAD_INVOICE_NUMBER, f"random code {code!r}")
    return f"{period.code}{number.text}{code}"


@dataclass(frozen=True, slots=True)
class Carrier:
    """Where an invoice goes instead of paper: its MOF carrier type and id."""

    kind: str  # MOBILE_BARCODE, CITIZEN_CERTIFICATE, or the chain's member carrier type
    id: str


def parse_carrier(text: str) -> Carrier:
    """A typed or scanned carrier: the mobile barcode (``/ABC+123``) or a citizen
    digital certificate (``AB12345678901234``); ``bad_carrier`` otherwise. (The chain's
    member carrier is attached with the member, not typed.)"""
    value = str(text).strip().upper()
    if _MOBILE.fullmatch(value):
        return Carrier(MOBILE_BARCODE, value)
    if _CITIZEN.fullmatch(value):
        return Carrier(CITIZEN_CERTIFICATE, value)
    raise EInvoiceError(BAD_CARRIER, str(text))


def parse_donation_code(text: str) -> str:
    """A donation code (愛心碼): 3 to 7 digits; ``bad_donation_code`` otherwise."""
    value = str(text).strip()
    if not _DONATION.fullmatch(value):
        raise EInvoiceError(BAD_DONATION_CODE, str(text))
    return value


def check_buyer(*, carrier: Carrier | None, donation: str | None,
                buyer_tax_id: str | None) -> None:
    """Refuse what the MOF refuses: a carrier and a donation together
    (``carrier_and_donation``), a donated B2B invoice (``b2b_donation``)."""
    if carrier is not None and donation:
        raise EInvoiceError(CARRIER_AND_DONATION, f"{carrier.id} / {donation}")
    if donation and buyer_tax_id:
        raise EInvoiceError(B2B_DONATION, buyer_tax_id)


# --- leasing, voids and allowances ---------------------------------------------------------

VOID = "void"  # 作廢: the whole invoice is withdrawn
ALLOWANCE = "allowance"  # 折讓: part of it is given back
LEASE_AHEAD_DAY = 20  # HQ leases the next period's numbers from the 20th of the even month
RECENT_DAYS = 7  # the sales a refill threshold is counted over
THRESHOLD_DAYS = 2  # the refill threshold: two days of recent sales ...


def refill_threshold(recent_sales: int, days: int = RECENT_DAYS) -> int:
    """Numbers a terminal should keep unused: two days of its recent sales (``recent_sales``
    over the last ``days`` days), at least one booklet."""
    if days <= 0 or recent_sales < 0:
        raise ValueError("days must be positive and sales not negative")
    per_day = -(-recent_sales // days)  # ceiling
    return max(BOOKLET, THRESHOLD_DAYS * per_day)


def lease_next_from(period: Period) -> datetime:
    """From when HQ leases ``period.next()``'s numbers: the 20th of ``period``'s even month,
    00:00 store time, so a terminal offline over the 1st keeps issuing."""
    return datetime(period.year, period.even_month, LEASE_AHEAD_DAY, tzinfo=STORE_TZ)


def filing_deadline(period: Period) -> date:
    """The last day the period's invoices may be changed (filed): the 15th of the month
    after it ends. A void is no longer possible after it."""
    after = period.next().first_day
    return date(after.year, after.month, 15)


def void_or_allowance(invoice_period: Period, at: datetime, *, whole: bool) -> str:
    """What a return against an invoice of ``invoice_period`` issues at ``at``:
    :data:`VOID` for a whole return inside the invoice's own period, otherwise an
    :data:`ALLOWANCE` for exactly what is refunded (a partial return; a later period,
    when the invoice has been or is being filed)."""
    if whole and Period.of(at) == invoice_period and business_day(at) <= filing_deadline(
            invoice_period):
        return VOID
    return ALLOWANCE
