"""Records: what the terminal keeps and reads, other than writing business documents.

Read models of the documents (a sale, a return, a top-up, shifts and their figures,
Z reports, the reports screen's figures) and the data the counter sells from: the
catalog, pricing, members and their balances, the open and parked carts, and the
store of HQ's feed and of the outbox. May import :mod:`app.services.runtime` only.
"""
