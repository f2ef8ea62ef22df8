"""The print language: words read from the Linguist .ts file, and never a failed print
for want of one."""

from __future__ import annotations

import logging

import pytest

from hardware import print_text
from hardware.print_text import load_catalog, print_language, set_print_language, translate

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context><name>Print</name>
  <message><source>小計</source><translation>Subtotal</translation></message>
  <message><source>找零</source><translation type="unfinished">Change?</translation></message>
  <message><source>稅額</source><translation type="vanished">Tax</translation></message>
  <message><source>空白</source><translation></translation></message>
</context>
<context><name>CheckoutWindow</name>
  <message><source>結帳</source><translation>Pay</translation></message>
</context>
</TS>
"""


def test_only_finished_printed_words_are_taken(tmp_path):
    (tmp_path / "omo_pos_en.ts").write_text(TS, encoding="utf-8")
    assert load_catalog("en", tmp_path) == {"小計": "Subtotal"}
    assert load_catalog("zh_TW", tmp_path) == {}  # the source language needs none


def test_the_shipped_english_catalog_has_the_printed_words():
    words = load_catalog("en")
    assert words, "omo_pos_en.ts has no finished Print context"
    set_print_language("en")
    assert print_language() == "en"
    source, english = next(iter(words.items()))
    assert translate("Print", source) == english
    assert translate("Print", "從未翻譯過的字") == "從未翻譯過的字"  # untranslated: the source
    set_print_language("zh_TW")
    assert translate("Print", source) == source


@pytest.mark.allow_warnings
def test_a_missing_or_broken_catalog_prints_chinese(tmp_path, caplog):
    assert load_catalog("en", tmp_path) == {}  # no file
    (tmp_path / "omo_pos_en.ts").write_text("<TS><context>", encoding="utf-8")
    assert load_catalog("en", tmp_path) == {}  # not XML
    assert [r.levelno for r in caplog.records].count(logging.WARNING) == 2


@pytest.mark.allow_warnings
def test_an_unknown_language_prints_the_source(caplog):
    set_print_language("fr")
    assert print_language() == "zh_TW"
    assert "unknown print language" in caplog.text


def test_the_setting_changes_the_paper_at_once(staffed_services):
    assert print_language() == "zh_TW"
    staffed_services.settings.set("print_language", "en")
    assert print_language() == "en"
    staffed_services.settings.set("print_language", "zh_TW")
    assert print_language() == "zh_TW"


def test_a_terminal_starts_in_its_stored_print_language(tmp_path):
    from app.services.app_services import start_services
    from app.services.runtime.settings import Settings

    probe = start_services(tmp_path / "t", start_sync=False)  # an earlier run stored it
    try:
        Settings(probe.ledger, probe.events).set("print_language", "en")
    finally:
        probe.close()
    print_text.set_print_language("zh_TW")
    services = start_services(tmp_path / "t", start_sync=False)
    try:
        assert print_language() == "en"
    finally:
        services.close()
