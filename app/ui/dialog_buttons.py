"""The OK/Cancel row every dialog uses, with the keys written on the buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox


def ok_cancel(
    ok_text: str,
    on_ok: Callable[[], None],
    on_cancel: Callable[[], None],
    cancel_text: str | None = None,
) -> QDialogButtonBox:
    """``ok_text (Enter)`` and ``cancel_text (Esc)``: the cashier sees which key does what."""
    cancel_text = cancel_text or QCoreApplication.translate("Dialogs", "取消")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(f"{ok_text} (Enter)")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(f"{cancel_text} (Esc)")
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(on_cancel)
    return buttons
