<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_TW">
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../app/ui/cart_model.py" line="+35"/>
        <source>品名</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>數量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>單價</source>
        <translation>Price</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>優惠</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>小計</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>CheckoutWindow</name>
    <message>
        <location filename="../../app/ui/checkout_window.py" line="+85"/>
        <source>掃描條碼，或輸入貨號 / 品名後按 Enter (F3)</source>
        <translation>Scan a barcode, or type a SKU / name and press Enter (F3)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>收現金額 (F9)</source>
        <translation>Cash received (F9)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>上一筆收據預覽</source>
        <translation>Last receipt preview</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>請掃描商品</source>
        <translation>Please scan an item</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>印表機：待命</source>
        <translation>Printer: ready</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+517"/>
        <source>總部：未配對</source>
        <translation>HQ: not paired</translation>
    </message>
    <message>
        <location line="-504"/>
        <source>數量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>查詢商品</source>
        <translation>Find item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>刪除品項</source>
        <translation>Void item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>清除交易</source>
        <translation>Clear sale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>掛單</source>
        <translation>Suspend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取單</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員</source>
        <translation>Member</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+232"/>
        <source>優惠券</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <location line="-231"/>
        <source>儲值</source>
        <translation>Top up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨</source>
        <translation>Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>補印收據</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+519"/>
        <source>快捷鍵</source>
        <translation>Shortcuts</translation>
    </message>
    <message>
        <location line="-517"/>
        <source>與總部配對</source>
        <translation>Pair with HQ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>現金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>剛好</source>
        <translation>Exact cash</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>信用卡</source>
        <translation>Credit card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他支付</source>
        <translation>Other payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消付款</source>
        <translation>Cancel payments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回到掃描</source>
        <translation>Back to scanning</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>優惠：</source>
        <translation>Promotions: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>請確認</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+131"/>
        <source>會員：{0}</source>
        <translation>Member: {0}</translation>
    </message>
    <message>
        <location line="-130"/>
        <location line="+145"/>
        <source>已套用優惠券：{0}</source>
        <translation>Coupon applied: {0}</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>修改數量</source>
        <translation>Change quantity</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{0} 數量改為 {1}</source>
        <translation>{0}: quantity changed to {1}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>已刪除 {0}</source>
        <translation>Voided {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>清除整筆交易？</source>
        <translation>Clear the whole sale?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>交易已清除</source>
        <translation>Sale cleared</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>移除本筆交易的會員 {0}？</source>
        <translation>Remove member {0} from this sale?</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>已移除會員</source>
        <translation>Member removed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>輸入優惠券代碼</source>
        <translation>Enter the coupon code</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>已掛單</source>
        <translation>Sale suspended</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>沒有掛單</source>
        <translation>No suspended sales</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已取回掛單</source>
        <translation>Suspended sale resumed</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>尚欠 {0}</source>
        <translation>Still due {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>付款已取消：刷卡或電子支付請在刷卡機 / App 上取消</source>
        <translation>Payments cancelled: cancel card or e-wallet payments on the card terminal / app too</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>付款已取消</source>
        <translation>Payments cancelled</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>存檔中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>交易完成  收據 {0}  找零 {1}</source>
        <translation>Sale complete  receipt {0}  change {1}</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+103"/>
        <source>待上傳 {0} 筆</source>
        <translation>{0} waiting to upload</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>儲值 {0} 完成，儲值金餘額 {1}</source>
        <translation>Topped up {0}; stored value now {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>，找零 {0}</source>
        <translation>, change {0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨 {0} 完成，退款 {1}：{2}</source>
        <translation>Return {0} done, refunded {1}: {2}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>找不到可補印的收據</source>
        <translation>No receipt found to reprint</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>補印 {0} 已送出</source>
        <translation>Reprint of {0} sent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>同步中…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已與總部配對：門市 {0} 機台 {1}</source>
        <translation>Paired with HQ: store {0} terminal {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>門市 {0}  機台 {1}  收銀員 {2}</source>
        <translation>Store {0}  Terminal {1}  Cashier {2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>收銀台 {0} {1}</source>
        <translation>Checkout {0} {1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>總部：已連線 {0}</source>
        <translation>HQ: online {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總部：離線，自動重試中</source>
        <translation>HQ: offline, retrying</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總部：此收銀機已被停用</source>
        <translation>HQ: this terminal has been disabled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總部：資料驗證失敗，未套用</source>
        <translation>HQ: data failed verification, not applied</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ctrl+S 立即同步，Ctrl+Shift+P 與總部配對</source>
        <translation>Ctrl+S sync now, Ctrl+Shift+P pair with HQ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>初次同步 {0} 筆</source>
        <translation>First sync: {0} received</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  衝突 {0} 筆，請通知總部</source>
        <translation>  {0} conflicts, please tell HQ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>此收銀機已被總部停用：交易仍可離線進行，但不會上傳，請聯絡總部</source>
        <translation>HQ has disabled this terminal: sales still work offline but will not be uploaded. Please contact HQ</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>印表機異常，{0} 張收據待印</source>
        <translation>Printer problem, {0} receipts waiting to print</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>收據未印出，已排入佇列，印表機恢復後自動列印</source>
        <translation>Receipt not printed: it is queued and prints when the printer is back</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>印表機：正常</source>
        <translation>Printer: OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>印表機：{0} 張待印</source>
        <translation>Printer: {0} waiting to print</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../app/ui/dialog_buttons.py" line="+18"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../app/ui/member_dialog.py" line="+46"/>
        <source>一般會員</source>
        <translation>Regular member</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>銀卡</source>
        <translation>Silver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金卡</source>
        <translation>Gold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>白金卡</source>
        <translation>Platinum</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>會員</source>
        <translation>Member</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>手機號碼或會員卡號</source>
        <translation>Mobile number or member card number</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>輸入手機號碼或掃描會員卡後按 Enter</source>
        <translation>Type a mobile number or scan a member card, then press Enter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>手機 / 卡號</source>
        <translation>Mobile / card no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名（新會員）</source>
        <translation>Name (new member)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生日（選填）</source>
        <translation>Birthday (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>推薦碼（選填）</source>
        <translation>Referral code (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>查詢 / 加入</source>
        <translation>Find / join</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>查無此會員。輸入姓名後按 Enter 即可加入會員（離線也可以）</source>
        <translation>No such member. Type a name and press Enter to register them (works offline too)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{0}  {1}</source>
        <translation>{0}  {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數 {0}  儲值金 NT${1:,}</source>
        <translation>Points {0}  Stored value NT${1:,}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>（本機）</source>
        <translation>(this terminal)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>網路商店</source>
        <translation>Web shop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>門市 {0}</source>
        <translation>Store {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>門市</source>
        <translation>Store</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最近消費 {0}  {1}  {2}  NT${3:,}</source>
        <translation>Bought {0}  {1}  {2}  NT${3:,}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>（離線：僅本機消費紀錄）</source>
        <translation>(offline: purchases on this terminal only)</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>勾選要使用的優惠券，按 Enter 加入本筆交易</source>
        <translation>Tick the coupons to use and press Enter to add them to this sale</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>{0}  到期 {1}</source>
        <translation>{0}  expires {1}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/ui/messages.py" line="+18"/>
        <source>沒有讀到條碼</source>
        <translation>No barcode was read</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>條碼檢查碼錯誤，請重新掃描或手動輸入：{detail}</source>
        <translation>Barcode check digit is wrong, scan again or type it in: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無法辨識的條碼：{detail}</source>
        <translation>Unrecognised barcode: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>條碼過長，未加入商品</source>
        <translation>Barcode too long, no item added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>查無此商品：{detail}</source>
        <translation>No such item: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>交易存檔中，請稍候</source>
        <translation>Saving the sale, please wait</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>數量必須是 1 到 {max} 的整數</source>
        <translation>Quantity must be a whole number from 1 to {max}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請先選擇一個品項</source>
        <translation>Select an item first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>購物車是空的</source>
        <translation>The cart is empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>品項過多，請分開結帳</source>
        <translation>Too many items, please split the sale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金額不正確：{detail}</source>
        <translation>Invalid amount: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>非現金付款不可超過應收金額</source>
        <translation>A non-cash payment cannot exceed the amount due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已有付款，請先取消付款 (F7) 再修改商品</source>
        <translation>Payments already taken: cancel payments (F7) before changing items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>尚未付清</source>
        <translation>Not fully paid yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已付清，無需再付款</source>
        <translation>Already paid in full, nothing more is due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目前交易尚未結束，請先掛單或清除</source>
        <translation>The current sale is still open: suspend or clear it first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>查無此優惠券：{detail}</source>
        <translation>No such coupon: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這張優惠券已使用在本筆交易：{detail}</source>
        <translation>This coupon is already applied to this sale: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>優惠券已過期：{detail}</source>
        <translation>Coupon has expired: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>優惠券尚未生效：{detail}</source>
        <translation>Coupon is not valid yet: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此優惠券限首次購物使用：{detail}</source>
        <translation>This coupon is for a first purchase only: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未達優惠券最低消費金額：{detail}</source>
        <translation>Below the coupon&apos;s minimum spend: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>購物車中沒有適用此優惠券的商品：{detail}</source>
        <translation>No item in the cart qualifies for this coupon: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此優惠券對本筆交易沒有折扣：{detail}</source>
        <translation>This coupon gives no discount on this sale: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>優惠券重複：{detail}</source>
        <translation>Duplicate coupon: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>優惠計算失敗，暫以原價計算，請通知店長</source>
        <translation>Promotion pricing failed, regular prices are used for now. Please tell the manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請先加入會員 (Ctrl+M)</source>
        <translation>Add a member first (Ctrl+M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>尚未收到總部的點數規則，暫不能使用點數</source>
        <translation>Points rules have not arrived from HQ yet, points cannot be used</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請輸入要折抵的金額</source>
        <translation>Enter the amount to redeem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數須整數折抵</source>
        <translation>Points must be redeemed in whole units</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未達最低折抵點數</source>
        <translation>Below the minimum points to redeem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數不足（需要 {detail} 點）</source>
        <translation>Not enough points ({detail} needed)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數折抵超過本筆可折抵上限</source>
        <translation>Points redemption exceeds this sale&apos;s limit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總部尚未授權此收銀機離線折抵點數，請改用其他付款</source>
        <translation>HQ has not authorised this terminal to redeem points offline, please use another payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>離線折抵授權已過期，請待與總部同步</source>
        <translation>The offline points authorisation has expired, wait for a sync with HQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超過總部授權的離線折抵額度</source>
        <translation>Exceeds the offline points limit authorised by HQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總部尚未授權此收銀機使用此會員的儲值金，請改用其他付款</source>
        <translation>HQ has not authorised this terminal to use this member&apos;s stored value, please use another payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值金離線授權已過期，請待與總部同步</source>
        <translation>The offline stored-value authorisation has expired, wait for a sync with HQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超過總部授權的儲值金額度</source>
        <translation>Exceeds the stored-value limit authorised by HQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值金餘額不足</source>
        <translation>Not enough stored value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這張優惠券已經使用過：{detail}</source>
        <translation>This coupon has already been used: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這張優惠券屬於其他會員，請先加入持券會員 (Ctrl+M)</source>
        <translation>This coupon belongs to another member: add the coupon&apos;s member first (Ctrl+M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>優惠券驗證失敗（可能遭竄改），未套用</source>
        <translation>Coupon failed verification (it may have been tampered with), not applied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無法辨識的優惠券條碼</source>
        <translation>Unrecognised coupon barcode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>尚未與總部配對，無法驗證會員 QR 碼</source>
        <translation>Not paired with HQ yet, member QR codes cannot be verified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>查無此會員（尚未同步？請改用手機號碼查詢）</source>
        <translation>No such member (not synced yet? Try the mobile number instead)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QR 碼已過期，請會員重新開啟 App 條碼</source>
        <translation>QR code has expired, ask the member to reopen the app&apos;s code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這個 QR 碼已使用過，請會員重新整理 App 條碼</source>
        <translation>This QR code was already used, ask the member to refresh the app&apos;s code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員 App 登入已過期，請會員重新登入</source>
        <translation>The member&apos;s app login has expired, ask them to log in again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QR 碼驗證失敗（可能遭竄改），未加入會員</source>
        <translation>QR code failed verification (it may have been tampered with), member not added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無法辨識的 QR 碼</source>
        <translation>Unrecognised QR code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手機號碼格式不正確（例如 0912-345-678）</source>
        <translation>Invalid mobile number (e.g. 0912-345-678)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員卡號不正確：{detail}</source>
        <translation>Invalid member card number: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請輸入姓名</source>
        <translation>Please enter a name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生日格式不正確（例如 1990-05-01）</source>
        <translation>Invalid birthday (e.g. 1990-05-01)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>推薦碼不正確</source>
        <translation>Invalid referral code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>找不到這筆掛單</source>
        <translation>Suspended sale not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值金額低於總部規定的最低金額：{detail}</source>
        <translation>Below HQ&apos;s minimum top-up: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值後會超過總部規定的儲值金上限，未儲值：{detail}</source>
        <translation>That would exceed HQ&apos;s stored-value limit; not topped up: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值金額必須大於 0</source>
        <translation>The top-up amount must be more than 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收現金額不足，還差 {detail} 元</source>
        <translation>Not enough cash: NT${detail} short</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此付款方式不能用於儲值：{detail}</source>
        <translation>This tender cannot pay for a top-up: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>找不到這筆交易（只能退本機的交易）</source>
        <translation>Sale not found (only sales made on this terminal can be returned)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請至少選擇一項要退回的商品</source>
        <translation>Choose at least one item to return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這筆交易沒有此品項：{detail}</source>
        <translation>This sale has no such line: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退回數量不正確：{detail}</source>
        <translation>Wrong return quantity: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此品項已退回，不可重複退貨（品項:剩餘可退 {detail}）</source>
        <translation>Already returned; a line cannot be returned twice (line:units left {detail})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退款方式不正確：{detail}</source>
        <translation>Unknown refund method: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>資料庫忙碌中，交易未存檔，購物車已保留，請再按一次結帳</source>
        <translation>The database is busy: the sale was not saved and the cart is kept. Please try paying again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>資料庫無法寫入（唯讀），交易未存檔，購物車已保留。請通知店長</source>
        <translation>The database cannot be written (read-only): the sale was not saved and the cart is kept. Please tell the manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>磁碟已滿，交易未存檔，購物車已保留。請通知店長清出空間</source>
        <translation>The disk is full: the sale was not saved and the cart is kept. Please ask the manager to free some space</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無法開啟資料庫：{detail}</source>
        <translation>Cannot open the database: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>資料庫損毀，請通知店長：{detail}</source>
        <translation>The database is damaged, please tell the manager: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>磁碟讀寫錯誤，交易未存檔，購物車已保留</source>
        <translation>Disk read/write error: the sale was not saved and the cart is kept</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已完成的交易不可修改</source>
        <translation>A completed sale cannot be changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>資料庫錯誤，交易未存檔，購物車已保留：{detail}</source>
        <translation>Database error: the sale was not saved and the cart is kept: {detail}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>錯誤：{code} {detail}</source>
        <translation>Error: {code} {detail}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>無法連線到總部，請確認網址與網路後再試</source>
        <translation>Cannot reach HQ, check the address and the network and try again</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>配對碼不正確</source>
        <translation>Wrong pairing code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這個配對碼已經使用過，請向總部索取新的配對碼</source>
        <translation>This pairing code has already been used, ask HQ for a new one</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>配對碼已過期，請向總部索取新的配對碼</source>
        <translation>The pairing code has expired, ask HQ for a new one</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此收銀機已被總部停用，請聯絡總部</source>
        <translation>HQ has disabled this terminal, please contact HQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總部不認得此收銀機，請重新配對</source>
        <translation>HQ does not recognise this terminal, please pair again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>總部拒絕：{0}</source>
        <translation>HQ refused: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>總部回應無法驗證（{0}），未套用任何資料</source>
        <translation>HQ&apos;s reply failed verification ({0}), nothing was applied</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <location filename="../../app/ui/pairing_dialog.py" line="+25"/>
        <source>與總部配對</source>
        <translation>Pair with HQ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>請輸入總部網址與總部發給此收銀機的配對碼</source>
        <translation>Enter the HQ address and the pairing code HQ issued for this terminal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>總部網址</source>
        <translation>HQ address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>配對碼</source>
        <translation>Pairing code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>配對</source>
        <translation>Pair</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>稍後</source>
        <translation>Later</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>請輸入 http:// 或 https:// 開頭的網址與配對碼</source>
        <translation>Enter an address starting with http:// or https:// and the pairing code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>配對中…</source>
        <translation>Pairing…</translation>
    </message>
</context>
<context>
    <name>ParkedDialog</name>
    <message>
        <location filename="../../app/ui/parked_dialog.py" line="+19"/>
        <source>取回掛單</source>
        <translation>Resume a suspended sale</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}  {1} 件  {2}  {3}</source>
        <translation>{0}  {1} items  {2}  {3}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>取回</source>
        <translation>Resume</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../app/ui/return_dialog.py" line="+59"/>
        <location line="+80"/>
        <source>退貨</source>
        <translation>Return</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>收據號碼（掃描收據條碼）</source>
        <translation>Receipt number (scan the receipt barcode)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>找收據號碼</source>
        <translation>Find receipt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找這天</source>
        <translation>Find this day</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>此會員的交易</source>
        <translation>This member&apos;s sales</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>品名</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>售出</source>
        <translation>Sold</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已退</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>本次退回</source>
        <translation>Return now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>全部退回</source>
        <translation>Return all</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>退回原付款方式</source>
        <translation>To the original tender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退現金</source>
        <translation>In cash</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>例如：瑕疵、買錯</source>
        <translation>e.g. faulty, wrong item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退款方式</source>
        <translation>Refund to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>輸入或掃描收據號碼後按 Enter</source>
        <translation>Type or scan the receipt number, then press Enter</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>找不到這筆交易（只能退本機的交易）</source>
        <translation>Sale not found (only sales made on this terminal can be returned)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>收據 {0}：選擇每項要退回的數量</source>
        <translation>Receipt {0}: choose how many of each item come back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收據 {0} 的商品都已退回</source>
        <translation>Everything on receipt {0} has been returned</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>退款合計 {0}</source>
        <translation>Refund total {0}</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../app/ui/search_dialog.py" line="+27"/>
        <source>查詢商品</source>
        <translation>Find item</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>輸入品名、貨號或條碼</source>
        <translation>Type a name, SKU or barcode</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>加入</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>查詢中…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>查詢失敗：{0}</source>
        <translation>Search failed: {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>找到 {0} 項，Enter 加入</source>
        <translation>{0} found, Enter adds</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找不到符合「{0}」的商品</source>
        <translation>No item matches “{0}”</translation>
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <location filename="../../app/ui/tender_dialog.py" line="+20"/>
        <source>銀聯</source>
        <translation>UnionPay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>現金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>信用卡</source>
        <translation>Credit card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LINE Pay</source>
        <translation>LINE Pay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>街口支付</source>
        <translation>JKOPAY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>悠遊卡</source>
        <translation>EasyCard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數折抵</source>
        <translation>Points</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值金</source>
        <translation>Stored value</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>信用卡付款</source>
        <translation>Card payment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>其他付款</source>
        <translation>Other payment</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>付款方式</source>
        <translation>Payment type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金額</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>卡別</source>
        <translation>Card brand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>卡號末四碼</source>
        <translation>Last 4 digits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>授權碼</source>
        <translation>Authorisation code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>交易序號</source>
        <translation>Transaction no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>確認</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>金額請輸入整數元</source>
        <translation>Enter the amount in whole dollars</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>末四碼必須是 4 位數字</source>
        <translation>The last 4 digits must be 4 numbers</translation>
    </message>
</context>
<context>
    <name>TopUpDialog</name>
    <message>
        <location filename="../../app/ui/top_up_dialog.py" line="+42"/>
        <source>儲值金儲值</source>
        <translation>Top up stored value</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>金額</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>現金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>信用卡</source>
        <translation>Card</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>收現金額（空白：剛好）</source>
        <translation>Cash received (blank: exact)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>卡別 末四碼 授權碼</source>
        <translation>Brand, last 4, auth code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員 {0}，目前儲值金 {1}</source>
        <translation>Member {0}, stored value now {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>儲值金額</source>
        <translation>Top-up amount</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>付款方式</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收現</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>刷卡資訊</source>
        <translation>Card details</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>儲值</source>
        <translation>Top up</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>請輸入儲值金額（整數元）</source>
        <translation>Enter the top-up amount (whole dollars)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>收現金額不足 {0}</source>
        <translation>Cash received is less than {0}</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../app/ui/totals_panel.py" line="+24"/>
        <location line="+27"/>
        <source>（無，Ctrl+M）</source>
        <translation>(none, Ctrl+M)</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>應收</source>
        <translation>Total due</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>會員</source>
        <translation>Member</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已省</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>件數</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚欠</source>
        <translation>Still due</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找零</source>
        <translation>Change</translation>
    </message>
</context>
</TS>
