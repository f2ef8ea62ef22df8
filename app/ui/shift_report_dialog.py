"""An X, shift or Z report on screen, exactly as the slip prints, with a Print button.

The dialog shows lines it is given (``hardware.slip.layout_slip``) and never prints
itself: Print (Ctrl+P) emits ``sig_print_requested`` and the window prints off the
GUI thread, then tells the dialog how it went (:meth:`show_status`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from hardware.slip import Slip, layout_slip

# CJK glyphs exactly two columns wide, as the printer lays them out
MONO_FAMILIES = ["Noto Sans Mono CJK TC", "Noto Sans Mono CJK SC", "Noto Sans Mono", "monospace"]
# the slips' printed titles and numbers (app/services/printouts/shift_slips.py), for the window title only
SLIP_WORDS = (
    QT_TRANSLATE_NOOP("ShiftReportDialog", "X 報表"),
    QT_TRANSLATE_NOOP("ShiftReportDialog", "交班報表"),
    QT_TRANSLATE_NOOP("ShiftReportDialog", "Z 報表"),
    QT_TRANSLATE_NOOP("ShiftReportDialog", "本班"),
    QT_TRANSLATE_NOOP("ShiftReportDialog", "自上次 Z 報表"),
    QT_TRANSLATE_NOOP("ShiftReportDialog", "班別"),
)


def slip_words(text: str) -> str:
    """A slip's title or number (``班別 No. 000001``) in the screen's language; the
    slip itself stays as printed."""
    head, sep, rest = text.partition(" No. ")
    return QCoreApplication.translate("ShiftReportDialog", head) + sep + rest


class ShiftReportDialog(QDialog):
    """``lines``: the slip's fixed-width lines; ``on_print``: called (on the GUI thread)
    when the cashier asks to print; it should hand the work to a worker."""

    sig_print_requested = Signal()
    """The Print button or Ctrl+P was pressed."""

    def __init__(self, title: str, lines: Sequence[str], parent=None, *,
                 on_print: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(560, 820)
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setObjectName("reportLines")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = QFont()
        font.setFamilies(MONO_FAMILIES)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(13)
        self.text.setFont(font)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("列印 (Ctrl+P)"))
        self.print_button.setObjectName("reportPrint")
        self.print_button.clicked.connect(self.on_print_clicked)
        close = QPushButton(self.tr("關閉 (Esc)"))
        close.clicked.connect(self.reject)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.on_print_clicked)
        self.print_button.setEnabled(on_print is not None)
        if on_print is not None:
            self.sig_print_requested.connect(on_print)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.print_button.setFocus()

    @classmethod
    def for_slip(cls, slip: Slip, width_cols: int = 32, parent=None, *,
                 on_print: Callable[[], None] | None = None) -> ShiftReportDialog:
        """The dialog for a slip laid out at the printer's width."""
        title = f"{slip_words(slip.title)} {slip_words(slip.number)}".strip()
        return cls(title, layout_slip(slip, width_cols), parent, on_print=on_print)

    def lines(self) -> list[str]:
        return self.text.toPlainText().split("\n")

    def on_print_clicked(self) -> None:
        if not self.print_button.isEnabled():
            return
        self.print_button.setEnabled(False)  # until the window says it is done
        self.show_status(self.tr("列印中…"))
        self.sig_print_requested.emit()

    def show_status(self, text: str, *, done: bool = False) -> None:
        """The window reports the print's outcome; ``done`` enables Print again."""
        self.status.setText(text)
        if done:
            self.print_button.setEnabled(True)
