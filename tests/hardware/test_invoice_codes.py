"""The proof's QR modules are made faster than ``qrcode`` makes them (one layout, the
masks XORed on and scored with numpy), and must be exactly ``qrcode``'s: the same mask
chosen by the same score, the same format bits."""

from __future__ import annotations

import numpy as np
import qrcode
from hypothesis import given, settings
from hypothesis import strategies as st
from qrcode.util import lost_point

from hardware import invoice_codes


def _qrcode_modules(data: bytes, version: int) -> np.ndarray:
    code = qrcode.QRCode(version=version, error_correction=qrcode.constants.ERROR_CORRECT_L,
                         border=0)
    code.add_data(data)
    code.make(fit=False)
    return np.array(code.modules, dtype=bool)


@settings(max_examples=40, deadline=None)
@given(text=st.text(min_size=1, max_size=300), extra=st.integers(0, 4))
def test_the_modules_are_exactly_qrcodes(text, extra):
    data = text.encode("utf-8")
    version = min(40, max(invoice_codes._smallest_version(data), 6) + extra)
    assert np.array_equal(invoice_codes._qr_modules(data, version),
                          _qrcode_modules(data, version))


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), size=st.sampled_from([21, 41, 57, 77]))
def test_the_penalty_is_qrcodes_lost_point(seed, size):
    m = np.random.default_rng(seed).random((size, size)) < 0.5
    assert invoice_codes._penalty(m) == lost_point(m.tolist())
