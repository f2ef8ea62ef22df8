"""The first-run wizard's device page: receipt printer, scanner and camera, each with a test.

Only what a new counter needs is asked (printer address and paper width, a test scan
or a serial scanner, the camera source); everything else keeps its current value and
is on the full device page (Ctrl+Shift+D, :mod:`app.ui.device_settings_dialog`).
Next checks the values (:class:`app.services.terminal.TerminalDevices`) and saves
them with ``services.save_devices`` on the ledger writer.
"""

from __future__ import annotations

from concurrent.futures import Executor, Future
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.services import first_run
from app.services.runtime.terminal import TerminalDevices
from app.ui.camera_preview import CameraDialog
from app.ui.device_settings_dialog import describe_scan
from app.ui.messages import message_for, setting_message
from app.ui.ops import run_op
from app.ui.wizard_pages import StepPage
from hardware.config import SettingError


class DevicesPage(StepPage):
    step = "devices"

    def __init__(self, services, pool: Executor, parent=None) -> None:
        super().__init__(services, pool, parent)
        current = services.devices.devices
        self.printer_box, self.scanner_box, self.camera_box = QGroupBox(), QGroupBox(), QGroupBox()
        self.labels: dict[str, QLabel] = {}

        self.printer_url = QLineEdit(current.printer.url)
        self.printer_url.setObjectName("printerUrl")
        self.width_cols = QComboBox()
        self.width_cols.setObjectName("paperWidth")
        self.width_cols.addItem("", 32)
        self.width_cols.addItem("", 48)
        self.width_cols.setCurrentIndex(max(0, self.width_cols.findData(current.printer.width_cols)))
        self.test_print = QPushButton()
        self.test_print.setObjectName("testPrint")
        self.test_print.clicked.connect(self.on_test_print_clicked)
        self.printer_result = self._result("printerResult")
        form = self._form(self.printer_box, [("url", self.printer_url),
                                             ("width", self.width_cols)])
        form.addRow(self._row(self.test_print))
        form.addRow(self.printer_result)

        self.test_scan = QLineEdit()
        self.test_scan.setObjectName("testScan")
        self.test_scan.installEventFilter(self)  # Enter tests the scan, it does not go Next
        self.scan_result = self._result("testScanResult")
        self.serial_url = QLineEdit(current.scanner.serial_url)
        self.serial_url.setObjectName("serialUrl")
        self.serial_url.setPlaceholderText("serial:///dev/ttyACM0")
        form = self._form(self.scanner_box, [("scan", self.test_scan)])
        form.addRow(self.scan_result)
        form.addRow(self._label("serial"), self.serial_url)

        self.camera_source = QLineEdit(current.camera.source)
        self.camera_source.setObjectName("cameraSource")
        self.test_camera = QPushButton()
        self.test_camera.setObjectName("testCamera")
        self.test_camera.clicked.connect(self.on_test_camera_clicked)
        self.camera_result = self._result("cameraResult")
        self.camera_dialog: CameraDialog | None = None
        form = self._form(self.camera_box, [("camera", self.camera_source)])
        form.addRow(self._row(self.test_camera))
        form.addRow(self.camera_result)

        layout = QVBoxLayout(self)
        for box in (self.printer_box, self.scanner_box, self.camera_box):
            layout.addWidget(box)
        layout.addWidget(self.status)
        self.retranslate()

    # --- building ------------------------------------------------------------------------
    def _label(self, key: str) -> QLabel:
        self.labels[key] = QLabel()
        return self.labels[key]

    def _form(self, box: QGroupBox, rows: list) -> QFormLayout:
        form = QFormLayout(box)
        for key, field in rows:
            form.addRow(self._label(key), field)
        return form

    @staticmethod
    def _row(button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        return row

    @staticmethod
    def _result(name: str) -> QLabel:
        label = _ResultLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.hide()  # an empty line would take a row's height on a full page
        return label

    def retranslate(self) -> None:
        self.setTitle(self.tr("設備"))
        self.setSubTitle(self.tr("收據印表機、掃描器與相機。每項都能先測試；"
                                 "其他設定在設備設定 (Ctrl+Shift+D)。"))
        self.printer_box.setTitle(self.tr("收據印表機"))
        self.scanner_box.setTitle(self.tr("掃描器"))
        self.camera_box.setTitle(self.tr("相機（可不設定）"))
        words = {"url": self.tr("印表機位址"), "width": self.tr("紙寬"),
                 "scan": self.tr("測試掃描"), "serial": self.tr("序列埠掃描器"),
                 "camera": self.tr("相機來源")}
        for key, text in words.items():
            self.labels[key].setText(text)
        self.printer_url.setPlaceholderText(
            self.tr("tcp://192.168.1.50:9100、usb://0x04b8:0x0202；留空：{0}").format(
                self.services.print_queue.printer.url))
        self.width_cols.setItemText(0, self.tr("58 mm (每行 32 字)"))
        self.width_cols.setItemText(1, self.tr("80 mm (每行 48 字)"))
        self.test_print.setText(self.tr("測試列印"))
        self.test_scan.setPlaceholderText(
            self.tr("USB 掃描器：點這裡，現在掃一個條碼，看看讀到什麼"))
        self.camera_source.setPlaceholderText(self.tr("0、/dev/video0 或影片檔，留空：不使用"))
        self.test_camera.setText(self.tr("測試相機"))

    # --- what is on the page -------------------------------------------------------------
    def form_settings(self) -> tuple[TerminalDevices, list[SettingError]]:
        """The current settings with this page's fields changed (the rest kept)."""
        data = self.services.devices.to_dict()
        data["printer"] = {**data["printer"], "url": self.printer_url.text().strip(),
                           "width_cols": self.width_cols.currentData()}
        data["scanner"] = {**data["scanner"], "serial_url": self.serial_url.text().strip()}
        data["camera"] = {**data["camera"], "source": self.camera_source.text().strip()}
        return TerminalDevices.from_dict(data)

    def _checked(self) -> TerminalDevices | None:
        devices, errors = self.form_settings()
        if not errors:
            return devices
        names = {"printer.url": self.labels["url"].text(),
                 "scanner.serial_url": self.labels["serial"].text(),
                 "camera.source": self.labels["camera"].text()}
        self.say("\n".join(setting_message(names.get(e.key, e.key), e.code) for e in errors),
                 "error")
        return None

    # --- tests ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if (watched is self.test_scan and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.on_test_scan_submitted()
            return True
        return super().eventFilter(watched, event)

    def on_test_scan_submitted(self) -> None:
        code = self.test_scan.text()
        devices, _errors = self.form_settings()
        self.scan_result.setText(self.tr("讀到「{0}」：{1}").format(
            code, describe_scan(code, devices.scan_config())))
        self.test_scan.clear()

    def on_test_print_clicked(self) -> None:
        devices = self._checked()
        if devices is None:
            return
        self.test_print.setEnabled(False)
        self.printer_result.setText(self.tr("列印中…"))
        run_op(self, partial(self.services.print_test_receipt,
                             self.services.printer_for(devices)),
               self.on_test_print_done, on_error=self.on_test_print_failed,
               executor=self._pool, errors=(Exception,))

    def on_test_print_done(self, _none: None = None) -> None:
        self.test_print.setEnabled(True)
        self.printer_result.setText(self.tr("測試收據已送出，請看印表機是否印出"))

    def on_test_print_failed(self, exc: Exception) -> None:
        self.test_print.setEnabled(True)
        self.printer_result.setText(message_for(getattr(exc, "code", "unknown"), str(exc)))

    def on_test_camera_clicked(self) -> None:
        devices = self._checked()
        if devices is None:
            return
        missing = first_run.camera_missing()
        camera = devices.devices.camera
        if "opencv" in missing and not camera.source.lower().startswith("fake:"):
            self.camera_result.setText(self.tr("找不到 OpenCV：無法使用相機，其他功能不受影響"))
            return
        notes = []
        if "zbar" in missing:
            notes.append(self.tr("找不到 zbar 解碼程式庫 (libzbar0)：只能預覽，無法讀碼"))
        if not camera.source:
            notes.append(self.tr("尚未設定相機來源：沒有相機可留空"))
            self.camera_result.setText("\n".join(notes))
            return
        self.close_camera()
        dialog = self.camera_dialog = CameraDialog(camera, self)
        dialog.sig_code.connect(lambda code: dialog.show_result(self.tr("讀到「{0}」").format(code)))
        dialog.open()
        dialog.preview.start()
        notes.append(self.tr("相機預覽已開啟：把 QR 碼對準相機"))
        self.camera_result.setText("\n".join(notes))

    # --- Next ----------------------------------------------------------------------------
    def work(self) -> Future | bool:
        devices = self._checked()
        if devices is None:
            return False
        self.say(self.tr("儲存中…"))
        return self.services.writer.submit(self.services.save_devices, devices)

    def on_work_done(self, result: object) -> None:
        self.say(self.tr("設備設定已儲存"), "ok")

    def close_camera(self) -> None:
        if self.camera_dialog is not None:
            self.camera_dialog.reject()  # stops the preview's camera
            self.camera_dialog = None

    def cleanupPage(self) -> None:  # noqa: N802 (Qt name)
        self.close_camera()
        super().cleanupPage()


class _ResultLabel(QLabel):
    """A test's outcome: shown once there is something to say."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setVisible(bool(text))
