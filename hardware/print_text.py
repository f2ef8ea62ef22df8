"""The words printed on paper (receipts, slips) and written to exports, in the print
language. No Qt.

Printed text is written in Chinese, the source language, as
``translate("Print", "小計")``. ``pyside6-lupdate`` extracts those calls like the UI's
(app/ui/i18n_tool.py lists the files), so printed words live in the same Qt Linguist
``resources/i18n/omo_pos_<lang>.ts`` files as the screens' words and the same test
keeps them finished. Here the ``.ts`` file is read as plain XML, once per language.

The print language is the ``print_language`` setting, one per terminal (the store's
paper), set with :func:`set_print_language`; it defaults to Traditional Chinese
whatever language the screens speak. A catalog that is missing or unreadable prints
the Chinese source text and logs a warning: paper never fails for want of a word.
"""

from __future__ import annotations

import logging
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

logger = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"
CONTEXTS = ("Print",)  # the .ts contexts that hold printed words
SOURCE_LANGUAGE = "zh_TW"  # printed words are written in Traditional Chinese

_lock = threading.Lock()
_language = SOURCE_LANGUAGE  # the default print language: the source text
_catalogs: dict[str, dict[str, str]] = {}


def load_catalog(language: str, directory: Path = I18N_DIR) -> dict[str, str]:
    """``{source: translation}`` of the printed words for ``language`` (finished ones
    only); empty for the source language or when the file cannot be read."""
    if language == SOURCE_LANGUAGE:
        return {}
    path = directory / f"omo_pos_{language}.ts"
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        logger.warning("printed words in %s unavailable (%s): printing Chinese", language, exc)
        return {}
    words: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") not in CONTEXTS:
            continue
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or not node.text:
                continue
            if node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            words[source] = node.text
    return words


def set_print_language(language: str) -> None:
    """Print in ``language`` from now on (one without a catalog in ``resources/i18n``
    prints the source language)."""
    global _language
    if language != SOURCE_LANGUAGE and not (
            language.replace("_", "").isascii() and language.replace("_", "").isalpha()
            and (I18N_DIR / f"omo_pos_{language}.ts").is_file()):
        logger.warning("unknown print language %r: printing %s", language, SOURCE_LANGUAGE)
        language = SOURCE_LANGUAGE
    with _lock:
        if language not in _catalogs:
            _catalogs[language] = load_catalog(language)
        _language = language


def print_language() -> str:
    return _language


def translate(context: str, text: str) -> str:
    """``text`` (Chinese source) in the print language; the source where untranslated.
    Call it with literal strings so lupdate sees them: ``translate("Print", "小計")``."""
    if _language == SOURCE_LANGUAGE:
        return text
    return _catalogs.get(_language, {}).get(text, text)
