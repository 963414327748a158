# 日本語。メッセージIDとプレースホルダーは原文の en-US.ftl と同じです。

## 共通部品：ほかの文の中で使う数と量

credit-amount = { $count }クレジット
request-amount = { $count }件のリクエスト
credit-amount-priced = { $credits } · { $price }
duration-seconds = 約{ $seconds }秒
duration-minutes = 約{ $minutes }分
duration-seconds-bare = { $seconds }秒
duration-minutes-bare = { $minutes }分
setting-on = オン
setting-off = オフ
setting-none = なし
setting-yes = はい
setting-no = いいえ

## クォータ：/quota show、予算超過による拒否、/quota set、/quota reset、/quota usage

quota-server-left = サーバー：残り **{ $remaining }** / { $limit }
quota-server-left-used = サーバー：残り **{ $remaining }** / { $limit }（使用済み { $used }）
quota-member-left = あなた：残り **{ $remaining }** / { $limit }
quota-resets = { $resets }にリセット（UTC基準で{ $period ->
    [day] 毎日
    [week] 毎週
   *[month] 毎月
}）
quota-bot-spent = このボットは{ $period ->
    [day] 今日
    [week] 今週
   *[month] 今月
}の分のクレジットを使い切りました。{ $resets }にもう一度お試しください。
quota-exceeded = { $scope ->
    [guild] このサーバーの
   *[member] あなたの
}残りは{ $remaining }で、このリクエストには{ $cost }必要です。{ $resets }にリセットされます。クレジットは消費されていません。
quota-invalid-nothing = 変更する項目がありません。サーバーの予算、メンバーごとの予算、期間のいずれかを指定してください。
quota-invalid-period = 期間はday、week、monthのいずれかにしてください。
quota-above-ceiling = このサーバーの予算は最大{ $ceiling }です。この上限はボットの運営者が設定しています。
quota-invalid-budget = { $budget ->
    [guild_credits] サーバーの予算
   *[member] メンバーごとの予算
}は0〜{ $most }クレジットの整数にしてください。
quota-saved = ✅ 保存しました。{ $summary }
quota-summary = このサーバーで使えるのは{ $period ->
    [day] 1日
    [week] 1週間
   *[month] 1か月
}あたり**{ $credits }**です（{ $member }）。
quota-summary-member = 各メンバーは**{ $credits }**まで
quota-summary-no-member = メンバーごとの予算なし
quota-forgave-everyone = ✅ このサーバーの全員がこの期間に使った{ $credits }を帳消しにしました。
quota-forgave-member = ✅ { $member }がこの期間に使った{ $credits }を帳消しにしました。
quota-nothing-to-forgive-everyone = 帳消しにするものはありません。この期間、このサーバーではまだ誰もクレジットを使っていません。
quota-nothing-to-forgive-member = 帳消しにするものはありません。{ $member }はこの期間にクレジットを使っていません。
quota-role-budget-set = ✅ { $role }のメンバーは、今後は期間ごとに{ $credits }使えます。
quota-role-budget-removed = ✅ { $role }の専用予算を削除しました。メンバーの既定の予算が適用されます。
quota-role-budget-unchanged = 変更はありません。{ $role }には専用の予算がありません。
usage-title = この期間のクレジット使用量
usage-summary = { $since }以降、{ $requests }で**{ $credits }**を使用しました。
usage-resets = { $resets }にリセット（UTC基準で{ $period ->
    [day] 毎日
    [week] 毎週
   *[month] 毎月
}）。
usage-line = { $who }：{ $credits }（{ $requests }）
usage-top-members = 使用量の多いメンバー
usage-by-model = モデル別
usage-by-kind = 生成と編集
usage-kind-generation = 生成
usage-kind-edit = 編集
usage-chart = グラフ：この期間の1日（UTC）あたりのクレジット（モデル別の積み上げ）と、その下に使用量の多いメンバーのクレジット。

## リクエスト：実行前の拒否、失敗、進行状況、順番待ち

database-uncounted = ボットのデータベースが混み合っています。このクレジットは復旧しだい計上されます。
bot-restarting = ボットの再起動のため、リクエストが中断されました。1分ほどしてからもう一度お試しください。
bot-restarting-refused = ボットの再起動のため、リクエストが中断されました。1分ほどしてからもう一度お試しください。クレジットは消費されていません。
not-started = Discordがボットの応答を受け付けなかったため、リクエストは開始されませんでした。クレジットは消費されていません。もう一度お試しください。
unexpected-error = こちら側で問題が発生しました。もう一度お試しください。詳細は管理者がログで確認できます。
guild-not-approved = このサーバーはまだボットの利用を承認されていません。ボットの運営者にお問い合わせください。
database-busy-refused = ボットのデータベースが現在混み合っています。クレジットは消費されていません。少し待ってからもう一度お試しください。
queue-not-waiting = このサーバーではリクエストの順番待ちができないため、今はリクエストを開始できませんでした。数分後にもう一度お試しください。クレジットは消費されていません。
queue-member-full = すでに{ $requests }が順番待ちで、1人あたりの上限に達しています。どれかが開始されるまでお待ちください。クレジットは消費されていません。
queue-full = このサーバーの順番待ちがいっぱいです（{ $requests }が待機中）。数分後にもう一度お試しください。クレジットは消費されていません。
spent-nothing = クレジットは消費されていません。
spent-known = それでも{ $credits }が消費されました。
spent-maybe = { $credits }が消費された可能性があります。画像サービス側で課金されている場合があるため、クレジットは消費済みのままになります。
failure-with-cost = { $failure }{ $spent }
progress-generating = 🎨 { $model }で生成中… { $seconds }秒
progress-editing = 🎨 { $model }で編集中… { $seconds }秒
queue-place = ⏳ { $ordinal ->
   *[other] 順番待ち{ $place }番目
}です（待ち時間は{ $duration }）。クレジットは確保してあり、「キャンセル」で返却されます。
left-line-refused = リクエストは開始前に順番待ちから外されました。{ $why }クレジットは消費されていません。
left-line-timed-out = リクエストが{ $duration }以上順番待ちしたため、キャンセルされました。クレジットは消費されていません。しばらくしてからもう一度お試しください。
left-line-cancelled = リクエストは開始前にキャンセルされました。クレジットは消費されていません。
queue-expelled = { $count ->
   *[other] 順番待ちの{ $requests }を列から外し、クレジットを返却しました。
}
cancel-done = ✅ キャンセルしました。リクエストは順番待ちから外れ、クレジットは返却されました。
cancel-running = ⚠️ このリクエストはすでに生成中のため、キャンセルできません。
cancel-gone = ⚠️ このリクエストはもう順番待ちしていません。
cancel-refused = このリクエストをキャンセルできるのは、リクエストしたメンバーかモデレーターだけです。

## 画像サービスのエラー

image-content-policy = 画像サービスの安全フィルターがこのプロンプトをブロックしました。表現を変えてお試しください。
image-bad-request = 画像サービスがこのリクエストを拒否しました。
image-bad-parameter = 画像サービスがこのリクエストを拒否しました。`{ $param }`オプションは受け付けられません。
image-gateway-config = 画像サービスがこのリクエストに対応するよう設定されていません。ボットの管理者が画像ゲートウェイの設定を確認する必要があります。
image-authentication = ボットの画像APIキーが画像サービスに拒否されました。ボットの管理者がキーを確認する必要があります。
image-rate-limited = 画像サービスが現在混み合っています。1分ほどしてからもう一度お試しください。
image-insufficient-quota = ボットの画像サービスのアカウントの残高が不足しています。ボットの管理者によるチャージが必要です。
image-unavailable = 画像サービスは現在利用できません。しばらくしてからもう一度お試しください。
image-timeout = 画像サービスの応答に時間がかかりすぎました。しばらくしてからもう一度お試しください。
image-malformed = 画像サービスから、使える画像ではないものが返されました。
image-edits-unsupported = この画像サービスは編集に対応していません。
image-edits-unsupported-model = この画像サービスは{ $model }での編集に対応していません。クレジットは消費されていません。

## 結果：画像の公開投稿とそのボタン

field-model = モデル
field-size = サイズ
field-aspect = アスペクト比
field-quality = 画質
field-style = スタイル
field-background = 背景
field-output-format = 出力形式
result-revised-prompt = 書き換え後のプロンプト
result-cost = 消費：{ $credits }
result-defaults-used = 使用した既定値
result-reencoded = Discordのアップロード上限に収めるため、WebPに再エンコードしました。
result-dropped = { $count ->
   *[other] 画像サービスから届いた画像のうち{ $count }枚は使用できませんでした（課金済み）。
}
button-reroll = 再生成
button-remix = リミックス
button-edit = 編集
button-delete = 削除
button-cancel = キャンセル
reroll-too-old = この画像は古いため再生成できません。もう一度/imagineを使ってください。
remix-too-old = この画像は古いためリミックスできません。もう一度/imagineを使ってください。
delete-refused = この画像を削除できるのは、リクエストしたメンバーかモデレーターだけです。
remix-title = リミックス
remix-prompt-label = プロンプト

## 編集：/imagine-edit、編集ボタン、メッセージメニュー

edit-no-image = そのメッセージには編集できる画像が添付されていません。
edit-prompt-label = 変えたいところ
edit-modal-title = imagineで編集
edit-too-large = `{ $file }`は{ NUMBER($size, minimumFractionDigits: 1, maximumFractionDigits: 1) }MBです。編集できる画像は{ NUMBER($limit, minimumFractionDigits: 1, maximumFractionDigits: 1) }MBまでです。クレジットは消費されていません。
edit-not-an-image = `{ $file }`は完全なPNG・JPEG・WebP画像ではありません。クレジットは消費されていません。
edit-too-many-pixels = `{ $file }`はピクセル数が多すぎて編集できません（最大{ $megapixels }メガピクセル）。クレジットは消費されていません。
edit-mask-not-png = マスクがPNGではありません。クレジットは消費されていません。
edit-mask-no-alpha = マスクに透明な部分がありません（透明なピクセルで変更する部分を示します）。クレジットは消費されていません。
edit-mask-size = マスクのサイズが1枚目の画像と異なります。クレジットは消費されていません。
edit-unreadable = Discordから`{ $file }`を受け取れませんでした。もう一度お試しください。クレジットは消費されていません。

## カタログによるリクエストのオプションの拒否

rejected-unknown-model = `{ $model }`というモデルはありません。次から選んでください：{ $known }。
rejected-empty-prompt = プロンプトが空です。
rejected-prompt-too-long = プロンプトが{ $length }文字あります。{ $model }で使えるのは最大{ $most }文字です。
rejected-size = { $model }ではサイズ`{ $size }`は使えません。使えるサイズ：{ $allowed }。
rejected-sizes-custom = { $listed }、または各辺{ $least }〜{ $most }（{ $step }刻み）の任意のWxH
rejected-too-many-images = { $model }で1回に生成できる画像は1〜{ $most }枚です。
rejected-no-such-option = { $model }には{ $option }オプションがありません。
rejected-value = { $model }では{ $option }に`{ $value }`は使えません。使える値：{ $allowed }。
rejected-unknown-options = { $model }は次のオプションに対応していません：{ $options }。
rejected-edits-not-offered = { $model }は画像を編集できません。クレジットは消費されていません。
rejected-too-many-inputs = { $model }で一度に編集できる画像は{ $most ->
   *[other] { $most }枚
}までですが、{ $count }枚指定されました。クレジットは消費されていません。
rejected-mask-not-offered = { $model }はマスクに対応していません。クレジットは消費されていません。
rejected-aspect-size = { $model }ではaspect `{ $aspect }`は{ $aspect_size }で、`{ $size }`とは一致しません。どちらか一方だけを指定してください。
rejected-extra-conflict = { $model }では{ $when_option } `{ $when_value }`と{ $option } `{ $value }`を組み合わせられません。{ $when_option } `{ $when_value }`と使える{ $option }：{ $allowed }。

## discord.py による実行前のコマンドの拒否

command-missing-permissions = このコマンドを使うには「{ $permissions }」権限が必要です。
command-guild-only = このコマンドはサーバー内でのみ使えます。
command-cooldown = 少し待ってください。{ NUMBER($seconds, maximumFractionDigits: 0) }秒後にもう一度お試しください。
command-bad-value = `{ $value }`はこのオプションに使える値ではありません。
command-refused = ここではこのコマンドを使えません。
permission-manage-guild = サーバー管理
permission-manage-channels = チャンネルの管理

## モデレーション：ルールによる拒否、/imagine-admin の応答、/imagine-admin show

strike-counted = 警告1回として記録されました（この期間で{ $count }回目）。
strike-counted-of = 警告1回として記録されました（この期間で{ $count }回目 / 上限{ $limit }回）。
strike-paused = これにより、モデレーターが再開するまで/imagineを使えなくなりました。
rule-paused = このサーバーでの/imagineの利用は一時停止されています。再開はモデレーターが行えます。
rule-paused-reason = このサーバーでの/imagineの利用は一時停止されています（理由：{ $reason }）。再開はモデレーターが行えます。
rule-paused-strikes = 警告が上限に達したため、このサーバーでの/imagineの利用は一時停止されています。再開はモデレーターが行えます。
rule-channel = このサーバーでは、/imagineは{ $channels }でのみ使えます。
rule-role = /imagineは、次のいずれかのロールを持つメンバーだけが使えます：{ $roles }。
rule-nsfw-only = このサーバーでは、/imagineは年齢制限チャンネルでのみ使えます。
rule-model-disabled = { $model }はこのサーバーでは無効になっています。別のモデルを選んでください。
rule-blocked-term = プロンプトに、このサーバーでブロックされている語句が含まれています：「{ $term }」
rule-blocked-builtin-term = プロンプトに、このサーバーで年齢制限チャンネル以外ではブロックされている語句が含まれています：「{ $term }」
rule-cooldown = 少し待ってください。/imagineは{ $when }に再び使えます。
rule-flagged = モデレーションチェックで、このプロンプトが不適切と判定されました。
rule-moderation-down = モデレーションチェックが現在利用できません。1分ほどしてからもう一度お試しください。
sentences = { $first }{ $second }
admin-saved = ✅ 保存しました。ルール全体は`/imagine-admin show`で確認できます。
admin-not-a-model = `{ $model }`はこのボットのモデルではありません。
list-blocked = ✅ { $entry }をブロックしました。
list-unblocked = ✅ { $entry }のブロックを解除しました。
list-already-blocked = 変更はありません。{ $entry }はすでにブロックされています。
list-not-blocked = 変更はありません。{ $entry }はブロックされていません。
list-channel-added = ✅ { $entry }で/imagineを使えるようになりました。
list-role-added = ✅ { $entry }のメンバーが/imagineを使えるようになりました。
list-removed = ✅ { $entry }をリストから外しました。
list-already-listed = 変更はありません。{ $entry }はすでにリストにあります。
list-not-listed = 変更はありません。{ $entry }はリストにありません。
list-model-disabled = ✅ { $entry }を無効にしました。
list-model-enabled = ✅ { $entry }を有効にしました。
list-model-already-disabled = 変更はありません。{ $entry }はすでに無効です。
list-model-already-enabled = 変更はありません。{ $entry }はすでに有効です。
member-paused = ✅ { $member }を一時停止しました。
member-already-paused = { $member }はすでに一時停止されています。
member-unpaused = ✅ { $member }の一時停止を解除しました。
member-not-paused = { $member }は一時停止されていません。
entries-terms = ブロック中の語句
entries-channels = チャンネル
entries-roles = ロール
entries-no-terms = なし
entries-everywhere = すべてのチャンネル
entries-everyone = 全員
setting-invalid-queue = { $limit ->
    [guild_concurrency] サーバー全体で同時に実行できるリクエスト数
    [member_concurrency] メンバーごとに同時に実行できるリクエスト数
   *[queue_limit] 順番待ちできるリクエスト数
}は{ $least }〜{ $most }の範囲にしてください（このボット自体の上限です）。何も変更されていません。
setting-term-empty = ブロックする語句には、文字か数字が1つ以上必要です。
setting-too-many-terms = このサーバーのブロック中の語句はすでに上限の{ $most }件です。先にどれかを削除してください。何も追加されていません。
setting-term-too-long = ブロックする語句は{ $most }文字までです。
setting-nothing = 変更する項目がありません。設定を1つ以上指定してください。
setting-invalid-cooldown = クールダウンは0〜{ $most }秒の範囲にしてください。
setting-invalid-strike-limit = 警告の上限は0〜{ $most }の範囲にしてください。
setting-invalid-role-budget = ロールの予算は1〜{ $most }クレジットの範囲にしてください。
policy-title = このサーバーの/imagineのルール
policy-budgets = 予算
policy-budgets-value = サーバー：{ $period ->
    [day] 1日
    [week] 1週間
   *[month] 1か月
}あたり{ $credits }
    各メンバー：{ $member }
policy-role-budgets = ロール別の予算
policy-role-budget = { $role }：{ $credits }
policy-models = モデル
policy-nsfw-only = 年齢制限チャンネルのみ
policy-cooldown = クールダウン
policy-strike-limit = 警告の上限
policy-audit-channel = 監査チャンネル
policy-blocked-terms = ブロック中の語句
policy-blocked-terms-value = このサーバー独自：{ $count }件、組み込みリスト：{ $builtin }（年齢制限チャンネル以外）
policy-paused = 一時停止中のメンバー
policy-paused-strikes = 警告が上限に達した
policy-queue = 順番待ち
policy-queue-value = 同時実行：{ $running }件（メンバーごとに{ $member_running }件）、順番待ち：最大{ $waiting }（メンバーごとに{ $member_waiting }件）
policy-live-queue = 現在の状況：実行中{ $running }件、待機中{ $waiting }件
policy-live-member = { $member }：実行中{ $running }件、待機中{ $waiting }件

## モデレーター用チャンネルへの監査投稿

audit-generated = 生成
audit-edited = 編集
rule-name = { $rule ->
    [paused] メンバーは一時停止中
    [channel] そのチャンネルでは使用不可
    [role] ロールが許可されていない
    [nsfw_only] 年齢制限チャンネル限定
    [model] モデルが無効
    [blocked_term] ブロック中の語句
    [cooldown] クールダウン中
    [pre_moderation] モデレーションチェックで不適切と判定
    [pre_moderation_unavailable] モデレーションチェックが利用不可
    [quota] 予算超過
    [bot_budget] ボット全体の予算切れ
    [queue_full] 順番待ちが満杯
    [member_queue_full] メンバーの順番待ちが上限
    [shutting_down] ボット再起動中
   *[other] ルール
}
audit-refused = 拒否：{ $rule }
audit-strike = 警告
audit-member = メンバー
audit-channel = チャンネル
audit-quality-default = 既定
audit-images = 画像
audit-credits = クレジット
audit-result = 結果
audit-jump = [結果へ移動]({ $link })
audit-not-delivered = 未投稿
audit-why = 理由
audit-strikes = この期間の警告
audit-strikes-uncounted = 未集計（データベースが混み合っていたため）
audit-strikes-count-of = { $count }回 / 上限{ $limit }回
audit-paused = 一時停止

## 既定値：/imagine-settings と /imagine-admin defaults

defaults-mine = あなたの既定値：{ $options }
defaults-server = サーバーの既定値：{ $options }
defaults-both = { $mine }／{ $server }
defaults-skipped-mine = あなたの既定のモデル`{ $model }`は現在ここでは使えないため、適用しませんでした。
defaults-skipped-server = サーバーの既定のモデル`{ $model }`は現在ここでは使えないため、適用しませんでした。
model-not-offered = { $model }はこのサーバーでは使えません。
defaults-mine-none = このサーバーでのあなたの既定値：なし。/imagineはサーバーとカタログの既定値を使います。
defaults-server-none = このサーバーの既定値：なし。/imagineはカタログの既定値を使います。
defaults-mine-shown = このサーバーでのあなたの既定値：{ $options }。
defaults-server-shown = このサーバーの既定値：{ $options }。
defaults-option = { $option } { $value }
defaults-none-to-clear = 削除する既定値はありませんでした。
defaults-mine-cleared = ✅ あなたの既定値を削除しました。
defaults-server-cleared = ✅ サーバーの既定値を削除しました。

## 履歴とプライバシー：/imagine-history、/imagine-forget

history-refused = 他のメンバーの履歴を見られるのは、「サーバー管理」権限を持つメンバーだけです。
use-again-refused = もう一度使えるのは、自分のリクエストだけです。
use-again-gone = このリクエストはもう履歴にありません。もう一度/imagineを使ってください。
use-again-placeholder = もう一度使う…
use-again-empty = （空）
use-again-description = { $model } · { $size } · 前回{ $credits }
forget-refused = これを確定できるのは、実行したメンバーだけです。
forget-confirm = このサーバーでのあなたのプロンプトと/imagineの履歴を完全に消去します。対象は履歴の一覧、再生成用に保存されたプロンプト、生成結果へのリンクです。使ったクレジットは戻らず、モデレーターの監査チャンネルへの投稿も残ります。続けるには**消去**を押してください。
button-erase = 消去
button-previous = 前へ
button-next = 次へ
history-title = /imagineの履歴
history-mine = このサーバーでのあなたのリクエスト（新しい順）。
history-member = このサーバーでの{ $member }のリクエスト（新しい順）。
history-page = { $page }ページ
history-empty-page = ここには何もありません。
history-empty = このサーバーでのリクエストはまだありません。
history-no-prompt = *プロンプトは保存されていません*
history-nothing-spent = 消費なし
history-edit = 編集
history-refused-rule = 拒否：{ $rule }
history-pending = 処理中
history-unknown = 結果不明
history-refunded = 返却済み
history-refunded-safety = 返却済み：画像サービスの安全フィルターで拒否
history-delivered = 投稿済み
history-delivered-link = 投稿済み（[移動]({ $link })）
forgotten-nothing-mine = 消去するものはありません。このサーバーでのあなたの履歴は空です。
forgotten-nothing-member = 消去するものはありません。このサーバーでの{ $member }の履歴は空です。
forgotten-mine = ✅ このサーバーでのあなたの履歴を{ $count }件消去しました。
forgotten-member = ✅ このサーバーでの{ $member }の履歴を{ $count }件消去しました。

## 1つのメッセージに収まるよう省略したリスト

listing-more = …ほか{ $count }件
quoted = 「{ $text }」

## Commands

cmd-imagine = テキストから画像を生成します
cmd-imagine-prompt = 描いてほしいものを自由な言葉で
cmd-imagine-model = 使用する画像モデル
cmd-size = 画像サイズ（ピクセル、選択肢はモデルによって異なります）
cmd-quality = 画質（選択肢はモデルによって異なります）
cmd-count = 画像の枚数（選択肢はモデルによって異なります）
cmd-imagine-aspect = 形：square（正方形）、portrait（縦長）、landscape（横長）、モデルによってはwide、tall
cmd-imagine-style = DALL·E 3のスタイル：vivid（鮮やか）またはnatural（自然）
cmd-imagine-background = GPT Imageの背景：auto、opaque（不透明）、transparent（透明）
cmd-imagine-output-format = GPT Imageのファイル形式：png、webp、jpeg

cmd-imagine-edit = テキストの指示で画像を編集します
cmd-imagine-edit-image = 編集する画像
cmd-imagine-edit-prompt = 変えたいところを自由な言葉で
cmd-imagine-edit-image2 = 2枚目の入力画像
cmd-imagine-edit-image3 = 3枚目の入力画像
cmd-imagine-edit-image4 = 4枚目の入力画像
cmd-imagine-edit-mask = 透明なピクセルで変更する部分を示すPNG（1枚目の画像と同じサイズ）
cmd-imagine-edit-model = 使用する画像モデル（編集に対応したモデルのみ）
cmd-imagine-edit-background = 背景（対応モデルのみ：auto、opaque、transparent）
cmd-imagine-edit-output-format = 画像形式（対応モデルのみ：png、webp、jpeg）
cmd-edit-menu = imagineで編集

cmd-imagine-history = このサーバーでの過去の/imagineリクエスト
cmd-imagine-history-member = 誰の履歴か（他のメンバーの履歴には「サーバー管理」権限が必要）
cmd-imagine-forget = このサーバーでのあなたのプロンプトと/imagineの履歴を消去します

cmd-imagine-settings = このサーバーでのあなた専用の/imagineの既定値
cmd-defaults-model = 既定のモデル
cmd-defaults-size = 既定のサイズ（ピクセル、選択肢はモデルによって異なります）
cmd-defaults-aspect = 既定の形：square、portrait、landscape、wide、tall
cmd-defaults-quality = 既定の画質（選択肢はモデルによって異なります）
cmd-defaults-style = DALL·E 3の既定のスタイル：vividまたはnatural
cmd-defaults-clear = これらの既定値をすべて削除します

cmd-imagine-admin = このサーバーの/imagineを管理します（サーバー管理権限）
cmd-imagine-admin-show = このサーバーの/imagineのルールをすべて表示します
cmd-imagine-admin-set = モデレーション設定を変更します（指定しない項目はそのまま）
cmd-imagine-admin-set-audit-channel = すべての生成・拒否・警告をモデレーター向けに投稿するチャンネル
cmd-imagine-admin-set-nsfw-only = /imagineを年齢制限チャンネルだけで使えるようにします
cmd-imagine-admin-set-cooldown-seconds = メンバーがリクエストの間に待つ秒数（「サーバー管理」権限があれば待ちません）
cmd-imagine-admin-set-builtin-terms = 年齢制限チャンネル以外で、組み込みの性的・残虐な語句をブロックします
cmd-imagine-admin-set-strike-limit = メンバーが一時停止されるまでの、期間内の安全上の拒否回数（0 = 停止しない）
cmd-imagine-admin-set-guild-concurrency = このサーバーで同時に実行できる画像リクエスト数（ボットの上限まで）
cmd-imagine-admin-set-member-concurrency = メンバーごとに同時に実行できる画像リクエスト数（ボットの上限まで）
cmd-imagine-admin-set-queue-limit = このサーバーの順番待ちに並べるリクエスト数（ボットの上限まで）
cmd-imagine-admin-defaults = このサーバーの/imagineの既定値（オプションなしで表示）
cmd-imagine-admin-blocked = プロンプトに含めてはいけない語句
cmd-imagine-admin-blocked-add = 単語やフレーズをブロックします（末尾の * でその語で始まるものもブロック）
cmd-imagine-admin-blocked-add-term = 単語やフレーズ（`word*` はその語で始まる単語もブロック）
cmd-imagine-admin-blocked-remove = 単語やフレーズのブロックを解除します
cmd-imagine-admin-blocked-remove-term = 追加したときのままの単語やフレーズ
cmd-imagine-admin-blocked-list = このサーバーでブロックしている語句
cmd-imagine-admin-channels = /imagineを使えるチャンネル（登録がなければどこでも）
cmd-imagine-admin-channels-add = このチャンネル（とそのスレッド）で/imagineを使えるようにします
cmd-imagine-admin-channels-add-channel = /imagineを使えるようにするチャンネル
cmd-imagine-admin-channels-remove = チャンネルをリストから外します
cmd-imagine-admin-channels-remove-channel = リストから外すチャンネル
cmd-imagine-admin-channels-list = /imagineを使えるチャンネルを表示します
cmd-imagine-admin-roles = /imagineを使えるロール（登録がなければ全員）
cmd-imagine-admin-roles-add = このロールのメンバーが/imagineを使えるようにします
cmd-imagine-admin-roles-add-role = メンバーが/imagineを使えるようになるロール
cmd-imagine-admin-roles-remove = ロールをリストから外します
cmd-imagine-admin-roles-remove-role = リストから外すロール
cmd-imagine-admin-roles-list = /imagineを使えるロールを表示します
cmd-imagine-admin-models = メンバーが選べるモデル
cmd-imagine-admin-models-enable = このサーバーでモデルを再び使えるようにします
cmd-imagine-admin-models-disable = このサーバーでモデルを使えないようにします
cmd-imagine-admin-models-model = カタログにあるモデル
cmd-imagine-admin-member = メンバーの一時停止・再開・データ消去
cmd-imagine-admin-member-pause = 再開するまでメンバーが/imagineを使えないようにします
cmd-imagine-admin-member-pause-member = 一時停止するメンバー
cmd-imagine-admin-member-pause-reason = メンバーに表示される理由
cmd-imagine-admin-member-unpause = メンバーが再び/imagineを使えるようにします
cmd-imagine-admin-member-unpause-member = 再開するメンバー（警告は取り消されます）
cmd-imagine-admin-member-forget = このサーバーでのメンバーのプロンプトと履歴を消去します（退出したメンバーも可）
cmd-imagine-admin-member-forget-user = 履歴を消去するメンバー（元メンバーも可）

cmd-quota = このサーバーの画像クレジット
cmd-quota-show = 残りの画像クレジットと、次にリセットされる日時
cmd-quota-set = このサーバーのクレジット予算を変更します（サーバー管理権限）
cmd-quota-set-guild-credits = サーバー全体が期間ごとに使えるクレジット
cmd-quota-set-member-credits = 各メンバーが期間ごとに使えるクレジット（0 = メンバーごとの予算なし）
cmd-quota-set-period = 予算がリセットされる間隔
cmd-quota-period-day = 日（毎日 00:00 UTC にリセット）
cmd-quota-period-week = 週（毎週月曜 00:00 UTC にリセット）
cmd-quota-period-month = 月（毎月1日 00:00 UTC にリセット）
cmd-quota-reset = この期間の使用分を帳消しにします（サーバー管理権限）
cmd-quota-reset-member = 使用分を帳消しにするメンバー（空欄ならサーバー全体）
cmd-quota-role = ロールに専用のメンバー予算を設定します（サーバー管理権限）
cmd-quota-role-role = このロールのメンバーには、既定の代わりにこのロールの予算が適用されます
cmd-quota-role-credits = 期間ごとのクレジット（空欄ならロールの予算を削除）
cmd-usage = この期間に誰が何にクレジットを使ったか
