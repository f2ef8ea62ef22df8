"""Printouts: the paper and exports made from the records, in the print language.

Receipts and reprints, the X, shift and Z slips, the report slip and CSV. Built when
printed (the words follow the print language of that moment); never writes. May
import :mod:`app.services.records` and :mod:`app.services.runtime`.
"""
