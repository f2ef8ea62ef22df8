"""Device settings: defaults, round trip, and codes for bad values (never an exception)."""

from __future__ import annotations

import json

import pytest

from hardware.config import (
    CameraSettings,
    DeviceSettings,
    PrinterSettings,
    ScannerSettings,
    SettingError,
)
from hardware.wedge import WedgeConfig


def test_defaults_round_trip_through_json() -> None:
    settings = DeviceSettings()
    data = json.loads(json.dumps(settings.to_dict()))
    assert DeviceSettings.from_dict(data) == (settings, [])
    assert data["printer"]["width_cols"] == 32 and data["scanner"]["terminators"] == ["enter", "tab"]


def test_custom_values_are_kept() -> None:
    data = {
        "scanner": {"wedge_max_gap_ms": 25, "terminators": ["enter"],
                    "serial_url": "serial:///dev/ttyACM0?baudrate=115200"},
        "printer": {"url": "tcp://10.0.0.5:9100", "width_cols": 48, "mode": "raster",
                    "logo_path": "/srv/logo.png", "drawer_pin": 5},
        "camera": {"source": "/dev/video2", "dedupe_s": 3},
    }
    settings, errors = DeviceSettings.from_dict(data)
    assert errors == []
    assert settings.printer == PrinterSettings(
        url="tcp://10.0.0.5:9100", width_cols=48, mode="raster", logo_path="/srv/logo.png",
        drawer_pin=5,
    )
    assert settings.camera == CameraSettings(source="/dev/video2", dedupe_s=3.0)
    assert settings.scanner.wedge_config() == WedgeConfig(max_gap_ms=25.0, terminators=("\r", "\n"))
    assert DeviceSettings.from_dict(settings.to_dict()) == (settings, [])


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"printer": {"width_cols": 40}}, SettingError("printer.width_cols", "not_allowed")),
        ({"printer": {"width_cols": "32"}}, SettingError("printer.width_cols", "bad_type")),
        ({"printer": {"timeout_s": 0}}, SettingError("printer.timeout_s", "out_of_range")),
        ({"printer": {"url": "http://x"}}, SettingError("printer.url", "bad_url")),
        ({"printer": {"drawer_kick_on_cash": "yes"}},
         SettingError("printer.drawer_kick_on_cash", "bad_type")),
        ({"printer": {"colour": "red"}}, SettingError("printer.colour", "unknown_key")),
        ({"scanner": {"terminators": ["space"]}}, SettingError("scanner.terminators", "not_allowed")),
        ({"scanner": {"terminators": []}}, SettingError("scanner.terminators", "not_allowed")),
        ({"scanner": {"wedge_min_length": True}}, SettingError("scanner.wedge_min_length", "bad_type")),
        ({"scanner": {"serial_url": "usb://1:2"}}, SettingError("scanner.serial_url", "bad_url")),
        ({"camera": {"width": 10}}, SettingError("camera.width", "out_of_range")),
        ({"camera": "0"}, SettingError("camera", "bad_type")),
        ({"drawer": {}}, SettingError("drawer", "unknown_key")),
    ],
)
def test_bad_values_fall_back_to_defaults_with_a_code(data, error) -> None:
    settings, errors = DeviceSettings.from_dict(data)
    assert errors == [error]
    assert settings == DeviceSettings()


def test_not_a_dict() -> None:
    assert DeviceSettings.from_dict(None) == (DeviceSettings(), [])
    assert DeviceSettings.from_dict([1]) == (DeviceSettings(), [SettingError("devices", "bad_type")])


def test_good_values_survive_next_to_bad_ones() -> None:
    settings, errors = DeviceSettings.from_dict({"printer": {"width_cols": 48, "mode": "pdf"}})
    assert settings.printer.width_cols == 48 and settings.printer.mode == "text"
    assert errors == [SettingError("printer.mode", "not_allowed")]


def test_serial_device_paths_are_scanner_urls() -> None:
    settings, errors = DeviceSettings.from_dict({"scanner": {"serial_url": "/dev/ttyUSB0"}})
    assert errors == [] and settings.scanner == ScannerSettings(serial_url="/dev/ttyUSB0")
