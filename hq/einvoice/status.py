"""``einvoice status``: per store and terminal, the period, the numbers leased, used and
left, and whether the next period's numbers are leased (or why not). Never the QR key."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, func, select

from app.domain.einvoice import Period, lease_next_from
from hq import db
from hq.einvoice import leasing
from hq.einvoice import settings as einvoice_settings
from hq.models import einvoice_allocations, terminals


def status(engine: Engine, store_id: str | None = None, now: datetime | None = None) -> list[dict]:
    now = (now or datetime.now(UTC)).astimezone(UTC)
    current = Period.of(now)
    nxt = current.next()
    from_day = lease_next_from(current)
    out = []
    with db.read(engine) as conn:
        for s in einvoice_settings.all_settings(conn, store_id):
            left = {p.code: conn.execute(
                select(func.coalesce(func.sum(einvoice_allocations.c.end_no
                                              - einvoice_allocations.c.next_no + 1), 0))
                .where(einvoice_allocations.c.seller_tax_id == s.seller_tax_id,
                       einvoice_allocations.c.invoice_type == s.invoice_type,
                       einvoice_allocations.c.period == p.code,
                       einvoice_allocations.c.next_no <= einvoice_allocations.c.end_no)
            ).scalar_one() for p in (current, nxt)}  # fmt: skip
            imported = {p.code: conn.execute(
                select(func.count()).select_from(einvoice_allocations)
                .where(einvoice_allocations.c.seller_tax_id == s.seller_tax_id,
                       einvoice_allocations.c.invoice_type == s.invoice_type,
                       einvoice_allocations.c.period == p.code)).scalar_one()
                for p in (current, nxt)}  # fmt: skip
            warnings = []
            if not s.enabled:
                warnings.append("e-invoice is disabled for this store: terminals print receipts")
            if not imported[current.code]:
                warnings.append(f"no allocation imported for the current period {current.code} "
                                f"of seller {s.seller_tax_id}: nothing can be leased")
            elif not left[current.code]:
                warnings.append(f"the allocation of {current.code} is all leased: import more")
            if not imported[nxt.code]:
                when = "now" if now >= from_day else f"from {from_day:%Y-%m-%d}"
                warnings.append(f"no allocation imported for the next period {nxt.code}: it is "
                                f"leased {when}, import it before {nxt.first_day:%Y-%m-%d}")
            rows = conn.execute(select(terminals.c.terminal_id, terminals.c.status)
                                .where(terminals.c.store_id == s.store_id)
                                .order_by(terminals.c.terminal_id)).all()
            terms = []
            for t in rows:
                held = {p.code: leasing.holding(conn, s.store_id, t.terminal_id, p)
                        for p in (current, nxt)}
                h = held[nxt.code]
                if h.leased:
                    next_state = f"leased: {h.leased} numbers"
                elif now < from_day:
                    next_state = f"leased from {from_day:%Y-%m-%d}"
                elif not left[nxt.code]:
                    next_state = f"due, but no numbers of {nxt.code} to lease"
                else:
                    next_state = "due: leased at the terminal's next sync"
                terms.append({"terminal_id": t.terminal_id, "status": t.status,
                              "period": current.code,
                              "leased": held[current.code].leased,
                              "used": held[current.code].used,
                              "left": held[current.code].unused,
                              "next_period": nxt.code, "next": next_state})
            out.append({**einvoice_settings.status_of(s), "period": current.code,
                        "next_period": nxt.code, "allocation_left": left,
                        "terminals": terms, "warnings": warnings})
    return out
