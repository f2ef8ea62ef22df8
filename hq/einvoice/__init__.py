"""Taiwan e-invoice numbers at HQ (issue 14): the MOF's allocations
(:mod:`~hq.einvoice.allocation`), each store's settings (:mod:`~hq.einvoice.settings`),
the blocks leased to terminals (:mod:`~hq.einvoice.leasing`), what the terminals push
about their invoices (:mod:`~hq.einvoice.ingest`) and the admin view
(:mod:`~hq.einvoice.status`). The rules themselves are :mod:`app.domain.einvoice`'s.
"""
