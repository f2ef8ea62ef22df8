"""A small live camera preview that reads QR codes, for the coupon and member dialogs.

API (for embedding, e.g. in ``member_dialog.py``)::

    from app.ui.camera_preview import CameraPreview
    preview = CameraPreview(services.devices.devices.camera, parent=dialog)
    preview.sig_code.connect(on_code)      # str: one decoded QR payload, once per code
    layout.addWidget(preview)
    preview.start()                        # the configured source; or start("fake:")
    ...                                    # the camera stops when the widget is hidden
    preview.stop()                         # or explicitly; safe to call twice

- ``sig_code(str)``: a decoded code. A code held in front of the camera is reported once
  (again only after it was out of view for ``dedupe_s``).
- ``sig_status(str, str)``: the camera's status code and detail (``started``,
  ``unavailable``, ``zbar_missing``, ``lost``, ``ended``, ``stopped``, and ``no_source``
  when no camera is configured). The widget also says it in words under the picture.
- ``sig_rejected(str)``: a QR that was refused (``too_long``, ``binary``); nothing else
  happens.
- ``camera``: the running :class:`hardware.camera.Camera` (a ``FakeCamera`` for
  ``fake:``, whose ``show(payload_or_frame)`` feeds it in tests and demos).

Decoding runs on the camera's worker thread (:mod:`hardware.camera`); frames reach this
widget through a signal and become a ``QImage`` on the GUI thread. Without the zbar
library the preview still shows and the widget says that codes cannot be read.

:class:`CameraDialog` wraps the preview in a dialog (the checkout's camera button).
"""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from hardware.camera import QR_ONLY, Camera, CodeRead, camera_from_source
from hardware.config import CameraSettings

logger = logging.getLogger(__name__)

NO_SOURCE = "no_source"


class CameraPreview(QWidget):
    sig_code = Signal(str)
    """A decoded code (its text), once per code held in view."""
    sig_status = Signal(str, str)
    """(status code, detail) from the camera; see the module docstring."""
    sig_rejected = Signal(str)
    """A refused QR: ``too_long`` or ``binary``."""

    # from the camera's worker thread to the GUI thread
    _sig_frame = Signal(object)
    """(frame): a picture for the preview, from the camera thread."""
    _sig_read = Signal(object)
    """(read code): a code decoded on the camera thread."""
    _sig_camera_status = Signal(str, str)
    """(status code, detail): the camera thread's state (see the module docstring)."""

    def __init__(self, settings: CameraSettings | None = None, parent: QWidget | None = None,
                 *, symbologies: tuple[str, ...] = QR_ONLY) -> None:
        super().__init__(parent)
        self.settings = settings or CameraSettings()
        self.symbologies = symbologies
        self.camera: Camera | None = None
        self.frames_shown = 0
        self.picture = QLabel()
        self.picture.setObjectName("cameraPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(320, 240)
        self.picture.setStyleSheet("background: #222;")
        self.status = QLabel(self.tr("相機未啟動"))
        self.status.setObjectName("cameraStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.status)
        self._sig_frame.connect(self.on_camera_frame)
        self._sig_read.connect(self.on_camera_read)
        self._sig_camera_status.connect(self.on_camera_status)

    def start(self, source: str | None = None) -> bool:
        """Start the camera (``source`` or the configured one); False if there is none."""
        self.stop()
        source = (self.settings.source if source is None else source).strip()
        if not source:
            self.on_camera_status(NO_SOURCE, "")
            return False
        s = self.settings
        kw = dict(on_code=self._sig_read.emit, on_frame=self._sig_frame.emit,
                  on_status=self._sig_camera_status.emit, dedupe_s=s.dedupe_s,
                  max_payload_bytes=s.max_payload_bytes, symbologies=self.symbologies)
        if not source.lower().startswith("fake:"):
            kw.update(width=s.width, height=s.height, preview_fps=s.preview_fps,
                      decode_fps=s.decode_fps)
            if not (source.isdigit() or source.startswith("/dev/")):
                kw["max_fps"] = s.decode_fps  # a video file plays at the decode rate
        try:
            self.camera = camera_from_source(source, **kw)
        except ValueError as exc:
            self.on_camera_status("unavailable", str(exc))
            return False
        self.status.setText(self.tr("相機啟動中…"))
        self.camera.start()
        return True

    def stop(self) -> None:
        camera, self.camera = self.camera, None
        if camera is not None:
            camera.stop()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.stop()  # a hidden preview never keeps the camera busy
        super().hideEvent(event)

    # --- from the worker -------------------------------------------------------------
    def on_camera_frame(self, frame: np.ndarray) -> None:
        if frame is None or frame.ndim != 3 or frame.shape[2] != 3:
            return
        frame = np.ascontiguousarray(frame)
        h, w = frame.shape[:2]
        image = QImage(frame.data, w, h, frame.strides[0], QImage.Format.Format_BGR888).copy()
        self.picture.setPixmap(QPixmap.fromImage(image).scaled(
            self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation))
        self.frames_shown += 1

    def on_camera_read(self, read: CodeRead) -> None:
        if not read.ok:
            logger.info("camera refused a code: %s", read.error)
            self.status.setText(self.tr("QR 碼內容過長或無法辨識，已略過"))
            self.sig_rejected.emit(read.error)
            return
        self.status.setText(self.tr("已讀取 QR 碼"))
        self.sig_code.emit(read.text)

    def on_camera_status(self, status: str, detail: str) -> None:
        words = {
            NO_SOURCE: self.tr("尚未設定相機：請在設備設定 (Ctrl+Shift+D) 選擇相機"),
            "started": self.tr("請將 QR 碼對準相機"),
            "unavailable": self.tr("無法開啟相機，請檢查連接線或設備設定"),
            "zbar_missing": self.tr(
                "找不到 zbar 解碼程式庫 (libzbar0)：只能預覽，無法讀碼。請改用掃描器或手動輸入"),
            "lost": self.tr("相機已中斷，請檢查連接線"),
            "ended": self.tr("影片已播放完畢"),
            "stopped": self.tr("相機已停止"),
        }
        self.status.setText(words.get(status, status))
        self.status.setToolTip(detail)
        self.sig_status.emit(status, detail)


class CameraDialog(QDialog):
    """The checkout's camera button: a preview; each code goes to ``on_code`` (the
    window's scan handler), whose words show under the picture."""

    sig_code = Signal(str)
    """A decoded code, forwarded from the preview."""

    def __init__(self, settings: CameraSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("相機掃描 QR 碼（會員 / 優惠券）"))
        self.preview = CameraPreview(settings, self)
        self.preview.sig_code.connect(self.sig_code)
        self.result = QLabel()
        self.result.setObjectName("cameraResult")
        self.result.setWordWrap(True)
        close = QPushButton(self.tr("關閉 (Esc)"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.result)
        layout.addWidget(close)
        self.resize(480, 440)

    def show_result(self, text: str) -> None:
        self.result.setText(text)

    def done(self, result: int) -> None:
        self.preview.stop()
        super().done(result)
