"""Translations: complete, placeholders kept, in step with the code, and no Chinese left
on an English screen (docs/i18n.md)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QTableView,
    QWidget,
)

from app.ui import i18n_tool
from app.ui.i18n import install_translator, installed_translators, remove_translators

# CJK ideographs, Bopomofo, CJK and full-width punctuation (「」，：（）)
CJK = re.compile(
    "[\u2e80-\u2fff\u3000-\u303f\u3100-\u312f\u31a0-\u31bf\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
# str.format fields ({0}, {detail}, {2:,}) and Qt's %1 / %L1 / %n
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|%n")
UPDATE = "run `python -m app.ui.i18n_tool` and translate what it lists (docs/i18n.md)"


def messages(language: str) -> list[dict]:
    return i18n_tool.read_ts(i18n_tool.ts_path(language))


def show(m: dict) -> str:
    return f"[{m['context']}] {m['source']!r}"


# --- the .ts files ---------------------------------------------------------------------
@pytest.mark.parametrize("language", i18n_tool.LANGUAGES)
def test_every_message_has_a_finished_translation(language):
    missing = [show(m) for m in messages(language) if not m["finished"]]
    assert not missing, (
        f"{len(missing)} message(s) without a finished {language} translation in "
        f"{i18n_tool.ts_path(language).name} ({UPDATE}):\n" + "\n".join(missing)
    )


def test_english_translations_have_no_chinese_left():
    left = [f"{show(m)} -> {t!r}" for m in messages("en") for t in m["translations"]
            if CJK.search(t)]
    assert not left, "English translations still holding Chinese:\n" + "\n".join(left)


@pytest.mark.parametrize("language", i18n_tool.LANGUAGES)
def test_translations_keep_the_placeholders(language):
    bad = []
    for m in messages(language):
        wanted = Counter(PLACEHOLDER.findall(m["source"]))
        for t in m["translations"]:
            got = Counter(PLACEHOLDER.findall(t))
            if m["numerus"]:
                got["%n"] = wanted["%n"]  # a plural form may leave the count out
            if got != wanted:
                bad.append(f"{show(m)} -> {t!r}: expected {sorted(wanted.elements())}, "
                           f"found {sorted(got.elements())}")
    assert not bad, f"{language} translations that change the placeholders:\n" + "\n".join(bad)


def test_ts_files_are_up_to_date_with_the_code():
    in_code = i18n_tool.extract()
    assert len(in_code) > 100  # lupdate found the UI strings (and messages.py's _tr calls)
    for language in i18n_tool.LANGUAGES:
        in_ts = {(m["context"], m["source"]) for m in messages(language)}
        new = sorted(in_code - in_ts)
        gone = sorted(in_ts - in_code)
        assert not new and not gone, (
            f"{i18n_tool.ts_path(language).name} is out of date: {UPDATE}\n"
            + "".join(f"  not in the .ts yet: [{c}] {s!r}\n" for c, s in new)
            + "".join(f"  no longer in the code: [{c}] {s!r}\n" for c, s in gone)
        )


def test_placeholder_and_cjk_patterns():
    assert PLACEHOLDER.findall("最近消費 {0}  {1}  NT${2:,} %1 %n {detail}") == [
        "{0}", "{1}", "{2:,}", "%1", "%n", "{detail}"]
    assert CJK.search("（") and CJK.search("收") and CJK.search("；")
    assert not CJK.search("NT$1,000 — Saving… “x”")


# --- loading ---------------------------------------------------------------------------
@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory):
    """The .ts files as they are in the tree, compiled (independent of scripts/setup.sh)."""
    out = tmp_path_factory.mktemp("qm")
    i18n_tool.release(out_dir=out)
    return out


@pytest.fixture
def english(qapp, qm_dir):
    loaded = install_translator(qapp, "en", directory=qm_dir)
    assert any(f.endswith("omo_pos_en.qm") for f in loaded), loaded
    yield
    remove_translators(qapp)


def test_install_and_switch_language(qapp, qm_dir):
    from app.ui.messages import message_for

    try:
        install_translator(qapp, "en", directory=qm_dir)
        assert message_for("empty_cart") == "The cart is empty"  # the Messages context
        loaded = install_translator(qapp, "zh_TW", directory=qm_dir)
        assert any(f.endswith("omo_pos_zh_TW.qm") for f in loaded)
        assert any("qtbase_zh_TW" in f for f in loaded)  # Qt's own Yes/No/Cancel
        assert len(installed_translators(qapp)) == len(loaded)  # English was taken out
        assert message_for("empty_cart") == "購物車是空的"
    finally:
        remove_translators(qapp)
    assert installed_translators(qapp) == []


def test_unknown_language_is_refused(qapp):
    with pytest.raises(ValueError, match="zh_TW, en"):
        install_translator(qapp, "fr")


def test_language_option():
    from app.config import build_parser

    assert build_parser().parse_args([]).language is None  # the language setting decides
    assert build_parser().parse_args(["--language", "en"]).language == "en"


# --- what an English-speaking cashier sees ---------------------------------------------------
def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every string a person can read in ``root`` and its children."""
    found: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(root).__name__} > {type(w).__name__} {w.objectName()}".rstrip()
        if w.isWindow():
            found.append((f"{where} title", w.windowTitle()))
        found.append((f"{where} tooltip", w.toolTip()))
        if isinstance(w, (QLabel, QAbstractButton)):
            found.append((where, w.text()))
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            found.append((f"{where} placeholder", w.placeholderText()))
        if isinstance(w, QComboBox):
            found += [(f"{where} item {i}", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QProgressBar):
            found.append((f"{where} format", w.format()))
        if isinstance(w, QListWidget):
            found += [(f"{where} row {i}", w.item(i).text()) for i in range(w.count())]
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            found += [
                (f"{where} header {c}", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for c in range(model.columnCount(QModelIndex()))
            ]
    found += [(f"{type(root).__name__} > QAction", a.text()) for a in root.findChildren(QAction)]
    return found


@pytest.fixture
def data_words(services, demo_products):
    """Chinese that is data, not interface: product names, the store's name and cashier
    (and the name of the staff member logged in)."""
    t = services.terminal
    words = {p.name for p in demo_products} | {t.store_name, t.store_address, t.cashier}
    if services.staff.current is not None:
        words.add(services.staff.current.name)
    return sorted(words, key=len, reverse=True)


def assert_english(root: QWidget, data_words: list[str]) -> None:
    left = []
    for where, text in visible_texts(root):
        for word in data_words:
            text = text.replace(word, "")
        if CJK.search(text):
            left.append(f"{where}: {text!r}")
    assert not left, (
        "Chinese on an English screen (wrap the string in self.tr() and run "
        "`python -m app.ui.i18n_tool`):\n" + "\n".join(left)
    )


@pytest.fixture
def en_window(qtbot, english, services):
    from app.ui.checkout_window import CheckoutWindow

    win = CheckoutWindow(services)  # built after the translator is installed
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_checkout_window_in_english(en_window, data_words):
    assert en_window.model.headerData(1, Qt.Orientation.Horizontal) == "Item"
    assert_english(en_window, data_words)
    assert not [t for _k, t in en_window.shortcut_help() if CJK.search(t)]


def test_checkout_messages_in_english(en_window, data_words, demo_products):
    en_window.add_code("4719999999993")  # unknown product: messages.py's words
    assert en_window.message.text() == "No such item: 4719999999993"
    en_window.add_code(demo_products[0].barcode)
    en_window.on_suspend_triggered()
    assert_english(en_window, data_words)


def test_dialogs_in_english(qtbot, en_window, services, data_words, demo_products):
    from app.services.records.parking import ParkedCart
    from app.ui.member_dialog import MemberDialog
    from app.ui.pairing_dialog import PairingDialog
    from app.ui.parked_dialog import ParkedDialog
    from app.ui.search_dialog import SearchDialog
    from app.ui.tender_dialog import TenderDialog

    pool = en_window._pool
    search = SearchDialog(services.catalog, pool, demo_products[0].sku, en_window)
    qtbot.waitUntil(lambda: search.results.count() > 0)
    assert_english(search, data_words)
    search.query_edit.setText("no-such-thing")
    search.on_query_submitted()
    qtbot.waitUntil(lambda: "no-such-thing" in search.status.text())
    assert_english(search, data_words)

    member = MemberDialog(services, en_window)
    assert_english(member, data_words)
    member.query.setText("0987-654-321")
    member.on_ok_clicked()  # no such member, no name typed: says how to register
    assert member.info.text().startswith("No such member")
    member.query.setText("12")
    member.on_ok_clicked()  # a bad number: messages.py's words
    assert_english(member, data_words)

    pairing = PairingDialog(services, pool, en_window)
    assert_english(pairing, data_words)
    pairing.url.setText("hq.example")
    pairing.on_pair_clicked()  # not an http(s) address: refused before any network
    assert_english(pairing, data_words)

    parked = [ParkedCart("p1", "2025-01-02T03:04:05+00:00", "A", 2, 150)]
    assert_english(ParkedDialog(parked, en_window), data_words)

    card = TenderDialog("card", 150, en_window)
    assert "UnionPay" in [card.brand.itemText(i) for i in range(card.brand.count())]
    card.last4.setText("12")
    card.on_accept()  # not four digits
    assert_english(card, data_words)
    other = TenderDialog("other", 150, en_window, member=True)
    other.amount.setText("abc")
    other.on_accept()  # not a whole number
    assert_english(other, data_words)


def test_top_up_and_return_dialogs_in_english(en_window, services, data_words, demo_products):
    from app.ui.return_dialog import ReturnDialog
    from app.ui.top_up_dialog import TopUpDialog

    top_up = TopUpDialog("Wang", 1200, en_window)
    assert_english(top_up, data_words)
    top_up.amount.setText("abc")
    top_up.on_ok_clicked()
    assert_english(top_up, data_words)

    en_window.add_code(demo_products[0].barcode)
    checkout = en_window.checkout
    checkout.pay_exact_cash()
    checkout.begin_commit()
    sale = checkout.commit()
    checkout.end_commit(sale)
    dialog = ReturnDialog(services, en_window, receipt_no=sale.receipt_no, member_id="M1")
    assert dialog.lines.rowCount() == 1
    dialog.on_ok_clicked()  # nothing chosen: messages.py's words
    assert_english(dialog, data_words)
    dialog.query.setText("nothing-like-this")
    dialog.on_find_clicked()
    assert dialog.info.text().startswith("Sale not found")


def test_device_settings_and_camera_in_english(qtbot, en_window, services, data_words):
    from app.ui.camera_preview import CameraDialog, CameraPreview
    from app.ui.device_settings_dialog import DeviceSettingsDialog
    from hardware.config import CameraSettings

    dialog = DeviceSettingsDialog(services, en_window._pool, en_window)
    qtbot.addWidget(dialog)
    assert_english(dialog, data_words)
    assert dialog.tabs.tabText(1) == "Receipt printer"
    dialog.serial_url.setText("http://not-a-scanner")
    dialog.on_save_clicked()  # refused: messages.py's words
    assert dialog.info.text() == "Serial scanner: bad address"
    dialog.test_scan.setText("\x00\x01")
    dialog.on_test_scan_submitted()
    dialog.serial_url.setText("")
    dialog.on_check_printer_clicked()
    qtbot.waitUntil(lambda: dialog.printer_result.text() == "This printer does not report its status")
    assert_english(dialog, data_words)

    preview = CameraPreview(CameraSettings(source=""))
    qtbot.addWidget(preview)
    preview.start()  # no camera set up: says where to choose one
    assert_english(preview, data_words)
    camera = CameraDialog(CameraSettings(source="fake:"), en_window)
    qtbot.addWidget(camera)
    camera.preview.start()
    camera.preview.camera.show(b"\xff\xfe")  # refused
    assert_english(camera, data_words)

    en_window.add_code("/abc1234")
    en_window.add_code("\x00garbage")
    assert_english(en_window, data_words)
