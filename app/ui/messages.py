"""Turns the core's error codes into words for the cashier."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain import cart, codes
from app.ledger import errors
from app.services import checkout


def _tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def message_for(code: str, detail: str = "") -> str:
    table = {
        codes.EMPTY: _tr("沒有讀到條碼"),
        codes.BAD_CHECK_DIGIT: _tr("條碼檢查碼錯誤，請重新掃描或手動輸入：{detail}"),
        codes.BAD_CHARACTERS: _tr("無法辨識的條碼：{detail}"),
        codes.TOO_LONG: _tr("條碼過長，未加入商品"),
        codes.BINARY: _tr("讀到無法辨識的資料（亂碼），未做任何變更，請重新掃描"),
        codes.NOT_TEXT: _tr("讀到無法辨識的資料，未做任何變更"),
        codes.BAD_CARRIER: _tr("載具格式不正確（手機條碼：/ 加 7 碼；自然人憑證：2 個英文字母加 14 碼數字）：{detail}"),
        # e-invoice (app/domain/einvoice.py, app/services/documents/invoices.py)
        "bad_donation_code": _tr("捐贈碼（愛心碼）須為 3 到 7 碼數字：{detail}"),
        "carrier_and_donation": _tr("載具與捐贈只能擇一"),
        "b2b_donation": _tr("打統編的發票不能捐贈：請先清除捐贈碼或統編"),
        "no_invoice_numbers": _tr("電子發票號碼已用完，無法結帳（購物車已保留）：請連線總部取得號碼"),
        "invoice_clock_behind": _tr("電腦時間早於已開立發票的期別（{detail}），無法開立發票：請校正時間"),
        "invoice_voided": _tr("這張發票已作廢：{detail}"),
        codes.BAD_MEMBER_CARD: _tr("會員卡號檢查碼錯誤：{detail}"),
        codes.BAD_TAX_ID: _tr("統一編號不正確：{detail}"),
        codes.UNEXPECTED_KIND: _tr("這不是此處需要的條碼：{detail}"),
        checkout.RECEIPT_IN_SALE: _tr("掃到收據條碼：請先完成或掛起目前交易，再辦理退貨"),
        checkout.BAD_MEASURE: _tr("秤重 / 計價條碼的金額不正確：{detail}"),
        "undecodable": _tr("掃描器傳來亂碼，未做任何變更，請重新掃描"),
        "control_characters": _tr("掃描器傳來無法辨識的控制字元，未做任何變更"),
        "device_lost": _tr("掃描器已中斷連線，正在重新連線"),
        "device_back": _tr("掃描器已重新連線"),
        "bad_url": _tr("裝置位址不正確：{detail}"),
        "unavailable": _tr("無法連線到裝置：{detail}"),
        "write_failed": _tr("送出到裝置失敗：{detail}"),
        checkout.UNKNOWN_PRODUCT: _tr("查無此商品：{detail}"),
        checkout.BUSY: _tr("交易存檔中，請稍候"),
        cart.BAD_QTY: _tr("數量必須是 1 到 {max} 的整數").replace("{max}", str(cart.MAX_QTY)),
        cart.NO_SUCH_LINE: _tr("請先選擇一個品項"),
        cart.EMPTY_CART: _tr("購物車是空的"),
        cart.TOO_MANY_LINES: _tr("品項過多，請分開結帳"),
        cart.BAD_AMOUNT: _tr("金額不正確：{detail}"),
        cart.OVERPAY: _tr("非現金付款不可超過應收金額"),
        cart.HAS_PAYMENTS: _tr("已有付款，請先取消付款 (F7) 再修改商品"),
        cart.NOT_PAID: _tr("尚未付清"),
        cart.NOTHING_DUE: _tr("已付清，無需再付款"),
        cart.BAD_PRICE: _tr("單價必須是 0 到 1,000,000 元的整數：{detail}"),
        cart.BAD_DISCOUNT: _tr("折扣必須是 1% 到 100%，或大於 0 的金額：{detail}"),
        cart.DISCOUNT_TOO_BIG: _tr("折扣超過可折金額，未給予：{detail}"),
        "cart_not_empty": _tr("目前交易尚未結束，請先掛單或清除"),
        "unknown_coupon": _tr("查無此優惠券：{detail}"),
        "coupon_already_applied": _tr("這張優惠券已使用在本筆交易：{detail}"),
        "coupon_expired": _tr("優惠券已過期：{detail}"),
        "coupon_not_yet_valid": _tr("優惠券尚未生效：{detail}"),
        "coupon_first_purchase_only": _tr("此優惠券限首次購物使用：{detail}"),
        "coupon_min_spend": _tr("未達優惠券最低消費金額：{detail}"),
        "coupon_no_eligible_items": _tr("購物車中沒有適用此優惠券的商品：{detail}"),
        "coupon_no_discount": _tr("此優惠券對本筆交易沒有折扣：{detail}"),
        "coupon_duplicate": _tr("優惠券重複：{detail}"),
        "pricing_failed": _tr("優惠計算失敗，暫以原價計算，請通知店長"),
        "no_member": _tr("請先加入會員 (Ctrl+M)"),
        "no_loyalty_rules": _tr("尚未收到總部的點數規則，暫不能使用點數"),
        "points_not_positive": _tr("請輸入要折抵的金額"),
        "points_not_a_multiple": _tr("點數須整數折抵"),
        "points_below_minimum": _tr("未達最低折抵點數"),
        "points_insufficient_balance": _tr("點數不足（需要 {detail} 點）"),
        "points_exceeds_share": _tr("點數折抵超過本筆可折抵上限"),
        "points_no_allowance": _tr("總部尚未授權此收銀機離線折抵點數，請改用其他付款"),
        "points_allowance_expired": _tr("離線折抵授權已過期，請待與總部同步"),
        "points_exceeds_allowance": _tr("超過總部授權的離線折抵額度"),
        "stored_value_no_allowance": _tr("總部尚未授權此收銀機使用此會員的儲值金，請改用其他付款"),
        "stored_value_allowance_expired": _tr("儲值金離線授權已過期，請待與總部同步"),
        "stored_value_exceeds_allowance": _tr("超過總部授權的儲值金額度"),
        "stored_value_insufficient_balance": _tr("儲值金餘額不足"),
        "coupon_used": _tr("這張優惠券已經使用過：{detail}"),
        "coupon_wrong_member": _tr("這張優惠券屬於其他會員，請先加入持券會員 (Ctrl+M)"),
        "coupon_bad_signature": _tr("優惠券驗證失敗（可能遭竄改），未套用"),
        "coupon_malformed": _tr("無法辨識的優惠券條碼"),
        "not_paired": _tr("尚未與總部配對，無法驗證會員 QR 碼"),
        "unknown_member": _tr("查無此會員（尚未同步？請改用手機號碼查詢）"),
        "expired": _tr("QR 碼已過期，請會員重新開啟 App 條碼"),
        "replayed": _tr("這個 QR 碼已使用過，請會員重新整理 App 條碼"),
        "credential_expired": _tr("會員 App 登入已過期，請會員重新登入"),
        "bad_signature": _tr("QR 碼驗證失敗（可能遭竄改），未加入會員"),
        "malformed": _tr("無法辨識的 QR 碼"),
        "bad_phone": _tr("手機號碼格式不正確（例如 0912-345-678）"),
        "bad_card": _tr("會員卡號不正確：{detail}"),
        "bad_name": _tr("請輸入姓名"),
        "bad_birthday": _tr("生日格式不正確（例如 1990-05-01）"),
        "bad_referral": _tr("推薦碼不正確"),
        "no_such_parked": _tr("找不到這筆掛單"),
        "top_up_below_min_top_up": _tr("儲值金額低於總部規定的最低金額：{detail}"),
        "top_up_exceeds_max_balance": _tr("儲值後會超過總部規定的儲值金上限，未儲值：{detail}"),
        "top_up_not_positive": _tr("儲值金額必須大於 0"),
        "cash_short": _tr("收現金額不足，還差 {detail} 元"),
        "bad_tender": _tr("此付款方式不能用於儲值：{detail}"),
        "no_such_sale": _tr("找不到這筆交易（只能退本機的交易）"),
        "nothing_to_return": _tr("請至少選擇一項要退回的商品"),
        "return_no_such_line": _tr("這筆交易沒有此品項：{detail}"),
        "return_bad_qty": _tr("退回數量不正確：{detail}"),
        "already_returned": _tr("此品項已退回，不可重複退貨（品項:剩餘可退 {detail}）"),
        "bad_refund_to": _tr("退款方式不正確：{detail}"),
        "bad_count": _tr("點鈔數量不正確（只能是 0 以上的整數）：{detail}，未交班"),
        "bad_cash_kind": _tr("請選擇存入或取出"),
        "reason_required": _tr("請輸入原因"),
        "reason_too_long": _tr("原因太長（最多 {detail} 字）"),
        "no_user": _tr("請先登入收銀人員"),
        "no_open_shift": _tr("目前沒有開班，請先開班"),
        "shift_already_open": _tr("此收銀機已開班（班別 {detail}），請先交班"),
        "cash_out_exceeds_drawer": _tr("取出金額超過錢櫃應有現金（{detail} 元）"),
        "shift_open": _tr("尚有班別未交班（班別 {detail}），請先交班再做 Z 報表"),
        "z_empty": _tr("上次 Z 報表之後沒有任何交易，不需再做 Z 報表"),
        # staff (app/services/staff.py)
        "unknown_user": _tr("查無此員工編號：{detail}"),
        "wrong_pin": _tr("密碼錯誤，再錯 {detail} 次將鎖定 15 分鐘"),
        "user_locked": _tr("此帳號密碼錯誤次數過多，已鎖定至 {detail}，請稍後再試或請店長協助"),
        "user_inactive": _tr("此員工帳號已停用：{detail}"),
        "pin_format": _tr("密碼須為 4 到 8 位數字"),
        "pin_mismatch": _tr("兩次輸入的密碼不相同"),
        "bad_user_id": _tr("員工編號只能用英文字母與數字：{detail}"),
        "bootstrap_done": _tr("這台收銀機已有員工帳號，請直接登入"),
        "not_allowed": _tr("此員工沒有授權權限（需要{detail}）"),
        "unknown_card": _tr("無法辨識的員工卡"),
        "not_logged_in": _tr("請先登入"),
        "bad_pin_hash": _tr("此帳號的密碼資料無效，請總部重設密碼：{detail}"),
        errors.LOCKED: _tr("資料庫忙碌中，交易未存檔，購物車已保留，請再按一次結帳"),
        errors.READ_ONLY: _tr("資料庫無法寫入（唯讀），交易未存檔，購物車已保留。請通知店長"),
        errors.DISK_FULL: _tr("磁碟已滿，交易未存檔，購物車已保留。請通知店長清出空間"),
        errors.CANNOT_OPEN: _tr("無法開啟資料庫：{detail}"),
        errors.CORRUPT: _tr("資料庫損毀，請通知店長：{detail}"),
        errors.IO_ERROR: _tr("磁碟讀寫錯誤，交易未存檔，購物車已保留"),
        errors.IMMUTABLE: _tr("已完成的交易不可修改"),
        errors.UNKNOWN: _tr("資料庫錯誤，交易未存檔，購物車已保留：{detail}"),
    }
    text = table.get(code, _tr("錯誤：{code} {detail}"))
    return text.replace("{detail}", detail).replace("{code}", code)


def printer_problem(problem: str) -> str:
    """Words for a :attr:`hardware.printer_status.PrinterStatus.problems` code."""
    words = {
        "unreachable": _tr("離線"),
        "offline": _tr("離線"),
        "paper_out": _tr("缺紙"),
        "cover_open": _tr("上蓋開啟"),
        "error": _tr("故障"),
        "paper_near_end": _tr("紙將用完"),
    }
    return words.get(problem, problem)


def setting_message(key: str, code: str) -> str:
    """Words for a device setting that was refused (:class:`hardware.config.SettingError`)."""
    words = {
        "bad_type": _tr("{key}：格式不正確"),
        "out_of_range": _tr("{key}：超出允許範圍"),
        "not_allowed": _tr("{key}：不是允許的選項"),
        "bad_url": _tr("{key}：位址不正確"),
        "unknown_key": _tr("{key}：不認得的設定"),
        "bad_layout": _tr("{key}：秤重條碼各段位數加起來必須是 13 碼"),
        "bad_json": _tr("{key}：儲存的設定已損壞，已改用預設值"),
    }
    return words.get(code, _tr("{key}：{code}")).replace("{key}", key).replace("{code}", code)


def sync_message(exc: Exception) -> str:
    """Words for a failed pairing or sync step."""
    from sync.client import HQRefused, HQUnavailable
    from sync.protocol import ProtocolError

    if isinstance(exc, HQUnavailable):
        return _tr("無法連線到總部，請確認網址與網路後再試")
    if isinstance(exc, HQRefused):
        words = {
            "invalid_pairing_code": _tr("配對碼不正確"),
            "pairing_code_used": _tr("這個配對碼已經使用過，請向總部索取新的配對碼"),
            "pairing_code_expired": _tr("配對碼已過期，請向總部索取新的配對碼"),
            "terminal_revoked": _tr("此收銀機已被總部停用，請聯絡總部"),
            "unauthorized": _tr("總部不認得此收銀機，請重新配對"),
        }
        return words.get(exc.code, _tr("總部拒絕：{0}").replace("{0}", exc.message or exc.code))
    if isinstance(exc, ProtocolError):
        return _tr("總部回應無法驗證（{0}），未套用任何資料").replace("{0}", exc.code)
    return str(exc)
