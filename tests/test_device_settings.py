"""Device settings stored with the terminal, applied at start-up, and the buyer on a
parked cart (no Qt)."""

from __future__ import annotations

import json

from app.domain.cart import Cart, ProductInfo
from app.domain.codes import VariableMeasureLayout
from app.services.app_services import start_services
from app.services.printing import PrinterConfig
from app.services.runtime.terminal import TerminalDevices, load_devices, save_devices
from hardware.config import DeviceSettings, PrinterSettings, SettingError


def test_terminal_devices_round_trip_and_refuse_bad_layouts():
    devices = TerminalDevices(
        DeviceSettings(printer=PrinterSettings(url="tcp://10.0.0.9:9100", width_cols=48)),
        VariableMeasureLayout(item_digits=5, value_digits=6, value_kind="weight", decimals=3))
    assert TerminalDevices.from_dict(json.loads(json.dumps(devices.to_dict()))) == (devices, [])
    off, errors = TerminalDevices.from_dict({"variable_measure": None})
    assert off.variable_measure is None and off.scan_config().variable_measure is None
    bad, errors = TerminalDevices.from_dict(
        {"variable_measure": {"item_digits": 9}, "printer": {"width_cols": 33}})
    assert bad == TerminalDevices()  # defaults where values were refused
    assert errors == [SettingError("printer.width_cols", "not_allowed"),
                      SettingError("variable_measure", "bad_layout")]
    assert TerminalDevices.from_dict([1]) == (TerminalDevices(), [SettingError("devices", "bad_type")])


def test_stored_settings_apply_at_start_and_command_line_printer_wins(tmp_path):
    data = tmp_path / "data"
    first = start_services(data, fallback_printer_url=f"file:{tmp_path / 'fallback.bin'}",
                           start_sync=False)
    try:
        assert first.print_queue.printer.url == f"file:{tmp_path / 'fallback.bin'}"
        save_devices(first.ledger, TerminalDevices(
            DeviceSettings(printer=PrinterSettings(url="tcp://10.0.0.9:9100", width_cols=48,
                                                   mode="raster")), None))
    finally:
        first.close()
    stored = start_services(data, start_sync=False)
    try:
        printer = stored.print_queue.printer
        assert (printer.url, printer.width_cols, printer.mode) == ("tcp://10.0.0.9:9100", 48,
                                                                   "raster")
        assert stored.checkout.scan_config.variable_measure is None
    finally:
        stored.close()
    overridden = start_services(data, start_sync=False,
                                printer_overrides={"url": f"file:{tmp_path / 'cli.bin'}",
                                                   "width_cols": None})
    try:
        printer = overridden.print_queue.printer
        assert printer.url == f"file:{tmp_path / 'cli.bin'}" and printer.width_cols == 48
        # saving the device page keeps the command line's printer
        overridden.save_devices(TerminalDevices())
        assert overridden.print_queue.printer.url == f"file:{tmp_path / 'cli.bin'}"
        assert overridden.print_queue.printer.width_cols == 32
    finally:
        overridden.close()


def test_corrupt_stored_settings_fall_back_to_defaults(tmp_path):
    svc = start_services(tmp_path / "data", PrinterConfig("dummy:"), start_sync=False)
    try:
        with svc.ledger.write() as conn:
            conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('devices', '{oops')")
        assert load_devices(svc.ledger) == (TerminalDevices(), [SettingError("devices", "bad_json")])
    finally:
        svc.close()


def test_printer_config_from_settings_and_qr_payload():
    cfg = PrinterConfig.from_settings(PrinterSettings(url="tcp://p:9100", logo_path="/l.png",
                                                      drawer_kick_on_cash=False, drawer_pin=5))
    assert (cfg.url, cfg.logo_path, cfg.drawer_kick, cfg.drawer_pin) == (
        "tcp://p:9100", "/l.png", False, 5)
    assert cfg.qr_for("S001-T01-000001") == "S001-T01-000001"
    assert PrinterConfig("x", qr_payload="").qr_for("S001-T01-000001") is None


def test_parked_cart_keeps_the_buyer():
    cart = Cart()
    cart.add(ProductInfo("D0001", "茶", 25))
    cart.set_buyer(carrier="/ABC1234", tax_id="12345675")
    again = Cart.from_dict(json.loads(json.dumps(cart.to_dict())))
    assert (again.carrier, again.buyer_tax_id) == ("/ABC1234", "12345675")
    assert Cart.from_dict({"lines": []}).carrier == ""  # parked before this existed
    cart.clear()
    assert (cart.carrier, cart.buyer_tax_id) == ("", "")


def test_suspend_and_resume_keep_the_buyer(services, demo_products):
    checkout = services.checkout
    checkout.scan(demo_products[0].barcode)
    checkout.scan("/ABC1234")
    parked_id = checkout.suspend()
    assert checkout.cart.carrier == ""
    checkout.resume(parked_id)
    assert checkout.cart.carrier == "/ABC1234"


def test_eight_digits_that_are_no_product_but_a_tax_id_attach_the_buyer(services):
    # 10000021 is a valid EAN-8 and a valid 統一編號; no product has it
    result = services.checkout.scan("10000021")
    assert result.ok and result.attached == "tax_id"
    assert services.checkout.cart.buyer_tax_id == "10000021"
