<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_TW">
<context>
    <name>AdjustFlow</name>
    <message>
        <location filename="../../app/ui/checkout_adjust.py" line="+28"/>
        <source>手動折扣 {0}%</source>
        <translation>Manual discount {0}%</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>手動折扣</source>
        <translation>Manual discount</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+17"/>
        <source>改價</source>
        <translation>Price override</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0}
新單價 (原價 {1})</source>
        <translation>{0}
New unit price (regular price {1})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} 改價為 {1}</source>
        <translation>{0}: price changed to {1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0}：{1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>已給予{0}</source>
        <translation>{0} given</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}，本筆折扣共 {1}%</source>
        <translation>{0}; {1}% off this sale in total</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>未授權，折扣已取消</source>
        <translation>Not authorised; discount cancelled</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../app/ui/camera_preview.py" line="+166"/>
        <source>相機掃描 QR 碼（會員 / 優惠券）</source>
        <translation>Scan a QR code with the camera (member / coupon)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>關閉 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location line="-97"/>
        <source>相機未啟動</source>
        <translation>Camera not started</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>相機啟動中…</source>
        <translation>Starting the camera…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>QR 碼內容過長或無法辨識，已略過</source>
        <translation>QR code too long or unreadable; ignored</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已讀取 QR 碼</source>
        <translation>QR code read</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>尚未設定相機：請在設備設定 (Ctrl+Shift+D) 選擇相機</source>
        <translation>No camera set up: choose one in Device settings (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請將 QR 碼對準相機</source>
        <translation>Hold the QR code in front of the camera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無法開啟相機，請檢查連接線或設備設定</source>
        <translation>Cannot open the camera; check the cable or the device settings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找不到 zbar 解碼程式庫 (libzbar0)：只能預覽，無法讀碼。請改用掃描器或手動輸入</source>
        <translation>The zbar decoding library (libzbar0) is missing: preview only, no codes are read. Use the scanner or type the code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>相機已中斷，請檢查連接線</source>
        <translation>The camera stopped; check the cable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>影片已播放完畢</source>
        <translation>The video has ended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>相機已停止</source>
        <translation>Camera stopped</translation>
    </message>
</context>
<context>
    <name>CartFlow</name>
    <message>
        <location filename="../../app/ui/checkout_cart.py" line="+92"/>
        <source>優惠：</source>
        <translation>Promotions: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>載具 {0}</source>
        <translation>Carrier {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>統編 {0}</source>
        <translation>Buyer tax ID {0}</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>掃描條碼，或輸入貨號 / 品名後按 Enter (F3)</source>
        <translation>Scan a barcode, or type a SKU / name and press Enter (F3)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已還原上次未完成的交易：{0} 件商品，{1}</source>
        <translation>The unfinished sale from last time is back: {0} items, {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已付 {0}</source>
        <translation>paid {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>尚未付款</source>
        <translation>nothing paid yet</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>捐贈 {0}</source>
        <translation>Donated {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>紙本證明聯</source>
        <translation>Paper proof</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>收據 {0}：退貨</source>
        <translation>Receipt {0}: return</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已記錄手機條碼載具 {0}</source>
        <translation>Mobile barcode carrier {0} recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已記錄買方統一編號 {0}</source>
        <translation>Buyer tax ID {0} recorded</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>會員：{0}</source>
        <translation>Member: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已套用優惠券：{0}</source>
        <translation>Coupon applied: {0}</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>修改數量</source>
        <translation>Change quantity</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} 數量改為 {1}</source>
        <translation>{0}: quantity changed to {1}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>已刪除 {0}</source>
        <translation>Voided {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>清除整筆交易？</source>
        <translation>Clear the whole sale?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>交易已清除</source>
        <translation>Sale cleared</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已掛單</source>
        <translation>Sale suspended</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>沒有掛單</source>
        <translation>No suspended sales</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已取回掛單</source>
        <translation>Suspended sale resumed</translation>
    </message>
</context>
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
    <name>CashCountDialog</name>
    <message>
        <location filename="../../app/ui/cash_count_dialog.py" line="+69"/>
        <source>交班點鈔</source>
        <translation>Close shift – cash count</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>交班點鈔 － 班別 {0}</source>
        <translation>Close shift {0} – cash count</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>現金（依面額點算）</source>
        <translation>Cash (count by denomination)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>應有現金</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>實點現金</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>差額</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>簽單 / 電子支付結帳單合計（選填）</source>
        <translation>Card slip / e-payment settlement totals (optional)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>未點</source>
        <translation>Not counted</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>應有 {0}</source>
        <translation>Expected {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+57"/>
        <source>逐一輸入各面額的張數，Enter 到下一列</source>
        <translation>Enter the number of pieces for each denomination; Enter goes to the next row</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>交班</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>交班 (Ctrl+Enter)</source>
        <translation>Close shift (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{0} 的張數只能輸入 0 以上的整數（不接受「{1}」），未變更</source>
        <translation>The count for {0} must be a whole number, 0 or more (“{1}” not accepted); unchanged</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{0} 合計只能輸入 0 以上的整數金額（不接受「{1}」），未變更</source>
        <translation>The {0} total must be a whole amount, 0 or more (“{1}” not accepted); unchanged</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>現金短少 {0}</source>
        <translation>Cash short {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>現金溢收 {0}</source>
        <translation>Cash over {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} 不符</source>
        <translation>{0} does not match</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}：請再點一次；確定無誤請再按一次交班</source>
        <translation>{0}: please count again; if it is correct, press Close shift again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>CashMoveDialog</name>
    <message>
        <location filename="../../app/ui/cash_move_dialog.py" line="+47"/>
        <source>現金存入 / 取出</source>
        <translation>Cash in / out</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>存入錢櫃</source>
        <translation>Cash into the drawer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>自錢櫃取出</source>
        <translation>Cash out of the drawer</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+14"/>
        <source>金額</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>類別</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>確定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>零錢補充</source>
        <translation>Extra change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>零用金補充</source>
        <translation>Float top-up</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>存入保險箱</source>
        <translation>To the safe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>零用金支出</source>
        <translation>Petty cash payout</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>繳回總部</source>
        <translation>Returned to HQ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>錢櫃應有現金 {0}</source>
        <translation>Expected in the drawer: {0}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>請輸入大於 0 的整數金額</source>
        <translation>Enter a whole amount greater than 0</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>取出金額 {0} 超過錢櫃應有現金 {1}</source>
        <translation>Cash out of {0} is more than the {1} expected in the drawer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>請輸入原因</source>
        <translation>Please enter a reason</translation>
    </message>
</context>
<context>
    <name>CheckoutActions</name>
    <message>
        <location filename="../../app/ui/checkout_actions.py" line="+39"/>
        <source>數量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改價</source>
        <translation>Price override</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折扣</source>
        <translation>Discount</translation>
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
        <source>優惠券</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>相機掃碼</source>
        <translation>Camera QR</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>換人 / 登出</source>
        <translation>Switch user / log out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>店務</source>
        <translation>Store menu</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+99"/>
        <source>快捷鍵</source>
        <translation>Shortcuts</translation>
    </message>
    <message>
        <location line="-98"/>
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
        <source>載具 / 捐贈 / 統編</source>
        <translation>Carrier / donation / tax ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>開錢櫃</source>
        <translation>Open drawer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回到掃描</source>
        <translation>Back to scanning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>設備設定</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>與總部配對</source>
        <translation>Pair with HQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>開班</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>現金存入 / 取出</source>
        <translation>Cash in / out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X 報表 (讀帳)</source>
        <translation>X report (read only)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>交班 (點鈔)</source>
        <translation>Close shift (count)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日結 Z 報表</source>
        <translation>Z report (end of day)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>營業報表</source>
        <translation>Sales report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>CheckoutWindow</name>
    <message>
        <location filename="../../app/ui/checkout_window.py" line="+125"/>
        <source>請掃描商品</source>
        <translation>Please scan an item</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>請確認</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>{0} 已登入。尚未開班：請按 Ctrl+O 開班並點算零用金</source>
        <translation>{0} logged in. No shift is open: press Ctrl+O to open a shift and count the opening float</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} 已登入</source>
        <translation>{0} logged in</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/ui/crash_dialog.py" line="+32"/>
        <source>發生未預期的錯誤</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>發生未預期的錯誤，已記錄。目前的交易已保存，不會遺失；可以繼續操作，若問題持續請通知店長。</source>
        <translation>An unexpected error occurred and was logged. The current sale is saved and will not be lost; you can carry on. If it keeps happening, please tell the manager.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>記錄檔：{0}</source>
        <translation>Log file: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>繼續</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>DenominationCounter</name>
    <message>
        <location filename="../../app/ui/denomination_counter.py" line="+49"/>
        <source>面額</source>
        <translation>Denomination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>張 / 枚數</source>
        <translation>Pieces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>小計</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>DeviceSettingsDialog</name>
    <message>
        <location filename="../../app/ui/device_settings_dialog.py" line="+83"/>
        <source>設備設定</source>
        <translation>Device settings</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>掃描器</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收據印表機</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>相機</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>儲存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>serial:///dev/ttyACM0，留空：不使用</source>
        <translation>serial:///dev/ttyACM0; empty: none</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不使用</source>
        <translation>Off</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>條碼內含價格</source>
        <translation>Price in the barcode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>條碼內含重量</source>
        <translation>Weight in the barcode</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>在此掃描一個條碼，看看系統怎麼判讀</source>
        <translation>Scan a code here to see how it is read</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>按鍵最大間隔 (毫秒)</source>
        <translation>Max gap between keys (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>條碼最短長度</source>
        <translation>Shortest code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>條碼最長長度</source>
        <translation>Longest code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>結束鍵</source>
        <translation>End keys</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+119"/>
        <source>序列埠掃描器</source>
        <translation>Serial scanner</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>秤重 / 計價條碼 (2 開頭)</source>
        <translation>Scale labels (starting with 2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>品號位數</source>
        <translation>Item code digits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>略過位數 (價格檢查碼)</source>
        <translation>Digits to skip (price check digit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>小數位數 (重量 3 = 公斤)</source>
        <translation>Decimals (weight: 3 = kg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>測試掃描</source>
        <translation>Test scan</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>目前使用：{0}</source>
        <translation>In use: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>58 mm (每行 32 字)</source>
        <translation>58 mm (32 characters a line)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>80 mm (每行 48 字)</source>
        <translation>80 mm (48 characters a line)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文字 (印表機 Big5 字型)</source>
        <translation>Text (the printer&apos;s Big5 font)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>圖像 (印表機沒有中文字型時)</source>
        <translation>Image (printer without Chinese fonts)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>商店標誌圖檔路徑 (可留空)</source>
        <translation>Store logo image file (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>現金付款時開錢櫃</source>
        <translation>Open the drawer on cash payments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>第 2 腳</source>
        <translation>Pin 2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>第 5 腳</source>
        <translation>Pin 5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>測試列印</source>
        <translation>Test print</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>檢查狀態</source>
        <translation>Check status</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+79"/>
        <source>印表機位址</source>
        <translation>Printer address</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>啟動參數 --printer 優先於此設定</source>
        <translation>The --printer start option wins over this setting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紙寬</source>
        <translation>Paper width</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>列印方式</source>
        <translation>Print mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>編碼</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>標誌</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>錢櫃接腳</source>
        <translation>Drawer pin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>逾時 (秒)</source>
        <translation>Timeout (s)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>0、/dev/video0 或影片檔，留空：不使用</source>
        <translation>0, /dev/video0 or a video file; empty: none</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>開始預覽</source>
        <translation>Start preview</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+49"/>
        <source>相機來源</source>
        <translation>Camera source</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>同一 QR 碼重複讀取間隔 (秒)</source>
        <translation>Same QR code read again after (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>預覽每秒張數</source>
        <translation>Preview frames a second</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>解碼每秒張數</source>
        <translation>Decoded frames a second</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>結束鍵 (至少選一個)</source>
        <translation>End keys (choose at least one)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>秤重 / 計價條碼</source>
        <translation>Scale labels</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>無法使用：{0}</source>
        <translation>Not usable: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>種類：{0}  內容：{1}</source>
        <translation>Kind: {0}  Code: {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  品號 {0}  數值 {1}</source>
        <translation>  Item {0}  Value {1}</translation>
    </message>
    <message>
        <location line="+234"/>
        <source>列印中…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>測試收據已送出</source>
        <translation>Test receipt sent</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>檢查中…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>這台印表機不回報狀態</source>
        <translation>This printer does not report its status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>印表機正常</source>
        <translation>Printer OK</translation>
    </message>
</context>
<context>
    <name>DevicesFlow</name>
    <message>
        <location filename="../../app/ui/checkout_devices.py" line="+43"/>
        <source>設備設定已儲存並套用</source>
        <translation>Device settings saved and applied</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+10"/>
        <source>掃描器：正常</source>
        <translation>Scanner: OK</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>掃描器：未連線</source>
        <translation>Scanner: not connected</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>印表機：{0}</source>
        <translation>Printer: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+22"/>
        <source>印表機：正常</source>
        <translation>Printer: OK</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>印表機異常，{0} 張收據待印</source>
        <translation>Printer problem, {0} receipts waiting to print</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>收據未印出，已排入佇列，印表機恢復後自動列印</source>
        <translation>Receipt not printed: it is queued and prints when the printer is back</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>印表機：{0} 張待印</source>
        <translation>Printer: {0} waiting to print</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>換零錢</source>
        <translation>Change for the till</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>收據核對</source>
        <translation>Receipt check</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>開錢櫃 (無交易)</source>
        <translation>Open drawer (no sale)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>錢櫃已開啟（無交易，已記錄）</source>
        <translation>Drawer opened (no sale, logged)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>錢櫃未開啟：{0}（已記錄）</source>
        <translation>Drawer did not open: {0} (logged)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>收據 {0}</source>
        <translation>Receipt {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>找不到可補印的收據</source>
        <translation>No receipt found to reprint</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>補印 {0} 已送出</source>
        <translation>Reprint of {0} sent</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../app/ui/wizard_devices_page.py" line="+117"/>
        <source>設備</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收據印表機、掃描器與相機。每項都能先測試；其他設定在設備設定 (Ctrl+Shift+D)。</source>
        <translation>Receipt printer, scanner and camera. Each can be tested first; other settings are in Device settings (Ctrl+Shift+D).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>收據印表機</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>掃描器</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>相機（可不設定）</source>
        <translation>Camera (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>印表機位址</source>
        <translation>Printer address</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>紙寬</source>
        <translation>Paper width</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>測試掃描</source>
        <translation>Test scan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>序列埠掃描器</source>
        <translation>Serial scanner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>相機來源</source>
        <translation>Camera source</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tcp://192.168.1.50:9100、usb://0x04b8:0x0202；留空：{0}</source>
        <translation>tcp://192.168.1.50:9100, usb://0x04b8:0x0202; empty: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>58 mm (每行 32 字)</source>
        <translation>58 mm (32 characters a line)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>80 mm (每行 48 字)</source>
        <translation>80 mm (48 characters a line)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>測試列印</source>
        <translation>Test print</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>USB 掃描器：點這裡，現在掃一個條碼，看看讀到什麼</source>
        <translation>USB scanner: click here and scan a barcode now to see what is read</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0、/dev/video0 或影片檔，留空：不使用</source>
        <translation>0, /dev/video0 or a video file; empty: none</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>測試相機</source>
        <translation>Test camera</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>讀到「{0}」：{1}</source>
        <translation>Read “{0}”: {1}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>列印中…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>測試收據已送出，請看印表機是否印出</source>
        <translation>Test receipt sent; check that the printer printed it</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>找不到 OpenCV：無法使用相機，其他功能不受影響</source>
        <translation>OpenCV is missing: the camera cannot be used; everything else works</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>找不到 zbar 解碼程式庫 (libzbar0)：只能預覽，無法讀碼</source>
        <translation>The zbar decoding library (libzbar0) is missing: preview only, no codes are read</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚未設定相機來源：沒有相機可留空</source>
        <translation>No camera source set: leave it empty if there is no camera</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>讀到「{0}」</source>
        <translation>Read “{0}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>相機預覽已開啟：把 QR 碼對準相機</source>
        <translation>Camera preview on: hold the QR code in front of the camera</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>儲存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>設備設定已儲存</source>
        <translation>Device settings saved</translation>
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
    <name>DiscountDialog</name>
    <message>
        <location filename="../../app/ui/discount_dialog.py" line="+48"/>
        <source>手動折扣</source>
        <translation>Manual discount</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>折扣：10% 或金額 50</source>
        <translation>Discount: 10% or an amount such as 50</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>此品項：{0}</source>
        <translation>This item: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此品項</source>
        <translation>This item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>整筆交易</source>
        <translation>Whole sale</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>您可給的折扣上限：{0}%（超過需主管授權）</source>
        <translation>Your discount limit: {0}% (more needs supervisor approval)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>折扣</source>
        <translation>Apply discount</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>折扣格式不正確：請輸入 1% 到 100%，或大於 0 的金額</source>
        <translation>Invalid discount: enter 1% to 100%, or an amount greater than 0</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="+89"/>
        <source>收銀機首次設定</source>
        <translation>Terminal setup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>完成，開始使用</source>
        <translation>Finish and start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>InvoiceBuyerDialog</name>
    <message>
        <location filename="../../app/ui/invoice_buyer_dialog.py" line="+21"/>
        <source>電子發票：載具 / 捐贈 / 統編</source>
        <translation>E-invoice: carrier / donation / tax ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>掃描或輸入：
手機條碼（/ 加 7 碼）、自然人憑證（2 英文 + 14 數字）
捐贈碼（3 到 7 碼數字）或買方統編（8 碼數字）</source>
        <translation>Scan or type:
mobile barcode (/ and 7 characters), citizen certificate (2 letters + 14 digits),
donation code (3 to 7 digits) or the buyer&apos;s tax ID (8 digits)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>列印證明聯 (F2)</source>
        <translation>Print the proof (F2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>清除 (F4)</source>
        <translation>Clear (F4)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>確認</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>載具 {0}</source>
        <translation>Carrier {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>捐贈 {0}</source>
        <translation>Donated {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>統編 {0}</source>
        <translation>Tax ID {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>紙本證明聯</source>
        <translation>Paper proof</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目前：{0}</source>
        <translation>Now: {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>無</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../app/ui/wizard_pages.py" line="+166"/>
        <source>歡迎使用 OMO 門市收銀機</source>
        <translation>Welcome to the OMO store POS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第一次啟動：幾個步驟就能開始收銀。先選擇畫面語言。</source>
        <translation>First start: a few steps and you can start selling. First choose the screen language.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>畫面語言（之後每次啟動都會使用）</source>
        <translation>Screen language (used at every start from now on)</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../app/ui/login_screen.py" line="+31"/>
        <location line="+70"/>
        <source>收銀機已鎖定</source>
        <translation>Terminal locked</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+67"/>
        <source>請輸入員工編號與密碼 (PIN) 登入</source>
        <translation>Enter your staff no. and PIN to log in</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>員工編號，例如 C001</source>
        <translation>Staff no., e.g. C001</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>4 到 8 位數字</source>
        <translation>4 to 8 digits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再輸入一次密碼</source>
        <translation>Enter the PIN again</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>員工編號</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>密碼</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>確認密碼</source>
        <translation>Confirm PIN</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>首次使用：建立店長帳號</source>
        <translation>First use: create the manager account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這台收銀機還沒有任何員工帳號。請建立第一位店長；總部的員工資料同步後也能登入。</source>
        <translation>This terminal has no staff accounts yet. Create the first manager; staff from HQ can also log in once their data has synced.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>建立並登入 (Enter)</source>
        <translation>Create and log in (Enter)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>登入 (Enter)</source>
        <translation>Log in (Enter)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>請輸入員工編號</source>
        <translation>Please enter your staff no.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>驗證中…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../app/ui/wizard_pages.py" line="+50"/>
        <source>第一位店長</source>
        <translation>First manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建立這台收銀機的第一位店長帳號；總部的員工資料同步後也能登入。</source>
        <translation>Create the first manager account for this terminal; staff from HQ can also log in once their data has synced.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密碼 (PIN) 為 4 到 8 位數字，登入與核准時使用。</source>
        <translation>The PIN is 4 to 8 digits, used to log in and to approve.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>員工編號</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密碼</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>確認密碼</source>
        <translation>Confirm PIN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>4 到 8 位數字</source>
        <translation>4 to 8 digits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再輸入一次密碼</source>
        <translation>Enter the PIN again</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>建立中…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>已建立店長 {0}</source>
        <translation>Manager {0} created</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../app/ui/member_dialog.py" line="+48"/>
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
        <location line="+13"/>
        <source>手機號碼或會員卡號</source>
        <translation>Mobile number or member card number</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+40"/>
        <source>輸入手機號碼或掃描會員卡後按 Enter</source>
        <translation>Type a mobile number or scan a member card, then press Enter</translation>
    </message>
    <message>
        <location line="-36"/>
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
        <location line="+31"/>
        <source>查詢 / 加入</source>
        <translation>Find / join</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>用相機掃會員 QR 碼 (F8)</source>
        <translation>Read the member QR with the camera (F8)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>查無此會員。輸入姓名後按 Enter 即可加入會員（離線也可以）</source>
        <translation>No such member. Type a name and press Enter to register them (works offline too)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>請掃描會員卡或會員 App 的 QR 碼</source>
        <translation>Scan a member card or the member app&apos;s QR code</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>加入本筆交易</source>
        <translation>Add to this sale</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}  {1}</source>
        <translation>{0}  {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數 {0}  儲值金 NT${1:,}</source>
        <translation>Points {0}  Stored value NT${1:,}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>（本機）</source>
        <translation>(this terminal)</translation>
    </message>
    <message>
        <location line="+24"/>
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
        <location line="+12"/>
        <source>（離線：僅本機消費紀錄）</source>
        <translation>(offline: purchases on this terminal only)</translation>
    </message>
    <message>
        <location line="-8"/>
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
    <name>MemberFlow</name>
    <message>
        <location filename="../../app/ui/checkout_member.py" line="+34"/>
        <source>移除本筆交易的會員 {0}？</source>
        <translation>Remove member {0} from this sale?</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>會員：{0}</source>
        <translation>Member: {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已移除會員</source>
        <translation>Member removed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>優惠券</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>輸入優惠券代碼</source>
        <translation>Enter the coupon code</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>已套用優惠券：{0}</source>
        <translation>Coupon applied: {0}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>儲值 {0} 完成，儲值金餘額 {1}</source>
        <translation>Topped up {0}; stored value now {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>，找零 {0}</source>
        <translation>, change {0}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>收據 {0}，退款 {1}</source>
        <translation>Receipt {0}, refund {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨 {0} 完成，退款 {1}：{2}</source>
        <translation>Return {0} done, refunded {1}: {2}</translation>
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
        <source>讀到無法辨識的資料（亂碼），未做任何變更，請重新掃描</source>
        <translation>Unreadable data (garbage); nothing changed. Please scan again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>讀到無法辨識的資料，未做任何變更</source>
        <translation>Unreadable data; nothing changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>載具格式不正確（手機條碼：/ 加 7 碼；自然人憑證：2 個英文字母加 14 碼數字）：{detail}</source>
        <translation>Not a carrier (mobile barcode: / and 7 characters; citizen certificate: 2 letters and 14 digits): {detail}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>捐贈碼（愛心碼）須為 3 到 7 碼數字：{detail}</source>
        <translation>A donation code is 3 to 7 digits: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>載具與捐贈只能擇一</source>
        <translation>An invoice goes to a carrier or is donated, not both</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打統編的發票不能捐贈：請先清除捐贈碼或統編</source>
        <translation>An invoice with the buyer&apos;s tax ID cannot be donated: clear the donation code or the tax ID first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>電子發票號碼已用完，無法結帳（購物車已保留）：請連線總部取得號碼</source>
        <translation>No e-invoice numbers left, the sale cannot be finished (the cart is kept): connect to HQ to get numbers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>電腦時間早於已開立發票的期別（{detail}），無法開立發票：請校正時間</source>
        <translation>The clock is before the period of invoices already issued ({detail}); no invoice can be issued: set the clock right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這張發票已作廢：{detail}</source>
        <translation>This invoice is void: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員卡號檢查碼錯誤：{detail}</source>
        <translation>Member card number has a wrong check digit: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>統一編號不正確：{detail}</source>
        <translation>Not a valid tax ID: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這不是此處需要的條碼：{detail}</source>
        <translation>Not the kind of code needed here: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>掃到收據條碼：請先完成或掛起目前交易，再辦理退貨</source>
        <translation>Receipt barcode scanned: finish or suspend this sale before a return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>秤重 / 計價條碼的金額不正確：{detail}</source>
        <translation>Scale label with an impossible amount: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>掃描器傳來亂碼，未做任何變更，請重新掃描</source>
        <translation>The scanner sent garbage; nothing changed. Please scan again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>掃描器傳來無法辨識的控制字元，未做任何變更</source>
        <translation>The scanner sent control characters; nothing changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>掃描器已中斷連線，正在重新連線</source>
        <translation>Scanner disconnected; reconnecting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>掃描器已重新連線</source>
        <translation>Scanner reconnected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>裝置位址不正確：{detail}</source>
        <translation>Bad device address: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無法連線到裝置：{detail}</source>
        <translation>Cannot reach the device: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>送出到裝置失敗：{detail}</source>
        <translation>Sending to the device failed: {detail}</translation>
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
        <source>單價必須是 0 到 1,000,000 元的整數：{detail}</source>
        <translation>The unit price must be a whole number from NT$0 to NT$1,000,000: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折扣必須是 1% 到 100%，或大於 0 的金額：{detail}</source>
        <translation>A discount is 1% to 100%, or an amount above 0: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折扣超過可折金額，未給予：{detail}</source>
        <translation>The discount is more than can be taken off; not given: {detail}</translation>
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
        <source>點鈔數量不正確（只能是 0 以上的整數）：{detail}，未交班</source>
        <translation>Invalid count (whole numbers, 0 or more only): {detail}; shift not closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請選擇存入或取出</source>
        <translation>Choose cash in or cash out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請輸入原因</source>
        <translation>Please enter a reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因太長（最多 {detail} 字）</source>
        <translation>Reason too long (at most {detail} characters)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請先登入收銀人員</source>
        <translation>A cashier must log in first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目前沒有開班，請先開班</source>
        <translation>No shift is open: open a shift first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此收銀機已開班（班別 {detail}），請先交班</source>
        <translation>A shift is already open on this terminal (shift {detail}): close it first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取出金額超過錢櫃應有現金（{detail} 元）</source>
        <translation>Cash out is more than the cash expected in the drawer (NT${detail})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>尚有班別未交班（班別 {detail}），請先交班再做 Z 報表</source>
        <translation>A shift is still open (shift {detail}): close it before the Z report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上次 Z 報表之後沒有任何交易，不需再做 Z 報表</source>
        <translation>No transactions since the last Z report; no Z report is needed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>查無此員工編號：{detail}</source>
        <translation>No such staff no.: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密碼錯誤，再錯 {detail} 次將鎖定 15 分鐘</source>
        <translation>Wrong PIN; {detail} more wrong tries lock the account for 15 minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此帳號密碼錯誤次數過多，已鎖定至 {detail}，請稍後再試或請店長協助</source>
        <translation>Too many wrong PINs: this account is locked until {detail}. Try again later or ask the manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此員工帳號已停用：{detail}</source>
        <translation>This staff account is disabled: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密碼須為 4 到 8 位數字</source>
        <translation>The PIN must be 4 to 8 digits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>兩次輸入的密碼不相同</source>
        <translation>The two PINs do not match</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>員工編號只能用英文字母與數字：{detail}</source>
        <translation>A staff no. may only contain letters and digits: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這台收銀機已有員工帳號，請直接登入</source>
        <translation>This terminal already has staff accounts: please log in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此員工沒有授權權限（需要{detail}）</source>
        <translation>This staff member cannot approve it ({detail} needed)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無法辨識的員工卡</source>
        <translation>Unrecognised staff card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請先登入</source>
        <translation>Please log in first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此帳號的密碼資料無效，請總部重設密碼：{detail}</source>
        <translation>This account&apos;s PIN data is invalid; ask HQ to reset the PIN: {detail}</translation>
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
        <location line="+7"/>
        <location line="+1"/>
        <source>離線</source>
        <translation>offline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缺紙</source>
        <translation>out of paper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上蓋開啟</source>
        <translation>cover open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>故障</source>
        <translation>error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紙將用完</source>
        <translation>paper nearly out</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{key}：格式不正確</source>
        <translation>{key}: wrong format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}：超出允許範圍</source>
        <translation>{key}: out of range</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}：不是允許的選項</source>
        <translation>{key}: not one of the choices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}：位址不正確</source>
        <translation>{key}: bad address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}：不認得的設定</source>
        <translation>{key}: unknown setting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}：秤重條碼各段位數加起來必須是 13 碼</source>
        <translation>{key}: the scale label&apos;s parts must add up to 13 digits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}：儲存的設定已損壞，已改用預設值</source>
        <translation>{key}: stored settings were damaged; defaults are used</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{key}：{code}</source>
        <translation>{key}: {code}</translation>
    </message>
    <message>
        <location line="+9"/>
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
    <name>OverrideDialog</name>
    <message>
        <location filename="../../app/ui/override_dialog.py" line="+22"/>
        <source>取消已收款項</source>
        <translation>Cancel payments taken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨退款</source>
        <translation>Refund a return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改價</source>
        <translation>Price override</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超過權限的折扣</source>
        <translation>Discount over your limit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>開錢櫃 (無交易)</source>
        <translation>Open drawer (no sale)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>補印收據</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>錢櫃取出現金</source>
        <translation>Cash out of the drawer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日結 Z 報表</source>
        <translation>Z report (end of day)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改收銀機設定</source>
        <translation>Change terminal settings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>收銀員</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>店長</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>需要主管授權</source>
        <translation>Supervisor approval needed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}：需要{1}授權</source>
        <translation>{0}: {1} approval needed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>請主管輸入員工編號與密碼，或刷主管卡</source>
        <translation>Supervisor: enter your staff no. and PIN, or scan your staff card</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>主管員工編號</source>
        <translation>Supervisor&apos;s staff no.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>員工編號</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密碼</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>授權</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>請輸入主管員工編號，或刷主管卡</source>
        <translation>Enter the supervisor&apos;s staff no., or scan a supervisor&apos;s card</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>驗證中…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <location filename="../../app/ui/pairing_dialog.py" line="+26"/>
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
    <message>
        <location line="+2"/>
        <source>掛單 {0} 筆：選一筆，按 Enter 取回</source>
        <translation>Suspended sales: {0}. Choose one and press Enter to resume</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>沒有掛單</source>
        <translation>No suspended sales</translation>
    </message>
</context>
<context>
    <name>PaymentFlow</name>
    <message>
        <location filename="../../app/ui/checkout_payment.py" line="+37"/>
        <source>收現金額 (F9)</source>
        <translation>Cash received (F9)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>上一筆收據預覽</source>
        <translation>Last receipt preview</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>尚欠 {0}</source>
        <translation>Still due {0}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已收：{0}</source>
        <translation>Received: {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>付款已取消：刷卡或電子支付請在刷卡機 / App 上取消</source>
        <translation>Payments cancelled: cancel card or e-wallet payments on the card terminal / app too</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>付款已取消</source>
        <translation>Payments cancelled</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>存檔中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>交易完成  收據 {0}  找零 {1}</source>
        <translation>Sale complete  receipt {0}  change {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>交易完成  發票 {0}  找零 {1}</source>
        <translation>Sale done  invoice {0}  change {1}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>待上傳 {0} 筆</source>
        <translation>{0} waiting to upload</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <location filename="../../app/services/printing.py" line="+384"/>
        <location line="+10"/>
        <source>測試列印</source>
        <translation>Test print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>印表機設定正常</source>
        <translation>The printer is working</translation>
    </message>
    <message>
        <location filename="../../app/services/printouts/receipts.py" line="+29"/>
        <source>現金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>信用卡</source>
        <translation>Credit card</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+16"/>
        <source>改價</source>
        <translation>Price change</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>手動折扣 {0}%</source>
        <translation>Manual discount {0}%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手動折扣</source>
        <translation>Manual discount</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>交易明細</source>
        <translation>Itemised detail</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../hardware/invoice_paper.py" line="+388"/>
        <source>發票號碼</source>
        <translation>Invoice no.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+29"/>
        <location line="+19"/>
        <location filename="../../app/services/printouts/reports.py" line="+97"/>
        <location line="+41"/>
        <source>會員</source>
        <translation>Member</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>本次點數</source>
        <translation>Points earned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數餘額</source>
        <translation>Points balance</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>儲值金餘額</source>
        <translation>Stored value balance</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>儲值收據</source>
        <translation>STORED VALUE TOP-UP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值金儲值</source>
        <translation>Stored value top-up</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../app/services/printouts/reports.py" line="-29"/>
        <source>儲值金額</source>
        <translation>Top-up amount</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>退款 {0}</source>
        <translation>Refund {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>扣回點數</source>
        <translation>Points taken back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退回點數</source>
        <translation>Points returned</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>退貨收據</source>
        <translation>RETURN RECEIPT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>退 {0}</source>
        <translation>{0} refund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退款合計</source>
        <translation>Refund total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原收據</source>
        <translation>Original receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>作廢發票</source>
        <translation>Invoice voided</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>折讓單</source>
        <translation>Allowance</translation>
    </message>
    <message>
        <location filename="../../app/services/printouts/reports.py" line="-47"/>
        <location line="+66"/>
        <location filename="../../app/services/printouts/shift_slips.py" line="+44"/>
        <source>交易筆數</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <location line="-66"/>
        <location filename="../../app/services/printouts/shift_slips.py" line="+4"/>
        <source>淨額</source>
        <translation>Net</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>項目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>報表期間</source>
        <translation>Report period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>開始</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>結束</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>天數</source>
        <translation>Days</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../hardware/invoice_paper.py" line="+3"/>
        <location line="+58"/>
        <source>總計</source>
        <translation>Totals</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../hardware/invoice_paper.py" line="-14"/>
        <source>金額</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+55"/>
        <location filename="../../app/services/printouts/shift_slips.py" line="-3"/>
        <source>銷售總額</source>
        <translation>Gross sales</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+56"/>
        <location filename="../../app/services/printouts/shift_slips.py" line="+1"/>
        <location filename="../../hardware/receipt.py" line="+325"/>
        <source>折扣</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>銷售淨額</source>
        <translation>Sales after discounts</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+55"/>
        <source>退貨退款</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+56"/>
        <source>淨營業額</source>
        <translation>Net sales</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+56"/>
        <source>營業稅</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+57"/>
        <source>退貨筆數</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+57"/>
        <source>平均客單價</source>
        <translation>Average sale</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>每小時</source>
        <translation>By hour</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>時段</source>
        <translation>Hour</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../hardware/invoice_paper.py" line="-1"/>
        <source>數量</source>
        <translation>Units</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>營業額</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>商品編號</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>品名</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>熱銷商品（營業額）</source>
        <translation>Best sellers (revenue)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>熱銷商品（數量）</source>
        <translation>Best sellers (units)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>商品類別</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>類別</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未分類</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+42"/>
        <source>付款方式</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>退款</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/services/printouts/shift_slips.py" line="+3"/>
        <source>收款</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+41"/>
        <location filename="../../hardware/receipt.py" line="-16"/>
        <source>收銀員</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>銷售額</source>
        <translation>Sales total</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>比例 (%)</source>
        <translation>Share (%)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>會員與點數</source>
        <translation>Members and points</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>數值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>新會員</source>
        <translation>New members</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+38"/>
        <source>發出點數</source>
        <translation>Points earned</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+39"/>
        <source>折抵點數</source>
        <translation>Points redeemed</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>退貨收回點數</source>
        <translation>Points taken back on returns</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨退還點數</source>
        <translation>Points given back on returns</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/services/printouts/shift_slips.py" line="+8"/>
        <source>儲值筆數</source>
        <translation>Top-up count</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>營業總計</source>
        <translation>Sales totals</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} {1}筆</source>
        <translation>{0}, sales: {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>熱銷商品</source>
        <translation>Best sellers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>會員交易</source>
        <translation>Member sales</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>會員淨額</source>
        <translation>Member net sales</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../app/services/printouts/shift_slips.py" line="-1"/>
        <source>儲值</source>
        <translation>Top-ups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}筆 {1}</source>
        <translation>{0} for {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>營業報表</source>
        <translation>SALES REPORT</translation>
    </message>
    <message>
        <location filename="../../app/services/printouts/shift_slips.py" line="-15"/>
        <source>期間起</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>期間迄</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>營業</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>退貨 {0} 筆</source>
        <translation>Returns ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../hardware/invoice_paper.py" line="-87"/>
        <location line="+87"/>
        <location line="+14"/>
        <location filename="../../hardware/receipt.py" line="+41"/>
        <source>稅額</source>
        <translation>Tax</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>（無）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>其中退 {0}</source>
        <translation>incl. {0} refunds</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>現金進出</source>
        <translation>Cash in/out</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+19"/>
        <source>存入現金</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>取出現金</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>開錢櫃（無交易）</source>
        <translation>No-sale drawer opens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 次</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>班別 {0}</source>
        <translation>Shift {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>開班</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>交班</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>開班零用金</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>現金銷售</source>
        <translation>Cash sales</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>現金儲值</source>
        <translation>Cash top-ups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>現金退款</source>
        <translation>Cash refunds</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>應有現金</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>實點現金</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>差額</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} 應有</source>
        <translation>{0} expected</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} 實點</source>
        <translation>{0} counted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 差額</source>
        <translation>{0} difference</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>本班</source>
        <translation>This shift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自上次 Z 報表</source>
        <translation>Since the last Z report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X 報表</source>
        <translation>X REPORT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>X 報表僅供查閱，不結帳</source>
        <translation>X report: a reading only, the day stays open</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>交班報表</source>
        <translation>SHIFT REPORT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>班別 No. {0}</source>
        <translation>Shift No. {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>班別數</source>
        <translation>Shifts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>現金差額合計</source>
        <translation>Total cash difference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z 報表</source>
        <translation>Z REPORT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>日結完成</source>
        <translation>Day closed</translation>
    </message>
    <message>
        <location filename="../../hardware/receipt.py" line="-106"/>
        <source>** 補印 **</source>
        <translation>** REPRINT **</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>合計</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找零</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>謝謝光臨</source>
        <translation>Thank you for shopping with us</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>統一編號: {0}</source>
        <translation>Tax ID: {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>收據號碼</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../hardware/invoice_paper.py" line="-121"/>
        <source>電子發票證明聯</source>
        <translation>E-invoice proof</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>補印</source>
        <translation>REPRINT</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>格式 {0}</source>
        <translation>Format {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>隨機碼 {0}</source>
        <translation>Random code {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總計 {0}</source>
        <translation>Total {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>賣方 {0}</source>
        <translation>Seller {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>買方 {0}</source>
        <translation>Buyer {0}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>電子發票開立通知</source>
        <translation>E-invoice issued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本單非電子發票證明聯</source>
        <translation>This slip is not an e-invoice proof</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>期別</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../hardware/receipt.py" line="+1"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>隨機碼</source>
        <translation>Random code</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>營業人銷貨退回、進貨退出或折讓證明單</source>
        <translation>Certificate of sales returns or allowances</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>折讓單號碼</source>
        <translation>Allowance no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折讓日期</source>
        <translation>Allowance date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>賣方</source>
        <translation>Seller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>賣方統編</source>
        <translation>Seller tax ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>無</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原發票號碼</source>
        <translation>Invoice no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原發票日期</source>
        <translation>Invoice date</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>本證明單所列進貨退出或折讓，確屬事實，特此證明。</source>
        <translation>We certify that the returns or allowances listed are true.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>買方簽收</source>
        <translation>Buyer&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../hardware/receipt.py" line="+1"/>
        <location filename="../../hardware/slip.py" line="+81"/>
        <source>機號</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>載具</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../hardware/invoice_paper.py" line="-26"/>
        <location filename="../../hardware/receipt.py" line="+2"/>
        <source>買方統編</source>
        <translation>Buyer tax ID</translation>
    </message>
    <message>
        <location filename="../../hardware/receipt.py" line="+15"/>
        <source>小計</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>含稅 {0}% (營業稅)</source>
        <translation>Incl. {0}% VAT</translation>
    </message>
    <message>
        <location filename="../../hardware/invoice_paper.py" line="-84"/>
        <location line="+102"/>
        <location filename="../../hardware/receipt.py" line="+1"/>
        <source>未稅金額</source>
        <translation>Before tax</translation>
    </message>
    <message>
        <location filename="../../hardware/receipt.py" line="+3"/>
        <source>儲值金為預收款，消費時開立發票</source>
        <translation>Stored value is prepaid: the invoice is issued when it is spent.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>本次共省 {0}</source>
        <translation>You saved {0}</translation>
    </message>
    <message>
        <location filename="../../hardware/slip.py" line="+1"/>
        <source>列印時間</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>列印人員</source>
        <translation>Printed by</translation>
    </message>
    <message>
        <location filename="../../app/services/printouts/invoices.py" line="+45"/>
        <source>捐贈 愛心碼 {0}</source>
        <translation>Donated, code {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>手機條碼 {0}</source>
        <translation>Mobile barcode {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>自然人憑證 {0}</source>
        <translation>Citizen certificate {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員載具 {0}</source>
        <translation>Member carrier {0}</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../../app/ui/report_pdf.py" line="+42"/>
        <location line="+98"/>
        <source>營業報表</source>
        <translation>Sales report</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>（無資料）</source>
        <translation>(no data)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>期間：{0}（{1} 天）&#x3000;列印：{2}</source>
        <translation>Period: {0}, {1} day(s)   Printed: {2}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>淨營業額</source>
        <translation>Net sales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>交易筆數</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>平均客單價</source>
        <translation>Average sale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員占比</source>
        <translation>Member share</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>銷售總額</source>
        <translation>Gross sales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折扣</source>
        <translation>Discounts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨退款</source>
        <translation>Return refunds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>營業稅</source>
        <translation>Sales tax</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>每小時淨額</source>
        <translation>Net sales by hour</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <location line="+16"/>
        <source>淨額</source>
        <translation>Net</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+2"/>
        <source>付款方式</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>收款</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+17"/>
        <source>退款</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>品名</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>數量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>營業額</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>熱銷商品（依營業額）</source>
        <translation>Best sellers (by revenue)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>熱銷商品（依數量）</source>
        <translation>Best sellers (by quantity)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>商品類別</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>類別</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未分類</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>收銀員</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>筆數</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>銷售額</source>
        <translation>Sales total</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>會員與點數</source>
        <translation>Members and points</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>項目</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>數值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員交易筆數</source>
        <translation>Member sales</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0:,} / {1:,}（{2:.1f}%）</source>
        <translation>{0:,} / {1:,} ({2:.1f}%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>會員淨額</source>
        <translation>Member net sales</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0}（{1:.1f}%）</source>
        <translation>{0} ({1:.1f}%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>新會員</source>
        <translation>New members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>發出點數</source>
        <translation>Points earned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折抵點數</source>
        <translation>Points redeemed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨收回點數</source>
        <translation>Points taken back on returns</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨退還點數</source>
        <translation>Points given back on returns</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值</source>
        <translation>Top-ups</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0:,}&#x3000;{1}</source>
        <translation>{0:,}  {1}</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../app/ui/reports_window.py" line="+118"/>
        <location line="+277"/>
        <source>營業報表</source>
        <translation>Sales report</translation>
    </message>
    <message>
        <location line="-260"/>
        <source>總覽</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+109"/>
        <location line="+1"/>
        <location line="+103"/>
        <source>付款方式</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location line="-212"/>
        <source>商品</source>
        <translation>Products</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收銀員與會員</source>
        <translation>Cashiers and members</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>從</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>查詢 (Enter)</source>
        <translation>Show (Enter)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>昨天</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本週</source>
        <translation>This week</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>匯出 CSV (Ctrl+E)</source>
        <translation>Export CSV (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>匯出 PDF (Ctrl+Shift+E)</source>
        <translation>Export PDF (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>列印摘要 (Ctrl+P)</source>
        <translation>Print summary (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>關閉 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>淨營業額</source>
        <translation>Net sales</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>交易筆數</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>平均客單價</source>
        <translation>Average sale</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>會員占比</source>
        <translation>Member share</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>銷售總額</source>
        <translation>Gross sales</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>折扣</source>
        <translation>Discounts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨退款</source>
        <translation>Return refunds</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>營業稅</source>
        <translation>Sales tax</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>收款</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+31"/>
        <source>退款</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+30"/>
        <location line="+71"/>
        <source>淨額</source>
        <translation>Net</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>品名</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>數量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+3"/>
        <location line="+103"/>
        <source>營業額</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>類別</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>熱銷商品（依營業額）</source>
        <translation>Best sellers (by revenue)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>熱銷商品（依數量）</source>
        <translation>Best sellers (by quantity)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>商品類別</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+1"/>
        <source>收銀員</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>筆數</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>銷售額</source>
        <translation>Sales total</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>會員與點數</source>
        <translation>Members and points</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>結束日期不可早於開始日期</source>
        <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>報表查詢中…</source>
        <translation>Loading the report…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>報表讀取失敗：{0}</source>
        <translation>The report could not be read: {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} 的報表</source>
        <translation>Report for {0}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>每小時淨額</source>
        <translation>Net sales by hour</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+3"/>
        <source>未分類</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>類別營業額</source>
        <translation>Revenue by category</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>會員交易：{0} / {1} 筆（{2:.0f}%）</source>
        <translation>Member sales: {0} / {1} ({2:.0f}%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>會員淨額：{0}（{1:.0f}%）</source>
        <translation>Member net sales: {0} ({1:.0f}%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新會員：{0} 位</source>
        <translation>New members: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>發出點數：{0:,}</source>
        <translation>Points earned: {0:,}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折抵點數：{0:,}</source>
        <translation>Points redeemed: {0:,}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨收回點數：{0:,}</source>
        <translation>Points taken back on returns: {0:,}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨退還點數：{0:,}</source>
        <translation>Points given back on returns: {0:,}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值：{0} 筆 {1}</source>
        <translation>Top-ups: {0}, {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>會員交易占比</source>
        <translation>Member share of sales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>非會員</source>
        <translation>Non-members</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>匯出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV 檔 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+14"/>
        <source>無法寫入檔案：{0}</source>
        <translation>Cannot write the file: {0}</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>已匯出 CSV：{0}</source>
        <translation>CSV exported: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>匯出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF 檔 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已匯出 PDF：{0}</source>
        <translation>PDF exported: {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>列印中…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>列印失敗，請檢查印表機：{0}</source>
        <translation>Printing failed, check the printer: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>報表摘要已送到印表機</source>
        <translation>Report summary sent to the printer</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../app/ui/return_dialog.py" line="+60"/>
        <location line="+86"/>
        <source>退貨</source>
        <translation>Return</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>收據號碼（掃描收據條碼）</source>
        <translation>Receipt number (scan the receipt barcode)</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+11"/>
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
        <location line="+29"/>
        <source>找不到這筆交易（只能退本機的交易）</source>
        <translation>Sale not found (only sales made on this terminal can be returned)</translation>
    </message>
    <message>
        <location line="+42"/>
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
        <location filename="../../app/ui/search_dialog.py" line="+28"/>
        <source>查詢商品</source>
        <translation>Find item</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+14"/>
        <source>查詢失敗：{0}</source>
        <translation>Search failed: {0}</translation>
    </message>
    <message>
        <location line="+12"/>
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
    <name>Settings</name>
    <message>
        <location filename="../../app/services/runtime/settings.py" line="+105"/>
        <source>畫面語言 (下次啟動時生效；命令列 --language 優先)</source>
        <translation>Screen language (from the next start; --language overrides it)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>繁體中文</source>
        <translation>Traditional Chinese</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>收據、報表與匯出檔的語言 (立即生效)</source>
        <translation>Receipt, slip and export language (applies at once)</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>閒置幾分鐘後自動鎖定收銀機 (0 = 不自動鎖定)</source>
        <translation>Lock the terminal after this many idle minutes (0 = never)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>開班時預設的零用金 (元，0 = 不預填)</source>
        <translation>Default opening float when opening a shift (NT$, 0 = none)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>收據底部的文字 (空白 = 不印)</source>
        <translation>Text at the foot of the receipt (blank = none)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PIN 連續輸入錯誤幾次後鎖定該員工</source>
        <translation>Wrong PINs in a row before the staff member is locked out</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PIN 錯誤鎖定的分鐘數</source>
        <translation>Minutes locked out after wrong PINs</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="+61"/>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>預設：{0}</source>
        <translation>Default: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>恢復預設</source>
        <translation>Restore default</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>修改後按 Enter 儲存，Esc 取消</source>
        <translation>Press Enter to save your changes, Esc to cancel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>儲存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>(空白)</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>儲存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>須介於 {0} 與 {1} 之間</source>
        <translation>must be between {0} and {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>最多 {0} 個字</source>
        <translation>at most {0} characters</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不可有換行或控制字元</source>
        <translation>no line breaks or control characters</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不是可選的項目</source>
        <translation>not one of the choices</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不認得的設定</source>
        <translation>unknown setting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>格式不正確</source>
        <translation>wrong format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未儲存：「{0}」{1}</source>
        <translation>Not saved: “{0}” {1}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>設定已儲存</source>
        <translation>Settings saved</translation>
    </message>
</context>
<context>
    <name>ShiftOpenDialog</name>
    <message>
        <location filename="../../app/ui/shift_open_dialog.py" line="+35"/>
        <location line="+32"/>
        <source>開班</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>零用金金額</source>
        <translation>Opening float amount</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>依面額點算 (F2)</source>
        <translation>Count by denomination (F2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>請點算放入錢櫃的零用金（找零用）</source>
        <translation>Count the opening float (change) put in the drawer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}，請點算放入錢櫃的零用金（找零用）</source>
        <translation>{0}, count the opening float (change) put in the drawer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>零用金</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>點算合計 {0}</source>
        <translation>Counted total {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} 的張數只能輸入 0 以上的整數（不接受「{1}」），未變更</source>
        <translation>The count for {0} must be a whole number, 0 or more (“{1}” not accepted); unchanged</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>零用金請輸入 0 以上的整數金額（例如 5000）</source>
        <translation>Enter the opening float as a whole amount, 0 or more (e.g. 5000)</translation>
    </message>
</context>
<context>
    <name>ShiftReportDialog</name>
    <message>
        <location filename="../../app/ui/shift_report_dialog.py" line="+29"/>
        <source>X 報表</source>
        <translation>X report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>交班報表</source>
        <translation>Shift report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z 報表</source>
        <translation>Z report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本班</source>
        <translation>(this shift)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自上次 Z 報表</source>
        <translation>(since the last Z report)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>班別</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>列印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>關閉 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>列印中…</source>
        <translation>Printing…</translation>
    </message>
</context>
<context>
    <name>StatusBarView</name>
    <message>
        <location filename="../../app/ui/checkout_status.py" line="+26"/>
        <source>印表機：待命</source>
        <translation>Printer: ready</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+62"/>
        <source>總部：未配對</source>
        <translation>HQ: not paired</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>門市 {0}  機台 {1}  收銀員 {2}</source>
        <translation>Store {0}  Terminal {1}  Cashier {2}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(未登入)</source>
        <translation>(not logged in)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>收銀台 {0} {1}</source>
        <translation>Checkout {0} {1}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>發票 {0} 號碼已用完</source>
        <translation>Invoices {0}: no numbers left</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>發票 {0} 剩 {1} 張 下一張 {2}</source>
        <translation>Invoices {0}: {1} left, next {2}</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location line="+5"/>
        <source>初次同步 {0} 筆</source>
        <translation>First sync: {0} received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待上傳 {0} 筆</source>
        <translation>{0} waiting to upload</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  衝突 {0} 筆，請通知總部</source>
        <translation>  {0} conflicts, please tell HQ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>此收銀機已被總部停用：交易仍可離線進行，但不會上傳，請聯絡總部</source>
        <translation>HQ has disabled this terminal: sales still work offline but will not be uploaded. Please contact HQ</translation>
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
</context>
<context>
    <name>StoreMenu</name>
    <message>
        <location filename="../../app/ui/store_ops.py" line="+38"/>
        <source>店務</source>
        <translation>Store menu</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>選擇店務作業：按數字鍵或點選 (Esc 返回)</source>
        <translation>Choose a store task: press its number or click it (Esc to go back)</translation>
    </message>
</context>
<context>
    <name>StoreOps</name>
    <message>
        <location line="+56"/>
        <source>第 {0} 班已開班，零用金 {1}</source>
        <translation>Shift {0} opened, opening float {1}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{0} {1}，錢櫃應有現金 {2}</source>
        <translation>{0} {1}; expected in the drawer: {2}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>存入</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取出</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>取出 {0}：{1}</source>
        <translation>Cash out {0}: {1}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>第 {0} 班已交班，現金差額 {1}</source>
        <translation>Shift {0} closed, cash difference {1}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Z 報表 {0:06d} 已完成並送印，已上傳總部佇列</source>
        <translation>Z report {0:06d} done and sent to the printer; queued for upload to HQ</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已列印</source>
        <translation>Printed</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <location filename="../../app/ui/wizard_store_page.py" line="+76"/>
        <source>門市與機台</source>
        <translation>Store and terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>與總部配對，收銀機會下載門市的商品、價格與員工；或先用示範模式試用。</source>
        <translation>Pair with HQ and the terminal downloads the store&apos;s products, prices and staff; or try it out in demo mode first.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>與總部配對</source>
        <translation>Pair with HQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>示範模式（不連總部）</source>
        <translation>Demo mode (no HQ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>載入示範商品與示範促銷，之後仍可用 Ctrl+Shift+P 與總部配對。</source>
        <translation>Loads demo products and demo promotions; you can still pair with HQ later with Ctrl+Shift+P.</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>測試連線</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>已與總部配對：門市 {0} 機台 {1}</source>
        <translation>Paired with HQ: store {0} terminal {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已有 {0} 項商品，可以繼續</source>
        <translation>{0} products loaded; you can go on</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>總部網址須以 http:// 或 https:// 開頭</source>
        <translation>The HQ address must start with http:// or https://</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>連線中…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>總部有回應，可以配對</source>
        <translation>HQ answered; ready to pair</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>載入示範資料中…</source>
        <translation>Loading the demo data…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>請輸入總部發給此收銀機的配對碼</source>
        <translation>Enter the pairing code HQ issued for this terminal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>配對中…</source>
        <translation>Pairing…</translation>
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
