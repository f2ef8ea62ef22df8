<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="zh_TW">
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
    <name>CheckoutWindow</name>
    <message>
        <location filename="../../app/ui/checkout_window.py" line="+85"/>
        <source>掃描條碼，或輸入貨號 / 品名後按 Enter (F3)</source>
        <translation>掃描條碼，或輸入貨號 / 品名後按 Enter (F3)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>收現金額 (F9)</source>
        <translation>收現金額 (F9)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>上一筆收據預覽</source>
        <translation>上一筆收據預覽</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>請掃描商品</source>
        <translation>請掃描商品</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>印表機：待命</source>
        <translation>印表機：待命</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+517"/>
        <source>總部：未配對</source>
        <translation>總部：未配對</translation>
    </message>
    <message>
        <location line="-504"/>
        <source>數量</source>
        <translation>數量</translation>
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
        <location line="+232"/>
        <source>優惠券</source>
        <translation>優惠券</translation>
    </message>
    <message>
        <location line="-231"/>
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
        <location line="+519"/>
        <source>快捷鍵</source>
        <translation>快捷鍵</translation>
    </message>
    <message>
        <location line="-517"/>
        <source>與總部配對</source>
        <translation>與總部配對</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>回到掃描</source>
        <translation>回到掃描</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>優惠：</source>
        <translation>優惠：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>；</source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>請確認</source>
        <translation>請確認</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+131"/>
        <source>會員：{0}</source>
        <translation>會員：{0}</translation>
    </message>
    <message>
        <location line="-130"/>
        <location line="+145"/>
        <source>已套用優惠券：{0}</source>
        <translation>已套用優惠券：{0}</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>修改數量</source>
        <translation>修改數量</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{0} 數量改為 {1}</source>
        <translation>{0} 數量改為 {1}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>已刪除 {0}</source>
        <translation>已刪除 {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>清除整筆交易？</source>
        <translation>清除整筆交易？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>交易已清除</source>
        <translation>交易已清除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>移除本筆交易的會員 {0}？</source>
        <translation>移除本筆交易的會員 {0}？</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>已移除會員</source>
        <translation>已移除會員</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>輸入優惠券代碼</source>
        <translation>輸入優惠券代碼</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>已掛單</source>
        <translation>已掛單</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>沒有掛單</source>
        <translation>沒有掛單</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已取回掛單</source>
        <translation>已取回掛單</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>尚欠 {0}</source>
        <translation>尚欠 {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>付款已取消：刷卡或電子支付請在刷卡機 / App 上取消</source>
        <translation>付款已取消：刷卡或電子支付請在刷卡機 / App 上取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>付款已取消</source>
        <translation>付款已取消</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>存檔中…</source>
        <translation>存檔中…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>交易完成  收據 {0}  找零 {1}</source>
        <translation>交易完成  收據 {0}  找零 {1}</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+103"/>
        <source>待上傳 {0} 筆</source>
        <translation>待上傳 {0} 筆</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>儲值 {0} 完成，儲值金餘額 {1}</source>
        <translation>儲值 {0} 完成，儲值金餘額 {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>，找零 {0}</source>
        <translation>，找零 {0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退貨 {0} 完成，退款 {1}：{2}</source>
        <translation>退貨 {0} 完成，退款 {1}：{2}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>找不到可補印的收據</source>
        <translation>找不到可補印的收據</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>補印 {0} 已送出</source>
        <translation>補印 {0} 已送出</translation>
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
    <message>
        <location line="+6"/>
        <source>門市 {0}  機台 {1}  收銀員 {2}</source>
        <translation>門市 {0}  機台 {1}  收銀員 {2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>收銀台 {0} {1}</source>
        <translation>收銀台 {0} {1}</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+6"/>
        <source>初次同步 {0} 筆</source>
        <translation>初次同步 {0} 筆</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  衝突 {0} 筆，請通知總部</source>
        <translation>  衝突 {0} 筆，請通知總部</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>此收銀機已被總部停用：交易仍可離線進行，但不會上傳，請聯絡總部</source>
        <translation>此收銀機已被總部停用：交易仍可離線進行，但不會上傳，請聯絡總部</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>印表機異常，{0} 張收據待印</source>
        <translation>印表機異常，{0} 張收據待印</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>收據未印出，已排入佇列，印表機恢復後自動列印</source>
        <translation>收據未印出，已排入佇列，印表機恢復後自動列印</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>印表機：正常</source>
        <translation>印表機：正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>印表機：{0} 張待印</source>
        <translation>印表機：{0} 張待印</translation>
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
    <name>MemberDialog</name>
    <message>
        <location filename="../../app/ui/member_dialog.py" line="+46"/>
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
        <location line="+14"/>
        <source>手機號碼或會員卡號</source>
        <translation>手機號碼或會員卡號</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>輸入手機號碼或掃描會員卡後按 Enter</source>
        <translation>輸入手機號碼或掃描會員卡後按 Enter</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <source>查詢 / 加入</source>
        <translation>查詢 / 加入</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>查無此會員。輸入姓名後按 Enter 即可加入會員（離線也可以）</source>
        <translation>查無此會員。輸入姓名後按 Enter 即可加入會員（離線也可以）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{0}  {1}</source>
        <translation>{0}  {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>點數 {0}  儲值金 NT${1:,}</source>
        <translation>點數 {0}  儲值金 NT${1:,}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>（本機）</source>
        <translation>（本機）</translation>
    </message>
    <message>
        <location line="+20"/>
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
        <location line="+16"/>
        <source>（離線：僅本機消費紀錄）</source>
        <translation>（離線：僅本機消費紀錄）</translation>
    </message>
    <message>
        <location line="-12"/>
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
        <location line="+10"/>
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
    <name>PairingDialog</name>
    <message>
        <location filename="../../app/ui/pairing_dialog.py" line="+25"/>
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
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../app/ui/return_dialog.py" line="+59"/>
        <location line="+80"/>
        <source>退貨</source>
        <translation>退貨</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>收據號碼（掃描收據條碼）</source>
        <translation>收據號碼（掃描收據條碼）</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+6"/>
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
        <location line="+28"/>
        <source>找不到這筆交易（只能退本機的交易）</source>
        <translation>找不到這筆交易（只能退本機的交易）</translation>
    </message>
    <message>
        <location line="+39"/>
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
        <location filename="../../app/ui/search_dialog.py" line="+27"/>
        <source>查詢商品</source>
        <translation>查詢商品</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+15"/>
        <source>查詢失敗：{0}</source>
        <translation>查詢失敗：{0}</translation>
    </message>
    <message>
        <location line="+8"/>
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
