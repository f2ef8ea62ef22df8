"""The shift dialogs driven by the keyboard: counting the drawer, refusing letters and
minus signs with a message, opening a shift, cash in/out, and the report view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from app.ui.cash_count_dialog import CashCountDialog, CashCountRequest
from app.ui.cash_move_dialog import CashMoveDialog, CashMoveRequest
from app.ui.shift_open_dialog import ShiftOpenDialog, ShiftOpenRequest
from app.ui.shift_report_dialog import ShiftReportDialog

EXPECTED = {"cash": 5135, "card": 500, "line_pay": 80, "points": 30}


def _shown(qtbot, dialog):
    """Show ``dialog`` as the active window (keyboard shortcuts and focus need that)."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _count_dialog(qtbot, expected=EXPECTED):
    return _shown(qtbot, CashCountDialog(expected, shift_no=3))


def _edit(dialog, name) -> QLineEdit:
    return dialog.findChild(QLineEdit, name)


def _type(qtbot, edit, text):
    """Type ``text``; what is not plain ASCII arrives as an input method (注音) commits it."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def test_typing_counts_shows_subtotals_total_and_the_difference_live(qtbot):
    dialog = _count_dialog(qtbot)
    assert dialog.expected_cash.text() == "NT$5,135"
    assert dialog.difference.text() == "-NT$5,135"
    assert QApplication.focusWidget() is _edit(dialog, "count_2000")
    # Enter moves down the rows: 2000 x0, 1000 x3, 500 x3, 200 x0, 100 x6, 50 x0, 10 x3
    for pieces in ("", "3", "3", "", "6", "", "3"):
        if pieces:
            qtbot.keyClicks(QApplication.focusWidget(), pieces)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == 0 and dialog.isVisible()  # Enter never closed the shift
    assert dialog.counter.subtotal_label(1000).text() == "NT$3,000"
    assert dialog.counter.subtotal_label(10).text() == "NT$30"
    assert dialog.counted_cash.text() == "NT$5,130"
    assert dialog.difference.text() == "-NT$5"
    assert QApplication.focusWidget() is _edit(dialog, "count_5")
    qtbot.keyClicks(_edit(dialog, "count_5"), "1")
    assert dialog.difference.text() == "NT$0"
    # card slips and LINE Pay settlement; points cannot be counted
    assert _edit(dialog, "other_card") and _edit(dialog, "other_line_pay")
    assert _edit(dialog, "other_points") is None
    qtbot.keyClicks(_edit(dialog, "other_card"), "500")
    assert dialog.findChild(type(dialog.difference), "otherDifference_card").text() == "NT$0"
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.request == CashCountRequest({1000: 3, 500: 3, 100: 6, 10: 3, 5: 1},
                                              {"card": 500}, 5135, 0)


def test_letters_and_minus_signs_are_refused_with_a_message_and_change_nothing(qtbot):
    dialog = _count_dialog(qtbot)
    edit = _edit(dialog, "count_1000")
    qtbot.keyClicks(edit, "2")
    assert dialog.counted_cash.text() == "NT$2,000"
    for bad in ("a", "-", ".", "五"):
        _type(qtbot, edit, bad)
        assert edit.text() == "2", bad
        assert "NT$1,000" in dialog.info.text() and "整數" in dialog.info.text()
        assert dialog.counted_cash.text() == "NT$2,000"
        assert dialog.counter.counts() == {1000: 2}
    edit.selectAll()
    qtbot.keyClicks(edit, "-")  # over the selection: still refused, still 2
    assert edit.text() == "2" and dialog.counter.counts() == {1000: 2}
    card = _edit(dialog, "other_card")
    qtbot.keyClicks(card, "12x")
    assert card.text() == "12" and "信用卡" in dialog.info.text()


def test_full_width_digits_count(qtbot):
    dialog = _count_dialog(qtbot, {"cash": 300})
    _type(qtbot, _edit(dialog, "count_100"), "３")
    assert dialog.counted_cash.text() == "NT$300" and dialog.difference.text() == "NT$0"


def test_a_difference_needs_a_second_confirm(qtbot):
    dialog = _count_dialog(qtbot, {"cash": 1000})
    qtbot.keyClicks(_edit(dialog, "count_500"), "1")
    dialog.on_ok_clicked()
    assert dialog.request is None and "短少 NT$500" in dialog.info.text()
    dialog.on_ok_clicked()
    assert dialog.request.difference == -500 and dialog.request.counts == {500: 1}


def test_the_last_row_enter_confirms_when_there_are_no_slips(qtbot):
    dialog = _count_dialog(qtbot, {"cash": 5})
    five = _edit(dialog, "count_5")
    qtbot.keyClicks(five, "1")
    qtbot.keyClick(_edit(dialog, "count_1"), Qt.Key.Key_Return)
    assert dialog.request == CashCountRequest({5: 1}, {}, 5, 0)


def test_opening_float_typed_as_an_amount_and_enter_confirms(qtbot):
    dialog = ShiftOpenDialog(user_name="王店長", usual_float=3000)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.amount.text() == "3000"
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "abc")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.request is None and "整數" in dialog.info.text()
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "5,000")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.request == ShiftOpenRequest(5000)


def test_opening_float_counted_by_denomination(qtbot):
    dialog = _shown(qtbot, ShiftOpenDialog())
    qtbot.keyClick(dialog, Qt.Key.Key_F2)
    assert dialog.counter.isVisible()
    qtbot.keyClicks(dialog.counter.edit(1000), "2")
    qtbot.keyClicks(dialog.counter.edit(50), "x")
    assert "NT$50" in dialog.info.text()
    qtbot.keyClicks(dialog.counter.edit(50), "4")
    assert dialog.amount.text() == "2200"
    qtbot.keyClick(dialog.counter.edit(1), Qt.Key.Key_Return)
    assert dialog.request == ShiftOpenRequest(2200, {1000: 2, 50: 4})


def test_cash_out_needs_an_amount_within_the_drawer_and_a_reason(qtbot):
    dialog = CashMoveDialog(expected_cash=1200)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "NT$1,200" in dialog.info.text()
    qtbot.keyClicks(dialog.amount, "1500")
    dialog.on_ok_clicked()
    assert dialog.request is None and "超過" in dialog.info.text()
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "1000")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)  # on to the reason
    dialog.reason.lineEdit().clear()
    dialog.on_ok_clicked()
    assert dialog.request is None and "原因" in dialog.info.text()
    dialog.reason.setEditText("存入保險箱")
    qtbot.keyClick(dialog.reason.lineEdit(), Qt.Key.Key_Return)
    assert dialog.request == CashMoveRequest("out", 1000, "存入保險箱")


def test_cash_in(qtbot):
    dialog = CashMoveDialog(kind="in")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.amount, "-5")
    dialog.on_ok_clicked()
    assert dialog.request is None
    dialog.amount.setText("500")
    dialog.on_ok_clicked()
    assert dialog.request == CashMoveRequest("in", 500, "零錢補充")


def test_report_dialog_shows_the_slip_and_asks_to_print(qtbot):
    from datetime import datetime

    from hardware.slip import Slip, SlipRow

    slip = Slip("Z 報表", "OMO 示範門市", "T01", datetime(2026, 12, 1, 22, 0),
                (SlipRow("銷售總額", "NT$435"),), number="No. 000001")
    asked = []
    dialog = _shown(qtbot, ShiftReportDialog.for_slip(slip, 32, on_print=lambda: asked.append(1)))
    assert dialog.windowTitle() == "Z 報表 No. 000001"
    text = "\n".join(dialog.lines())
    assert "No. 000001" in text and "銷售總額" in text and "NT$435" in text
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == [1] and not dialog.print_button.isEnabled()
    dialog.on_print_clicked()
    assert asked == [1]  # not twice while printing
    dialog.show_status("已列印", done=True)
    assert dialog.print_button.isEnabled()
