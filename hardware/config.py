"""Device settings: what the device page edits and the terminal stores. Pure, no Qt.

Usage::

    from hardware.config import DeviceSettings
    settings, errors = DeviceSettings.from_dict(stored)   # never raises
    for e in errors: warn(e.key, e.code)                  # ("printer.width_cols", "not_allowed")
    stored = settings.to_dict()                           # JSON-ready, round-trips
    settings.scanner.wedge_config()                       # -> hardware.wedge.WedgeConfig

A bad or missing value falls back to its default and, when bad, is reported as a
:class:`SettingError` with a code (``bad_type``, ``out_of_range``, ``not_allowed``,
``bad_url``, ``unknown_key``); the UI turns codes into words.
"""

from __future__ import annotations

import dataclasses
import urllib.parse
from dataclasses import dataclass, field, fields
from typing import Any

from hardware.wedge import TERMINATOR_NAMES, WedgeConfig

__all__ = [
    "CameraSettings",
    "DeviceSettings",
    "PrinterSettings",
    "ScannerSettings",
    "SettingError",
]

# SettingError codes (the UI turns them into words), for devices and preferences alike
BAD_TYPE = "bad_type"
OUT_OF_RANGE = "out_of_range"  # detail: "low-high"
NOT_ALLOWED = "not_allowed"  # not one of the choices
BAD_URL = "bad_url"
UNKNOWN_KEY = "unknown_key"
TOO_LONG = "too_long"  # detail: the most characters allowed
BAD_TEXT = "bad_text"  # a line break or another control character

_PRINTER_SCHEMES = ("tcp", "socket", "usb", "serial", "file", "dummy")
_SCANNER_SCHEMES = ("serial", "fake", "loop", "socket", "rfc2217")


@dataclass(eq=True)
class SettingError(Exception):
    """A setting refused: ``key`` names it ("section.field"), ``code`` says why, and
    ``detail`` carries data for the words (e.g. the allowed range). The one class for
    device settings here and the terminal's preferences (app.services.settings):
    returned in a list when a stored value falls back, raised when one is set."""

    key: str
    code: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.key}: {self.code}" + (f" ({self.detail})" if self.detail else "")


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: type | tuple[type, ...]
    low: float | None = None
    high: float | None = None
    choices: tuple[Any, ...] = ()
    url_schemes: tuple[str, ...] = ()


def _rule(**kw: Any) -> dict[str, Any]:
    return {"rule": _Rule(**kw)}


def _url_ok(url: str, schemes: tuple[str, ...]) -> bool:
    if url == "":
        return True  # not configured
    if url.startswith("/dev/") or url.upper().startswith("COM"):
        return "serial" in schemes
    return urllib.parse.urlsplit(url).scheme.lower() in schemes


def _check(rule: _Rule, value: Any) -> tuple[Any, str]:
    """``(value, "")`` or ``(None, code)``."""
    kinds = rule.kind if isinstance(rule.kind, tuple) else (rule.kind,)
    if isinstance(value, bool) and bool not in kinds:
        return None, BAD_TYPE
    if float in kinds and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if tuple in kinds and isinstance(value, list):
        value = tuple(value)
    if not isinstance(value, kinds):
        return None, BAD_TYPE
    if isinstance(value, tuple):
        if not all(isinstance(v, str) and v in rule.choices for v in value) or not value:
            return None, NOT_ALLOWED
        return value, ""
    if rule.choices and value not in rule.choices:
        return None, NOT_ALLOWED
    if rule.low is not None and value < rule.low or rule.high is not None and value > rule.high:
        return None, OUT_OF_RANGE
    if rule.url_schemes and not _url_ok(value.strip(), rule.url_schemes):
        return None, BAD_URL
    return value.strip() if isinstance(value, str) else value, ""


class _Section:
    """from_dict/to_dict for a frozen dataclass whose fields carry a ``rule``."""

    __slots__ = ()

    @classmethod
    def from_dict(cls, data: Any, prefix: str = "") -> tuple[Any, list[SettingError]]:
        name = prefix or cls.__name__
        if not isinstance(data, dict):
            return cls(), ([] if data is None else [SettingError(name, BAD_TYPE)])
        values: dict[str, Any] = {}
        errors: list[SettingError] = []
        known = {f.name: f for f in fields(cls)}  # type: ignore[arg-type]
        for key, value in data.items():
            f = known.get(key)
            if f is None:
                errors.append(SettingError(f"{name}.{key}", UNKNOWN_KEY))
                continue
            checked, code = _check(f.metadata["rule"], value)
            if code:
                errors.append(SettingError(f"{name}.{key}", code))
            else:
                values[key] = checked
        return cls(**values), errors

    def to_dict(self) -> dict[str, Any]:
        return {
            f.name: list(v) if isinstance(v := getattr(self, f.name), tuple) else v
            for f in fields(self)  # type: ignore[arg-type]
        }


@dataclass(frozen=True, slots=True)
class ScannerSettings(_Section):
    """Keyboard-wedge timing, and an optional serial scanner (``serial_url``, see
    :func:`hardware.scanners.scanner_from_url`; empty: none)."""

    wedge_max_gap_ms: float = field(default=40.0, metadata=_rule(kind=float, low=5, high=500))
    wedge_min_length: int = field(default=4, metadata=_rule(kind=int, low=1, high=64))
    wedge_max_length: int = field(default=512, metadata=_rule(kind=int, low=8, high=4096))
    terminators: tuple[str, ...] = field(
        default=("enter", "tab"), metadata=_rule(kind=tuple, choices=tuple(TERMINATOR_NAMES))
    )
    serial_url: str = field(default="", metadata=_rule(kind=str, url_schemes=_SCANNER_SCHEMES))

    def wedge_config(self) -> WedgeConfig:
        return WedgeConfig.from_names(
            self.terminators,
            max_gap_ms=self.wedge_max_gap_ms,
            min_length=min(self.wedge_min_length, self.wedge_max_length),
            max_length=self.wedge_max_length,
        )


@dataclass(frozen=True, slots=True)
class PrinterSettings(_Section):
    """The receipt printer (``url`` as in :mod:`hardware.printer_backends`; empty: none)."""

    url: str = field(default="", metadata=_rule(kind=str, url_schemes=_PRINTER_SCHEMES))
    width_cols: int = field(default=32, metadata=_rule(kind=int, choices=(32, 48)))
    mode: str = field(default="text", metadata=_rule(kind=str, choices=("text", "raster")))
    encoding: str = field(default="cp950", metadata=_rule(kind=str, choices=("cp950", "big5")))
    logo_path: str = field(default="", metadata=_rule(kind=str))
    drawer_kick_on_cash: bool = field(default=True, metadata=_rule(kind=bool))
    drawer_pin: int = field(default=2, metadata=_rule(kind=int, choices=(2, 5)))
    timeout_s: float = field(default=5.0, metadata=_rule(kind=float, low=0.2, high=60))


@dataclass(frozen=True, slots=True)
class CameraSettings(_Section):
    """The QR camera: ``source`` is ``""`` (none), an index (``"0"``), a device path,
    a video file or ``fake:`` (see :func:`hardware.camera.camera_from_source`)."""

    source: str = field(default="", metadata=_rule(kind=str))
    width: int = field(default=640, metadata=_rule(kind=int, low=160, high=3840))
    height: int = field(default=480, metadata=_rule(kind=int, low=120, high=2160))
    dedupe_s: float = field(default=2.0, metadata=_rule(kind=float, low=0, high=60))
    preview_fps: float = field(default=10.0, metadata=_rule(kind=float, low=1, high=60))
    decode_fps: float = field(default=10.0, metadata=_rule(kind=float, low=1, high=60))
    max_payload_bytes: int = field(default=2048, metadata=_rule(kind=int, low=16, high=4096))


_SECTIONS = {"scanner": ScannerSettings, "printer": PrinterSettings, "camera": CameraSettings}


@dataclass(frozen=True, slots=True)
class DeviceSettings:
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    camera: CameraSettings = field(default_factory=CameraSettings)

    @classmethod
    def from_dict(cls, data: Any) -> tuple[DeviceSettings, list[SettingError]]:
        """Settings from stored data (e.g. parsed JSON). Never raises."""
        if not isinstance(data, dict):
            return cls(), ([] if data is None else [SettingError("devices", BAD_TYPE)])
        errors: list[SettingError] = []
        parts: dict[str, Any] = {}
        for key, value in data.items():
            section = _SECTIONS.get(key)
            if section is None:
                errors.append(SettingError(str(key), UNKNOWN_KEY))
                continue
            parts[key], errs = section.from_dict(value, key)
            errors += errs
        return cls(**parts), errors

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name).to_dict() for name in _SECTIONS}

    def replace(self, **sections: Any) -> DeviceSettings:
        return dataclasses.replace(self, **sections)
