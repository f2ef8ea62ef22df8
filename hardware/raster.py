"""Receipt text as a picture, for printers without a Big5 font (the raster fallback).

Usage::

    from hardware.raster import render_text_image, raster_command, find_cjk_font
    image = render_text_image([("收據", 1), ("合計  $120", 2)], width_cols=32)
    job += raster_command(image)          # ESC/POS ``GS v 0`` bytes, in fragments

A column is 12 dots wide: 32 columns fill a 58 mm head (384 dots), 48 columns an
80 mm head (576 dots), at 203 dpi. Each character is drawn at its own column (wide
characters take two, as in :mod:`hardware.receipt`), so the layout's alignment
holds whatever the font's advances. The font is Noto Sans Mono CJK TC (Debian:
``fonts-noto-cjk``), found with ``fc-match`` or at the usual paths.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from hardware.receipt import char_width

logger = logging.getLogger(__name__)

__all__ = [
    "COLUMN_DOTS",
    "FontMissing",
    "dots_for",
    "find_cjk_font",
    "load_font",
    "prepare_logo",
    "raster_command",
    "render_text_image",
]

COLUMN_DOTS = 12
LINE_DOTS = 30  # 24-dot characters + spacing
FRAGMENT_ROWS = 256  # rows per GS v 0 command; small enough for any printer's buffer
_FONT_FAMILIES = ("Noto Sans Mono CJK TC", "Noto Sans CJK TC", "Noto Serif CJK TC")
_KNOWN_PATHS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msjh.ttc",
)


class FontMissing(RuntimeError):
    """No Traditional Chinese font was found for the raster fallback."""


def dots_for(width_cols: int) -> int:
    """Print head width in dots for a 32- or 48-column roll."""
    return width_cols * COLUMN_DOTS


def _fc_match(family: str) -> tuple[str, int] | None:
    exe = shutil.which("fc-match")
    if not exe:
        return None
    try:
        out = subprocess.run(
            [exe, "-f", "%{file}\n%{index}\n%{family}", family],
            capture_output=True, text=True, timeout=5, check=True,
        ).stdout.split("\n")
    except (OSError, subprocess.SubprocessError) as exc:
        logger.debug("fc-match %s: %s", family, exc)
        return None
    if len(out) >= 3 and family.split()[0] in out[2] and "CJK" in out[2]:
        return out[0], int(out[1] or 0)
    return None


def _face_index(path: str, family: str) -> int | None:
    """The index of ``family`` inside a .ttc collection (0 for plain files)."""
    for index in range(16):
        try:
            name, _style = ImageFont.truetype(path, 12, index=index).getname()
        except OSError:
            return None
        if name == family:
            return index
    return None


@lru_cache(maxsize=1)
def find_cjk_font() -> tuple[str, int] | None:
    """``(path, face index)`` of a Traditional Chinese font, or None."""
    for family in _FONT_FAMILIES:
        found = _fc_match(family)
        if found:
            return found
    for path in _KNOWN_PATHS:
        if Path(path).is_file():
            for family in _FONT_FAMILIES:
                index = _face_index(path, family)
                if index is not None:
                    return path, index
            return path, 0
    return None


@lru_cache(maxsize=8)
def load_font(size: int, font: tuple[str, int] | None = None) -> ImageFont.FreeTypeFont:
    """The CJK font at ``size`` pixels; :class:`FontMissing` if there is none."""
    font = font or find_cjk_font()
    if font is None:
        raise FontMissing("no CJK font: install fonts-noto-cjk")
    path, index = font
    try:
        return ImageFont.truetype(path, size, index=index)
    except OSError as exc:
        raise FontMissing(f"cannot load {path}: {exc}") from exc


def render_text_image(
    lines: list[tuple[str, int]], width_cols: int, font: tuple[str, int] | None = None
) -> Image.Image:
    """``lines`` of ``(text, scale)`` as a black-on-white ``L`` image ``dots_for(width_cols)``
    wide. ``scale`` 2 draws double width and height (the 合計 line); its text must
    fit ``width_cols // 2`` columns."""
    width = dots_for(width_cols)
    height = sum(LINE_DOTS * scale for _, scale in lines) or 1
    image = Image.new("L", (width, height), 255)
    y = 0
    for text, scale in lines:
        cell = COLUMN_DOTS * scale
        face = load_font(2 * cell, font)
        _draw_line(image, text, y + scale, cell, face, width)
        y += LINE_DOTS * scale
    return image


@lru_cache(maxsize=4096)
def _glyph(face: ImageFont.FreeTypeFont, ch: str, cell: int) -> Image.Image | None:
    """``ch`` drawn once as a paste mask (receipts repeat characters a lot)."""
    if ch.isspace():
        return None
    box = Image.new("L", (2 * cell * 2, LINE_DOTS * cell // COLUMN_DOTS), 0)
    ImageDraw.Draw(box).text((0, 0), ch, font=face, fill=255)
    return box if box.getbbox() else None


def _draw_line(image: Image.Image, text: str, y: int, cell: int,
               face: ImageFont.FreeTypeFont, width: int) -> None:
    x = 0
    for ch in text:
        if x >= width:
            break
        w = char_width(ch)
        if w:
            glyph = _glyph(face, ch, cell)
            if glyph is not None:
                image.paste(0, (x, y), glyph)
        x += w * cell


def _to_bits(image: Image.Image, dither: bool) -> Image.Image:
    """Mode ``1`` image where 1 (white in PIL terms) means a printed dot."""
    grey = image
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        grey = Image.new("RGB", rgba.size, (255, 255, 255))
        grey.paste(rgba, mask=rgba.split()[3])
    inverted = ImageOps.invert(grey.convert("L"))
    if dither:
        return inverted.convert("1")
    return inverted.point(lambda p: 255 if p >= 128 else 0).convert("1", dither=Image.Dither.NONE)


def raster_command(image: Image.Image, *, dither: bool = False) -> bytes:
    """``image`` as ESC/POS ``GS v 0`` raster commands (in fragments of
    :data:`FRAGMENT_ROWS` rows). Dark pixels print; ``dither`` for photos/logos."""
    bits = _to_bits(image, dither)
    width_bytes = (bits.width + 7) // 8
    out = bytearray()
    for top in range(0, bits.height, FRAGMENT_ROWS):
        part = bits.crop((0, top, bits.width, min(bits.height, top + FRAGMENT_ROWS)))
        out += b"\x1dv0\x00" + width_bytes.to_bytes(2, "little") + part.height.to_bytes(2, "little")
        out += part.tobytes()
    return bytes(out)


def prepare_logo(source: Image.Image | str | Path, width_cols: int, max_height: int = 160) -> Image.Image:
    """The store logo scaled to fit the roll (and ``max_height``) and centred on a
    white strip as wide as the head. Raises OSError/ValueError for a bad image."""
    image = source if isinstance(source, Image.Image) else Image.open(source)
    image.load()
    width = dots_for(width_cols)
    if image.mode != "RGBA":
        image = image.convert("RGBA")
    scale = min(1.0, width / image.width, max_height / image.height)
    if scale < 1.0:
        size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    strip = Image.new("RGBA", (width, image.height), (255, 255, 255, 255))
    strip.paste(image, ((width - image.width) // 2, 0), image)
    return strip
