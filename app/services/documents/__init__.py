"""Documents: every business document the terminal writes, each the same way.

A sale, a return, a stored-value top-up, a shift opened or closed, a cash movement,
a Z report, a no-sale drawer open, an audit entry and a member registration are
written through :class:`app.ledger.documents.DocumentWriter`: rows, gapless number,
outbox event (built with :mod:`sync.events`) and print job in one transaction. May
import :mod:`app.services.records` and :mod:`app.services.runtime`.
"""
