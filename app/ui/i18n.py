"""Install the terminal's translations (and Qt's own) for the chosen language.

The source strings are Traditional Chinese, so zh_TW works with no file at all; the
compiled ``resources/i18n/omo_pos_<language>.qm`` files come from
``python -m app.ui.i18n_tool`` (docs/i18n.md).
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.config import DEFAULT_LANGUAGE, LANGUAGES, SOURCE_LANGUAGE

logger = logging.getLogger(__name__)

_INSTALLED = "omo_pos_translator"  # objectName of the translators installed here


def installed_translators(app: QCoreApplication) -> list[QTranslator]:
    return [t for t in app.findChildren(QTranslator) if t.objectName() == _INSTALLED]


def remove_translators(app: QCoreApplication) -> None:
    """Back to the source text (and Qt's built-in English)."""
    for old in installed_translators(app):
        app.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()


def install_translator(
    app: QCoreApplication, language: str = DEFAULT_LANGUAGE, directory: Path | None = None
) -> list[str]:
    """Replace the installed translations with ``language``'s; return the files loaded.

    Qt's own (``qtbase_*``: the Yes/No/Cancel of standard dialogs) is loaded when the
    Qt installation ships it. ``directory`` overrides where the ``.qm`` files are read
    (tests). Widgets already built keep their text: install before building the UI.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    remove_translators(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = _translator(app)
    qt.load(QLocale(language), "qtbase", "_", qt_dir)
    ours = _translator(app)
    if not _load_ours(ours, language, directory) and language != SOURCE_LANGUAGE:
        # the source language needs no file: its strings are in the code
        logger.warning("no compiled translation for %s: run python -m app.ui.i18n_tool", language)
    loaded = []
    for translator in (qt, ours):
        if translator.isEmpty():  # not found, or nothing in it (Qt's own English)
            translator.setParent(None)
            translator.deleteLater()
        else:
            app.installTranslator(translator)
            loaded.append(translator.filePath())
    logger.info("language %s: %s", language, ", ".join(loaded) or "source text")
    return loaded


def _translator(app: QCoreApplication) -> QTranslator:
    translator = QTranslator(app)  # parented: lives as long as the application
    translator.setObjectName(_INSTALLED)
    return translator


def _load_ours(translator: QTranslator, language: str, directory: Path | None) -> bool:
    name = f"omo_pos_{language}.qm"
    if directory is not None:
        return translator.load(str(directory / name))
    qm = resources.files("resources.i18n").joinpath(name)
    if not qm.is_file():
        return False
    with resources.as_file(qm) as path:
        return translator.load(str(path))
