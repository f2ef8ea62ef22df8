<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="zh_TW">
<context>
    <name>AdjustFlow</name>
    <message>
        <location filename="../../app/ui/checkout_adjust.py" line="+28"/>
        <source>手動折扣 {0}%</source>
        <translation>手動折扣 {0}%</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>手動折扣</source>
        <translation>手動折扣</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+17"/>
        <source>改價</source>
        <translation>改價</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0}
新單價 (原價 {1})</source>
        <translation>{0}
新單價 (原價 {1})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} 改價為 {1}</source>
        <translation>{0} 改價為 {1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0}：{1} → {2}</source>
        <translation>{0}：{1} → {2}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>已給予{0}</source>
        <translation>已給予{0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}，本筆折扣共 {1}%</source>
        <translation>{0}，本筆折扣共 {1}%</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>未授權，折扣已取消</source>
        <translation>未授權，折扣已取消</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../app/ui/camera_preview.py" line="+166"/>
        <source>相機掃描 QR 碼（會員 / 優惠券）</source>
        <translation>相機掃描 QR 碼（會員 / 優惠券）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>關閉 (Esc)</source>
        <translation>關閉 (Esc)</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location line="-97"/>
        <source>相機未啟動</source>
        <translation>相機未啟動</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>相機啟動中…</source>
        <translation>相機啟動中…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>QR 碼內容過長或無法辨識，已略過</source>
        <translation>QR 碼內容過長或無法辨識，已略過</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已讀取 QR 碼</source>
        <translation>已讀取 QR 碼</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>尚未設定相機：請在設備設定 (Ctrl+Shift+D) 選擇相機</source>
        <translation>尚未設定相機：請在設備設定 (Ctrl+Shift+D) 選擇相機</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請將 QR 碼對準相機</source>
        <translation>請將 QR 碼對準相機</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無法開啟相機，請檢查連接線或設備設定</source>
        <translation>無法開啟相機，請檢查連接線或設備設定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找不到 zbar 解碼程式庫 (libzbar0)：只能預覽，無法讀碼。請改用掃描器或手動輸入</source>
        <translation>找不到 zbar 解碼程式庫 (libzbar0)：只能預覽，無法讀碼。請改用掃描器或手動輸入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>相機已中斷，請檢查連接線</source>
        <translation>相機已中斷，請檢查連接線</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>影片已播放完畢</source>
        <translation>影片已播放完畢</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>相機已停止</source>
        <translation>相機已停止</translation>
    </message>
</context>
<context>
    <name>CartFlow</name>
    <message>
        <location filename="../../app/ui/checkout_cart.py" line="+92"/>
        <source>優惠：</source>
        <translation>優惠：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>；</source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>載具 {0}</source>
        <translation>載具 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>統編 {0}</source>
        <translation>統編 {0}</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>掃描條碼，或輸入貨號 / 品名後按 Enter (F3)</source>
        <translation>掃描條碼，或輸入貨號 / 品名後按 Enter (F3)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已還原上次未完成的交易：{0} 件商品，{1}</source>
        <translation>已還原上次未完成的交易：{0} 件商品，{1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已付 {0}</source>
        <translation>已付 {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>尚未付款</source>
        <translation>尚未付款</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>捐贈 {0}</source>
        <translation>捐贈 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>紙本證明聯</source>
        <translation>紙本證明聯</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>收據 {0}：退貨</source>
        <translation>收據 {0}：退貨</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已記錄手機條碼載具 {0}</source>
        <translation>已記錄手機條碼載具 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已記錄買方統一編號 {0}</source>
        <translation>已記錄買方統一編號 {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>會員：{0}</source>
        <translation>會員：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已套用優惠券：{0}</source>
        <translation>已套用優惠券：{0}</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>修改數量</source>
        <translation>修改數量</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} 數量改為 {1}</source>
        <translation>{0} 數量改為 {1}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>已刪除 {0}</source>
        <translation>已刪除 {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>清除整筆交易？</source>
        <translation>清除整筆交易？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>交易已清除</source>
        <translation>交易已清除</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已掛單</source>
        <translation>已掛單</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>沒有掛單</source>
        <translation>沒有掛單</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已取回掛單</source>
        <translation>已取回掛單</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../app/ui/cart_model.py" line="+35"/>
        <source>品名</source>
        <translation>品名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>數量</source>
        <translation>數量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>單價</source>
        <translation>單價</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>優惠</source>
        <translation>優惠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>小計</source>
        <translation>小計</translation>
    </message>
</context>
<context>
    <name>CashCountDialog</name>
    <message>
        <location filename="../../app/ui/cash_count_dialog.py" line="+69"/>
        <source>交班點鈔</source>
        <translation>交班點鈔</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>交班點鈔 － 班別 {0}</source>
        <translation>交班點鈔 － 班別 {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>現金（依面額點算）</source>
        <translation>現金（依面額點算）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>應有現金</source>
        <translation>應有現金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>實點現金</source>
        <translation>實點現金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>差額</source>
        <translation>差額</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>簽單 / 電子支付結帳單合計（選填）</source>
        <translation>簽單 / 電子支付結帳單合計（選填）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>未點</source>
        <translation>未點</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>應有 {0}</source>
        <translation>應有 {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+57"/>
        <source>逐一輸入各面額的張數，Enter 到下一列</source>
        <translation>逐一輸入各面額的張數，Enter 到下一列</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>交班</source>
        <translation>交班</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>交班 (Ctrl+Enter)</source>
        <translation>交班 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{0} 的張數只能輸入 0 以上的整數（不接受「{1}」），未變更</source>
        <translation>{0} 的張數只能輸入 0 以上的整數（不接受「{1}」），未變更</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{0} 合計只能輸入 0 以上的整數金額（不接受「{1}」），未變更</source>
        <translation>{0} 合計只能輸入 0 以上的整數金額（不接受「{1}」），未變更</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>現金短少 {0}</source>
        <translation>現金短少 {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>現金溢收 {0}</source>
        <translation>現金溢收 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} 不符</source>
        <translation>{0} 不符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}：請再點一次；確定無誤請再按一次交班</source>
        <translation>{0}：請再點一次；確定無誤請再按一次交班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>、</source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>CashMoveDialog</name>
    <message>
        <location filename="../../app/ui/cash_move_dialog.py" line="+47"/>
        <source>現金存入 / 取出</source>
        <translation>現金存入 / 取出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>存入錢櫃</source>
        <translation>存入錢櫃</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>自錢櫃取出</source>
        <translation>自錢櫃取出</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+14"/>
        <source>金額</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>類別</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>確定</source>
        <translation>確定</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>零錢補充</source>
        <translation>零錢補充</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>零用金補充</source>
        <translation>零用金補充</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>其他</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>存入保險箱</source>
        <translation>存入保險箱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>零用金支出</source>
        <translation>零用金支出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>繳回總部</source>
        <translation>繳回總部</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>錢櫃應有現金 {0}</source>
        <translation>錢櫃應有現金 {0}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>請輸入大於 0 的整數金額</source>
        <translation>請輸入大於 0 的整數金額</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>取出金額 {0} 超過錢櫃應有現金 {1}</source>
        <translation>取出金額 {0} 超過錢櫃應有現金 {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>請輸入原因</source>
        <translation>請輸入原因</translation>
    </message>
</context>
<context>
    <name>CheckoutActions</name>
    <message>
        <location filename="../../app/ui/checkout_actions.py" line="+39"/>
        <source>數量</source>
        <translation>數量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改價</source>
        <translation>改價</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折扣</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>查詢商品</source>
        <translation>查詢商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>刪除品項</source>
        <translation>刪除品項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>清除交易</source>
        <translation>清除交易</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>掛單</source>
        <translation>掛單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取單</source>
        <translation>取單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員</source>
        <translation>會員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>優惠券</source>
        <translation>優惠券</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>相機掃碼</source>
        <translation>相機掃碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值</source>
        <translation>儲值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨</source>
        <translation>退貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>補印收據</source>
        <translation>補印收據</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>立即同步</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>換人 / 登出</source>
        <translation>換人 / 登出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>店務</source>
        <translation>店務</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+99"/>
        <source>快捷鍵</source>
        <translation>快捷鍵</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>現金</source>
        <translation>現金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>剛好</source>
        <translation>剛好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>信用卡</source>
        <translation>信用卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他支付</source>
        <translation>其他支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消付款</source>
        <translation>取消付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>載具 / 捐贈 / 統編</source>
        <translation>載具 / 捐贈 / 統編</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>開錢櫃</source>
        <translation>開錢櫃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回到掃描</source>
        <translation>回到掃描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>設備設定</source>
        <translation>設備設定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>與總部配對</source>
        <translation>與總部配對</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>開班</source>
        <translation>開班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>現金存入 / 取出</source>
        <translation>現金存入 / 取出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X 報表 (讀帳)</source>
        <translation>X 報表 (讀帳)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>交班 (點鈔)</source>
        <translation>交班 (點鈔)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日結 Z 報表</source>
        <translation>日結 Z 報表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>營業報表</source>
        <translation>營業報表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>設定</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>CheckoutWindow</name>
    <message>
        <location filename="../../app/ui/checkout_window.py" line="+125"/>
        <source>請掃描商品</source>
        <translation>請掃描商品</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>請確認</source>
        <translation>請確認</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>{0} 已登入。尚未開班：請按 Ctrl+O 開班並點算零用金</source>
        <translation>{0} 已登入。尚未開班：請按 Ctrl+O 開班並點算零用金</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} 已登入</source>
        <translation>{0} 已登入</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/ui/crash_dialog.py" line="+32"/>
        <source>發生未預期的錯誤</source>
        <translation>發生未預期的錯誤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>發生未預期的錯誤，已記錄。目前的交易已保存，不會遺失；可以繼續操作，若問題持續請通知店長。</source>
        <translation>發生未預期的錯誤，已記錄。目前的交易已保存，不會遺失；可以繼續操作，若問題持續請通知店長。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>記錄檔：{0}</source>
        <translation>記錄檔：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>繼續</source>
        <translation>繼續</translation>
    </message>
</context>
<context>
    <name>DenominationCounter</name>
    <message>
        <location filename="../../app/ui/denomination_counter.py" line="+49"/>
        <source>面額</source>
        <translation>面額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>張 / 枚數</source>
        <translation>張 / 枚數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>小計</source>
        <translation>小計</translation>
    </message>
</context>
<context>
    <name>DeviceSettingsDialog</name>
    <message>
        <location filename="../../app/ui/device_settings_dialog.py" line="+83"/>
        <source>設備設定</source>
        <translation>設備設定</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>掃描器</source>
        <translation>掃描器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收據印表機</source>
        <translation>收據印表機</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>相機</source>
        <translation>相機</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>儲存</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>serial:///dev/ttyACM0，留空：不使用</source>
        <translation>serial:///dev/ttyACM0，留空：不使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不使用</source>
        <translation>不使用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>條碼內含價格</source>
        <translation>條碼內含價格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>條碼內含重量</source>
        <translation>條碼內含重量</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>在此掃描一個條碼，看看系統怎麼判讀</source>
        <translation>在此掃描一個條碼，看看系統怎麼判讀</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>按鍵最大間隔 (毫秒)</source>
        <translation>按鍵最大間隔 (毫秒)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>條碼最短長度</source>
        <translation>條碼最短長度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>條碼最長長度</source>
        <translation>條碼最長長度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>結束鍵</source>
        <translation>結束鍵</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+119"/>
        <source>序列埠掃描器</source>
        <translation>序列埠掃描器</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>秤重 / 計價條碼 (2 開頭)</source>
        <translation>秤重 / 計價條碼 (2 開頭)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>品號位數</source>
        <translation>品號位數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>略過位數 (價格檢查碼)</source>
        <translation>略過位數 (價格檢查碼)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>小數位數 (重量 3 = 公斤)</source>
        <translation>小數位數 (重量 3 = 公斤)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>測試掃描</source>
        <translation>測試掃描</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>目前使用：{0}</source>
        <translation>目前使用：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>58 mm (每行 32 字)</source>
        <translation>58 mm (每行 32 字)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>80 mm (每行 48 字)</source>
        <translation>80 mm (每行 48 字)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文字 (印表機 Big5 字型)</source>
        <translation>文字 (印表機 Big5 字型)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>圖像 (印表機沒有中文字型時)</source>
        <translation>圖像 (印表機沒有中文字型時)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>商店標誌圖檔路徑 (可留空)</source>
        <translation>商店標誌圖檔路徑 (可留空)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>現金付款時開錢櫃</source>
        <translation>現金付款時開錢櫃</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>第 2 腳</source>
        <translation>第 2 腳</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>第 5 腳</source>
        <translation>第 5 腳</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>測試列印</source>
        <translation>測試列印</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>檢查狀態</source>
        <translation>檢查狀態</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+79"/>
        <source>印表機位址</source>
        <translation>印表機位址</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>啟動參數 --printer 優先於此設定</source>
        <translation>啟動參數 --printer 優先於此設定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紙寬</source>
        <translation>紙寬</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>列印方式</source>
        <translation>列印方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>編碼</source>
        <translation>編碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>標誌</source>
        <translation>標誌</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>錢櫃接腳</source>
        <translation>錢櫃接腳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>逾時 (秒)</source>
        <translation>逾時 (秒)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>0、/dev/video0 或影片檔，留空：不使用</source>
        <translation>0、/dev/video0 或影片檔，留空：不使用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>開始預覽</source>
        <translation>開始預覽</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+49"/>
        <source>相機來源</source>
        <translation>相機來源</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>同一 QR 碼重複讀取間隔 (秒)</source>
        <translation>同一 QR 碼重複讀取間隔 (秒)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>預覽每秒張數</source>
        <translation>預覽每秒張數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>解碼每秒張數</source>
        <translation>解碼每秒張數</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>結束鍵 (至少選一個)</source>
        <translation>結束鍵 (至少選一個)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>秤重 / 計價條碼</source>
        <translation>秤重 / 計價條碼</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>無法使用：{0}</source>
        <translation>無法使用：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>種類：{0}  內容：{1}</source>
        <translation>種類：{0}  內容：{1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  品號 {0}  數值 {1}</source>
        <translation>  品號 {0}  數值 {1}</translation>
    </message>
    <message>
        <location line="+234"/>
        <source>列印中…</source>
        <translation>列印中…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>測試收據已送出</source>
        <translation>測試收據已送出</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>檢查中…</source>
        <translation>檢查中…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>這台印表機不回報狀態</source>
        <translation>這台印表機不回報狀態</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>印表機正常</source>
        <translation>印表機正常</translation>
    </message>
</context>
<context>
    <name>DevicesFlow</name>
    <message>
        <location filename="../../app/ui/checkout_devices.py" line="+43"/>
        <source>設備設定已儲存並套用</source>
        <translation>設備設定已儲存並套用</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+10"/>
        <source>掃描器：正常</source>
        <translation>掃描器：正常</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>掃描器：未連線</source>
        <translation>掃描器：未連線</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>印表機：{0}</source>
        <translation>印表機：{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+22"/>
        <source>印表機：正常</source>
        <translation>印表機：正常</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>印表機異常，{0} 張收據待印</source>
        <translation>印表機異常，{0} 張收據待印</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>收據未印出，已排入佇列，印表機恢復後自動列印</source>
        <translation>收據未印出，已排入佇列，印表機恢復後自動列印</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>印表機：{0} 張待印</source>
        <translation>印表機：{0} 張待印</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>換零錢</source>
        <translation>換零錢</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>收據核對</source>
        <translation>收據核對</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>其他</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>開錢櫃 (無交易)</source>
        <translation>開錢櫃 (無交易)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>錢櫃已開啟（無交易，已記錄）</source>
        <translation>錢櫃已開啟（無交易，已記錄）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>錢櫃未開啟：{0}（已記錄）</source>
        <translation>錢櫃未開啟：{0}（已記錄）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>收據 {0}</source>
        <translation>收據 {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>找不到可補印的收據</source>
        <translation>找不到可補印的收據</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>補印 {0} 已送出</source>
        <translation>補印 {0} 已送出</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../app/ui/wizard_devices_page.py" line="+117"/>
        <source>設備</source>
        <translation>設備</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收據印表機、掃描器與相機。每項都能先測試；其他設定在設備設定 (Ctrl+Shift+D)。</source>
        <translation>收據印表機、掃描器與相機。每項都能先測試；其他設定在設備設定 (Ctrl+Shift+D)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>收據印表機</source>
        <translation>收據印表機</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>掃描器</source>
        <translation>掃描器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>相機（可不設定）</source>
        <translation>相機（可不設定）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>印表機位址</source>
        <translation>印表機位址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>紙寬</source>
        <translation>紙寬</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>測試掃描</source>
        <translation>測試掃描</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>序列埠掃描器</source>
        <translation>序列埠掃描器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>相機來源</source>
        <translation>相機來源</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tcp://192.168.1.50:9100、usb://0x04b8:0x0202；留空：{0}</source>
        <translation>tcp://192.168.1.50:9100、usb://0x04b8:0x0202；留空：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>58 mm (每行 32 字)</source>
        <translation>58 mm (每行 32 字)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>80 mm (每行 48 字)</source>
        <translation>80 mm (每行 48 字)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>測試列印</source>
        <translation>測試列印</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>USB 掃描器：點這裡，現在掃一個條碼，看看讀到什麼</source>
        <translation>USB 掃描器：點這裡，現在掃一個條碼，看看讀到什麼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0、/dev/video0 或影片檔，留空：不使用</source>
        <translation>0、/dev/video0 或影片檔，留空：不使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>測試相機</source>
        <translation>測試相機</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>讀到「{0}」：{1}</source>
        <translation>讀到「{0}」：{1}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>列印中…</source>
        <translation>列印中…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>測試收據已送出，請看印表機是否印出</source>
        <translation>測試收據已送出，請看印表機是否印出</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>找不到 OpenCV：無法使用相機，其他功能不受影響</source>
        <translation>找不到 OpenCV：無法使用相機，其他功能不受影響</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>找不到 zbar 解碼程式庫 (libzbar0)：只能預覽，無法讀碼</source>
        <translation>找不到 zbar 解碼程式庫 (libzbar0)：只能預覽，無法讀碼</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚未設定相機來源：沒有相機可留空</source>
        <translation>尚未設定相機來源：沒有相機可留空</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>讀到「{0}」</source>
        <translation>讀到「{0}」</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>相機預覽已開啟：把 QR 碼對準相機</source>
        <translation>相機預覽已開啟：把 QR 碼對準相機</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>儲存中…</source>
        <translation>儲存中…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>設備設定已儲存</source>
        <translation>設備設定已儲存</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../app/ui/dialog_buttons.py" line="+18"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../app/ui/discount_dialog.py" line="+48"/>
        <source>手動折扣</source>
        <translation>手動折扣</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>折扣：10% 或金額 50</source>
        <translation>折扣：10% 或金額 50</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>此品項：{0}</source>
        <translation>此品項：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此品項</source>
        <translation>此品項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>整筆交易</source>
        <translation>整筆交易</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>您可給的折扣上限：{0}%（超過需主管授權）</source>
        <translation>您可給的折扣上限：{0}%（超過需主管授權）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>折扣</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>折扣格式不正確：請輸入 1% 到 100%，或大於 0 的金額</source>
        <translation>折扣格式不正確：請輸入 1% 到 100%，或大於 0 的金額</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="+89"/>
        <source>收銀機首次設定</source>
        <translation>收銀機首次設定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; 上一步</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下一步 &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>完成，開始使用</source>
        <translation>完成，開始使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>InvoiceBuyerDialog</name>
    <message>
        <location filename="../../app/ui/invoice_buyer_dialog.py" line="+21"/>
        <source>電子發票：載具 / 捐贈 / 統編</source>
        <translation>電子發票：載具 / 捐贈 / 統編</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>掃描或輸入：
手機條碼（/ 加 7 碼）、自然人憑證（2 英文 + 14 數字）
捐贈碼（3 到 7 碼數字）或買方統編（8 碼數字）</source>
        <translation>掃描或輸入：
手機條碼（/ 加 7 碼）、自然人憑證（2 英文 + 14 數字）
捐贈碼（3 到 7 碼數字）或買方統編（8 碼數字）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>列印證明聯 (F2)</source>
        <translation>列印證明聯 (F2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>清除 (F4)</source>
        <translation>清除 (F4)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>確認</source>
        <translation>確認</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>載具 {0}</source>
        <translation>載具 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>捐贈 {0}</source>
        <translation>捐贈 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>統編 {0}</source>
        <translation>統編 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>紙本證明聯</source>
        <translation>紙本證明聯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目前：{0}</source>
        <translation>目前：{0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>無</source>
        <translation>無</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../app/ui/wizard_pages.py" line="+166"/>
        <source>歡迎使用 OMO 門市收銀機</source>
        <translation>歡迎使用 OMO 門市收銀機</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第一次啟動：幾個步驟就能開始收銀。先選擇畫面語言。</source>
        <translation>第一次啟動：幾個步驟就能開始收銀。先選擇畫面語言。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>畫面語言（之後每次啟動都會使用）</source>
        <translation>畫面語言（之後每次啟動都會使用）</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../app/ui/login_screen.py" line="+31"/>
        <location line="+70"/>
        <source>收銀機已鎖定</source>
        <translation>收銀機已鎖定</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+67"/>
        <source>請輸入員工編號與密碼 (PIN) 登入</source>
        <translation>請輸入員工編號與密碼 (PIN) 登入</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>員工編號，例如 C001</source>
        <translation>員工編號，例如 C001</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>4 到 8 位數字</source>
        <translation>4 到 8 位數字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再輸入一次密碼</source>
        <translation>再輸入一次密碼</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>員工編號</source>
        <translation>員工編號</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>密碼</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>確認密碼</source>
        <translation>確認密碼</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>首次使用：建立店長帳號</source>
        <translation>首次使用：建立店長帳號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這台收銀機還沒有任何員工帳號。請建立第一位店長；總部的員工資料同步後也能登入。</source>
        <translation>這台收銀機還沒有任何員工帳號。請建立第一位店長；總部的員工資料同步後也能登入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>建立並登入 (Enter)</source>
        <translation>建立並登入 (Enter)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>登入 (Enter)</source>
        <translation>登入 (Enter)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>請輸入員工編號</source>
        <translation>請輸入員工編號</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>驗證中…</source>
        <translation>驗證中…</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../app/ui/wizard_pages.py" line="+50"/>
        <source>第一位店長</source>
        <translation>第一位店長</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建立這台收銀機的第一位店長帳號；總部的員工資料同步後也能登入。</source>
        <translation>建立這台收銀機的第一位店長帳號；總部的員工資料同步後也能登入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密碼 (PIN) 為 4 到 8 位數字，登入與核准時使用。</source>
        <translation>密碼 (PIN) 為 4 到 8 位數字，登入與核准時使用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>員工編號</source>
        <translation>員工編號</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密碼</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>確認密碼</source>
        <translation>確認密碼</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>4 到 8 位數字</source>
        <translation>4 到 8 位數字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再輸入一次密碼</source>
        <translation>再輸入一次密碼</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>建立中…</source>
        <translation>建立中…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>已建立店長 {0}</source>
        <translation>已建立店長 {0}</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../app/ui/member_dialog.py" line="+48"/>
        <source>一般會員</source>
        <translation>一般會員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>銀卡</source>
        <translation>銀卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金卡</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>白金卡</source>
        <translation>白金卡</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>會員</source>
        <translation>會員</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>手機號碼或會員卡號</source>
        <translation>手機號碼或會員卡號</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+40"/>
        <source>輸入手機號碼或掃描會員卡後按 Enter</source>
        <translation>輸入手機號碼或掃描會員卡後按 Enter</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>手機 / 卡號</source>
        <translation>手機 / 卡號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名（新會員）</source>
        <translation>姓名（新會員）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生日（選填）</source>
        <translation>生日（選填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>推薦碼（選填）</source>
        <translation>推薦碼（選填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>查詢 / 加入</source>
        <translation>查詢 / 加入</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>用相機掃會員 QR 碼 (F8)</source>
        <translation>用相機掃會員 QR 碼 (F8)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>查無此會員。輸入姓名後按 Enter 即可加入會員（離線也可以）</source>
        <translation>查無此會員。輸入姓名後按 Enter 即可加入會員（離線也可以）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>請掃描會員卡或會員 App 的 QR 碼</source>
        <translation>請掃描會員卡或會員 App 的 QR 碼</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>加入本筆交易</source>
        <translation>加入本筆交易</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}  {1}</source>
        <translation>{0}  {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數 {0}  儲值金 NT${1:,}</source>
        <translation>點數 {0}  儲值金 NT${1:,}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>（本機）</source>
        <translation>（本機）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>網路商店</source>
        <translation>網路商店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>門市 {0}</source>
        <translation>門市 {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>門市</source>
        <translation>門市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最近消費 {0}  {1}  {2}  NT${3:,}</source>
        <translation>最近消費 {0}  {1}  {2}  NT${3:,}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>（離線：僅本機消費紀錄）</source>
        <translation>（離線：僅本機消費紀錄）</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>勾選要使用的優惠券，按 Enter 加入本筆交易</source>
        <translation>勾選要使用的優惠券，按 Enter 加入本筆交易</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>{0}  到期 {1}</source>
        <translation>{0}  到期 {1}</translation>
    </message>
</context>
<context>
    <name>MemberFlow</name>
    <message>
        <location filename="../../app/ui/checkout_member.py" line="+34"/>
        <source>移除本筆交易的會員 {0}？</source>
        <translation>移除本筆交易的會員 {0}？</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>會員：{0}</source>
        <translation>會員：{0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已移除會員</source>
        <translation>已移除會員</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>優惠券</source>
        <translation>優惠券</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>輸入優惠券代碼</source>
        <translation>輸入優惠券代碼</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>已套用優惠券：{0}</source>
        <translation>已套用優惠券：{0}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>儲值 {0} 完成，儲值金餘額 {1}</source>
        <translation>儲值 {0} 完成，儲值金餘額 {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>，找零 {0}</source>
        <translation>，找零 {0}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>收據 {0}，退款 {1}</source>
        <translation>收據 {0}，退款 {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨 {0} 完成，退款 {1}：{2}</source>
        <translation>退貨 {0} 完成，退款 {1}：{2}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/ui/messages.py" line="+18"/>
        <source>沒有讀到條碼</source>
        <translation>沒有讀到條碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>條碼檢查碼錯誤，請重新掃描或手動輸入：{detail}</source>
        <translation>條碼檢查碼錯誤，請重新掃描或手動輸入：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無法辨識的條碼：{detail}</source>
        <translation>無法辨識的條碼：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>條碼過長，未加入商品</source>
        <translation>條碼過長，未加入商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>讀到無法辨識的資料（亂碼），未做任何變更，請重新掃描</source>
        <translation>讀到無法辨識的資料（亂碼），未做任何變更，請重新掃描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>讀到無法辨識的資料，未做任何變更</source>
        <translation>讀到無法辨識的資料，未做任何變更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>載具格式不正確（手機條碼：/ 加 7 碼；自然人憑證：2 個英文字母加 14 碼數字）：{detail}</source>
        <translation>載具格式不正確（手機條碼：/ 加 7 碼；自然人憑證：2 個英文字母加 14 碼數字）：{detail}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>捐贈碼（愛心碼）須為 3 到 7 碼數字：{detail}</source>
        <translation>捐贈碼（愛心碼）須為 3 到 7 碼數字：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>載具與捐贈只能擇一</source>
        <translation>載具與捐贈只能擇一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打統編的發票不能捐贈：請先清除捐贈碼或統編</source>
        <translation>打統編的發票不能捐贈：請先清除捐贈碼或統編</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>電子發票號碼已用完，無法結帳（購物車已保留）：請連線總部取得號碼</source>
        <translation>電子發票號碼已用完，無法結帳（購物車已保留）：請連線總部取得號碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>電腦時間早於已開立發票的期別（{detail}），無法開立發票：請校正時間</source>
        <translation>電腦時間早於已開立發票的期別（{detail}），無法開立發票：請校正時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這張發票已作廢：{detail}</source>
        <translation>這張發票已作廢：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員卡號檢查碼錯誤：{detail}</source>
        <translation>會員卡號檢查碼錯誤：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>統一編號不正確：{detail}</source>
        <translation>統一編號不正確：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這不是此處需要的條碼：{detail}</source>
        <translation>這不是此處需要的條碼：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>掃到收據條碼：請先完成或掛起目前交易，再辦理退貨</source>
        <translation>掃到收據條碼：請先完成或掛起目前交易，再辦理退貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>秤重 / 計價條碼的金額不正確：{detail}</source>
        <translation>秤重 / 計價條碼的金額不正確：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>掃描器傳來亂碼，未做任何變更，請重新掃描</source>
        <translation>掃描器傳來亂碼，未做任何變更，請重新掃描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>掃描器傳來無法辨識的控制字元，未做任何變更</source>
        <translation>掃描器傳來無法辨識的控制字元，未做任何變更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>掃描器已中斷連線，正在重新連線</source>
        <translation>掃描器已中斷連線，正在重新連線</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>掃描器已重新連線</source>
        <translation>掃描器已重新連線</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>裝置位址不正確：{detail}</source>
        <translation>裝置位址不正確：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無法連線到裝置：{detail}</source>
        <translation>無法連線到裝置：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>送出到裝置失敗：{detail}</source>
        <translation>送出到裝置失敗：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>查無此商品：{detail}</source>
        <translation>查無此商品：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>交易存檔中，請稍候</source>
        <translation>交易存檔中，請稍候</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>數量必須是 1 到 {max} 的整數</source>
        <translation>數量必須是 1 到 {max} 的整數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請先選擇一個品項</source>
        <translation>請先選擇一個品項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>購物車是空的</source>
        <translation>購物車是空的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>品項過多，請分開結帳</source>
        <translation>品項過多，請分開結帳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金額不正確：{detail}</source>
        <translation>金額不正確：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>非現金付款不可超過應收金額</source>
        <translation>非現金付款不可超過應收金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已有付款，請先取消付款 (F7) 再修改商品</source>
        <translation>已有付款，請先取消付款 (F7) 再修改商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>尚未付清</source>
        <translation>尚未付清</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已付清，無需再付款</source>
        <translation>已付清，無需再付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>單價必須是 0 到 1,000,000 元的整數：{detail}</source>
        <translation>單價必須是 0 到 1,000,000 元的整數：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折扣必須是 1% 到 100%，或大於 0 的金額：{detail}</source>
        <translation>折扣必須是 1% 到 100%，或大於 0 的金額：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折扣超過可折金額，未給予：{detail}</source>
        <translation>折扣超過可折金額，未給予：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目前交易尚未結束，請先掛單或清除</source>
        <translation>目前交易尚未結束，請先掛單或清除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>查無此優惠券：{detail}</source>
        <translation>查無此優惠券：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這張優惠券已使用在本筆交易：{detail}</source>
        <translation>這張優惠券已使用在本筆交易：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>優惠券已過期：{detail}</source>
        <translation>優惠券已過期：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>優惠券尚未生效：{detail}</source>
        <translation>優惠券尚未生效：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此優惠券限首次購物使用：{detail}</source>
        <translation>此優惠券限首次購物使用：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未達優惠券最低消費金額：{detail}</source>
        <translation>未達優惠券最低消費金額：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>購物車中沒有適用此優惠券的商品：{detail}</source>
        <translation>購物車中沒有適用此優惠券的商品：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此優惠券對本筆交易沒有折扣：{detail}</source>
        <translation>此優惠券對本筆交易沒有折扣：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>優惠券重複：{detail}</source>
        <translation>優惠券重複：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>優惠計算失敗，暫以原價計算，請通知店長</source>
        <translation>優惠計算失敗，暫以原價計算，請通知店長</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請先加入會員 (Ctrl+M)</source>
        <translation>請先加入會員 (Ctrl+M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>尚未收到總部的點數規則，暫不能使用點數</source>
        <translation>尚未收到總部的點數規則，暫不能使用點數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請輸入要折抵的金額</source>
        <translation>請輸入要折抵的金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數須整數折抵</source>
        <translation>點數須整數折抵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未達最低折抵點數</source>
        <translation>未達最低折抵點數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數不足（需要 {detail} 點）</source>
        <translation>點數不足（需要 {detail} 點）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數折抵超過本筆可折抵上限</source>
        <translation>點數折抵超過本筆可折抵上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總部尚未授權此收銀機離線折抵點數，請改用其他付款</source>
        <translation>總部尚未授權此收銀機離線折抵點數，請改用其他付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>離線折抵授權已過期，請待與總部同步</source>
        <translation>離線折抵授權已過期，請待與總部同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超過總部授權的離線折抵額度</source>
        <translation>超過總部授權的離線折抵額度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總部尚未授權此收銀機使用此會員的儲值金，請改用其他付款</source>
        <translation>總部尚未授權此收銀機使用此會員的儲值金，請改用其他付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值金離線授權已過期，請待與總部同步</source>
        <translation>儲值金離線授權已過期，請待與總部同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超過總部授權的儲值金額度</source>
        <translation>超過總部授權的儲值金額度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值金餘額不足</source>
        <translation>儲值金餘額不足</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這張優惠券已經使用過：{detail}</source>
        <translation>這張優惠券已經使用過：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這張優惠券屬於其他會員，請先加入持券會員 (Ctrl+M)</source>
        <translation>這張優惠券屬於其他會員，請先加入持券會員 (Ctrl+M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>優惠券驗證失敗（可能遭竄改），未套用</source>
        <translation>優惠券驗證失敗（可能遭竄改），未套用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無法辨識的優惠券條碼</source>
        <translation>無法辨識的優惠券條碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>尚未與總部配對，無法驗證會員 QR 碼</source>
        <translation>尚未與總部配對，無法驗證會員 QR 碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>查無此會員（尚未同步？請改用手機號碼查詢）</source>
        <translation>查無此會員（尚未同步？請改用手機號碼查詢）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QR 碼已過期，請會員重新開啟 App 條碼</source>
        <translation>QR 碼已過期，請會員重新開啟 App 條碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這個 QR 碼已使用過，請會員重新整理 App 條碼</source>
        <translation>這個 QR 碼已使用過，請會員重新整理 App 條碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員 App 登入已過期，請會員重新登入</source>
        <translation>會員 App 登入已過期，請會員重新登入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QR 碼驗證失敗（可能遭竄改），未加入會員</source>
        <translation>QR 碼驗證失敗（可能遭竄改），未加入會員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無法辨識的 QR 碼</source>
        <translation>無法辨識的 QR 碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手機號碼格式不正確（例如 0912-345-678）</source>
        <translation>手機號碼格式不正確（例如 0912-345-678）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員卡號不正確：{detail}</source>
        <translation>會員卡號不正確：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請輸入姓名</source>
        <translation>請輸入姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生日格式不正確（例如 1990-05-01）</source>
        <translation>生日格式不正確（例如 1990-05-01）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>推薦碼不正確</source>
        <translation>推薦碼不正確</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>找不到這筆掛單</source>
        <translation>找不到這筆掛單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值金額低於總部規定的最低金額：{detail}</source>
        <translation>儲值金額低於總部規定的最低金額：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值後會超過總部規定的儲值金上限，未儲值：{detail}</source>
        <translation>儲值後會超過總部規定的儲值金上限，未儲值：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值金額必須大於 0</source>
        <translation>儲值金額必須大於 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收現金額不足，還差 {detail} 元</source>
        <translation>收現金額不足，還差 {detail} 元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此付款方式不能用於儲值：{detail}</source>
        <translation>此付款方式不能用於儲值：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>找不到這筆交易（只能退本機的交易）</source>
        <translation>找不到這筆交易（只能退本機的交易）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請至少選擇一項要退回的商品</source>
        <translation>請至少選擇一項要退回的商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這筆交易沒有此品項：{detail}</source>
        <translation>這筆交易沒有此品項：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退回數量不正確：{detail}</source>
        <translation>退回數量不正確：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此品項已退回，不可重複退貨（品項:剩餘可退 {detail}）</source>
        <translation>此品項已退回，不可重複退貨（品項:剩餘可退 {detail}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退款方式不正確：{detail}</source>
        <translation>退款方式不正確：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點鈔數量不正確（只能是 0 以上的整數）：{detail}，未交班</source>
        <translation>點鈔數量不正確（只能是 0 以上的整數）：{detail}，未交班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請選擇存入或取出</source>
        <translation>請選擇存入或取出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請輸入原因</source>
        <translation>請輸入原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因太長（最多 {detail} 字）</source>
        <translation>原因太長（最多 {detail} 字）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請先登入收銀人員</source>
        <translation>請先登入收銀人員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目前沒有開班，請先開班</source>
        <translation>目前沒有開班，請先開班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此收銀機已開班（班別 {detail}），請先交班</source>
        <translation>此收銀機已開班（班別 {detail}），請先交班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取出金額超過錢櫃應有現金（{detail} 元）</source>
        <translation>取出金額超過錢櫃應有現金（{detail} 元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>尚有班別未交班（班別 {detail}），請先交班再做 Z 報表</source>
        <translation>尚有班別未交班（班別 {detail}），請先交班再做 Z 報表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上次 Z 報表之後沒有任何交易，不需再做 Z 報表</source>
        <translation>上次 Z 報表之後沒有任何交易，不需再做 Z 報表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>查無此員工編號：{detail}</source>
        <translation>查無此員工編號：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密碼錯誤，再錯 {detail} 次將鎖定 15 分鐘</source>
        <translation>密碼錯誤，再錯 {detail} 次將鎖定 15 分鐘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此帳號密碼錯誤次數過多，已鎖定至 {detail}，請稍後再試或請店長協助</source>
        <translation>此帳號密碼錯誤次數過多，已鎖定至 {detail}，請稍後再試或請店長協助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此員工帳號已停用：{detail}</source>
        <translation>此員工帳號已停用：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密碼須為 4 到 8 位數字</source>
        <translation>密碼須為 4 到 8 位數字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>兩次輸入的密碼不相同</source>
        <translation>兩次輸入的密碼不相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>員工編號只能用英文字母與數字：{detail}</source>
        <translation>員工編號只能用英文字母與數字：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這台收銀機已有員工帳號，請直接登入</source>
        <translation>這台收銀機已有員工帳號，請直接登入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此員工沒有授權權限（需要{detail}）</source>
        <translation>此員工沒有授權權限（需要{detail}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無法辨識的員工卡</source>
        <translation>無法辨識的員工卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>請先登入</source>
        <translation>請先登入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此帳號的密碼資料無效，請總部重設密碼：{detail}</source>
        <translation>此帳號的密碼資料無效，請總部重設密碼：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>資料庫忙碌中，交易未存檔，購物車已保留，請再按一次結帳</source>
        <translation>資料庫忙碌中，交易未存檔，購物車已保留，請再按一次結帳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>資料庫無法寫入（唯讀），交易未存檔，購物車已保留。請通知店長</source>
        <translation>資料庫無法寫入（唯讀），交易未存檔，購物車已保留。請通知店長</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>磁碟已滿，交易未存檔，購物車已保留。請通知店長清出空間</source>
        <translation>磁碟已滿，交易未存檔，購物車已保留。請通知店長清出空間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無法開啟資料庫：{detail}</source>
        <translation>無法開啟資料庫：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>資料庫損毀，請通知店長：{detail}</source>
        <translation>資料庫損毀，請通知店長：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>磁碟讀寫錯誤，交易未存檔，購物車已保留</source>
        <translation>磁碟讀寫錯誤，交易未存檔，購物車已保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已完成的交易不可修改</source>
        <translation>已完成的交易不可修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>資料庫錯誤，交易未存檔，購物車已保留：{detail}</source>
        <translation>資料庫錯誤，交易未存檔，購物車已保留：{detail}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>錯誤：{code} {detail}</source>
        <translation>錯誤：{code} {detail}</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>離線</source>
        <translation>離線</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缺紙</source>
        <translation>缺紙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上蓋開啟</source>
        <translation>上蓋開啟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>故障</source>
        <translation>故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紙將用完</source>
        <translation>紙將用完</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{key}：格式不正確</source>
        <translation>{key}：格式不正確</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}：超出允許範圍</source>
        <translation>{key}：超出允許範圍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}：不是允許的選項</source>
        <translation>{key}：不是允許的選項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}：位址不正確</source>
        <translation>{key}：位址不正確</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}：不認得的設定</source>
        <translation>{key}：不認得的設定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}：秤重條碼各段位數加起來必須是 13 碼</source>
        <translation>{key}：秤重條碼各段位數加起來必須是 13 碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}：儲存的設定已損壞，已改用預設值</source>
        <translation>{key}：儲存的設定已損壞，已改用預設值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{key}：{code}</source>
        <translation>{key}：{code}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>無法連線到總部，請確認網址與網路後再試</source>
        <translation>無法連線到總部，請確認網址與網路後再試</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>配對碼不正確</source>
        <translation>配對碼不正確</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>這個配對碼已經使用過，請向總部索取新的配對碼</source>
        <translation>這個配對碼已經使用過，請向總部索取新的配對碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>配對碼已過期，請向總部索取新的配對碼</source>
        <translation>配對碼已過期，請向總部索取新的配對碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>此收銀機已被總部停用，請聯絡總部</source>
        <translation>此收銀機已被總部停用，請聯絡總部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總部不認得此收銀機，請重新配對</source>
        <translation>總部不認得此收銀機，請重新配對</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>總部拒絕：{0}</source>
        <translation>總部拒絕：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>總部回應無法驗證（{0}），未套用任何資料</source>
        <translation>總部回應無法驗證（{0}），未套用任何資料</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../app/ui/override_dialog.py" line="+22"/>
        <source>取消已收款項</source>
        <translation>取消已收款項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨退款</source>
        <translation>退貨退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改價</source>
        <translation>改價</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超過權限的折扣</source>
        <translation>超過權限的折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>開錢櫃 (無交易)</source>
        <translation>開錢櫃 (無交易)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>補印收據</source>
        <translation>補印收據</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>錢櫃取出現金</source>
        <translation>錢櫃取出現金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日結 Z 報表</source>
        <translation>日結 Z 報表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改收銀機設定</source>
        <translation>修改收銀機設定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>收銀員</source>
        <translation>收銀員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主管</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>店長</source>
        <translation>店長</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>需要主管授權</source>
        <translation>需要主管授權</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}：需要{1}授權</source>
        <translation>{0}：需要{1}授權</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>請主管輸入員工編號與密碼，或刷主管卡</source>
        <translation>請主管輸入員工編號與密碼，或刷主管卡</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>主管員工編號</source>
        <translation>主管員工編號</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>員工編號</source>
        <translation>員工編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密碼</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>授權</source>
        <translation>授權</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>請輸入主管員工編號，或刷主管卡</source>
        <translation>請輸入主管員工編號，或刷主管卡</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>驗證中…</source>
        <translation>驗證中…</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <location filename="../../app/ui/pairing_dialog.py" line="+26"/>
        <source>與總部配對</source>
        <translation>與總部配對</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>請輸入總部網址與總部發給此收銀機的配對碼</source>
        <translation>請輸入總部網址與總部發給此收銀機的配對碼</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>總部網址</source>
        <translation>總部網址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>配對碼</source>
        <translation>配對碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>配對</source>
        <translation>配對</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>稍後</source>
        <translation>稍後</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>請輸入 http:// 或 https:// 開頭的網址與配對碼</source>
        <translation>請輸入 http:// 或 https:// 開頭的網址與配對碼</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>配對中…</source>
        <translation>配對中…</translation>
    </message>
</context>
<context>
    <name>ParkedDialog</name>
    <message>
        <location filename="../../app/ui/parked_dialog.py" line="+19"/>
        <source>取回掛單</source>
        <translation>取回掛單</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}  {1} 件  {2}  {3}</source>
        <translation>{0}  {1} 件  {2}  {3}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>取回</source>
        <translation>取回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>掛單 {0} 筆：選一筆，按 Enter 取回</source>
        <translation>掛單 {0} 筆：選一筆，按 Enter 取回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>沒有掛單</source>
        <translation>沒有掛單</translation>
    </message>
</context>
<context>
    <name>PaymentFlow</name>
    <message>
        <location filename="../../app/ui/checkout_payment.py" line="+37"/>
        <source>收現金額 (F9)</source>
        <translation>收現金額 (F9)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>上一筆收據預覽</source>
        <translation>上一筆收據預覽</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>尚欠 {0}</source>
        <translation>尚欠 {0}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已收：{0}</source>
        <translation>已收：{0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>付款已取消：刷卡或電子支付請在刷卡機 / App 上取消</source>
        <translation>付款已取消：刷卡或電子支付請在刷卡機 / App 上取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>付款已取消</source>
        <translation>付款已取消</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>存檔中…</source>
        <translation>存檔中…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>交易完成  收據 {0}  找零 {1}</source>
        <translation>交易完成  收據 {0}  找零 {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>交易完成  發票 {0}  找零 {1}</source>
        <translation>交易完成  發票 {0}  找零 {1}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>待上傳 {0} 筆</source>
        <translation>待上傳 {0} 筆</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <location filename="../../app/services/printing.py" line="+384"/>
        <location line="+10"/>
        <source>測試列印</source>
        <translation>測試列印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>印表機設定正常</source>
        <translation>印表機設定正常</translation>
    </message>
    <message>
        <location filename="../../app/services/printouts/receipts.py" line="+29"/>
        <source>現金</source>
        <translation>現金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>信用卡</source>
        <translation>信用卡</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>街口支付</source>
        <translation>街口支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>悠遊卡</source>
        <translation>悠遊卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數折抵</source>
        <translation>點數折抵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值金</source>
        <translation>儲值金</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>改價</source>
        <translation>改價</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>手動折扣 {0}%</source>
        <translation>手動折扣 {0}%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手動折扣</source>
        <translation>手動折扣</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>交易明細</source>
        <translation>交易明細</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../hardware/invoice_paper.py" line="+388"/>
        <source>發票號碼</source>
        <translation>發票號碼</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+29"/>
        <location line="+19"/>
        <location filename="../../app/services/printouts/reports.py" line="+97"/>
        <location line="+41"/>
        <source>會員</source>
        <translation>會員</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>本次點數</source>
        <translation>本次點數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數餘額</source>
        <translation>點數餘額</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>儲值金餘額</source>
        <translation>儲值金餘額</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>儲值收據</source>
        <translation>儲值收據</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值金儲值</source>
        <translation>儲值金儲值</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../app/services/printouts/reports.py" line="-29"/>
        <source>儲值金額</source>
        <translation>儲值金額</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>退款 {0}</source>
        <translation>退款 {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>扣回點數</source>
        <translation>扣回點數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退回點數</source>
        <translation>退回點數</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>退貨收據</source>
        <translation>退貨收據</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>退 {0}</source>
        <translation>退 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退款合計</source>
        <translation>退款合計</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原收據</source>
        <translation>原收據</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>作廢發票</source>
        <translation>作廢發票</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>折讓單</source>
        <translation>折讓單</translation>
    </message>
    <message>
        <location filename="../../app/services/printouts/reports.py" line="-47"/>
        <location line="+66"/>
        <location filename="../../app/services/printouts/shift_slips.py" line="+44"/>
        <source>交易筆數</source>
        <translation>交易筆數</translation>
    </message>
    <message>
        <location line="-66"/>
        <location filename="../../app/services/printouts/shift_slips.py" line="+4"/>
        <source>淨額</source>
        <translation>淨額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>項目</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>報表期間</source>
        <translation>報表期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>開始</source>
        <translation>開始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>結束</source>
        <translation>結束</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>天數</source>
        <translation>天數</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../hardware/invoice_paper.py" line="+3"/>
        <location line="+58"/>
        <source>總計</source>
        <translation>總計</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../hardware/invoice_paper.py" line="-14"/>
        <source>金額</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+55"/>
        <location filename="../../app/services/printouts/shift_slips.py" line="-3"/>
        <source>銷售總額</source>
        <translation>銷售總額</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+56"/>
        <location filename="../../app/services/printouts/shift_slips.py" line="+1"/>
        <location filename="../../hardware/receipt.py" line="+325"/>
        <source>折扣</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>銷售淨額</source>
        <translation>銷售淨額</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+55"/>
        <source>退貨退款</source>
        <translation>退貨退款</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+56"/>
        <source>淨營業額</source>
        <translation>淨營業額</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+56"/>
        <source>營業稅</source>
        <translation>營業稅</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+57"/>
        <source>退貨筆數</source>
        <translation>退貨筆數</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+57"/>
        <source>平均客單價</source>
        <translation>平均客單價</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>每小時</source>
        <translation>每小時</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>時段</source>
        <translation>時段</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../hardware/invoice_paper.py" line="-1"/>
        <source>數量</source>
        <translation>數量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>營業額</source>
        <translation>營業額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>排名</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>商品編號</source>
        <translation>商品編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>品名</source>
        <translation>品名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>熱銷商品（營業額）</source>
        <translation>熱銷商品（營業額）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>熱銷商品（數量）</source>
        <translation>熱銷商品（數量）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>商品類別</source>
        <translation>商品類別</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>類別</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未分類</source>
        <translation>未分類</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+42"/>
        <source>付款方式</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>退款</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/services/printouts/shift_slips.py" line="+3"/>
        <source>收款</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+41"/>
        <location filename="../../hardware/receipt.py" line="-16"/>
        <source>收銀員</source>
        <translation>收銀員</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>銷售額</source>
        <translation>銷售額</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>比例 (%)</source>
        <translation>比例 (%)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>會員與點數</source>
        <translation>會員與點數</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>數值</source>
        <translation>數值</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>新會員</source>
        <translation>新會員</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+38"/>
        <source>發出點數</source>
        <translation>發出點數</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+39"/>
        <source>折抵點數</source>
        <translation>折抵點數</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>退貨收回點數</source>
        <translation>退貨收回點數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨退還點數</source>
        <translation>退貨退還點數</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/services/printouts/shift_slips.py" line="+8"/>
        <source>儲值筆數</source>
        <translation>儲值筆數</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>期間</source>
        <translation>期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>營業總計</source>
        <translation>營業總計</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} {1}筆</source>
        <translation>{0} {1}筆</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>熱銷商品</source>
        <translation>熱銷商品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>會員交易</source>
        <translation>會員交易</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>會員淨額</source>
        <translation>會員淨額</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../app/services/printouts/shift_slips.py" line="-1"/>
        <source>儲值</source>
        <translation>儲值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}筆 {1}</source>
        <translation>{0}筆 {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>營業報表</source>
        <translation>營業報表</translation>
    </message>
    <message>
        <location filename="../../app/services/printouts/shift_slips.py" line="-15"/>
        <source>期間起</source>
        <translation>期間起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>期間迄</source>
        <translation>期間迄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>營業</source>
        <translation>營業</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>退貨 {0} 筆</source>
        <translation>退貨 {0} 筆</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../hardware/invoice_paper.py" line="-87"/>
        <location line="+87"/>
        <location line="+14"/>
        <location filename="../../hardware/receipt.py" line="+41"/>
        <source>稅額</source>
        <translation>稅額</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>（無）</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>其中退 {0}</source>
        <translation>其中退 {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>現金進出</source>
        <translation>現金進出</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+19"/>
        <source>存入現金</source>
        <translation>存入現金</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>取出現金</source>
        <translation>取出現金</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>開錢櫃（無交易）</source>
        <translation>開錢櫃（無交易）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 次</source>
        <translation>{0} 次</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>班別 {0}</source>
        <translation>班別 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>開班</source>
        <translation>開班</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>交班</source>
        <translation>交班</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>開班零用金</source>
        <translation>開班零用金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>現金銷售</source>
        <translation>現金銷售</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>現金儲值</source>
        <translation>現金儲值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>現金退款</source>
        <translation>現金退款</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>應有現金</source>
        <translation>應有現金</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>實點現金</source>
        <translation>實點現金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>差額</source>
        <translation>差額</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} 應有</source>
        <translation>{0} 應有</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} 實點</source>
        <translation>{0} 實點</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 差額</source>
        <translation>{0} 差額</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>本班</source>
        <translation>本班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自上次 Z 報表</source>
        <translation>自上次 Z 報表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X 報表</source>
        <translation>X 報表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>X 報表僅供查閱，不結帳</source>
        <translation>X 報表僅供查閱，不結帳</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>交班報表</source>
        <translation>交班報表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>班別 No. {0}</source>
        <translation>班別 No. {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>班別數</source>
        <translation>班別數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>現金差額合計</source>
        <translation>現金差額合計</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z 報表</source>
        <translation>Z 報表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>日結完成</source>
        <translation>日結完成</translation>
    </message>
    <message>
        <location filename="../../hardware/receipt.py" line="-106"/>
        <source>** 補印 **</source>
        <translation>** 補印 **</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>合計</source>
        <translation>合計</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找零</source>
        <translation>找零</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>謝謝光臨</source>
        <translation>謝謝光臨</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>統一編號: {0}</source>
        <translation>統一編號: {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>收據號碼</source>
        <translation>收據號碼</translation>
    </message>
    <message>
        <location filename="../../hardware/invoice_paper.py" line="-121"/>
        <source>電子發票證明聯</source>
        <translation>電子發票證明聯</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>補印</source>
        <translation>補印</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>格式 {0}</source>
        <translation>格式 {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>隨機碼 {0}</source>
        <translation>隨機碼 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總計 {0}</source>
        <translation>總計 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>賣方 {0}</source>
        <translation>賣方 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>買方 {0}</source>
        <translation>買方 {0}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>電子發票開立通知</source>
        <translation>電子發票開立通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本單非電子發票證明聯</source>
        <translation>本單非電子發票證明聯</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>期別</source>
        <translation>期別</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../hardware/receipt.py" line="+1"/>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>隨機碼</source>
        <translation>隨機碼</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>營業人銷貨退回、進貨退出或折讓證明單</source>
        <translation>營業人銷貨退回、進貨退出或折讓證明單</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>折讓單號碼</source>
        <translation>折讓單號碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折讓日期</source>
        <translation>折讓日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>賣方</source>
        <translation>賣方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>賣方統編</source>
        <translation>賣方統編</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>無</source>
        <translation>無</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原發票號碼</source>
        <translation>原發票號碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原發票日期</source>
        <translation>原發票日期</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>本證明單所列進貨退出或折讓，確屬事實，特此證明。</source>
        <translation>本證明單所列進貨退出或折讓，確屬事實，特此證明。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>買方簽收</source>
        <translation>買方簽收</translation>
    </message>
    <message>
        <location filename="../../hardware/receipt.py" line="+1"/>
        <location filename="../../hardware/slip.py" line="+81"/>
        <source>機號</source>
        <translation>機號</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>載具</source>
        <translation>載具</translation>
    </message>
    <message>
        <location filename="../../hardware/invoice_paper.py" line="-26"/>
        <location filename="../../hardware/receipt.py" line="+2"/>
        <source>買方統編</source>
        <translation>買方統編</translation>
    </message>
    <message>
        <location filename="../../hardware/receipt.py" line="+15"/>
        <source>小計</source>
        <translation>小計</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>含稅 {0}% (營業稅)</source>
        <translation>含稅 {0}% (營業稅)</translation>
    </message>
    <message>
        <location filename="../../hardware/invoice_paper.py" line="-84"/>
        <location line="+102"/>
        <location filename="../../hardware/receipt.py" line="+1"/>
        <source>未稅金額</source>
        <translation>未稅金額</translation>
    </message>
    <message>
        <location filename="../../hardware/receipt.py" line="+3"/>
        <source>儲值金為預收款，消費時開立發票</source>
        <translation>儲值金為預收款，消費時開立發票</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>本次共省 {0}</source>
        <translation>本次共省 {0}</translation>
    </message>
    <message>
        <location filename="../../hardware/slip.py" line="+1"/>
        <source>列印時間</source>
        <translation>列印時間</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>列印人員</source>
        <translation>列印人員</translation>
    </message>
    <message>
        <location filename="../../app/services/printouts/invoices.py" line="+45"/>
        <source>捐贈 愛心碼 {0}</source>
        <translation>捐贈 愛心碼 {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>手機條碼 {0}</source>
        <translation>手機條碼 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>自然人憑證 {0}</source>
        <translation>自然人憑證 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員載具 {0}</source>
        <translation>會員載具 {0}</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../../app/ui/report_pdf.py" line="+42"/>
        <location line="+98"/>
        <source>營業報表</source>
        <translation>營業報表</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>（無資料）</source>
        <translation>（無資料）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>期間：{0}（{1} 天）&#x3000;列印：{2}</source>
        <translation>期間：{0}（{1} 天）&#x3000;列印：{2}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>淨營業額</source>
        <translation>淨營業額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>交易筆數</source>
        <translation>交易筆數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>平均客單價</source>
        <translation>平均客單價</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員占比</source>
        <translation>會員占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>銷售總額</source>
        <translation>銷售總額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折扣</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨退款</source>
        <translation>退貨退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>營業稅</source>
        <translation>營業稅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>每小時淨額</source>
        <translation>每小時淨額</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <location line="+16"/>
        <source>淨額</source>
        <translation>淨額</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+2"/>
        <source>付款方式</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>收款</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+17"/>
        <source>退款</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>品名</source>
        <translation>品名</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>數量</source>
        <translation>數量</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>營業額</source>
        <translation>營業額</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>熱銷商品（依營業額）</source>
        <translation>熱銷商品（依營業額）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>熱銷商品（依數量）</source>
        <translation>熱銷商品（依數量）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>商品類別</source>
        <translation>商品類別</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>類別</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未分類</source>
        <translation>未分類</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>收銀員</source>
        <translation>收銀員</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>筆數</source>
        <translation>筆數</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>銷售額</source>
        <translation>銷售額</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>會員與點數</source>
        <translation>會員與點數</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>項目</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>數值</source>
        <translation>數值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員交易筆數</source>
        <translation>會員交易筆數</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0:,} / {1:,}（{2:.1f}%）</source>
        <translation>{0:,} / {1:,}（{2:.1f}%）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>會員淨額</source>
        <translation>會員淨額</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0}（{1:.1f}%）</source>
        <translation>{0}（{1:.1f}%）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>新會員</source>
        <translation>新會員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>發出點數</source>
        <translation>發出點數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折抵點數</source>
        <translation>折抵點數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨收回點數</source>
        <translation>退貨收回點數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨退還點數</source>
        <translation>退貨退還點數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值</source>
        <translation>儲值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0:,}&#x3000;{1}</source>
        <translation>{0:,}&#x3000;{1}</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../app/ui/reports_window.py" line="+118"/>
        <location line="+277"/>
        <source>營業報表</source>
        <translation>營業報表</translation>
    </message>
    <message>
        <location line="-260"/>
        <source>總覽</source>
        <translation>總覽</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+109"/>
        <location line="+1"/>
        <location line="+103"/>
        <source>付款方式</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location line="-212"/>
        <source>商品</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收銀員與會員</source>
        <translation>收銀員與會員</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>從</source>
        <translation>從</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>到</source>
        <translation>到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>查詢 (Enter)</source>
        <translation>查詢 (Enter)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>今天</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>昨天</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本週</source>
        <translation>本週</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本月</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>匯出 CSV (Ctrl+E)</source>
        <translation>匯出 CSV (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>匯出 PDF (Ctrl+Shift+E)</source>
        <translation>匯出 PDF (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>列印摘要 (Ctrl+P)</source>
        <translation>列印摘要 (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>關閉 (Esc)</source>
        <translation>關閉 (Esc)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>淨營業額</source>
        <translation>淨營業額</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>交易筆數</source>
        <translation>交易筆數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>平均客單價</source>
        <translation>平均客單價</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>會員占比</source>
        <translation>會員占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>銷售總額</source>
        <translation>銷售總額</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>折扣</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨退款</source>
        <translation>退貨退款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>營業稅</source>
        <translation>營業稅</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>收款</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+31"/>
        <source>退款</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+30"/>
        <location line="+71"/>
        <source>淨額</source>
        <translation>淨額</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>品名</source>
        <translation>品名</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>數量</source>
        <translation>數量</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+3"/>
        <location line="+103"/>
        <source>營業額</source>
        <translation>營業額</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>類別</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>熱銷商品（依營業額）</source>
        <translation>熱銷商品（依營業額）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>熱銷商品（依數量）</source>
        <translation>熱銷商品（依數量）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>商品類別</source>
        <translation>商品類別</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+1"/>
        <source>收銀員</source>
        <translation>收銀員</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>筆數</source>
        <translation>筆數</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>銷售額</source>
        <translation>銷售額</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>會員與點數</source>
        <translation>會員與點數</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>結束日期不可早於開始日期</source>
        <translation>結束日期不可早於開始日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>報表查詢中…</source>
        <translation>報表查詢中…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>報表讀取失敗：{0}</source>
        <translation>報表讀取失敗：{0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} 的報表</source>
        <translation>{0} 的報表</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>每小時淨額</source>
        <translation>每小時淨額</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+3"/>
        <source>未分類</source>
        <translation>未分類</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>類別營業額</source>
        <translation>類別營業額</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>會員交易：{0} / {1} 筆（{2:.0f}%）</source>
        <translation>會員交易：{0} / {1} 筆（{2:.0f}%）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>會員淨額：{0}（{1:.0f}%）</source>
        <translation>會員淨額：{0}（{1:.0f}%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新會員：{0} 位</source>
        <translation>新會員：{0} 位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>發出點數：{0:,}</source>
        <translation>發出點數：{0:,}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折抵點數：{0:,}</source>
        <translation>折抵點數：{0:,}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨收回點數：{0:,}</source>
        <translation>退貨收回點數：{0:,}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨退還點數：{0:,}</source>
        <translation>退貨退還點數：{0:,}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值：{0} 筆 {1}</source>
        <translation>儲值：{0} 筆 {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>會員交易占比</source>
        <translation>會員交易占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員</source>
        <translation>會員</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>非會員</source>
        <translation>非會員</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>匯出 CSV</source>
        <translation>匯出 CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV 檔 (*.csv)</source>
        <translation>CSV 檔 (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+14"/>
        <source>無法寫入檔案：{0}</source>
        <translation>無法寫入檔案：{0}</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>已匯出 CSV：{0}</source>
        <translation>已匯出 CSV：{0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>匯出 PDF</source>
        <translation>匯出 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF 檔 (*.pdf)</source>
        <translation>PDF 檔 (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已匯出 PDF：{0}</source>
        <translation>已匯出 PDF：{0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>列印中…</source>
        <translation>列印中…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>列印失敗，請檢查印表機：{0}</source>
        <translation>列印失敗，請檢查印表機：{0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>報表摘要已送到印表機</source>
        <translation>報表摘要已送到印表機</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../app/ui/return_dialog.py" line="+60"/>
        <location line="+86"/>
        <source>退貨</source>
        <translation>退貨</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>收據號碼（掃描收據條碼）</source>
        <translation>收據號碼（掃描收據條碼）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>找收據號碼</source>
        <translation>找收據號碼</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找這天</source>
        <translation>找這天</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>此會員的交易</source>
        <translation>此會員的交易</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>品名</source>
        <translation>品名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>售出</source>
        <translation>售出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已退</source>
        <translation>已退</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>本次退回</source>
        <translation>本次退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退款</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>全部退回</source>
        <translation>全部退回</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>退回原付款方式</source>
        <translation>退回原付款方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退現金</source>
        <translation>退現金</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>例如：瑕疵、買錯</source>
        <translation>例如：瑕疵、買錯</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退款方式</source>
        <translation>退款方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>輸入或掃描收據號碼後按 Enter</source>
        <translation>輸入或掃描收據號碼後按 Enter</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>找不到這筆交易（只能退本機的交易）</source>
        <translation>找不到這筆交易（只能退本機的交易）</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>收據 {0}：選擇每項要退回的數量</source>
        <translation>收據 {0}：選擇每項要退回的數量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收據 {0} 的商品都已退回</source>
        <translation>收據 {0} 的商品都已退回</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>退款合計 {0}</source>
        <translation>退款合計 {0}</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../app/ui/search_dialog.py" line="+28"/>
        <source>查詢商品</source>
        <translation>查詢商品</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>輸入品名、貨號或條碼</source>
        <translation>輸入品名、貨號或條碼</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>加入</source>
        <translation>加入</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>查詢中…</source>
        <translation>查詢中…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>查詢失敗：{0}</source>
        <translation>查詢失敗：{0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>找到 {0} 項，Enter 加入</source>
        <translation>找到 {0} 項，Enter 加入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找不到符合「{0}」的商品</source>
        <translation>找不到符合「{0}」的商品</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../app/services/runtime/settings.py" line="+105"/>
        <source>畫面語言 (下次啟動時生效；命令列 --language 優先)</source>
        <translation>畫面語言 (下次啟動時生效；命令列 --language 優先)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>繁體中文</source>
        <translation>繁體中文</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>收據、報表與匯出檔的語言 (立即生效)</source>
        <translation>收據、報表與匯出檔的語言 (立即生效)</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>閒置幾分鐘後自動鎖定收銀機 (0 = 不自動鎖定)</source>
        <translation>閒置幾分鐘後自動鎖定收銀機 (0 = 不自動鎖定)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>開班時預設的零用金 (元，0 = 不預填)</source>
        <translation>開班時預設的零用金 (元，0 = 不預填)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>收據底部的文字 (空白 = 不印)</source>
        <translation>收據底部的文字 (空白 = 不印)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PIN 連續輸入錯誤幾次後鎖定該員工</source>
        <translation>PIN 連續輸入錯誤幾次後鎖定該員工</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PIN 錯誤鎖定的分鐘數</source>
        <translation>PIN 錯誤鎖定的分鐘數</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="+61"/>
        <source>設定</source>
        <translation>設定</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>預設：{0}</source>
        <translation>預設：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>恢復預設</source>
        <translation>恢復預設</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>修改後按 Enter 儲存，Esc 取消</source>
        <translation>修改後按 Enter 儲存，Esc 取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>儲存</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>(空白)</source>
        <translation>(空白)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>儲存中…</source>
        <translation>儲存中…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>須介於 {0} 與 {1} 之間</source>
        <translation>須介於 {0} 與 {1} 之間</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>最多 {0} 個字</source>
        <translation>最多 {0} 個字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不可有換行或控制字元</source>
        <translation>不可有換行或控制字元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不是可選的項目</source>
        <translation>不是可選的項目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不認得的設定</source>
        <translation>不認得的設定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>格式不正確</source>
        <translation>格式不正確</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未儲存：「{0}」{1}</source>
        <translation>未儲存：「{0}」{1}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>設定已儲存</source>
        <translation>設定已儲存</translation>
    </message>
</context>
<context>
    <name>ShiftOpenDialog</name>
    <message>
        <location filename="../../app/ui/shift_open_dialog.py" line="+35"/>
        <location line="+32"/>
        <source>開班</source>
        <translation>開班</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>零用金金額</source>
        <translation>零用金金額</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>依面額點算 (F2)</source>
        <translation>依面額點算 (F2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>請點算放入錢櫃的零用金（找零用）</source>
        <translation>請點算放入錢櫃的零用金（找零用）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}，請點算放入錢櫃的零用金（找零用）</source>
        <translation>{0}，請點算放入錢櫃的零用金（找零用）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>零用金</source>
        <translation>零用金</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>點算合計 {0}</source>
        <translation>點算合計 {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} 的張數只能輸入 0 以上的整數（不接受「{1}」），未變更</source>
        <translation>{0} 的張數只能輸入 0 以上的整數（不接受「{1}」），未變更</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>零用金請輸入 0 以上的整數金額（例如 5000）</source>
        <translation>零用金請輸入 0 以上的整數金額（例如 5000）</translation>
    </message>
</context>
<context>
    <name>ShiftReportDialog</name>
    <message>
        <location filename="../../app/ui/shift_report_dialog.py" line="+29"/>
        <source>X 報表</source>
        <translation>X 報表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>交班報表</source>
        <translation>交班報表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z 報表</source>
        <translation>Z 報表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本班</source>
        <translation>本班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自上次 Z 報表</source>
        <translation>自上次 Z 報表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>班別</source>
        <translation>班別</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>列印 (Ctrl+P)</source>
        <translation>列印 (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>關閉 (Esc)</source>
        <translation>關閉 (Esc)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>列印中…</source>
        <translation>列印中…</translation>
    </message>
</context>
<context>
    <name>StatusBarView</name>
    <message>
        <location filename="../../app/ui/checkout_status.py" line="+26"/>
        <source>印表機：待命</source>
        <translation>印表機：待命</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+62"/>
        <source>總部：未配對</source>
        <translation>總部：未配對</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>門市 {0}  機台 {1}  收銀員 {2}</source>
        <translation>門市 {0}  機台 {1}  收銀員 {2}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(未登入)</source>
        <translation>(未登入)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>收銀台 {0} {1}</source>
        <translation>收銀台 {0} {1}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>發票 {0} 號碼已用完</source>
        <translation>發票 {0} 號碼已用完</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>發票 {0} 剩 {1} 張 下一張 {2}</source>
        <translation>發票 {0} 剩 {1} 張 下一張 {2}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>總部：已連線 {0}</source>
        <translation>總部：已連線 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總部：離線，自動重試中</source>
        <translation>總部：離線，自動重試中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總部：此收銀機已被停用</source>
        <translation>總部：此收銀機已被停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總部：資料驗證失敗，未套用</source>
        <translation>總部：資料驗證失敗，未套用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ctrl+S 立即同步，Ctrl+Shift+P 與總部配對</source>
        <translation>Ctrl+S 立即同步，Ctrl+Shift+P 與總部配對</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>初次同步 {0} 筆</source>
        <translation>初次同步 {0} 筆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待上傳 {0} 筆</source>
        <translation>待上傳 {0} 筆</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  衝突 {0} 筆，請通知總部</source>
        <translation>  衝突 {0} 筆，請通知總部</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>此收銀機已被總部停用：交易仍可離線進行，但不會上傳，請聯絡總部</source>
        <translation>此收銀機已被總部停用：交易仍可離線進行，但不會上傳，請聯絡總部</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>同步中…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已與總部配對：門市 {0} 機台 {1}</source>
        <translation>已與總部配對：門市 {0} 機台 {1}</translation>
    </message>
</context>
<context>
    <name>StoreMenu</name>
    <message>
        <location filename="../../app/ui/store_ops.py" line="+38"/>
        <source>店務</source>
        <translation>店務</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>選擇店務作業：按數字鍵或點選 (Esc 返回)</source>
        <translation>選擇店務作業：按數字鍵或點選 (Esc 返回)</translation>
    </message>
</context>
<context>
    <name>StoreOps</name>
    <message>
        <location line="+56"/>
        <source>第 {0} 班已開班，零用金 {1}</source>
        <translation>第 {0} 班已開班，零用金 {1}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{0} {1}，錢櫃應有現金 {2}</source>
        <translation>{0} {1}，錢櫃應有現金 {2}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>存入</source>
        <translation>存入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取出</source>
        <translation>取出</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>取出 {0}：{1}</source>
        <translation>取出 {0}：{1}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>第 {0} 班已交班，現金差額 {1}</source>
        <translation>第 {0} 班已交班，現金差額 {1}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Z 報表 {0:06d} 已完成並送印，已上傳總部佇列</source>
        <translation>Z 報表 {0:06d} 已完成並送印，已上傳總部佇列</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已列印</source>
        <translation>已列印</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <location filename="../../app/ui/wizard_store_page.py" line="+76"/>
        <source>門市與機台</source>
        <translation>門市與機台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>與總部配對，收銀機會下載門市的商品、價格與員工；或先用示範模式試用。</source>
        <translation>與總部配對，收銀機會下載門市的商品、價格與員工；或先用示範模式試用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>與總部配對</source>
        <translation>與總部配對</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>示範模式（不連總部）</source>
        <translation>示範模式（不連總部）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>載入示範商品與示範促銷，之後仍可用 Ctrl+Shift+P 與總部配對。</source>
        <translation>載入示範商品與示範促銷，之後仍可用 Ctrl+Shift+P 與總部配對。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>總部網址</source>
        <translation>總部網址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>配對碼</source>
        <translation>配對碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>測試連線</source>
        <translation>測試連線</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>已與總部配對：門市 {0} 機台 {1}</source>
        <translation>已與總部配對：門市 {0} 機台 {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已有 {0} 項商品，可以繼續</source>
        <translation>已有 {0} 項商品，可以繼續</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>總部網址須以 http:// 或 https:// 開頭</source>
        <translation>總部網址須以 http:// 或 https:// 開頭</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>連線中…</source>
        <translation>連線中…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>總部有回應，可以配對</source>
        <translation>總部有回應，可以配對</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>載入示範資料中…</source>
        <translation>載入示範資料中…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>請輸入總部發給此收銀機的配對碼</source>
        <translation>請輸入總部發給此收銀機的配對碼</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>配對中…</source>
        <translation>配對中…</translation>
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <location filename="../../app/ui/tender_dialog.py" line="+20"/>
        <source>銀聯</source>
        <translation>銀聯</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>現金</source>
        <translation>現金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>信用卡</source>
        <translation>信用卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LINE Pay</source>
        <translation>LINE Pay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>街口支付</source>
        <translation>街口支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>悠遊卡</source>
        <translation>悠遊卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數折抵</source>
        <translation>點數折抵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>儲值金</source>
        <translation>儲值金</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>信用卡付款</source>
        <translation>信用卡付款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>其他付款</source>
        <translation>其他付款</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>付款方式</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金額</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>卡別</source>
        <translation>卡別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>卡號末四碼</source>
        <translation>卡號末四碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>授權碼</source>
        <translation>授權碼</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>交易序號</source>
        <translation>交易序號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>確認</source>
        <translation>確認</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>金額請輸入整數元</source>
        <translation>金額請輸入整數元</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>末四碼必須是 4 位數字</source>
        <translation>末四碼必須是 4 位數字</translation>
    </message>
</context>
<context>
    <name>TopUpDialog</name>
    <message>
        <location filename="../../app/ui/top_up_dialog.py" line="+42"/>
        <source>儲值金儲值</source>
        <translation>儲值金儲值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>金額</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>現金</source>
        <translation>現金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>信用卡</source>
        <translation>信用卡</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>收現金額（空白：剛好）</source>
        <translation>收現金額（空白：剛好）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>卡別 末四碼 授權碼</source>
        <translation>卡別 末四碼 授權碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>會員 {0}，目前儲值金 {1}</source>
        <translation>會員 {0}，目前儲值金 {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>儲值金額</source>
        <translation>儲值金額</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>付款方式</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收現</source>
        <translation>收現</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>刷卡資訊</source>
        <translation>刷卡資訊</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>儲值</source>
        <translation>儲值</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>請輸入儲值金額（整數元）</source>
        <translation>請輸入儲值金額（整數元）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>收現金額不足 {0}</source>
        <translation>收現金額不足 {0}</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../app/ui/totals_panel.py" line="+24"/>
        <location line="+27"/>
        <source>（無，Ctrl+M）</source>
        <translation>（無，Ctrl+M）</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>應收</source>
        <translation>應收</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>會員</source>
        <translation>會員</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已省</source>
        <translation>已省</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>件數</source>
        <translation>件數</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已付</source>
        <translation>已付</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚欠</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找零</source>
        <translation>找零</translation>
    </message>
</context>
</TS>
