"""Command-line options and where the terminal keeps its data."""

from __future__ import annotations

import argparse
from pathlib import Path

from platformdirs import user_data_dir

# the language the strings are written in (docs/i18n.md): printed words and screens alike
from hardware.print_text import SOURCE_LANGUAGE  # noqa: F401  (re-exported)

APP_NAME = "omo-pos"
LANGUAGES = ("zh_TW", "en")  # Traditional Chinese (the source text) and English
DEFAULT_LANGUAGE = "zh_TW"


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="omo-pos", description="OMO 門市收銀機 (store terminal)")
    p.add_argument("--data-dir", type=Path, default=None,
                   help="folder of the ledger, logs and receipts (default: %(default)s → "
                        f"{default_data_dir()})")
    p.add_argument("--printer", default=None,
                   help="receipt printer: file:PATH, tcp://HOST:9100, usb://VID:PID, "
                        "serial:///dev/ttyUSB0?baudrate=9600; wins over the device settings "
                        "(Ctrl+Shift+D); default: those, else a file in the data dir")
    p.add_argument("--paper-width", type=int, choices=(32, 48), default=None,
                   help="characters per line: 32 for 58 mm paper, 48 for 80 mm "
                        "(default: the device settings, Ctrl+Shift+D)")
    p.add_argument("--encoding", default=None,
                   help="printer code page, cp950 or big5 (default: the device settings)")
    p.add_argument("--demo", action="store_true",
                   help="load the demo catalog into an empty terminal")
    p.add_argument("--products", type=int, default=0,
                   help="generate products until the catalog holds this many (benchmarks)")
    p.add_argument("--import-pricing", type=Path, metavar="FILE",
                   help="store a JSON batch of price lists, promotions and coupons "
                        "(docs/pricing.md); a bad batch is refused whole, naming the field")
    p.add_argument("--pair", nargs=2, metavar=("HQ_URL", "CODE"),
                   help="pair this terminal with HQ using the one-time code HQ issued "
                        "(e.g. --pair http://127.0.0.1:8765 ABCD-2345)")
    p.add_argument("--language", choices=LANGUAGES, default=None,
                   help="language of the screens: zh_TW (Traditional Chinese) or en "
                        "(default: the language setting, Ctrl+Shift+S; else zh_TW)")
    p.add_argument("--seed-only", action="store_true",
                   help="load data (--demo/--products) and exit without opening a window")
    p.add_argument("--report-ready", action="store_true",
                   help="print 'READY <seconds>' once the checkout screen is usable")
    p.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)
    # check that the installation/bundle loads zbar, Qt plugins, translations... and exit
    p.add_argument("--self-check", action="store_true", help=argparse.SUPPRESS)
    return p
