"""The first-run wizard's core: whether to show it and how far it got.

A brand-new terminal (never paired, no products, no staff) starts with the wizard
(:mod:`app.ui.first_run_wizard`). Each step it finishes is recorded under the
``first_run.wizard`` settings key, so a wizard cancelled half way opens again at the
next start and resumes after the last finished step; ``done`` means never again.
The language it picks is the ``language`` setting (:mod:`app.services.settings`).
No Qt here.
"""

from __future__ import annotations

import logging

import requests
from sqlalchemy import text

from app.ledger.db import Ledger
from sync.client import HQUnavailable

logger = logging.getLogger(__name__)

PROGRESS_KEY = "first_run.wizard"
# the wizard's steps in order; the progress key holds the last one finished
STEPS = ("language", "store", "devices", "manager")
DONE = "done"

_UPSERT = ("INSERT INTO settings (key, value) VALUES (:k, :v) "
           "ON CONFLICT(key) DO UPDATE SET value = excluded.value")


def should_run_wizard(*, paired: bool, products: int, users: bool, progress: str | None,
                      demo: bool = False, pair: bool = False, seed_only: bool = False,
                      quit_when_ready: bool = False) -> bool:
    """Whether ``python -m app`` starts with the first-run wizard.

    Never for the batch and scripted starts (``--demo``, ``--pair``, ``--seed-only``,
    ``--quit-when-ready``) nor once the wizard finished; again when it was left half
    way; otherwise only on a brand-new terminal: not paired, no products, no users."""
    if demo or pair or seed_only or quit_when_ready or progress == DONE:
        return False
    if progress in STEPS:
        return True
    return not paired and products == 0 and not users


def wizard_wanted(services, args) -> bool:
    """:func:`should_run_wizard` for these services and parsed command-line options."""
    return should_run_wizard(
        paired=services.sync_store.enrollment() is not None,
        products=services.catalog.count(),
        users=services.staff.has_users(),
        progress=progress(services.ledger),
        demo=bool(args.demo or args.products), pair=bool(args.pair),
        seed_only=bool(args.seed_only), quit_when_ready=bool(args.quit_when_ready),
    )


def _get(ledger: Ledger, key: str) -> str | None:
    with ledger.read() as conn:
        return conn.execute(text("SELECT value FROM settings WHERE key = :k"),
                            {"k": key}).scalar_one_or_none()


def _put(ledger: Ledger, key: str, value: str) -> None:
    with ledger.write() as conn:
        conn.execute(text(_UPSERT), {"k": key, "v": value})


def progress(ledger: Ledger) -> str | None:
    """The last step the wizard finished (:data:`STEPS`), :data:`DONE`, or None."""
    return _get(ledger, PROGRESS_KEY)


def record_step(ledger: Ledger, step: str) -> None:
    """``step`` is finished (run on the ledger writer); an earlier step never undoes a
    later one, so going back in the wizard does not make it resume earlier."""
    if step != DONE and step not in STEPS:
        raise ValueError(f"unknown first-run step {step!r}")
    old = progress(ledger)
    order = (*STEPS, DONE)
    if old in order and order.index(old) >= order.index(step):
        return
    _put(ledger, PROGRESS_KEY, step)
    logger.info("first-run wizard: %s finished", step)


def check_hq(hq_url: str, timeout_s: float = 5.0) -> None:
    """Is HQ answering at ``hq_url``? Raises :class:`HQUnavailable` if not. Slow: run
    off the GUI thread."""
    url = hq_url.strip().rstrip("/")
    try:
        response = requests.get(f"{url}/healthz", timeout=timeout_s)
    except requests.RequestException as exc:
        raise HQUnavailable(f"GET /healthz: {type(exc).__name__}: {exc}") from exc
    if not response.ok:
        raise HQUnavailable(f"GET /healthz: HTTP {response.status_code}")


def camera_missing() -> list[str]:
    """What the QR camera lacks on this computer: ``opencv`` (no capture at all) and/or
    ``zbar`` (preview only, nothing decoded)."""
    import importlib.util

    from hardware.camera import zbar_status

    missing = [] if importlib.util.find_spec("cv2") is not None else ["opencv"]
    if not zbar_status()[0]:
        missing.append("zbar")
    return missing
