"""The device page (Ctrl+Shift+D): scanner, receipt printer and QR camera, each with a test.

What is on the page is checked by :class:`app.services.terminal.TerminalDevices`
(``hardware.config.DeviceSettings`` plus the variable-measure layout); a refused value
is named in words and nothing is saved. Saving stores the settings in the ledger
(``settings`` key ``devices``) and applies them at once.
"""

from __future__ import annotations

from concurrent.futures import Executor
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.codes import ScanConfig, classify_scan
from app.services.runtime.terminal import TerminalDevices
from app.ui.camera_preview import CameraPreview
from app.ui.dialog_buttons import ok_cancel
from app.ui.messages import message_for, printer_problem, setting_message
from app.ui.ops import run_op
from hardware.config import CameraSettings, SettingError


def _spin(low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


def _dspin(low: float, high: float, value: float, decimals: int = 1) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(decimals)
    box.setRange(low, high)
    box.setValue(value)
    return box


def _combo(items: list[tuple[str, object]], current: object) -> QComboBox:
    box = QComboBox()
    for text, data in items:
        box.addItem(text, data)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeviceSettingsDialog", text)


def describe_scan(code: str, config: ScanConfig) -> str:
    """What the till makes of a test scan, in words (the device page, the first-run wizard)."""
    scanned = classify_scan(code, config)
    if not scanned.ok:
        return _tr("無法使用：{0}").format(message_for(scanned.reason, scanned.code))
    text = _tr("種類：{0}  內容：{1}").format(scanned.kind, scanned.code)
    if scanned.measure is not None:
        text += _tr("  品號 {0}  數值 {1}").format(scanned.item, scanned.measure)
    return text


class DeviceSettingsDialog(QDialog):
    """``saved`` holds the settings once they were stored."""

    def __init__(self, services, pool: Executor, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("設備設定"))
        self.resize(640, 560)
        self.services = services
        self._pool = pool
        self.saved: TerminalDevices | None = None
        current = services.devices
        tabs = QTabWidget()
        tabs.addTab(self._scanner_page(current), self.tr("掃描器"))
        tabs.addTab(self._printer_page(current), self.tr("收據印表機"))
        tabs.addTab(self._camera_page(current.devices.camera), self.tr("相機"))
        self.tabs = tabs
        self.info = QLabel()
        self.info.setObjectName("deviceInfo")
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.info)
        layout.addWidget(ok_cancel(self.tr("儲存"), self.on_save_clicked, self.reject))

    # --- pages -----------------------------------------------------------------------------
    def _scanner_page(self, current: TerminalDevices) -> QWidget:
        s = current.devices.scanner
        self.gap = _dspin(5, 500, s.wedge_max_gap_ms, 0)
        self.min_length = _spin(1, 64, s.wedge_min_length)
        self.max_length = _spin(8, 4096, s.wedge_max_length)
        self.end_enter = QCheckBox("Enter")
        self.end_tab = QCheckBox("Tab")
        self.end_enter.setChecked("enter" in s.terminators)
        self.end_tab.setChecked("tab" in s.terminators)
        ends = QHBoxLayout()
        ends.addWidget(self.end_enter)
        ends.addWidget(self.end_tab)
        self.serial_url = QLineEdit(s.serial_url)
        self.serial_url.setObjectName("serialUrl")
        self.serial_url.setPlaceholderText(self.tr("serial:///dev/ttyACM0，留空：不使用"))
        vm = current.variable_measure
        self.vm_kind = _combo([(self.tr("不使用"), ""), (self.tr("條碼內含價格"), "price"),
                               (self.tr("條碼內含重量"), "weight")], vm.value_kind if vm else "")
        self.vm_item_digits = _spin(1, 10, vm.item_digits if vm else 6)
        self.vm_skip_digits = _spin(0, 3, vm.skip_digits if vm else 0)
        self.vm_decimals = _spin(0, 5, vm.decimals if vm else 0)
        self.test_scan = QLineEdit()
        self.test_scan.setObjectName("testScan")
        self.test_scan.setPlaceholderText(self.tr("在此掃描一個條碼，看看系統怎麼判讀"))
        self.test_scan.returnPressed.connect(self.on_test_scan_submitted)
        self.test_scan_result = QLabel()
        self.test_scan_result.setObjectName("testScanResult")
        self.test_scan_result.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("按鍵最大間隔 (毫秒)"), self.gap)
        form.addRow(self.tr("條碼最短長度"), self.min_length)
        form.addRow(self.tr("條碼最長長度"), self.max_length)
        form.addRow(self.tr("結束鍵"), ends)
        form.addRow(self.tr("序列埠掃描器"), self.serial_url)
        form.addRow(self.tr("秤重 / 計價條碼 (2 開頭)"), self.vm_kind)
        form.addRow(self.tr("品號位數"), self.vm_item_digits)
        form.addRow(self.tr("略過位數 (價格檢查碼)"), self.vm_skip_digits)
        form.addRow(self.tr("小數位數 (重量 3 = 公斤)"), self.vm_decimals)
        form.addRow(self.tr("測試掃描"), self.test_scan)
        form.addRow("", self.test_scan_result)
        page = QWidget()
        page.setLayout(form)
        return page

    def _printer_page(self, current: TerminalDevices) -> QWidget:
        p = current.devices.printer
        self.printer_url = QLineEdit(p.url)
        self.printer_url.setObjectName("printerUrl")
        self.printer_url.setPlaceholderText(
            self.tr("目前使用：{0}").format(self.services.print_queue.printer.url))
        self.width_cols = _combo([(self.tr("58 mm (每行 32 字)"), 32),
                                  (self.tr("80 mm (每行 48 字)"), 48)], p.width_cols)
        self.mode = _combo([(self.tr("文字 (印表機 Big5 字型)"), "text"),
                            (self.tr("圖像 (印表機沒有中文字型時)"), "raster")], p.mode)
        self.encoding = _combo([("cp950", "cp950"), ("big5", "big5")], p.encoding)
        self.logo_path = QLineEdit(p.logo_path)
        self.logo_path.setPlaceholderText(self.tr("商店標誌圖檔路徑 (可留空)"))
        self.drawer_kick = QCheckBox(self.tr("現金付款時開錢櫃"))
        self.drawer_kick.setChecked(p.drawer_kick_on_cash)
        self.drawer_pin = _combo([(self.tr("第 2 腳"), 2), (self.tr("第 5 腳"), 5)], p.drawer_pin)
        self.timeout = _dspin(0.2, 60, p.timeout_s)
        test = QPushButton(self.tr("測試列印"))
        test.setObjectName("testPrint")
        test.clicked.connect(self.on_test_print_clicked)
        check = QPushButton(self.tr("檢查狀態"))
        check.setObjectName("checkPrinter")
        check.clicked.connect(self.on_check_printer_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(test)
        buttons.addWidget(check)
        self.printer_result = QLabel()
        self.printer_result.setObjectName("printerResult")
        self.printer_result.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("印表機位址"), self.printer_url)
        if self.services.printer_url_override:
            form.addRow("", QLabel(self.tr("啟動參數 --printer 優先於此設定")))
        form.addRow(self.tr("紙寬"), self.width_cols)
        form.addRow(self.tr("列印方式"), self.mode)
        form.addRow(self.tr("編碼"), self.encoding)
        form.addRow(self.tr("標誌"), self.logo_path)
        form.addRow("", self.drawer_kick)
        form.addRow(self.tr("錢櫃接腳"), self.drawer_pin)
        form.addRow(self.tr("逾時 (秒)"), self.timeout)
        form.addRow(buttons)
        form.addRow(self.printer_result)
        page = QWidget()
        page.setLayout(form)
        return page

    def _camera_page(self, c: CameraSettings) -> QWidget:
        self.camera_source = QLineEdit(c.source)
        self.camera_source.setObjectName("cameraSource")
        self.camera_source.setPlaceholderText(self.tr("0、/dev/video0 或影片檔，留空：不使用"))
        self.dedupe = _dspin(0, 60, c.dedupe_s)
        self.preview_fps = _dspin(1, 60, c.preview_fps)
        self.decode_fps = _dspin(1, 60, c.decode_fps)
        self.preview = CameraPreview(c, self)
        start = QPushButton(self.tr("開始預覽"))
        start.setObjectName("startPreview")
        start.clicked.connect(self.on_preview_clicked)
        self.camera_result = QLabel()
        self.camera_result.setObjectName("cameraReadResult")
        self.preview.sig_code.connect(
            lambda code: self.camera_result.setText(self.describe_scan(code)))
        form = QFormLayout()
        form.addRow(self.tr("相機來源"), self.camera_source)
        form.addRow(self.tr("同一 QR 碼重複讀取間隔 (秒)"), self.dedupe)
        form.addRow(self.tr("預覽每秒張數"), self.preview_fps)
        form.addRow(self.tr("解碼每秒張數"), self.decode_fps)
        form.addRow(start)
        box = QVBoxLayout()
        box.addLayout(form)
        box.addWidget(self.preview, 1)
        box.addWidget(self.camera_result)
        page = QWidget()
        page.setLayout(box)
        return page

    # --- what is on the page ---------------------------------------------------------------
    def form_data(self) -> dict:
        ends = [n for n, box in (("enter", self.end_enter), ("tab", self.end_tab)) if box.isChecked()]
        kind = self.vm_kind.currentData()
        item, skip = self.vm_item_digits.value(), self.vm_skip_digits.value()
        layout = None if not kind else {
            "prefix": "2", "item_digits": item, "skip_digits": skip,
            "value_digits": 13 - 1 - 1 - item - skip, "value_kind": kind,
            "decimals": self.vm_decimals.value()}
        return {
            "scanner": {"wedge_max_gap_ms": self.gap.value(),
                        "wedge_min_length": self.min_length.value(),
                        "wedge_max_length": self.max_length.value(),
                        "terminators": ends, "serial_url": self.serial_url.text().strip()},
            "printer": {"url": self.printer_url.text().strip(),
                        "width_cols": self.width_cols.currentData(),
                        "mode": self.mode.currentData(), "encoding": self.encoding.currentData(),
                        "logo_path": self.logo_path.text().strip(),
                        "drawer_kick_on_cash": self.drawer_kick.isChecked(),
                        "drawer_pin": self.drawer_pin.currentData(),
                        "timeout_s": self.timeout.value()},
            "camera": {"source": self.camera_source.text().strip(), "dedupe_s": self.dedupe.value(),
                       "preview_fps": self.preview_fps.value(),
                       "decode_fps": self.decode_fps.value()},
            "variable_measure": layout,
        }  # fmt: skip

    def form_settings(self) -> tuple[TerminalDevices, list[SettingError]]:
        return TerminalDevices.from_dict(self.form_data())

    def _field_name(self, key: str) -> str:
        names = {
            "scanner.terminators": self.tr("結束鍵 (至少選一個)"),
            "scanner.serial_url": self.tr("序列埠掃描器"),
            "printer.url": self.tr("印表機位址"),
            "printer.logo_path": self.tr("標誌"),
            "camera.source": self.tr("相機來源"),
            "variable_measure": self.tr("秤重 / 計價條碼"),
        }
        return names.get(key, key)

    def _refused(self, errors: list[SettingError]) -> bool:
        if not errors:
            return False
        self.info.setText("\n".join(setting_message(self._field_name(e.key), e.code)
                                    for e in errors))
        self.info.setProperty("level", "error")
        return True

    # --- actions -----------------------------------------------------------------------------
    def on_save_clicked(self) -> None:
        devices, errors = self.form_settings()
        if self._refused(errors):
            return
        run_op(self, partial(self.services.save_devices, devices),
               lambda _none: self.on_saved(devices), on_error=self.on_save_failed,
               errors=(Exception,))

    def on_saved(self, devices: TerminalDevices) -> None:
        self.saved = devices
        self.accept()

    def on_save_failed(self, exc: Exception) -> None:
        """LedgerError: say it, keep the page open."""
        self.info.setText(message_for(getattr(exc, "code", "unknown"), str(exc)))

    def describe_scan(self, code: str) -> str:
        devices, _errors = self.form_settings()
        return describe_scan(code, devices.scan_config())

    def on_scanner_scan(self, code: str) -> None:
        """A wedge or serial scan while this page is open: it is the test scan."""
        self.test_scan.setText(code)
        self.on_test_scan_submitted()

    def on_test_scan_submitted(self) -> None:
        self.test_scan_result.setText(self.describe_scan(self.test_scan.text()))

    def _form_printer(self):
        devices, errors = self.form_settings()
        return None if self._refused(errors) else self.services.printer_for(devices)

    def on_test_print_clicked(self) -> None:
        printer = self._form_printer()
        if printer is None:
            return
        self.printer_result.setText(self.tr("列印中…"))
        run_op(self, partial(self.services.print_test_receipt, printer),
               self.on_test_print_done, on_error=self.on_test_print_failed,
               executor=self._pool, errors=(Exception,))

    def on_test_print_done(self, _none: None = None) -> None:
        self.printer_result.setText(self.tr("測試收據已送出"))

    def on_test_print_failed(self, exc: Exception) -> None:
        self.printer_result.setText(message_for(getattr(exc, "code", "unknown"), str(exc)))

    def on_check_printer_clicked(self) -> None:
        printer = self._form_printer()
        if printer is None:
            return
        self.printer_result.setText(self.tr("檢查中…"))
        run_op(self, partial(self.services.check_printer, printer), self.on_check_printer_done,
               executor=self._pool, errors=())  # never raises

    def on_check_printer_done(self, status) -> None:  # noqa: ANN001 (a PrinterStatus)
        if status.reason == "not_supported":
            self.printer_result.setText(self.tr("這台印表機不回報狀態"))
        elif status.problems:
            self.printer_result.setText(self.tr("、").join(printer_problem(p) for p in status.problems))
        else:
            self.printer_result.setText(self.tr("印表機正常"))

    def on_preview_clicked(self) -> None:
        devices, errors = self.form_settings()
        if self._refused(errors):
            return
        self.preview.settings = devices.devices.camera
        self.preview.start()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        # Enter in the test-scan field tests the scan; it must not save the page
        if self.test_scan.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        self.preview.stop()
        super().done(result)
