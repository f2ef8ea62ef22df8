"""Find the member at the counter (mobile number or member card), or register them,
and attach them to the sale."""

from __future__ import annotations

import logging
from concurrent.futures import CancelledError, ThreadPoolExecutor
from functools import partial
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from app.domain.cart import CartMember
from app.domain.member_codes import KIND_MEMBER_CARD, KIND_MEMBER_QR, classify_member_or_coupon
from app.domain.members import MemberError
from app.services.records.member_payments import known_balances
from app.services.documents.members import register_member
from app.services.records.members import Member, MemberDirectory, Purchase, purchases_everywhere
from app.domain.store_time import STORE_TZ
from app.ui.dialog_buttons import ok_cancel
from app.ui.messages import message_for
from app.ui.ops import run_op

logger = logging.getLogger(__name__)


def _local_day(iso: str) -> str:
    try:
        return (datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(STORE_TZ)
            .strftime("%Y-%m-%d"))
    except ValueError:
        return iso[:10]


TIER_NAMES = {  # shown through self.tr()
    "": QT_TRANSLATE_NOOP("MemberDialog", "一般會員"),
    "silver": QT_TRANSLATE_NOOP("MemberDialog", "銀卡"),
    "gold": QT_TRANSLATE_NOOP("MemberDialog", "金卡"),
    "platinum": QT_TRANSLATE_NOOP("MemberDialog", "白金卡"),
}


class MemberDialog(QDialog):
    """Enter looks the member up; if there is none, name (and birthday, referral code)
    register them. ``chosen`` is the member to attach when the dialog is accepted."""

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("會員"))
        self.resize(520, 360)
        self._services = services
        self._directory = MemberDirectory(services.ledger)
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="member-panel")
        self._head: list[str] = []
        self.purchases: list[Purchase] = []
        self.chosen: CartMember | None = None
        self.chosen_coupons: list[str] = []  # signed codes from the wallet, ticked
        self.wallet = QListWidget()
        self.wallet.setObjectName("couponWallet")
        self.wallet.hide()
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("手機號碼或會員卡號"))
        self.name = QLineEdit()
        self.birthday = QLineEdit()
        self.birthday.setPlaceholderText("1990-05-01")
        self.referral = QLineEdit()
        self.info = QLabel(self.tr("輸入手機號碼或掃描會員卡後按 Enter"))
        self.info.setObjectName("memberInfo")
        self.info.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("手機 / 卡號"), self.query)
        form.addRow(self.tr("姓名（新會員）"), self.name)
        form.addRow(self.tr("生日（選填）"), self.birthday)
        form.addRow(self.tr("推薦碼（選填）"), self.referral)
        self.buttons = ok_cancel(self.tr("查詢 / 加入"), self.on_ok_clicked, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.wallet)
        # the member app's rotating QR, read by the camera (a scanner works anywhere)
        self.camera_button = QPushButton(self.tr("用相機掃會員 QR 碼 (F8)"))
        self.camera_button.setObjectName("memberCameraButton")
        self.camera_button.setShortcut(QKeySequence("F8"))
        self.camera_button.clicked.connect(self.on_camera_clicked)
        self._camera = None  # made on first use: OpenCV and numpy load only then
        self._layout = layout
        layout.addWidget(self.camera_button)
        layout.addWidget(self.buttons)
        self._found: Member | None = None
        self._purchases_for: object | None = None  # the lookup whose answer is awaited
        self.query.textEdited.connect(self.on_query_edited)
        self.query.setFocus()

    def _set_ok_text(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(f"{text} (Enter)")

    def on_query_edited(self, _text: str) -> None:
        """A changed phone or card number is a new look-up: the member found for the old
        one is forgotten, so Enter never attaches somebody the cashier moved away from."""
        if self._found is None:
            return
        self._found = None
        self.purchases = []
        self.wallet.clear()
        self.wallet.hide()
        self._set_ok_text(self.tr("查詢 / 加入"))
        self.info.setText(self.tr("輸入手機號碼或掃描會員卡後按 Enter"))

    def on_ok_clicked(self) -> None:
        """First Enter looks up; Enter on a found member attaches; with a name, registers."""
        if self._found is not None:
            self._attach(self._found)
            return
        try:
            member = self._directory.find(self.query.text())
        except MemberError as exc:
            self.info.setText(message_for(exc.code, exc.detail))
            return
        if member is not None:
            self._show(member)
            return
        if not self.name.text().strip():
            self.info.setText(self.tr("查無此會員。輸入姓名後按 Enter 即可加入會員（離線也可以）"))
            self.name.setFocus()
            return
        self._register()

    @property
    def camera(self):  # noqa: ANN201 (a CameraPreview)
        if self._camera is None:
            from app.ui.camera_preview import CameraPreview

            self._camera = CameraPreview(self._services.devices.devices.camera, self)
            self._camera.sig_code.connect(self.on_scanner_scan)
            self._camera.hide()
            self._layout.insertWidget(self._layout.indexOf(self.buttons), self._camera)
        return self._camera

    def on_camera_clicked(self) -> None:
        if self.camera.isVisible():
            self.camera.hide()  # hiding stops the camera
            return
        self.camera.show()
        self.camera.start()

    def on_scanner_scan(self, code: str) -> None:
        """A member card or the member app's QR, from the scanner or the camera, while this
        dialog is open: verified (offline) and attached at once; anything else is not
        taken here."""
        if classify_member_or_coupon(code) not in (KIND_MEMBER_QR, KIND_MEMBER_CARD):
            self.info.setText(self.tr("請掃描會員卡或會員 App 的 QR 碼"))
            return
        result = self._services.checkout.scan(code)
        if not result.ok or result.member is None:
            self.info.setText(message_for(result.error or "malformed", result.code))
            return
        self.chosen = result.member
        if self._camera is not None:
            self._camera.hide()
        self.accept()

    def _register(self) -> None:
        term = self._services.terminal
        self.buttons.setEnabled(False)
        run_op(self, partial(
            register_member, self._services.ledger, store_id=term.store_id,
            terminal_id=term.terminal_id, phone=self.query.text(), name=self.name.text(),
            birthday=self.birthday.text().strip(), referral_code=self.referral.text(),
        ), self.on_register_done, on_error=self.on_register_failed,
            executor=self._services.writer, errors=(MemberError,))

    def on_register_failed(self, exc: MemberError) -> None:
        self.buttons.setEnabled(True)
        self.info.setText(message_for(exc.code, exc.detail))

    def on_register_done(self, registration) -> None:  # noqa: ANN001 (a Registration)
        self.buttons.setEnabled(True)
        self._services.agent.wake()  # the registration goes to HQ now, not at the next sale
        self._attach(registration.member)

    def _show(self, member: Member) -> None:
        self._found = member
        self._set_ok_text(self.tr("加入本筆交易"))
        known = known_balances(self._services.ledger, member.member_id)
        tier = self.tr(TIER_NAMES.get(member.tier, member.tier))
        self._head = [
            self.tr("{0}  {1}").format(member.name, tier),
            self.tr("點數 {0}  儲值金 NT${1:,}").format(known.points, known.stored_value),
        ]
        local, _ = purchases_everywhere(self._services.ledger, None, member.member_id, 3)
        self._show_purchases(local, self.tr("（本機）") if local else "")
        # every store and the web shop, from HQ when it answers (the panel stays usable)
        # an answer for a member looked up before is dropped
        self._purchases_for = asked = object()
        run_op(self, partial(purchases_everywhere, self._services.ledger,
                             self._services.sync_store.enrollment(), member.member_id, 3),
               lambda answer: self.on_purchases_ready(asked, answer),
               on_error=lambda exc: self.on_purchases_failed(asked, exc),
               executor=self._pool, errors=(Exception,))
        self.wallet.clear()
        pricer = self._services.pricer
        for c in self._directory.wallet(member.member_id):
            terms = pricer.coupon(c.terms_code)
            label = terms.name if terms else c.terms_code
            item = QListWidgetItem(self.tr("{0}  到期 {1}").format(label, c.expires_at[:10]))
            item.setData(Qt.ItemDataRole.UserRole, c.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.wallet.addItem(item)
        self.wallet.setVisible(self.wallet.count() > 0)

    def _show_purchases(self, purchases: list[Purchase], note: str) -> None:
        lines = list(self._head)
        for p in purchases:
            where = self.tr("網路商店") if p.channel == "online" else (
                self.tr("門市 {0}").format(p.store_id) if p.store_id else self.tr("門市"))
            lines.append(self.tr("最近消費 {0}  {1}  {2}  NT${3:,}").format(
                _local_day(p.created_at), where, p.receipt_no, p.total))
        if note:
            lines.append(note)
        lines.append(self.tr("勾選要使用的優惠券，按 Enter 加入本筆交易"))
        self.purchases = purchases
        self.info.setText("\n".join(lines))

    def on_purchases_ready(self, asked: object, answer: tuple[list[Purchase], bool]) -> None:
        if self._found is None or asked is not self._purchases_for:
            return  # another member now
        purchases, from_hq = answer
        self._show_purchases(purchases, "" if from_hq else self.tr("（離線：僅本機消費紀錄）"))

    def on_purchases_failed(self, asked: object, exc: Exception) -> None:
        if (self._found is None or asked is not self._purchases_for
                or isinstance(exc, CancelledError)):
            return  # another member now, or the dialog closed before HQ answered
        logger.error("member purchases failed", exc_info=exc)  # keep what is shown

    def done(self, result: int) -> None:  # noqa: D102 (QDialog)
        self._pool.shutdown(wait=False, cancel_futures=True)
        super().done(result)

    def _attach(self, member: Member) -> None:
        self.chosen = self._directory.cart_member(member)
        self.chosen_coupons = [
            self.wallet.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.wallet.count())
            if self.wallet.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.accept()
