"""A member registered at the counter, online or offline: the local member and the
``member.registered`` event for HQ, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import uuid6

from app.domain.members import MemberError, normalise_phone, parse_referral_code
from app.domain.store_time import utc_now
from app.ledger.db import Ledger
from app.ledger.documents import DocumentWriter
from app.services.records.members import Member, MemberDirectory
from sync.events import MemberRegistered


@dataclass(frozen=True, slots=True)
class Registration:
    member: Member
    created: bool  # False: this phone was already a member; nothing was written


def register_member(
    ledger: Ledger,
    *,
    store_id: str,
    terminal_id: str,
    phone: str,
    name: str,
    birthday: str = "",
    referral_code: str = "",
    now=None,
) -> Registration:
    """Register at the counter, online or offline.

    The member gets a provisional id (UUIDv7) at once and can earn from this sale;
    the ``member.registered`` event goes to HQ through the outbox in the same
    transaction. HQ merges a phone it already knows and the terminal learns the
    surviving id from the feed. Raises ``MemberError`` (``bad_phone``,
    ``bad_name``, ``bad_birthday``, ``bad_referral``) with nothing written.
    """
    number = normalise_phone(phone)
    clean_name = " ".join(name.split())
    if not clean_name or len(clean_name) > 40:
        raise MemberError("bad_name", name)
    if birthday:
        try:
            born = date.fromisoformat(birthday)
        except ValueError as exc:
            raise MemberError("bad_birthday", birthday) from exc
        today = (now or utc_now)().date()
        if not date(1900, 1, 1) <= born <= today:
            raise MemberError("bad_birthday", birthday)
    referral = parse_referral_code(referral_code) if referral_code.strip() else ""
    directory = MemberDirectory(ledger)
    existing = directory.find(number)
    if existing is not None:
        return Registration(existing, created=False)
    member_id = str(uuid6.uuid7())
    at = (now or utc_now)().isoformat(timespec="milliseconds")
    event = {
        "member_id": member_id, "phone": number, "name": clean_name, "birthday": birthday,
        "referral_code": referral, "store_id": store_id, "terminal_id": terminal_id,
        "created_at": at,
    }
    with ledger.write() as conn:
        doc = DocumentWriter(conn, at)
        doc.rows("members", {"member_id": member_id, "phone": number, "name": clean_name,
                             "tier": "", "points": 0, "stored_value": 0, "updated_at": at})
        doc.event(MemberRegistered(**event), event_id=member_id)
    return Registration(Member(member_id, number, clean_name, "", None, 0, 0), created=True)
