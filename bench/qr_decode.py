"""Benchmark: decode a member QR code in a 640x480 camera frame (zbar through pyzbar).

Run from the repository root::

    .venv/bin/python bench/qr_decode.py [--rounds 300]

Prints ``qr_decode_ms_p50`` and ``qr_decode_ms_p99`` (milliseconds per frame: BGR to
grey, zbar scan, payload checks; :func:`hardware.camera.decode_frame` with the
default symbologies: QR and the retail barcodes), then ``qr_decode_qr_only_ms_*``
(QR only, as the member/coupon dialogs can ask) and ``qr_decode_empty_ms_*`` (a
frame with nothing in it, the common case while the camera waits). The frame
is what the camera worker sees: a rotating member QR (about 200 characters, as the
member app shows it) on a grey background, slightly blurred, with sensor noise.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import qrcode  # noqa: E402

from bench.common import distribution  # noqa: E402
from hardware.camera import QR_ONLY, decode_frame, zbar_status  # noqa: E402

W, H = 640, 480
PAYLOAD = (
    "OMOM1.eyJrIjoiN2Q0ZjFhMmI5YzNlOGQ1ZjZhMGIxYzJkM2U0ZjVhNmIiLCJtIjoiTTAwMDAxMjM0IiwieCI6MTc2"
    "NDAwMDAwMH0.c2lnbmF0dXJlLWJ5LWhxLTY0LWJ5dGVzLi4uLi4uLi4uLi4uLi4uLi4uLi4.58812345.ZGV2aWNl"
)


def camera_frame(seed: int = 1, with_code: bool = True) -> np.ndarray:
    code = qrcode.QRCode(box_size=4, border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(PAYLOAD)
    code.make(fit=True)
    symbol = np.array(code.make_image().get_image().convert("L"))
    grey = np.full((H, W), 170, np.uint8)
    h, w = symbol.shape
    y, x = (H - h) // 2, (W - w) // 2
    if with_code:
        grey[y : y + h, x : x + w] = np.where(symbol > 127, 235, 25).astype(np.uint8)
    grey = cv2.GaussianBlur(grey, (3, 3), 0.8)
    noise = np.random.default_rng(seed).normal(0, 6, grey.shape)
    grey = np.clip(grey.astype(np.float32) + noise, 0, 255).astype(np.uint8)
    return cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    ok, reason = zbar_status()
    if not ok:
        sys.exit(f"cannot benchmark: {reason}")
    frame = camera_frame()
    reads = decode_frame(frame)
    if [r.text for r in reads] != [PAYLOAD]:
        sys.exit(f"the benchmark frame does not decode: {reads!r}")
    empty = camera_frame(with_code=False)
    for name, image, symbologies in (
        ("qr_decode_ms", frame, None),
        ("qr_decode_qr_only_ms", frame, QR_ONLY),
        ("qr_decode_empty_ms", empty, None),
    ):
        kw = {"symbologies": symbologies} if symbologies else {}
        for _ in range(10):  # warm-up
            decode_frame(image, **kw)
        samples = []
        for _ in range(args.rounds):
            began = time.perf_counter()
            decode_frame(image, **kw)
            samples.append((time.perf_counter() - began) * 1000)
        distribution(name, samples, "ms")


if __name__ == "__main__":
    main()
