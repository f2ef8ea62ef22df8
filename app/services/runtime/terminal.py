"""Who this terminal is (store, terminal id, receipt header) and its devices."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import text

from app.domain.codes import ScanConfig, VariableMeasureLayout
from app.ledger.db import Ledger
from hardware.config import DeviceSettings, SettingError


@dataclass(frozen=True, slots=True)
class TerminalInfo:
    store_id: str = "S001"
    terminal_id: str = "T01"
    store_name: str = "OMO 示範門市 信義店"
    store_address: str = "台北市信義區市府路 1 號"
    store_tax_id: str = "04595257"
    cashier: str = "店員01"

    def receipt_no(self, seq: int) -> str:
        return f"{self.store_id}-{self.terminal_id}-{seq:06d}"


def load_terminal(ledger: Ledger, defaults: TerminalInfo | None = None) -> TerminalInfo:
    """The terminal identity stored in the ledger, saving ``defaults`` on first run."""
    defaults = defaults or TerminalInfo()
    names = [f.name for f in fields(TerminalInfo)]
    with ledger.write() as conn:
        stored = dict(
            conn.execute(
                text("SELECT key, value FROM settings WHERE key LIKE 'terminal.%'")
            ).all()
        )
        values = {}
        for name in names:
            key = f"terminal.{name}"
            if key in stored:
                values[name] = stored[key]
            else:
                values[name] = getattr(defaults, name)
                conn.execute(
                    text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                    {"k": key, "v": values[name]},
                )
    return TerminalInfo(**values)


# --- devices ---------------------------------------------------------------------------
DEVICES_KEY = "devices"
BAD_LAYOUT = "bad_layout"  # SettingError code: the variable-measure layout does not add up
BAD_JSON = "bad_json"
_LAYOUT_FIELDS = {f.name for f in dataclasses.fields(VariableMeasureLayout)}


@dataclass(frozen=True, slots=True)
class TerminalDevices:
    """The device page's settings: :class:`DeviceSettings` plus how this store's scales
    lay out GS1 variable-measure codes (``None``: prefix-2 codes are plain EAN-13s).

    Stored as one JSON object under the ``devices`` settings key: the sections of
    :meth:`DeviceSettings.to_dict` and ``"variable_measure"``.
    """

    devices: DeviceSettings = dataclasses.field(default_factory=DeviceSettings)
    variable_measure: VariableMeasureLayout | None = dataclasses.field(
        default_factory=VariableMeasureLayout
    )

    def scan_config(self) -> ScanConfig:
        return ScanConfig(variable_measure=self.variable_measure)

    def to_dict(self) -> dict[str, Any]:
        vm = self.variable_measure
        return {**self.devices.to_dict(),
                "variable_measure": dataclasses.asdict(vm) if vm else None}

    @classmethod
    def from_dict(cls, data: Any) -> tuple[TerminalDevices, list[SettingError]]:
        """Never raises: bad values fall back to defaults and come back as errors."""
        if not isinstance(data, dict):
            return cls(), ([] if data is None else [SettingError(DEVICES_KEY, "bad_type")])
        data = dict(data)
        errors: list[SettingError] = []
        layout: VariableMeasureLayout | None = VariableMeasureLayout()
        if "variable_measure" in data:
            raw = data.pop("variable_measure")
            if raw is None:
                layout = None
            elif isinstance(raw, dict) and set(raw) <= _LAYOUT_FIELDS:
                try:
                    layout = VariableMeasureLayout(**raw)
                except (TypeError, ValueError):
                    errors.append(SettingError("variable_measure", BAD_LAYOUT))
            else:
                errors.append(SettingError("variable_measure", BAD_LAYOUT))
        devices, more = DeviceSettings.from_dict(data)
        return cls(devices, layout), more + errors


def load_devices(ledger: Ledger) -> tuple[TerminalDevices, list[SettingError]]:
    """The stored device settings (defaults when none are stored yet)."""
    with ledger.read() as conn:
        raw = conn.execute(
            text("SELECT value FROM settings WHERE key = :k"), {"k": DEVICES_KEY}
        ).scalar_one_or_none()
    if raw is None:
        return TerminalDevices(), []
    try:
        data = json.loads(raw)
    except ValueError:
        return TerminalDevices(), [SettingError(DEVICES_KEY, BAD_JSON)]
    return TerminalDevices.from_dict(data)


def save_devices(ledger: Ledger, devices: TerminalDevices) -> None:
    value = json.dumps(devices.to_dict(), ensure_ascii=False, sort_keys=True)
    with ledger.write() as conn:
        conn.execute(
            text("INSERT INTO settings (key, value) VALUES (:k, :v) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
            {"k": DEVICES_KEY, "v": value},
        )
