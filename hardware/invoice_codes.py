"""The e-invoice proof's codes as pictures and bytes: the Code39 of its 19 characters
and its two QR codes side by side (電子發票證明聯一維及二維條碼).

Sizes follow the MOF's 「電子發票證明聯一維及二維條碼規格說明」 and its usual reading
(shared/TAIWAN.md; the figures marked there as unverified are kept as the minimum):

- the proof is 5.7 cm wide: its print area is a 58 mm head's 384 dots (203 dpi, 8 dots
  a millimetre);
- **Code39** of the 19 characters (period + number + random code), narrow:wide 1:3,
  at least 0.5 cm high, with quiet zones of 10 narrow modules. 19 characters are 335
  modules at 1:3, so on 48 mm the module can only be 1 dot (2 dots would be 670);
- **two QR codes** "左右並列、水平(上緣)對齊、大小一致": error correction L, the same
  version for both and at least version 6, at least 1.5 cm a side, with a quiet zone
  of at least 4 modules and 2 mm. Each code is centred in its half of the 384 dots.

ESC/POS has no way to put two native QR symbols (``GS ( k``) side by side, so the pair
is always drawn as one raster image, in text mode too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import qrcode
from PIL import Image

__all__ = [
    "CODE39_CHARS",
    "PROOF_DOTS",
    "QrPlan",
    "code39_image",
    "code39_width",
    "plan_qr_pair",
    "qr_pair_image",
]

PROOF_DOTS = 384  # 5.7 cm paper: the print area of a 58 mm head at 203 dpi
DOTS_PER_MM = 8

# --- Code39 ------------------------------------------------------------------

# Each character: 9 elements, bar/space alternating from a bar, "1" = wide (3 of 9 wide).
_CODE39 = {
    "0": "000110100", "1": "100100001", "2": "001100001", "3": "101100000",
    "4": "000110001", "5": "100110000", "6": "001110000", "7": "000100101",
    "8": "100100100", "9": "001100100", "A": "100001001", "B": "001001001",
    "C": "101001000", "D": "000011001", "E": "100011000", "F": "001011000",
    "G": "000001101", "H": "100001100", "I": "001001100", "J": "000011100",
    "K": "100000011", "L": "001000011", "M": "101000010", "N": "000010011",
    "O": "100010010", "P": "001010010", "Q": "000000111", "R": "100000110",
    "S": "001000110", "T": "000010110", "U": "110000001", "V": "011000001",
    "W": "111000000", "X": "010010001", "Y": "110010000", "Z": "011010000",
    "-": "010000101", ".": "110000100", " ": "011000100", "$": "010101000",
    "/": "010100010", "+": "010001010", "%": "000101010", "*": "010010100",
}
assert all(len(p) == 9 and p.count("1") == 3 for p in _CODE39.values())
CODE39_CHARS = frozenset(_CODE39) - {"*"}  # "*" is the start/stop character
CODE39_QUIET = 10  # quiet zone each side, in narrow modules
CODE39_HEIGHT = 48  # dots: 6 mm (the MOF asks for at least 5 mm)


def _check_code39(text: str) -> None:
    bad = sorted(set(text) - CODE39_CHARS)
    if not text or bad:
        raise ValueError(f"Code39 cannot encode {text!r}"
                         + (f" (characters {''.join(bad)!r})" if bad else " (empty)"))


def code39_width(text: str, narrow: int = 1, wide: int = 3) -> int:
    """Dots the Code39 of ``text`` takes without its quiet zones (``*`` start and stop
    added, one narrow gap between characters)."""
    symbols = len(text) + 2
    return symbols * (6 * narrow + 3 * wide) + (symbols - 1) * narrow


def code39_image(text: str, *, narrow: int = 1, wide: int = 3, height: int = CODE39_HEIGHT,
                 width: int = PROOF_DOTS) -> Image.Image:
    """``text`` as a Code39 symbol (start/stop ``*`` added), black bars on a white ``L``
    strip ``width`` dots wide, centred. ValueError if a character has no Code39 or the
    symbol with its quiet zones is wider than ``width``."""
    _check_code39(text)
    need = code39_width(text, narrow, wide) + 2 * CODE39_QUIET * narrow
    if need > width:
        raise ValueError(f"Code39 of {text!r} needs {need} dots, the paper has {width}")
    row = np.full(width, 255, dtype=np.uint8)
    x = (width - need) // 2 + CODE39_QUIET * narrow
    for i, ch in enumerate(f"*{text}*"):
        if i:
            x += narrow  # the gap between characters
        for j, element in enumerate(_CODE39[ch]):
            size = wide if element == "1" else narrow
            if j % 2 == 0:  # a bar
                row[x : x + size] = 0
            x += size
    return Image.fromarray(np.tile(row, (height, 1)), "L")


# --- the QR pair ---------------------------------------------------------------

QR_MIN_VERSION = 6
QR_MAX_VERSION = 15  # 77 modules: the largest that fits half of 48 mm at 2 dots a module
QR_MIN_SIDE = 15 * DOTS_PER_MM  # 1.5 cm
QR_MIN_QUIET = 2 * DOTS_PER_MM  # 0.2 cm
_ERROR_L = qrcode.constants.ERROR_CORRECT_L


@dataclass(frozen=True, slots=True)
class QrPlan:
    """How the two codes are drawn: one ``version`` for both, ``module`` dots a module,
    each code ``side`` dots square, its top-left corner at ``(left_x, top)`` and
    ``(right_x, top)`` in an image ``width`` x ``height`` dots."""

    version: int
    module: int
    side: int
    left_x: int
    right_x: int
    top: int
    width: int
    height: int


def _smallest_version(data: bytes) -> int:
    code = qrcode.QRCode(error_correction=_ERROR_L, border=0)
    code.add_data(data)
    try:
        return code.best_fit()
    except qrcode.exceptions.DataOverflowError:
        return 41


def _capacity(version: int) -> int:
    """Bytes a version-``version`` L code holds in byte mode (the floor of what fits)."""
    from qrcode.util import BIT_LIMIT_TABLE

    return (BIT_LIMIT_TABLE[_ERROR_L][version] - 4 - 16) // 8


def plan_qr_pair(left: bytes, right: bytes, width: int = PROOF_DOTS) -> QrPlan:
    """The version and size of the two codes for ``left`` and ``right``: the smallest
    version that holds both (at least 6), the largest module (3 or 2 dots) at which two
    codes and their quiet zones fit ``width``, the version raised if needed so a code is
    at least 1.5 cm. ValueError when a text is too long for the proof."""
    half = width // 2
    need = max(_smallest_version(left), _smallest_version(right), QR_MIN_VERSION)
    for module in (3, 2):
        quiet = max(QR_MIN_QUIET, 4 * module)
        version = need
        while (17 + 4 * version) * module < QR_MIN_SIDE:
            version += 1
        side = (17 + 4 * version) * module
        if version <= QR_MAX_VERSION and side + 2 * quiet <= half:
            margin = (half - side) // 2  # each code centred in its half
            return QrPlan(version, module, side, margin, half + margin, quiet, width,
                          side + 2 * quiet)
    longest = max(len(left), len(right))
    raise ValueError(
        f"QR text of {longest} bytes is too long for the 57 mm proof: two codes of "
        f"version {QR_MAX_VERSION}-L hold at most {_capacity(QR_MAX_VERSION)} bytes each "
        "(put fewer items in the QR texts)")


def _qr_modules(data: bytes, version: int) -> np.ndarray:
    """The code's modules, the same as ``qrcode`` makes them (the same mask), in a fifth
    of the time: ``qrcode`` lays the data out eight times to score its masks in Python;
    here it is laid out once (mask 0) and the other seven masks are XORed on with numpy
    and scored by the same rules (:func:`_penalty`). A test checks both give the same
    matrix."""
    code = qrcode.QRCode(version=version, error_correction=_ERROR_L, border=0,
                         mask_pattern=0)
    code.add_data(data)
    code.make(fit=False)
    first = np.array(code.modules, dtype=bool)
    fixed, info = _fixed_positions(version)
    n = first.shape[0]
    rows, cols = np.indices((n, n))
    data_bits = first ^ (_MASKS[0](rows, cols) & ~fixed)  # the laid-out data, unmasked
    best, best_mask = None, 0
    for k in range(8):
        candidate = np.where(fixed, first, data_bits ^ _MASKS[k](rows, cols))
        candidate[info] = False  # qrcode scores with the format bits light (test mode)
        score = _penalty(candidate)
        if best is None or score < best:
            best, best_mask = score, k
    out = np.where(fixed, first, data_bits ^ _MASKS[best_mask](rows, cols))
    code.setup_type_info(False, best_mask)  # the chosen mask's format bits
    formats = np.array([[bool(v) for v in row] for row in code.modules], dtype=bool)
    out[info] = formats[info]
    return out


# the eight mask patterns of ISO/IEC 18004 (row i, column j), as qrcode.util.mask_func
_MASKS = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i * j) % 3 + (i + j) % 2) % 2 == 0,
)


@lru_cache(maxsize=16)
def _fixed_positions(version: int) -> tuple[np.ndarray, np.ndarray]:
    """(every module that is not data, the format and version information modules)."""
    probe = qrcode.QRCode(version=version, error_correction=_ERROR_L, border=0)
    n = probe.modules_count = version * 4 + 17
    probe.modules = [[None] * n for _ in range(n)]
    probe.setup_position_probe_pattern(0, 0)
    probe.setup_position_probe_pattern(n - 7, 0)
    probe.setup_position_probe_pattern(0, n - 7)
    probe.setup_position_adjust_pattern()
    probe.setup_timing_pattern()
    patterns = np.array([[v is not None for v in row] for row in probe.modules])
    probe.setup_type_info(True, 0)
    if version >= 7:
        probe.setup_type_number(True)
    fixed = np.array([[v is not None for v in row] for row in probe.modules])
    fixed.flags.writeable = False
    info = fixed & ~patterns
    info.flags.writeable = False
    return fixed, info


_FINDER_LIKE = (np.array([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0], dtype=bool),
                np.array([0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1], dtype=bool))


def _penalty(m: np.ndarray) -> int:
    """The mask penalty as ``qrcode.util.lost_point`` counts it: runs of five or more
    (3 + each module beyond 5), 2x2 blocks of one colour (3 each), finder-like
    1:1:3:1:1 patterns with four light modules beside them (40 each), and 10 for each
    5% the dark share is away from half."""
    n = m.shape[0]
    score = 0
    for lines in (m, m.T):  # rows, then columns
        change = np.ones((n, n + 1), dtype=bool)  # a run starts at 0 and ends at n: the
        change[:, 1:n] = lines[:, 1:] != lines[:, :-1]  # step from one row's end to the
        runs = np.diff(np.flatnonzero(change))  # next row's start is a run of 1 (ignored)
        score += int(np.sum(runs[runs >= 5] - 2))
        windows = np.lib.stride_tricks.sliding_window_view(lines, 11, axis=1)
        for pattern in _FINDER_LIKE:
            score += 40 * int(np.count_nonzero(np.all(windows == pattern, axis=2)))
    block = (m[:-1, :-1] == m[1:, :-1]) & (m[:-1, :-1] == m[:-1, 1:]) & (
        m[:-1, :-1] == m[1:, 1:])
    score += 3 * int(np.count_nonzero(block))
    percent = float(np.count_nonzero(m)) / (n * n)
    score += int(abs(percent * 100 - 50) / 5) * 10
    return score


def qr_pair_image(left: str, right: str, width: int = PROOF_DOTS) -> Image.Image:
    """The two QR codes (UTF-8 texts) side by side, tops aligned, the same version and
    size, as one black-on-white ``L`` image ``width`` dots wide. ValueError when a text
    is empty or too long for the proof."""
    if not left or not right:
        raise ValueError("both QR texts are needed (the right one is at least '**')")
    left_data, right_data = left.encode("utf-8"), right.encode("utf-8")
    plan = plan_qr_pair(left_data, right_data, width)
    canvas = np.full((plan.height, plan.width), 255, dtype=np.uint8)
    for data, x in ((left_data, plan.left_x), (right_data, plan.right_x)):
        modules = _qr_modules(data, plan.version)
        dots = np.kron(modules, np.ones((plan.module, plan.module), dtype=bool))
        canvas[plan.top : plan.top + plan.side, x : x + plan.side][dots] = 0
    return Image.fromarray(canvas, "L")
